"""附条件不起诉 考验期 outside the lawful bounds (CPL 283(2); 检察规则 473): the bounds are
lexicons/non_prosecution.yaml `probation`; the durations and date ranges are the case's terms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from auditor.law.periods import add_days, add_months
from auditor.model import Case, Document, Finding
from auditor.rules.checks.non_prosecution import DecisionParams, lexicon
from auditor.rules.rule import Rule

STEPS = ("stated", "bounds_short", "bounds_long", "months", "months_days", "short", "long")


@dataclass
class Probation:
    start: int
    end: int
    text: str
    months: int
    days: int  # beyond whole months
    begin: date | None = None
    end_day: date | None = None


def probation_terms(case: Case, doc: Document) -> list[Probation]:
    """考验期 stated in the decision: durations ("考验期为八个月") and date ranges (自…起至…止)."""
    spec = lexicon()["probation"]
    text = doc.text
    window = int(spec["window"])

    def labelled(start: int) -> bool:
        return any(c in text[max(0, start - window) : start] for c in spec["context"])

    out = []
    for t in case.terms:
        if t.document_id != doc.id:
            continue
        if t.kind == "duration":
            after = text[t.end : t.end + 3]
            if not labelled(t.start) or any(after.startswith(w) for w in spec["not_after"]):
                continue
            months = t.years * 12 + t.months
            if months == 0 and t.days == 0:
                continue
            out.append(Probation(t.start, t.end, t.text, months, t.days))
        elif t.kind == "range":
            begin, end = t.begin, t.until
            if begin is None or end is None or end < begin or not labelled(t.start):
                continue
            months = (end.year - begin.year) * 12 + end.month - begin.month
            while months > 0 and add_months(begin, months) > end:
                months -= 1
            out.append(Probation(t.start, t.end, t.text, months, (end - add_months(begin, months)).days, begin, end))
    return sorted(out, key=lambda t: t.start)


def term_problem(term: Probation, low: int, high: int) -> str | None:
    """"short" / "long" when the term is outside [low, high] months; a range ending the day before the
    anniversary counts as the full months (offices write 3月1日至8月31日 for six months)."""
    if term.begin and term.end_day:
        if term.end_day < add_days(add_months(term.begin, low), -1):
            return "short"
        if term.end_day > add_months(term.begin, high):
            return "long"
        return None
    if term.months < low:
        return "short"
    if term.months > high or (term.months == high and term.days > 0):
        return "long"
    return None


def run(case: Case, rule: Rule) -> list[Finding]:
    spec = lexicon()["probation"]
    low, high = int(spec["min_months"]), int(spec["max_months"])
    p: DecisionParams = rule.params  # type: ignore[assignment]
    findings = []
    for doc in case.documents_of_type(p.document):
        bad = [(t, q) for t in probation_terms(case, doc) if (q := term_problem(t, low, high))]
        if not bad:
            continue

        def length(t: Probation) -> str:
            return rule.text("months_days" if t.days else "months", months=t.months, days=t.days)

        term, problem = bad[0]
        bounds = {"low": low, "high_years": high // 12}
        steps = [rule.text("stated", term=t.text, length=length(t)) for t, _ in bad]
        steps.append(rule.text("bounds_short" if problem == "short" else "bounds_long", **bounds))
        values = {"term": term.text, "length": length(term), "bound": rule.text(problem, **bounds)}
        evidence = [case.evidence(doc, t.start, t.end) for t, _ in bad]
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps,
                                     identity={"document_date": doc.day, "term": term.text}))
    return findings
