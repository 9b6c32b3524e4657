"""Calendars: a person's fasts, eating windows, day types and next meal (person/calendar.py)."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .kinds import MtorBalanceConfigEntry

# The coordinators push every update; entities never poll or update on their own.
PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MtorBalanceConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the entry's calendars."""
    entry.runtime_data.async_add_entities(Platform.CALENDAR, async_add_entities)
