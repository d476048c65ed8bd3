"""The last lawful day of a running period, with the extensions the file already holds.

Where a rule already decides the same facts, the warning asks it: the 拘留 extension conditions of
ARREST-REQUEST-DEADLINE (`applicable_limit`), the 侦查羁押 calculator of INVESTIGATION-CUSTODY-OVERDUE
(`custody_expiry`), the 审查起诉 extension of PROSECUTION-REVIEW-LATE (`extension_stated`). Period arithmetic is
auditor/law/periods.py (CPL 2018 Art. 105, months by 高法解释 2021 Art. 202).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from auditor.law.periods import DeadlineResult, Period, add_hours, deadline
from auditor.model import Case, Evidence
from auditor.rules.checks.investigation_custody import InvestigationCustodyParams, custody_expiry
from auditor.rules.checks.prosecution_review import ProsecutionReviewParams, extension_stated, review_receipt
from auditor.rules.explain import last_day as months_and_days
from auditor.rules.explain import text_anywhere
from auditor.rules.kinds.deadline import DeadlineParams, applicable_limit
from auditor.text.numerals import int_to_cn
from auditor.warn.spec import PeriodSpec, RuleRef, base_limit, rule, text
from auditor.warn.timeline import Act


@dataclass
class Reckoning:
    """How a period's last day was reached."""

    start: Act  # the act the period counts from (a restart moves it)
    limit: Period  # the base period (its unit picks the level thresholds)
    label: str  # the period that applies, in Chinese
    result: DeadlineResult
    custody: bool
    extensions: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)  # the reckoning's own steps (restart, late extension)
    notes: list[str] = field(default_factory=list)
    due: datetime | None = None  # hour periods with a stated time
    received: bool = False  # counted from the receipt the file dates (not the act's date standing for it)


def _months_label(months: int) -> str:
    return f"{int_to_cn(months)}个月"


def reckon(view: Case, spec: PeriodSpec, start: Act, as_of: date, custody: bool) -> Reckoning:
    limit = base_limit(spec.limit)
    ref = spec.limit if isinstance(spec.limit, RuleRef) and spec.limit.key == "limit" else None
    source = rule(ref.rule) if ref else None
    if source is not None and source.kind == "deadline":
        return _deadline_kind(view, source.params, start, custody)  # type: ignore[arg-type]
    if source is not None and source.check_name == "investigation_custody":
        return _investigation_custody(view, source.params, start, as_of)  # type: ignore[arg-type]
    if source is not None and source.check_name == "prosecution_review":
        return _prosecution_review(view, source, start, custody)
    return Reckoning(start, limit, limit.cn_label, deadline(start.day, limit, custody), custody)


def _deadline_kind(view: Case, p: DeadlineParams, start: Act, custody: bool) -> Reckoning:
    """拘留 → 提请批准逮捕: the longest limit whose extension evidence the file holds (the rule's conditions)."""
    limit, label, reasons, evidence = applicable_limit(view, p)
    r = Reckoning(start, p.limit, limit.cn_label, deadline(start.day, limit, custody), custody)
    if label:
        r.extensions.append(f"{label}（{'；'.join(reasons)}）" if reasons else label)
        r.evidence += evidence[:1]
    return r


def _investigation_custody(view: Case, p: InvestigationCustodyParams, start: Act, as_of: date) -> Reckoning:
    """逮捕 → 侦查羁押: base months, restarts and approved extensions, by the custody rule's own calculator."""
    c = custody_expiry(view, start.event, start.day, as_of, p)
    counted_from = Act(c.start_event, c.start_day)
    months = sum(ext.months for ext in c.applied)
    label = _months_label(c.base_months)
    if months:
        label = text("custody_label", base=label, months=_months_label(months))
    r = Reckoning(counted_from, p.limit, label, DeadlineResult(last_day=c.expiry), custody=True)
    if c.restarted:
        r.steps.append(text("restart", restart=c.start_day))
    for ext in c.applied:
        r.extensions.append(f"{ext.day}批准延长{_months_label(ext.months)}")
        r.evidence += ext.event.evidence[:1]
    if c.late:
        expiry = c.expiries[-1] if c.expiries else c.base_expiry
        r.steps.append(text("late_extension", day=c.late.day, expiry=expiry))
    found = text_anywhere(view, p.skip_if_text)
    if found:
        r.notes.append(text("counted_otherwise", phrase=found[2]))
    if p.requires_document and not view.documents_of_type(p.requires_document):
        r.notes.append(text("no_arrest_document"))
    return r


def _prosecution_review(view: Case, source, start: Act, custody: bool) -> Reckoning:
    """审查起诉: one month, fifteen days more where the file states the extension (the review rule's reading)."""
    p: ProsecutionReviewParams = source.params
    stated = extension_stated(view, source, p.extension.when)
    extra = p.extension.limit.amount if stated else 0
    label = p.limit.cn_label + (f"又{p.extension.limit.cn_label}" if stated else "")
    receipt = review_receipt(view, p, start.day)  # from the receipt where the file dates it (the rule's reading)
    counted = Act(start.event, receipt.date) if receipt else start
    r = Reckoning(counted, p.limit, label, months_and_days(counted.day, p.limit.amount, extra, custody), custody,
                  received=receipt is not None)
    if receipt:
        r.steps.append(text("received", received=receipt.date))
        stating = view.document(receipt.document_id)
        if stating:
            r.evidence.append(view.evidence(stating, receipt.start, receipt.end))
    if stated:
        doc, span, quote = stated
        r.extensions.append(quote)
        r.evidence.append(view.evidence(doc, *span))
    found = text_anywhere(view, p.skip_if_text)
    if found:
        r.notes.append(text("counted_otherwise", phrase=found[2]))
    return r


def hours_due(start: Act, limit: Period) -> tuple[DeadlineResult, datetime | None]:
    """An hour period: exact when the act's time is stated, else the day after (CPL 105: hours, the start hour not
    counted; legal-rules.md §0.3)."""
    if start.event.time is not None:
        due = add_hours(datetime.combine(start.day, start.event.time), limit.amount)
        return DeadlineResult(last_day=due.date()), due
    return deadline(start.day, limit, custody=True), None
