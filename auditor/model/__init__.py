"""Layer 0: the typed facts every stage shares, immutable once built, and the numbered error catalogue."""

from auditor.model.base import BBox, ClockTime, Fact
from auditor.model.case import AuditResult, Case, DossierReport, Report
from auditor.model.documents import Document, Evidence
from auditor.model.dossier import Dossier, Page, PageDetail
from auditor.model.errors import AuditError, make_error
from auditor.model.facts import (
    Basis,
    Citation,
    Decision,
    Event,
    Guarantee,
    Notice,
    Party,
    PartyMention,
    Receipt,
    Record,
    Span,
    StatedTime,
    Term,
)
from auditor.model.findings import Explanation, Finding, LegalBasis
from auditor.model.scores import Deduction, Score, Veto
from auditor.model.volume import CoverCheck, LeftOut, StatedPageCount, TocCheck, TocEntry, UnlistedDocument
from auditor.model.warnings import DeadlineWarning, Level

__all__ = [
    "AuditError", "AuditResult", "BBox", "Basis", "Case", "Citation", "Decision", "ClockTime", "CoverCheck", "Document", "Dossier",
    "DossierReport", "Event", "Evidence", "Explanation", "Fact", "Finding", "Guarantee", "LeftOut", "LegalBasis", "Notice", "Page",
    "PageDetail", "Party", "PartyMention", "Receipt", "Record", "Report", "StatedTime", "Span", "StatedPageCount", "Term", "TocCheck", "TocEntry",
    "UnlistedDocument", "make_error",
    "DeadlineWarning", "Deduction", "Level", "Score", "Veto",
]
