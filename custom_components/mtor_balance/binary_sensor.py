"""Binary sensors of one person: fasting, fasting goal reached, eating window open."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from homeassistant.components.binary_sensor import (
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import MtorConfigEntry, PersonState
from .entity import MtorEntity

# The coordinator pushes every update; entities never poll or update on their own.
PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class MtorBinarySensorEntityDescription(BinarySensorEntityDescription):
    """How a binary sensor reads its value from the person's state."""

    is_on_fn: Callable[[PersonState], bool]


BINARY_SENSORS: tuple[MtorBinarySensorEntityDescription, ...] = (
    MtorBinarySensorEntityDescription(
        key="fasting",
        translation_key="fasting",
        is_on_fn=lambda state: state.fasting,
    ),
    MtorBinarySensorEntityDescription(
        key="fast_goal_reached",
        translation_key="fast_goal_reached",
        is_on_fn=lambda state: state.fast_goal_reached,
    ),
    MtorBinarySensorEntityDescription(
        key="eating_window_open",
        translation_key="eating_window_open",
        is_on_fn=lambda state: state.window_open,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MtorConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the binary sensors of a person."""
    coordinator = entry.runtime_data
    async_add_entities(
        MtorBinarySensor(coordinator, description) for description in BINARY_SENSORS
    )


class MtorBinarySensor(MtorEntity, BinarySensorEntity):
    """A binary sensor computed from the person's state."""

    entity_description: MtorBinarySensorEntityDescription

    @property
    def is_on(self) -> bool:
        """Return whether it is on."""
        return self.entity_description.is_on_fn(self.coordinator.data)
