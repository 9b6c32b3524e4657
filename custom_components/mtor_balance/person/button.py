"""Buttons of a person: log the portion on the scale, undo the last entry, weigh for me."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from ..const import DOMAIN
from .const import CONF_SCALE_ENTITY
from .coordinator import PersonCoordinator
from .entity import PersonEntity


@dataclass(frozen=True, kw_only=True)
class PersonButtonEntityDescription(ButtonEntityDescription):
    """What a button does; `None` from press_fn means there was nothing to do."""

    press_fn: Callable[[PersonCoordinator], Awaitable[Any]]
    nothing_to_do_key: str
    needs_scale: bool = False


BUTTONS: tuple[PersonButtonEntityDescription, ...] = (
    PersonButtonEntityDescription(
        key="log_portion",
        translation_key="log_portion",
        press_fn=lambda coordinator: coordinator.async_log_portion(),
        nothing_to_do_key="no_portion",
    ),
    PersonButtonEntityDescription(
        key="undo_last_entry",
        translation_key="undo_last_entry",
        press_fn=lambda coordinator: coordinator.async_undo(),
        nothing_to_do_key="nothing_to_undo",
    ),
    PersonButtonEntityDescription(
        # On a shared scale: the next portion is this person's (for their claim window).
        key="claim_scale",
        translation_key="claim_scale",
        press_fn=lambda coordinator: coordinator.async_claim_scale(),
        nothing_to_do_key="no_scale",
        needs_scale=True,
    ),
)


def add_entities(
    coordinator: PersonCoordinator, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add the person's buttons."""
    has_scale = bool(coordinator.config_entry.options.get(CONF_SCALE_ENTITY))
    async_add_entities(
        PersonButton(coordinator, description)
        for description in BUTTONS
        if has_scale or not description.needs_scale
    )


class PersonButton(PersonEntity, ButtonEntity):
    """A button acting on the person's log."""

    entity_description: PersonButtonEntityDescription

    async def async_press(self) -> None:
        """Do what the button says; tell the person when there was nothing to do."""
        if await self.entity_description.press_fn(self.coordinator) is None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key=self.entity_description.nothing_to_do_key,
            )
