"""The people set up in this Home Assistant, found by their config entry, and their scales.

Actions, the options flow and everything else that acts for "a person" find them here: each
person's setup adds them and their unload removes them. People who weigh on the same weight
sensor share one `SharedScale`.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import TYPE_CHECKING

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN
from .shared_scale import SharedScale
from .store import PendingStore

if TYPE_CHECKING:
    from .coordinator import PersonCoordinator

HOUSEHOLD: HassKey[Household] = HassKey(f"{DOMAIN}_household")


class Household:
    """The loaded people, by config entry id."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Start with nobody."""
        self._hass = hass
        self._people: dict[str, PersonCoordinator] = {}
        self._scales: dict[str, SharedScale] = {}
        self._pending: PendingStore | None = None
        self._loading = asyncio.Lock()

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

    async def async_weigh_on(
        self,
        person: PersonCoordinator,
        entity_id: str,
        *,
        log_mode: str,
        claim_window: timedelta,
    ) -> CALLBACK_TYPE:
        """Let `person` weigh on the weight sensor `entity_id`; return the undo."""
        async with self._loading:
            if self._pending is None:
                pending = PendingStore(self._hass)
                await pending.async_load()
                self._pending = pending
        scale = self._scales.get(entity_id)
        if scale is None:
            scale = self._scales[entity_id] = SharedScale(
                self._hass, entity_id, self._pending
            )
        remove = scale.async_add(person, log_mode=log_mode, claim_window=claim_window)

        @callback
        def leave() -> None:
            remove()
            if scale.empty and self._scales.get(entity_id) is scale:
                del self._scales[entity_id]

        return leave


@callback
def async_get_household(hass: HomeAssistant) -> Household:
    """Return this Home Assistant's household (made on first use)."""
    if (household := hass.data.get(HOUSEHOLD)) is None:
        household = hass.data[HOUSEHOLD] = Household(hass)
    return household


@callback
def async_get_person(hass: HomeAssistant, entry_id: str) -> PersonCoordinator:
    """Return the loaded person of a config entry; a translated error if there is none."""
    if (person := async_get_household(hass).get(entry_id)) is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="person_not_found",
            translation_placeholders={"entry_id": entry_id},
        )
    return person
