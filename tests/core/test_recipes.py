"""A recipe of three ingredients weighed raw and its cooked total, then a portion of it."""

from __future__ import annotations

import pytest

from custom_components.mtor_balance.core.categories import Category
from custom_components.mtor_balance.core.model import Food
from custom_components.mtor_balance.core.recipes import (
    PartsError,
    RecipeError,
    cooked_food,
    parse_parts,
)


def _food(
    food_id: str, protein: float, leucine: float, kcal: float, *, est: bool = False
) -> Food:
    return Food(food_id, food_id, food_id, Category.OTHER, protein, leucine, kcal, est)


MINCE = _food("beef", 20.0, 1.6, 200.0)  # per 100 g raw
BEANS = _food("beans", 8.0, 0.64, 120.0, est=True)
TOMATO = _food("tomato", 1.0, 0.03, 20.0)


def test_a_portion_of_a_cooked_chili_by_hand() -> None:
    # 500 g mince, 400 g beans, 400 g tomatoes; the pot weighs 1100 g cooked (water lost).
    chili = cooked_food(
        "custom_chili",
        name="Chili",
        name_sv="Chili",
        category=Category.RED_MEAT,
        parts=[(MINCE, 500), (BEANS, 400), (TOMATO, 400)],
        cooked_g=1100,
    )
    # By hand: leucine 8.0 + 2.56 + 0.12 = 10.68 g in 1100 g; 350 g -> 3.398 g.
    portion = chili.portion(350)
    assert portion.leucine_g == pytest.approx(10.68 * 350 / 1100, abs=0.001)
    # Protein 100 + 32 + 4 = 136 g; 350 g -> 43.27 g.
    assert portion.protein_g == pytest.approx(136 * 350 / 1100, abs=0.01)
    assert chili.kcal == pytest.approx((1000 + 480 + 80) / 11, abs=0.05)
    assert portion.leucine_estimated  # the beans' leucine was estimated
    assert chili.recipe is not None
    assert [i.food_id for i in chili.recipe.ingredients] == ["beef", "beans", "tomato"]


@pytest.mark.parametrize(
    ("parts", "cooked"),
    [([], 100.0), ([(MINCE, 0.0)], 100.0), ([(MINCE, 100.0)], 0.0)],
)
def test_a_recipe_needs_weighed_ingredients_and_a_cooked_weight(
    parts: list[tuple[Food, float]], cooked: float
) -> None:
    with pytest.raises(RecipeError):
        cooked_food(
            "x",
            name="x",
            name_sv="x",
            category=Category.OTHER,
            parts=parts,
            cooked_g=cooked,
        )


def test_a_typed_list_of_foods_in_english_or_swedish() -> None:
    text = "200 g keso\n- chicken breast 150 g\n\n2,5 g leucin\n100g of rice, cooked\nägg: 60"
    assert parse_parts(text) == [
        ("keso", 200.0),
        ("chicken breast", 150.0),
        ("leucin", 2.5),
        ("rice, cooked", 100.0),
        ("ägg", 60.0),
    ]
    with pytest.raises(PartsError) as err:
        parse_parts("200 g keso\nsome cheese")
    assert err.value.line == 2
