"""A native Bluetooth kitchen scale: its connection, weight, battery and tare.

The protocols themselves are the pure `scales` library; this package connects a scale
through Home Assistant's Bluetooth integration and makes it a device with entities.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from ..const import DOMAIN
from ..kinds import EntryKind, MtorBalanceConfigEntry
from ..scales.registry import get_protocol
from . import button, sensor
from .const import CONF_PROTOCOL
from .coordinator import ScaleCoordinator
from .diagnostics import scale_diagnostics

PLATFORMS = (Platform.BUTTON, Platform.SENSOR)
ENTITIES: dict[
    Platform, Callable[[ScaleCoordinator, AddConfigEntryEntitiesCallback], None]
] = {
    Platform.BUTTON: button.add_entities,
    Platform.SENSOR: sensor.add_entities,
}


@dataclass(frozen=True, slots=True)
class ScaleRuntime:
    """A loaded scale."""

    coordinator: ScaleCoordinator

    @property
    def platforms(self) -> tuple[Platform, ...]:
        """Return the scale's entity platforms."""
        return PLATFORMS

    def async_add_entities(
        self, platform: Platform, async_add_entities: AddConfigEntryEntitiesCallback
    ) -> None:
        """Add the scale's entities of `platform`."""
        ENTITIES[platform](self.coordinator, async_add_entities)

    def diagnostics(self) -> dict[str, Any]:
        """Return the scale's protocol and connection state."""
        return scale_diagnostics(self.coordinator)


async def async_setup_scale(
    hass: HomeAssistant, entry: MtorBalanceConfigEntry
) -> ScaleRuntime:
    """Set up one scale; it connects whenever it is switched on (it may be off now)."""
    if (protocol := get_protocol(entry.data[CONF_PROTOCOL])) is None:
        raise ConfigEntryError(
            translation_domain=DOMAIN,
            translation_key="unknown_protocol",
            translation_placeholders={"protocol": str(entry.data[CONF_PROTOCOL])},
        )
    coordinator = ScaleCoordinator(hass, entry, protocol)
    # The coordinator stops the connection in its shutdown, which runs on unload.
    await coordinator.async_start()
    return ScaleRuntime(coordinator)


async def async_remove_scale(
    hass: HomeAssistant, entry: MtorBalanceConfigEntry
) -> None:
    """Nothing to delete: a scale stores nothing of its own."""


SCALE = EntryKind(
    async_setup=async_setup_scale,
    async_remove=async_remove_scale,
    has_options=False,
    reconfigurable=False,
)
