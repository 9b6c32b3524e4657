"""Per-person storage: versioned, written atomically right after each change.

One JSON file per person under `.storage/`. Entries are stored as compact rows because a
decade of history is about 30,000 of them and startup must stay fast. A file that cannot be
read is never overwritten: it is renamed aside, a repair issue tells the person where it is,
and the person starts with an empty log.
"""

from __future__ import annotations

from datetime import UTC, datetime
import logging
import os
from typing import Any, override

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from ..const import DOMAIN
from ..core.categories import Category
from ..core.foods import FoodTable
from ..core.model import Entry, Food, Source
from ..core.record import PersonRecord

_LOGGER = logging.getLogger(__name__)

STORAGE_VERSION = 1
STORAGE_MINOR_VERSION = 2  # 1.2 added the person's own foods ("custom_foods")

# Version 1 row layout; any change to it needs a new version and a migration below.
# [id, time (POSIX seconds), name, protein g, leucine g, kcal, leucine estimated (0/1),
#  source, food id or null, grams or null]
_ROW_LENGTH = 10


def entry_to_row(entry: Entry) -> list[Any]:
    """Encode an entry as a storage row."""
    return [
        entry.id,
        entry.time.timestamp(),
        entry.name,
        entry.protein_g,
        entry.leucine_g,
        entry.kcal,
        int(entry.leucine_estimated),
        entry.source.value,
        entry.food_id,
        entry.grams,
    ]


def entry_from_row(row: list[Any]) -> Entry:
    """Decode a storage row; raise ValueError, TypeError or KeyError if it is not valid.

    Runs 30,000 times when ten years are loaded, so it builds the tuple positionally.
    """
    if len(row) != _ROW_LENGTH:
        raise ValueError(f"row has {len(row)} fields, expected {_ROW_LENGTH}")
    entry_id, stamp, name, protein, leucine, kcal, estimated, source, food_id, grams = (
        row
    )
    if type(entry_id) is not str or type(name) is not str:
        raise TypeError("entry id and name must be strings")
    return Entry(
        entry_id,
        _from_timestamp(float(stamp), UTC),
        name,
        float(protein),
        float(leucine),
        float(kcal),
        bool(estimated),
        _SOURCES[source],
        None if food_id is None else str(food_id),
        None if grams is None else float(grams),
    )


_SOURCES = {source.value: source for source in Source}
_from_timestamp = datetime.fromtimestamp


def food_to_dict(food: Food) -> dict[str, Any]:
    """Encode a person's own food."""
    return {
        "id": food.id,
        "name": food.name,
        "name_sv": food.name_sv,
        "category": food.category.value,
        "protein_g": food.protein_g,
        "leucine_g": food.leucine_g,
        "kcal": food.kcal,
        "leucine_estimated": food.leucine_estimated,
    }


def food_from_dict(data: dict[str, Any]) -> Food:
    """Decode a person's own food; raise KeyError, ValueError or TypeError if invalid."""
    return Food(
        id=str(data["id"]),
        name=str(data["name"]),
        name_sv=str(data["name_sv"]),
        category=Category(data["category"]),
        protein_g=float(data["protein_g"]),
        leucine_g=float(data["leucine_g"]),
        kcal=float(data["kcal"]),
        leucine_estimated=bool(data["leucine_estimated"]),
    )


class _Rows:
    """Entries that are encoded only when the file is written, in the writer thread.

    Home Assistant's JSON encoder calls `as_dict` for objects it does not know; the snapshot
    of the (immutable) entries is taken in the event loop, the encoding happens off it.
    """

    __slots__ = ("_entries",)

    def __init__(self, entries: list[Entry]) -> None:
        self._entries = entries

    def as_dict(self) -> list[list[Any]]:
        return [entry_to_row(entry) for entry in self._entries]


class _VersionedStore(Store[dict[str, Any]]):
    """The store with its migration path."""

    @override
    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: dict[str, Any]
    ) -> dict[str, Any]:
        # Migrate step by step, oldest first. A file written by a newer major version is
        # refused by Store, and PersonStore keeps it aside untouched.
        data = dict(old_data)
        if old_major_version == 1 and old_minor_version < 2:
            data.setdefault("custom_foods", [])
        # Store writes the migrated data back at once: check it first, so that a file that
        # cannot be used is set aside as it was instead of being overwritten.
        _decode(data, FoodTable())
        return data


class StorageCorruptError(Exception):
    """The stored file exists but its content cannot be used."""


class StorageUnavailableError(Exception):
    """The stored file can be neither read nor set aside; nothing may be written."""


class PersonStore:
    """Loads and saves one person's data."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Create the store for the config entry `entry_id`."""
        self._hass = hass
        self._entry_id = entry_id
        self._store = _VersionedStore(
            hass,
            STORAGE_VERSION,
            f"{DOMAIN}.{entry_id}",
            private=True,
            atomic_writes=True,
            minor_version=STORAGE_MINOR_VERSION,
            serialize_in_event_loop=False,
        )

    @property
    def path(self) -> str:
        """Return the file's path."""
        return str(self._store.path)

    async def async_load(self, table: FoodTable) -> PersonRecord:
        """Load the person's record; set an unusable file aside and start empty."""
        try:
            raw = await self._store.async_load()
            # Ten years of rows take tens of milliseconds to decode: keep that off the loop.
            return await self._hass.async_add_executor_job(_decode, raw, table)
        except (
            HomeAssistantError,
            StorageCorruptError,
            ValueError,
            TypeError,
            KeyError,
        ) as err:
            await self._async_set_aside(err)
            return PersonRecord.create(table)

    async def async_save(self, record: PersonRecord) -> None:
        """Write the record now (atomically); returns when it is on disk."""
        await self._store.async_save(
            {
                "entries": _Rows(list(record.log)),
                "day_types": dict(record.day_types),
                "selected_food": record.selected_food_id,
                "favorites": list(record.favorites),
                "custom_foods": [food_to_dict(food) for food in record.foods.own_foods],
            }
        )

    async def async_remove(self) -> None:
        """Delete the file (the person was removed)."""
        await self._store.async_remove()

    async def _async_set_aside(self, err: Exception) -> None:
        path = self.path
        if not await self._hass.async_add_executor_job(os.path.exists, path):
            # Home Assistant already renamed an undecodable file and raised its own repair issue.
            _LOGGER.warning(
                "Stored data for %s could not be read: %s", self._entry_id, err
            )
            return
        stamp = dt_util.utcnow().strftime("%Y%m%dT%H%M%S")
        aside = f"{path}.corrupt.{stamp}"
        try:
            await self._hass.async_add_executor_job(os.replace, path, aside)
        except OSError as move_err:
            # Starting empty would overwrite the file on the next save: refuse instead.
            raise StorageUnavailableError(path) from move_err
        _LOGGER.error(
            "Stored data at %s could not be used (%s); kept it as %s", path, err, aside
        )
        ir.async_create_issue(
            self._hass,
            DOMAIN,
            f"storage_corrupt_{self._entry_id}",
            is_fixable=False,
            is_persistent=True,
            severity=ir.IssueSeverity.ERROR,
            translation_key="storage_corrupt",
            translation_placeholders={"path": path, "aside": aside, "error": str(err)},
        )


def _decode(raw: dict[str, Any] | None, table: FoodTable) -> PersonRecord:
    if raw is None:
        return PersonRecord.create(table)
    if not isinstance(raw, dict):
        raise StorageCorruptError("stored data is not an object")
    rows = raw.get("entries", [])
    if not isinstance(rows, list):
        raise StorageCorruptError("entries is not a list")
    day_types = raw.get("day_types", {})
    favorites = raw.get("favorites", [])
    selected = raw.get("selected_food")
    custom_foods = raw.get("custom_foods", [])
    if (
        not isinstance(day_types, dict)
        or not isinstance(favorites, list)
        or not isinstance(custom_foods, list)
    ):
        raise StorageCorruptError(
            "day types, favourites or own foods have the wrong shape"
        )
    return PersonRecord.create(
        table,
        entries=[entry_from_row(row) for row in rows],
        own_foods=[food_from_dict(item) for item in custom_foods],
        day_types={str(day): str(kind) for day, kind in day_types.items()},
        favorites=[str(food_id) for food_id in favorites],
        selected_food_id=None if selected is None else str(selected),
    )
