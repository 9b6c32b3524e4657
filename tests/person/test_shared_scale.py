"""A household at one scale: one weighing goes to one person, portions wait for someone.

Two people, Anna and Bo, weigh on the same weight sensor (the README's shared-scale use
case), through the real select, button, actions and websocket API.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, State
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.mtor_balance.const import DOMAIN
from custom_components.mtor_balance.person.household import HOUSEHOLD

from ..common import async_add_person

SCALE = "sensor.kitchen_scale"
NOW = "2026-11-02 11:00:00+00:00"  # Monday 12:00 in Stockholm
WEIGHT = {"unit_of_measurement": "g", "device_class": "weight"}


async def _weigh(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, grams: str
) -> None:
    hass.states.async_set(SCALE, grams, WEIGHT)
    await hass.async_block_till_done()
    await _tick(hass, freezer, seconds=3)


async def _tick(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, **delta: float
) -> None:
    freezer.tick(timedelta(**delta))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def _select(hass: HomeAssistant, person: str, food: str) -> None:
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": f"select.{person}_food", "option": food},
        blocking=True,
    )


async def _log(hass: HomeAssistant, entry_id: str) -> list[tuple[str, float]]:
    response = await hass.services.async_call(
        DOMAIN,
        "get_log",
        {"config_entry_id": entry_id},
        blocking=True,
        return_response=True,
    )
    assert isinstance(response, dict)
    return [(entry["name"], entry["grams"]) for entry in response["entries"]]


def _portion(hass: HomeAssistant, person: str) -> State:
    state = hass.states.get(f"sensor.{person}_portion")
    assert state is not None
    return state


@pytest.fixture
async def household(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> tuple[Any, Any]:
    """Anna and Bo, both weighing on the kitchen scale (claims last 3 minutes)."""
    freezer.move_to(NOW)
    hass.states.async_set(SCALE, "0", WEIGHT)
    anna = await async_add_person(hass, "Anna", scale_entity=SCALE)
    bo = await async_add_person(hass, "Bo", scale_entity=SCALE)
    return anna, bo


async def test_one_weighing_goes_to_the_person_who_claimed_the_scale(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, household: tuple[Any, Any]
) -> None:
    anna, bo = household
    await _select(hass, "anna", "Cottage cheese")
    await _weigh(hass, freezer, "150")
    # The portion shows once: on Anna's Portion; Bo sees who is weighing.
    assert _portion(hass, "anna").state == "150.0"
    assert _portion(hass, "anna").attributes["food"] == "Cottage cheese"
    assert _portion(hass, "bo").state == "unknown"
    assert _portion(hass, "bo").attributes["scale_in_use_by"] == "Anna"
    await _weigh(hass, freezer, "0")

    await _select(hass, "bo", "Egg, whole, raw")
    await _weigh(hass, freezer, "80")
    assert _portion(hass, "bo").state == "80.0"
    assert _portion(hass, "anna").state == "unknown"
    await _weigh(hass, freezer, "0")

    assert await _log(hass, anna.entry_id) == [("Cottage cheese", 150.0)]
    assert await _log(hass, bo.entry_id) == [("Egg, whole, raw", 80.0)]
    assert hass.states.get("sensor.anna_leucine_today").state == "1.67"
    # In a shared kitchen each selection logged its one portion: neither logs by itself.
    assert hass.states.get("select.anna_food").state == "unknown"
    assert hass.states.get("select.bo_food").state == "unknown"


async def test_a_weighing_after_the_last_portion_is_nobodys_until_claimed(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, household: tuple[Any, Any]
) -> None:
    """Bo logs an egg; a minute later 200 g is weighed with nobody touching anything."""
    anna, bo = household
    await _select(hass, "bo", "Egg, whole, hard-boiled")
    await _weigh(hass, freezer, "50")
    await _weigh(hass, freezer, "0")
    assert await _log(hass, bo.entry_id) == [("Egg, whole, hard-boiled", 50.0)]
    # In a shared kitchen the selection logged its one portion, and the claim is used up.
    assert hass.states.get("select.bo_food").state == "unknown"

    await _tick(hass, freezer, minutes=1)  # well inside Bo's 3-minute claim window
    await _weigh(hass, freezer, "200")
    for person in ("anna", "bo"):
        assert _portion(hass, person).state == "unknown"
        assert _portion(hass, person).attributes["scale_in_use_by"] is None
    await _weigh(hass, freezer, "0")
    assert await _log(hass, anna.entry_id) == []
    assert await _log(hass, bo.entry_id) == [("Egg, whole, hard-boiled", 50.0)]
    # Nothing is lost: the portion waits for someone, on both Portion sensors.
    for person in ("anna", "bo"):
        pending = _portion(hass, person).attributes["pending_portions"]
        assert [portion["grams"] for portion in pending] == [200.0]


async def test_a_stale_claim_ends_with_its_window_and_logs_nothing(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, household: tuple[Any, Any]
) -> None:
    anna, bo = household
    await _select(hass, "anna", "Cottage cheese")
    await _tick(hass, freezer, minutes=4)  # chosen, never weighed: the claim ran out
    assert hass.states.get("select.anna_food").state == "unknown"
    await _weigh(hass, freezer, "120")
    assert _portion(hass, "anna").state == "unknown"
    await _weigh(hass, freezer, "0")
    assert await _log(hass, anna.entry_id) == []
    assert await _log(hass, bo.entry_id) == []


async def test_alone_at_the_scale_the_same_food_twice_logs_twice(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(NOW)
    hass.states.async_set(SCALE, "0", WEIGHT)
    erik = await async_add_person(hass, "Erik", scale_entity=SCALE)
    await _select(hass, "erik", "Cottage cheese")
    for _ in range(2):
        await _weigh(hass, freezer, "100")
        await _weigh(hass, freezer, "0")
        await _tick(hass, freezer, minutes=10)
    assert await _log(hass, erik.entry_id) == [("Cottage cheese", 100.0)] * 2
    assert hass.states.get("select.erik_food").state == "Cottage cheese"


async def test_weigh_for_me_takes_over_the_portion_on_the_scale(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, household: tuple[Any, Any]
) -> None:
    """Anna's egg is on the scale; Bo takes it with two taps: Weigh for me, the food."""
    anna, bo = household
    await _select(hass, "anna", "Egg, whole, hard-boiled")
    await _weigh(hass, freezer, "60")
    assert _portion(hass, "bo").attributes["scale_in_use_by"] == "Anna"
    await hass.services.async_call(
        "button", "press", {"entity_id": "button.bo_weigh_for_me"}, blocking=True
    )
    assert _portion(hass, "bo").state == "60.0"
    assert _portion(hass, "anna").state == "unknown"
    assert _portion(hass, "anna").attributes["scale_in_use_by"] == "Bo"
    await _select(hass, "bo", "Egg, whole, hard-boiled")
    await _weigh(hass, freezer, "0")
    assert await _log(hass, bo.entry_id) == [("Egg, whole, hard-boiled", 60.0)]
    assert await _log(hass, anna.entry_id) == []


async def test_a_waiting_portion_is_assigned_later_at_the_time_it_was_weighed(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, household: tuple[Any, Any]
) -> None:
    _anna, bo = household
    await _weigh(hass, freezer, "80")  # nobody claimed the scale
    await _weigh(hass, freezer, "0")
    await _weigh(hass, freezer, "200")
    await _weigh(hass, freezer, "0")
    pending = _portion(hass, "bo").attributes["pending_portions"]
    assert [portion["grams"] for portion in pending] == [80.0, 200.0]

    await _tick(hass, freezer, minutes=30)
    # The latest by default; a Swedish name works as well as an English one.
    logged = await hass.services.async_call(
        DOMAIN,
        "assign_portion",
        {"config_entry_id": bo.entry_id, "food": "Ägg, rått"},
        blocking=True,
        return_response=True,
    )
    assert (logged["grams"], logged["source"]) == (200.0, "scale")
    first = pending[0]["id"]
    logged = await hass.services.async_call(
        DOMAIN,
        "assign_portion",
        {"config_entry_id": bo.entry_id, "food": "keso", "portion_id": first},
        blocking=True,
        return_response=True,
    )
    assert logged["grams"] == 80.0
    # Logged when it was weighed (half an hour ago), not now; named in HA's language.
    assert logged["time"] == pending[0]["time"].isoformat()
    assert await _log(hass, bo.entry_id) == [
        ("Cottage cheese", 80.0),
        ("Egg, whole, raw", 200.0),
    ]
    assert _portion(hass, "anna").attributes["pending_portions"] == []

    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN, "drop_portion", {"config_entry_id": bo.entry_id}, blocking=True
        )
    assert err.value.translation_key == "no_pending_portion"


async def test_waiting_portions_are_dropped_by_hand_or_after_12_hours(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, household: tuple[Any, Any]
) -> None:
    anna, _bo = household
    for grams in ("50", "60"):
        await _weigh(hass, freezer, grams)
        await _weigh(hass, freezer, "0")
    dropped = await hass.services.async_call(
        DOMAIN,
        "drop_portion",
        {"config_entry_id": anna.entry_id},
        blocking=True,
        return_response=True,
    )
    assert dropped["grams"] == 60.0
    assert len(_portion(hass, "anna").attributes["pending_portions"]) == 1
    await _tick(hass, freezer, hours=12)
    assert _portion(hass, "anna").attributes["pending_portions"] == []
    assert await _log(hass, anna.entry_id) == []


async def test_waiting_portions_survive_a_restart(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, household: tuple[Any, Any]
) -> None:
    anna, bo = household
    await _weigh(hass, freezer, "90")
    await _weigh(hass, freezer, "0")
    await _tick(hass, freezer, seconds=2)  # the pending file is written a second later
    for entry in (anna, bo):
        assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    hass.data.pop(HOUSEHOLD)  # as after a restart: read the file again
    for entry in (anna, bo):
        assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    pending = _portion(hass, "bo").attributes["pending_portions"]
    assert [portion["grams"] for portion in pending] == [90.0]


async def test_weigh_for_me_claims_a_portion_nobody_claimed(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, household: tuple[Any, Any]
) -> None:
    _anna, bo = household
    await _weigh(hass, freezer, "75")
    assert _portion(hass, "bo").state == "unknown"
    await hass.services.async_call(
        "button", "press", {"entity_id": "button.bo_weigh_for_me"}, blocking=True
    )
    assert _portion(hass, "bo").state == "75.0"
    assert _portion(hass, "anna").attributes["scale_in_use_by"] == "Bo"
    # No food chosen: taking it off keeps it waiting, for Bo to say what it was.
    await _weigh(hass, freezer, "0")
    assert await _log(hass, bo.entry_id) == []
    assert len(_portion(hass, "bo").attributes["pending_portions"]) == 1


async def test_logging_from_the_button_then_adding_food_logs_only_what_was_added(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(NOW)
    hass.states.async_set(SCALE, "0", WEIGHT)
    erik = await async_add_person(hass, "Erik", scale_entity=SCALE)
    await _select(hass, "erik", "Cottage cheese")
    await _weigh(hass, freezer, "150")
    await hass.services.async_call(
        "button", "press", {"entity_id": "button.erik_log_portion"}, blocking=True
    )
    assert _portion(hass, "erik").state == "unknown"  # logged: nothing left to log
    await _weigh(hass, freezer, "200")  # 50 g more into the same bowl
    assert _portion(hass, "erik").state == "50.0"
    await _weigh(hass, freezer, "0")
    assert await _log(hass, erik.entry_id) == [
        ("Cottage cheese", 150.0),
        ("Cottage cheese", 50.0),
    ]


async def test_in_button_mode_a_portion_taken_off_unlogged_waits(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(NOW)
    hass.states.async_set(SCALE, "0", WEIGHT)
    erik = await async_add_person(hass, "Erik", scale_entity=SCALE, log_mode="button")
    await _select(hass, "erik", "Cottage cheese")
    await _weigh(hass, freezer, "150")
    await _weigh(hass, freezer, "0")
    assert await _log(hass, erik.entry_id) == []
    pending = _portion(hass, "erik").attributes["pending_portions"]
    assert [portion["grams"] for portion in pending] == [150.0]
    # One person on the scale: the selection stays for the next portion.
    assert hass.states.get("select.erik_food").state == "Cottage cheese"


async def test_a_person_without_a_scale_has_no_weigh_for_me(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(NOW)
    erik = await async_add_person(hass, "Erik")
    assert hass.states.get("button.erik_weigh_for_me") is None
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN, "assign_portion", {"food": "keso"}, blocking=True
        )
    assert err.value.translation_key == "no_scale"
    assert err.value.translation_placeholders == {"name": erik.title}
