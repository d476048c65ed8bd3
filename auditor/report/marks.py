"""Where to draw a finding's evidence on the page images: one box per printed line of a quote (a box around a
wrapped quote would cover two whole lines), and for a deadline finding the dates its computation used.

Computed once, while the dossier's character boxes are at hand, and kept with the finding in the review store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from auditor.model import AuditResult, BBox, Document, Dossier, Finding
from auditor.text.dates import find_dates

# A character whose top lies below the current line's middle starts a new line; so does one that jumps back left.
_BACKSTEP = 2.0  # points


@dataclass(frozen=True)
class Mark:
    page: int  # 1-based page number in the dossier
    box: BBox  # x0, top, x1, bottom in PDF points (top-left origin)
    kind: str  # "quote" (the evidence text) or "date" (a date a deadline computation used)

    def to_json(self) -> dict:
        return {"page": self.page, "box": list(self.box), "kind": self.kind}


def line_boxes(dossier: Dossier, start: int, end: int) -> list[tuple[int, BBox]]:
    """(page number, box) per printed line of dossier text[start:end]; empty when the pages carry no boxes."""
    out: list[tuple[int, BBox]] = []
    current: list[float] | None = None
    page_no = None
    for offset in range(max(0, start), max(start, end)):
        idx = dossier.page_index_at(offset)
        page = dossier.pages[idx] if dossier.pages else None
        if page is None or page.boxes is None:
            continue
        local = offset - dossier.page_starts[idx]
        box = page.boxes[local] if 0 <= local < len(page.boxes) else None
        if box is None:
            continue
        x0, top, x1, bottom = box
        new_line = (
            current is None or page.number != page_no
            or top > (current[1] + current[3]) / 2
            or x0 < current[0] - _BACKSTEP
        )
        if new_line:
            if current is not None:
                out.append((page_no, _rounded(current)))
            current, page_no = [x0, top, x1, bottom], page.number
        else:
            current = [min(current[0], x0), min(current[1], top), max(current[2], x1), max(current[3], bottom)]
    if current is not None:
        out.append((page_no, _rounded(current)))
    return out


def _rounded(box: list[float]) -> BBox:
    return (round(box[0], 1), round(box[1], 1), round(box[2], 1), round(box[3], 1))


def _dates_used(finding: Finding) -> set[dt.date]:
    """The full dates among a deadline finding's values (from_date, to_date …)."""
    out = set()
    for value in finding.explanation.values.values():
        if isinstance(value, str) and len(value) == 10:
            try:
                out.add(dt.date.fromisoformat(value))
            except ValueError:
                pass
    return out


def _date_spans(doc: Document, wanted: set[dt.date], start: int, end: int) -> list[tuple[int, int]]:
    """Spans in the document's text of the wanted dates: those inside the evidence span when it states them,
    else the document's last statement of each (its signature date, which dates the act the document is)."""
    mentions = [m for m in find_dates(doc.text, anchor=doc.day) if m.as_date() in wanted]
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    if inside:
        return [(m.start, m.end) for m in inside]
    last: dict[dt.date, tuple[int, int]] = {}
    for m in mentions:
        last[m.as_date()] = (m.start, m.end)  # type: ignore[index]
    return list(last.values())


def finding_marks(result: AuditResult, finding: Finding) -> list[list[Mark]]:
    """Per evidence of `finding`: its boxes, one per line of the quote, plus the dates a deadline used."""
    dossier = result.dossier
    wanted = _dates_used(finding) if finding.category == "deadline" else set()
    out: list[list[Mark]] = []
    for ev in finding.evidence:
        doc = result.document(ev.document_id)
        if doc is None:
            out.append([])
            continue
        marks = [Mark(p, b, "quote") for p, b in line_boxes(dossier, doc.start + ev.start, doc.start + ev.end)]
        for s, e in _date_spans(doc, wanted, ev.start, ev.end) if wanted else []:
            marks += [Mark(p, b, "date") for p, b in line_boxes(dossier, doc.start + s, doc.start + e)]
        out.append(marks)
    return out
