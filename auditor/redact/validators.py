"""Checks a pattern match must pass to be the number it looks like (named in lexicons/redact/recognizers.yaml)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from auditor.text.ids import id_checksum_ok

_DIGITS = re.compile(r"[^0-9Xx*＊]")
# Area codes: 010, 02x and 0[3-9]xx (a two-digit prefix after 0 that starts with 1 or 2 is a big city's).
_AREA = re.compile(r"^(?:010|02[0-9]|0[3-9][0-9]{2})")


def compact(text: str) -> str:
    """The characters of a number without spaces, dashes, brackets or a +86 prefix."""
    return _DIGITS.sub("", text)


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        return date(year, month, day) <= date.today()
    except ValueError:
        return False


def gb11643(text: str) -> bool:
    """An 18-character number with the GB 11643 check digit and a real birth date, or a 15-digit one with a real
    birth date (19YYMMDD)."""
    number = compact(text).upper()
    if len(number) == 18:
        return bool(id_checksum_ok(number)) and _real_date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    if len(number) == 15 and number.isdigit():
        return _real_date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    return False


def masked_id(text: str) -> bool:
    """A masked ID number: 15 or 18 characters, a region code, at least four stars."""
    number = compact(text)
    stars = number.count("*") + number.count("＊")
    return len(number) in (15, 18) and stars >= 4 and number[:3].isdigit()


def luhn(text: str) -> bool:
    number = compact(text)
    if not number.isdigit() or not 16 <= len(number) <= 19:
        return False
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def mobile(text: str) -> bool:
    number = compact(text)
    if len(number) == 13 and number.startswith("86"):
        number = number[2:]
    return len(number) == 11 and number[0] == "1" and number[1] in "3456789"


def area_code(text: str) -> bool:
    number = compact(text)
    return 10 <= len(number) <= 12 and bool(_AREA.match(number))


def plate(text: str) -> bool:
    """A plate has at least one digit after its letter (赣A12345, 赣ADN1560), not a word in Latin letters."""
    return any(c.isdigit() for c in text[2:])


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "gb11643": gb11643,
    "masked_id": masked_id,
    "luhn": luhn,
    "mobile": mobile,
    "area_code": area_code,
    "plate": plate,
}
