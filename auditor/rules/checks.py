"""Named Python checks (check kind `python`) for what rule data cannot say.

A check is `fn(case, rule) -> list[Finding]`, registered under a name that rule YAML refers to
(`check: {kind: python, name: bail_both_guarantees}`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from auditor.model import Case, Document, Event, Evidence, Finding
from auditor.rules import deadline
from auditor.rules.registry import Rule, documents_of_type, find_phrase, parse_iso

CheckFn = Callable[[Case, Rule], list[Finding]]
CHECKS: dict[str, CheckFn] = {}


def check(name: str) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        CHECKS[name] = fn
        return fn

    return register


# --- BAIL-BOTH-GUARANTEES -----------------------------------------------------------------------------------

# A person's name as written in case files: 2-4 Han characters, masked forms (张某某, 李×) included.
_NAME = r"[\u4e00-\u9fff×＊*ＸX]{2,4}"
# Words that follow 保证人 in template wording and are not names.
_NOT_NAME = re.compile(
    r"^(?:或|和|并|及|与|的|为|应|必|不|未|是|须|负|履|违|在|保|担|一|两|二|资|条|名|等|人|由|提|交|缴|所"
    # 向 is also a surname (向国波): only "向执行机关报告…" and the like are wording.
    r"|向(?:执行|公安|机关|派出所|人民|被|其|有关|司法))"
)
_GUARANTOR_PATTERNS = [
    re.compile(rf"提出保证人\s*[:：]?\s*(?P<name>{_NAME})"),
    re.compile(rf"保证人\s*[:：]?\s*(?P<name>{_NAME})[^。；\n]{{0,30}}?担保"),
]
_DEPOSIT_TRIGGER = re.compile(r"(交纳|缴纳|收取|交付)保证金|保证金(数额|金额)")
_DEPOSIT_WINDOW = 20


def find_guarantor(text: str) -> tuple[int, int] | None:
    """Span naming a guarantor ("提出保证人李某某", "由保证人王某为其担保"); template wording does not count."""
    for pattern in _GUARANTOR_PATTERNS:
        for m in pattern.finditer(text):
            if not _NOT_NAME.match(m.group("name")):
                return m.start(), m.end()
    return None


def find_deposit(text: str) -> tuple[int, int, float] | None:
    """Span ordering a deposit of a stated amount ("交纳保证金人民币伍仟元") and the amount."""
    from auditor.nlp.terms import find_amounts  # sibling helper's module; imported when a check runs

    for m in _DEPOSIT_TRIGGER.finditer(text):
        window = text[m.end() : m.end() + _DEPOSIT_WINDOW]
        for amount in find_amounts(window):
            if amount.value and amount.value > 0:
                return m.start(), m.end() + amount.end, float(amount.value)
    return None


def _evidence(case: Case, doc: Document, span: tuple[int, int]) -> Evidence:
    return case.evidence(doc, span[0], span[1])


@check("bail_both_guarantees")
def bail_both_guarantees(case: Case, rule: Rule) -> list[Finding]:
    """A bail decision ordering both a guarantor and a deposit (公安规定 2020 Art. 84(2); 检察规则 2019 Art. 89(2))."""
    findings: list[Finding] = []
    for doc in documents_of_type(case, rule.check.get("document", "取保候审决定书")):
        guarantor = find_guarantor(doc.text)
        deposit = find_deposit(doc.text)
        if not guarantor or not deposit:
            continue
        g_quote = doc.text[guarantor[0] : guarantor[1]]
        d_quote = doc.text[deposit[0] : deposit[1]]
        values = {"guarantor": g_quote, "deposit": d_quote, "amount": deposit[2]}
        steps = [
            f"决定书责令提出保证人：“{g_quote}”",
            f"决定书同时责令交纳保证金：“{d_quote}”",
            "对同一犯罪嫌疑人不得同时使用保证人保证和保证金保证",
        ]
        evidence = [_evidence(case, doc, guarantor), _evidence(case, doc, deposit[:2])]
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps))
    return findings


# --- deadlines with conditions the `deadline` kind cannot state ---------------------------------------------
#
# `deadline_filtered` takes the `deadline` kind's fields (from, to, limit, custody, extensions) and narrows the
# `to` events before the deadline kind pairs and measures them, so pairing and wording stay the same:
#   to: one action or a list (批准逮捕 or 不批准逮捕: either decision stops the clock)
#   first_only: only the first `to` after the start counts (the first 讯问 after 拘留, not later ones)
#   excused_by: phrases that, in the `to` event's own document, state a lawful reason for lateness
#   while_held: {held: [...], released: [...], at: start|end}: only when the person was held at the start
#     (default) or still held at the end: the latest held event on or before that day, with no release
#     from that event's day up to it


def _same_person(a: Event, b: Event) -> bool:
    return a.person is None or b.person is None or a.person == b.person


def _dated(events: list[Event], actions: list[str]) -> list[tuple[Event, date]]:
    return [(e, d) for e in events if e.action in actions and (d := parse_iso(e.date))]


def _paired_start(starts: list[tuple[Event, date]], end: Event, end_date: date) -> tuple[Event, date] | None:
    """The start the deadline kind pairs `end` with: the latest one of the same person on or before it."""
    before = [(e, d) for e, d in starts if d <= end_date and _same_person(e, end)]
    return max(before, key=lambda x: x[1]) if before else None


def held_at(case: Case, start: Event, start_date: date, spec: dict[str, Any]) -> bool:
    held = [d for e, d in _dated(case.events, spec["held"]) if d <= start_date and _same_person(e, start)]
    if not held:
        return False
    since = max(held)
    released = _dated(case.events, spec.get("released", []))
    return not any(since <= d <= start_date and _same_person(e, start) for e, d in released)


def _excused(case: Case, event: Event, phrases: list[str]) -> bool:
    doc = case.document(event.document_id)
    return bool(doc) and any(find_phrase(doc.text, p) for p in phrases)


def _kept_ends(case: Case, check: dict[str, Any], to_action: str) -> list[Event]:
    starts = _dated(case.events, [check["from"]])
    ends = _dated(case.events, [to_action])
    kept = []
    for end, end_date in ends:
        paired = _paired_start(starts, end, end_date)
        if paired is None:
            continue
        start, start_date = paired
        if check.get("first_only") and any(
            start_date <= d < end_date and _same_person(e, end) for e, d in ends if e is not end
        ):
            continue
        if check.get("excused_by") and _excused(case, end, check["excused_by"]):
            continue
        held = check.get("while_held")
        # `at: end`: still held when the closing act happened (released on bail in between: the limit is moot).
        if held and held.get("at") == "end" and not held_at(case, end, end_date, held):
            continue
        if held and held.get("at") != "end" and not held_at(case, start, start_date, held):
            continue
        kept.append(end)
    return kept


@check("deadline_filtered")
def deadline_filtered(case: Case, rule: Rule) -> list[Finding]:
    """The `deadline` kind on the `to` events that the rule's conditions leave (see above)."""
    to_actions = rule.check["to"] if isinstance(rule.check["to"], list) else [rule.check["to"]]
    findings: list[Finding] = []
    for to_action in to_actions:
        others = [e for e in case.events if e.action != to_action]
        view = copy.copy(case)
        view.events = others + _kept_ends(case, rule.check, to_action)
        findings.extend(deadline.run(view, replace(rule, check={**rule.check, "to": to_action})))
    return findings
