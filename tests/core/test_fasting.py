"""Fasting: since the end of the last fast-breaking meal, goal end, goal reached."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from custom_components.mtor_balance.core.fasting import fasting_state
from custom_components.mtor_balance.core.log import IntakeLog
from custom_components.mtor_balance.core.model import (
    AgeGroup,
    EatingWindow,
    Profile,
    default_leucine_target_g,
    default_protein_target_g,
)

from .factories import entry

DINNER = datetime(2026, 11, 2, 18, 0, tzinfo=UTC)
PROFILE = Profile(
    body_mass_kg=80,
    age_group=AgeGroup.ADULT,
    fast_goal_h=16,
    eating_window=EatingWindow(length_h=8, start=time(12, 0)),
    leucine_target_g=2.5,
    protein_target_g=130,
)


def test_no_history_means_no_fast_to_measure() -> None:
    state = fasting_state(IntakeLog(), PROFILE, DINNER)
    assert state.since is None
    assert state.hours(DINNER) is None
    assert state.fasting(DINNER)
    assert not state.goal_reached(DINNER)


def test_fast_runs_from_the_end_of_the_last_meal_and_coffee_does_not_break_it() -> None:
    log = IntakeLog(
        [
            entry(DINNER),
            entry(DINNER + timedelta(minutes=30)),  # dessert: same meal
            entry(
                DINNER + timedelta(hours=13), leucine_g=0.01, protein_g=0.3, kcal=2
            ),  # coffee
        ]
    )
    now = DINNER + timedelta(hours=14)
    state = fasting_state(log, PROFILE, now)
    assert state.since == DINNER + timedelta(minutes=30)
    assert state.hours(now) == 13.5
    assert state.goal_end == DINNER + timedelta(hours=16, minutes=30)
    assert state.fasting(now)
    assert not state.goal_reached(now)
    assert state.goal_reached(state.goal_end)


def test_a_meal_in_progress_is_not_fasting_and_a_leucine_supplement_breaks_the_fast() -> (
    None
):
    log = IntakeLog(
        [
            entry(DINNER),
            entry(DINNER + timedelta(hours=10), leucine_g=3, protein_g=0, kcal=12),
        ]
    )
    now = DINNER + timedelta(hours=10, minutes=10)
    state = fasting_state(log, PROFILE, now)
    assert state.since == DINNER + timedelta(hours=10)
    assert not state.fasting(now)
    assert state.fasting(now + timedelta(minutes=45))


def test_entries_after_now_are_ignored() -> None:
    log = IntakeLog([entry(DINNER), entry(DINNER + timedelta(hours=20))])
    state = fasting_state(log, PROFILE, DINNER + timedelta(hours=2))
    assert state.since == DINNER


def test_default_targets_follow_body_mass_and_age_group() -> None:
    assert default_leucine_target_g(60, AgeGroup.ADULT) == 2.0
    assert default_leucine_target_g(100, AgeGroup.ADULT) == 2.5
    assert default_leucine_target_g(60, AgeGroup.OLDER) == 3.0
    assert default_leucine_target_g(90, AgeGroup.OLDER) == 3.0  # within 2-3 g
    assert default_protein_target_g(70, AgeGroup.OLDER) == 84
    assert default_protein_target_g(70, AgeGroup.ADULT) == 112
