"""The meal planner: when the next meal should be, what it should hold, and why.

Pure and deterministic: one log, profile, moment and set of training sessions always give
the same suggestion. All arithmetic is in UTC; local clock times (eating window, sleep,
training schedule, the day's start) enter only through `core.days` and the time zone.

The rules, their sources and the decisions taken where the evidence is silent are in
docs/planner.md (nutrition.md §4, v2). In short:

- A feeding (fast-breaking entries at most 45 min apart) is a *meal* when its protein reaches
  half the per-meal dose (0.3 g/kg, older adults 0.4 g/kg; Moore 2015), and *at target*
  when its protein reaches the dose and its leucine 80 % of the leucine target. Smaller
  feedings (snacks, drinks, free amino acids) count towards the day's protein but neither
  count as a meal nor restart the spacing (Churchward-Venne 2014 tested leucine added to
  whey, not leucine alone).
- While a feeding is open (within 45 min of its last entry) and under target, the advice is
  to add to it now, unless it falls inside the spacing after an earlier meal.
- Meals are spaced about 3 h (Areta 2013), +1 h after a very large meal and +2 h after a
  huge one, never more than 5 h (Trommelen 2023).
- What is left of the day's protein is spread over the meals that still fit (Mamerow 2014);
  when that raises the meal above the planned amount the day is *behind* (Morton 2018),
  and a last meal 2 h after the previous one is offered before the window closes.
- Nothing is suggested while asleep; regular meals end an hour before bed; an optional
  casein-rich meal 30-60 min before bed (Res 2012, Trommelen 2016).
- Training: a meal within about 2 h after a session (Jäger 2017), none during one, and the
  meal before a session is called a pre-training meal when the one before it was more than
  4 h earlier. Training never moves a meal out of the eating window, onto a fast day or
  before the fasting goal.
- Day types are the person's plan (no claimed benefit): low-protein days are a budget,
  high-protein days raise the per-meal and daily amounts, fast days wait for the next
  eating day and the fasting goal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
import math

from .days import day_of, local_time
from .log import IntakeLog, Meal
from .model import MAX_DEFAULT_LEUCINE_G, AgeGroup, DayType, Profile
from .training import TrainingSession, merge_sessions, sessions_from_schedule

# --- Judging a meal (Moore 2015; nutrition.md §4) ---------------------------------------
MEAL_DOSE_G_PER_KG: dict[AgeGroup, float] = {AgeGroup.ADULT: 0.3, AgeGroup.OLDER: 0.4}
HIGH_DAY_MEAL_DOSE_G_PER_KG = 0.4  # high-protein days (Schoenfeld & Aragon 2018)
LEUCINE_SHARE_OF_TARGET = 0.8  # leucine at target: 80 % of the person's leucine target
MEAL_MIN_SHARE = 0.5  # a feeding under half the dose is a snack, not a meal
LEUCINE_PER_G_PROTEIN = 0.08  # mixed food (nutrition.md §3.4, "unknown")
FREE_AMINO_ACID_SHARE = (
    0.15  # leucine above 15 % of protein: free amino acids were added
)
ADD_STEP_G = 5.0  # "add about N g": rounded up to 5 g
# The leucine a meal is judged by stays within what was tested: about 2-3 g a meal
# (Norton & Layman 2006, Katsanos 2006, Devries 2018; Jäger 2017: 0.7-3 g a dose).
MAX_LEUCINE_TARGET_G = MAX_DEFAULT_LEUCINE_G
# A feeding is a meal eaten within an hour of its first entry; protein spread over longer
# is grazing: it earns no large-meal spacing (Areta 2013: small frequent pulses did less).
FEEDING_SPAN = timedelta(hours=1)

# --- Spacing (Areta 2013; Trommelen 2023) -----------------------------------------------
REFRACTORY = timedelta(hours=3)
LARGE_MEAL_EXTRA = timedelta(hours=1)  # per size step
MAX_REFRACTORY = timedelta(hours=5)
# Size steps of a large meal: (leucine as a multiple of the target, protein in g/kg).
LARGE_MEAL_STEPS = ((2.0, 0.6), (3.0, 0.9))
LAST_CHANCE_GAP = timedelta(
    hours=2
)  # MPS is back at baseline ~2 h after a meal (Atherton 2010)
CLOSING_MARGIN = timedelta(
    minutes=30
)  # a regular meal starts at least 30 min before closing

# --- The day (Morton 2018; Mamerow 2014; PROT-AGE/ESPEN) --------------------------------
BEHIND_TOLERANCE = 0.1  # behind: the meal must be over 10 % larger than planned
MAX_MEAL_PROTEIN_G_PER_KG = 1.25  # the largest dose tested: 100 g (Trommelen 2023)
LOW_DAY_PROTEIN_G_PER_KG: dict[AgeGroup, float] = {
    AgeGroup.ADULT: 0.8,  # RDA
    AgeGroup.OLDER: 1.0,  # ESPEN minimum (Deutz 2014)
}
HIGH_DAY_FACTOR = 1.25
HIGH_DAY_PROTEIN_G_PER_KG = (1.6, 2.2)  # Morton 2018: plateau, upper confidence limit
ESPEN_MIN_G_PER_KG = 1.0  # older adults (Deutz 2014)
# A fasting goal over a day leaves days without a meal: opt-in with a safety notice
# (nutrition.md §4), and for older adults under the ESPEN minimum on those days.
LONG_FAST_H = 24.0

# --- Sleep (Res 2012; Trommelen 2016) ---------------------------------------------------
PRE_BED = timedelta(hours=1)  # regular meals end an hour before bed
PRE_SLEEP_EARLIEST = timedelta(minutes=60)
PRE_SLEEP_LATEST = timedelta(minutes=30)
PRE_SLEEP_PROTEIN_G = (30.0, 40.0)

# --- Training (Jäger 2017) --------------------------------------------------------------
POST_TRAINING_WITHIN = timedelta(hours=2)
PRE_TRAINING_LEAD = timedelta(hours=2)
PRE_TRAINING_GAP = timedelta(hours=4)

MIN_WINDOW_H = 0.25
MAX_WINDOW_H = 24.0

_ONE_DAY = timedelta(days=1)
_JUST_AFTER = timedelta(microseconds=1)
_SEARCH_DAYS = 10  # a 7-day plan with one eating day still has it in here
_LOOKBACK = timedelta(hours=24)  # meals older than this no longer shape the next one
_FIT_STEPS = 64
_GOAL_STEPS = 4
_SCAN_FEEDINGS = 20
_MAX_SLOTS = 16
_REFERENCE_DAY = datetime(2001, 1, 1)  # noqa: DTZ001 - clock arithmetic, no time zone


class Reason(StrEnum):
    """Which rule set the suggestion. Stable codes, translated by the HA layer."""

    NO_HISTORY = "no_history"
    FAST_GOAL = "fast_goal"
    WINDOW_OPENS = "window_opens"
    REFRACTORY = "refractory"
    ADD_TO_MEAL = "add_to_meal"
    PRE_TRAINING = "pre_training"
    POST_TRAINING = "post_training"
    LAST_CHANCE = "last_chance"
    PRE_SLEEP = "pre_sleep"
    AFTER_WAKING = "after_waking"
    NEXT_WINDOW = "next_window"
    FAST_DAY = "fast_day"
    LOW_PROTEIN_DAY = "low_protein_day"
    AFTER_GRAZING = "after_grazing"
    NOW = "now"


class Evidence(StrEnum):
    """The source a rule follows (docs/planner.md has population and strength)."""

    PLAN = "plan"  # the person's own settings: no benefit is claimed
    ARETA_2013 = "areta_2013"
    MOORE_2015 = "moore_2015"
    TROMMELEN_2023 = "trommelen_2023"
    MORTON_2018 = "morton_2018"
    MAMEROW_2014 = "mamerow_2014"
    JAGER_2017 = "jager_2017"
    RES_2012 = "res_2012"
    TROMMELEN_2016 = "trommelen_2016"
    DEUTZ_2014 = "deutz_2014"
    CHURCHWARD_VENNE_2014 = "churchward_venne_2014"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The next suggested meal. Times are aware and in UTC.

    Every number can be explained from the others: `target_protein_g` is what the day
    still needs (`day_protein_remaining_g` = `day_protein_target_g` -
    `day_protein_eaten_g`) over the `meals_left` that still fit, at least the per-meal
    dose and at most `meal_max_protein_g` (1.25 g/kg); `day` and the `day_*` fields
    describe the plan day the suggested meal belongs to. `behind` is set only for a day
    that has started. `add_protein_g` and `meal_open_until` are set only for
    `Reason.ADD_TO_MEAL`.
    """

    time: datetime
    reason: Reason
    target_leucine_g: float
    target_protein_g: float
    fast_ends: datetime | None
    window_closes: datetime | None
    estimated: bool
    evidence: Evidence = Evidence.PLAN
    target_evidence: Evidence = Evidence.MOORE_2015
    day: date | None = None
    day_protein_target_g: float = 0.0
    day_protein_remaining_g: float = 0.0
    meals_left: int = 0
    behind: bool = False
    add_protein_g: float = 0.0
    meal_open_until: datetime | None = None
    day_protein_eaten_g: float = 0.0
    meal_max_protein_g: float = 0.0

    @property
    def add_now_g(self) -> float | None:
        """Return the protein (g) to add to the open meal now; None unless that is advised."""
        return round(self.add_protein_g) if self.reason is Reason.ADD_TO_MEAL else None


@dataclass(frozen=True, slots=True)
class EspenShortfall:
    """Days whose planned protein is under the ESPEN minimum for an older adult.

    A weekday of the plan (`weekday`, 0 = Monday), or (`weekday` None) the days a fasting
    goal over 24 h leaves without a meal, `days_per_week` of them on average.
    """

    weekday: int | None
    day_type: DayType
    planned_protein_g: float
    minimum_g: float
    days_per_week: float = 1.0


# --- Targets ------------------------------------------------------------------------------


def planned_day_type(profile: Profile, day: date) -> DayType:
    """Return the weekly plan's day type of `day` (the plan starts on Monday; no overrides)."""
    if not profile.plan:
        return DayType.NORMAL
    return profile.plan[day.weekday() % len(profile.plan)]


def leucine_target(profile: Profile) -> float:
    """Return the leucine (g) a meal is judged by: the person's target, at most 3 g.

    The per-meal leucine that studies tested is about 2-3 g (nutrition.md §3.1); a larger
    target (a per-kg default of a heavy body) would ask more than any evidence covers.
    """
    return min(profile.leucine_target_g, MAX_LEUCINE_TARGET_G)


def max_meal_protein_g(profile: Profile) -> float:
    """Return the most protein (g) one meal is planned with: 1.25 g/kg (Trommelen 2023)."""
    return MAX_MEAL_PROTEIN_G_PER_KG * profile.body_mass_kg


def is_grazing(meal: Meal) -> bool:
    """Return whether a feeding spread over more than an hour from its first entry."""
    return meal.end - meal.start > FEEDING_SPAN


def meal_dose_g(profile: Profile, day_type: DayType = DayType.NORMAL) -> float:
    """Return the protein (g) a meal needs to be at target (Moore 2015)."""
    per_kg = MEAL_DOSE_G_PER_KG[profile.age_group]
    if day_type is DayType.HIGH_PROTEIN:
        per_kg = max(per_kg, HIGH_DAY_MEAL_DOSE_G_PER_KG)
    return per_kg * profile.body_mass_kg


def low_day_protein_g_per_kg(profile: Profile) -> float:
    """Return the protein budget of a low-protein day in g/kg."""
    if profile.low_day_protein_g_per_kg is not None:
        return max(0.0, profile.low_day_protein_g_per_kg)
    return LOW_DAY_PROTEIN_G_PER_KG[profile.age_group]


def daily_protein_target(profile: Profile, day_type: DayType) -> float:
    """Return the protein (g) to aim for on a day of `day_type` (0 on fast days)."""
    mass = profile.body_mass_kg
    normal = profile.protein_target_g
    if day_type is DayType.FAST:
        return 0.0
    if day_type is DayType.LOW_PROTEIN:
        return min(normal, low_day_protein_g_per_kg(profile) * mass)
    if day_type is DayType.HIGH_PROTEIN:
        low, high = HIGH_DAY_PROTEIN_G_PER_KG
        raised = min(max(normal * HIGH_DAY_FACTOR, low * mass), high * mass)
        return max(normal, raised)
    return normal


def planned_meals(profile: Profile, day_type: DayType = DayType.NORMAL) -> int:
    """Return how many spaced meals a typical day of `day_type` is planned for.

    The meals about 3 h apart that fit in the eating window and before bedtime - 1 h (a
    window that opens with the first meal opens at the wake time). A low-protein day plans
    only as many meals as its budget fills at the per-meal dose.
    """
    length = _window_length(profile)
    clock = profile.eating_window.start
    if clock is None:
        clock = profile.wake_time if _sleeps(profile) else profile.day_start
    start = datetime.combine(_REFERENCE_DAY.date(), clock)
    last = start + length - _margin(length)
    blocks = _clock_nights(profile)
    count, moment = 0, start
    while count < _MAX_SLOTS:
        block = next((end for begin, end in blocks if begin < moment < end), None)
        if block is not None:
            moment = block
            continue
        if moment > last:
            break
        count += 1
        moment += REFRACTORY
    count = max(count, 1)
    if day_type is DayType.LOW_PROTEIN:
        budget = daily_protein_target(profile, day_type)
        count = max(1, min(count, math.floor(budget / meal_dose_g(profile) + 1e-9)))
    return count


def meal_targets(profile: Profile, day_type: DayType) -> tuple[float, float]:
    """Return the leucine and protein (g) planned for one meal on a typical day of `day_type`.

    The day's protein spread evenly over its planned meals (Mamerow 2014), at least the
    per-meal dose (Moore 2015), at most 1.25 g/kg. Fast days plan like normal days (for the
    meal that ends the fast). The suggestion adapts this to what was eaten.
    """
    if day_type is DayType.FAST:
        day_type = DayType.NORMAL
    target = daily_protein_target(profile, day_type)
    per_meal = target / planned_meals(profile, day_type)
    if day_type is not DayType.LOW_PROTEIN:
        per_meal = max(per_meal, meal_dose_g(profile, day_type))
    per_meal = min(per_meal, max_meal_protein_g(profile))
    return leucine_target(profile), float(max(1, round(per_meal)))


def is_meal(meal: Meal, profile: Profile) -> bool:
    """Return whether a feeding is a meal: its protein reaches half the per-meal dose."""
    return meal.protein_g >= MEAL_MIN_SHARE * meal_dose_g(profile)


def meal_at_target(meal: Meal, profile: Profile, day_type: DayType) -> bool:
    """Return whether a meal reaches the protein dose and 80 % of the leucine target."""
    return (
        meal.protein_g >= meal_dose_g(profile, day_type) - 1e-9
        and meal.leucine_g >= LEUCINE_SHARE_OF_TARGET * leucine_target(profile) - 1e-9
    )


def meals_at_target(
    log: IntakeLog,
    profile: Profile,
    start: datetime,
    end: datetime,
    day_type: DayType,
) -> int:
    """Return how many meals that begin in [start, end) are at target."""
    merge = timedelta(minutes=profile.meal_merge_min)
    return sum(
        1
        for meal in log.meals(start, end, merge)
        if meal_at_target(meal, profile, day_type)
    )


def refractory_period(meal: Meal, profile: Profile) -> timedelta:
    """Return how long after `meal` the next meal should wait (0 for snacks).

    3 h after a meal (Areta 2013); +1 h when its leucine reaches 2x the target or its
    protein 0.6 g/kg, +2 h at 3x or 0.9 g/kg, at most 5 h (Trommelen 2023). Protein
    grazed over more than an hour is no large meal: 3 h after it stops (Areta 2013).
    """
    if not is_meal(meal, profile):
        return timedelta(0)
    if is_grazing(meal):
        return REFRACTORY
    steps = sum(
        1
        for leucine_times, protein_per_kg in LARGE_MEAL_STEPS
        if meal.leucine_g >= leucine_times * leucine_target(profile)
        or meal.protein_g >= protein_per_kg * profile.body_mass_kg
    )
    return min(REFRACTORY + steps * LARGE_MEAL_EXTRA, MAX_REFRACTORY)


def espen_shortfalls(
    profile: Profile, plan: Sequence[DayType] | None = None
) -> tuple[EspenShortfall, ...]:
    """Return the weekdays whose plan puts an older adult under 1.0 g/kg/day (ESPEN).

    `plan` (Monday first) defaults to the profile's; pass a new plan to check it before it
    is saved. Adults get no shortfalls: the ESPEN minimum is for older adults.
    """
    if profile.age_group is not AgeGroup.OLDER:
        return ()
    days = tuple(profile.plan if plan is None else plan) or (DayType.NORMAL,)
    minimum = ESPEN_MIN_G_PER_KG * profile.body_mass_kg
    found: list[EspenShortfall] = []
    for weekday in range(7):
        day_type = days[weekday % len(days)]
        planned = daily_protein_target(profile, day_type)
        if planned < minimum - 1e-9:
            found.append(EspenShortfall(weekday, day_type, planned, minimum))
    skipped = days_without_meal_share(profile.fast_goal_h)
    if skipped > 0 and len(found) < 7:
        share = (7 - len(found)) * skipped
        found.append(EspenShortfall(None, DayType.NORMAL, 0.0, minimum, share))
    return tuple(found)


def days_without_meal_share(fast_goal_h: float) -> float:
    """Return the share of eating days a fasting goal leaves without a meal (0 to < 1).

    A goal over 24 h, counted from a day's last meal, runs past the next day's window:
    ceil(goal / 24) - 1 days without a meal after each day with one (36 h: every other day).
    """
    if fast_goal_h <= LONG_FAST_H:
        return 0.0
    skipped = math.ceil(fast_goal_h / LONG_FAST_H - 1e-9) - 1
    return skipped / (skipped + 1)


# --- Windows --------------------------------------------------------------------------


def eating_window_on(
    log: IntakeLog, profile: Profile, day: date, tz: tzinfo
) -> tuple[datetime, datetime] | None:
    """Return the eating window (UTC start, UTC end) of `day`, or None if it has not opened.

    A fixed window opens at its local start time; one that opens with the first meal opens
    with the first fast-breaking entry of the day and is None until then. (The planner
    also closes a window that opens with the first meal at bedtime, and does not let a
    feeding during the sleep hours open one.)
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
    training: Iterable[TrainingSession] = (),
) -> Suggestion:
    """Return when the next meal should be, why, and what it should contain.

    `day_type` overrides the plan for the current day. `training` adds sessions to the
    ones of the profile's weekly schedule (overlapping sessions count once). The
    suggestion is never before `now`.
    """
    if now.tzinfo is None:
        msg = "now must be timezone-aware"
        raise ValueError(msg)
    return _Planner(
        log, profile, now=now, tz=tz, day_type=day_type, training=training
    ).suggest()


# --- The planning run ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Window:
    day: date
    start: datetime
    end: datetime
    opened: bool = True  # False: a window that would open with this meal

    def same(self, other: _Window) -> bool:
        return self.day == other.day and (
            self.start == other.start or not (self.opened and other.opened)
        )


@dataclass(frozen=True, slots=True)
class _Slot:
    time: datetime
    window: _Window
    moved_window: bool = False
    moved_sleep: bool = False
    moved_training: bool = False
    goal: datetime | None = None  # the fasting goal that applied to this meal
    opening: bool = False  # the last move was to a window's opening


@dataclass(frozen=True, slots=True)
class _Block:
    start: datetime
    end: datetime
    sleep: bool


@dataclass(frozen=True, slots=True)
class _Targets:
    protein_g: float
    evidence: Evidence
    day_target_g: float
    remaining_g: float
    meals_left: int
    behind: bool
    eaten_g: float
    max_g: float


class _Kind(StrEnum):
    REGULAR = "regular"
    LATE = "late"  # allowed until bedtime (post-training)
    PRE_SLEEP = "pre_sleep"


class _Planner:
    """One planning run: the inputs, and what is derived from them once."""

    __slots__ = (
        "fixed",
        "last_intake",
        "length",
        "log",
        "margin",
        "merge",
        "nights",
        "now",
        "profile",
        "recent",
        "sessions",
        "sleeps",
        "today",
        "today_type",
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
        training: Iterable[TrainingSession],
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
        self.length = _window_length(profile)
        self.margin = _margin(self.length)
        self.fixed = profile.eating_window.start is not None
        self.sleeps = _sleeps(profile)
        self.last_intake = log.last_meal(self.now, self.merge)
        self.recent = [
            meal
            for meal in log.meals(
                self.now - _LOOKBACK, self.now + _JUST_AFTER, self.merge
            )
            if is_meal(meal, profile)
        ]
        scheduled = sessions_from_schedule(
            profile.training, self.now, tz, days_before=1, days_after=2
        )
        lowest, highest = self.now - _ONE_DAY, self.now + 3 * _ONE_DAY
        self.sessions = tuple(
            session
            for session in merge_sessions((*scheduled, *training))
            if session.end >= lowest and session.start <= highest
        )
        self.windows: dict[tuple[date, bool], _Window | None] = {}
        self.nights: dict[date, tuple[datetime, datetime] | None] = {}

    # Rules, in order

    def suggest(self) -> Suggestion:
        if self.today_type is DayType.FAST:
            return self._fast_day()
        added = self._add_to_meal()
        if added is not None:
            return added
        return self._next_meal()

    def _fast_day(self) -> Suggestion:
        """Suggest the next eating day's window on a fast day, not before the fasting goal."""
        first = self.today + _ONE_DAY
        eating = self._next_eating_day(first)
        plan = eating is not None
        day = first if eating is None else eating
        opening = self._opening(day, plan=plan)
        goal = self._literal_goal()
        lower = max(self.now, opening, goal or opening)
        slot = self._fit_any(lower, kind=_Kind.REGULAR, margin=False, min_day=day)
        fast_ends = None if goal is None else max(goal, opening)
        return self._build(slot, Reason.FAST_DAY, _Kind.REGULAR, fast_ends)

    def _add_to_meal(self) -> Suggestion | None:
        """Advise adding to an open meal (step 1).

        A meal under target grows to the meal's target. So does the day's last meal (no
        other one fits before the window closes: one meal a day, a short window, a late
        first meal) even at target, when the day still needs at least half a dose more:
        up to what the day needs, within 1.25 g/kg (Morton 2018; Trommelen 2023).
        """
        found = self._open_meal()
        if found is None:
            return None
        meal, window = found
        day_type = self._day_type(window.day)
        start = max(meal.start, window.start)
        targets = self._targets(window, start, _Kind.REGULAR, open_meal=meal)
        remaining = max(0.0, targets.remaining_g - meal.protein_g)
        if remaining <= 0:
            return None  # the day's protein is already there
        leucine_gap = (
            LEUCINE_SHARE_OF_TARGET * leucine_target(self.profile) - meal.leucine_g
        ) / LEUCINE_PER_G_PROTEIN
        gap = max(targets.protein_g - meal.protein_g, leucine_gap)
        at_target = meal_at_target(meal, self.profile, day_type)
        if at_target and (
            targets.meals_left > 1
            or gap < MEAL_MIN_SHARE * meal_dose_g(self.profile, day_type)
        ):
            return None  # a later meal carries the rest, or little is missing
        if gap <= 0:
            return None
        add = math.ceil(gap / ADD_STEP_G - 1e-9) * ADD_STEP_G
        if day_type is DayType.LOW_PROTEIN:
            add = float(round(min(add, remaining)))  # the budget's rest at most
        if add < 1:
            return None
        return Suggestion(
            time=self.now,
            reason=Reason.ADD_TO_MEAL,
            target_leucine_g=leucine_target(self.profile),
            target_protein_g=float(max(1, round(targets.protein_g))),
            fast_ends=self._literal_goal(),
            window_closes=window.end,
            estimated=meal.leucine_estimated,
            # A meal at target grows for the day's total (Morton 2018), else to the dose.
            evidence=Evidence.MORTON_2018 if at_target else Evidence.MOORE_2015,
            target_evidence=targets.evidence,
            day=window.day,
            day_protein_target_g=targets.day_target_g,
            day_protein_remaining_g=round(remaining, 1),
            meals_left=targets.meals_left,
            behind=targets.behind,
            add_protein_g=add,
            meal_open_until=self._open_until(meal),
            day_protein_eaten_g=round(targets.eaten_g + meal.protein_g, 1),
            meal_max_protein_g=targets.max_g,
        )

    def _open_until(self, meal: Meal) -> datetime:
        """When a feeding stops growing: 45 min after its last entry, an hour after its first."""
        return min(meal.end + self.merge, meal.start + FEEDING_SPAN)

    def _open_meal(self) -> tuple[Meal, _Window] | None:
        """Return the open feeding that may grow, and its window."""
        meal = self.last_intake
        if meal is None or self._open_until(meal) <= self.now:
            return None
        window = self._open_window()
        if window is None or self._block_at(self.now, _Kind.LATE) is not None:
            return None  # outside the window, asleep or training
        if self._spacing_end(before=meal.start) > meal.start:
            return None  # a snack while the previous meal's spacing runs
        return meal, window

    def _next_meal(self) -> Suggestion:
        """Plan the next meal: spacing, window, fasting goal, sleep, the day, training."""
        spacing_end = self._spacing_end()
        lower = max(self.now, spacing_end)
        done = self._low_day_done()
        min_day = self.today + _ONE_DAY if done else None
        slot = self._fit_meal(lower, kind=_Kind.REGULAR, margin=True, min_day=min_day)
        reason = self._reason(slot, spacing_end)
        kind = _Kind.REGULAR
        if done:
            reason = Reason.LOW_PROTEIN_DAY
        else:
            current = self._open_window()
            if current is not None and not slot.window.same(current):
                closing = self._pre_sleep(current, lower) or self._last_chance(current)
                if closing is not None:
                    slot, reason, kind = closing
            elif self._in_pre_sleep_slot(slot):
                reason, kind = Reason.PRE_SLEEP, _Kind.PRE_SLEEP
            slot, reason = self._training(slot, reason)
        return self._build(slot, reason, kind, self._fast_ends(slot))

    def _pre_sleep(
        self, window: _Window, lower: datetime
    ) -> tuple[_Slot, Reason, _Kind] | None:
        """Offer a casein-rich meal 30-60 min before bed (if enabled and the day needs it)."""
        if not (self.profile.pre_sleep_protein and self.sleeps):
            return None
        if self._remaining(window.day) <= 0:
            return None
        bed = self._next_bed(self.now)
        if bed is None:
            return None
        moment = max(lower, bed - PRE_SLEEP_EARLIEST)
        goal = self._goal_for(window)
        if goal is not None:
            moment = max(moment, goal)
        if moment > bed - PRE_SLEEP_LATEST or not window.start <= moment < window.end:
            return None
        if self._block_at(moment, _Kind.PRE_SLEEP) is not None:
            return None
        return _Slot(moment, window, goal=goal), Reason.PRE_SLEEP, _Kind.PRE_SLEEP

    def _in_pre_sleep_slot(self, slot: _Slot) -> bool:
        """Whether a regular meal falls in the pre-sleep slot (with the option on)."""
        if not (self.profile.pre_sleep_protein and self.sleeps):
            return False
        bed = self._next_bed(slot.time)
        return (
            bed is not None
            and bed - PRE_SLEEP_EARLIEST <= slot.time <= bed - PRE_SLEEP_LATEST
            and self._remaining(slot.window.day) > 0
        )

    def _last_chance(self, window: _Window) -> tuple[_Slot, Reason, _Kind] | None:
        """Offer a last meal when no spaced one fits before closing but the day needs one."""
        day_type = self._day_type(window.day)
        dose = meal_dose_g(self.profile, day_type)
        if day_type is DayType.LOW_PROTEIN:
            dose *= MEAL_MIN_SHARE
        if self._remaining(window.day) < dose:
            return None
        earliest = self.now
        if self.recent:
            earliest = max(earliest, self.recent[-1].end + LAST_CHANCE_GAP)
        goal = self._goal_for(window)
        if goal is not None:
            earliest = max(earliest, goal)
        latest = window.end - self.margin
        for _ in range(_FIT_STEPS):
            block = self._block_at(latest, _Kind.REGULAR)
            if block is None:
                break
            latest = block.start if block.sleep else block.start - CLOSING_MARGIN
        if latest >= max(earliest, window.start):
            moment = latest
        elif (
            earliest == self.now < window.end
            and self._block_at(self.now, _Kind.REGULAR) is None
        ):
            moment = self.now  # the last half hour of the window
        else:
            return None
        return _Slot(moment, window, goal=goal), Reason.LAST_CHANCE, _Kind.REGULAR

    def _training(self, slot: _Slot, reason: Reason) -> tuple[_Slot, Reason]:
        """Feed within about 2 h after a session; name the meal before one (step 5)."""
        if not self.sessions or reason in {
            Reason.PRE_SLEEP,
            Reason.FAST_DAY,
            Reason.LOW_PROTEIN_DAY,
        }:
            return slot, reason
        last = self.recent[-1] if self.recent else None
        for session in self.sessions:
            if (
                session.end <= self.now - POST_TRAINING_WITHIN
                or session.end > slot.time
            ):
                continue
            if last is not None and last.start >= session.start:
                continue  # fed after this session already
            deadline = session.end + POST_TRAINING_WITHIN
            if slot.time <= deadline:
                return slot, Reason.POST_TRAINING
            lower = max(self.now, session.end)
            if last is not None:
                lower = max(lower, last.end + LAST_CHANCE_GAP)
            fed = self._fit_meal(lower, kind=_Kind.LATE, margin=False)
            if fed.time <= deadline and fed.time < slot.time:
                return fed, Reason.POST_TRAINING
        for session in self.sessions:
            if not session.start - PRE_TRAINING_LEAD <= slot.time < session.start:
                continue
            if last is None or last.end < session.start - PRE_TRAINING_GAP:
                return slot, Reason.PRE_TRAINING
        return slot, reason

    # Meals and the day

    def _spacing_end(self, before: datetime | None = None) -> datetime:
        """Return when the spacing after recent meals (ended before `before`) ends."""
        end = self.now - _LOOKBACK
        for meal in self.recent:
            if before is not None and meal.end >= before:
                continue
            end = max(end, meal.end + refractory_period(meal, self.profile))
        return end

    def _bounds(self, day: date) -> tuple[datetime, datetime]:
        """Return the span whose intake counts for `day` (with a window past midnight)."""
        start, end = self._day_start(day), self._day_start(day + _ONE_DAY)
        previous = self._window(day - _ONE_DAY)
        if previous is not None and previous.end > start:
            start = previous.end
        own = self._window(day)
        if own is not None and own.end > end:
            end = own.end
        return start, end

    def _eaten(self, day: date, open_meal: Meal | None = None) -> tuple[float, int]:
        """Return the protein eaten on `day` up to now, and how many meals."""
        start, end = self._bounds(day)
        end = min(end, self.now + _JUST_AFTER)
        if end <= start:
            return 0.0, 0
        protein = self.log.totals(start, end).protein_g
        meals = sum(
            1
            for meal in self.log.meals(start, end, self.merge)
            if is_meal(meal, self.profile) and meal != open_meal
        )
        if open_meal is not None:
            protein -= open_meal.protein_g
        return max(0.0, protein), meals

    def _remaining(self, day: date) -> float:
        target = daily_protein_target(self.profile, self._day_type(day))
        return target - self._eaten(day)[0]

    def _low_day_done(self) -> bool:
        """Whether today's low-protein budget is used (or its planned meals eaten)."""
        if self.today_type is not DayType.LOW_PROTEIN:
            return False
        eaten, meals = self._eaten(self.today)
        budget = daily_protein_target(self.profile, DayType.LOW_PROTEIN)
        left = budget - eaten
        return left < MEAL_MIN_SHARE * meal_dose_g(
            self.profile
        ) or meals >= planned_meals(self.profile, DayType.LOW_PROTEIN)

    def _targets(
        self,
        window: _Window,
        moment: datetime,
        kind: _Kind,
        open_meal: Meal | None = None,
    ) -> _Targets:
        """Return what the meal at `moment` should hold (step 3)."""
        day = window.day
        day_type = self._day_type(day)
        if day_type is DayType.FAST:
            day_type = DayType.NORMAL
        dose = meal_dose_g(self.profile, day_type)
        day_target = daily_protein_target(self.profile, day_type)
        eaten, meals = self._eaten(day, open_meal)
        remaining = max(0.0, day_target - eaten)
        left = self._meals_left(window, moment, kind)
        if day_type is DayType.LOW_PROTEIN:
            left = max(1, min(left, planned_meals(self.profile, day_type) - meals))
        planned = meal_targets(self.profile, day_type)[1]
        per_meal = remaining / left
        most = max_meal_protein_g(self.profile)
        # Behind only on a day that has started, and only by what meals can hold: a
        # one-meal day is not behind before (or during) its only meal.
        started = day == self.today and (
            eaten > 0
            or open_meal is not None
            or (window.opened and window.start <= self.now)
        )
        behind = (
            started
            and remaining > 0
            and min(per_meal, most) > planned * (1 + BEHIND_TOLERANCE)
        )
        protein, evidence = dose, Evidence.MOORE_2015
        if per_meal > dose:
            protein = per_meal
            evidence = Evidence.MORTON_2018 if behind else Evidence.MAMEROW_2014
        if day_type is DayType.LOW_PROTEIN and remaining > 0:
            protein = min(protein, remaining)
            if self.profile.age_group is AgeGroup.OLDER:
                evidence = Evidence.DEUTZ_2014
        if protein > most:
            protein = most
            evidence = Evidence.TROMMELEN_2023
        if kind is _Kind.PRE_SLEEP:
            low, high = PRE_SLEEP_PROTEIN_G
            protein = min(max(protein, low), high)
            evidence = Evidence.TROMMELEN_2016
            if day_type is DayType.LOW_PROTEIN and remaining > 0:
                protein = min(protein, remaining)  # a low day's budget still holds
        return _Targets(
            protein_g=protein,
            evidence=evidence,
            day_target_g=round(day_target, 1),
            remaining_g=round(remaining, 1),
            meals_left=left,
            behind=behind,
            eaten_g=round(eaten, 1),
            max_g=round(most, 1),
        )

    def _meals_left(self, window: _Window, moment: datetime, kind: _Kind) -> int:
        """Return how many spaced meals fit from `moment` on in `window` (with it)."""
        if kind is _Kind.PRE_SLEEP:
            return 1
        last_start = window.end - self.margin
        count, slot, last = 0, moment, moment
        for _ in range(_FIT_STEPS):
            if count >= _MAX_SLOTS:
                break
            block = self._block_at(slot, _Kind.REGULAR)
            if block is not None:
                slot = block.end
                continue
            if slot > last_start:
                break
            count, last = count + 1, slot
            slot += REFRACTORY
        if count == 0:
            count = 1
        else:  # the last meal may come 2 h after the one before, as a last-chance meal
            extra = last + LAST_CHANCE_GAP
            if extra <= last_start and self._block_at(extra, _Kind.REGULAR) is None:
                count, last = count + 1, extra
        if self.profile.pre_sleep_protein and self.sleeps:
            bed = self._next_bed(last)
            if bed is not None:
                pre_sleep = max(bed - PRE_SLEEP_EARLIEST, last + REFRACTORY)
                if pre_sleep <= bed - PRE_SLEEP_LATEST and pre_sleep < window.end:
                    count += 1
        return count

    # The fast

    def _literal_goal(self) -> datetime | None:
        """When the fasting goal is reached, counted from the last fast-breaking intake."""
        if self.last_intake is None:
            return None
        return self.last_intake.end + timedelta(hours=self.profile.fast_goal_h)

    def _fast_breaking(self, window: _Window) -> bool:
        """Whether a meal in `window` ends a fast (nothing eaten in it yet)."""
        if not window.opened or window.start > self.now:
            return True
        return self.last_intake is None or self.last_intake.end < window.start

    def _goal_for(self, window: _Window) -> datetime | None:
        """Return the fasting goal a meal in `window` waits for, or None.

        The goal counts from the last fast-breaking intake. When that would cost the whole
        window and the intake was outside every eating window (a latte before a fixed
        window), it counts from the last intake inside one instead: a drink never costs a
        day of protein.
        """
        if not self._fast_breaking(window):
            return None
        goal = self._literal_goal()
        if goal is None:
            return None
        limit = window.end if window.opened else self._day_start(window.day + _ONE_DAY)
        if goal >= limit:
            fallback = self._in_window_goal()
            if fallback is not None and fallback < limit:
                return fallback
        return goal

    def _in_window_goal(self) -> datetime | None:
        meal = self.last_intake
        for _ in range(_SCAN_FEEDINGS):
            if meal is None:
                return None
            if self._inside_window(meal.start):
                return meal.end + timedelta(hours=self.profile.fast_goal_h)
            meal = self.log.last_meal(meal.start - _JUST_AFTER, self.merge)
        return None

    def _inside_window(self, moment: datetime) -> bool:
        day = self._day_of(moment)
        for candidate in (day, day - _ONE_DAY):
            window = self._window(candidate)
            if window is not None and window.start <= moment < window.end:
                return True
        return False

    def _fast_ends(self, slot: _Slot) -> datetime | None:
        """When the fast ends by the plan: the goal, and a skipped fast day's end."""
        window = slot.window
        if not self._fast_breaking(window):
            return self._literal_goal()
        goal = self._goal_for(window)
        if goal is None:
            return None
        if self._skips_fast_day(window.day):
            return max(goal, self._opening(window.day, plan=True))
        return goal

    # Days and windows

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

    def _skips_fast_day(self, day: date) -> bool:
        span = (day - self.today).days
        return any(
            not self._eats(self.today + timedelta(days=offset))
            for offset in range(max(0, span))
        )

    def _next_eating_day(self, first: date) -> date | None:
        for offset in range(_SEARCH_DAYS):
            day = first + timedelta(days=offset)
            if self._eats(day):
                return day
        return None

    def _opening(self, day: date, *, plan: bool) -> datetime:
        """Return when eating may start on `day` (its window opening or the day's start)."""
        window = self._window(day, plan=plan)
        if self.fixed and window is not None:
            return window.start
        return self._day_start(day)

    def _window(self, day: date, *, plan: bool = True) -> _Window | None:
        key = (day, plan)
        if key in self.windows:
            return self.windows[key]
        window = None
        if not plan or self._eats(day):
            bounds = (
                eating_window_on(self.log, self.profile, day, self.tz)
                if self.fixed
                else self._flexible_window(day)
            )
            if bounds is not None:
                start, end = bounds
                if plan and not self._eats(day + _ONE_DAY):
                    end = min(end, self._day_start(day + _ONE_DAY))
                if end > start:
                    window = _Window(day, start, end)
        self.windows[key] = window
        return window

    def _flexible_window(self, day: date) -> tuple[datetime, datetime] | None:
        """Return the window that the first feeding of `day` opened, if one did.

        Feedings up to now count, except those during the sleep hours (a snack at 00:30
        opens no window); the window closes at bedtime at the latest.
        """
        start = self._day_start(day)
        end = min(self._day_start(day + _ONE_DAY), self.now + _JUST_AFTER)
        if end <= start:
            return None
        for meal in self.log.meals(start, end, self.merge):
            if self._asleep(meal.start):
                continue
            opens = meal.start
            closes = opens + self.length
            bed = self._next_bed(opens)
            if bed is not None:
                closes = min(closes, bed)
            return opens, closes
        return None

    def _open_window(self) -> _Window | None:
        """Return the opened eating window that holds now, if any."""
        for day in (self.today, self.today - _ONE_DAY):
            window = self._window(day)
            if window is not None and window.start <= self.now < window.end:
                return window
        return None

    def _window_at(
        self, moment: datetime, min_day: date | None, *, margin: bool, plan: bool
    ) -> _Window | None:
        """Return the window a meal at `moment` would be in, or None."""
        day = self._day_of(moment)
        for candidate in (day, day - _ONE_DAY):
            if min_day is not None and candidate < min_day:
                continue
            window = self._window(candidate, plan=plan)
            if window is None:
                continue
            last = window.end - self.margin if margin else window.end - _JUST_AFTER
            if window.start <= moment <= last:
                return window
        if self.fixed or (min_day is not None and day < min_day):
            return None
        if (plan and not self._eats(day)) or self._window(day, plan=plan) is not None:
            return None
        end = moment + self.length
        if plan and not self._eats(day + _ONE_DAY):
            end = min(end, self._day_start(day + _ONE_DAY))
        return _Window(day, moment, max(end, moment + _JUST_AFTER), opened=False)

    def _next_opening(
        self, moment: datetime, min_day: date | None, *, plan: bool
    ) -> datetime | None:
        """Return the next moment after `moment` at which a window may hold a meal."""
        day = self._day_of(moment)
        first = day - _ONE_DAY if min_day is None else max(min_day, day - _ONE_DAY)
        for offset in range(_SEARCH_DAYS + 1):
            candidate = first + timedelta(days=offset)
            if self.fixed:
                window = self._window(candidate, plan=plan)
                if window is not None and window.start > moment:
                    return window.start
            elif candidate > day and (not plan or self._eats(candidate)):
                return self._day_start(candidate)
        return None

    # Sleep and sessions

    def _night(self, day: date) -> tuple[datetime, datetime] | None:
        """Return the sleep that starts at bedtime on local date `day`."""
        if day in self.nights:
            return self.nights[day]
        night = None
        if self.sleeps:
            bedtime, wake_time = self.profile.bedtime, self.profile.wake_time
            bed = local_time(day, bedtime, self.tz)
            wake_day = day + _ONE_DAY if wake_time <= bedtime else day
            wake = local_time(wake_day, wake_time, self.tz)
            if wake > bed:
                night = (bed, wake)
        self.nights[day] = night
        return night

    def _block_at(
        self, moment: datetime, kind: _Kind, *, sleep: bool = True
    ) -> _Block | None:
        """Return the session or sleep that rules out a meal of `kind` at `moment`."""
        for session in self.sessions:
            if session.start <= moment < session.end:
                return _Block(session.start, session.end, sleep=False)
        if not (sleep and self.sleeps):
            return None
        local = moment.astimezone(self.tz).date()
        for day in (local - _ONE_DAY, local, local + _ONE_DAY):
            night = self._night(day)
            if night is None:
                continue
            bed, wake = night
            if kind is _Kind.REGULAR:
                if bed - PRE_BED < moment < wake:
                    return _Block(bed - PRE_BED, wake, sleep=True)
            elif bed <= moment < wake:
                return _Block(bed, wake, sleep=True)
        return None

    def _asleep(self, moment: datetime) -> bool:
        local = moment.astimezone(self.tz).date()
        for day in (local - _ONE_DAY, local):
            night = self._night(day)
            if night is not None and night[0] <= moment < night[1]:
                return True
        return False

    def _next_bed(self, moment: datetime) -> datetime | None:
        local = moment.astimezone(self.tz).date()
        for day in (local - _ONE_DAY, local, local + _ONE_DAY, local + 2 * _ONE_DAY):
            night = self._night(day)
            if night is not None and night[0] > moment:
                return night[0]
        return None

    # Fitting a meal into the plan

    def _fit(
        self,
        moment: datetime,
        *,
        kind: _Kind,
        margin: bool,
        min_day: date | None,
        sleep: bool,
        plan: bool,
    ) -> _Slot | None:
        """Return the first moment from `moment` on that is awake, free and in a window."""
        moved_window = moved_sleep = moved_training = opening = False
        for _ in range(_FIT_STEPS):
            block = self._block_at(moment, kind, sleep=sleep)
            if block is not None:
                moment = block.end
                moved_sleep |= block.sleep
                moved_training |= not block.sleep
                opening = False
                continue
            window = self._window_at(moment, min_day, margin=margin, plan=plan)
            if window is not None:
                return _Slot(
                    moment,
                    window,
                    moved_window,
                    moved_sleep,
                    moved_training,
                    opening=opening,
                )
            following = self._next_opening(moment, min_day, plan=plan)
            if following is None:
                return None
            moment, moved_window, opening = following, True, True
        return None

    def _fit_any(
        self, moment: datetime, *, kind: _Kind, margin: bool, min_day: date | None
    ) -> _Slot:
        """`_fit`, ignoring sleep and then the plan when nothing fits (contradictions)."""
        for sleep, plan in ((True, True), (False, True), (True, False), (False, False)):
            slot = self._fit(
                moment,
                kind=kind,
                margin=margin,
                min_day=min_day,
                sleep=sleep,
                plan=plan,
            )
            if slot is not None:
                return slot
        day = self._day_of(moment)  # pragma: no cover - a window opens every day
        return _Slot(moment, _Window(day, moment, moment + self.length, opened=False))

    def _fit_meal(
        self,
        moment: datetime,
        *,
        kind: _Kind,
        margin: bool,
        min_day: date | None = None,
    ) -> _Slot:
        """`_fit_any`, and a meal that ends a fast waits for the fasting goal."""
        slot = self._fit_any(moment, kind=kind, margin=margin, min_day=min_day)
        for _ in range(_GOAL_STEPS):
            goal = self._goal_for(slot.window)
            if goal is None or goal <= slot.time:
                return replace(slot, goal=goal)
            slot = self._fit_any(goal, kind=kind, margin=False, min_day=min_day)
        return slot

    # The answer

    def _reason(self, slot: _Slot, spacing_end: datetime) -> Reason:
        if slot.moved_window and self._skips_fast_day(slot.window.day):
            reason = Reason.FAST_DAY
        elif slot.goal is not None and slot.time == slot.goal and not slot.opening:
            reason = Reason.FAST_GOAL
        elif slot.moved_window:
            reason = (
                Reason.WINDOW_OPENS
                if slot.window.day <= self.today
                else Reason.NEXT_WINDOW
            )
        elif slot.moved_sleep:
            reason = Reason.AFTER_WAKING
        elif slot.moved_training:
            reason = Reason.POST_TRAINING
        elif spacing_end > self.now and slot.time == spacing_end:
            reason = (
                Reason.AFTER_GRAZING
                if any(
                    is_grazing(meal)
                    and meal.end + refractory_period(meal, self.profile) == slot.time
                    for meal in self.recent
                )
                else Reason.REFRACTORY
            )
        else:
            reason = Reason.NOW
        waiting = {
            Reason.NOW,
            Reason.WINDOW_OPENS,
            Reason.NEXT_WINDOW,
            Reason.AFTER_WAKING,
        }
        if self.last_intake is None and reason in waiting:
            return Reason.NO_HISTORY
        return reason

    def _evidence(self, reason: Reason, slot: _Slot) -> Evidence:
        if reason is Reason.REFRACTORY:
            longest = max(
                (
                    spacing
                    for meal in self.recent
                    if meal.end + (spacing := refractory_period(meal, self.profile))
                    == slot.time
                ),
                default=REFRACTORY,
            )
            return (
                Evidence.TROMMELEN_2023 if longest > REFRACTORY else Evidence.ARETA_2013
            )
        if reason is Reason.NOW:
            last = self.last_intake
            if (
                last is not None
                and not is_meal(last, self.profile)
                and last.leucine_g > FREE_AMINO_ACID_SHARE * last.protein_g
            ):
                return Evidence.CHURCHWARD_VENNE_2014  # free amino acids are no meal
            spaced = self.recent and not self._fast_breaking(slot.window)
            return Evidence.ARETA_2013 if spaced else Evidence.PLAN
        return {
            Reason.ADD_TO_MEAL: Evidence.MOORE_2015,
            Reason.AFTER_GRAZING: Evidence.ARETA_2013,
            Reason.LAST_CHANCE: Evidence.MORTON_2018,
            Reason.POST_TRAINING: Evidence.JAGER_2017,
            Reason.PRE_TRAINING: Evidence.JAGER_2017,
            Reason.PRE_SLEEP: Evidence.RES_2012,
        }.get(reason, Evidence.PLAN)

    def _build(
        self,
        slot: _Slot,
        reason: Reason,
        kind: _Kind,
        fast_ends: datetime | None,
    ) -> Suggestion:
        window = slot.window
        targets = self._targets(window, slot.time, kind)
        return Suggestion(
            time=slot.time.astimezone(UTC),
            reason=reason,
            target_leucine_g=leucine_target(self.profile),
            target_protein_g=float(max(1, round(targets.protein_g))),
            fast_ends=fast_ends,
            window_closes=window.end if window.opened else None,
            estimated=self.last_intake is not None
            and self.last_intake.leucine_estimated,
            evidence=self._evidence(reason, slot),
            target_evidence=targets.evidence,
            day=window.day,
            day_protein_target_g=targets.day_target_g,
            day_protein_remaining_g=targets.remaining_g,
            meals_left=targets.meals_left,
            behind=targets.behind,
            day_protein_eaten_g=targets.eaten_g,
            meal_max_protein_g=targets.max_g,
        )


def _window_length(profile: Profile) -> timedelta:
    hours = min(max(profile.eating_window.length_h, MIN_WINDOW_H), MAX_WINDOW_H)
    return timedelta(hours=hours)


def _margin(length: timedelta) -> timedelta:
    return min(CLOSING_MARGIN, length / 2)


def _sleeps(profile: Profile) -> bool:
    return profile.bedtime != profile.wake_time


def _clock_nights(profile: Profile) -> list[tuple[datetime, datetime]]:
    """Return the regular-meal sleep blocks around the reference day (naive clock times)."""
    if not _sleeps(profile):
        return []
    blocks = []
    for offset in (-1, 0, 1, 2):
        day = _REFERENCE_DAY.date() + timedelta(days=offset)
        bed = datetime.combine(day, profile.bedtime)
        wake = datetime.combine(
            day + _ONE_DAY if profile.wake_time <= profile.bedtime else day,
            profile.wake_time,
        )
        blocks.append((bed - PRE_BED, wake))
    return blocks


def _day_start(profile: Profile, day: date, tz: tzinfo) -> datetime:
    return local_time(day, profile.day_start, tz)
