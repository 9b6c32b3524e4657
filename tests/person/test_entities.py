"""Every entity of a person: names, ids, device, state and attributes (snapshots)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import timedelta
import itertools
import json
from pathlib import Path
from unittest.mock import patch
import uuid

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.loader import async_get_loaded_integration
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from custom_components.mtor_balance.const import (
    DOMAIN,
)
from custom_components.mtor_balance.person import PLATFORMS

from ..common import async_add_person

MONDAY_0800 = "2026-11-02 07:00:00+00:00"  # 08:00 in Stockholm
PACKAGE = Path(__file__).resolve().parents[2] / "custom_components" / "mtor_balance"


async def _log(hass: HomeAssistant, food: str, grams: float) -> None:
    await hass.services.async_call(
        DOMAIN, "log_food", {"food": food, "grams": grams}, blocking=True
    )


@pytest.fixture
def platforms() -> list[Platform]:
    """Set up every platform (tests may narrow this)."""
    return PLATFORMS


@pytest.fixture
async def erik_after_lunch(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, platforms: list[Platform]
) -> AsyncGenerator[MockConfigEntry]:
    """Erik ate dinner yesterday at 19:00 and lunch today at 12:10."""
    ids = (uuid.UUID(int=number) for number in itertools.count(1))
    with (
        patch("custom_components.mtor_balance.person.PLATFORMS", platforms),
        # Entry ids are random; make them repeatable for the snapshots.
        patch(
            "custom_components.mtor_balance.person.coordinator.uuid.uuid4",
            lambda: next(ids),
        ),
    ):
        freezer.move_to("2026-11-01 18:00:00+00:00")
        entry = await async_add_person(hass, "Erik")
        await _log(hass, "05064", 150)  # chicken breast: 3.49 g leucine
        freezer.move_to("2026-11-02 11:10:00+00:00")
        await _log(hass, "01012", 250)  # cottage cheese: 2.79 g leucine
        freezer.tick(timedelta(minutes=20))
        async_fire_time_changed(hass)
        await hass.async_block_till_done()
        yield entry


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
@pytest.mark.parametrize("platforms", [[platform] for platform in PLATFORMS])
async def test_entities(
    hass: HomeAssistant,
    erik_after_lunch: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    device_registry: dr.DeviceRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    await snapshot_platform(hass, entity_registry, snapshot, erik_after_lunch.entry_id)
    devices = dr.async_entries_for_config_entry(
        device_registry, erik_after_lunch.entry_id
    )
    assert [(device.name, device.entry_type) for device in devices] == [
        ("Erik", dr.DeviceEntryType.SERVICE)
    ]


async def test_the_device_tells_the_integrations_version_from_its_manifest(
    hass: HomeAssistant, device_registry: dr.DeviceRegistry
) -> None:
    # The version is written once, in manifest.json: the device page and the integration
    # page (Home Assistant's loader) say the same. Every DeviceInfo field is a string
    # (Home Assistant 2026.12 refuses anything else).
    entry = await async_add_person(hass, "Erik")
    manifest = json.loads((PACKAGE / "manifest.json").read_text(encoding="utf-8"))
    [device] = dr.async_entries_for_config_entry(device_registry, entry.entry_id)
    assert device.sw_version == manifest["version"]
    assert (
        str(async_get_loaded_integration(hass, DOMAIN).version) == manifest["version"]
    )
    for field in ("name", "manufacturer", "model", "sw_version"):
        assert isinstance(getattr(device, field), str), field
    assert device.hw_version is None


@pytest.mark.usefixtures("erik_after_lunch")
async def test_what_erik_sees_after_lunch(hass: HomeAssistant) -> None:
    def state(entity_id: str) -> str:
        return hass.states.get(entity_id).state

    assert state("sensor.erik_leucine_today") == "2.79"
    assert state("sensor.erik_protein_today") == "27.8"
    assert state("sensor.erik_last_meal_leucine") == "2.79"
    assert state("sensor.erik_meals_at_target_today") == "1"
    last_meal = hass.states.get("sensor.erik_last_meal_leucine").attributes
    assert (last_meal["protein_g"], last_meal["at_target"]) == (27.8, True)
    # The meal is still in progress (until 45 min after its last entry): not fasting, so
    # no fast began seconds ago and none has lasted 0.3 h.
    assert state("sensor.erik_fasting_since") == "unknown"
    assert state("sensor.erik_fasting_hours") == "0.0"
    assert state("binary_sensor.erik_fasting") == "off"
    assert state("binary_sensor.erik_eating_window_open") == "on"
    assert state("select.erik_day_type") == "normal"
    next_meal = hass.states.get("sensor.erik_next_suggested_meal")
    assert next_meal.state == "2026-11-02T14:10:00+00:00"  # 3 h after a meal at target
    assert next_meal.attributes["reason"] == "refractory"
    assert next_meal.attributes["evidence"] == "areta_2013"
    assert next_meal.attributes["add_protein_g"] is None  # no "add now" advice


async def test_the_day_rolls_over_at_midnight_local_time(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to("2026-11-02 21:00:00+00:00")  # 22:00 in Stockholm
    await async_add_person(hass, "Erik")
    await _log(hass, "01012", 100)
    assert hass.states.get("sensor.erik_leucine_today").state == "1.12"
    freezer.move_to("2026-11-02 23:00:30+00:00")  # just after midnight in Stockholm
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    state = hass.states.get("sensor.erik_leucine_today")
    assert state.state == "0"
    assert state.attributes["last_reset"] == "2026-11-02T23:00:00+00:00"


async def test_day_type_select_overrides_today_only(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(MONDAY_0800)
    await async_add_person(hass, "Erik")
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.erik_day_type", "option": "fast"},
        blocking=True,
    )
    assert hass.states.get("select.erik_day_type").state == "fast"
    assert (
        hass.states.get("sensor.erik_next_suggested_meal").attributes["reason"]
        == "fast_day"
    )
    freezer.tick(timedelta(days=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert hass.states.get("select.erik_day_type").state == "normal"


async def test_meal_event_fires_with_the_entry(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(MONDAY_0800)
    await async_add_person(hass, "Erik")
    await _log(hass, "01012", 300)
    state = hass.states.get("event.erik_meal")
    assert state.attributes["event_type"] == "logged"
    assert state.attributes["grams"] == 300
    assert state.attributes["meal_at_target"] is True
    await hass.services.async_call(
        "button", "press", {"entity_id": "button.erik_undo_last_entry"}, blocking=True
    )
    assert hass.states.get("event.erik_meal").attributes["event_type"] == "removed"


async def test_meal_event_keeps_firing_under_a_new_entity_id(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    freezer: FrozenDateTimeFactory,
) -> None:
    # Its signal is keyed by the config entry, not the entity id: Home Assistant 2026.11
    # changes it in place (async_entity_id_changed), earlier releases remove and re-add it.
    freezer.move_to(MONDAY_0800)
    await async_add_person(hass, "Erik")
    entity_registry.async_update_entity("event.erik_meal", new_entity_id="event.meals")
    await hass.async_block_till_done()
    assert hass.states.get("event.erik_meal") is None
    await _log(hass, "01012", 300)
    state = hass.states.get("event.meals")
    assert state.attributes["event_type"] == "logged"
    assert state.attributes["grams"] == 300
