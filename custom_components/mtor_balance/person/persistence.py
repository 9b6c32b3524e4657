"""Keeping a person's record on disk: every save, a failed save, and the closed years.

- `async_save` writes the person's file. When that fails (a full disk, a read-only file
  system), the change stays in memory, a repair issue names the file and the error, the save
  is retried (and tried again with every change), and the caller gets a translated error to
  tell the person. The first save that works removes the issue.
- The closed years (`core.history`) are read only here: for a range of the log, to delete an
  old entry, and to close the months that have ended (at start and when a day begins).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import datetime, timedelta
import logging

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.event import async_call_later
from homeassistant.util import dt as dt_util

from ..const import DOMAIN
from ..core.history import by_year, closable, merge, summarize, years_between
from ..core.log import EntryNotFoundError
from ..core.model import Entry
from ..core.record import PersonRecord
from .store import PersonStore, StorageWriteError

_LOGGER = logging.getLogger(__name__)

RETRY_FIRST = timedelta(seconds=30)
RETRY_MAX = timedelta(minutes=10)


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
        self._retry_in = RETRY_FIRST
        self._unsub_retry: CALLBACK_TYPE | None = None

    @property
    def unsaved(self) -> bool:
        """Return whether the record has changes that are not on disk."""
        return self._failed is not None

    async def async_save(self) -> None:
        """Write the record; raise a translated HomeAssistantError if it could not be."""
        try:
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
        """Return every entry with start <= time < end, open and closed, in time order."""
        closed: list[Entry] = []
        for year in years_between(self.record.history, start, end):
            closed += [
                entry
                for entry in await self.store.async_load_year(year)
                if start <= entry.time < end
            ]
        return merge(self.record.log.between(start, end), closed)

    async def async_delete_closed(self, entry_id: str) -> Entry:
        """Remove an entry of a closed year (raises EntryNotFoundError); saves that year."""
        for year in sorted(self.record.history, reverse=True):
            entries = await self.store.async_load_year(year)
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
        moving = closable(self.record.log, dt_util.utcnow())
        if not moving:
            return
        years = {}
        try:
            for year, group in by_year(moving).items():
                merged = merge(group, await self.store.async_load_year(year))
                await self._async_save_year(year, merged)
                years[year] = summarize(merged)
        except HomeAssistantError:
            return  # kept open; tried again at the next start or day
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
