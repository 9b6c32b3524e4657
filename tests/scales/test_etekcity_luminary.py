"""Etekcity Luminary parser: recorded and synthetic frames, and every kind of bad frame."""

from __future__ import annotations

import pytest

from custom_components.mtor_balance.scales import etekcity_luminary
from custom_components.mtor_balance.scales.etekcity_luminary import parse
from custom_components.mtor_balance.scales.reading import Reading

from .vectors import LUMINARY_18_G, LUMINARY_98_G

OZ = 28.349523125
FL_OZ = 29.5735295625
RECORDED_98_G = LUMINARY_98_G
RECORDED_18_G = LUMINARY_18_G


def with_checksum(frame: bytes | bytearray) -> bytes:
    """Return `frame` with byte 5 set so that all bytes sum to 0xFF."""
    data = bytearray(frame)
    data[5] = 0
    data[5] = (0xFF - sum(data)) & 0xFF
    return bytes(data)


def build_frame(
    magnitude: int,
    unit: int = 2,
    medium: int = 0,
    *,
    sign: int = 0,
    stable: int = 1,
    short: bool = False,
) -> bytes:
    """Return a 17-byte (or 16-byte) weight frame with a correct length field and checksum."""
    size = 16 if short else 17
    data = bytearray(size)
    data[0:5] = bytes([0xA5, 0x22, 0x81, size - 6, 0x00])
    data[6:9] = b"\x01\x87\xa1"
    data[10] = sign
    data[11] = magnitude & 0xFF
    data[12] = magnitude >> 8
    if short:
        data[13] = unit
        data[15] = stable
    else:
        data[14] = unit
        data[15] = medium
        data[16] = stable
    return with_checksum(data)


def test_recorded_frames() -> None:
    assert parse(RECORDED_98_G) == Reading(grams=98.0, stable=True)
    assert parse(RECORDED_18_G) == Reading(grams=18.0, stable=True)


def test_recorded_frames_satisfy_the_inferred_checksum() -> None:
    for frame in (RECORDED_98_G, RECORDED_18_G):
        assert sum(frame) & 0xFF == 0xFF
        assert with_checksum(frame) == frame


@pytest.mark.parametrize(
    ("unit", "medium", "magnitude", "grams"),
    [
        (0, 0, 1234, 12.34 * OZ),
        (1, 0, 1234, 12.34 * OZ),
        (2, 0, 1523, 152.3),
        (2, 2, 1523, 152.3),  # the medium does not matter for grams
        (2, 9, 1523, 152.3),
        (3, 0, 1000, 100.0),
        (3, 1, 1000, 100.0),
        (3, 2, 1000, 103.0),
        (4, 1, 1000, 10.0 * FL_OZ),
        (4, 2, 1000, 10.0 * FL_OZ * 1.03),
    ],
)
def test_units_and_media_convert_to_grams(
    unit: int, medium: int, magnitude: int, grams: float
) -> None:
    reading = parse(build_frame(magnitude, unit, medium))
    assert reading is not None
    assert reading.grams == pytest.approx(grams)
    negative = parse(build_frame(magnitude, unit, medium, sign=1))
    assert negative is not None
    assert negative.grams == pytest.approx(-grams)


def test_not_settled() -> None:
    assert parse(build_frame(1523, stable=0)) == Reading(grams=152.3, stable=False)


def test_short_variant() -> None:
    assert parse(build_frame(1523, short=True)) == Reading(grams=152.3, stable=True)
    assert parse(build_frame(1523, short=True, stable=0)) == Reading(
        grams=152.3, stable=False
    )
    # Volumes count as water: the variant's medium byte is undocumented.
    reading = parse(build_frame(1000, 3, short=True))
    assert reading is not None
    assert reading.grams == pytest.approx(100.0)


def test_wrong_checksum() -> None:
    frame = bytearray(RECORDED_98_G)
    frame[5] ^= 0x01
    assert parse(bytes(frame)) is None
    frame = bytearray(RECORDED_98_G)
    frame[11] += 1  # weight changed, checksum not
    assert parse(bytes(frame)) is None


def test_wrong_length_field() -> None:
    frame = bytearray(RECORDED_98_G)
    frame[3] = 0x0A
    assert parse(with_checksum(frame)) is None
    frame = bytearray(RECORDED_98_G)
    frame[4] = 0x01
    assert parse(with_checksum(frame)) is None


@pytest.mark.parametrize("cut", [0, 1, 2, 6, 15])
def test_truncated(cut: int) -> None:
    assert parse(RECORDED_98_G[:cut]) is None


def test_extra_byte() -> None:
    frame = bytearray(RECORDED_98_G + b"\x00")
    frame[3] = len(frame) - 6
    assert parse(with_checksum(frame)) is None


def test_wrong_header() -> None:
    frame = bytearray(RECORDED_98_G)
    frame[0] = 0xA4
    assert parse(with_checksum(frame)) is None
    frame = bytearray(RECORDED_98_G)
    frame[1] = 0x02
    assert parse(with_checksum(frame)) is None


def test_event_frame() -> None:
    frame = bytearray(11)
    frame[0:5] = bytes([0xA5, 0x02, 0x10, 0x05, 0x00])
    assert parse(with_checksum(frame)) is None


@pytest.mark.parametrize("unit", [5, 0x80, 0xFF])
def test_unknown_unit(unit: int) -> None:
    assert parse(build_frame(1523, unit)) is None


@pytest.mark.parametrize("unit", [3, 4])
def test_unknown_medium_for_a_volume(unit: int) -> None:
    assert parse(build_frame(1000, unit, 3)) is None


def test_protocol() -> None:
    protocol = etekcity_luminary.PROTOCOL
    assert protocol.parse is parse
    assert protocol.service_uuid == "0000fff0-0000-1000-8000-00805f9b34fb"
    assert protocol.notify_uuid == "0000fff1-0000-1000-8000-00805f9b34fb"
    assert protocol.write_uuid == "0000fff2-0000-1000-8000-00805f9b34fb"
    assert protocol.tare_command is None
    assert protocol.reports_battery is False
    assert protocol.local_names == ("Etekcity Nutrition Scale",)


def test_grams_are_exact_decimals() -> None:
    for magnitude in range(0, 0x10000, 7):
        for unit in (2, 3):  # g, ml of water
            reading = parse(build_frame(magnitude, unit, 1))
            assert reading is not None
            assert reading.grams == magnitude / 10
