"""Etekcity Luminary EKS-L221 (newer VeSync kitchen scale, also "Etekcity Nutrition Scale").

Weight frames start ``A5 22`` and are 17 bytes long (a 16-byte variant also exists):

- ``[3..4]`` uint16 little-endian payload length, ``len(frame) - 6`` (0x0B for 17 bytes),
- ``[5]`` checksum: all bytes of the frame, checksum included, sum to 0xFF modulo 256,
- ``[10]`` sign, 0 = positive (any other value is taken as negative),
- ``[11..12]`` uint16 little-endian magnitude: tenths for g and ml, hundredths for oz and fl oz,
- ``[14]`` unit: 0 or 1 oz, 2 g, 3 ml, 4 fl oz; ``[15]`` medium: 0 none, 1 water, 2 milk,
- ``[16]`` stable, 1 = settled.

In the 16-byte variant the unit is at ``[13]`` and the stable flag at ``[15]``; its medium
position is undocumented, so volumes are taken as water there.

The length field and the checksum are inferred, not documented: both recorded frames satisfy
them (a VeSync-style ``A5 type seq len16 checksum payload`` envelope). Tare and other commands
are not documented, and the scale does not report its battery in weight frames.
"""

from __future__ import annotations

from .reading import (
    FLUID_OUNCE_ML,
    MILK_G_PER_ML,
    OUNCE_G,
    WATER_G_PER_ML,
    Reading,
    ScaleProtocol,
    bluetooth_uuid,
)

HEADER = b"\xa5\x22"
FRAME_LEN = 17
SHORT_FRAME_LEN = 16
ENVELOPE_LEN = 6

# Unit code -> (counts per display unit, grams per display unit, whether it is a volume the
# medium's density applies to). Dividing first keeps decimal readings exact.
_UNITS: dict[int, tuple[int, float, bool]] = {
    0: (100, OUNCE_G, False),
    1: (100, OUNCE_G, False),
    2: (10, 1.0, False),
    3: (10, 1.0, True),  # ml
    4: (100, FLUID_OUNCE_ML, True),
}
_DENSITY: dict[int, float] = {0: WATER_G_PER_ML, 1: WATER_G_PER_ML, 2: MILK_G_PER_ML}


def parse(data: bytes) -> Reading | None:
    """Return the reading in a weight frame, or None for anything else; never raises."""
    size = len(data)
    if size not in {FRAME_LEN, SHORT_FRAME_LEN} or data[:2] != HEADER:
        return None
    if data[3] | (data[4] << 8) != size - ENVELOPE_LEN or sum(data) & 0xFF != 0xFF:
        return None
    if size == FRAME_LEN:
        unit_code, medium, stable = data[14], data[15], data[16]
    else:
        unit_code, medium, stable = data[13], 0, data[15]
    unit = _UNITS.get(unit_code)
    if unit is None:
        return None
    counts_per_unit, grams_per_unit, is_volume = unit
    if is_volume:
        density = _DENSITY.get(medium)
        if density is None:
            return None
        grams_per_unit *= density
    grams = (data[11] | (data[12] << 8)) / counts_per_unit * grams_per_unit
    return Reading(grams=-grams if data[10] else grams, stable=stable == 1)


PROTOCOL = ScaleProtocol(
    key="etekcity_luminary",
    name="Etekcity Luminary",
    manufacturer="Etekcity",
    model="Luminary EKS-L221",
    service_uuid=bluetooth_uuid(0xFFF0),
    notify_uuid=bluetooth_uuid(0xFFF1),
    write_uuid=bluetooth_uuid(0xFFF2),
    parse=parse,
    init_commands=(),
    keepalive_command=None,
    keepalive_interval_s=None,
    tare_command=None,
    reports_battery=False,
    local_names=("Etekcity Nutrition Scale",),
)
