"""ScaleConnection against the real bluetooth integration, with the BLE client as the fake edge.

Advertisements go through habluetooth's manager (phcc's `enable_bluetooth` plus a registered
fake proxy scanner); only `establish_connection` is replaced, by a factory of `FakeClient`s that
record subscriptions and writes and can drop the link. Time moves with `freezer`.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass, field, fields, replace
from datetime import timedelta
from itertools import pairwise
import logging
import threading
from unittest.mock import patch

from bleak.exc import BleakError
from bleak_retry_connector import BleakClientWithServiceCache, BleakNotFoundError
from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_HOMEASSISTANT_STOP
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed_exact,
)

from custom_components.mtor_balance.const import (
    DOMAIN,
)
from custom_components.mtor_balance.scale import connection
from custom_components.mtor_balance.scale.connection import (
    ScaleConnection,
    ScaleConnectionError,
    ScaleNotConnectedError,
    TareNotSupportedError,
)
from custom_components.mtor_balance.scales import (
    bookoo,
    decent,
    etekcity_esn00,
    etekcity_luminary,
)
from custom_components.mtor_balance.scales.reading import Reading, ScaleProtocol
from tests.bluetooth_helpers import (
    SCALE_ADDRESS,
    FakeProxyScanner,
    register_proxy_scanner,
)

from ..scales.vectors import (
    BOOKOO_18_G,
    DECENT_18_G_STABLE,
    DECENT_LED_RESPONSE_BATTERY_87,
    DECENT_MINUS_1_5_G_UNSTABLE,
    ESN00_1079_ML_UNSETTLED,
    ESN00_MINUS_523_G_SETTLED,
    GARBAGE,
)
from .fake_ble import (
    WRITE_WITH_RESPONSE_ONLY,
    FakeConnector,
)


@dataclass
class Harness:
    """A test Home Assistant with bluetooth, a proxy hearing the scale, and the fake edge."""

    hass: HomeAssistant
    proxy: FakeProxyScanner
    connector: FakeConnector
    freezer: FrozenDateTimeFactory
    readings: list[Reading] = field(default_factory=list)
    availability: list[bool] = field(default_factory=list)
    created: list[ScaleConnection] = field(default_factory=list)

    def connection(self, protocol: ScaleProtocol) -> ScaleConnection:
        """Return a (not yet started) connection reporting to this harness."""
        scale = ScaleConnection(
            self.hass,
            SCALE_ADDRESS,
            protocol,
            name="Kitchen",
            on_reading=self.readings.append,
            on_availability=self.availability.append,
        )
        self.created.append(scale)
        return scale

    async def advertise(self, address: str = SCALE_ADDRESS) -> None:
        """The device advertises once and the proxy hears it."""
        self.proxy.advertise(address)
        await self.hass.async_block_till_done()

    async def advance(self, seconds: float) -> None:
        """Let `seconds` pass."""
        self.freezer.tick(timedelta(seconds=seconds))
        async_fire_time_changed_exact(self.hass)
        await self.hass.async_block_till_done()

    async def start_connected(self, protocol: ScaleProtocol) -> ScaleConnection:
        """Start a connection and have the scale advertise, so that it connects."""
        scale = self.connection(protocol)
        await scale.async_start()
        await self.advertise()
        assert scale.available
        return scale

    async def attempt_gaps(self, gaps: int, step: float = 0.5) -> list[float]:
        """Advertise every `step` seconds; return the times between connection tries."""
        times: list[float] = []
        elapsed = 0.0
        calls = len(self.connector.calls)
        await self.advertise()
        while len(times) <= gaps and elapsed < 600:
            if len(self.connector.calls) > calls:
                assert len(self.connector.calls) == calls + 1
                calls += 1
                times.append(elapsed)
            await self.advance(step)
            elapsed += step
            await self.advertise()
        return [later - earlier for earlier, later in pairwise(times)]


@pytest.fixture
async def harness(
    hass: HomeAssistant, enable_bluetooth: None, freezer: FrozenDateTimeFactory
) -> AsyncGenerator[Harness]:
    scanner, remove_scanner = register_proxy_scanner(hass)
    connector = FakeConnector()
    with (
        patch.object(connection, "establish_connection", connector),
        patch.object(connection, "COMMAND_REPEAT_SPACING_S", 0),
    ):
        harness = Harness(hass, scanner, connector, freezer)
        yield harness
        for scale in harness.created:
            await scale.async_stop()  # a no-op for those the test stopped itself
    remove_scanner()


def availability_logs(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Return the INFO lines the connection module logged."""
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == connection.__name__ and record.levelno == logging.INFO
    ]


# Connecting


async def test_advertisement_connects_subscribes_and_initialises(
    harness: Harness,
) -> None:
    scale = harness.connection(decent.PROTOCOL)
    await scale.async_start()
    await harness.hass.async_block_till_done()
    assert harness.connector.calls == []
    assert not scale.available

    await harness.advertise()

    assert len(harness.connector.calls) == 1
    call = harness.connector.calls[0]
    assert call["client_class"] is BleakClientWithServiceCache
    assert call["device"].address == SCALE_ADDRESS
    assert call["name"] == "Kitchen"
    assert call["max_attempts"] == 3
    assert call["ble_device_callback"]().address == SCALE_ADDRESS
    client = harness.connector.client
    assert set(client.notify_callbacks) == {decent.PROTOCOL.notify_uuid}
    # The LED-on init command, twice (command_repeats), without response.
    assert client.writes == [
        (decent.PROTOCOL.write_uuid, decent.LED_ON_COMMAND, False),
        (decent.PROTOCOL.write_uuid, decent.LED_ON_COMMAND, False),
    ]
    assert scale.available
    assert harness.availability == [True]
    await scale.async_stop()


async def test_connects_at_start_when_already_advertised(harness: Harness) -> None:
    await harness.advertise()
    scale = harness.connection(etekcity_esn00.PROTOCOL)

    await scale.async_start()
    await harness.hass.async_block_till_done()

    assert len(harness.connector.calls) == 1
    assert scale.available
    assert harness.connector.client.writes == []  # the ESN00 needs no init command
    await scale.async_start()  # starting twice does nothing
    assert len(harness.connector.calls) == 1
    await scale.async_stop()


async def test_other_devices_are_ignored(harness: Harness) -> None:
    scale = harness.connection(etekcity_esn00.PROTOCOL)
    await scale.async_start()

    await harness.advertise("11:22:33:44:55:66")

    assert harness.connector.calls == []
    await scale.async_stop()


# Notifications


async def test_esn00_readings_reach_on_reading(harness: Harness) -> None:
    scale = await harness.start_connected(etekcity_esn00.PROTOCOL)
    client = harness.connector.client
    notify_uuid = etekcity_esn00.PROTOCOL.notify_uuid

    client.notify(notify_uuid, ESN00_MINUS_523_G_SETTLED)
    for garbage in GARBAGE:
        client.notify(notify_uuid, garbage)
    client.notify(notify_uuid, ESN00_1079_ML_UNSETTLED)
    await harness.hass.async_block_till_done()

    assert harness.readings == [
        Reading(grams=-523.0, stable=True),
        Reading(grams=1079.0, stable=False),
    ]
    assert scale.last_reading == Reading(grams=1079.0, stable=False)
    assert scale.battery is None
    await scale.async_stop()


async def test_decent_readings_and_battery(harness: Harness) -> None:
    scale = await harness.start_connected(decent.PROTOCOL)
    client = harness.connector.client
    notify_uuid = decent.PROTOCOL.notify_uuid

    client.notify(notify_uuid, DECENT_18_G_STABLE)
    client.notify(notify_uuid, DECENT_LED_RESPONSE_BATTERY_87)
    client.notify(notify_uuid, DECENT_18_G_STABLE[:-1] + b"\x00")  # bad XOR
    client.notify(notify_uuid, DECENT_MINUS_1_5_G_UNSTABLE)
    await harness.hass.async_block_till_done()

    assert harness.readings == [
        Reading(grams=18.0, stable=True),
        Reading(grams=-1.5, stable=False),
    ]
    assert scale.battery == 87
    await scale.async_stop()


async def test_bookoo_battery_comes_with_the_reading(harness: Harness) -> None:
    scale = await harness.start_connected(bookoo.PROTOCOL)

    harness.connector.client.notify(bookoo.PROTOCOL.notify_uuid, BOOKOO_18_G)
    await harness.hass.async_block_till_done()

    assert harness.readings == [Reading(grams=18.0, stable=None, battery=100)]
    assert scale.battery == 100
    await scale.async_stop()


async def test_notification_from_another_thread_arrives_on_the_loop(
    harness: Harness,
) -> None:
    hass = harness.hass
    on_loop_thread: list[bool] = []
    scale = await harness.start_connected(etekcity_esn00.PROTOCOL)
    scale._on_reading = lambda _reading: on_loop_thread.append(
        threading.get_ident() == hass.loop_thread_id
    )

    await hass.async_add_executor_job(
        harness.connector.client.notify,
        etekcity_esn00.PROTOCOL.notify_uuid,
        ESN00_MINUS_523_G_SETTLED,
    )
    await hass.async_block_till_done()

    assert on_loop_thread == [True]
    assert scale.last_reading == Reading(grams=-523.0, stable=True)
    await scale.async_stop()


async def test_parser_exception_is_logged_not_raised(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(data: bytes) -> Reading | None:
        raise ValueError("bug")

    protocol = replace(etekcity_esn00.PROTOCOL, parse=broken)
    assert {f.name for f in fields(protocol)} >= {"parse"}
    scale = await harness.start_connected(protocol)

    harness.connector.client.notify(protocol.notify_uuid, ESN00_MINUS_523_G_SETTLED)
    await harness.hass.async_block_till_done()

    assert harness.readings == []
    assert "Error parsing Kitchen notification" in caplog.text
    assert scale.available
    await scale.async_stop()


# Disconnecting and reconnecting


async def test_disconnect_is_reported_once_and_an_advertisement_reconnects(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=connection.__name__)
    scale = await harness.start_connected(etekcity_esn00.PROTOCOL)
    first = harness.connector.client
    assert availability_logs(caplog) == []  # the first connection is not news

    first.drop_link()
    first.disconnected_callback(first)  # a repeated callback changes nothing
    await harness.hass.async_block_till_done()

    assert not scale.available
    assert harness.availability == [True, False]
    assert availability_logs(caplog) == ["Scale Kitchen is unavailable"]
    with pytest.raises(ScaleNotConnectedError):
        await scale.async_tare()

    # No advertisement, no connection try, however long we wait.
    await harness.advance(120)
    assert len(harness.connector.calls) == 1
    assert harness.availability == [True, False]

    await harness.advertise()

    assert len(harness.connector.calls) == 2
    assert harness.connector.client is not first
    assert scale.available
    assert harness.availability == [True, False, True]
    assert availability_logs(caplog) == [
        "Scale Kitchen is unavailable",
        "Scale Kitchen is available again",
    ]
    # Readings flow from the new client.
    harness.connector.client.notify(
        etekcity_esn00.PROTOCOL.notify_uuid, ESN00_MINUS_523_G_SETTLED
    )
    await harness.hass.async_block_till_done()
    assert harness.readings == [Reading(grams=-523.0, stable=True)]
    await scale.async_stop()


async def test_failed_reconnects_are_not_reported_again(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=connection.__name__)
    scale = await harness.start_connected(etekcity_esn00.PROTOCOL)
    harness.connector.client.drop_link()
    harness.connector.error = BleakNotFoundError("gone")

    for _ in range(3):
        await harness.advertise()
        await harness.advance(61)

    assert len(harness.connector.calls) == 4
    assert harness.availability == [True, False]
    assert availability_logs(caplog) == ["Scale Kitchen is unavailable"]
    await scale.async_stop()


async def test_failing_connect_backs_off_and_retries_without_raising(
    harness: Harness,
) -> None:
    harness.connector.error = BleakError("No backend with an available slot")
    scale = harness.connection(decent.PROTOCOL)
    await scale.async_start()

    # The scale keeps advertising; tries are 1 s, 2 s, 4 s, 8 s apart.
    assert await harness.attempt_gaps(4) == [1.0, 2.0, 4.0, 8.0]
    assert len(harness.connector.calls) == 5
    assert not scale.available
    assert harness.availability == []

    # The next try after the backoff succeeds.
    harness.connector.error = None
    await harness.advance(16)
    await harness.advertise()
    assert scale.available
    assert harness.availability == [True]

    await scale.async_stop()
    assert scale._supervisor is None
    assert scale._keepalive is None


async def test_backoff_is_capped_at_a_minute(harness: Harness) -> None:
    harness.connector.error = TimeoutError()
    scale = harness.connection(etekcity_esn00.PROTOCOL)
    await scale.async_start()

    gaps = await harness.attempt_gaps(8, step=1.0)

    assert gaps == [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0]
    await scale.async_stop()


async def test_backoff_restarts_after_the_scale_was_silent(harness: Harness) -> None:
    harness.connector.error = OSError("adapter busy")
    scale = harness.connection(etekcity_esn00.PROTOCOL)
    await scale.async_start()
    await harness.advertise()
    for delay in (1, 2, 4):
        await harness.advance(delay)
        await harness.advertise()
    assert len(harness.connector.calls) == 4  # the next delay would be 8 s

    await harness.advance(90)  # switched off for 90 s, then on again
    await harness.advertise()
    assert len(harness.connector.calls) == 5
    await harness.advance(1)  # back to the shortest delay
    await harness.advertise()
    assert len(harness.connector.calls) == 6
    await scale.async_stop()


async def test_setup_failure_disconnects_and_retries(harness: Harness) -> None:
    harness.connector.fail_start_notify = True
    scale = harness.connection(decent.PROTOCOL)
    await scale.async_start()
    await harness.advertise()

    assert harness.connector.client.disconnect_calls == 1
    assert not scale.available
    assert harness.availability == []

    harness.connector.fail_start_notify = False
    await harness.advance(1)
    await harness.advertise()
    assert scale.available
    assert harness.availability == [True]
    await scale.async_stop()


@pytest.mark.parametrize(
    "protocol",
    [decent.PROTOCOL, etekcity_esn00.PROTOCOL],
    ids=["init-write-fails", "no-init-command"],
)
async def test_disconnect_during_setup_is_a_failed_try(
    harness: Harness, caplog: pytest.LogCaptureFixture, protocol: ScaleProtocol
) -> None:
    caplog.set_level(logging.INFO, logger=connection.__name__)
    harness.connector.drop_during_setup = True
    scale = harness.connection(protocol)
    await scale.async_start()
    await harness.advertise()

    assert not scale.available
    assert harness.availability == []
    assert availability_logs(caplog) == []
    assert scale._keepalive is None

    harness.connector.drop_during_setup = False
    await harness.advance(1)
    await harness.advertise()
    assert scale.available
    await scale.async_stop()


async def test_restart_after_stop(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=connection.__name__)
    scale = await harness.start_connected(etekcity_esn00.PROTOCOL)
    await scale.async_stop()

    await scale.async_start()
    await harness.hass.async_block_till_done()

    # Still known to the bluetooth integration, so it reconnects at once, quietly.
    assert len(harness.connector.calls) == 2
    assert scale.available
    assert harness.availability == [True, True]
    assert availability_logs(caplog) == []
    await scale.async_stop()


# Tare


@pytest.mark.parametrize(
    ("protocol", "expected"),
    [
        (etekcity_esn00.PROTOCOL, [etekcity_esn00.TARE_COMMAND]),
        (decent.PROTOCOL, [decent.TARE_COMMAND] * 2),
        (bookoo.PROTOCOL, [bookoo.TARE_COMMAND]),
    ],
    ids=["esn00", "decent", "bookoo"],
)
async def test_tare_writes_the_protocol_bytes(
    harness: Harness, protocol: ScaleProtocol, expected: list[bytes]
) -> None:
    scale = await harness.start_connected(protocol)
    client = harness.connector.client
    client.writes.clear()

    await scale.async_tare()

    assert client.writes == [(protocol.write_uuid, data, False) for data in expected]
    assert scale.supports_tare
    await scale.async_stop()


async def test_write_with_response_when_it_is_the_only_kind(harness: Harness) -> None:
    harness.connector.write_properties = WRITE_WITH_RESPONSE_ONLY
    scale = await harness.start_connected(etekcity_esn00.PROTOCOL)

    await scale.async_tare()

    assert harness.connector.client.writes == [
        (etekcity_esn00.PROTOCOL.write_uuid, etekcity_esn00.TARE_COMMAND, True)
    ]
    await scale.async_stop()


async def test_tare_when_not_connected_raises(harness: Harness) -> None:
    scale = harness.connection(etekcity_esn00.PROTOCOL)
    with pytest.raises(ScaleNotConnectedError):
        await scale.async_tare()  # not started
    await scale.async_start()
    with pytest.raises(ScaleNotConnectedError):
        await scale.async_tare()  # started, the scale never advertised
    await scale.async_stop()


async def test_tare_without_a_tare_command_raises(harness: Harness) -> None:
    scale = await harness.start_connected(etekcity_luminary.PROTOCOL)
    assert not scale.supports_tare

    with pytest.raises(TareNotSupportedError):
        await scale.async_tare()

    assert harness.connector.client.writes == []
    await scale.async_stop()


async def test_tare_write_failure_raises_a_connection_error(harness: Harness) -> None:
    scale = await harness.start_connected(etekcity_esn00.PROTOCOL)
    harness.connector.client.is_connected = False  # the callback has not arrived yet

    with pytest.raises(ScaleConnectionError, match="tare"):
        await scale.async_tare()
    await scale.async_stop()


# Keep-alive


async def test_keepalive_is_written_on_schedule_and_stops_on_disconnect(
    harness: Harness,
) -> None:
    scale = await harness.start_connected(decent.PROTOCOL)
    client = harness.connector.client
    client.writes.clear()

    await harness.advance(1.5)
    assert client.writes == []
    await harness.advance(0.5)
    assert client.written() == [decent.KEEPALIVE_COMMAND] * 2  # command_repeats
    await harness.advance(2)
    await harness.advance(2)
    assert client.written() == [decent.KEEPALIVE_COMMAND] * 6
    assert all(
        uuid == decent.PROTOCOL.write_uuid and response is False
        for uuid, _, response in client.writes
    )

    client.drop_link()
    await harness.hass.async_block_till_done()
    assert scale._keepalive is None
    await harness.advance(10)
    assert client.written() == [decent.KEEPALIVE_COMMAND] * 6
    await scale.async_stop()


async def test_keepalive_restarts_with_the_new_connection(harness: Harness) -> None:
    scale = await harness.start_connected(decent.PROTOCOL)
    harness.connector.client.drop_link()
    await harness.advertise()
    client = harness.connector.client
    client.writes.clear()

    await harness.advance(2)

    assert client.written() == [decent.KEEPALIVE_COMMAND] * 2
    await scale.async_stop()


async def test_keepalive_stops_on_stop(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=connection.__name__)
    scale = await harness.start_connected(decent.PROTOCOL)
    client = harness.connector.client
    await harness.advance(2)
    writes = len(client.writes)

    await scale.async_stop()

    assert client.disconnect_calls == 1
    assert not scale.available
    await harness.advance(10)
    assert len(client.writes) == writes
    # Stopping is not an outage: no callback, no log line.
    assert harness.availability == [True]
    assert availability_logs(caplog) == []
    # Nor does a late advertisement reconnect.
    await harness.advertise()
    assert len(harness.connector.calls) == 1
    await scale.async_stop()  # stopping twice is harmless


async def test_keepalive_write_failure_does_not_end_the_loop(harness: Harness) -> None:
    scale = await harness.start_connected(decent.PROTOCOL)
    client = harness.connector.client
    client.is_connected = False
    await harness.advance(2)
    client.is_connected = True
    await harness.advance(2)

    assert client.written()[-2:] == [decent.KEEPALIVE_COMMAND] * 2
    assert scale._keepalive is not None
    await scale.async_stop()


async def test_no_keepalive_for_protocols_without_one(harness: Harness) -> None:
    scale = await harness.start_connected(etekcity_esn00.PROTOCOL)

    await harness.advance(30)

    assert harness.connector.client.writes == []
    assert scale._keepalive is None
    await scale.async_stop()


# Stopping


async def test_tasks_can_belong_to_a_config_entry(harness: Harness) -> None:
    entry = MockConfigEntry(domain=DOMAIN)
    entry.add_to_hass(harness.hass)
    scale = ScaleConnection(
        harness.hass,
        SCALE_ADDRESS,
        decent.PROTOCOL,
        name="Kitchen",
        on_reading=harness.readings.append,
        on_availability=harness.availability.append,
        entry=entry,
    )
    await scale.async_start()
    await harness.advertise()

    assert scale.available
    assert scale._supervisor in entry._background_tasks
    assert scale._keepalive in entry._background_tasks
    await scale.async_stop()
    assert not entry._background_tasks


async def test_stop_while_backing_off_leaves_nothing_behind(harness: Harness) -> None:
    harness.connector.error = BleakError("failed")
    scale = harness.connection(decent.PROTOCOL)
    await scale.async_start()
    await harness.advertise()  # failed; now backing off

    await scale.async_stop()

    assert scale._supervisor is None
    await harness.advance(120)
    await harness.advertise()
    assert len(harness.connector.calls) == 1


async def test_home_assistant_stop_disconnects(harness: Harness) -> None:
    scale = await harness.start_connected(decent.PROTOCOL)

    harness.hass.bus.async_fire(EVENT_HOMEASSISTANT_STOP)
    await harness.hass.async_block_till_done()

    assert harness.connector.client.disconnect_calls == 1
    assert scale._supervisor is None
    await scale.async_stop()
