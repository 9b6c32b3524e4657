"""Keeping a person's record on disk: every save, a failed save, and the closed years.

- `async_save` writes the person's file. When that fails (a full disk, a read-only file
  system), the change stays in memory, a repair issue names the file and the error, the save
  is retried (and tried again with every change), and the caller gets a translated error to
  tell the person. The first save that works removes the issue.
- The closed years (`core.history`) are read only here: for a range of the log, to delete an
  old entry, and to close the months that have ended (at start and when a day begins).
  Decoding, filtering and merging happen off the event loop, however many entries a year
  holds.
- A closed year whose file cannot be read (set aside with a repair issue, or gone) is
  *missing*: a read says so (`LogRead.missing_years`), or raises the translated
  `history_missing` error, never a silent partial answer. Nothing is closed into a missing
  year, so a restored file is never overwritten.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
import logging

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.event import async_call_later
from homeassistant.util import dt as dt_util

from ..const import DOMAIN
from ..core.history import (
    by_year,
    closable,
    merge,
    split_import,
    summarize,
    years_between,
)
from ..core.log import EntryNotFoundError, merged_entries
from ..core.model import Entry
from ..core.record import PersonRecord
from .store import PersonStore, StorageWriteError

_LOGGER = logging.getLogger(__name__)

RETRY_FIRST = timedelta(seconds=30)
RETRY_MAX = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class LogRead:
    """Entries of a range in time order, and the closed years of it that are missing.

    `complete` is False when a `limit` stopped the read before the end of the range.
    """

    entries: list[Entry]
    missing_years: list[int]
    complete: bool = True


class HistoryMissingError(ServiceValidationError):
    """A closed year an answer needs could not be read (translated, names the years)."""

    def __init__(self, years: Sequence[int]) -> None:
        """Name the missing years."""
        text = ", ".join(str(year) for year in years)
        super().__init__(
            translation_domain=DOMAIN,
            translation_key="history_missing",
            translation_placeholders={"years": text},
        )
        self.years = list(years)


def _between(entries: Sequence[Entry], start: datetime, end: datetime) -> list[Entry]:
    """Return the entries with start <= time < end (in the executor: a year may be big)."""
    return [entry for entry in entries if start <= entry.time < end]


def _merge_until(
    open_entries: Sequence[Entry], closed: list[Entry], until: datetime | None
) -> list[Entry]:
    """Return open and closed entries merged (each id once), before `until` if given."""
    merged = merge(open_entries, closed)
    if until is not None:
        merged = [entry for entry in merged if entry.time < until]
    return merged


class PersonFiles:
    """The person's record and the files it is kept in."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry_id: str,
        store: PersonStore,
        record: PersonRecord,
        *,
        on_saved: Callable[[], None],
    ) -> None:
        """Keep `record` in `store`; `on_saved` runs when a retried save has worked."""
        self._hass = hass
        self._entry_id = entry_id
        self.store = store
        self.record = record
        self._on_saved = on_saved
        self._failed: StorageWriteError | None = None
        # Held while closed years' files are read and written back (closing months, an
        # import, deleting an old entry): none of them may undo another's write.
        self._years_lock = asyncio.Lock()
        self._retry_in = RETRY_FIRST
        self._unsub_retry: CALLBACK_TYPE | None = None

    @property
    def unsaved(self) -> bool:
        """Return whether the record has changes that are not on disk."""
        return self._failed is not None

    async def async_save(self) -> None:
        """Write the record; raise a translated HomeAssistantError if it could not be.

        A save that names staged years of an import (saved now, or by an earlier save that
        failed) moves them into place, then saves again without them.
        """
        try:
            await self.store.async_save(self.record)
            if self.store.staged:
                await self.store.async_move_staged()
                await self.store.async_save(self.record)
        except StorageWriteError as err:
            self._async_failed(err)
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="not_saved",
                translation_placeholders={"path": err.path, "error": str(err.error)},
            ) from err
        self._async_saved()

    @callback
    def async_stop(self) -> None:
        """Stop retrying (the person is unloaded; an unsaved change is lost with it)."""
        if self._unsub_retry is not None:
            self._unsub_retry()
            self._unsub_retry = None

    # --- closed years --------------------------------------------------------------------

    async def async_entries_between(
        self, start: datetime, end: datetime
    ) -> list[Entry]:
        """Return every entry with start <= time < end, open and closed, in time order.

        Raises HistoryMissingError if a closed year of the range cannot be read.
        """
        read = await self.async_read(start, end)
        if read.missing_years:
            raise HistoryMissingError(read.missing_years)
        return read.entries

    async def async_read(
        self, start: datetime, end: datetime, *, limit: int | None = None
    ) -> LogRead:
        """Return the entries with start <= time < end and the closed years missing.

        With a `limit`, closed years are read (oldest first) only until more than `limit`
        entries are found: `complete` is then False and the entries end before the first
        year not read.
        """
        hass = self._hass
        closed: list[Entry] = []
        missing: list[int] = []
        until: datetime | None = None
        years = years_between(self.record.history, start, end)
        for index, year in enumerate(years):
            entries = await self.store.async_load_year(year)
            if entries is None:
                missing.append(year)
                continue
            closed += await hass.async_add_executor_job(_between, entries, start, end)
            del entries
            if limit is not None and len(closed) > limit and index + 1 < len(years):
                until = datetime(year + 1, 1, 1, tzinfo=UTC)
                break
        merged = await hass.async_add_executor_job(
            _merge_until, self.record.log.between(start, end), closed, until
        )
        return LogRead(merged, missing, complete=until is None)

    async def async_import(
        self,
        entries: Sequence[Entry],
        apply: Callable[[Callable[[PersonRecord], None]], Awaitable[None]],
    ) -> None:
        """Add imported entries, all or nothing: closed years first (staged), then open.

        The new entries of each closed year are merged with that year's file and written
        beside it, off the event loop, one year at a time (`PersonStore.async_stage_year`);
        then `apply` makes the change of the record (the open entries, the years'
        summaries, the staged years) and saves it, which moves the staged years into
        place. Raises HistoryMissingError if a year it adds to cannot be read.
        """
        hass, store = self._hass, self.store
        async with self._years_lock:
            snapshot = list(self.record.log)
            stay, years = await hass.async_add_executor_job(
                split_import, snapshot, entries, dt_util.utcnow()
            )
            summaries = {}
            try:
                for year in sorted(years):
                    stored = await store.async_load_year(year)
                    if stored is None and year in self.record.history:
                        raise HistoryMissingError([year])
                    merged = await hass.async_add_executor_job(
                        merge, years.pop(year), stored or []
                    )
                    del stored
                    summaries[year] = summarize(merged)
                    await store.async_stage_year(year, merged)
                    del merged
            except StorageWriteError as err:
                self._async_failed(err)
                raise HomeAssistantError(
                    translation_domain=DOMAIN,
                    translation_key="not_saved",
                    translation_placeholders={
                        "path": err.path,
                        "error": str(err.error),
                    },
                ) from err
            sorted_log = await hass.async_add_executor_job(
                merged_entries, snapshot, stay
            )

            def change(record: PersonRecord) -> None:
                if not record.log.adopt(snapshot, *sorted_log):
                    record.log.extend(stay)  # changed meanwhile: sorted here instead
                record.history.update(summaries)
                store.staged = sorted(summaries)

            await apply(change)

    async def async_delete_closed(self, entry_id: str) -> Entry:
        """Remove an entry of a closed year (raises EntryNotFoundError); saves that year."""
        async with self._years_lock:
            return await self._async_delete_closed(entry_id)

    async def _async_delete_closed(self, entry_id: str) -> Entry:
        for year in sorted(self.record.history, reverse=True):
            entries = await self.store.async_load_year(year)
            if entries is None:
                continue  # missing: its entries cannot be found, nor the file rewritten
            found = next((entry for entry in entries if entry.id == entry_id), None)
            if found is None:
                continue
            rest = [entry for entry in entries if entry.id != entry_id]
            await self._async_save_year(year, rest)
            if rest:
                self.record.history[year] = summarize(rest)
            else:
                self.record.forget_year(year)
            return found
        raise EntryNotFoundError(entry_id)

    async def async_close_ended_months(self) -> None:
        """Move open entries of months that have ended into their years' files.

        Each year's file is written before the person's file: a crash in between leaves
        the entries in both, and the next run writes each id once.
        """
        async with self._years_lock:
            await self._async_close_ended_months()

    async def _async_close_ended_months(self) -> None:
        if self.store.staged:
            return  # an import's years are not in place yet (its save failed): later
        moving = closable(self.record.log, dt_util.utcnow())
        if not moving:
            return
        years = {}
        try:
            for year, group in by_year(moving).items():
                stored = await self.store.async_load_year(year)
                if stored is None and year in self.record.history:
                    continue  # missing: kept open until its file is restored
                merged = merge(group, stored or [])
                await self._async_save_year(year, merged)
                years[year] = summarize(merged)
        except HomeAssistantError:
            return  # kept open; tried again at the next start or day
        if not years:
            return
        moving = [entry for entry in moving if entry.time.astimezone(UTC).year in years]
        self.record.close(moving, years)
        _LOGGER.debug("Closed %d entries into %s", len(moving), sorted(years))
        with suppress(HomeAssistantError):  # the repair issue tells; the retry saves it
            await self.async_save()

    async def _async_save_year(self, year: int, entries: list[Entry]) -> None:
        try:
            await self.store.async_save_year(year, entries)
        except StorageWriteError as err:
            self._async_failed(err)
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="not_saved",
                translation_placeholders={"path": err.path, "error": str(err.error)},
            ) from err

    # --- a failed save -------------------------------------------------------------------

    @callback
    def _async_failed(self, err: StorageWriteError) -> None:
        if self._failed is None:
            _LOGGER.error("Could not save %s: %s; kept in memory", err.path, err.error)
        self._failed = err
        ir.async_create_issue(
            self._hass,
            DOMAIN,
            self._issue_id,
            is_fixable=False,
            severity=ir.IssueSeverity.ERROR,
            translation_key="storage_write_failed",
            translation_placeholders={"path": err.path, "error": str(err.error)},
        )
        if self._unsub_retry is None:
            self._unsub_retry = async_call_later(
                self._hass, self._retry_in, self._async_retry
            )
            self._retry_in = min(self._retry_in * 2, RETRY_MAX)

    @callback
    def _async_saved(self) -> None:
        if self._failed is not None:
            _LOGGER.info("Saved %s again", self._failed.path)
            self._failed = None
            self._retry_in = RETRY_FIRST
            self.async_stop()
            ir.async_delete_issue(self._hass, DOMAIN, self._issue_id)

    async def _async_retry(self, _now: datetime) -> None:
        self._unsub_retry = None
        try:
            await self.async_save()
        except HomeAssistantError:
            return  # scheduled again by the failure
        self._on_saved()

    @property
    def _issue_id(self) -> str:
        return f"storage_write_failed_{self._entry_id}"
