"""Open Food Facts products as foods: reading an API v2 product answer, and the lookup errors.

Pure Python (no Home Assistant); the HTTP client is in the integration's `openfoodfacts` module.
Data from Open Food Facts is available under the Open Database License (ODbL); looking up one
barcode at a time is fine, shipping a dump is not.

A product answer looks like::

    {"status": 1, "code": "7310865005045", "product": {
        "product_name": "...", "product_name_sv": "...",
        "nutriments": {"proteins_100g": 3.4, "energy-kcal_100g": 60, "l-leucine_100g": 0.33},
        "categories_tags": ["en:dairies", "en:milks"]}}

`_100g` values are grams (kcal or kJ for energy) per 100 g of the product.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
import math
from typing import Any, Final

from .categories import Category, estimate_leucine
from .model import KCAL_PER_G_PROTEIN, Food

# The fields the client asks for; food_from_product reads nothing else.
FIELDS: Final = (
    "code",
    "product_name",
    "product_name_sv",
    "nutriments",
    "categories_tags",
)
FOOD_ID_PREFIX: Final = "ean_"
KJ_PER_KCAL: Final = 4.184
# Energy per 100 g above this is a data error (pure fat is 900 kcal).
MAX_KCAL: Final = 1000.0
# Atwater factors, for products that give macronutrients but no energy (kcal per gram).
_ATWATER: Final = (
    ("proteins_100g", KCAL_PER_G_PROTEIN),
    ("carbohydrates_100g", 4.0),
    ("fat_100g", 9.0),
)


class OpenFoodFactsError(Exception):
    """Looking a barcode up in Open Food Facts gave no usable food."""


class ProductNotFoundError(OpenFoodFactsError):
    """Open Food Facts does not know the barcode."""


class NoProteinError(OpenFoodFactsError):
    """The product has no usable protein content per 100 g."""


class MalformedProductError(OpenFoodFactsError):
    """The answer is not a product answer (not JSON, or fields of the wrong type)."""


class RateLimitedError(OpenFoodFactsError):
    """Open Food Facts asked us to slow down (HTTP 429)."""


class LookupFailedError(OpenFoodFactsError):
    """The request failed: network error, timeout or an unexpected HTTP status."""


# Keywords in categories_tags, most specific first: the first rule that any tag matches wins.
# A tag matches a rule when one of its words (or word sequences) is a keyword and none of its
# words is one of the rule's vetoes. Tags are OFF taxonomy ids such as "en:fermented-milk-products".
_NOT_ANIMAL: Final = frozenset(
    {
        "plant",
        "vegan",
        "vegetarian",
        "substitute",
        "substitutes",
        "alternative",
        "alternatives",
        "analogue",
        "analogues",
        "imitation",
        "imitations",
    }
)
_PLANT_MILKS: Final = frozenset(
    {"almond", "almonds", "cashew", "coconut", "coconuts", "oat", "oats", "rice"}
)


def _words(*keywords: str) -> tuple[str, ...]:
    """Return keywords wrapped in dashes, to find them as whole words in a dashed tag."""
    return tuple(f"-{keyword}-" for keyword in keywords)


_RULES: Final[tuple[tuple[Category, tuple[str, ...], frozenset[str]], ...]] = (
    (Category.WHEY, _words("whey", "wheys"), _NOT_ANIMAL),
    (
        Category.SOY,
        _words(
            "soy",
            "soya",
            "soybean",
            "soybeans",
            "soja",
            "tofu",
            "tofus",
            "tempeh",
            "edamame",
        ),
        frozenset(),
    ),
    (
        Category.LEGUMES,
        _words(
            "legume",
            "legumes",
            "pulses",
            "bean",
            "beans",
            "lentil",
            "lentils",
            "chickpea",
            "chickpeas",
            "pea",
            "peas",
            "hummus",
            "hummuses",
            "falafel",
            "falafels",
        ),
        frozenset(),
    ),
    # Protein powders that name no plant source are taken to be whey.
    (
        Category.WHEY,
        _words("protein-powder", "protein-powders", "protein-shakes"),
        _NOT_ANIMAL,
    ),
    # Before poultry: "en:chicken-eggs".
    (
        Category.EGG,
        _words("egg", "eggs", "omelette", "omelettes"),
        _NOT_ANIMAL | {"pasta", "pastas", "noodle", "noodles"},
    ),
    # Before red meat: "en:poultries" is a child of "en:meats".
    (
        Category.POULTRY,
        _words(
            "poultry",
            "poultries",
            "chicken",
            "chickens",
            "turkey",
            "turkeys",
            "duck",
            "ducks",
            "goose",
            "geese",
        ),
        _NOT_ANIMAL,
    ),
    (
        Category.FISH,
        _words(
            "fish",
            "fishes",
            "seafood",
            "seafoods",
            "salmon",
            "salmons",
            "tuna",
            "tunas",
            "cod",
            "cods",
            "herring",
            "herrings",
            "mackerel",
            "mackerels",
            "sardine",
            "sardines",
            "anchovies",
            "shrimp",
            "shrimps",
            "prawns",
            "crustaceans",
            "molluscs",
            "mussels",
        ),
        _NOT_ANIMAL,
    ),
    (
        Category.RED_MEAT,
        _words(
            "meat",
            "meats",
            "beef",
            "beefs",
            "pork",
            "porks",
            "veal",
            "lamb",
            "lambs",
            "mutton",
            "ham",
            "hams",
            "bacon",
            "bacons",
            "sausage",
            "sausages",
            "salami",
            "salamis",
            "venison",
        ),
        _NOT_ANIMAL,
    ),
    (
        Category.DAIRY,
        _words(
            "dairy",
            "dairies",
            "milk",
            "milks",
            "cheese",
            "cheeses",
            "yogurt",
            "yogurts",
            "yoghurt",
            "yoghurts",
            "quark",
            "quarks",
            "skyr",
            "skyrs",
            "kefir",
            "kefirs",
            "cream",
            "creams",
        ),
        _NOT_ANIMAL | _PLANT_MILKS,
    ),
    (
        Category.CEREALS,
        _words(
            "cereal",
            "cereals",
            "bread",
            "breads",
            "crispbreads",
            "pasta",
            "pastas",
            "noodle",
            "noodles",
            "rice",
            "rices",
            "oat",
            "oats",
            "wheat",
            "rye",
            "barley",
            "flour",
            "flours",
            "crackers",
            "muesli",
            "mueslis",
            "porridge",
            "porridges",
        ),
        frozenset(),
    ),
    (
        Category.NUTS,
        _words(
            "nut",
            "nuts",
            "seed",
            "seeds",
            "almond",
            "almonds",
            "peanut",
            "peanuts",
            "walnut",
            "walnuts",
            "hazelnut",
            "hazelnuts",
            "cashew",
            "cashews",
            "pistachio",
            "pistachios",
            "coconut",
            "coconuts",
        ),
        frozenset(),
    ),
    (
        Category.VEGETABLES,
        _words(
            "vegetable",
            "vegetables",
            "fruit",
            "fruits",
            "potato",
            "potatoes",
            "mushroom",
            "mushrooms",
            "salads",
        ),
        frozenset(),
    ),
)
_AND_THEIR_PRODUCTS: Final = ("and", "their", "products")


def _rule_rank(words: list[str]) -> int | None:
    """Return the rank of the first rule that a tag's words match, or None."""
    dashed = f"-{'-'.join(words)}-"
    for rank, (_category, keywords, vetoes) in enumerate(_RULES):
        if vetoes.isdisjoint(words) and any(keyword in dashed for keyword in keywords):
            return rank
    return None


def _tag_rank(tag: str) -> int | None:
    """Return the rank of the rule a categories tag ("en:cheeses") matches, or None.

    A tag that joins kinds ("en:fish-and-meat-and-eggs") counts only if its parts agree.
    """
    _language, _colon, name = tag.rpartition(":")
    words = name.lower().split("-")
    if tuple(words[-3:]) == _AND_THEIR_PRODUCTS:
        words = words[:-3]
    parts: list[list[str]] = [[]]
    for word in words:
        if word == "and":
            parts.append([])
        else:
            parts[-1].append(word)
    ranks = [rank for part in parts if (rank := _rule_rank(part)) is not None]
    if not ranks or len({_RULES[rank][0] for rank in ranks}) > 1:
        return None
    return min(ranks)


def category_from_tags(tags: Sequence[str]) -> Category | None:
    """Return the category that Open Food Facts categories tags point to, or None."""
    ranks = [rank for tag in tags if (rank := _tag_rank(tag)) is not None]
    return _RULES[min(ranks)][0] if ranks else None


def _number(value: object) -> float | None:
    """Return a nutrient value as a finite float, or None if it is not a usable number."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except ValueError, OverflowError:
        return None
    return number if math.isfinite(number) else None


def _name(product: Mapping[str, Any], key: str) -> str:
    value = product.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise MalformedProductError(f"{key} is not text")
    return value.strip()


def _kcal(nutriments: Mapping[str, Any]) -> float:
    """Return energy in kcal per 100 g: stated kcal, else kJ / 4.184, else Atwater, else 0."""
    kcal = _number(nutriments.get("energy-kcal_100g"))
    if kcal is not None and 0 <= kcal <= MAX_KCAL:
        return kcal
    for key in ("energy-kj_100g", "energy_100g"):
        kilojoules = _number(nutriments.get(key))
        if kilojoules is not None and 0 <= kilojoules <= MAX_KCAL * KJ_PER_KCAL:
            return round(kilojoules / KJ_PER_KCAL, 1)
    grams = [_number(nutriments.get(key)) for key, _factor in _ATWATER]
    if all(value is not None and 0 <= value <= 100 for value in grams):
        return round(
            sum(
                (value or 0.0) * factor
                for value, (_key, factor) in zip(grams, _ATWATER, strict=True)
            ),
            1,
        )
    return 0.0


def food_from_product(
    barcode: str, payload: Mapping[str, Any], fallback_category: Category | None
) -> Food:
    """Return the food in an Open Food Facts API v2 product answer.

    `barcode` is the normalized barcode that was looked up (the food's id is "ean_<barcode>").
    The category comes from the product's categories tags, else `fallback_category`, else
    Category.OTHER. Leucine is the product's own `l-leucine_100g` when it is plausible
    (0 <= leucine <= protein), else estimated from protein and the category.

    Raises ProductNotFoundError, NoProteinError or MalformedProductError, and nothing else for
    any JSON-like payload.
    """
    if not isinstance(payload, Mapping):
        raise MalformedProductError("The answer is not a JSON object")
    status = payload.get("status")
    if status is not None and (isinstance(status, bool) or not isinstance(status, int)):
        raise MalformedProductError("status is not a number")
    product = payload.get("product")
    if status == 0 or product is None:
        raise ProductNotFoundError(f"Open Food Facts has no product {barcode}")
    if not isinstance(product, Mapping):
        raise MalformedProductError("product is not a JSON object")

    name_en = _name(product, "product_name")
    name_sv = _name(product, "product_name_sv")
    name = name_en or name_sv or barcode

    tags = product.get("categories_tags")
    if tags is None:
        tags = []
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise MalformedProductError("categories_tags is not a list of text")
    category = category_from_tags(tags) or fallback_category or Category.OTHER

    nutriments = product.get("nutriments")
    if nutriments is None:
        nutriments = {}
    if not isinstance(nutriments, Mapping):
        raise MalformedProductError("nutriments is not a JSON object")
    protein = _number(nutriments.get("proteins_100g"))
    if protein is None or not 0 <= protein <= 100:  # grams per 100 g
        raise NoProteinError(f"Open Food Facts has no protein content for {name}")

    leucine = _number(nutriments.get("l-leucine_100g"))
    estimated = leucine is None or not 0 <= leucine <= protein
    if estimated or leucine is None:
        leucine = round(estimate_leucine(protein, category), 3)

    return Food(
        id=f"{FOOD_ID_PREFIX}{barcode}",
        name=name,
        name_sv=name_sv or name,
        category=category,
        protein_g=protein,
        leucine_g=leucine,
        kcal=_kcal(nutriments),
        leucine_estimated=estimated,
    )
