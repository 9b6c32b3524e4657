"""A person's calendar through Home Assistant's calendar: events, state, creating and changing.

The events are read with the `calendar.get_events` action and the calendar's HTTP API (which
has the uids); events are created, changed and deleted with the websocket commands the
frontend sends. Only the clock is controlled.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.calendar.const import DATA_COMPONENT
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.mtor_balance.const import DOMAIN
from custom_components.mtor_balance.core.model import Entry, Source
from custom_components.mtor_balance.person.calendar import PersonCalendar
from custom_components.mtor_balance.person.const import CONF_PLAN, WEEKDAYS
from custom_components.mtor_balance.person.coordinator import PersonCoordinator

from ..common import async_add_person

CALENDAR = "calendar.erik_fasts_and_meals"
TZ = ZoneInfo("Europe/Stockholm")
THURSDAY_10 = "2026-11-05 09:00:00+00:00"  # 10:00 in Stockholm (UTC+1)
WEEK = ("2026-11-02T00:00:00+01:00", "2026-11-09T00:00:00+01:00")
PLAN = {**dict.fromkeys(WEEKDAYS, "normal"), "fri": "fast"}
READ_ONLY = (
    "Fasts and eating windows from the log, and the suggested meal, cannot be changed "
    "in the calendar: change the logged entries instead"
)
NO_REPEAT = (
    "Events in this calendar do not repeat: set repeating day types in the person's "
    "weekly plan"
)
STAYS = (
    "A fast entered by hand stays a timed event and a day type stays an all-day event: "
    "delete the event and create the other kind instead"
)


def local(text: str) -> datetime:
    """Return a Stockholm wall-clock time ("2026-11-02 12:00") in UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=TZ).astimezone(UTC)


def meal(text: str, protein: float = 30.0, leucine: float = 3.0) -> Entry:
    """Return a logged meal at a Stockholm wall-clock time."""
    return Entry(
        id=f"meal {text}",
        time=local(text),
        name="Meal",
        protein_g=protein,
        leucine_g=leucine,
        kcal=4 * protein,
        leucine_estimated=False,
        source=Source.ACTION,
    )


def three_meals(*days: str) -> list[Entry]:
    """Return lunch, an afternoon meal and dinner on each of `days` ("2026-11-02")."""
    return [
        meal(f"{day} {clock}") for day in days for clock in ("12:00", "16:00", "19:30")
    ]


def coordinator_of(entry: MockConfigEntry) -> PersonCoordinator:
    """Return the person's coordinator."""
    coordinator: PersonCoordinator = entry.runtime_data.coordinator
    return coordinator


@pytest.fixture
async def erik(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> MockConfigEntry:
    """Erik ate three meals on Monday to Wednesday; it is Thursday, 10:00; Friday is a fast day."""
    freezer.move_to(THURSDAY_10)
    entry = await async_add_person(hass, "Erik", **{CONF_PLAN: PLAN})
    await coordinator_of(entry).async_import_entries(
        three_meals("2026-11-02", "2026-11-03", "2026-11-04")
    )
    await hass.async_block_till_done()
    return entry


async def get_events(
    hass: HomeAssistant, start: str = WEEK[0], end: str = WEEK[1]
) -> list[dict[str, Any]]:
    """Return the calendar's events through the `calendar.get_events` action."""
    response = await hass.services.async_call(
        "calendar",
        "get_events",
        {"entity_id": CALENDAR, "start_date_time": start, "end_date_time": end},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    events: list[dict[str, Any]] = response[CALENDAR]["events"]  # type: ignore[index, assignment]
    return events


async def api_events(
    hass_client: ClientSessionGenerator, start: str = WEEK[0], end: str = WEEK[1]
) -> list[dict[str, Any]]:
    """Return the calendar's events with their uids, through its HTTP API."""
    client = await hass_client()
    response = await client.get(
        f"/api/calendars/{CALENDAR}", params={"start": start, "end": end}
    )
    assert response.status == 200
    events: list[dict[str, Any]] = await response.json()
    return events


def summaries(events: list[dict[str, Any]]) -> list[str]:
    """Return the events' summaries."""
    return [event["summary"] for event in events]


async def ws(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator, command: dict[str, Any]
) -> dict[str, Any]:
    """Send one websocket command for the calendar; return the response."""
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"entity_id": CALENDAR, **command})
    response: dict[str, Any] = await client.receive_json()
    return response


def calendar_entity(hass: HomeAssistant) -> PersonCalendar:
    """Return the calendar entity (for the checks Home Assistant's API never reaches)."""
    entity = hass.data[DATA_COMPONENT].get_entity(CALENDAR)
    assert isinstance(entity, PersonCalendar)
    return entity


# --- reading ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("erik")
async def test_the_week_shows_fasts_windows_day_types_and_the_next_meal(
    hass: HomeAssistant,
) -> None:
    events = await get_events(hass)
    assert [(event["start"], event["summary"]) for event in events] == [
        ("2026-11-02T12:00:00+01:00", "Eating window: 3 of 3 meals at target"),
        ("2026-11-02T19:30:00+01:00", "Fast 16.5 h"),
        ("2026-11-03T12:00:00+01:00", "Eating window: 3 of 3 meals at target"),
        ("2026-11-03T19:30:00+01:00", "Fast 16.5 h"),
        ("2026-11-04T12:00:00+01:00", "Eating window: 3 of 3 meals at target"),
        # The planner: when the window opens, a third of the day's 128 g protein.
        ("2026-11-05T12:00:00+01:00", "Next meal: 43 g protein, 2.5 g leucine"),
        ("2026-11-05T12:00:00+01:00", "Eating window"),
        ("2026-11-06", "Fast day"),
        ("2026-11-07T12:00:00+01:00", "Eating window (planned)"),
        ("2026-11-08T12:00:00+01:00", "Eating window (planned)"),
    ]
    fast = events[1]
    assert fast["end"] == "2026-11-03T12:00:00+01:00"
    assert fast["description"].splitlines() == [
        "Your fasting goal of 16.0 h was reached.",
        "From the end of one logged meal to the start of the next.",
        "Fasting hours are your own goal; they do not show what happened in the body.",
    ]
    assert events[0]["description"].splitlines()[-1] == (
        "This day: 90 g protein, 9.0 g leucine."
    )


@pytest.mark.usefixtures("erik")
async def test_uids_are_stable_and_events_overlap_the_range(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    first = await api_events(hass_client)
    again = await api_events(hass_client)
    assert [event["uid"] for event in first] == [event["uid"] for event in again]
    assert first[0]["uid"] == "window-2026-11-02"
    assert first[1]["uid"] == (
        f"fast-{int(local('2026-11-02 19:30').timestamp())}"
        f"-{int(local('2026-11-03 12:00').timestamp())}"
    )
    # A range inside Tuesday morning: the fast running through it, nothing else.
    events = await get_events(
        hass, "2026-11-03T06:00:00+01:00", "2026-11-03T11:00:00+01:00"
    )
    assert summaries(events) == ["Fast 16.5 h"]


@pytest.mark.usefixtures("erik")
async def test_in_swedish(hass: HomeAssistant) -> None:
    await hass.config.async_update(language="sv")  # while the calendar runs
    await hass.async_block_till_done()
    events = await get_events(hass)
    assert summaries(events)[:2] == [
        "Ätfönster: 3 av 3 måltider når målet",
        "Fasta 16,5 h",
    ]
    assert "Fastedag" in summaries(events)
    assert hass.states.get(CALENDAR).attributes["message"] == "Ätfönster"


async def test_old_years_are_read_when_the_range_reaches_them(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    coordinator = coordinator_of(erik)
    await coordinator.async_import_entries(three_meals("2024-11-04", "2024-11-05"))
    await hass.async_block_till_done()
    assert 2024 in coordinator.record.history  # closed: not in the open log
    assert all(entry.time.year == 2026 for entry in coordinator.record.log)
    events = await get_events(
        hass, "2024-11-04T00:00:00+01:00", "2024-11-06T00:00:00+01:00"
    )
    assert summaries(events) == [
        "Eating window: 3 of 3 meals at target",
        "Fast 16.5 h",
        "Eating window: 3 of 3 meals at target",
    ]


async def test_a_meal_logged_with_a_time_shows_at_once(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    await hass.services.async_call(
        DOMAIN,
        "log_food",
        {"food": "01012", "grams": 250, "time": "2026-11-05T09:30:00+01:00"},
        blocking=True,
    )
    events = await get_events(
        hass, "2026-11-04T20:00:00+01:00", "2026-11-05T11:00:00+01:00"
    )
    # Dinner at 19:30, cottage cheese at 09:30: a 14 h fast, under the goal.
    assert summaries(events) == ["Fast 14.0 h"]
    assert "Shorter than your fasting goal of 16.0 h." in events[0]["description"]


# --- the state --------------------------------------------------------------------------------


async def test_the_calendar_is_on_while_the_eating_window_is_open(
    hass: HomeAssistant, erik: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    def states() -> tuple[str, str]:
        return (
            hass.states.get(CALENDAR).state,
            hass.states.get("binary_sensor.erik_eating_window_open").state,
        )

    state = hass.states.get(CALENDAR)
    assert states() == ("off", "off")
    assert state.attributes["message"] == "Eating window"
    assert state.attributes["start_time"] == "2026-11-05 12:00:00"
    assert state.attributes["end_time"] == "2026-11-05 20:00:00"
    assert not state.attributes["all_day"]

    freezer.move_to("2026-11-05 11:00:00+00:00")  # 12:00: the window opens
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert states() == ("on", "on")

    freezer.move_to("2026-11-05 19:00:00+00:00")  # 20:00: it closes
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    state = hass.states.get(CALENDAR)
    assert state.state == "off"
    # Friday is a fast day: the next window is Saturday's.
    assert state.attributes["start_time"] == "2026-11-07 12:00:00"
    assert state.attributes["message"] == "Eating window (planned)"


async def test_a_window_that_opens_with_the_first_meal_turns_the_calendar_on(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(THURSDAY_10)
    await async_add_person(hass, "Erik", window_mode="first_meal")
    assert hass.states.get(CALENDAR).state == "off"
    await hass.services.async_call(
        DOMAIN, "log_food", {"food": "01012", "grams": 250}, blocking=True
    )
    state = hass.states.get(CALENDAR)
    assert state.state == "on"
    assert state.attributes["start_time"] == "2026-11-05 10:00:00"
    assert state.attributes["message"] == "Eating window: 1 of 1 meals at target"


# --- fasts entered by hand ----------------------------------------------------------------------


async def test_a_fast_entered_by_hand_is_created_changed_and_deleted(
    hass: HomeAssistant,
    erik: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    hass_client: ClientSessionGenerator,
) -> None:
    record = coordinator_of(erik).record
    week = ("2026-10-26T00:00:00+01:00", "2026-11-02T00:00:00+01:00")
    response = await ws(
        hass,
        hass_ws_client,
        {
            "type": "calendar/event/create",
            "event": {
                "summary": "Fasted",
                "dtstart": "2026-10-26T20:00:00+01:00",
                "dtend": "2026-10-27T16:00:00+01:00",
            },
        },
    )
    assert response["success"], response
    [fast] = record.manual_fasts
    assert (fast.start, fast.end) == (
        local("2026-10-26 20:00"),
        local("2026-10-27 16:00"),
    )
    [event] = await api_events(hass_client, *week)
    assert event["summary"] == "Fast 20.0 h (entered by hand)"
    assert event["uid"] == f"manual-fast-{fast.id}"

    response = await ws(
        hass,
        hass_ws_client,
        {
            "type": "calendar/event/update",
            "uid": event["uid"],
            "event": {
                "summary": "Fast 20.0 h (entered by hand)",
                "dtstart": "2026-10-26T20:00:00+01:00",
                "dtend": "2026-10-27T18:00:00+01:00",
            },
        },
    )
    assert response["success"], response
    [changed] = await api_events(hass_client, *week)
    assert (changed["uid"], changed["summary"]) == (
        event["uid"],
        "Fast 22.0 h (entered by hand)",
    )

    response = await ws(
        hass, hass_ws_client, {"type": "calendar/event/delete", "uid": event["uid"]}
    )
    assert response["success"], response
    assert record.manual_fasts == []
    assert await api_events(hass_client, *week) == []


@pytest.mark.usefixtures("erik")
@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (
            "2026-11-05T08:00:00+01:00",
            "2026-11-05T11:00:00+01:00",
            (
                "A fast entered by hand must be over: it ends at 2026-11-05 11:00, "
                "which is in the future"
            ),
        ),
        (
            "2026-10-26T08:00:00+01:00",
            "2026-11-03T09:00:00+01:00",
            "A fast entered by hand can last at most 7 days (168 h), not 193.0 h",
        ),
    ],
)
async def test_a_fast_by_hand_must_be_over_and_at_most_7_days(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    start: str,
    end: str,
    message: str,
) -> None:
    response = await ws(
        hass,
        hass_ws_client,
        {
            "type": "calendar/event/create",
            "event": {"summary": "Fast", "dtstart": start, "dtend": end},
        },
    )
    assert not response["success"]
    assert response["error"]["message"] == message


@pytest.mark.usefixtures("erik")
async def test_a_fast_by_hand_must_end_after_it_starts(hass: HomeAssistant) -> None:
    # Home Assistant's own schemas refuse this before the calendar sees it; the calendar
    # refuses it too, for any other caller.
    with pytest.raises(ServiceValidationError) as refused:
        await calendar_entity(hass).async_create_event(
            dtstart=local("2026-11-01 20:00"),
            dtend=local("2026-11-01 08:00"),
            summary="x",
        )
    assert refused.value.translation_key == "calendar_fast_end_before_start"
    assert str(refused.value) == (
        "The fast ends (2026-11-01 08:00) before it starts (2026-11-01 20:00)"
    )


# --- day types ----------------------------------------------------------------------------------


async def test_all_day_events_set_day_types_in_either_language(
    hass: HomeAssistant, erik: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    record = coordinator_of(erik).record
    for summary, start, end in (
        ("High protein", "2026-11-10", "2026-11-11"),
        ("Proteinsnål", "2026-11-11", "2026-11-12"),
        ("fast", "2026-11-12", "2026-11-15"),
        ("Normal", "2026-11-13", "2026-11-14"),
    ):
        response = await ws(
            hass,
            hass_ws_client,
            {
                "type": "calendar/event/create",
                "event": {"summary": summary, "dtstart": start, "dtend": end},
            },
        )
        assert response["success"], response
    assert record.day_types == {
        "2026-11-10": "high_protein",
        "2026-11-11": "low_protein",
        "2026-11-12": "fast",
        "2026-11-13": "normal",
        "2026-11-14": "fast",
    }
    events = await get_events(
        hass, "2026-11-10T00:00:00+01:00", "2026-11-15T00:00:00+01:00"
    )
    all_day = [
        (event["start"], event["summary"])
        for event in events
        if "T" not in event["start"]
    ]
    assert all_day == [
        ("2026-11-10", "High-protein day"),
        ("2026-11-11", "Low-protein day"),
        ("2026-11-12", "Fast day"),
        ("2026-11-14", "Fast day"),
    ]


async def test_setting_today_moves_todays_plan(
    hass: HomeAssistant, erik: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    response = await ws(
        hass,
        hass_ws_client,
        {
            "type": "calendar/event/create",
            "event": {
                "summary": "Fastedag",
                "dtstart": "2026-11-05",
                "dtend": "2026-11-06",
            },
        },
    )
    assert response["success"], response
    assert hass.states.get("select.erik_day_type").state == "fast"
    assert hass.states.get("sensor.erik_next_suggested_meal").attributes["reason"] == (
        "fast_day"
    )


async def test_deleting_or_moving_a_day_type_makes_the_date_normal(
    hass: HomeAssistant, erik: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    record = coordinator_of(erik).record
    record.day_types["2026-11-10"] = "high_protein"
    # A fast day of the weekly plan: it becomes a normal day for that date.
    response = await ws(
        hass, hass_ws_client, {"type": "calendar/event/delete", "uid": "day-2026-11-06"}
    )
    assert response["success"], response
    assert record.day_types == {"2026-11-10": "high_protein", "2026-11-06": "normal"}
    # A change on a normal day of the plan: the change goes.
    response = await ws(
        hass, hass_ws_client, {"type": "calendar/event/delete", "uid": "day-2026-11-10"}
    )
    assert response["success"], response
    assert record.day_types == {"2026-11-06": "normal"}
    events = await get_events(hass, WEEK[0], "2026-11-16T00:00:00+01:00")
    assert [event["start"] for event in events if "T" not in event["start"]] == [
        "2026-11-13"  # the next Friday, a fast day of the plan
    ]
    # Moving Friday the 13th's fast day to the 12th, as a low-protein day.
    response = await ws(
        hass,
        hass_ws_client,
        {
            "type": "calendar/event/update",
            "uid": "day-2026-11-13",
            "event": {
                "summary": "Low-protein day",
                "dtstart": "2026-11-12",
                "dtend": "2026-11-13",
            },
        },
    )
    assert response["success"], response
    assert record.day_types == {
        "2026-11-06": "normal",
        "2026-11-13": "normal",
        "2026-11-12": "low_protein",
    }
    # Changing only the type keeps the date.
    response = await ws(
        hass,
        hass_ws_client,
        {
            "type": "calendar/event/update",
            "uid": "day-2026-11-12",
            "event": {
                "summary": "Proteinrik dag",
                "dtstart": "2026-11-12",
                "dtend": "2026-11-13",
            },
        },
    )
    assert response["success"], response
    assert record.day_types["2026-11-12"] == "high_protein"


# --- what cannot be done ------------------------------------------------------------------------


@pytest.mark.usefixtures("erik")
@pytest.mark.parametrize(
    ("command", "message"),
    [
        (
            {
                "type": "calendar/event/create",
                "event": {
                    "summary": "Dinner",
                    "dtstart": "2026-11-10",
                    "dtend": "2026-11-11",
                },
            },
            (
                "An all-day event sets the day type of its dates: call it Normal, High "
                'protein, Low protein or Fast, not "Dinner"'
            ),
        ),
        (
            {
                "type": "calendar/event/create",
                "event": {
                    "summary": "Fast",
                    "dtstart": "2026-11-10",
                    "dtend": "2026-12-31",
                },
            },
            "An all-day event can set the day type of at most 31 days, not 51",
        ),
        (
            {
                "type": "calendar/event/create",
                "event": {
                    "summary": "Fast",
                    "dtstart": "2026-11-10",
                    "dtend": "2026-11-11",
                    "rrule": "FREQ=WEEKLY",
                },
            },
            NO_REPEAT,
        ),
        (
            {"type": "calendar/event/delete", "uid": "window-2026-11-02"},
            READ_ONLY,
        ),
        (
            {"type": "calendar/event/delete", "uid": "next-meal"},
            READ_ONLY,
        ),
        (
            {"type": "calendar/event/delete", "uid": "day-2026-11-05"},  # a normal day
            "This calendar has no event day-2026-11-05",
        ),
        (
            {"type": "calendar/event/delete", "uid": "manual-fast-nothing"},
            "This calendar has no event manual-fast-nothing",
        ),
        (
            {"type": "calendar/event/delete", "uid": "birthday"},
            "This calendar has no event birthday",
        ),
        (
            {
                "type": "calendar/event/update",
                "uid": "day-2026-11-06",
                "event": {
                    "summary": "Fast",
                    "dtstart": "2026-11-06T08:00:00+01:00",
                    "dtend": "2026-11-06T09:00:00+01:00",
                },
            },
            STAYS,
        ),
        (
            {
                "type": "calendar/event/update",
                "uid": "day-2026-11-06",
                "event": {
                    "summary": "Fast",
                    "dtstart": "2026-11-06",
                    "dtend": "2026-11-07",
                    "rrule": "FREQ=WEEKLY",
                },
            },
            NO_REPEAT,
        ),
    ],
)
async def test_what_the_calendar_refuses_is_said_and_why(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    command: dict[str, Any],
    message: str,
) -> None:
    response = await ws(hass, hass_ws_client, command)
    assert not response["success"]
    assert response["error"]["message"] == message


async def test_a_logged_fast_is_read_only(
    hass: HomeAssistant,
    erik: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    hass_client: ClientSessionGenerator,
) -> None:
    fast = next(
        event
        for event in await api_events(hass_client)
        if event["uid"].startswith("fast-")
    )
    response = await ws(
        hass,
        hass_ws_client,
        {
            "type": "calendar/event/update",
            "uid": fast["uid"],
            "event": {
                "summary": "Fast",
                "dtstart": "2026-11-02T19:30:00+01:00",
                "dtend": "2026-11-03T13:00:00+01:00",
            },
        },
    )
    assert not response["success"]
    assert response["error"]["message"].startswith(
        "Fasts and eating windows from the log"
    )
    assert len(coordinator_of(erik).record.log) == 9
    assert coordinator_of(erik).record.manual_fasts == []


async def test_a_fast_by_hand_stays_timed(
    hass: HomeAssistant, erik: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    await calendar_entity(hass).async_create_event(
        dtstart=local("2026-10-28 20:00"), dtend=local("2026-10-29 12:00"), summary="x"
    )
    [fast] = coordinator_of(erik).record.manual_fasts
    response = await ws(
        hass,
        hass_ws_client,
        {
            "type": "calendar/event/update",
            "uid": f"manual-fast-{fast.id}",
            "event": {
                "summary": "Fast",
                "dtstart": "2026-10-28",
                "dtend": "2026-10-29",
            },
        },
    )
    assert not response["success"]
    assert response["error"]["message"] == STAYS
    assert coordinator_of(erik).record.manual_fasts == [fast]


@pytest.fixture
async def erik_in_swedish(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> MockConfigEntry:
    """Erik, in a Home Assistant that speaks Swedish."""
    freezer.move_to(THURSDAY_10)
    await hass.config.async_update(language="sv")
    return await async_add_person(hass, "Erik")


@pytest.mark.usefixtures("erik_in_swedish")
async def test_in_swedish_the_calendar_is_named_so_and_refusals_carry_their_key(
    hass: HomeAssistant,
) -> None:
    # The entity id follows the name in Home Assistant's language.
    state = hass.states.get("calendar.erik_fastor_och_maltider")
    assert state is not None
    assert state.attributes["friendly_name"] == "Erik Fastor och måltider"
    # Home Assistant words the message in English; the frontend translates by the key.
    with pytest.raises(ServiceValidationError) as refused:
        await hass.services.async_call(
            "calendar",
            "create_event",
            {
                "entity_id": "calendar.erik_fastor_och_maltider",
                "summary": "Middag",
                "start_date": "2026-11-10",
                "end_date": "2026-11-11",
            },
            blocking=True,
        )
    assert refused.value.translation_domain == DOMAIN
    assert refused.value.translation_key == "calendar_not_a_day_type"
    assert refused.value.translation_placeholders == {"summary": "Middag"}
