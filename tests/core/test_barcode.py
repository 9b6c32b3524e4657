"""Barcodes: GTIN lengths, separators and the GS1 check digit."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.mtor_balance.core.barcode import (
    GTIN_LENGTHS,
    InvalidBarcodeError,
    check_digit,
    normalize_barcode,
)


def weighted_sum_ok(digits: str) -> bool:
    """GS1: with the check digit weighted 1, then 3, 1, 3... leftwards, the sum ends in 0."""
    weights = [1, 3] * len(digits)
    return (
        sum(int(d) * w for d, w in zip(reversed(digits), weights, strict=False)) % 10
        == 0
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("96385074", "96385074"),  # EAN-8
        ("036000291452", "036000291452"),  # UPC-A, kept at 12 digits
        ("4006381333931", "4006381333931"),  # EAN-13
        ("7310865005045", "7310865005045"),
        ("10012345678902", "10012345678902"),  # GTIN-14
        (" 4006381 333931 ", "4006381333931"),
        ("400-6381-33393-1", "4006381333931"),
        ("4 006381\t333931", "4006381333931"),
        ("0 36000 29145 2", "036000291452"),
    ],
)
def test_valid_barcodes(text: str, expected: str) -> None:
    assert normalize_barcode(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "--",
        "4006381333932",  # wrong check digit
        "96385075",
        "036000291453",
        "10012345678903",
        "400638133393",  # 12 digits, but not a valid UPC-A
        "1234567",  # 7 digits
        "123456789",  # 9 digits
        "40063813339310",  # 14 digits, wrong check digit
        "123456789012345",  # 15 digits
        "400638133393A",
        "4006381333931\n5",
        "4006381333931.0",
        "+4006381333931",
        "4006381_333931",
    ],
)
def test_invalid_barcodes(text: str) -> None:
    with pytest.raises(InvalidBarcodeError):
        normalize_barcode(text)


def other_digits(text: str, zero: int) -> str:
    """Return `text` with its ASCII digits in another script whose zero is `zero`."""
    return text.translate({ord("0") + value: zero + value for value in range(10)})


@pytest.mark.parametrize(
    "zero", [0xFF10, 0x0660, 0x0966]
)  # full-width, Arabic-Indic, Devanagari
def test_only_ascii_digits(zero: int) -> None:
    text = other_digits("4006381333931", zero)
    assert text.isdigit()
    with pytest.raises(InvalidBarcodeError):
        normalize_barcode(text)


def test_invalid_barcode_is_a_value_error() -> None:
    assert issubclass(InvalidBarcodeError, ValueError)


def test_check_digit_examples() -> None:
    assert check_digit("400638133393") == 1
    assert check_digit("9638507") == 4
    assert check_digit("03600029145") == 2
    assert check_digit("") == 0


@settings(max_examples=300)
@given(
    st.sampled_from(sorted(GTIN_LENGTHS)).flatmap(
        lambda length: st.text(
            alphabet="0123456789", min_size=length - 1, max_size=length - 1
        )
    )
)
def test_computed_check_digit_is_accepted(body: str) -> None:
    code = body + str(check_digit(body))
    assert weighted_sum_ok(code)
    assert normalize_barcode(code) == code


@settings(max_examples=300)
@given(
    st.sampled_from(sorted(GTIN_LENGTHS)).flatmap(
        lambda length: st.text(
            alphabet="0123456789", min_size=length - 1, max_size=length - 1
        )
    ),
    st.data(),
)
def test_any_single_digit_error_is_caught(body: str, data: st.DataObject) -> None:
    code = body + str(check_digit(body))
    position = data.draw(st.integers(0, len(code) - 1))
    replacement = data.draw(
        st.sampled_from([d for d in "0123456789" if d != code[position]])
    )
    wrong = code[:position] + replacement + code[position + 1 :]
    with pytest.raises(InvalidBarcodeError):
        normalize_barcode(wrong)


@settings(max_examples=500)
@given(st.text())
def test_any_text_gives_a_gtin_or_invalid_barcode(text: str) -> None:
    try:
        code = normalize_barcode(text)
    except InvalidBarcodeError:
        return
    assert code.isascii()
    assert code.isdigit()
    assert len(code) in GTIN_LENGTHS
    assert weighted_sum_ok(code)
