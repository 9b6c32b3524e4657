"""The Meal event of one person: fired when an entry is logged or removed."""

from __future__ import annotations

from homeassistant.components.event import EventEntity, EventEntityDescription
from homeassistant.core import callback
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from ..core.entries import entry_as_dict
from ..core.model import Entry
from .const import EVENT_LOGGED, EVENT_REMOVED
from .coordinator import PersonCoordinator, signal_entry_changed
from .entity import PersonEntity

MEAL_EVENT = EventEntityDescription(
    key="meal",
    translation_key="meal",
    event_types=[EVENT_LOGGED, EVENT_REMOVED],
)


def add_entities(
    coordinator: PersonCoordinator, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add the person's Meal event."""
    async_add_entities([PersonMealEvent(coordinator, MEAL_EVENT)])


class PersonMealEvent(PersonEntity, EventEntity):
    """Fires `logged` and `removed` with the entry's nutrients."""

    def __init__(
        self, coordinator: PersonCoordinator, description: EventEntityDescription
    ) -> None:
        """Create the event entity."""
        super().__init__(coordinator, description)
        self._signal = signal_entry_changed(coordinator.config_entry.entry_id)

    async def async_added_to_hass(self) -> None:
        """Listen for log changes."""
        await super().async_added_to_hass()
        self.async_on_remove(
            async_dispatcher_connect(self.hass, self._signal, self._async_entry_changed)
        )

    @callback
    def async_entity_id_changed(self, old_entity_id: str) -> None:
        """Keep listening when the entity id changes (Home Assistant 2026.11 and newer).

        The Meal signal is keyed by the config entry, not the entity id, so nothing is
        re-keyed and the entity is changed in place instead of removed and added again.
        """

    @callback
    def _async_entry_changed(self, event_type: str, entry: Entry) -> None:
        state = self.coordinator.data
        # meal_at_target: the meal this entry is part of now reaches the protein dose and
        # the leucine target together.
        at_target = (
            event_type == EVENT_LOGGED
            and state.last_meal is not None
            and entry in state.last_meal.entries
            and state.last_meal_at_target
        )
        self._trigger_event(
            event_type, {**entry_as_dict(entry), "meal_at_target": at_target}
        )
        self.async_write_ha_state()

    @callback
    def _handle_coordinator_update(self) -> None:
        # The event's state is the last event, not the person's state: nothing to write.
        return
