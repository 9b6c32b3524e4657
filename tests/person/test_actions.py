"""The actions: what they log and return, and how they refuse bad data."""

from __future__ import annotations

from datetime import timedelta
import math
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest

from custom_components.mtor_balance.const import (
    DOMAIN,
)

from ..common import async_add_person

NOW = "2026-11-02 11:00:00+00:00"  # 12:00 in Stockholm


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
async def test_log_food_by_id_english_or_swedish_name(hass: HomeAssistant) -> None:
    by_id = await _call(hass, "log_food", {"food": "01012", "grams": 100})
    assert by_id["name"] == "Cottage cheese"
    assert by_id["leucine_g"] == pytest.approx(1.116)
    assert by_id["source"] == "action"
    by_swedish = await _call(hass, "log_food", {"food": "keso", "grams": 100})
    assert by_swedish["food"] == "01012"
    assert _leucine_today(hass) == pytest.approx(2.23, abs=0.01)


@pytest.mark.usefixtures("erik")
async def test_log_food_back_dated_counts_on_its_own_day(hass: HomeAssistant) -> None:
    yesterday = dt_util.utcnow() - timedelta(days=1)
    response = await _call(
        hass, "log_food", {"food": "01012", "grams": 100, "time": yesterday.isoformat()}
    )
    assert response["time"] == yesterday.isoformat()
    assert _leucine_today(hass) == 0


@pytest.mark.usefixtures("erik")
async def test_log_nutrients_marks_leucine_estimated_only_when_it_was_estimated(
    hass: HomeAssistant,
) -> None:
    measured = await _call(
        hass, "log_nutrients", {"leucine_g": 3, "name": "Leucine powder"}
    )
    assert (measured["leucine_g"], measured["leucine_estimated"]) == (3, False)
    assert measured["name"] == "Leucine powder"
    estimated = await _call(
        hass, "log_nutrients", {"protein_g": 25, "category": "whey"}
    )
    assert estimated["leucine_g"] == pytest.approx(2.75)
    assert estimated["leucine_estimated"] is True
    state = hass.states.get("sensor.erik_leucine_today")
    assert state.attributes["leucine_estimated"] is True
    assert estimated["name"] == "Supplement"  # unnamed: in Home Assistant's language


async def test_an_unnamed_supplement_is_named_in_home_assistants_language(
    hass: HomeAssistant,
) -> None:
    hass.config.language = "sv"
    await async_add_person(hass, "Erik")
    unnamed = await _call(hass, "log_nutrients", {"protein_g": 20})
    assert unnamed["name"] == "Tillskott"


@pytest.mark.usefixtures("erik")
async def test_undo_and_delete(hass: HomeAssistant) -> None:
    first = await _call(hass, "log_food", {"food": "01012", "grams": 100})
    second = await _call(hass, "log_food", {"food": "05064", "grams": 100})
    undone = await _call(hass, "undo_last", {})
    assert undone["entry_id"] == second["entry_id"]
    deleted = await _call(hass, "delete_entry", {"entry_id": first["entry_id"]})
    assert deleted["entry_id"] == first["entry_id"]
    assert _leucine_today(hass) == 0
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "undo_last", {})
    assert err.value.translation_key == "nothing_to_undo"
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "delete_entry", {"entry_id": first["entry_id"]})
    assert err.value.translation_key == "entry_not_found"


@pytest.mark.usefixtures("erik")
async def test_search_foods_returns_nutrients_per_100_g(hass: HomeAssistant) -> None:
    response = await _call(
        hass, "search_foods", {"query": "cottage cheese", "limit": 3}
    )
    foods = response["foods"]
    assert 1 <= len(foods) <= 3
    assert foods[0]["id"] == "01012"
    assert response["match"] == "01012"  # what log_food would take for this name
    ambiguous = await _call(hass, "search_foods", {"query": "chicken breast"})
    assert ambiguous["match"] is None
    assert len(ambiguous["foods"]) > 1
    assert foods[0]["protein_g"] == pytest.approx(11.12)
    # Both names come back, so a name in either language can be logged.
    assert (foods[0]["name_en"], foods[0]["name_sv"]) == ("Cottage cheese", "Keso")
    assert set(foods[0]) == {
        "id",
        "name",
        "name_en",
        "name_sv",
        "category",
        "protein_g",
        "leucine_g",
        "leucine_estimated",
        "units",
    }


@pytest.mark.usefixtures("erik")
async def test_get_log_exports_a_range(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    logged = await _call(hass, "log_food", {"food": "01012", "grams": 100})
    freezer.tick(timedelta(hours=2))
    later = await _call(hass, "log_food", {"food": "05064", "grams": 100})
    today = await _call(hass, "get_log", {})
    assert [entry["entry_id"] for entry in today["entries"]] == [
        logged["entry_id"],
        later["entry_id"],
    ]
    only_first = await _call(
        hass, "get_log", {"start": logged["time"], "end": later["time"]}
    )
    assert [entry["entry_id"] for entry in only_first["entries"]] == [
        logged["entry_id"]
    ]
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "get_log", {"start": later["time"], "end": logged["time"]})
    assert err.value.translation_key == "start_after_end"


@pytest.mark.usefixtures("erik")
@pytest.mark.parametrize(
    ("action", "data", "key"),
    [
        ("log_food", {"food": "01012", "grams": 0}, "value_out_of_range"),
        ("log_food", {"food": "01012", "grams": -5}, "value_out_of_range"),
        ("log_food", {"food": "01012", "grams": math.nan}, "value_out_of_range"),
        ("log_food", {"food": "01012", "grams": math.inf}, "value_out_of_range"),
        ("log_food", {"food": "01012", "grams": 1e9}, "value_out_of_range"),
        ("log_food", {"food": "01012", "grams": "lots"}, "value_out_of_range"),
        ("log_food", {"food": "x" * 500, "grams": 10}, "invalid_text"),
        ("log_food", {"food": "unobtainium", "grams": 10}, "unknown_food"),
        (
            "log_food",
            {"food": "01012", "grams": 10, "time": "1999-01-01T00:00:00"},
            "time_out_of_range",
        ),
        (
            "log_food",
            {"food": "01012", "grams": 10, "time": "2030-01-01T00:00:00"},
            "time_out_of_range",
        ),
        (
            "log_food",
            {"food": "01012", "grams": 10, "time": "yesterday"},
            "invalid_action_data",
        ),
        (
            "log_food",
            {"food": "01012", "grams": 10, "surprise": 1},
            "invalid_action_data",
        ),
        ("log_nutrients", {}, "nutrients_required"),
        (
            "log_nutrients",
            {"leucine_g": 3, "category": "meteorite"},
            "invalid_action_data",
        ),
        ("log_nutrients", {"protein_g": -1}, "value_out_of_range"),
        ("search_foods", {"query": ""}, "invalid_text"),
        ("search_foods", {"query": "egg", "limit": 0}, "value_out_of_range"),
    ],
)
async def test_invalid_data_gets_a_translated_error_and_the_log_is_unchanged(
    hass: HomeAssistant, action: str, data: dict[str, Any], key: str
) -> None:
    await _call(hass, "log_food", {"food": "01012", "grams": 100})
    before = hass.states.get("sensor.erik_leucine_today").state
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, action, data)
    assert err.value.translation_domain == DOMAIN
    assert err.value.translation_key == key
    assert hass.states.get("sensor.erik_leucine_today").state == before


@pytest.mark.usefixtures("erik")
async def test_an_unknown_person_is_refused(hass: HomeAssistant) -> None:
    with pytest.raises(ServiceValidationError) as err:
        await _call(
            hass, "log_food", {"config_entry_id": "nobody", "food": "01012", "grams": 1}
        )
    assert err.value.translation_key == "service_config_entry_not_found"


async def test_two_people_need_the_person_named(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(NOW)
    await async_add_person(hass, "Anna", age_group="older")
    erik = await async_add_person(hass, "Erik")
    with pytest.raises(ServiceValidationError):
        await _call(hass, "log_food", {"food": "01012", "grams": 100})
    await _call(
        hass,
        "log_food",
        {"config_entry_id": erik.entry_id, "food": "01012", "grams": 100},
    )
    assert _leucine_today(hass) > 0
    assert hass.states.get("sensor.anna_leucine_today").state == "0"


@pytest.mark.usefixtures("erik")
async def test_any_name_search_shows_can_be_logged_and_an_unclear_one_is_asked(
    hass: HomeAssistant,
) -> None:
    found = await _call(hass, "search_foods", {"query": "kycklingbröst", "limit": 5})
    for food in found["foods"]:
        for name in (food["name"], food["name_sv"], food["name_en"]):
            logged = await _call(hass, "log_food", {"food": name, "grams": 100})
            assert logged["food"] == food["id"]
            assert (logged["name_en"], logged["name_sv"]) == (
                food["name_en"],
                food["name_sv"],
            )
    # "chicken breast" alone names several foods: the error says which.
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "log_food", {"food": "chicken breast", "grams": 100})
    assert err.value.translation_key == "ambiguous_food"
    assert (
        "Chicken breast, roasted" in err.value.translation_placeholders["suggestions"]
    )
