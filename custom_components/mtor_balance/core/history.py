"""Which entries stay open and which are closed history, kept per year.

A person's log is split so that logging a meal costs the same after a decade as on day one:
the *open* entries (since the start of the previous month, and always the latest meal) are
what the state, the planner and the card need, and are written on every change; older
entries are *closed*, kept per calendar year (UTC) and written only when a month closes or
an old entry is changed. Pure: the Home Assistant layer does the reading and writing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .log import IntakeLog
from .model import Entry

# Entries of the meal that ended the latest fast are kept open however old they are, so the
# fasting state never needs the closed history.
MEAL_MERGE = timedelta(minutes=45)


@dataclass(frozen=True, slots=True)
class YearSummary:
    """What the closed entries of one year are, without reading them."""

    count: int
    first: datetime
    last: datetime


def open_period_start(now: datetime) -> datetime:
    """Return the start (UTC) of the open period: the first day of the previous month."""
    now = now.astimezone(UTC)
    year, month = (now.year, now.month - 1) if now.month > 1 else (now.year - 1, 12)
    return datetime(year, month, 1, tzinfo=UTC)


def closable(log: IntakeLog, now: datetime) -> list[Entry]:
    """Return the open entries that belong to the closed history now, oldest first.

    Those before the open period, except the entries of the latest meal.
    """
    start = open_period_start(now)
    old = [entry for entry in log if entry.time < start]
    if not old:
        return []
    last_meal = log.last_meal(now, MEAL_MERGE)
    keep = set() if last_meal is None else {entry.id for entry in last_meal.entries}
    return [entry for entry in old if entry.id not in keep]


def split_import(
    open_entries: Sequence[Entry], new: Sequence[Entry], now: datetime
) -> tuple[list[Entry], dict[int, list[Entry]]]:
    """Return where imported entries go: those that stay open, and the closed by year.

    As `closable` would move them once they were in the log: before the open period,
    except the entries of the latest meal (which may be one of them). Runs off the event
    loop: an import may hold a million entries.
    """
    start = open_period_start(now)
    if all(entry.time >= start for entry in new):
        return list(new), {}
    last_meal = IntakeLog([*open_entries, *new]).last_meal(now, MEAL_MERGE)
    keep = set() if last_meal is None else {entry.id for entry in last_meal.entries}
    stay = [entry for entry in new if entry.time >= start or entry.id in keep]
    closed = [entry for entry in new if entry.time < start and entry.id not in keep]
    return stay, by_year(closed)


def by_year(entries: Iterable[Entry]) -> dict[int, list[Entry]]:
    """Return `entries` grouped by their UTC year, each group in time order."""
    years: dict[int, list[Entry]] = {}
    for entry in entries:
        years.setdefault(entry.time.astimezone(UTC).year, []).append(entry)
    for group in years.values():
        group.sort(key=lambda entry: entry.time)
    return years


def merge(*groups: Sequence[Entry]) -> list[Entry]:
    """Return the entries of `groups` in time order, each id once (the first group wins)."""
    seen: set[str] = set()
    merged: list[Entry] = []
    for group in groups:
        for entry in group:
            if entry.id not in seen:
                seen.add(entry.id)
                merged.append(entry)
    merged.sort(key=lambda entry: entry.time)
    return merged


def summarize(entries: Sequence[Entry]) -> YearSummary:
    """Return the summary of one year's (non-empty, time-ordered) entries."""
    return YearSummary(len(entries), entries[0].time, entries[-1].time)


def years_between(
    history: dict[int, YearSummary], start: datetime, end: datetime
) -> list[int]:
    """Return the closed years with entries in [start, end), oldest first."""
    return sorted(
        year
        for year, summary in history.items()
        if summary.first < end and summary.last >= start
    )
