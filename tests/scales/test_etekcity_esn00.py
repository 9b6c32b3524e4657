"""Etekcity ESN00 parser: recorded and synthetic frames, and every kind of bad frame."""

from __future__ import annotations

import pytest

from custom_components.mtor_balance.scales import etekcity_esn00
from custom_components.mtor_balance.scales.etekcity_esn00 import parse
from custom_components.mtor_balance.scales.reading import Reading

from .vectors import ESN00_1079_ML_UNSETTLED, ESN00_MINUS_523_G_SETTLED

OZ = 28.349523125
FL_OZ = 29.5735295625


def build_frame(
    magnitude: int,
    unit: int = 0,
    *,
    negative: bool = False,
    stable: int = 1,
    sign: int | None = None,
    packet_type: int = 0xD0,
) -> bytes:
    """Return a frame with a correct checksum."""
    payload = bytes(
        [
            sign if sign is not None else int(negative),
            magnitude >> 8,
            magnitude & 0xFF,
            unit,
            stable,
        ]
    )
    body = bytes([packet_type, len(payload)]) + payload
    return b"\xfe\xef\xc0\xa2" + body + bytes([sum(body) & 0xFF])


def test_recorded_negative_grams_settled() -> None:
    assert parse(ESN00_MINUS_523_G_SETTLED) == Reading(grams=-523.0, stable=True)


def test_recorded_water_millilitres_not_settled() -> None:
    reading = parse(ESN00_1079_ML_UNSETTLED)
    assert reading is not None
    assert reading.grams == pytest.approx(1079.0)
    assert reading.stable is False
    assert reading.battery is None


def test_builder_reproduces_recorded_frames() -> None:
    assert build_frame(5230, 0, negative=True) == ESN00_MINUS_523_G_SETTLED
    assert build_frame(10790, 2, stable=0) == ESN00_1079_ML_UNSETTLED


@pytest.mark.parametrize(
    ("unit", "magnitude", "grams"),
    [
        (0, 1523, 152.3),
        (1, 1234, 12.34 * OZ),  # lb:oz mode reports total ounces
        (2, 1000, 100.0),
        (3, 1000, 10.0 * FL_OZ),
        (4, 1000, 103.0),
        (5, 1000, 10.0 * FL_OZ * 1.03),
        (6, 1234, 12.34 * OZ),
    ],
)
def test_units_convert_to_grams(unit: int, magnitude: int, grams: float) -> None:
    reading = parse(build_frame(magnitude, unit))
    assert reading is not None
    assert reading.grams == pytest.approx(grams)
    negative = parse(build_frame(magnitude, unit, negative=True))
    assert negative is not None
    assert negative.grams == pytest.approx(-grams)


def test_one_ounce_is_exact() -> None:
    reading = parse(build_frame(100, 6))
    assert reading is not None
    assert reading.grams == pytest.approx(28.349523125, abs=1e-12)


def test_zero_and_full_scale() -> None:
    assert parse(build_frame(0)) == Reading(grams=0.0, stable=True)
    reading = parse(build_frame(0xFFFF))
    assert reading is not None
    assert reading.grams == pytest.approx(6553.5)


def test_wrong_checksum() -> None:
    frame = bytearray(build_frame(1523))
    frame[-1] ^= 0x01
    assert parse(bytes(frame)) is None


@pytest.mark.parametrize("cut", [0, 1, 4, 6, 11])
def test_truncated(cut: int) -> None:
    assert parse(build_frame(1523)[:cut]) is None


def test_extra_byte() -> None:
    assert parse(build_frame(1523) + b"\x00") is None


def test_wrong_header() -> None:
    frame = bytearray(build_frame(1523))
    frame[0] = 0xFF
    assert parse(bytes(frame)) is None


@pytest.mark.parametrize("packet_type", [0xD1, 0xD3, 0xE0, 0xE4, 0xC0])
def test_non_measurement_types(packet_type: int) -> None:
    assert parse(build_frame(1523, packet_type=packet_type)) is None


def test_wrong_length_byte() -> None:
    body = bytes([0xD0, 0x04, 0x00, 0x05, 0xF3, 0x00, 0x01])
    frame = b"\xfe\xef\xc0\xa2" + body + bytes([sum(body) & 0xFF])
    assert parse(frame) is None


@pytest.mark.parametrize("unit", [7, 0x80, 0xFF])
def test_unknown_unit(unit: int) -> None:
    assert parse(build_frame(1523, unit)) is None


def test_unknown_sign_and_stable_values() -> None:
    assert parse(build_frame(1523, sign=2)) is None
    assert parse(build_frame(1523, stable=2)) is None


def test_commands_and_protocol() -> None:
    assert bytes.fromhex("feefc0a2c10100c2") == etekcity_esn00.TARE_COMMAND
    assert bytes.fromhex("feefc0a2c00100c1") == etekcity_esn00.SET_UNIT_GRAMS_COMMAND
    for command in (etekcity_esn00.TARE_COMMAND, etekcity_esn00.SET_UNIT_GRAMS_COMMAND):
        assert sum(command[4:-1]) & 0xFF == command[-1]
    protocol = etekcity_esn00.PROTOCOL
    assert protocol.parse is parse
    assert protocol.service_uuid == "00001910-0000-1000-8000-00805f9b34fb"
    assert protocol.notify_uuid == "00002c12-0000-1000-8000-00805f9b34fb"
    assert protocol.write_uuid == "00002c11-0000-1000-8000-00805f9b34fb"
    assert protocol.tare_command == etekcity_esn00.TARE_COMMAND
    assert protocol.reports_battery is False
    assert protocol.local_names == ("Etekcity Nutrition Scale",)


def test_grams_are_exact_decimals() -> None:
    for magnitude in range(0, 0x10000, 7):
        for unit in (0, 2):  # g, ml of water
            reading = parse(build_frame(magnitude, unit))
            assert reading is not None
            assert reading.grams == magnitude / 10
