"""Finding phrases in document text: exact with free whitespace, fuzzy with a score, sentences and lines.

Fuzzy matching (rapidfuzz partial_ratio over text without punctuation or spaces) keeps OCR noise from turning a
present phrase into a missing one; every match maps back to offsets in the text searched.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

SENTENCE_END = "。；;\n"
Span = tuple[int, int]


# Between a phrase's characters: whitespace, and the stray dots OCR reads from seal rings and paper grain
# ("人民.检察院"); a dot never separates the characters of a Chinese phrase in print.
_GAP = r"[\s.．·•]*"


# OCR reads 日 as 曰 ("七曰以内", ind_bi09); no phrase the rules look for holds 曰 itself.
_OCR_READINGS = {"日": "[日曰]"}


@functools.lru_cache(maxsize=4096)
def _spaced(phrase: str) -> re.Pattern[str]:
    return re.compile(_GAP.join(_OCR_READINGS.get(ch) or re.escape(ch) for ch in phrase if not ch.isspace()))


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """`phrase` as a pattern tolerating whitespace, line breaks and OCR dots between its characters."""
    return _spaced(phrase)


# A printed option left unticked ("□指定的居所", "□无法通知"): the form offers the words, the clerk did not choose them.
_UNTICKED_BEFORE = re.compile(r"[□☐][ \t]?$")
# A blank of such an option, after its label ("□保证人＿＿＿ □保证金＿＿＿元", ind_cp05): the box before the label.
_UNTICKED_LABEL_BEFORE = re.compile(r"[□☐][^□☐\n]{0,8}$")


def unticked(text: str, start: int) -> bool:
    """Does an unticked box stand right before `start`?"""
    return _UNTICKED_BEFORE.search(text, max(0, start - 2), start) is not None


# A form's field label whose value is left blank ("延长传唤：—", "原因：／"): the label's words state nothing. Only an
# explicit blank mark counts: a value may stand on the next line of a form laid out in label / value lines.
_BLANK_VALUE_AFTER = re.compile(r"[ \t\u3000]*[:：][ \t\u3000]*(?:[—\-－/／_＿]+(?![\u4e00-\u9fff0-9])"
                                r"|无(?=[ \t\u3000]*(?:\n|$|[，,；;。])))")


def blank_field(text: str, end: int) -> bool:
    """Do the words ending at `end` label a form field left blank ("延长传唤：—")?"""
    return _BLANK_VALUE_AFTER.match(text, end) is not None


# A clause denying what follows: "期间未办理延长审查期限审批" (ind_dh09) states no extension. 未成年 is no denial.
_DENIED_BEFORE = re.compile(r"(?:未(?!成年)|没有|并非|无需|不需|不必)[^，,。；;：:\n]{0,8}$")


def denied(text: str, start: int) -> bool:
    """Does the clause before `start` deny the words at `start` ("未办理延长审查期限审批")?"""
    return _DENIED_BEFORE.search(text, max(0, start - 12), start) is not None


def unticked_option(text: str, start: int) -> bool:
    """Is `start` (a blank to fill in) inside an option left unticked: a box, then at most a short label before it?"""
    return _UNTICKED_LABEL_BEFORE.search(text, max(0, start - 10), start) is not None


_UNTICKED_LINE = re.compile(r"^[ \t]*[□☐][^\n]*", re.MULTILINE)


def without_unticked_lines(text: str) -> str:
    """`text` with each line that opens with an unticked box ("□（二）住址…发生变动的…") blanked, offsets kept: a listed
    item the clerk did not tick is not in the list."""
    return _UNTICKED_LINE.sub(lambda m: " " * len(m.group(0)), text) if "□" in text or "☐" in text else text


def find_phrase(text: str, phrase: str) -> Span | None:
    """First occurrence of `phrase`, tolerating whitespace, line breaks and OCR dots between its characters; an option
    left unticked on a form does not count."""
    if not phrase:
        return None
    for m in _spaced(phrase).finditer(text):
        if not unticked(text, m.start()):
            return m.start(), m.end()
    return None


def find_any(text: str, phrases: list[str] | tuple[str, ...]) -> tuple[Span, str] | None:
    """The first phrase of `phrases` (in list order) found in `text`, with its span."""
    for phrase in phrases:
        span = find_phrase(text, phrase)
        if span:
            return span, phrase
    return None


def sentence_at(text: str, pos: int, ends: str = SENTENCE_END) -> Span:
    """The sentence (or line) holding `pos`, its end mark included."""
    start = max(text.rfind(ch, 0, pos) for ch in ends) + 1
    after = [i for i in (text.find(ch, pos) for ch in ends) if i >= 0]
    return start, (min(after) + 1 if after else len(text))


def line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


@functools.lru_cache(maxsize=512)
def normalise(text: str) -> tuple[str, tuple[int, ...]]:
    """Letters, digits and Han characters only, with each kept character's offset in `text`.

    Cached: the rules align many phrases against the same document text."""
    index = tuple(i for i, ch in enumerate(text) if ch.isalnum())
    return "".join([text[i] for i in index]), index


@dataclass(frozen=True)
class Match:
    score: float  # 0..100
    start: int  # offsets into the searched text
    end: int


def best_match(text: str, phrases: list[str] | tuple[str, ...]) -> Match | None:
    """Best partial alignment of any of `phrases` in `text` (None when `text` has nothing to align)."""
    hay, index = normalise(text)
    best: Match | None = None
    for phrase in phrases:
        needle, _ = normalise(phrase)
        if not needle or not hay:
            continue
        al = fuzz.partial_ratio_alignment(needle, hay)
        if al is None or al.dest_end <= al.dest_start:
            continue
        if best is None or al.score > best.score:
            best = Match(al.score, index[al.dest_start], index[al.dest_end - 1] + 1)
    return best


def contains(text: str, phrase: str) -> Span | None:
    """Span of `phrase` in `text`, ignoring punctuation and spaces on both sides."""
    hay, index = normalise(text)
    needle, _ = normalise(phrase)
    pos = hay.find(needle) if needle else -1
    return (index[pos], index[pos + len(needle) - 1] + 1) if pos >= 0 else None
