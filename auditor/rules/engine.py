"""Run rules over a Case: select by profile and enable flags, dispatch on check kind, contain failures.

A rule that raises never stops the run: it becomes an AuditError E040 in the dossier's errors and the
other rules go on.
"""

from __future__ import annotations

from collections.abc import Callable

from auditor.errors import make_error
from auditor.model import Case, Finding

# custody, file_checks, non_prosecution and wording are imported for their @check registrations.
from auditor.rules import (  # noqa: F401
    checks,
    citation,
    custody,
    deadline,
    file_checks,
    non_prosecution,
    required_documents,
    term,
    wording,
)
from auditor.rules.registry import Rule, load_rules

KindFn = Callable[[Case, Rule], list[Finding]]


def _python(case: Case, rule: Rule) -> list[Finding]:
    return checks.CHECKS[rule.check["name"]](case, rule)


KINDS: dict[str, KindFn] = {
    "deadline": deadline.run,
    "required_documents": required_documents.run,
    "term": term.run,
    "citation": citation.run,
    "python": _python,
}


def select_rules(rules: list[Rule], profile: str | None = None, enabled: set[str] | None = None) -> list[Rule]:
    """Rules for `profile` (all when None), restricted to `enabled` ids when given."""
    return [r for r in rules if (profile is None or profile in r.profiles) and (enabled is None or r.id in enabled)]


def run_rule(case: Case, rule: Rule) -> list[Finding]:
    """One rule; failures become E040 in case.dossier.errors."""
    try:
        return list(KINDS[rule.kind](case, rule))
    except Exception as exc:  # a broken rule must not end the audit
        # Only the exception type: messages may quote case text (names, ID numbers).
        case.dossier.errors.append(
            make_error("E040", source=case.dossier.source, detail=f"{rule.id}: {type(exc).__name__}")
        )
        return []


def run_rules(
    case: Case,
    rules: list[Rule] | None = None,
    profile: str | None = None,
    enabled: set[str] | None = None,
) -> list[Finding]:
    """Findings of every selected rule, in rule order. The caller stores them in case.findings."""
    chosen = select_rules(load_rules() if rules is None else rules, profile, enabled)
    findings: list[Finding] = []
    for rule in chosen:
        findings.extend(run_rule(case, rule))
    return findings
