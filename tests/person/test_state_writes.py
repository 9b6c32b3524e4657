"""State writes per person per day stay what a dashboard needs (at most 300)."""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_STATE_CHANGED
from homeassistant.core import Event, HomeAssistant, callback
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.mtor_balance.const import (
    DOMAIN,
)

from ..common import async_add_person

MAX_WRITES_PER_DAY = 300
MEALS = {  # minutes after local midnight -> (food, grams)
    8 * 60: ("01012", 250),
    12 * 60 + 30: ("05064", 150),
    18 * 60: ("15237", 200),
}


async def test_a_day_with_three_meals_writes_at_most_300_states(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to("2026-11-01 23:00:00+00:00")  # midnight in Stockholm
    await async_add_person(hass, "Erik", window_start="08:00:00", window_length_h=12.0)

    writes: dict[str, int] = {}

    @callback
    def count(event: Event) -> None:
        entity_id = event.data["entity_id"]
        if entity_id.startswith(
            ("sensor.erik_", "binary_sensor.erik_", "select.erik_", "event.erik_")
        ):
            writes[entity_id] = writes.get(entity_id, 0) + 1

    hass.bus.async_listen(EVENT_STATE_CHANGED, count)
    for minute in range(24 * 60):
        freezer.tick(timedelta(minutes=1))
        async_fire_time_changed(hass)
        await hass.async_block_till_done()
        if (meal := MEALS.get(minute + 1)) is not None:
            await hass.services.async_call(
                DOMAIN, "log_food", {"food": meal[0], "grams": meal[1]}, blocking=True
            )

    total = sum(writes.values())
    assert total <= MAX_WRITES_PER_DAY
    # The fasting-hours sensor moves in 0.1 h steps: no more than 240 a day.
    assert writes["sensor.erik_fasting_hours"] <= 240
    # A suggestion that has come due stays put until the next meal is logged.
    assert writes["sensor.erik_next_suggested_meal"] <= 2 * len(MEALS)
    # Daily totals change only when something is logged, and once at midnight.
    assert writes["sensor.erik_leucine_today"] <= len(MEALS) + 1
