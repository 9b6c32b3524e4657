"""Past fasts: from the end of one meal to the start of the next, and fasts entered by hand.

Pure. A fast runs from a meal's last fast-breaking entry to the next meal's first one (the
same rule as the Fasting sensors, `core.log.breaks_fast` and the meal merge), so a black
coffee never splits a fast. A fast entered by hand (for days whose meals were not logged)
replaces the logged fasts it overlaps (the person ate, but did not log it); logged meals
inside it are kept and split it.
Fasting hours are the person's goal: nothing here says what happened in the body.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
import statistics

from .log import Meal, breaks_fast, group_meals
from .model import Entry, ManualFast


@dataclass(frozen=True, slots=True)
class Fast:
    """One completed fast."""

    start: datetime
    end: datetime
    manual_id: str | None = None  # the id of a fast entered by hand

    @property
    def hours(self) -> float:
        """Return how long it lasted."""
        return (self.end - self.start).total_seconds() / 3600.0


def completed_fasts(
    entries: Sequence[Entry],
    merge: timedelta,
    manual: Iterable[ManualFast] = (),
    *,
    min_hours: float = 0.0,
) -> list[Fast]:
    """Return the completed fasts between the meals of `entries` (sorted by time).

    Fasts shorter than `min_hours` are left out (the gaps between breakfast and lunch are
    fasts too, if the caller wants them). The last meal's fast is still running, so it is
    not included; fasts before the first entry are unknown.
    """
    breaking = sorted((e for e in entries if breaks_fast(e)), key=lambda e: e.time)
    meals = group_meals(breaking, merge)
    logged = [
        Fast(before.end, after.start)
        for before, after in pairwise(meals)
        if after.start > before.end
    ]
    by_hand = sorted(
        (
            Fast(fast.start, fast.end, fast.id)
            for fast in manual
            if fast.end > fast.start
        ),
        key=lambda fast: fast.start,
    )
    if by_hand:
        kept = [
            fast
            for fast in logged
            if not any(m.start < fast.end and fast.start < m.end for m in by_hand)
        ]
        logged = kept + [part for fast in by_hand for part in _split(fast, meals)]
    found = [fast for fast in logged if fast.hours >= min_hours]
    return sorted(found, key=lambda fast: fast.start)


def _split(fast: Fast, meals: Sequence[Meal]) -> list[Fast]:
    """Split a fast entered by hand at the logged meals inside it."""
    parts: list[Fast] = []
    start = fast.start
    for meal in meals:
        if fast.start < meal.start < fast.end:
            if meal.start > start:
                parts.append(Fast(start, meal.start, fast.manual_id))
            start = max(start, meal.end)
    if fast.end > start:
        parts.append(Fast(start, fast.end, fast.manual_id))
    return parts


@dataclass(frozen=True, slots=True)
class FastSummary:
    """The fasts of a period: how many, the longest and the median, in hours."""

    count: int
    longest_h: float | None
    median_h: float | None


def summarize_fasts(fasts: Sequence[Fast]) -> FastSummary:
    """Return the count, longest and median of `fasts`."""
    if not fasts:
        return FastSummary(0, None, None)
    hours = [fast.hours for fast in fasts]
    return FastSummary(len(hours), max(hours), statistics.median(hours))
