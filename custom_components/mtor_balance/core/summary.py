"""A week at a glance: averages whose denominator is said, meals at target, fasts.

Pure. Averages are given twice, per calendar day (all days of the period, a day with nothing
logged counts as 0) and per logged day (only days with at least one entry): they differ
twofold for a person who logs every other day, so both are named. Fasts are the completed
fasts that ended in the period (`core.fast_history`, manual fasts included).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from typing import Any

from .days import day_bounds
from .fast_history import completed_fasts, summarize_fasts
from .log import IntakeLog
from .model import DayType, ManualFast, Profile
from .planner import daily_protein_target, meals_at_target

WEEK_DAYS = 7
# A fast between two meals of one day (breakfast to lunch) is no fast a person means.
MIN_FAST_H = 8.0


@dataclass(frozen=True, slots=True)
class PeriodSummary:
    """The summary of the days `first` to `last` (inclusive)."""

    first: date
    last: date
    days: int
    logged_days: int
    protein_g: float  # totals over the period
    leucine_g: float
    leucine_estimated: bool
    meals_at_target: int
    protein_target_g: float  # the plan's protein for the period (day types included)
    fasts: int
    longest_fast_h: float | None
    median_fast_h: float | None

    def per_day(self, total: float) -> float:
        """Return `total` per calendar day."""
        return total / self.days

    def per_logged_day(self, total: float) -> float | None:
        """Return `total` per logged day (None when nothing was logged)."""
        return None if self.logged_days == 0 else total / self.logged_days

    @property
    def protein_share_of_target(self) -> float | None:
        """Return the protein eaten as a share of the plan's (None if the plan had none)."""
        if self.protein_target_g <= 0:
            return None
        return self.protein_g / self.protein_target_g

    def as_dict(self) -> dict[str, Any]:
        """Return the summary as plain data (action responses, attributes, the card)."""
        return {
            "first_day": self.first.isoformat(),
            "last_day": self.last.isoformat(),
            "days": self.days,
            "logged_days": self.logged_days,
            "protein_g": round(self.protein_g, 1),
            "protein_g_per_day": round(self.per_day(self.protein_g), 1),
            "protein_g_per_logged_day": _rounded(
                self.per_logged_day(self.protein_g), 1
            ),
            "leucine_g": round(self.leucine_g, 2),
            "leucine_g_per_day": round(self.per_day(self.leucine_g), 2),
            "leucine_g_per_logged_day": _rounded(
                self.per_logged_day(self.leucine_g), 2
            ),
            "leucine_estimated": self.leucine_estimated,
            "meals_at_target": self.meals_at_target,
            "meals_at_target_per_day": round(self.per_day(self.meals_at_target), 2),
            "protein_target_g": round(self.protein_target_g),
            "protein_share_of_target": _rounded(self.protein_share_of_target, 2),
            "fasts": self.fasts,
            "longest_fast_h": _rounded(self.longest_fast_h, 1),
            "median_fast_h": _rounded(self.median_fast_h, 1),
        }


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def summarize_days(
    log: IntakeLog,
    profile: Profile,
    first: date,
    last: date,
    tz: tzinfo,
    day_type: Callable[[date], DayType],
    manual_fasts: Iterable[ManualFast] = (),
) -> PeriodSummary:
    """Return the summary of the days `first`..`last`; `day_type` gives each day's type."""
    merge = timedelta(minutes=profile.meal_merge_min)
    days = (last - first).days + 1
    protein = leucine = target = 0.0
    estimated = False
    logged = at_target = 0
    for offset in range(days):
        day = first + timedelta(days=offset)
        start, end = day_bounds(day, tz, profile.day_start)
        totals = log.totals(start, end)
        kind = day_type(day)
        protein += totals.protein_g
        leucine += totals.leucine_g
        estimated = estimated or totals.leucine_estimated
        logged += 1 if totals.count else 0
        at_target += meals_at_target(log, profile, start, end, kind)
        target += daily_protein_target(profile, kind)
    period_start, _ = day_bounds(first, tz, profile.day_start)
    _, period_end = day_bounds(last, tz, profile.day_start)
    # The fast that ended first in the period began before it: look back two days.
    entries = log.between(period_start - timedelta(days=2), period_end)
    fasts = [
        fast
        for fast in completed_fasts(entries, merge, manual_fasts, min_hours=MIN_FAST_H)
        if period_start <= fast.end < period_end
    ]
    fast_summary = summarize_fasts(fasts)
    return PeriodSummary(
        first=first,
        last=last,
        days=days,
        logged_days=logged,
        protein_g=protein,
        leucine_g=leucine,
        leucine_estimated=estimated,
        meals_at_target=at_target,
        protein_target_g=target,
        fasts=fast_summary.count,
        longest_fast_h=fast_summary.longest_h,
        median_fast_h=fast_summary.median_h,
    )


def last_week(today: date) -> tuple[date, date]:
    """Return the seven completed days before `today` (today is still under way)."""
    return today - timedelta(days=WEEK_DAYS), today - timedelta(days=1)
