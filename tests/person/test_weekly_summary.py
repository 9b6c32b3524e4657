"""The week at a glance in Home Assistant: the sensor, its attributes and the action."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.mtor_balance.const import DOMAIN
from custom_components.mtor_balance.person.household import async_get_household

from ..common import async_add_person

MONDAY_NOON = "2026-11-02 11:00:00+00:00"  # 12:00 in Stockholm


async def _log(hass: HomeAssistant, food: str, grams: float, time: str) -> None:
    await hass.services.async_call(
        DOMAIN,
        "log_food",
        {"food": food, "grams": grams, "time": time},
        blocking=True,
    )


async def test_last_weeks_protein_per_calendar_day_and_per_logged_day(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(MONDAY_NOON)
    await async_add_person(hass, "Erik")
    # Last Tuesday and Thursday: 250 g cottage cheese (27.8 g protein) at 12:30 each.
    for day in ("2026-10-27", "2026-10-29"):
        await _log(hass, "01012", 250, f"{day}T12:30:00+01:00")
    state = hass.states.get("sensor.erik_protein_per_day_last_7_days")
    assert state is not None
    assert float(state.state) == pytest.approx(55.6 / 7, abs=0.05)
    assert state.attributes["unit_of_measurement"] == "g"
    assert state.attributes["first_day"] == "2026-10-26"
    assert state.attributes["last_day"] == "2026-11-01"
    assert state.attributes["logged_days"] == 2
    assert state.attributes["protein_g_per_logged_day"] == 27.8
    assert state.attributes["meals_at_target"] == 2
    assert state.attributes["fasts"] == 1  # Tuesday 12:30 to Thursday 12:30

    # Today's meals are not in it until the day is over; at midnight the week moves on.
    await _log(hass, "01012", 250, "2026-11-02T11:50:00+01:00")
    assert (
        hass.states.get("sensor.erik_protein_per_day_last_7_days").state == state.state
    )
    freezer.move_to("2026-11-02 23:00:30+00:00")
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    moved = hass.states.get("sensor.erik_protein_per_day_last_7_days")
    assert moved.attributes["last_day"] == "2026-11-02"
    assert moved.attributes["logged_days"] == 3


async def test_the_action_summarizes_any_week_closed_years_included(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to("2025-03-05 11:00:00+00:00")
    entry = await async_add_person(hass, "Erik")
    await _log(hass, "05064", 150, "2025-03-04T18:00:00+01:00")
    freezer.move_to(MONDAY_NOON)  # the year 2025 is closed into its own file
    await _log(hass, "01012", 100, "2026-11-02T11:00:00+01:00")
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    person = async_get_household(hass).get(entry.entry_id)
    assert person is not None
    assert len(person.record.log) == 1  # 2025 is in its year's file now
    summary = await hass.services.async_call(
        DOMAIN,
        "weekly_summary",
        {"last_day": "2025-03-07"},
        blocking=True,
        return_response=True,
    )
    assert summary["first_day"] == "2025-03-01"
    assert summary["logged_days"] == 1
    assert summary["protein_g"] == pytest.approx(46.5, abs=0.1)
    default = await hass.services.async_call(
        DOMAIN, "weekly_summary", {}, blocking=True, return_response=True
    )
    assert default["last_day"] == "2026-11-01"
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "weekly_summary",
            {"last_day": "2026-11-05"},
            blocking=True,
            return_response=True,
        )
    assert err.value.translation_key == "summary_in_future"
