"""The food table: loading data/foods.csv, looking foods up and searching them by name.

Pure Python (no Home Assistant). Names are matched word by word, in English and Swedish at once,
ignoring case and accents (see `normalize`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
import csv
import heapq
from pathlib import Path
import re
import sys
import unicodedata

from .categories import Category
from .model import Food

COLUMNS = (
    "id",
    "name",
    "name_sv",
    "category",
    "protein_g",
    "leucine_g",
    "kcal",
    "leucine_estimated",
    "usda_ndb",
    "common",
)

_CATEGORIES = {category.value: category for category in Category}
# Letters that NFKD does not split into a base letter and an accent.
_FOLD = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ł": "l", "đ": "d"}
)
_WORD = re.compile(r"[^\W_]+")
_LAST_CHAR = chr(sys.maxunicode)  # sorts after every character a word can continue with
# Prefixes whose matching foods are remembered; short prefixes match many foods.
PREFIX_CACHE_SIZE = 512


def normalize(text: str) -> str:
    """Return `text` in lower case without accents: "Kycklingbröst" -> "kycklingbrost"."""
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKD", text).casefold().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """Return the normalized words of `text` (letters and digits; punctuation separates)."""
    return _WORD.findall(normalize(text))


def _name_key(text: str) -> str:
    return " ".join(words(text))


class _Index:
    """Word index over a table's English and Swedish names."""

    def __init__(self, foods: list[Food]) -> None:
        postings: defaultdict[str, list[int]] = defaultdict(list)
        names_en: dict[str, int] = {}
        names_sv: dict[str, int] = {}
        for position, food in enumerate(foods):
            name_words = words(food.name)
            sv_words = words(food.name_sv) if food.name_sv else []
            for word in set(name_words + sv_words):
                postings[word].append(position)
            # The later food wins an exact name, so foods added to a table shadow built-in ones.
            names_en[" ".join(name_words)] = position
            if sv_words:
                names_sv[" ".join(sv_words)] = position
        self.postings = {word: frozenset(found) for word, found in postings.items()}
        self.vocabulary = sorted(postings)
        self.names = {"en": names_en, "sv": names_sv}
        self.rank: dict[str, tuple[list[int], list[int]]] = {}
        self.prefix_cache: dict[str, frozenset[int]] = {}

    def with_prefix(self, prefix: str) -> frozenset[int]:
        """Return the positions of the foods with a name word starting with `prefix`."""
        found = self.prefix_cache.get(prefix)
        if found is None:
            vocabulary = self.vocabulary
            start = bisect_left(vocabulary, prefix)
            end = bisect_left(vocabulary, prefix + _LAST_CHAR, start)
            matches: set[int] = set()
            for word in vocabulary[start:end]:
                matches.update(self.postings[word])
            found = frozenset(matches)
            if len(self.prefix_cache) >= PREFIX_CACHE_SIZE:
                self.prefix_cache.clear()
            self.prefix_cache[prefix] = found
        return found


class FoodTable:
    """An ordered collection of foods, looked up by id, exact name or words of the name."""

    def __init__(self, foods: Iterable[Food] = ()) -> None:
        """Hold `foods` in order; a later food replaces an earlier one with the same id."""
        by_id: dict[str, Food] = {}
        for food in foods:
            by_id.pop(food.id, None)
            by_id[food.id] = food
        self._by_id = by_id
        self._foods = list(by_id.values())
        self._index: _Index | None = None

    @classmethod
    def load(cls, path: Path) -> FoodTable:
        """Read a table written by scripts/build_food_table.py.

        Raises ValueError if the header is not the expected one, or a value is malformed.
        """
        categories = _CATEGORIES
        with path.open(encoding="utf-8", newline="") as file:
            reader = csv.reader(file)
            header = next(reader, None)
            if header is None or tuple(header) != COLUMNS:
                msg = f"{path}: expected the columns {','.join(COLUMNS)}"
                raise ValueError(msg)
            foods: list[Food] = []
            append = foods.append
            try:
                for row in reader:
                    (
                        food_id,
                        name,
                        name_sv,
                        category,
                        protein,
                        leucine,
                        kcal,
                        estimated,
                        ndb,
                        common,
                    ) = row
                    append(
                        Food(
                            id=food_id,
                            name=name,
                            name_sv=name_sv,
                            category=categories[category],
                            protein_g=float(protein),
                            leucine_g=float(leucine),
                            kcal=float(kcal),
                            leucine_estimated=estimated == "1",
                            usda_ndb=ndb or None,
                            common=common == "1",
                        )
                    )
            except (KeyError, ValueError) as err:
                msg = f"{path}: line {reader.line_num}: {err!r}"
                raise ValueError(msg) from err
        return cls(foods)

    def with_extra(self, foods: Iterable[Food]) -> FoodTable:
        """Return a new table with `foods` (e.g. a user's custom foods) added after these.

        An added food with an id already in the table replaces that food.
        """
        return FoodTable([*self._foods, *foods])

    def __len__(self) -> int:
        """Return the number of foods."""
        return len(self._foods)

    def __iter__(self) -> Iterator[Food]:
        """Iterate over the foods in table order."""
        return iter(self._foods)

    def __contains__(self, food_id: object) -> bool:
        """Return whether a food has this id."""
        return food_id in self._by_id

    def get(self, food_id: str) -> Food | None:
        """Return the food with this id, or None."""
        return self._by_id.get(food_id)

    def common(self) -> list[Food]:
        """Return the common foods, in table order."""
        return [food for food in self._foods if food.common]

    @property
    def indexed(self) -> bool:
        """Return whether the search index is built (searching then costs microseconds)."""
        index = self._index
        return index is not None and "en" in index.rank and "sv" in index.rank

    def build_index(self) -> None:
        """Build the search index now rather than on the first search or resolve.

        It takes tens of milliseconds for the full table, so call this in an executor job
        right after `load` to keep the first search in the event loop fast.
        """
        index = self._ensure_index()
        self._rank(index, "en")
        self._rank(index, "sv")

    def _ensure_index(self) -> _Index:
        if self._index is None:
            self._index = _Index(self._foods)
        return self._index

    def _rank(self, index: _Index, language: str) -> tuple[list[int], list[int]]:
        """Return (place of each position, position at each place) in the static order.

        The static order is: common foods first, in the table's order (the curated order of
        how often people eat them: raw chicken breast before ground chicken), then the other
        foods by shorter names in `language`, then id.
        """
        key = "sv" if language == "sv" else "en"
        ranked = index.rank.get(key)
        if ranked is None:
            foods = self._foods
            order = sorted(
                range(len(foods)),
                key=lambda i: (
                    not foods[i].common,
                    i if foods[i].common else len(foods[i].name_in(key)),
                    foods[i].id,
                ),
            )
            rank = [0] * len(foods)
            for place, position in enumerate(order):
                rank[position] = place
            ranked = index.rank[key] = (rank, order)
        return ranked

    def _hits(
        self, query: str, language: str, limit: int
    ) -> list[tuple[bool, int, int]]:
        """Return (not common, -whole-word matches, rank) of the best `limit` hits, best first.

        The rank (common first, shorter name, id) already orders foods with no query word
        matching a whole name word, so only the few foods with whole-word matches need a full
        sort key; of the others only the `limit` best by rank are kept.
        """
        query_words = list(dict.fromkeys(words(query)))
        if not query_words:
            return []
        index = self._ensure_index()
        sets = sorted((index.with_prefix(word) for word in query_words), key=len)
        found = sets[0].intersection(*sets[1:])
        if not found:
            return []
        rank = self._rank(index, language)[0]
        whole: dict[int, int] = {}
        for word in query_words:
            for position in found.intersection(index.postings.get(word, ())):
                whole[position] = whole.get(position, 0) + 1
        foods = self._foods
        hits = [
            (not foods[position].common, -count, rank[position])
            for position, count in whole.items()
        ]
        rest = found.difference(whole) if whole else found
        hits += [
            (not foods[position].common, 0, rank[position])
            for position in heapq.nsmallest(limit, rest, key=rank.__getitem__)
        ]
        hits.sort()
        return hits[:limit]

    def search(
        self, query: str, *, language: str = "en", limit: int = 20
    ) -> list[Food]:
        """Return up to `limit` foods whose English or Swedish name matches every query word.

        A query word matches a name word that starts with it, ignoring case and accents
        ("kyckl" and "kycklingbrost" both find "Kycklingbröst"). Ranking: common foods first,
        then more query words matching whole name words, then shorter names (in `language`),
        then id. An empty query finds nothing.
        """
        if limit <= 0:
            return []
        hits = self._hits(query, language, limit)
        order = self._rank(self._ensure_index(), language)[1]
        foods = self._foods
        return [foods[order[place]] for *_, place in hits]

    def resolve(self, text: str, language: str = "en") -> Food | None:
        """Return the one food that `text` names, or None if it names none or several.

        In order:
        1. a food id (exactly as written, else ignoring case and surrounding spaces);
        2. a name equal to `text` ignoring case, accents, punctuation and spacing, in
           `language` first, then in the other language; of foods with the same name the one
           added last wins (a user's custom food shadows a built-in one);
        3. the best search hit, but only if it is the only hit, or it is in a better tier than
           the second hit: common where the second is not, or more query words matching whole
           name words. Otherwise the text is ambiguous and None is returned.
        """
        food = self._by_id.get(text)
        if food is not None:
            return food
        stripped = text.strip()
        food = self._by_id.get(stripped) or self._by_id.get(stripped.casefold())
        if food is not None:
            return food
        key = _name_key(stripped)
        if not key:
            return None
        index = self._ensure_index()
        first, second = ("sv", "en") if language == "sv" else ("en", "sv")
        for names in (index.names[first], index.names[second]):
            position = names.get(key)
            if position is not None:
                return self._foods[position]
        hits = self._hits(stripped, language, 2)
        if not hits or (len(hits) > 1 and hits[0][:2] == hits[1][:2]):
            return None
        order = self._rank(index, language)[1]
        return self._foods[order[hits[0][2]]]


class FoodLibrary:
    """The foods one person can use: their own foods (custom, barcode) and the bundled table.

    A person's own foods come first: they are found before bundled foods, and an own food
    with a bundled food's exact name or id shadows it. The bundled table is shared and never
    copied; only the person's few own foods are re-indexed when they change.
    """

    def __init__(self, table: FoodTable, own: Iterable[Food] = ()) -> None:
        """Combine the bundled `table` with the person's `own` foods."""
        self._table = table
        self._own = FoodTable(own)

    @property
    def table(self) -> FoodTable:
        """Return the bundled table (shared by everyone)."""
        return self._table

    @property
    def own_foods(self) -> list[Food]:
        """Return the person's own foods, oldest first."""
        return list(self._own)

    def add_own(self, food: Food) -> None:
        """Add an own food, or replace the own food with the same id."""
        self._own = FoodTable([*self._own, food])

    def remove_own(self, food_id: str) -> Food | None:
        """Remove an own food; return it, or None if there was none with that id."""
        food = self._own.get(food_id)
        if food is not None:
            self._own = FoodTable(other for other in self._own if other.id != food_id)
        return food

    def __len__(self) -> int:
        """Return the number of foods (own foods that shadow a bundled id count once)."""
        return len(self._table) + sum(
            1 for food in self._own if food.id not in self._table
        )

    def get(self, food_id: str) -> Food | None:
        """Return the food with this id, or None."""
        return self._own.get(food_id) or self._table.get(food_id)

    def is_own(self, food_id: str) -> bool:
        """Return whether the food with this id is one of the person's own."""
        return food_id in self._own

    def common(self) -> list[Food]:
        """Return the bundled table's common foods."""
        return self._table.common()

    def search(
        self, query: str, *, language: str = "en", limit: int = 20
    ) -> list[Food]:
        """Return matching own foods first, then matching bundled foods (see FoodTable)."""
        own = self._own.search(query, language=language, limit=limit)
        shadowed = {food.id for food in own}
        bundled = self._table.search(query, language=language, limit=limit + len(own))
        return [*own, *(food for food in bundled if food.id not in shadowed)][:limit]

    def resolve(self, text: str, language: str = "en") -> Food | None:
        """Return the food `text` names: an own food's id or exact name, else the table's."""
        food = self._own.get(text.strip())
        if food is not None:
            return food
        key = _name_key(text.strip())
        for own in reversed(list(self._own)):
            if key and key in (_name_key(own.name), _name_key(own.name_sv)):
                return own
        return self._table.resolve(text, language)


def food_choices(
    library: FoodLibrary,
    *,
    favorites: Iterable[str],
    recent: Iterable[str | None],
    selected: str | None,
    limit: int,
) -> list[Food]:
    """Return the foods a person picks from: favourites, own, recent, then common foods.

    `recent` are the food ids of the log, newest first. Favourites and own foods (the ones a
    person added themselves, newest first) are all kept; recent and common foods fill up to
    `limit`; the selected food is always among the choices.
    """
    chosen: dict[str, Food] = {}

    def offer(food_id: str | None) -> None:
        if food_id is None or food_id in chosen:
            return
        if (food := library.get(food_id)) is not None:
            chosen[food_id] = food

    for favorite in favorites:
        offer(favorite)
    for own in reversed(library.own_foods):
        offer(own.id)
    for food_id in recent:
        if len(chosen) >= limit:
            break
        offer(food_id)
    for food in varied(library.common()):
        if len(chosen) >= limit:
            break
        offer(food.id)
    offer(selected)
    return list(chosen.values())


def varied(foods: Iterable[Food]) -> list[Food]:
    """Return `foods` taking one of each category in turn, keeping their order within it.

    A short pick list then shows cottage cheese, eggs, chicken, salmon, lentils, tofu, oats
    and almonds before a second kind of cheese.
    """
    by_category: dict[str, list[Food]] = {}
    for food in foods:
        by_category.setdefault(food.category, []).append(food)
    queues = list(by_category.values())
    mixed: list[Food] = []
    for place in range(max((len(queue) for queue in queues), default=0)):
        mixed.extend(queue[place] for queue in queues if place < len(queue))
    return mixed
