"""Fix flows of the repair issues this integration raises (all of them are a person's)."""

from __future__ import annotations

from homeassistant.components.repairs import RepairsFlow
from homeassistant.core import HomeAssistant

from .person.repairs import person_fix_flow


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, str | int | float | None] | None
) -> RepairsFlow:
    """Return the flow that fixes the issue `issue_id`."""
    return person_fix_flow(hass, issue_id, data)
