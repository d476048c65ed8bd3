"""What ingest builds: pages in order with their text and character boxes (mutable while ingest works).

Coordinates: every dossier has one normalised text (`Dossier.text`, pages joined by "\\n"). A `Document` is a
slice of it (`start`..`end`). Spans found by extraction are offsets into the *document's* text;
`Document.start + span.start` is the dossier offset, which maps back to a page and (for PDFs) a character box.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from pydantic import Field

from auditor.model.base import BBox, Fact
from auditor.model.errors import AuditError


@dataclass
class Page:
    number: int  # 1-based within the dossier
    text: str
    source: str  # file the page came from
    method: str  # "text" (PDF text layer), "ocr", "docx", "txt", "txt-page" (after a form feed), "image"
    boxes: list[BBox | None] | None = None  # one per character of `text`, when known
    width: float | None = None
    height: float | None = None
    quality: float | None = None  # 0..1, how usable the text is (ingest decides)
    source_index: int | None = None  # 0-based page index inside `source` (to render the page image)
    # What normalisation deleted from this page, by kind ("page_mark", "running_line"): counts, never text.
    removed: dict[str, int] = field(default_factory=dict)
    blank: bool = False  # an image page with no ink: not sent to OCR, counted in the report
    path: str | None = None  # the file on disk (to render the page image) when `source` is a display name


@dataclass
class Dossier:
    """One case file: pages in order, their joined text, and what could not be read."""

    source: str
    pages: list[Page] = field(default_factory=list)
    errors: list[AuditError] = field(default_factory=list)
    # Offsets in `text` where a hard document break was written (TXT `=====` / form feed,
    # and the start of each new file in a folder or ZIP).
    hard_breaks: list[int] = field(default_factory=list)
    text: str = ""
    page_starts: list[int] = field(default_factory=list)

    def build_text(self) -> None:
        """Join page texts with "\\n" and remember where each page starts."""
        parts: list[str] = []
        starts: list[int] = []
        pos = 0
        for page in self.pages:
            starts.append(pos)
            parts.append(page.text)
            pos += len(page.text) + 1
        self.text = "\n".join(parts)
        self.page_starts = starts

    def page_index_at(self, offset: int) -> int:
        """Index into `pages` of the page holding dossier offset `offset`."""
        if not self.page_starts:
            return 0
        return max(0, bisect.bisect_right(self.page_starts, offset) - 1)

    def page_at(self, offset: int) -> int:
        if not self.pages:
            return 1
        return self.pages[self.page_index_at(offset)].number

    def bbox_of(self, start: int, end: int) -> BBox | None:
        """Union of the character boxes of dossier text[start:end] (None when unknown)."""
        if not self.pages:
            return None
        idx = self.page_index_at(start)
        page = self.pages[idx]
        if page.boxes is None:
            return None
        base = self.page_starts[idx]
        boxes = [b for b in page.boxes[max(0, start - base) : max(0, end - base)] if b]
        if not boxes:
            return None
        return (
            round(min(b[0] for b in boxes), 1),
            round(min(b[1] for b in boxes), 1),
            round(max(b[2] for b in boxes), 1),
            round(max(b[3] for b in boxes), 1),
        )

    def page_details(self) -> tuple[PageDetail, ...]:
        return tuple(
            PageDetail(page=p.number, source=p.source, method=p.method, quality=p.quality, removed=dict(p.removed),
                       blank=p.blank)
            for p in self.pages
        )


class PageDetail(Fact):
    """Per page: which path read it (text layer, OCR, DOCX, TXT), how usable its text was, what was removed."""

    page: int
    source: str
    method: str
    quality: float | None = None
    removed: dict[str, int] = Field(default={}, exclude_if=lambda v: not v)
    blank: bool = Field(default=False, exclude_if=lambda v: not v)  # no ink on the page image: not sent to OCR
