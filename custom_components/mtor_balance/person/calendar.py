"""The calendar of one person: past fasts, eating windows, day types and the next meal.

The events are built by `core.calendar_events` from the entries of the range asked for
(`PersonCoordinator.async_entries_between` reads a closed year only when the range reaches
it). The calendar is on while the person's eating window is open; its event is the window
open now, else the next one whose time is known.

Two kinds of event can be created, changed and deleted here:

- a timed event is a past fast entered by hand (for days whose meals were not logged): it
  must be over, end after it starts and last at most 7 days;
- an all-day event names a day type (in English or Swedish, or its code) and sets the day
  type of its dates; deleting one makes the date a normal day.

Fasts and eating windows from the log, and the suggested meal, are read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any
import uuid

from homeassistant.components.calendar import (
    EVENT_END,
    EVENT_RRULE,
    EVENT_START,
    EVENT_SUMMARY,
    CalendarEntity,
    CalendarEntityDescription,
    CalendarEntityFeature,
    CalendarEvent,
)
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.translation import (
    async_get_cached_translations,
    async_get_translations,
)
from homeassistant.util import dt as dt_util

from ..const import DOMAIN
from ..core.calendar_events import (
    LOOKBACK,
    MAX_DAY_TYPE_DAYS,
    MAX_FAST,
    CalendarItem,
    ItemKind,
    PersonHistory,
    Texts,
    calendar_items,
    current_window,
    day_type_names,
    manual_fast_id,
    parse_uid,
)
from ..core.days import day_of
from ..core.log import IntakeLog
from ..core.model import DayType, ManualFast
from ..core.planner import planned_day_type
from ..core.record import PersonRecord
from .coordinator import PersonCoordinator
from .entity import PersonEntity

CALENDAR = CalendarEntityDescription(
    key="fasts_and_meals", translation_key="fasts_and_meals"
)
LANGUAGES = ("en", "sv")


def add_entities(
    coordinator: PersonCoordinator, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add the person's calendar."""
    async_add_entities([PersonCalendar(coordinator, CALENDAR)])


def _local(moment: datetime) -> str:
    return dt_util.as_local(moment).strftime("%Y-%m-%d %H:%M")


def _not_found(uid: str) -> ServiceValidationError:
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="calendar_event_not_found",
        translation_placeholders={"uid": uid},
    )


def _refuse_repeats(event: dict[str, Any]) -> None:
    if event.get(EVENT_RRULE):
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="calendar_no_repeat"
        )


def _event(item: CalendarItem) -> CalendarEvent:
    start, end = item.start, item.end
    if isinstance(start, datetime) and isinstance(end, datetime):
        start, end = dt_util.as_local(start), dt_util.as_local(end)
    return CalendarEvent(
        start=start,
        end=end,
        summary=item.summary,
        description=item.description,
        uid=item.uid,
    )


_JUST_BEFORE = timedelta(microseconds=1)  # the range's end is not in it


def _missing_year(
    year: int, start: datetime, end: datetime, texts: Texts
) -> CalendarEvent:
    """Return the event that says the log of `year` cannot be read (within the range)."""
    first = max(date(year, 1, 1), dt_util.as_local(start).date())
    last = min(date(year, 12, 31), dt_util.as_local(end - _JUST_BEFORE).date())
    return CalendarEvent(
        start=first,
        end=max(last, first) + timedelta(days=1),
        summary=texts("calendar_history_missing", year=year),
        description=texts("calendar_history_missing_note", year=year),
        uid=f"missing_{year}",
    )


def _ended(item: CalendarItem, now: datetime) -> bool:
    return isinstance(item.end, datetime) and item.end <= now


def _make_normal(record: PersonRecord, day: date, plan_type: DayType) -> None:
    """Make `day` a normal day: drop the change if the plan has it normal, else change it."""
    if plan_type is DayType.NORMAL:
        record.clear_day_type(day)
    else:
        record.set_day_type(day, DayType.NORMAL)


class PersonCalendar(PersonEntity, CalendarEntity):
    """Fasts and meals of one person, and what is planned next."""

    _attr_supported_features = (
        CalendarEntityFeature.CREATE_EVENT
        | CalendarEntityFeature.DELETE_EVENT
        | CalendarEntityFeature.UPDATE_EVENT
    )

    def __init__(
        self, coordinator: PersonCoordinator, description: CalendarEntityDescription
    ) -> None:
        """Create the calendar."""
        super().__init__(coordinator, description)
        # The state it was computed for, the window, and the window as an event.
        self._window: (
            tuple[object, CalendarItem | None, CalendarEvent | None] | None
        ) = None
        self._texts: dict[str, Texts] = {}
        self._parse_day_type: Callable[[str], DayType | None] | None = None
        self._loading: set[str] = set()

    # --- reading ----------------------------------------------------------------------

    @property
    def event(self) -> CalendarEvent | None:
        """Return the eating window open now, else the next one."""
        state, now = self.coordinator.data, dt_util.utcnow()
        cached = self._window
        if (
            cached is None
            or cached[0] is not state
            or (cached[1] is not None and _ended(cached[1], now))
        ):
            item = current_window(
                self._history(self.coordinator.record.log),
                now=now,
                texts=self._cached_texts(),
            )
            cached = self._window = (
                state,
                item,
                None if item is None else _event(item),
            )
        return cached[2]

    async def async_get_events(
        self, hass: HomeAssistant, start_date: datetime, end_date: datetime
    ) -> list[CalendarEvent]:
        """Return the events between `start_date` and `end_date`."""
        start, end = dt_util.as_utc(start_date), dt_util.as_utc(end_date)
        texts = await self._async_texts()
        read = await self.coordinator.files.async_read(start - LOOKBACK, end + LOOKBACK)
        items = calendar_items(
            self._history(IntakeLog(read.entries)),
            start=start,
            end=end,
            now=dt_util.utcnow(),
            suggestion=self.coordinator.data.suggestion,
            texts=texts,
        )
        # A closed year that cannot be read is an all-day event over its days: the
        # calendar says what it cannot show instead of showing a year without meals.
        return [_event(item) for item in items] + [
            _missing_year(year, start, end, texts) for year in read.missing_years
        ]

    # --- changing -----------------------------------------------------------------------

    async def async_create_event(self, **kwargs: Any) -> None:
        """Enter a past fast (a timed event) or set day types (an all-day event)."""
        start, end = kwargs[EVENT_START], kwargs[EVENT_END]
        _refuse_repeats(kwargs)
        if isinstance(start, datetime):
            fast = self._manual_fast(uuid.uuid4().hex, start, end)
            await self.coordinator.async_change_record(
                lambda record: record.add_manual_fast(fast)
            )
            return
        day_type = await self._async_day_type(str(kwargs.get(EVENT_SUMMARY, "")))
        days = self._dates(start, end)
        if len(days) == 1:
            await self.coordinator.async_set_day_type_on(days[0], day_type)
            return

        def change(record: PersonRecord) -> None:
            for day in days:
                record.set_day_type(day, day_type)

        await self.coordinator.async_change_record(change)

    async def async_delete_event(
        self,
        uid: str,
        recurrence_id: str | None = None,
        recurrence_range: str | None = None,
    ) -> None:
        """Delete a fast entered by hand, or make a day a normal day."""
        kind, key = self._editable(uid)
        if kind is ItemKind.MANUAL_FAST:
            await self.coordinator.async_change_record(
                lambda record: record.remove_manual_fast(key)
            )
            return
        day = date.fromisoformat(key)
        plan_type = planned_day_type(self.coordinator.profile, day)
        await self.coordinator.async_change_record(
            lambda record: _make_normal(record, day, plan_type)
        )

    async def async_update_event(
        self,
        uid: str,
        event: dict[str, Any],
        recurrence_id: str | None = None,
        recurrence_range: str | None = None,
    ) -> None:
        """Change a fast entered by hand, or move or change a day type."""
        kind, key = self._editable(uid)
        start, end = event[EVENT_START], event[EVENT_END]
        _refuse_repeats(event)
        if isinstance(start, datetime) != (kind is ItemKind.MANUAL_FAST):
            raise ServiceValidationError(
                translation_domain=DOMAIN, translation_key="calendar_kind_changed"
            )
        if kind is ItemKind.MANUAL_FAST:
            fast = self._manual_fast(key, start, end)
            await self.coordinator.async_change_record(
                lambda record: record.add_manual_fast(fast)
            )
            return
        day_type = await self._async_day_type(str(event.get(EVENT_SUMMARY, "")))
        days = self._dates(start, end)
        old = date.fromisoformat(key)
        plan_type = planned_day_type(self.coordinator.profile, old)

        def change(record: PersonRecord) -> None:
            if old not in days:
                _make_normal(record, old, plan_type)
            for day in days:
                record.set_day_type(day, day_type)

        await self.coordinator.async_change_record(change)

    # --- internals ----------------------------------------------------------------------

    def _history(self, log: IntakeLog) -> PersonHistory:
        record, profile = self.coordinator.record, self.coordinator.profile
        tz = dt_util.get_default_time_zone()
        firsts = [summary.first for summary in record.history.values()]
        if (first_open := next(iter(record.log), None)) is not None:
            firsts.append(first_open.time)
        first_day = day_of(min(firsts), tz, profile.day_start) if firsts else None
        return PersonHistory(
            log, profile, tz, record.day_types, record.manual_fasts, first_day
        )

    def _editable(self, uid: str) -> tuple[ItemKind, str]:
        """Return the kind and key of a fast entered by hand or a day type event."""
        parsed = parse_uid(uid)
        if parsed is None:
            raise _not_found(uid)
        kind, key = parsed
        record = self.coordinator.record
        if kind is ItemKind.MANUAL_FAST:
            if (fast_id := manual_fast_id(key, record.manual_fasts)) is None:
                raise _not_found(uid)
            return kind, fast_id
        if kind is ItemKind.DAY_TYPE:
            day = date.fromisoformat(key)
            history = self._history(record.log)
            if history.day_type(day) is DayType.NORMAL:
                raise _not_found(uid)
            return kind, key
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="calendar_read_only"
        )

    @staticmethod
    def _manual_fast(fast_id: str, start: datetime, end: datetime) -> ManualFast:
        """Return the fast entered by hand, if it is over and 7 days long at most."""
        start, end = dt_util.as_utc(start), dt_util.as_utc(end)
        if end <= start:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="calendar_fast_end_before_start",
                translation_placeholders={"start": _local(start), "end": _local(end)},
            )
        if end > dt_util.utcnow():
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="calendar_fast_in_future",
                translation_placeholders={"end": _local(end)},
            )
        if end - start > MAX_FAST:
            hours = (end - start).total_seconds() / 3600
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="calendar_fast_too_long",
                translation_placeholders={"hours": f"{hours:.1f}"},
            )
        return ManualFast(fast_id, start, end)

    @staticmethod
    def _dates(start: date, end: date) -> list[date]:
        """Return the dates of an all-day event (its end is exclusive)."""
        count = max(1, (end - start).days)
        if count > MAX_DAY_TYPE_DAYS:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="calendar_too_many_days",
                translation_placeholders={
                    "max": str(MAX_DAY_TYPE_DAYS),
                    "days": str(count),
                },
            )
        return [start + timedelta(days=offset) for offset in range(count)]

    async def _async_day_type(self, summary: str) -> DayType:
        """Return the day type an all-day event's summary names (any language, a code)."""
        if self._parse_day_type is None:
            names: list[tuple[str, DayType]] = []
            for language in LANGUAGES:
                entity = await async_get_translations(
                    self.hass, language, "entity", [DOMAIN]
                )
                common = await async_get_translations(
                    self.hass, language, "common", [DOMAIN]
                )
                for day_type in DayType:
                    code = day_type.value
                    select = f"component.{DOMAIN}.entity.select.day_type.state.{code}"
                    event = f"component.{DOMAIN}.common.calendar_day_{code}"
                    names += [
                        (entity.get(select, ""), day_type),
                        (common.get(event, ""), day_type),
                    ]
            self._parse_day_type = day_type_names(names)
        if (named := self._parse_day_type(summary)) is None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="calendar_not_a_day_type",
                translation_placeholders={"summary": summary},
            )
        return named

    async def _async_texts(self) -> Texts:
        await self._async_load_texts(self.coordinator.language)
        return self._cached_texts()

    async def _async_load_texts(self, language: str) -> None:
        if language not in self._texts:
            await async_get_translations(self.hass, language, "common", [DOMAIN])
            await async_get_translations(self.hass, language, "entity", [DOMAIN])

    async def _async_show_in(self, language: str) -> None:
        """Load the texts of a language chosen while running, then show the state in it."""
        await self._async_load_texts(language)
        self._loading.discard(language)
        self._window = None
        self.async_write_ha_state()

    def _cached_texts(self) -> Texts:
        """Return the texts in the person's language (translations loaded at set-up)."""
        language = self.coordinator.language
        if (texts := self._texts.get(language)) is not None:
            return texts
        common = async_get_cached_translations(self.hass, language, "common", DOMAIN)
        entity = async_get_cached_translations(self.hass, language, "entity", DOMAIN)
        prefix = f"component.{DOMAIN}.common."
        reasons = (
            f"component.{DOMAIN}.entity.sensor.next_suggested_meal."
            "state_attributes.reason.state."
        )
        texts = Texts(
            {
                key.removeprefix(prefix): text
                for key, text in common.items()
                if key.startswith(f"{prefix}calendar_")
            },
            decimal="," if language == "sv" else ".",
            reasons={
                key.removeprefix(reasons): text
                for key, text in entity.items()
                if key.startswith(reasons)
            },
        )
        if texts.templates:
            self._texts[language] = texts
            return texts
        # The language changed and its texts are not loaded yet: the old ones until then.
        if language not in self._loading:
            self._loading.add(language)
            # Not eagerly: this runs while the state is being written.
            self.coordinator.config_entry.async_create_task(
                self.hass, self._async_show_in(language), eager_start=False
            )
        return next(iter(self._texts.values()), texts)
