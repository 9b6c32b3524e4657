"""Every parser returns None or a sane Reading for any bytes, and never raises."""

from __future__ import annotations

from collections.abc import Callable
from functools import reduce
import math
from operator import xor

from hypothesis import given, settings, strategies as st

from custom_components.mtor_balance.scales.reading import Reading, ScaleProtocol
from custom_components.mtor_balance.scales.registry import PROTOCOLS

type Fixer = Callable[[bytearray], None]


def _fix_esn00(frame: bytearray) -> None:
    if len(frame) >= 7:
        frame[-1] = sum(frame[4:-1]) & 0xFF


def _fix_luminary(frame: bytearray) -> None:
    if len(frame) >= 6:
        frame[5] = 0
        frame[5] = (0xFF - sum(frame)) & 0xFF


def _fix_xor(frame: bytearray) -> None:
    if frame:
        frame[-1] = reduce(xor, frame[:-1], 0)


def _frames(header: bytes, sizes: list[int]) -> st.SearchStrategy[bytearray]:
    """Frames of the given total sizes that start with `header` and go on with random bytes."""
    return st.sampled_from(sizes).flatmap(
        lambda size: st.binary(
            min_size=size - len(header), max_size=size - len(header)
        ).map(lambda rest: bytearray(header + rest))
    )


# Protocol key -> (plausible frames, checksum fixer).
TEMPLATES: dict[str, tuple[st.SearchStrategy[bytearray], Fixer]] = {
    "etekcity_esn00": (_frames(b"\xfe\xef\xc0\xa2\xd0\x05", [12]), _fix_esn00),
    "etekcity_luminary": (
        st.one_of(
            _frames(b"\xa5\x22\x81\x0b\x00", [17]),
            _frames(b"\xa5\x22\x81\x0a\x00", [16]),
        ),
        _fix_luminary,
    ),
    "bookoo_themis": (_frames(b"\x03\x0b", [20]), _fix_xor),
    "decent_scale": (
        st.one_of(
            _frames(b"\x03\xce", [7, 10]),
            _frames(b"\x03\xca", [7, 10]),
            _frames(b"\x03\x0a", [7, 10]),
            _frames(b"\x03", [7, 10]),
        ),
        _fix_xor,
    ),
}

protocols = st.sampled_from(PROTOCOLS)


def _check(protocol: ScaleProtocol, data: bytes) -> None:
    reading = protocol.parse(data)
    if reading is not None:
        assert isinstance(reading, Reading)
        assert math.isfinite(reading.grams)
        assert abs(reading.grams) < 200_000
        assert reading.stable in {None, True, False}
        assert reading.battery is None or 0 <= reading.battery <= 100
        if not protocol.reports_battery:
            assert reading.battery is None
    if protocol.parse_battery is not None:
        battery = protocol.parse_battery(data)
        assert battery is None or 0 <= battery <= 100


def test_every_protocol_has_a_template() -> None:
    assert {protocol.key for protocol in PROTOCOLS} == set(TEMPLATES)


@settings(max_examples=500)
@given(protocol=protocols, data=st.binary(max_size=64))
def test_random_bytes(protocol: ScaleProtocol, data: bytes) -> None:
    _check(protocol, data)


mutations = st.lists(
    st.one_of(
        st.tuples(st.just("set"), st.integers(0, 63), st.integers(0, 255)),
        st.tuples(st.just("cut"), st.integers(0, 63), st.just(0)),
        st.tuples(st.just("add"), st.integers(0, 63), st.integers(0, 255)),
    ),
    max_size=4,
)


def _mutate(frame: bytearray, ops: list[tuple[str, int, int]]) -> None:
    for op, position, value in ops:
        if op == "set" and frame:
            frame[position % len(frame)] = value
        elif op == "cut":
            del frame[position % (len(frame) + 1) :]
        elif op == "add":
            frame.insert(position % (len(frame) + 1), value)


@settings(max_examples=1000)
@given(protocol=protocols, data=st.data(), ops=mutations, fix=st.booleans())
def test_mutated_frames(
    protocol: ScaleProtocol,
    data: st.DataObject,
    ops: list[tuple[str, int, int]],
    fix: bool,
) -> None:
    template, fixer = TEMPLATES[protocol.key]
    frame = data.draw(template)
    fixer(frame)
    _mutate(frame, ops)
    if fix:
        fixer(frame)
    _check(protocol, bytes(frame))


@settings(max_examples=300)
@given(protocol=protocols, data=st.data())
def test_well_formed_random_frames(
    protocol: ScaleProtocol, data: st.DataObject
) -> None:
    template, fixer = TEMPLATES[protocol.key]
    frame = data.draw(template)
    fixer(frame)
    _check(protocol, bytes(frame))


@given(protocol=protocols, data=st.data())
def test_other_protocols_frames(protocol: ScaleProtocol, data: st.DataObject) -> None:
    for key, (template, fixer) in TEMPLATES.items():
        frame = data.draw(template, label=key)
        fixer(frame)
        _check(protocol, bytes(frame))
