"""Check kind `term`: the term stated in a decision (期限为十八个月 / 自X起至Y止) must not exceed `max`.

Only statements about the term count: a duration or date range needs one of `context` within `window`
characters before it (after it, too, for ranges), and quotations of the statute ("最长不得超过十二个月") are
skipped via `exclude_before`. Ranges use exact month arithmetic (高法解释 2021 Art. 202): the term may run
to add_months(start, max) inclusive. One finding per document, with every offending statement as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from auditor.deadlines import Period, add_days, add_months, add_period, parse_period
from auditor.model import Case, Document, Finding
from auditor.rules.registry import Rule, documents_of_type, parse_iso

_FALLBACK_ANCHOR = date(2001, 1, 1)  # only matters for terms mixing months and days without a document date


@dataclass
class Overrun:
    start: int
    end: int
    text: str
    values: dict[str, Any]
    step: str


def _has_context(text: str, start: int, end: int, check: dict[str, Any]) -> bool:
    window = int(check.get("window", 10))
    before = text[max(0, start - window) : start]
    if any(w in before for w in check.get("exclude_before") or []):
        return False
    after = text[end : end + window // 2] if check.get("_after") else ""
    return any(w in before or w in after for w in check.get("context") or [])


def _duration_overruns(doc: Document, check: dict[str, Any], limit: Period) -> list[Overrun]:
    from auditor.nlp.terms import find_durations  # sibling helper's module

    anchor = parse_iso(doc.date) or _FALLBACK_ANCHOR
    limit_end = add_period(anchor, limit)
    out = []
    for dur in find_durations(doc.text):
        if not _has_context(doc.text, dur.start, dur.end, check):
            continue
        months = (dur.years or 0) * 12 + (dur.months or 0)
        days = (dur.days or 0) + -(-(dur.hours or 0) // 24)
        if months == 0 and days == 0:
            continue
        if add_days(add_months(anchor, months), days) <= limit_end:
            continue
        values = {"term": dur.text, "term_months": months, "term_days": days}
        out.append(
            Overrun(
                dur.start,
                dur.end,
                dur.text,
                values,
                f"决定书载明期限“{dur.text}”，即{months}个月{f'{days}日' if days else ''}",
            )
        )
    return out


def _range_overruns(doc: Document, check: dict[str, Any], limit: Period) -> list[Overrun]:
    from auditor.nlp.dates import find_date_ranges

    out = []
    ctx = {**check, "_after": True}
    for rng in find_date_ranges(doc.text, parse_iso(doc.date)):
        begin, end = rng.begin.as_date(), rng.end_.as_date()
        if begin is None or end is None or end < begin or not _has_context(doc.text, rng.start, rng.end, ctx):
            continue
        limit_end = add_period(begin, limit)
        if end <= limit_end:
            continue
        months = _whole_months(begin, end)
        values = {
            "term": rng.text,
            "term_months": months,
            "term_start": begin,
            "term_end": end,
            "limit_end": limit_end,
        }
        step = (
            f"决定书载明期限“{rng.text}”：自{begin.isoformat()}起算{limit.label}至{limit_end.isoformat()}为止，"
            f"而期限截至{end.isoformat()}"
        )
        out.append(Overrun(rng.start, rng.end, rng.text, values, step))
    return out


def _whole_months(begin: date, end: date) -> int:
    months = (end.year - begin.year) * 12 + end.month - begin.month
    while months > 0 and add_months(begin, months) > end:
        months -= 1
    return months


def run(case: Case, rule: Rule) -> list[Finding]:
    check = rule.check
    limit = parse_period(str(check["max"]))
    findings: list[Finding] = []
    for doc in documents_of_type(case, check["document"]):
        overruns = _duration_overruns(doc, check, limit) + _range_overruns(doc, check, limit)
        if not overruns:
            continue
        overruns.sort(key=lambda o: o.start)
        first = overruns[0]
        values = {**first.values, "limit": limit.label, "limit_months": limit.amount if limit.unit == "m" else None}
        steps = [o.step for o in overruns] + [f"法定最长期限为{limit.label}，所定期限超过法定最长期限"]
        evidence = [case.evidence(doc, o.start, o.end) for o in overruns]
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps))
    return findings
