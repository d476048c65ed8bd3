"""Rule conditions evaluated against a case, with the evidence of why they hold.

A condition is data (see params.Condition): a document type in the file, an event, a phrase in some documents,
or all / any of other conditions. The reasons are template sentences (lexicons/rule_steps.yaml `conditions`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from auditor.lexicon import load_yaml
from auditor.model import Case, Document, Evidence
from auditor.rules.rule import format_message
from auditor.text.phrases import blank_field, denied, phrase_pattern, sentence_at, unticked
from auditor.text.tokens import named_in


@dataclass
class ConditionResult:
    holds: bool
    evidence: list[Evidence] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # Chinese, for explanation steps


@functools.cache
def _templates() -> dict[str, str]:
    return load_yaml("rule_steps.yaml")["conditions"]


def title_evidence(case: Case, doc: Document) -> Evidence:
    """Evidence pointing at the document's title line (its first line when the title is not found)."""
    pos = doc.text.find(doc.title) if doc.title else -1
    if pos >= 0:
        return case.evidence(doc, pos, pos + len(doc.title))
    first = doc.text.strip().split("\n", 1)[0] if doc.text.strip() else ""
    start = doc.text.find(first) if first else 0
    return case.evidence(doc, start, start + len(first))


def _about(case: Case, doc: Document, person: str | None) -> bool:
    """Does `doc` concern `person`: he is among the people whose acts it records (a co-suspect's 提请批准逮捕书 tells
    his facts too, yet is not his), else it names him or no suspect at all?"""
    if person is None:
        return True
    acting = {e.person for e in case.events if e.document_id == doc.id and e.person}
    if acting:
        return person in acting
    named = named_in(doc.text, case.persons)
    return not named or person in named


def evaluate(case: Case, cond: dict[str, Any], person: str | None = None) -> ConditionResult:
    """Evaluate a rule condition against the case, with evidence of why it holds. With `person`, an `event`
    condition holds only for that person's events (or the case's, without a person), and a `document` condition, or
    a `text` condition `in` named kinds of document, only in documents about that person (a 延长拘留期限通知书 for
    a co-suspect is not his)."""
    t = _templates()
    if "all" in cond:
        parts = [evaluate(case, c, person) for c in cond["all"]]
        if all(p.holds for p in parts):
            return ConditionResult(True, [e for p in parts for e in p.evidence], [r for p in parts for r in p.reasons])
        return ConditionResult(False)
    if "any" in cond:
        held = [p for p in (evaluate(case, c, person) for c in cond["any"]) if p.holds]
        if held:
            return ConditionResult(True, [e for p in held for e in p.evidence], [r for p in held for r in p.reasons])
        return ConditionResult(False)
    if "not" in cond:
        return ConditionResult(not evaluate(case, cond["not"], person).holds)
    if "document" in cond:
        docs = [d for d in case.documents_of_type(cond["document"]) if _about(case, d, person)]
        if docs:
            return ConditionResult(True, [title_evidence(case, docs[0])],
                                   [format_message(t["document"], {"type": docs[0].type})])
        return ConditionResult(False)
    if "event" in cond:
        for event in case.events:
            if event.action in cond["event"] and (person is None or event.person in (None, person)):
                return ConditionResult(True, list(event.evidence[:1]),
                                       [format_message(t["event"], {"action": event.action})])
        return ConditionResult(False)
    scope = case.documents_of_type(cond["in"]) if "in" in cond else case.documents
    if "not_in" in cond:  # anywhere but these kinds of document (a co-suspect's own form is not his)
        scope = tuple(d for d in scope if d.type not in cond["not_in"])
    # Wording in a named kind of document is that document's person's; wording anywhere else stays the case's.
    for doc in (d for d in scope if "in" not in cond or _about(case, d, person)):
        for phrase in cond["text"]:
            span = _phrase_about(case, doc, phrase, person if "in" in cond else None)
            if span:
                return ConditionResult(True, [case.evidence(doc, *span)],
                                       [format_message(t["text"], {"type": doc.type, "phrase": phrase})])
    return ConditionResult(False)


@functools.cache
def _group_ref() -> re.Pattern[str]:
    return re.compile(load_yaml("actions.yaml")["group_refs"])


def _phrase_about(case: Case, doc: Document, phrase: str, person: str | None) -> tuple[int, int] | None:
    """The first `phrase` in `doc` that may be `person`'s: in a document about several persons, a sentence naming
    some of them and not him is theirs ("犯罪嫌疑人薛某，因案情复杂…延长至7日" beside a co-suspect's 结伙作案 line of
    one joint 审批表, ind_cz06) — unless it speaks of a group ("三名犯罪嫌疑人…（刘某于3月11日）", ind_ay01). Words a
    clause denies are not stated ("期间未办理延长审查期限审批", ind_dh09). A sentence naming nobody is the paragraph's
    ("犯罪嫌疑人罗某，…。2023年5月9日…被我局刑事拘留，5月12日延长拘留期限至三十日。", held-out ind_dm01)."""
    for m in phrase_pattern(phrase).finditer(doc.text):
        if unticked(doc.text, m.start()) or denied(doc.text, m.start()) or blank_field(doc.text, m.end()):
            continue
        if person is not None:
            start, end = sentence_at(doc.text, m.start())
            names = named_in(doc.text[start:end], case.persons)
            if not names:  # a sentence naming nobody speaks of the person its paragraph introduces (ind_dm01)
                start = doc.text.rfind("\n", 0, start) + 1
                names = named_in(doc.text[start:end], case.persons)
            if names and person not in names and not _group_ref().search(doc.text, start, end):
                continue
        return m.start(), m.end()
    return None
