"""What a scale protocol parser returns, and the description each protocol module exports.

Pure Python: no Home Assistant or Bluetooth imports, so the parsers can be tested with bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

OUNCE_G = 28.349523125
"""Grams in one avoirdupois ounce (exact by definition)."""

FLUID_OUNCE_ML = 29.5735295625
"""Millilitres in one US fluid ounce (exact by definition)."""

WATER_G_PER_ML = 1.00
"""Density a scale's "water" volume mode assumes."""

MILK_G_PER_ML = 1.03
"""Density a scale's "milk" volume mode assumes (about that of whole milk)."""


def bluetooth_uuid(short: int) -> str:
    """Return the full 128-bit UUID string of a 16-bit Bluetooth SIG UUID."""
    return f"0000{short:04x}-0000-1000-8000-00805f9b34fb"


@dataclass(frozen=True, slots=True)
class Reading:
    """One weight notification, converted to grams.

    `grams` is negative when the scale shows a negative weight (the tared container was
    lifted). `stable` is the scale's own "settled" flag, or None when the protocol has none.
    `battery` is the charge in percent where the protocol reports it in the same frame.
    """

    grams: float
    stable: bool | None
    battery: int | None = None


@dataclass(frozen=True, slots=True)
class ScaleProtocol:
    """Everything a connection manager needs to drive one scale protocol from data alone.

    The flow is: connect, subscribe to `notify_uuid`, write each of `init_commands` to
    `write_uuid`, then write `keepalive_command` every `keepalive_interval_s` seconds while
    connected, feeding every notification to `parse`. Write every command `command_repeats`
    times (some firmware drops commands; the Decent Scale wants each one twice).

    `reports_battery` says whether the battery level ever arrives: in `Reading.battery`, or,
    where the protocol sends it in a frame of its own, from `parse_battery` (fed every
    notification `parse` returned None for).

    `local_names` are case-insensitive prefixes of the advertised local name (an exact name is
    its own prefix); `service_uuid` tells protocols with the same name apart. `key` is a stable
    identifier to store in a config entry.
    """

    key: str
    name: str
    manufacturer: str
    model: str
    service_uuid: str
    notify_uuid: str
    write_uuid: str | None
    parse: Callable[[bytes], Reading | None]
    init_commands: tuple[bytes, ...]
    keepalive_command: bytes | None
    keepalive_interval_s: float | None
    tare_command: bytes | None
    reports_battery: bool
    local_names: tuple[str, ...]
    command_repeats: int = 1
    parse_battery: Callable[[bytes], int | None] | None = None
