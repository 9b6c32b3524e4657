"""Open Food Facts product answers as foods: names, nutrients, leucine, categories, errors."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.mtor_balance.core.categories import LEUCINE_FRACTION, Category
from custom_components.mtor_balance.core.model import Food
from custom_components.mtor_balance.core.openfoodfacts_product import (
    FIELDS,
    LookupFailedError,
    MalformedProductError,
    NoProteinError,
    OpenFoodFactsError,
    ProductNotFoundError,
    RateLimitedError,
    category_from_tags,
    food_from_product,
)

BARCODE = "7310865005045"


def answer(**product: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "product_name": "Mellanmjölk",
        "nutriments": {"proteins_100g": 3.5, "energy-kcal_100g": 46},
        "categories_tags": ["en:dairies", "en:milks"],
    }
    base.update(product)
    return {"status": 1, "code": BARCODE, "product": base}


def nutriments(**values: Any) -> dict[str, Any]:
    return answer(nutriments=values)


def test_found_product_with_estimated_leucine() -> None:
    food = food_from_product(BARCODE, answer(), None)
    assert food == Food(
        id="ean_7310865005045",
        name="Mellanmjölk",
        name_sv="Mellanmjölk",
        category=Category.DAIRY,
        protein_g=3.5,
        leucine_g=round(3.5 * 0.095, 3),
        kcal=46.0,
        leucine_estimated=True,
    )
    assert food.usda_ndb is None
    assert not food.common


def test_product_leucine_is_used_when_plausible() -> None:
    food = food_from_product(
        BARCODE,
        nutriments(
            **{"proteins_100g": 80, "l-leucine_100g": 8.8, "energy-kcal_100g": 380}
        ),
        None,
    )
    assert food.leucine_g == 8.8
    assert not food.leucine_estimated


@pytest.mark.parametrize("leucine", [0.0, 3.5, "0.3"])
def test_product_leucine_at_the_bounds(leucine: object) -> None:
    food = food_from_product(
        BARCODE, nutriments(proteins_100g=3.5, **{"l-leucine_100g": leucine}), None
    )
    assert food.leucine_g == float(leucine)  # type: ignore[arg-type]
    assert not food.leucine_estimated


@pytest.mark.parametrize(
    "leucine", [3.6, 350, -0.1, math.nan, math.inf, "n/a", None, True, [1], {"g": 1}]
)
def test_implausible_product_leucine_is_estimated(leucine: object) -> None:
    food = food_from_product(
        BARCODE,
        nutriments(proteins_100g=3.5, **{"l-leucine_100g": leucine}),
        Category.DAIRY,
    )
    assert food.leucine_g == round(3.5 * LEUCINE_FRACTION[Category.DAIRY], 3)
    assert food.leucine_estimated


def test_leucine_is_estimated_from_the_category() -> None:
    food = food_from_product(
        BARCODE,
        answer(
            categories_tags=["en:dietary-supplements", "en:whey-proteins"],
            nutriments={"proteins_100g": 75.0},
        ),
        None,
    )
    assert food.category is Category.WHEY
    assert food.leucine_g == pytest.approx(75.0 * 0.11)
    assert food.leucine_estimated


def test_zero_protein_is_a_food() -> None:
    food = food_from_product(BARCODE, nutriments(proteins_100g=0), None)
    assert food.protein_g == 0.0
    assert food.leucine_g == 0.0


@pytest.mark.parametrize(
    ("product", "name", "name_sv"),
    [
        ({"product_name": "Milk", "product_name_sv": "Mjölk"}, "Milk", "Mjölk"),
        ({"product_name": " Milk ", "product_name_sv": ""}, "Milk", "Milk"),
        ({"product_name": "Milk", "product_name_sv": None}, "Milk", "Milk"),
        ({"product_name": "Milk"}, "Milk", "Milk"),
        ({"product_name": "", "product_name_sv": "Mjölk"}, "Mjölk", "Mjölk"),
        ({"product_name": None}, BARCODE, BARCODE),
        ({"product_name": "  "}, BARCODE, BARCODE),
    ],
)
def test_names(product: dict[str, Any], name: str, name_sv: str) -> None:
    payload = answer()
    del payload["product"]["product_name"]
    payload["product"].update(product)
    food = food_from_product(BARCODE, payload, None)
    assert (food.name, food.name_sv) == (name, name_sv)
    assert food.name_in("sv") == name_sv
    assert food.name_in("en") == name


@pytest.mark.parametrize(
    ("values", "kcal"),
    [
        ({"energy-kcal_100g": 46, "energy_100g": 1000}, 46.0),
        ({"energy-kcal_100g": "46.5"}, 46.5),
        ({"energy_100g": 192}, round(192 / 4.184, 1)),
        ({"energy-kj_100g": 418.4, "energy_100g": 1}, 100.0),
        ({"energy-kcal_100g": 4600, "energy_100g": 192}, round(192 / 4.184, 1)),
        ({"energy-kcal_100g": -1, "energy-kj_100g": -1, "energy_100g": 5000}, 0.0),
        ({"energy-kcal_100g": math.nan, "energy_100g": "x"}, 0.0),
        (
            {"carbohydrates_100g": 4.8, "fat_100g": 1.5},
            round(3.5 * 4 + 4.8 * 4 + 1.5 * 9, 1),
        ),
        ({"carbohydrates_100g": 4.8}, 0.0),
        ({"carbohydrates_100g": 4.8, "fat_100g": -1.5}, 0.0),
        ({"carbohydrates_100g": 4.8, "fat_100g": 1e308}, 0.0),
        ({"carbohydrates_100g": 100, "fat_100g": 0}, 414.0),
        ({}, 0.0),
    ],
)
def test_energy(values: dict[str, Any], kcal: float) -> None:
    food = food_from_product(BARCODE, nutriments(proteins_100g=3.5, **values), None)
    assert food.kcal == pytest.approx(kcal)


@pytest.mark.parametrize(
    "protein", [None, -0.1, 100.1, math.nan, math.inf, "", "abc", True, [], {}, 10**400]
)
def test_no_usable_protein(protein: object) -> None:
    with pytest.raises(NoProteinError):
        food_from_product(BARCODE, nutriments(proteins_100g=protein), None)


@pytest.mark.parametrize("product", [{"nutriments": None}, {"nutriments": {}}])
def test_no_nutriments(product: dict[str, Any]) -> None:
    payload = answer()
    del payload["product"]["nutriments"]
    payload["product"].update(product)
    with pytest.raises(NoProteinError):
        food_from_product(BARCODE, payload, None)


def test_protein_as_text_and_integer() -> None:
    assert (
        food_from_product(BARCODE, nutriments(proteins_100g="12.5"), None).protein_g
        == 12.5
    )
    assert (
        food_from_product(BARCODE, nutriments(proteins_100g=12), None).protein_g == 12.0
    )
    assert (
        food_from_product(BARCODE, nutriments(proteins_100g=100), None).protein_g
        == 100.0
    )


@pytest.mark.parametrize(
    "payload",
    [
        {"status": 0, "code": BARCODE, "status_verbose": "product not found"},
        {"status": 0, "product": {"product_name": "x"}},
        {"status": 1},
        {"status": 1, "product": None},
        {},
    ],
)
def test_product_not_found(payload: dict[str, Any]) -> None:
    with pytest.raises(ProductNotFoundError):
        food_from_product(BARCODE, payload, None)


@pytest.mark.parametrize(
    "payload",
    [
        [],
        "product",
        None,
        42,
        {"status": "1", "product": {}},
        {"status": True, "product": {}},
        {"status": 1.0, "product": {}},
        {"status": 1, "product": []},
        {"status": 1, "product": "milk"},
        answer(product_name=5),
        answer(product_name_sv=["Mjölk"]),
        answer(categories_tags="en:dairies"),
        answer(categories_tags={"en:dairies": 1}),
        answer(categories_tags=["en:dairies", 5]),
        answer(nutriments=[3.5]),
        answer(nutriments="3.5"),
    ],
)
def test_malformed(payload: Any) -> None:
    with pytest.raises(MalformedProductError):
        food_from_product(BARCODE, payload, None)


def test_status_is_optional_when_there_is_a_product() -> None:
    payload = answer()
    del payload["status"]
    assert food_from_product(BARCODE, payload, None).protein_g == 3.5


def test_errors_share_a_base() -> None:
    for error in (
        ProductNotFoundError,
        NoProteinError,
        MalformedProductError,
        RateLimitedError,
        LookupFailedError,
    ):
        assert issubclass(error, OpenFoodFactsError)


def test_fields_are_what_the_parser_reads() -> None:
    assert FIELDS == (
        "code",
        "product_name",
        "product_name_sv",
        "nutriments",
        "categories_tags",
    )


@pytest.mark.parametrize(
    ("tags", "category"),
    [
        (
            [
                "en:dairies",
                "en:fermented-foods",
                "en:fermented-milk-products",
                "en:cheeses",
            ],
            Category.DAIRY,
        ),
        (["en:dairies", "en:yogurts", "en:fruit-yogurts"], Category.DAIRY),
        (["en:milks", "en:semi-skimmed-milks"], Category.DAIRY),
        (["en:dairies", "en:quarks"], Category.DAIRY),
        (
            [
                "en:dietary-supplements",
                "en:bodybuilding-supplements",
                "en:protein-powders",
            ],
            Category.WHEY,
        ),
        (["en:dairies", "en:whey-proteins"], Category.WHEY),
        (
            ["en:dietary-supplements", "en:protein-powders", "en:pea-proteins"],
            Category.LEGUMES,
        ),
        (["en:protein-powders", "en:soy-proteins"], Category.SOY),
        (["en:protein-powders", "en:plant-based-protein-powders"], Category.WHEY),
        (["en:plant-based-protein-powders"], None),
        (["en:farming-products", "en:eggs", "en:chicken-eggs"], Category.EGG),
        (["en:pastas", "en:egg-pastas"], Category.CEREALS),
        (["en:meats-and-their-products", "en:meats", "en:beef"], Category.RED_MEAT),
        (
            ["en:meats", "en:prepared-meats", "en:hams", "en:pork-hams"],
            Category.RED_MEAT,
        ),
        (["en:meats", "en:sausages"], Category.RED_MEAT),
        (
            ["en:meats", "en:poultries", "en:chickens", "en:chicken-breasts"],
            Category.POULTRY,
        ),
        (["en:meats", "en:sausages", "en:turkey-sausages"], Category.POULTRY),
        (["en:seafood", "en:fishes", "en:salmons", "en:smoked-salmons"], Category.FISH),
        (["en:fish-and-meat-and-eggs", "en:fishes", "en:tunas"], Category.FISH),
        (["en:fish-and-meat-and-eggs"], None),
        (["en:fish-and-seafood"], Category.FISH),
        (
            [
                "en:plant-based-foods",
                "en:legumes-and-their-products",
                "en:legumes",
                "en:lentils",
            ],
            Category.LEGUMES,
        ),
        (["en:canned-foods", "en:canned-beans", "en:chickpeas"], Category.LEGUMES),
        (["en:legumes", "en:soy-based-foods", "en:tofu"], Category.SOY),
        (
            ["en:plant-based-beverages", "en:milk-substitutes", "en:soy-milks"],
            Category.SOY,
        ),
        (
            ["en:plant-based-beverages", "en:dairy-substitutes", "en:oat-based-drinks"],
            Category.CEREALS,
        ),
        (["en:plant-based-milks", "en:almond-milks"], Category.NUTS),
        (["en:coconut-milks"], Category.NUTS),
        (["en:meat-analogues", "en:vegetarian-sausages"], None),
        (
            ["en:cereals-and-potatoes", "en:cereals-and-their-products", "en:breads"],
            Category.CEREALS,
        ),
        (["en:cereals-and-potatoes"], None),
        (
            ["en:breakfast-cereals", "en:mueslis", "en:mueslis-with-nuts"],
            Category.CEREALS,
        ),
        (["en:pastas"], Category.CEREALS),
        (["en:nuts-and-their-products", "en:nuts", "en:almonds"], Category.NUTS),
        (["en:seeds", "en:sunflower-seeds"], Category.NUTS),
        (["en:spreads", "en:peanut-butters"], Category.NUTS),
        (["en:spreads", "en:hazelnut-spreads"], Category.NUTS),
        (
            [
                "en:fruits-and-vegetables-based-foods",
                "en:vegetables-based-foods",
                "en:frozen-vegetables",
            ],
            Category.VEGETABLES,
        ),
        (["en:fruits-and-vegetables-based-foods"], Category.VEGETABLES),
        (["en:potatoes"], Category.VEGETABLES),
        (["EN:CHEESES"], Category.DAIRY),
        (["sv:kvarg"], None),
        (["en:snacks", "en:sweet-snacks", "en:chocolates"], None),
        (["en:beverages", "en:waters"], None),
        ([], None),
        ([""], None),
        ([":", "en:", "-", "and", "en:and-their-products"], None),
    ],
)
def test_category_from_tags(tags: list[str], category: Category | None) -> None:
    assert category_from_tags(tags) is category


def test_category_from_tags_on_the_product() -> None:
    payload = answer(categories_tags=["en:meats", "en:poultries"])
    assert (
        food_from_product(BARCODE, payload, Category.DAIRY).category is Category.POULTRY
    )


@pytest.mark.parametrize("tags", [[], None, ["en:snacks"]])
def test_fallback_category(tags: list[str] | None) -> None:
    payload = answer(categories_tags=tags, nutriments={"proteins_100g": 10})
    food = food_from_product(BARCODE, payload, Category.FISH)
    assert food.category is Category.FISH
    assert food.leucine_g == pytest.approx(0.8)
    assert food_from_product(BARCODE, payload, None).category is Category.OTHER


def test_categories_tags_may_be_missing() -> None:
    payload = answer()
    del payload["product"]["categories_tags"]
    assert food_from_product(BARCODE, payload, None).category is Category.OTHER


JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
JSON = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
NUMBERS = (
    st.floats(-10, 200)
    | st.integers(-10, 200)
    | st.floats(-10, 200).map(str)
    | st.floats(allow_nan=True, allow_infinity=True)
    | JSON_SCALARS
)
NUTRIMENTS = st.dictionaries(
    st.sampled_from(
        [
            "proteins_100g",
            "l-leucine_100g",
            "energy-kcal_100g",
            "energy-kj_100g",
            "energy_100g",
            "carbohydrates_100g",
            "fat_100g",
        ]
    ),
    NUMBERS,
)
TAGS = st.lists(
    st.sampled_from(
        [
            "en:dairies",
            "en:whey-proteins",
            "en:chicken-eggs",
            "en:fish-and-meat-and-eggs",
            "en:tofu",
            "en:snacks",
        ]
    )
    | st.text(alphabet="abcdefghijklmnopqrstuvwxyz:-", max_size=30),
    max_size=5,
)
PRODUCTS = st.fixed_dictionaries(
    {},
    optional={
        "product_name": st.text() | JSON_SCALARS,
        "product_name_sv": st.text() | JSON_SCALARS,
        "nutriments": NUTRIMENTS | JSON,
        "categories_tags": TAGS | JSON,
    },
)
PAYLOADS = st.fixed_dictionaries(
    {},
    optional={
        "status": st.sampled_from([0, 1]) | JSON,
        "code": JSON,
        "product": PRODUCTS | JSON,
    },
)
FALLBACKS = st.none() | st.sampled_from(Category)


def check(payload: Any, fallback: Category | None) -> None:
    try:
        food = food_from_product(BARCODE, payload, fallback)
    except ProductNotFoundError, NoProteinError, MalformedProductError:
        return
    assert food.id == f"ean_{BARCODE}"
    assert isinstance(food.name, str)
    assert food.name
    assert food.name_sv
    assert isinstance(food.category, Category)
    assert 0.0 <= food.protein_g <= 100.0
    assert 0.0 <= food.leucine_g <= food.protein_g
    assert math.isfinite(food.kcal)
    assert 0.0 <= food.kcal <= 1700.0  # 100 g of protein, carbohydrates and fat at most
    if food.leucine_estimated:
        assert food.leucine_g == pytest.approx(
            food.protein_g * LEUCINE_FRACTION[food.category], abs=1e-3
        )


@settings(max_examples=500)
@given(JSON, FALLBACKS)
def test_any_json_gives_a_food_or_a_typed_error(
    payload: Any, fallback: Category | None
) -> None:
    check(payload, fallback)


@settings(max_examples=1000)
@given(PAYLOADS, FALLBACKS)
def test_any_product_like_json_gives_a_food_or_a_typed_error(
    payload: Any, fallback: Category | None
) -> None:
    check(payload, fallback)


@settings(max_examples=300)
@given(st.lists(st.text(), max_size=6))
def test_any_tags_give_a_category_or_none(tags: list[str]) -> None:
    assert category_from_tags(tags) in {*Category, None}
