"""The intake log: entries in time order, day totals and meals."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from .model import Entry

# Intake below both limits (black coffee, tea, water with electrolytes) does not break a fast.
# Leucine itself signals mTOR, so even a few hundred milligrams of it does (nutrition.md §4).
NON_CALORIC_KCAL = 15.0
NON_BREAKING_LEUCINE_G = 0.2
_JUST_BEFORE = timedelta(microseconds=1)


def breaks_fast(entry: Entry) -> bool:
    """Return whether this intake ends a fast."""
    return entry.kcal >= NON_CALORIC_KCAL or entry.leucine_g >= NON_BREAKING_LEUCINE_G


@dataclass(frozen=True, slots=True)
class Totals:
    """Summed nutrients of some entries."""

    protein_g: float = 0.0
    leucine_g: float = 0.0
    kcal: float = 0.0
    leucine_estimated: bool = False
    count: int = 0


@dataclass(frozen=True, slots=True)
class Meal:
    """Fast-breaking entries eaten close together; together they count as one feeding."""

    entries: tuple[Entry, ...]

    @property
    def start(self) -> datetime:
        """When the meal began."""
        return self.entries[0].time

    @property
    def end(self) -> datetime:
        """When the last part of the meal was logged."""
        return self.entries[-1].time

    @property
    def leucine_g(self) -> float:
        """Leucine in the whole meal."""
        return sum(entry.leucine_g for entry in self.entries)

    @property
    def protein_g(self) -> float:
        """Protein in the whole meal."""
        return sum(entry.protein_g for entry in self.entries)

    @property
    def leucine_estimated(self) -> bool:
        """Whether any part of the meal's leucine was estimated from protein."""
        return any(entry.leucine_estimated for entry in self.entries)


class EntryNotFoundError(KeyError):
    """No entry has the given id."""


class IntakeLog:
    """All intake of one person, kept sorted by time, with undo of the latest additions.

    Times are kept as a parallel list of POSIX timestamps so that range queries are binary
    searches: ten years of history (about 30,000 entries) cost microseconds per query.
    """

    __slots__ = ("_added", "_entries", "_stamps")

    def __init__(self, entries: Sequence[Entry] = ()) -> None:
        """Create a log holding `entries` (in any order)."""
        self._entries: list[Entry] = sorted(entries, key=_sort_key)
        self._stamps: list[float] = [entry.time.timestamp() for entry in self._entries]
        self._added: list[str] = []  # ids of entries added since load, newest last

    def __len__(self) -> int:
        """Return the number of entries."""
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        """Iterate over the entries in time order."""
        return iter(self._entries)

    def __reversed__(self) -> Iterator[Entry]:
        """Iterate over the entries, newest first."""
        return reversed(self._entries)

    @property
    def last(self) -> Entry | None:
        """Return the latest entry by time."""
        return self._entries[-1] if self._entries else None

    def add(self, entry: Entry) -> None:
        """Add an entry; back-dated entries take their place in time order."""
        stamp = entry.time.timestamp()
        index = bisect_right(self._stamps, stamp)
        self._entries.insert(index, entry)
        self._stamps.insert(index, stamp)
        self._added.append(entry.id)

    def extend(self, entries: Sequence[Entry]) -> None:
        """Add many entries at once (an import); they are not undone one by one."""
        self._entries = sorted([*self._entries, *entries], key=_sort_key)
        self._stamps = [entry.time.timestamp() for entry in self._entries]

    def next_undo(self) -> Entry | None:
        """Return the entry `undo` would remove (None: nothing added since load)."""
        for entry_id in reversed(self._added):
            if (entry := self.get(entry_id)) is not None:
                return entry
        return None

    def adopt(
        self, since: Sequence[Entry], entries: list[Entry], stamps: list[float]
    ) -> bool:
        """Take `entries` (from `merged_entries`) if the log still holds just `since`.

        The big sort of an import runs off the event loop on a copy of the log; it is
        taken only if nothing changed meanwhile (else False: `extend` instead).
        """
        if self._entries != since:
            return False
        self._entries, self._stamps = entries, stamps
        return True

    def undo(self) -> Entry | None:
        """Remove the most recently added entry that still exists; return it."""
        while self._added:
            entry_id = self._added.pop()
            try:
                return self._remove(entry_id)
            except EntryNotFoundError:
                continue
        return None

    def delete(self, entry_id: str) -> Entry:
        """Remove the entry with `entry_id` and return it."""
        return self._remove(entry_id)

    def discard(self, entry_ids: set[str]) -> None:
        """Remove the entries with these ids (ids not in the log are ignored)."""
        kept = [
            (entry, stamp)
            for entry, stamp in zip(self._entries, self._stamps, strict=True)
            if entry.id not in entry_ids
        ]
        self._entries = [entry for entry, _ in kept]
        self._stamps = [stamp for _, stamp in kept]

    def between(self, start: datetime, end: datetime) -> Sequence[Entry]:
        """Return the entries with start <= time < end, in time order."""
        low = bisect_left(self._stamps, start.timestamp())
        high = bisect_left(self._stamps, end.timestamp(), lo=low)
        return self._entries[low:high]

    def totals(self, start: datetime, end: datetime) -> Totals:
        """Return the summed nutrients of the entries with start <= time < end."""
        entries = self.between(start, end)
        return Totals(
            protein_g=sum(entry.protein_g for entry in entries),
            leucine_g=sum(entry.leucine_g for entry in entries),
            kcal=sum(entry.kcal for entry in entries),
            leucine_estimated=any(entry.leucine_estimated for entry in entries),
            count=len(entries),
        )

    def meals(self, start: datetime, end: datetime, merge: timedelta) -> list[Meal]:
        """Return the meals that begin in [start, end).

        A meal gathers fast-breaking entries that follow each other by at most `merge`.
        A meal that began before `start` is left out even if it continues past it, so the
        same meal is never counted on two days.
        """
        meals = group_meals(self.between(start, end), merge)
        if meals:
            earlier = self.last_meal(start - _JUST_BEFORE, merge)
            if earlier is not None and meals[0].start - earlier.end <= merge:
                meals.pop(0)
        return meals

    def last_meal(self, before: datetime, merge: timedelta) -> Meal | None:
        """Return the meal holding the latest fast-breaking entry at or before `before`."""
        index = bisect_right(self._stamps, before.timestamp())
        while index > 0 and not breaks_fast(self._entries[index - 1]):
            index -= 1
        if index == 0:
            return None
        parts = [self._entries[index - 1]]
        index -= 1
        while index > 0:
            previous = self._entries[index - 1]
            index -= 1
            if not breaks_fast(previous):
                continue
            if parts[-1].time - previous.time > merge:
                break
            parts.append(previous)
        return Meal(tuple(reversed(parts)))

    def get(self, entry_id: str) -> Entry | None:
        """Return the entry with this id, or None."""
        try:
            return self._entries[self._index_of(entry_id)]
        except EntryNotFoundError:
            return None

    def _index_of(self, entry_id: str) -> int:
        for index in range(len(self._entries) - 1, -1, -1):
            if self._entries[index].id == entry_id:
                return index
        raise EntryNotFoundError(entry_id)

    def _remove(self, entry_id: str) -> Entry:
        index = self._index_of(entry_id)
        del self._stamps[index]
        return self._entries.pop(index)


def merged_entries(
    entries: Sequence[Entry], more: Sequence[Entry]
) -> tuple[list[Entry], list[float]]:
    """Return `entries` and `more` in time order, and their timestamps (`IntakeLog.adopt`)."""
    merged = sorted([*entries, *more], key=_sort_key)
    return merged, [entry.time.timestamp() for entry in merged]


def group_meals(entries: Sequence[Entry], merge: timedelta) -> list[Meal]:
    """Group time-ordered entries into meals of fast-breaking entries at most `merge` apart."""
    meals: list[Meal] = []
    current: list[Entry] = []
    for entry in entries:
        if not breaks_fast(entry):
            continue
        if current and entry.time - current[-1].time > merge:
            meals.append(Meal(tuple(current)))
            current = []
        current.append(entry)
    if current:
        meals.append(Meal(tuple(current)))
    return meals


def _sort_key(entry: Entry) -> datetime:
    return entry.time
