"""Buttons of one person: log the portion on the scale, undo the last entry."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import DOMAIN
from .coordinator import MtorConfigEntry, PersonCoordinator
from .entity import MtorEntity

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


async def async_setup_entry(
    hass: HomeAssistant,
    entry: MtorConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the buttons of a person."""
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
