"""The advice a person sees: the next meal's reason, rule, evidence and amounts.

The planner's rules have their own tests (tests/core); these check that Home Assistant shows
them: the Next suggested meal sensor's attributes, the Meal event, training sessions from an
entity and from the weekly schedule.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, State
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.mtor_balance.const import DOMAIN
from custom_components.mtor_balance.person.const import (
    CONF_FAST_GOAL,
    CONF_TRAINING,
    CONF_TRAINING_ENTITY,
    CONF_TRAINING_MINUTES,
    CONF_WINDOW_LENGTH,
    CONF_WINDOW_START,
)

from ..common import async_add_person

MONDAY_1230 = "2026-11-02 11:30:00+00:00"  # 12:30 in Stockholm; the window is 12-20


async def _log(hass: HomeAssistant, food: str, grams: float) -> None:
    await hass.services.async_call(
        DOMAIN, "log_food", {"food": food, "grams": grams}, blocking=True
    )


def _next_meal(hass: HomeAssistant) -> State:
    state = hass.states.get("sensor.erik_next_suggested_meal")
    assert state is not None
    return state


async def _tick(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, **delta: float
) -> None:
    freezer.tick(timedelta(**delta))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def test_an_open_meal_under_target_is_topped_up_now_not_an_hour_later(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(MONDAY_1230)
    await async_add_person(hass, "Erik")  # 80 kg: a meal at target has 24 g protein
    await _log(hass, "01012", 150)  # cottage cheese: 16.7 g protein, 1.67 g leucine
    event = hass.states.get("event.erik_meal")
    assert event.attributes["meal_at_target"] is False
    advice = _next_meal(hass)
    assert advice.attributes["reason"] == "add_to_meal"
    assert advice.attributes["evidence"] == "moore_2015"
    # The day's 128 g over its 3 meals is 43 g a meal (Mamerow 2014): 26.3 g short,
    # rounded up to 5 g steps.
    assert advice.attributes["target_protein_g"] == 43
    assert advice.attributes["target_evidence"] == "mamerow_2014"
    assert advice.attributes["add_protein_g"] == 30
    assert datetime.fromisoformat(advice.state) == datetime.fromisoformat(MONDAY_1230)

    await _tick(hass, freezer, minutes=10)
    await _log(hass, "01012", 100)  # now 27.8 g protein, 2.79 g leucine
    assert hass.states.get("event.erik_meal").attributes["meal_at_target"] is True
    assert hass.states.get("sensor.erik_meals_at_target_today").state == "1"
    advice = _next_meal(hass)
    assert advice.attributes["reason"] == "refractory"
    assert advice.attributes["evidence"] == "areta_2013"
    assert advice.attributes["add_protein_g"] is None
    # About 3 h after the meal's last entry: 15:40 in Stockholm.
    assert advice.state == "2026-11-02T14:40:00+00:00"
    # The day's 128 g less 27.8 g eaten, over the meals that still fit before 20:00.
    assert advice.attributes["day_protein_remaining_g"] == 100
    assert advice.attributes["meals_left"] == 2
    assert advice.attributes["target_protein_g"] == 50
    assert advice.attributes["behind"] is True
    assert advice.attributes["target_evidence"] == "morton_2018"


async def test_a_session_from_the_training_entity_moves_the_next_meal_after_it(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(MONDAY_1230)
    hass.states.async_set("input_boolean.gym", "off")
    await async_add_person(
        hass,
        "Erik",
        **{CONF_TRAINING_ENTITY: "input_boolean.gym", CONF_TRAINING_MINUTES: 60},
    )
    await _log(hass, "01012", 250)  # a meal at target at 12:30
    assert _next_meal(hass).state == "2026-11-02T14:30:00+00:00"  # 15:30

    await _tick(hass, freezer, hours=2, minutes=30)  # 15:00: training starts
    hass.states.async_set("input_boolean.gym", "on")
    await hass.async_block_till_done()
    # No meal during the session: it is expected to last its usual 60 minutes.
    advice = _next_meal(hass)
    assert advice.state == "2026-11-02T15:00:00+00:00"  # 16:00, when it should end
    assert advice.attributes["reason"] == "post_training"
    assert advice.attributes["evidence"] == "jager_2017"

    await _tick(hass, freezer, minutes=80)  # 16:20: it ran longer than usual
    hass.states.async_set("input_boolean.gym", "off")
    await hass.async_block_till_done()
    advice = _next_meal(hass)
    assert advice.attributes["reason"] == "post_training"
    assert advice.state == "2026-11-02T15:20:00+00:00"  # right after the session


async def test_the_weekly_training_schedule_shapes_the_advice(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(MONDAY_1230)
    await async_add_person(
        hass,
        "Erik",
        **{CONF_TRAINING: {"mon": "15:00:00"}, CONF_TRAINING_MINUTES: 60},
    )
    await _log(hass, "01012", 250)
    advice = _next_meal(hass)
    # The spaced meal (15:30) would fall in the 15:00-16:00 session: it waits for its end.
    assert advice.state == "2026-11-02T15:00:00+00:00"
    assert advice.attributes["reason"] == "post_training"


async def test_the_next_event_of_a_training_calendar_is_planned_around(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(MONDAY_1230)
    # A calendar's attributes give its next event in local time, without a time zone.
    hass.states.async_set(
        "calendar.gym",
        "off",
        {"start_time": "2026-11-02 15:00:00", "end_time": "2026-11-02 16:00:00"},
    )
    await async_add_person(hass, "Erik", **{CONF_TRAINING_ENTITY: "calendar.gym"})
    await _log(hass, "01012", 250)
    advice = _next_meal(hass)
    assert advice.state == "2026-11-02T15:00:00+00:00"  # 16:00, after the session
    assert advice.attributes["reason"] == "post_training"


async def test_a_session_already_in_progress_at_start_up_counts(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to("2026-11-02 14:00:00+00:00")  # 15:00 in Stockholm
    hass.states.async_set("input_boolean.gym", "on")  # since 15:00
    freezer.move_to("2026-11-02 14:10:00+00:00")
    await async_add_person(
        hass,
        "Erik",
        **{CONF_TRAINING_ENTITY: "input_boolean.gym", CONF_TRAINING_MINUTES: 90},
    )
    advice = _next_meal(hass)
    # Nothing logged: the window is open, but not during the session (until 16:30).
    assert advice.state == "2026-11-02T15:30:00+00:00"


async def test_the_only_meal_of_a_one_meal_day_grows_to_what_the_day_needs(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to("2026-11-02 17:00:00+00:00")  # 18:00 in Stockholm
    await async_add_person(
        hass,
        "Erik",
        **{CONF_WINDOW_START: "18:00:00", CONF_WINDOW_LENGTH: 1.0, CONF_FAST_GOAL: 23},
    )
    await _log(hass, "01012", 360)  # 40 g protein, 4.0 g leucine: a meal at target
    await _tick(hass, freezer, minutes=15)
    advice = _next_meal(hass)
    # The day's only meal: 40 g leaves the day at 0.5 g/kg. Add up to what one meal
    # can hold (100 g, 1.25 g/kg), not only up to 0.3 g/kg, and not "tomorrow".
    assert advice.attributes["reason"] == "add_to_meal"
    assert advice.attributes["evidence"] == "morton_2018"
    assert advice.attributes["add_protein_g"] == 60
    assert advice.attributes["target_protein_g"] == 100
    assert advice.attributes["target_evidence"] == "trommelen_2023"
    assert advice.attributes["meal_max_protein_g"] == 100
    assert advice.attributes["meals_left"] == 1
    assert advice.attributes["day"] == "2026-11-02"
    assert advice.attributes["day_protein_target_g"] == 128
    assert advice.attributes["day_protein_eaten_g"] == 40
    assert advice.attributes["day_protein_remaining_g"] == 88
    assert advice.attributes["behind"] is False  # one meal cannot hold 128 g

    await _tick(hass, freezer, minutes=50)  # the meal is over: tomorrow at 18:00
    advice = _next_meal(hass)
    assert advice.attributes["reason"] == "next_window"
    assert advice.attributes["day"] == "2026-11-03"
    assert advice.attributes["day_protein_eaten_g"] == 0
    assert advice.attributes["behind"] is False  # tomorrow's 128 g is not today's


async def test_grazing_gets_a_real_meal_three_hours_after_it_stops(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(MONDAY_1230)
    await async_add_person(hass, "Erik")
    for _ in range(5):  # 11 g every 40 min, 12:30-15:10: 56 g in one long feeding
        await _log(hass, "01012", 100)
        await _tick(hass, freezer, minutes=40)
    advice = _next_meal(hass)
    # 56 g (0.7 g/kg) eaten at once would wait 4 h (Trommelen 2023); nibbled over
    # 2 h 40 min it is grazing: 3 h after the last bite (Areta 2013).
    assert advice.attributes["reason"] == "after_grazing"
    assert advice.attributes["evidence"] == "areta_2013"
    assert advice.state == "2026-11-02T17:10:00+00:00"  # 18:10 in Stockholm
