"""Documents of a dossier and evidence pointing into them."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from auditor.model.base import BBox, Fact


class Document(Fact):
    id: str  # d1, d2 … in dossier order
    type: str  # canonical type from lexicons/doc_types.yaml, or "未知文书"
    title: str
    number: str | None = None  # 文号 / 案号
    organ: str | None = None  # issuing organ
    date: dt.date | None = None  # signature date
    # Why the signature date may be wrong (its year under a seal, inferred); None: no doubt.
    date_unsure: str | None = Field(default=None, exclude_if=lambda v: v is None)
    pages: tuple[int, ...] = ()
    start: int = Field(default=0, exclude=True)  # dossier offsets
    end: int = Field(default=0, exclude=True)
    text: str = Field(default="", exclude=True, repr=False)
    # The date the document speaks from: its signature date, else the latest full date it mentions
    # (a document is never older than what it recounts). Decides which version of a law applies.
    ref_date: dt.date | None = Field(default=None, exclude=True)
    # A copy of another case's paper kept for reference ("（复印件，同案人某另案处理）"): its acts and persons are that
    # case's; no rule reads it as this case's document (Case.documents_of_type).
    other_case: bool = Field(default=False, exclude_if=lambda v: not v)
    # A paper voided or never issued that the file keeps ("作废", "审批稿", "草稿"): no act of the case; no rule reads it.
    void: str | None = Field(default=None, exclude_if=lambda v: v is None)

    @property
    def day(self) -> dt.date | None:
        """The signature date, else the reference date: the day the document speaks from."""
        return self.date or self.ref_date


class Evidence(Fact):
    document_id: str
    page: int
    start: int  # offsets into the document's text
    end: int
    quote: str
    bbox: BBox | None = Field(default=None, exclude_if=lambda v: v is None)
