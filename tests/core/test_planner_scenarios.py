"""The planner over a table of situations (Europe/Stockholm), each with its evidence.

Every row gives the moment, what was eaten, the expected suggestion window (earliest and
latest local time the suggested meal may be at), the rule that should fire and the
literature the rule follows (docs/planner.md has population and strength). The first rows
are the product issue's findings against v1; the rest cover the plan's other corners.

Foods are SR28 values per 100 g (nutrition.md §1c) unless a label is named.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from itertools import count
from zoneinfo import ZoneInfo

import pytest

from custom_components.mtor_balance.core.log import IntakeLog
from custom_components.mtor_balance.core.model import (
    AgeGroup,
    DayType,
    EatingWindow,
    Entry,
    Profile,
    Source,
    default_leucine_target_g,
    default_protein_target_g,
)
from custom_components.mtor_balance.core.planner import (
    Evidence,
    Reason,
    suggest_next_meal,
)
from custom_components.mtor_balance.core.training import TrainingSession

TZ = ZoneInfo("Europe/Stockholm")
_ids = count()

WED = date(2026, 6, 10)
TUE, THU = WED - timedelta(days=1), WED + timedelta(days=1)
FRI = WED + timedelta(days=2)
SPRING = date(2026, 3, 29)  # clocks go forward 02:00 -> 03:00
AUTUMN = date(2026, 10, 25)  # clocks go back 03:00 -> 02:00

# Protein, leucine (g) and kcal per 100 g.
FOODS: dict[str, tuple[float, float, float]] = {
    "cottage_cheese": (11.12, 1.116, 98.0),  # SR28 01012
    "chicken_breast": (31.02, 2.328, 165.0),  # SR28 05064
    "egg": (12.56, 1.086, 143.0),  # SR28 01123
    "milk": (3.27, 0.31, 61.0),  # SR28 01077: a 150 ml latte = 4.9 g protein
    "salmon": (22.10, 1.796, 206.0),  # SR28 15237
    "sirloin": (30.55, 2.430, 200.0),  # SR28 13454
    "whey": (80.0, 8.8, 380.0),  # a label: 80 g protein, 11 % leucine (§3.4)
    "snack": (10.0, 0.8, 150.0),  # 10 g protein per 100 g portion (Areta's pulse dose)
    "cheddar": (22.87, 1.939, 403.0),  # SR28 01009
}


def at(day: date, clock: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(clock)).replace(tzinfo=TZ)


def eat(day: date, clock: str, food: str, grams: float) -> Entry:
    protein, leucine, kcal = FOODS[food]
    scale = grams / 100.0
    return Entry(
        id=f"s{next(_ids)}",
        time=at(day, clock).astimezone(UTC),
        name=food,
        protein_g=protein * scale,
        leucine_g=leucine * scale,
        kcal=kcal * scale,
        leucine_estimated=False,
        source=Source.ACTION,
    )


def leucine_powder(day: date, clock: str, grams: float = 3.0) -> Entry:
    return Entry(
        id=f"s{next(_ids)}",
        time=at(day, clock).astimezone(UTC),
        name="leucine",
        protein_g=0.0,
        leucine_g=grams,
        kcal=4 * grams,
        leucine_estimated=False,
        source=Source.ACTION,
    )


def person(
    mass: float,
    age_group: AgeGroup,
    *,
    start: time | None,
    length_h: float,
    fast_goal_h: float = 16.0,
    leucine_g: float | None = None,
    **changes: object,
) -> Profile:
    base = Profile(
        body_mass_kg=mass,
        age_group=age_group,
        fast_goal_h=fast_goal_h,
        eating_window=EatingWindow(length_h=length_h, start=start),
        leucine_target_g=leucine_g or default_leucine_target_g(mass, age_group),
        protein_target_g=default_protein_target_g(mass, age_group),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def plan_with(day: date, day_type: DayType) -> tuple[DayType, ...]:
    plan = [DayType.NORMAL] * 7
    plan[day.weekday()] = day_type
    return tuple(plan)


# Erik: 80 kg, 16:8 with the window 12:00-20:00 (README). Anna: 68 y, 60 kg, 3.0 g leucine,
# a 14-h fast and a 07:00-19:00 window. Bo: 30 y, 70 kg, a window that opens with the meal.
ERIK = person(80, AgeGroup.ADULT, start=time(12), length_h=8, leucine_g=2.5)
ANNA = person(60, AgeGroup.OLDER, start=time(7), length_h=12, fast_goal_h=14)
BO = person(70, AgeGroup.ADULT, start=None, length_h=8)
LATE = replace(ERIK, eating_window=EatingWindow(12, time(12)))  # 12:00-24:00
# The audit's people (issue 22): one meal a day (80 kg, 18:00-19:00), an older adult with a
# 36-h goal (70 y, 60 kg), a grazer (70 kg, 08:00-20:00), a heavy and a light body.
OMAD = person(80, AgeGroup.ADULT, start=time(18), length_h=1, fast_goal_h=23)
LONG_FAST = person(60, AgeGroup.OLDER, start=time(8), length_h=10, fast_goal_h=36)
GRAZER = person(70, AgeGroup.ADULT, start=time(8), length_h=12)
HEAVY = person(130, AgeGroup.ADULT, start=time(12), length_h=8)
HEAVY_OLDER = person(130, AgeGroup.OLDER, start=time(8), length_h=10)
LIGHT = person(50, AgeGroup.ADULT, start=time(7), length_h=12)
LIGHT_OLDER = person(50, AgeGroup.OLDER, start=time(7), length_h=12)


def grazing(day: date, first: str, last: str, grams: float) -> list[Entry]:
    """Cheddar every 40 minutes from `first` to `last` (the audit's grazer)."""
    moment, end = at(day, first), at(day, last)
    eaten = []
    while moment <= end:
        eaten.append(eat(day, moment.strftime("%H:%M"), "cheddar", grams))
        moment += timedelta(minutes=40)
    return eaten


@dataclass(frozen=True)
class Row:
    """One situation and what the planner should say."""

    name: str
    profile: Profile
    eaten: tuple[Entry, ...]
    now: datetime
    earliest: datetime
    latest: datetime
    reason: Reason
    evidence: Evidence
    follows: str  # the literature (or decision) the expected advice follows
    day_type: DayType | None = None
    training: tuple[TrainingSession, ...] = ()
    checks: dict[str, object] = field(default_factory=dict)


def row(
    name: str,
    profile: Profile,
    eaten: list[Entry],
    now: datetime,
    window: tuple[datetime, datetime],
    reason: Reason,
    evidence: Evidence,
    follows: str,
    **extra: object,
) -> Row:
    return Row(
        name, profile, tuple(eaten), now, *window, reason, evidence, follows, **extra
    )  # type: ignore[arg-type]


def session(day: date, start: str, end: str) -> tuple[TrainingSession, ...]:
    return (TrainingSession(at(day, start), at(day, end)),)


ROWS = [
    # --- The product issue's findings -----------------------------------------------
    row(
        "near_miss_meal_is_topped_up_while_open",
        ANNA,
        [eat(WED, "08:00", "cottage_cheese", 200)],  # 22.2 g, 2.23 g < 2.4 g
        at(WED, "08:10"),
        (at(WED, "08:10"), at(WED, "08:10")),
        Reason.ADD_TO_MEAL,
        Evidence.MOORE_2015,
        "Moore 2015: older adults need ~0.4 g/kg per meal; add to this meal, no new one",
        checks={"add_protein_g": 5.0, "meal_open_until": at(WED, "08:45")},
    ),
    row(
        "near_miss_meal_is_spaced_not_topped_up",
        ANNA,
        [eat(WED, "08:00", "cottage_cheese", 200)],
        at(WED, "08:50"),
        (at(WED, "11:00"), at(WED, "11:00")),
        Reason.REFRACTORY,
        Evidence.ARETA_2013,
        "Areta 2013: ~3 h between meals beat 1.5 h; no 'top up' an hour later",
    ),
    row(
        "an_egg_an_hour_later_does_not_restart_the_clock",
        ANNA,
        [eat(WED, "08:00", "cottage_cheese", 200), eat(WED, "09:00", "egg", 50)],
        at(WED, "09:05"),
        (at(WED, "11:00"), at(WED, "11:00")),
        Reason.REFRACTORY,
        Evidence.ARETA_2013,
        "Areta 2013: a snack inside the spacing is no new meal and gets no top-up",
    ),
    row(
        "roast_chicken_reaches_the_older_dose",
        ANNA,
        [eat(WED, "12:00", "chicken_breast", 100)],  # 31 g = 0.52 g/kg
        at(WED, "13:00"),
        (at(WED, "15:00"), at(WED, "15:00")),
        Reason.REFRACTORY,
        Evidence.ARETA_2013,
        "Moore 2015 (0.4 g/kg met) and Areta 2013 (3 h): no top-up at 13:00",
    ),
    row(
        "hourly_10_g_is_made_into_a_meal",
        ERIK,
        [eat(WED, h, "snack", 100) for h in ("12:00", "13:00", "14:00")],
        at(WED, "14:10"),
        (at(WED, "14:10"), at(WED, "14:10")),
        Reason.ADD_TO_MEAL,
        Evidence.MOORE_2015,
        "Areta 2013: 10 g pulses gave 31-48 % less MPS than 20 g every 3 h: make it a meal",
        # 108 g left over 14:00, 17:00 and a last meal 2 h later (19:00): 36 g a meal.
        checks={"add_protein_g": 30.0, "meals_left": 3},
    ),
    row(
        "hourly_10_g_closed_asks_for_a_real_meal_not_a_top_up",
        ERIK,
        [eat(WED, h, "snack", 100) for h in ("12:00", "13:00", "14:00")],
        at(WED, "14:50"),
        (at(WED, "14:50"), at(WED, "14:50")),
        Reason.NOW,
        Evidence.PLAN,
        "Areta 2013 and Moore 2015: the snacks set no spacing; the next meal is a full one",
        checks={"behind": True},
    ),
    row(
        "free_leucine_alone_is_no_meal",
        ERIK,
        [leucine_powder(WED, "13:00")],
        at(WED, "14:00"),
        (at(WED, "14:00"), at(WED, "14:00")),
        Reason.NOW,
        Evidence.CHURCHWARD_VENNE_2014,
        "Churchward-Venne 2014 added leucine to 6.25 g whey; leucine alone was not tested",
    ),
    row(
        "free_leucine_adds_to_the_meal_it_is_taken_with",
        ERIK,
        [eat(WED, "12:00", "salmon", 120), leucine_powder(WED, "12:05", 1.0)],
        at(WED, "12:20"),
        (at(WED, "15:05"), at(WED, "15:05")),
        Reason.REFRACTORY,
        Evidence.ARETA_2013,
        "Churchward-Venne 2014: leucine with a protein meal; then Areta 2013's 3 h",
    ),
    row(
        "no_meal_in_the_middle_of_a_session",
        ERIK,
        [eat(WED, "12:10", "chicken_breast", 125), eat(WED, "15:10", "sirloin", 130)],
        at(WED, "15:20"),
        (at(WED, "19:30"), at(WED, "19:30")),
        Reason.POST_TRAINING,
        Evidence.JAGER_2017,
        "Jäger 2017 (ISSN): protein within about 2 h after training, not mid-session",
        training=session(WED, "18:00", "19:30"),
    ),
    row(
        "flexible_window_first_meal_at_21_never_feeds_at_night",
        BO,
        [eat(WED, "21:00", "chicken_breast", 130)],
        at(WED, "21:50"),
        (at(THU, "13:00"), at(THU, "13:00")),
        Reason.FAST_GOAL,
        Evidence.PLAN,
        "Decision: no suggestion while asleep; the window closes at bedtime",
    ),
    row(
        "flexible_window_first_meal_at_23_50_never_feeds_at_night",
        BO,
        [eat(WED, "23:50", "chicken_breast", 130)],
        at(WED, "23:55"),
        (at(THU, "15:50"), at(THU, "15:50")),
        Reason.FAST_GOAL,
        Evidence.PLAN,
        "Decision: a meal after bedtime opens no window; the fasting goal is the person's",
    ),
    row(
        "low_day_latte_does_not_use_the_day",
        replace(ANNA, plan=plan_with(WED, DayType.LOW_PROTEIN)),
        [eat(WED, "07:00", "milk", 150)],  # 4.9 g protein
        at(WED, "07:50"),
        (at(WED, "07:50"), at(WED, "07:50")),
        Reason.NOW,
        Evidence.PLAN,
        "Deutz 2014 (ESPEN): an older adult's low day keeps 1.0 g/kg, in real meals",
        checks={"day_protein_target_g": 60.0, "target_protein_g": 28.0},
    ),
    row(
        "behind_on_protein_raises_the_evening_meal",
        ERIK,
        [eat(WED, "12:00", "snack", 260), eat(WED, "15:00", "snack", 260)],  # 2 x 26 g
        at(WED, "17:00"),
        (at(WED, "18:00"), at(WED, "18:00")),
        Reason.REFRACTORY,
        Evidence.ARETA_2013,
        "Morton 2018: the daily total drives most of the gain; say behind, raise the meal",
        checks={
            "behind": True,
            "target_protein_g": 76.0,
            "day_protein_remaining_g": 76.0,
        },
    ),
    row(
        "fast_day_attributes_agree_with_the_suggestion",
        replace(ERIK, plan=plan_with(WED, DayType.FAST)),
        [eat(TUE, "19:30", "chicken_breast", 130)],
        at(WED, "10:00"),
        (at(THU, "12:00"), at(THU, "12:00")),
        Reason.FAST_DAY,
        Evidence.PLAN,
        "The plan's choice (no claimed benefit): max(goal, next eating day's opening)",
        checks={"fast_ends": at(THU, "12:00")},
    ),
    row(
        "high_protein_day_raises_the_meal",
        replace(ERIK, plan=plan_with(WED, DayType.HIGH_PROTEIN)),
        [],
        at(WED, "13:00"),
        (at(WED, "13:00"), at(WED, "13:00")),
        Reason.NO_HISTORY,
        Evidence.PLAN,
        "Morton 2018 (1.6-2.2 g/kg/day) and Schoenfeld & Aragon 2018 (0.4 g/kg per meal)",
        checks={"day_protein_target_g": 160.0, "target_protein_g": 53.0},
    ),
    # --- No history, windows ----------------------------------------------------------
    row(
        "no_history_inside_a_fixed_window",
        ERIK,
        [],
        at(WED, "13:00"),
        (at(WED, "13:00"), at(WED, "13:00")),
        Reason.NO_HISTORY,
        Evidence.PLAN,
        "nutrition.md §4 edge cases: no history -> now / the window opening",
    ),
    row(
        "no_history_before_a_fixed_window",
        ERIK,
        [],
        at(WED, "08:00"),
        (at(WED, "12:00"), at(WED, "12:00")),
        Reason.NO_HISTORY,
        Evidence.PLAN,
        "nutrition.md §4 edge cases: the window opening",
    ),
    row(
        "no_history_flexible_at_night_waits_for_waking",
        BO,
        [],
        at(WED, "02:00"),
        (at(WED, "07:00"), at(WED, "07:00")),
        Reason.NO_HISTORY,
        Evidence.PLAN,
        "Decision: no suggestion between bedtime and the wake time",
    ),
    row(
        "fixed_window_fast_goal",
        ERIK,
        [eat(TUE, "21:00", "salmon", 150)],
        at(WED, "12:30"),
        (at(WED, "13:00"), at(WED, "13:00")),
        Reason.FAST_GOAL,
        Evidence.PLAN,
        "The person's fasting goal (a goal, no autophagy claim; nutrition.md §3.6)",
    ),
    row(
        "fixed_window_opens",
        ERIK,
        [eat(TUE, "19:00", "salmon", 150)],
        at(WED, "09:00"),
        (at(WED, "12:00"), at(WED, "12:00")),
        Reason.WINDOW_OPENS,
        Evidence.PLAN,
        "The person's eating window",
    ),
    row(
        "flexible_window_next_day_after_waking",
        replace(BO, fast_goal_h=4.0),
        [eat(WED, "08:00", "egg", 150), eat(WED, "12:00", "chicken_breast", 120)],
        at(WED, "17:00"),
        (at(THU, "07:00"), at(THU, "07:00")),
        Reason.NEXT_WINDOW,
        Evidence.PLAN,
        "The window (8 h from 08:00) has closed; nothing before waking",
    ),
    row(
        "a_latte_before_the_window_does_not_cost_the_day",
        ERIK,
        [eat(TUE, "19:00", "salmon", 150), eat(WED, "10:00", "milk", 150)],
        at(WED, "12:30"),
        (at(WED, "12:30"), at(WED, "12:30")),
        Reason.NOW,
        Evidence.PLAN,
        "Decision (Morton 2018, Deutz 2014): a drink outside the window costs no day",
        checks={"fast_ends": at(WED, "11:00")},
    ),
    row(
        "dst_spring_night_keeps_the_clock_window",
        ERIK,
        [eat(SPRING - timedelta(days=1), "19:00", "salmon", 150)],
        at(SPRING - timedelta(days=1), "21:00"),
        (at(SPRING, "12:00"), at(SPRING, "12:00")),
        Reason.NEXT_WINDOW,
        Evidence.PLAN,
        "The window is a clock window over the change (23-h night)",
    ),
    row(
        "dst_autumn_goal_in_real_hours",
        BO,
        [eat(AUTUMN - timedelta(days=1), "20:00", "salmon", 150)],
        at(AUTUMN, "05:00"),
        (at(AUTUMN, "11:00"), at(AUTUMN, "11:00")),  # 16 real hours: 11:00 CET
        Reason.FAST_GOAL,
        Evidence.PLAN,
        "The fasting goal counts real hours over the 25-h day",
    ),
    # --- Meal size ----------------------------------------------------------------------
    row(
        "large_meal_waits_4_hours",
        ERIK,
        [eat(WED, "12:00", "sirloin", 180)],  # 55 g = 0.69 g/kg
        at(WED, "12:50"),
        (at(WED, "16:00"), at(WED, "16:00")),
        Reason.REFRACTORY,
        Evidence.TROMMELEN_2023,
        "Trommelen 2023: a larger dose gives a larger and longer response",
    ),
    row(
        "very_large_meal_capped_at_5_hours",
        ERIK,
        [eat(WED, "12:00", "whey", 125)],  # 100 g protein
        at(WED, "12:50"),
        (at(WED, "17:00"), at(WED, "17:00")),
        Reason.REFRACTORY,
        Evidence.TROMMELEN_2023,
        "Trommelen 2023 (100 g, >12 h); capped at 5 h so the day keeps its meals",
    ),
    row(
        "older_adult_meal_under_the_dose_is_topped_up",
        person(70, AgeGroup.OLDER, start=time(12), length_h=8),
        [eat(WED, "12:00", "snack", 270)],  # 27 g < 28 g, 2.2 g < 2.4 g
        at(WED, "12:30"),
        (at(WED, "12:30"), at(WED, "12:30")),
        Reason.ADD_TO_MEAL,
        Evidence.MOORE_2015,
        "Moore 2015: 0.40 g/kg for older vs 0.24 g/kg young",
        checks={"add_protein_g": 5.0},
    ),
    row(
        "younger_adult_same_meal_is_at_target",
        person(70, AgeGroup.ADULT, start=time(12), length_h=8),
        [eat(WED, "12:00", "snack", 270)],
        at(WED, "12:30"),
        (at(WED, "15:00"), at(WED, "15:00")),
        Reason.REFRACTORY,
        Evidence.ARETA_2013,
        "Moore 2015 (0.3 g/kg met) and Areta 2013 (3 h)",
    ),
    row(
        "open_meal_under_target",
        ERIK,
        [eat(WED, "13:00", "egg", 120)],  # 15 g
        at(WED, "13:20"),
        (at(WED, "13:20"), at(WED, "13:20")),
        Reason.ADD_TO_MEAL,
        Evidence.MOORE_2015,
        "Moore 2015: reach the per-meal dose in this meal",
        checks={"add_protein_g": 30.0},
    ),
    # --- Training -----------------------------------------------------------------------
    row(
        "pre_training_after_a_long_gap",
        ERIK,
        [eat(TUE, "19:00", "salmon", 150)],
        at(WED, "13:00"),
        (at(WED, "13:00"), at(WED, "13:00")),
        Reason.PRE_TRAINING,
        Evidence.JAGER_2017,
        "Jäger 2017 (ISSN): a meal before training when the last was over 4 h earlier",
        training=session(WED, "14:00", "15:00"),
    ),
    row(
        "post_training_earlier_than_the_spacing",
        ERIK,
        [eat(WED, "12:00", "whey", 95)],  # 76 g: 5 h spacing
        at(WED, "13:10"),
        (at(WED, "14:00"), at(WED, "14:30")),
        Reason.POST_TRAINING,
        Evidence.JAGER_2017,
        "Jäger 2017: within ~2 h after training; 2 h after the meal (Atherton 2010)",
        training=session(WED, "12:30", "13:00"),
    ),
    row(
        "training_before_the_window_does_not_move_the_meal",
        ERIK,
        [eat(TUE, "19:00", "salmon", 150)],
        at(WED, "08:30"),
        (at(WED, "12:00"), at(WED, "12:00")),
        Reason.WINDOW_OPENS,
        Evidence.PLAN,
        "Decision: training never moves a meal out of the eating window",
        training=session(WED, "07:00", "08:00"),
    ),
    row(
        "training_on_a_fast_day_is_not_fed",
        replace(ERIK, plan=plan_with(WED, DayType.FAST)),
        [eat(TUE, "19:00", "salmon", 150)],
        at(WED, "18:30"),
        (at(THU, "12:00"), at(THU, "12:00")),
        Reason.FAST_DAY,
        Evidence.PLAN,
        "Decision: training never moves a meal onto a fast day",
        training=session(WED, "18:00", "19:00"),
    ),
    # --- Sleep ------------------------------------------------------------------------
    row(
        "goal_reached_at_night_waits_for_waking",
        replace(BO, fast_goal_h=10.0),
        [eat(WED, "20:00", "salmon", 150)],
        at(WED, "22:30"),
        (at(THU, "07:00"), at(THU, "07:00")),
        Reason.AFTER_WAKING,
        Evidence.PLAN,
        "Decision: no suggestion while asleep",
    ),
    row(
        "pre_sleep_protein_when_enabled",
        replace(LATE, pre_sleep_protein=True),
        [
            eat(WED, "12:00", "cottage_cheese", 270),
            eat(WED, "15:30", "cottage_cheese", 270),
            eat(WED, "19:30", "cottage_cheese", 270),
        ],
        at(WED, "20:00"),
        (at(WED, "22:00"), at(WED, "22:30")),  # 30-60 min before 23:00
        Reason.PRE_SLEEP,
        Evidence.RES_2012,
        "Res 2012, Trommelen 2016: 30-40 g casein-rich protein 30-60 min before sleep",
        checks={"target_protein_g": 38.0},
    ),
    row(
        "no_pre_sleep_meal_unless_enabled",
        LATE,
        [eat(WED, "12:00", "chicken_breast", 125), eat(WED, "19:30", "sirloin", 125)],
        at(WED, "20:00"),
        (at(WED, "21:30"), at(WED, "22:00")),  # 2 h after 19:30, 1 h before bed
        Reason.LAST_CHANCE,
        Evidence.MORTON_2018,
        "Morton 2018: the day is 50 g short; a last meal an hour before bed, no casein",
    ),
    # --- Day types and the day's protein ---------------------------------------------
    row(
        "low_day_budget_spread_over_two_meals",
        replace(ERIK, plan=plan_with(WED, DayType.LOW_PROTEIN)),
        [],
        at(WED, "13:00"),
        (at(WED, "13:00"), at(WED, "13:00")),
        Reason.NO_HISTORY,
        Evidence.PLAN,
        "The plan's choice: 0.8 g/kg in meals of at least 0.3 g/kg (Moore 2015)",
        checks={"target_protein_g": 32.0, "day_protein_target_g": 64.0},
    ),
    row(
        "low_day_budget_used",
        replace(ERIK, plan=plan_with(WED, DayType.LOW_PROTEIN)),
        [eat(WED, "12:00", "chicken_breast", 110), eat(WED, "15:00", "sirloin", 110)],
        at(WED, "15:30"),
        (at(THU, "12:00"), at(THU, "12:00")),
        Reason.LOW_PROTEIN_DAY,
        Evidence.PLAN,
        "The plan's choice: the day's budget (64 g) is eaten",
    ),
    row(
        "behind_in_a_short_window_last_chance",
        replace(ERIK, eating_window=EatingWindow(8, time(7))),  # 07:00-15:00
        [eat(WED, "09:00", "snack", 260), eat(WED, "12:00", "snack", 260)],
        at(WED, "14:00"),
        (at(WED, "14:30"), at(WED, "14:30")),
        Reason.LAST_CHANCE,
        Evidence.MORTON_2018,
        "Morton 2018: the daily total; a meal 2 h after the last one (Atherton 2010)",
        checks={"behind": True, "target_protein_g": 76.0},
    ),
    row(
        "day_complete_waits_for_the_next_window",
        ERIK,
        [eat(WED, "12:00", "whey", 80), eat(WED, "17:30", "whey", 80)],  # 128 g
        at(WED, "18:00"),
        (at(THU, "12:00"), at(THU, "12:00")),
        Reason.NEXT_WINDOW,
        Evidence.PLAN,
        "Morton 2018: the daily target is met; no meal is squeezed in",
    ),
    row(
        "fast_day_after_a_meal_on_it_waits_for_the_goal",
        replace(ERIK, plan=plan_with(WED, DayType.FAST)),
        [eat(WED, "21:00", "salmon", 150)],
        at(WED, "22:00"),
        (at(THU, "13:00"), at(THU, "13:00")),
        Reason.FAST_DAY,
        Evidence.PLAN,
        "nutrition.md §4 step 6: max(last intake + goal, the next opening)",
        checks={"fast_ends": at(THU, "13:00")},
    ),
    # --- Issue 22: the ways people eat ---------------------------------------------
    row(
        "one_meal_a_day_of_40_g_grows_to_what_the_day_needs",
        OMAD,
        [eat(WED, "18:00", "chicken_breast", 130)],  # 40 g, 0.5 g/kg: at target
        at(WED, "18:15"),
        (at(WED, "18:15"), at(WED, "18:15")),
        Reason.ADD_TO_MEAL,
        Evidence.MORTON_2018,
        "Morton 2018: the day's total drives the gain; Trommelen 2023: 100 g in one meal"
        " is used. The day's only meal grows to 100 g (1.25 g/kg), not to 0.3 g/kg",
        checks={
            "add_protein_g": 60.0,
            "target_protein_g": 100.0,
            "target_evidence": Evidence.TROMMELEN_2023,
            "meals_left": 1,
            "meal_max_protein_g": 100.0,
            "day_protein_target_g": 128.0,
            "day_protein_eaten_g": 40.3,
            "behind": False,
        },
    ),
    row(
        "one_meal_a_day_of_20_g_grows_the_same_way",
        OMAD,
        [eat(WED, "18:00", "chicken_breast", 65)],
        at(WED, "18:15"),
        (at(WED, "18:15"), at(WED, "18:15")),
        Reason.ADD_TO_MEAL,
        Evidence.MOORE_2015,
        "Moore 2015: under the dose; the day's only meal then grows to what the day needs",
        checks={"add_protein_g": 80.0, "target_protein_g": 100.0, "behind": False},
    ),
    row(
        "one_meal_a_day_is_not_behind_before_its_meal",
        OMAD,
        [eat(TUE, "18:00", "chicken_breast", 320)],
        at(WED, "12:00"),
        (at(WED, "18:00"), at(WED, "18:00")),
        Reason.WINDOW_OPENS,
        Evidence.PLAN,
        "Decision: 'behind' only on a day that has started; one meal holds about 100 g",
        checks={"behind": False, "target_protein_g": 100.0, "meals_left": 1},
    ),
    row(
        "one_meal_a_day_after_its_meal_shows_tomorrow_not_behind",
        OMAD,
        [eat(WED, "18:00", "chicken_breast", 320)],  # 99 g
        at(WED, "19:05"),
        (at(THU, "18:00"), at(THU, "18:00")),
        Reason.NEXT_WINDOW,
        Evidence.PLAN,
        "Decision: tomorrow's 128 g is not today's shortfall (the audit's 'Behind')",
        checks={"behind": False, "day": THU, "day_protein_eaten_g": 0.0},
    ),
    row(
        "a_late_first_meal_grows_when_no_other_fits",
        ERIK,
        [eat(WED, "18:40", "chicken_breast", 130)],  # 40 g at 18:40, window to 20:00
        at(WED, "18:50"),
        (at(WED, "18:50"), at(WED, "18:50")),
        Reason.ADD_TO_MEAL,
        Evidence.MORTON_2018,
        "Morton 2018: the daily total; nothing fits 2 h after 18:40 before 19:30",
        checks={"add_protein_g": 60.0, "behind": True},
    ),
    row(
        "two_meals_fit_a_three_hour_window_with_the_last_meal_gap",
        replace(ERIK, eating_window=EatingWindow(3, time(17))),  # 17:00-20:00
        [eat(TUE, "19:00", "chicken_breast", 300)],
        at(WED, "17:00"),
        (at(WED, "17:00"), at(WED, "17:00")),
        Reason.NOW,
        Evidence.PLAN,
        "Mamerow 2014: spread the day; 17:00 and a last meal 2 h later (Atherton 2010),"
        " not one 100-110 g meal",
        checks={"meals_left": 2, "target_protein_g": 64.0},
    ),
    row(
        "older_adults_36_h_goal_skips_the_next_day",
        LONG_FAST,
        [eat(WED, "17:00", "chicken_breast", 150)],
        at(WED, "18:00"),
        (at(FRI, "08:00"), at(FRI, "08:00")),
        Reason.NEXT_WINDOW,
        Evidence.PLAN,
        "The plan's choice: 36 h leaves Thursday without a meal; espen_shortfalls warns"
        " (Deutz 2014 ESPEN, Bauer 2013 PROT-AGE: 1.0-1.2 g/kg every day)",
        checks={"fast_ends": at(FRI, "05:00")},
    ),
    row(
        "grazing_cheddar_all_day_gets_a_real_meal_3_h_after",
        GRAZER,
        grazing(WED, "09:00", "15:00", 35),  # ten 8-g nibbles, 80 g in one feeding
        at(WED, "15:10"),
        (at(WED, "18:00"), at(WED, "18:00")),
        Reason.AFTER_GRAZING,
        Evidence.ARETA_2013,
        "Areta 2013: small frequent pulses did less than 20 g every 3 h; the 100-g bolus"
        " of Trommelen 2023 is no model for ten nibbles: a proper meal 3 h after them",
        checks={"target_protein_g": 32.0},
    ),
    row(
        "grazing_is_no_open_meal_after_an_hour",
        GRAZER,
        grazing(WED, "09:00", "10:20", 20),  # 4.6 g every 40 min: 13.7 g over 80 min
        at(WED, "10:30"),
        (at(WED, "13:20"), at(WED, "13:20")),
        Reason.AFTER_GRAZING,
        Evidence.ARETA_2013,
        "Areta 2013: no 'add now' to nibbles spread over more than an hour",
    ),
    row(
        "heavy_adult_leucine_target_stays_at_3_g",
        replace(HEAVY, leucine_target_g=0.04 * 130),  # a per-kg target of 5.2 g
        [eat(WED, "12:00", "chicken_breast", 150)],  # 46.5 g protein, 3.5 g leucine
        at(WED, "12:50"),
        (at(WED, "15:00"), at(WED, "15:00")),
        Reason.REFRACTORY,
        Evidence.ARETA_2013,
        "Norton & Layman 2006, Katsanos 2006, Devries 2018: ~2-3 g leucine a meal;"
        " a 5.2-g target would call this meal short",
        checks={"target_leucine_g": 3.0, "meal_max_protein_g": 162.5},
    ),
    row(
        "heavy_older_adult_needs_0_4_g_per_kg",
        HEAVY_OLDER,
        [eat(WED, "08:00", "chicken_breast", 150)],  # 46.5 g < 52 g (0.4 g/kg)
        at(WED, "08:10"),
        (at(WED, "08:10"), at(WED, "08:10")),
        Reason.ADD_TO_MEAL,
        Evidence.MOORE_2015,
        "Moore 2015: older adults ~0.4 g/kg per meal, 52 g at 130 kg",
        checks={
            "target_leucine_g": 3.0,
            "target_protein_g": 52.0,
            "add_protein_g": 10.0,
        },
    ),
    row(
        "light_adult_two_eggs_are_topped_up",
        LIGHT,
        [eat(WED, "08:00", "egg", 100)],  # 12.6 g < 15 g (0.3 g/kg)
        at(WED, "08:05"),
        (at(WED, "08:05"), at(WED, "08:05")),
        Reason.ADD_TO_MEAL,
        Evidence.MOORE_2015,
        "Moore 2015: 0.3 g/kg, 15 g at 50 kg; the day's 80 g over four meals is 20 g",
        checks={
            "target_leucine_g": 2.0,
            "target_protein_g": 20.0,
            "add_protein_g": 10.0,
        },
    ),
    row(
        "light_older_adult_cottage_cheese_at_target",
        LIGHT_OLDER,
        [eat(WED, "08:00", "cottage_cheese", 250)],  # 27.8 g, 2.79 g leucine
        at(WED, "08:10"),
        (at(WED, "11:00"), at(WED, "11:00")),
        Reason.REFRACTORY,
        Evidence.ARETA_2013,
        "Moore 2015: 0.4 g/kg is 20 g at 50 kg, leucine 80 % of 3 g; Areta 2013: 3 h",
        checks={"target_leucine_g": 3.0},
    ),
]


def test_the_table_is_large_enough_and_names_are_unique() -> None:
    assert len(ROWS) >= 30
    assert len({r.name for r in ROWS}) == len(ROWS)
    assert all(r.follows for r in ROWS)


@pytest.mark.parametrize("scenario", ROWS, ids=[r.name for r in ROWS])
def test_scenario(scenario: Row) -> None:
    result = suggest_next_meal(
        IntakeLog(scenario.eaten),
        scenario.profile,
        now=scenario.now,
        tz=TZ,
        day_type=scenario.day_type,
        training=scenario.training,
    )
    shown = result.time.astimezone(TZ).isoformat(timespec="minutes")
    assert scenario.earliest <= result.time <= scenario.latest, shown
    assert result.reason is scenario.reason, (result.reason, shown)
    assert result.evidence is scenario.evidence
    assert result.time >= scenario.now
    for name, expected in scenario.checks.items():
        assert getattr(result, name) == expected, name
