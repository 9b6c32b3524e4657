"""Buttons: a person's (person/button.py) and a Bluetooth scale's (scale/button.py)."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .kinds import MtorBalanceConfigEntry

# One press at a time: a log, an undo or a command to the scale.
PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MtorBalanceConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the entry's buttons."""
    entry.runtime_data.async_add_entities(Platform.BUTTON, async_add_entities)
