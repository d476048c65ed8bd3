"""Does a PDF page's text layer deserve trust, or should the page be OCR'd?

A page is read from its text layer only when that layer looks like Chinese prose. Scans often carry
no layer, an invisible junk layer (random ASCII from a scanner's own OCR), or a layer whose font lacks
a proper ToUnicode map (mojibake, private-use code points, U+FFFD, compatibility ideographs).

Each aspect gives a factor in 0..1 scaled so that 0.5 is its threshold; the score is the worst factor
and the page is usable when the score is at least 0.5. The reason names the worst aspect.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import numpy as np

USABLE = 0.5
MIN_CJK = 8  # fewer Chinese characters than this: nothing worth reading (score 0.5 at MIN_CJK)
MIN_CHARS = 5  # fewer real characters than this on a page: no usable text layer (scanned page)
MAX_JUNK = 0.5  # more than this share of unmapped / private-use characters: a broken text layer
# Legitimate Latin-1 signs in Chinese documents (×× masking, 间隔号, degrees, sections …).
_LATIN1_OK = set("×·°±§÷¥¤µ¼½¾²³¹")
# Classic garbage strings: U+FFFD / uninitialised memory re-decoded as GBK.
_GARBAGE = ("锟斤拷", "烫烫烫", "屯屯屯")
# GB2312 row 0xD7 ends at 0xD7F9: the five cells after it hold no character.
_GB2312_GAPS = frozenset((0xD7, lo) for lo in range(0xFA, 0xFF))


@dataclass(frozen=True)
class TextLayerQuality:
    usable: bool
    score: float  # 0..1
    reason: str  # Chinese, for logs and the reviewer


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF


def _is_common_hanzi(ch: str) -> bool:
    """GB2312 level-1 hanzi: the 3755 most used characters (rows 0xB0-0xD7)."""
    try:
        raw = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(raw) == 2 and 0xB0 <= raw[0] <= 0xD7


def _is_broken(ch: str) -> bool:
    """Code points a correct text layer of a Chinese document does not contain."""
    cp = ord(ch)
    return (
        cp == 0xFFFD
        or 0xE000 <= cp <= 0xF8FF  # private use
        or cp >= 0xF0000  # supplementary private use
        or 0xF900 <= cp <= 0xFAFF  # CJK compatibility ideographs
        or 0x2F800 <= cp <= 0x2FA1F
        or 0x2E80 <= cp <= 0x2FDF  # radicals (fonts mapping 文 to ⽂)
        or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")
    )


def _is_mojibake_latin(ch: str) -> bool:
    """Latin-1 letters and signs: UTF-8 or GBK bytes decoded as Latin-1 ("Ã©", "¹«°²")."""
    return 0xA0 < ord(ch) <= 0xFF and ch not in _LATIN1_OK


def _is_score_cjk(cp: int) -> bool:
    """Hanzi as `text_score` counts them: with compatibility and all supplementary ideographs, and 〇."""
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x3FFFF
        or cp == 0x3007  # 〇 in written dates
    )


def _is_good(ch: str) -> bool:
    """What `text_score` counts as real text: hanzi, digits, punctuation, CJK symbols."""
    cp = ord(ch)
    return _is_score_cjk(cp) or ch.isdigit() or unicodedata.category(ch).startswith("P") or 0x3000 <= cp <= 0x303F


def _is_junk(ch: str) -> bool:
    """A glyph the PDF could not map to a character."""
    return ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cc", "Cn", "Cs")


# The per-character predicates above define the counts; running them on every character of every
# page cost ingest twice the raw extraction. The bulk of a Chinese page (spaces, BMP hanzi, ASCII
# digits) is counted in one numpy pass: each code point looks up its classes in a table and one
# bincount tallies them. Only the rest — punctuation, symbols, anything odd, usually a tenth of a
# page — goes through the predicates, each distinct character once.
_SPACE = re.compile(r"\s")


def _pattern(members: list[int]) -> str:
    """A regex character-class body for the sorted code points `members` (ranges merged)."""
    ranges: list[list[int]] = []
    for cp in members:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


# Class bits of a code point in `_Classes.table`; a page's bincount over them has 16 bins.
_IS_SPACE, _IS_HANZI, _IS_COMMON, _IS_DIGIT = 1, 2, 4, 8
# Row k of this matrix picks the bins that have bit k: counts = _BIT_BINS @ bincount.
_BIT_BINS = np.array([[(value >> k) & 1 for value in range(16)] for k in range(4)])
_ASTRAL = 0x10000  # the table's last slot stands for every astral code point: none of the classes


@dataclass(frozen=True)
class _Classes:
    table: np.ndarray  # uint8 class bits of each BMP code point (`\s`, hanzi, GB2312 level 1, [0-9])
    other: re.Pattern[str]  # everything that is neither space, hanzi, nor an ASCII letter or digit


@functools.cache
def _classes() -> _Classes:
    # Hanzi: assigned BMP hanzi, which are cjk and good, never broken, latin or junk.
    hanzi = [
        cp
        for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))
        for cp in range(lo, hi + 1)
        if unicodedata.category(chr(cp)) == "Lo"
    ]
    gb = (bytes([hi, lo]) for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF))
    common = [ord(raw.decode("gb2312")) for raw in gb if (raw[0], raw[1]) not in _GB2312_GAPS]
    table = np.zeros(_ASTRAL + 1, dtype=np.uint8)
    # Spaces exactly as the regex `\s` sees them (lone surrogates included: they are no space).
    table[[m.start() for m in _SPACE.finditer("".join(map(chr, range(_ASTRAL))))]] |= _IS_SPACE
    table[hanzi] |= _IS_HANZI
    table[common] |= _IS_COMMON
    table[ord("0") : ord("9") + 1] |= _IS_DIGIT
    return _Classes(table, re.compile(rf"[^\s{_pattern(hanzi)}A-Za-z0-9]"))


@functools.lru_cache(maxsize=8192)
def _flags(ch: str) -> tuple[bool, bool, bool, bool, bool]:
    return _is_cjk(ch), _is_broken(ch), _is_mojibake_latin(ch), _is_good(ch), _is_junk(ch)


@dataclass(frozen=True)
class LayerCounts:
    """Counts over the non-space characters of a page's text (see the predicates above)."""

    chars: int
    cjk: int = 0
    common: int = 0  # GB2312 level-1 hanzi among `cjk`
    broken: int = 0
    latin: int = 0
    good: int = 0
    junk: int = 0


def count_layer(text: str) -> LayerCounts:
    """The counts `assess_text_layer`, `text_score` and `has_text_layer` judge a page by."""
    text = text or ""
    classes = _classes()
    # "surrogatepass": a lone surrogate from a broken layer is one code point like any other.
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bins = np.bincount(classes.table[np.minimum(points, _ASTRAL)], minlength=16)
    spaces, hanzi, common, digits = (_BIT_BINS @ bins).tolist()
    chars = len(text) - spaces
    if not chars:
        return LayerCounts(0)
    cjk, good = hanzi, hanzi + digits
    broken = latin = junk = 0
    # The same few signs (，。：（）) make up most of the rest: judge each distinct one once.
    for ch, k in Counter(classes.other.findall(text)).items():
        is_cjk, is_broken, is_latin, is_good, is_junk = _flags(ch)
        cjk += k * is_cjk
        broken += k * is_broken
        latin += k * is_latin
        good += k * is_good
        junk += k * is_junk
    return LayerCounts(chars, cjk, common, broken, latin, good, junk)


def text_score(text: str, counts: LayerCounts | None = None) -> float:
    """Share of CJK, digits and punctuation among non-space characters (0 for an empty page)."""
    c = counts or count_layer(text)
    return round(c.good / c.chars, 3) if c.chars else 0.0


def has_text_layer(text: str, counts: LayerCounts | None = None) -> bool:
    """Enough real characters to audit, and not mostly unmapped glyphs."""
    c = counts or count_layer(text)
    return c.chars - c.junk >= MIN_CHARS and c.junk <= MAX_JUNK * c.chars


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, value))


def assess_text_layer(
    text: str, char_count_hint: int | None = None, counts: LayerCounts | None = None
) -> TextLayerQuality:
    """Judge a page's extracted text.

    `char_count_hint`: how many characters the PDF itself says the page holds (e.g. pdfium's char
    count). Extraction that returns far fewer has lost glyphs it could not map to Unicode.
    `counts`: `count_layer(text)` when the caller already has it.
    """
    c = counts or count_layer(text)
    n = c.chars
    if n == 0:
        return TextLayerQuality(False, 0.0, "文字层为空")
    cjk, broken, latin, common = c.cjk, c.broken, c.latin, c.common
    garbage = sum(text.count(g) * len(g) for g in _GARBAGE)

    # Specific diagnoses first: on a tie the earlier factor names the reason.
    factors: list[tuple[float, str]] = [
        (_clamp(1 - garbage / n / 0.1), "含“锟斤拷”类乱码"),
        (_clamp(1 - latin / n / 0.1), "疑似编码错误的乱码（拉丁字母连串）"),
        (_clamp(1 - broken / n / 0.1), "含替换符、私用区或兼容区字符（乱码，字体缺少编码映射）"),
    ]
    if cjk:
        factors.append((_clamp((common / cjk - 0.6) / 0.4), "中文字符多为生僻字（疑似编码错误的乱码）"))
    factors += [
        (_clamp(cjk / n / 0.4), "中文字符比例过低（疑似扫描件的隐形乱码层）"),
        (_clamp(cjk / (2 * MIN_CJK)), "中文字符过少"),
    ]
    if char_count_hint and char_count_hint > 0:
        factors.append((_clamp(n / char_count_hint), "文字层缺字（提取的字符远少于页面字符数）"))
    score, reason = min(factors, key=lambda f: f[0])
    usable = score >= USABLE
    return TextLayerQuality(usable, round(score, 3), "文字层可用" if usable else reason)
