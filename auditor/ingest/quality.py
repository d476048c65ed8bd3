"""Does a PDF page's text layer deserve trust, or should the page be OCR'd?

A page is read from its text layer only when that layer looks like Chinese prose. Scans often carry
no layer, an invisible junk layer (random ASCII from a scanner's own OCR), or a layer whose font lacks
a proper ToUnicode map (mojibake, private-use code points, U+FFFD, compatibility ideographs).

Each aspect gives a factor in 0..1 scaled so that 0.5 is its threshold; the score is the worst factor
and the page is usable when the score is at least 0.5. The reason names the worst aspect.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

USABLE = 0.5
MIN_CJK = 8  # fewer Chinese characters than this: nothing worth reading (score 0.5 at MIN_CJK)
# Legitimate Latin-1 signs in Chinese documents (×× masking, 间隔号, degrees, sections …).
_LATIN1_OK = set("×·°±§÷¥¤µ¼½¾²³¹")
# Classic garbage strings: U+FFFD / uninitialised memory re-decoded as GBK.
_GARBAGE = ("锟斤拷", "烫烫烫", "屯屯屯")


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


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, value))


def assess_text_layer(text: str, char_count_hint: int | None = None) -> TextLayerQuality:
    """Judge a page's extracted text.

    `char_count_hint`: how many characters the PDF itself says the page holds (e.g. pdfium's char
    count). Extraction that returns far fewer has lost glyphs it could not map to Unicode.
    """
    chars = [c for c in (text or "") if not c.isspace()]
    n = len(chars)
    if n == 0:
        return TextLayerQuality(False, 0.0, "文字层为空")
    cjk = [c for c in chars if _is_cjk(c)]
    broken = sum(_is_broken(c) for c in chars)
    latin = sum(_is_mojibake_latin(c) for c in chars)
    garbage = sum(text.count(g) * len(g) for g in _GARBAGE)
    common = sum(_is_common_hanzi(c) for c in cjk)

    # Specific diagnoses first: on a tie the earlier factor names the reason.
    factors: list[tuple[float, str]] = [
        (_clamp(1 - garbage / n / 0.1), "含“锟斤拷”类乱码"),
        (_clamp(1 - latin / n / 0.1), "疑似编码错误的乱码（拉丁字母连串）"),
        (_clamp(1 - broken / n / 0.1), "含替换符、私用区或兼容区字符（乱码，字体缺少编码映射）"),
    ]
    if cjk:
        factors.append((_clamp((common / len(cjk) - 0.6) / 0.4), "中文字符多为生僻字（疑似编码错误的乱码）"))
    factors += [
        (_clamp(len(cjk) / n / 0.4), "中文字符比例过低（疑似扫描件的隐形乱码层）"),
        (_clamp(len(cjk) / (2 * MIN_CJK)), "中文字符过少"),
    ]
    if char_count_hint and char_count_hint > 0:
        factors.append((_clamp(n / char_count_hint), "文字层缺字（提取的字符远少于页面字符数）"))
    score, reason = min(factors, key=lambda f: f[0])
    usable = score >= USABLE
    return TextLayerQuality(usable, round(score, 3), "文字层可用" if usable else reason)
