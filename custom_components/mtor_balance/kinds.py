"""What every config entry of this domain is, whichever of the two kinds it is.

HACS allows one integration per repository, so a person and a native Bluetooth scale share
the domain. Each kind lives in its own package (`person/`, `scale/`) and gives a loaded
entry a runtime object with the same small interface; the shared modules (`__init__`, the
platform modules, diagnostics) talk to that interface and never ask which kind they hold.
`entry_kind` is the one place that reads an entry's kind.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import CONF_KIND, KIND_PERSON


class EntryRuntime(Protocol):
    """What a loaded entry of either kind keeps in `runtime_data`."""

    @property
    def platforms(self) -> tuple[Platform, ...]:
        """Return the entity platforms this entry has."""

    def async_add_entities(
        self, platform: Platform, async_add_entities: AddConfigEntryEntitiesCallback
    ) -> None:
        """Add this entry's entities of `platform`."""

    def diagnostics(self) -> dict[str, Any]:
        """Return what helps to debug this entry, without personal data."""


type MtorBalanceConfigEntry = ConfigEntry[EntryRuntime]


@dataclass(frozen=True, slots=True)
class EntryKind:
    """How one kind of entry is set up, removed, configured (options) and reconfigured."""

    async_setup: Callable[
        [HomeAssistant, MtorBalanceConfigEntry], Awaitable[EntryRuntime]
    ]
    async_remove: Callable[[HomeAssistant, MtorBalanceConfigEntry], Awaitable[None]]
    has_options: bool
    reconfigurable: bool


def entry_kind(entry: MtorBalanceConfigEntry) -> str:
    """Return `KIND_PERSON` or `KIND_SCALE`: the one place that reads an entry's kind.

    Entries made before scales existed have no kind and are people.
    """
    return str(entry.data.get(CONF_KIND, KIND_PERSON))
