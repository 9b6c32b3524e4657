"""Weigh and log: a weight sensor's settled readings become logged portions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.mtor_balance.const import (
    DOMAIN,
)

from ..common import async_add_person

SCALE = "sensor.kitchen_scale"
NOW = "2026-11-02 11:00:00+00:00"


async def _weigh(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    value: str,
    unit: str = "g",
    hold: float = 3,
) -> None:
    hass.states.async_set(
        SCALE, value, {"unit_of_measurement": unit, "device_class": "weight"}
    )
    await hass.async_block_till_done()
    freezer.tick(timedelta(seconds=hold))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def _entries(hass: HomeAssistant) -> list[dict[str, Any]]:
    response = await hass.services.async_call(
        DOMAIN, "get_log", {}, blocking=True, return_response=True
    )
    assert isinstance(response, dict)
    return response["entries"]


@pytest.fixture
async def erik(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> Any:
    """Erik with a kitchen scale, cottage cheese selected."""
    freezer.move_to(NOW)
    hass.states.async_set(
        SCALE, "0", {"unit_of_measurement": "g", "device_class": "weight"}
    )
    entry = await async_add_person(hass, "Erik", scale_entity=SCALE)
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.erik_food", "option": "Cottage cheese"},
        blocking=True,
    )
    return entry


@pytest.mark.usefixtures("erik")
async def test_a_held_portion_shows_with_its_leucine_and_taking_it_off_logs_it(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    await _weigh(hass, freezer, "152.3")
    portion = hass.states.get("sensor.erik_portion")
    assert portion.state == "152.3"
    # The food by name (in Home Assistant's language), and by id for automations.
    assert portion.attributes["food"] == "Cottage cheese"
    assert portion.attributes["food_id"] == "01012"
    assert portion.attributes["leucine_g"] == pytest.approx(1.116 * 1.523, abs=0.01)
    assert await _entries(hass) == []

    await _weigh(hass, freezer, "0")
    entries = await _entries(hass)
    assert [(e["food"], e["grams"], e["source"]) for e in entries] == [
        ("01012", 152.3, "scale")
    ]
    assert entries[0]["leucine_g"] == pytest.approx(1.116 * 1.523, abs=0.001)
    assert hass.states.get("sensor.erik_portion").state == "unknown"
    assert float(hass.states.get("sensor.erik_leucine_today").state) == pytest.approx(
        1.7, abs=0.01
    )


@pytest.mark.usefixtures("erik")
async def test_the_same_weight_twice_logs_two_portions(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    for _ in range(2):
        await _weigh(hass, freezer, "152.3")
        await _weigh(hass, freezer, "0")
    assert [e["grams"] for e in await _entries(hass)] == [152.3, 152.3]


@pytest.mark.usefixtures("erik")
async def test_a_brief_bump_and_bad_readings_log_nothing(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    await _weigh(hass, freezer, "300", hold=0.5)
    for bad in ("unavailable", "unknown", "heavy", "nan", "inf"):
        await _weigh(hass, freezer, bad, hold=0.5)
    await _weigh(hass, freezer, "0")
    await _weigh(hass, freezer, "5", unit="°C")
    assert await _entries(hass) == []
    assert hass.states.get("sensor.erik_portion").state == "unknown"


@pytest.mark.usefixtures("erik")
async def test_kilograms_and_ounces_are_converted_to_grams(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    await _weigh(hass, freezer, "0.25", unit="kg")
    assert hass.states.get("sensor.erik_portion").state == "250.0"
    await _weigh(hass, freezer, "0", unit="kg")
    await _weigh(hass, freezer, "2", unit="oz")
    assert float(hass.states.get("sensor.erik_portion").state) == pytest.approx(
        56.7, abs=0.01
    )


@pytest.mark.usefixtures("erik")
async def test_tare_between_foods_in_one_bowl(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    await _weigh(hass, freezer, "50")  # oats… well, cottage cheese
    await _weigh(hass, freezer, "0")  # tare
    await _weigh(hass, freezer, "100")
    await _weigh(hass, freezer, "-350")  # the bowl is lifted off
    assert [e["grams"] for e in await _entries(hass)] == [50, 100]


async def test_with_the_button_mode_only_the_button_logs(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(NOW)
    await async_add_person(hass, "Erik", scale_entity=SCALE, log_mode="button")
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.erik_food", "option": "Cottage cheese"},
        blocking=True,
    )
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            "button", "press", {"entity_id": "button.erik_log_portion"}, blocking=True
        )
    assert err.value.translation_key == "no_portion"

    await _weigh(hass, freezer, "152.3")
    await hass.services.async_call(
        "button", "press", {"entity_id": "button.erik_log_portion"}, blocking=True
    )
    await _weigh(hass, freezer, "0")
    assert [e["grams"] for e in await _entries(hass)] == [152.3]

    await hass.services.async_call(
        "button", "press", {"entity_id": "button.erik_undo_last_entry"}, blocking=True
    )
    assert await _entries(hass) == []


async def test_eating_from_a_container_logs_what_went(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(NOW)
    hass.states.async_set(SCALE, "0", {"unit_of_measurement": "g"})
    await async_add_person(hass, "Erik", scale_entity=SCALE, log_mode="container")
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.erik_food", "option": "Cottage cheese"},
        blocking=True,
    )
    await _weigh(hass, freezer, "500")  # the tub before
    assert hass.states.get("sensor.erik_portion").state == "500.0"
    await _weigh(hass, freezer, "0")  # lifted off to eat from: no portion
    assert await _entries(hass) == []
    await _weigh(hass, freezer, "380")  # back on the scale
    await _weigh(hass, freezer, "0")
    await _weigh(hass, freezer, "300")  # another spoonful later
    await _weigh(hass, freezer, "0")
    await _weigh(hass, freezer, "600")  # refilled: nothing eaten
    assert [e["grams"] for e in await _entries(hass)] == [120, 80]
    assert hass.states.get("sensor.erik_portion").attributes["pending_portions"] == []
    # Log portion would log the whole tub: it says how this mode works instead.
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            "button", "press", {"entity_id": "button.erik_log_portion"}, blocking=True
        )
    assert err.value.translation_key == "container_logs_itself"
    # A weight from the day before is not trusted: the tub may have been eaten from
    # unweighed, or be a new one.
    await _weigh(hass, freezer, "0")
    freezer.tick(timedelta(hours=13))
    await _weigh(hass, freezer, "450")
    assert [e["grams"] for e in await _entries(hass)] == []  # a new day, nothing logged
    await _weigh(hass, freezer, "0")
    await _weigh(hass, freezer, "400")
    assert [e["grams"] for e in await _entries(hass)] == [50]
