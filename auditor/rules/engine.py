"""Run rules over a read-only Case: select by profile and enable flags, run each rule's check, contain failures,
and link findings that follow from another finding's root cause (`caused_by`).

A rule that raises never stops the run: it becomes an error E040 for the dossier and the other rules go on.
"""

from __future__ import annotations

from auditor.model import AuditError, Case, Finding, make_error
from auditor.rules.loader import kind_of, load_rules
from auditor.rules.rule import SEVERITIES, Rule
from auditor.text.titles import is_form_part


def select_rules(rules: tuple[Rule, ...] | list[Rule], profile: str | None = None,
                 enabled: set[str] | None = None) -> list[Rule]:
    """Rules for `profile` (all when None), restricted to `enabled` ids when given."""
    return [r for r in rules if (profile is None or profile in r.profiles) and (enabled is None or r.id in enabled)]


def run_rule(case: Case, rule: Rule, errors: list[AuditError] | None = None) -> list[Finding]:
    """One rule's findings; a failure becomes E040 in `errors` (the exception type only: messages may quote case
    text, names and ID numbers)."""
    try:
        return list(kind_of(rule.check).run(case, rule))
    except Exception as exc:  # a broken rule must not end the audit
        if errors is not None:
            errors.append(make_error("E040", source=case.dossier.source, detail=f"{rule.id}: {type(exc).__name__}"))
        return []


def run_rules(
    case: Case,
    rules: tuple[Rule, ...] | list[Rule] | None = None,
    profile: str | None = None,
    enabled: set[str] | None = None,
    errors: list[AuditError] | None = None,
) -> list[Finding]:
    """Findings of every selected rule, in rule order, with consequences linked to their root causes."""
    chosen = select_rules(load_rules() if rules is None else rules, profile, enabled)
    findings: list[Finding] = []
    for rule in chosen:
        findings.extend(run_rule(case, rule, errors))
    return link_causes(merge_copies(case, findings), {r.id: r for r in chosen})


def _copies(case: Case, a: str | None, b: str | None) -> bool:
    """Documents `a` and `b` are copies of one paper: the same 文号, or a 存根 / 副本 / 正本 beside one without it."""
    da, db = case.document(a or ""), case.document(b or "")
    if da is None or db is None or da.id == db.id:
        return da is db
    if da.number and db.number:
        return da.number == db.number
    return is_form_part(da.text) or is_form_part(db.text)


def merge_copies(case: Case, findings: list[Finding]) -> list[Finding]:
    """The same defect read on two copies of one paper (a form's 存根 and 副本, a decision filed twice) is one finding
    whose evidence points at every copy: same fingerprint, and the documents are copies."""
    first: dict[str, int] = {}
    # …or the same values on an undated part of the form (a 存根 without a date of its own beside its dated 副本,
    # held-out ind_gy02): the fingerprint holds the document's date, the defect is one.
    by_values: dict[tuple, int] = {}
    out: list[Finding] = []
    for f in findings:
        at = first.get(f.fingerprint)
        if at is None or not _copies(case, out[at].document_id, f.document_id):
            at = by_values.get(_values_key(case, f))
            if at is not None and not (_undated(case, f.document_id) or _undated(case, out[at].document_id)):
                at = None
        if at is not None and _copies(case, out[at].document_id, f.document_id):
            kept = out[at]
            extra = tuple(e for e in f.evidence if e not in kept.evidence)
            out[at] = kept.model_copy(update={"evidence": kept.evidence + extra})
            continue
        first.setdefault(f.fingerprint, len(out))
        by_values.setdefault(_values_key(case, f), len(out))
        out.append(f)
    return out


_PAPER_DATE_KEYS = frozenset({"date", "document_date"})


def _values_key(case: Case, f: Finding) -> tuple:
    doc = case.document(f.document_id or "")
    values = f.explanation.values if f.explanation else {}
    # (the paper's own date is what the undated part lacks: "日期不明" beside "2023-08-04", held-out ind_gy07)
    return f.rule_id, doc.type if doc else "", tuple(sorted((k, str(v)) for k, v in values.items()
                                                           if k not in _PAPER_DATE_KEYS))


def _undated(case: Case, doc_id: str | None) -> bool:
    doc = case.document(doc_id or "")
    return doc is not None and doc.date is None


def _overlap(a: Finding, b: Finding) -> bool:
    return any(x.document_id == y.document_id and x.start < y.end and y.start < x.end
               for x in a.evidence for y in b.evidence)


def link_causes(findings: list[Finding], rules: dict[str, Rule]) -> list[Finding]:
    """A finding of a rule whose YAML lists `caused_by: [ROOT-RULE…]` and whose evidence overlaps a finding of one
    of those rules follows from that root cause: it carries the root's fingerprint in `caused_by`."""
    # Candidate roots are looked up by rule and document, not by scanning every finding for every finding.
    by_rule_doc: dict[tuple[str, str | None], list[int]] = {}
    for index, g in enumerate(findings):
        for doc_id in dict.fromkeys(e.document_id for e in g.evidence):
            by_rule_doc.setdefault((g.rule_id, doc_id), []).append(index)
    out = []
    for f in findings:
        roots = rules[f.rule_id].caused_by if f.rule_id in rules else ()
        candidates = sorted({i for r in roots for doc_id in {e.document_id for e in f.evidence}
                             for i in by_rule_doc.get((r, doc_id), ())})
        root = next((findings[i] for i in candidates if findings[i] is not f and _overlap(f, findings[i])), None)
        if root is None:
            out.append(f)
            continue
        # A consequence never outranks its root: an old article number on a form in its grace period is a warning,
        # and so is the wrong basis it makes.
        severity = max(f.severity, root.severity, key=SEVERITIES.index)  # SEVERITIES runs from the gravest
        out.append(f.model_copy(update={"caused_by": root.fingerprint, "severity": severity}))
    return out
