"""The Meal event of a person (person/event.py)."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .kinds import MtorBalanceConfigEntry

# Events are pushed by the person's log; nothing to poll.
PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MtorBalanceConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the entry's event entities."""
    entry.runtime_data.async_add_entities(Platform.EVENT, async_add_entities)
