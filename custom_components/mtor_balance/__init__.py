"""mTOR Balance: log leucine and fasting from a kitchen scale, per person.

A config entry is a person (`person/`) or one of the Bluetooth kitchen scales the
integration connects to itself (`scale/`); see `kinds` for how the two share this module.
"""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.translation import async_get_translations
from homeassistant.helpers.typing import ConfigType

from .card import async_register_card, async_reregister_card, async_unregister_card
from .const import DOMAIN, KIND_PERSON, KIND_SCALE
from .kinds import EntryKind, MtorBalanceConfigEntry, entry_kind
from .person import PERSON
from .person.actions import async_setup_actions
from .person.websocket import async_setup_websocket_api
from .scale import SCALE

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)

KINDS: dict[str, EntryKind] = {KIND_PERSON: PERSON, KIND_SCALE: SCALE}


def kind_of(entry: MtorBalanceConfigEntry) -> EntryKind:
    """Return how entries of `entry`'s kind are set up, removed and configured."""
    return KINDS[entry_kind(entry)]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions, the card's websocket API and the card; they serve every person."""
    async_setup_actions(hass)
    async_setup_websocket_api(hass)
    await async_register_card(hass)
    # The logbook's texts (logbook.py reads them from the cache).
    await async_get_translations(hass, hass.config.language, "common", [DOMAIN])
    return True


async def async_setup_entry(hass: HomeAssistant, entry: MtorBalanceConfigEntry) -> bool:
    """Set up one person or one scale."""
    entry.runtime_data = await kind_of(entry).async_setup(hass, entry)
    if entry_kind(entry) == KIND_PERSON:
        await async_reregister_card(hass)
    await hass.config_entries.async_forward_entry_setups(
        entry, entry.runtime_data.platforms
    )
    return True


async def async_unload_entry(
    hass: HomeAssistant, entry: MtorBalanceConfigEntry
) -> bool:
    """Unload one person or one scale (their coordinators stop themselves on unload)."""
    return await hass.config_entries.async_unload_platforms(
        entry, entry.runtime_data.platforms
    )


async def async_remove_entry(
    hass: HomeAssistant, entry: MtorBalanceConfigEntry
) -> None:
    """Delete what a removed entry stored (a person's log; a scale stores nothing).

    With the last person gone, the card is no longer a dashboard resource (a person added
    later brings it back).
    """
    await kind_of(entry).async_remove(hass, entry)
    if entry_kind(entry) == KIND_PERSON and not any(
        entry_kind(other) == KIND_PERSON
        for other in hass.config_entries.async_entries(DOMAIN)
        if other.entry_id != entry.entry_id
    ):
        await async_unregister_card(hass)
