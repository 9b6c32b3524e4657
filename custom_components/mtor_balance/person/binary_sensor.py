"""Binary sensors of one person: fasting, fasting goal reached, eating window open."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from homeassistant.components.binary_sensor import (
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from ..core.state import PersonState
from .coordinator import PersonCoordinator
from .entity import PersonEntity


@dataclass(frozen=True, kw_only=True)
class PersonBinarySensorEntityDescription(BinarySensorEntityDescription):
    """How a binary sensor reads its value from the person's state."""

    is_on_fn: Callable[[PersonState], bool]


BINARY_SENSORS: tuple[PersonBinarySensorEntityDescription, ...] = (
    PersonBinarySensorEntityDescription(
        key="fasting",
        translation_key="fasting",
        is_on_fn=lambda state: state.fasting,
    ),
    PersonBinarySensorEntityDescription(
        key="fast_goal_reached",
        translation_key="fast_goal_reached",
        is_on_fn=lambda state: state.fast_goal_reached,
    ),
    PersonBinarySensorEntityDescription(
        key="eating_window_open",
        translation_key="eating_window_open",
        is_on_fn=lambda state: state.window_open,
    ),
)


def add_entities(
    coordinator: PersonCoordinator, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add the person's binary sensors."""
    async_add_entities(
        PersonBinarySensor(coordinator, description) for description in BINARY_SENSORS
    )


class PersonBinarySensor(PersonEntity, BinarySensorEntity):
    """A binary sensor computed from the person's state."""

    entity_description: PersonBinarySensorEntityDescription

    @property
    def is_on(self) -> bool:
        """Return whether it is on."""
        return self.entity_description.is_on_fn(self.coordinator.data)
