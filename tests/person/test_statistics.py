"""A person's long-term statistics, written into Home Assistant's real recorder.

A week of meals goes in (imported, or logged with a time); the rows come back from the
recorder's database; a deleted, back-dated or changed entry corrects the rows of its days.
Only the clock is controlled.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder import Recorder
from homeassistant.components.recorder.models import StatisticMeanType
from homeassistant.components.recorder.statistics import (
    get_metadata,
    statistics_during_period,
)
from homeassistant.const import EVENT_HOMEASSISTANT_STARTED
from homeassistant.core import CoreState, HomeAssistant
from homeassistant.helpers.recorder import get_instance
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.mtor_balance.const import DOMAIN
from custom_components.mtor_balance.core.calendar_events import Series
from custom_components.mtor_balance.core.model import Entry, Source
from custom_components.mtor_balance.person.coordinator import PersonCoordinator
from custom_components.mtor_balance.person.statistics import (
    START_DELAY,
    async_start_statistics,
    statistic_id,
)

from ..common import async_add_person

TZ = ZoneInfo("Europe/Stockholm")
MONDAY_10 = "2026-11-09 09:00:00+00:00"  # 10:00 in Stockholm, after a week of meals
WEEK = [f"2026-11-0{day}" for day in range(2, 9)]  # Monday 2 to Sunday 8 November
IDS = {series: statistic_id("entry_erik", series) for series in Series}


def local(text: str) -> datetime:
    """Return a Stockholm wall-clock time ("2026-11-02 12:00") in UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=TZ).astimezone(UTC)


def meal(text: str) -> Entry:
    """Return a meal of 30 g protein and 3 g leucine at a Stockholm wall-clock time."""
    return Entry(
        id=f"meal {text}",
        time=local(text),
        name="Meal",
        protein_g=30.0,
        leucine_g=3.0,
        kcal=120.0,
        leucine_estimated=False,
        source=Source.ACTION,
    )


def three_meals(*days: str) -> list[Entry]:
    """Return meals at 12:00, 16:00 and 19:30 on each of `days`."""
    return [
        meal(f"{day} {clock}") for day in days for clock in ("12:00", "16:00", "19:30")
    ]


def coordinator_of(entry: MockConfigEntry) -> PersonCoordinator:
    """Return the person's coordinator."""
    coordinator: PersonCoordinator = entry.runtime_data.coordinator
    return coordinator


async def written(hass: HomeAssistant) -> None:
    """Wait until the statistics' background work is done and in the database.

    Rows are first written a few seconds after set-up: those timers are run (the clock
    itself does not move).
    """
    async_fire_time_changed(hass, dt_util.utcnow() + START_DELAY + timedelta(seconds=1))
    for _ in range(3):
        await hass.async_block_till_done(wait_background_tasks=True)
        await async_wait_recording_done(hass)


async def rows(hass: HomeAssistant, series: Series) -> list[tuple[str, Any]]:
    """Return (local hour, mean) of every row of `series`, empty rows included."""
    found = await get_instance(hass).async_add_executor_job(
        statistics_during_period,
        hass,
        local("2026-10-01 00:00"),
        None,
        {IDS[series]},
        "hour",
        None,
        {"mean", "min", "max"},
    )
    return [
        (
            datetime.fromtimestamp(row["start"], TZ).strftime("%a %d %H:%M"),
            row["mean"],
        )
        for row in found.get(IDS[series], [])
    ]


def valued(found: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """Return the rows that have a value."""
    return [(hour, mean) for hour, mean in found if mean is not None]


@pytest.fixture
async def erik(
    recorder_mock: Recorder, hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> MockConfigEntry:
    """Erik, with the recorder, after a week of three meals a day."""
    freezer.move_to(MONDAY_10)
    entry = await async_add_person(hass, "Erik")
    await coordinator_of(entry).async_import_entries(three_meals(*WEEK))
    await written(hass)
    return entry


async def test_a_week_of_meals_becomes_rows_with_names_and_units(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    # Each fast ended at the next day's lunch (19:30 to 12:00: 16.5 h).
    assert await rows(hass, Series.FAST_HOURS) == [
        (f"{day} 12:00", 16.5)
        for day in ("Tue 03", "Wed 04", "Thu 05", "Fri 06", "Sat 07", "Sun 08")
    ]
    meals = await rows(hass, Series.MEAL_LEUCINE)
    assert len(meals) == 21
    assert meals[:3] == [
        ("Mon 02 12:00", 3.0),
        ("Mon 02 16:00", 3.0),
        ("Mon 02 19:00", 3.0),
    ]
    assert await rows(hass, Series.MEAL_PROTEIN) == [(hour, 30.0) for hour, _ in meals]
    days = [f"{day} 00:00" for day in ("Mon 02", "Tue 03", "Wed 04", "Thu 05")]
    assert (await rows(hass, Series.MEALS_AT_TARGET))[:4] == [
        (day, 3.0) for day in days
    ]
    assert (await rows(hass, Series.DAY_PROTEIN))[:4] == [(day, 90.0) for day in days]
    assert (await rows(hass, Series.DAY_LEUCINE))[:4] == [(day, 9.0) for day in days]
    assert len(await rows(hass, Series.DAY_LEUCINE)) == 7

    metadata = await get_instance(hass).async_add_executor_job(
        lambda: get_metadata(hass, statistic_ids=set(IDS.values()))
    )
    described = {
        statistic: (
            meta["name"],
            meta["unit_of_measurement"],
            meta["unit_class"],
            meta["mean_type"],
            meta["has_sum"],
            meta["source"],
        )
        for statistic, (_, meta) in metadata.items()
    }
    arithmetic = StatisticMeanType.ARITHMETIC
    assert described == {
        "mtor_balance:entry_erik_fast_hours": (
            "Erik fasting hours per fast",
            "h",
            "duration",
            arithmetic,
            False,
            DOMAIN,
        ),
        "mtor_balance:entry_erik_meals_at_target": (
            "Erik meals at target per day",
            None,
            None,
            arithmetic,
            False,
            DOMAIN,
        ),
        "mtor_balance:entry_erik_meal_leucine": (
            "Erik leucine per meal",
            "g",
            "mass",
            arithmetic,
            False,
            DOMAIN,
        ),
        "mtor_balance:entry_erik_meal_protein": (
            "Erik protein per meal",
            "g",
            "mass",
            arithmetic,
            False,
            DOMAIN,
        ),
        "mtor_balance:entry_erik_day_protein": (
            "Erik protein per day",
            "g",
            "mass",
            arithmetic,
            False,
            DOMAIN,
        ),
        "mtor_balance:entry_erik_day_leucine": (
            "Erik leucine per day",
            "g",
            "mass",
            arithmetic,
            False,
            DOMAIN,
        ),
    }


async def test_a_deleted_entry_corrects_its_days_rows(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    await coordinator_of(erik).async_delete("meal 2026-11-04 12:00")
    await written(hass)
    # The fast that ended at Wednesday's lunch is gone (its row emptied); the fast now
    # runs from Tuesday's dinner to Wednesday's 16:00 meal.
    fasts = await rows(hass, Series.FAST_HOURS)
    assert ("Wed 04 12:00", None) in fasts
    assert valued(fasts)[:3] == [
        ("Tue 03 12:00", 16.5),
        ("Wed 04 16:00", 20.5),
        ("Thu 05 12:00", 16.5),
    ]
    meals = await rows(hass, Series.MEAL_LEUCINE)
    assert ("Wed 04 12:00", None) in meals
    assert len(valued(meals)) == 20
    assert ("Wed 04 00:00", 60.0) in await rows(hass, Series.DAY_PROTEIN)
    assert ("Wed 04 00:00", 2.0) in await rows(hass, Series.MEALS_AT_TARGET)
    # The other days are as they were.
    assert ("Tue 03 00:00", 90.0) in await rows(hass, Series.DAY_PROTEIN)


async def test_a_change_right_after_another_still_corrects_the_rows(
    recorder_mock: Recorder, hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(MONDAY_10)
    entry = await async_add_person(hass, "Erik")
    coordinator = coordinator_of(entry)
    # No waiting in between: the rows of the import are read back before they are
    # corrected, so they must be in the database by then.
    await coordinator.async_import_entries(three_meals(*WEEK))
    await coordinator.async_delete("meal 2026-11-04 12:00")
    await written(hass)
    assert ("Wed 04 12:00", 3.0) not in await rows(hass, Series.MEAL_LEUCINE)
    assert ("Wed 04 00:00", 60.0) in await rows(hass, Series.DAY_PROTEIN)


async def test_a_back_dated_meal_corrects_its_days_rows(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    await coordinator_of(erik).async_delete("meal 2026-11-04 12:00")
    await written(hass)
    await hass.services.async_call(
        DOMAIN,
        "log_food",
        {"food": "01012", "grams": 250, "time": "2026-11-04T12:30:00+01:00"},
        blocking=True,
    )
    await written(hass)
    fasts = await rows(hass, Series.FAST_HOURS)
    # Tuesday 19:30 to 12:30: 17 h; the 20.5 h fast of before is gone again.
    assert ("Wed 04 12:00", 17.0) in fasts
    assert ("Wed 04 16:00", None) in fasts
    leucine = dict(await rows(hass, Series.MEAL_LEUCINE))
    assert leucine["Wed 04 12:00"] == pytest.approx(2.79, abs=0.01)  # cottage cheese


async def test_a_fast_by_hand_and_a_day_type_from_the_calendar_change_the_rows(
    hass: HomeAssistant, erik: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    client = await hass_ws_client(hass)
    for event in (
        {  # the night before the first logged meal
            "summary": "Fast",
            "dtstart": "2026-11-01T20:00:00+01:00",
            "dtend": "2026-11-02T11:00:00+01:00",
        },
        # Tuesday as a high-protein day: 30 g is under its 32 g per meal.
        {"summary": "High protein", "dtstart": "2026-11-03", "dtend": "2026-11-04"},
    ):
        await client.send_json_auto_id(
            {
                "type": "calendar/event/create",
                "entity_id": "calendar.erik_fasts_and_meals",
                "event": event,
            }
        )
        response = await client.receive_json()
        assert response["success"], response
    await written(hass)
    assert (await rows(hass, Series.FAST_HOURS))[0] == ("Mon 02 11:00", 15.0)
    at_target = await rows(hass, Series.MEALS_AT_TARGET)
    assert at_target[:3] == [
        ("Mon 02 00:00", 3.0),
        ("Tue 03 00:00", 0.0),
        ("Wed 04 00:00", 3.0),
    ]


async def test_set_up_writes_what_the_recorder_does_not_have(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    before = {series: await rows(hass, series) for series in Series}
    # Set up again: nothing is missing, nothing changes.
    assert await hass.config_entries.async_reload(erik.entry_id)
    await written(hass)
    assert {series: await rows(hass, series) for series in Series} == before
    # Without any rows (a new recorder database, or cleared statistics) all comes back.
    get_instance(hass).async_clear_statistics(list(IDS.values()))
    await written(hass)
    assert await rows(hass, Series.FAST_HOURS) == []
    assert await hass.config_entries.async_reload(erik.entry_id)
    await written(hass)
    assert {series: await rows(hass, series) for series in Series} == before


async def test_nothing_is_written_while_home_assistant_starts(
    recorder_mock: Recorder, hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(MONDAY_10)
    hass.set_state(CoreState.starting)
    entry = await async_add_person(hass, "Erik")
    await coordinator_of(entry).async_import_entries(three_meals(*WEEK))
    await written(hass)
    assert await rows(hass, Series.DAY_PROTEIN) == []
    hass.set_state(CoreState.running)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    await written(hass)
    assert len(await rows(hass, Series.DAY_PROTEIN)) == 7


async def test_set_up_catches_up_from_the_last_row(
    hass: HomeAssistant, erik: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to("2026-11-11 09:00:00+00:00")  # Wednesday 10:00
    # Meals go into Erik's log while nothing writes rows (Home Assistant starting), and
    # he is unloaded before anything is written.
    hass.set_state(CoreState.starting)
    assert await hass.config_entries.async_reload(erik.entry_id)
    await coordinator_of(erik).async_import_entries(
        three_meals("2026-11-09", "2026-11-10")
    )
    await written(hass)
    assert len(await rows(hass, Series.DAY_PROTEIN)) == 7
    assert await hass.config_entries.async_unload(erik.entry_id)
    hass.set_state(CoreState.running)
    # Set up again: the days after the last row are written.
    assert await hass.config_entries.async_setup(erik.entry_id)
    await written(hass)
    fasts = valued(await rows(hass, Series.FAST_HOURS))
    assert fasts[-3:] == [
        ("Sun 08 12:00", 16.5),
        ("Mon 09 12:00", 16.5),
        ("Tue 10 12:00", 16.5),
    ]
    assert len(await rows(hass, Series.DAY_PROTEIN)) == 9


async def test_old_years_are_imported_in_the_background(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    coordinator = coordinator_of(erik)
    # Two old days and a late snack on Sunday: two runs of days to write.
    snack = meal("2026-11-08 21:00")._replace(id="snack")
    await coordinator.async_import_entries(
        [*three_meals("2024-11-04", "2024-11-05"), snack]
    )
    await written(hass)
    assert 2024 in coordinator.record.history  # a closed year
    assert ("Sun 08 00:00", 120.0) in await rows(hass, Series.DAY_PROTEIN)
    fasts = await get_instance(hass).async_add_executor_job(
        statistics_during_period,
        hass,
        local("2024-11-01 00:00"),
        local("2024-12-01 00:00"),
        {IDS[Series.FAST_HOURS]},
        "hour",
        None,
        {"mean"},
    )
    [row] = fasts[IDS[Series.FAST_HOURS]]
    assert (row["start"], row["mean"]) == (local("2024-11-05 12:00").timestamp(), 16.5)


async def test_in_swedish_the_names_are_swedish(
    recorder_mock: Recorder, hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(MONDAY_10)
    await hass.config.async_update(language="sv")
    entry = await async_add_person(hass, "Erik")
    await coordinator_of(entry).async_import_entries(three_meals("2026-11-02"))
    await written(hass)
    metadata = await get_instance(hass).async_add_executor_job(
        lambda: get_metadata(
            hass, statistic_ids={IDS[Series.FAST_HOURS], IDS[Series.MEALS_AT_TARGET]}
        )
    )
    assert sorted(meta["name"] for _, meta in metadata.values()) == [
        "Erik måltider som når målet per dag"
    ]  # no fast completed yet: only the day's rows
    await coordinator_of(entry).async_import_entries(three_meals("2026-11-03"))
    await written(hass)
    metadata = await get_instance(hass).async_add_executor_job(
        lambda: get_metadata(hass, statistic_ids={IDS[Series.FAST_HOURS]})
    )
    assert [meta["name"] for _, meta in metadata.values()] == [
        "Erik fastetimmar per fasta"
    ]


async def test_without_the_recorder_the_person_works_as_before(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(MONDAY_10)
    entry = await async_add_person(hass, "Erik")
    assert "recorder" not in hass.config.components
    stop = async_start_statistics(hass, coordinator_of(entry))
    stop()
    await hass.services.async_call(
        DOMAIN, "log_food", {"food": "01012", "grams": 250}, blocking=True
    )
    await hass.async_block_till_done(wait_background_tasks=True)
    assert hass.states.get("sensor.erik_leucine_today").state == "2.79"


async def test_nothing_logged_nothing_written_and_an_unload_before_the_start(
    recorder_mock: Recorder, hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(MONDAY_10)
    entry = await async_add_person(hass, "Erik")
    await written(hass)
    assert await rows(hass, Series.DAY_PROTEIN) == []
    # Unloaded before its first rows: nothing is written afterwards.
    assert await hass.config_entries.async_reload(entry.entry_id)
    await coordinator_of(entry).async_import_entries(three_meals(*WEEK))
    assert await hass.config_entries.async_unload(entry.entry_id)
    await written(hass)
    assert await rows(hass, Series.DAY_PROTEIN) == []


async def test_a_removed_person_takes_their_statistics_with_them(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    assert valued(await rows(hass, Series.DAY_PROTEIN))
    assert await hass.config_entries.async_remove(erik.entry_id)
    await hass.async_block_till_done()
    await async_wait_recording_done(hass)
    for series in Series:
        assert await rows(hass, series) == []


CRONOMETER_WEEK = Path(__file__).parent.parent / "fixtures" / "cronometer_servings.csv"


async def test_a_cronometer_week_shows_in_the_statistics_calendar_and_week(
    recorder_mock: Recorder, hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """A week exported from Cronometer, imported: rows, calendar fasts and the summary.

    Importing it again, or our own export of it, changes none of them.
    """
    freezer.move_to("2026-11-02 11:00:00+00:00")  # Monday noon, after the week
    await async_add_person(hass, "Erik")
    await written(hass)
    data = CRONOMETER_WEEK.read_text(encoding="utf-8")

    async def call(action: str, **data: Any) -> Any:
        return await hass.services.async_call(
            DOMAIN, action, data, blocking=True, return_response=True
        )

    async def seen() -> tuple[Any, ...]:
        await written(hass)
        events = await hass.services.async_call(
            "calendar",
            "get_events",
            {
                "entity_id": "calendar.erik_fasts_and_meals",
                "start_date_time": "2026-10-26T00:00:00+01:00",
                "end_date_time": "2026-11-02T00:00:00+01:00",
            },
            blocking=True,
            return_response=True,
        )
        fasts = [
            event["summary"]
            for event in events["calendar.erik_fasts_and_meals"]["events"]
            if event["summary"].startswith("Fast")
        ]
        week = await call("weekly_summary", last_day="2026-11-01")
        return (
            await rows(hass, Series.DAY_PROTEIN),
            await rows(hass, Series.FAST_HOURS),
            fasts,
            week,
        )

    assert (await call("import_log", data=data))["added"] == 57
    days, fast_rows, fasts, week = await seen()
    # Every day of the week has its protein row, each night its fast, in both places.
    assert [hour for hour, _ in days] == [
        f"{day} 00:00" for day in ("Tue 27", "Wed 28", "Thu 29", "Fri 30", "Sat 31")
    ] + ["Sun 01 00:00", "Mon 02 00:00"]
    assert len(fast_rows) == len(fasts) >= 5
    assert (week["first_day"], week["last_day"], week["logged_days"]) == (
        "2026-10-26",
        "2026-11-01",
        6,
    )
    assert week["protein_g"] == pytest.approx(sum(mean for _, mean in days[:-1]), 0.01)

    before = (days, fast_rows, fasts, week)
    assert (await call("import_log", data=data))["added"] == 0
    exported = await call("export_log", format="csv")
    assert (await call("import_log", data=exported["csv"]))["added"] == 0
    assert await seen() == before
