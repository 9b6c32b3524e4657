"""Bookoo Themis / Mini coffee scales (vendor protocol).

Weight frames are 20 bytes on characteristic FF11: header ``03 0B``, a timer, a unit byte (the
vendor supports grams only), the sign as ASCII ``+`` or ``-`` at ``[6]``, grams x 100 as a
uint24 big-endian at ``[7..9]``, flow, the battery percentage at ``[13]``, settings, and the XOR
of bytes 0..18 at ``[19]``. There is no stable flag.

Home Assistant core has a `bookoo` integration; a scale takes one central at a time, so use this
protocol only where that integration is not connected to the scale.
"""

from __future__ import annotations

from functools import reduce
from operator import xor

from .reading import Reading, ScaleProtocol, bluetooth_uuid

HEADER = b"\x03\x0b"
FRAME_LEN = 20
_SIGN_POSITIVE = 0x2B  # '+'
_SIGN_NEGATIVE = 0x2D  # '-'

# Six-byte commands written to FF12. The trailing byte of the timer commands is not the XOR of
# the others; every client sends the documented bytes literally, and so do we.
TARE_COMMAND = bytes.fromhex("030a01000008")
START_TIMER_COMMAND = bytes.fromhex("030a0400000a")
STOP_TIMER_COMMAND = bytes.fromhex("030a0500000d")
RESET_TIMER_COMMAND = bytes.fromhex("030a0600000c")


def parse(data: bytes) -> Reading | None:
    """Return the reading in a weight frame, or None for anything else; never raises."""
    if len(data) != FRAME_LEN or data[:2] != HEADER:
        return None
    if reduce(xor, data[:-1]) != data[-1]:
        return None
    sign = data[6]
    if sign not in {_SIGN_POSITIVE, _SIGN_NEGATIVE}:
        return None
    grams = ((data[7] << 16) | (data[8] << 8) | data[9]) / 100
    battery = data[13]
    return Reading(
        grams=-grams if sign == _SIGN_NEGATIVE else grams,
        stable=None,
        battery=battery if battery <= 100 else None,
    )


PROTOCOL = ScaleProtocol(
    key="bookoo_themis",
    name="Bookoo Themis",
    manufacturer="Bookoo",
    model="Themis",
    service_uuid=bluetooth_uuid(0x0FFE),
    notify_uuid=bluetooth_uuid(0xFF11),
    write_uuid=bluetooth_uuid(0xFF12),
    parse=parse,
    init_commands=(),
    keepalive_command=None,
    keepalive_interval_s=None,
    tare_command=TARE_COMMAND,
    reports_battery=True,
    local_names=("BOOKOO",),
)
