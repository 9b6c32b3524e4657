"""The calendar's events and the statistics' rows, from a log (pure, no Home Assistant)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from custom_components.mtor_balance.core.calendar_events import (
    NEXT_MEAL_UID,
    PLAN_HORIZON_DAYS,
    CalendarItem,
    ItemKind,
    PersonHistory,
    Point,
    Series,
    Texts,
    calendar_items,
    current_window,
    day_type_names,
    fast_threshold_h,
    hours_of_days,
    manual_fast_id,
    parse_uid,
    statistic_points,
)
from custom_components.mtor_balance.core.log import IntakeLog
from custom_components.mtor_balance.core.model import (
    AgeGroup,
    DayType,
    EatingWindow,
    Entry,
    ManualFast,
    Profile,
)
from custom_components.mtor_balance.core.planner import Reason, Suggestion

from .factories import entry

TZ = ZoneInfo("Europe/Stockholm")
MONDAY = date(2026, 11, 2)  # Stockholm is UTC+1 all week
N, H, L, F = (
    DayType.NORMAL,
    DayType.HIGH_PROTEIN,
    DayType.LOW_PROTEIN,
    DayType.FAST,
)
PROFILE = Profile(
    body_mass_kg=80.0,
    age_group=AgeGroup.ADULT,
    fast_goal_h=16.0,
    eating_window=EatingWindow(8.0, time(12, 0)),
    leucine_target_g=2.5,
    protein_target_g=128.0,
    plan=(N, N, H, N, F, N, L),  # Wednesday high protein, Friday fast, Sunday low
)
TRANSLATIONS = Path(__file__).parents[2] / "custom_components/mtor_balance/translations"


def _texts(language: str) -> Texts:
    data = json.loads((TRANSLATIONS / f"{language}.json").read_text(encoding="utf-8"))
    reasons = data["entity"]["sensor"]["next_suggested_meal"]["state_attributes"]
    return Texts(
        data["common"],
        decimal="," if language == "sv" else ".",
        reasons=reasons["reason"]["state"],
    )


EN, SV = _texts("en"), _texts("sv")


def at(day: date, clock: str) -> datetime:
    """Return a local clock time on `day` in Stockholm, in UTC."""
    return datetime.combine(day, time.fromisoformat(clock), TZ).astimezone(UTC)


def _day(offset: int) -> date:
    return MONDAY + timedelta(days=offset)


def _three_meals(days: Sequence[int], **nutrients: float) -> list[Entry]:
    return [
        entry(at(_day(day), clock), **nutrients)
        for day in days
        for clock in ("12:00", "16:00", "19:30")
    ]


def _history(
    entries: Sequence[Entry],
    *,
    profile: Profile = PROFILE,
    day_types: dict[str, str] | None = None,
    manual: Sequence[ManualFast] = (),
    first_day: date | None = MONDAY,
) -> PersonHistory:
    return PersonHistory(
        IntakeLog(entries), profile, TZ, day_types or {}, manual, first_day
    )


def _suggestion(moment: datetime) -> Suggestion:
    return Suggestion(
        time=moment,
        reason=Reason.WINDOW_OPENS,
        target_leucine_g=2.5,
        target_protein_g=40.0,
        fast_ends=None,
        window_closes=None,
        estimated=False,
    )


def _week(
    history: PersonHistory,
    texts: Texts = EN,
    now: datetime | None = None,
    suggestion: Suggestion | None = None,
) -> list[CalendarItem]:
    return calendar_items(
        history,
        start=at(MONDAY, "00:00"),
        end=at(_day(7), "00:00"),
        now=now or at(_day(3), "10:00"),  # Thursday morning
        suggestion=suggestion,
        texts=texts,
    )


def _local(moment: datetime | date) -> str:
    if isinstance(moment, datetime):
        return moment.astimezone(TZ).strftime("%a %H:%M")
    return moment.strftime("%a")


def _shown(items: Sequence[CalendarItem]) -> list[tuple[str, str, str]]:
    return [(_local(item.start), _local(item.end), item.summary) for item in items]


# --- fasts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("goal", "threshold"), [(16.0, 8.0), (12.0, 6.0), (8.0, 6.0), (36.0, 12.0)]
)
def test_a_logged_fast_shows_from_half_the_goal_between_6_and_12_hours(
    goal: float, threshold: float
) -> None:
    profile = replace(PROFILE, fast_goal_h=goal)
    assert fast_threshold_h(profile) == threshold


def test_a_week_shows_overnight_fasts_windows_day_types_and_the_next_meal() -> None:
    history = _history(_three_meals([0, 1, 2]))
    items = _week(history, suggestion=_suggestion(at(_day(3), "12:00")))
    summaries = [item.summary for item in items]
    assert summaries == [
        "Eating window: 3 of 3 meals at target",
        "Fast 16.5 h",
        "Eating window: 3 of 3 meals at target",
        "Fast 16.5 h",
        "High-protein day",
        # 30 g protein is under a high-protein day's dose (0.4 g/kg: 32 g).
        "Eating window: 0 of 3 meals at target",
        "Next meal: 40 g protein, 2.5 g leucine",
        "Eating window",
        "Fast day",  # and no eating window on a fast day
        "Eating window (planned)",
        "Low-protein day",
        "Eating window (planned)",
    ]


def test_events_are_in_time_order_with_local_times() -> None:
    history = _history(_three_meals([0, 1, 2]))
    items = _week(history, suggestion=_suggestion(at(_day(3), "12:00")))
    assert _shown(items) == [
        ("Mon 12:00", "Mon 20:00", "Eating window: 3 of 3 meals at target"),
        ("Mon 19:30", "Tue 12:00", "Fast 16.5 h"),
        ("Tue 12:00", "Tue 20:00", "Eating window: 3 of 3 meals at target"),
        ("Tue 19:30", "Wed 12:00", "Fast 16.5 h"),
        ("Wed", "Thu", "High-protein day"),
        ("Wed 12:00", "Wed 20:00", "Eating window: 0 of 3 meals at target"),
        ("Thu 12:00", "Thu 12:30", "Next meal: 40 g protein, 2.5 g leucine"),
        ("Thu 12:00", "Thu 20:00", "Eating window"),
        ("Fri", "Sat", "Fast day"),
        ("Sat 12:00", "Sat 20:00", "Eating window (planned)"),
        ("Sun", "Mon", "Low-protein day"),
        ("Sun 12:00", "Sun 20:00", "Eating window (planned)"),
    ]
    kinds = {item.kind for item in items}
    assert kinds == set(ItemKind) - {ItemKind.MANUAL_FAST}
    assert [item.editable for item in items if item.kind is ItemKind.DAY_TYPE] == [
        True
    ] * 3
    assert not any(item.editable for item in items if item.kind is ItemKind.FAST)


def test_descriptions_carry_the_goal_the_meals_and_the_days_protein_and_leucine() -> (
    None
):
    history = _history(
        [*_three_meals([0]), *_three_meals([1], leucine_g=2.0, estimated=True)]
    )
    items = {item.summary: item for item in _week(history)}
    fast = items["Fast 16.5 h"]
    assert fast.description.splitlines() == [
        "Your fasting goal of 16.0 h was reached.",
        "From the end of one logged meal to the start of the next.",
        "Fasting hours are your own goal; they do not show what happened in the body.",
    ]
    tuesday = next(
        item
        for item in _week(history)
        if item.kind is ItemKind.WINDOW and item.uid == "window-2026-11-03"
    )
    assert tuesday.description.splitlines() == [
        "12:00: 30 g protein, 2.0 g leucine (estimated), at target",
        "16:00: 30 g protein, 2.0 g leucine (estimated), at target",
        "19:30: 30 g protein, 2.0 g leucine (estimated), at target",
        "This day: 90 g protein, 6.0 g leucine (estimated).",
    ]
    wednesday = next(item for item in _week(history) if item.uid == "day-2026-11-04")
    assert wednesday.description.splitlines() == [
        "Protein target for the day: 160 g.",
        "From your weekly plan.",
    ]
    friday = next(item for item in _week(history) if item.uid == "day-2026-11-06")
    assert friday.description.splitlines() == [
        "No meals planned; the fasting hours are your own goal.",
        "From your weekly plan.",
    ]


def test_a_short_fast_says_the_goal_was_not_reached_and_swedish_uses_a_comma() -> None:
    # Dinner at 21:00, lunch at 12:00: 15 h, an hour short of the goal.
    entries = [entry(at(_day(0), "21:00")), entry(at(_day(1), "12:00"))]
    items = _week(_history(entries), texts=SV)
    fast = next(item for item in items if item.kind is ItemKind.FAST)
    assert fast.summary == "Fasta 15,0 h"
    assert fast.description.splitlines()[0] == "Kortare än ditt fastemål på 16,0 h."
    en = next(item for item in _week(_history(entries)) if item.kind is ItemKind.FAST)
    assert en.description.splitlines()[0] == "Shorter than your fasting goal of 16.0 h."


def test_gaps_between_meals_and_gaps_in_logging_are_no_fasts() -> None:
    entries = [
        entry(at(_day(0), "12:00")),
        entry(at(_day(0), "19:00")),  # 7 h after lunch: under the 8 h threshold
        entry(at(_day(8), "12:00")),  # 8 days later: a gap in logging
    ]
    items = calendar_items(
        _history(entries),
        start=at(MONDAY, "00:00"),
        end=at(_day(9), "00:00"),
        now=at(_day(8), "13:00"),
        suggestion=None,
        texts=EN,
    )
    assert [item for item in items if item.kind is ItemKind.FAST] == []


def test_a_fast_entered_by_hand_replaces_the_log_and_is_split_by_a_logged_meal() -> (
    None
):
    entries = [entry(at(_day(0), "19:00")), entry(at(_day(2), "12:00"))]
    by_hand = ManualFast("m1", at(_day(0), "20:00"), at(_day(1), "16:00"))
    items = _week(_history(entries, manual=[by_hand]))
    fasts = [item for item in items if item.kind is ItemKind.MANUAL_FAST]
    assert [(item.uid, item.summary) for item in fasts] == [
        ("manual-fast-m1", "Fast 20.0 h (entered by hand)")
    ]
    assert fasts[0].editable
    assert fasts[0].description.splitlines()[1] == (
        "Entered by hand: it can be changed or deleted here."
    )
    # The logged fast it overlaps (19:00 Monday to 12:00 Wednesday) is gone.
    assert [item for item in items if item.kind is ItemKind.FAST] == []
    # A meal logged inside it splits it; the parts keep its id, with a part number.
    split = [*entries, entry(at(_day(1), "08:00"))]
    parts = [
        item
        for item in _week(_history(split, manual=[by_hand]))
        if item.kind is ItemKind.MANUAL_FAST
    ]
    assert [(item.uid, item.summary) for item in parts] == [
        ("manual-fast-m1", "Fast 12.0 h (entered by hand)"),
        ("manual-fast-m1-2", "Fast 8.0 h (entered by hand)"),
    ]


def test_uids_are_stable_and_name_their_kind() -> None:
    history = _history(_three_meals([0, 1, 2]))
    first = [
        item.uid
        for item in _week(history, suggestion=_suggestion(at(_day(3), "12:00")))
    ]
    again = [
        item.uid
        for item in _week(history, suggestion=_suggestion(at(_day(3), "13:00")))
    ]
    assert sorted(first) == sorted(again)
    assert len(set(first)) == len(first)
    fast = at(_day(0), "19:30"), at(_day(1), "12:00")
    assert f"fast-{int(fast[0].timestamp())}-{int(fast[1].timestamp())}" in first
    assert {"window-2026-11-02", "day-2026-11-04", NEXT_MEAL_UID} <= set(first)
    assert parse_uid("window-2026-11-02") == (ItemKind.WINDOW, "2026-11-02")
    assert parse_uid("day-2026-11-04") == (ItemKind.DAY_TYPE, "2026-11-04")
    assert parse_uid("manual-fast-abc-2") == (ItemKind.MANUAL_FAST, "abc-2")
    assert parse_uid("fast-1-2") == (ItemKind.FAST, "1-2")
    assert parse_uid(NEXT_MEAL_UID) == (ItemKind.NEXT_MEAL, "")
    for unknown in ("day-13", "window-", "something", ""):
        assert parse_uid(unknown) is None
    fasts = [ManualFast("abc", fast[0], fast[1]), ManualFast("x-1", fast[0], fast[1])]
    assert manual_fast_id("abc", fasts) == "abc"
    assert manual_fast_id("abc-2", fasts) == "abc"
    assert manual_fast_id("x-1", fasts) == "x-1"
    assert manual_fast_id("abd-2", fasts) is None
    assert manual_fast_id("abc-x", fasts) is None


# --- day types ---------------------------------------------------------------------------


def test_a_changed_date_says_so_and_a_normal_day_has_no_event() -> None:
    day_types = {
        "2026-11-03": "fast",  # Tuesday: normal in the plan, fasted instead
        "2026-11-06": "normal",  # Friday: a fast day in the plan, eaten instead
    }
    history = _history(_three_meals([0]), day_types=day_types)
    items = {item.uid: item for item in _week(history)}
    assert items["day-2026-11-03"].summary == "Fast day"
    assert items["day-2026-11-03"].description.splitlines()[1] == (
        "Changed for this date (weekly plan: Normal day)."
    )
    assert "day-2026-11-06" not in items
    # A change to what the plan has anyway says neither.
    same = {"2026-11-04": "high_protein"}
    wednesday = next(
        item
        for item in _week(_history([], day_types=same))
        if item.uid == "day-2026-11-04"
    )
    assert wednesday.description == "Protein target for the day: 160 g."
    assert "window-2026-11-06" in items  # eaten as planned for a normal day
    swedish = {item.uid: item for item in _week(history, texts=SV)}
    assert swedish["day-2026-11-03"].summary == "Fastedag"
    assert swedish["day-2026-11-03"].description.splitlines()[1] == (
        "Ändrad för detta datum (veckoplanen: Normal dag)."
    )


def test_the_plan_shows_from_the_first_logged_day_to_the_horizon_changes_anywhere() -> (
    None
):
    today = _day(3)
    far = today + timedelta(days=PLAN_HORIZON_DAYS + 7)
    history = _history(
        [entry(at(today, "12:00"))],
        day_types={far.isoformat(): "high_protein"},
        first_day=today,
    )
    items = calendar_items(
        history,
        start=at(today - timedelta(days=21), "00:00"),
        end=at(far + timedelta(days=7), "00:00"),
        now=at(today, "13:00"),
        suggestion=None,
        texts=EN,
    )
    days = [item.start for item in items if item.kind is ItemKind.DAY_TYPE]
    assert min(days) == _day(4)  # the first non-normal plan day from the first log
    assert max(days) == far  # a change beyond the horizon shows
    plan_days = [day for day in days if day != far]
    assert max(plan_days) <= today + timedelta(days=PLAN_HORIZON_DAYS)
    windows = [item.start for item in items if item.kind is ItemKind.WINDOW]
    assert max(windows) < at(today + timedelta(days=PLAN_HORIZON_DAYS + 1), "00:00")


def test_day_types_are_read_in_both_languages_and_as_codes() -> None:
    names = [
        (texts.day_type(day_type), day_type)
        for texts in (EN, SV)
        for day_type in DayType
    ]
    parse = day_type_names([*names, ("Proteinrik", H), ("", N)])
    assert parse("High-protein day") is H
    assert parse("high protein DAY!") is H
    assert parse("high_protein") is H
    assert parse("Proteinrik") is H
    assert parse("proteinsnål dag") is L
    assert parse("Fastedag") is F
    assert parse("fast") is F
    assert parse("Normal") is N
    assert parse("Dinner") is None
    assert parse("") is None


# --- windows and the calendar's state ---------------------------------------------------------


def test_the_current_window_is_the_open_one_else_the_next_known_one() -> None:
    history = _history(_three_meals([0, 1, 2]))
    thursday = _day(3)
    before = current_window(history, now=at(thursday, "10:00"), texts=EN)
    assert before is not None
    assert (before.start, before.end) == (at(thursday, "12:00"), at(thursday, "20:00"))
    during = current_window(history, now=at(thursday, "13:00"), texts=EN)
    assert during == before
    # After Thursday's window, Friday is a fast day: Saturday's window is next.
    after = current_window(history, now=at(thursday, "20:00"), texts=EN)
    assert after is not None
    assert after.start == at(_day(5), "12:00")
    # As the Eating window open sensor: the window of the current day (here Tuesday's,
    # not Monday's that runs past midnight).
    late = replace(PROFILE, eating_window=EatingWindow(8, time(18)))
    night = current_window(
        _history([entry(at(_day(0), "19:00"))], profile=late),
        now=at(_day(1), "01:00"),
        texts=EN,
    )
    assert night is not None
    assert (night.start, night.end) == (at(_day(1), "18:00"), at(_day(2), "02:00"))


def test_a_window_that_opens_with_the_first_meal() -> None:
    flexible = replace(PROFILE, eating_window=EatingWindow(8.0))
    history = _history(
        [entry(at(_day(0), "09:15")), entry(at(_day(3), "10:30"))], profile=flexible
    )
    items = {item.uid: item for item in _week(history, now=at(_day(3), "11:00"))}
    monday = items["window-2026-11-02"]
    assert (monday.start, monday.end) == (at(_day(0), "09:15"), at(_day(0), "17:15"))
    assert "window-2026-11-03" not in items  # nothing eaten, no window
    # Nor today, before the first meal.
    tuesday = {item.uid for item in _week(history, now=at(_day(1), "11:00"))}
    assert "window-2026-11-03" not in tuesday
    assert "window-2026-11-04" in tuesday  # planned, estimated
    saturday = items["window-2026-11-07"]
    assert saturday.estimated
    assert saturday.summary == "Eating window (planned, opens with your first meal)"
    assert (saturday.start, saturday.end) == (
        at(_day(5), "07:00"),
        at(_day(5), "15:00"),
    )
    assert saturday.description.splitlines()[1].startswith("The time is an estimate")
    # The calendar is on while the window is open, and never on an estimate.
    assert (
        current_window(history, now=at(_day(3), "11:00"), texts=EN)
        == items["window-2026-11-05"]
    )
    assert current_window(history, now=at(_day(3), "19:00"), texts=EN) is None


def test_only_events_that_overlap_the_range_are_returned() -> None:
    history = _history(_three_meals([0, 1, 2]))
    items = calendar_items(
        history,
        start=at(_day(1), "06:00"),
        end=at(_day(1), "13:00"),
        now=at(_day(3), "10:00"),
        suggestion=_suggestion(at(_day(3), "12:00")),
        texts=EN,
    )
    assert _shown(items) == [
        ("Mon 19:30", "Tue 12:00", "Fast 16.5 h"),
        ("Tue 12:00", "Tue 20:00", "Eating window: 3 of 3 meals at target"),
    ]


def test_the_next_meal_says_why_and_whether_leucine_was_estimated() -> None:
    suggestion = _suggestion(at(_day(3), "12:00"))
    item = next(
        item
        for item in _week(_history([]), suggestion=suggestion)
        if item.kind is ItemKind.NEXT_MEAL
    )
    assert item.description == (
        "Suggested by the planner: When your eating window opens."
    )
    estimated = replace(suggestion, estimated=True)
    item = next(
        item
        for item in _week(_history([]), texts=SV, suggestion=estimated)
        if item.kind is ItemKind.NEXT_MEAL
    )
    assert item.summary == "Nästa måltid: 40 g protein, 2,5 g leucin"
    assert item.description.splitlines() == [
        "Föreslagen av planeraren: När ditt ätfönster öppnas.",
        "Leucinet i din senaste måltid uppskattades utifrån dess protein.",
    ]


def test_a_missing_text_shows_its_key() -> None:
    assert Texts({})("calendar_fast", hours="1") == "calendar_fast"


# --- statistics ------------------------------------------------------------------------------


def _values(points: Sequence[Point]) -> list[tuple[str, float]]:
    return [(_local(point.hour), point.mean) for point in points]


def test_rows_of_fasts_meals_and_days() -> None:
    entries = [
        *_three_meals([0, 1]),
        # An apple between meals: it breaks the fast, but is no meal.
        entry(at(_day(1), "17:45"), protein_g=0.5, leucine_g=0.02, kcal=60.0),
    ]
    points = statistic_points(_history(entries), _day(0), _day(1))
    assert _values(points[Series.FAST_HOURS]) == [("Tue 12:00", 16.5)]
    # Meals at the hour they began; the snack is no meal (under half the dose).
    assert _values(points[Series.MEAL_LEUCINE]) == [
        ("Mon 12:00", 3.0),
        ("Mon 16:00", 3.0),
        ("Mon 19:00", 3.0),
        ("Tue 12:00", 3.0),
        ("Tue 16:00", 3.0),
        ("Tue 19:00", 3.0),
    ]
    assert _values(points[Series.MEAL_PROTEIN])[0] == ("Mon 12:00", 30.0)
    assert _values(points[Series.MEALS_AT_TARGET]) == [
        ("Mon 00:00", 3),
        ("Tue 00:00", 3),
    ]
    assert _values(points[Series.DAY_PROTEIN]) == [
        ("Mon 00:00", 90),
        ("Tue 00:00", 90.5),
    ]
    assert _values(points[Series.DAY_LEUCINE]) == [
        ("Mon 00:00", 9),
        ("Tue 00:00", 9.02),
    ]
    # Every row is stamped on the hour.
    assert all(
        point.hour.minute == 0 and point.hour.tzinfo is UTC
        for series in points.values()
        for point in series
    )


def test_two_meals_in_one_hour_share_a_row_with_their_mean_min_and_max() -> None:
    entries = [
        entry(at(_day(0), "12:00"), leucine_g=2.0),
        entry(at(_day(0), "12:50"), leucine_g=4.0),  # 50 min later: a meal of its own
    ]
    points = statistic_points(_history(entries), _day(0), _day(0))
    assert points[Series.MEAL_LEUCINE] == [Point(at(_day(0), "12:00"), 3.0, 2.0, 4.0)]


def test_meals_at_target_follow_the_day_type() -> None:
    entries = _three_meals([2])  # Wednesday, high protein: 30 g is under 32 g
    points = statistic_points(_history(entries), _day(2), _day(2))
    assert _values(points[Series.MEALS_AT_TARGET]) == [("Wed 00:00", 0)]
    changed = _history(entries, day_types={"2026-11-04": "normal"})
    points = statistic_points(changed, _day(2), _day(2))
    assert _values(points[Series.MEALS_AT_TARGET]) == [("Wed 00:00", 3)]


def test_days_without_entries_have_no_rows_and_fasts_count_on_the_day_they_end() -> (
    None
):
    entries = [entry(at(_day(0), "19:00")), entry(at(_day(2), "09:00"))]  # 38 h
    points = statistic_points(_history(entries), _day(0), _day(2))
    assert [_local(point.hour) for point in points[Series.DAY_PROTEIN]] == [
        "Mon 00:00",
        "Wed 00:00",
    ]
    assert _values(points[Series.FAST_HOURS]) == [("Wed 09:00", 38.0)]
    assert (
        statistic_points(_history(entries), _day(0), _day(1))[Series.FAST_HOURS] == []
    )


def test_the_hours_of_days_that_start_off_the_hour() -> None:
    profile = replace(PROFILE, day_start=time(4, 30))
    history = _history([], profile=profile)
    assert hours_of_days(history, _day(0), _day(1)) == (
        at(_day(0), "04:00"),
        at(_day(2), "05:00"),
    )
    assert hours_of_days(_history([]), _day(0), _day(1)) == (
        at(_day(0), "00:00"),
        at(_day(2), "00:00"),
    )
