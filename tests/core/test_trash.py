"""The trash: deleted entries kept for 30 days, restorable, bounded (pure core)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from custom_components.mtor_balance.core.foods import FoodTable
from custom_components.mtor_balance.core.log import EntryNotFoundError
from custom_components.mtor_balance.core.record import PersonRecord
from custom_components.mtor_balance.core.trash import TRASH_KEEP, TRASH_MAX, Trash

from .factories import entry

T0 = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)


def test_deleting_and_undoing_keep_the_entry_and_restoring_puts_it_back() -> None:
    old, new = entry(T0 - timedelta(days=40)), entry(T0)
    record = PersonRecord.create(FoodTable(), entries=[old, new])
    assert record.next_undo() == new  # nothing added since load: the latest by time
    assert record.undo(T0) == new
    assert record.delete(old.id, T0 + timedelta(minutes=1)) == old
    assert list(record.log) == []
    assert [item.entry for item in record.trash] == [new, old]
    assert record.restore(old.id) == old
    assert list(record.log) == [old]
    with pytest.raises(EntryNotFoundError):
        record.restore(old.id)


def test_what_was_deleted_30_days_ago_is_emptied() -> None:
    trash = Trash()
    first, second = entry(T0), entry(T0)
    trash.add(first, T0)
    trash.add(second, T0 + timedelta(days=1))
    assert trash.expire(T0 + TRASH_KEEP - timedelta(seconds=1)) == 0
    assert trash.expire(T0 + TRASH_KEEP) == 1
    assert [item.entry for item in trash] == [second]
    assert trash.get(first.id) is None


def test_the_trash_keeps_the_newest_deletions_within_its_bound() -> None:
    entries = [entry(T0) for _ in range(TRASH_MAX + 5)]
    trash = Trash()
    for number, item in enumerate(entries):
        trash.add(item, T0 + timedelta(seconds=number))
    assert len(trash) == TRASH_MAX
    assert trash.get(entries[0].id) is None
    assert trash.get(entries[-1].id) == entries[-1]
