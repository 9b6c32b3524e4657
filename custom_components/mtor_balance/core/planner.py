"""The meal planner: when the next meal should be, and why (nutrition.md §4).

Pure and deterministic: one log, profile and moment always give the same suggestion. All
arithmetic is in UTC; local clock times enter only through `core.days` and the time zone.

Decisions made here beyond nutrition.md §4:

- Refractory spacing after a meal (`refractory_period`): 3 h after an effective meal; +1 h
  when its leucine reaches 2x the target or its protein 0.6 g/kg, another +1 h at 3x the target
  or 0.9 g/kg (cap 5 h); 1 h after a sub-threshold meal ("top up"); none when the meal's
  protein is unknown (leucine and protein both 0). The spacing runs from every recent meal, not
  only the last one: a snack after an effective meal does not cut that meal's spacing short.
- A window shorter than 2 x 3 h (20:4) caps the spacing at half the window so that two meals
  fit, and raises the per-meal protein to half the daily target, kept within 0.4-0.6 g/kg.
- The meal that breaks the fast (the first one in a window) waits for the fasting goal. When
  the goal is reached only after the window has closed, that window is skipped.
- Fixed windows are clock windows: 12:00 + 8 h is 12:00-20:00 local on daylight-saving days
  too, so a window that spans the clock change is an hour shorter or longer in real time. A
  window whose start is earlier in the day than `Profile.day_start` belongs to the day that
  ends then (it opens on the next calendar date).
- A window that began on the previous day and is still open (18:00 + 8 h at 01:00) is the
  current one. An eating window never reaches into a fast day: it is cut at that day's start,
  and windows of fast days do not count.
- Training (step 5) that ends before the window closes and at least 2 h after the last meal
  moves the meal to 30 min after training ends. It counts from an hour before `now` on (step 5
  says an hour before the planned meal; a session that ended within the last hour also counts
  when the planned meal is later, so fasted training is fed right after). If a whole spacing
  (3 h, or half a short window) still fits between the planned meal and the post-training
  meal, the planned meal stays and the post-training meal comes next. Training may end a fast
  early but never moves a meal out of the window or onto a fast day.
- The window-close rule (step 6) needs fewer than 1 / 2 / 3 effective meals in the window on a
  low-protein / normal / high-protein day. The last-chance meal is at least 1 h after the
  previous meal so that it is a meal of its own.
- Fast days: nothing until the next day (skipping further fast days of the plan) whose window
  opens, and not before 24 h (or the fasting goal, if longer) after the last meal.
- Low-protein days: one feeding with 0.8 g/kg protein; once eaten, the next day's window.
- Targets follow the day type of the day the suggested meal falls on: normal days a third of
  the daily protein target per meal; high-protein days at least 0.3 g/kg (adults, between
  Moore 2015's 0.24 g/kg and Schoenfeld & Aragon 2018's 0.4 g/kg) or 0.4 g/kg (older adults,
  Moore 2015), never less than on a normal day. The leucine target is the profile's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum

from .days import day_of, local_time
from .fasting import fasting_state
from .log import IntakeLog, Meal
from .model import AgeGroup, DayType, Profile

# Spacing after an effective meal (Areta 2013; Bohé 2001; Atherton 2010).
REFRACTORY = timedelta(hours=3)
LARGE_MEAL_EXTRA = timedelta(hours=1)  # per size step of a large meal (Trommelen 2023)
MAX_REFRACTORY = timedelta(hours=5)
# Size steps of a large meal: (leucine as a multiple of the target, protein in g/kg).
LARGE_MEAL_STEPS = ((2.0, 0.6), (3.0, 0.9))
TOP_UP_AFTER = timedelta(hours=1)  # after a sub-threshold meal
POST_TRAINING_DELAY = timedelta(minutes=30)  # ISSN (Jäger 2017)
TRAINING_LOOKBACK = timedelta(hours=1)
TRAINING_AFTER_MEAL = timedelta(hours=2)
CLOSING_MARGIN = timedelta(minutes=30)
FAST_DAY_MIN_FAST = timedelta(hours=24)
# RDA: the protein of a whole low-protein day, eaten in its one feeding.
LOW_DAY_PROTEIN_G_PER_KG = 0.8
HIGH_DAY_MEAL_PROTEIN_G_PER_KG: dict[AgeGroup, float] = {
    AgeGroup.ADULT: 0.3,
    AgeGroup.OLDER: 0.4,
}
SHORT_WINDOW = 2 * REFRACTORY  # fewer than three spaced meals fit in a shorter window
SHORT_WINDOW_MEAL_PROTEIN_G_PER_KG = (0.4, 0.6)
MEALS_PER_DAY = 3
MIN_EFFECTIVE_MEALS: dict[DayType, int] = {
    DayType.LOW_PROTEIN: 1,
    DayType.NORMAL: 2,
    DayType.HIGH_PROTEIN: 3,
    DayType.FAST: 0,
}
MIN_WINDOW_H = 0.25
MAX_WINDOW_H = 24.0

_ONE_DAY = timedelta(days=1)
_JUST_AFTER = timedelta(microseconds=1)
# Days to look ahead: a 7-day plan with one eating day still has it in here.
_SEARCH_DAYS = 10
_RECENT = 2 * MAX_REFRACTORY  # meals older than this no longer delay the next one


class Reason(StrEnum):
    """Why the next meal is suggested when it is. Stable codes, translated by the HA layer."""

    NO_HISTORY = "no_history"
    FAST_GOAL = "fast_goal"
    WINDOW_OPENS = "window_opens"
    REFRACTORY = "refractory"
    TOP_UP = "top_up"
    POST_TRAINING = "post_training"
    LAST_CHANCE = "last_chance"
    NEXT_WINDOW = "next_window"
    FAST_DAY = "fast_day"
    LOW_PROTEIN_DAY = "low_protein_day"
    NOW = "now"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The next suggested meal. Times are aware and in UTC."""

    time: datetime
    reason: Reason
    target_leucine_g: float
    target_protein_g: float
    fast_ends: datetime | None
    window_closes: datetime | None
    estimated: bool


def planned_day_type(profile: Profile, day: date) -> DayType:
    """Return the weekly plan's day type of `day` (the plan starts on Monday; no overrides)."""
    if not profile.plan:
        return DayType.NORMAL
    return profile.plan[day.weekday() % len(profile.plan)]


def meal_targets(profile: Profile, day_type: DayType) -> tuple[float, float]:
    """Return the leucine and protein (g) to aim for in one meal on a day of `day_type`."""
    mass = profile.body_mass_kg
    if day_type is DayType.LOW_PROTEIN:
        return profile.leucine_target_g, float(round(LOW_DAY_PROTEIN_G_PER_KG * mass))
    protein = profile.protein_target_g / MEALS_PER_DAY
    if day_type is DayType.HIGH_PROTEIN:
        protein = max(protein, HIGH_DAY_MEAL_PROTEIN_G_PER_KG[profile.age_group] * mass)
    if _window_length(profile) < SHORT_WINDOW:
        low, high = SHORT_WINDOW_MEAL_PROTEIN_G_PER_KG
        two_meals = min(max(profile.protein_target_g / 2, low * mass), high * mass)
        protein = max(protein, two_meals)
    return profile.leucine_target_g, float(round(protein))


def refractory_period(meal: Meal, profile: Profile) -> timedelta:
    """Return how long after `meal` the next meal should wait (nutrition.md §4 step 2)."""
    if meal.leucine_g <= 0 and meal.protein_g <= 0:
        return timedelta(0)  # protein unknown: no basis for a spacing
    if meal.leucine_g < profile.effective_leucine_g:
        return TOP_UP_AFTER
    steps = sum(
        1
        for leucine_times, protein_per_kg in LARGE_MEAL_STEPS
        if meal.leucine_g >= leucine_times * profile.leucine_target_g
        or meal.protein_g >= protein_per_kg * profile.body_mass_kg
    )
    return min(REFRACTORY + steps * LARGE_MEAL_EXTRA, MAX_REFRACTORY)


def eating_window_on(
    log: IntakeLog, profile: Profile, day: date, tz: tzinfo
) -> tuple[datetime, datetime] | None:
    """Return the eating window (UTC start, UTC end) of `day`, or None if it has not opened.

    A fixed window opens at its local start time; one that opens with the first meal opens
    with the first meal of the day and is None until then.
    """
    length = _window_length(profile)
    clock = profile.eating_window.start
    if clock is None:
        start, end = (
            _day_start(profile, day, tz),
            _day_start(profile, day + _ONE_DAY, tz),
        )
        meals = log.meals(start, end, timedelta(minutes=profile.meal_merge_min))
        if not meals:
            return None
        opens = meals[0].start.astimezone(UTC)
        return opens, opens + length
    first = day if clock >= profile.day_start else day + _ONE_DAY
    opens = local_time(first, clock, tz)
    wall_end = datetime.combine(first, clock) + length
    closes = local_time(wall_end.date(), wall_end.time(), tz)
    if closes <= opens:  # starts in the hour skipped in spring and ends right after it
        closes = opens + length
    return opens, closes


def suggest_next_meal(
    log: IntakeLog,
    profile: Profile,
    *,
    now: datetime,
    tz: tzinfo,
    day_type: DayType | None = None,
    training_end: datetime | None = None,
) -> Suggestion:
    """Return when the next meal should be, why, and what it should contain.

    `day_type` overrides the plan for the current day; `training_end` is when the latest (or
    upcoming) training session ends. The suggestion is never before `now`.
    """
    if now.tzinfo is None:
        msg = "now must be timezone-aware"
        raise ValueError(msg)
    return _Planner(
        log, profile, now=now, tz=tz, day_type=day_type, training_end=training_end
    ).suggest()


@dataclass(frozen=True, slots=True)
class _Window:
    day: date
    start: datetime
    end: datetime


class _Planner:
    """One planning run: the inputs and what is derived from them once."""

    __slots__ = (
        "fast_end",
        "fixed",
        "last",
        "length",
        "log",
        "merge",
        "now",
        "profile",
        "today",
        "today_type",
        "training_end",
        "tz",
        "windows",
    )

    def __init__(
        self,
        log: IntakeLog,
        profile: Profile,
        *,
        now: datetime,
        tz: tzinfo,
        day_type: DayType | None,
        training_end: datetime | None,
    ) -> None:
        self.log = log
        self.profile = profile
        self.now = now.astimezone(UTC)
        self.tz = tz
        self.merge = timedelta(minutes=profile.meal_merge_min)
        self.today = day_of(self.now, tz, profile.day_start)
        self.today_type = (
            planned_day_type(profile, self.today) if day_type is None else day_type
        )
        goal_end = fasting_state(log, profile, self.now).goal_end
        self.fast_end = None if goal_end is None else goal_end.astimezone(UTC)
        self.last = log.last_meal(self.now, self.merge)
        self.length = _window_length(profile)
        self.fixed = profile.eating_window.start is not None
        self.training_end = (
            None if training_end is None else training_end.astimezone(UTC)
        )
        self.windows: dict[tuple[date, bool], _Window | None] = {}

    def suggest(self) -> Suggestion:
        if self.today_type is DayType.FAST:
            return self._fast_day()
        if self.today_type is DayType.LOW_PROTEIN and self._ate_today():
            day = self.today + _ONE_DAY
            reason = Reason.LOW_PROTEIN_DAY
            return self._waiting(
                self._day_start(day), day, reason, self.fast_end, reason
            )
        current = self._current_window()
        if current is not None:
            return self._in_window(current)
        if self.fixed:
            return self._in_window(self._fit_fixed(self.now, self.today)[1])
        return self._before_flexible_window()

    # Day types and windows

    def _day_type(self, day: date) -> DayType:
        return (
            self.today_type
            if day == self.today
            else planned_day_type(self.profile, day)
        )

    def _eats(self, day: date) -> bool:
        return self._day_type(day) is not DayType.FAST

    def _day_of(self, moment: datetime) -> date:
        return day_of(moment, self.tz, self.profile.day_start)

    def _day_start(self, day: date) -> datetime:
        return _day_start(self.profile, day, self.tz)

    def _window(self, day: date, *, respect_plan: bool = True) -> _Window | None:
        key = (day, respect_plan)
        if key in self.windows:
            return self.windows[key]
        window = None
        if not respect_plan or self._eats(day):
            bounds = eating_window_on(self.log, self.profile, day, self.tz)
            if bounds is not None:
                start, end = bounds
                if respect_plan and not self._eats(day + _ONE_DAY):
                    end = min(end, self._day_start(day + _ONE_DAY))
                window = _Window(day, start, end)
        self.windows[key] = window
        return window

    def _current_window(self) -> _Window | None:
        for day in (self.today, self.today - _ONE_DAY):
            window = self._window(day)
            if window is not None and window.start <= self.now < window.end:
                return window
        return None

    def _next_eating_day(self, first: date) -> date:
        for offset in range(_SEARCH_DAYS):
            day = first + timedelta(days=offset)
            if self._eats(day):
                return day
        return first  # a plan of fast days only: follow the clock

    def _fit_fixed(self, moment: datetime, min_day: date) -> tuple[datetime, _Window]:
        """Return the first moment from `moment` on inside a window of `min_day` or later."""
        first = max(min_day, self._day_of(moment) - _ONE_DAY)
        days = [first + timedelta(days=offset) for offset in range(_SEARCH_DAYS)]
        window = next(
            (w for d in days if (w := self._window(d)) is not None and w.end > moment),
            None,
        )
        if window is None:  # a plan of fast days only: follow the clock
            window = next(
                w
                for d in days
                if (w := self._window(d, respect_plan=False)) is not None
                and w.end > moment
            )
        return max(moment, window.start), window

    def _fit(self, moment: datetime, min_day: date) -> tuple[datetime, datetime | None]:
        """Return the first eating moment from `moment` on, and when its window closes."""
        if self.fixed:
            slot, window = self._fit_fixed(moment, min_day)
            return slot, window.end
        day = self._day_of(moment)
        eating = self._next_eating_day(max(min_day, day))
        if eating == day:
            return moment, None
        return max(moment, self._day_start(eating)), None

    # Meals

    def _ate_today(self) -> bool:
        start = self._day_start(self.today)
        return bool(self.log.meals(start, self.now + _JUST_AFTER, self.merge))

    def _spacing_cap(self) -> timedelta:
        return min(REFRACTORY, self.length / 2)

    def _effective_meals(self, window: _Window) -> int:
        if window.start > self.now:
            return 0
        meals = self.log.meals(window.start, self.now + _JUST_AFTER, self.merge)
        threshold = self.profile.effective_leucine_g
        return sum(1 for meal in meals if meal.leucine_g >= threshold)

    def _spaced(
        self, last: Meal, lower: datetime, window: _Window
    ) -> tuple[datetime, Reason]:
        """Return when the spacing after the recent meals ends (steps 1-2 and 4)."""
        recent = self.log.meals(self.now - _RECENT, self.now + _JUST_AFTER, self.merge)
        cap = self.length / 2
        candidate, reason = lower, self._waiting_reason(window)
        for meal in (*recent, last):
            spacing = min(refractory_period(meal, self.profile), cap)
            if meal.end + spacing > candidate:
                candidate = meal.end + spacing
                effective = meal.leucine_g >= self.profile.effective_leucine_g
                reason = Reason.REFRACTORY if effective else Reason.TOP_UP
        return candidate, reason

    def _waiting_reason(self, window: _Window) -> Reason:
        if self.last is None:
            return Reason.NO_HISTORY
        if window.start <= self.now:
            return Reason.NOW
        return Reason.WINDOW_OPENS if window.day <= self.today else Reason.NEXT_WINDOW

    # Steps

    def _in_window(self, window: _Window) -> Suggestion:
        """Plan a meal in `window`, which is open now or the next one to open (steps 4-6)."""
        lower = max(self.now, window.start)
        last = self.last
        if last is not None and last.end >= window.start:
            candidate, reason = self._spaced(last, lower, window)
        elif self.fast_end is not None and self.fast_end > lower:
            # This meal breaks the fast: it waits for the fasting goal.
            candidate, reason = self.fast_end, Reason.FAST_GOAL
        else:
            candidate, reason = lower, self._waiting_reason(window)
        candidate, reason = self._training(candidate, reason, window)
        cutoff = window.end - CLOSING_MARGIN
        if candidate <= cutoff or (
            reason is Reason.FAST_GOAL and candidate < window.end
        ):
            return self._suggestion(candidate, reason, window.end)
        if reason is not Reason.FAST_GOAL:
            needed = MIN_EFFECTIVE_MEALS[self._day_type(window.day)]
            if self._effective_meals(window) < needed:
                last_chance = max(cutoff, lower)
                if last is not None:
                    last_chance = max(last_chance, last.end + TOP_UP_AFTER)
                if last_chance < window.end:
                    return self._suggestion(last_chance, Reason.LAST_CHANCE, window.end)
        return self._waiting(
            window.end,
            window.day + _ONE_DAY,
            Reason.NEXT_WINDOW,
            self.fast_end,
            Reason.FAST_GOAL,
        )

    def _training(
        self, candidate: datetime, reason: Reason, window: _Window
    ) -> tuple[datetime, Reason]:
        """Feed about 30 min after training ends (step 5)."""
        end = self.training_end
        if end is None or not self.now - TRAINING_LOOKBACK <= end <= window.end:
            return candidate, reason
        if self.last is not None and end - self.last.end < TRAINING_AFTER_MEAL:
            return candidate, reason
        fed = max(end + POST_TRAINING_DELAY, self.now, window.start)
        if fed - candidate >= self._spacing_cap() or not self._eats(self._day_of(fed)):
            return candidate, reason
        return fed, Reason.POST_TRAINING

    def _before_flexible_window(self) -> Suggestion:
        """Plan with a window that opens with the first meal, while no window is open."""
        todays = self._window(self.today)
        if todays is not None and todays.start <= self.now:  # today's window has closed
            return self._waiting(
                todays.end,
                self.today + _ONE_DAY,
                Reason.NEXT_WINDOW,
                self.fast_end,
                Reason.FAST_GOAL,
            )
        # Before the first meal of the day: the window opens whenever the person eats.
        if self.last is None:
            candidate, reason = self.now, Reason.NO_HISTORY
        elif self.fast_end is not None and self.fast_end > self.now:
            candidate, reason = self.fast_end, Reason.FAST_GOAL
        else:
            candidate, reason = self.now, Reason.NOW
        slot, _ = self._fit(candidate, self.today)
        if slot != candidate:
            reason = Reason.NEXT_WINDOW  # the fast goal falls on a fast day
        opening = _Window(self._day_of(slot), self.now, slot + self.length)
        slot, reason = self._training(slot, reason, opening)
        return self._suggestion(slot, reason, None)

    def _fast_day(self) -> Suggestion:
        """Nothing today: the next eating day's window, at least 24 h after the last meal."""
        day = self._next_eating_day(self.today + _ONE_DAY)
        fast = None
        if self.last is not None:
            goal = max(FAST_DAY_MIN_FAST, timedelta(hours=self.profile.fast_goal_h))
            fast = self.last.end.astimezone(UTC) + goal
        reason = Reason.FAST_DAY
        return self._waiting(self._day_start(day), day, reason, fast, reason)

    def _waiting(
        self,
        floor: datetime,
        min_day: date,
        reason: Reason,
        fast: datetime | None,
        fast_reason: Reason,
    ) -> Suggestion:
        """Suggest the first eating moment from `floor` (and the end of `fast`) on."""
        slot, closes = self._fit(max(self.now, floor), min_day)
        if fast is not None and fast > slot:
            slot, closes = self._fit(fast, min_day)
            if slot == fast:
                reason = fast_reason
        return self._suggestion(slot, reason, closes)

    def _suggestion(
        self, time: datetime, reason: Reason, closes: datetime | None
    ) -> Suggestion:
        day_type = self._day_type(self._day_of(time))
        if day_type is DayType.FAST:
            day_type = DayType.NORMAL
        leucine, protein = meal_targets(self.profile, day_type)
        return Suggestion(
            time=time.astimezone(UTC),
            reason=reason,
            target_leucine_g=leucine,
            target_protein_g=protein,
            fast_ends=self.fast_end,
            window_closes=closes,
            estimated=self.last is not None and self.last.leucine_estimated,
        )


def _window_length(profile: Profile) -> timedelta:
    hours = min(max(profile.eating_window.length_h, MIN_WINDOW_H), MAX_WINDOW_H)
    return timedelta(hours=hours)


def _day_start(profile: Profile, day: date, tz: tzinfo) -> datetime:
    return local_time(day, profile.day_start, tz)
