"""export_log and import_log in a running Home Assistant: files, the person, Cronometer."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime, timedelta
import json
import os
from pathlib import Path
import threading
import time
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.auth.models import User
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import (
    HomeAssistantError,
    ServiceValidationError,
    Unauthorized,
)
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.mtor_balance.const import DOMAIN
from custom_components.mtor_balance.core.model import Entry, Source
from custom_components.mtor_balance.core.transfer import COLUMNS, JSON_FORMAT_NAME
from custom_components.mtor_balance.person import transfer
from custom_components.mtor_balance.person.coordinator import PersonCoordinator

from ..common import async_add_person

NOW = "2026-11-02 11:00:00+00:00"  # 12:00 in Stockholm, a Monday
EVERYTHING = {"start": "1970-01-01T00:00:00+00:00"}
FIXTURE = Path(__file__).parent.parent / "fixtures" / "cronometer_servings.csv"
EN = json.loads(
    (
        Path(__file__).parent.parent.parent
        / "custom_components"
        / DOMAIN
        / "translations"
        / "en.json"
    ).read_text(encoding="utf-8")
)["exceptions"]
OLD = Entry(  # of a closed year, and of an own food since removed
    id="old-1",
    time=datetime(2024, 3, 5, 17, 30, tzinfo=UTC),
    name="Lentil soup",
    protein_g=18.0,
    leucine_g=1.3,
    kcal=290.0,
    leucine_estimated=True,
    source=Source.ACTION,
    food_id="custom_lentil_soup",
    grams=350.0,
)


@pytest.fixture
def hass_config_dir(hass_tmp_config_dir: str) -> str:
    """Run in a configuration folder of this test's own (files are written)."""
    return hass_tmp_config_dir


@pytest.fixture
def hass_storage() -> dict[str, Any]:
    """Do not mock storage: an import's years are staged and moved in real files."""
    return {}


@pytest.fixture
async def erik(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> MockConfigEntry:
    """Erik, set up at noon on a Monday."""
    freezer.move_to(NOW)
    return await async_add_person(hass, "Erik")


def _person(entry: MockConfigEntry) -> PersonCoordinator:
    coordinator: PersonCoordinator = entry.runtime_data.coordinator
    return coordinator


async def _call(
    hass: HomeAssistant, action: str, data: dict[str, Any], **kwargs: Any
) -> Any:
    return await hass.services.async_call(
        DOMAIN, action, data, blocking=True, return_response=True, **kwargs
    )


async def _log(hass: HomeAssistant, **data: Any) -> list[dict[str, Any]]:
    return list((await _call(hass, "get_log", {**EVERYTHING, **data}))["entries"])


def _leucine_today(hass: HomeAssistant) -> float:
    return float(hass.states.get("sensor.erik_leucine_today").state)


def _check_translated(err: HomeAssistantError, key: str) -> None:
    assert err.translation_domain == DOMAIN
    assert err.translation_key == key
    # Every placeholder of the message is given.
    EN[key]["message"].format(**(err.translation_placeholders or {}))


async def _three_entries(hass: HomeAssistant, erik: MockConfigEntry) -> None:
    """Cottage cheese and leucine today, and lentil soup in a closed year."""
    await _call(hass, "log_food", {"food": "01012", "grams": 150})
    await _call(hass, "log_nutrients", {"leucine_g": 3, "name": "Leucine powder"})
    await _person(erik).async_import_entries([OLD])
    await hass.async_block_till_done()
    assert 2024 in _person(erik).record.history  # closed into its year's file
    assert OLD.id not in {entry.id for entry in _person(erik).record.log}


# --- export -------------------------------------------------------------------------------


async def test_export_json_has_every_entry_closed_years_included(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    await _three_entries(hass, erik)
    document = await _call(hass, "export_log", {})
    assert document["format"] == JSON_FORMAT_NAME
    assert document["version"] == 1
    assert document["person"] == "Erik"
    assert document["time_zone"] == "Europe/Stockholm"
    assert document["exported_at"] == "2026-11-02T12:00:00+01:00"
    assert (document["start"], document["end"], document["count"]) == (None, None, 3)
    assert "path" not in document
    soup, cottage, powder = document["entries"]
    assert soup == {
        "time": "2024-03-05T18:30:00+01:00",
        "food": "custom_lentil_soup",
        "name": "Lentil soup",
        "name_en": None,
        "name_sv": None,
        "grams": 350.0,
        "protein_g": 18.0,
        "leucine_g": 1.3,
        "kcal": 290.0,
        "leucine_estimated": True,
        "source": "action",
        "entry_id": "old-1",
    }
    assert cottage["time"] == "2026-11-02T12:00:00+01:00"
    assert (cottage["food"], cottage["name_en"], cottage["name_sv"]) == (
        "01012",
        "Cottage cheese",
        "Keso",
    )
    assert cottage["grams"] == 150.0
    assert cottage["leucine_g"] == pytest.approx(1.674)
    assert cottage["source"] == "action"
    assert powder["leucine_g"] == 3.0
    # The same entries as get_log, field by field.
    logged = {row["entry_id"]: row for row in await _log(hass)}
    for row in document["entries"]:
        for key in ("name", "food", "grams", "protein_g", "leucine_g", "kcal"):
            assert row[key] == logged[row["entry_id"]][key]


async def test_export_csv_and_a_time_range(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    await _three_entries(hass, erik)
    response = await _call(hass, "export_log", {"format": "csv"})
    assert response["format"] == "csv"
    assert response["count"] == 3
    lines = response["csv"].splitlines()
    assert lines[0] == ",".join(COLUMNS)
    assert lines[1] == (
        "2024-03-05T18:30:00+01:00,custom_lentil_soup,Lentil soup,,,350.0,18.0,1.3,290.0,"
        "true,action,old-1"
    )
    assert lines[2].startswith("2026-11-02T12:00:00+01:00,01012,Cottage cheese,")

    this_year = await _call(
        hass, "export_log", {"format": "csv", "start": "2025-01-01T00:00:00"}
    )
    assert this_year["count"] == 2
    old = await _call(hass, "export_log", {"end": "2025-01-01T00:00:00+01:00"})
    assert [row["entry_id"] for row in old["entries"]] == ["old-1"]
    assert old["end"] == "2024-12-31T23:00:00+00:00"

    with pytest.raises(ServiceValidationError) as err:
        await _call(
            hass,
            "export_log",
            {"start": "2026-01-02T00:00:00", "end": "2026-01-01T00:00:00"},
        )
    _check_translated(err.value, "start_after_end")


@pytest.mark.parametrize("fmt", ["json", "csv"])
async def test_export_to_a_file_in_the_config_folder(
    hass: HomeAssistant, erik: MockConfigEntry, fmt: str
) -> None:
    await _three_entries(hass, erik)
    response = await _call(hass, "export_log", {"format": fmt, "to_file": True})
    folder = Path(hass.config.config_dir) / "mtor_balance" / "export"
    path = folder / f"erik-2026-11-02.{fmt}"
    assert response.pop("path") == str(path)
    assert [p.name for p in folder.iterdir()] == [path.name]  # no temporary file left
    if fmt == "json":
        assert json.loads(path.read_bytes()) == response
    else:
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets read it as UTF-8
        assert raw[3:].decode() == response["csv"]


async def test_an_export_that_cannot_be_written_says_so(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    folder = Path(hass.config.config_dir) / "mtor_balance"
    folder.mkdir()
    (folder / "export").write_text("a file where the folder should be")
    with pytest.raises(HomeAssistantError) as err:
        await _call(hass, "export_log", {"to_file": True})
    _check_translated(err.value, "export_not_written")
    assert err.value.translation_placeholders["path"].endswith("erik-2026-11-02.json")


# --- export, then import ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "csv"])
async def test_exporting_and_importing_again_adds_nothing(
    hass: HomeAssistant, erik: MockConfigEntry, fmt: str
) -> None:
    await _three_entries(hass, erik)
    before = await _log(hass)
    await _call(hass, "export_log", {"format": fmt, "to_file": True})
    name = f"mtor_balance/export/erik-2026-11-02.{fmt}"
    for dry_run in (True, False):
        report = await _call(hass, "import_log", {"file": name, "dry_run": dry_run})
        assert report == {
            "format": fmt,
            "dry_run": dry_run,
            "rows": 3,
            "new": 0,
            "added": 0,
            "duplicates": 3,
            "refused": 0,
            "refused_rows": [],
            "duplicate_rows": [
                {"row": row, "of": entry_id}
                for row, entry_id in zip(
                    (2, 3, 4) if fmt == "csv" else (1, 2, 3),
                    [entry["entry_id"] for entry in before],
                    strict=True,
                )
            ],
            "first": None,
            "last": None,
        }
    assert await _log(hass) == before


async def test_an_export_imported_by_another_person_keeps_every_field(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    await _three_entries(hass, erik)
    exported = await _call(hass, "export_log", {})
    anna = await async_add_person(hass, "Anna")
    report = await _call(
        hass,
        "import_log",
        {"config_entry_id": anna.entry_id, "data": json.dumps(exported)},
    )
    assert (report["new"], report["added"], report["duplicates"]) == (3, 3, 0)
    assert report["first"] == "2024-03-05T17:30:00+00:00"
    assert report["last"] == "2026-11-02T11:00:00+00:00"
    annas = await _call(hass, "export_log", {"config_entry_id": anna.entry_id})
    assert annas["entries"] == exported["entries"]
    assert annas["person"] == "Anna"
    # Anna's old entry went to her closed year, as logged entries do.
    assert 2024 in _person(anna).record.history


# --- Cronometer ---------------------------------------------------------------------------


async def test_a_week_of_cronometer_servings(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    data = FIXTURE.read_text(encoding="utf-8")
    assert _leucine_today(hass) == 0

    dry = await _call(hass, "import_log", {"data": data, "dry_run": True})
    assert dry["format"] == "cronometer"
    assert (dry["rows"], dry["new"], dry["added"], dry["refused"]) == (57, 57, 0, 0)
    assert await _log(hass) == []
    assert _leucine_today(hass) == 0

    report = await _call(hass, "import_log", {"data": data})
    assert (report["new"], report["added"], report["duplicates"]) == (57, 57, 0)
    assert report["first"] == "2026-10-27T06:15:00+00:00"
    assert report["last"] == "2026-11-02T09:15:00+00:00"
    await hass.async_block_till_done()

    log = await _log(hass)
    assert len(log) == 57
    today = await _log(hass, start="2026-11-02T00:00:00+01:00")
    assert [(row["time"], row["name"]) for row in today] == [
        ("2026-11-02T06:45:00+00:00", "Greek Yogurt, Plain, Nonfat"),
        ("2026-11-02T06:45:00+00:00", "Banana"),
        ("2026-11-02T06:50:00+00:00", "Coffee, Brewed"),
        ("2026-11-02T09:15:00+00:00", "Almonds"),
    ]
    yogurt = today[0]
    assert (yogurt["grams"], yogurt["protein_g"], yogurt["leucine_g"]) == (
        200.0,
        20.38,
        2.06,
    )
    assert not yogurt["leucine_estimated"]
    assert yogurt["food"] is None
    # The leucine of today's imported breakfast and snack counts today.
    assert _leucine_today(hass) == pytest.approx(2.06 + 0.08 + 0.0 + 0.44, abs=0.01)
    # A free account's day: by diary group.
    sunday = await _log(
        hass, start="2026-11-01T00:00:00+01:00", end="2026-11-02T00:00:00+01:00"
    )
    assert [row["time"][11:16] for row in sunday] == [
        "07:00",
        "07:00",
        "11:00",
        "11:30",
        "14:30",
        "14:30",
        "17:30",
    ]
    bar = next(row for row in sunday if row["name"].startswith("Protein Bar"))
    assert bar["leucine_estimated"]
    assert bar["grams"] is None

    # The same file again, and our own export of it: nothing new.
    again = await _call(hass, "import_log", {"data": data})
    assert (again["new"], again["duplicates"]) == (0, 57)
    exported = await _call(hass, "export_log", {"format": "csv"})
    back = await _call(hass, "import_log", {"data": exported["csv"]})
    assert (back["format"], back["new"], back["duplicates"]) == ("csv", 0, 57)
    assert await _log(hass) == log


async def test_two_imports_at_once_add_each_entry_once(
    hass: HomeAssistant, erik: MockConfigEntry, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both imports would meet in the duplicate check (the log read, nothing added yet) if
    # they could; one at a time, the first waits there in vain and goes on alone.
    meet = threading.Barrier(2, timeout=0.5)
    plan_import = transfer.plan_import

    def plan_when_both_are_here(*args: Any) -> Any:
        with contextlib.suppress(threading.BrokenBarrierError):
            meet.wait()
        return plan_import(*args)

    monkeypatch.setattr(transfer, "plan_import", plan_when_both_are_here)
    data = FIXTURE.read_text(encoding="utf-8")
    reports = await asyncio.gather(
        _call(hass, "import_log", {"data": data}),
        _call(hass, "import_log", {"data": data}),
    )
    assert sorted(report["added"] for report in reports) == [0, 57]
    assert len(await _log(hass)) == 57


# --- refusals -----------------------------------------------------------------------------

BAD_ROWS = """Day,Time,Group,Food Name,Amount,Energy (kcal),Protein (g),Leucine (g),Category
2026-10-30,8:00 AM,Breakfast,Toast,30.00 g,80,3,0.2,Baked Products
2026-10-30,8:00 AM,Breakfast,Egg,50.00 g,70,NaN,0.5,
2026-10-30,8:00 AM,Breakfast,Water,6000.00 g,0,0,0,
2026-10-31,25:00,Lunch,Soup,300.00 g,150,8,0.6,
2026-11-02,6:00 PM,Dinner,Fish,150.00 g,200,30,2.4,
2026-10-31,9:00 AM,Snacks,Bell\x07,10.00 g,1,0.1,0,
"""


async def test_rows_that_cannot_be_imported_are_listed_and_nothing_is_added(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    await _call(hass, "log_food", {"food": "01012", "grams": 100})
    before = await _log(hass)
    leucine = _leucine_today(hass)

    report = await _call(hass, "import_log", {"data": BAD_ROWS, "dry_run": True})
    assert (report["rows"], report["new"], report["refused"]) == (6, 1, 5)
    assert report["refused_rows"] == [
        {"row": 3, "field": "Protein (g)", "reason": "not_a_number"},
        {"row": 4, "field": "Amount", "reason": "out_of_range"},
        {"row": 5, "field": "Time", "reason": "bad_time"},
        {"row": 6, "field": "Time", "reason": "time_out_of_range"},
        {"row": 7, "field": "Food Name", "reason": "bad_text"},
    ]
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "import_log", {"data": BAD_ROWS})
    _check_translated(err.value, "import_rows_refused")
    assert err.value.translation_placeholders == {
        "count": "5",
        "row": "3",
        "field": "Protein (g)",
        "reason": "not_a_number",
    }
    await hass.async_block_till_done()
    assert await _log(hass) == before
    assert _leucine_today(hass) == leucine


async def test_a_report_lists_at_most_a_hundred_rows(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    rows = "".join(f"2026-10-30,,Lunch,Food {i},,1,NaN,,\n" for i in range(150))
    report = await _call(
        hass,
        "import_log",
        {"data": BAD_ROWS.splitlines()[0] + "\n" + rows, "dry_run": True},
    )
    assert report["refused"] == 150
    assert len(report["refused_rows"]) == 100


@pytest.mark.parametrize(
    ("data", "fmt", "key"),
    [
        ("hello", None, "import_unknown_format"),
        ('{"entries": [', None, "import_bad_json"),
        ('{"version": 9, "entries": []}', None, "import_unsupported_version"),
        ('{"rows": []}', None, "import_not_an_export"),
        ('time,name,protein_g\n2026,"x"y\n', None, "import_bad_csv"),
        ("time,protein_g\n", "csv", "import_missing_columns"),
        ("Day,Group,Food Name,Amount\n", None, "import_no_nutrients"),
    ],
)
async def test_a_file_that_cannot_be_imported_is_a_translated_error(
    hass: HomeAssistant, erik: MockConfigEntry, data: str, fmt: str | None, key: str
) -> None:
    call = {"data": data} if fmt is None else {"data": data, "format": fmt}
    for dry_run in (True, False):
        with pytest.raises(ServiceValidationError) as err:
            await _call(hass, "import_log", {**call, "dry_run": dry_run})
        _check_translated(err.value, key)
    assert await _log(hass) == []


async def test_data_over_the_size_limit_is_refused(
    hass: HomeAssistant, erik: MockConfigEntry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transfer, "MAX_IMPORT_BYTES", 100)
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "import_log", {"data": "x" * 101})
    _check_translated(err.value, "import_too_large")
    folder = Path(hass.config.config_dir) / "mtor_balance"
    folder.mkdir()
    (folder / "big.csv").write_bytes(b"x" * 101)
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "import_log", {"file": "mtor_balance/big.csv"})
    _check_translated(err.value, "import_too_large")
    (folder / "small.csv").write_bytes(b"x" * 100)
    with pytest.raises(ServiceValidationError) as err:  # read, then found no format
        await _call(hass, "import_log", {"file": "mtor_balance/small.csv"})
    _check_translated(err.value, "import_unknown_format")


@pytest.mark.usefixtures("erik")
async def test_the_size_limit_is_twenty_megabytes() -> None:
    assert transfer.MAX_IMPORT_BYTES == 20 * 1024 * 1024


async def test_a_file_not_in_utf8_is_refused(
    hass: HomeAssistant, erik: MockConfigEntry
) -> None:
    folder = Path(hass.config.config_dir) / "mtor_balance"
    folder.mkdir()
    (folder / "latin1.csv").write_bytes(
        "Day,Food Name\n2026-10-30,Ägg\n".encode("latin-1")
    )
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "import_log", {"file": "mtor_balance/latin1.csv"})
    _check_translated(err.value, "import_not_text")


# --- which files may be read --------------------------------------------------------------


async def test_only_files_under_the_config_folder_may_be_imported(
    hass: HomeAssistant, erik: MockConfigEntry, tmp_path_factory: pytest.TempPathFactory
) -> None:
    config = Path(hass.config.config_dir)
    data = FIXTURE.read_bytes()
    outside = tmp_path_factory.mktemp("outside") / "servings.csv"
    outside.write_bytes(data)
    (config / "mtor_balance").mkdir()
    (config / "mtor_balance" / "link.csv").symlink_to(outside)
    (config / ".storage").mkdir(exist_ok=True)
    (config / ".storage" / "servings.csv").write_bytes(data)
    (config / "servings.csv").write_bytes(data)  # the config folder's root: not allowed
    (config / "mtor_balance" / "folder.csv").mkdir()
    allowed = config / "imports"
    allowed.mkdir()
    (allowed / "servings.csv").write_bytes(data)

    refused = [
        str(outside),
        "../" + outside.parent.name + "/servings.csv",
        "mtor_balance/link.csv",  # a link out of the folder
        "mtor_balance/../../" + outside.parent.name + "/servings.csv",
        ".storage/servings.csv",
        "servings.csv",
        "imports/servings.csv",  # until it is allowed
        "/etc/passwd",
    ]
    for name in refused:
        with pytest.raises(ServiceValidationError) as err:
            await _call(hass, "import_log", {"file": name, "dry_run": True})
        _check_translated(err.value, "import_path_not_allowed")
        assert err.value.translation_placeholders == {"path": name}

    for name in ("mtor_balance/none.csv", "mtor_balance/folder.csv"):
        with pytest.raises(ServiceValidationError) as err:
            await _call(hass, "import_log", {"file": name, "dry_run": True})
        _check_translated(err.value, "import_file_not_found")

    hass.config.allowlist_external_dirs = {str(allowed)}
    for name in ("imports/servings.csv", str(allowed / "servings.csv")):
        report = await _call(hass, "import_log", {"file": name, "dry_run": True})
        assert report["new"] == 57
    # Allowed by Home Assistant is not enough: it must be in the config folder too, and
    # not in a hidden folder of it.
    hass.config.allowlist_external_dirs = {str(outside.parent), str(config)}
    for name in (str(outside), ".storage/servings.csv"):
        with pytest.raises(ServiceValidationError) as err:
            await _call(hass, "import_log", {"file": name, "dry_run": True})
        _check_translated(err.value, "import_path_not_allowed")
    report = await _call(hass, "import_log", {"file": "servings.csv", "dry_run": True})
    assert report["new"] == 57
    assert await _log(hass) == []


async def test_a_file_that_cannot_be_read_says_why(
    hass: HomeAssistant, erik: MockConfigEntry, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = Path(hass.config.config_dir) / "mtor_balance"
    folder.mkdir()
    (folder / "servings.csv").write_bytes(FIXTURE.read_bytes())

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "import_log", {"file": "mtor_balance/servings.csv"})
    _check_translated(err.value, "import_file_unreadable")
    assert "Permission denied" in err.value.translation_placeholders["error"]


@pytest.mark.parametrize(
    "data",
    [
        {},  # neither data nor a file
        {"data": "x", "file": "mtor_balance/x.csv"},  # both
        {"data": "x", "format": "xml"},
        {"data": "x", "dry_run": "perhaps"},
        {"data": ["x"]},
        {"file": "a\x00b"},
        {"data": "x", "extra": 1},
    ],
)
async def test_import_action_data_is_checked(
    hass: HomeAssistant, erik: MockConfigEntry, data: dict[str, Any]
) -> None:
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "import_log", data)
    assert err.value.translation_key in {"invalid_action_data", "invalid_text"}


@pytest.mark.parametrize(
    "data",
    [
        {"format": "xlsx"},
        {"to_file": "sometimes"},
        {"start": "not a time"},
        {"extra": 1},
    ],
)
async def test_export_action_data_is_checked(
    hass: HomeAssistant, erik: MockConfigEntry, data: dict[str, Any]
) -> None:
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "export_log", data)
    _check_translated(err.value, "invalid_action_data")


async def test_only_administrators_export_and_import(
    hass: HomeAssistant,
    erik: MockConfigEntry,
    hass_read_only_user: User,
    hass_admin_user: User,
) -> None:
    data = FIXTURE.read_text(encoding="utf-8")
    for action, call in (("export_log", {}), ("import_log", {"data": data})):
        with pytest.raises(Unauthorized):
            await _call(
                hass, action, call, context=Context(user_id=hass_read_only_user.id)
            )
    assert await _log(hass) == []
    report = await _call(
        hass, "import_log", {"data": data}, context=Context(user_id=hass_admin_user.id)
    )
    assert report["added"] == 57


# --- ten years ----------------------------------------------------------------------------


def _clock() -> float:
    """Seconds of a clock freezegun leaves running (it freezes perf_counter)."""
    return time.clock_gettime(time.CLOCK_MONOTONIC)


def _decade() -> list[Entry]:
    """Ten years of eight foods a day (about 29,000 entries), to the day before NOW."""
    start = datetime(2016, 11, 2, tzinfo=UTC)
    minutes = (
        (7 * 60, "Oats, Rolled, Dry", 60.0, 7.9, 0.77, 227.4),
        (7 * 60, "Milk, 2%", 250.0, 8.25, 0.8, 125.0),
        (11 * 60 + 30, "Chicken Breast, Roasted", 150.0, 46.5, 3.7, 247.5),
        (11 * 60 + 30, "Rice, Brown, Cooked", 180.0, 4.9, 0.41, 221.4),
        (11 * 60 + 31, "Broccoli, Steamed", 100.0, 2.4, 0.14, 35.0),
        (15 * 60, "Greek Yogurt, Plain, Nonfat", 200.0, 20.4, 2.06, 118.0),
        (17 * 60 + 45, "Lentils, Boiled", 200.0, 18.0, 1.3, 232.0),
        (17 * 60 + 45, "Whole Wheat Bread", 60.0, 7.5, 0.51, 151.2),
    )
    return [
        Entry(
            id=f"decade-{day}-{number}",
            time=start + timedelta(days=day, minutes=minute),
            name=name,
            protein_g=protein,
            leucine_g=leucine,
            kcal=kcal,
            leucine_estimated=False,
            source=Source.ACTION,
            grams=grams,
        )
        for day in range(3652)
        for number, (minute, name, grams, protein, leucine, kcal) in enumerate(minutes)
    ]


async def test_ten_years_export_and_import(
    hass: HomeAssistant, erik: MockConfigEntry, capsys: pytest.CaptureFixture[str]
) -> None:
    decade = _decade()
    await _person(erik).async_import_entries(decade)
    await hass.async_block_till_done()
    assert len(_person(erik).record.history) == 11  # 2016 ... 2026's closed months

    timings: dict[str, float] = {}

    async def timed(label: str, action: str, data: dict[str, Any]) -> Any:
        began = _clock()
        response = await _call(hass, action, data)
        timings[label] = _clock() - began
        return response

    document = await timed("export json", "export_log", {"to_file": True})
    csv_export = await timed(
        "export csv", "export_log", {"format": "csv", "to_file": True}
    )
    assert document["count"] == csv_export["count"] == len(decade)
    sizes = {
        fmt: await hass.async_add_executor_job(os.path.getsize, response["path"])
        for fmt, response in (("json", document), ("csv", csv_export))
    }
    anna = await async_add_person(hass, "Anna")
    anna_json = await timed(
        "import json (new person)",
        "import_log",
        {
            "config_entry_id": anna.entry_id,
            "file": "mtor_balance/export/erik-2026-11-02.json",
        },
    )
    assert anna_json["added"] == len(decade)
    again = await timed(
        "import json again (all duplicates)",
        "import_log",
        {
            "config_entry_id": anna.entry_id,
            "file": "mtor_balance/export/erik-2026-11-02.json",
        },
    )
    assert (again["added"], again["duplicates"]) == (0, len(decade))
    csv_again = await timed(
        "import csv again (all duplicates)",
        "import_log",
        {"config_entry_id": erik.entry_id, "file": csv_export["path"]},
    )
    assert (csv_again["added"], csv_again["duplicates"]) == (0, len(decade))
    # Over 10,000 entries an answer holds only what describes the export, in a file.
    assert "entries" not in document
    assert "csv" not in csv_export
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "export_log", {"config_entry_id": anna.entry_id})
    _check_translated(err.value, "export_too_large")
    annas = await _call(
        hass, "export_log", {"config_entry_id": anna.entry_id, "to_file": True}
    )

    def entries_of(path: str) -> Any:
        return json.loads(Path(path).read_text(encoding="utf-8"))["entries"]

    assert await hass.async_add_executor_job(
        entries_of, annas["path"]
    ) == await hass.async_add_executor_job(entries_of, document["path"])
    with capsys.disabled():
        print(f"\n10 years, {len(decade)} entries; files: {sizes}")  # noqa: T201
        for label, seconds in timings.items():
            print(f"  {label}: {seconds:.2f} s")  # noqa: T201
