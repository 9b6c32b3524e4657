"""Every supported scale protocol, and picking one from a Bluetooth advertisement."""

from __future__ import annotations

from collections.abc import Iterable

from . import bookoo, decent, etekcity_esn00, etekcity_luminary
from .reading import ScaleProtocol, bluetooth_uuid

PROTOCOLS: tuple[ScaleProtocol, ...] = (
    etekcity_esn00.PROTOCOL,
    etekcity_luminary.PROTOCOL,
    decent.PROTOCOL,
    bookoo.PROTOCOL,
)

_BY_KEY: dict[str, ScaleProtocol] = {protocol.key: protocol for protocol in PROTOCOLS}
_HEX_DIGITS = frozenset("0123456789abcdef")
_BASE_UUID_SUFFIX = bluetooth_uuid(0)[8:]


def normalize_uuid(uuid: str) -> str:
    """Return `uuid` lower-cased, with 16- and 32-bit forms expanded to the full 128-bit form.

    "1910", "0x1910", "0000FFF0" and "0000fff0-0000-1000-8000-00805f9b34fb" are all accepted.
    """
    text = uuid.strip().lower().removeprefix("0x")
    if len(text) in {4, 8} and set(text) <= _HEX_DIGITS:
        return text.rjust(8, "0") + _BASE_UUID_SUFFIX
    return text


def get_protocol(key: str) -> ScaleProtocol | None:
    """Return the protocol with this `ScaleProtocol.key`, or None."""
    return _BY_KEY.get(key)


def match_protocol(
    name: str | None, service_uuids: Iterable[str]
) -> ScaleProtocol | None:
    """Return the protocol an advertisement belongs to, or None.

    The local name must start with one of a protocol's `local_names` (case-insensitive): many
    unrelated devices advertise the generic service UUIDs (0xFFF0 above all), so a UUID alone
    is never enough. When several protocols share the name (the ESN00 and the Luminary are both
    "Etekcity Nutrition Scale"), the advertised service UUID decides; if it cannot, the result
    is None.
    """
    if not name:
        return None
    folded = name.casefold()
    candidates = [
        protocol
        for protocol in PROTOCOLS
        if any(folded.startswith(prefix.casefold()) for prefix in protocol.local_names)
    ]
    if len(candidates) == 1:
        return candidates[0]
    advertised = {normalize_uuid(uuid) for uuid in service_uuids}
    by_service = [
        protocol for protocol in candidates if protocol.service_uuid in advertised
    ]
    return by_service[0] if len(by_service) == 1 else None
