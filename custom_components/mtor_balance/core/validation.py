"""What counts as a number and as a name, wherever a person types one (flows, actions, card).

Pure. Python's own `float()` is too generous for input from people and from the network:
it takes "NaN", "inf", "1_000" and full-width digits (U+FF11 ...), and a bool is an int. These
checks take finite numbers and plain decimal text only, and names of printable characters.
"""

from __future__ import annotations

from dataclasses import dataclass
import math
import re
import unicodedata

# Plain decimal text: "12", "-0.5", ".5", "1e3"; ASCII digits only.
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
# Unicode categories a name may not contain: control, format (zero-width, bidi), surrogate,
# private use and unassigned characters.
_NOT_PRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_ZERO_WIDTH_JOINER = "\u200d"  # joins emoji into one (a family, a flag): allowed


class NotANumberError(ValueError):
    """The value is not a finite number written plainly."""


class OutOfRangeError(ValueError):
    """The number is outside the allowed range."""


class BadTextError(ValueError):
    """The text is empty, too long, or has characters a name may not have."""


@dataclass(frozen=True, slots=True)
class NumberRange:
    """An allowed range of a number, with its unit (for the error that states it)."""

    minimum: float
    maximum: float
    unit: str

    def check(self, value: object) -> float:
        """Return `value` as a float in range; raise NotANumberError or OutOfRangeError."""
        number = to_number(value)
        if not self.minimum <= number <= self.maximum:
            raise OutOfRangeError(number)
        return number


def to_number(value: object) -> float:
    """Return `value` as a finite float: an int or float (not a bool), or decimal text."""
    if isinstance(value, bool):
        raise NotANumberError(value)
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError as err:  # an int beyond a float's range
            raise NotANumberError(value) from err
    elif isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
        number = float(value.strip())
    else:
        raise NotANumberError(value)
    if not math.isfinite(number):
        raise NotANumberError(value)
    return number


def clean_text(value: object, max_length: int) -> str:
    """Return `value` stripped, if it is 1 to `max_length` printable characters.

    Spaces inside are fine; control and invisible characters are not (BadTextError).
    """
    if not isinstance(value, str):
        raise BadTextError(value)
    text = value.strip()
    if not 1 <= len(text) <= max_length:
        raise BadTextError(value)
    if any(
        unicodedata.category(char) in _NOT_PRINTABLE and char != _ZERO_WIDTH_JOINER
        for char in text
    ):
        raise BadTextError(value)
    return text
