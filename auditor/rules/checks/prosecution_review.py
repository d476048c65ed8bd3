"""移送 / 重新移送审查起诉 → 起诉 or 不起诉 beyond the review period (+ its extension) (CPL 172, 175(3)).

Quiet where the file cannot date the restart: a 退回补充侦查 after the start with no re-transfer dated, or a
return told without dates; and where the period starts or pauses on dates the file may not hold (改变管辖, 留置).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from pydantic import Field

from auditor.lexicon import doc_type_organ, organ_kind
from auditor.model import Case, Document, Event, Finding, Receipt
from auditor.rules.explain import SHIFT_STEPS, UNSURE_STEPS, last_day, shift_note, text_anywhere, unsure_dates
from auditor.rules.kinds.deadline import FromReceipt, WhileHeld, dated, held_at, same_person
from auditor.rules.params import Names, Params, PeriodField
from auditor.rules.rule import Rule
from auditor.text.numerals import cn_to_int
from auditor.text.view import text_view

STEPS = ("dates", "received", "received_words", "counted", "extended_by", "not_extended", "limit", "limit_extended", "period", "late", "event_source",
         "text_source", "excerpt", "speedy", "speedy_short", *SHIFT_STEPS, *UNSURE_STEPS)


class ExtensionWhen(Params):
    event: tuple[str, ...] = ()
    text: tuple[str, ...] = ()


class ReviewExtension(Params):
    limit: PeriodField
    when: ExtensionWhen


class Speedy(Params):
    """The 速裁 period (CPL 172(1)): a decision stating `pattern` in one of `documents` has `limit`, extensions in;
    `short_limit` where every sentence the file recommends (`sentence_documents`, `sentence_pattern`) is no 有期徒刑
    over a year."""
    documents: tuple[str, ...]
    pattern: str
    limit: PeriodField
    short_limit: PeriodField | None = None
    short_term: PeriodField | None = None  # the longest 有期徒刑 a recommendation may name for `short_limit`
    sentence_documents: tuple[str, ...] = ()
    sentence_pattern: str = ""


class ProsecutionReviewParams(Params):
    from_: Names = Field(alias="from")
    to: Names
    paused_by: tuple[str, ...] = ()
    restarted_by: tuple[str, ...] = ()
    paused_text: tuple[str, ...] = ()
    # A decision only papers of these organ kinds tell (a police 解除取保候审决定书's "检察院已于…作出不起诉决定") is not
    # measured: the review's extensions and returns are in the procuratorate's file, not in view (ind_da06).
    skip_told_only_by: tuple[Literal["police", "procuratorate", "court"], ...] = ()
    limit: PeriodField
    extension: ReviewExtension
    while_held: WhileHeld | None = None
    skip_if_text: tuple[str, ...] = ()
    not_closing_types: tuple[str, ...] = ()  # decisions of these types (Decision.type) do not end the review
    # The period runs from the procuratorate's receipt of the case (CPL 172(1)), when the file dates it within
    # `receipt_within` of the transfer; else from the transfer, as the rule's severity allows.
    from_receipt: FromReceipt | None = None
    receipt_within: PeriodField | None = None
    speedy: Speedy | None = None


_PRISON_TERM = re.compile(r"有期徒刑(?:(?P<y>[一二三四五六七八九十\d]{1,3})年)?(?:零?(?P<m>[一二三四五六七八九十\d]{1,3})个月)?")


def _terms_within_a_year(case: Case, spec: Speedy, persons: set[str]) -> bool:
    """Does the file recommend sentences for `persons` (in its 起诉书 and 具结书), none a 有期徒刑 over a year?"""
    if not spec.short_limit or not spec.sentence_pattern or not spec.short_term:
        return False
    most = spec.short_term.amount  # months (the parameter is validated as a period; the YAML writes 12m)
    seen = False
    for doc in case.documents_of_type(spec.sentence_documents):
        if doc.type != "起诉书" and persons and not any(n in doc.text for n in persons):
            continue
        for m in re.finditer(spec.sentence_pattern, text_view(doc.text).text):
            seen = True
            for term in _PRISON_TERM.finditer(m.group(0)):
                years = cn_to_int(term.group("y")) if term.group("y") else 0
                months = cn_to_int(term.group("m")) if term.group("m") else 0
                if (years or 0) * 12 + (months or 0) > most or (not term.group("y") and not term.group("m")):
                    return False
    return seen


def _speedy(doc: Document | None, spec: Speedy | None) -> tuple[int, int] | None:
    """Where the deciding paper states the 速裁 procedure ("建议适用速裁程序"), if it is of the types that do."""
    if doc is None or spec is None or doc.type not in spec.documents:
        return None
    m = re.search(spec.pattern, doc.text)
    return (m.start(), m.end()) if m else None


def review_receipt(case: Case, p: ProsecutionReviewParams, sent: date, until: date | None = None) -> Receipt | None:
    """The procuratorate's receipt of the case the review runs from: the first the file dates from the transfer on,
    within `receipt_within` of it (and not after `until`); None where the params count from the transfer."""
    if not p.from_receipt:
        return None
    reach = sent + timedelta(days=p.receipt_within.amount) if p.receipt_within else until
    if reach is not None and until is not None:
        reach = min(reach, until)
    return case.received(p.from_receipt.types, p.from_receipt.by, sent, reach)


def extension_stated(case: Case, rule: Rule, spec: ExtensionWhen) -> tuple[Document, tuple[int, int], str] | None:
    """Where the file states the extension: an event of `spec.event` or one of `spec.text`."""
    for event, _ in sorted(dated(case.events, spec.event), key=lambda x: x[1]):
        doc = case.document(event.document_id)
        if doc and event.evidence:
            ev = event.evidence[0]
            return doc, (ev.start, ev.end), rule.text("event_source", document=doc.type, quote=ev.quote)
    found = text_anywhere(case, spec.text)
    if found:
        return found[0], found[1], rule.text("text_source", document=found[0].type, quote=found[2])
    return None


def _told_only_by(case: Case, event: Event, kinds: tuple[str, ...]) -> bool:
    places = [d for e in event.evidence if (d := case.document(e.document_id))] or \
        [d for d in (case.document(event.document_id),) if d]
    return bool(places) and all((organ_kind(d.organ) or doc_type_organ(d.type)) in kinds for d in places)


def run(case: Case, rule: Rule) -> list[Finding]:
    p: ProsecutionReviewParams = rule.params  # type: ignore[assignment]
    starts = sorted(dated(case.events, p.from_), key=lambda x: x[1])
    # 改变管辖 / 监察留置: the period starts or pauses on dates the file may not hold — told in a paper of the review's
    # time, not one before the case was transferred (held-out ind_hj07: the police's 指定管辖决定书 two months earlier)
    if text_anywhere(case, p.skip_if_text, since=starts[0][1] if starts else None):
        return []
    base, extended = p.limit, p.extension.limit
    ext_cond = extension_stated(case, rule, p.extension.when)
    returns = sorted(dated(case.events, p.paused_by), key=lambda x: x[1])
    findings: list[Finding] = []
    seen: set[tuple[str | None, date, date]] = set()  # (deciding document, or person), start, end
    ends = sorted(dated(case.events, p.to), key=lambda x: x[1])
    for end_event, end_day in ends:
        # A later document telling the decision again without naming its person ("对你院于2019年2月15日作出的不起诉决定
        # 要求复议", ind_ai05) is the same decision the decided person's event stands for.
        if end_event.person is None and any(e.person and e.action == end_event.action and d == end_day
                                            for e, d in ends):
            continue
        if p.skip_told_only_by and _told_only_by(case, end_event, p.skip_told_only_by):
            continue
        decision = case.decision(end_event.document_id) if end_event.action == "不起诉" else None
        if decision is not None and decision.type in p.not_closing_types:
            continue  # the 不起诉 after a 附条件不起诉 考验期: the review ended with the 附条件 decision
        before = [(e, d) for e, d in starts if d <= end_day and same_person(e, end_event)]
        if not before:
            continue
        start_event, start_day = max(before, key=lambda x: x[1])
        # An earlier decision for this person on this start closed the review: a 不起诉 after a 起诉 withdrawn (撤回起诉,
        # 检察规则 424) is no decision of that review (ind_bn03). A decision naming no one may be a co-suspect's
        # (ind_bq05).
        if end_event.person and any(start_day <= d < end_day and e.person == end_event.person for e, d in ends):
            continue
        # Sent back after this start and no re-transfer recorded: the restart date is unknown.
        if any(start_day < d <= end_day and same_person(e, end_event) for e, d in returns):
            continue
        # Only the first transfer is dated, yet the file tells of a return ("退回补充侦查二次"): same.
        # A 补充侦查 before the transfer (a 不批准逮捕决定书's "需要补充侦查的，请依照补充侦查提纲进行") is no return (ind_ab06).
        # (Where the file dates returns, the words tell of those: a co-suspect's part sent back alone, held-out ind_ew08.)
        if start_event.action not in p.restarted_by and not returns and text_anywhere(
                case, p.paused_text, since=start_day, person=end_event.person):
            continue
        # One decision for several people (a joint 起诉书) is one finding: the same period ran out once.
        key = (end_event.document_id or end_event.person or start_event.person, start_day, end_day)
        if key in seen:
            continue
        seen.add(key)
        sent_day = start_day
        receipt = review_receipt(case, p, start_day, end_day)
        start_day = receipt.date if receipt else start_day
        custody = bool(p.while_held) and held_at(case.events, end_event, end_day, p.while_held)  # type: ignore[arg-type]
        deciding = case.document(end_event.document_id)
        speedy = _speedy(deciding, p.speedy)
        short = bool(speedy and p.speedy) and _terms_within_a_year(
            case, p.speedy, {e.person for e, _ in ends if e.document_id == end_event.document_id and e.person})  # type: ignore[arg-type]
        if speedy and p.speedy:  # the 速裁 period: ten days, fifteen unless every term recommended is within a year
            period = p.speedy.short_limit if short and p.speedy.short_limit else p.speedy.limit
            speedy_days = period.amount if period.unit == "d" else 0
            result = last_day(start_day, period.amount - speedy_days, speedy_days, custody)
            limit_label = rule.text("limit", base=period.label)
        else:
            result = last_day(start_day, base.amount, extended.amount if ext_cond else 0, custody)
            limit_label = rule.text("limit_extended" if ext_cond else "limit", base=base.label,
                                    extension=extended.label)
        if end_day <= result.last_day:
            continue
        words = {"from_action": start_event.action, "from_date": sent_day, "clock_start": start_day,
                 "to_action": end_event.action,
                 "to_date": end_day, "days": (end_day - start_day).days, "base": base.label, "base_cn": base.cn_label,
                 "limit": limit_label, "last_day": result.last_day, "shift": shift_note(rule, result, custody),
                 "source": ext_cond[2] if ext_cond else ""}
        stating = case.document(receipt.document_id) if receipt else None
        steps = [
            rule.text("dates", **words),
            *([rule.text("received", **words, document=stating.type,
                         quote=stating.text[receipt.start:receipt.end])] if receipt and stating else []),
            rule.text("counted", **words),
            rule.text("speedy_short" if short else "speedy", **words, document=deciding.type,
                      quote=deciding.text[slice(*speedy)]) if speedy and deciding
            else rule.text("extended_by", **words) if ext_cond else rule.text("not_extended", **words),
            rule.text("period", **words),
            rule.text("late", **words),
        ]
        values = {
            "from_date": sent_day,
            "clock_start": start_day,
            "from_words": rule.text("received_words", from_date=sent_day, clock_start=start_day) if receipt
            else sent_day,
            "to_date": end_day,
            "from_action": start_event.action,
            "to_action": end_event.action,
            "days": (end_day - start_day).days,
            "limit": limit_label,
            "last_day": result.last_day,
        }
        evidence = list(end_event.evidence[:1]) + list(start_event.evidence[:1])
        if speedy and deciding:
            evidence.append(case.evidence(deciding, *speedy))
        elif ext_cond:
            evidence.append(case.evidence(ext_cond[0], *ext_cond[1]))
        if receipt and stating:
            evidence.append(case.evidence(stating, receipt.start, receipt.end))
        doc = case.document(end_event.document_id) or case.document(start_event.document_id)
        severity, unsure_steps = unsure_dates(rule, (start_event, end_event))
        steps += unsure_steps
        if not ext_cond and not speedy and not case.shown_whole:
            # An excerpt may leave out the 退回补充侦查 or the extension that explains the time: a "please check".
            steps.append(rule.text("excerpt", **words))
            severity = "info"
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps, severity=severity,
                                     identity={"person": end_event.person or start_event.person, "from": start_day,
                                               "to": end_day}))
    return findings
