"""A model's answer about a photo, read and resolved to foods of the table (core/photo.py)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, strategies as st
import pytest

from custom_components.mtor_balance.core.foods import FoodLibrary, FoodTable
from custom_components.mtor_balance.core.photo import (
    Answer,
    auto_food,
    identify,
    read_answer,
)

from .test_foods import FOODS_CSV

_TABLE: dict[str, FoodTable] = {}


@pytest.fixture
def library() -> FoodLibrary:
    """The bundled table, loaded once."""
    return FoodLibrary(_TABLE.setdefault("table", FoodTable.load(FOODS_CSV)))


def test_keso_is_cottage_cheese_first_with_two_alternatives(
    library: FoodLibrary,
) -> None:
    answer = read_answer(
        {"name": "keso", "name_en": "cottage cheese", "confidence": 0.9, "parts": []}
    )
    assert answer is not None
    found = identify(library, answer, 150.0, "sv")
    assert found.candidates[0].food.id == "01012"
    assert len(found.candidates) == 3
    assert all(c.grams == 150.0 and not c.estimated for c in found.candidates)
    assert found.resolved is not None
    assert found.resolved.id == "01012"
    assert auto_food(found, {"01012"}) == found.resolved
    assert auto_food(found, {"01015"}) is None  # never logged before: a tap


def test_a_plate_is_split_by_the_shares_and_marked_estimated(
    library: FoodLibrary,
) -> None:
    answer = read_answer(
        {
            "name": "köttbullar med potatis",
            "name_en": "meatballs with potatoes",
            "confidence": 0.7,
            "parts": [
                {"name": "köttbullar", "name_en": "meatballs", "share": 3},
                {"name": "potatis", "name_en": "potatoes", "share": 0.5},
                {"name": "lingonsylt", "name_en": "lingonberry jam", "share": 0.5},
            ],
        }
    )
    assert answer is not None
    assert len(answer.parts) == 2  # a share over 1 is no share
    found = identify(library, answer, 400.0, "sv")
    assert [(c.grams, c.estimated) for c in found.parts] == [
        (200.0, True),
        (200.0, True),
    ]
    assert auto_food(found, {c.food.id for c in found.parts}) is None


@pytest.mark.parametrize(
    "data",
    [
        None,
        "keso",
        [],
        {},
        {"name": "", "name_en": "   "},
        {"name": 42},
        {"name_en": ["keso"]},
    ],
)
def test_nonsense_is_no_answer(data: Any) -> None:
    assert read_answer(data) is None


def test_a_name_that_names_no_food_offers_nothing(library: FoodLibrary) -> None:
    answer = read_answer({"name": "xqzzy blorp", "confidence": float("nan")})
    assert answer == Answer("xqzzy blorp", "xqzzy blorp", "", 0.0)
    found = identify(library, answer, 100.0, "en")
    assert not found.found
    assert auto_food(found, set()) is None


@given(
    st.dictionaries(
        st.sampled_from(["name", "name_en", "preparation", "confidence", "parts"]),
        st.one_of(
            st.none(),
            st.text(max_size=300),
            st.floats(),
            st.integers(),
            st.booleans(),
            st.lists(
                st.dictionaries(
                    st.sampled_from(["name", "name_en", "share"]),
                    st.one_of(st.text(max_size=20), st.floats(), st.none()),
                ),
                max_size=8,
            ),
        ),
    )
)
def test_any_answer_is_read_safely(data: dict[str, Any]) -> None:
    answer = read_answer(data)
    if answer is None:
        return
    assert answer.name
    assert len(answer.name) <= 100
    assert 0.0 <= answer.confidence <= 1.0
    assert len(answer.parts) != 1
    assert all(0 < part.share <= 1 for part in answer.parts)
