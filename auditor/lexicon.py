"""Access to the data files in lexicons/ (loaded once per process)."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import yaml

# lexicons/ sits beside the package in a checkout; AUDITOR_LEXICONS overrides (installed elsewhere).
LEXICON_DIR = Path(os.environ.get("AUDITOR_LEXICONS", Path(__file__).resolve().parents[1] / "lexicons"))


@functools.cache
def load_yaml(name: str) -> Any:
    with open(LEXICON_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@functools.cache
def doc_types() -> list[dict[str, Any]]:
    return list(load_yaml("doc_types.yaml")["types"])


@functools.cache
def doc_type_act(doc_type: str) -> str | None:
    """The procedural act a document of this type itself evidences (拘留证 → 刑事拘留)."""
    for entry in doc_types():
        if entry["type"] == doc_type:
            return entry.get("act")
    return None
