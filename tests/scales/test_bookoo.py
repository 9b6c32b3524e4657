"""Bookoo Themis parser: the documented vectors and every kind of bad frame."""

from __future__ import annotations

from functools import reduce
from operator import xor

import pytest

from custom_components.mtor_balance.scales import bookoo
from custom_components.mtor_balance.scales.bookoo import parse
from custom_components.mtor_balance.scales.reading import Reading

from .vectors import BOOKOO_18_G, BOOKOO_1234_56_G, BOOKOO_MINUS_1_G

# Header, timer, unit, sign, grams x 100, flow sign, flow, battery, standby, buzzer, smoothing, 0, XOR
PLUS_18_G = BOOKOO_18_G
MINUS_1_G = BOOKOO_MINUS_1_G
PLUS_1234_56_G = BOOKOO_1234_56_G


def with_checksum(frame: bytes | bytearray) -> bytes:
    """Return `frame` with its last byte set to the XOR of the others."""
    data = bytearray(frame)
    data[-1] = reduce(xor, data[:-1], 0)
    return bytes(data)


def build_frame(hundredths: int, *, sign: int = 0x2B, battery: int = 100) -> bytes:
    """Return a weight frame with a correct checksum."""
    data = bytearray(PLUS_18_G)
    data[6] = sign
    data[7:10] = hundredths.to_bytes(3, "big")
    data[13] = battery
    return with_checksum(data)


def test_documented_vectors() -> None:
    assert len(PLUS_18_G) == len(MINUS_1_G) == len(PLUS_1234_56_G) == 20
    assert parse(PLUS_18_G) == Reading(grams=18.0, stable=None, battery=100)
    assert parse(MINUS_1_G) == Reading(grams=-1.0, stable=None, battery=100)
    assert parse(PLUS_1234_56_G) == Reading(grams=1234.56, stable=None, battery=100)


def test_builder_reproduces_documented_vectors() -> None:
    assert build_frame(1800) == PLUS_18_G
    assert build_frame(100, sign=0x2D) == MINUS_1_G
    assert build_frame(123456) == PLUS_1234_56_G


def test_weight_above_655_g_uses_all_three_bytes() -> None:
    reading = parse(build_frame(70000))
    assert reading is not None
    assert reading.grams == pytest.approx(700.0)
    reading = parse(build_frame(0xFFFFFF, sign=0x2D))
    assert reading is not None
    assert reading.grams == pytest.approx(-167772.15)


def test_battery() -> None:
    reading = parse(build_frame(1800, battery=37))
    assert reading is not None
    assert reading.battery == 37
    reading = parse(build_frame(1800, battery=0))
    assert reading is not None
    assert reading.battery == 0
    reading = parse(build_frame(1800, battery=101))
    assert reading is not None
    assert reading.battery is None
    assert reading.grams == 18.0


@pytest.mark.parametrize("sign", [0x00, 0x20, 0x2C, 0xFF])
def test_unknown_sign(sign: int) -> None:
    assert parse(build_frame(1800, sign=sign)) is None


def test_wrong_checksum() -> None:
    frame = bytearray(PLUS_18_G)
    frame[-1] ^= 0x80
    assert parse(bytes(frame)) is None
    frame = bytearray(PLUS_18_G)
    frame[9] ^= 0x01
    assert parse(bytes(frame)) is None


@pytest.mark.parametrize("cut", [0, 1, 2, 10, 19])
def test_truncated(cut: int) -> None:
    assert parse(PLUS_18_G[:cut]) is None


def test_extra_byte() -> None:
    assert parse(with_checksum(PLUS_18_G + b"\x00")) is None


def test_wrong_header_or_other_frame() -> None:
    frame = bytearray(PLUS_18_G)
    frame[1] = 0x0D  # auto-timer event, notified on FF12
    assert parse(with_checksum(frame)) is None
    frame = bytearray(PLUS_18_G)
    frame[0] = 0x02
    assert parse(with_checksum(frame)) is None


def test_commands_and_protocol() -> None:
    assert bytes.fromhex("030a01000008") == bookoo.TARE_COMMAND
    assert bytes.fromhex("030a0400000a") == bookoo.START_TIMER_COMMAND
    assert bytes.fromhex("030a0500000d") == bookoo.STOP_TIMER_COMMAND
    assert bytes.fromhex("030a0600000c") == bookoo.RESET_TIMER_COMMAND
    protocol = bookoo.PROTOCOL
    assert protocol.parse is parse
    assert protocol.service_uuid == "00000ffe-0000-1000-8000-00805f9b34fb"
    assert protocol.notify_uuid == "0000ff11-0000-1000-8000-00805f9b34fb"
    assert protocol.write_uuid == "0000ff12-0000-1000-8000-00805f9b34fb"
    assert protocol.tare_command == bookoo.TARE_COMMAND
    assert protocol.reports_battery is True
    assert protocol.keepalive_command is None
