"""The base entity of a person: every entity belongs to the person's device."""

from __future__ import annotations

from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from ..const import DOMAIN, VERSION
from .coordinator import PersonCoordinator


class PersonEntity(CoordinatorEntity[PersonCoordinator]):
    """An entity of one person."""

    _attr_has_entity_name = True

    def __init__(
        self, coordinator: PersonCoordinator, description: EntityDescription
    ) -> None:
        """Create the entity described by `description`."""
        super().__init__(coordinator)
        self.entity_description = description
        entry_id = coordinator.config_entry.entry_id
        self._attr_unique_id = f"{entry_id}_{description.key}"
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry_id)},
            name=coordinator.person_name,
            manufacturer="mTOR Balance",
            model="Person",
            sw_version=VERSION,
            entry_type=DeviceEntryType.SERVICE,
        )
