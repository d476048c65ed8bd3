"""Chinese / Arabic numerals: table of spellings -> values, and junk -> None without raising."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.text.numerals import CN_NUM_CHARS, cn_to_int, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("二十一", 21),
        ("一百零五", 105),
        ("三百四十八", 348),
        ("二〇二三", 2023),
        ("二0二三", 2023),
        ("二○二三", 2023),  # ○ U+25CB as written by OCR
        ("二O一九", 2019),  # Latin O for 〇
        ("一九九八", 1998),
        ("十", 10),
        ("十二", 12),
        ("两", 2),
        ("廿", 20),
        ("廿一", 21),
        ("卅", 30),
        ("1,000", 1000),
        ("63,500", 63500),
        ("３，０００", 3000),
        ("１２", 12),
        ("五千", 5000),
        ("一万二千", 12000),
        ("一万", 10000),
        ("十万", 100000),
        ("一亿二千万", 120_000_000),
        ("贰仟", 2000),
        ("壹佰零伍", 105),
        ("叁拾", 30),
        ("伍萬", 50000),
        ("一千五百", 1500),
        ("一千五", 1500),  # colloquial: the last digit takes the next smaller unit
        ("一万五", 15000),
        ("零", 0),
        ("5千", 5000),
        ("12万", 120000),
        ("2O15", 2015),
        (" 7 ", 7),
    ],
)
def test_cn_to_int(text: str, expected: int) -> None:
    assert cn_to_int(text) == expected


@pytest.mark.parametrize(
    "junk",
    ["", "   ", "abc", "万", "十十", "二三十", "万万", "O", "OO", "1.5", "1,00", "一a", "五元", "第三", "*", "１２x"],
)
def test_cn_to_int_junk_is_none(junk: str) -> None:
    assert cn_to_int(junk) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.5万", 15000.0),
        ("562.5", 562.5),
        ("63,500", 63500.0),
        ("一千五百", 1500.0),
        ("贰仟", 2000.0),
        ("2.5亿", 250_000_000.0),
        ("abc", None),
        ("1.2.3", None),
    ],
)
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


@given(st.text(alphabet=CN_NUM_CHARS + "0123456789,.Oo０１２ x", max_size=12))
def test_numerals_never_raise(s: str) -> None:
    value = cn_to_int(s)
    assert value is None or value >= 0
    number = parse_number(s)
    assert number is None or number >= 0


@given(st.text(max_size=20))
def test_numerals_never_raise_on_any_text(s: str) -> None:
    cn_to_int(s)
    parse_number(s)


@given(st.integers(min_value=0, max_value=99_999_999))
def test_round_trip_positional(n: int) -> None:
    """Spelling any integer the standard way reads back the same integer."""
    assert cn_to_int(_spell(n)) == n


def _spell(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n == 0:
        return "零"

    def section(v: int) -> str:
        out, zero = "", False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = v // unit % 10
            if d:
                out += ("零" if zero and out else "") + digits[d] + name
                zero = False
            else:
                zero = True
        return out

    high, low = divmod(n, 10_000)
    if not high:
        return section(low)
    tail = section(low)
    return section(high) + "万" + ("零" if low and low < 1000 else "") + tail
