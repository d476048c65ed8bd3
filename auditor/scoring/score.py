"""A dossier's score and grade from its findings under a standard.

Which findings count: without a review, every finding (the score says so: basis "audit"); with a review (a mapping
fingerprint → state from the review store), only the confirmed ones, the others listed as pending or left out when
dismissed. A finding that follows from another counted finding (`caused_by`) costs nothing more: one root cause,
one deduction. Each item's deductions stop at its cap; the points never go below zero; a veto forces the veto grade.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from auditor.model import Deduction, Finding, Score, Veto
from auditor.scoring.standard import SEVERITIES, Standard

# Review states as the store may write them (issue 12: 确认 / 驳回 / 待补充).
CONFIRMED = frozenset({"confirmed", "confirm", "确认", "已确认"})
DISMISSED = frozenset({"dismissed", "dismiss", "驳回", "已驳回"})


def _state(value: str | None) -> str:
    if value in CONFIRMED:
        return "confirmed"
    if value in DISMISSED:
        return "dismissed"
    return "pending"


def counted_findings(findings: Iterable[Finding],
                     reviews: Mapping[str, str] | None) -> tuple[list[Finding], list[Finding]]:
    """(counted, pending): all findings without a review; with one, the confirmed ones and those awaiting review."""
    findings = list(findings)
    if reviews is None:
        return findings, []
    states = [(f, _state(reviews.get(f.fingerprint or ""))) for f in findings]
    return [f for f, s in states if s == "confirmed"], [f for f, s in states if s == "pending"]


def _rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


def score_findings(findings: Iterable[Finding], standard: Standard, reviews: Mapping[str, str] | None = None,
                   unit: str | None = None) -> Score:
    counted, pending = counted_findings(findings, reviews)
    roots = {f.fingerprint for f in counted if f.fingerprint}
    counted = [f for f in counted if not (f.caused_by and f.caused_by in roots)]
    # Heavier first, so that a cap cuts the lighter findings of an item; then a stable order.
    ordered = sorted(counted, key=lambda f: (-standard.nominal(f), _rank(f.severity), f.rule_id, f.fingerprint or ""))
    used: dict[str, float] = {}
    deductions: list[Deduction] = []
    for f in ordered:
        item = standard.item_of(f)
        nominal = standard.nominal(f)
        if item is None or nominal <= 0:
            continue
        points = min(nominal, max(0.0, item.cap - used.get(item.id, 0.0)))
        used[item.id] = used.get(item.id, 0.0) + points
        deductions.append(Deduction(item=item.id, item_name=item.name, rule_id=f.rule_id, severity=f.severity,
                                    fingerprint=f.fingerprint, message=f.message, nominal=nominal, points=points))
    points = max(0.0, standard.full_marks - sum(d.points for d in deductions))
    vetoes = _vetoes(counted, standard, reviewed=reviews is not None)
    return Score(
        standard=standard.name, standard_title=standard.title, full_marks=standard.full_marks, points=points,
        grade=standard.veto_grade if vetoes else _grade(standard, points, deductions), deductions=tuple(deductions),
        vetoes=tuple(vetoes), basis="review" if reviews is not None else "audit",
        pending=tuple(f.fingerprint for f in pending if f.fingerprint), unit=unit,
    )


def _vetoes(counted: list[Finding], standard: Standard, reviewed: bool) -> list[Veto]:
    out = []
    for f in counted:
        for veto in standard.vetoes:
            # Unreviewed, only a finding at the item's severity vetoes; one a reviewer confirmed always does.
            if f.rule_id in veto.rules and (reviewed or _rank(f.severity) <= _rank(veto.min_severity)):
                out.append(Veto(label=veto.label, rule_id=f.rule_id, fingerprint=f.fingerprint))
    return out


def _grade(standard: Standard, points: float, deductions: list[Deduction]) -> str:
    severities = {d.severity for d in deductions}  # every finding that costs points, capped or not
    for grade in standard.grades:
        if points >= grade.min and not severities & set(grade.none_of):
            return grade.grade
    return standard.grades[-1].grade
