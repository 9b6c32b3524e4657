"""Buttons of a Bluetooth scale: tare, where the protocol has the command."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from ..const import DOMAIN
from .connection import (
    ScaleConnectionError,
    ScaleNotConnectedError,
    TareNotSupportedError,
)
from .coordinator import ScaleCoordinator
from .entity import ScaleEntity


@dataclass(frozen=True, kw_only=True)
class ScaleButtonEntityDescription(ButtonEntityDescription):
    """What a scale button does, and which scales have it."""

    press_fn: Callable[[ScaleCoordinator], Awaitable[None]]
    exists_fn: Callable[[ScaleCoordinator], bool]


SCALE_BUTTONS: tuple[ScaleButtonEntityDescription, ...] = (
    ScaleButtonEntityDescription(
        key="tare",
        translation_key="tare",
        press_fn=lambda coordinator: coordinator.connection.async_tare(),
        exists_fn=lambda coordinator: coordinator.connection.supports_tare,
    ),
)


def add_entities(
    coordinator: ScaleCoordinator, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add the scale's buttons (tare only where the protocol has the command)."""
    async_add_entities(
        ScaleButton(coordinator, description)
        for description in SCALE_BUTTONS
        if description.exists_fn(coordinator)
    )


class ScaleButton(ScaleEntity, ButtonEntity):
    """A button sending a command to the scale."""

    entity_description: ScaleButtonEntityDescription

    async def async_press(self) -> None:
        """Send the command; explain why it could not be sent."""
        name = self.coordinator.config_entry.title
        try:
            await self.entity_description.press_fn(self.coordinator)
        except TareNotSupportedError as err:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="tare_not_supported",
                translation_placeholders={"name": name},
            ) from err
        except ScaleNotConnectedError as err:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="scale_not_connected",
                translation_placeholders={"name": name},
            ) from err
        except ScaleConnectionError as err:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="scale_command_failed",
                translation_placeholders={"name": name, "error": str(err)},
            ) from err
