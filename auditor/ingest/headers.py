"""Running headers and footers: lines a printer or scanner repeats at the edge of many pages.

A banner ("某某市公安局刑事案卷"), a footer with the case number, a "卷宗 第3页" stamp: the same line,
give or take OCR noise and a varying page number, at the top (or bottom) of many pages of one dossier.
It is deleted from each page with its boxes, so every kept character keeps its page and box.

Only what is provably furniture goes. Kept always: a document title (titles repeat on every page of a
record in real dossiers, and segmentation needs them) other than the 卷's own name (a banner on every page), either half of a title set over two lines, a
bare organ line (segmentation pulls it into the document below it; it also signs documents), a dated
line (signature dates differ only in their numerals; "2023-06-07" as a case system prints it too, but not its
print stamp "打印时间：…") and a sentence (it ends with 。！？).
Scanning from a page's edge inwards stops at the first kept line: a header sits above all of those.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from auditor.ingest.normalize import delete_spans
from auditor.model import Page
from auditor.text.titles import ORGAN_RE, SPACE_RE, match_title

EDGE_LINES = 2  # a header or footer is one of the two outermost non-blank lines of a page
MIN_PAGES = 3  # a line repeated on this many pages is furniture …
MIN_SHARE = 0.5  # … or on this share of the pages, for dossiers of fewer than six pages
FUZZY_MIN_LEN = 4  # shorter keys must repeat exactly: one OCR slip in three characters is a new line
FUZZY_SCORE = 80  # rapidfuzz ratio for "the same line read with OCR noise"
# Methods whose pages are printed pages; a TXT "page" is a whole document, never has a running header.
PRINTED = frozenset({"text", "ocr", "image", "docx"})

_DIGITS = re.compile(r"\d+")
_CN_PAGE = re.compile(r"第[〇零一二三四五六七八九十百]+页|共[〇零一二三四五六七八九十百]+页")
_DATED = re.compile(r"\d{2,4}\s*年|[〇零○Ｏ一二三四五六七八九十]{2,4}\s*年|年\s*\S{1,3}\s*月\s*\S{1,3}\s*日"
                    r"|(?<!\d)(?:19|20)\d{2}[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01])(?!\d)")
# A case system's print stamp ("打印时间：2023-07-03 09:14  打印人：周某") is dated furniture, not a signature.
_PRINT_STAMP = re.compile(r"打印|导出时间|生成时间")
_SENTENCE_END = ("。", "！", "？")
_BANNER_TYPES = frozenset({"卷宗封面"})


@dataclass
class _Line:
    start: int  # offsets into the page text; end is the index of the "\n" (or len)
    end: int
    key: str  # compact text with numbers masked: what repeats from page to page


def _lines(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-blank line. Keys are made only for the few edge lines looked at."""
    out: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        if raw and not raw.isspace():  # what SPACE_RE would reduce to nothing
            out.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    return out


def _key(raw: str) -> str:
    return _CN_PAGE.sub("#", _DIGITS.sub("#", SPACE_RE.sub("", raw)))


def content_line(raw: str) -> bool:
    """A line that may carry content, however often it repeats: a title, an organ, a date (a signature date repeats
    when documents are signed on one day), a sentence."""
    compact = SPACE_RE.sub("", raw)
    title = match_title(raw)
    # The name of the 卷 ("某某人民检察院 审查起诉卷") is a cover's title once, and a banner on every page: left to the
    # repetition test like any other line (a cover page holds it once and keeps it).
    if (title is not None and title.doc_type not in _BANNER_TYPES) or ORGAN_RE.fullmatch(compact) \
            or (_DATED.search(compact) and not _PRINT_STAMP.search(compact)):
        return True
    return compact.endswith(_SENTENCE_END)


def _protected(text: str, lines: list[tuple[int, int]], k: int) -> bool:
    """A line that may carry content: a title (or half of one), an organ, a date, a sentence."""
    if content_line(text[lines[k][0] : lines[k][1]]):
        return True
    for other in (k - 1, k + 1):  # "取保候审" / "决定书": a title set over two lines
        if 0 <= other < len(lines):
            a, b = sorted((k, other))
            pair = match_title(text[lines[a][0] : lines[a][1]] + text[lines[b][0] : lines[b][1]])
            # The 卷's banner above a page number ("某分局 刑事侦查卷宗 （2021）…号" / "第 2 页") is no title (ind_aj01).
            if pair is not None and pair.doc_type not in _BANNER_TYPES:
                return True
    return False


def _edge(text: str, lines: list[tuple[int, int]], order: range) -> list[_Line]:
    """Up to EDGE_LINES candidate lines from one edge, stopping at the first protected line."""
    out: list[_Line] = []
    for k in order:
        if len(out) == EDGE_LINES or _protected(text, lines, k):
            break
        start, end = lines[k]
        key = _key(text[start:end])
        if any(ch.isalpha() for ch in key):  # a bare number is a page mark, handled elsewhere
            out.append(_Line(start, end, key))
    return out


def _same(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= FUZZY_MIN_LEN and fuzz.ratio(a, b, score_cutoff=FUZZY_SCORE) > 0)


# Fuzzy comparison is made against at most this many groups (the first ones formed): every line of a dossier of
# thousands of distinct edge lines must not be compared with every other (quadratic). Exact repeats always group.
MAX_FUZZY_GROUPS = 2_000


class _KeyIndex:
    """Representative keys in order, answering "the first one `_same` as this key" without a Python loop."""

    def __init__(self) -> None:
        self.exact: dict[str, int] = {}
        self.long_keys: list[str] = []  # keys of FUZZY_MIN_LEN or more characters, for fuzzy matching
        self.long_index: list[int] = []

    def add(self, key: str, index: int) -> None:
        self.exact.setdefault(key, index)
        if len(key) >= FUZZY_MIN_LEN and len(self.long_keys) < MAX_FUZZY_GROUPS:
            self.long_keys.append(key)
            self.long_index.append(index)

    def first(self, key: str) -> int | None:
        # A key equal to a representative belongs to that group: no earlier group was close to that same key
        # when the group was formed (else the key would have joined it), so it is also the first match.
        if key in self.exact:
            return self.exact[key]
        if len(key) < FUZZY_MIN_LEN:
            return None
        hit = next(process.extract_iter(key, self.long_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE), None)
        return self.long_index[hit[2]] if hit is not None else None


def _clusters(candidates: list[list[_Line]]) -> list[tuple[str, set[int]]]:
    """Group candidate lines of all pages by key (fuzzily for longer keys): (representative, pages)."""
    groups: list[tuple[str, set[int]]] = []
    index = _KeyIndex()
    for page_index, page_lines in enumerate(candidates):
        for line in page_lines:
            found = index.first(line.key)
            if found is not None:
                groups[found][1].add(page_index)
            else:
                index.add(line.key, len(groups))
                groups.append((line.key, {page_index}))
    return groups


def running_lines(texts: list[str]) -> list[list[tuple[int, int]]]:
    """Per page, the [start, end) spans (each with its line break) of running header/footer lines."""
    n = len(texts)
    spans: list[list[tuple[int, int]]] = [[] for _ in texts]
    if n < 2:
        return spans
    needed = max(2, min(MIN_PAGES, math.ceil(n * MIN_SHARE)))
    all_lines = [_lines(t) for t in texts]
    for edge in ("top", "bottom"):
        candidates = [
            _edge(t, ls, range(len(ls)) if edge == "top" else range(len(ls) - 1, -1, -1))
            for t, ls in zip(texts, all_lines, strict=True)
        ]
        repeated = _KeyIndex()
        for number, (key, pages) in enumerate(_clusters(candidates)):
            if len(pages) >= needed:
                repeated.add(key, number)
        for page_index, page_lines in enumerate(candidates):
            for line in page_lines:
                if repeated.first(line.key) is not None:
                    text = texts[page_index]
                    # Take the line with its own "\n"; the last line of a page takes the one before it.
                    if line.end < len(text):
                        spans[page_index].append((line.start, line.end + 1))
                    else:
                        spans[page_index].append((max(0, line.start - 1), line.end))
    # A page made of nothing but repeated lines keeps them: a header needs a body to sit above.
    return [sorted(set(s)) if len(set(s)) < len(ls) else [] for s, ls in zip(spans, all_lines, strict=True)]


def strip_running_lines(pages: list[Page]) -> list[int]:
    """Delete running headers and footers from printed pages in place; return lines removed per page."""
    printed = [i for i, p in enumerate(pages) if p.method in PRINTED]
    removed = [0] * len(pages)
    spans = running_lines([pages[i].text for i in printed])
    for index, page_spans in zip(printed, spans, strict=True):
        if page_spans:
            page = pages[index]
            page.text, page.boxes = delete_spans(page.text, page.boxes, page_spans)
            removed[index] = len(page_spans)
    return removed
