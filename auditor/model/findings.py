"""Findings: what is wrong, where, by which law, and how we know."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from auditor.model.base import Fact, JsonValue
from auditor.model.documents import Evidence

Category = Literal["deadline", "missing_document", "wording", "citation", "notice", "consistency", "format"]
Severity = Literal["error", "warning", "info"]


class LegalBasis(Fact):
    law: str
    version: str
    article: int
    paragraph: int | None = None
    item: int | None = None


class Explanation(Fact):
    steps: tuple[str, ...] = ()  # Chinese sentences, the computation step by step
    values: dict[str, JsonValue] = {}  # the values the steps and the message were built from


class Finding(Fact):
    rule_id: str
    category: Category
    severity: Severity
    message: str  # Chinese
    document_id: str | None = None
    evidence: tuple[Evidence, ...] = ()
    legal_basis: tuple[LegalBasis, ...] = ()
    explanation: Explanation = Explanation()
    # Stable across re-runs of the same or a corrected dossier: rule, document type, person and the dates or values
    # the finding rests on, never offsets.
    fingerprint: str | None = Field(default=None, exclude_if=lambda v: v is None)
    # The fingerprint of the finding whose root cause this one follows from.
    caused_by: str | None = Field(default=None, exclude_if=lambda v: v is None)
