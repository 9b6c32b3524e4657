"""A person's history laid out in time: calendar events and long-term statistic points.

Pure: the Home Assistant layer reads the entries of a range (closed years only when the range
reaches them), hands them here with the profile, and turns the result into calendar events
(`person/calendar.py`) or recorder statistics (`person/statistics.py`).

What the calendar shows, per person:

- past fasts (`core.fast_history`, the rule of the Fasting sensors), logged ones when they
  last at least `fast_threshold_h` (half the person's fasting goal, 6-12 h: the gaps between
  the meals of a day never show, overnight fasts do) and at most 7 days (a longer gap is
  a gap in logging), and every fast entered by hand;
- the eating window of each past day with a logged meal, and of today; the planned windows
  of the next `PLAN_HORIZON_DAYS` days (a window that opens with the first meal is shown at
  the wake time and marked estimated);
- the day types that are not normal: the weekly plan from the first logged day to the
  horizon, and the person's changes for single dates at any date;
- the next suggested meal.

Fasting hours are the person's goal: nothing here says what happened in the body.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
import re

from .days import day_bounds, day_of, local_time
from .fast_history import Fast, completed_fasts
from .log import IntakeLog, Meal
from .model import DayType, ManualFast, Profile
from .planner import (
    Suggestion,
    daily_protein_target,
    eating_window_on,
    is_meal,
    meal_at_target,
    meal_targets,
    meals_at_target,
    planned_day_type,
    planned_meals,
)

# A fast entered by hand lasts at most this long; a longer logged "fast" is a logging gap.
MAX_FAST = timedelta(days=7)
# Entries this long before a range hold the meals that its fasts begin after.
LOOKBACK = MAX_FAST + timedelta(days=1)
# Planned windows and the weekly plan's day types are shown this many days ahead.
PLAN_HORIZON_DAYS = 14
# The suggested meal is shown as an event of this length.
NEXT_MEAL_LENGTH = timedelta(minutes=30)
# An all-day event sets the day type of at most this many dates.
MAX_DAY_TYPE_DAYS = 31

NEXT_MEAL_UID = "next-meal"
_FAST_PREFIX = "fast-"
_MANUAL_PREFIX = "manual-fast-"
_WINDOW_PREFIX = "window-"
_DAY_PREFIX = "day-"
_ONE_DAY = timedelta(days=1)
_ONE_HOUR = timedelta(hours=1)
_JUST_BEFORE = timedelta(microseconds=1)


class ItemKind(StrEnum):
    """What a calendar event is; only fasts entered by hand and day types can be changed."""

    FAST = "fast"  # a fast from the log
    MANUAL_FAST = "manual_fast"  # a fast entered by hand
    WINDOW = "window"  # an eating window (past, today or planned)
    DAY_TYPE = "day_type"  # a day of the plan that is not normal
    NEXT_MEAL = "next_meal"  # the planner's suggestion


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One event: timed (UTC datetimes) or all-day (dates, the end exclusive)."""

    uid: str
    kind: ItemKind
    start: datetime | date
    end: datetime | date
    summary: str
    description: str
    estimated: bool = False  # a planned window whose opening time is estimated

    @property
    def editable(self) -> bool:
        """Return whether the event can be changed or deleted in the calendar."""
        return self.kind in (ItemKind.MANUAL_FAST, ItemKind.DAY_TYPE)


@dataclass(frozen=True, slots=True)
class Texts:
    """The person's language: templates by key (the translations' `calendar_*` strings)."""

    templates: Mapping[str, str]
    decimal: str = "."
    reasons: Mapping[str, str] | None = None  # the planner's reasons, by code

    def __call__(self, key: str, **values: object) -> str:
        """Return the text of `key` with `values` filled in (the key if it is missing)."""
        return self.templates.get(key, key).format(**values)

    def number(self, value: float, decimals: int = 1) -> str:
        """Return `value` with `decimals` decimals and the language's decimal sign."""
        return f"{value:.{decimals}f}".replace(".", self.decimal)

    def day_type(self, day_type: DayType) -> str:
        """Return the name of a day type as a calendar event says it."""
        return self(f"calendar_day_{day_type.value}")


@dataclass(frozen=True, slots=True)
class PersonHistory:
    """What the events of a range are built from.

    `log` holds every entry from `LOOKBACK` before the range to `MAX_FAST` after it (the
    closed years included where the range reaches them). `first_day` is the first day with
    a logged entry (None: nothing logged yet).
    """

    log: IntakeLog
    profile: Profile
    tz: tzinfo
    day_types: Mapping[str, str]
    manual_fasts: Sequence[ManualFast]
    first_day: date | None

    @property
    def merge(self) -> timedelta:
        """Return how far apart the entries of one meal may be."""
        return timedelta(minutes=self.profile.meal_merge_min)

    def day_of(self, moment: datetime) -> date:
        """Return the person's day of `moment`."""
        return day_of(moment, self.tz, self.profile.day_start)

    def bounds(self, day: date) -> tuple[datetime, datetime]:
        """Return the start and end of the person's `day` (UTC)."""
        return day_bounds(day, self.tz, self.profile.day_start)

    def day_type(self, day: date) -> DayType:
        """Return the day type of `day`: the person's change, else the weekly plan."""
        if (changed := self.day_types.get(day.isoformat())) is not None:
            return DayType(changed)
        return planned_day_type(self.profile, day)

    def changed(self, day: date) -> bool:
        """Return whether the person changed the day type of `day`."""
        return day.isoformat() in self.day_types


# --- fasts --------------------------------------------------------------------------------


def fast_threshold_h(profile: Profile) -> float:
    """Return the hours from which a logged fast is shown: half the goal, 6 to 12 h.

    Meals of a day are 3-5 h apart (the planner's spacing), so those gaps never show, while
    an overnight fast does; a long goal does not hide ordinary overnight fasts.
    """
    return min(12.0, max(6.0, profile.fast_goal_h / 2))


def shown_fasts(history: PersonHistory, start: datetime, end: datetime) -> list[Fast]:
    """Return the fasts that overlap [start, end): long enough logged ones, and by hand."""
    threshold = fast_threshold_h(history.profile)
    entries = history.log.between(start - LOOKBACK, end + LOOKBACK)
    return [
        fast
        for fast in completed_fasts(entries, history.merge, history.manual_fasts)
        if fast.start < end
        and fast.end > start
        and (
            fast.manual_id is not None
            or threshold <= fast.hours <= MAX_FAST.total_seconds() / 3600
        )
    ]


def fast_uid(fast: Fast, part: int = 1) -> str:
    """Return the stable uid of a fast (a fast entered by hand: its id, and its part)."""
    if fast.manual_id is not None:
        suffix = "" if part == 1 else f"-{part}"
        return f"{_MANUAL_PREFIX}{fast.manual_id}{suffix}"
    return f"{_FAST_PREFIX}{int(fast.start.timestamp())}-{int(fast.end.timestamp())}"


def window_uid(day: date) -> str:
    """Return the uid of the eating window of `day` (the same planned and eaten)."""
    return f"{_WINDOW_PREFIX}{day.isoformat()}"


def day_uid(day: date) -> str:
    """Return the uid of the day type event of `day`."""
    return f"{_DAY_PREFIX}{day.isoformat()}"


def parse_uid(uid: str) -> tuple[ItemKind, str] | None:
    """Return the kind of event a uid names and its key (a date, an id); None if none.

    The key of a fast entered by hand is its id with any part number left on: the caller
    looks it up among the person's fasts (`manual_fast_id`).
    """
    for prefix, kind in (
        (_MANUAL_PREFIX, ItemKind.MANUAL_FAST),
        (_FAST_PREFIX, ItemKind.FAST),
        (_WINDOW_PREFIX, ItemKind.WINDOW),
        (_DAY_PREFIX, ItemKind.DAY_TYPE),
    ):
        if uid.startswith(prefix) and (key := uid.removeprefix(prefix)):
            if kind in (ItemKind.WINDOW, ItemKind.DAY_TYPE):
                try:
                    date.fromisoformat(key)
                except ValueError:
                    return None
            return kind, key
    if uid == NEXT_MEAL_UID:
        return ItemKind.NEXT_MEAL, ""
    return None


def manual_fast_id(key: str, fasts: Iterable[ManualFast]) -> str | None:
    """Return the id of the fast entered by hand that a uid's key names (None: none)."""
    ids = {fast.id for fast in fasts}
    if key in ids:
        return key
    base, _, part = key.rpartition("-")
    return base if part.isdigit() and base in ids else None


# --- the calendar ---------------------------------------------------------------------------


def calendar_items(
    history: PersonHistory,
    *,
    start: datetime,
    end: datetime,
    now: datetime,
    suggestion: Suggestion | None,
    texts: Texts,
) -> list[CalendarItem]:
    """Return the events that overlap [start, end), in time order."""
    items: list[CalendarItem] = []
    parts: dict[str, int] = {}
    for fast in shown_fasts(history, start, end):
        part = 1
        if fast.manual_id is not None:
            part = parts[fast.manual_id] = parts.get(fast.manual_id, 0) + 1
        items.append(_fast_item(history, fast, part, texts))
    today = history.day_of(now)
    day = history.day_of(start)
    last = history.day_of(end - _JUST_BEFORE)
    while day <= last:
        if (window := window_item(history, day, today, texts)) is not None:
            items.append(window)
        if (day_type := _day_type_item(history, day, today, texts)) is not None:
            items.append(day_type)
        day += _ONE_DAY
    if suggestion is not None:
        items.append(_next_meal_item(history, suggestion, texts))
    return sorted(
        (item for item in items if _overlaps(item, start, end, history.tz)),
        key=lambda item: (_as_datetime(item.start, history.tz), item.uid),
    )


def current_window(
    history: PersonHistory, *, now: datetime, texts: Texts
) -> CalendarItem | None:
    """Return today's eating window if it is open or still to come, else the next one.

    As the Eating window open sensor, the window is the one of the person's current day.
    Planned windows that open with the first meal are left out (their time is an estimate),
    so the calendar is on exactly while the person's eating window is open.
    """
    today = history.day_of(now)
    for offset in range(PLAN_HORIZON_DAYS + 1):
        item = window_item(history, today + timedelta(days=offset), today, texts)
        if (
            item is not None
            and not item.estimated
            and _as_datetime(item.end, history.tz) > now
        ):
            return item
    return None


def window_item(
    history: PersonHistory, day: date, today: date, texts: Texts
) -> CalendarItem | None:
    """Return the eating window event of `day` (None: no window to show that day)."""
    profile, log = history.profile, history.log
    if day > today + timedelta(days=PLAN_HORIZON_DAYS):
        return None
    day_type = history.day_type(day)
    if day > today:
        return _planned_window(history, day, day_type, texts)
    low, high = history.bounds(day)
    meals = log.meals(low, high, history.merge)
    if not meals and (day < today or day_type is DayType.FAST):
        return None
    if (window := eating_window_on(log, profile, day, history.tz)) is None:
        return None
    if meals:
        at_target = sum(1 for meal in meals if meal_at_target(meal, profile, day_type))
        summary = texts("calendar_window", at_target=at_target, meals=len(meals))
    else:
        summary = texts("calendar_window_open")
    lines = [_meal_line(history, meal, day_type, texts) for meal in meals]
    lines += _day_totals(history, day, texts)
    return CalendarItem(
        window_uid(day), ItemKind.WINDOW, *window, summary, "\n".join(lines)
    )


def _planned_window(
    history: PersonHistory, day: date, day_type: DayType, texts: Texts
) -> CalendarItem | None:
    if day_type is DayType.FAST:
        return None
    profile = history.profile
    estimated = profile.eating_window.start is None
    if estimated:
        # As the planner plans such a window: from the wake time (docs/planner.md).
        clock = profile.wake_time if _sleeps(profile) else profile.day_start
        first = day if clock >= profile.day_start else day + _ONE_DAY
        opens = local_time(first, clock, history.tz)
        window = opens, opens + timedelta(hours=profile.eating_window.length_h)
        summary = texts("calendar_window_estimated")
    elif (fixed := eating_window_on(history.log, profile, day, history.tz)) is not None:
        window = fixed
        summary = texts("calendar_window_planned")
    else:  # pragma: no cover - a fixed window always has its times
        return None
    leucine, protein = meal_targets(profile, day_type)
    lines = [
        texts(
            "calendar_window_plan",
            meals=planned_meals(profile, day_type),
            protein=texts.number(protein, 0),
            leucine=texts.number(leucine),
        )
    ]
    if estimated:
        lines.append(texts("calendar_window_estimated_note"))
    return CalendarItem(
        window_uid(day),
        ItemKind.WINDOW,
        *window,
        summary,
        "\n".join(lines),
        estimated=estimated,
    )


def _day_type_item(
    history: PersonHistory, day: date, today: date, texts: Texts
) -> CalendarItem | None:
    day_type = history.day_type(day)
    if day_type is DayType.NORMAL:
        return None
    changed = history.changed(day)
    if not changed:
        first = today if history.first_day is None else min(history.first_day, today)
        if not first <= day <= today + timedelta(days=PLAN_HORIZON_DAYS):
            return None
    lines: list[str] = []
    if day_type is DayType.FAST:
        lines.append(texts("calendar_day_fast_note"))
    else:
        target = daily_protein_target(history.profile, day_type)
        lines.append(texts("calendar_day_target", protein=texts.number(target, 0)))
    planned = planned_day_type(history.profile, day)
    if changed and planned is not day_type:
        lines.append(texts("calendar_day_changed", planned=texts.day_type(planned)))
    elif not changed:
        lines.append(texts("calendar_day_plan"))
    if day <= today:
        lines += _day_totals(history, day, texts)
    return CalendarItem(
        day_uid(day),
        ItemKind.DAY_TYPE,
        day,
        day + _ONE_DAY,
        texts.day_type(day_type),
        "\n".join(lines),
    )


def _fast_item(
    history: PersonHistory, fast: Fast, part: int, texts: Texts
) -> CalendarItem:
    goal = history.profile.fast_goal_h
    hours = texts.number(fast.hours)
    by_hand = fast.manual_id is not None
    reached = fast.hours >= goal - 1e-9
    lines = [
        texts(
            "calendar_fast_goal_reached"
            if reached
            else "calendar_fast_goal_not_reached",
            goal=texts.number(goal),
        ),
        texts("calendar_fast_entered" if by_hand else "calendar_fast_logged"),
        texts("calendar_fast_note"),
    ]
    return CalendarItem(
        fast_uid(fast, part),
        ItemKind.MANUAL_FAST if by_hand else ItemKind.FAST,
        fast.start,
        fast.end,
        texts("calendar_fast_manual" if by_hand else "calendar_fast", hours=hours),
        "\n".join(lines),
    )


def _next_meal_item(
    history: PersonHistory, suggestion: Suggestion, texts: Texts
) -> CalendarItem:
    summary = texts(
        "calendar_next_meal",
        protein=texts.number(suggestion.target_protein_g, 0),
        leucine=texts.number(suggestion.target_leucine_g),
    )
    reasons = texts.reasons or {}
    lines = [
        texts(
            "calendar_next_meal_note",
            reason=reasons.get(suggestion.reason.value, suggestion.reason.value),
        )
    ]
    if suggestion.estimated:
        lines.append(texts("calendar_next_meal_estimated"))
    return CalendarItem(
        NEXT_MEAL_UID,
        ItemKind.NEXT_MEAL,
        suggestion.time,
        suggestion.time + NEXT_MEAL_LENGTH,
        summary,
        "\n".join(lines),
    )


def _meal_line(
    history: PersonHistory, meal: Meal, day_type: DayType, texts: Texts
) -> str:
    at_target = meal_at_target(meal, history.profile, day_type)
    return texts(
        "calendar_meal_line",
        time=meal.start.astimezone(history.tz).strftime("%H:%M"),
        protein=texts.number(meal.protein_g, 0),
        leucine=texts.number(meal.leucine_g),
        estimated=_estimated(texts, estimated=meal.leucine_estimated),
        at_target=texts("calendar_at_target") if at_target else "",
    )


def _estimated(texts: Texts, *, estimated: bool) -> str:
    """Return ' (estimated)' for an estimate; translations hold no leading spaces."""
    return f" {texts('calendar_estimated')}" if estimated else ""


def _day_totals(history: PersonHistory, day: date, texts: Texts) -> list[str]:
    totals = history.log.totals(*history.bounds(day))
    if not totals.count:
        return []
    return [
        texts(
            "calendar_day_totals",
            protein=texts.number(totals.protein_g, 0),
            leucine=texts.number(totals.leucine_g),
            estimated=_estimated(texts, estimated=totals.leucine_estimated),
        )
    ]


def _sleeps(profile: Profile) -> bool:
    return profile.bedtime != profile.wake_time


def _as_datetime(moment: datetime | date, tz: tzinfo) -> datetime:
    if isinstance(moment, datetime):
        return moment
    return datetime.combine(moment, time(), tz)


def _overlaps(item: CalendarItem, start: datetime, end: datetime, tz: tzinfo) -> bool:
    return _as_datetime(item.start, tz) < end and _as_datetime(item.end, tz) > start


# --- day types named in an event ------------------------------------------------------------


def _normalized(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def day_type_names(
    names: Iterable[tuple[str, DayType]],
) -> Callable[[str], DayType | None]:
    """Return a function that reads a day type from an event summary.

    `names` are what people may type (the day types' names in each language, the events'
    own summaries); the codes (`high_protein`, ...) are always understood. Case, spaces,
    hyphens and punctuation do not matter.
    """
    known = {_normalized(day_type.value): day_type for day_type in DayType}
    known |= {_normalized(name): day_type for name, day_type in names if name}

    def parse(summary: str) -> DayType | None:
        return known.get(_normalized(summary))

    return parse


# --- long-term statistics -------------------------------------------------------------------


class Series(StrEnum):
    """The long-term statistics of a person (the last part of their statistic ids)."""

    FAST_HOURS = "fast_hours"  # per completed fast, at the hour it ended
    MEALS_AT_TARGET = "meals_at_target"  # per day with a logged entry, at its start
    MEAL_LEUCINE = "meal_leucine"  # per meal, at the hour it began
    MEAL_PROTEIN = "meal_protein"
    DAY_PROTEIN = "day_protein"  # per day with a logged entry, at its start
    DAY_LEUCINE = "day_leucine"


@dataclass(frozen=True, slots=True)
class Point:
    """One hourly row: the mean, min and max of the values that fall in the hour."""

    hour: datetime  # UTC, on the hour
    mean: float
    min: float
    max: float


def hour_of(moment: datetime) -> datetime:
    """Return the start of the UTC hour of `moment`."""
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def statistic_points(
    history: PersonHistory, first: date, last: date
) -> dict[Series, list[Point]]:
    """Return the rows of the days `first` to `last` (inclusive), per series, by hour.

    Fasts count on the day they ended, meals on the day they began; a day's rows exist when
    something was logged on it. Meals are the feedings the planner counts as meals (protein
    at least half the per-meal dose); meals at target are counted as the sensor counts them.
    """
    profile, log = history.profile, history.log
    low, high = history.bounds(first)[0], history.bounds(last)[1]
    values: dict[Series, dict[datetime, list[float]]] = {
        series: {} for series in Series
    }

    def add(series: Series, moment: datetime, value: float) -> None:
        values[series].setdefault(hour_of(moment), []).append(value)

    for fast in shown_fasts(history, low, high):
        if low <= fast.end < high:
            add(Series.FAST_HOURS, fast.end, fast.hours)
    for meal in log.meals(low, high, history.merge):
        if is_meal(meal, profile):
            add(Series.MEAL_LEUCINE, meal.start, meal.leucine_g)
            add(Series.MEAL_PROTEIN, meal.start, meal.protein_g)
    day = first
    while day <= last:
        day_low, day_high = history.bounds(day)
        totals = log.totals(day_low, day_high)
        if totals.count:
            day_type = history.day_type(day)
            at_target = meals_at_target(log, profile, day_low, day_high, day_type)
            add(Series.MEALS_AT_TARGET, day_low, float(at_target))
            add(Series.DAY_PROTEIN, day_low, totals.protein_g)
            add(Series.DAY_LEUCINE, day_low, totals.leucine_g)
        day += _ONE_DAY
    return {
        series: [
            Point(
                hour,
                round(sum(found) / len(found), 3),
                round(min(found), 3),
                round(max(found), 3),
            )
            for hour, found in sorted(by_hour.items())
        ]
        for series, by_hour in values.items()
    }


def hours_of_days(
    history: PersonHistory, first: date, last: date
) -> tuple[datetime, datetime]:
    """Return the hours [start, end) whose rows the days `first` to `last` decide.

    A row belongs to the hour its fast ended or meal or day began in; when days do not start
    on the hour, the hours at either edge are shared with the neighbouring days, so the
    caller computes one day more on each side.
    """
    end = history.bounds(last)[1]
    last_hour = hour_of(end)
    return hour_of(history.bounds(first)[0]), (
        last_hour if last_hour == end else last_hour + _ONE_HOUR
    )
