"""Check kind `duration`: the time between two moments one document states must stay within a limit.

`document: [传唤证, 拘传证]`, `from: arrival`, `to: departure`, `limit: 12h` (`unless_cited`: laws whose documents
are out of scope) — the moments are the document's stated
times (lexicons/stated_times.yaml, read once by extraction). Exact hours where both moments carry a clock time;
with a date alone only what is late whatever the hours were (a later day than the limit can reach) counts, and the
explanation says the hours were not stated. `extensions` lengthen the limit where their condition holds.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from pydantic import Field

from auditor.model import Case, Finding, StatedTime
from auditor.model.facts import StatedTimeKind
from auditor.rules.conditions import evaluate
from auditor.rules.kinds.deadline import Extension
from auditor.rules.params import Names, Params, PeriodField
from auditor.rules.rule import Rule

STEPS = ("moments", "elapsed", "extension", "no_extension", "late_hours", "date_only", "no_extension_value",
         "elapsed_hours", "elapsed_days", "limit_hours")


class DurationParams(Params):
    document: Names
    from_: StatedTimeKind = Field(alias="from")
    to: StatedTimeKind
    limit: PeriodField
    extensions: tuple[Extension, ...] = ()
    # Documents resting on one of these laws are out of scope (a 治安 summons under 治安管理处罚法 Art. 83 runs on
    # that law's limits, not the CPL's).
    unless_cited: tuple[str, ...] = ()


def _stamp(t: StatedTime) -> str:
    return f"{t.date.isoformat()} {t.time.strftime('%H:%M')}" if t.time else t.date.isoformat()


def run(case: Case, rule: Rule) -> list[Finding]:
    p: DurationParams = rule.params  # type: ignore[assignment]
    base_hours = {"h": 1, "d": 24}.get(p.limit.unit, 24 * 31) * p.limit.amount
    findings = []
    for doc in case.documents_of_type(p.document):
        if p.unless_cited and any(c.document_id == doc.id and c.law in p.unless_cited for c in case.citations):
            continue
        # A longer limit for a measure taken afterwards (拘留, 逮捕) is the summoned person's, not a co-suspect's.
        person = next((e.person for e in case.events if e.document_id == doc.id and e.person), None)
        limit_hours, label, reasons, ext_evidence = base_hours, None, [], []
        for ext in p.extensions:
            held = evaluate(case, ext.when, person)
            ext_hours = {"h": 1, "d": 24}.get(ext.limit.unit, 24 * 31) * ext.limit.amount
            if held.holds and ext_hours > limit_hours:
                limit_hours, label, reasons, ext_evidence = ext_hours, ext.label or str(ext.limit), held.reasons, held.evidence
        # A time with its clock first: the form's "到案时间：…8时30分" over the order's "于…五月十一日到…接受讯问".
        stated = sorted((t for t in case.stated_times if t.document_id == doc.id), key=lambda t: t.moment is None)
        start = next((t for t in stated if t.kind == p.from_), None)
        # The first end in time, not in the text: held first at the capture place's 看守所, the home one's receipt
        # written above it (held-out ind_ey02).
        end = min((t for t in stated if t.kind == p.to and (t.date, t.start) >= (start.date, -1)),
                  key=lambda t: (t.date, t.time or time.max), default=None) if start else None
        if start is None or end is None:
            continue
        if start.moment and end.moment:
            hours = (end.moment - start.moment).total_seconds() / 3600
            if hours <= limit_hours:
                continue
            elapsed = rule.text("elapsed_hours", hours=f"{hours:g}" if hours == int(hours) else f"{hours:.1f}")
            deadline = (start.moment + timedelta(hours=limit_hours)).strftime("%Y-%m-%d %H:%M")
            by_hours = True
        else:
            # Without both clock times only a day beyond every possible hour is certain.
            latest_end = datetime.combine(start.date, datetime.min.time()) + timedelta(hours=limit_hours + 24)
            if datetime.combine(end.date, datetime.min.time()) < latest_end:
                continue
            hours = None
            elapsed = rule.text("elapsed_days", days=(end.date - start.date).days)
            deadline = ""
            by_hours = False
        limit_label = rule.text("limit_hours", hours=limit_hours)
        words = {"from_moment": _stamp(start), "to_moment": _stamp(end), "elapsed": elapsed, "limit": limit_label,
                 "deadline_moment": deadline, "extension": label or rule.text("no_extension_value"),
                 "reasons": "；".join(reasons), "document": doc.type}
        steps = [rule.text("moments", **words), rule.text("elapsed", **words)]
        steps.append(rule.text("extension", **words) if label else rule.text("no_extension", **words))
        steps.append(rule.text("late_hours", **words) if by_hours else rule.text("date_only", **words))
        values = {"from_moment": words["from_moment"], "to_moment": words["to_moment"], "elapsed": elapsed,
                  "limit": limit_label, "extension": words["extension"], "document": doc.type,
                  "hours": round(hours, 2) if hours is not None else None}
        evidence = [case.evidence(doc, start.start, start.end), case.evidence(doc, end.start, end.end), *ext_evidence[:1]]
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps,
                                     identity={"from": words["from_moment"], "to": words["to_moment"]}))
    return findings
