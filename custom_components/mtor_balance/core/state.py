"""A person's state at one moment, and the next moment it changes by the clock alone.

Pure functions over the log and the profile: the Home Assistant layer calls `person_state`
after every change and at `next_change`, and hands the result to the entities. Nothing polls.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
import math

from .days import day_bounds, day_of
from .fasting import fasting_state
from .log import IntakeLog, Meal, Totals
from .model import DayType, Food, Profile
from .planner import (
    Suggestion,
    eating_window_on,
    meal_at_target,
    meals_at_target,
    suggest_next_meal,
)
from .shared_scale import ScaleView
from .summary import PeriodSummary
from .training import TrainingSession

NO_SCALE = ScaleView()

# Fasting hours are shown in steps fine enough for a dashboard and coarse enough not to
# write a state every few minutes through a long fast: 0.1 h for the first 2 hours, 0.25 h
# up to 12 hours, then 0.5 h (bands in seconds: up to, step). About 110 writes a day.
FASTING_BANDS = ((7200, 360), (43200, 900), (math.inf, 1800))
# Without anything else due, look again after this long.
IDLE_RECHECK = timedelta(hours=1)


def _band_step(elapsed_s: float) -> int:
    return next(step for upto, step in FASTING_BANDS if elapsed_s < upto)


def shown_fasting_hours(since: datetime, now: datetime) -> float:
    """Return the fasting hours to show at `now`: rounded down to the step of their band."""
    elapsed = max(0.0, (now - since).total_seconds())
    step = _band_step(elapsed)
    return round(elapsed // step * step / 3600, 2)


def next_fasting_step(since: datetime, now: datetime) -> datetime:
    """Return when the shown fasting hours change next after `now`."""
    elapsed = max(0.0, (now - since).total_seconds())
    step = _band_step(elapsed)
    return since + timedelta(seconds=(elapsed // step + 1) * step)


@dataclass(frozen=True, slots=True)
class Portion:
    """The settled portion on the person's scale, with the selected food's nutrients."""

    grams: float
    food: Food | None
    food_name: str | None  # in the language the person's foods are shown in
    protein_g: float | None
    leucine_g: float | None
    leucine_estimated: bool


@dataclass(frozen=True, slots=True)
class PersonState:
    """Everything the entities show, computed at one moment.

    While a meal is in progress (from its first entry until 45 minutes after its last),
    `fasting` is False, `fasting_hours` 0 and `fasting_since` None: no fast is running, so
    nothing says one began seconds ago. When the meal is over, `fasting` turns True and both
    count from the meal's last entry. `meal_open_until` is when the meal in progress ends.
    """

    now: datetime
    day_start: datetime
    day_type: DayType
    fasting_since: datetime | None
    fasting_hours: float | None
    fast_goal_end: datetime | None
    fasting: bool
    meal_open_until: datetime | None
    fast_goal_reached: bool
    today: Totals
    last_meal: Meal | None
    last_meal_at_target: bool  # protein dose and leucine together (False: no last meal)
    meals_at_target_today: int
    suggestion: Suggestion
    window_open: bool
    portion: Portion | None
    scale: ScaleView  # the person's portion, an unclaimed one and pending ones
    week: PeriodSummary | None  # the seven completed days before today


def portion_of(grams: float | None, food: Food | None, language: str) -> Portion | None:
    """Return the portion of `grams` of `food` (None when nothing is on the scale)."""
    if grams is None:
        return None
    if food is None:
        return Portion(grams, None, None, None, None, leucine_estimated=False)
    nutrients = food.portion(grams)
    return Portion(
        grams,
        food,
        food.name_in(language),
        round(nutrients.protein_g, 2),
        round(nutrients.leucine_g, 2),
        nutrients.leucine_estimated,
    )


def person_state(
    log: IntakeLog,
    profile: Profile,
    *,
    now: datetime,
    tz: tzinfo,
    day_type: DayType,
    suggestion: Suggestion,
    portion: Portion | None,
    scale: ScaleView = NO_SCALE,
    week: PeriodSummary | None = None,
) -> PersonState:
    """Return the person's state at `now` (`day_type` is today's, overrides included)."""
    merge = timedelta(minutes=profile.meal_merge_min)
    today = day_of(now, tz, profile.day_start)
    start, end = day_bounds(today, tz, profile.day_start)
    fast = fasting_state(log, profile, now)
    fasting = fast.fasting(now)
    if fast.since is None:
        since, hours = None, None
    elif fasting:
        since, hours = fast.since, shown_fasting_hours(fast.since, now)
    else:
        since, hours = None, 0.0
    window = eating_window_on(log, profile, today, tz)
    last_meal = log.last_meal(now, merge)
    return PersonState(
        now=now,
        day_start=start,
        day_type=day_type,
        fasting_since=since,
        fasting_hours=hours,
        fast_goal_end=fast.goal_end,
        fasting=fasting,
        meal_open_until=None if fasting else fast.meal_open_until,
        fast_goal_reached=fast.goal_reached(now),
        today=log.totals(start, end),
        last_meal=last_meal,
        last_meal_at_target=last_meal is not None
        and meal_at_target(last_meal, profile, day_type),
        meals_at_target_today=meals_at_target(log, profile, start, end, day_type),
        suggestion=suggestion,
        window_open=window is not None and window[0] <= now < window[1],
        portion=portion,
        scale=scale,
        week=week,
    )


def next_change(
    state: PersonState, log: IntakeLog, profile: Profile, tz: tzinfo
) -> datetime:
    """Return the next moment after `state.now` at which the state changes by the clock."""
    now = state.now
    today = day_of(now, tz, profile.day_start)
    moments: list[datetime] = [day_bounds(today, tz, profile.day_start)[1]]
    if state.fasting_since is not None:
        moments.append(next_fasting_step(state.fasting_since, now))
    if state.meal_open_until is not None:
        moments.append(state.meal_open_until)
    if state.fast_goal_end is not None:
        moments.append(state.fast_goal_end)
    for day in (today, today + timedelta(days=1)):
        if (window := eating_window_on(log, profile, day, tz)) is not None:
            moments.extend(window)
    moments.append(state.suggestion.time)
    return min(
        (moment for moment in moments if moment > now), default=now + IDLE_RECHECK
    )


class SteadySuggestion:
    """Keeps a suggestion that has come due until the log or plan changes.

    Once its time has passed the planner answers "now" at every update; showing the moment
    the meal came due instead keeps the sensor (and time triggers on it) still.
    """

    __slots__ = ("_kept", "_revision")

    def __init__(self) -> None:
        """Start with nothing kept."""
        self._revision = 0
        self._kept: tuple[int, Suggestion] | None = None

    def changed(self) -> None:
        """Note that the log or the plan changed: a due suggestion may move again."""
        self._revision += 1

    def suggest(
        self,
        log: IntakeLog,
        profile: Profile,
        *,
        now: datetime,
        tz: tzinfo,
        day_type: DayType,
        training: Iterable[TrainingSession] = (),
    ) -> Suggestion:
        """Return the planner's suggestion, or the due one kept since the last change."""
        suggestion = suggest_next_meal(
            log, profile, now=now, tz=tz, day_type=day_type, training=training
        )
        kept = self._kept
        if (
            kept is not None
            and kept[0] == self._revision
            and kept[1].time <= now
            and suggestion.time <= now
        ):
            return kept[1]
        self._kept = (self._revision, suggestion)
        return suggestion
