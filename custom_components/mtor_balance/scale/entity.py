"""The base entity of a native Bluetooth scale: every entity belongs to the scale's device."""

from __future__ import annotations

from typing import override

from homeassistant.helpers.device_registry import (
    CONNECTION_BLUETOOTH,
    DeviceInfo,
    format_mac,
)
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .coordinator import ScaleCoordinator


class ScaleEntity(CoordinatorEntity[ScaleCoordinator]):
    """An entity of one Bluetooth scale; unavailable while the scale is not connected."""

    _attr_has_entity_name = True

    def __init__(
        self, coordinator: ScaleCoordinator, description: EntityDescription
    ) -> None:
        """Create the entity described by `description`."""
        super().__init__(coordinator)
        self.entity_description = description
        address = coordinator.address
        protocol = coordinator.protocol
        self._attr_unique_id = f"{format_mac(address)}_{description.key}"
        self._attr_device_info = DeviceInfo(
            connections={(CONNECTION_BLUETOOTH, address)},
            name=coordinator.config_entry.title,
            manufacturer=protocol.manufacturer,
            model=protocol.model,
        )

    @property
    @override
    def available(self) -> bool:
        """Return whether the scale is connected."""
        return super().available and self.coordinator.available
