"""Rules as data: load lexicons/rules/*.yaml, validate the schema (design §3), build findings.

One rule per file, the file named after the rule id. Validation errors name the file and the field so a
rule author can fix the YAML without reading Python.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from auditor.deadlines import parse_period
from auditor.model import Case, Document, Evidence, Finding, LegalBasis

RULES_DIR = Path(__file__).resolve().parents[2] / "lexicons" / "rules"

CATEGORIES = ("deadline", "missing_document", "wording", "citation", "notice", "consistency", "format")
SEVERITIES = ("error", "warning", "info")
PROFILES = ("police", "procuratorate")
DOC_SECTIONS = ("what", "why", "bad", "good", "false_positives")
PROSE_SECTIONS = ("what", "why", "false_positives")  # folded YAML text; bad/good keep their lines
_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
REQUIRED_FIELDS = ("id", "name", "category", "severity", "applies_to", "check", "legal_basis", "message", "docs")
# Fields each check kind needs; the kind modules read them.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "deadline": ("from", "to", "limit", "custody"),
    "required_documents": ("requires",),
    "term": ("document", "max"),
    "citation": ("status",),
    "python": ("name",),
}
CONDITION_KEYS = ("document", "event", "text", "all", "any")


class RuleError(ValueError):
    """A rule file that does not follow the schema."""


@dataclass(frozen=True)
class BasisEntry:
    law: str
    version: str
    article: int
    paragraph: int | None = None
    item: int | None = None
    basis_text: tuple[str, ...] = ()  # wording of the article the rule rests on (pinned by a test)

    def to_legal_basis(self) -> LegalBasis:
        return LegalBasis(self.law, self.version, self.article, self.paragraph, self.item)


@dataclass
class Rule:
    id: str
    name: str
    category: str
    severity: str
    profiles: tuple[str, ...]
    check: dict[str, Any]
    legal_basis: list[BasisEntry]
    message: str
    docs: dict[str, str]
    path: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return str(self.check["kind"])

    def format_message(self, values: dict[str, Any]) -> str:
        return format_message(self.message, values)

    def finding(
        self,
        case: Case,
        *,
        document: Document | None,
        evidence: list[Evidence],
        values: dict[str, Any],
        steps: list[str],
        severity: str | None = None,
    ) -> Finding:
        """A Finding of this rule with message placeholders filled from `values`."""
        clean = {k: _plain(v) for k, v in values.items()}
        return Finding(
            rule_id=self.id,
            category=self.category,
            severity=severity or self.severity,
            message=self.format_message(clean),
            document_id=document.id if document else None,
            evidence=evidence,
            legal_basis=[b.to_legal_basis() for b in self.legal_basis],
            explanation={"steps": list(steps), "values": clean},
        )


def _plain(value: Any) -> Any:
    """JSON-friendly values: dates become ISO strings."""
    return value.isoformat() if isinstance(value, date) else value


class _KeepMissing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, values: dict[str, Any]) -> str:
    """Fill {placeholders}; unknown ones stay visible instead of raising."""
    try:
        return string.Formatter().vformat(template, (), _KeepMissing(values))
    except (ValueError, IndexError):
        return template


# --- loading and validation ---------------------------------------------------------------------------


def load_rules(directory: Path | str | None = None) -> list[Rule]:
    """Every lexicons/rules/*.yaml (or `directory`), validated, sorted by id."""
    folder = Path(directory) if directory is not None else RULES_DIR
    if not folder.is_dir():
        raise RuleError(f"rule directory not found: {folder}")
    rules = [load_rule_file(p) for p in sorted(folder.glob("*.yaml"))]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleError(f"{rule.path}: duplicate rule id {rule.id}")
        seen.add(rule.id)
    return sorted(rules, key=lambda r: r.id)


def load_rule_file(path: Path) -> Rule:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RuleError(f"{path}: invalid YAML: {exc}") from exc
    rule = parse_rule(data, where=str(path))
    if rule.id != path.stem:
        raise RuleError(f"{path}: rule id {rule.id!r} must match the file name {path.stem!r}")
    rule.path = path
    return rule


def parse_rule(data: Any, where: str = "<rule>") -> Rule:
    """Validate one rule mapping and build a Rule; RuleError names the offending field."""
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule file must hold one mapping, got {type(data).__name__}")
    missing = [f for f in REQUIRED_FIELDS if f not in data]
    if missing:
        raise RuleError(f"{where}: missing field(s): {', '.join(missing)}")
    rid = data["id"]
    where = f"{where} [{rid}]"
    _expect(isinstance(rid, str) and rid and rid == rid.upper(), where, "id must be an upper-case string")
    _expect(data["category"] in CATEGORIES, where, f"category must be one of {CATEGORIES}")
    _expect(data["severity"] in SEVERITIES, where, f"severity must be one of {SEVERITIES}")
    profiles = (data["applies_to"] or {}).get("profiles") if isinstance(data["applies_to"], dict) else None
    _expect(isinstance(profiles, list) and profiles, where, "applies_to.profiles must be a non-empty list")
    unknown_profiles = [p for p in profiles if p not in PROFILES]
    _expect(not unknown_profiles, where, f"unknown profile(s) {unknown_profiles}; known: {PROFILES}")
    check = data["check"]
    _validate_check(check, where)
    _expect(isinstance(data["message"], str) and data["message"], where, "message must be a non-empty string")
    docs = data["docs"]
    _expect(isinstance(docs, dict), where, "docs must be a mapping")
    missing_docs = [s for s in DOC_SECTIONS if not isinstance(docs.get(s), str) or not docs.get(s).strip()]
    _expect(not missing_docs, where, f"docs is missing section(s): {', '.join(missing_docs)}")
    basis = data["legal_basis"]
    _expect(isinstance(basis, list) and basis, where, "legal_basis must be a non-empty list")
    return Rule(
        id=rid,
        name=str(data["name"]),
        category=data["category"],
        severity=data["severity"],
        profiles=tuple(profiles),
        check=check,
        legal_basis=[_parse_basis(b, where) for b in basis],
        message=data["message"],
        docs={s: _prose(docs[s]) if s in PROSE_SECTIONS else docs[s].strip() for s in DOC_SECTIONS},
        extra={k: v for k, v in data.items() if k not in REQUIRED_FIELDS},
    )


def _prose(text: str) -> str:
    """Folded YAML joins lines with a space; Chinese prose has none between characters."""
    return _CJK_GAP.sub("", text.strip())


def _expect(ok: bool, where: str, problem: str) -> None:
    if not ok:
        raise RuleError(f"{where}: {problem}")


def _parse_basis(entry: Any, where: str) -> BasisEntry:
    _expect(isinstance(entry, dict), where, "each legal_basis entry must be a mapping")
    missing = [f for f in ("law", "version", "article", "basis_text") if f not in entry]
    _expect(not missing, where, f"legal_basis entry is missing {', '.join(missing)}")
    _expect(isinstance(entry["article"], int), where, "legal_basis.article must be an integer")
    texts = entry["basis_text"]
    if isinstance(texts, str):
        texts = [texts]
    _expect(
        isinstance(texts, list) and all(isinstance(t, str) and t for t in texts) and texts,
        where,
        "legal_basis.basis_text must be a non-empty string or list of strings",
    )
    return BasisEntry(
        law=str(entry["law"]),
        version=str(entry["version"]),
        article=entry["article"],
        paragraph=entry.get("paragraph"),
        item=entry.get("item"),
        basis_text=tuple(texts),
    )


def _validate_check(check: Any, where: str) -> None:
    _expect(isinstance(check, dict) and "kind" in check, where, "check must be a mapping with a kind")
    kind = check["kind"]
    _expect(kind in KIND_FIELDS, where, f"unknown check kind {kind!r}; known kinds: {', '.join(KIND_FIELDS)}")
    missing = [f for f in KIND_FIELDS[kind] if f not in check]
    _expect(not missing, where, f"check of kind {kind} is missing field(s): {', '.join(missing)}")
    try:
        for key in ("limit", "max"):
            if key in check:
                parse_period(str(check[key]))
        for ext in check.get("extensions", []) or []:
            _expect(
                isinstance(ext, dict) and "limit" in ext and "when" in ext, where, "each extension needs limit and when"
            )
            parse_period(str(ext["limit"]))
            validate_condition(ext["when"], where)
    except ValueError as exc:
        if isinstance(exc, RuleError):
            raise
        raise RuleError(f"{where}: {exc}") from exc
    if "unless" in check:
        validate_condition(check["unless"], where)
    if kind == "required_documents":
        req = check["requires"]
        _expect(
            isinstance(req, dict) and req and all(isinstance(v, list) and v for v in req.values()),
            where,
            "requires must map a document type to a non-empty list of document types",
        )
    if kind == "citation":
        _expect(
            check["status"] in ("valid", "outdated", "nonexistent", "unknown_law"),
            where,
            "citation status must be valid, outdated, nonexistent or unknown_law",
        )
    if kind == "python":
        from auditor.rules import engine  # noqa: F401  late import: registers every check module
        from auditor.rules.checks import CHECKS

        _expect(
            check["name"] in CHECKS,
            where,
            f"unknown python check {check['name']!r}; known: {', '.join(sorted(CHECKS))}",
        )


def validate_condition(cond: Any, where: str) -> None:
    """Conditions: {document: [...]}, {event: [...]}, {text: [...], in: [...]}, {all: [...]}, {any: [...]}."""
    _expect(isinstance(cond, dict), where, f"a condition must be a mapping, got {cond!r}")
    keys = [k for k in cond if k in CONDITION_KEYS]
    _expect(len(keys) == 1, where, f"a condition needs exactly one of {CONDITION_KEYS}: {cond!r}")
    extra = set(cond) - {keys[0], "in"}
    _expect(not extra and ("in" not in cond or keys[0] == "text"), where, f"unexpected condition field(s) {cond!r}")
    value = cond[keys[0]]
    _expect(isinstance(value, list) and value, where, f"condition {keys[0]} needs a non-empty list")
    if keys[0] in ("all", "any"):
        for sub in value:
            validate_condition(sub, where)


# --- case queries shared by the check kinds --------------------------------------------------------------


def parse_iso(value: str | None) -> date | None:
    """ISO date or None (partly masked / unparseable dates never become guesses)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def documents_of_type(case: Case, types: list[str] | tuple[str, ...] | str) -> list[Document]:
    """Documents whose canonical type is one of `types` (or, when untyped, whose title names one)."""
    wanted = [types] if isinstance(types, str) else list(types)
    out = []
    for doc in case.documents:
        if doc.type in wanted or (doc.type == "未知文书" and any(t in (doc.title or "") for t in wanted)):
            out.append(doc)
    return out


def title_evidence(case: Case, doc: Document) -> Evidence:
    """Evidence pointing at the document's title line (its first line when the title is not found)."""
    pos = doc.text.find(doc.title) if doc.title else -1
    if pos >= 0:
        return case.evidence(doc, pos, pos + len(doc.title))
    first = doc.text.strip().split("\n", 1)[0] if doc.text.strip() else ""
    start = doc.text.find(first) if first else 0
    return case.evidence(doc, start, start + len(first))


def find_phrase(text: str, phrase: str) -> tuple[int, int] | None:
    """First occurrence of `phrase`, tolerating whitespace and line breaks between its characters."""
    if not phrase:
        return None
    pattern = r"\s*".join(re.escape(ch) for ch in phrase if not ch.isspace())
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


@dataclass
class ConditionResult:
    holds: bool
    evidence: list[Evidence] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # Chinese, for explanation steps


def evaluate(case: Case, cond: dict[str, Any]) -> ConditionResult:
    """Evaluate a rule condition (see validate_condition) against the case, with evidence of why it holds."""
    if "all" in cond:
        parts = [evaluate(case, c) for c in cond["all"]]
        if all(p.holds for p in parts):
            return ConditionResult(True, [e for p in parts for e in p.evidence], [r for p in parts for r in p.reasons])
        return ConditionResult(False)
    if "any" in cond:
        held = [p for p in (evaluate(case, c) for c in cond["any"]) if p.holds]
        if held:
            return ConditionResult(True, [e for p in held for e in p.evidence], [r for p in held for r in p.reasons])
        return ConditionResult(False)
    if "document" in cond:
        docs = documents_of_type(case, cond["document"])
        if docs:
            return ConditionResult(True, [title_evidence(case, docs[0])], [f"案卷中有《{docs[0].type}》"])
        return ConditionResult(False)
    if "event" in cond:
        for event in case.events:
            if event.action in cond["event"]:
                return ConditionResult(True, list(event.evidence[:1]), [f"案卷中有“{event.action}”的记载"])
        return ConditionResult(False)
    scope = documents_of_type(case, cond["in"]) if "in" in cond else case.documents
    for doc in scope:
        for phrase in cond["text"]:
            span = find_phrase(doc.text, phrase)
            if span:
                return ConditionResult(True, [case.evidence(doc, *span)], [f"《{doc.type}》载明“{phrase}”"])
    return ConditionResult(False)
