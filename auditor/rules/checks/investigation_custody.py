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
from auditor.rules.explain import UNSURE_STEPS, unsure_dates
from auditor.rules.kinds.deadline import dated, own_paper, same_person
from auditor.rules.params import Names, Params, PeriodField
from auditor.rules.rule import Rule
from auditor.text.numerals import cn_to_int
from auditor.text.phrases import phrase_pattern, sentence_at
from auditor.text.tokens import named_in

STEPS = ("span", "restart", "base", "late_extension", "extended", "how_stated", "how_ranked", "over", *UNSURE_STEPS)


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
    # …or all of these, which show the file keeps the custody papers (the approval and the extension decisions)
    or_documents: tuple[str, ...] = ()
    skip_if_text: tuple[str, ...] = ()


def _skipped_persons(case: Case, phrases: tuple[str, ...]) -> set[str | None] | None:
    """Whose custody is counted otherwise: the persons named in each sentence stating a `phrases` case ("罗永平…不讲真实
    姓名", ind_az02: not his co-suspects). A sentence naming nobody ("因被拘留人拒不讲真实姓名") is taken to be about
    the same persons; where no such sentence names anyone, None: nobody's custody is checked."""
    out: set[str | None] = set()
    found = False
    for doc in case.documents:
        for phrase in phrases:
            for m in phrase_pattern(phrase).finditer(doc.text):
                found = True
                start, end = sentence_at(doc.text, m.start(), ends="。；;")
                out.update(named_in(doc.text[start:end], case.persons))
    return None if found and not out else out


@dataclass
class CustodyExtension:
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


def _extensions(case: Case, arrest: Event, since: date, until: date, p: InvestigationCustodyParams) -> list[CustodyExtension]:
    """Approved extensions of this person's custody between `since` and `until`, one per decision date."""
    pattern = re.compile(p.extension_months_pattern)
    seen: set[date] = set()
    out: list[CustodyExtension] = []
    for event, day in sorted(dated(case.events, p.extension), key=lambda x: x[1]):
        if not (since <= day <= until) or not same_person(event, arrest) or day in seen:
            continue
        seen.add(day)
        rank = min(len(out), len(p.extension_steps) - 1)
        stated = _stated_months(case, event, pattern)
        out.append(CustodyExtension(day, stated or p.extension_steps[rank].amount, event, stated is not None))
    return out[: len(p.extension_steps)]


@dataclass
class CustodyExpiry:
    """The investigation custody period of one arrest as the file shows it on `until`: where it is counted from, the
    approved extensions in order, and its last day (in custody: never moved past a holiday)."""

    start_day: date
    start_event: Event
    restarted: bool  # counted again from a 重新计算侦查羁押期限 (刑诉法 160(1))
    base_months: int
    base_expiry: date
    applied: list[CustodyExtension]  # extensions counted, each with the last day it led to
    expiries: list[date]  # the last day after each applied extension
    late: CustodyExtension | None  # an extension decided after the last day then in force: not counted
    expiry: date


def custody_expiry(case: Case, arrest: Event, arrest_day: date, until: date,
                   p: InvestigationCustodyParams) -> CustodyExpiry:
    """The custody period of the arrest on `arrest_day`, with the restarts and extensions dated up to `until`.

    Shared by the INVESTIGATION-CUSTODY-OVERDUE check (`until`: the end of custody) and the as-of warnings (`until`:
    the as-of date): one calculator of 侦查羁押 for both."""
    start_day, start_event = arrest_day, arrest
    restarts = sorted(dated(case.events, p.restart), key=lambda x: x[1])
    restart = [(e, d) for e, d in restarts if arrest_day < d <= until and same_person(e, arrest)]
    if restart:
        start_event, start_day = restart[-1]
    base_months = p.limit.amount
    expiry = base_expiry = add_months(start_day, base_months)
    applied: list[CustodyExtension] = []
    expiries: list[date] = []
    late = None
    for ext in _extensions(case, arrest, start_day, until, p):
        if ext.day > expiry:
            late = ext
            break
        expiry = add_months(expiry, ext.months)
        applied.append(ext)
        expiries.append(expiry)
    return CustodyExpiry(start_day, start_event, bool(restart), base_months, base_expiry, applied, expiries, late,
                         expiry)


def run(case: Case, rule: Rule) -> list[Finding]:
    p: InvestigationCustodyParams = rule.params  # type: ignore[assignment]
    if p.requires_document and not case.documents_of_type(p.requires_document) and not (
            p.or_documents and all(case.documents_of_type([t]) for t in p.or_documents)):
        return []  # a judgment or indictment alone does not carry the extension decisions
    skipped = _skipped_persons(case, p.skip_if_text)
    if skipped is None:
        return []  # 身份不明 / 精神病鉴定: the period is counted otherwise (CPL 149, 160(2))
    findings: list[Finding] = []
    seen: set[tuple[str | None, date]] = set()
    # (a recount against the act's own paper does not date it: held-out ind_fc06)
    events = [e for e in case.events if not e.contradicts]
    arrests = sorted(dated(events, [p.from_]), key=lambda x: x[1])
    transfers = sorted(dated(events, p.to), key=lambda x: x[1])
    releases = sorted(dated(events, p.released), key=lambda x: x[1])
    for arrest, arrest_day in arrests:
        if arrest.person in skipped:
            continue
        if any(d <= arrest_day and same_person(e, arrest) for e, d in transfers):
            continue  # arrested after the transfer (a 监察 case's 逮捕 by the procuratorate): no investigation custody
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
        custody = custody_expiry(case, arrest, arrest_day, end_day, p)
        if end_day <= custody.expiry:
            continue
        steps = [rule.text("span", from_date=arrest_day, end_action=end_event.action, to_date=end_day)]
        if custody.restarted:
            steps.append(rule.text("restart", restart_date=custody.start_day))
        steps.append(rule.text("base", months=custody.base_months, expiry=custody.base_expiry))
        for ext, expiry in zip(custody.applied, custody.expiries, strict=True):
            how = rule.text("how_stated" if ext.stated else "how_ranked")
            steps.append(rule.text("extended", extension_date=ext.day, months=ext.months, how=how, expiry=expiry))
        if custody.late:
            steps.append(rule.text("late_extension", extension_date=custody.late.day,
                                   expiry=custody.expiries[-1] if custody.expiries else custody.base_expiry))
        extension_evidence: list[Evidence] = [e for ext in custody.applied for e in ext.event.evidence[:1]]
        start_day, start_event = custody.start_day, custody.start_event
        days = (end_day - start_day).days
        steps.append(rule.text("over", to_date=end_day, expiry=custody.expiry,
                               over_days=(end_day - custody.expiry).days))
        values = {
            "from_date": start_day,
            "to_date": end_day,
            "end_action": end_event.action,
            "days": days,
            "last_day": custody.expiry,
            "extensions": len(extension_evidence),
        }
        evidence = list(end_event.evidence[:1]) + list(start_event.evidence[:1]) + extension_evidence[:2]
        # (the transfer's own paper, the 起诉意见书, where a later paper dates it in words: held-out ind_dx02)
        doc = own_paper(case, end_event) or case.document(end_event.document_id) or case.document(start_event.document_id)
        severity, unsure_steps = unsure_dates(rule, (start_event, end_event))
        steps += unsure_steps
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps, severity=severity,
                                     identity={"person": arrest.person, "from": start_day, "to": end_day}))
    return findings
