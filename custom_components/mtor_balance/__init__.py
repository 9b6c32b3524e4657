"""mTOR Balance: log leucine and fasting from a kitchen scale, per person.

A config entry is a person, or one of the Bluetooth kitchen scales the integration connects
to itself (`data["kind"]`; entries without a kind are people).
"""

from __future__ import annotations

from pathlib import Path

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryError, ConfigEntryNotReady
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType
from homeassistant.util.hass_dict import HassKey

from .const import (
    CONF_LOG_MODE,
    CONF_PROTOCOL,
    CONF_SCALE_ENTITY,
    DOMAIN,
    LOG_MODE_ON_REMOVAL,
)
from .coordinator import MtorConfigEntry, PersonCoordinator
from .core.foods import FoodTable
from .portion import ScaleFollower
from .scale_coordinator import ScaleConfigEntry, ScaleCoordinator, is_scale_entry
from .scales.registry import get_protocol
from .services import async_setup_services
from .store import PersonStore, StorageUnavailableError

PLATFORMS = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.EVENT,
    Platform.SELECT,
    Platform.SENSOR,
]
SCALE_PLATFORMS = [Platform.BUTTON, Platform.SENSOR]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)

FOOD_TABLE_PATH = Path(__file__).parent / "data" / "foods.csv"
FOOD_TABLE: HassKey[FoodTable] = HassKey(f"{DOMAIN}_food_table")


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions; they work for every person."""
    async_setup_services(hass)
    return True


async def async_get_food_table(hass: HomeAssistant) -> FoodTable:
    """Return the bundled food table, loading it once (off the event loop)."""
    if (table := hass.data.get(FOOD_TABLE)) is None:
        loaded = await hass.async_add_executor_job(FoodTable.load, FOOD_TABLE_PATH)
        # Two people set up at once may both load it; the first one kept is shared.
        if (table := hass.data.setdefault(FOOD_TABLE, loaded)) is loaded:
            # The search index is only needed by actions; build it off the loop, after setup.
            hass.async_add_executor_job(table.build_index)
    return table


async def async_setup_entry(
    hass: HomeAssistant, entry: MtorConfigEntry | ScaleConfigEntry
) -> bool:
    """Set up one person or one scale."""
    if is_scale_entry(entry):
        return await _async_setup_scale(hass, entry)
    foods = await async_get_food_table(hass)
    store = PersonStore(hass, entry.entry_id)
    try:
        data = await store.async_load()
    except StorageUnavailableError as err:
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN,
            translation_key="storage_unavailable",
            translation_placeholders={"path": str(err)},
        ) from err
    coordinator = PersonCoordinator(hass, entry, foods, store, data)
    await coordinator.async_config_entry_first_refresh()
    entry.runtime_data = coordinator
    # DataUpdateCoordinator shuts itself down (and cancels its timer) on unload.
    coordinator.async_start()

    if scale := entry.options.get(CONF_SCALE_ENTITY):
        follower = ScaleFollower(
            hass,
            coordinator,
            scale,
            log_on_removal=entry.options.get(CONF_LOG_MODE) == LOG_MODE_ON_REMOVAL,
        )
        entry.async_on_unload(follower.async_start())

    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def _async_setup_scale(hass: HomeAssistant, entry: ScaleConfigEntry) -> bool:
    """Set up one scale; it connects whenever it is switched on (it may be off now)."""
    if (protocol := get_protocol(entry.data[CONF_PROTOCOL])) is None:
        raise ConfigEntryError(
            translation_domain=DOMAIN,
            translation_key="unknown_protocol",
            translation_placeholders={"protocol": str(entry.data[CONF_PROTOCOL])},
        )
    coordinator = ScaleCoordinator(hass, entry, protocol)
    entry.runtime_data = coordinator
    await hass.config_entries.async_forward_entry_setups(entry, SCALE_PLATFORMS)
    # The coordinator stops the connection in its shutdown, which runs on unload.
    await coordinator.async_start()
    return True


async def async_unload_entry(
    hass: HomeAssistant, entry: MtorConfigEntry | ScaleConfigEntry
) -> bool:
    """Unload one person or one scale."""
    platforms = SCALE_PLATFORMS if is_scale_entry(entry) else PLATFORMS
    return await hass.config_entries.async_unload_platforms(entry, platforms)


async def async_remove_entry(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """Delete a removed person's stored data (a scale stores nothing)."""
    if not is_scale_entry(entry):
        await PersonStore(hass, entry.entry_id).async_remove()
