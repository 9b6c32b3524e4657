"""Etekcity Smart Nutrition Scale ESN00 (VeSync).

Frame: ``FE EF C0 A2 | type | len | payload[len] | checksum`` where the checksum is the sum of
type, len and the payload bytes, modulo 256. Type ``D0`` is a measurement with a 5-byte payload:
sign (0 = +, 1 = -), uint16 big-endian magnitude in the display unit (tenths for g and ml,
hundredths for oz, fl oz and lb:oz, which reports total ounces), unit code, stable flag (1 =
settled). Volume modes are the scale converting weight with the density of water or milk, so
they are converted back to grams with that density. The scale does not report its battery.
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

HEADER = b"\xfe\xef\xc0\xa2"
TYPE_MEASUREMENT = 0xD0
MEASUREMENT_LEN = 5
FRAME_LEN = len(HEADER) + 2 + MEASUREMENT_LEN + 1

TARE_COMMAND = bytes.fromhex("feefc0a2c10100c2")
"""Tare (the app labels it SET_TARE/true; the payload boolean is inverted)."""

SET_UNIT_GRAMS_COMMAND = bytes.fromhex("feefc0a2c00100c1")
"""Switch the display to grams (not sent: the parser converts every unit)."""

# Unit code -> (counts per display unit, grams per display unit). Dividing first keeps decimal
# readings exact (1523 / 10 is 152.3; 1523 * 0.1 is not).
_UNITS: dict[int, tuple[int, float]] = {
    0: (10, 1.0),  # g
    1: (100, OUNCE_G),  # lb:oz, reported as total ounces
    2: (10, WATER_G_PER_ML),  # ml of water
    3: (100, FLUID_OUNCE_ML * WATER_G_PER_ML),  # fl oz of water
    4: (10, MILK_G_PER_ML),  # ml of milk
    5: (100, FLUID_OUNCE_ML * MILK_G_PER_ML),  # fl oz of milk
    6: (100, OUNCE_G),  # oz
}


def parse(data: bytes) -> Reading | None:
    """Return the reading in a measurement frame, or None for anything else; never raises."""
    if len(data) != FRAME_LEN or data[:4] != HEADER:
        return None
    if data[4] != TYPE_MEASUREMENT or data[5] != MEASUREMENT_LEN:
        return None
    if sum(data[4:-1]) & 0xFF != data[-1]:
        return None
    sign, high, low, unit, stable = data[6:11]
    scale = _UNITS.get(unit)
    if scale is None or sign > 1 or stable > 1:
        return None
    counts_per_unit, grams_per_unit = scale
    grams = ((high << 8) | low) / counts_per_unit * grams_per_unit
    return Reading(grams=-grams if sign else grams, stable=stable == 1)


PROTOCOL = ScaleProtocol(
    key="etekcity_esn00",
    name="Etekcity ESN00",
    manufacturer="Etekcity",
    model="Smart Nutrition Scale ESN00",
    service_uuid=bluetooth_uuid(0x1910),
    notify_uuid=bluetooth_uuid(0x2C12),
    write_uuid=bluetooth_uuid(0x2C11),
    parse=parse,
    init_commands=(),
    keepalive_command=None,
    keepalive_interval_s=None,
    tare_command=TARE_COMMAND,
    reports_battery=False,
    local_names=("Etekcity Nutrition Scale",),
)
