"""Household amounts: "2 eggs", "a glass of milk", "två skivor rågbröd", and their grams.

Pure Python (no Home Assistant). A food of the bundled table carries its household units as
a string, "piece=50|large=50|cup=243" (grams per one unit; see scripts/build_food_table.py,
which takes them from SR28's WEIGHT.txt); `units_of` parses it when it is needed, so loading
the table costs nothing extra.

`parse_amount` reads what people say before a food, in English or Swedish: a number (digits
with "." or "," as decimal mark, a fraction "1/2" or "½", or a number word: "two", "två", "a",
"en", "ett", "half a", "en halv"), then an optional unit word with its plurals ("slices",
"skivor", "glas", "msk"), then an optional "of"/"av". Without a unit word the food itself is
counted ("2 eggs", "två ägg"): `grams_for` then uses the food's piece.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
import re
import unicodedata

from .model import Food

GRAM = "gram"
KILOGRAM = "kg"
PIECE = "piece"
# The canonical unit keys of the food table, in the order the table lists them. "large",
# "medium" and "small" are sizes of one piece ("2 large eggs").
UNIT_KEYS = (
    PIECE,
    "large",
    "medium",
    "small",
    "slice",
    "glass",
    "cup",
    "dl",
    "tablespoon",
    "teaspoon",
    "scoop",
    "portion",
    "package",
)
# Weight units every food has.
WEIGHT_UNITS = {GRAM: 1.0, KILOGRAM: 1000.0}

_SIZES = frozenset({"large", "medium", "small"})
# Words for each unit, English and Swedish, singular and plural, normalized (lower case, no
# accents: "skopa" for "skopa", "matsked" for "matsked").
UNIT_WORDS: dict[str, str] = {
    **dict.fromkeys(("g", "gr", "gram", "grams", "gramme", "grammes"), GRAM),
    **dict.fromkeys(("kg", "kilo", "kilos", "kilogram", "kilograms"), KILOGRAM),
    **dict.fromkeys(
        ("piece", "pieces", "pc", "pcs", "styck", "st", "stycken", "bit", "bitar"),
        PIECE,
    ),
    **dict.fromkeys(("large", "big", "stor", "stort", "stora"), "large"),
    **dict.fromkeys(
        ("medium", "medelstor", "medelstort", "medelstora", "mellanstor"), "medium"
    ),
    **dict.fromkeys(("small", "liten", "litet", "lilla", "sma"), "small"),
    **dict.fromkeys(("slice", "slices", "skiva", "skivor", "skivan"), "slice"),
    **dict.fromkeys(("glass", "glasses", "glas", "glaset"), "glass"),
    **dict.fromkeys(
        ("cup", "cups", "kopp", "koppar", "koppen", "mugg", "muggar"), "cup"
    ),
    **dict.fromkeys(("dl", "deciliter", "deciliters", "decilitre", "decilitres"), "dl"),
    **dict.fromkeys(
        ("tablespoon", "tablespoons", "tbsp", "tbs", "matsked", "matskedar", "msk"),
        "tablespoon",
    ),
    **dict.fromkeys(
        ("teaspoon", "teaspoons", "tsp", "tesked", "teskedar", "tsk"), "teaspoon"
    ),
    **dict.fromkeys(("scoop", "scoops", "skopa", "skopor", "matt"), "scoop"),
    **dict.fromkeys(
        ("portion", "portions", "serving", "servings", "portioner", "portionen"),
        "portion",
    ),
    **dict.fromkeys(
        (
            "package",
            "packages",
            "pack",
            "packs",
            "packet",
            "packets",
            "paket",
            "paketet",
            "forpackning",
            "forpackningar",
            "burk",
            "burkar",
            "can",
            "cans",
            "jar",
            "jars",
        ),
        "package",
    ),
}
# The Swedish word of each unit, for messages in Swedish (the English one is the key).
SWEDISH_UNIT_NAMES = {
    PIECE: "styck",
    "large": "stor",
    "medium": "medelstor",
    "small": "liten",
    "slice": "skiva",
    "glass": "glas",
    "cup": "kopp",
    "dl": "dl",
    "tablespoon": "matsked",
    "teaspoon": "tesked",
    "scoop": "skopa",
    "portion": "portion",
    "package": "paket",
    GRAM: "gram",
    KILOGRAM: "kg",
}
# Number words, English and Swedish (normalized). "a"/"an"/"en"/"ett" are one.
NUMBER_WORDS: dict[str, Fraction] = {
    **dict.fromkeys(("a", "an", "one", "en", "ett", "ena"), Fraction(1)),
    **dict.fromkeys(("two", "tva", "couple"), Fraction(2)),
    **dict.fromkeys(("three", "tre"), Fraction(3)),
    **dict.fromkeys(("four", "fyra"), Fraction(4)),
    **dict.fromkeys(("five", "fem"), Fraction(5)),
    **dict.fromkeys(("six", "sex"), Fraction(6)),
    **dict.fromkeys(("seven", "sju"), Fraction(7)),
    **dict.fromkeys(("eight", "atta"), Fraction(8)),
    **dict.fromkeys(("nine", "nio"), Fraction(9)),
    **dict.fromkeys(("ten", "tio"), Fraction(10)),
    **dict.fromkeys(("eleven", "elva"), Fraction(11)),
    **dict.fromkeys(("twelve", "tolv"), Fraction(12)),
    **dict.fromkeys(("half", "halv", "halvt", "halva"), Fraction(1, 2)),
}
_HALF = Fraction(1, 2)
_HALF_WORDS = frozenset({"half", "halv", "halvt", "halva"})
_ARTICLES = frozenset({"a", "an", "one", "en", "ett"})
_VULGAR = {"½": " 1/2", "¼": " 1/4", "¾": " 3/4", "⅓": " 1/3", "⅔": " 2/3"}
_NUMBER = re.compile(
    r"(?:(?P<whole>\d+)(?:[.,](?P<decimals>\d+))?)?\s*(?:(?P<num>\d+)/(?P<den>\d+))?"
)
# A word, or a number with its decimals or fraction: "2", "2,5", "1 1/2", "1/2", "1½", "½".
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?(?:\s+\d+/\d+|/\d+)?[½¼¾⅓⅔]?|[½¼¾⅓⅔]|[^\W\d_]+")
_FILLERS = frozenset({"of", "av", "the"})
_TIMES = "\N{MULTIPLICATION SIGN}"
# More than this many of anything is not an amount someone ate.
MAX_QUANTITY = 1000


@dataclass(frozen=True, slots=True)
class Amount:
    """A quantity and its unit key (None: the food itself is counted, "2 eggs")."""

    quantity: float
    unit: str | None = None

    def said(self, food_name: str) -> str:
        """Return the amount as it was said, for a log text: "2 x large egg" (with a multiplication sign)."""
        quantity = f"{self.quantity:g}"
        unit = self.unit or PIECE
        if unit == GRAM:
            return f"{quantity} g {food_name}"
        if unit == KILOGRAM:
            return f"{quantity} kg {food_name}"
        if unit == PIECE:
            return f"{quantity} {_TIMES} {food_name}"
        return f"{quantity} {_TIMES} {unit} {food_name}"


class UnknownUnitError(ValueError):
    """The food has no such household unit; `units` are the ones it has."""

    def __init__(self, food: Food, unit: str | None, units: tuple[str, ...]) -> None:
        """Keep the food, the unit asked for (None: pieces) and the units it has."""
        self.food = food
        self.unit = unit
        self.units = units
        super().__init__(
            f"{food.name} has no unit {unit or PIECE!r}; it has: {', '.join(units)}"
        )


def _normalize(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in folded if not unicodedata.combining(char))


def unit_key(word: str) -> str | None:
    """Return the unit key a unit word names ("skivor" -> "slice"), or None."""
    return UNIT_WORDS.get(_normalize(word.strip()))


def unit_name(key: str, language: str) -> str:
    """Return a unit key's word in `language` ("sv", else English: the key itself)."""
    return SWEDISH_UNIT_NAMES.get(key, key) if language == "sv" else key


def units_of(food: Food) -> dict[str, float]:
    """Return the food's household units: key -> grams per one unit, in table order."""
    units: dict[str, float] = {}
    if food.units:
        for pair in food.units.split("|"):
            key, _, grams = pair.partition("=")
            units[key] = float(grams)
    return units


def unit_names(food: Food) -> tuple[str, ...]:
    """Return every unit the food can be logged in: its household units, then g and kg."""
    return (*units_of(food), GRAM, KILOGRAM)


def grams_for(food: Food, quantity: float, unit: str | None = None) -> float:
    """Return the grams of `quantity` `unit`s of `food` ("2", "large" -> 100 for eggs).

    `unit` is a unit key (UNIT_KEYS, "gram" or "kg"), a unit word ("skivor", "tbsp"), or
    None: the food itself is counted, in pieces. Raises UnknownUnitError naming the units the
    food has, and ValueError for a quantity that is not positive and finite.
    """
    if not 0 < quantity < float("inf"):
        msg = f"not a positive quantity: {quantity!r}"
        raise ValueError(msg)
    key = PIECE if unit is None else unit_key(unit) or unit
    if key in WEIGHT_UNITS:
        return quantity * WEIGHT_UNITS[key]
    units = units_of(food)
    if key not in units:
        raise UnknownUnitError(food, unit, unit_names(food))
    return quantity * units[key]


def _number(token: str) -> Fraction | None:
    """Return the number a token is ("2", "2,5", "1 1/2", "½", "två"), or None."""
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    for vulgar, fraction in _VULGAR.items():
        token = token.replace(vulgar, fraction)
    match = _NUMBER.fullmatch(token.strip())
    if match is None or not (match["whole"] or match["num"]):
        return None
    value = Fraction(int(match["whole"] or 0))
    if match["decimals"]:
        value += Fraction(int(match["decimals"]), 10 ** len(match["decimals"]))
    if match["num"]:
        if int(match["den"]) == 0:
            return None
        value += Fraction(int(match["num"]), int(match["den"]))
    return value


def _quantity(words: list[str]) -> tuple[Fraction, int] | None:
    """Return the quantity the words start with and how many words it took, or None.

    "2", "two", "två", "a", "en"; "half a", "a half", "en halv", "ett halvt"; "two and a half",
    "två och en halv"; digits with a fraction ("1 1/2", "1½").
    """
    if not words:
        return None
    if words[0] in _HALF_WORDS:  # "half a cup", "halv dl"
        return _HALF, 2 if words[1:2] and words[1] in _ARTICLES else 1
    value = _number(words[0])
    if value is None:
        return None
    if words[0] in _ARTICLES and words[1:2] and words[1] in _HALF_WORDS:
        return _HALF, 2  # "a half", "en halv"
    if (
        len(words) >= 4
        and words[1] in {"and", "och"}
        and words[2] in _ARTICLES
        and words[3] in _HALF_WORDS
    ):
        return value + _HALF, 4  # "two and a half", "två och en halv"
    return value, 1


def parse_amount(text: str) -> tuple[Amount, str] | None:
    """Read an amount at the start of `text`; return it and the rest (the food), or None.

    "2 eggs" -> (Amount(2, None), "eggs"); "a glass of milk" -> (Amount(1, "glass"),
    "milk"); "två skivor rågbröd" -> (Amount(2, "slice"), "rågbröd"); "200 g keso" ->
    (Amount(200, "gram"), "keso"); "half a cup of oats", "en halv dl havregryn", "1 1/2 scoops
    whey", "½ avocado". None when the text does not start with a number, or nothing is left
    for the food.
    """
    matches = list(_TOKEN.finditer(text))
    words = [
        _normalize(word) if (word := match.group())[0].isalpha() else word
        for match in matches
    ]
    read = _quantity(words)
    if read is None:
        return None
    quantity, place = read
    if not 0 < quantity <= MAX_QUANTITY:
        return None
    # "2% milk", "7up": a number glued to something other than a unit is part of a name.
    after = text[matches[place - 1].end() : matches[place - 1].end() + 1]
    glued_unit = place < len(words) and words[place] in UNIT_WORDS
    if after and not after.isspace() and not (after.isalpha() and glued_unit):
        return None
    unit: str | None = None
    if place < len(words) and words[place] in UNIT_WORDS:
        unit = UNIT_WORDS[words[place]]
        place += 1
        # "2 large slices": a size before another unit gives way to it.
        if (
            unit in _SIZES
            and place < len(words)
            and UNIT_WORDS.get(words[place], "large") not in _SIZES
        ):
            unit = UNIT_WORDS[words[place]]
            place += 1
    while place < len(words) and words[place] in _FILLERS:
        place += 1
    if place >= len(words):
        return None
    food = text[matches[place].start() :].strip(" ,.!?")
    return Amount(float(quantity), unit), food
