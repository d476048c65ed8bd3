"""The shared NLP pipeline and the text view the extractors match on.

`get_nlp()` is a spaCy blank "zh" with the jieba segmenter and our legal user dictionary, built once
per process. Extraction is mostly regexes (fast); the tokenizer is used where word boundaries matter,
e.g. where an unmasked name runs straight into the next word ("被告人何某对指控…").

`TextView` removes line breaks and spaces inside Chinese text (PDF lines split words and dates:
"同日被\\n刑事拘留", "2016\\n年 9 月 21 日") and keeps a map back to the original offsets.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from auditor.lexicon import LEXICON_DIR

USERDICT = LEXICON_DIR / "userdict.txt"

# Whitespace is dropped unless it separates two ASCII letters/digits ("No. 12 34" keeps its space).
_WS = re.compile(r"\s+")
_ASCII_ALNUM = re.compile(r"[0-9A-Za-z]")
# OCR reads 日 as 曰 after a day number ("11月20曰").
_OCR_DAY = re.compile(r"(?<=[0-9０-９])曰")


@functools.cache
def get_nlp():  # -> spacy.language.Language (spaCy is imported lazily: it is slow to import)
    """spaCy blank Chinese with jieba and the legal user dictionary, loaded once per process."""
    import jieba
    import spacy

    jieba.setLogLevel(60)  # jieba prints its cache status on stderr otherwise
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    if USERDICT.is_file():
        # spaCy's zh tokenizer calls the module-level jieba, so the dictionary applies to it.
        jieba.load_userdict(str(USERDICT))
    return nlp


def tokens(text: str) -> list[str]:
    """Token texts of `text` with the shared pipeline (empty on any failure: NLP never raises)."""
    try:
        return [t.text for t in get_nlp().make_doc(text)]
    except Exception:  # noqa: BLE001 — a tokenizer failure must not stop extraction
        return []


def leading_name(text: str) -> str | None:
    """The person name `text` starts with, by jieba's part-of-speech tagger (nr*), else None."""
    try:
        get_nlp()  # loads the user dictionary into jieba
        import jieba.posseg

        first = next(iter(jieba.posseg.cut(text)), None)
    except Exception:  # noqa: BLE001 — the tagger failing means no name, not a crash
        return None
    if first is None or not first.flag.startswith("nr"):
        return None
    return first.word if 2 <= len(first.word) <= 6 else None


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


def text_view(text: str) -> TextView:
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
    joined = _OCR_DAY.sub("日", "".join(chars))
    return TextView(text=joined, orig=orig, length=len(text))
