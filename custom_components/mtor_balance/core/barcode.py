"""Barcodes: GS1 GTINs (EAN-8, UPC-A, EAN-13, GTIN-14) as typed or scanned.

Pure Python (no Home Assistant).
"""

from __future__ import annotations

from typing import Final

# EAN-8, UPC-A, EAN-13 and GTIN-14.
GTIN_LENGTHS: Final = frozenset({8, 12, 13, 14})
_SEPARATORS: Final = str.maketrans("", "", " -\t")
_DIGITS: Final = frozenset("0123456789")


class InvalidBarcodeError(ValueError):
    """The text is not a GTIN with a valid check digit."""


def check_digit(body: str) -> int:
    """Return the GS1 mod-10 check digit for `body` (the digits before the check digit).

    From the right, digits are weighted 3, 1, 3, 1, ...; the check digit brings the weighted
    sum up to a multiple of ten.
    """
    total = sum(
        int(digit) * (3 if position % 2 == 0 else 1)
        for position, digit in enumerate(reversed(body))
    )
    return -total % 10


def normalize_barcode(text: str) -> str:
    """Return the digits of a GTIN, without spaces and dashes: "73 10865-00504 5" -> "7310865005045".

    The digits are kept as given (a UPC-A stays 12 digits; no zero padding). Raises
    `InvalidBarcodeError` unless the text is 8, 12, 13 or 14 ASCII digits whose last digit is the
    GS1 check digit of the others.
    """
    digits = text.strip().translate(_SEPARATORS)
    if not digits or not _DIGITS.issuperset(digits):
        raise InvalidBarcodeError(f"A barcode has only digits: {text!r}")
    if len(digits) not in GTIN_LENGTHS:
        raise InvalidBarcodeError(
            f"A barcode has 8, 12, 13 or 14 digits, not {len(digits)}: {text!r}"
        )
    if check_digit(digits[:-1]) != int(digits[-1]):
        raise InvalidBarcodeError(f"The barcode's check digit is wrong: {text!r}")
    return digits
