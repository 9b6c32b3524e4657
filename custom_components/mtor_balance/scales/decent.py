"""Decent Scale (vendor API; also Half Decent and Espressi clones).

Notifications on FFF4 are 7 bytes (firmware API < 1.3) or 10 bytes (>= 1.3, with a timestamp):
``03 | type | ...`` ending with the XOR of all the preceding bytes. Type ``CE`` is a stable
weight and ``CA`` an unstable one, both an int16 big-endian at ``[2..3]`` in tenths of a gram.
Type ``0A`` answers the LED command and carries the battery percentage at ``[4]``. Weight is
always reported in grams; the oz setting only changes the display.

The scale wants a keep-alive every 2 s, and firmware 1.0 drops commands, so every command is
sent twice.
"""

from __future__ import annotations

from functools import reduce
from operator import xor

from .reading import Reading, ScaleProtocol, bluetooth_uuid

FRAME_LENS = frozenset({7, 10})
_HEADER = 0x03
TYPE_WEIGHT_STABLE = 0xCE
TYPE_WEIGHT_UNSTABLE = 0xCA
TYPE_LED_RESPONSE = 0x0A

TARE_COMMAND = bytes.fromhex("030f000000000c")
LED_ON_COMMAND = bytes.fromhex("030a0101000009")
KEEPALIVE_COMMAND = bytes.fromhex("030a03ffff000a")
KEEPALIVE_INTERVAL_S = 2.0


def _frame_type(data: bytes) -> int | None:
    """Return the type of a well-formed frame (length, header, XOR), else None."""
    if len(data) not in FRAME_LENS or data[0] != _HEADER:
        return None
    if reduce(xor, data[:-1]) != data[-1]:
        return None
    return data[1]


def parse(data: bytes) -> Reading | None:
    """Return the reading in a weight frame, or None for anything else; never raises."""
    frame_type = _frame_type(data)
    if frame_type not in {TYPE_WEIGHT_STABLE, TYPE_WEIGHT_UNSTABLE}:
        return None
    tenths = int.from_bytes(data[2:4], signed=True)
    return Reading(grams=tenths / 10, stable=frame_type == TYPE_WEIGHT_STABLE)


def parse_battery(data: bytes) -> int | None:
    """Return the battery percentage in an LED response frame, or None; never raises."""
    if _frame_type(data) != TYPE_LED_RESPONSE:
        return None
    battery = data[4]
    return battery if battery <= 100 else None


PROTOCOL = ScaleProtocol(
    key="decent_scale",
    name="Decent Scale",
    manufacturer="Decent Espresso",
    model="Decent Scale",
    service_uuid=bluetooth_uuid(0xFFF0),
    notify_uuid=bluetooth_uuid(0xFFF4),
    write_uuid=bluetooth_uuid(0x36F5),
    parse=parse,
    init_commands=(LED_ON_COMMAND,),
    keepalive_command=KEEPALIVE_COMMAND,
    keepalive_interval_s=KEEPALIVE_INTERVAL_S,
    tare_command=TARE_COMMAND,
    reports_battery=True,
    local_names=("Decent", "espressiscale"),
    command_repeats=2,
    parse_battery=parse_battery,
)
