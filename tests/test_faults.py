"""Faults: a damaged or unwritable storage file, a flapping scale, a Bluetooth link that
drops during a notification, clock jumps, a time zone change, and a storm of actions.

Storage tests use real files in a temporary configuration directory (as tests/test_init.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
import errno
import json
import logging
import math
import os
from pathlib import Path
import threading
import time
from typing import Any
from unittest.mock import MagicMock, patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.mtor_balance.const import (
    DOMAIN,
)
from custom_components.mtor_balance.person.store import (
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
    atomic_write,
)

from .common import async_add_person

NOW = "2026-11-02 11:00:00+00:00"  # 12:00 in Stockholm
SCALE = "sensor.kitchen_scale"
EVERYTHING = {"start": "2000-01-01T00:00:00+00:00"}
ROW = [
    "0" * 32,
    1_790_000_000.0,
    "Cottage cheese",
    11.12,
    1.116,
    98.0,
    0,
    "action",
    "01012",
    100.0,
]


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


def _stored_ids(hass: HomeAssistant) -> list[str]:
    stored = json.loads(_storage_file(hass).read_text(encoding="utf-8"))
    return [row[0] for row in stored["data"]["entries"]]


async def _call(hass: HomeAssistant, action: str, data: dict[str, Any]) -> Any:
    return await hass.services.async_call(
        DOMAIN, action, data, blocking=True, return_response=True
    )


async def _everything(hass: HomeAssistant) -> list[dict[str, Any]]:
    return list((await _call(hass, "get_log", EVERYTHING))["entries"])


def _state(hass: HomeAssistant, entity_id: str) -> str:
    state = hass.states.get(entity_id)
    assert state is not None, entity_id
    return state.state


# --- a damaged storage file ---------------------------------------------------------------


def _half(content: bytes) -> bytes:
    return content[: len(content) // 2]


def _file(version: Any, minor: Any = 1, data: Any = None) -> bytes:
    body = {"entries": [ROW]} if data is None else data
    return json.dumps(
        {"version": version, "minor_version": minor, "key": "k", "data": body}
    ).encode()


@pytest.mark.parametrize(
    ("damage", "issue", "kept"),
    [
        # (what happens to the file written by the integration, the repair issue raised,
        # whether the entries are still read)
        pytest.param(_half, "storage_corruption", False, id="truncated-half"),
        pytest.param(lambda _: b"", "storage_corruption", False, id="truncated-empty"),
        pytest.param(
            lambda c: c[:-1] + b"\x00", "storage_corruption", False, id="last-byte-nul"
        ),
        pytest.param(
            lambda _: b'{"version": 1, "data": {"entr',
            "storage_corruption",
            False,
            id="invalid-json",
        ),
        pytest.param(
            lambda _: b"\xff\xfe\x00garbage", "storage_corruption", False, id="binary"
        ),
        pytest.param(
            lambda _: _file(STORAGE_VERSION + 1),
            "storage_corrupt",
            False,
            id="newer-major",
        ),
        pytest.param(lambda _: _file("1"), "storage_corrupt", False, id="version-text"),
        pytest.param(
            lambda _: _file(STORAGE_VERSION, STORAGE_MINOR_VERSION, {"entries": None}),
            "storage_corrupt",
            False,
            id="no-rows",
        ),
        # An older minor version is migrated, and Store writes the migration back at once:
        # the file must still be set aside as it was, not in its migrated form.
        pytest.param(
            lambda _: _file(STORAGE_VERSION, 1, {"entries": None}),
            "storage_corrupt",
            False,
            id="no-rows-older-minor",
        ),
        pytest.param(lambda _: _file(0), None, True, id="older-major-migrates"),
        pytest.param(
            lambda _: _file(STORAGE_VERSION, 99), None, True, id="newer-minor-is-read"
        ),
    ],
)
async def test_a_damaged_file_never_stops_the_person_and_is_never_lost(
    hass: HomeAssistant,
    issue_registry: ir.IssueRegistry,
    freezer: FrozenDateTimeFactory,
    damage: Callable[[bytes], bytes],
    issue: str | None,
    kept: bool,
) -> None:
    freezer.move_to(NOW)
    entry = await async_add_person(hass)
    await _call(hass, "log_food", {"food": "01012", "grams": 200})
    await _call(hass, "log_food", {"food": "05064", "grams": 150})
    assert await hass.config_entries.async_unload(entry.entry_id)
    path = _storage_file(hass)
    damaged = damage(path.read_bytes())
    path.write_bytes(damaged)

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.LOADED
    aside = list(path.parent.glob(f"{path.name}.corrupt.*"))
    entries = await _everything(hass)
    if kept:
        assert aside == []
        assert [e["entry_id"] for e in entries] == [ROW[0]]
        assert not issue_registry.issues
    else:
        # The person starts empty; the damaged file is kept, byte for byte, and a repair
        # issue says where.
        assert entries == []
        assert [p.read_bytes() for p in aside] == [damaged]
        assert {i.translation_key for i in issue_registry.issues.values()} == {issue}
    assert _state(hass, "sensor.erik_leucine_today") == "0"  # ROW is not from today

    # Logging works again and writes a fresh file; the copy aside is never touched.
    logged = await _call(hass, "log_food", {"food": "01012", "grams": 100})
    assert _stored_ids(hass)[-1] == logged["entry_id"]
    assert [p.read_bytes() for p in aside] == ([] if kept else [damaged])


# --- a storage file that cannot be written ------------------------------------------------


def _disk_full(*_args: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


async def test_when_saving_fails_the_person_is_told_and_nothing_is_lost(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """A full disk: the action says so, a repair names the file, the entry is kept.

    The entry stays in the log (and the sensors) and is written as soon as writing works
    again: by the retry, without anything else happening, and the repair goes away.
    """
    freezer.move_to(NOW)
    await async_add_person(hass)
    first = await _call(hass, "log_food", {"food": "01012", "grams": 200})
    on_disk = _storage_file(hass).read_bytes()
    meals = async_capture_events(hass, "state_changed")

    with patch("custom_components.mtor_balance.person.store.os.fsync", _disk_full):
        with pytest.raises(HomeAssistantError) as err:
            await _call(hass, "log_food", {"food": "05064", "grams": 150})
        assert err.value.translation_key == "not_saved"
        assert str(_storage_file(hass)) in str(err.value)
        assert "No space left on device" in str(err.value)
        issue = issue_registry.async_get_issue(
            DOMAIN, "storage_write_failed_entry_erik"
        )
        assert issue is not None
        assert issue.translation_placeholders["path"] == str(_storage_file(hass))
        # In memory and shown, not on disk; the old file is intact and no temporary
        # file is left behind.
        assert len(await _everything(hass)) == 2
        assert _storage_file(hass).read_bytes() == on_disk
        assert not list(_storage_file(hass).parent.glob("*.tmp-*"))
        # The Meal event tells automations only what is on disk.
        assert not [e for e in meals if e.data["entity_id"] == "event.erik_meal"]
        # The retry fails too while the disk is full.
        freezer.tick(timedelta(seconds=31))
        async_fire_time_changed(hass)
        await hass.async_block_till_done()
        assert issue_registry.async_get_issue(DOMAIN, "storage_write_failed_entry_erik")

    assert float(_state(hass, "sensor.erik_leucine_today")) == pytest.approx(
        first["leucine_g"] + 1.5 * 2.328, abs=0.01
    )
    # Space is back: the next retry writes everything and the repair goes away.
    freezer.tick(timedelta(minutes=2))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert len(_stored_ids(hass)) == 2
    assert (
        issue_registry.async_get_issue(DOMAIN, "storage_write_failed_entry_erik")
        is None
    )
    assert [e for e in meals if e.data["entity_id"] == "event.erik_meal"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root writes to read-only directories; tests/test_durability.py remounts",
)
async def test_a_read_only_storage_directory_is_told_and_the_entry_kept(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    freezer.move_to(NOW)
    await async_add_person(hass)
    first = await _call(hass, "log_food", {"food": "01012", "grams": 200})
    storage = _storage_file(hass).parent
    storage.chmod(0o555)
    try:
        with pytest.raises(HomeAssistantError) as err:
            await _call(hass, "log_food", {"food": "05064", "grams": 150})
        assert err.value.translation_key == "not_saved"
        assert len(await _everything(hass)) == 2
    finally:
        storage.chmod(0o755)
    third = await _call(hass, "log_nutrients", {"leucine_g": 3})
    assert len(_stored_ids(hass)) == 3
    assert _stored_ids(hass)[0] == first["entry_id"]
    assert _stored_ids(hass)[-1] == third["entry_id"]


# --- a flapping scale ---------------------------------------------------------------------


@pytest.fixture
async def weighing(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> Any:
    """Erik with a kitchen scale, logging on removal, cottage cheese selected."""
    freezer.move_to(NOW)
    hass.states.async_set(SCALE, "0", {"unit_of_measurement": "g"})
    entry = await async_add_person(hass, "Erik", scale_entity=SCALE)
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.erik_food", "option": "Cottage cheese"},
        blocking=True,
    )
    return entry


async def _reading(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, value: str, hold: float
) -> None:
    hass.states.async_set(SCALE, value, {"unit_of_measurement": "g"})
    await hass.async_block_till_done()
    step = 0.25
    held = 0.0
    while held < hold:
        freezer.tick(timedelta(seconds=min(step, hold - held)))
        held += step
        async_fire_time_changed(hass)
        await hass.async_block_till_done()


async def _grams_logged(hass: HomeAssistant) -> list[float]:
    return [entry["grams"] for entry in await _everything(hass)]


@pytest.mark.usefixtures("weighing")
async def test_a_portion_is_shown_only_once_it_is_on_disk(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Taking the portion off: Leucine today changes after the file is written, not before.

    The scale's own update (the portion gone) and the clock come while the save is in
    flight; they must not show the entry early, or a crash then would take back what a
    sensor showed (found by the crash test, once in several runs).
    """
    await _reading(hass, freezer, "150", 3)
    leucine = hass.states.get("sensor.erik_leucine_today").state
    written = threading.Event()
    release = threading.Event()

    def slow_write(path: str, data: bytes) -> None:
        release.wait(10)
        atomic_write(path, data)
        written.set()

    with patch("custom_components.mtor_balance.person.store.atomic_write", slow_write):
        hass.states.async_set(SCALE, "0", {"unit_of_measurement": "g"})
        for _ in range(12):  # the scale's hold and the clock, while the file is written
            await asyncio.sleep(0)
            freezer.tick(timedelta(seconds=0.5))
            async_fire_time_changed(hass)
        assert not written.is_set()
        assert hass.states.get("sensor.erik_leucine_today").state == leucine
        release.set()
        await hass.async_block_till_done()
    assert written.is_set()
    assert float(hass.states.get("sensor.erik_leucine_today").state) == pytest.approx(
        float(leucine) + 1.5 * 1.116, abs=0.01
    )


@pytest.mark.usefixtures("weighing")
async def test_an_empty_scale_flapping_to_unavailable_logs_nothing(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    for _ in range(10):
        for value, hold in (
            ("unavailable", 1.5),
            ("0", 3),
            ("unknown", 0.5),
            ("0.4", 2.5),  # noise within the tolerance
            ("unavailable", 4),
        ):
            await _reading(hass, freezer, value, hold)
            assert _state(hass, "sensor.erik_portion") == "unknown"
    assert await _grams_logged(hass) == []


@pytest.mark.usefixtures("weighing")
async def test_a_portion_on_a_flapping_scale_is_logged_once(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    await _reading(hass, freezer, "152.3", 3)
    assert _state(hass, "sensor.erik_portion") == "152.3"
    # The link flaps while the bowl stays on the scale: it reads the same weight each time.
    for gap in (0.5, 1, 3, 10, 0.25):
        await _reading(hass, freezer, "unavailable", gap)
        await _reading(hass, freezer, "152.3", 1)
        assert _state(hass, "sensor.erik_portion") == "152.3"
    assert await _grams_logged(hass) == []
    await _reading(hass, freezer, "0", 3)
    assert await _grams_logged(hass) == [152.3]


@pytest.mark.usefixtures("weighing")
async def test_readings_between_dropouts_settle_only_when_they_agree(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    # Every reading differs from the last one: nothing may settle, whatever the gaps.
    for value in ("80", "152.3", "40", "300", "0.5", "152.3", "12"):
        await _reading(hass, freezer, value, 1)
        await _reading(hass, freezer, "unavailable", 1.5)
    assert _state(hass, "sensor.erik_portion") == "unknown"
    assert await _grams_logged(hass) == []
    # The scale comes back with a bowl on it: it settles once and is logged once.
    await _reading(hass, freezer, "152.3", 0.5)
    await _reading(hass, freezer, "unavailable", 0.5)
    await _reading(hass, freezer, "152.3", 3)
    await _reading(hass, freezer, "0", 3)
    assert await _grams_logged(hass) == [152.3]


@pytest.mark.usefixtures("weighing")
async def test_a_portion_taken_off_while_the_scale_was_unavailable_is_not_lost(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    await _reading(hass, freezer, "152.3", 3)
    await _reading(hass, freezer, "unavailable", 60)  # taken off during the dropout
    await _reading(hass, freezer, "unknown", 2)
    await _reading(hass, freezer, "0", 3)
    assert await _grams_logged(hass) == [152.3]
    assert _state(hass, "sensor.erik_portion") == "unknown"


# --- a Bluetooth link that drops during a notification ------------------------------------


@pytest.fixture
def connection() -> Any:
    """The Bluetooth connection manager module (these tests skip if there is none)."""
    return pytest.importorskip(
        "custom_components.mtor_balance.scale.connection",
        reason="no Bluetooth connection manager under scales/",
    )


@dataclass
class _Client:
    """Just what ScaleConnection uses of a connected BleakClientWithServiceCache."""

    disconnected_callback: Callable[[Any], None]
    services: Any = field(default_factory=MagicMock)
    notify_callbacks: dict[str, Callable[[Any, bytearray], None]] = field(
        default_factory=dict
    )
    is_connected: bool = True

    async def start_notify(
        self, uuid: str, callback: Callable[[Any, bytearray], None]
    ) -> None:
        self.notify_callbacks[uuid] = callback

    async def write_gatt_char(self, *_args: Any, **_kwargs: Any) -> None:
        return None

    async def disconnect(self) -> None:
        self.drop_link()

    def drop_link(self) -> None:
        if self.is_connected:
            self.is_connected = False
            self.disconnected_callback(self)

    def notify(self, data: bytes) -> None:
        (callback,) = self.notify_callbacks.values()
        callback(MagicMock(), bytearray(data))


@dataclass
class _Scale:
    """An ESN00 scale connection whose owner records what it is told."""

    hass: HomeAssistant
    module: Any
    readings: list[float] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    clients: list[_Client] = field(default_factory=list)
    on_reading_extra: Callable[[], None] | None = None

    def __post_init__(self) -> None:
        from custom_components.mtor_balance.scales import etekcity_esn00  # noqa: PLC0415

        self.connection = self.module.ScaleConnection(
            self.hass,
            "AA:BB:CC:DD:EE:F0",
            etekcity_esn00.PROTOCOL,
            name="Kitchen",
            on_reading=self._on_reading,
            on_availability=lambda up: self.events.append("up" if up else "down"),
        )

    def _on_reading(self, reading: Any) -> None:
        self.readings.append(reading.grams)
        self.events.append(f"{reading.grams:g} g")
        if self.on_reading_extra is not None:
            self.on_reading_extra()

    async def establish(self, *_args: Any, **kwargs: Any) -> _Client:
        client = _Client(kwargs["disconnected_callback"])
        self.clients.append(client)
        return client

    async def connect(self) -> _Client:
        from bleak.backends.device import BLEDevice  # noqa: PLC0415

        with patch.object(self.module, "establish_connection", self.establish):
            device = BLEDevice("AA:BB:CC:DD:EE:F0", "Etekcity", details={})
            assert await self.connection._async_connect(device)
        return self.clients[-1]


def _esn00(tenths: int) -> bytes:
    frame = bytearray(bytes.fromhex("feefc0a2d005") + bytes([0, 0, 0, 0, 1, 0]))
    frame[7:9] = tenths.to_bytes(2, "big")
    frame[-1] = sum(frame[4:-1]) & 0xFF
    return bytes(frame)


async def test_the_link_dropping_while_a_reading_is_handled_is_reported_once(
    hass: HomeAssistant, connection: Any
) -> None:
    scale = _Scale(hass, connection)
    client = await scale.connect()
    scale.on_reading_extra = client.drop_link  # the link drops inside the notification
    client.notify(_esn00(1523))
    await hass.async_block_till_done()

    assert scale.events == ["up", "152.3 g", "down"]
    assert not scale.connection.available
    assert scale.connection.last_reading.grams == pytest.approx(152.3)
    # Reconnecting works, and readings flow again.
    scale.on_reading_extra = None
    client = await scale.connect()
    client.notify(_esn00(1500))
    assert scale.events == ["up", "152.3 g", "down", "up", "150 g"]


async def test_a_notification_queued_before_the_link_dropped_is_not_reported_after_it(
    hass: HomeAssistant, connection: Any
) -> None:
    scale = _Scale(hass, connection)
    client = await scale.connect()
    # bleak delivers the notification on its own thread: it is queued for the event loop,
    # and the disconnect is handled on the loop before it.
    worker = threading.Thread(target=client.notify, args=(_esn00(1523),))
    worker.start()
    worker.join()
    client.drop_link()
    await hass.async_block_till_done()
    assert scale.events == ["up", "down"]


async def test_a_late_notification_of_a_dropped_link_is_not_reported(
    hass: HomeAssistant, connection: Any
) -> None:
    scale = _Scale(hass, connection)
    old = await scale.connect()
    old.drop_link()
    new = await scale.connect()
    old.notify(_esn00(999))  # the old link's last notification arrives late
    new.notify(_esn00(1523))
    await hass.async_block_till_done()
    assert scale.events[-1] == "152.3 g"
    assert "99.9 g" not in scale.events


# --- clock jumps and a time zone change ---------------------------------------------------


def _sane(hass: HomeAssistant) -> dict[str, str]:
    """Return the person's sensor states, checking each is a sane value."""
    states: dict[str, str] = {}
    for state in hass.states.async_all(["sensor", "binary_sensor"]):
        if not state.entity_id.split(".", 1)[1].startswith("erik_"):
            continue
        states[state.entity_id] = value = state.state
        if value in {"unknown", "unavailable"}:
            assert value == "unknown", state
            continue
        if state.attributes.get("device_class") == "timestamp":
            assert dt_util.parse_datetime(value) is not None, state
        elif state.domain == "binary_sensor":
            assert value in {"on", "off"}, state
        else:
            number = float(value)
            assert math.isfinite(number), state
            assert number >= 0, state
    return states


async def _tick(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, minutes: int
) -> None:
    for _ in range(minutes):
        freezer.tick(timedelta(minutes=1))
        async_fire_time_changed(hass)
        await hass.async_block_till_done()


async def test_the_clock_jumping_back_and_forth_keeps_the_sensors_sane(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    freezer.move_to(NOW)
    entry = await async_add_person(hass)
    await _call(hass, "log_food", {"food": "01012", "grams": 200})
    await _tick(hass, freezer, 60)
    assert _sane(hass)["sensor.erik_fasting_hours"] == "1.0"

    # Back 3 hours (an NTP correction): the meal is now in the future.
    freezer.move_to("2026-11-02 09:00:00+00:00")
    await _tick(hass, freezer, 10)
    await entry.runtime_data.coordinator.async_refresh()
    await hass.async_block_till_done()
    _sane(hass)
    # Something is logged "before" the meal: both count today, in time order.
    await _call(hass, "log_food", {"food": "05064", "grams": 100})
    assert [e["food"] for e in await _everything(hass)] == ["05064", "01012"]
    _sane(hass)

    # Forward two days: a new day, and the fast has lasted since the meal.
    freezer.move_to("2026-11-04 11:00:00+00:00")
    await _tick(hass, freezer, 1)
    states = _sane(hass)
    assert states["sensor.erik_leucine_today"] == "0"
    assert float(states["sensor.erik_fasting_hours"]) == pytest.approx(48, abs=0.2)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def _log_late_evening(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> float:
    """Log at 23:30 in Stockholm (17:30 in New York); return the leucine logged."""
    freezer.move_to("2026-11-04 22:30:00+00:00")
    await async_add_person(hass)
    logged = await _call(hass, "log_food", {"food": "01012", "grams": 100})
    assert float(_state(hass, "sensor.erik_leucine_today")) == pytest.approx(
        logged["leucine_g"], abs=0.01
    )
    await _tick(hass, freezer, 40)  # 00:10 in Stockholm: a new day there
    assert _state(hass, "sensor.erik_leucine_today") == "0"
    return float(logged["leucine_g"])


async def test_day_totals_follow_a_time_zone_change_within_one_clock_step(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    leucine = await _log_late_evening(hass, freezer)
    await hass.config.async_set_time_zone("America/New_York")  # it is 18:10 there
    await _tick(hass, freezer, 6)  # the next fasting-hours step recomputes everything
    assert float(_state(hass, "sensor.erik_leucine_today")) == pytest.approx(
        leucine, abs=0.01
    )
    # The day now ends at midnight in New York (05:00 UTC), not in Stockholm.
    freezer.move_to("2026-11-05 04:58:00+00:00")
    await _tick(hass, freezer, 1)
    assert float(_state(hass, "sensor.erik_leucine_today")) == pytest.approx(
        leucine, abs=0.01
    )
    await _tick(hass, freezer, 2)
    assert _state(hass, "sensor.erik_leucine_today") == "0"
    _sane(hass)


async def test_day_totals_follow_a_time_zone_change_at_once(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    leucine = await _log_late_evening(hass, freezer)
    # As the UI does it: async_update fires EVENT_CORE_CONFIG_UPDATE.
    await hass.config.async_update(time_zone="America/New_York")
    await hass.async_block_till_done()
    assert float(_state(hass, "sensor.erik_leucine_today")) == pytest.approx(
        leucine, abs=0.01
    )


# --- an action storm ----------------------------------------------------------------------

SLOW_STEP_S = 0.25


async def test_a_storm_of_1000_actions_keeps_every_entry_in_memory_and_on_disk(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    # The real clock: asyncio measures slow callbacks with it (a frozen clock hides them).
    entry = await async_add_person(hass)
    caplog.clear()
    # In debug mode asyncio logs every task step that holds the loop too long. Each call's
    # own steps take about a millisecond; the threshold leaves room for what is not the
    # integration's: a full garbage collection (60-70 ms here) or a busy machine.
    hass.loop.set_debug(True)
    hass.loop.slow_callback_duration = SLOW_STEP_S
    began = time.perf_counter()
    try:
        responses = await asyncio.gather(
            *(
                _call(hass, "log_food", {"food": "01012", "grams": 1 + index % 500})
                for index in range(1000)
            )
        )
        await hass.async_block_till_done()
    finally:
        hass.loop.set_debug(False)
    elapsed = time.perf_counter() - began

    ids = [response["entry_id"] for response in responses]
    assert len(set(ids)) == 1000
    assert {e["entry_id"] for e in await _everything(hass)} == set(ids)
    assert set(_stored_ids(hass)) == set(ids)  # on disk too
    assert float(_state(hass, "sensor.erik_leucine_today")) == pytest.approx(
        sum(response["leucine_g"] for response in responses), abs=0.05
    )
    # The test's own task starts all 1000 calls in one step (Home Assistant's tasks start
    # eagerly), which asyncio reports as slow; a real burst arrives as 1000 separate calls.
    warnings = [
        record.getMessage()
        for record in caplog.records
        if "Detected blocking call" in record.getMessage()
        or (
            record.name == "asyncio"
            and record.levelno >= logging.WARNING
            and "coro=<test_a_storm_of_1000_actions" not in record.getMessage()
        )
    ]
    assert not warnings, warnings
    # After a restart the log is the same.
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert len(await _everything(hass)) == 1000
    print(f"\n1000 log_food actions in {elapsed:.2f} s")  # noqa: T201
