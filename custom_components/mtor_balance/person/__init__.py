"""A person: their log, goals and entities (one config entry and one device per person)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryNotReady
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from ..const import DOMAIN
from ..kinds import EntryKind, MtorBalanceConfigEntry
from . import binary_sensor, button, calendar, event, select, sensor
from .const import (
    CONF_CLAIM_WINDOW,
    CONF_LOG_MODE,
    CONF_SCALE_ENTITY,
    CONF_TRAINING_ENTITY,
    CONF_TRAINING_MINUTES,
)
from .coordinator import PersonCoordinator
from .diagnostics import person_diagnostics
from .food_table import async_get_food_table
from .household import async_get_household
from .options import read_options
from .repairs import (
    async_check_options,
    async_check_plan,
    async_remove_issues,
    async_watch_scale,
)
from .statistics import async_clear_person_statistics, async_start_statistics
from .store import PersonStore, StorageUnavailableError
from .training import TrainingTracker

PLATFORMS = (
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.EVENT,
    Platform.SELECT,
    Platform.SENSOR,
    Platform.CALENDAR,
)
ENTITIES: dict[
    Platform, Callable[[PersonCoordinator, AddConfigEntryEntitiesCallback], None]
] = {
    Platform.BINARY_SENSOR: binary_sensor.add_entities,
    Platform.BUTTON: button.add_entities,
    Platform.EVENT: event.add_entities,
    Platform.SELECT: select.add_entities,
    Platform.SENSOR: sensor.add_entities,
    Platform.CALENDAR: calendar.add_entities,
}


@dataclass(frozen=True, slots=True)
class PersonRuntime:
    """A loaded person."""

    coordinator: PersonCoordinator

    @property
    def platforms(self) -> tuple[Platform, ...]:
        """Return the person's entity platforms."""
        return PLATFORMS

    def async_add_entities(
        self, platform: Platform, async_add_entities: AddConfigEntryEntitiesCallback
    ) -> None:
        """Add the person's entities of `platform`."""
        ENTITIES[platform](self.coordinator, async_add_entities)

    def diagnostics(self) -> dict[str, Any]:
        """Return the person's settings and log statistics (personal data redacted)."""
        return person_diagnostics(self.coordinator)


async def async_setup_person(
    hass: HomeAssistant, entry: MtorBalanceConfigEntry
) -> PersonRuntime:
    """Load the person's record, start their coordinator and follow their scale."""
    table = await async_get_food_table(hass)
    store = PersonStore(hass, entry.entry_id)
    try:
        record = await store.async_load(table)
    except StorageUnavailableError as err:
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN,
            translation_key="storage_unavailable",
            translation_placeholders={"path": str(err)},
        ) from err
    coordinator = PersonCoordinator(hass, entry, store, record)
    options = read_options(entry.options).values
    if training := options.get(CONF_TRAINING_ENTITY):
        minutes = float(options[CONF_TRAINING_MINUTES])
        coordinator.training = TrainingTracker(
            hass,
            training,
            timedelta(minutes=minutes),
            coordinator.async_training_changed,
        )
    await coordinator.async_config_entry_first_refresh()
    # DataUpdateCoordinator shuts itself down (and cancels its timer) on unload.
    coordinator.async_start()
    entry.async_on_unload(async_get_household(hass).async_add(coordinator))
    entry.async_on_unload(async_start_statistics(hass, coordinator))
    async_check_options(hass, entry)
    async_check_plan(hass, entry)
    if coordinator.training is not None:
        entry.async_on_unload(coordinator.training.async_start())
    if scale := options.get(CONF_SCALE_ENTITY):
        entry.async_on_unload(async_watch_scale(hass, entry, scale))
        entry.async_on_unload(
            await async_get_household(hass).async_weigh_on(
                coordinator,
                scale,
                log_mode=options[CONF_LOG_MODE],
                claim_window=timedelta(minutes=float(options[CONF_CLAIM_WINDOW])),
            )
        )
    return PersonRuntime(coordinator)


async def async_remove_person(
    hass: HomeAssistant, entry: MtorBalanceConfigEntry
) -> None:
    """Delete a removed person's stored log, their statistics and the issues about them."""
    await PersonStore(hass, entry.entry_id).async_remove()
    async_clear_person_statistics(hass, entry.entry_id)
    async_remove_issues(hass, entry)


PERSON = EntryKind(
    async_setup=async_setup_person,
    async_remove=async_remove_person,
    has_options=True,
    reconfigurable=True,
)
