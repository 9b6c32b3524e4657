"""core/amounts.py: what people say ("2 eggs", "ett glas mjölk") and the grams it is."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, strategies as st
import pytest

from custom_components.mtor_balance.core.amounts import (
    GRAM,
    KILOGRAM,
    PIECE,
    UNIT_KEYS,
    UNIT_WORDS,
    Amount,
    UnknownUnitError,
    grams_for,
    parse_amount,
    unit_names,
    units_of,
)
from custom_components.mtor_balance.core.categories import Category
from custom_components.mtor_balance.core.foods import FoodTable
from custom_components.mtor_balance.core.model import Food

FOODS_CSV = (
    Path(__file__).parents[2]
    / "custom_components"
    / "mtor_balance"
    / "data"
    / "foods.csv"
)


@pytest.fixture(scope="module")
def table() -> FoodTable:
    return FoodTable.load(FOODS_CSV)


def egg(units: str = "piece=50|large=50|medium=44|cup=243|dl=102.7") -> Food:
    return Food(
        id="01123",
        name="Egg, whole, raw",
        name_sv="Ägg, rått",
        category=Category.EGG,
        protein_g=12.56,
        leucine_g=1.086,
        kcal=143.0,
        leucine_estimated=False,
        units=units,
    )


@pytest.mark.parametrize(
    ("said", "quantity", "unit", "food"),
    [
        ("2 eggs", 2, None, "eggs"),
        ("two eggs", 2, None, "eggs"),
        ("två ägg", 2, None, "ägg"),
        ("2 large eggs", 2, "large", "eggs"),
        ("2 stora ägg", 2, "large", "ägg"),
        ("a glass of milk", 1, "glass", "milk"),
        ("ett glas mjölk", 1, "glass", "mjölk"),
        ("2 glasses of milk", 2, "glass", "milk"),
        ("a slice of rye bread", 1, "slice", "rye bread"),
        ("två skivor rågbröd", 2, "slice", "rågbröd"),
        ("1 skiva Rågbröd", 1, "slice", "Rågbröd"),
        ("one scoop of whey", 1, "scoop", "whey"),
        ("en skopa vassleprotein", 1, "scoop", "vassleprotein"),
        ("2 mått proteinpulver", 2, "scoop", "proteinpulver"),
        ("2 cups of oats", 2, "cup", "oats"),
        ("en kopp kaffe", 1, "cup", "kaffe"),
        ("2,5 dl havregryn", 2.5, "dl", "havregryn"),
        ("2.5 deciliter havregryn", 2.5, "dl", "havregryn"),
        ("3 tbsp peanut butter", 3, "tablespoon", "peanut butter"),
        ("3 msk jordnötssmör", 3, "tablespoon", "jordnötssmör"),
        ("1 tsk honung", 1, "teaspoon", "honung"),
        ("a teaspoon of honey", 1, "teaspoon", "honey"),
        ("2 pieces of chicken", 2, PIECE, "chicken"),
        ("3 st ägg", 3, PIECE, "ägg"),
        ("två bitar lax", 2, PIECE, "lax"),
        ("a serving of lasagna", 1, "portion", "lasagna"),
        ("en portion lasagne", 1, "portion", "lasagne"),
        ("ett paket tofu", 1, "package", "tofu"),
        ("en förpackning kvarg", 1, "package", "kvarg"),
        ("200 g keso", 200, GRAM, "keso"),
        ("200 gram keso", 200, GRAM, "keso"),
        ("200 grams of cottage cheese", 200, GRAM, "cottage cheese"),
        ("0,5 kg kyckling", 0.5, KILOGRAM, "kyckling"),
        ("half a cup of oats", 0.5, "cup", "oats"),
        ("a half cup of oats", 0.5, "cup", "oats"),
        ("en halv dl havregryn", 0.5, "dl", "havregryn"),
        ("ett halvt paket tofu", 0.5, "package", "tofu"),
        ("1/2 cup milk", 0.5, "cup", "milk"),
        ("½ avocado", 0.5, None, "avocado"),
        ("1½ skivor bröd", 1.5, "slice", "bröd"),
        ("1 1/2 scoops whey", 1.5, "scoop", "whey"),
        ("two and a half slices of bread", 2.5, "slice", "bread"),
        ("en och en halv skiva bröd", 1.5, "slice", "bröd"),
        ("an apple", 1, None, "apple"),
        ("en banan", 1, None, "banan"),
        ("ett ägg", 1, None, "ägg"),
    ],
)
def test_parse_what_people_say(
    said: str, quantity: float, unit: str | None, food: str
) -> None:
    assert parse_amount(said) == (Amount(quantity, unit), food)


@pytest.mark.parametrize(
    "said", ["eggs", "", "2", "2 g", "a glass of", "zero eggs", "0 eggs", "5000 eggs"]
)
def test_no_amount_or_no_food_is_none(said: str) -> None:
    assert parse_amount(said) is None


def test_every_unit_word_names_a_unit_key_or_a_weight() -> None:
    assert set(UNIT_WORDS.values()) == {*UNIT_KEYS, GRAM, KILOGRAM}


def test_grams_for_a_unit_and_for_pieces() -> None:
    food = egg()
    assert grams_for(food, 2) == 100  # "2 eggs": the food's piece
    assert grams_for(food, 2, "large") == 100
    assert grams_for(food, 2, "medium") == 88
    assert grams_for(food, 1, "stora") == 50  # a unit word works too
    assert grams_for(food, 0.5, "dl") == pytest.approx(51.35)
    assert grams_for(food, 150, GRAM) == 150
    assert grams_for(food, 0.2, "kg") == 200
    assert units_of(food)["cup"] == 243
    assert unit_names(food) == ("piece", "large", "medium", "cup", "dl", GRAM, KILOGRAM)


def test_a_unit_the_food_does_not_have_is_refused_with_the_ones_it_has() -> None:
    food = egg()
    with pytest.raises(UnknownUnitError) as refused:
        grams_for(food, 1, "slice")
    assert refused.value.food is food
    assert refused.value.unit == "slice"
    assert refused.value.units == unit_names(food)
    no_pieces = egg(units="cup=243")
    with pytest.raises(UnknownUnitError, match="piece"):
        grams_for(no_pieces, 2)  # "2 cups of nothing countable"


@pytest.mark.parametrize("quantity", [0, -1, float("nan"), float("inf")])
def test_a_quantity_must_be_positive_and_finite(quantity: float) -> None:
    with pytest.raises(ValueError, match="quantity"):
        grams_for(egg(), quantity)


@given(
    quantity=st.floats(min_value=0.01, max_value=1000, allow_nan=False),
    unit=st.sampled_from(["piece", "large", "medium", "cup", "dl", GRAM, KILOGRAM]),
)
def test_grams_grow_with_the_quantity(quantity: float, unit: str) -> None:
    food = egg()
    one = grams_for(food, 1, unit)
    assert grams_for(food, quantity, unit) == pytest.approx(quantity * one)


@given(st.text(max_size=40))
def test_parse_never_fails_and_leaves_a_food(text: str) -> None:
    parsed = parse_amount(text)
    if parsed is not None:
        amount, food = parsed
        assert 0 < amount.quantity <= 1000
        assert food
        assert amount.unit is None or amount.unit in UNIT_WORDS.values()


@given(
    quantity=st.integers(min_value=1, max_value=999),
    unit_word=st.sampled_from(sorted(UNIT_WORDS)),
)
def test_every_unit_word_is_read(quantity: int, unit_word: str) -> None:
    assert parse_amount(f"{quantity} {unit_word} keso") == (
        Amount(quantity, UNIT_WORDS[unit_word]),
        "keso",
    )


def test_the_said_amount_reads_back() -> None:
    times = "\N{MULTIPLICATION SIGN}"
    assert Amount(2, None).said("Egg") == f"2 {times} Egg"
    assert Amount(2, "large").said("Egg") == f"2 {times} large Egg"
    assert Amount(200, GRAM).said("Keso") == "200 g Keso"
    assert Amount(0.5, KILOGRAM).said("Kyckling") == "0.5 kg Kyckling"


def test_the_bundled_table_answers_what_people_say(table: FoodTable) -> None:
    for said, language, grams in (
        ("2 eggs", "en", 100.0),
        ("två ägg", "sv", 100.0),
        ("a glass of milk", "en", 206.3),
        ("ett glas mjölk", "sv", 206.3),
        ("a slice of rye bread", "en", 32.0),
        ("2 large eggs", "en", 100.0),
    ):
        parsed = parse_amount(said)
        assert parsed is not None, said
        amount, name = parsed
        food = table.resolve(name, language, unit=amount.unit or PIECE)
        assert food is not None, said
        assert grams_for(food, amount.quantity, amount.unit) == pytest.approx(grams)


@pytest.mark.parametrize("name", ["2% milk", "7up", "A-fil", "1% fat milk"])
def test_a_number_that_is_part_of_a_name_is_no_amount(name: str) -> None:
    assert parse_amount(name) is None


def test_a_unit_glued_to_the_number_is_read() -> None:
    assert parse_amount("200g keso") == (Amount(200, GRAM), "keso")
    assert parse_amount("2,5dl mjölk") == (Amount(2.5, "dl"), "mjölk")
