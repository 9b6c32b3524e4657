"""State writes per person per day stay what a dashboard needs (at most 300).

A whole simulated day on Home Assistant's clock (one-minute steps, every timer firing as it
falls due): three meals, each of three foods weighed one after the other on the kitchen
scale (chosen in the Food select, settled, taken off). Every state write of every entity of
the person counts.
"""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_STATE_CHANGED
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.mtor_balance.const import DOMAIN

from ..common import async_add_person

MAX_WRITES_PER_DAY = 300
SCALE = "sensor.kitchen_scale"
GRAMS = {"unit_of_measurement": "g", "device_class": "weight"}
MEALS = {  # minutes after local midnight -> the foods weighed, one after the other
    8 * 60: (
        ("Cottage cheese", 200),
        ("Egg, whole, raw", 60),
        ("Oats, rolled, dry", 40),
    ),
    12 * 60 + 30: (
        ("Chicken breast, roasted", 150),
        ("Lentils, boiled", 120),
        ("Broccoli, raw", 80),
    ),
    18 * 60: (("Salmon, farmed, cooked", 180), ("Tofu, firm", 100), ("Walnuts", 20)),
}


async def _tick(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, seconds: float
) -> None:
    freezer.tick(timedelta(seconds=seconds))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def _weigh(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, food: str, grams: int
) -> None:
    """Choose the food, put it on the scale for 3 s, take it off (it is logged)."""
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.erik_food", "option": food},
        blocking=True,
    )
    hass.states.async_set(SCALE, str(grams), GRAMS)
    for _ in range(12):
        await _tick(hass, freezer, 0.25)
    hass.states.async_set(SCALE, "0", GRAMS)
    for _ in range(12):
        await _tick(hass, freezer, 0.25)


async def test_a_day_with_three_foods_weighed_per_meal_writes_at_most_300_states(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    entity_registry: er.EntityRegistry,
) -> None:
    freezer.move_to("2026-11-01 23:00:00+00:00")  # midnight in Stockholm
    hass.states.async_set(SCALE, "0", GRAMS)
    entry = await async_add_person(
        hass, "Erik", window_start="08:00:00", window_length_h=12.0, scale_entity=SCALE
    )
    await hass.services.async_call(  # the evening before: the fast began at 19:00
        DOMAIN,
        "log_food",
        {"food": "01012", "grams": 200, "time": "2026-11-01T18:00:00+00:00"},
        blocking=True,
    )
    own = {
        registry_entry.entity_id
        for registry_entry in er.async_entries_for_config_entry(
            entity_registry, entry.entry_id
        )
    }
    writes: dict[str, int] = {}

    @callback
    def count(event: Event) -> None:
        if (entity_id := event.data["entity_id"]) in own:
            writes[entity_id] = writes.get(entity_id, 0) + 1

    hass.bus.async_listen(EVENT_STATE_CHANGED, count)
    for minute in range(24 * 60):
        await _tick(hass, freezer, 60)
        for food, grams in MEALS.get(minute + 1, ()):
            await _weigh(hass, freezer, food, grams)

    response = await hass.services.async_call(
        DOMAIN,
        "get_log",
        {"start": "2026-11-01T23:00:00+00:00"},
        blocking=True,
        return_response=True,
    )
    assert isinstance(response, dict)
    assert len(response["entries"]) == 9  # every weighed food was logged, once
    total = sum(writes.values())
    print(f"\nstate writes in a day: {total}: {dict(sorted(writes.items()))}")  # noqa: T201
    assert total <= MAX_WRITES_PER_DAY
    # Fasting hours: 0.1 h steps for two hours, then 0.25 h, then 0.5 h.
    assert writes["sensor.erik_fasting_hours"] <= 130
    # A suggestion that has come due stays put until the next meal is logged.
    assert writes["sensor.erik_next_suggested_meal"] <= 2 * 9
    # Daily totals change only when something is logged, and once at midnight.
    assert writes["sensor.erik_leucine_today"] <= 9 + 1
