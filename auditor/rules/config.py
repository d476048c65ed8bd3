"""Reviewers' rule configuration: a rule switched off for a profile, a threshold changed (规则库 page, stored as
configuration in the review store). Overridden values go through the same validation as the YAML itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from auditor.rules.loader import load_rules, parse_rule
from auditor.rules.rule import Rule

# Check fields that say *what* a rule looks at (changing them makes another rule), not how strict it is.
STRUCTURAL = frozenset({"kind", "name", "from", "to", "document", "measure", "test", "field", "status", "action",
                        "trigger", "guarantee", "notice", "extension_months_pattern"})


def tunable_params(rule: Rule) -> dict[str, Any]:
    """The rule's scalar check parameters a reviewer may change (limits, windows, thresholds, severities)."""
    return {k: v for k, v in rule.check.items()
            if k not in STRUCTURAL and isinstance(v, (int, float, str)) and not isinstance(v, bool)}


def with_params(rule: Rule, params: Mapping[str, Any]) -> Rule:
    """`rule` with check parameters replaced; raises RuleError (naming the field) when a value is invalid."""
    unknown = sorted(set(params) - set(tunable_params(rule)))
    if unknown:
        raise ValueError(f"{rule.id}: not a tunable parameter: {', '.join(unknown)}")
    raw = {**rule.raw, "check": {**rule.check, **params}}
    changed = parse_rule(raw, where=str(rule.path or rule.id))
    changed.path = rule.path
    return changed


def configured_rules(config: Mapping[str, Mapping[str, Any]] | None,
                     rules: Iterable[Rule] | None = None) -> list[Rule]:
    """The catalogue under `config` ({rule_id: {"enabled": bool, "params": {...}}}): disabled rules left out,
    parameters overridden. Rules the configuration does not name run as written."""
    out = []
    for rule in load_rules() if rules is None else rules:
        entry = (config or {}).get(rule.id) or {}
        if entry.get("enabled", True) is False:
            continue
        out.append(with_params(rule, entry["params"]) if entry.get("params") else rule)
    return out
