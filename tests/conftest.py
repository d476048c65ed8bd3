"""Shared test helpers: where ../shared is, and a skip marker for machines without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AUDITOR_SHARED", ROOT.parent / "shared"))
LAW_CORPUS = SHARED / "law-corpus"
DEV_CORPUS = SHARED / "dev-corpus" / "real"
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

requires_shared = pytest.mark.skipif(
    not LAW_CORPUS.is_dir(), reason="../shared (law corpus, dev corpus) is not beside the checkout"
)
requires_font = pytest.mark.skipif(
    not FONT.exists(), reason="CJK font fonts-wqy-microhei is not installed (make font)"
)


def iso(day: object) -> str | None:
    """A date as the tables of cases write it (ISO), None stays None."""
    return day.isoformat() if hasattr(day, "isoformat") else day  # type: ignore[return-value]


SCHEMA_FILE = ROOT / "docs" / "schema" / "report.schema.json"


def validate_report(data: object) -> None:
    """Every JSON the CLI prints follows the published schema (docs/schema/report.schema.json)."""
    import json

    import jsonschema

    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
