"""Checks of a volume's own structure (卷内目录, 卷宗封面, 备考表): notices for the reviewer, not findings."""

from __future__ import annotations

from auditor.model.base import Fact


class TocEntry(Fact):
    serial: int
    title: str
    type: str | None
    listed_page: int | None
    status: str  # ok | page_mismatch | not_found
    document_id: str | None = None
    found_page: int | None = None


class UnlistedDocument(Fact):
    document_id: str
    type: str
    page: int | None


class TocCheck(Fact):
    toc_document: str  # id of the 卷内目录 document
    page_offset: int  # actual page − listed page, agreed by most rows
    entries: tuple[TocEntry, ...] = ()
    unlisted: tuple[UnlistedDocument, ...] = ()
    notices: tuple[str, ...] = ()


class StatedPageCount(Fact):
    document_id: str
    type: str  # 卷宗封面 or 卷内备考表
    pages: int
    quote: str
    status: str


class CoverCheck(Fact):
    cover_document: str  # id of the volume's 卷宗封面
    first_page: int
    last_page: int
    actual_pages: int
    unnumbered_pages: int
    stated: tuple[StatedPageCount, ...] = ()
    toc_last_page: int | None = None
    notices: tuple[str, ...] = ()


class LeftOut(Fact):
    """A paper the dossier itself says it does not hold: a request note of a review ("侦查卷宗、送达回证等未随调",
    "讯问笔录…未调取，另卷保存"). Its absence is no defect of the file (issue 11 item 6)."""

    document_id: str  # the note saying so
    type: str  # canonical type of the paper left out
    start: int  # the sentence's span in the note
    end: int
