"""Deleted entries, kept for a while so that a deletion can be undone, even after a restart.

Pure Python: the record keeps one `Trash`; undo and delete put entries in it, restoring takes
them out, and entries deleted more than `TRASH_KEEP` ago are emptied by themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from typing import NamedTuple

from .log import EntryNotFoundError
from .model import Entry

TRASH_KEEP = timedelta(days=30)
# A bound on what a person's open file holds: a bulk delete of a decade keeps the newest.
TRASH_MAX = 10_000


class Deleted(NamedTuple):
    """An entry and when it was deleted."""

    entry: Entry
    deleted: datetime


class Trash:
    """The entries deleted in the last `TRASH_KEEP`, oldest deletion first."""

    def __init__(self, items: Iterable[Deleted] = ()) -> None:
        """Hold `items` (as stored), in the order they were deleted."""
        self._items = sorted(items, key=lambda item: item.deleted)[-TRASH_MAX:]

    def __iter__(self) -> Iterator[Deleted]:
        """Iterate from the oldest deletion to the newest."""
        return iter(self._items)

    def __len__(self) -> int:
        """Return how many deleted entries are kept."""
        return len(self._items)

    def add(self, entry: Entry, now: datetime) -> None:
        """Keep `entry`, deleted `now`."""
        self._items.append(Deleted(entry, now))
        del self._items[:-TRASH_MAX]

    def get(self, entry_id: str) -> Entry | None:
        """Return the deleted entry with this id (the latest deletion), or None."""
        for item in reversed(self._items):
            if item.entry.id == entry_id:
                return item.entry
        return None

    def take(self, entry_id: str) -> Entry:
        """Take an entry out to restore it; raise EntryNotFoundError if it is not here."""
        for index in range(len(self._items) - 1, -1, -1):
            if self._items[index].entry.id == entry_id:
                return self._items.pop(index).entry
        raise EntryNotFoundError(entry_id)

    def expire(self, now: datetime) -> int:
        """Empty what was deleted `TRASH_KEEP` ago or earlier; return how many went."""
        keep_from = now - TRASH_KEEP
        gone = 0
        while gone < len(self._items) and self._items[gone].deleted <= keep_from:
            gone += 1
        del self._items[:gone]
        return gone
