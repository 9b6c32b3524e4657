"""Hold a GATT notify connection to one Bluetooth kitchen scale, driven by a `ScaleProtocol`.

The manager is protocol-agnostic: everything it sends and how it reads notifications comes from
the `ScaleProtocol` data. Its life cycle:

1. `async_start` subscribes to the scale's advertisements and starts one supervisor task.
2. The supervisor connects when the scale advertises (and at once if Home Assistant's Bluetooth
   integration already knows a connectable path to it), subscribes to `notify_uuid`, writes the
   `init_commands`, and starts the keep-alive task where the protocol has one.
3. On a disconnect the scale is marked unavailable (one INFO line per outage) and the
   supervisor waits for the scale to advertise again: a peripheral accepts connections only
   while it advertises, so a switched-off scale costs no connection attempts. Failed attempts
   back off exponentially (1 s, 2 s, 4 s ... 60 s) and never raise out of the manager.
4. `async_stop` cancels the tasks, unsubscribes and disconnects.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
import contextlib
from functools import partial
import logging
import threading
import time
from typing import Any

from bleak.backends.characteristic import BleakGATTCharacteristic
from bleak.backends.device import BLEDevice
from bleak.exc import BleakError
from bleak_retry_connector import BleakClientWithServiceCache, establish_connection
from homeassistant.components import bluetooth
from homeassistant.const import EVENT_HOMEASSISTANT_STOP
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError

from ..kinds import MtorBalanceConfigEntry
from ..scales.reading import Reading, ScaleProtocol

_LOGGER = logging.getLogger(__name__)

MAX_CONNECT_ATTEMPTS = 3
"""Attempts `establish_connection` makes per connection try (it retries internally)."""

INITIAL_BACKOFF_S = 1.0
"""Delay after the first failed connection try; doubled after each further failure."""

MAX_BACKOFF_S = 60.0
"""Cap of the delay between failed connection tries."""

COMMAND_REPEAT_SPACING_S = 0.1
"""Pause between the repeats of one command (the Decent Scale wants 50-200 ms)."""

CONNECT_ERRORS: tuple[type[Exception], ...] = (BleakError, TimeoutError, OSError)
"""What a failed connect, subscribe or write raises (BleakNotFoundError, BleakConnectionError
and BleakOutOfConnectionSlotsError of bleak-retry-connector are BleakErrors)."""

_WRITE_WITHOUT_RESPONSE = "write-without-response"
_WRITE = "write"


class ScaleConnectionError(HomeAssistantError):
    """A command could not be sent to the scale."""


class ScaleNotConnectedError(ScaleConnectionError):
    """The scale is not connected (switched off, out of range, or still connecting)."""


class TareNotSupportedError(ScaleConnectionError):
    """The scale's protocol has no (known) tare command."""


class ScaleConnection:
    """Connect to one scale, stream its readings, keep it alive and reconnect on loss.

    `on_reading` gets every weight notification the protocol parses, on the event loop.
    `on_availability` gets True each time the connection is ready (subscribed and initialised)
    and False once per outage. Neither is called after `async_stop`.
    """

    def __init__(
        self,
        hass: HomeAssistant,
        address: str,
        protocol: ScaleProtocol,
        *,
        name: str,
        on_reading: Callable[[Reading], None],
        on_availability: Callable[[bool], None],
        entry: MtorBalanceConfigEntry | None = None,
    ) -> None:
        """Prepare the manager; nothing happens until `async_start`.

        `address` is the scale's Bluetooth address as the bluetooth integration reports it.
        With `entry`, the background tasks are tied to that config entry (cancelled on unload),
        otherwise to Home Assistant.
        """
        self._hass = hass
        self._address = address
        self._protocol = protocol
        self._name = name
        self._on_reading = on_reading
        self._on_availability = on_availability
        self._entry = entry

        self._ble_device: BLEDevice | None = None
        self._client: BleakClientWithServiceCache | None = None
        self._write_response = False
        self._write_lock = asyncio.Lock()

        self._available = False
        self._outage_logged = False
        self._last_reading: Reading | None = None
        self._battery: int | None = None

        self._started = False
        self._stopping = False
        self._unsubscribers: list[CALLBACK_TYPE] = []
        self._unsub_hass_stop: CALLBACK_TYPE | None = None
        self._supervisor: asyncio.Task[None] | None = None
        self._keepalive: asyncio.Task[None] | None = None
        self._disconnected = asyncio.Event()

        # Advertisement bookkeeping: a connection try needs an advertisement newer than
        # `_adverts_seen_at_mark` (set when a connection ends and when a try starts).
        self._advertised = asyncio.Event()
        self._adverts = 0
        self._adverts_seen_at_mark = 0
        self._last_advert_at: float | None = None
        self._backoff_reset = False

    # Public state

    @property
    def address(self) -> str:
        """Return the scale's Bluetooth address."""
        return self._address

    @property
    def protocol(self) -> ScaleProtocol:
        """Return the protocol this manager drives."""
        return self._protocol

    @property
    def available(self) -> bool:
        """Return whether the scale is connected, subscribed and initialised."""
        return self._available

    @property
    def last_reading(self) -> Reading | None:
        """Return the most recent reading (kept across disconnects), or None."""
        return self._last_reading

    @property
    def battery(self) -> int | None:
        """Return the last battery percentage the scale reported (kept across disconnects)."""
        return self._battery

    @property
    def supports_tare(self) -> bool:
        """Return whether `async_tare` can work for this protocol."""
        return (
            self._protocol.tare_command is not None
            and self._protocol.write_uuid is not None
        )

    # Life cycle

    async def async_start(self) -> None:
        """Follow the scale's advertisements and connect whenever it advertises."""
        if self._started:
            return
        self._started = True
        self._stopping = False
        self._ble_device = bluetooth.async_ble_device_from_address(
            self._hass, self._address, connectable=True
        )
        if self._ble_device is not None:
            # Known from a recent advertisement (possibly one restored at startup): try once
            # without waiting for the next advertisement.
            self._adverts_seen_at_mark = -1
        self._unsubscribers.append(
            bluetooth.async_register_callback(
                self._hass,
                self._async_on_bluetooth_event,
                bluetooth.BluetoothCallbackMatcher(
                    address=self._address, connectable=True
                ),
                bluetooth.BluetoothScanningMode.PASSIVE,
            )
        )
        # Change-driven callbacks above skip repeats of identical advertisements; this one
        # sees every advertisement, which is what tells that the scale is on.
        self._unsubscribers.append(
            bluetooth.async_register_advertisement_callback(
                self._hass, self._async_on_advertisement, self._address
            )
        )
        self._unsub_hass_stop = self._hass.bus.async_listen_once(
            EVENT_HOMEASSISTANT_STOP, self._async_on_hass_stop
        )
        self._supervisor = self._create_task(
            self._async_supervise(), f"{self._name} scale connection"
        )

    async def async_stop(self) -> None:
        """Stop reconnecting, cancel the tasks, unsubscribe and disconnect cleanly."""
        if not self._started:
            return
        self._started = False
        self._stopping = True
        while self._unsubscribers:
            self._unsubscribers.pop()()
        if self._unsub_hass_stop is not None:
            self._unsub_hass_stop()
            self._unsub_hass_stop = None
        for task in (self._supervisor, self._keepalive):
            if task is not None and not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._supervisor = None
        self._keepalive = None
        self._available = False
        client, self._client = self._client, None
        if client is not None:
            await self._async_disconnect(client)

    async def async_tare(self) -> None:
        """Zero the scale.

        Raises TareNotSupportedError when the protocol has no tare command,
        ScaleNotConnectedError when the scale is not connected, and ScaleConnectionError when
        the write fails.
        """
        command = self._protocol.tare_command
        if command is None or self._protocol.write_uuid is None:
            raise TareNotSupportedError(
                f"{self._name} ({self._protocol.name}) has no tare command"
            )
        client = self._client
        if client is None or not self._available:
            raise ScaleNotConnectedError(f"{self._name} is not connected")
        try:
            await self._async_send(client, command)
        except CONNECT_ERRORS as err:
            raise ScaleConnectionError(
                f"Could not send the tare command to {self._name}: {err}"
            ) from err

    # Advertisements

    @callback
    def _async_on_bluetooth_event(
        self,
        service_info: bluetooth.BluetoothServiceInfoBleak,
        _change: bluetooth.BluetoothChange,
    ) -> None:
        """Remember the newest connectable path to the scale."""
        self._async_on_advertisement(service_info)

    @callback
    def _async_on_advertisement(
        self, service_info: bluetooth.BluetoothServiceInfoBleak
    ) -> None:
        """Note that the scale is advertising, and wake a pending connection try."""
        if service_info.connectable:
            self._ble_device = service_info.device
        now = time.monotonic()
        if (
            self._last_advert_at is not None
            and now - self._last_advert_at > MAX_BACKOFF_S
        ):
            # Silent for longer than any backoff: the scale was switched off and on again,
            # so a new series of tries starts from the shortest delay.
            self._backoff_reset = True
        self._last_advert_at = now
        self._adverts += 1
        self._advertised.set()

    def _latest_device(self) -> BLEDevice | None:
        """Return the best current path to the scale, or None if it is not known."""
        return (
            bluetooth.async_ble_device_from_address(
                self._hass, self._address, connectable=True
            )
            or self._ble_device
        )

    async def _async_wait_for_advertisement(self) -> BLEDevice:
        """Wait until the scale has advertised since the last mark; return its device."""
        while True:
            if self._adverts != self._adverts_seen_at_mark and (
                device := bluetooth.async_ble_device_from_address(
                    self._hass, self._address, connectable=True
                )
            ):
                return device
            self._advertised.clear()
            await self._advertised.wait()

    # Connection

    async def _async_supervise(self) -> None:
        """Connect whenever the scale advertises; back off after failed tries."""
        delay = 0.0
        while True:
            if delay:
                _LOGGER.debug("Retrying %s in %.0f s", self._name, delay)
                await asyncio.sleep(delay)
            device = await self._async_wait_for_advertisement()
            if self._backoff_reset:
                self._backoff_reset = False
                delay = 0.0
            self._adverts_seen_at_mark = self._adverts
            if await self._async_connect(device):
                delay = 0.0
                await self._disconnected.wait()
            else:
                delay = min(delay * 2, MAX_BACKOFF_S) if delay else INITIAL_BACKOFF_S

    async def _async_connect(self, device: BLEDevice) -> bool:
        """Connect, subscribe and initialise; return whether the scale is ready."""
        self._disconnected.clear()
        _LOGGER.debug("Connecting to %s (%s)", self._name, self._address)
        try:
            client = await establish_connection(
                BleakClientWithServiceCache,
                device,
                self._name,
                disconnected_callback=self._on_disconnected,
                max_attempts=MAX_CONNECT_ATTEMPTS,
                ble_device_callback=lambda: self._latest_device() or device,
            )
        except CONNECT_ERRORS as err:
            _LOGGER.debug("Could not connect to %s: %s", self._name, err)
            return False
        if self._stopping:
            await self._async_disconnect(client)
            return False
        self._client = client
        self._write_response = self._uses_write_response(client)
        try:
            await client.start_notify(
                self._protocol.notify_uuid, partial(self._on_notification, client)
            )
            for command in self._protocol.init_commands:
                await self._async_send(client, command)
        except CONNECT_ERRORS as err:
            _LOGGER.debug("Could not set up %s: %s", self._name, err)
            if self._client is client:
                self._client = None
            await self._async_disconnect(client)
            return False
        if self._client is not client or not client.is_connected:
            _LOGGER.debug("%s disconnected while being set up", self._name)
            self._client = None
            return False
        self._start_keepalive(client)
        self._set_available()
        return True

    def _uses_write_response(self, client: BleakClientWithServiceCache) -> bool:
        """Return whether to write with response to the protocol's write characteristic.

        Scale firmware is written for write-without-response, so that is used wherever the
        characteristic offers it; write-with-response only where it is the sole kind offered.
        """
        if self._protocol.write_uuid is None:
            return False
        try:
            characteristic = client.services.get_characteristic(
                self._protocol.write_uuid
            )
        except BleakError:  # services not resolved
            return False
        if characteristic is None:
            return False
        properties = characteristic.properties
        return _WRITE in properties and _WRITE_WITHOUT_RESPONSE not in properties

    async def _async_send(
        self, client: BleakClientWithServiceCache, command: bytes
    ) -> None:
        """Write `command` to the write characteristic `command_repeats` times."""
        write_uuid = self._protocol.write_uuid
        if write_uuid is None:
            return
        async with self._write_lock:
            for repeat in range(max(self._protocol.command_repeats, 1)):
                if repeat and COMMAND_REPEAT_SPACING_S:
                    await asyncio.sleep(COMMAND_REPEAT_SPACING_S)
                await client.write_gatt_char(
                    write_uuid, command, response=self._write_response
                )

    def _start_keepalive(self, client: BleakClientWithServiceCache) -> None:
        """Start the keep-alive task where the protocol has one."""
        command = self._protocol.keepalive_command
        interval = self._protocol.keepalive_interval_s
        if command is None or not interval or self._protocol.write_uuid is None:
            return
        self._keepalive = self._create_task(
            self._async_keepalive(client, command, interval),
            f"{self._name} scale keep-alive",
        )

    async def _async_keepalive(
        self, client: BleakClientWithServiceCache, command: bytes, interval: float
    ) -> None:
        """Write the keep-alive command every `interval` seconds while connected."""
        while True:
            await asyncio.sleep(interval)
            try:
                await self._async_send(client, command)
            except CONNECT_ERRORS as err:
                # A dead link also ends in the disconnected callback, which stops this task.
                _LOGGER.debug("Keep-alive to %s failed: %s", self._name, err)

    def _stop_keepalive(self) -> None:
        """Cancel the keep-alive task, if any."""
        if self._keepalive is not None:
            self._keepalive.cancel()
            self._keepalive = None

    async def _async_disconnect(self, client: BleakClientWithServiceCache) -> None:
        """Disconnect `client`, ignoring errors (the link may already be gone)."""
        try:
            await client.disconnect()
        except CONNECT_ERRORS as err:
            _LOGGER.debug("Error disconnecting from %s: %s", self._name, err)

    # Callbacks from bleak (on the event loop in Home Assistant; handed over if not)

    def _on_disconnected(self, client: BleakClientWithServiceCache) -> None:
        """Handle the link dropping."""
        self._run_on_loop(self._async_handle_disconnect, client)

    @callback
    def _async_handle_disconnect(self, client: BleakClientWithServiceCache) -> None:
        """Mark the scale unavailable and let the supervisor wait to reconnect."""
        if client is not self._client:
            return  # an old or abandoned client
        self._client = None
        self._stop_keepalive()
        self._adverts_seen_at_mark = self._adverts
        self._disconnected.set()
        if self._stopping:
            return
        _LOGGER.debug("Disconnected from %s", self._name)
        if self._available:
            self._available = False
            if not self._outage_logged:
                self._outage_logged = True
                _LOGGER.info("Scale %s is unavailable", self._name)
            self._on_availability(False)  # noqa: FBT003

    def _on_notification(
        self,
        client: BleakClientWithServiceCache,
        _characteristic: BleakGATTCharacteristic,
        data: bytearray,
    ) -> None:
        """Hand a notification to the event loop, with the client it came from."""
        self._run_on_loop(self._async_handle_notification, client, bytes(data))

    @callback
    def _async_handle_notification(
        self, client: BleakClientWithServiceCache, data: bytes
    ) -> None:
        """Parse one notification; report a reading, remember a battery level."""
        if self._stopping or client is not self._client:
            return  # queued before the link dropped, or from a replaced link
        try:
            reading = self._protocol.parse(data)
            battery = (
                self._protocol.parse_battery(data)
                if reading is None and self._protocol.parse_battery is not None
                else None
            )
        except Exception:  # a parser bug must not take the connection down
            _LOGGER.exception(
                "Error parsing %s notification %s", self._name, data.hex()
            )
            return
        if battery is not None:
            self._battery = battery
            _LOGGER.debug("%s battery: %s %%", self._name, battery)
            return
        if reading is None:
            _LOGGER.debug("Ignoring %s notification %s", self._name, data.hex())
            return
        if reading.battery is not None:
            self._battery = reading.battery
        self._last_reading = reading
        self._on_reading(reading)

    # Helpers

    @callback
    def _set_available(self) -> None:
        """Mark the scale available and tell the owner."""
        self._available = True
        if self._outage_logged:
            self._outage_logged = False
            _LOGGER.info("Scale %s is available again", self._name)
        else:
            _LOGGER.debug("Connected to %s", self._name)
        self._on_availability(True)  # noqa: FBT003

    async def _async_on_hass_stop(self, _event: Event) -> None:
        """Disconnect when Home Assistant stops."""
        self._unsub_hass_stop = None  # a fired listen_once listener is already gone
        await self.async_stop()

    def _run_on_loop(self, func: Callable[..., None], *args: Any) -> None:
        """Call `func(*args)` now if on the event loop thread, else soon on the loop."""
        if threading.get_ident() == self._hass.loop_thread_id:
            func(*args)
        else:
            self._hass.loop.call_soon_threadsafe(func, *args)

    def _create_task(
        self, coro: Coroutine[Any, Any, None], name: str
    ) -> asyncio.Task[None]:
        """Create a background task scoped to the config entry, or to Home Assistant."""
        if self._entry is not None:
            return self._entry.async_create_background_task(self._hass, coro, name)
        return self._hass.async_create_background_task(coro, name)
