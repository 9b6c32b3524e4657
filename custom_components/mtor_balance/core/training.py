"""Training sessions: a weekly schedule expanded into sessions, and sessions merged.

The planner takes sessions as (start, end) moments. They come from the person's weekly
schedule (`Profile.training`, expanded here) and from whatever the Home Assistant layer
learns, such as a workout switch that was on from 18:02 to 19:15.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from .days import local_time
from .model import TrainingSlot


@dataclass(frozen=True, slots=True)
class TrainingSession:
    """One training session. Times are aware; `end` is not before `start`."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        """Reject naive times and sessions that end before they start."""
        if self.start.tzinfo is None or self.end.tzinfo is None:
            msg = "training times must be timezone-aware"
            raise ValueError(msg)
        if self.end < self.start:
            msg = "a training session cannot end before it starts"
            raise ValueError(msg)


def sessions_from_schedule(
    schedule: Sequence[TrainingSlot | None],
    around: datetime,
    tz: tzinfo,
    *,
    days_before: int = 1,
    days_after: int = 2,
) -> tuple[TrainingSession, ...]:
    """Return the scheduled sessions on the local days around `around`, in time order.

    `schedule` is Monday first: a `TrainingSlot` (local start time and length) or None per
    weekday. A shorter schedule repeats (one entry: every day); an empty one has no
    sessions. Start times are local clock times, so a 18:00 session stays at 18:00 over a
    daylight-saving change; its length is real time. Sessions of no length are left out.
    """
    if not schedule:
        return ()
    first = around.astimezone(tz).date() - timedelta(days=days_before)
    sessions: list[TrainingSession] = []
    for offset in range(days_before + days_after + 1):
        day = first + timedelta(days=offset)
        slot = schedule[day.weekday() % len(schedule)]
        if slot is None or slot.duration_min <= 0:
            continue
        start = local_time(day, slot.start, tz)
        sessions.append(
            TrainingSession(start, start + timedelta(minutes=slot.duration_min))
        )
    return tuple(sessions)


def merge_sessions(sessions: Iterable[TrainingSession]) -> tuple[TrainingSession, ...]:
    """Return the sessions in time order (in UTC), overlapping or touching ones as one."""
    ordered = sorted(
        (
            TrainingSession(session.start.astimezone(UTC), session.end.astimezone(UTC))
            for session in sessions
        ),
        key=lambda session: (session.start, session.end),
    )
    merged: list[TrainingSession] = []
    for session in ordered:
        if merged and session.start <= merged[-1].end:
            if session.end > merged[-1].end:
                merged[-1] = TrainingSession(merged[-1].start, session.end)
            continue
        merged.append(session)
    return tuple(merged)
