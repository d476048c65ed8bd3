"""退回补充侦查: more returns than the limit (error), or a return answered after more than its period (a warning:
the period runs from the police's receipt, which the file rarely dates) (CPL 175(3))."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from auditor.model import Case, Document, Event, Finding
from auditor.rules.explain import SHIFT_STEPS, last_day, shift_note
from auditor.rules.kinds.deadline import WhileHeld, dated, held_at
from auditor.rules.params import Names, Params, PeriodField
from auditor.rules.rule import Rule
from auditor.text.numerals import cn_to_int

STEPS = ("returns", "limit", "stated", "too_many", "late_dates", "late_period", "late_over", "late_receipt",
         "late_what", *SHIFT_STEPS)


class SupplementaryParams(Params):
    returned: tuple[str, ...]
    back: tuple[str, ...]
    before: tuple[str, ...] = ()
    same_within_days: int
    max_returns: int
    return_limit: PeriodField
    late_severity: Literal["error", "warning", "info"]
    while_held: WhileHeld | None = None
    count_patterns: tuple[str, ...] = ()
    return_documents: Names = ()  # where a late return is reported: the return's own decision, when on file


@dataclass
class _Return:
    day: date
    events: list[Event] = field(default_factory=list)


def _returns(case: Case, p: SupplementaryParams) -> list[_Return]:
    """Distinct 退回补充侦查: dates within `same_within_days` of each other are one return told twice."""
    window = timedelta(days=p.same_within_days)
    ends = dated(case.events, p.before)
    # Each suspect's 审查起诉 ends with his own indictment or 不起诉: one co-suspect's 不起诉 does not end the case of
    # the others, who may be returned again (ind_az07).
    cut: dict[str | None, date] = {}
    for end_event, end_day in ends:
        cut[end_event.person] = min(end_day, cut.get(end_event.person, end_day))
    out: list[_Return] = []
    for event, day in sorted(dated(case.events, p.returned), key=lambda x: x[1]):
        own_end = cut.get(event.person) if event.person else (min(cut.values()) if cut else None)
        if own_end is not None and day >= own_end:
            continue  # after the indictment: trial-stage 补充侦查 has its own count
        if out and day - out[-1].day <= window:
            out[-1].events.append(event)
            continue
        out.append(_Return(day, [event]))
    return out


def _stated_count(case: Case, p: SupplementaryParams) -> tuple[Document, tuple[int, int], int] | None:
    """A sentence stating the number of returns ("退回补充侦查三次", "第三次退回补充侦查") above the limit."""
    for doc in case.documents:
        for pattern in p.count_patterns:
            for m in re.finditer(pattern, doc.text):
                n = m.group("n")
                count = int(n) if n.isdigit() else cn_to_int(n)
                if count and count > p.max_returns:
                    return doc, (m.start(), m.end()), count
    return None


def run(case: Case, rule: Rule) -> list[Finding]:
    p: SupplementaryParams = rule.params  # type: ignore[assignment]
    findings: list[Finding] = []
    limit = p.max_returns
    returns = _returns(case, p)
    what = rule.text("too_many", max=limit)
    if len(returns) > limit:
        days = "、".join(r.day.isoformat() for r in returns)
        steps = [rule.text("returns", dates=days, count=len(returns)), rule.text("limit", max=limit)]
        values = {"count": len(returns), "max": limit, "dates": days, "what": what}
        evidence = [r.events[0].evidence[0] for r in returns if r.events[0].evidence]
        doc = case.document(returns[-1].events[0].document_id)
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps,
                                     identity={"returns": days}))
    else:
        stated = _stated_count(case, p)
        if stated:
            doc, span, count = stated
            quote = doc.text[span[0] : span[1]]
            steps = [rule.text("stated", document=doc.type, quote=quote, count=count), rule.text("limit", max=limit)]
            values = {"count": count, "max": limit, "dates": "", "what": what}
            findings.append(rule.finding(case, document=doc, evidence=[case.evidence(doc, *span)], values=values,
                                         steps=steps, identity={"stated_count": count}))
    findings.extend(_late_returns(case, rule, p, returns))
    return findings


def _late_returns(case: Case, rule: Rule, p: SupplementaryParams, returns: list[_Return]) -> list[Finding]:
    months = p.return_limit.amount
    findings: list[Finding] = []
    by_day: dict[date, list[Event]] = {}
    for back_event, back_day in sorted(dated(case.events, p.back), key=lambda x: x[1]):
        by_day.setdefault(back_day, []).append(back_event)
    # One re-transfer of the case, however many suspects it is told for, is one answer to one return.
    for back_day, back_events in by_day.items():
        before = [r for r in returns if r.day <= back_day]
        if not before:
            continue
        sent = before[-1]
        sent_event = sent.events[-1]  # the latest telling: closest to the police's receipt
        back_event = back_events[0]
        custody = bool(p.while_held) and any(
            held_at(case.events, e, back_day, p.while_held) for e in back_events  # type: ignore[arg-type]
        )
        result = last_day(sent.day, months, 0, custody)
        if back_day <= result.last_day:
            continue
        words = {"sent": sent.day, "back": back_day, "limit_cn": p.return_limit.cn_label, "last_day": result.last_day,
                 "shift": shift_note(rule, result, custody), "days": (back_day - sent.day).days}
        steps = [rule.text("late_dates", **words), rule.text("late_period", **words), rule.text("late_over", **words),
                 rule.text("late_receipt", **words)]
        values = {
            "count": len(returns),
            "max": p.max_returns,
            "dates": f"{sent.day.isoformat()}→{back_day.isoformat()}",
            "what": rule.text("late_what", **words),
        }
        evidence = list(back_event.evidence[:1]) + list(sent_event.evidence[:1])
        decisions = [d for e in sent.events if (d := case.document(e.document_id)) and d.type in p.return_documents]
        doc = decisions[0] if decisions else case.document(back_event.document_id)
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps,
                                     severity=p.late_severity, identity={"sent": sent.day, "back": back_day}))
    return findings
