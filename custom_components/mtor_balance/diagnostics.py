"""Diagnostics of a person (person/diagnostics.py) or of a scale (scale/diagnostics.py)."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant

from .kinds import MtorBalanceConfigEntry


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: MtorBalanceConfigEntry
) -> dict[str, Any]:
    """Return what helps to debug the entry, without who the person is or what they ate."""
    return entry.runtime_data.diagnostics()
