"""Data model shared by every pipeline stage.

Coordinates: every dossier has one normalised text (`Dossier.text`, pages joined by "\n").
A `Document` is a slice of it (`start`..`end`). Spans found by the NLP layer are offsets into
the *document's* text; `Document.start + span.start` is the dossier offset, which maps back
to a page and (for PDFs) a character box.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, origin top-left


@dataclass
class Page:
    number: int  # 1-based within the dossier
    text: str
    source: str  # file the page came from
    method: str  # "text" (PDF text layer), "ocr", "docx", "txt", "image"
    boxes: list[BBox | None] | None = None  # one per character of `text`, when known
    width: float | None = None
    height: float | None = None
    quality: float | None = None  # 0..1, how usable the text is (ingest decides)
    source_index: int | None = None  # 0-based page index inside `source` (to render the page image)
    # What normalisation deleted from this page, by kind ("page_mark", "running_line"): counts, never text.
    removed: dict[str, int] = field(default_factory=dict)


@dataclass
class AuditError:
    code: str  # E0xx, see errors.py
    message: str  # Chinese, for the reviewer
    page: int | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message, "page": self.page}
        if self.source:
            out["source"] = self.source
        return out


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
        """Join page texts with "\n" and remember where each page starts."""
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


@dataclass
class Document:
    id: str  # d1, d2 … in dossier order
    type: str  # canonical type from lexicons/doc_types.yaml, or "未知文书"
    title: str
    start: int  # dossier offsets
    end: int
    text: str
    pages: list[int] = field(default_factory=list)
    number: str | None = None  # 文号 / 案号
    organ: str | None = None  # issuing organ
    date: str | None = None  # ISO signature date
    # The date the document speaks from: its signature date, else the latest full date it mentions
    # (a document is never older than what it recounts). Decides which version of a law applies.
    ref_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "title": self.title,
            "number": self.number,
            "organ": self.organ,
            "date": self.date,
            "pages": self.pages,
        }


@dataclass
class Evidence:
    document_id: str
    page: int
    start: int  # offsets into the document's text
    end: int
    quote: str
    bbox: BBox | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "document_id": self.document_id,
            "page": self.page,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
        }
        if self.bbox is not None:
            out["bbox"] = list(self.bbox)
        return out


@dataclass
class Event:
    action: str  # canonical name, design §2.3 / lexicons/actions.yaml
    date: str | None  # ISO; None when not stated or partly masked
    time: str | None = None  # "HH:MM"
    person: str | None = None
    organ: str | None = None  # deciding organ
    executed_by: str | None = None  # executing organ, when the text says so
    document_id: str | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "date": self.date,
            "time": self.time,
            "person": self.person,
            "organ": self.organ,
            "executed_by": self.executed_by,
            "document_id": self.document_id,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass
class Citation:
    law: str  # canonical title, or the text as written when unknown
    article: int
    article_suffix: str | None = None  # "之一"
    paragraph: int | None = None  # 款
    item: int | None = None  # 项
    document_id: str | None = None
    version: str | None = None  # version in force on the document's date
    status: str = "valid"  # valid | outdated | nonexistent | unknown_law
    quote: str = ""
    start: int = 0  # offsets into the document's text
    end: int = 0
    note: str | None = None  # why a status other than valid was given

    def to_dict(self) -> dict[str, Any]:
        return {
            "law": self.law,
            "version": self.version,
            "article": self.article,
            "article_suffix": self.article_suffix,
            "paragraph": self.paragraph,
            "item": self.item,
            "document_id": self.document_id,
            "status": self.status,
            "quote": self.quote,
        }


@dataclass
class LegalBasis:
    law: str
    version: str
    article: int
    paragraph: int | None = None
    item: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "law": self.law,
            "version": self.version,
            "article": self.article,
            "paragraph": self.paragraph,
            "item": self.item,
        }


@dataclass
class Finding:
    rule_id: str
    category: str  # deadline | missing_document | wording | citation | notice | consistency | format
    severity: str  # error | warning | info
    message: str  # Chinese
    document_id: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    legal_basis: list[LegalBasis] = field(default_factory=list)
    explanation: dict[str, Any] = field(default_factory=lambda: {"steps": [], "values": {}})

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "document_id": self.document_id,
            "evidence": [e.to_dict() for e in self.evidence],
            "legal_basis": [b.to_dict() for b in self.legal_basis],
            "explanation": self.explanation,
        }


@dataclass
class Case:
    """Everything extracted from one dossier: what the rules look at."""

    dossier: Dossier
    documents: list[Document] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)  # suspects / defendants of this case
    findings: list[Finding] = field(default_factory=list)
    # 卷内目录 vs segmentation (auditor.segment.toc.TocCheck.to_dict), one entry per 目录; notices only.
    toc_check: list[dict[str, Any]] = field(default_factory=list)
    # 卷宗封面 / 备考表 page counts vs the volume's pages (auditor.segment.cover.CoverCheck.to_dict); notices only.
    cover_check: list[dict[str, Any]] = field(default_factory=list)

    def volume_notices(self) -> list[str]:
        """What the 卷内目录 and 卷宗封面 checks tell the reviewer, in order (Chinese sentences)."""
        return [n for check in self.toc_check + self.cover_check for n in check.get("notices", [])]

    def document(self, doc_id: str | None) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)

    def evidence(self, doc: Document, start: int, end: int) -> Evidence:
        """Evidence for document-text span [start, end), with page and box resolved."""
        abs_start = doc.start + start
        return Evidence(
            document_id=doc.id,
            page=self.dossier.page_at(abs_start),
            start=start,
            end=end,
            quote=doc.text[start:end],
            bbox=self.dossier.bbox_of(abs_start, doc.start + end),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.dossier.source,
            "pages": len(self.dossier.pages),
            # Per page: which path read it (text layer, OCR, DOCX, TXT) and how usable its text was.
            "page_details": [
                {"page": p.number, "source": p.source, "method": p.method, "quality": p.quality}
                | ({"removed": p.removed} if p.removed else {})
                for p in self.dossier.pages
            ],
            "documents": [d.to_dict() for d in self.documents],
            "events": [e.to_dict() for e in self.events],
            "citations": [c.to_dict() for c in self.citations],
            "findings": [f.to_dict() for f in self.findings],
            "errors": [e.to_dict() for e in self.dossier.errors],
        } | ({"toc_check": self.toc_check} if self.toc_check else {}) | (
            {"cover_check": self.cover_check} if self.cover_check else {}
        )
