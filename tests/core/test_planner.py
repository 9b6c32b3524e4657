"""Tests for the meal planner (nutrition.md §4)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import count
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.mtor_balance.core.days import day_bounds, day_of
from custom_components.mtor_balance.core.fasting import fasting_state
from custom_components.mtor_balance.core.log import IntakeLog, Meal
from custom_components.mtor_balance.core.model import (
    AgeGroup,
    DayType,
    EatingWindow,
    Entry,
    Profile,
    Source,
    default_leucine_target_g,
    default_protein_target_g,
)
from custom_components.mtor_balance.core.planner import (
    Reason,
    Suggestion,
    eating_window_on,
    meal_targets,
    planned_day_type,
    refractory_period,
    suggest_next_meal,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")
_ids = count()

# 2026-06-08 is a Monday; 2026-06-10 a Wednesday (plan index 2).
WED = date(2026, 6, 10)


def window_is_open(log: IntakeLog, profile: Profile, now: datetime, tz: tzinfo) -> bool:
    """Return whether today's eating window, or one still open since yesterday, holds `now`."""
    today = day_of(now, tz, profile.day_start)
    for day in (today, today - timedelta(days=1)):
        window = eating_window_on(log, profile, day, tz)
        if window is not None and window[0] <= now < window[1]:
            return True
    return False


def local(day: date, hour: int, minute: int = 0, tz: tzinfo = STOCKHOLM) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def entry(
    when: datetime,
    leucine: float,
    protein: float | None = None,
    kcal: float = 400.0,
    *,
    estimated: bool = False,
) -> Entry:
    return Entry(
        id=str(next(_ids)),
        time=when.astimezone(UTC),
        name="food",
        protein_g=leucine * 12.5 if protein is None else protein,
        leucine_g=leucine,
        kcal=kcal,
        leucine_estimated=estimated,
        source=Source.ACTION,
    )


def make_profile(
    *,
    start: time | None = time(12),
    length_h: float = 8.0,
    fast_goal_h: float = 16.0,
    **changes: object,
) -> Profile:
    base = Profile(
        body_mass_kg=80.0,
        age_group=AgeGroup.ADULT,
        fast_goal_h=fast_goal_h,
        eating_window=EatingWindow(length_h=length_h, start=start),
        leucine_target_g=2.5,
        protein_target_g=128.0,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def suggest(
    entries: list[Entry],
    now: datetime,
    profile: Profile | None = None,
    **kwargs: object,
) -> Suggestion:
    return suggest_next_meal(
        IntakeLog(entries),
        profile or make_profile(),
        now=now,
        tz=STOCKHOLM,
        **kwargs,  # type: ignore[arg-type]
    )


def plan_with(
    day: date, day_type: DayType, rest: DayType = DayType.NORMAL
) -> tuple[DayType, ...]:
    plan = [rest] * 7
    plan[day.weekday()] = day_type
    return tuple(plan)


# nutrition.md §4 example


def test_example_last_meal_1210_with_3_1_g_leucine() -> None:
    last = entry(local(WED, 12, 10), 3.1, 38.0)
    result = suggest([last], local(WED, 12, 40))
    assert result.reason is Reason.REFRACTORY
    assert result.time == local(WED, 15, 10)
    assert result.window_closes == local(WED, 20)
    assert result.fast_ends == local(WED + timedelta(days=1), 4, 10)
    assert result.target_leucine_g == 2.5
    assert result.target_protein_g == 43.0  # 128 g / 3
    assert result.estimated is False
    assert result.time.tzinfo is UTC


# Step 2: refractory spacing


def _meal(leucine: float, protein: float, kcal: float = 400.0) -> Meal:
    return Meal((entry(local(WED, 12), leucine, protein, kcal),))


@pytest.mark.parametrize(
    ("leucine", "protein", "hours"),
    [
        (2.0, 25.0, 3),  # effective: 2.0 >= 0.8 x 2.5
        (3.1, 38.0, 3),
        (5.0, 40.0, 4),  # leucine 2x target
        (3.0, 48.0, 4),  # protein 0.6 g/kg at 80 kg
        (7.5, 60.0, 5),  # leucine 3x target
        (3.0, 72.0, 5),  # protein 0.9 g/kg
        (12.0, 150.0, 5),  # capped
        (1.9, 24.0, 1),  # sub-threshold: top up
        (0.0, 0.0, 0),  # protein unknown: no spacing
    ],
)
def test_refractory_period(leucine: float, protein: float, hours: int) -> None:
    assert refractory_period(_meal(leucine, protein), make_profile()) == timedelta(
        hours=hours
    )


def test_top_up_after_a_sub_threshold_meal() -> None:
    result = suggest([entry(local(WED, 13), 1.0)], local(WED, 13, 20))
    assert result.reason is Reason.TOP_UP
    assert result.time == local(WED, 14)


def test_a_snack_does_not_cut_the_spacing_of_an_effective_meal_short() -> None:
    entries = [entry(local(WED, 12), 3.0), entry(local(WED, 13, 30), 0.8)]
    result = suggest(entries, local(WED, 13, 40))
    assert result.reason is Reason.REFRACTORY
    assert result.time == local(WED, 15)


def test_a_large_meal_waits_longer() -> None:
    result = suggest([entry(local(WED, 12), 5.5, 55.0)], local(WED, 12, 30))
    assert result.reason is Reason.REFRACTORY
    assert result.time == local(WED, 16)


def test_unknown_protein_applies_no_spacing() -> None:
    result = suggest([entry(local(WED, 13), 0.0, 0.0, kcal=500.0)], local(WED, 13, 10))
    assert result.reason is Reason.NOW
    assert result.time == local(WED, 13, 10)


def test_now_when_the_spacing_has_passed() -> None:
    result = suggest([entry(local(WED, 12), 3.0)], local(WED, 16))
    assert result.reason is Reason.NOW
    assert result.time == local(WED, 16)
    assert result.window_closes == local(WED, 20)


def test_entries_merged_within_45_min_count_as_one_meal() -> None:
    entries = [entry(local(WED, 12), 1.2), entry(local(WED, 12, 30), 1.2)]
    result = suggest(entries, local(WED, 12, 40))
    assert result.reason is Reason.REFRACTORY  # 2.4 g together reach 2.0 g
    assert result.time == local(WED, 15, 30)


def test_non_caloric_entries_are_ignored() -> None:
    coffee = entry(local(WED, 13), 0.0, 0.3, kcal=5.0)
    result = suggest([entry(local(WED, 12), 3.0), coffee], local(WED, 13, 10))
    assert result.time == local(WED, 15)


def test_estimated_leucine_is_flagged() -> None:
    result = suggest([entry(local(WED, 12), 3.0, estimated=True)], local(WED, 12, 30))
    assert result.estimated is True


def test_naive_now_is_rejected() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        suggest([], datetime(2026, 6, 10, 12))  # noqa: DTZ001


def test_now_in_another_time_zone_is_fine() -> None:
    result = suggest(
        [entry(local(WED, 12), 3.0)],
        local(WED, 12, 30).astimezone(ZoneInfo("Asia/Tokyo")),
    )
    assert result.time == local(WED, 15)
    assert result.time.tzinfo is UTC


def test_entries_after_now_are_ignored() -> None:
    entries = [entry(local(WED, 12), 3.0), entry(local(WED, 14), 3.0)]
    result = suggest(entries, local(WED, 12, 30))
    assert result.time == local(WED, 15)


# No history


def test_no_history_inside_the_window_is_now() -> None:
    result = suggest([], local(WED, 13))
    assert result.reason is Reason.NO_HISTORY
    assert result.time == local(WED, 13)
    assert result.fast_ends is None
    assert result.estimated is False


def test_no_history_before_the_window_is_its_opening() -> None:
    result = suggest([], local(WED, 8))
    assert result.reason is Reason.NO_HISTORY
    assert result.time == local(WED, 12)
    assert result.window_closes == local(WED, 20)


def test_no_history_after_the_window_is_the_next_opening() -> None:
    result = suggest([], local(WED, 21))
    assert result.reason is Reason.NO_HISTORY
    assert result.time == local(WED + timedelta(days=1), 12)


def test_no_history_with_a_flexible_window_is_now() -> None:
    result = suggest([], local(WED, 6), make_profile(start=None))
    assert result.reason is Reason.NO_HISTORY
    assert result.time == local(WED, 6)
    assert result.window_closes is None


# Fasting goal and the fixed window (step 3)


def test_the_fast_breaking_meal_waits_for_the_fasting_goal() -> None:
    result = suggest(
        [entry(local(WED - timedelta(days=1), 21), 3.0)], local(WED, 12, 30)
    )
    assert result.reason is Reason.FAST_GOAL
    assert result.time == local(WED, 13)
    assert result.fast_ends == local(WED, 13)


def test_fasting_goal_reached_in_the_last_half_hour_is_kept() -> None:
    result = suggest(
        [entry(local(WED - timedelta(days=1), 15, 45), 3.0)],
        local(WED, 12),
        make_profile(fast_goal_h=28.0),
    )
    assert result.reason is Reason.FAST_GOAL
    assert result.time == local(WED, 19, 45)


def test_fasting_goal_after_the_window_skips_the_window() -> None:
    result = suggest(
        [entry(local(WED - timedelta(days=1), 19), 3.0)],
        local(WED, 12, 30),
        make_profile(fast_goal_h=30.0),
    )
    # The goal (01:00 Thursday) is outside any window: Thursday's window opens at 12:00.
    assert result.reason is Reason.NEXT_WINDOW
    assert result.time == local(WED + timedelta(days=1), 12)
    assert result.window_closes == local(WED + timedelta(days=1), 20)


def test_fasting_goal_inside_the_next_window() -> None:
    result = suggest(
        [entry(local(WED, 19), 3.0)], local(WED, 21), make_profile(fast_goal_h=18.0)
    )
    assert result.reason is Reason.FAST_GOAL
    assert result.time == local(WED + timedelta(days=1), 13)


def test_fasting_goal_in_a_later_window_skips_todays() -> None:
    result = suggest(
        [entry(local(WED - timedelta(days=1), 19), 3.0)],
        local(WED, 9),
        make_profile(fast_goal_h=42.0),
    )
    assert result.reason is Reason.FAST_GOAL
    assert result.time == local(WED + timedelta(days=1), 13)
    assert result.window_closes == local(WED + timedelta(days=1), 20)


def test_waiting_for_the_window_to_open() -> None:
    result = suggest([entry(local(WED - timedelta(days=1), 19), 3.0)], local(WED, 9))
    assert result.reason is Reason.WINDOW_OPENS
    assert result.time == local(WED, 12)
    assert result.window_closes == local(WED, 20)


def test_next_window_after_the_window_closed() -> None:
    result = suggest([entry(local(WED, 19), 3.0)], local(WED, 21))
    assert result.reason is Reason.NEXT_WINDOW
    assert result.time == local(WED + timedelta(days=1), 12)
    assert result.fast_ends == local(WED + timedelta(days=1), 11)


# Step 6: the window closes


def test_last_chance_when_fewer_than_two_effective_meals() -> None:
    result = suggest([entry(local(WED, 17, 30), 3.0)], local(WED, 18))
    assert result.reason is Reason.LAST_CHANCE
    assert result.time == local(WED, 19, 30)
    assert result.window_closes == local(WED, 20)


def test_next_window_when_two_effective_meals_were_eaten() -> None:
    entries = [entry(local(WED, 12), 3.0), entry(local(WED, 17, 30), 3.0)]
    result = suggest(entries, local(WED, 18))
    assert result.reason is Reason.NEXT_WINDOW
    assert result.time == local(WED + timedelta(days=1), 12)


def test_last_chance_keeps_an_hour_after_the_previous_meal() -> None:
    result = suggest([entry(local(WED, 18, 45), 3.0)], local(WED, 19))
    assert result.reason is Reason.LAST_CHANCE
    assert result.time == local(WED, 19, 45)


def test_no_last_chance_when_no_separate_meal_fits() -> None:
    result = suggest([entry(local(WED, 19, 10), 3.0)], local(WED, 19, 20))
    assert result.reason is Reason.NEXT_WINDOW
    assert result.time == local(WED + timedelta(days=1), 12)


def test_last_chance_is_now_late_in_the_window() -> None:
    result = suggest([], local(WED, 19, 45))
    assert result.reason is Reason.LAST_CHANCE
    assert result.time == local(WED, 19, 45)


def test_last_chance_after_a_top_up_that_does_not_fit() -> None:
    result = suggest([entry(local(WED, 19), 1.0)], local(WED, 19, 10))
    # The top-up at 20:00 would be at the close: last chance half an hour before is too soon.
    assert result.reason is Reason.NEXT_WINDOW


# Step 5: training


def test_post_training_meal() -> None:
    result = suggest(
        [entry(local(WED, 12, 10), 3.1, 38.0)],
        local(WED, 13),
        training_end=local(WED, 15, 30),
    )
    assert result.reason is Reason.POST_TRAINING
    assert result.time == local(WED, 16)


def test_training_that_ended_recently_moves_the_meal_earlier() -> None:
    result = suggest(
        [entry(local(WED, 12), 3.0)],
        local(WED, 14, 20),
        training_end=local(WED, 14, 10),
    )
    assert result.reason is Reason.POST_TRAINING
    assert result.time == local(WED, 14, 40)


def test_training_too_soon_after_a_meal_is_ignored() -> None:
    result = suggest(
        [entry(local(WED, 12), 3.0)],
        local(WED, 12, 30),
        training_end=local(WED, 13, 30),
    )
    assert result.reason is Reason.REFRACTORY
    assert result.time == local(WED, 15)


def test_a_meal_that_fits_before_training_is_kept() -> None:
    result = suggest(
        [entry(local(WED, 12), 3.0)],
        local(WED, 12, 30),
        training_end=local(WED, 18),
    )
    assert result.reason is Reason.REFRACTORY
    assert result.time == local(WED, 15)


def test_training_long_ago_is_ignored() -> None:
    result = suggest(
        [entry(local(WED, 12), 3.0)],
        local(WED, 12, 30),
        training_end=local(WED, 9),
    )
    assert result.reason is Reason.REFRACTORY


def test_fasted_training_ends_the_fast() -> None:
    result = suggest(
        [entry(local(WED - timedelta(days=1), 21), 3.0)],
        local(WED, 12),
        training_end=local(WED, 12, 15),
    )
    assert result.reason is Reason.POST_TRAINING
    assert result.time == local(WED, 12, 45)


def test_training_before_the_window_feeds_at_its_opening() -> None:
    result = suggest(
        [entry(local(WED - timedelta(days=1), 19), 3.0)],
        local(WED, 10),
        training_end=local(WED, 11, 20),
    )
    assert result.reason is Reason.POST_TRAINING
    assert result.time == local(WED, 12)


def test_training_ending_at_the_close_becomes_last_chance() -> None:
    result = suggest(
        [entry(local(WED, 12), 3.0)],
        local(WED, 19, 40),
        training_end=local(WED, 19, 45),
    )
    assert result.reason is Reason.LAST_CHANCE
    assert result.time == local(WED, 19, 40)


def test_training_late_in_a_window_that_has_not_opened_yet() -> None:
    result = suggest(
        [entry(local(WED - timedelta(days=1), 15, 45), 3.0)],
        local(WED, 10),
        make_profile(fast_goal_h=28.0),
        training_end=local(WED, 19, 40),
    )
    # Fed after training (20:10) would be past the close: eat by 19:30 instead.
    assert result.reason is Reason.LAST_CHANCE
    assert result.time == local(WED, 19, 30)


def test_training_without_history() -> None:
    result = suggest([], local(WED, 13), training_end=local(WED, 14))
    assert result.reason is Reason.POST_TRAINING
    assert result.time == local(WED, 14, 30)


def test_training_with_a_flexible_window() -> None:
    result = suggest(
        [entry(local(WED - timedelta(days=1), 20), 3.0)],
        local(WED, 8),
        make_profile(start=None),
        training_end=local(WED, 9),
    )
    assert result.reason is Reason.POST_TRAINING
    assert result.time == local(WED, 9, 30)
    assert result.window_closes is None


def test_training_is_not_fed_on_a_fast_day() -> None:
    thursday = WED + timedelta(days=1)
    result = suggest(
        [entry(local(WED - timedelta(days=1), 20), 3.0)],
        local(WED, 23),
        make_profile(start=None, plan=plan_with(thursday, DayType.FAST)),
        training_end=local(thursday, 0, 30),
    )
    assert result.reason is Reason.NOW
    assert result.time == local(WED, 23)


# Windows: midnight, DST, short windows


def test_window_crossing_midnight_is_still_current() -> None:
    profile = make_profile(start=time(18), length_h=8.0)
    thursday = WED + timedelta(days=1)
    assert eating_window_on(IntakeLog(), profile, WED, STOCKHOLM) == (
        local(WED, 18),
        local(thursday, 2),
    )
    assert window_is_open(IntakeLog(), profile, local(thursday, 1), STOCKHOLM)
    assert not window_is_open(IntakeLog(), profile, local(thursday, 3), STOCKHOLM)
    result = suggest([entry(local(WED, 22), 3.0)], local(thursday, 0, 30), profile)
    assert result.reason is Reason.REFRACTORY
    assert result.time == local(thursday, 1)
    assert result.window_closes == local(thursday, 2)


def test_after_a_midnight_window_the_next_opens_today() -> None:
    profile = make_profile(start=time(18), length_h=8.0)
    thursday = WED + timedelta(days=1)
    entries = [entry(local(WED, 18), 3.0), entry(local(WED, 22), 3.0)]
    result = suggest(entries, local(thursday, 3), profile)
    assert result.reason is Reason.WINDOW_OPENS
    assert result.time == local(thursday, 18)


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [(date(2026, 3, 29), 10), (date(2026, 10, 25), 11), (date(2026, 3, 28), 11)],
)
def test_window_start_on_daylight_saving_days(day: date, utc_hour: int) -> None:
    start, end = eating_window_on(IntakeLog(), make_profile(), day, STOCKHOLM) or (
        None,
        None,
    )
    assert start == datetime(day.year, day.month, day.day, utc_hour, tzinfo=UTC)
    assert end == local(day, 20)


@pytest.mark.parametrize("day", [date(2026, 3, 29), date(2026, 10, 25)])
def test_next_window_over_a_daylight_saving_night(day: date) -> None:
    evening = day - timedelta(days=1)
    result = suggest([entry(local(evening, 19), 3.0)], local(evening, 21))
    assert result.reason is Reason.NEXT_WINDOW
    assert result.time == local(day, 12)
    assert result.time.astimezone(STOCKHOLM).hour == 12


def test_night_window_over_the_spring_change_is_a_clock_window() -> None:
    profile = make_profile(start=time(22), length_h=8.0)
    start, end = eating_window_on(
        IntakeLog(), profile, date(2026, 3, 28), STOCKHOLM
    ) or (None, None)
    assert start == local(date(2026, 3, 28), 22)
    assert end == local(date(2026, 3, 29), 6)
    assert start is not None
    assert end - start == timedelta(hours=7)


def test_window_starting_in_the_skipped_hour() -> None:
    profile = make_profile(start=time(2, 30), length_h=0.5)
    start, end = eating_window_on(
        IntakeLog(), profile, date(2026, 3, 29), STOCKHOLM
    ) or (None, None)
    assert start == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST
    assert end == datetime(2026, 3, 29, 2, tzinfo=UTC)


def test_window_before_the_day_start_belongs_to_the_day_ending_then() -> None:
    profile = make_profile(start=time(2), length_h=2.0, day_start=time(4))
    thursday = WED + timedelta(days=1)
    assert eating_window_on(IntakeLog(), profile, WED, STOCKHOLM) == (
        local(thursday, 2),
        local(thursday, 4),
    )


def test_short_window_spaces_meals_at_half_the_window() -> None:
    profile = make_profile(start=time(16), length_h=4.0)
    result = suggest([entry(local(WED, 16), 3.0)], local(WED, 16, 30), profile)
    assert result.reason is Reason.REFRACTORY
    assert result.time == local(WED, 18)
    assert result.window_closes == local(WED, 20)
    # Two meals of half the daily protein, within 0.4-0.6 g/kg: 64 g capped at 48 g.
    assert result.target_protein_g == 48.0


def test_short_window_protein_is_at_least_0_4_g_per_kg() -> None:
    profile = make_profile(start=time(16), length_h=4.0, protein_target_g=50.0)
    assert meal_targets(profile, DayType.NORMAL) == (2.5, 32.0)


def test_window_length_is_kept_within_a_day() -> None:
    profile = make_profile(start=time(0), length_h=30.0)
    start, end = eating_window_on(IntakeLog(), profile, WED, STOCKHOLM) or (None, None)
    assert start is not None
    assert end == start + timedelta(hours=24)


def test_always_open_window_spans_the_autumn_change() -> None:
    profile = make_profile(start=time(0), length_h=24.0)
    night = datetime(2026, 10, 25, 22, 30, tzinfo=UTC)  # 23:30 CET, the 25-hour day
    assert window_is_open(IntakeLog(), profile, night, STOCKHOLM)
    result = suggest([], night, profile)
    assert result.reason is Reason.NO_HISTORY
    assert result.time == night


# Flexible window: opens with the first meal


def test_flexible_window_waits_for_the_fasting_goal() -> None:
    profile = make_profile(start=None)
    result = suggest(
        [entry(local(WED - timedelta(days=1), 19), 3.0)], local(WED, 8), profile
    )
    assert result.reason is Reason.FAST_GOAL
    assert result.time == local(WED, 11)
    assert result.window_closes is None


def test_flexible_window_now_when_the_goal_is_reached() -> None:
    profile = make_profile(start=None)
    result = suggest(
        [entry(local(WED - timedelta(days=1), 19), 3.0)], local(WED, 11, 30), profile
    )
    assert result.reason is Reason.NOW
    assert result.time == local(WED, 11, 30)


def test_flexible_window_opens_with_the_first_meal() -> None:
    profile = make_profile(start=None)
    log = IntakeLog([entry(local(WED, 11), 3.0), entry(local(WED, 14), 3.0)])
    assert eating_window_on(log, profile, WED, STOCKHOLM) == (
        local(WED, 11),
        local(WED, 19),
    )
    assert eating_window_on(log, profile, WED + timedelta(days=1), STOCKHOLM) is None
    assert window_is_open(log, profile, local(WED, 18), STOCKHOLM)
    assert not window_is_open(log, profile, local(WED, 19), STOCKHOLM)
    result = suggest_next_meal(log, profile, now=local(WED, 14, 30), tz=STOCKHOLM)
    assert result.reason is Reason.REFRACTORY
    assert result.time == local(WED, 17)
    assert result.window_closes == local(WED, 19)


def test_flexible_window_refractory() -> None:
    profile = make_profile(start=None)
    result = suggest([entry(local(WED, 11), 3.0)], local(WED, 11, 30), profile)
    assert result.reason is Reason.REFRACTORY
    assert result.time == local(WED, 14)
    assert result.window_closes == local(WED, 19)


def test_flexible_window_closed_suggests_the_next_day() -> None:
    profile = make_profile(start=None, fast_goal_h=4.0)
    entries = [entry(local(WED, 8), 3.0), entry(local(WED, 12), 3.0)]
    result = suggest(entries, local(WED, 17), profile)
    assert result.reason is Reason.NEXT_WINDOW
    assert result.time == local(WED + timedelta(days=1), 0)


def test_flexible_window_closed_waits_for_the_fasting_goal() -> None:
    profile = make_profile(start=None)
    entries = [entry(local(WED, 8), 3.0), entry(local(WED, 15), 3.0)]
    result = suggest(entries, local(WED, 17), profile)
    assert result.reason is Reason.FAST_GOAL
    assert result.time == local(WED + timedelta(days=1), 7)


def test_flexible_window_crossing_midnight() -> None:
    profile = make_profile(start=None)
    thursday = WED + timedelta(days=1)
    result = suggest([entry(local(WED, 20), 3.0)], local(thursday, 0, 30), profile)
    assert result.reason is Reason.NOW
    assert result.window_closes == local(thursday, 4)


def test_flexible_fasting_goal_on_a_fast_day_moves_to_the_next_eating_day() -> None:
    thursday = WED + timedelta(days=1)
    profile = make_profile(start=None, plan=plan_with(thursday, DayType.FAST))
    result = suggest(
        [entry(local(WED - timedelta(days=1), 23), 3.0)], local(WED, 9), profile
    )
    assert result.reason is Reason.FAST_GOAL
    assert result.time == local(WED, 15)
    result = suggest(
        [entry(local(WED, 10), 3.0)],
        local(WED, 20),
        replace(profile, fast_goal_h=20.0),
    )
    assert result.reason is Reason.NEXT_WINDOW
    assert result.time == local(thursday + timedelta(days=1), 0)


def test_flexible_fasting_goal_ending_on_a_fast_day() -> None:
    thursday = WED + timedelta(days=1)
    profile = make_profile(
        start=None, fast_goal_h=30.0, plan=plan_with(thursday, DayType.FAST)
    )
    result = suggest(
        [entry(local(WED - timedelta(days=1), 20), 3.0)], local(WED, 9), profile
    )
    assert result.reason is Reason.NEXT_WINDOW
    assert result.time == local(thursday + timedelta(days=1), 0)


def test_eating_window_is_cut_before_a_fast_day() -> None:
    thursday = WED + timedelta(days=1)
    profile = make_profile(
        start=time(18), length_h=8.0, plan=plan_with(thursday, DayType.FAST)
    )
    result = suggest([entry(local(WED, 22), 3.0)], local(WED, 23), profile)
    # The window would run to 02:00 but Thursday is a fast day: it ends at midnight.
    assert result.reason is Reason.LAST_CHANCE
    assert result.time == local(WED, 23, 30)
    assert result.window_closes == local(thursday, 0)


# Day types


def test_day_type_from_the_plan_monday_first() -> None:
    plan = (
        DayType.FAST,
        DayType.NORMAL,
        DayType.HIGH_PROTEIN,
        DayType.LOW_PROTEIN,
        DayType.NORMAL,
        DayType.NORMAL,
        DayType.NORMAL,
    )
    profile = make_profile(plan=plan)
    assert planned_day_type(profile, date(2026, 6, 8)) is DayType.FAST
    assert planned_day_type(profile, WED) is DayType.HIGH_PROTEIN
    assert planned_day_type(make_profile(plan=()), WED) is DayType.NORMAL
    assert (
        planned_day_type(make_profile(plan=(DayType.LOW_PROTEIN,)), WED)
        is DayType.LOW_PROTEIN
    )


def test_normal_day_targets() -> None:
    result = suggest([], local(WED, 13), day_type=DayType.NORMAL)
    assert (result.target_leucine_g, result.target_protein_g) == (2.5, 43.0)


def test_fast_day_waits_for_the_next_days_window() -> None:
    result = suggest(
        [entry(local(WED - timedelta(days=1), 19), 3.0)],
        local(WED, 13),
        day_type=DayType.FAST,
    )
    assert result.reason is Reason.FAST_DAY
    assert result.time == local(WED + timedelta(days=1), 12)
    assert result.window_closes == local(WED + timedelta(days=1), 20)
    assert result.target_protein_g == 43.0


def test_fast_day_waits_24_hours_after_a_meal_on_the_fast_day() -> None:
    result = suggest(
        [entry(local(WED, 13), 3.0)], local(WED, 14), day_type=DayType.FAST
    )
    assert result.reason is Reason.FAST_DAY
    assert result.time == local(WED + timedelta(days=1), 13)


def test_fast_day_from_the_plan() -> None:
    profile = make_profile(plan=plan_with(WED, DayType.FAST))
    result = suggest(
        [entry(local(WED - timedelta(days=1), 13), 3.0)], local(WED, 13), profile
    )
    assert result.reason is Reason.FAST_DAY
    assert result.time == local(WED + timedelta(days=1), 12)


def test_fast_day_late_meal_moves_to_a_later_window() -> None:
    result = suggest(
        [entry(local(WED, 21), 3.0)], local(WED, 22), day_type=DayType.FAST
    )
    # 24 h after 21:00 is after Thursday's window: Friday's opening.
    assert result.reason is Reason.FAST_DAY
    assert result.time == local(WED + timedelta(days=2), 12)


def test_fast_day_without_history() -> None:
    result = suggest([], local(WED, 13), day_type=DayType.FAST)
    assert result.reason is Reason.FAST_DAY
    assert result.time == local(WED + timedelta(days=1), 12)
    assert result.fast_ends is None


def test_consecutive_fast_days_are_skipped() -> None:
    plan = list(plan_with(WED, DayType.FAST))
    plan[(WED + timedelta(days=1)).weekday()] = DayType.FAST
    profile = make_profile(plan=tuple(plan))
    result = suggest([], local(WED, 13), profile)
    assert result.reason is Reason.FAST_DAY
    assert result.time == local(WED + timedelta(days=2), 12)


def test_fast_day_with_a_longer_fasting_goal() -> None:
    result = suggest(
        [entry(local(WED - timedelta(days=1), 12), 3.0)],
        local(WED, 13),
        make_profile(fast_goal_h=36.0),
        day_type=DayType.FAST,
    )
    assert result.time == local(WED + timedelta(days=1), 12)
    assert result.fast_ends == local(WED + timedelta(days=1), 0)


def test_fast_day_with_a_flexible_window() -> None:
    profile = make_profile(start=None)
    result = suggest(
        [entry(local(WED, 8), 3.0)], local(WED, 9), profile, day_type=DayType.FAST
    )
    assert result.reason is Reason.FAST_DAY
    assert result.time == local(WED + timedelta(days=1), 8)
    assert result.window_closes is None
    result = suggest([], local(WED, 9), profile, day_type=DayType.FAST)
    assert result.time == local(WED + timedelta(days=1), 0)


def test_plan_of_fast_days_only_follows_the_clock() -> None:
    profile = make_profile(plan=(DayType.FAST,) * 7)
    result = suggest([], local(WED, 13), profile)
    assert result.reason is Reason.FAST_DAY
    assert result.time == local(WED + timedelta(days=1), 12)
    assert result.target_protein_g == 43.0
    result = suggest(
        [], local(WED, 13), replace(profile, eating_window=EatingWindow(8.0))
    )
    assert result.time == local(WED + timedelta(days=1), 0)


def test_low_protein_day_targets_before_the_meal() -> None:
    result = suggest([], local(WED, 13), day_type=DayType.LOW_PROTEIN)
    assert result.reason is Reason.NO_HISTORY
    assert result.target_protein_g == 64.0  # 0.8 g/kg at 80 kg
    assert result.target_leucine_g == 2.5


def test_low_protein_day_one_feeding_then_the_next_day() -> None:
    profile = make_profile(plan=plan_with(WED, DayType.LOW_PROTEIN))
    result = suggest([entry(local(WED, 13), 4.0, 60.0)], local(WED, 13, 30), profile)
    assert result.reason is Reason.LOW_PROTEIN_DAY
    assert result.time == local(WED + timedelta(days=1), 12)
    assert result.target_protein_g == 43.0  # Thursday is a normal day


def test_low_protein_day_after_the_meal_respects_the_fasting_goal() -> None:
    result = suggest(
        [entry(local(WED, 19, 30), 4.0, 60.0)],
        local(WED, 20),
        make_profile(fast_goal_h=18.0),
        day_type=DayType.LOW_PROTEIN,
    )
    assert result.reason is Reason.LOW_PROTEIN_DAY
    assert result.time == local(WED + timedelta(days=1), 13, 30)


def test_low_protein_day_with_a_flexible_window() -> None:
    result = suggest(
        [entry(local(WED, 9), 4.0, 60.0)],
        local(WED, 10),
        make_profile(start=None, fast_goal_h=12.0),
        day_type=DayType.LOW_PROTEIN,
    )
    assert result.reason is Reason.LOW_PROTEIN_DAY
    assert result.time == local(WED + timedelta(days=1), 0)


def test_low_protein_day_last_chance_needs_only_one_meal() -> None:
    result = suggest([], local(WED, 19, 40), day_type=DayType.LOW_PROTEIN)
    assert result.reason is Reason.LAST_CHANCE


def test_high_protein_day_targets() -> None:
    adult = make_profile(protein_target_g=60.0)
    assert meal_targets(adult, DayType.HIGH_PROTEIN) == (2.5, 24.0)  # 0.3 g/kg
    assert meal_targets(adult, DayType.NORMAL) == (2.5, 20.0)
    older = make_profile(age_group=AgeGroup.OLDER, protein_target_g=60.0)
    assert meal_targets(older, DayType.HIGH_PROTEIN) == (2.5, 32.0)  # 0.4 g/kg
    assert meal_targets(make_profile(), DayType.HIGH_PROTEIN) == (
        2.5,
        43.0,
    )  # never below normal


def test_high_protein_day_wants_a_third_effective_meal() -> None:
    entries = [entry(local(WED, 12), 3.0), entry(local(WED, 17, 30), 3.0)]
    result = suggest(entries, local(WED, 18), day_type=DayType.HIGH_PROTEIN)
    assert result.reason is Reason.LAST_CHANCE
    assert result.time == local(WED, 19, 30)


def test_fast_day_type_targets_are_normal() -> None:
    assert meal_targets(make_profile(), DayType.FAST) == (2.5, 43.0)


# Older adults


def test_older_adult_needs_more_leucine_per_meal() -> None:
    older = make_profile(
        age_group=AgeGroup.OLDER,
        leucine_target_g=default_leucine_target_g(70.0, AgeGroup.OLDER),
        protein_target_g=default_protein_target_g(70.0, AgeGroup.OLDER),
        body_mass_kg=70.0,
    )
    adult = make_profile(
        leucine_target_g=default_leucine_target_g(70.0, AgeGroup.ADULT),
        protein_target_g=default_protein_target_g(70.0, AgeGroup.ADULT),
        body_mass_kg=70.0,
    )
    meal = [entry(local(WED, 12), 2.2, 27.0)]
    older_result = suggest(meal, local(WED, 12, 30), older)
    adult_result = suggest(meal, local(WED, 12, 30), adult)
    assert older_result.reason is Reason.TOP_UP  # 2.2 g < 0.8 x 3.0 g
    assert older_result.time == local(WED, 13)
    assert older_result.target_leucine_g == 3.0
    assert older_result.target_protein_g == 28.0  # 84 g / 3
    assert adult_result.reason is Reason.REFRACTORY  # 2.2 g >= 0.8 x 2.0 g
    assert adult_result.time == local(WED, 15)
    assert adult_result.target_leucine_g == 2.0


# Property tests

TIME_ZONES = [UTC, STOCKHOLM, ZoneInfo("America/New_York"), ZoneInfo("Asia/Kolkata")]
BASES = [
    datetime(2026, 3, 27, tzinfo=UTC),
    datetime(2026, 10, 23, tzinfo=UTC),
    datetime(2026, 6, 14, tzinfo=UTC),
]
HORIZON_S = 3 * 24 * 3600


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    mass = draw(st.floats(40.0, 150.0))
    age_group = draw(st.sampled_from(AgeGroup))
    start = None
    if draw(st.booleans()):
        start = time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30, 45])))
    length = draw(
        st.one_of(st.sampled_from([4.0, 6.0, 8.0, 24.0]), st.floats(1.0, 24.0))
    )
    return Profile(
        body_mass_kg=mass,
        age_group=age_group,
        fast_goal_h=draw(st.floats(0.0, 40.0)),
        eating_window=EatingWindow(length_h=length, start=start),
        leucine_target_g=draw(st.floats(1.5, 4.0)),
        protein_target_g=draw(st.floats(40.0, 250.0)),
        plan=tuple(draw(st.lists(st.sampled_from(DayType), min_size=7, max_size=7))),
        day_start=draw(st.sampled_from([time(0), time(3), time(4, 30)])),
        meal_merge_min=draw(st.sampled_from([15.0, 45.0, 90.0])),
    )


@st.composite
def logs(draw: st.DrawFn, base: datetime) -> IntakeLog:
    entries = []
    for offset in draw(st.lists(st.integers(0, HORIZON_S), max_size=20)):
        leucine = draw(st.sampled_from([0.0, 0.1, 0.5, 1.5, 2.5, 4.0, 8.0]))
        protein = draw(st.sampled_from([0.0, leucine * 12.5, 30.0]))
        kcal = draw(st.sampled_from([0.0, 5.0, 100.0, 600.0]))
        entries.append(
            Entry(
                id=str(next(_ids)),
                time=base + timedelta(seconds=offset),
                name="food",
                protein_g=protein,
                leucine_g=leucine,
                kcal=kcal,
                leucine_estimated=draw(st.booleans()),
                source=Source.SCALE,
            )
        )
    return IntakeLog(entries)


@st.composite
def scenarios(
    draw: st.DrawFn,
) -> tuple[IntakeLog, Profile, datetime, tzinfo, DayType | None, datetime | None]:
    base = draw(st.sampled_from(BASES))
    log = draw(logs(base))
    profile = draw(profiles())
    now = base + timedelta(seconds=draw(st.integers(0, HORIZON_S + 24 * 3600)))
    tz = draw(st.sampled_from(TIME_ZONES))
    day_type = draw(st.none() | st.sampled_from(DayType))
    training_end = None
    if draw(st.booleans()):
        training_end = now + timedelta(minutes=draw(st.integers(-6 * 60, 12 * 60)))
    return log, profile, now, tz, day_type, training_end


SPACED = {Reason.REFRACTORY, Reason.TOP_UP}  # only after a meal in the open window


def _windows_around(
    log: IntakeLog, profile: Profile, moment: datetime, tz: tzinfo
) -> list[tuple[datetime, datetime]]:
    day = day_of(moment, tz, profile.day_start)
    found = [
        eating_window_on(log, profile, day + timedelta(days=k), tz) for k in (-2, -1, 0)
    ]
    return [window for window in found if window is not None]


@settings(max_examples=400, deadline=None)
@given(scenarios())
def test_suggestion_invariants(
    scenario: tuple[
        IntakeLog, Profile, datetime, tzinfo, DayType | None, datetime | None
    ],
) -> None:
    log, profile, now, tz, day_type, training_end = scenario
    result = suggest_next_meal(
        log, profile, now=now, tz=tz, day_type=day_type, training_end=training_end
    )

    assert result.time >= now
    assert result.time.tzinfo is UTC
    assert result.fast_ends == fasting_state(log, profile, now).goal_end
    assert result.target_leucine_g > 0
    assert result.target_protein_g > 0

    today = day_of(now, tz, profile.day_start)
    today_type = day_type or planned_day_type(profile, today)

    def planned(day: date) -> DayType:
        return today_type if day == today else planned_day_type(profile, day)

    fixed = profile.eating_window.start is not None
    if today_type is DayType.FAST:
        assert result.reason is Reason.FAST_DAY
        if result.fast_ends is not None:
            assert result.time >= result.fast_ends
        tomorrow = today + timedelta(days=1)
        if fixed:
            opening = eating_window_on(log, profile, tomorrow, tz)
            assert opening is not None
            assert result.time >= opening[0]
        else:
            assert day_of(result.time, tz, profile.day_start) >= tomorrow

    if any(planned(today + timedelta(days=k)) is not DayType.FAST for k in range(1, 8)):
        assert planned(day_of(result.time, tz, profile.day_start)) is not DayType.FAST

    if fixed:
        # Every suggestion lies in an eating window (waiting ones at or after its opening);
        # spacing and "now" lie in the window that is open now.
        windows = _windows_around(log, profile, result.time, tz)
        assert any(start <= result.time < end for start, end in windows)
        if result.reason in {*SPACED, Reason.NOW}:
            assert any(
                start <= now < end and start <= result.time < end
                for start, end in windows
            )

    if result.reason in SPACED:
        assert window_is_open(log, profile, now, tz)
        assert result.time > now


@settings(max_examples=200, deadline=None)
@given(scenarios())
def test_low_protein_day_has_one_feeding(
    scenario: tuple[
        IntakeLog, Profile, datetime, tzinfo, DayType | None, datetime | None
    ],
) -> None:
    log, profile, now, tz, _, _ = scenario
    today = day_of(now, tz, profile.day_start)
    start, _ = day_bounds(today, tz, profile.day_start)
    merge = timedelta(minutes=profile.meal_merge_min)
    ate = bool(log.meals(start, now + timedelta(microseconds=1), merge))
    result = suggest_next_meal(
        log, profile, now=now, tz=tz, day_type=DayType.LOW_PROTEIN
    )
    if ate:
        assert result.reason is Reason.LOW_PROTEIN_DAY
        assert day_of(result.time, tz, profile.day_start) > today
    else:
        assert result.reason is not Reason.LOW_PROTEIN_DAY
        if day_of(result.time, tz, profile.day_start) == today:
            assert result.target_protein_g == round(0.8 * profile.body_mass_kg)
