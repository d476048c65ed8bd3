"""A rule as loaded from its YAML file, and how it turns values into a finding.

Every sentence a finding shows is a template in data: the rule's `message`, and its explanation steps in
`steps` (the rule's own) falling back to the defaults of its check in lexicons/rule_steps.yaml. Code fills in
values; it writes no legal prose, no article number and no day count.
"""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from auditor.law.basis import basis_on
from auditor.model import Case, Document, Evidence, Explanation, Finding, LegalBasis
from auditor.text.numerals import int_to_cn

CATEGORIES = ("deadline", "missing_document", "wording", "citation", "notice", "consistency", "format")
SEVERITIES = ("error", "warning", "info")
DOC_SECTIONS = ("what", "why", "bad", "good", "false_positives")


@dataclass(frozen=True)
class BasisEntry:
    law: str
    version: str
    article: int
    paragraph: int | None = None
    item: int | None = None
    basis_text: tuple[str, ...] = ()  # wording of the article the rule rests on (pinned by a test)

    def to_legal_basis(self) -> LegalBasis:
        return LegalBasis(law=self.law, version=self.version, article=self.article, paragraph=self.paragraph,
                          item=self.item)


def _version_label(version: str | None) -> str:
    """"2012" → 2012年版, "2012试行" → 2012年试行版 (laws.yaml ids as a reader writes them)."""
    m = re.fullmatch(r"(\d{4})(.*)", version or "")
    return f"{m.group(1)}年{m.group(2)}版" if m else (version or "")


class _KeepMissing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class _Formatter(string.Formatter):
    """str.format with one more conversion: `{n!c}` writes a whole number in Chinese numerals (二次, 一个月)."""

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "c":
            return int_to_cn(value) if isinstance(value, int) and not isinstance(value, bool) else value
        return super().convert_field(value, conversion)


_FORMATTER = _Formatter()


def plain(value: Any) -> Any:
    """JSON-friendly values: dates become ISO strings."""
    return value.isoformat() if isinstance(value, date) else value


# A quote keeps the document's line and page breaks ("《中华人民共和国刑事诉讼法\n\n》第六十六条"); a message is one line.
_LINE_BREAKS = re.compile(r"[ \t\u3000]*\n\s*")


def _one_line(value: Any) -> Any:
    return _LINE_BREAKS.sub("", value) if isinstance(value, str) else value


def format_message(template: str, values: dict[str, Any]) -> str:
    """Fill {placeholders}; unknown ones stay visible instead of raising. Quoted text is written on one line."""
    try:
        return _FORMATTER.vformat(template, (), _KeepMissing({k: _one_line(plain(v)) for k, v in values.items()}))
    except (ValueError, IndexError):
        return template


@dataclass
class Rule:
    id: str
    name: str
    category: str
    severity: str
    profiles: tuple[str, ...]  # derived from lexicons/profiles/*.yaml (auditor/rules/profiles.py)
    kind: str  # the check kind, or "python" for a named check
    check_name: str | None  # the named Python check (kind python)
    params: BaseModel  # the check's parameters, validated against the kind's schema
    legal_basis: list[BasisEntry]
    message: str
    docs: dict[str, str]
    texts: dict[str, str] = field(default_factory=dict)  # step templates: the kind's defaults, the rule's own on top
    fingerprint_keys: tuple[str, ...] | None = None  # explanation values a finding's identity rests on (YAML)
    caused_by: tuple[str, ...] = ()  # rules whose findings are this rule's root cause where evidence overlaps
    path: Path | None = None
    raw: dict[str, Any] = field(default_factory=dict)  # the YAML mapping as written (docs, tests)

    @property
    def check(self) -> dict[str, Any]:
        """The check mapping as written in the YAML."""
        return self.raw.get("check", {})

    def text(self, key: str, **values: Any) -> str:
        """The template `key` filled with `values` (a missing template is a loader error, never silent)."""
        return format_message(self.texts[key], values)

    def format_message(self, values: dict[str, Any]) -> str:
        return format_message(self.message, values)

    def finding(
        self,
        case: Case,
        *,
        document: Document | None,
        evidence: list[Evidence] | tuple[Evidence, ...],
        values: dict[str, Any],
        steps: list[str],
        severity: str | None = None,
        identity: dict[str, Any] | None = None,
    ) -> Finding:
        """A Finding of this rule: message from `values`, explanation `steps`, and a fingerprint from what it rests
        on: the rule's `fingerprint` keys of `values` when the YAML names them, else `identity` (the check's
        choice: person, dates, amounts), else every value."""
        clean = {k: plain(v) for k, v in values.items()}
        basis, notes = self._basis_on(document)
        return Finding(
            rule_id=self.id,
            category=self.category,
            severity=severity or self.severity,
            message=self.format_message(clean),
            document_id=document.id if document else None,
            evidence=tuple(evidence),
            legal_basis=basis,
            explanation=Explanation(steps=(*steps, *notes), values=clean),
            fingerprint=self._fingerprint(document, clean, identity),
        )

    def _basis_on(self, document: Document | None) -> tuple[tuple[LegalBasis, ...], list[str]]:
        """The legal basis numbered for the versions in force on the document's date, and a step for each law whose
        earlier version it was (renumbered, or not: the earlier number is not in the rule base)."""
        day = document.day if document else None
        out: list[LegalBasis] = []
        notes: dict[str, str] = {}
        for entry in self.legal_basis:
            dated = basis_on(entry.to_legal_basis(), day)
            if dated.basis not in out:
                out.append(dated.basis)
            if (dated.in_force is None and dated.before is None) or dated.basis.law in notes:
                continue
            words = {"document": document.type if document else "", "date": day, "law": dated.basis.law,
                     "version": _version_label(dated.in_force), "current": _version_label(dated.current.version),
                     "first": _version_label(dated.before)}
            key = "basis_before" if dated.before else "basis_renumbered" if dated.renumbered else "basis_unnumbered"
            notes[dated.basis.law] = self.text(key, **words)
        return tuple(out), list(notes.values())

    def _fingerprint(self, document: Document | None, values: dict[str, Any], identity: dict[str, Any] | None) -> str:
        """Rule, document type, person and the dates or values the finding rests on — never offsets or quotes."""
        if self.fingerprint_keys is not None:
            identity = {k: values.get(k) for k in self.fingerprint_keys}
        elif identity is None:
            identity = values
        parts = [self.id, document.type if document else ""]
        parts += [f"{k}={plain(v)}" for k, v in sorted(identity.items())]
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
