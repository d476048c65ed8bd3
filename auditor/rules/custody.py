"""Custody-chain and procuratorate-stage deadline checks (legal-rules §1.1, §1.3–1.8).

Checks register themselves with `auditor.rules.checks.check`; rule YAML names them (`kind: python`).

- `document_deadline`: the `deadline_filtered` check on events narrowed or derived from documents
  (受案 only from the 受案登记表, the 逮捕通知书 date as an event, a 要求复议意见书 about a 不批准逮捕).
- `investigation_custody`: 逮捕 → 移送审查起诉 within 2 months plus approved extensions (CPL 156–160).
- `prosecution_review`: 移送审查起诉 → 起诉 / 不起诉 within 1 month (+15 days) (CPL 172, 175(3)).
- `supplementary_investigation`: at most two 退回补充侦查, each back within a month (CPL 175(3)).

Every period, count and phrase comes from the rule YAML; none is written here.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from auditor.deadlines import DeadlineResult, add_days, add_months, deadline, parse_period
from auditor.model import Case, Document, Event, Evidence, Finding
from auditor.nlp.numerals import cn_to_int
from auditor.rules.checks import check, deadline_filtered, held_at
from auditor.rules.registry import Rule, documents_of_type, find_phrase, parse_iso, title_evidence

# --- shared helpers ------------------------------------------------------------------------------------------


def _same_person(a: Event, b: Event) -> bool:
    return a.person is None or b.person is None or a.person == b.person


def _dated(case: Case, actions: list[str] | str) -> list[tuple[Event, date]]:
    wanted = [actions] if isinstance(actions, str) else list(actions)
    return sorted(
        ((e, d) for e in case.events if e.action in wanted and (d := parse_iso(e.date))),
        key=lambda x: x[1],
    )


def _doc_type(case: Case, event: Event) -> str | None:
    doc = case.document(event.document_id)
    return doc.type if doc else None


def _mentions(case: Case, doc: Document | None, phrases: list[str]) -> tuple[int, int] | None:
    if doc is None:
        return None
    for phrase in phrases:
        span = find_phrase(doc.text, phrase)
        if span:
            return span
    return None


def _text_anywhere(case: Case, phrases: list[str]) -> tuple[Document, tuple[int, int], str] | None:
    """First document stating one of `phrases`: (document, span, phrase)."""
    for doc in case.documents:
        for phrase in phrases:
            span = find_phrase(doc.text, phrase)
            if span:
                return doc, span, phrase
    return None


def _persons_in(case: Case, doc: Document) -> list[str]:
    return [p for p in case.persons if p and p in doc.text]


def _in_custody(case: Case, event: Event, day: date, spec: dict[str, Any] | None) -> bool:
    """Held on `day` (no holiday extension, CPL 105(4)); without a `held` spec: not known to be held."""
    return bool(spec) and held_at(case, event, day, spec)


def _shift_note(result: DeadlineResult, custody: bool) -> str:
    if custody:
        return f"犯罪嫌疑人在押，期限不因节假日顺延，最后一日为{result.last_day.isoformat()}"
    if result.shifted_from:
        return f"最后一日{result.shifted_from.isoformat()}为节假日，顺延至{result.last_day.isoformat()}"
    if not result.holiday_data_known:
        return f"最后一日为{result.last_day.isoformat()}（节假日数据未覆盖该年份，未按节假日顺延，请人工核对）"
    return f"最后一日为{result.last_day.isoformat()}"


def _last_day(start: date, months: int, days: int, custody: bool) -> DeadlineResult:
    """Last day of "months + days" from `start`, moved past a holiday unless in custody (CPL 105)."""
    base = add_days(add_months(start, months), days)
    # Reuse the holiday logic of `deadline` on a zero-day period ending on `base`.
    return deadline(base, parse_period("0d"), custody)


# --- document_deadline ---------------------------------------------------------------------------------------


def _derived_events(case: Case, spec: dict[str, Any]) -> list[Event]:
    """One event per person named in each dated document of `spec['types']` (the act has no NLP event)."""
    out: list[Event] = []
    for doc in documents_of_type(case, spec["types"]):
        if not parse_iso(doc.date):
            continue
        evidence = [title_evidence(case, doc)]
        for person in _persons_in(case, doc) or [None]:
            out.append(
                Event(action=spec["action"], date=doc.date, person=person, document_id=doc.id, evidence=evidence)
            )
    return out


@check("document_deadline")
def document_deadline(case: Case, rule: Rule) -> list[Finding]:
    """`deadline_filtered` after narrowing start / end events by the documents that evidence them.

    from_documents: start events count only when taken from these document types
    skip_if_from_mentions: start documents stating one of these phrases are out of scope
    derive: {types, action}: dated documents of these types become `action` events
    to_mentions: end events count only when their document states one of these phrases
    """
    chk = rule.check
    to_actions = chk["to"] if isinstance(chk["to"], list) else [chk["to"]]
    events = list(case.events)
    if chk.get("derive"):
        events = [e for e in events if e.action != chk["derive"]["action"]] + _derived_events(case, chk["derive"])
    kept: list[Event] = []
    for event in events:
        doc = case.document(event.document_id)
        if event.action == chk["from"]:
            if chk.get("from_documents") and (doc is None or doc.type not in chk["from_documents"]):
                continue
            if chk.get("skip_if_from_mentions") and _mentions(case, doc, chk["skip_if_from_mentions"]):
                continue
        if event.action in to_actions and chk.get("to_mentions") and not _mentions(case, doc, chk["to_mentions"]):
            continue
        kept.append(event)
    view = copy.copy(case)
    view.events = kept
    return deadline_filtered(view, rule)


# --- investigation_custody -----------------------------------------------------------------------------------


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


def _extensions(case: Case, arrest: Event, since: date, until: date, chk: dict[str, Any]) -> list[_Extension]:
    """Approved extensions of this person's custody between `since` and `until`, one per decision date."""
    steps = [parse_period(str(p)) for p in chk["extension_steps"]]
    pattern = re.compile(chk["extension_months_pattern"])
    seen: set[date] = set()
    out: list[_Extension] = []
    for event, day in _dated(case, chk["extension"]):
        if not (since <= day <= until) or not _same_person(event, arrest) or day in seen:
            continue
        seen.add(day)
        rank = min(len(out), len(steps) - 1)
        stated = _stated_months(case, event, pattern)
        out.append(_Extension(day, stated or steps[rank].amount, event, stated is not None))
    return out[: len(steps)]


@check("investigation_custody")
def investigation_custody(case: Case, rule: Rule) -> list[Finding]:
    """逮捕 → end of investigation custody (移送审查起诉 or release) beyond 2 months + approved extensions."""
    chk = rule.check
    if chk.get("requires_document") and not documents_of_type(case, chk["requires_document"]):
        return []  # a judgment or indictment alone does not carry the extension decisions
    if _text_anywhere(case, chk.get("skip_if_text", [])):
        return []  # 身份不明 / 精神病鉴定: the period is counted otherwise (CPL 149, 160(2))
    base_months = parse_period(str(chk["limit"])).amount
    findings: list[Finding] = []
    seen: set[tuple[str | None, date]] = set()
    transfers = _dated(case, chk["to"])
    releases = _dated(case, chk.get("released", []))
    restarts = _dated(case, chk.get("restart", []))
    for arrest, arrest_day in _dated(case, chk["from"]):
        later = [(e, d) for e, d in transfers if d > arrest_day and _same_person(e, arrest)]
        if not later:
            continue
        end_event, end_day = later[0]
        # Custody also ends at a release (取保 / 监视居住 / 释放) before the transfer.
        freed = [(e, d) for e, d in releases if arrest_day < d <= end_day and _same_person(e, arrest)]
        if freed:
            end_event, end_day = freed[0]
        # A later arrest of the same person before this end starts its own chain.
        if any(arrest_day < d < end_day and _same_person(e, arrest) for e, d in _dated(case, chk["from"])):
            continue
        key = (arrest.person, arrest_day)
        if key in seen:
            continue
        seen.add(key)
        start_day, start_event = arrest_day, arrest
        steps = [f"逮捕日期：{arrest_day.isoformat()}；羁押终点（{end_event.action}）：{end_day.isoformat()}"]
        restart = [(e, d) for e, d in restarts if arrest_day < d <= end_day and _same_person(e, arrest)]
        if restart:
            start_event, start_day = restart[-1]
            steps.append(f"{start_day.isoformat()}重新计算侦查羁押期限，自该日起算")
        expiry = add_months(start_day, base_months)
        steps.append(f"基本期限{base_months}个月，期满日{expiry.isoformat()}（在押期间不因节假日顺延）")
        extension_evidence: list[Evidence] = []
        for ext in _extensions(case, arrest, start_day, end_day, chk):
            if ext.day > expiry:
                steps.append(f"{ext.day.isoformat()}的延长决定晚于期满日{expiry.isoformat()}，期满后至决定前无羁押依据")
                break
            expiry = add_months(expiry, ext.months)
            how = "决定书载明" if ext.stated else "按延长次序"
            steps.append(f"{ext.day.isoformat()}批准延长{ext.months}个月（{how}），期满日延至{expiry.isoformat()}")
            extension_evidence.extend(ext.event.evidence[:1])
        if end_day <= expiry:
            continue
        days = (end_day - start_day).days
        steps.append(f"{end_day.isoformat()}晚于{expiry.isoformat()}，超过侦查羁押期限{(end_day - expiry).days}日")
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
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps))
    return findings


# --- prosecution_review --------------------------------------------------------------------------------------


@check("prosecution_review")
def prosecution_review(case: Case, rule: Rule) -> list[Finding]:
    """移送 / 重新移送审查起诉 → 起诉 or 不起诉 beyond 1 month (+15 days with an extension)."""
    chk = rule.check
    skip = _text_anywhere(case, chk.get("skip_if_text", []))
    if skip:
        return []  # 改变管辖 / 监察留置: the period starts or pauses on dates the file may not hold
    base = parse_period(str(chk["limit"]))
    extended = parse_period(str(chk["extension"]["limit"]))
    ext_cond = _extension_stated(case, chk["extension"]["when"])
    starts = _dated(case, chk["from"])
    returns = _dated(case, chk.get("paused_by", []))
    undated_return = _text_anywhere(case, chk.get("paused_text", []))
    findings: list[Finding] = []
    seen: set[tuple[str | None, date, date]] = set()
    for end_event, end_day in _dated(case, chk["to"]):
        before = [(e, d) for e, d in starts if d <= end_day and _same_person(e, end_event)]
        if not before:
            continue
        start_event, start_day = max(before, key=lambda x: x[1])
        # Sent back after this start and no re-transfer recorded: the restart date is unknown.
        if any(start_day < d <= end_day and _same_person(e, end_event) for e, d in returns):
            continue
        # Only the first transfer is dated, yet the file tells of a return ("退回补充侦查二次"): same.
        if start_event.action not in chk.get("restarted_by", []) and undated_return:
            continue
        key = (end_event.person or start_event.person, start_day, end_day)
        if key in seen:
            continue
        seen.add(key)
        custody = _in_custody(case, end_event, end_day, chk.get("while_held"))
        months, days = base.amount, 0
        if ext_cond:
            days = extended.amount
        result = _last_day(start_day, months, days, custody)
        if end_day <= result.last_day:
            continue
        limit_label = base.label + (f"又{extended.label}" if ext_cond else "")
        steps = [
            f"{start_event.action}日期：{start_day.isoformat()}；{end_event.action}日期：{end_day.isoformat()}",
            f"期间开始之日不计入，决定在第{(end_day - start_day).days}日",
            f"延长依据：{ext_cond[2]}" if ext_cond else "案卷中未见延长审查起诉期限的记载，适用一个月",
            f"期限{limit_label}，{_shift_note(result, custody)}",
            f"{end_day.isoformat()}晚于{result.last_day.isoformat()}，超过审查起诉期限",
        ]
        values = {
            "from_date": start_day,
            "to_date": end_day,
            "from_action": start_event.action,
            "to_action": end_event.action,
            "days": (end_day - start_day).days,
            "limit": limit_label,
            "last_day": result.last_day,
        }
        evidence = list(end_event.evidence[:1]) + list(start_event.evidence[:1])
        if ext_cond:
            evidence.append(case.evidence(ext_cond[0], *ext_cond[1]))
        doc = case.document(end_event.document_id) or case.document(start_event.document_id)
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps))
    return findings


def _extension_stated(case: Case, spec: dict[str, Any]) -> tuple[Document, tuple[int, int], str] | None:
    """Where the file states the extension: an event of `spec['event']` or one of `spec['text']`."""
    for event, _ in _dated(case, spec.get("event", [])):
        doc = case.document(event.document_id)
        if doc and event.evidence:
            ev = event.evidence[0]
            return doc, (ev.start, ev.end), f"《{doc.type}》记载“{ev.quote}”"
    found = _text_anywhere(case, spec.get("text", []))
    if found:
        return found[0], found[1], f"《{found[0].type}》载明“{found[2]}”"
    return None


# --- supplementary_investigation -----------------------------------------------------------------------------


@dataclass
class _Return:
    day: date
    events: list[Event] = field(default_factory=list)


def _returns(case: Case, chk: dict[str, Any]) -> list[_Return]:
    """Distinct 退回补充侦查: dates within `same_within_days` of each other are one return told twice."""
    window = timedelta(days=int(chk["same_within_days"]))
    cut = [d for _, d in _dated(case, chk.get("before", []))]
    out: list[_Return] = []
    for event, day in _dated(case, chk["returned"]):
        if cut and day >= min(cut):
            continue  # after the indictment: trial-stage 补充侦查 has its own count
        if out and day - out[-1].day <= window:
            out[-1].events.append(event)
            continue
        out.append(_Return(day, [event]))
    return out


def _stated_count(case: Case, chk: dict[str, Any]) -> tuple[Document, tuple[int, int], int] | None:
    """A sentence stating the number of returns ("退回补充侦查三次", "第三次退回补充侦查") above the limit."""
    for doc in case.documents:
        flat = doc.text
        for pattern in chk["count_patterns"]:
            for m in re.finditer(pattern, flat):
                n = m.group("n")
                count = int(n) if n.isdigit() else cn_to_int(n)
                if count and count > int(chk["max_returns"]):
                    return doc, (m.start(), m.end()), count
    return None


@check("supplementary_investigation")
def supplementary_investigation(case: Case, rule: Rule) -> list[Finding]:
    """More than `max_returns` 退回补充侦查 (error); a return answered after more than a month (warning)."""
    chk = rule.check
    findings: list[Finding] = []
    limit = int(chk["max_returns"])
    returns = _returns(case, chk)
    if len(returns) > limit:
        days = "、".join(r.day.isoformat() for r in returns)
        steps = [f"案卷记载的退回补充侦查日期：{days}，共{len(returns)}次", f"补充侦查以{limit}次为限"]
        values = {"count": len(returns), "max": limit, "dates": days, "what": "退回补充侦查次数超过二次"}
        evidence = [r.events[0].evidence[0] for r in returns if r.events[0].evidence]
        doc = case.document(returns[-1].events[0].document_id)
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps))
    else:
        stated = _stated_count(case, chk)
        if stated:
            doc, span, count = stated
            quote = doc.text[span[0] : span[1]]
            steps = [f"《{doc.type}》载明“{quote}”，即退回补充侦查{count}次", f"补充侦查以{limit}次为限"]
            values = {"count": count, "max": limit, "dates": "", "what": "退回补充侦查次数超过二次"}
            findings.append(
                rule.finding(case, document=doc, evidence=[case.evidence(doc, *span)], values=values, steps=steps)
            )
    findings.extend(_late_returns(case, rule, returns))
    return findings


def _late_returns(case: Case, rule: Rule, returns: list[_Return]) -> list[Finding]:
    chk = rule.check
    months = parse_period(str(chk["return_limit"])).amount
    findings: list[Finding] = []
    for back_event, back_day in _dated(case, chk["back"]):
        before = [r for r in returns if r.day <= back_day]
        if not before:
            continue
        sent = before[-1]
        sent_event = sent.events[-1]  # the latest telling: closest to the police's receipt
        custody = _in_custody(case, back_event, back_day, chk.get("while_held"))
        result = _last_day(sent.day, months, 0, custody)
        if back_day <= result.last_day:
            continue
        steps = [
            f"退回补充侦查日期：{sent.day.isoformat()}；补充侦查完毕重新移送日期：{back_day.isoformat()}",
            f"补充侦查应在一个月以内完毕，{_shift_note(result, custody)}",
            f"{back_day.isoformat()}晚于{result.last_day.isoformat()}，补充侦查超过一个月",
            "期限自公安机关收到退回补充侦查文书之日起算，本规则以退回日期代替收到日期",
        ]
        values = {
            "count": len(returns),
            "max": int(chk["max_returns"]),
            "dates": f"{sent.day.isoformat()}→{back_day.isoformat()}",
            "what": f"退回补充侦查（{sent.day.isoformat()}）后第{(back_day - sent.day).days}日才重新移送，超过一个月",
        }
        evidence = list(back_event.evidence[:1]) + list(sent_event.evidence[:1])
        doc = case.document(back_event.document_id)
        findings.append(
            rule.finding(
                case, document=doc, evidence=evidence, values=values, steps=steps, severity=chk["late_severity"]
            )
        )
    return findings
