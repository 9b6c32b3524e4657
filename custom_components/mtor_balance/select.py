"""Selects of a person (person/select.py)."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .kinds import MtorBalanceConfigEntry

# One choice at a time: each one is saved.
PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MtorBalanceConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the entry's selects."""
    entry.runtime_data.async_add_entities(Platform.SELECT, async_add_entities)
