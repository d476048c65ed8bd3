"""Chinese and Arabic numerals as written in case files (incl. financial forms and OCR slips).

`cn_to_int` reads one numeral token that a caller's regex has already isolated; it never raises
and answers None for anything that is not a well-formed number.
"""

from __future__ import annotations

import re

# Characters a regex may use to grab a numeral run (kept here so every module agrees).
CN_DIGIT_CHARS = "零〇○一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖"
CN_UNIT_CHARS = "十拾百佰千仟万萬亿億"
CN_TENS_CHARS = "廿卅卌"
CN_NUM_CHARS = CN_DIGIT_CHARS + CN_UNIT_CHARS + CN_TENS_CHARS

_DIGIT = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_SMALL_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNIT = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_TENS = {"廿": 20, "卅": 30, "卌": 40}

# Full-width digits and separators -> ASCII; OCR reads the zero of a year as a Latin O.
_FULLWIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
_OCR_ZERO = str.maketrans("OoＯ", "000")

_ARABIC = re.compile(r"[0-9]+")
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_OCR_ARABIC = re.compile(r"(?=.*[0-9])[0-9Oo]+")
# An Arabic 0 among Chinese digits is 〇 read or typed as a zero ("二0二三").
_DIGIT_BY_DIGIT = re.compile(f"[{CN_DIGIT_CHARS}OoＯ0]{{2,}}")
_DECIMAL = re.compile(r"([0-9]+(?:\.[0-9]+)?)([十百千万亿萬億]?)")
_TOKEN = re.compile(r"[0-9]+|.", re.S)


def normalize_digits(s: str) -> str:
    """Full-width digits/comma/period to ASCII (same length, so offsets survive)."""
    return s.translate(_FULLWIDTH)


def cn_to_int(s: str) -> int | None:
    """Value of one numeral: "二十一"->21, "二〇二三"->2023, "1,000"->1000, "一万二千"->12000; junk -> None."""
    if not isinstance(s, str):
        return None
    t = normalize_digits(s.strip())
    if not t:
        return None
    if _GROUPED.fullmatch(t):
        t = t.replace(",", "")
    if _ARABIC.fullmatch(t):
        return int(t)
    if _OCR_ARABIC.fullmatch(t):
        return int(t.translate(_OCR_ZERO))
    if _DIGIT_BY_DIGIT.fullmatch(t) and any(c in _DIGIT for c in t):
        # Years are spelt digit by digit: 二〇二三 -> 2023 (no units involved).
        return int("".join(str(_DIGIT.get(c, 0)) for c in t))
    return _positional(t)


def _positional(t: str) -> int | None:
    """十/百/千 within a section, 万/亿 between sections; units must fall within a section."""
    total = 0
    section = 0
    num: int | None = None
    last_small = 10**9  # units inside a section must strictly decrease
    last_big = 10**12
    prev_unit = 0  # unit just before a trailing bare digit (一万五 = 15000)
    after_zero = False
    seen = False
    for tok in _TOKEN.findall(t):
        if tok[0].isascii() and tok.isdigit():
            if num is not None:
                return None
            num = int(tok)
            seen = True
        elif tok in _DIGIT:
            seen = True
            if _DIGIT[tok] == 0:
                if num is not None:
                    return None
                after_zero = True
                prev_unit = 0
                continue
            if num is not None:
                return None
            num = _DIGIT[tok]
        elif tok in _TENS:
            if num is not None or last_small <= 10:
                return None
            section += _TENS[tok]
            last_small = 10
            prev_unit = 10
            seen = True
        elif tok in _SMALL_UNIT:
            unit = _SMALL_UNIT[tok]
            if unit >= last_small:
                return None
            section += (1 if num is None else num) * unit
            num = None
            last_small = unit
            prev_unit = unit
            after_zero = False
            seen = True
        elif tok in _BIG_UNIT:
            unit = _BIG_UNIT[tok]
            if unit >= last_big or (num is None and section == 0 and total == 0 and not seen):
                return None
            value = section + (num or 0)
            if unit == 100_000_000:
                total = (total + value) * unit
            else:
                total += value * unit
            section, num = 0, None
            last_small, last_big = 10**9, unit
            prev_unit = unit
            after_zero = False
            seen = True
        else:
            return None
    if not seen:
        return None
    if num is not None and prev_unit >= 100 and not after_zero:
        num *= prev_unit // 10  # colloquial 一千五 = 1500, 一万五 = 15000
    return total + section + (num or 0)


def parse_number(s: str) -> float | None:
    """Like cn_to_int but also "1.5万" -> 15000.0 and "562.5" -> 562.5 (for amounts)."""
    if not isinstance(s, str):
        return None
    t = normalize_digits(s.strip())
    if _GROUPED.fullmatch(t.split(".")[0]) and t.count(".") <= 1:
        t = t.replace(",", "")
    m = _DECIMAL.fullmatch(t)
    if m and "." in m.group(1):
        unit = {"": 1, "十": 10, "百": 100, "千": 1000, "万": 10_000, "萬": 10_000}.get(m.group(2))
        unit = unit if unit is not None else 100_000_000
        return float(m.group(1)) * unit
    value = cn_to_int(t)
    return None if value is None else float(value)


def int_to_cn(n: int) -> str:
    """1..999 in Chinese numerals as legal texts write them (十五, 二十四, 一百零一); other numbers as digits."""
    if not 0 < n < 1000:
        return str(n)
    digits = "〇一二三四五六七八九"
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = digits[hundreds] + "百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else digits[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (digits[ones] if ones else "")


def cn_article(n: int) -> str:
    """第N条 with N in Chinese numerals as documents write it (1..999): 第六十七条, 第一百零一条."""
    return f"第{int_to_cn(n)}条"
