"""The settled-weight detector: scenarios from the kitchen, edge cases and properties."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
import math

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.mtor_balance.core.settle import (
    PortionEvent,
    PortionRemoved,
    PortionSettled,
    SettleDetector,
)

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def hold(
    grams: float, start: float, seconds: float = 3.0, step: float = 0.5
) -> list[tuple[float, float]]:
    """Readings of `grams` every `step` s from `start` for `seconds` s (both ends included)."""
    count = round(seconds / step)
    return [(start + i * step, grams) for i in range(count + 1)]


def feed(
    detector: SettleDetector, readings: Iterable[tuple[float, float]]
) -> list[PortionEvent]:
    events = []
    for seconds, grams in readings:
        event = detector.update(at(seconds), grams)
        if event is not None:
            events.append(event)
    return events


def portion_of(detector: SettleDetector) -> float | None:
    """Read `portion_g` without letting the type checker narrow it for later reads."""
    return detector.portion_g


def kinds(events: Sequence[PortionEvent]) -> list[tuple[str, float]]:
    return [(type(event).__name__, round(event.grams, 6)) for event in events]


# Scenarios


def test_portion_settles_after_the_hold_time() -> None:
    detector = SettleDetector()
    assert feed(detector, hold(0.0, 0.0)) == []
    assert portion_of(detector) is None
    assert detector.update(at(10.0), 152.3) is None
    assert detector.update(at(11.0), 152.3) is None
    assert detector.update(at(11.9), 152.3) is None
    event = detector.update(at(12.0), 152.3)
    assert event == PortionSettled(at(12.0), 152.3)
    assert detector.portion_g == 152.3
    assert detector.baseline_g == 0.0
    assert feed(detector, hold(152.3, 12.5, 10.0)) == []


def test_noise_within_tolerance() -> None:
    detector = SettleDetector()
    noisy = [151.5, 152.3, 153.3, 152.0, 151.4, 152.9, 153.0, 151.8, 152.3, 152.4]
    events = feed(detector, [(0.5 * i, grams) for i, grams in enumerate(noisy)])
    assert len(events) == 1
    assert isinstance(events[0], PortionSettled)
    # The reading that confirms the window: the first at or after 2 s (index 4).
    assert events[0] == PortionSettled(at(2.0), 151.4)


def test_noisy_arrival_restarts_the_window() -> None:
    detector = SettleDetector()
    # 148 -> 151 is beyond 2 g, so the window starts again at 151.
    events = feed(detector, [(0.0, 148.0), (1.0, 151.0), (2.5, 151.5), (3.0, 152.0)])
    assert events == [PortionSettled(at(3.0), 152.0)]


def test_same_weight_twice_in_a_row() -> None:
    detector = SettleDetector()
    readings = [
        *hold(0.0, 0.0),
        *hold(152.3, 10.0),
        *hold(0.0, 20.0),
        *hold(152.3, 30.0),
        *hold(0.0, 40.0),
    ]
    events = feed(detector, readings)
    assert kinds(events) == [
        ("PortionSettled", 152.3),
        ("PortionRemoved", 152.3),
        ("PortionSettled", 152.3),
        ("PortionRemoved", 152.3),
    ]
    assert [event.time for event in events] == [at(12.0), at(22.0), at(32.0), at(42.0)]
    assert detector.portion_g is None


def test_tare_between_foods_in_one_bowl() -> None:
    detector = SettleDetector()
    readings = [
        *hold(0.0, 0.0),
        (10.0, 350.0),  # bowl on ...
        (11.0, 350.0),  # ... and tared before it settles
        *hold(0.0, 12.0),
        *hold(50.0, 20.0),  # oats
        *hold(0.0, 30.0),  # tare
        *hold(100.0, 40.0),  # milk
        *hold(-350.0, 50.0),  # bowl lifted
    ]
    events = feed(detector, readings)
    assert kinds(events) == [
        ("PortionSettled", 50.0),
        ("PortionRemoved", 50.0),
        ("PortionSettled", 100.0),
        ("PortionRemoved", 100.0),
    ]
    assert detector.baseline_g == -350.0
    assert detector.portion_g is None


def test_bowl_that_settles_before_the_tare_counts_as_a_portion() -> None:
    detector = SettleDetector()
    events = feed(detector, [*hold(350.0, 0.0), *hold(0.0, 10.0), *hold(50.0, 20.0)])
    assert kinds(events) == [
        ("PortionSettled", 350.0),
        ("PortionRemoved", 350.0),
        ("PortionSettled", 50.0),
    ]


def test_brief_spike_never_emits() -> None:
    detector = SettleDetector()
    readings = [
        *hold(0.0, 0.0),
        (3.2, 500.0),
        (4.0, 480.0),
        (4.9, 500.0),
        *hold(0.0, 5.0),
    ]
    assert feed(detector, readings) == []
    # Nor does a spike while a portion is on (a hand pressing on the bowl).
    assert kinds(feed(detector, hold(80.0, 10.0))) == [("PortionSettled", 80.0)]
    assert feed(detector, [(13.1, 900.0), (14.0, 950.0), *hold(80.0, 15.0)]) == []
    assert detector.portion_g == 80.0


def test_food_added_and_spooned_back() -> None:
    detector = SettleDetector()
    readings = [
        *hold(150.0, 0.0),
        *hold(151.5, 10.0),  # within tolerance: no new event
        *hold(200.0, 20.0),
        *hold(120.0, 30.0),
        *hold(0.0, 40.0),
    ]
    events = feed(detector, readings)
    assert kinds(events) == [
        ("PortionSettled", 150.0),
        ("PortionSettled", 200.0),
        ("PortionSettled", 120.0),
        ("PortionRemoved", 120.0),
    ]


def test_slow_creep_beyond_tolerance_updates_the_portion() -> None:
    detector = SettleDetector()
    assert kinds(feed(detector, hold(100.0, 0.0))) == [("PortionSettled", 100.0)]
    # 101.5 is within the tolerance of 100, 103 of 101.5, but 103 is 3 g from the settled 100.
    assert feed(detector, hold(101.5, 10.0)) == []
    assert kinds(feed(detector, hold(103.0, 20.0))) == [("PortionSettled", 103.0)]


def test_lifted_bowl_becomes_the_baseline() -> None:
    detector = SettleDetector()
    assert feed(detector, [*hold(0.0, 0.0), *hold(-350.0, 10.0)]) == []
    assert detector.baseline_g == -350.0
    # Food straight on the platform is net of the new baseline.
    events = feed(detector, [*hold(-200.0, 20.0), *hold(-350.0, 30.0)])
    assert kinds(events) == [("PortionSettled", 150.0), ("PortionRemoved", 150.0)]
    assert detector.baseline_g == -350.0


def test_baseline_follows_a_drop_below_it() -> None:
    detector = SettleDetector()
    feed(detector, hold(-1.0, 0.0))
    assert detector.baseline_g == 0.0  # within tolerance
    feed(detector, hold(-5.0, 10.0))
    assert detector.baseline_g == -5.0
    feed(detector, hold(-8.0, 20.0))
    assert detector.baseline_g == -8.0
    assert kinds(feed(detector, hold(42.0, 30.0))) == [("PortionSettled", 50.0)]


def test_back_at_the_tare_point_re_zeroes_a_negative_baseline() -> None:
    detector = SettleDetector()
    # Bowl lifted, then put back (or the empty scale tared): the bowl is not food.
    assert feed(detector, [*hold(-350.0, 0.0), *hold(0.3, 10.0)]) == []
    assert detector.baseline_g == 0.3
    assert detector.portion_g is None
    # Tare pressed while food lies on the platform with the bowl gone: the portion is removed.
    feed(detector, hold(-350.0, 20.0))
    assert kinds(feed(detector, hold(-250.0, 30.0))) == [("PortionSettled", 100.0)]
    assert kinds(feed(detector, hold(0.0, 40.0))) == [("PortionRemoved", 100.0)]
    assert detector.baseline_g == 0.0


def test_after_a_removal_the_baseline_is_the_settled_reading() -> None:
    detector = SettleDetector()
    feed(detector, [*hold(100.0, 0.0), *hold(1.5, 10.0)])
    assert detector.baseline_g == 1.5
    assert kinds(feed(detector, hold(101.5, 20.0))) == [("PortionSettled", 100.0)]


def test_min_portion() -> None:
    detector = SettleDetector(tolerance_g=1.0, min_portion_g=5.0)
    assert feed(detector, hold(4.0, 0.0)) == []
    assert kinds(feed(detector, hold(50.0, 10.0))) == [("PortionSettled", 50.0)]
    # Crumbs left: above baseline + tolerance, but less than a portion.
    assert kinds(feed(detector, hold(3.0, 20.0))) == [("PortionRemoved", 50.0)]
    assert detector.baseline_g == 3.0


def test_portion_must_exceed_the_tolerance() -> None:
    detector = SettleDetector(tolerance_g=2.0, min_portion_g=0.5)
    assert feed(detector, hold(2.0, 0.0)) == []  # at baseline + tolerance: nothing on
    assert kinds(feed(detector, hold(2.5, 10.0))) == [("PortionSettled", 2.5)]


def test_one_event_per_window_no_flicker_at_the_threshold() -> None:
    detector = SettleDetector()
    readings = [
        (0.0, 0.0),
        (3.0, 0.0),
        (4.0, 2.1),
        (6.0, 2.1),
        (6.5, 1.9),
        (7.0, 2.1),
        (7.5, 1.8),
    ]
    assert kinds(feed(detector, readings)) == [("PortionSettled", 2.1)]
    assert detector.portion_g == pytest.approx(2.1)


def test_invalid_readings_are_ignored() -> None:
    detector = SettleDetector()
    feed(detector, hold(0.0, 0.0))
    assert detector.update(at(10.0), 152.3) is None
    for seconds, grams in [
        (10.5, math.nan),
        (11.0, math.inf),
        (11.5, -math.inf),
        (11.8, 30000.1),
        (11.9, -1e9),
    ]:
        assert detector.update(at(seconds), grams) is None
    assert detector.update(at(12.0), 152.3) == PortionSettled(at(12.0), 152.3)
    assert detector.update(at(20.0), math.nan) is None
    assert detector.portion_g == 152.3
    # The limit itself is a valid reading; ticks use the last valid reading.
    detector = SettleDetector(max_grams=1000.0)
    assert detector.update(at(0.0), 1000.0) is None
    assert detector.update(at(1.0), 5000.0) is None
    assert detector.tick(at(2.0)) == PortionSettled(at(2.0), 1000.0)


def test_clock_jump_back_restarts_the_window() -> None:
    detector = SettleDetector()
    feed(detector, hold(0.0, 0.0))
    assert feed(detector, [(10.0, 152.3), (11.0, 152.3)]) == []
    # The clock jumps back: even a reading that looks held restarts the window.
    assert detector.update(at(-100.0), 152.3) is None
    assert detector.update(at(-99.0), 152.3) is None
    assert detector.update(at(-98.0), 152.3) == PortionSettled(at(-98.0), 152.3)
    # Equal times are not a jump.
    assert detector.update(at(-98.0), 0.0) is None


def test_clock_jump_back_with_a_long_span_does_not_emit() -> None:
    detector = SettleDetector()
    assert detector.update(at(0.0), 100.0) is None
    assert detector.update(at(-50.0), 100.0) is None
    assert detector.portion_g is None


def test_naive_and_aware_times_do_not_raise() -> None:
    detector = SettleDetector()
    naive = datetime(2026, 3, 1, 8, 0)  # noqa: DTZ001
    assert detector.update(at(0.0), 100.0) is None
    assert detector.update(naive, 100.0) is None
    assert detector.update(naive + timedelta(seconds=1), 100.0) is None
    assert detector.update(at(5.0), 100.0) is None
    assert detector.update(at(7.0), 100.0) == PortionSettled(at(7.0), 100.0)


def test_irregular_readings() -> None:
    detector = SettleDetector()
    assert detector.update(at(0.0), 152.3) is None
    assert detector.update(at(60.0), 152.3) == PortionSettled(at(60.0), 152.3)


def test_tick_confirms_a_scale_that_went_quiet() -> None:
    detector = SettleDetector()
    assert detector.tick(at(0.0)) is None  # nothing read yet
    assert detector.update(at(0.0), 152.3) is None
    assert detector.update(at(0.5), 152.3) is None
    assert detector.tick(at(1.9)) is None
    assert detector.tick(at(2.0)) == PortionSettled(at(2.0), 152.3)
    assert detector.tick(at(5.0)) is None
    assert detector.tick(at(1.0)) is None  # earlier than the last reading: restart
    assert detector.portion_g == 152.3


def test_update_again_with_the_same_grams_re_evaluates() -> None:
    detector = SettleDetector()
    detector.update(at(0.0), 152.3)
    assert detector.update(at(2.5), 152.3) == PortionSettled(at(2.5), 152.3)


def test_zero_hold_time_settles_every_reading() -> None:
    detector = SettleDetector(hold_s=0.0)
    assert detector.update(at(0.0), 100.0) == PortionSettled(at(0.0), 100.0)
    assert detector.update(at(0.1), 100.5) is None
    assert detector.update(at(0.2), 200.0) == PortionSettled(at(0.2), 200.0)
    assert detector.update(at(0.3), 0.0) == PortionRemoved(at(0.3), 200.0)
    assert detector.update(at(0.0), 100.0) is None  # clock jump back
    assert detector.update(at(0.0), 100.0) == PortionSettled(at(0.0), 100.0)


def test_reset() -> None:
    detector = SettleDetector()
    feed(detector, [*hold(-350.0, 0.0), *hold(-200.0, 10.0)])
    assert detector.portion_g == 150.0
    detector.reset()
    assert portion_of(detector) is None
    assert detector.baseline_g == 0.0
    assert detector.tick(at(20.0)) is None
    assert kinds(feed(detector, hold(-200.0, 30.0))) == []
    assert detector.baseline_g == -200.0


def test_settings() -> None:
    detector = SettleDetector(tolerance_g=1, hold_s=3, min_portion_g=4, max_grams=5000)
    assert (
        detector.tolerance_g,
        detector.hold_s,
        detector.min_portion_g,
        detector.max_grams,
    ) == (
        1.0,
        3.0,
        4.0,
        5000.0,
    )
    default = SettleDetector()
    assert (
        default.tolerance_g,
        default.hold_s,
        default.min_portion_g,
        default.max_grams,
    ) == (
        2.0,
        2.0,
        2.0,
        30000.0,
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"tolerance_g": -1.0},
        {"hold_s": math.nan},
        {"min_portion_g": math.inf},
        {"max_grams": -0.1},
    ],
)
def test_invalid_settings(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be finite"):
        SettleDetector(**kwargs)


def test_events_are_frozen_values() -> None:
    event = PortionSettled(at(0.0), 1.0)
    assert event == PortionSettled(at(0.0), 1.0)
    other: object = PortionRemoved(at(0.0), 1.0)
    assert event != other
    with pytest.raises(AttributeError):
        event.grams = 2.0  # type: ignore[misc]


# Properties

type Op = tuple[str, float, float]  # ("update" | "tick", time offset in s, grams)

LEVELS = [0.0, 0.5, 2.0, 2.5, 50.0, 51.9, 152.3, -350.0, -1.0, 1000.0, 29999.0]
any_grams = st.one_of(
    st.sampled_from(LEVELS),
    st.sampled_from(LEVELS).flatmap(lambda level: st.floats(level - 2.5, level + 2.5)),
    st.floats(allow_nan=True, allow_infinity=True),
)
detectors = st.builds(
    SettleDetector,
    tolerance_g=st.sampled_from([0.0, 0.5, 2.0, 5.0]),
    hold_s=st.sampled_from([0.0, 0.5, 2.0, 3.0]),
    min_portion_g=st.sampled_from([0.0, 2.0, 10.0]),
    max_grams=st.sampled_from([1000.0, 30000.0]),
)
ops_monotonic = st.lists(
    st.tuples(
        st.sampled_from(["update"] * 5 + ["tick"]),
        st.floats(0.0, 3.0),
        any_grams,
    ),
    max_size=80,
)
ops_any_time = st.lists(
    st.tuples(
        st.sampled_from(["update"] * 5 + ["tick"]),
        st.floats(-5.0, 5.0),
        any_grams,
    ),
    max_size=80,
)


def _run(detector: SettleDetector, ops: list[Op], *, cumulative: bool) -> None:
    """Run the ops and check every property the detector promises."""
    readings: list[
        tuple[datetime, float]
    ] = []  # valid readings (ticks included), in order
    last_grams: float | None = None
    open_portion: float | None = None
    clock = 0.0
    for kind, offset, grams in ops:
        clock = clock + offset if cumulative else offset
        if kind == "tick":
            event = detector.tick(at(clock))
            if last_grams is None:
                assert event is None
                continue
            grams = last_grams  # noqa: PLW2901
        else:
            event = detector.update(at(clock), grams)
        valid = math.isfinite(grams) and abs(grams) <= detector.max_grams
        if valid:
            readings.append((at(clock), grams))
            last_grams = grams
        else:
            assert event is None
        if isinstance(event, PortionSettled):
            assert event.time == at(clock)
            assert event.grams >= detector.min_portion_g
            assert event.grams > detector.tolerance_g
            assert math.isclose(event.grams + detector.baseline_g, grams, abs_tol=1e-6)
            assert _was_held(readings, detector.tolerance_g, detector.hold_s)
            if open_portion is not None:
                assert abs(event.grams - open_portion) > detector.tolerance_g - 1e-9
            open_portion = event.grams
        elif isinstance(event, PortionRemoved):
            assert event.time == at(clock)
            assert open_portion is not None, "removal without a portion"
            assert event.grams == open_portion
            assert math.isclose(detector.baseline_g, grams)
            assert _was_held(readings, detector.tolerance_g, detector.hold_s)
            open_portion = None
        assert detector.portion_g == open_portion
        assert math.isfinite(detector.baseline_g)


def _was_held(
    readings: list[tuple[datetime, float]], tolerance: float, hold_s: float
) -> bool:
    """Whether the last reading ends a run of readings, all within tolerance, spanning hold_s."""
    end_time, _ = readings[-1]
    low = high = readings[-1][1]
    later = end_time
    for start_time, grams in reversed(readings):
        if start_time > later:  # the clock jumped back inside the run
            return False
        later = start_time
        low, high = min(low, grams), max(high, grams)
        if high - low > tolerance + 1e-9:
            return False
        if (end_time - start_time).total_seconds() >= hold_s:
            return True
    return False


@settings(max_examples=400)
@given(detector=detectors, ops=ops_monotonic)
def test_properties_with_monotonic_times(
    detector: SettleDetector, ops: list[Op]
) -> None:
    _run(detector, ops, cumulative=True)


@settings(max_examples=400)
@given(detector=detectors, ops=ops_any_time)
def test_properties_with_any_times(detector: SettleDetector, ops: list[Op]) -> None:
    _run(detector, ops, cumulative=False)


segments = st.lists(
    st.tuples(
        st.sampled_from(LEVELS),
        st.integers(1, 10),
        st.floats(0.1, 1.0),
        st.floats(0.0, 1.5),
    ),
    max_size=12,
)


@settings(max_examples=300)
@given(segments=segments, seed=st.randoms(use_true_random=False))
def test_properties_with_realistic_runs(
    segments: list[tuple[float, int, float, float]], seed: object
) -> None:
    ops: list[Op] = []
    for level, count, step, noise in segments:
        for _ in range(count):
            jitter = seed.uniform(-noise, noise) / 2  # type: ignore[attr-defined]
            ops.append(("update", step, level + jitter))
    _run(SettleDetector(), ops, cumulative=True)
