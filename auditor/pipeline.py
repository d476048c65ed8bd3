"""The whole audit of one dossier: ingest → segment → extract → rules.

Each stage is guarded: a failure becomes a recorded error on the dossier and the stages that can
still run do, so one odd document never costs the reviewer the rest of the case.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from pathlib import Path

from auditor.errors import make_error
from auditor.ingest import load_dossier
from auditor.model import Case, Dossier
from auditor.nlp.extract import extract_case
from auditor.rules.engine import run_rules
from auditor.segment import segment
from auditor.segment.cover import check_covers
from auditor.segment.toc import TocCheck, check_toc

log = logging.getLogger(__name__)


def _guarded(case: Case, stage: str, fn: Callable[[], None]) -> bool:
    try:
        fn()
        return True
    except Exception as exc:  # noqa: BLE001 — the stage's failure is recorded, the run goes on
        log.exception("stage %s failed on %s", stage, case.dossier.source)
        case.dossier.errors.append(make_error("E060", source=case.dossier.source, detail=f"{stage}: {type(exc).__name__}"))
        return False


def audit_dossier(dossier: Dossier, profile: str | None = None, enabled: set[str] | None = None) -> Case:
    case = Case(dossier=dossier)
    if not dossier.text.strip():
        return case

    def do_segment() -> None:
        case.documents = segment(dossier)

    tocs: list[TocCheck] = []

    def do_toc() -> None:
        # 卷内目录 vs segmentation: notices for the reviewer, not rule findings (design §2.2 `toc_check`).
        tocs.extend(check_toc(case.documents))
        case.toc_check = [check.to_dict() for check in tocs]

    def do_cover() -> None:
        # 卷宗封面 / 备考表 page counts vs the pages of each volume: notices, like the 目录 check.
        case.cover_check = [check.to_dict() for check in check_covers(case.documents, tocs)]

    def do_extract() -> None:
        extract_case(case)

    def do_rules() -> None:
        case.findings = run_rules(case, profile=profile, enabled=enabled)

    if _guarded(case, "segment", do_segment):
        _guarded(case, "toc", do_toc)
        _guarded(case, "cover", do_cover)
        if _guarded(case, "extract", do_extract):
            _guarded(case, "rules", do_rules)
    return case


def audit_path(path: str | Path, profile: str | None = None, enabled: set[str] | None = None) -> Case:
    return audit_dossier(load_dossier(path), profile=profile, enabled=enabled)


def audit_text(text: str, source: str = "<text>", profile: str | None = None) -> Case:
    """Audit plain dossier text (same break rules as a .txt file)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dossier.txt"
        path.write_text(text, encoding="utf-8")
        dossier = load_dossier(path)
    dossier.source = source
    for page in dossier.pages:
        page.source = source
    return audit_dossier(dossier, profile=profile)
