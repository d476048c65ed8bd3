"""Access to the data files in lexicons/ (loaded once per process)."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

import yaml

# lexicons/ sits beside the package in a checkout; AUDITOR_LEXICONS overrides (installed elsewhere).
LEXICON_DIR = Path(os.environ.get("AUDITOR_LEXICONS", Path(__file__).resolve().parents[1] / "lexicons"))


# libyaml's loader reads the lexicons about ten times faster than the pure-Python one (start-up of every worker
# process: docs/benchmarks.md); same safe subset of YAML.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(source: Any) -> Any:
    """YAML text or an open file -> data (safe loader, libyaml's when installed)."""
    return yaml.load(source, Loader=_LOADER)  # noqa: S506 — a safe loader


@functools.cache
def load_yaml(name: str) -> Any:
    with open(LEXICON_DIR / name, encoding="utf-8") as fh:
        return read_yaml(fh)


@functools.cache
def doc_types() -> list[dict[str, Any]]:
    return list(load_yaml("doc_types.yaml")["types"])


@functools.cache
def undated_types() -> frozenset[str]:
    """Document types that carry no date of their own (a 卷内目录 lists the dates of other documents)."""
    return frozenset(entry["type"] for entry in doc_types() if entry.get("undated"))


@functools.cache
def _doc_type_entries() -> dict[str, dict[str, Any]]:
    return {entry["type"]: entry for entry in doc_types()}


def doc_type_act(doc_type: str) -> str | None:
    """The procedural act a document of this type itself evidences (拘留证 → 刑事拘留)."""
    return _doc_type_entries().get(doc_type, {}).get("act")


def doc_type_act_words(doc_type: str) -> str | None:
    """A pattern the document's text must hold for it to evidence its act (a 变更羁押期限通知书 restarts custody only
    where it says 重新计算; an appraisal period left out is another matter)."""
    return _doc_type_entries().get(doc_type, {}).get("act_words")


@functools.cache
def receipt_part_heading() -> tuple[re.Pattern[str], int]:
    """The heading of a notice's receipt part ("拘留通知书（回执）"), and how many head lines a paper that is one shows
    it in."""
    spec = load_yaml("doc_types.yaml")
    return re.compile(spec["receipt_part"], re.M), int(spec["receipt_part_lines"])


@functools.cache
def receipt_tail() -> re.Pattern[str]:
    """A receipt written under a paper's own signature, without a heading ("本通知书已收到。")."""
    return re.compile(load_yaml("doc_types.yaml")["receipt_tail"], re.M)


def is_receipt_part(text: str) -> bool:
    """Does the text open with a receipt part's heading: the family's or the complainant's receipt of a notice?"""
    pattern, lines = receipt_part_heading()
    return bool(pattern.search("\n".join(text.lstrip().split("\n", lines)[:lines])))


def doc_type_not_act_words(doc_type: str) -> str | None:
    """A pattern that, stated in the document, shows its act is another case's (a prison's 释放证明书 of a sentence
    served: "现因刑满，予以释放")."""
    return _doc_type_entries().get(doc_type, {}).get("not_act_words")


def organ_kind(name: str | None) -> str | None:
    """police | procuratorate | court, by the words lexicons/receipts.yaml gives each kind of organ."""
    kinds: dict[str, list[str]] = load_yaml("receipts.yaml")["recipient_kinds"]
    return next((kind for kind, words in kinds.items() if name and any(w in name for w in words)), None)


def police_number(number: str | None) -> bool:
    """Is `number` a police 文号 (lexicons/doc_types.yaml police_number)?"""
    return bool(number) and re.match(load_yaml("doc_types.yaml")["police_number"], number) is not None


def doc_type_organ(doc_type: str) -> str | None:
    """The kind of organ that issues a document of this type (police | procuratorate | court | any)."""
    return _doc_type_entries().get(doc_type, {}).get("organ")
