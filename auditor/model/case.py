"""The case the rules read (everything extraction decided, frozen) and the audit result the reports write."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from functools import cached_property

from pydantic import ConfigDict, Field

from auditor.lexicon import doc_type_organ, organ_kind
from auditor.model.base import Fact
from auditor.model.documents import Document, Evidence
from auditor.model.dossier import Dossier, PageDetail
from auditor.model.errors import AuditError
from auditor.model.facts import Citation, Decision, Event, Guarantee, Party, Receipt, Record, StatedTime, Term
from auditor.model.findings import Finding
from auditor.model.scores import Score
from auditor.model.volume import CoverCheck, LeftOut, TocCheck
from auditor.model.warnings import DeadlineWarning

UNKNOWN_TYPE = "未知文书"


# An untyped paper titled about another ("关于扣押清单的情况说明", held-out ind_dr02) is a note on it, not that paper.
_ABOUT_TITLE = re.compile(r"^\s*关于|的(?:情况)?(?:说明|报告|请示|意见)\s*$")


# A title undoing or refusing the act of the type it holds ("解除扣押决定书" is no 扣押决定书, held-out ind_cj01 once a
# heading with its 文号 opened a paper of its own).
_UNDOING = ("解除", "撤销", "撤回", "变更", "不予", "不", "终止", "退还")


def _names_type(title: str, doc_type: str) -> bool:
    at = title.find(doc_type)
    return at >= 0 and not title[:at].endswith(_UNDOING)


class Case(Fact):
    """Everything extracted from one dossier, read-only: what the rules look at."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    dossier: Dossier = Field(exclude=True, repr=False)
    documents: tuple[Document, ...] = ()
    parties: tuple[Party, ...] = ()
    events: tuple[Event, ...] = ()
    citations: tuple[Citation, ...] = ()
    terms: tuple[Term, ...] = ()
    guarantees: tuple[Guarantee, ...] = ()
    records: tuple[Record, ...] = ()
    decisions: tuple[Decision, ...] = ()
    stated_times: tuple[StatedTime, ...] = ()
    receipts: tuple[Receipt, ...] = ()
    appended_citations: tuple[Citation, ...] = ()  # articles quoted in statute text appended to a document
    # Citations of an earlier decision's grounds or a party's argument that a document reports ("原审法院…依照…").
    reported_citations: tuple[Citation, ...] = ()
    toc_check: tuple[TocCheck, ...] = ()
    cover_check: tuple[CoverCheck, ...] = ()
    left_out: tuple[LeftOut, ...] = ()  # papers the dossier says it does not hold

    @cached_property
    def persons(self) -> tuple[str, ...]:
        """Names of this case's suspects / defendants, in first-mention order."""
        return tuple(p.name for p in self.parties if p.is_suspect)

    @cached_property
    def _by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    def document(self, doc_id: str | None) -> Document | None:
        return self._by_id.get(doc_id) if doc_id else None

    def documents_of_type(self, types: str | Iterable[str]) -> list[Document]:
        """Documents whose canonical type is one of `types` (or, when untyped, whose title names one); another case's
        papers copied into the file, and papers voided or never issued, are not this case's documents."""
        wanted = [types] if isinstance(types, str) else list(types)
        return [
            d for d in self.documents
            if not d.other_case and d.void is None
            and (d.type in wanted or (d.type == UNKNOWN_TYPE and not _ABOUT_TITLE.search(d.title or "")
                                      and any(_names_type(d.title or "", t) for t in wanted)))
        ]

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

    def party(self, name: str | None) -> Party | None:
        """The party written `name` (its canonical name or one of its variants)."""
        if not name:
            return None
        return next((p for p in self.parties if name in p.names), None)

    def received(self, types: Iterable[str], by: Iterable[str], on_or_after: dt.date,
                 until: dt.date | None = None, stated_in: str | None = None) -> Receipt | None:
        """The earliest receipt of a document of `types` by a recipient of kinds `by`, dated in [on_or_after, until]:
        the day a period that runs from receipt starts. One stated in the document `stated_in` (the act that closes
        the period, naming the decision it answers) comes first."""
        kinds, wanted = set(by), set(types)
        found = [r for r in self.receipts if r.received_type in wanted and r.recipient_kind in kinds
                 and r.date >= on_or_after and (until is None or r.date <= until)]
        own = [r for r in found if stated_in is not None and r.document_id == stated_in]
        return min(own or found, key=lambda r: r.date) if found else None

    def decision(self, doc_id: str | None) -> Decision | None:
        return next((d for d in self.decisions if d.document_id == doc_id), None)

    def handling_unit(self, side: str | None = None) -> str | None:
        """办案单位: the organ most of the documents of `side` ("police", "procuratorate"; None: police, else
        procuratorate) are issued by, by their types in lexicons/doc_types.yaml; ties go to the first named."""
        for kind in (side,) if side else ("police", "procuratorate"):
            named = [d.organ for d in self.documents if d.organ and doc_type_organ(d.type) == kind]
            if named:
                counts = Counter(named)
                return max(counts, key=lambda organ: (counts[organ], -named.index(organ)))
        return None

    @property
    def shown_whole(self) -> bool:
        """The dossier shows itself a whole 卷 (a 卷内目录 or a 卷宗封面 was read): an absent document is then missing,
        not merely outside an excerpt (issue 11 item 6)."""
        return bool(self.toc_check or self.cover_check)

    @cached_property
    def volume_side(self) -> str | None:
        """police | procuratorate: whose 卷 its cover or contents list shows ("检察卷宗", an organ named on it); None when
        no cover or list was read, or it does not say."""
        if not self.shown_whole:
            return None
        # The cover says it ("检察卷宗（审查起诉）\n鹤林县人民检察院"); a contents list only by its own title or organ (its rows
        # name the other organ's papers).
        covers = [d for d in self.documents if d.type == "卷宗封面"]
        kinds = {organ_kind(f"{d.title or ''}{d.organ or ''}") or organ_kind(d.text[:80]) for d in covers} or {
            organ_kind(f"{d.title or ''}{d.organ or ''}") for d in self.documents if d.type == "卷内目录"}
        kinds -= {None}
        return next(iter(kinds)) if len(kinds) == 1 else None

    def shown_whole_for(self, types: Iterable[str]) -> bool:
        """Is the dossier a whole 卷 that would hold papers of `types`? A procuratorate's own 卷 (检察卷宗) holds the
        police papers it was sent, not every police notice: an absent one is no gap of it (held-out ind_gn05)."""
        if not self.shown_whole:
            return False
        return not (self.volume_side == "procuratorate" and all(doc_type_organ(t) == "police" for t in types))

    def said_left_out(self, types: str | Iterable[str]) -> LeftOut | None:
        """The dossier's own word that a paper of one of `types` is not in it ("送达回证等未随调"), if it says so."""
        wanted = {types} if isinstance(types, str) else set(types)
        return next((x for x in self.left_out if x.type in wanted), None)

    def volume_notices(self) -> list[str]:
        """What the 卷内目录 and 卷宗封面 checks tell the reviewer, in order (Chinese sentences)."""
        return [n for check in (*self.toc_check, *self.cover_check) for n in check.notices]


class AuditResult(Fact):
    """One audited dossier: the case, its findings, and every error met on the way (ingest, stages, rules)."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    case: Case
    findings: tuple[Finding, ...] = ()
    errors: tuple[AuditError, ...] = ()
    as_of: dt.date | None = None  # the date `warnings` were computed for; None: no as-of audit
    warnings: tuple[DeadlineWarning, ...] | None = None
    score: Score | None = None

    @property
    def dossier(self) -> Dossier:
        return self.case.dossier

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.case.documents

    @property
    def events(self) -> tuple[Event, ...]:
        return self.case.events

    @property
    def citations(self) -> tuple[Citation, ...]:
        return self.case.citations

    @property
    def parties(self) -> tuple[Party, ...]:
        return self.case.parties

    @property
    def persons(self) -> tuple[str, ...]:
        return self.case.persons

    @property
    def toc_check(self) -> tuple[TocCheck, ...]:
        return self.case.toc_check

    @property
    def cover_check(self) -> tuple[CoverCheck, ...]:
        return self.case.cover_check

    def document(self, doc_id: str | None) -> Document | None:
        return self.case.document(doc_id)

    def to_dict(self) -> dict:
        """This dossier as the JSON contract writes it."""
        return self.report().model_dump(mode="json")

    @property
    def readable(self) -> bool:
        return bool(self.case.dossier.text.strip())

    def report(self) -> DossierReport:
        d = self.case.dossier
        return DossierReport(
            source=d.source,
            pages=len(d.pages),
            page_details=d.page_details(),
            documents=self.case.documents,
            events=self.case.events,
            citations=self.case.citations,
            findings=self.findings,
            errors=self.errors,
            toc_check=self.case.toc_check,
            cover_check=self.case.cover_check,
            unit=self.case.handling_unit() if self.readable else None,
            as_of=self.as_of,
            warnings=self.warnings,
            score=self.score,
        )


class DossierReport(Fact):
    """One dossier in the JSON contract (design §2.2)."""

    source: str
    pages: int
    page_details: tuple[PageDetail, ...] = ()
    documents: tuple[Document, ...] = ()
    events: tuple[Event, ...] = ()
    citations: tuple[Citation, ...] = ()
    findings: tuple[Finding, ...] = ()
    errors: tuple[AuditError, ...] = ()
    toc_check: tuple[TocCheck, ...] = Field(default=(), exclude_if=lambda v: not v)
    cover_check: tuple[CoverCheck, ...] = Field(default=(), exclude_if=lambda v: not v)
    unit: str | None = Field(default=None, exclude_if=lambda v: v is None)  # 办案单位
    # 执法巡查预警 (`--as-of` / `--warn`): the periods still running on `as_of`, sorted by days left.
    as_of: dt.date | None = Field(default=None, exclude_if=lambda v: v is None)
    warnings: tuple[DeadlineWarning, ...] | None = Field(default=None, exclude_if=lambda v: v is None)
    score: Score | None = Field(default=None, exclude_if=lambda v: v is None)  # 案件评查打分


class Report(Fact):
    """The JSON `auditor audit --format json` prints: the published contract (`auditor schema`)."""

    auditor_version: str
    dossiers: tuple[DossierReport, ...] = ()
