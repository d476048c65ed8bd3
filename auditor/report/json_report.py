"""The JSON contract of design §2.2."""

from __future__ import annotations

import json
from typing import Any

from auditor import __version__
from auditor.model import Case


def to_json_dict(cases: list[Case]) -> dict[str, Any]:
    return {"auditor_version": __version__, "dossiers": [c.to_dict() for c in cases]}


def render_json(cases: list[Case]) -> str:
    return json.dumps(to_json_dict(cases), ensure_ascii=False, indent=2)
