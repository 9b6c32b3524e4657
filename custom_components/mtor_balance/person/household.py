"""The people set up in this Home Assistant, found by their config entry.

Actions, the options flow and everything else that acts for "a person" find them here: each
person's setup adds them and their unload removes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN

if TYPE_CHECKING:
    from .coordinator import PersonCoordinator

HOUSEHOLD: HassKey[Household] = HassKey(f"{DOMAIN}_household")


class Household:
    """The loaded people, by config entry id."""

    def __init__(self) -> None:
        """Start with nobody."""
        self._people: dict[str, PersonCoordinator] = {}

    @callback
    def async_add(self, person: PersonCoordinator) -> CALLBACK_TYPE:
        """Add a loaded person; return the function that removes them again."""
        entry_id = person.config_entry.entry_id
        self._people[entry_id] = person

        @callback
        def remove() -> None:
            if self._people.get(entry_id) is person:
                del self._people[entry_id]

        return remove

    def get(self, entry_id: str) -> PersonCoordinator | None:
        """Return the loaded person of this config entry, or None."""
        return self._people.get(entry_id)

    @property
    def people(self) -> list[PersonCoordinator]:
        """Return the loaded people."""
        return list(self._people.values())


@callback
def async_get_household(hass: HomeAssistant) -> Household:
    """Return this Home Assistant's household (made on first use)."""
    if (household := hass.data.get(HOUSEHOLD)) is None:
        household = hass.data[HOUSEHOLD] = Household()
    return household
