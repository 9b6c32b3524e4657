"""Detect when a portion settles on a kitchen scale, and when it is taken off again.

Most scale protocols have no "stable" flag, so settling is detected from the readings alone.
Pure Python, no Home Assistant imports.

A reading is *settled* once the readings have stayed within `tolerance_g` of each other (the
window's max - min) for at least `hold_s` seconds, measured with the readings' own times. The
window is kept as four numbers (start time, min, max and whether it already produced an event);
a reading that would widen it beyond the tolerance starts a new window at that reading. The
settled value is the reading that confirms the window, which is what the scale displays.

The settled state is confirmed on the first reading at or after `hold_s` since the window
began. A scale that stops sending while the load is steady is therefore not confirmed until its
next reading; call `tick` from a timer (or `update` again with the same grams) to re-evaluate.

Baseline and portions: the baseline starts at 0 g. While nothing is on, a settled reading more
than the tolerance below the baseline becomes the new baseline (a tared bowl was lifted), and a
settled reading at least `min_portion_g` and more than the tolerance above it is a portion (net
= settled - baseline), announced with `PortionSettled`. While a portion is on, a new settled
weight more than the tolerance away from the last one announces the new net weight (food added
or spooned back); a settled weight at or below baseline + tolerance (food taken off, tare
pressed, bowl lifted) or less than `min_portion_g` above the baseline announces `PortionRemoved`
with the last settled net weight, and the baseline becomes that reading.

A settled reading within the tolerance of 0 g while the baseline is below zero means the scale
is back at its tare point (the bowl was put back, or the empty scale was tared): it counts as
"empty", so it re-zeroes the baseline, or removes the portion, rather than counting the bowl's
weight as food.

Each window produces at most one event, so noise around a threshold cannot make a portion
flicker on and off. Non-finite readings and readings beyond `max_grams` are ignored. A reading
earlier than the previous one (the clock jumped back), or one whose time cannot be compared
with it (naive versus aware), starts a new window without an event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
import math


@dataclass(frozen=True, slots=True)
class PortionSettled:
    """A portion settled on the scale, or its settled weight changed; `grams` is net."""

    time: datetime
    grams: float


@dataclass(frozen=True, slots=True)
class PortionRemoved:
    """The portion left the scale (or was tared away); `grams` is its last settled net weight."""

    time: datetime
    grams: float


type PortionEvent = PortionSettled | PortionRemoved


class SettleDetector:
    """Turn a stream of timed readings into portion events. See the module docstring."""

    __slots__ = (
        "_baseline",
        "_done",
        "_gross",
        "_hi",
        "_hold",
        "_last_grams",
        "_last_time",
        "_lo",
        "_max_grams",
        "_min_portion",
        "_portion",
        "_start",
        "_tolerance",
    )

    def __init__(
        self,
        *,
        tolerance_g: float = 2.0,
        hold_s: float = 2.0,
        min_portion_g: float = 2.0,
        max_grams: float = 30000.0,
    ) -> None:
        """Set the detector's thresholds; all must be finite and not negative."""
        for label, value in (
            ("tolerance_g", tolerance_g),
            ("hold_s", hold_s),
            ("min_portion_g", min_portion_g),
            ("max_grams", max_grams),
        ):
            if not math.isfinite(value) or value < 0:
                msg = f"{label} must be finite and not negative, not {value!r}"
                raise ValueError(msg)
        self._tolerance = float(tolerance_g)
        self._hold = float(hold_s)
        self._min_portion = float(min_portion_g)
        self._max_grams = float(max_grams)
        self.reset()

    def reset(self) -> None:
        """Forget every reading, the portion and the baseline (back to 0 g)."""
        self._baseline = 0.0
        self._portion: float | None = None
        self._gross = 0.0
        self._last_time: datetime | None = None
        self._last_grams = 0.0
        # The time of the window's first reading; read only once there is a reading.
        self._start = datetime.min.replace(tzinfo=UTC)
        self._lo = 0.0
        self._hi = 0.0
        self._done = False

    @property
    def tolerance_g(self) -> float:
        """How far apart readings may be and still count as one settled weight."""
        return self._tolerance

    @property
    def hold_s(self) -> float:
        """How long readings must stay within the tolerance to count as settled."""
        return self._hold

    @property
    def min_portion_g(self) -> float:
        """The smallest net weight that counts as a portion."""
        return self._min_portion

    @property
    def max_grams(self) -> float:
        """Readings heavier than this (either sign) are ignored."""
        return self._max_grams

    @property
    def portion_g(self) -> float | None:
        """Net grams of the portion now on the scale, or None when there is none."""
        return self._portion

    @property
    def reading_g(self) -> float | None:
        """Return what the scale read when the portion settled (gross), None if none is on."""
        return None if self._portion is None else self._gross

    @property
    def baseline_g(self) -> float:
        """The scale reading that counts as "nothing on it"."""
        return self._baseline

    def tick(self, time: datetime) -> PortionEvent | None:
        """Re-evaluate at `time` as if the last valid reading had arrived again."""
        if self._last_time is None:
            return None
        return self.update(time, self._last_grams)

    def update(self, time: datetime, grams: float) -> PortionEvent | None:
        """Feed one reading; return the event it completes, if any."""
        if not math.isfinite(grams) or abs(grams) > self._max_grams:
            return None
        last = self._last_time
        self._last_time = time
        self._last_grams = grams
        if last is not None:
            try:
                jumped_back = time < last
            except TypeError:  # naive and aware times cannot be compared
                jumped_back = True
            if jumped_back:
                self._restart(time, grams)
                return None
            lo = min(grams, self._lo)
            hi = max(grams, self._hi)
            if hi - lo <= self._tolerance:
                self._lo = lo
                self._hi = hi
                if self._done or (time - self._start).total_seconds() < self._hold:
                    return None
                return self._settled(time, grams)
        self._restart(time, grams)
        return None if self._hold > 0.0 else self._settled(time, grams)

    def _restart(self, time: datetime, grams: float) -> None:
        """Start a new window at this reading."""
        self._start = time
        self._lo = self._hi = grams
        self._done = False

    def _settled(self, time: datetime, grams: float) -> PortionEvent | None:
        """Act on a settled reading of `grams` gross."""
        baseline = self._baseline
        tolerance = self._tolerance
        net = grams - baseline
        at_tare_point = baseline < -tolerance and -tolerance <= grams <= tolerance
        empty = net <= tolerance or at_tare_point
        portion = self._portion
        if portion is None:
            if empty:
                if net < -tolerance or at_tare_point:
                    self._baseline = grams
                return None
            if net < self._min_portion:
                return None
            self._portion = net
            self._gross = grams
            self._done = True
            return PortionSettled(time, net)
        if empty or net < self._min_portion:
            self._portion = None
            self._baseline = grams
            self._done = True
            return PortionRemoved(time, portion)
        if abs(grams - self._gross) > tolerance:
            self._portion = net
            self._gross = grams
            self._done = True
            return PortionSettled(time, net)
        return None
