"""逮捕 → end of investigation custody (移送审查起诉 or an earlier release) beyond the base period plus the approved
extensions (CPL 156–160). The periods, the extension steps and the phrases that put a file out of scope are the
rule's data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pydantic import Field

from auditor.law.periods import add_months
from auditor.model import Case, Event, Evidence, Finding
from auditor.rules.explain import text_anywhere
from auditor.rules.kinds.deadline import dated, same_person
from auditor.rules.params import Names, Params, PeriodField
from auditor.rules.rule import Rule
from auditor.text.numerals import cn_to_int

STEPS = ("span", "restart", "base", "late_extension", "extended", "how_stated", "how_ranked", "over")


class InvestigationCustodyParams(Params):
    from_: str = Field(alias="from")
    to: Names
    released: tuple[str, ...] = ()
    restart: tuple[str, ...] = ()
    extension: tuple[str, ...] = ()
    limit: PeriodField
    extension_steps: tuple[PeriodField, ...]
    extension_months_pattern: str
    requires_document: tuple[str, ...] = ()
    skip_if_text: tuple[str, ...] = ()


@dataclass
class _Extension:
    day: date
    months: int
    event: Event
    stated: bool  # months read from the decision's own text, not from its rank


def _stated_months(case: Case, event: Event, pattern: re.Pattern[str]) -> int | None:
    doc = case.document(event.document_id)
    if doc is None:
        return None
    m = pattern.search(re.sub(r"\s+", "", doc.text))
    return cn_to_int(m.group(1)) if m else None


def _extensions(case: Case, arrest: Event, since: date, until: date, p: InvestigationCustodyParams) -> list[_Extension]:
    """Approved extensions of this person's custody between `since` and `until`, one per decision date."""
    pattern = re.compile(p.extension_months_pattern)
    seen: set[date] = set()
    out: list[_Extension] = []
    for event, day in sorted(dated(case.events, p.extension), key=lambda x: x[1]):
        if not (since <= day <= until) or not same_person(event, arrest) or day in seen:
            continue
        seen.add(day)
        rank = min(len(out), len(p.extension_steps) - 1)
        stated = _stated_months(case, event, pattern)
        out.append(_Extension(day, stated or p.extension_steps[rank].amount, event, stated is not None))
    return out[: len(p.extension_steps)]


def run(case: Case, rule: Rule) -> list[Finding]:
    p: InvestigationCustodyParams = rule.params  # type: ignore[assignment]
    if p.requires_document and not case.documents_of_type(p.requires_document):
        return []  # a judgment or indictment alone does not carry the extension decisions
    if text_anywhere(case, p.skip_if_text):
        return []  # 身份不明 / 精神病鉴定: the period is counted otherwise (CPL 149, 160(2))
    base_months = p.limit.amount
    findings: list[Finding] = []
    seen: set[tuple[str | None, date]] = set()
    arrests = sorted(dated(case.events, [p.from_]), key=lambda x: x[1])
    transfers = sorted(dated(case.events, p.to), key=lambda x: x[1])
    releases = sorted(dated(case.events, p.released), key=lambda x: x[1])
    restarts = sorted(dated(case.events, p.restart), key=lambda x: x[1])
    for arrest, arrest_day in arrests:
        later = [(e, d) for e, d in transfers if d > arrest_day and same_person(e, arrest)]
        if not later:
            continue
        end_event, end_day = later[0]
        # Custody also ends at a release (取保 / 监视居住 / 释放) before the transfer.
        freed = [(e, d) for e, d in releases if arrest_day < d <= end_day and same_person(e, arrest)]
        if freed:
            end_event, end_day = freed[0]
        # A later arrest of the same person before this end starts its own chain.
        if any(arrest_day < d < end_day and same_person(e, arrest) for e, d in arrests):
            continue
        key = (arrest.person, arrest_day)
        if key in seen:
            continue
        seen.add(key)
        start_day, start_event = arrest_day, arrest
        steps = [rule.text("span", from_date=arrest_day, end_action=end_event.action, to_date=end_day)]
        restart = [(e, d) for e, d in restarts if arrest_day < d <= end_day and same_person(e, arrest)]
        if restart:
            start_event, start_day = restart[-1]
            steps.append(rule.text("restart", restart_date=start_day))
        expiry = add_months(start_day, base_months)
        steps.append(rule.text("base", months=base_months, expiry=expiry))
        extension_evidence: list[Evidence] = []
        for ext in _extensions(case, arrest, start_day, end_day, p):
            if ext.day > expiry:
                steps.append(rule.text("late_extension", extension_date=ext.day, expiry=expiry))
                break
            expiry = add_months(expiry, ext.months)
            how = rule.text("how_stated" if ext.stated else "how_ranked")
            steps.append(rule.text("extended", extension_date=ext.day, months=ext.months, how=how, expiry=expiry))
            extension_evidence.extend(ext.event.evidence[:1])
        if end_day <= expiry:
            continue
        days = (end_day - start_day).days
        steps.append(rule.text("over", to_date=end_day, expiry=expiry, over_days=(end_day - expiry).days))
        values = {
            "from_date": start_day,
            "to_date": end_day,
            "end_action": end_event.action,
            "days": days,
            "last_day": expiry,
            "extensions": len(extension_evidence),
        }
        evidence = list(end_event.evidence[:1]) + list(start_event.evidence[:1]) + extension_evidence[:2]
        doc = case.document(end_event.document_id) or case.document(start_event.document_id)
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps,
                                     identity={"person": arrest.person, "from": start_day, "to": end_day}))
    return findings
