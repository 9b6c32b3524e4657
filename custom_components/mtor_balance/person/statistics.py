"""A person's long-term statistics in Home Assistant's recorder: fasts, meals and days.

Six external statistics per person, `mtor_balance:<entry id>_<series>` (`core.calendar_events`
decides the values), hourly rows with a mean, min and max and no sum:

- `fast_hours` (h): each completed fast the calendar shows, at the hour it ended;
- `meal_leucine`, `meal_protein` (g): each meal, at the hour it began;
- `meals_at_target` (no unit, a count), `day_protein`, `day_leucine` (g): each day with a
  logged entry, at the hour the day starts.

Means make every row stand alone, so a row can be corrected without touching the rows after
it (a sum would carry every change forward); a week or month of rows is their average (the
average fast, meal or day). The recorder cannot delete a single row, so a row whose fast or
meal is gone is emptied (no mean, min or max).

Rows are written in the background: a few seconds after set-up (once Home Assistant has
started), the days since the last row in the recorder (all the history the first time, a
year at a time); after a change, the days it touches (a
logged, deleted, back-dated or imported entry, a fast entered by hand, a day type). Without
the recorder nothing is done, and nothing of the recorder is imported.

However big the history or an import, the event loop only schedules: an import is told
once (the days it touches are found in the executor), and each year's rows are computed
in the executor. Days of a closed year that cannot be read are not written (what the
recorder holds for them stays) and a warning names the years; the repair issue of the
file says what to do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
import logging
from typing import TYPE_CHECKING

from homeassistant.const import UnitOfMass, UnitOfTime
from homeassistant.core import CALLBACK_TYPE, HassJob, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.event import async_call_later
from homeassistant.helpers.recorder import get_instance
from homeassistant.helpers.start import async_at_started
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import dt as dt_util, slugify
from homeassistant.util.unit_conversion import DurationConverter, MassConverter

from ..const import DOMAIN
from ..core.calendar_events import (
    LOOKBACK,
    MAX_FAST,
    PersonHistory,
    Point,
    Series,
    hours_of_days,
    statistic_points,
)
from ..core.days import day_bounds, day_of
from ..core.log import IntakeLog
from ..core.model import Entry, ManualFast, Profile
from .coordinator import PersonCoordinator, signal_entry_changed, signal_imported
from .persistence import HistoryMissingError

if TYPE_CHECKING:
    from homeassistant.components.recorder.core import Recorder
    from homeassistant.components.recorder.models import StatisticMetaData

_LOGGER = logging.getLogger(__name__)

# Unit and unit class of each series.
UNITS: dict[Series, tuple[str | None, str | None]] = {
    Series.FAST_HOURS: (UnitOfTime.HOURS, DurationConverter.UNIT_CLASS),
    Series.MEALS_AT_TARGET: (None, None),
    Series.MEAL_LEUCINE: (UnitOfMass.GRAMS, MassConverter.UNIT_CLASS),
    Series.MEAL_PROTEIN: (UnitOfMass.GRAMS, MassConverter.UNIT_CLASS),
    Series.DAY_PROTEIN: (UnitOfMass.GRAMS, MassConverter.UNIT_CLASS),
    Series.DAY_LEUCINE: (UnitOfMass.GRAMS, MassConverter.UNIT_CLASS),
}
# Rows are first written this long after set-up (and after Home Assistant has started).
START_DELAY = timedelta(seconds=5)
# Days imported at a time: the closed years are read one (and a neighbour) at a time.
CHUNK_DAYS = 366
_ONE_DAY = timedelta(days=1)


def statistic_id(entry_id: str, series: Series) -> str:
    """Return the statistic id of one of a person's series."""
    return f"{DOMAIN}:{slugify(entry_id)}_{series.value}"


@callback
def async_clear_person_statistics(hass: HomeAssistant, entry_id: str) -> None:
    """Remove a removed person's statistics from the recorder (if it is loaded)."""
    if "recorder" not in hass.config.components:
        return
    get_instance(hass).async_clear_statistics(
        [statistic_id(entry_id, series) for series in Series]
    )


@callback
def async_start_statistics(
    hass: HomeAssistant, coordinator: PersonCoordinator
) -> CALLBACK_TYPE:
    """Keep the person's statistics in the recorder; return how to stop (unload)."""
    if "recorder" not in hass.config.components:
        return lambda: None
    return PersonStatistics(hass, coordinator).async_start()


def _runs(days: Iterable[date]) -> Iterator[tuple[date, date]]:
    """Yield the runs of consecutive days (first, last), at most CHUNK_DAYS long."""
    first: date | None = None
    last = date.min
    for day in sorted(days):
        if first is None:
            first = last = day
        elif day == last + _ONE_DAY and (day - first).days < CHUNK_DAYS:
            last = day
        else:
            yield first, last
            first = last = day
    if first is not None:
        yield first, last


def _last_start(hass: HomeAssistant, ids: list[str]) -> float | None:
    """Return the start of the latest row of any of `ids` (in the recorder's executor)."""
    from homeassistant.components.recorder.statistics import (  # noqa: PLC0415
        get_last_statistics,
    )

    starts = [
        rows[0]["start"]
        for statistic in ids
        if (
            rows := get_last_statistics(
                hass, 1, statistic, convert_units=False, types=set()
            ).get(statistic)
        )
    ]
    return max(starts, default=None)


def _rows_with_values(
    hass: HomeAssistant, ids: list[str], start: datetime, end: datetime
) -> dict[str, set[float]]:
    """Return the starts of the rows with a value in [start, end) (recorder's executor)."""
    from homeassistant.components.recorder.statistics import (  # noqa: PLC0415
        statistics_during_period,
    )

    found = statistics_during_period(hass, start, end, set(ids), "hour", None, {"mean"})
    return {
        statistic: {row["start"] for row in rows if row.get("mean") is not None}
        for statistic, rows in found.items()
    }


def _touched(
    start: datetime, end: datetime, profile: Profile, tz: tzinfo, now: datetime
) -> set[date]:
    """Return the days whose rows a change from `start` to `end` may change.

    The meal it joins may have begun up to a merge earlier; the fast it ends or splits
    ends at the next meal, at most `MAX_FAST` later.
    """
    day = day_of(
        start - timedelta(minutes=profile.meal_merge_min), tz, profile.day_start
    )
    last = day_of(min(end + MAX_FAST, now), tz, profile.day_start)
    days = set()
    while day <= last:
        days.add(day)
        day += _ONE_DAY
    return days


def _touched_days(
    entries: list[Entry], profile: Profile, tz: tzinfo, now: datetime
) -> set[date]:
    """Return the days imported `entries` may change (in the executor).

    Entries of one day change the same days: each day is expanded once.
    """
    days: set[date] = set()
    seen: set[date] = set()
    for moment in (entry.time for entry in entries):
        if (day := day_of(moment, tz, profile.day_start)) not in seen:
            seen.add(day)
            days |= _touched(moment, moment, profile, tz, now)
    return days


def _points(
    entries: list[Entry],
    profile: Profile,
    tz: tzinfo,
    day_types: dict[str, str],
    manual_fasts: tuple[ManualFast, ...],
    days: tuple[date, date, date, date],
) -> tuple[dict[Series, list[Point]], tuple[datetime, datetime]]:
    """Return the rows of the days `first` to `last` and their hours (in the executor)."""
    before, after, first, last = days
    history = PersonHistory(
        IntakeLog(entries), profile, tz, day_types, manual_fasts, None
    )
    return statistic_points(history, before, after), hours_of_days(history, first, last)


class PersonStatistics:
    """Writes one person's rows: the missing history at set-up, then every change."""

    def __init__(self, hass: HomeAssistant, coordinator: PersonCoordinator) -> None:
        """Keep the statistics of `coordinator`'s person."""
        self._hass = hass
        self._coordinator = coordinator
        self._entry_id = coordinator.config_entry.entry_id
        self._ids = {series: statistic_id(self._entry_id, series) for series in Series}
        self._dirty: set[date] = set()
        self._catch_up = True
        self._started = False
        self._unsub_delay: CALLBACK_TYPE | None = None
        self._busy = False
        # What the record held at the last look (fasts and day types are not told).
        self._manual: tuple[ManualFast, ...] = ()
        self._day_types: dict[str, str] = {}

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Follow the person's changes and write the missing history in the background."""
        record = self._coordinator.record
        self._manual = tuple(record.manual_fasts)
        self._day_types = dict(record.day_types)
        unsubscribe = [
            async_dispatcher_connect(
                self._hass, signal_entry_changed(self._entry_id), self._entry_changed
            ),
            async_dispatcher_connect(
                self._hass, signal_imported(self._entry_id), self._imported
            ),
            self._coordinator.async_add_listener(self._record_changed),
            # Nothing is written while Home Assistant starts.
            async_at_started(self._hass, self._async_started),
        ]

        @callback
        def stop() -> None:
            for unsub in unsubscribe:
                unsub()
            if self._unsub_delay is not None:
                self._unsub_delay()

        return stop

    # --- what changed -----------------------------------------------------------------

    @callback
    def _entry_changed(self, _event_type: str, entry: Entry) -> None:
        self._touch(entry.time, entry.time)
        self._schedule()

    @callback
    def _imported(self, entries: list[Entry]) -> None:
        """Mark the days of an import (found in the executor: it may be big)."""
        self._coordinator.config_entry.async_create_background_task(
            self._hass,
            self._async_imported(entries),
            f"{DOMAIN}_statistics_import_{self._entry_id}",
        )

    async def _async_imported(self, entries: list[Entry]) -> None:
        self._dirty |= await self._hass.async_add_executor_job(
            _touched_days,
            entries,
            self._coordinator.profile,
            self._tz,
            dt_util.utcnow(),
        )
        self._schedule()

    @callback
    def _record_changed(self) -> None:
        record = self._coordinator.record
        if (manual := tuple(record.manual_fasts)) != self._manual:
            for fast in set(manual) ^ set(self._manual):
                self._touch(fast.start, fast.end)
            self._manual = manual
        if record.day_types != self._day_types:
            changed = set(record.day_types.items()) ^ set(self._day_types.items())
            self._dirty |= {date.fromisoformat(key) for key, _ in changed}
            self._day_types = dict(record.day_types)
        self._schedule()

    def _touch(self, start: datetime, end: datetime) -> None:
        """Mark the days whose rows a change from `start` to `end` may change."""
        self._dirty |= _touched(
            start, end, self._coordinator.profile, self._tz, dt_util.utcnow()
        )

    # --- writing ------------------------------------------------------------------------

    @callback
    def _async_started(self, _hass: HomeAssistant) -> None:
        # A few seconds later still: the recorder's queries stay out of the set-up.
        self._unsub_delay = async_call_later(
            self._hass, START_DELAY, HassJob(self._async_go, cancel_on_shutdown=True)
        )

    @callback
    def _async_go(self, _now: datetime) -> None:
        self._unsub_delay = None
        self._started = True
        self._schedule()

    @callback
    def _schedule(self) -> None:
        if not self._started or self._busy or not (self._catch_up or self._dirty):
            return
        self._busy = True
        self._coordinator.config_entry.async_create_background_task(
            self._hass, self._async_work(), f"{DOMAIN}_statistics_{self._entry_id}"
        )

    async def _async_work(self) -> None:
        try:
            recorder = get_instance(self._hass)
            if not await recorder.async_db_ready:
                return
            if self._catch_up:
                self._catch_up = False
                await self._async_catch_up(recorder)
            while self._dirty:
                today = self._today()
                days = {day for day in self._dirty if day <= today}
                self._dirty.clear()
                for first, last in _runs(days):
                    await self._async_write(recorder, first, last, correct=True)
        except HomeAssistantError as err:
            _LOGGER.warning("Could not write the statistics of %s: %s", self._name, err)
        finally:
            self._busy = False

    async def _async_catch_up(self, recorder: Recorder) -> None:
        """Write the days since the latest row (every logged day if there is none)."""
        ids = list(self._ids.values())
        last = await recorder.async_add_executor_job(_last_start, self._hass, ids)
        if last is None:
            if (first := self._first_day()) is None:
                return
            days = self._days(first, self._today())
            for run_first, run_last in _runs(days):
                await self._async_write(recorder, run_first, run_last, correct=False)
            return
        profile = self._coordinator.profile
        resume = day_of(datetime.fromtimestamp(last, UTC), self._tz, profile.day_start)
        for run_first, run_last in _runs(self._days(resume, self._today())):
            await self._async_write(recorder, run_first, run_last, correct=True)

    async def _async_write(
        self, recorder: Recorder, first: date, last: date, *, correct: bool
    ) -> None:
        """Write the rows of the days `first` to `last`; `correct`: empty rows now gone."""
        from homeassistant.components.recorder.models import (  # noqa: PLC0415
            StatisticData,
        )
        from homeassistant.components.recorder.statistics import (  # noqa: PLC0415
            async_add_external_statistics,
        )

        coordinator, tz = self._coordinator, self._tz
        profile, record = coordinator.profile, coordinator.record
        # Rows in the hours at the edges may come from the neighbouring days.
        before, after = first - _ONE_DAY, min(last + _ONE_DAY, self._today())
        try:
            entries = await coordinator.async_entries_between(
                day_bounds(before, tz, profile.day_start)[0] - LOOKBACK,
                day_bounds(after, tz, profile.day_start)[1],
            )
        except HistoryMissingError as err:
            _LOGGER.warning(
                "The statistics of %s from %s to %s are not written: the log of %s "
                "could not be read (see the repair issue)",
                self._name,
                first,
                last,
                ", ".join(str(year) for year in err.years),
            )
            return
        points, (low, high) = await self._hass.async_add_executor_job(
            _points,
            entries,
            profile,
            tz,
            dict(record.day_types),
            tuple(record.manual_fasts),
            (before, after, first, last),
        )
        del entries
        ids = list(self._ids.values())
        old: dict[str, set[float]] = {}
        if correct:
            # Rows written before must be in the database before they are read.
            if (written := recorder.async_get_commit_future()) is not None:
                await written
            old = await recorder.async_add_executor_job(
                _rows_with_values, self._hass, ids, low, high
            )
        names = await self._async_names()
        for series in Series:
            rows = [
                StatisticData(
                    start=point.hour, mean=point.mean, min=point.min, max=point.max
                )
                for point in points[series]
                if low <= point.hour < high
            ]
            fresh = {row["start"].timestamp() for row in rows}
            rows += [
                StatisticData(start=datetime.fromtimestamp(start, UTC))
                for start in sorted(old.get(self._ids[series], set()) - fresh)
            ]
            if rows:
                async_add_external_statistics(
                    self._hass, self._metadata(series, names), rows
                )

    # --- internals ----------------------------------------------------------------------

    def _metadata(self, series: Series, names: dict[str, str]) -> StatisticMetaData:
        from homeassistant.components.recorder.models import (  # noqa: PLC0415
            StatisticMeanType,
            StatisticMetaData,
        )

        unit, unit_class = UNITS[series]
        template = names.get(
            f"component.{DOMAIN}.common.statistic_{series.value}", "{name} " + series
        )
        return StatisticMetaData(
            mean_type=StatisticMeanType.ARITHMETIC,
            has_sum=False,
            name=template.format(name=self._name),
            source=DOMAIN,
            statistic_id=self._ids[series],
            unit_class=unit_class,
            unit_of_measurement=unit,
        )

    async def _async_names(self) -> dict[str, str]:
        return await async_get_translations(
            self._hass, self._coordinator.language, "common", [DOMAIN]
        )

    @property
    def _name(self) -> str:
        return self._coordinator.person_name

    @property
    def _tz(self) -> tzinfo:
        return dt_util.get_default_time_zone()

    def _today(self) -> date:
        return day_of(dt_util.utcnow(), self._tz, self._coordinator.profile.day_start)

    def _first_day(self) -> date | None:
        record = self._coordinator.record
        firsts = [summary.first for summary in record.history.values()]
        if (first_open := next(iter(record.log), None)) is not None:
            firsts.append(first_open.time)
        firsts += [fast.start for fast in record.manual_fasts]
        if not firsts:
            return None
        return day_of(min(firsts), self._tz, self._coordinator.profile.day_start)

    @staticmethod
    def _days(first: date, last: date) -> Iterator[date]:
        day = first
        while day <= last:
            yield day
            day += _ONE_DAY
