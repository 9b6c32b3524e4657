"""log_food by a household amount ("2 eggs", "a glass of milk"), and foods' units in search."""

from __future__ import annotations

from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest

from custom_components.mtor_balance.const import DOMAIN

from ..common import async_add_person

NOW = "2026-11-02 11:00:00+00:00"
TIMES = "\N{MULTIPLICATION SIGN}"


@pytest.fixture
async def erik(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> Any:
    """Erik, set up at noon on a Monday."""
    freezer.move_to(NOW)
    return await async_add_person(hass, "Erik")


async def _call(hass: HomeAssistant, action: str, data: dict[str, Any]) -> Any:
    return await hass.services.async_call(
        DOMAIN, action, data, blocking=True, return_response=True
    )


def _leucine_today(hass: HomeAssistant) -> float:
    return float(hass.states.get("sensor.erik_leucine_today").state)


@pytest.mark.usefixtures("erik")
async def test_two_eggs_are_two_large_eggs(hass: HomeAssistant) -> None:
    logged = await _call(hass, "log_food", {"food": "eggs", "amount": 2})
    assert logged["food"] == "01123"  # the raw egg: per egg, cooked ones differ little
    assert logged["grams"] == 100
    assert logged["leucine_g"] == pytest.approx(1.086)
    assert (logged["amount"], logged["unit"]) == (2, "piece")
    assert logged["said"] == f"2 {TIMES} Egg, whole, raw"
    assert _leucine_today(hass) == pytest.approx(1.09, abs=0.01)


@pytest.mark.usefixtures("erik")
@pytest.mark.parametrize(
    ("data", "food", "grams"),
    [
        ({"food": "milk", "amount": 1, "unit": "glass"}, "01077", 206.3),
        ({"food": "mjölk", "amount": 1, "unit": "glas"}, "01077", 206.3),
        ({"food": "rye bread", "amount": 2, "unit": "slices"}, "18060", 64),
        ({"food": "rågbröd", "amount": 2, "unit": "skivor"}, "18060", 64),
        ({"food": "01123", "amount": 2, "unit": "large"}, "01123", 100),
        ({"food": "ägg", "amount": 3, "unit": "st"}, "01123", 150),
        ({"food": "keso", "amount": 0.5, "unit": "kg"}, "01012", 500),
        ({"food": "keso", "amount": 200, "unit": "g"}, "01012", 200),
        ({"food": "whey_isolate", "amount": 1, "unit": "scoop"}, "whey_isolate", 30),
    ],
)
async def test_an_amount_in_a_unit_becomes_grams(
    hass: HomeAssistant, data: dict[str, Any], food: str, grams: float
) -> None:
    logged = await _call(hass, "log_food", data)
    assert logged["food"] == food
    assert logged["grams"] == pytest.approx(grams)


@pytest.mark.usefixtures("erik")
async def test_a_unit_the_food_lacks_is_refused_naming_its_units(
    hass: HomeAssistant,
) -> None:
    with pytest.raises(ServiceValidationError) as refused:
        await _call(hass, "log_food", {"food": "01012", "amount": 1, "unit": "slice"})
    assert refused.value.translation_key == "unknown_unit"
    placeholders = refused.value.translation_placeholders or {}
    assert placeholders["food"] == "Cottage cheese"
    assert placeholders["units"] == "cup, dl, gram, kg"
    assert _leucine_today(hass) == 0


@pytest.mark.usefixtures("erik")
async def test_the_units_are_named_in_swedish_for_a_swedish_home(
    hass: HomeAssistant,
) -> None:
    await hass.config.async_update(language="sv")
    with pytest.raises(ServiceValidationError) as refused:
        await _call(hass, "log_food", {"food": "keso", "amount": 2})
    placeholders = refused.value.translation_placeholders or {}
    assert placeholders["unit"] == "styck"
    assert placeholders["units"] == "kopp, dl, gram, kg"


@pytest.mark.usefixtures("erik")
@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"food": "01012"}, "grams_or_amount"),
        ({"food": "01012", "unit": "cup", "grams": 100}, "grams_or_amount"),
        ({"food": "01012", "amount": 1, "grams": 100}, "invalid_action_data"),
        ({"food": "01012", "amount": 1, "unit": "handful"}, "unknown_unit_word"),
        ({"food": "01012", "amount": 0, "unit": "cup"}, "value_out_of_range"),
        ({"food": "01012", "amount": 1001, "unit": "cup"}, "value_out_of_range"),
        ({"food": "milk", "amount": 100, "unit": "glass"}, "amount_out_of_range"),
    ],
)
async def test_bad_amounts_are_refused(
    hass: HomeAssistant, data: dict[str, Any], key: str
) -> None:
    with pytest.raises(ServiceValidationError) as refused:
        await _call(hass, "log_food", data)
    assert refused.value.translation_key == key
    assert _leucine_today(hass) == 0


@pytest.mark.usefixtures("erik")
async def test_search_foods_gives_each_foods_units(hass: HomeAssistant) -> None:
    found = await _call(hass, "search_foods", {"query": "egg", "limit": 1})
    (egg,) = found["foods"]
    assert egg["units"]["piece"] == 50
    assert egg["units"]["medium"] == 44
    own = await _call(hass, "search_foods", {"query": "keso", "limit": 1})
    assert own["foods"][0]["units"] == {"cup": 210, "dl": 88.8}


@pytest.mark.usefixtures("erik")
@pytest.mark.parametrize(
    ("query", "match", "amount"),
    [
        ("2 eggs", "01123", {"quantity": 2, "unit": "piece", "grams": 100}),
        ("ett glas mjölk", "01077", {"quantity": 1, "unit": "glass", "grams": 206.3}),
        ("200 g keso", "01012", {"quantity": 200, "unit": "gram", "grams": 200}),
        # the food is found, but has no glass: grams is None
        ("a glass of keso", "01012", {"quantity": 1, "unit": "glass", "grams": None}),
        ("cottage cheese", "01012", None),
        ("2% milk", None, None),  # a number in a name is no amount
        ("A-fil", "a_fil", None),
    ],
)
async def test_search_foods_reads_the_amount_said_before_the_food(
    hass: HomeAssistant, query: str, match: str | None, amount: dict[str, Any] | None
) -> None:
    found = await _call(hass, "search_foods", {"query": query, "limit": 3})
    if match is not None:
        assert found["match"] == match
    if amount is None:
        assert found["amount"] is None
    else:
        said = found["amount"]
        assert {key: said[key] for key in amount} == pytest.approx(amount)
        assert said["unit_sv"]
