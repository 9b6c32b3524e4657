"""Past fasts from the log, and fasts entered by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from custom_components.mtor_balance.core.fast_history import (
    Fast,
    completed_fasts,
    summarize_fasts,
)
from custom_components.mtor_balance.core.model import Entry, ManualFast, Source

T0 = datetime(2026, 11, 2, 6, 0, tzinfo=UTC)
MERGE = timedelta(minutes=45)


def _entry(hours: float, kcal: float = 200.0, leucine: float = 1.0) -> Entry:
    return Entry(
        id=f"e{hours}",
        time=T0 + timedelta(hours=hours),
        name="x",
        protein_g=10.0,
        leucine_g=leucine,
        kcal=kcal,
        leucine_estimated=False,
        source=Source.ACTION,
    )


def test_fasts_run_from_one_meals_end_to_the_next_meals_start() -> None:
    entries = [_entry(0), _entry(0.5), _entry(6), _entry(22)]
    fasts = completed_fasts(entries, MERGE)
    assert [(f.start, round(f.hours, 2)) for f in fasts] == [
        (T0 + timedelta(hours=0.5), 5.5),
        (T0 + timedelta(hours=6), 16.0),
    ]
    assert [
        round(f.hours, 1) for f in completed_fasts(entries, MERGE, min_hours=12)
    ] == [16.0]


def test_black_coffee_does_not_split_a_fast() -> None:
    entries = [_entry(0), _entry(8, kcal=2, leucine=0), _entry(16)]
    assert [f.hours for f in completed_fasts(entries, MERGE)] == [16.0]


def test_a_fast_entered_by_hand_replaces_what_it_overlaps_and_meals_split_it() -> None:
    entries = [_entry(0), _entry(30)]  # a day without logged meals in between
    by_hand = ManualFast("m1", T0 + timedelta(hours=4), T0 + timedelta(hours=20))
    fasts = completed_fasts(entries, MERGE, [by_hand])
    assert fasts == [Fast(by_hand.start, by_hand.end, "m1")]
    # A meal logged inside it splits it (entries in any order).
    fasts = completed_fasts([*entries, _entry(10)], MERGE, [by_hand])
    assert [(round(f.hours, 1), f.manual_id) for f in fasts] == [
        (6.0, "m1"),
        (10.0, "m1"),
    ]


def test_a_summary_of_no_fasts_and_of_some() -> None:
    assert summarize_fasts([]).count == 0
    summary = summarize_fasts(
        completed_fasts([_entry(0), _entry(14), _entry(30)], MERGE)
    )
    assert (summary.count, summary.longest_h, summary.median_h) == (2, 16.0, 15.0)
