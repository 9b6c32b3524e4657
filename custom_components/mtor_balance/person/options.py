"""A person's options (kept in the config entry): their allowed values, and the profile.

The one place that knows what each option may be. The flows build their fields and check
what was entered with it; the person's setup reads the stored options with it. An option
that cannot be used (stored by an older version, or edited by hand) never stops the person:
it is read as its default, and the setup raises a repair issue that names it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from typing import Any

from ..core.model import (
    AgeGroup,
    DayType,
    EatingWindow,
    Profile,
    TrainingSlot,
    default_leucine_target_g,
    default_protein_target_g,
)
from ..core.validation import NotANumberError, NumberRange, OutOfRangeError
from .const import (
    CONF_AGE_GROUP,
    CONF_BEDTIME,
    CONF_BODY_MASS,
    CONF_CLAIM_WINDOW,
    CONF_DAY_START,
    CONF_FAST_GOAL,
    CONF_LEUCINE_TARGET,
    CONF_LOG_MODE,
    CONF_PHOTO_AI_TASK,
    CONF_PHOTO_AUTO_LOG,
    CONF_PHOTO_CAMERA,
    CONF_PLAN,
    CONF_PRE_SLEEP,
    CONF_PROTEIN_TARGET,
    CONF_TRAINING,
    CONF_TRAINING_ENTITY,
    CONF_TRAINING_MINUTES,
    CONF_WAKE_TIME,
    CONF_WINDOW_LENGTH,
    CONF_WINDOW_MODE,
    CONF_WINDOW_START,
    DEFAULT_BEDTIME,
    DEFAULT_BODY_MASS,
    DEFAULT_CLAIM_WINDOW,
    DEFAULT_DAY_START,
    DEFAULT_FAST_GOAL,
    DEFAULT_TRAINING_MINUTES,
    DEFAULT_WAKE_TIME,
    DEFAULT_WINDOW_LENGTH,
    DEFAULT_WINDOW_START,
    LOG_MODES,
    WEEKDAYS,
    WINDOW_MODE_FIRST_MEAL,
    WINDOW_MODE_FIXED,
)


@dataclass(frozen=True, slots=True)
class NumberOption:
    """A number option: its range and unit, and the step its field offers."""

    allowed: NumberRange
    step: float


NUMBER_OPTIONS: dict[str, NumberOption] = {
    CONF_BODY_MASS: NumberOption(NumberRange(20, 300, "kg"), 0.1),
    CONF_FAST_GOAL: NumberOption(NumberRange(0, 72, "h"), 0.5),
    CONF_WINDOW_LENGTH: NumberOption(NumberRange(1, 24, "h"), 0.5),
    CONF_LEUCINE_TARGET: NumberOption(NumberRange(0.5, 10, "g"), 0.1),
    CONF_PROTEIN_TARGET: NumberOption(NumberRange(10, 400, "g"), 1),
    CONF_TRAINING_MINUTES: NumberOption(NumberRange(10, 300, "min"), 5),
    CONF_CLAIM_WINDOW: NumberOption(NumberRange(1, 30, "min"), 1),
}
CHOICES: dict[str, tuple[str, ...]] = {
    CONF_AGE_GROUP: tuple(group.value for group in AgeGroup),
    CONF_WINDOW_MODE: (WINDOW_MODE_FIXED, WINDOW_MODE_FIRST_MEAL),
    CONF_LOG_MODE: LOG_MODES,
}
CLOCKS: dict[str, str] = {
    CONF_WINDOW_START: DEFAULT_WINDOW_START,
    CONF_DAY_START: DEFAULT_DAY_START,
    CONF_BEDTIME: DEFAULT_BEDTIME,
    CONF_WAKE_TIME: DEFAULT_WAKE_TIME,
}
DAY_TYPES = tuple(day_type.value for day_type in DayType)


OPTION_RANGES: dict[str, NumberRange] = {
    key: option.allowed for key, option in NUMBER_OPTIONS.items()
}


def number_errors(
    values: Mapping[str, Any], ranges: Mapping[str, NumberRange] = OPTION_RANGES
) -> dict[str, str]:
    """Return an error key for each number in `values` that is not a number in range.

    The key is `range_<field>`; its message states the range from `range_placeholders`.
    """
    errors: dict[str, str] = {}
    for key, allowed in ranges.items():
        if values.get(key) is not None:
            try:
                allowed.check(values[key])
            except NotANumberError, OutOfRangeError:
                errors[key] = f"range_{key}"
    return errors


def range_placeholders(
    ranges: Mapping[str, NumberRange] = OPTION_RANGES,
) -> dict[str, str]:
    """Return each field's range as placeholders: `{<field>_min}` and `{<field>_max}`."""
    placeholders = {}
    for key, allowed in ranges.items():
        placeholders[f"{key}_min"] = f"{allowed.minimum:g}"
        placeholders[f"{key}_max"] = f"{allowed.maximum:g}"
    return placeholders


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """The options as used: unusable values replaced by their defaults, and which."""

    values: dict[str, Any]
    unusable: tuple[str, ...]


def read_options(options: Mapping[str, Any]) -> ReadOptions:
    """Return the options with every value that cannot be used replaced by its default."""
    values = dict(options)
    unusable: list[str] = []

    def fix(key: str, default: Any) -> None:
        values[key] = default
        if key in options:
            unusable.append(key)

    for key, allowed in CHOICES.items():
        if values.get(key) not in allowed:
            fix(key, allowed[0])
    for key, default in CLOCKS.items():
        if not _is_clock(values.get(key)):
            fix(key, default)
    body_mass = _number_or(values, CONF_BODY_MASS, DEFAULT_BODY_MASS, fix)
    age_group = AgeGroup(values[CONF_AGE_GROUP])
    _number_or(values, CONF_FAST_GOAL, DEFAULT_FAST_GOAL, fix)
    _number_or(values, CONF_WINDOW_LENGTH, DEFAULT_WINDOW_LENGTH, fix)
    _number_or(
        values,
        CONF_LEUCINE_TARGET,
        default_leucine_target_g(body_mass, age_group),
        fix,
    )
    _number_or(
        values,
        CONF_PROTEIN_TARGET,
        default_protein_target_g(body_mass, age_group),
        fix,
    )
    _number_or(values, CONF_TRAINING_MINUTES, DEFAULT_TRAINING_MINUTES, fix)
    _number_or(values, CONF_CLAIM_WINDOW, DEFAULT_CLAIM_WINDOW, fix)
    plan = values.get(CONF_PLAN, {})
    if not isinstance(plan, Mapping) or any(
        plan.get(day, DayType.NORMAL.value) not in DAY_TYPES for day in WEEKDAYS
    ):
        fix(CONF_PLAN, {})
    training = values.get(CONF_TRAINING, {})
    if not isinstance(training, Mapping) or any(
        training.get(day) is not None and not _is_clock(training[day])
        for day in WEEKDAYS
    ):
        fix(CONF_TRAINING, {})
    if not isinstance(values.get(CONF_PRE_SLEEP, False), bool):
        fix(CONF_PRE_SLEEP, default=False)
    for key in (CONF_TRAINING_ENTITY, CONF_PHOTO_AI_TASK, CONF_PHOTO_CAMERA):
        entity = values.get(key)
        if entity is not None and not isinstance(entity, str):
            fix(key, default=None)
    if not isinstance(values.get(CONF_PHOTO_AUTO_LOG, False), bool):
        fix(CONF_PHOTO_AUTO_LOG, default=False)
    return ReadOptions(values, tuple(unusable))


def profile_from_options(options: Mapping[str, Any]) -> Profile:
    """Build the person's profile from their options (unusable ones as their defaults)."""
    values = read_options(options).values
    window_start: time | None = None
    if values[CONF_WINDOW_MODE] == WINDOW_MODE_FIXED:
        window_start = time.fromisoformat(values[CONF_WINDOW_START])
    plan = values.get(CONF_PLAN, {})
    training = values.get(CONF_TRAINING, {})
    minutes = float(values[CONF_TRAINING_MINUTES])
    schedule = tuple(
        None
        if training.get(day) is None
        else TrainingSlot(time.fromisoformat(training[day]), minutes)
        for day in WEEKDAYS
    )
    return Profile(
        body_mass_kg=float(values[CONF_BODY_MASS]),
        age_group=AgeGroup(values[CONF_AGE_GROUP]),
        fast_goal_h=float(values[CONF_FAST_GOAL]),
        eating_window=EatingWindow(
            length_h=float(values[CONF_WINDOW_LENGTH]), start=window_start
        ),
        leucine_target_g=float(values[CONF_LEUCINE_TARGET]),
        protein_target_g=float(values[CONF_PROTEIN_TARGET]),
        plan=tuple(DayType(plan.get(day, DayType.NORMAL)) for day in WEEKDAYS),
        day_start=time.fromisoformat(values[CONF_DAY_START]),
        bedtime=time.fromisoformat(values[CONF_BEDTIME]),
        wake_time=time.fromisoformat(values[CONF_WAKE_TIME]),
        pre_sleep_protein=bool(values.get(CONF_PRE_SLEEP, False)),
        training=schedule if any(schedule) else (),
    )


def _number_or(values: dict[str, Any], key: str, default: float, fix: Any) -> float:
    try:
        number = NUMBER_OPTIONS[key].allowed.check(values.get(key))
    except NotANumberError, OutOfRangeError:
        fix(key, default)
        return default
    values[key] = number
    return number


def _is_clock(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        time.fromisoformat(value)
    except ValueError:
        return False
    return True
