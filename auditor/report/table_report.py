"""CSV (Chinese headers, UTF-8 with BOM so Excel reads it) and JSON of findings with their review state."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence

from auditor import __version__
from auditor.report.rows import DossierRow, FindingRow
from auditor.report.xlsx_report import FINDING_COLUMNS, finding_cells


def render_csv(findings: Sequence[FindingRow]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([c for c, _ in FINDING_COLUMNS])
    writer.writerows(finding_cells(i, r) for i, r in enumerate(findings, start=1))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def review_json(findings: Sequence[FindingRow], dossiers: Sequence[DossierRow]) -> dict:
    """The review export: each finding as the JSON contract writes it, with where it is and its review state."""
    return {
        "auditor_version": __version__,
        "exported_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "dossiers": [{"source": d.source_name, "organ": d.organ, "version": d.version, "pages": d.pages,
                      "documents": d.documents, "findings": d.findings, "errors": list(d.errors),
                      "audited_at": _iso(d.audited_at)} for d in dossiers],
        "findings": [{**r.data, "fingerprint": r.fingerprint, "source": r.source_name, "organ": r.organ,
                      "rule_name": r.rule_name, "document_title": r.document_title,
                      "review": {"status": r.status, "reason_code": r.reason_code, "comment": r.comment,
                                 "reviewer": r.reviewer, "decided_at": _iso(r.decided_at), "change": r.change}}
                     for r in findings],
    }


def render_review_json(findings: Sequence[FindingRow], dossiers: Sequence[DossierRow]) -> bytes:
    return json.dumps(review_json(findings, dossiers), ensure_ascii=False, indent=2).encode("utf-8")
