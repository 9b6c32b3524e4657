"""Picking a protocol from an advertisement."""

from __future__ import annotations

import pytest

from custom_components.mtor_balance.scales import (
    bookoo,
    decent,
    etekcity_esn00,
    etekcity_luminary,
)
from custom_components.mtor_balance.scales.registry import (
    PROTOCOLS,
    get_protocol,
    match_protocol,
    normalize_uuid,
)

ETEKCITY = "Etekcity Nutrition Scale"
FULL_1910 = "00001910-0000-1000-8000-00805f9b34fb"
FULL_FFF0 = "0000fff0-0000-1000-8000-00805f9b34fb"


@pytest.mark.parametrize(
    "uuid",
    ["1910", "0x1910", "0X1910", " 1910 ", "00001910", FULL_1910, FULL_1910.upper()],
)
def test_normalize_uuid(uuid: str) -> None:
    assert normalize_uuid(uuid) == FULL_1910


def test_normalize_uuid_keeps_other_forms() -> None:
    custom = "49535343-FE7D-4AE5-8FA9-9FAFD205E455"
    assert normalize_uuid(custom) == custom.lower()
    assert normalize_uuid("xyz1") == "xyz1"
    assert normalize_uuid("123") == "123"


@pytest.mark.parametrize(
    ("uuids", "expected"),
    [
        ([FULL_1910], etekcity_esn00.PROTOCOL),
        (["1910"], etekcity_esn00.PROTOCOL),
        ([FULL_FFF0], etekcity_luminary.PROTOCOL),
        (["FFF0", "180A"], etekcity_luminary.PROTOCOL),
        ([], None),  # same name, no service: cannot tell
        (["180a"], None),
        ([FULL_1910, FULL_FFF0], None),  # both: ambiguous
    ],
)
def test_etekcity_models_differ_by_service(uuids: list[str], expected: object) -> None:
    assert match_protocol(ETEKCITY, uuids) is expected
    assert match_protocol(ETEKCITY.upper(), uuids) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Decent Scale", decent.PROTOCOL),
        ("decent scale", decent.PROTOCOL),
        ("espressiscale-12", decent.PROTOCOL),
        ("BOOKOO_SC 123", bookoo.PROTOCOL),
        ("bookoo_sc", bookoo.PROTOCOL),
        ("Etekcity Nutrition Scale 2", None),
        ("ACAIA123", None),
        ("Scale Decent", None),
        ("", None),
        (None, None),
    ],
)
def test_match_by_name(name: str | None, expected: object) -> None:
    assert match_protocol(name, []) is expected


def test_single_name_match_needs_no_service() -> None:
    assert match_protocol("Decent Scale", ("fff0",)) is decent.PROTOCOL
    assert match_protocol("Decent Scale", ("1910",)) is decent.PROTOCOL


def test_service_alone_is_not_enough() -> None:
    assert match_protocol(None, [FULL_FFF0]) is None
    assert match_protocol("Unknown", ["0ffe"]) is None


def test_iterable_of_service_uuids() -> None:
    assert match_protocol(ETEKCITY, iter(["1910"])) is etekcity_esn00.PROTOCOL


def test_protocols_are_unique_and_found_by_key() -> None:
    keys = [protocol.key for protocol in PROTOCOLS]
    names = [protocol.name for protocol in PROTOCOLS]
    assert len(set(keys)) == len(keys) == 4
    assert len(set(names)) == len(names)
    for protocol in PROTOCOLS:
        assert get_protocol(protocol.key) is protocol
        assert protocol.service_uuid == normalize_uuid(protocol.service_uuid)
        assert protocol.local_names
        assert (protocol.keepalive_command is None) == (
            protocol.keepalive_interval_s is None
        )
    assert get_protocol("acaia") is None
