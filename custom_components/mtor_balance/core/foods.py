"""The food table: loading data/foods.csv, looking foods up and searching them by name.

Pure Python (no Home Assistant). Names are matched word by word, in English and Swedish at once,
ignoring case and accents (see `normalize`), and a word also matches its plural or definite form
("eggs" finds "Egg", "äggen" finds "Ägg", "bananas" is "Banana"; see `english_stem` and
`swedish_stem`), so names said to a voice assistant find their food.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
import csv
import heapq
from pathlib import Path
import re
import sys
from typing import NamedTuple
import unicodedata

from .amounts import WEIGHT_UNITS, units_of
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
    "synonyms",
    "units",
)

_CATEGORIES = {category.value: category for category in Category}
# Letters that NFKD does not split into a base letter and an accent.
_FOLD = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ł": "l", "đ": "d"}
)
_WORD = re.compile(r"[^\W_]+")
# The combining diacritics of Latin letters (the rest are taken off one by one).
_DIACRITICS = re.compile("[\u0300-\u036f]")
_LAST_CHAR = chr(sys.maxunicode)  # sorts after every character a word can continue with
# Prefixes whose matching foods are remembered; short prefixes match many foods.
PREFIX_CACHE_SIZE = 512


def normalize(text: str) -> str:
    """Return `text` in lower case without accents: "Kycklingbröst" -> "kycklingbrost"."""
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKD", text).casefold().translate(_FOLD)
    decomposed = _DIACRITICS.sub("", unicodedata.normalize("NFKD", folded))
    if decomposed.isascii():
        return decomposed
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """Return the normalized words of `text` (letters and digits; punctuation separates)."""
    return _WORD.findall(normalize(text))


def _name_key(text: str) -> str:
    return " ".join(words(text))


# Plural endings that are "-es" rather than "-s": peaches, dishes, glasses, boxes, tomatoes.
_ES_PLURALS = ("ches", "shes", "sses", "xes", "zes", "oes")
# Words ending in these are not plurals: hummus, swiss, ris (rice), anis.
_NOT_PLURAL = ("ss", "us", "is")
_VOWELS = frozenset("aeiouy")
# Swedish plural, definite and plural-definite endings, longest first: jordgubbarna,
# bananer, bönor, äggen, ägget; a final -a/-e joins "böna" and "bönor", "bulle" and "bullar".
_SWEDISH_ENDINGS = ("arna", "erna", "orna", "ar", "er", "or", "en", "et", "a", "e")
_MIN_STEM = 3  # shorter Swedish stems would join unrelated words
_MIN_ENGLISH_STEM = 2
_STACKED_ENDINGS = 3  # Swedish endings taken off a query word, one after another


def english_stem(word: str) -> str:
    """Return a normalized English word without its plural ending, as a matching key.

    "eggs" and "egg" -> "egg", "peaches" -> "peach", "tomatoes" -> "tomato"; a final -y or -ie
    becomes -i so that the singular and plural meet ("berry", "berries" -> "berri"). The key is
    only compared with other keys; it need not be a word.
    """
    stem = word
    if stem.endswith(("ies", *_ES_PLURALS)):
        stem = stem[:-2]
    elif stem.endswith("s") and not stem.endswith(_NOT_PLURAL):
        stem = stem[:-1]
    if stem.endswith("ie"):
        stem = stem[:-1]
    elif stem.endswith("y") and len(stem) > 1 and stem[-2] not in _VOWELS:
        stem = stem[:-1] + "i"
    # "pie" and "pies" meet at "pi"; a lone letter joins too much.
    return stem if len(stem) >= _MIN_ENGLISH_STEM else word


def swedish_stem(word: str) -> str:
    """Return a normalized Swedish word without its plural or definite ending, as a key.

    "äggen", "ägget" and "ägg" -> "agg"; "bananer" and "banan" -> "banan"; "bönor" and "böna"
    -> "bon". Only compared with other keys.
    """
    for ending in _SWEDISH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


def _union(first: frozenset[int], second: frozenset[int]) -> frozenset[int]:
    """Return the union, without copying a large set when the other one is empty."""
    if not second:
        return first
    return first | second if first else second


# A name's "head" is the food it names: the text before its first ",", ";" or "(" ("Milk" of
# "Milk, whole, 3.25% fat"; "Mjölk" of "Mjölk, 3 % fett"), after a group label that SR28 puts
# first ("Fast foods, hamburger" -> "hamburger") and a brand in capitals ("McDONALD'S,
# Hamburger" -> "Hamburger"). A query whose word is the head's first word is asking for that
# kind of food ("milk", "cheese", "hamburger"), so those foods come before ones where the word
# only qualifies another food ("Greek yogurt, whole milk", "Rolls, hamburger or hotdog").
_HEAD_END = re.compile(r"[,;(]")
# SR28 group labels put before a food's own name, and how far their foods sink in searches:
# a food eaten out after a generic one, a brand after that, baby foods last.
DEMOTE_RESTAURANT = 1
DEMOTE_BRAND = 2
DEMOTE_BABY = 3
_LABELS = {
    "fast foods": DEMOTE_RESTAURANT,
    "fast food": DEMOTE_RESTAURANT,
    "restaurant": DEMOTE_RESTAURANT,
    "babyfood": DEMOTE_BABY,
    "baby food": DEMOTE_BABY,
    "infant formula": DEMOTE_BABY,
    "toddler formula": DEMOTE_BABY,
    "beverages": 0,
}
# A brand is a word in capitals, three letters or more ("KRAFT", "McDONALD'S"), except these
# abbreviations that SR28 uses in generic names.
_CAPITALS = re.compile(r"[A-Z]{3,}")
_NOT_BRANDS = frozenset(
    {"USDA", "NFS", "NLEA", "UHT", "DHA", "ARA", "RTF", "RTE", "USA"}
)
_BABY = ("babyfood", "baby food", "toddler")
# Swedish compound words name their kind last ("hushållsost" is an "ost", "mellanmjölk" a
# "mjölk"): a query word that ends a name word after at least this many letters matches it,
# more weakly than a whole word and more strongly than a prefix.
_MIN_COMPOUND_FIRST_PART = 3
_MIN_COMPOUND_HEAD = 2
# Match strength of a query word: a whole (or inflected) name word, the end of a Swedish
# compound, the start of a name word.
_WHOLE = 2
_COMPOUND = 1


def _is_brand(text: str) -> bool:
    """Return whether a part of a name is a brand alone: "McDONALD'S", "KRAFT", "WENDY'S"."""
    if not _CAPITALS.search(text):
        return False
    letters = "".join(char for char in text.replace("Mc", "") if char.isalpha())
    return letters.isupper() and letters not in _NOT_BRANDS


def head(name: str) -> tuple[list[str], int]:
    """Return a name's head words (see `_HEAD_END`) and how far the food sinks in searches.

    Sinking (0: a generic food): DEMOTE_RESTAURANT for SR28's "Fast foods" and "Restaurant"
    rows, DEMOTE_BRAND for a brand in capitals ("KRAFT", "McDONALD'S"), DEMOTE_BABY for baby
    foods and infant formulas.
    """
    start, count, sink = head_span(name)
    return words(name)[start : start + count], sink


def head_span(name: str) -> tuple[int, int, int]:
    """Return (first word, number of words) of a name's head among its words, and its sink.

    The words are counted in the name as written: `words` only changes their letters.
    """
    first = _HEAD_END.search(name)
    text = (name if first is None else name[: first.start()]).strip()
    lowered = text.lower()
    if (
        first is not None
        and lowered not in _LABELS
        and not lowered.startswith(_BABY)
        and not _is_brand(text)
    ) or first is None:
        # The usual case: the head is the name's first part.
        sink = DEMOTE_BABY if lowered.startswith(_BABY) else _LABELS.get(lowered, 0)
        return 0, len(_WORD.findall(text)), sink or _brand_sink(name)
    parts = _HEAD_END.split(name)
    sink = 0
    start = 0
    last = len(parts) - 1
    for place, part in enumerate(parts):
        text = part.strip()
        count = len(_WORD.findall(text))
        if not count:
            continue
        lowered = text.lower()
        label = _LABELS.get(lowered)
        if label is None and lowered.startswith(_BABY):
            label = DEMOTE_BABY
        if label is not None:
            sink = max(sink, label)
        elif place < last and _is_brand(text):
            sink = max(sink, DEMOTE_BRAND)
        else:
            return start, count, sink or _brand_sink(name)
        start += count
    return start, 0, sink


def _brand_sink(name: str) -> int:
    """Return DEMOTE_BRAND if a brand in capitals is anywhere in the name, else 0."""
    found = _CAPITALS.findall(name)
    return DEMOTE_BRAND if any(word not in _NOT_BRANDS for word in found) else 0


class _Heads:
    """The heads of a table's names, while the index is built (see `head`)."""

    def __init__(self, en_cache: dict[str, str], sv_cache: dict[str, str]) -> None:
        self.en_cache = en_cache
        self.sv_cache = sv_cache
        # First word of a head (plain, "en:" and "sv:" stem) -> positions.
        self.firsts: defaultdict[str, set[int]] = defaultdict(set)
        # The stems of a head's words, sorted ("en:"/"sv:") -> positions.
        self.heads: defaultdict[str, set[int]] = defaultdict(set)

    def add_food(
        self,
        food: Food,
        position: int,
        names: tuple[list[str], list[str], list[str]],
        synonym_words: list[list[str]],
    ) -> int:
        """Index the heads of a food's names and synonyms; return how far it sinks.

        `names`: the words of the English name, their English stems, the Swedish words.
        """
        name_words, en_stems, sv_words = names
        start, count, sink = head_span(food.name)
        if count and start + count <= len(name_words):
            stems = en_stems[start : start + count]
            self.firsts[name_words[start]].add(position)
            self.firsts["en:" + stems[0]].add(position)
            key = stems[0] if count == 1 else " ".join(sorted(stems))
            self.heads["en:" + key].add(position)
        if sv_words:
            # A Swedish name has no group labels or brands: its head is what comes before
            # the first separator.
            cut = _HEAD_END.search(food.name_sv)
            count = (
                len(_WORD.findall(food.name_sv, 0, cut.start()))
                if cut
                else len(sv_words)
            )
            if count:
                self.add(sv_words[:count], position, swedish=True)
        for each in synonym_words:
            if each:
                self.add(each, position, swedish=True)
        return sink

    def add(self, head_words: list[str], position: int, *, swedish: bool) -> None:
        """Index a head's first word (all its keys) and the whole head by its stems."""
        self.firsts[head_words[0]].add(position)
        languages: tuple[tuple[str, dict[str, str], Callable[[str], str]], ...] = (
            ("en", self.en_cache, english_stem),
        )
        if swedish:
            languages = (("sv", self.sv_cache, swedish_stem), *languages)
        for language, cache, stem_of in languages:
            stems = [
                cache.get(word) or cache.setdefault(word, stem_of(word))
                for word in head_words
            ]
            self.firsts[f"{language}:{stems[0]}"].add(position)
            key = stems[0] if len(stems) == 1 else " ".join(sorted(stems))
            self.heads[f"{language}:{key}"].add(position)


class _Index:
    """Word index over a table's English and Swedish names and Swedish synonyms."""

    def __init__(self, foods: list[Food]) -> None:
        postings: defaultdict[str, list[int]] = defaultdict(list)
        stems_en: defaultdict[str, set[int]] = defaultdict(set)
        stems_sv: defaultdict[str, set[int]] = defaultdict(set)
        swedish_words: set[str] = set()
        names_en: dict[str, int] = {}
        names_sv: dict[str, int] = {}
        stem_names_en: dict[str, int] = {}
        stem_names_sv: dict[str, int] = {}
        synonyms: list[tuple[list[str], int]] = []
        # Stems of the words seen so far: most words recur in many names.
        en_cache: dict[str, str] = {}
        sv_cache: dict[str, str] = {}
        heads = _Heads(en_cache, sv_cache)

        demotions: list[int] = []
        for position, food in enumerate(foods):
            name_words = words(food.name)
            sv_words = words(food.name_sv) if food.name_sv else []
            synonym_words = (
                [words(synonym) for synonym in food.synonyms.split("|") if synonym]
                if food.synonyms
                else []
            )
            sv_all = sv_words + [word for each in synonym_words for word in each]
            for word in set(name_words + sv_all):
                postings[word].append(position)
            en_stems = [
                en_cache.get(word) or en_cache.setdefault(word, english_stem(word))
                for word in name_words
            ]
            sv_stems = [
                sv_cache.get(word) or sv_cache.setdefault(word, swedish_stem(word))
                for word in sv_all
            ]
            for stem in en_stems:
                stems_en[stem].add(position)
            for stem in sv_stems:
                stems_sv[stem].add(position)
            swedish_words.update(sv_all)
            demotions.append(
                heads.add_food(
                    food, position, (name_words, en_stems, sv_words), synonym_words
                )
            )
            synonyms.extend((each, position) for each in synonym_words if each)
            # The later food wins an exact name, so foods added to a table shadow built-in ones.
            names_en[" ".join(name_words)] = position
            stem_names_en[" ".join(en_stems)] = position
            if sv_words:
                names_sv[" ".join(sv_words)] = position
                stem_names_sv[" ".join(sv_stems[: len(sv_words)])] = position
        self.demotion = demotions
        # A synonym is a name too, but never shadows a food's own name, and of foods with the
        # same synonym the first (the common food) keeps it.
        for synonym, position in synonyms:
            names_sv.setdefault(" ".join(synonym), position)
            stem_names_sv.setdefault(
                " ".join(swedish_stem(word) for word in synonym), position
            )
        self.postings = {word: frozenset(found) for word, found in postings.items()}
        self.vocabulary = sorted(postings)
        self.names = {"en": names_en, "sv": names_sv}
        # Name words by stem: a query word matches the inflected forms of a name word.
        self.stems = {
            "en": {stem: frozenset(found) for stem, found in stems_en.items()},
            "sv": {stem: frozenset(found) for stem, found in stems_sv.items()},
        }
        # Swedish name words spelled backwards, sorted: the words a query word ends.
        self.reversed_words = sorted(word[::-1] for word in swedish_words)
        self.firsts = {key: frozenset(found) for key, found in heads.firsts.items()}
        self.heads = {key: frozenset(found) for key, found in heads.heads.items()}
        self.stem_names = {"en": stem_names_en, "sv": stem_names_sv}
        self.rank: dict[str, tuple[list[int], list[int]]] = {}
        self.prefix_cache: dict[str, frozenset[int]] = {}
        self.compound_cache: dict[str, frozenset[int]] = {}

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

    def query_stems(self, word: str) -> tuple[str, str]:
        """Return the English and Swedish stems a query word is looked up by.

        Swedish endings stack ("proteinbarer" -> "proteinbar" -> "proteinb", the stem of the
        name word "proteinbar"), and a definite form of a word ending in a vowel adds only -n
        ("keson", "skinkan"): the first of these stems that a name word of the table has is
        used, else the plain stem.
        """
        stems = self.stems["sv"]
        forms = [word]
        if len(word) > _MIN_STEM and word[-1] == "n" and word[-2] in _VOWELS:
            forms.append(word[:-1])
        for form in forms:
            stem = swedish_stem(form)
            for _ in range(_STACKED_ENDINGS):
                if stem in stems:
                    return english_stem(word), stem
                stem = swedish_stem(stem)
        return english_stem(word), swedish_stem(word)

    def named(self, key: str, language: str) -> int | None:
        """Return the position of the food whose whole name is `key` (a name key).

        Names in `language` first, then in the other language; then the same with plural and
        definite forms ("cottage cheeses", "keson"). Swedish synonyms count as Swedish names.
        """
        first, second = ("sv", "en") if language == "sv" else ("en", "sv")
        for names in (self.names[first], self.names[second]):
            if (position := names.get(key)) is not None:
                return position
        stems = [self.query_stems(word) for word in key.split()]
        stem_keys = {
            "en": " ".join(stem_en for stem_en, _ in stems),
            "sv": " ".join(stem_sv for _, stem_sv in stems),
        }
        for stem_language in (first, second):
            names = self.stem_names[stem_language]
            if (position := names.get(stem_keys[stem_language])) is not None:
                return position
        return None

    def inflected(self, word: str) -> frozenset[int]:
        """Return the positions of the foods with a name word that `word` inflects."""
        stem_en, stem_sv = self.query_stems(word)
        empty: frozenset[int] = frozenset()
        return self.stems["en"].get(stem_en, empty) | self.stems["sv"].get(
            stem_sv, empty
        )

    def compound(self, word: str) -> frozenset[int]:
        """Return the positions of foods with a Swedish name word that `word` ends.

        "ost" ends "hushallsost", and "mjolk" ends "mellanmjolk"; the rest of the word must
        be at least _MIN_COMPOUND_FIRST_PART letters ("rost" is no compound of "ost").
        """
        if len(word) < _MIN_COMPOUND_HEAD:
            return frozenset()
        found = self.compound_cache.get(word)
        if found is None:
            backwards = word[::-1]
            words_ = self.reversed_words
            start = bisect_left(words_, backwards)
            end = bisect_left(words_, backwards + _LAST_CHAR, start)
            shortest = len(word) + _MIN_COMPOUND_FIRST_PART
            matches: set[int] = set()
            for reversed_word in words_[start:end]:
                if len(reversed_word) >= shortest:
                    matches.update(self.postings[reversed_word[::-1]])
            found = frozenset(matches)
            if len(self.compound_cache) >= PREFIX_CACHE_SIZE:
                self.compound_cache.clear()
            self.compound_cache[word] = found
        return found

    def leading(self, word: str) -> frozenset[int]:
        """Return the positions of foods whose name's head starts with `word` (any form)."""
        stem_en, stem_sv = self.query_stems(word)
        empty: frozenset[int] = frozenset()
        firsts = self.firsts
        return (
            firsts.get(word, empty)
            | firsts.get("en:" + stem_en, empty)
            | firsts.get("sv:" + stem_sv, empty)
        )

    def headed(self, query_words: list[str]) -> frozenset[int]:
        """Return the positions of foods whose name's head is exactly the query words."""
        stems = [self.query_stems(word) for word in query_words]
        empty: frozenset[int] = frozenset()
        return self.heads.get(
            "en:" + " ".join(sorted(stem for stem, _ in stems)), empty
        ) | self.heads.get("sv:" + " ".join(sorted(stem for _, stem in stems)), empty)


class Hit(NamedTuple):
    """A search hit's sort key; smaller is better (see FoodTable.search)."""

    baby: bool  # a baby food or infant formula: after every other food
    score: int  # minus the match strength summed over the query words
    not_leading: bool  # no query word is the first word of the name's head
    demotion: int  # see `head`
    not_headed: bool  # the name's head is not exactly the query
    not_common: bool
    place: int  # in the static order (FoodTable._rank)

    @property
    def tier(self) -> tuple[bool, int, bool, int, bool, bool]:
        """Return the key without the static place: hits of one tier are equally good."""
        return self[:-1]


# resolve: how many hits it weighs, and how close (as a share) the protein and leucine of
# equally good hits must be to the best one's, in the amount said, for the difference not to
# matter: "milk" is whole, 1.5 % or skim (3.2-3.5 g protein per 100 g), "2 eggs" raw,
# boiled, fried or scrambled (6.1-6.8 g protein per egg), so it is the first, whole milk or
# the raw egg; "chicken breast" raw or roasted (22.5 or 31 g) is a real question.
RESOLVE_CANDIDATES = 10
RESOLVE_TOLERANCE = 0.15


def _alike(first: Food, second: Food, unit: str | None) -> bool:
    """Return whether two foods' protein and leucine are within the tolerance.

    Per one `unit` (a household unit both have: a fried egg weighs less than a scrambled
    one, and has as much leucine), else per 100 g.
    """
    one_g = two_g = 100.0
    if unit is not None and unit not in WEIGHT_UNITS:
        one_g, two_g = units_of(first)[unit], units_of(second)[unit]
    return all(
        abs(one * one_g - two * two_g)
        <= RESOLVE_TOLERANCE * max(one * one_g, two * two_g)
        for one, two in (
            (first.protein_g, second.protein_g),
            (first.leucine_g, second.leucine_g),
        )
    )


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
                        synonyms,
                        units,
                    ) = row
                    # Positionally, in Food's field order: built 8,867 times per start.
                    append(
                        Food(
                            food_id,
                            name,
                            name_sv,
                            categories[category],
                            float(protein),
                            float(leucine),
                            float(kcal),
                            estimated == "1",
                            ndb or None,
                            common == "1",
                            None,
                            synonyms,
                            units,
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

        The static order is: generic foods before foods eaten out, brands and baby foods
        (`head`); then common foods, in the table's order (the curated order of how often
        people eat them: raw chicken breast before ground chicken); then foods with a Swedish
        name (the ones a Swedish kitchen uses); then shorter names in `language`; then id.
        """
        key = "sv" if language == "sv" else "en"
        ranked = index.rank.get(key)
        if ranked is None:
            foods = self._foods
            demoted = index.demotion
            order = sorted(
                range(len(foods)),
                key=lambda i: (
                    demoted[i],
                    not foods[i].common,
                    i if foods[i].common else 0,
                    not foods[i].name_sv,
                    len(foods[i].name_in(key)),
                    foods[i].id,
                ),
            )
            rank = [0] * len(foods)
            for place, position in enumerate(order):
                rank[position] = place
            ranked = index.rank[key] = (rank, order)
        return ranked

    def _hits(
        self, query: str, language: str, limit: int, *, unit: str | None = None
    ) -> list[Hit]:
        """Return the best `limit` hits, best first (see `search` for the order).

        With a `unit`, only foods that have that household unit.

        Only foods where a query word matches more than a prefix get a full sort key; the
        rank (the static order) already orders the others, and of those only the `limit`
        best are kept.
        """
        query_words = list(dict.fromkeys(words(query)))
        if not query_words:
            return []
        index = self._ensure_index()
        whole = {
            word: _union(index.postings.get(word, frozenset()), index.inflected(word))
            for word in query_words
        }
        compound = {word: index.compound(word) for word in query_words}
        sets = sorted(
            (
                _union(_union(index.with_prefix(word), whole[word]), compound[word])
                for word in query_words
            ),
            key=len,
        )
        found = sets[0].intersection(*sets[1:])
        foods = self._foods
        if unit is not None:
            key, inner = unit + "=", "|" + unit + "="
            found = frozenset(
                position
                for position in found
                if foods[position].units.startswith(key)
                or inner in foods[position].units
            )
        if not found:
            return []
        rank = self._rank(index, language)[0]
        score: dict[int, int] = {}
        for word in query_words:
            exact = found.intersection(whole[word])
            for position in exact:
                score[position] = score.get(position, 0) + _WHOLE
            for position in found.intersection(compound[word]).difference(exact):
                score[position] = score.get(position, 0) + _COMPOUND
        leading: set[int] = set()
        for word in query_words:
            leading.update(found.intersection(index.leading(word)))
        headed = found.intersection(index.headed(query_words))
        demoted = index.demotion
        hits = [
            Hit(
                demoted[position] == DEMOTE_BABY,
                -score.get(position, 0),
                position not in leading,
                demoted[position],
                position not in headed,
                not foods[position].common,
                rank[position],
            )
            for position in leading.union(score)
        ]
        rest = found.difference(leading, score)
        hits += [
            Hit(
                baby=demoted[position] == DEMOTE_BABY,
                score=0,
                not_leading=True,
                demotion=demoted[position],
                not_headed=True,
                not_common=not foods[position].common,
                place=rank[position],
            )
            for position in heapq.nsmallest(limit, rest, key=rank.__getitem__)
        ]
        hits.sort()
        return hits[:limit]

    def search(
        self, query: str, *, language: str = "en", limit: int = 20
    ) -> list[Food]:
        """Return up to `limit` foods whose English or Swedish name matches every query word.

        A query word matches a name word (or a Swedish synonym's word) that starts with it,
        ignoring case and accents ("kyckl" and "kycklingbrost" both find "Kycklingbröst"), a
        name word of which it is an inflected form ("eggs" finds "Egg", "äggen" finds "Ägg"),
        or the end of a Swedish compound word ("ost" finds "Hushållsost"). Ranking (`Hit`):
        1. baby foods and infant formulas last;
        2. match strength: a whole or inflected word counts 2, a compound's end 1, a prefix 0;
        3. a query word that is the first word of the name's head (the food the name names:
           "Milk" of "Milk, whole", not "Greek yogurt, whole milk"; see `head`);
        4. generic foods, then foods eaten out, then brands (`head`);
        5. a head that is exactly the query ("Cheese, brie" for "cheese", not "Cheese
           spread"); 6. common foods;
        7. the static order (`_rank`): common order, a Swedish name, shorter names in
           `language`, id. An empty query finds nothing.
        """
        if limit <= 0:
            return []
        hits = self._hits(query, language, limit)
        order = self._rank(self._ensure_index(), language)[1]
        foods = self._foods
        return [foods[order[hit.place]] for hit in hits]

    def named(self, text: str, language: str = "en") -> Food | None:
        """Return the food whose whole name `text` is, or None (steps 2 and 3 of resolve)."""
        key = _name_key(text)
        if not key:
            return None
        position = self._ensure_index().named(key, language)
        return None if position is None else self._foods[position]

    def resolve(
        self, text: str, language: str = "en", *, unit: str | None = None
    ) -> Food | None:
        """Return the one food that `text` names, or None if it names none or several.

        With a `unit` (a unit key of core/amounts.py: "piece" for "2 eggs", "glass"), step 4
        weighs only foods that have that unit: "2 eggs" are not scrambled eggs, which come by
        the cup.

        In order:
        1. a food id (exactly as written, else ignoring case and surrounding spaces);
        2. a name equal to `text` ignoring case, accents, punctuation and spacing, in
           `language` first, then in the other language; of foods with the same name the one
           added last wins (a user's custom food shadows a built-in one);
        3. the same, but with plural and definite forms ("cottage cheeses", "bananas",
           "keson" name "Cottage cheese", "Banana", "Keso");
        4. the best search hit, but only if every other hit of its tier (`Hit.tier`: all of the
           ranking but the static order) has protein and leucine within RESOLVE_TOLERANCE of
           its own: "eggs" are the raw egg (hard-boiled and fried eggs differ by less). Otherwise
           the text is ambiguous ("chicken breast": raw, roasted or pan-fried) and None is
           returned, so that the caller asks which.
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
        return self.named(stripped, language) or self._best_hit(
            stripped, language, unit
        )

    def _best_hit(self, text: str, language: str, unit: str | None) -> Food | None:
        """Return the best search hit if the others of its tier are alike (resolve step 4)."""
        index = self._ensure_index()
        order = self._rank(index, language)[1]
        foods = self._foods
        if unit in WEIGHT_UNITS:
            unit = None
        hits = self._hits(text, language, RESOLVE_CANDIDATES, unit=unit)
        if not hits:
            return None
        best = foods[order[hits[0].place]]
        tied = [foods[order[hit.place]] for hit in hits[1:] if hit.tier == hits[0].tier]
        if all(_alike(best, other, unit) for other in tied):
            return best
        return None


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

    def named(self, text: str, language: str = "en") -> Food | None:
        """Return the food with this id or whole name (own foods first), or None."""
        stripped = text.strip()
        return (
            self.get(stripped)
            or self._own.named(text, language)
            or self._table.named(text, language)
        )

    def resolve(
        self, text: str, language: str = "en", *, unit: str | None = None
    ) -> Food | None:
        """Return the food `text` names: an own food's id or name, else the table's food.

        An own food's name also matches in its plural or definite form; see FoodTable.resolve
        (also for `unit`).
        """
        food = self._own.get(text.strip()) or self._own.named(text, language)
        return food or self._table.resolve(text, language, unit=unit)


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
