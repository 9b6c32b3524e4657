"""Recorded Bluetooth frames of the supported scales (test vectors of scales.md), in one place.

The parser tests, the connection tests and the scale entry tests all feed these.
"""

from __future__ import annotations

from functools import reduce
from operator import xor


def with_xor(frame: bytes) -> bytes:
    """Return `frame` with its last byte replaced by the XOR of the others (Decent)."""
    return frame[:-1] + bytes([reduce(xor, frame[:-1], 0)])


# Etekcity Smart Nutrition Scale ESN00
ESN00_MINUS_523_G_SETTLED = bytes.fromhex("feefc0a2d00501146e000159")
ESN00_1079_ML_UNSETTLED = bytes.fromhex("feefc0a2d005002a26020027")

# Etekcity Luminary EKS-L221
LUMINARY_98_G = bytes.fromhex("A522810B00A90187A10000D40300020001")
LUMINARY_18_G = bytes.fromhex("A5228D0B00C00187A10000B40000020001")

# Decent Scale
DECENT_18_G_STABLE = bytes.fromhex("03ce00b4000079")
DECENT_MINUS_1_5_G_UNSTABLE = bytes.fromhex("03cafff10000c7")
DECENT_LED_RESPONSE_BATTERY_87 = with_xor(bytes.fromhex("030a0000570000"))

# Bookoo Themis
BOOKOO_18_G = bytes.fromhex("030b000000002b0007082b000064000501000067")
BOOKOO_MINUS_1_G = bytes.fromhex("030b000000002d0000642b00006400050100000a")
BOOKOO_1234_56_G = bytes.fromhex("030b000000002b01e2402b0000640005010000cb")

# Not a frame of any protocol.
GARBAGE = (b"", b"\x00", bytes.fromhex("deadbeef"), bytes(20))
