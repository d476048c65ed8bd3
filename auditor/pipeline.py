"""The whole audit of one dossier: ingest → segment → extract (once) → rules (read only).

Each stage is guarded: a failure becomes a recorded error on the dossier and the stages that can
still run do, so one odd document never costs the reviewer the rest of the case.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

from auditor.extract.case import build_case
from auditor.ingest import load_dossier
from auditor.limits import DEFAULT_LIMITS, Limits
from auditor.model import AuditError, AuditResult, Case, Document, Dossier, make_error
from auditor.rules.engine import run_rules
from auditor.rules.rule import Rule
from auditor.scoring import score_case
from auditor.segment import segment
from auditor.segment.cover import check_covers
from auditor.segment.toc import check_toc
from auditor.warn import warnings_as_of

log = logging.getLogger(__name__)
T = TypeVar("T")


def audit_dossier(dossier: Dossier, profile: str | None = None, enabled: set[str] | None = None,
                  rules: Sequence[Rule] | None = None, *, as_of: date | None = None, standard: str | None = None,
                  reviews: Mapping[str, str] | None = None, limits: Limits | None = None) -> AuditResult:
    """The audit of one dossier. `rules`: the catalogue to run (default: lexicons/rules as written; the review
    store's configuration passes its own, see auditor.rules.config). `as_of`: also the periods still running on
    that date (执法巡查预警); `standard`: the scoring standard (else the profile's); `reviews`: fingerprint → review
    state (only confirmed findings then count towards the score); `limits`: auditor.limits (else the defaults)."""
    errors: list[AuditError] = list(dossier.errors)
    limits = limits or DEFAULT_LIMITS

    def guarded(stage: str, fn: Callable[[], T], default: T) -> T:
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 — the stage's failure is recorded, the run goes on
            log.error("stage %s failed: %s", stage, type(exc).__name__)
            errors.append(make_error("E060", source=dossier.source, detail=f"{stage}: {type(exc).__name__}"))
            return default

    if not dossier.text.strip():
        return AuditResult(case=Case(dossier=dossier), errors=tuple(errors))
    documents: list[Document] | None = guarded("segment", lambda: segment(dossier), None)
    if documents is None:
        return AuditResult(case=Case(dossier=dossier), errors=tuple(errors))
    if len(documents) > limits.dossier_documents:
        first_skipped = documents[limits.dossier_documents]
        detail = (f"共 {len(documents)} 份，限制 {limits.dossier_documents} 份，第 {limits.dossier_documents + 1} 份"
                  f"（第 {first_skipped.pages[0] if first_skipped.pages else '?'} 页）起")
        errors.append(make_error("E087", source=dossier.source, detail=detail))
        documents = documents[: limits.dossier_documents]
    # 卷内目录 and 卷宗封面 vs segmentation: notices for the reviewer, not rule findings (design §2.2).
    tocs = guarded("toc", lambda: check_toc(documents), [])
    covers = guarded("cover", lambda: check_covers(documents, tocs), [])
    toc_check = tuple(t.report() for t in tocs)
    cover_check = tuple(c.report() for c in covers)

    def extract() -> Case:
        case, extraction_errors = build_case(dossier, documents, toc_check, cover_check)
        errors.extend(extraction_errors)
        return case

    case = guarded("extract", extract, None)
    if case is None:
        shell = Case(dossier=dossier, documents=tuple(documents), toc_check=toc_check, cover_check=cover_check)
        return AuditResult(case=shell, errors=tuple(errors))
    findings = tuple(guarded("rules", lambda: run_rules(case, rules=rules, profile=profile, enabled=enabled,
                                                        errors=errors), []))
    warnings = None
    if as_of is not None:
        warnings = guarded("warn", lambda: tuple(warnings_as_of(case, as_of)), None)
    score = guarded("score", lambda: score_case(case, findings, standard=standard, profile=profile, reviews=reviews),
                    None)
    return AuditResult(case=case, findings=findings, errors=tuple(errors), as_of=as_of if warnings is not None
                       else None, warnings=warnings, score=score)


def audit_path(path: str | Path, profile: str | None = None, enabled: set[str] | None = None,
               rules: Sequence[Rule] | None = None, *, as_of: date | None = None, standard: str | None = None,
               reviews: Mapping[str, str] | None = None, limits: Limits | None = None,
               name: str | None = None) -> AuditResult:
    """Audit one input. `name` is how the report names it (auditor.ingest.naming.input_name); None: its path."""
    return audit_dossier(load_dossier(path, limits=limits, name=name), profile=profile, enabled=enabled, rules=rules,
                         as_of=as_of, standard=standard, reviews=reviews, limits=limits)


def audit_text(text: str, source: str = "<text>", profile: str | None = None) -> AuditResult:
    """Audit plain dossier text (same break rules as a .txt file)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dossier.txt"
        path.write_text(text, encoding="utf-8")
        dossier = load_dossier(path)
    dossier.source = source
    for page in dossier.pages:
        page.source = source
    return audit_dossier(dossier, profile=profile)
