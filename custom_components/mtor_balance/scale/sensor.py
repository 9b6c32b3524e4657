"""Sensors of a Bluetooth scale: its weight and, where the protocol reports it, its battery."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import PERCENTAGE, EntityCategory, UnitOfMass
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from ..scales.reading import ScaleProtocol
from .coordinator import ScaleCoordinator
from .entity import ScaleEntity


@dataclass(frozen=True, kw_only=True)
class ScaleSensorEntityDescription(SensorEntityDescription):
    """How a scale sensor reads its value, and which scales have it."""

    value_fn: Callable[[ScaleCoordinator], float | int | None]
    attributes_fn: Callable[[ScaleCoordinator], Mapping[str, Any]] | None = None
    exists_fn: Callable[[ScaleProtocol], bool] = lambda _protocol: True


SCALE_SENSORS: tuple[ScaleSensorEntityDescription, ...] = (
    ScaleSensorEntityDescription(
        key="weight",
        translation_key="weight",
        device_class=SensorDeviceClass.WEIGHT,
        native_unit_of_measurement=UnitOfMass.GRAMS,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=1,
        value_fn=lambda coordinator: (
            None if coordinator.data is None else coordinator.data.grams
        ),
        attributes_fn=lambda coordinator: {
            "settled": None if coordinator.data is None else coordinator.data.stable
        },
    ),
    ScaleSensorEntityDescription(
        key="battery",
        translation_key="battery",
        device_class=SensorDeviceClass.BATTERY,
        native_unit_of_measurement=PERCENTAGE,
        state_class=SensorStateClass.MEASUREMENT,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda coordinator: coordinator.connection.battery,
        exists_fn=lambda protocol: protocol.reports_battery,
    ),
)


def add_entities(
    coordinator: ScaleCoordinator, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add the scale's sensors (battery only where the protocol reports it)."""
    async_add_entities(
        ScaleSensor(coordinator, description)
        for description in SCALE_SENSORS
        if description.exists_fn(coordinator.protocol)
    )


class ScaleSensor(ScaleEntity, SensorEntity):
    """A value the scale reports."""

    entity_description: ScaleSensorEntityDescription

    @property
    def native_value(self) -> float | int | None:
        """Return the value."""
        return self.entity_description.value_fn(self.coordinator)

    @property
    def extra_state_attributes(self) -> Mapping[str, Any] | None:
        """Return the attributes, if the sensor has any."""
        if self.entity_description.attributes_fn is None:
            return None
        return self.entity_description.attributes_fn(self.coordinator)
