"""Check kind `deadline`: the time from one event to the next must stay within a legal limit.

Pairs each `to` event with the latest `from` event of the same person on or before it (the act that started
the clock), picks the longest limit whose extension evidence is in the dossier, and fires when the `to` date
is after the computed last day. Undated events never fire: an unknown date is not a late one.
"""

from __future__ import annotations

from datetime import date

from auditor.deadlines import Period, deadline, parse_period
from auditor.model import Case, Event, Finding
from auditor.rules.registry import Rule, evaluate, parse_iso


def _same_person(a: Event, b: Event) -> bool:
    return a.person is None or b.person is None or a.person == b.person


def _pairs(case: Case, start_action: str, end_action: str) -> list[tuple[Event, date, Event, date]]:
    starts = [(e, d) for e in case.events if e.action == start_action and (d := parse_iso(e.date))]
    ends = [(e, d) for e in case.events if e.action == end_action and (d := parse_iso(e.date))]
    pairs = []
    seen: set[tuple[str | None, date, date]] = set()
    for end_event, end_date in sorted(ends, key=lambda x: x[1]):
        before = [(e, d) for e, d in starts if d <= end_date and _same_person(e, end_event)]
        if not before:
            continue
        start_event, start_date = max(before, key=lambda x: x[1])
        key = (end_event.person or start_event.person, start_date, end_date)
        if key not in seen:
            seen.add(key)
            pairs.append((start_event, start_date, end_event, end_date))
    return pairs


def _applicable_limit(case: Case, rule: Rule) -> tuple[Period, str | None, list[str], list]:
    """Longest limit whose extension condition holds: (limit, extension label, reasons, evidence)."""
    limit = parse_period(str(rule.check["limit"]))
    label: str | None = None
    reasons: list[str] = []
    evidence: list = []
    for ext in rule.check.get("extensions") or []:
        result = evaluate(case, ext["when"])
        ext_limit = parse_period(str(ext["limit"]))
        if result.holds and _days_of(ext_limit) > _days_of(limit):
            limit, label, reasons, evidence = (
                ext_limit,
                ext.get("label") or str(ext_limit),
                result.reasons,
                result.evidence,
            )
    return limit, label, reasons, evidence


def _days_of(period: Period) -> float:
    """Rough size, only to order limits of the same rule."""
    return {"h": period.amount / 24, "d": period.amount, "m": period.amount * 30.5}[period.unit]


def run(case: Case, rule: Rule) -> list[Finding]:
    check = rule.check
    custody = bool(check["custody"])
    findings: list[Finding] = []
    pairs = _pairs(case, check["from"], check["to"])
    if not pairs:
        return findings
    limit, ext_label, ext_reasons, ext_evidence = _applicable_limit(case, rule)
    for start_event, start_date, end_event, end_date in pairs:
        result = deadline(start_date, limit, custody)
        if end_date <= result.last_day:
            continue
        days = (end_date - start_date).days
        steps = [
            f"{check['from']}日期：{start_date.isoformat()}；{check['to']}日期：{end_date.isoformat()}",
            f"期间开始之日不计入，{check['to']}在{check['from']}后第{days}日",
        ]
        if ext_label:
            steps.append(f"适用延长：{ext_label}（{'；'.join(ext_reasons)}）")
        else:
            steps.append("案卷中未见延长期限的依据，适用基本期限")
        if custody:
            steps.append(f"期限{limit.label}，在押期间不因节假日顺延，最后一日为{result.last_day.isoformat()}")
        elif result.shifted_from:
            steps.append(
                f"期限{limit.label}，最后一日{result.shifted_from.isoformat()}为节假日，顺延至{result.last_day.isoformat()}"
            )
        else:
            steps.append(f"期限{limit.label}，最后一日为{result.last_day.isoformat()}")
        if not result.holiday_data_known:
            steps.append("注意：节假日数据未覆盖该年份，未按节假日顺延，请人工核对")
        steps.append(f"{end_date.isoformat()}晚于{result.last_day.isoformat()}，超过法定期限")
        values = {
            "from_date": start_date,
            "to_date": end_date,
            "days": days,
            "limit": limit.label,
            "limit_period": str(limit),
            "last_day": result.last_day,
            "extension": ext_label or "无",
            "custody": custody,
            "holiday_data_known": result.holiday_data_known,
        }
        evidence = list(end_event.evidence[:1]) + list(start_event.evidence[:1]) + list(ext_evidence[:1])
        doc = case.document(end_event.document_id) or case.document(start_event.document_id)
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps))
    return findings
