"""Big and damaged histories: stored values out of range, missing years, pages, big imports.

Real files in a temporary configuration folder (storage is not mocked): these tests damage
what is on disk and read it back through the actions, the calendar and a restart.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
import gc
import json
from pathlib import Path
import time
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.mtor_balance.const import DOMAIN
from custom_components.mtor_balance.core.model import Entry, Source
from custom_components.mtor_balance.person.coordinator import PersonCoordinator
from custom_components.mtor_balance.person.log_pages import MAX_LIMIT

from ..common import async_add_person, person_entry

NOW = "2026-11-02 11:00:00+00:00"  # 12:00 in Stockholm, a Monday
EVERYTHING = {"start": "1970-01-01T00:00:00+00:00"}
EN = json.loads(
    (
        Path(__file__).parent.parent.parent
        / "custom_components"
        / DOMAIN
        / "translations"
        / "en.json"
    ).read_text(encoding="utf-8")
)
CALENDAR = "calendar.erik_fasts_and_meals"


@pytest.fixture
def hass_config_dir(hass_tmp_config_dir: str) -> str:
    """Run in a configuration folder of this test's own (files are written).

    It starts as a copy of the test plugin's shared folder: a file of this integration
    left there by another test run would be read as Erik's.
    """
    for leftover in Path(hass_tmp_config_dir, ".storage").glob(f"{DOMAIN}.*"):
        leftover.unlink()
    return hass_tmp_config_dir


@pytest.fixture
def hass_storage() -> dict[str, Any]:
    """Do not mock storage: the files on disk are what is damaged."""
    return {}


def _entry(entry_id: str, when: datetime, protein: float = 30.0) -> Entry:
    return Entry(
        id=entry_id,
        time=when,
        name="Cottage cheese",
        protein_g=protein,
        leucine_g=protein / 10,
        kcal=4 * protein,
        leucine_estimated=False,
        source=Source.ACTION,
        food_id="01012",
        grams=200.0,
    )


def _person(entry: MockConfigEntry) -> PersonCoordinator:
    coordinator: PersonCoordinator = entry.runtime_data.coordinator
    return coordinator


def _storage(hass: HomeAssistant) -> Path:
    return Path(hass.config.path(".storage"))


async def _call(hass: HomeAssistant, action: str, data: dict[str, Any]) -> Any:
    return await hass.services.async_call(
        DOMAIN, action, data, blocking=True, return_response=True
    )


def _check_translated(err: ServiceValidationError, key: str) -> str:
    """Return the English message of a translated error (every placeholder given)."""
    assert err.translation_domain == DOMAIN
    assert err.translation_key == key
    message: str = EN["exceptions"][key]["message"]
    return message.format(**(err.translation_placeholders or {}))


async def _erik_with_years(hass: HomeAssistant) -> MockConfigEntry:
    """Erik with a week of meals in March 2025, one meal in 2024 and one today."""
    erik = await async_add_person(hass, "Erik")
    week = [
        _entry(f"y25-{day}-{hour}", datetime(2025, 3, 3 + day, hour, tzinfo=UTC))
        for day in range(7)
        for hour in (7, 11, 17)
    ]
    old = _entry("y24", datetime(2024, 3, 5, 17, tzinfo=UTC))
    await _person(erik).async_import_entries([old, *week])
    await _call(hass, "log_food", {"food": "01012", "grams": 150})
    await hass.async_block_till_done()
    assert sorted(_person(erik).record.history) == [2024, 2025]
    return erik


def _issue_about(hass: HomeAssistant, name: str) -> ir.IssueEntry | None:
    """Return the repair issue that names the file `name` (ours, or Home Assistant's)."""
    return next(
        (
            issue
            for issue in ir.async_get(hass).issues.values()
            if any(
                name in str(v) for v in (issue.translation_placeholders or {}).values()
            )
        ),
        None,
    )


async def _assert_2025_missing(hass: HomeAssistant) -> ir.IssueEntry:
    """Every answer that needs 2025 says it is missing; the rest still answers."""
    log = await _call(hass, "get_log", EVERYTHING)
    # The first read of the year set its file aside with a repair issue.
    issue = _issue_about(hass, f"{DOMAIN}.entry_erik.2025")
    assert issue is not None
    assert list(_storage(hass).glob(f"{DOMAIN}.entry_erik.2025.corrupt.*"))
    assert log["missing_years"] == [2025]
    # 2024's meal, today's and 2025's last meal: the latest meal until today's stays
    # open (in the person's file) until the next day begins.
    assert [entry["entry_id"] for entry in log["entries"]][:2] == ["y24", "y25-6-17"]
    assert len(log["entries"]) == 3
    assert log["next_cursor"] is None

    export = await _call(hass, "export_log", {})
    assert (export["count"], export["missing_years"]) == (3, [2025])
    csv_export = await _call(hass, "export_log", {"format": "csv"})
    assert (csv_export["count"], csv_export["missing_years"]) == (3, [2025])

    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "weekly_summary", {"last_day": "2025-03-09"})
    assert "2025" in _check_translated(err.value, "history_missing")
    # A week that needs no closed year is answered.
    assert (await _call(hass, "weekly_summary", {}))["logged_days"] == 0

    with pytest.raises(ServiceValidationError) as err:
        await _call(
            hass, "import_log", {"data": "time,name,protein_g\n2025-05-01,Egg,6"}
        )
    _check_translated(err.value, "history_missing")

    response = await hass.services.async_call(
        "calendar",
        "get_events",
        {
            "entity_id": CALENDAR,
            "start_date_time": "2025-03-03T00:00:00+01:00",
            "end_date_time": "2025-03-10T00:00:00+01:00",
        },
        blocking=True,
        return_response=True,
    )
    assert response is not None
    events = response[CALENDAR]["events"]  # type: ignore[index]
    missing = [e for e in events if e["summary"] == "The log of 2025 could not be read"]
    assert [(e["start"], e["end"]) for e in missing] == [("2025-03-03", "2025-03-10")]
    # Only the meal of 9 March is shown (it stayed open as the latest meal until today).
    assert len(events) == 2
    return issue


async def test_an_unreadable_year_is_set_aside_and_every_answer_says_it_is_missing(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(NOW)
    await _erik_with_years(hass)
    year_file = _storage(hass) / f"{DOMAIN}.entry_erik.2025"
    year_file.write_bytes(year_file.read_bytes()[:100])  # truncated

    # Not JSON: Home Assistant's own storage sets it aside with its repair issue.
    issue = await _assert_2025_missing(hass)
    assert issue.translation_key == "storage_corruption"
    # The file is gone now (kept aside): still missing, not an empty year.
    assert (await _call(hass, "get_log", EVERYTHING))["missing_years"] == [2025]


async def test_a_time_of_1e20_in_a_year_file_is_a_corrupt_year(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(NOW)
    await _erik_with_years(hass)
    year_file = _storage(hass) / f"{DOMAIN}.entry_erik.2025"
    stored = json.loads(year_file.read_text(encoding="utf-8"))
    stored["data"]["entries"][3][1] = 1e20
    year_file.write_text(json.dumps(stored), encoding="utf-8")

    issue = await _assert_2025_missing(hass)
    assert issue.issue_id == "storage_corrupt_entry_erik_2025"
    assert issue.translation_placeholders is not None
    assert "1e+20 is not a stored time" in issue.translation_placeholders["error"]


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        (1, 1e20, "1e+20 is not a stored time"),
        (1, -1.0, "-1.0 is not a stored time"),
        (3, -5.0, "-5.0 is not a stored amount"),
        (4, "2.5", "'2.5' is not a stored amount"),
        (5, 1e12, "1000000000000.0 is not a stored amount"),
        (2, None, "has a field of the wrong kind"),
        (7, "microwave", "has a field of the wrong kind"),
    ],
)
async def test_a_value_out_of_range_in_the_open_file_keeps_it_aside_and_the_rest(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    field: int,
    value: Any,
    error: str,
) -> None:
    freezer.move_to(NOW)
    good = [
        "good",
        datetime(2026, 11, 2, 7, tzinfo=UTC).timestamp(),
        "Cottage cheese",
        30.0,
        3.0,
        120.0,
        0,
        "action",
        "01012",
        200.0,
    ]
    bad = [*good[:field], value, *good[field + 1 :]]
    bad[0] = "bad"
    person_file = _storage(hass) / f"{DOMAIN}.entry_erik"
    person_file.parent.mkdir(parents=True, exist_ok=True)
    person_file.write_text(
        json.dumps(
            {
                "version": 2,
                "minor_version": 2,
                "key": f"{DOMAIN}.entry_erik",
                "data": {"entries": [good, bad], "custom_foods": []},
            }
        ),
        encoding="utf-8",
    )

    erik = person_entry("Erik")
    erik.add_to_hass(hass)
    await hass.config.async_set_time_zone("Europe/Stockholm")
    assert await hass.config_entries.async_setup(erik.entry_id)
    await hass.async_block_till_done()

    assert erik.state is ConfigEntryState.LOADED  # never setup_error
    issue = ir.async_get(hass).async_get_issue(DOMAIN, "storage_corrupt_entry_erik")
    assert issue is not None
    assert issue.translation_placeholders is not None
    assert error in issue.translation_placeholders["error"]
    assert list(_storage(hass).glob(f"{DOMAIN}.entry_erik.corrupt.*"))
    # The person starts with what could be read, and says what is left out: the issue.
    log = await _call(hass, "get_log", EVERYTHING)
    assert [entry["entry_id"] for entry in log["entries"]] == ["good"]
    assert log["missing_years"] == []
    assert float(hass.states.get("sensor.erik_protein_today").state) == 30.0


async def test_get_log_answers_in_pages_with_a_cursor(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(NOW)
    erik = await async_add_person(hass, "Erik")
    same = datetime(2025, 6, 1, 8, tzinfo=UTC)
    entries = [
        _entry("a", datetime(2024, 1, 1, 8, tzinfo=UTC)),
        *(_entry(f"same-{n}", same) for n in range(5)),  # one time, across pages
        _entry("b", datetime(2026, 10, 30, 8, tzinfo=UTC)),
        _entry("c", datetime(2026, 11, 2, 7, tzinfo=UTC)),
    ]
    await _person(erik).async_import_entries(entries)
    await hass.async_block_till_done()

    pages: list[list[str]] = []
    data: dict[str, Any] = {**EVERYTHING, "limit": 2}
    while True:
        page = await _call(hass, "get_log", data)
        assert page["missing_years"] == []
        pages.append([entry["entry_id"] for entry in page["entries"]])
        if page["next_cursor"] is None:
            break
        data["cursor"] = page["next_cursor"]
    assert [entry_id for page in pages for entry_id in page] == [e.id for e in entries]
    assert all(len(page) == 2 for page in pages[:-1])

    default = await _call(hass, "get_log", EVERYTHING)
    assert len(default["entries"]) == len(entries)
    assert default["next_cursor"] is None

    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "get_log", {**EVERYTHING, "cursor": "tomorrow"})
    _check_translated(err.value, "invalid_cursor")
    with pytest.raises(ServiceValidationError):
        await _call(hass, "get_log", {**EVERYTHING, "limit": MAX_LIMIT + 1})


def _csv(rows: int) -> str:
    """Return our CSV with `rows` entries over 2016-2026, a few a day."""
    start = datetime(2016, 1, 1, 7, tzinfo=UTC)
    step = (datetime(2026, 10, 1, tzinfo=UTC) - start) / rows
    lines = ["time,name,protein_g"]
    lines += [
        f"{(start + step * n).isoformat()},Egg {n % 50},{6 + n % 7}"
        for n in range(rows)
    ]
    return "\n".join(lines)


async def test_a_big_import_is_published_once_and_never_holds_the_event_loop(
    hass: HomeAssistant,
) -> None:
    # The real clock: a frozen one would stop the ticking callback that measures.
    erik = await async_add_person(hass, "Erik")
    coordinator = _person(erik)
    rows = 20_000
    text = await hass.async_add_executor_job(_csv, rows)

    gaps: list[float] = []
    stop = asyncio.Event()

    async def tick() -> None:
        last = time.perf_counter()
        while not stop.is_set():
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    ticker = hass.async_create_background_task(tick(), "ticker")
    published = 0
    original = coordinator.async_set_updated_data

    def counted(data: Any) -> None:
        nonlocal published
        published += 1
        original(data)

    try:
        with patch.object(coordinator, "async_set_updated_data", counted):
            report = await _call(hass, "import_log", {"data": text})
            await hass.async_block_till_done()
    finally:
        stop.set()
        await ticker

    assert report["added"] == rows
    assert gc.isenabled()  # the collector, paused during the import, runs again
    assert published == 1  # the state is recomputed once for the whole import
    longest = max(gaps)
    print(f"\nimport of {rows} rows: longest event-loop hold {longest * 1000:.0f} ms")  # noqa: T201
    assert longest < 0.1
    # Everything is there: open entries in memory, the closed years on disk.
    assert (
        sum(s.count for s in coordinator.record.history.values())
        + len(coordinator.record.log)
        == rows
    )
    assert not list(_storage(hass).glob("*.tmp-*"))


async def test_an_import_killed_before_its_save_leaves_nothing_and_after_it_everything(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """The person's file is the import's moment of truth (what SIGKILL would cut)."""
    freezer.move_to(NOW)
    erik = await async_add_person(hass, "Erik")
    coordinator = _person(erik)
    old = [
        _entry(f"old-{n}", datetime(2020, 5, 1 + n, 8, tzinfo=UTC)) for n in range(3)
    ]

    # Killed after the years were staged, before the person's file was saved.
    with (
        patch.object(
            coordinator.files, "async_save", side_effect=asyncio.CancelledError
        ),
        pytest.raises(asyncio.CancelledError),
    ):
        await coordinator.async_import_entries(old)
    staged = _storage(hass) / f"{DOMAIN}.entry_erik.2020.tmp-import"
    assert staged.exists()
    coordinator.store.staged = []
    coordinator.record.history.clear()
    coordinator.record.log.discard({entry.id for entry in old})
    await hass.config_entries.async_reload(erik.entry_id)
    await hass.async_block_till_done()
    assert not staged.exists()  # removed at start: the import did not happen
    assert (await _call(hass, "get_log", EVERYTHING))["entries"] == []

    # Killed after the person's file named the staged years, before they were moved.
    coordinator = _person(erik)
    with (
        patch.object(
            coordinator.store, "async_move_staged", side_effect=asyncio.CancelledError
        ),
        pytest.raises(asyncio.CancelledError),
    ):
        await coordinator.async_import_entries(old)
    assert staged.exists()
    await hass.config_entries.async_reload(erik.entry_id)
    await hass.async_block_till_done()
    assert not staged.exists()  # moved into place at start
    log = await _call(hass, "get_log", EVERYTHING)
    assert [entry["entry_id"] for entry in log["entries"]] == [e.id for e in old]
    assert log["missing_years"] == []
    # The last stays open as the latest meal, the others are 2020's closed entries.
    assert _person(erik).record.history[2020].count == 2
