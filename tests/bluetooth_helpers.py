"""Feed Bluetooth advertisements to the real bluetooth integration in tests.

Use with phcc's `enable_bluetooth` fixture, which sets up the bluetooth integration on a mocked
local adapter. Two ways in:

- `FakeProxyScanner` is a connectable remote scanner (what an ESPHome Bluetooth proxy is)
  registered with habluetooth's manager. Advertisements it hears stay in its own device list, so
  the manager keeps a connectable path to the device even when its periodic unavailability
  check runs (as it does once `freezer` moves the clock). Prefer it for anything that connects.
- `inject_advertisement` hands a `BluetoothServiceInfoBleak` straight to the manager, as
  `async_get_advertisement_callback` does. Fine for one-shot discovery tests, but the manager
  drops such a device from its connectable history at its next unavailability check because no
  registered scanner reports it.

Either way the advertisement reaches `async_register_callback` and
`async_register_advertisement_callback` subscribers and `async_ble_device_from_address`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bleak.backends.client import BaseBleakClient
from bleak.backends.device import BLEDevice
from bleak.backends.scanner import AdvertisementData
from bluetooth_data_tools import monotonic_time_coarse
from habluetooth import BaseHaRemoteScanner, HaBluetoothConnector
from homeassistant.components.bluetooth import (
    SOURCE_LOCAL,
    BluetoothServiceInfoBleak,
    async_get_advertisement_callback,
    async_register_scanner,
)
from homeassistant.core import CALLBACK_TYPE, HomeAssistant

SCALE_ADDRESS = "AA:BB:CC:DD:EE:01"
"""A made-up scale address for tests."""

DEFAULT_NAME = "Test Scale"
"""A local name no integration's Bluetooth matcher claims, so no discovery flow starts."""

PROXY_SOURCE = "AA:BB:CC:00:00:99"
"""Source (scanner address) of `FakeProxyScanner`."""


class FakeProxyScanner(BaseHaRemoteScanner):
    """A connectable remote scanner whose advertisements the test supplies."""

    def advertise(
        self,
        address: str = SCALE_ADDRESS,
        name: str | None = DEFAULT_NAME,
        *,
        rssi: int = -60,
        service_uuids: Iterable[str] = (),
        manufacturer_data: Mapping[int, bytes] | None = None,
        service_data: Mapping[str, bytes] | None = None,
    ) -> None:
        """Report one advertisement, as a proxy does when it hears the device."""
        self._async_on_advertisement(
            address,
            rssi,
            name,
            list(service_uuids),
            dict(service_data or {}),
            dict(manufacturer_data or {}),
            None,
            {},
            monotonic_time_coarse(),
        )


def register_proxy_scanner(
    hass: HomeAssistant, source: str = PROXY_SOURCE
) -> tuple[FakeProxyScanner, CALLBACK_TYPE]:
    """Register a `FakeProxyScanner`; return it and the callback that removes it again.

    Call the returned callback before the test ends (the scanner has a watchdog timer).
    """
    # The client class is never instantiated: tests replace `establish_connection`.
    connector = HaBluetoothConnector(
        client=BaseBleakClient,  # type: ignore[type-abstract]
        source=source,
        can_connect=lambda: True,
    )
    scanner = FakeProxyScanner(source, source, connector, connectable=True)
    unsetup = scanner.async_setup()
    unregister = async_register_scanner(hass, scanner, connection_slots=3)

    def remove() -> None:
        unregister()
        unsetup()

    return scanner, remove


def make_ble_device(
    address: str = SCALE_ADDRESS, name: str | None = DEFAULT_NAME
) -> BLEDevice:
    """Return a BLEDevice as a local BlueZ adapter would report it."""
    return BLEDevice(address, name, details={"path": "/org/bluez/hci0/dev_test"})


def make_service_info(
    address: str = SCALE_ADDRESS,
    name: str = DEFAULT_NAME,
    *,
    rssi: int = -60,
    service_uuids: Iterable[str] = (),
    manufacturer_data: Mapping[int, bytes] | None = None,
    service_data: Mapping[str, bytes] | None = None,
    connectable: bool = True,
    source: str = SOURCE_LOCAL,
    device: BLEDevice | None = None,
) -> BluetoothServiceInfoBleak:
    """Return one advertisement as the bluetooth integration delivers it.

    Also usable directly as config-flow `data` with `SOURCE_BLUETOOTH`.
    """
    uuids = list(service_uuids)
    manufacturer = dict(manufacturer_data or {})
    services = dict(service_data or {})
    advertisement = AdvertisementData(
        local_name=name,
        manufacturer_data=manufacturer,
        service_data=services,
        service_uuids=uuids,
        tx_power=None,
        rssi=rssi,
        platform_data=(),
    )
    return BluetoothServiceInfoBleak(
        name=name,
        address=address,
        rssi=rssi,
        manufacturer_data=manufacturer,
        service_data=services,
        service_uuids=uuids,
        source=source,
        device=device or make_ble_device(address, name),
        advertisement=advertisement,
        connectable=connectable,
        time=monotonic_time_coarse(),
        tx_power=None,
    )


def inject_advertisement(
    hass: HomeAssistant, service_info: BluetoothServiceInfoBleak
) -> None:
    """Deliver `service_info` to the bluetooth manager as if a scanner had heard it.

    Call `await hass.async_block_till_done()` afterwards to let subscribers' tasks run.
    """
    async_get_advertisement_callback(hass)(service_info)
