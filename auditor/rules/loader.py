"""Rules as data: read lexicons/rules/*.yaml once per process, validate every field, build Rule objects.

One rule per file, the file named after the rule id. Each check kind declares a parameter schema (pydantic,
unknown fields forbidden), so a typo in a rule file is an error naming the file and the field, at load time.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from auditor.lexicon import LEXICON_DIR, load_yaml, read_yaml
from auditor.rules.profiles import profiles_of
from auditor.rules.registry import CHECKS, KINDS, Kind
from auditor.rules.rule import CATEGORIES, DOC_SECTIONS, SEVERITIES, BasisEntry, Rule

RULES_DIR = LEXICON_DIR / "rules"
STEPS_FILE = "rule_steps.yaml"
REQUIRED_FIELDS = ("id", "name", "category", "severity", "check", "legal_basis", "message", "docs")
OPTIONAL_FIELDS = ("steps", "fingerprint", "caused_by")
PROSE_SECTIONS = ("what", "why", "false_positives")  # folded YAML text; bad/good keep their lines
_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


class RuleError(ValueError):
    """A rule file that does not follow the schema."""


@functools.cache
def load_rules(directory: Path | str | None = None) -> tuple[Rule, ...]:
    """Every lexicons/rules/*.yaml (or `directory`), validated, sorted by id; read once per process."""
    folder = Path(directory) if directory is not None else RULES_DIR
    if not folder.is_dir():
        raise RuleError(f"rule directory not found: {folder}")
    rules = [load_rule_file(p) for p in sorted(folder.glob("*.yaml"))]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleError(f"{rule.path}: duplicate rule id {rule.id}")
        seen.add(rule.id)
    return tuple(sorted(rules, key=lambda r: r.id))


def load_rule_file(path: Path) -> Rule:
    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RuleError(f"{path}: invalid YAML: {exc}") from exc
    rule = parse_rule(data, where=str(path))
    if rule.id != path.stem:
        raise RuleError(f"{path}: rule id {rule.id!r} must match the file name {path.stem!r}")
    rule.path = path
    return rule


def kind_of(check: dict[str, Any]) -> Kind:
    return CHECKS[check["name"]] if check["kind"] == "python" else KINDS[check["kind"]]


def parse_rule(data: Any, where: str = "<rule>") -> Rule:
    """Validate one rule mapping and build a Rule; RuleError names the offending field."""
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule file must hold one mapping, got {type(data).__name__}")
    missing = [f for f in REQUIRED_FIELDS if f not in data]
    if missing:
        raise RuleError(f"{where}: missing field(s): {', '.join(missing)}")
    _expect("applies_to" not in data, where,
            "applies_to: which profiles run a rule is decided in lexicons/profiles/*.yaml; add the rule id there")
    unknown = [f for f in data if f not in REQUIRED_FIELDS + OPTIONAL_FIELDS]
    _expect(not unknown, where, f"unknown field(s): {', '.join(map(str, unknown))}")
    rid = data["id"]
    where = f"{where} [{rid}]"
    _expect(isinstance(rid, str) and rid and rid == rid.upper(), where, "id must be an upper-case string")
    _expect(data["category"] in CATEGORIES, where, f"category must be one of {CATEGORIES}")
    _expect(data["severity"] in SEVERITIES, where, f"severity must be one of {SEVERITIES}")
    check = data["check"]
    _expect(isinstance(check, dict) and "kind" in check, where, "check must be a mapping with a kind")
    kind_name = check["kind"]
    _expect(kind_name in KINDS or kind_name == "python", where,
            f"check.kind: unknown check kind {kind_name!r}; known kinds: {', '.join([*KINDS, 'python'])}")
    if kind_name == "python":
        _expect(check.get("name") in CHECKS, where,
                f"check.name: unknown python check {check.get('name')!r}; known: {', '.join(sorted(CHECKS))}")
    kind = kind_of(check)
    fields = {k: v for k, v in check.items() if k not in ("kind", "name")}
    try:
        params = kind.params.model_validate(fields)
    except ValidationError as exc:
        raise RuleError(f"{where}: {_describe(exc)}") from None
    _expect(isinstance(data["message"], str) and data["message"], where, "message must be a non-empty string")
    texts = _texts(kind, data.get("steps"), where)
    fingerprint = data.get("fingerprint")
    _expect(fingerprint is None or (isinstance(fingerprint, list) and all(isinstance(k, str) for k in fingerprint)),
            where, "fingerprint must be a list of value names")
    caused_by = data.get("caused_by") or []
    _expect(isinstance(caused_by, list) and all(isinstance(r, str) for r in caused_by), where,
            "caused_by must be a list of rule ids")
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
        profiles=profiles_of(rid),
        kind=kind_name,
        check_name=check.get("name") if kind_name == "python" else None,
        params=params,
        legal_basis=[_parse_basis(b, where) for b in basis],
        message=data["message"],
        docs={s: _prose(docs[s]) if s in PROSE_SECTIONS else docs[s].strip() for s in DOC_SECTIONS},
        texts=texts,
        fingerprint_keys=tuple(fingerprint) if fingerprint is not None else None,
        caused_by=tuple(caused_by),
        raw=data,
    )


def _texts(kind: Kind, own: Any, where: str) -> dict[str, str]:
    """The kind's default step templates (lexicons/rule_steps.yaml) with the rule's own `steps` on top."""
    steps_file = load_yaml(STEPS_FILE)
    defaults = {**(steps_file.get("common") or {}), **(steps_file.get(kind.texts_key) or {})}
    _expect(own is None or (isinstance(own, dict) and all(isinstance(v, str) for v in own.values())), where,
            "steps must map a step name to a template string")
    texts = {**defaults, **(own or {})}
    unknown = sorted(set(own or {}) - set(kind.steps))
    _expect(not unknown, where, f"steps: unknown step name(s) {unknown}; {kind.texts_key} knows {sorted(kind.steps)}")
    missing = sorted(set(kind.steps) - set(texts))
    _expect(not missing, where, f"steps: no template for {missing} (neither in the rule nor in {STEPS_FILE})")
    return texts


def _describe(exc: ValidationError) -> str:
    """'check.<field path>: <problem>' for each error pydantic found."""
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        parts.append(f"check.{loc}: {err['msg']}")
    return "; ".join(parts)


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
