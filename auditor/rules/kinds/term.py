"""Check kind `term`: the term stated in a decision (期限为十八个月 / 自X起至Y止) must not exceed `max`.

Only statements about the term count: a duration or date range needs one of `context` within `window`
characters before it (after it, too, for ranges), and quotations of the statute ("最长不得超过十二个月") are
skipped via `exclude_before`. Ranges use exact month arithmetic (高法解释 2021 Art. 202): the term may run
to add_months(start, max) inclusive. One finding per document, with every offending statement as evidence.
The durations and ranges are the case's `terms` (extraction read them once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from auditor.law.periods import Period, add_days, add_months, add_period
from auditor.model import Case, Document, Finding, Term
from auditor.rules.params import Names, Params, PeriodField
from auditor.rules.rule import Rule
from auditor.text.phrases import sentence_at

STEPS = ("duration", "range", "over", "months", "months_days")
_FALLBACK_ANCHOR = date(2001, 1, 1)  # only matters for terms mixing months and days without a document date


class TermParams(Params):
    document: Names
    max: PeriodField
    context: tuple[str, ...] = ()
    exclude_before: tuple[str, ...] = ()
    own_term: str | None = None
    window: int = 10


@dataclass
class Overrun:
    start: int
    end: int
    values: dict[str, Any]
    step: str


# "期限从2014年8月5日起算，自2014年8月5日起至2015年9月4日止" (ind_ak06): the range goes on the clause that names the
# term and says when it starts.
# "期限从…起算，为期八个月" (ind_bz06); "监视居住期限自2023年6月16日起为八个月" (held-out ind_ex03)
_STARTS_COUNTING = re.compile(r"起算?[，,；;]?\s*(?:为期|计|为)?\s*$")


def _has_context(text: str, start: int, end: int, p: TermParams, after: bool) -> bool:
    # Without line breaks: a PDF line may break inside the words ("期\n限为十八个月", ind_cg08).
    before = re.sub(r"\s", "", text[max(0, start - 3 * p.window) : start])[-p.window:]
    # The decision's own term worded as a cap ("期限自2023年6月12日起不超过七个月", ind_by05) is no quotation of the statute.
    own = p.own_term is not None and re.search(p.own_term, before) is not None
    if not own and any(w in before for w in p.exclude_before):
        return False
    if own or _STARTS_COUNTING.search(before):
        before = text[sentence_at(text, start, ends="。；;")[0] : start]  # a line break does not end it
    tail = text[end : end + p.window // 2] if after else ""
    return any(w in before or w in tail for w in p.context)


def _duration(rule: Rule, doc: Document, t: Term, p: TermParams, limit: Period) -> Overrun | None:
    if not _has_context(doc.text, t.start, t.end, p, after=False):
        return None
    anchor = doc.date or _FALLBACK_ANCHOR
    months = t.years * 12 + t.months
    days = t.days + -(-t.hours // 24)
    if months == 0 and days == 0:
        return None
    if add_days(add_months(anchor, months), days) <= add_period(anchor, limit):
        return None
    values = {"term": t.text, "term_months": months, "term_days": days}
    length = rule.text("months_days" if days else "months", months=months, days=days)
    return Overrun(t.start, t.end, values, rule.text("duration", term=t.text, length=length))


def _range(rule: Rule, doc: Document, t: Term, p: TermParams, limit: Period) -> Overrun | None:
    begin, end = t.begin, t.until
    if begin is None or end is None or end < begin or not _has_context(doc.text, t.start, t.end, p, after=True):
        return None
    limit_end = add_period(begin, limit)
    if end <= limit_end:
        return None
    values = {"term": t.text, "term_months": whole_months(begin, end), "term_start": begin, "term_end": end,
              "limit_end": limit_end}
    step = rule.text("range", term=t.text, term_start=begin, limit=limit.label, limit_end=limit_end, term_end=end)
    return Overrun(t.start, t.end, values, step)


def whole_months(begin: date, end: date) -> int:
    months = (end.year - begin.year) * 12 + end.month - begin.month
    while months > 0 and add_months(begin, months) > end:
        months -= 1
    return months


def run(case: Case, rule: Rule) -> list[Finding]:
    p: TermParams = rule.params  # type: ignore[assignment]
    limit = p.max
    findings: list[Finding] = []
    for doc in case.documents_of_type(p.document):
        terms = [t for t in case.terms if t.document_id == doc.id]
        overruns = [o for t in terms if t.kind == "duration" and (o := _duration(rule, doc, t, p, limit))]
        overruns += [o for t in terms if t.kind == "range" and (o := _range(rule, doc, t, p, limit))]
        if not overruns:
            continue
        overruns.sort(key=lambda o: o.start)
        first = overruns[0]
        values = {**first.values, "limit": limit.label, "limit_months": limit.amount if limit.unit == "m" else None}
        steps = [o.step for o in overruns] + [rule.text("over", limit=limit.label)]
        evidence = [case.evidence(doc, o.start, o.end) for o in overruns]
        identity = {"document_date": doc.date, "term": first.values["term"]}
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps,
                                     identity=identity))
    return findings
