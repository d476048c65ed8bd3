"""The transfer for 审查起诉 (移送审查起诉), decided once for every rule that reads it (issue 11, one inference per fact).

- The procuratorate's receipt ("本院于…收到…移送审查起诉的…") is a Receipt: the periods that run from receipt (CPL
  34(2), 172) start there. The transfer keeps the day it was sent; only a file that dates no sending is dated by the
  receipt.
- A 起诉意见书 is dated when written: other documents dating the transfer in words give the act's day.
- A transfer after the person's case came back for supplementary investigation is the re-transfer (CPL 175(3)).
- Acts on a transferred case named by a group ("…等人…案") are not a co-suspect's whose case was never transferred.
The words live in lexicons/actions.yaml.
"""

from __future__ import annotations

import datetime as dt
import re

from auditor.lexicon import doc_type_act, load_yaml
from auditor.model import Document, Event, Receipt
from auditor.text.tokens import named_in


def in_transferred_case(events: list[Event], documents: tuple[Document, ...]) -> list[Event]:
    """Drop acts of `transferred_case_acts` given to a suspect by a group name only ("彭宇航等人…案") when others'
    cases were transferred and his was not."""
    spec = load_yaml("actions.yaml")
    acts, transfer = set(spec["transferred_case_acts"]), spec["retransfer"]["transfer"]
    sent = {e.person for e in events if e.action == transfer and e.person}
    if not sent:
        return events
    text_of = {d.id: d.text for d in documents}

    def kept(ev: Event) -> bool:
        if ev.action not in acts or ev.person is None or ev.person in sent:
            return True
        return any(named_in(text_of.get(e.document_id, ""), [ev.person]) for e in ev.evidence)

    return [ev for ev in events if kept(ev)]


def retransfers(events: list[Event]) -> list[Event]:
    """Transfers after the person's first transfer and a later return are re-transfers (actions.yaml `retransfer`)."""
    spec = load_yaml("actions.yaml")["retransfer"]
    first: dict[str | None, dt.date] = {}
    for ev in events:
        if ev.action == spec["transfer"] and ev.date and (ev.person not in first or ev.date < first[ev.person]):
            first[ev.person] = ev.date
    returned: dict[str | None, dt.date] = {}
    for ev in events:
        if ev.action == spec["returned"] and ev.date and ev.person in first and first[ev.person] <= ev.date \
                and (ev.person not in returned or ev.date < returned[ev.person]):
            returned[ev.person] = ev.date
    out = [ev.model_copy(update={"action": spec["again"]})
           if ev.action == spec["transfer"] and ev.date and ev.person in returned and ev.date > returned[ev.person]
           else ev for ev in events]
    # A re-transfer is of those returned: a paper naming nobody ("补充侦查报告书…现重新移送") after a return of one
    # suspect's part ("对严国华部分分案处理…退回补充侦查", held-out ind_ew08) re-transfers his case, not the others'.
    # (one the file shows no earlier transfer of keeps it: sent along then, "同时将犯罪嫌疑人杨春燕…一并移送审查起诉" (ind_bv06),
    # or by a paper not read as a transfer, ind_df03's 补充起诉意见书)
    return [ev for ev in out if not (
        ev.action == spec["again"] and ev.person is not None and ev.date
        and ev.person in first and first[ev.person] <= ev.date
        and not (ev.person in returned and returned[ev.person] <= ev.date)
        and any(day <= ev.date for who, day in returned.items() if who != ev.person))]


def split_transfer_receipts(events: list[Event]) -> tuple[list[Event], list[Receipt]]:
    """The procuratorate's receipts of a transfer (events marked `received`) as Receipts; the event stays only where
    the file dates no sending of that person's case up to `received_reach_days` before it (then its date is the
    best the file gives), unmarked."""
    spec = load_yaml("actions.yaml")
    reach = dt.timedelta(days=spec["received_reach_days"])
    sent = [e for e in events if not e.received and e.date and e.action in spec["received_acts"]]
    kept: list[Event] = []
    receipts: list[Receipt] = []
    for ev in events:
        if not ev.received:
            kept.append(ev)
            continue
        if ev.date is not None and ev.evidence and not any(
                r.document_id == ev.document_id and r.date == ev.date for r in receipts):
            receipts.append(Receipt(document_id=ev.document_id or ev.evidence[0].document_id,
                                    received_type=spec["received_document"], recipient="本院",
                                    recipient_kind="procuratorate", date=ev.date, source="stated",
                                    start=ev.evidence[0].start, end=ev.evidence[0].end))
        day = ev.date
        if day is None or not any(s.person == ev.person and day - reach <= s.date <= day for s in sent):  # type: ignore[operator]
            kept.append(ev.model_copy(update={"received": False}))
    return kept, receipts


def same_day_receipts(events: list[Event], documents: tuple[Document, ...], persons: tuple[str, ...]) -> list[Receipt]:
    """"本院已于移送之日起受理": the procuratorate's receipt, dated by the transfer of each person the document names."""
    spec = load_yaml("actions.yaml")
    words = re.compile(spec["received_same_day"])
    sent: dict[str, dt.date] = {}
    for ev in events:
        if ev.action in spec["received_acts"] and ev.person and ev.date and not ev.received:
            sent[ev.person] = min(ev.date, sent.get(ev.person, ev.date))
    out: list[Receipt] = []
    for doc in documents:
        m = words.search(doc.text)
        if m is None:
            continue
        for person in named_in(doc.text, persons):
            if person in sent:
                out.append(Receipt(document_id=doc.id, received_type=spec["received_document"], recipient="本院",
                                   recipient_kind="procuratorate", date=sent[person], source="stated",
                                   start=m.start(), end=m.end()))
                break  # one receipt per document: the transfer of the case it names
    return out


PAPER_SLACK = dt.timedelta(days=2)  # a paper may be dated a day or two after the act it performs


def dated_by_words(events: list[Event], documents: tuple[Document, ...]) -> list[Event]:
    """Drop an act of `dated_by_words` told only by its own paper's date (the 起诉意见书's) where another document
    dates the same person's act in words within `received_reach_days` of it: the act happened on that day."""
    spec = load_yaml("actions.yaml")
    acts, reach = set(spec.get("dated_by_words") or ()), dt.timedelta(days=spec["received_reach_days"])
    act_of = {d.id: doc_type_act(d.type) for d in documents}

    def paper_only(ev: Event) -> bool:
        return all(act_of.get(e.document_id) == ev.action for e in ev.evidence)

    told = [e for e in events if e.action in acts and e.date and not paper_only(e)]
    return [ev for ev in events if not (
        ev.action in acts and ev.date and ev.evidence and paper_only(ev)
        # (not long before the paper: a case cannot be sent weeks before its 起诉意见书 was written; "于2024年1月25日移送"
        # told of two defendants in the 起诉书 is the other's, held-out ind_fc06 — a day or two is a paper dated late, ind_i04)
        and any(t.person == ev.person and t.action == ev.action
                and ev.date - PAPER_SLACK <= t.date <= ev.date + reach  # type: ignore[operator]
                for t in told))]
