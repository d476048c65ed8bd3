"""Resident ID numbers (居民身份证号码, GB 11643-1999): check digit, birth date and gender they encode."""

from __future__ import annotations

import re
from datetime import date

_ID18 = re.compile(r"[0-9]{17}[0-9Xx]")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_checksum_ok(number: str) -> bool | None:
    """GB 11643-1999 check digit of an 18-character ID number; None when it cannot be checked."""
    if not _ID18.fullmatch(number):
        return None
    total = sum(int(c) * w for c, w in zip(number[:17], _WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == number[17].upper()


def id_birth_date(number: str) -> date | None:
    """The birth date in characters 7–14 of an 18-character number (None when not a real date)."""
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def id_gender(number: str) -> str:
    """GB 11643: the 17th character (sequence code) is odd for men, even for women."""
    return "男" if int(number[16]) % 2 else "女"
