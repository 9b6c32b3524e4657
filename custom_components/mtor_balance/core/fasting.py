"""How long a person has been fasting, and when their fasting goal is reached.

Fasting hours are a goal the person sets. Nothing here claims that autophagy or any other
process has happened: no human measurement ties one to a particular hour count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .log import IntakeLog
from .model import Profile


@dataclass(frozen=True, slots=True)
class FastingState:
    """The fast at one moment. `since` is None when nothing that breaks a fast was logged."""

    since: datetime | None
    goal_end: datetime | None
    meal_open_until: datetime | None

    def hours(self, now: datetime) -> float | None:
        """Return the hours since the last meal ended (never negative)."""
        if self.since is None:
            return None
        return max(0.0, (now - self.since).total_seconds() / 3600.0)

    def fasting(self, now: datetime) -> bool:
        """Return whether the person is fasting: their last meal is over (or there was none)."""
        return self.meal_open_until is None or now >= self.meal_open_until

    def goal_reached(self, now: datetime) -> bool:
        """Return whether the fasting goal has been reached."""
        return self.goal_end is not None and now >= self.goal_end


def fasting_state(log: IntakeLog, profile: Profile, now: datetime) -> FastingState:
    """Return the fasting state at `now` from the log (entries after `now` are ignored)."""
    merge = timedelta(minutes=profile.meal_merge_min)
    meal = log.last_meal(now, merge)
    if meal is None:
        return FastingState(since=None, goal_end=None, meal_open_until=None)
    return FastingState(
        since=meal.end,
        goal_end=meal.end + timedelta(hours=profile.fast_goal_h),
        meal_open_until=meal.end + merge,
    )
