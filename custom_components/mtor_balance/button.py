"""Buttons of one person (log the portion on the scale, undo the last entry) and of a scale (tare)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import DOMAIN
from .coordinator import MtorConfigEntry, PersonCoordinator
from .entity import MtorEntity
from .scale_coordinator import ScaleConfigEntry, ScaleCoordinator, is_scale_entry
from .scale_entity import ScaleEntity
from .scales.connection import (
    ScaleConnectionError,
    ScaleNotConnectedError,
    TareNotSupportedError,
)

PARALLEL_UPDATES = 1


@dataclass(frozen=True, kw_only=True)
class MtorButtonEntityDescription(ButtonEntityDescription):
    """What a button does; `None` from press_fn means there was nothing to do."""

    press_fn: Callable[[PersonCoordinator], Awaitable[Any]]
    nothing_to_do_key: str


BUTTONS: tuple[MtorButtonEntityDescription, ...] = (
    MtorButtonEntityDescription(
        key="log_portion",
        translation_key="log_portion",
        press_fn=lambda coordinator: coordinator.async_log_portion(),
        nothing_to_do_key="no_portion",
    ),
    MtorButtonEntityDescription(
        key="undo_last_entry",
        translation_key="undo_last_entry",
        press_fn=lambda coordinator: coordinator.async_undo(),
        nothing_to_do_key="nothing_to_undo",
    ),
)


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


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MtorConfigEntry | ScaleConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the buttons of a person or of a scale."""
    if is_scale_entry(entry):
        scale = entry.runtime_data
        async_add_entities(
            ScaleButton(scale, description)
            for description in SCALE_BUTTONS
            if description.exists_fn(scale)
        )
        return
    coordinator = entry.runtime_data
    async_add_entities(MtorButton(coordinator, description) for description in BUTTONS)


class MtorButton(MtorEntity, ButtonEntity):
    """A button acting on the person's log."""

    entity_description: MtorButtonEntityDescription

    async def async_press(self) -> None:
        """Do what the button says; tell the person when there was nothing to do."""
        if await self.entity_description.press_fn(self.coordinator) is None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key=self.entity_description.nothing_to_do_key,
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
