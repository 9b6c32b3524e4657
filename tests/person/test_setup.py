"""Setting a person up, restarting, removing them, and surviving a damaged storage file.

These tests use real files in a temporary configuration directory: they are about what is
on disk.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest

from custom_components.mtor_balance.const import (
    DOMAIN,
)
from custom_components.mtor_balance.person.store import (
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
)

from ..common import async_add_person, person_entry


@pytest.fixture
def hass_config_dir(hass_tmp_config_dir: str) -> str:
    """Give every test its own configuration directory."""
    return hass_tmp_config_dir


@pytest.fixture
def hass_storage() -> dict[str, Any]:
    """Do not mock storage: the real Store writes real files."""
    return {}


def _storage_file(hass: HomeAssistant, entry_id: str = "entry_erik") -> Path:
    return Path(hass.config.path(".storage", f"{DOMAIN}.{entry_id}"))


async def _log(
    hass: HomeAssistant, food: str = "01012", grams: float = 200
) -> dict[str, Any]:
    response = await hass.services.async_call(
        DOMAIN,
        "log_food",
        {"food": food, "grams": grams},
        blocking=True,
        return_response=True,
    )
    assert isinstance(response, dict)
    return response


async def test_setup_and_unload(hass: HomeAssistant) -> None:
    entry = await async_add_person(hass)
    assert entry.state is ConfigEntryState.LOADED
    assert hass.states.get("sensor.erik_leucine_today").state == "0"

    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.NOT_LOADED
    assert hass.states.get("sensor.erik_leucine_today").state == "unavailable"


async def test_a_logged_meal_is_on_disk_when_the_action_returns(
    hass: HomeAssistant,
) -> None:
    await async_add_person(hass)
    logged = await _log(hass)
    # No waiting and no shutdown: the file already holds the entry.
    stored = json.loads(_storage_file(hass).read_text(encoding="utf-8"))
    assert stored["version"] == STORAGE_VERSION
    assert [row[0] for row in stored["data"]["entries"]] == [logged["entry_id"]]


async def test_restart_keeps_the_log_and_the_sensors_show_the_same_values(
    hass: HomeAssistant,
) -> None:
    entry = await async_add_person(hass)
    await _log(hass, grams=200)
    await _log(hass, food="05064", grams=150)
    before = hass.states.get("sensor.erik_leucine_today").state
    assert float(before) == pytest.approx(2 * 1.116 + 1.5 * 2.328, abs=0.01)

    await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get("sensor.erik_leucine_today").state == before


async def test_removing_a_person_removes_their_storage(hass: HomeAssistant) -> None:
    entry = await async_add_person(hass)
    await _log(hass)
    assert _storage_file(hass).exists()
    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    assert not _storage_file(hass).exists()


async def _add_with_file(hass: HomeAssistant, content: str) -> Any:
    path = _storage_file(hass)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return await async_add_person(hass)


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(
            json.dumps(
                {"version": 1, "minor_version": 1, "key": "k", "data": {"entries": "x"}}
            ),
            id="wrong-shape",
        ),
        pytest.param(
            json.dumps(
                {
                    "version": 1,
                    "minor_version": 1,
                    "key": "k",
                    "data": {"entries": [[1, 2]]},
                }
            ),
            id="bad-row",
        ),
        pytest.param(
            json.dumps({"version": 99, "minor_version": 1, "key": "k", "data": {}}),
            id="newer-version",
        ),
        pytest.param(json.dumps([1, 2, 3]), id="not-an-object"),
    ],
)
async def test_an_unusable_file_is_kept_aside_raised_as_a_repair_and_never_overwritten(
    hass: HomeAssistant, issue_registry: ir.IssueRegistry, content: str
) -> None:
    entry = await _add_with_file(hass, content)
    assert entry.state is ConfigEntryState.LOADED

    aside = list(_storage_file(hass).parent.glob(f"{DOMAIN}.entry_erik.corrupt.*"))
    assert len(aside) == 1
    assert aside[0].read_text(encoding="utf-8") == content
    issue = issue_registry.async_get_issue(DOMAIN, "storage_corrupt_entry_erik")
    assert issue is not None
    assert issue.translation_placeholders["aside"] == str(aside[0])

    # The person starts with an empty log, and logging works and writes a fresh file.
    await _log(hass)
    assert aside[0].read_text(encoding="utf-8") == content
    assert len(json.loads(_storage_file(hass).read_text())["data"]["entries"]) == 1


async def test_invalid_json_is_kept_aside_by_home_assistant_with_its_own_repair(
    hass: HomeAssistant, issue_registry: ir.IssueRegistry
) -> None:
    entry = await _add_with_file(hass, '{"version": 1, "data": {"entr')
    assert entry.state is ConfigEntryState.LOADED
    aside = list(_storage_file(hass).parent.glob(f"{DOMAIN}.entry_erik.corrupt.*"))
    assert [path.read_text() for path in aside] == ['{"version": 1, "data": {"entr']
    assert any(
        issue.translation_key == "storage_corruption"
        for issue in issue_registry.issues.values()
    )
    assert hass.states.get("sensor.erik_leucine_today").state == "0"


async def test_a_file_that_cannot_be_set_aside_stops_setup_and_is_not_written(
    hass: HomeAssistant,
) -> None:
    content = json.dumps(
        {"version": 1, "minor_version": 1, "key": "k", "data": {"entries": 5}}
    )
    path = _storage_file(hass)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    entry = person_entry()
    entry.add_to_hass(hass)
    with patch(
        "custom_components.mtor_balance.person.store.os.replace",
        side_effect=PermissionError,
    ):
        await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.SETUP_RETRY
    assert path.read_text(encoding="utf-8") == content


async def test_a_version_1_1_file_is_migrated_and_keeps_every_entry(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to("2026-11-20 12:00:00+00:00")
    rows = [
        [
            "a1",
            1793862000.0,
            "Cottage cheese",
            22.2,
            2.2,
            196.0,
            0,
            "scale",
            "01012",
            200.0,
        ]
    ]
    old = {
        "version": 1,
        "minor_version": 1,
        "key": "mtor_balance.entry_erik",
        "data": {"entries": rows},
    }
    await _add_with_file(hass, json.dumps(old))
    migrated = json.loads(_storage_file(hass).read_text(encoding="utf-8"))
    assert (migrated["version"], migrated["minor_version"]) == (
        STORAGE_VERSION,
        STORAGE_MINOR_VERSION,
    )
    assert migrated["data"]["entries"] == rows
    assert migrated["data"]["history"] == {}
    assert migrated["data"]["custom_foods"] == []
