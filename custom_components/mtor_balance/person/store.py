"""Per-person storage: versioned files, written atomically, at a cost that does not grow.

One person is one file under `.storage/` with their open entries (see `core.history`: since
the start of the previous month, and the latest meal), their foods and plan overrides, and
a summary of each closed year; each closed year is a file of its own
(`mtor_balance.<entry id>.<year>`), read only when something asks for it and written only
when a month closes or an old entry changes. So logging a meal writes tens of kilobytes
after thirty years as after one day, and start-up reads only the open file.

Files are Home Assistant `Store`s (versions, migrations, its handling of undecodable JSON),
written as compact JSON through an atomic write of this module's own, for two reasons:
Store swallows write errors (this one raises them, so the person is told and the entry is
retried), and its temporary files cannot be told apart from other integrations' (these are
named after their file, so orphans of a crash are removed at the next start).

A file that cannot be read is never overwritten: it is renamed aside, a repair issue tells
the person where it is, and the person starts without it.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from datetime import UTC, datetime
import logging
import os
from pathlib import Path
import tempfile
from typing import Any, override

from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.json import json_bytes
from homeassistant.helpers.storage import STORAGE_DIR, Store
from homeassistant.util import dt as dt_util
from homeassistant.util.json import json_loads

from ..const import DOMAIN
from ..core.categories import Category
from ..core.foods import FoodTable
from ..core.history import YearSummary, by_year, closable, summarize
from ..core.log import IntakeLog
from ..core.model import (
    Entry,
    Food,
    Ingredient,
    ManualFast,
    Recipe,
    SavedMeal,
    Source,
)
from ..core.record import PersonRecord
from ..core.shared_scale import PendingPortion
from ..core.trash import Deleted

_LOGGER = logging.getLogger(__name__)

# 1.2 added the person's own foods ("custom_foods"); 2.1 moved closed years to files of
# their own ("history": year -> [count, first, last]).
STORAGE_VERSION = 2
# Minor 2 added saved meals, fasts entered by hand and recipes of own foods (all optional,
# so a file of minor 1 reads as it is); minor 3 the trash ("trash": [deleted, entry row]).
STORAGE_MINOR_VERSION = 3
YEAR_VERSION = 1
TEMP_MARK = ".tmp-"

# Version 1 row layout (person and year files); any change needs a new version and a
# migration. [id, time (POSIX seconds), name, protein g, leucine g, kcal, leucine estimated
# (0/1), source, food id or null, grams or null]
_ROW_LENGTH = 10


class StorageCorruptError(Exception):
    """The stored file exists but its content cannot be used."""


class StorageUnavailableError(Exception):
    """The stored file can be neither read nor set aside; nothing may be written."""


class StorageWriteError(Exception):
    """A file could not be written (disk full, read-only, ...); what was written stays."""

    def __init__(self, path: str, error: OSError) -> None:
        """Remember the file and why it could not be written."""
        super().__init__(f"{path}: {error}")
        self.path = path
        self.error = error


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


# What a stored value may be; anything else is a file that cannot be used, like one that
# is not JSON. Times from 1970 (entries are POSIX times) to the year 3000 (far beyond any
# real entry, and far enough from datetime's end that adding days never overflows);
# amounts up to a million (grams, g of a nutrient, kcal: any entry is far below).
_MAX_STAMP = datetime(3000, 1, 1, tzinfo=UTC).timestamp()
MAX_STORED_AMOUNT = 1_000_000.0


def stored_time(value: Any) -> datetime:
    """Return a stored POSIX time; raise StorageCorruptError if it cannot be one."""
    # NaN fails both comparisons; a huge int compares without overflowing.
    if type(value) not in (int, float) or not 0 <= value < _MAX_STAMP:
        raise StorageCorruptError(f"{value!r} is not a stored time")
    return _from_timestamp(value, UTC)


def stored_amount(value: Any) -> float:
    """Return a stored amount; raise StorageCorruptError if it is not one in range."""
    if type(value) not in (int, float) or not 0 <= value <= MAX_STORED_AMOUNT:
        raise StorageCorruptError(f"{value!r} is not a stored amount")
    return float(value)


def entry_from_row(row: Any) -> Entry:
    """Decode a storage row; raise StorageCorruptError if it is not a valid entry.

    Runs 30,000 times when ten years are migrated, so it builds the tuple positionally.
    """
    if type(row) is not list or len(row) != _ROW_LENGTH:
        raise StorageCorruptError(f"a row is not a list of {_ROW_LENGTH} fields")
    entry_id, stamp, name, protein, leucine, kcal, estimated, source, food_id, grams = (
        row
    )
    if (
        type(entry_id) is not str
        or type(name) is not str
        or (food_id is not None and type(food_id) is not str)
        or estimated not in (0, 1)
        or type(estimated) not in (int, bool)
        or source not in _SOURCES
    ):
        raise StorageCorruptError(f"row {entry_id!r} has a field of the wrong kind")
    return Entry(
        entry_id,
        stored_time(stamp),
        name,
        stored_amount(protein),
        stored_amount(leucine),
        stored_amount(kcal),
        bool(estimated),
        _SOURCES[source],
        food_id,
        None if grams is None else stored_amount(grams),
    )


_SOURCES = {source.value: source for source in Source}
_from_timestamp = datetime.fromtimestamp


def food_to_dict(food: Food) -> dict[str, Any]:
    """Encode a person's own food."""
    encoded: dict[str, Any] = {
        "id": food.id,
        "name": food.name,
        "name_sv": food.name_sv,
        "category": food.category.value,
        "protein_g": food.protein_g,
        "leucine_g": food.leucine_g,
        "kcal": food.kcal,
        "leucine_estimated": food.leucine_estimated,
    }
    if food.recipe is not None:
        encoded["recipe"] = {
            "ingredients": _encode_items(food.recipe.ingredients),
            "cooked_g": food.recipe.cooked_g,
        }
    return encoded


def _encode_items(items: tuple[Ingredient, ...]) -> list[list[Any]]:
    return [[item.food_id, item.grams] for item in items]


def _decode_items(rows: Any) -> tuple[Ingredient, ...]:
    if not isinstance(rows, list):
        raise StorageCorruptError("ingredients are not a list")
    return tuple(Ingredient(str(food_id), float(grams)) for food_id, grams in rows)


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
        recipe=None
        if (recipe := data.get("recipe")) is None
        else Recipe(_decode_items(recipe["ingredients"]), float(recipe["cooked_g"])),
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


def atomic_write(path: str, data: bytes | Iterable[bytes]) -> None:
    """Write `data` (or its pieces) to `path` all or nothing; raise StorageWriteError.

    A temporary file beside it (named `<file>.tmp-<random>`, so that an orphan of a crash
    is recognisable), flushed to disk, then renamed over the file, and the folder flushed.
    """
    target = Path(path)
    temporary: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(
            prefix=target.name + TEMP_MARK, dir=target.parent
        )
        temporary = Path(name)
        with os.fdopen(descriptor, "wb") as file:
            if isinstance(data, bytes):
                file.write(data)
            else:
                file.writelines(data)
            file.flush()
            os.fsync(file.fileno())
        temporary.replace(target)
        temporary = None
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except OSError as err:
        raise StorageWriteError(path, err) from err
    finally:
        if temporary is not None:
            with suppress(OSError):
                temporary.unlink()


class _CompactStore(Store[dict[str, Any]]):
    """A private Store written as compact JSON by `atomic_write`, raising its errors."""

    def __init__(self, hass: HomeAssistant, version: int, key: str, minor: int) -> None:
        super().__init__(
            hass,
            version,
            key,
            private=True,
            atomic_writes=True,
            minor_version=minor,
            serialize_in_event_loop=False,
        )

    @override
    async def _async_write_data(self, data: dict[str, Any]) -> None:
        # Compact: Store's indented JSON is 2.4 times the size. StorageWriteError is not
        # Store's WriteError, so it reaches the caller of async_save instead of a log line.
        # Store's own writing below this (`_write_data` up to 2026.10, `_FileStoreIO` from
        # 2026.11) is never reached: its changes cannot turn a failed write into a log line.
        await self.hass.async_add_executor_job(self._write_compact, data)

    def _write_compact(self, data: dict[str, Any]) -> None:
        if "data_func" in data:
            data["data"] = data.pop("data_func")()
        atomic_write(self.path, json_bytes(data))


class _PersonFileStore(_CompactStore):
    """The person's file, with its migration path."""

    def __init__(self, person: PersonStore) -> None:
        super().__init__(
            person.hass, STORAGE_VERSION, person.key, STORAGE_MINOR_VERSION
        )
        self._person = person

    @override
    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: dict[str, Any]
    ) -> dict[str, Any]:
        # Step by step, oldest first. A file of a newer major version is refused by Store
        # and PersonStore keeps it aside untouched. Store writes the migrated data back at
        # once: each step checks the data first, so that a file that cannot be used is set
        # aside as it was instead of being overwritten.
        data = dict(old_data)
        if old_major_version == 1:
            if old_minor_version < 2:
                data.setdefault("custom_foods", [])
            data = await self._person.async_split_years(data)
        if old_major_version < 2 or old_minor_version < 3:
            data.setdefault("trash", [])  # 2.3: deleted entries are kept for a while
        _decode(data, FoodTable())
        return data


def _decode_rows(rows: Any) -> list[Entry]:
    if not isinstance(rows, list):
        raise StorageCorruptError("entries is not a list")
    return [entry_from_row(row) for row in rows]


def _decode(raw: dict[str, Any] | None, table: FoodTable) -> PersonRecord:
    if raw is None:
        return PersonRecord.create(table)
    if not isinstance(raw, dict):
        raise StorageCorruptError("stored data is not an object")
    day_types = raw.get("day_types", {})
    favorites = raw.get("favorites", [])
    selected = raw.get("selected_food")
    custom_foods = raw.get("custom_foods", [])
    history = raw.get("history", {})
    if (
        not isinstance(day_types, dict)
        or not isinstance(favorites, list)
        or not isinstance(custom_foods, list)
        or not isinstance(history, dict)
    ):
        raise StorageCorruptError(
            "day types, favourites, own foods or history have the wrong shape"
        )
    return PersonRecord.create(
        table,
        entries=_decode_rows(raw.get("entries", [])),
        own_foods=[food_from_dict(item) for item in custom_foods],
        day_types={str(day): str(kind) for day, kind in day_types.items()},
        favorites=[str(food_id) for food_id in favorites],
        selected_food_id=None if selected is None else str(selected),
        history={
            int(year): YearSummary(int(count), stored_time(first), stored_time(last))
            for year, (count, first, last) in history.items()
        },
        saved_meals=[
            SavedMeal(str(meal_id), str(name), _decode_items(items))
            for meal_id, name, items in raw.get("saved_meals", [])
        ],
        manual_fasts=[
            ManualFast(str(fast_id), stored_time(start), stored_time(end))
            for fast_id, start, end in raw.get("manual_fasts", [])
        ],
        trash=_decode_trash(raw.get("trash", [])),
    )


def _decode_trash(items: Any) -> list[Deleted]:
    """Decode the trash ([deleted, entry row] pairs); StorageCorruptError if it is not."""
    if type(items) is not list or any(
        type(item) is not list or len(item) != 2 for item in items
    ):
        raise StorageCorruptError("the trash is not a list of [deleted, entry] pairs")
    return [
        Deleted(entry_from_row(row), stored_time(deleted)) for deleted, row in items
    ]


def _encode_history(history: dict[int, YearSummary]) -> dict[str, list[Any]]:
    return {
        str(year): [summary.count, summary.first.timestamp(), summary.last.timestamp()]
        for year, summary in sorted(history.items())
    }


# Every error a stored value that cannot be used raises while it is decoded.
_READ_ERRORS = (
    HomeAssistantError,
    StorageCorruptError,
    ValueError,
    TypeError,
    KeyError,
    OverflowError,
)

# The parts of a person's file that are lists of items, each of which can be read alone.
_LIST_PARTS = ("custom_foods", "saved_meals", "manual_fasts", "trash")


def _salvage(raw: Any, table: FoodTable) -> PersonRecord:
    """Return what can be read of a person's file that could not be read whole.

    Every entry, own food, saved meal, fast, day type and closed year's summary that
    decodes on its own is kept; the rest is left out (the file itself is kept aside).
    """
    if not isinstance(raw, dict):
        return PersonRecord.create(table)
    kept: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "entries" and isinstance(value, list):
            kept[key] = [row for row in value if _readable(entry_from_row, row)]
        elif key in _LIST_PARTS and isinstance(value, list):
            kept[key] = [
                item for item in value if _readable(_decode, {key: [item]}, table)
            ]
        elif key in ("history", "day_types") and isinstance(value, dict):
            kept[key] = {
                name: item
                for name, item in value.items()
                if _readable(_decode, {key: {name: item}}, table)
            }
        elif _readable(_decode, {key: value}, table):
            kept[key] = value
    try:
        return _decode(kept, table)
    except _READ_ERRORS:
        return PersonRecord.create(table)


_KNOWN_VERSIONS = (1, STORAGE_VERSION)


def _stored_data(path: str) -> Any:
    """Return the data of a stored file of a version this integration knows, or None."""
    try:
        with Path(path).open("rb") as file:
            stored = json_loads(file.read())
    except OSError, ValueError:
        return None
    if not isinstance(stored, dict) or stored.get("version") not in _KNOWN_VERSIONS:
        return None  # gone, or of a version whose rows may mean something else
    return stored.get("data")


def _readable(decode: Any, *args: Any) -> bool:
    try:
        decode(*args)
    except _READ_ERRORS:
        return False
    return True


class PersonStore:
    """Loads and saves one person's file and their closed years."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Create the store for the config entry `entry_id`."""
        self.hass = hass
        self.key = f"{DOMAIN}.{entry_id}"
        self._entry_id = entry_id
        self._store = _PersonFileStore(self)
        self._years: dict[int, _CompactStore] = {}
        # Years of an import written beside their files, to be moved into place once the
        # person's file (which names them) is saved: see `async_stage_year`.
        self.staged: list[int] = []

    @property
    def path(self) -> str:
        """Return the person file's path."""
        return str(self._store.path)

    # --- the person's file -------------------------------------------------------------

    async def async_load(self, table: FoodTable) -> PersonRecord:
        """Load the person's record; set an unusable file aside and start empty.

        Orphaned temporary files of an earlier crash are removed first (nothing of this
        person is being written yet).
        """
        raw: Any = None
        try:
            raw = await self._store.async_load()
            if isinstance(raw, dict) and (staged := raw.get("staged_years")):
                # An import was saved, but not all its years were moved into place.
                await self._async_move_staged(staged)
            await self.hass.async_add_executor_job(self._remove_orphans)
            return await self.hass.async_add_executor_job(_decode, raw, table)
        except StorageWriteError as err:
            # A migration could not be written: nothing was changed, try again later.
            raise StorageUnavailableError(err.path) from err
        except _READ_ERRORS as err:
            await self.hass.async_add_executor_job(self._remove_orphans)
            if raw is None:  # refused while migrating: what the file holds, as JSON
                raw = await self.hass.async_add_executor_job(_stored_data, self.path)
            await async_set_aside(self.hass, self.path, err, self._entry_id)
            # The person starts with what could be read (the file itself is kept aside).
            return await self.hass.async_add_executor_job(_salvage, raw, table)

    async def async_save(self, record: PersonRecord) -> None:
        """Write the person's file now; raise StorageWriteError if it cannot be written."""
        await self._store.async_save(
            {
                "entries": _Rows(list(record.log)),
                "staged_years": list(self.staged),
                "history": _encode_history(record.history),
                "day_types": dict(record.day_types),
                "selected_food": record.selected_food_id,
                "favorites": list(record.favorites),
                "custom_foods": [food_to_dict(food) for food in record.foods.own_foods],
                "saved_meals": [
                    [meal.id, meal.name, _encode_items(meal.items)]
                    for meal in record.saved_meals
                ],
                "manual_fasts": [
                    [fast.id, fast.start.timestamp(), fast.end.timestamp()]
                    for fast in record.manual_fasts
                ],
                "trash": [
                    [item.deleted.timestamp(), entry_to_row(item.entry)]
                    for item in record.trash
                ],
            }
        )

    async def async_remove(self) -> None:
        """Delete the person's file and every file of their closed years."""
        await self._store.async_remove()
        await self.hass.async_add_executor_job(self._remove_years)

    # --- closed years ------------------------------------------------------------------

    async def async_load_year(self, year: int) -> list[Entry] | None:
        """Return a closed year's entries; None if there is no file (or it was set aside).

        A file that cannot be used, down to a single value out of range, is set aside
        with a repair issue, like the person's own file.
        """
        store = self._year_store(year)
        try:
            raw = await store.async_load()
            if raw is None:
                return None
            if not isinstance(raw, dict):
                raise StorageCorruptError("stored data is not an object")
            return await self.hass.async_add_executor_job(
                _decode_rows, raw.get("entries")
            )
        except _READ_ERRORS as err:
            await async_set_aside(
                self.hass, str(store.path), err, f"{self._entry_id}_{year}"
            )
            return None

    async def async_save_year(self, year: int, entries: list[Entry]) -> None:
        """Write (or, with no entries, delete) a closed year's file."""
        store = self._year_store(year)
        if entries:
            await store.async_save({"entries": _Rows(entries)})
        else:
            await store.async_remove()

    async def async_stage_year(self, year: int, entries: list[Entry]) -> None:
        """Write a closed year's new entries beside its file, for an import.

        An import is all or nothing, even when the process is killed: its years are
        written as `<year file>.tmp-import` first (removed at the next start like any
        temporary file), then the person's file is saved naming them in `staged_years`
        (the import's one moment of truth), then each is written as its year's file and
        removed (`async_move_staged`); a start that finds `staged_years` moves what is
        left.
        """
        await self._staged_store(year).async_save({"entries": _Rows(entries)})

    async def async_move_staged(self) -> None:
        """Move the staged years over their files (once the person's file names them)."""
        await self._async_move_staged(self.staged)
        self.staged = []

    async def _async_move_staged(self, years: Any) -> None:
        """Write each staged year as its file, then remove it (those gone were moved)."""
        if not isinstance(years, list) or not all(type(y) is int for y in years):
            raise StorageCorruptError("staged years are not a list of years")
        for year in years:
            staged = self._staged_store(year)
            if (raw := await staged.async_load()) is None:
                continue
            await self._year_store(year).async_save(raw)
            del raw
            await staged.async_remove()

    def _staged_store(self, year: int) -> _CompactStore:
        return _CompactStore(
            self.hass, YEAR_VERSION, f"{self.key}.{year}{TEMP_MARK}import", 1
        )

    async def async_split_years(self, data: dict[str, Any]) -> dict[str, Any]:
        """Migrate a one-file log (1.x): write closed years to their files, keep the rest.

        The years are written before the person's file is (Store writes it after this
        returns): a crash in between leaves the old file, and the migration runs again.
        """
        entries = await self.hass.async_add_executor_job(
            _decode_rows, data.get("entries", [])
        )
        closed = closable(IntakeLog(entries), dt_util.utcnow())
        years = by_year(closed)
        for year, group in years.items():
            await self.async_save_year(year, group)
        gone = {entry.id for entry in closed}
        return {
            **data,
            "entries": [
                entry_to_row(entry) for entry in entries if entry.id not in gone
            ],
            "history": _encode_history(
                {year: summarize(group) for year, group in years.items()}
            ),
        }

    def _year_store(self, year: int) -> _CompactStore:
        if (store := self._years.get(year)) is None:
            store = self._years[year] = _CompactStore(
                self.hass, YEAR_VERSION, f"{self.key}.{year}", 1
            )
        return store

    # --- files on disk -----------------------------------------------------------------

    def _files(self, *, temporary: bool) -> list[Path]:
        """Return this person's year files, or their temporary files, in `.storage`."""
        folder = self.hass.config.path(STORAGE_DIR)
        prefix = f"{self.key}."
        try:
            names = [e.name for e in os.scandir(folder) if e.name.startswith(prefix)]
        except FileNotFoundError:
            return []
        rest = (name[len(prefix) :] for name in names)
        return [
            Path(folder, prefix + part)
            for part in rest
            if (TEMP_MARK[1:] in part) == temporary
            and (temporary or (len(part) == 4 and part.isdigit()))
        ]

    def _remove_orphans(self) -> None:
        for path in self._files(temporary=True):
            with suppress(OSError):
                path.unlink()
                _LOGGER.info("Removed %s, left behind by an interrupted write", path)

    def _remove_years(self) -> None:
        for path in self._files(temporary=False):
            with suppress(OSError):
                path.unlink()


async def async_set_aside(
    hass: HomeAssistant, path: str, err: Exception, issue: str
) -> None:
    """Rename an unusable file aside (never overwrite it) and raise a repair issue."""
    if not await hass.async_add_executor_job(os.path.exists, path):
        # Home Assistant already renamed an undecodable file and raised its own repair issue.
        _LOGGER.warning("Stored data %s could not be read: %s", path, err)
        return
    stamp = dt_util.utcnow().strftime("%Y%m%dT%H%M%S")
    aside = f"{path}.corrupt.{stamp}"
    try:
        await hass.async_add_executor_job(os.replace, path, aside)
    except OSError as move_err:
        # Starting empty would overwrite the file on the next save: refuse instead.
        raise StorageUnavailableError(path) from move_err
    _LOGGER.error(
        "Stored data at %s could not be used (%s); kept it as %s", path, err, aside
    )
    ir.async_create_issue(
        hass,
        DOMAIN,
        f"storage_corrupt_{issue}",
        is_fixable=False,
        is_persistent=True,
        severity=ir.IssueSeverity.ERROR,
        translation_key="storage_corrupt",
        translation_placeholders={"path": path, "aside": aside, "error": str(err)},
    )


PENDING_KEY = f"{DOMAIN}.pending_portions"
PENDING_VERSION = 1


class PendingStore:
    """The pending portions of every shared scale, in one small file.

    Written a second after each change (they are not logged meals, and Home Assistant
    writes what is due when it stops); an unusable file is set aside like a person's.
    Time, grams and an id are all a pending portion holds: no person, no food.
    """

    def __init__(self, hass: HomeAssistant) -> None:
        """Create the store (load it with `async_load`)."""
        self.hass = hass
        # Home Assistant's own Store: a failed write of these is logged, not the person's.
        self._store: Store[dict[str, Any]] = Store(
            hass, PENDING_VERSION, PENDING_KEY, private=True, atomic_writes=True
        )
        self.scales: dict[str, list[PendingPortion]] = {}

    async def async_load(self) -> None:
        """Read the pending portions; an unusable file is set aside and none are kept."""
        try:
            raw = await self._store.async_load()
            self.scales = _decode_pending(raw)
        except _READ_ERRORS as err:
            await async_set_aside(self.hass, str(self._store.path), err, "pending")

    @callback
    def async_changed(self, entity_id: str, pending: list[PendingPortion]) -> None:
        """Keep `pending` as the scale's pending portions and save them soon."""
        if pending:
            self.scales[entity_id] = list(pending)
        else:
            self.scales.pop(entity_id, None)
        self._store.async_delay_save(self._encode, 1)

    def _encode(self) -> dict[str, Any]:
        return {
            "scales": {
                entity_id: [[p.id, p.time.isoformat(), p.grams] for p in pending]
                for entity_id, pending in self.scales.items()
            }
        }


def _decode_pending(raw: dict[str, Any] | None) -> dict[str, list[PendingPortion]]:
    if raw is None:
        return {}
    scales = raw["scales"]
    if not isinstance(scales, dict):
        raise StorageCorruptError("scales is not a mapping")
    decoded: dict[str, list[PendingPortion]] = {}
    for entity_id, rows in scales.items():
        portions = []
        for portion_id, when, grams in rows:
            moment = datetime.fromisoformat(when)
            if moment.tzinfo is None or not isinstance(grams, (int, float)):
                raise StorageCorruptError(f"bad pending portion {portion_id!r}")
            portions.append(PendingPortion(str(portion_id), moment, float(grams)))
        decoded[str(entity_id)] = portions
    return decoded
