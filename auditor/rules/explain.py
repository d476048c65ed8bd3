"""Explanation pieces several checks share: the last day of a period and how it was reached."""

from __future__ import annotations

from datetime import date

from auditor.law.periods import DeadlineResult, add_days, add_months, deadline, parse_period
from auditor.model import Case, Document, Event
from auditor.rules.rule import Rule
from auditor.text.phrases import find_phrase

# Step templates a check using `shift_note` must have (lexicons/rule_steps.yaml `periods`).
SHIFT_STEPS = ("shift_custody", "shift_holiday", "shift_unknown", "shift_plain")
UNSURE_STEPS = ("unsure",)


def unsure_dates(rule: Rule, events: list[Event] | tuple[Event, ...]) -> tuple[str | None, list[str]]:
    """(severity, steps) for a finding resting on `events`: "info" and a step per unsure date (an OCR'd date that
    does not fit the timeline, decided once by extraction) asking the reviewer to check the page; else (None, [])."""
    steps = []
    for event in events:
        if event.unsure:
            page = event.evidence[0].page if event.evidence else None
            steps.append(rule.text("unsure", action=event.action, date=event.date, reason=event.unsure,
                                   page=page or "?"))
    return ("info" if steps else None), steps


def last_day(start: date, months: int, days: int, custody: bool) -> DeadlineResult:
    """Last day of "months + days" from `start`, moved past a holiday unless in custody (CPL 105)."""
    base = add_days(add_months(start, months), days)
    return deadline(base, parse_period("0d"), custody)


def shift_note(rule: Rule, result: DeadlineResult, custody: bool) -> str:
    words = {"last_day": result.last_day, "shifted_from": result.shifted_from}
    if custody:
        return rule.text("shift_custody", **words)
    if result.shifted_from:
        return rule.text("shift_holiday", **words)
    if not result.holiday_data_known:
        return rule.text("shift_unknown", **words)
    return rule.text("shift_plain", **words)


def text_anywhere(case: Case, phrases: list[str] | tuple[str, ...],
                  since: date | None = None, person: str | None = None) -> tuple[Document, tuple[int, int], str] | None:
    """First document stating one of `phrases`: (document, span, phrase); with `since`, only documents dated that
    day or later, or undated; with `person`, not a document whose acts are all other persons' (a co-suspect's
    退回补充侦查 says nothing of this one's review, ind_bh06)."""
    acts_of: dict[str, set[str | None]] = {}
    if person is not None:
        for e in case.events:
            acts_of.setdefault(e.document_id or "", set()).add(e.person)
    for doc in case.documents:
        if since is not None and doc.date is not None and doc.date < since:
            continue
        whose = acts_of.get(doc.id)
        if whose and None not in whose and person not in whose:
            continue
        for phrase in phrases:
            span = find_phrase(doc.text, phrase)
            if span:
                return doc, span, phrase
    return None
