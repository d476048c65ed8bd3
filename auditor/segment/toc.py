"""卷内目录 against the segmentation: listed documents not found, documents not listed, page numbers.

A 卷内目录 row is "序号 [文号] [责任者] 题名 [日期] 页号 [备注]", read through OCR: the serial number
opens the row, the page number (or range "3-4") closes it, the title is the part `match_title`
recognises. A row broken over two lines is joined. A dossier may hold several volumes, each with its
own 目录 and page numbering: a 目录 speaks for the documents after it, up to the next 目录.

Page numbers in a 目录 are the volume's stamped page numbers, which usually leave the cover and the
目录 itself unnumbered: the offset between listed and actual pages is taken as the one most rows
agree on, and only rows that disagree with it are reported.

The result is a notice for the reviewer, not a rule finding: a mismatch may as well be a
segmentation miss as a dossier defect.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from auditor import model
from auditor.model import Document
from auditor.model.case import UNKNOWN_TYPE
from auditor.segment.segmenter import UNKNOWN
from auditor.text.titles import SPACE_RE, match_title

TOC_TYPE = "卷内目录"
# A volume's cover (a new volume starts there) and its closing 备考表 are never listed in its 目录.
VOLUME_COVER, VOLUME_CLOSING = "卷宗封面", "卷内备考表"
UNLISTED_EXEMPT = frozenset({TOC_TYPE, VOLUME_COVER, VOLUME_CLOSING, UNKNOWN})  # not expected in a 目录 (or not recognised)
UNKNOWN_TITLE_SCORE = 85  # rapidfuzz partial ratio for a row title that is no known type
# OCR reads 1 as l/I/|, 0 as O/o in table columns.
_DIGIT_FIX = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "o": "0", "Ｏ": "0", "０": "0"})
_ROW = re.compile(r"^\s*(\d{1,3})\s*[.、．,，]?\s*(.*?)$")
_PAGES = re.compile(r"(?<![\d.\-])(\d{1,4})(?:\s*[-—–~～至]\s*(\d{1,4}))?\s*页?\s*$")
_TOKEN_SPLIT = re.compile(r"[\s\d〔〕\[\]［］【】.．/:：]+")
_PAGE_CELL = re.compile(r"\d{1,4}(?:\s*[-—–~～至]\s*\d{1,4})?\s*页?")
_TITLE_TEXT = re.compile(r"[\u4e00-\u9fff]{2}")
_HEADER = re.compile(r"序号|顺序号|题名|文书名称|页号|页次|责任者")


@dataclass
class TocRow:
    serial: int
    title: str  # the recognised title (OCR confusions mended), else the longest text run as written
    doc_type: str | None  # canonical type when recognised
    page: int | None  # first listed page
    last_page: int | None = None


@dataclass
class TocEntry:
    row: TocRow
    status: str  # ok | page_mismatch | not_found
    document_id: str | None = None
    found_page: int | None = None


@dataclass
class TocCheck:
    toc_document: str  # id of the 卷内目录 document
    page_offset: int  # actual page − listed page, agreed by most rows
    entries: list[TocEntry] = field(default_factory=list)
    unlisted: list[Document] = field(default_factory=list)

    def notices(self) -> list[str]:
        """One Chinese sentence per disagreement, for the reviewer."""
        out: list[str] = []
        for e in self.entries:
            name = f"卷内目录第{e.row.serial}项“{e.row.title}”"
            if e.status == "not_found":
                out.append(f"{name}在案卷中未找到")
            elif e.status == "page_mismatch" and e.row.page is not None:
                out.append(f"{name}标注第{e.row.page}页，实际位于第{e.found_page}页（已计入页码偏移{self.page_offset}）")
        out += [f"“{d.title}”（第{d.pages[0] if d.pages else '?'}页）未列入卷内目录" for d in self.unlisted]
        return out

    def report(self) -> model.TocCheck:
        """The check as the case and the JSON carry it."""
        return model.TocCheck(
            toc_document=self.toc_document,
            page_offset=self.page_offset,
            entries=tuple(
                model.TocEntry(serial=e.row.serial, title=e.row.title, type=e.row.doc_type, listed_page=e.row.page,
                               status=e.status, document_id=e.document_id, found_page=e.found_page)
                for e in self.entries
            ),
            unlisted=tuple(
                model.UnlistedDocument(document_id=d.id, type=d.type, page=d.pages[0] if d.pages else None)
                for d in self.unlisted
            ),
            notices=tuple(self.notices()),
        )


def _title_of(text: str) -> tuple[str, str | None]:
    """(title as written, canonical type or None) of a row's middle part."""
    tokens = [t for t in _TOKEN_SPLIT.split(text) if t]
    for token in tokens:
        match = match_title(token)
        if match is not None:
            # a paper no rule reads (doc_types.yaml other_titles) is listed by its title, of no known type
            return match.title, (None if match.doc_type == UNKNOWN_TYPE else match.doc_type)
    return (max(tokens, key=len) if tokens else ""), None


def _is_toc_title(line: str) -> bool:
    match = match_title(line)
    return match is not None and match.doc_type == TOC_TYPE


def parse_toc(text: str) -> list[TocRow]:
    """Rows of a 卷内目录's text, in order; header and stray lines are skipped."""
    rows: list[TocRow] = []
    pending: str | None = None  # a row whose page number has not been seen yet
    serial = 0

    def close(body: str) -> None:
        compact = body.strip()
        pages = _PAGES.search(compact.translate(_DIGIT_FIX))
        middle = compact[: pages.start()] if pages else compact
        title, doc_type = _title_of(middle)
        if not title:
            return
        first = int(pages.group(1)) if pages else None
        last = int(pages.group(2)) if pages and pages.group(2) else None
        rows.append(TocRow(serial, SPACE_RE.sub("", title), doc_type, first, last))

    for line in text.split("\n"):
        if not line.strip() or _HEADER.search(line) or _is_toc_title(line):
            continue
        fixed = line.strip()
        head = _ROW.match(fixed[:4].translate(_DIGIT_FIX) + fixed[4:])
        if pending is not None and _TITLE_TEXT.search(pending) and _PAGE_CELL.fullmatch(fixed.translate(_DIGIT_FIX)):
            pending += " " + fixed  # cells read one per line: serial, title, then the page
        elif head and head.group(2):
            if pending is not None:
                close(pending)
            serial, pending = int(head.group(1)), head.group(2)
        elif head:  # a bare serial opening a row whose cells come one per line
            if pending is not None:
                close(pending)
            serial, pending = int(head.group(1)), ""
            continue
        elif pending is not None:  # the row's title ran on to this line
            pending += fixed
        else:
            continue
        if _PAGES.search(pending.translate(_DIGIT_FIX)):
            close(pending)
            pending = None
    if pending is not None:
        close(pending)
    return rows


def _same_document(row: TocRow, doc: Document) -> bool:
    if row.doc_type is not None:
        return doc.type == row.doc_type
    return bool(row.title) and fuzz.partial_ratio(row.title, doc.title) >= UNKNOWN_TITLE_SCORE


def _offset(rows: list[TocRow], docs: list[Document]) -> int:
    """The page offset most rows agree on (0 when nothing agrees: pages are then taken as written)."""
    votes: Counter[int] = Counter()
    for row in rows:
        if row.page is None:
            continue
        diffs = {doc.pages[0] - row.page for doc in docs if doc.pages and _same_document(row, doc)}
        votes.update(diffs)
    if not votes:
        return 0
    best = max(votes.values())
    return min((d for d, n in votes.items() if n == best), key=lambda d: (abs(d), d))


def compare_toc(toc: Document, rows: list[TocRow], docs: list[Document]) -> TocCheck:
    """Match rows to the documents of the 目录's volume (`docs`, in dossier order)."""
    offset = _offset(rows, docs)
    check = TocCheck(toc_document=toc.id, page_offset=offset)
    used: set[str] = set()
    for row in rows:
        candidates = [d for d in docs if d.id not in used and _same_document(row, d)]
        want = None if row.page is None else row.page + offset
        exact = next((d for d in candidates if d.pages and d.pages[0] == want), None)
        chosen = exact or (candidates[0] if candidates else None)
        if chosen is None:
            check.entries.append(TocEntry(row, "not_found"))
            continue
        used.add(chosen.id)
        found = chosen.pages[0] if chosen.pages else None
        status = "ok" if exact is not None or want is None else "page_mismatch"
        check.entries.append(TocEntry(row, status, chosen.id, found))
    check.unlisted = [d for d in docs if d.id not in used and d.type not in UNLISTED_EXEMPT]
    return check


def check_toc(documents: list[Document]) -> list[TocCheck]:
    """One check per 卷内目录 with rows; each covers the documents up to the next 目录 or cover."""
    checks: list[TocCheck] = []
    for i, doc in enumerate(documents):
        if doc.type != TOC_TYPE:
            continue
        rows = parse_toc(doc.text)
        if not rows:
            continue
        end = next((j for j in range(i + 1, len(documents)) if documents[j].type in (TOC_TYPE, VOLUME_COVER)), len(documents))
        checks.append(compare_toc(doc, rows, documents[i + 1 : end]))
    return checks
