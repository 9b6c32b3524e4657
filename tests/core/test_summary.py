"""The week at a glance: both denominators, meals at target, fasts, the plan's protein."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from custom_components.mtor_balance.core.log import IntakeLog
from custom_components.mtor_balance.core.model import (
    AgeGroup,
    DayType,
    EatingWindow,
    ManualFast,
    Profile,
)
from custom_components.mtor_balance.core.summary import last_week, summarize_days

from .factories import entry

TZ = ZoneInfo("Europe/Stockholm")
MONDAY = date(2026, 11, 2)
PROFILE = Profile(
    body_mass_kg=80.0,
    age_group=AgeGroup.ADULT,
    fast_goal_h=16.0,
    eating_window=EatingWindow(length_h=8.0, start=time(12)),
    leucine_target_g=2.5,
    protein_target_g=120.0,
)


def _at(day: date, hour: float) -> datetime:
    local = datetime.combine(day, time()).replace(tzinfo=TZ) + timedelta(hours=hour)
    return local.astimezone(UTC)


def _normal(_day: date) -> DayType:
    return DayType.NORMAL


def test_every_other_day_logged_halves_the_calendar_day_average() -> None:
    # Monday, Wednesday, Friday, Sunday: two meals at target of 30 g each.
    entries = [
        entry(_at(MONDAY + timedelta(days=offset), hour), protein_g=30.0, leucine_g=2.5)
        for offset in (0, 2, 4, 6)
        for hour in (12.0, 18.0)
    ]
    week = summarize_days(
        IntakeLog(entries), PROFILE, MONDAY, MONDAY + timedelta(days=6), TZ, _normal
    )
    assert (week.days, week.logged_days) == (7, 4)
    assert week.protein_g == 240.0
    assert week.per_day(week.protein_g) == 240.0 / 7
    assert week.per_logged_day(week.protein_g) == 60.0
    assert week.meals_at_target == 8
    assert week.protein_target_g == 7 * 120.0
    assert week.protein_share_of_target == 240.0 / 840.0
    # Fasts of 8 h or more that ended in the week: 18:00 -> 12:00 two days later (42 h)
    # three times; breakfast-to-dinner gaps (6 h) are no fasts.
    assert week.fasts == 3
    assert week.longest_fast_h == 42.0
    data = week.as_dict()
    assert data["protein_g_per_day"] == 34.3
    assert data["protein_g_per_logged_day"] == 60.0
    assert data["first_day"] == "2026-11-02"


def test_a_week_with_nothing_logged_says_so_without_dividing_by_zero() -> None:
    week = summarize_days(IntakeLog(), PROFILE, *last_week(MONDAY), TZ, _normal)
    assert (week.first, week.last) == (date(2026, 10, 26), date(2026, 11, 1))
    assert week.logged_days == 0
    assert week.per_logged_day(week.protein_g) is None
    assert week.as_dict()["median_fast_h"] is None


def test_day_types_and_fasts_entered_by_hand_count() -> None:
    def plan(day: date) -> DayType:
        return DayType.FAST if day == MONDAY else DayType.NORMAL

    by_hand = ManualFast("m", _at(MONDAY, -4), _at(MONDAY, 20))
    week = summarize_days(
        IntakeLog([entry(_at(MONDAY, 21))]),
        PROFILE,
        MONDAY,
        MONDAY + timedelta(days=1),
        TZ,
        plan,
        [by_hand],
    )
    assert week.protein_target_g == 120.0  # the fast day plans nothing
    assert (week.fasts, week.longest_fast_h) == (1, 24.0)
