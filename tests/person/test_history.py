"""Closed years in files of their own: migration, closing months, reading and deleting old entries.

Real files in a temporary configuration directory: these tests are about what is on disk.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import json
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.mtor_balance.const import DOMAIN
from custom_components.mtor_balance.person.store import STORAGE_VERSION

from ..common import async_add_person

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@pytest.fixture
def hass_config_dir(hass_tmp_config_dir: str) -> str:
    """Give every test its own configuration directory."""
    return hass_tmp_config_dir


@pytest.fixture
def hass_storage() -> dict[str, Any]:
    """Do not mock storage: the real Store writes real files."""
    return {}


def _storage(hass: HomeAssistant) -> Path:
    return Path(hass.config.path(".storage"))


def _read(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _rows(years: int, end: datetime) -> list[list[Any]]:
    """Return about 8 entries a day for `years` years up to `end` (version 1 rows)."""
    rows = []
    day = end - timedelta(days=365 * years)
    number = 0
    while day < end:
        for hour, food, grams in (
            (7, "01012", 200),
            (12, "05064", 150),
            (18, "15237", 180),
        ):
            for part in range(2 + (day.toordinal() % 2)):
                moment = day.replace(hour=hour, minute=10 * part)
                if moment >= end:
                    break
                number += 1
                rows.append(
                    [
                        f"id{number:06d}",
                        moment.timestamp(),
                        "Food",
                        20.0,
                        1.7,
                        160.0,
                        0,
                        "scale",
                        food,
                        float(grams),
                    ]
                )
        day += timedelta(days=1)
    return rows


def _write_v1(hass: HomeAssistant, rows: list[list[Any]]) -> Path:
    path = _storage(hass) / f"{DOMAIN}.entry_erik"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "minor_version": 2,
                "key": f"{DOMAIN}.entry_erik",
                "data": {"entries": rows, "custom_foods": []},
            }
        ),
        encoding="utf-8",
    )
    return path


async def _get_log(hass: HomeAssistant, **data: Any) -> list[dict[str, Any]]:
    """Return every entry get_log gives, page by page."""
    entries: list[dict[str, Any]] = []
    cursor: dict[str, str] = {}
    while True:
        response = await hass.services.async_call(
            DOMAIN,
            "get_log",
            {"start": "1990-01-01T00:00:00+00:00", **data, **cursor},
            blocking=True,
            return_response=True,
        )
        assert isinstance(response, dict)
        assert response["missing_years"] == []
        entries += response["entries"]
        if response["next_cursor"] is None:
            return entries
        cursor = {"cursor": response["next_cursor"]}


async def test_a_ten_year_file_is_migrated_into_years_without_losing_an_entry(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    now = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)
    freezer.move_to(now)
    rows = _rows(10, now)
    assert len(rows) > 27_000
    _write_v1(hass, rows)

    await async_add_person(hass)

    person = _read(_storage(hass) / f"{DOMAIN}.entry_erik")
    assert person["version"] == STORAGE_VERSION
    open_rows = person["data"]["entries"]
    # The open period starts with the previous month: 1 October 2026.
    start = datetime(2026, 10, 1, tzinfo=UTC).timestamp()
    assert open_rows == [row for row in rows if row[1] >= start]
    years = sorted(_storage(hass).glob(f"{DOMAIN}.entry_erik.[0-9]*"))
    assert [path.name[-4:] for path in years] == [str(y) for y in range(2016, 2027)]
    closed = [row for path in years for row in _read(path)["data"]["entries"]]
    # Every entry exactly once, byte for byte the same row, across all files.
    assert sorted(closed + open_rows) == sorted(rows)
    summary = person["data"]["history"]
    assert sum(count for count, _, _ in summary.values()) == len(closed)

    logged = await _get_log(hass)
    assert [entry["entry_id"] for entry in logged] == [row[0] for row in rows]
    # Logging now writes the small open file only: under 100 kB after ten years.
    assert (_storage(hass) / f"{DOMAIN}.entry_erik").stat().st_size < 100_000


async def test_ended_months_close_into_their_year_when_a_day_begins(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to("2026-11-30 10:00:00+00:00")
    await async_add_person(hass)
    for when, food in (
        ("2026-10-03T08:00:00+00:00", "01012"),
        ("2026-11-29T08:00:00+00:00", "05064"),
    ):
        await hass.services.async_call(
            DOMAIN,
            "log_food",
            {"food": food, "grams": 100, "time": when},
            blocking=True,
        )
    freezer.move_to("2026-12-20 10:00:00+00:00")
    await hass.services.async_call(
        DOMAIN, "log_food", {"food": "15237", "grams": 100}, blocking=True
    )
    assert not list(_storage(hass).glob(f"{DOMAIN}.entry_erik.2026"))

    # A new day in a new month: October has ended for good (the open period now starts
    # with December's previous month, November) and moves to 2026's file.
    freezer.move_to("2027-01-02 00:30:00+00:00")
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    year = _read(_storage(hass) / f"{DOMAIN}.entry_erik.2026")["data"]["entries"]
    assert [row[8] for row in year] == ["01012", "05064"]
    person = _read(_storage(hass) / f"{DOMAIN}.entry_erik")["data"]
    assert [row[8] for row in person["entries"]] == ["15237"]
    assert person["history"]["2026"][0] == 2
    assert [entry["food"] for entry in await _get_log(hass)] == [
        "01012",
        "05064",
        "15237",
    ]
    # Reading a range of one closed year, and deleting an old entry from its file.
    october = await _get_log(
        hass, start="2026-10-01T00:00:00+00:00", end="2026-11-01T00:00:00+00:00"
    )
    assert [entry["food"] for entry in october] == ["01012"]
    await hass.services.async_call(
        DOMAIN, "delete_entry", {"entry_id": october[0]["entry_id"]}, blocking=True
    )
    year = _read(_storage(hass) / f"{DOMAIN}.entry_erik.2026")["data"]["entries"]
    assert [row[8] for row in year] == ["05064"]
    assert (
        _read(_storage(hass) / f"{DOMAIN}.entry_erik")["data"]["history"]["2026"][0]
        == 1
    )


async def test_the_latest_meal_stays_open_however_old_it_is(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to("2026-08-10 10:00:00+00:00")
    _write_v1(
        hass,
        [
            [
                "old",
                1754800000.0,
                "Food",
                20.0,
                1.7,
                160.0,
                0,
                "action",
                "01012",
                100.0,
            ],
            [
                "meal",
                1754820000.0,
                "Food",
                20.0,
                1.7,
                160.0,
                0,
                "action",
                "01012",
                100.0,
            ],
        ],
    )
    freezer.move_to("2026-11-20 10:00:00+00:00")  # no meal for three months
    await async_add_person(hass)
    person = _read(_storage(hass) / f"{DOMAIN}.entry_erik")["data"]
    assert [row[0] for row in person["entries"]] == ["meal"]
    since = hass.states.get("sensor.erik_fasting_since").state
    assert datetime.fromisoformat(since) == EPOCH + timedelta(seconds=1754820000)


async def test_an_entry_in_both_files_after_a_crash_is_read_once_and_closed_once(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    # A crash between writing a year's file and the person's file leaves both with it.
    freezer.move_to("2026-11-20 10:00:00+00:00")
    row = ["twice", 1760000000.0, "Food", 20.0, 1.7, 160.0, 0, "action", "01012", 100.0]
    fresh = [
        "fresh",
        1763600000.0,
        "Food",
        20.0,
        1.7,
        160.0,
        0,
        "action",
        "05064",
        100.0,
    ]
    _write_v1(hass, [fresh])
    year = _storage(hass) / f"{DOMAIN}.entry_erik.2025"
    year.write_text(
        json.dumps(
            {"version": 1, "minor_version": 1, "key": "k", "data": {"entries": [row]}}
        )
    )
    person = _storage(hass) / f"{DOMAIN}.entry_erik"
    data = _read(person)
    data["data"]["entries"] = [row, fresh]
    person.write_text(json.dumps(data))

    await async_add_person(hass)
    await hass.async_block_till_done(wait_background_tasks=True)

    assert [entry["entry_id"] for entry in await _get_log(hass)] == ["twice", "fresh"]
    assert [r[0] for r in _read(year)["data"]["entries"]] == ["twice"]
    assert [r[0] for r in _read(person)["data"]["entries"]] == ["fresh"]


async def test_orphaned_temporary_files_of_this_person_are_removed_at_start(
    hass: HomeAssistant,
) -> None:
    storage = _storage(hass)
    storage.mkdir(parents=True, exist_ok=True)
    ours = [
        storage / f"{DOMAIN}.entry_erik.tmp-k2j3h4",
        storage / f"{DOMAIN}.entry_erik.2024.tmp-x9y8z7",
    ]
    others = [storage / "tmpab12cd34", storage / f"{DOMAIN}.entry_anna.tmp-aaaa"]
    for path in ours + others:
        path.write_bytes(b'{"partial')
    await async_add_person(hass)
    assert [path.exists() for path in ours] == [False, False]
    assert [path.exists() for path in others] == [True, True]
