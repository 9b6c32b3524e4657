"""Decent Scale parser: the documented vectors, both frame lengths and every kind of bad frame."""

from __future__ import annotations

from functools import reduce
from operator import xor

import pytest

from custom_components.mtor_balance.scales import decent
from custom_components.mtor_balance.scales.decent import parse, parse_battery
from custom_components.mtor_balance.scales.reading import Reading

from .vectors import DECENT_18_G_STABLE, DECENT_MINUS_1_5_G_UNSTABLE

STABLE_18_G = DECENT_18_G_STABLE
UNSTABLE_MINUS_1_5_G = DECENT_MINUS_1_5_G_UNSTABLE


def with_checksum(frame: bytes | bytearray) -> bytes:
    """Return `frame` with its last byte set to the XOR of the others."""
    data = bytearray(frame)
    data[-1] = reduce(xor, data[:-1], 0)
    return bytes(data)


def build_frame(
    frame_type: int, tenths: int = 0, *, long: bool = False, tail: bytes = b""
) -> bytes:
    """Return a 7-byte (or 10-byte) frame with a correct XOR."""
    body = bytes([0x03, frame_type]) + tenths.to_bytes(2, "big", signed=True)
    body += tail or (b"\x01\x02\x03\x00\x00" if long else b"\x00\x00")
    return with_checksum(body + b"\x00")


def test_documented_vectors() -> None:
    assert parse(STABLE_18_G) == Reading(grams=18.0, stable=True)
    assert parse(UNSTABLE_MINUS_1_5_G) == Reading(grams=-1.5, stable=False)


def test_builder_reproduces_documented_vectors() -> None:
    assert build_frame(0xCE, 180) == STABLE_18_G
    assert build_frame(0xCA, -15) == UNSTABLE_MINUS_1_5_G


def test_ten_byte_frames() -> None:
    assert parse(build_frame(0xCE, 1523, long=True)) == Reading(
        grams=152.3, stable=True
    )
    assert parse(build_frame(0xCA, -3500, long=True)) == Reading(
        grams=-350.0, stable=False
    )


def test_int16_range() -> None:
    assert parse(build_frame(0xCE, 32767)) == Reading(grams=3276.7, stable=True)
    assert parse(build_frame(0xCE, -32768)) == Reading(grams=-3276.8, stable=True)


def test_wrong_checksum() -> None:
    frame = bytearray(STABLE_18_G)
    frame[-1] ^= 0x01
    assert parse(bytes(frame)) is None
    frame = bytearray(build_frame(0xCE, 1523, long=True))
    frame[3] ^= 0x01
    assert parse(bytes(frame)) is None


@pytest.mark.parametrize("size", [0, 1, 6, 8, 9, 11, 20])
def test_wrong_lengths(size: int) -> None:
    frame = (STABLE_18_G * 3)[:size]
    assert parse(with_checksum(frame) if size else frame) is None


def test_wrong_header() -> None:
    frame = bytearray(STABLE_18_G)
    frame[0] = 0x04
    assert parse(with_checksum(frame)) is None


@pytest.mark.parametrize("frame_type", [0xAA, 0x0A, 0x0F, 0x00, 0xCB])
def test_non_weight_types(frame_type: int) -> None:
    assert parse(build_frame(frame_type, 180)) is None


def test_battery_from_led_response() -> None:
    led = build_frame(0x0A, tail=b"\x00\x00")
    assert (
        parse_battery(with_checksum(bytes([0x03, 0x0A, 0x01, 0x00, 0x57, 0x00, 0x00])))
        == 0x57
    )
    assert parse_battery(led) == 0
    assert (
        parse_battery(with_checksum(bytes([0x03, 0x0A, 0x01, 0x01, 0x64, 0x00, 0x00])))
        == 100
    )
    assert (
        parse_battery(with_checksum(bytes([0x03, 0x0A, 0x01, 0x00, 0x65, 0x00, 0x00])))
        is None
    )
    bad = bytearray(with_checksum(bytes([0x03, 0x0A, 0x01, 0x00, 0x57, 0x00, 0x00])))
    bad[-1] ^= 0x10
    assert parse_battery(bytes(bad)) is None
    assert parse_battery(STABLE_18_G) is None
    assert parse_battery(b"") is None


def test_commands_and_protocol() -> None:
    for command in (
        decent.TARE_COMMAND,
        decent.LED_ON_COMMAND,
        decent.KEEPALIVE_COMMAND,
    ):
        assert len(command) == 7
        assert reduce(xor, command[:-1]) == command[-1]
    assert bytes.fromhex("030F000000000C") == decent.TARE_COMMAND
    assert bytes.fromhex("030A03FFFF000A") == decent.KEEPALIVE_COMMAND
    protocol = decent.PROTOCOL
    assert protocol.parse is parse
    assert protocol.parse_battery is parse_battery
    assert protocol.service_uuid == "0000fff0-0000-1000-8000-00805f9b34fb"
    assert protocol.notify_uuid == "0000fff4-0000-1000-8000-00805f9b34fb"
    assert protocol.write_uuid == "000036f5-0000-1000-8000-00805f9b34fb"
    assert protocol.init_commands == (decent.LED_ON_COMMAND,)
    assert protocol.keepalive_command == decent.KEEPALIVE_COMMAND
    assert protocol.keepalive_interval_s == 2.0
    assert protocol.command_repeats == 2
