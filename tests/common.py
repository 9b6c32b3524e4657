"""Helpers for tests that run the integration in a test Home Assistant."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.mtor_balance.const import (
    DOMAIN,
)
from custom_components.mtor_balance.person.const import (
    CONF_AGE_GROUP,
    CONF_BODY_MASS,
    CONF_DAY_START,
    CONF_FAST_GOAL,
    CONF_LEUCINE_TARGET,
    CONF_LOG_MODE,
    CONF_PERSON_NAME,
    CONF_PLAN,
    CONF_PROTEIN_TARGET,
    CONF_WINDOW_LENGTH,
    CONF_WINDOW_MODE,
    CONF_WINDOW_START,
    LOG_MODE_ON_REMOVAL,
    WEEKDAYS,
)

TIME_ZONE = "Europe/Stockholm"

OPTIONS: dict[str, Any] = {
    CONF_BODY_MASS: 80.0,
    CONF_AGE_GROUP: "adult",
    CONF_FAST_GOAL: 16.0,
    CONF_WINDOW_MODE: "fixed",
    CONF_WINDOW_START: "12:00:00",
    CONF_WINDOW_LENGTH: 8.0,
    CONF_LEUCINE_TARGET: 2.5,
    CONF_PROTEIN_TARGET: 128.0,
    CONF_DAY_START: "00:00:00",
    CONF_LOG_MODE: LOG_MODE_ON_REMOVAL,
    CONF_PLAN: dict.fromkeys(WEEKDAYS, "normal"),
}


def person_entry(name: str = "Erik", **options: Any) -> MockConfigEntry:
    """Return a config entry for a person (not yet added to hass)."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=name,
        unique_id=name.lower(),
        data={CONF_PERSON_NAME: name},
        options={**OPTIONS, **options},
        entry_id=f"entry_{name.lower()}",
    )


async def async_add_person(
    hass: HomeAssistant, name: str = "Erik", **options: Any
) -> MockConfigEntry:
    """Add a person and set the integration up; return their config entry."""
    if hass.config.time_zone != TIME_ZONE:
        await hass.config.async_set_time_zone(TIME_ZONE)
    entry = person_entry(name, **options)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry
