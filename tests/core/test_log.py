"""The intake log: order, undo, delete, edit, day totals and meals."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.mtor_balance.core.days import day_bounds, day_of
from custom_components.mtor_balance.core.log import (
    EntryNotFoundError,
    IntakeLog,
    breaks_fast,
    group_meals,
)

from .factories import entry

T0 = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)
MERGE = timedelta(minutes=45)
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_entries_are_kept_in_time_order_including_back_dated_ones() -> None:
    log = IntakeLog()
    later, earlier = entry(T0 + timedelta(hours=2)), entry(T0)
    log.add(later)
    log.add(earlier)
    assert list(log) == [earlier, later]
    assert list(reversed(log)) == [later, earlier]
    assert log.last == later


def test_undo_removes_the_most_recently_added_not_the_latest_by_time() -> None:
    log = IntakeLog()
    later, back_dated = entry(T0 + timedelta(hours=2)), entry(T0)
    log.add(later)
    log.add(back_dated)
    assert log.undo() == back_dated
    assert list(log) == [later]
    assert log.undo() == later
    assert log.undo() is None


def test_undo_skips_entries_that_were_deleted_meanwhile() -> None:
    log = IntakeLog()
    first, second = entry(T0), entry(T0 + timedelta(hours=1))
    log.add(first)
    log.add(second)
    log.delete(second.id)
    assert log.undo() == first
    assert len(log) == 0


def test_delete() -> None:
    first, second = entry(T0), entry(T0 + timedelta(hours=1))
    log = IntakeLog([second, first])
    assert log.delete(second.id) == second
    assert list(log) == [first]
    with pytest.raises(EntryNotFoundError):
        log.delete(second.id)


def test_totals_count_entries_in_the_half_open_range() -> None:
    entries = [
        entry(T0, leucine_g=1, protein_g=10),
        entry(T0 + timedelta(hours=1), leucine_g=2, protein_g=20, estimated=True),
        entry(T0 + timedelta(hours=2), leucine_g=4, protein_g=40),
    ]
    log = IntakeLog(entries)
    totals = log.totals(T0, T0 + timedelta(hours=2))
    assert (totals.leucine_g, totals.protein_g, totals.count) == (3, 30, 2)
    assert totals.leucine_estimated
    assert not log.totals(
        T0 + timedelta(hours=2), T0 + timedelta(hours=3)
    ).leucine_estimated


def test_black_coffee_does_not_break_a_fast_but_leucine_does() -> None:
    coffee = entry(T0, leucine_g=0.01, protein_g=0.3, kcal=2)
    leucine_powder = entry(T0, leucine_g=3, protein_g=0, kcal=12)
    assert not breaks_fast(coffee)
    assert breaks_fast(leucine_powder)


def test_meals_merge_entries_within_the_window() -> None:
    entries = [
        entry(T0, leucine_g=1.5),
        entry(T0 + timedelta(minutes=30), leucine_g=1.5),  # same meal
        entry(
            T0 + timedelta(minutes=50), leucine_g=0.01, protein_g=0.2, kcal=1
        ),  # coffee
        entry(T0 + timedelta(hours=4), leucine_g=2.0),  # next meal
    ]
    meals = group_meals(entries, MERGE)
    assert [meal.leucine_g for meal in meals] == [3.0, 2.0]
    assert meals[0].start == T0
    assert meals[0].end == T0 + timedelta(minutes=30)
    assert meals[0].protein_g == 60


def test_a_meal_spanning_the_day_start_is_counted_on_the_day_it_began() -> None:
    midnight = datetime(2026, 11, 3, 0, 0, tzinfo=UTC)
    log = IntakeLog(
        [
            entry(midnight - timedelta(minutes=20)),
            entry(midnight + timedelta(minutes=10)),
            entry(midnight + timedelta(hours=5)),
        ]
    )
    today = log.meals(midnight, midnight + timedelta(days=1), MERGE)
    assert [meal.start for meal in today] == [midnight + timedelta(hours=5)]
    yesterday = log.meals(midnight - timedelta(days=1), midnight, MERGE)
    assert len(yesterday) == 1


def test_last_meal_skips_non_caloric_entries_and_gathers_the_whole_meal() -> None:
    log = IntakeLog(
        [
            entry(T0, leucine_g=1.0),
            entry(T0 + timedelta(minutes=40), leucine_g=2.0),
            entry(T0 + timedelta(hours=3), leucine_g=0.0, protein_g=0.1, kcal=1),
        ]
    )
    meal = log.last_meal(T0 + timedelta(hours=5), MERGE)
    assert meal is not None
    assert meal.leucine_g == 3.0
    assert meal.end == T0 + timedelta(minutes=40)
    assert log.last_meal(T0 - timedelta(minutes=1), MERGE) is None
    assert IntakeLog().last_meal(T0, MERGE) is None


def test_day_start_and_time_zone_decide_which_day_an_entry_belongs_to() -> None:
    four_am = time(4, 0)
    late_snack = datetime(2026, 11, 3, 2, 30, tzinfo=UTC)  # 03:30 in Stockholm
    assert day_of(late_snack, STOCKHOLM, four_am) == date(2026, 11, 2)
    assert day_of(late_snack, STOCKHOLM, time(0, 0)) == date(2026, 11, 3)
    start, end = day_bounds(date(2026, 11, 2), STOCKHOLM, four_am)
    assert start == datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
    assert end - start == timedelta(hours=24)


@pytest.mark.parametrize(
    ("day", "hours"),
    [(date(2026, 3, 29), 23), (date(2026, 10, 25), 25), (date(2026, 6, 1), 24)],
)
def test_days_with_a_dst_change_in_stockholm_are_23_or_25_hours(
    day: date, hours: int
) -> None:
    start, end = day_bounds(day, STOCKHOLM, time(0, 0))
    assert end - start == timedelta(hours=hours)


def test_a_day_start_inside_the_dst_gap_lands_after_the_gap() -> None:
    start, _ = day_bounds(date(2026, 3, 29), STOCKHOLM, time(2, 30))
    assert start.astimezone(STOCKHOLM).time() == time(3, 30)


_offsets = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=3 * 24 * 60),
        st.floats(min_value=0, max_value=10, allow_nan=False),
    ),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(_offsets, st.integers(min_value=0, max_value=3 * 24 * 60))
def test_day_totals_equal_the_sum_of_their_entries(
    offsets: list[tuple[int, float]], cut: int
) -> None:
    entries = [entry(T0 + timedelta(minutes=m), leucine_g=g) for m, g in offsets]
    log = IntakeLog(entries)
    start, end = T0 + timedelta(minutes=cut), T0 + timedelta(minutes=cut + 1440)
    expected = [e for e in entries if start <= e.time < end]
    totals = log.totals(start, end)
    assert totals.count == len(expected)
    assert totals.leucine_g == pytest.approx(sum(e.leucine_g for e in expected))
    before, after = (
        log.totals(T0 - timedelta(days=1), start),
        log.totals(end, end + timedelta(days=9)),
    )
    assert before.count + totals.count + after.count == len(entries)


@settings(max_examples=200, deadline=None)
@given(_offsets, st.integers(min_value=0, max_value=3 * 24 * 60))
def test_undo_restores_the_previous_state(
    offsets: list[tuple[int, float]], new: int
) -> None:
    log = IntakeLog([entry(T0 + timedelta(minutes=m), leucine_g=g) for m, g in offsets])
    before = list(log)
    log.add(entry(T0 + timedelta(minutes=new)))
    log.undo()
    assert list(log) == before


@settings(max_examples=100, deadline=None)
@given(_offsets)
def test_every_fast_breaking_entry_is_in_exactly_one_meal(
    offsets: list[tuple[int, float]],
) -> None:
    entries = sorted(
        (entry(T0 + timedelta(minutes=m), leucine_g=g) for m, g in offsets),
        key=lambda e: e.time,
    )
    meals = group_meals(entries, MERGE)
    in_meals = [part for meal in meals for part in meal.entries]
    assert in_meals == [e for e in entries if breaks_fast(e)]
    for earlier, later in pairwise(meals):
        assert later.start - earlier.end > MERGE
