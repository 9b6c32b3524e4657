"""The fake BLE edge: a GATT client that records subscriptions and writes and can drop the link.

`FakeConnector` replaces bleak-retry-connector's `establish_connection`; everything else (the
bluetooth integration, habluetooth's manager, advertisements) is real.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from unittest.mock import MagicMock

from bleak.backends.device import BLEDevice
from bleak.exc import BleakError

from custom_components.mtor_balance.scales import (
    bookoo,
    decent,
    etekcity_esn00,
    etekcity_luminary,
)

WRITE_BOTH = ("read", "write", "write-without-response")
WRITE_WITH_RESPONSE_ONLY = ("read", "write")


@dataclass
class FakeCharacteristic:
    """Just the part of BleakGATTCharacteristic the manager reads."""

    uuid: str
    properties: list[str]


@dataclass
class FakeServices:
    """Just the part of BleakGATTServiceCollection the manager reads."""

    characteristics: dict[str, FakeCharacteristic]

    def get_characteristic(self, uuid: str) -> FakeCharacteristic | None:
        return self.characteristics.get(uuid)


@dataclass
class FakeClient:
    """A connected BleakClientWithServiceCache stand-in."""

    device: BLEDevice
    disconnected_callback: Callable[[Any], None] | None
    services: FakeServices
    fail_start_notify: bool = False
    drop_on_start_notify: bool = False
    notify_callbacks: dict[str, Callable[[Any, bytearray], None]] = field(
        default_factory=dict
    )
    writes: list[tuple[str, bytes, bool | None]] = field(default_factory=list)
    is_connected: bool = True
    disconnect_calls: int = 0

    async def start_notify(
        self, uuid: str, callback: Callable[[Any, bytearray], None]
    ) -> None:
        if self.fail_start_notify:
            raise BleakError("Characteristic not found")
        self.notify_callbacks[uuid] = callback
        if self.drop_on_start_notify:
            self.drop_link()

    async def write_gatt_char(
        self, uuid: str, data: bytes, response: bool | None = None
    ) -> None:
        if not self.is_connected:
            raise BleakError("Not connected")
        self.writes.append((uuid, bytes(data), response))

    async def disconnect(self) -> None:
        self.disconnect_calls += 1
        self.drop_link()

    def drop_link(self) -> None:
        """The link goes down (scale switched off, out of range); bleak calls back."""
        if self.is_connected:
            self.is_connected = False
            if self.disconnected_callback is not None:
                self.disconnected_callback(self)

    def notify(self, uuid: str, data: bytes) -> None:
        self.notify_callbacks[uuid](MagicMock(), bytearray(data))

    def written(self) -> list[bytes]:
        return [data for _, data, _ in self.writes]


_ALL_PROTOCOLS = (
    etekcity_esn00.PROTOCOL,
    etekcity_luminary.PROTOCOL,
    decent.PROTOCOL,
    bookoo.PROTOCOL,
)


class FakeConnector:
    """Replaces `establish_connection`: records calls, returns FakeClients or raises."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.clients: list[FakeClient] = []
        self.error: Exception | None = None
        self.write_properties: tuple[str, ...] = WRITE_BOTH
        self.fail_start_notify = False
        self.drop_during_setup = False

    async def __call__(
        self,
        client_class: type[Any],
        device: BLEDevice,
        name: str,
        disconnected_callback: Callable[[Any], None] | None = None,
        **kwargs: Any,
    ) -> FakeClient:
        self.calls.append(
            {"client_class": client_class, "device": device, "name": name, **kwargs}
        )
        if self.error is not None:
            raise self.error
        characteristics = {
            uuid: FakeCharacteristic(uuid, list(self.write_properties))
            for protocol in _ALL_PROTOCOLS
            if (uuid := protocol.write_uuid) is not None
        }
        client = FakeClient(
            device,
            disconnected_callback,
            FakeServices(characteristics),
            fail_start_notify=self.fail_start_notify,
            drop_on_start_notify=self.drop_during_setup,
        )
        self.clients.append(client)
        return client

    @property
    def client(self) -> FakeClient:
        return self.clients[-1]
