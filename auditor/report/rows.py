"""One finding as the exports and the workbench list it: where it is, what the law says, and its review state.

The review store builds these from its tables (with the decision log's current state); `rows_of` builds them from
fresh audit results (not yet reviewed) for `auditor audit --format xlsx|docx|csv`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from auditor.model import AuditResult, Finding, LegalBasis
from auditor.text.numerals import int_to_cn


@dataclass(frozen=True)
class FindingRow:
    rule_id: str
    rule_name: str
    category: str
    severity: str
    message: str
    fingerprint: str
    source_name: str  # the dossier's file name (never a server path)
    case_key: str
    organ: str | None = None  # 办案单位
    document_key: str | None = None
    document_type: str | None = None
    document_title: str | None = None
    document_date: dt.date | None = None
    pages: tuple[int, ...] = ()
    quotes: tuple[str, ...] = ()
    legal_basis: str = ""
    steps: tuple[str, ...] = ()
    caused_by: str | None = None
    # Review state: the latest decision of the log (None: not reviewed yet).
    status: str | None = None
    reason_code: str | None = None
    comment: str = ""
    reviewer: str | None = None
    decided_at: dt.datetime | None = None
    # Store identity (None for fresh results).
    finding_id: int | None = None
    dossier_id: int | None = None
    case_id: int | None = None
    change: str | None = None  # new | unchanged, against the case's previous dossier version
    data: dict[str, Any] = field(default_factory=dict, repr=False)  # the Finding as the JSON contract writes it
    marks: list[Any] = field(default_factory=list, repr=False)  # per evidence: line boxes and dates used


def basis_text(basis: tuple[LegalBasis, ...] | list[LegalBasis] | list[dict]) -> str:
    """《中华人民共和国刑事诉讼法》（2018）第九十一条第一款；…"""
    parts = []
    for b in basis:
        b = b if isinstance(b, LegalBasis) else LegalBasis.model_validate(b)
        text = f"《{b.law}》（{b.version}）第{int_to_cn(b.article)}条"
        if b.paragraph:
            text += f"第{int_to_cn(b.paragraph)}款"
        if b.item:
            text += f"第（{int_to_cn(b.item)}）项"
        parts.append(text)
    return "；".join(parts)


def dossier_organ(result: AuditResult) -> str | None:
    """The 办案单位: the organ that issued most of the dossier's documents."""
    organs = Counter(d.organ for d in result.documents if d.organ)
    return organs.most_common(1)[0][0] if organs else None


def display_name(source: str) -> str:
    return PurePath(source).name or source


def row_of(result: AuditResult, finding: Finding, rule_names: dict[str, str], **extra: Any) -> FindingRow:
    doc = result.document(finding.document_id)
    return FindingRow(
        rule_id=finding.rule_id,
        rule_name=rule_names.get(finding.rule_id, finding.rule_id),
        category=finding.category,
        severity=finding.severity,
        message=finding.message,
        fingerprint=finding.fingerprint or "",
        source_name=extra.pop("source_name", None) or display_name(result.dossier.source),
        case_key=extra.pop("case_key", None) or display_name(result.dossier.source),
        organ=extra.pop("organ", None) or dossier_organ(result),
        document_key=finding.document_id,
        document_type=doc.type if doc else None,
        document_title=doc.title if doc else None,
        document_date=doc.date if doc else None,
        pages=tuple(dict.fromkeys(ev.page for ev in finding.evidence)),
        quotes=tuple(ev.quote for ev in finding.evidence),
        legal_basis=basis_text(finding.legal_basis),
        steps=finding.explanation.steps,
        caused_by=finding.caused_by,
        data=finding.model_dump(mode="json"),
        **extra,
    )


def rows_of(results: list[AuditResult], rule_names: dict[str, str]) -> list[FindingRow]:
    return [row_of(r, f, rule_names) for r in results for f in r.findings]


@dataclass(frozen=True)
class DossierRow:
    """One dossier as the exports list it (a line of the 案卷 sheet, the scope of a 评查通报)."""

    source_name: str
    organ: str | None
    pages: int
    documents: int
    findings: int
    errors: tuple[str, ...] = ()  # "[E003] …" messages, without paths
    audited_at: dt.datetime | None = None
    case_date: dt.date | None = None
    version: int = 1


def dossier_row(result: AuditResult, audited_at: dt.datetime | None = None) -> DossierRow:
    dates = [d.date for d in result.documents if d.date]
    return DossierRow(
        source_name=display_name(result.dossier.source), organ=dossier_organ(result), pages=len(result.dossier.pages),
        documents=len(result.documents), findings=len(result.findings),
        errors=tuple(f"[{e.code}] {public_message(e.message, e.source)}" for e in result.errors),
        audited_at=audited_at, case_date=max(dates) if dates else None,
    )


def public_message(message: str, source: str | None) -> str:
    """An error message without the server's folders: a path becomes its file name."""
    if source and source in message:
        message = message.replace(source, display_name(source))
    return message
