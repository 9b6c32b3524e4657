"""A person's options (goals and plan, kept in the config entry) as the model's profile."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time
from typing import Any

from ..core.model import AgeGroup, DayType, EatingWindow, Profile
from .const import (
    CONF_AGE_GROUP,
    CONF_BODY_MASS,
    CONF_DAY_START,
    CONF_FAST_GOAL,
    CONF_LEUCINE_TARGET,
    CONF_PLAN,
    CONF_PROTEIN_TARGET,
    CONF_WINDOW_LENGTH,
    CONF_WINDOW_MODE,
    CONF_WINDOW_START,
    DEFAULT_DAY_START,
    WEEKDAYS,
    WINDOW_MODE_FIXED,
)


def profile_from_options(options: Mapping[str, Any]) -> Profile:
    """Build the person's profile from the config entry's options."""
    window_start: time | None = None
    if options[CONF_WINDOW_MODE] == WINDOW_MODE_FIXED:
        window_start = time.fromisoformat(options[CONF_WINDOW_START])
    plan = options.get(CONF_PLAN, {})
    return Profile(
        body_mass_kg=float(options[CONF_BODY_MASS]),
        age_group=AgeGroup(options[CONF_AGE_GROUP]),
        fast_goal_h=float(options[CONF_FAST_GOAL]),
        eating_window=EatingWindow(
            length_h=float(options[CONF_WINDOW_LENGTH]), start=window_start
        ),
        leucine_target_g=float(options[CONF_LEUCINE_TARGET]),
        protein_target_g=float(options[CONF_PROTEIN_TARGET]),
        plan=tuple(DayType(plan.get(day, DayType.NORMAL)) for day in WEEKDAYS),
        day_start=time.fromisoformat(options.get(CONF_DAY_START, DEFAULT_DAY_START)),
    )
