"""The JSON contract of design §2.2: one serialisation point, the published schema (`auditor schema`)."""

from __future__ import annotations

import json
from typing import Any

from auditor import __version__
from auditor.model import AuditResult, DossierReport, Report


def report_of(results: list[AuditResult] | list[DossierReport]) -> Report:
    return Report(auditor_version=__version__,
                  dossiers=tuple(r.report() if isinstance(r, AuditResult) else r for r in results))


def to_json_dict(results: list[AuditResult] | list[DossierReport]) -> dict[str, Any]:
    return report_of(results).model_dump(mode="json")


def render_json(results: list[AuditResult] | list[DossierReport]) -> str:
    return json.dumps(to_json_dict(results), ensure_ascii=False, indent=2)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of `render_json`'s output, generated from the model."""
    schema = Report.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "案卷智审 auditor --format json"
    return schema
