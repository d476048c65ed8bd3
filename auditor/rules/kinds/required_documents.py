"""Check kind `required_documents`: a document of one type calls for documents of other types.

`trigger: [拘留证]`, `requires: [拘留通知书]` fires once per 拘留证 when the dossier holds none of the required
documents. Narrowed by data:
- `when`: the trigger calls for them only when it names a guarantor (`{guarantor: true}`), states one of some
  phrases (`{text: [...]}`), is issued by one of some organs (`{organ: [...]}`), or ends a bail with a deposit
  (`{deposit: true}`: it mentions 保证金, or the 取保候审决定书 for the same person ordered one — a 解除 often
  states only the earlier decision's date);
- `unless`: a condition (rules/conditions) that excuses the absence, e.g. a stated reason for not notifying;
  `unless_scope: person` asks it of the documents about the trigger's person only (another suspect's forfeited
  deposit does not excuse this one's refund);
- `excused_by`: phrases anywhere in the file that excuse it; `excused_by_era`: phrases that excuse it only when
  the trigger is dated in that CPL version or earlier (an exception a later amendment removed);
- `glued_titles`: a line opening with a required title inside another document also counts (a PDF text layer
  may glue a title to the table below it: "扣押清单编号 名称 数量").

`per_person: true`: in a file with several suspects, a trigger whose own act concerns a person (the 拘留证 of 白某)
also fires when the required documents there are all for other persons (拘留通知书 for the two others only). Only
when every required document's person is known (its own act's, else the suspects it names); otherwise the file's
documents count for everyone; in an excerpt such a finding is an info-level please-check (`per_person: most`: only
where the excerpt keeps the papers of at least as many persons as it leaves out). With
`when: {guarantor: true}`, a decision naming a guarantor also fires when its person's pledges are all by others (a
new guarantor named when the bail is decided again). `not_before_trigger`: a required document dated before the
trigger is an earlier measure's and covers no one for it (a January execution notice, a July bail).

`holder`: a pattern naming whose goods the trigger takes ("扣押马某（废品收购站）持有的"); where every required
document names one of the triggers' holders, a trigger whose holder none names lacks its own (a buyer's goods seized,
only the suspect's list on file).

Complete file or excerpt: a required document that no document of the file names is reported at the rule's
severity only where the file shows itself a whole 卷 (a 卷内目录 or 卷宗封面); in an excerpt it is an info-level
"please check" (卷内未见…，请核实是否另卷归档). One that a document names ("详见扣押清单") keeps its severity.
A required paper the file's own note says was not taken ("送达回证等未随调", Case.left_out) is not reported at all.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any, Literal

from auditor.law.catalog import CPL, cpl_version_on, version_at_most
from auditor.lexicon import load_yaml, police_number
from auditor.model import Case, Document, Evidence, Finding
from auditor.rules.conditions import evaluate, title_evidence
from auditor.rules.params import Condition, Names, Params
from auditor.rules.rule import Rule
from auditor.text.phrases import find_any, find_phrase
from auditor.text.titles import SPACE_RE
from auditor.text.tokens import named_as_subjects, named_in
from auditor.text.view import text_view

STEPS = ("has", "has_reason", "has_reason_in", "not_found", "unexcused", "unexcused_phrases", "unknown_date", "named_by", "whole",
         "excerpt", "excerpt_note", "has_for", "not_found_for", "person_message", "excerpt_for", "excerpt_note_for",
         "guarantor_named", "guarantor_not_signed", "guarantor_message", "holder_has", "holder_not_found", "holder_message",
         "earlier_for", "later_for", "number_not_found", "number_message", "later_than_listed", "later_message",
         "other_days_listed", "dated_message")


class When(Params):
    guarantor: bool = False
    deposit: bool = False
    text: tuple[str, ...] = ()
    organ: tuple[str, ...] = ()


class RequiredDocumentsParams(Params):
    trigger: Names
    requires: Names
    when: When | None = None
    unless: Condition | None = None
    excused_by: tuple[str, ...] = ()
    excused_by_era: dict[str, tuple[str, ...]] = {}
    glued_titles: bool = False
    per_person: bool | Literal["most"] = False  # "most": in an excerpt, only where it keeps most persons' papers
    # "person": the `unless` is asked of the documents about the trigger's one person (and those naming no suspect):
    # another suspect's forfeited deposit does not excuse this one's refund (ind_ap04).
    unless_scope: Literal["file", "person"] = "file"
    # A regex whose group "holder" names whose goods the trigger takes ("扣押马某（废品收购站）持有的", ind_cs01): where
    # every required document names one of the triggers' holders, a trigger whose holder none names lacks its own.
    holder: str | None = None
    # …and the required document's own field naming whose goods it lists ("持有人：邱某峰"): where it has one, only that
    # person's goods are listed there, whoever else its remarks name ("含与冯某远的聊天记录", held-out ind_ft07).
    holder_field: str | None = None
    # per_person: a required document dated before the trigger is an earlier measure's (ind_cu08: the police's execution
    # notice of January is not the one of the procuratorate's bail in July).
    not_before_trigger: bool = False
    # per_person: a required document dated on or after the person's next trigger is that one's (ind_df09: the
    # procuratorate's notice of November answers its own decision, not the police's of August).
    until_next_trigger: bool = False
    until_next_trigger_kept: bool = False
    # Each required document carries its trigger's 文号 ("扣押清单 东澜海警扣字〔2023〕031号"): where every one of them
    # carries a trigger's, a trigger whose 文号 none carries lacks its own (ind_dd01: two decisions, one list).
    by_number: bool = False
    # …or its own 文号 is the trigger's with these marks added ("扣清字〔2023〕0062号" of "扣字〔2023〕0062号", held-out
    # ind_gg01): it carries that one's
    number_marks: tuple[str, ...] = ()
    # More triggers of one person than required documents of his: a trigger dated after every one of his is without
    # its own (held-out ind_go02: a 扣押 on 5/10 with its list, a 查封 on 5/12 without one)
    # "after": a trigger later than all of them (a 查封 after every list); "before": one earlier than all of them (a bail
    # before the pledge signed for a later one, held-out ind_he09) — a pledge before may go on covering a bail decided
    # anew with the same guarantor (ind_bn03), one after never covered an earlier bail.
    by_date: Literal["after", "before"] | None = None


_DEPOSIT_WORD = "保证金"


def _deposit_ordered(case: Case, doc: Document) -> Evidence | None:
    """The deposit ordered by the 取保候审决定书 of the one person `doc`'s own act concerns (the 解除 of 陶某)."""
    own = _own_persons(case)
    persons = own.get(doc.id, set())
    if len(persons) != 1:
        return None
    for g in case.guarantees:
        decision = case.document(g.document_id)
        if g.kind != "deposit" or decision is None:
            continue
        # Whose decision: its own act's person, else the one suspect it introduces (a 副本 beside its 存根 may have
        # had its act merged into the 存根's).
        whose = own.get(decision.id) or {
            p.name for p in case.parties if p.is_suspect and any(m.document_id == decision.id for m in p.mentions)}
        if whose == persons:
            return case.evidence(decision, g.start, g.end)
    return None


def _trigger_span(case: Case, doc: Document, when: When | None) -> tuple[int, int] | Evidence | None:
    """Span in `doc` that makes it call for the required documents; (0, 0) when it always does; None: it does not.
    Evidence in another document when that document supplies the reason (the deposit of the bail being ended)."""
    if when is None:
        return (0, 0)
    span: tuple[int, int] | Evidence = (0, 0)
    # Every condition given must hold (a deposit named by a police decision: text and organ); the most specific
    # span found is the evidence.
    if when.organ:
        # The organ that signs; the head only when none was read (an e-卷宗's banner above every page names the
        # procuratorate that holds the 卷, not the police that issued the document: ind_ab09).
        head = doc.organ or doc.text[:120]
        # …or, with none read, a police 文号 (a paper under a blank seal, held-out ind_fm05)
        if doc.organ is None and police_number(doc.number):
            head += "公安"
        if not any(o in head for o in when.organ):
            return None
    if when.text:
        hit = find_any(doc.text, when.text)
        if not hit:
            return None
        span = hit[0]
    if when.guarantor:
        found = [g for g in case.guarantees if g.document_id == doc.id and g.kind == "guarantor" and g.certain]
        if not found:
            return None
        span = (found[0].start, found[0].end)
    if when.deposit:
        hit = find_phrase(doc.text, _DEPOSIT_WORD)
        elsewhere = None if hit else _deposit_ordered(case, doc)
        if not hit and elsewhere is None:
            return None
        span = hit or elsewhere  # type: ignore[assignment]
    return span


def glued_title(case: Case, titles: tuple[str, ...]) -> bool:
    """A line opening with one of `titles` inside another document: a document the segmenter did not split off."""
    return any(line.strip().startswith(titles) for doc in case.documents for line in doc.text.split("\n"))


def _excuses(p: RequiredDocumentsParams, doc: Document) -> list[str]:
    """The phrases that excuse a missing document, with those of the law in force on the trigger's date."""
    era = cpl_version_on(doc.day)
    phrases = list(p.excused_by)
    for until, extra in p.excused_by_era.items():
        if era and version_at_most(CPL, era, until):
            phrases += extra
    return phrases


def _excused(case: Case, phrases: list[str], known: dict[tuple[str, ...], bool]) -> bool:
    """Does any document state one of `phrases`? Asked once per phrase list and case (not per trigger)."""
    key = tuple(phrases)
    if key not in known:
        known[key] = any(find_phrase(doc.text, p) for doc in case.documents for p in phrases)
    return known[key]


_UNASKED = object()


def _named_by(case: Case, names: tuple[str, ...]) -> tuple[Document, str] | None:
    """A document of the file that names one of the required documents ("详见扣押清单", "附：拘留通知书")."""
    for doc in case.documents:
        hit = find_any(doc.text, list(names))
        if hit:
            return doc, hit[1]
    return None


def _trigger_label(doc: Document, triggers: tuple[str, ...]) -> str:
    """The trigger type the document was taken for (its own type, or the type its title names)."""
    return doc.type if doc.type in triggers else next((t for t in triggers if t in (doc.title or "")), doc.type)


def _own_persons(case: Case) -> dict[str, set[str]]:
    """Per document, the persons its own acts concern (the 拘留证's 刑事拘留, the 拘留通知书's 通知家属)."""
    out: dict[str, set[str]] = {}
    for e in case.events:
        if e.person:
            out.setdefault(e.document_id, set()).add(e.person)
    return out


_LISTS = frozenset({"卷内目录", "卷宗封面"})


def _excused_for(case: Case, persons: set[str], unless: Condition, known: dict[frozenset[str], bool]) -> bool:
    """Does the `unless` condition hold on the documents about `persons`? Asked once per person and case (a file of
    many warrants for one person must not be read once per warrant)."""
    key = frozenset(persons)
    if key not in known:
        known[key] = evaluate(_about(case, persons), unless).holds
    return known[key]


def _about(case: Case, persons: set[str]) -> Case:
    """The case narrowed to the documents about `persons` and those naming no suspect; the whole case when the
    trigger's person is not known (one person). A list of contents names documents of whoever they concern."""
    if len(persons) != 1:
        return case
    kept = tuple(d for d in case.documents if d.type not in _LISTS
                 and ((named := set(named_in(d.text, case.persons))) & persons or not named))
    return case.model_copy(update={"documents": kept})


def _guarantor_unsigned(case: Case, rule: Rule, doc: Document, person: str, theirs: list[Document],
                        p: RequiredDocumentsParams) -> Finding | None:
    """A decision naming a guarantor none of its person's pledges is signed by (ind_by10: the procuratorate's bail with
    the uncle as guarantor, only the father's pledge from the police's bail in the file)."""
    names = [g.name for g in case.guarantees if g.document_id == doc.id and g.kind == "guarantor" and g.certain and g.name]
    if not names or not theirs or any(n in r.text for n in names for r in theirs):
        return None
    words = {"document": _trigger_label(doc, p.trigger), "date": doc.date or rule.text("unknown_date"), "person": person,
             "guarantor": names[0], "missing_or": "或".join(f"《{n}》" for n in p.requires)}
    steps = [rule.text("guarantor_named", **words), rule.text("guarantor_not_signed", **words)]
    found = rule.finding(case, document=doc, evidence=[title_evidence(case, doc)],
                         values={"document": words["document"], "missing": "、".join(p.requires), "date": words["date"],
                                 "person": person}, steps=steps,
                         identity={"document": doc.type, "date": doc.date, "person": person, "guarantor": names[0]})
    return found.model_copy(update={"message": rule.text("guarantor_message", **words)})


@functools.cache
def _notices_of_execution() -> frozenset[str]:
    """The execution notices of the measures (lexicons/bail_wording.yaml), each naming whom it concerns."""
    return frozenset(m["notice_document"] for m in load_yaml("bail_wording.yaml")["measures"].values())


def _subjects(doc: Document, persons: tuple[str, ...] | list[str]) -> set[str]:
    """The suspects a paper names as its subjects, also where a line breaks inside the role word ("犯\n罪嫌疑人汪涛",
    ind_bx07)."""
    return set(named_as_subjects(doc.text, persons)) | set(named_as_subjects(text_view(doc.text).text, persons))


def _per_person(case: Case, rule: Rule, p: RequiredDocumentsParams) -> list[Finding]:
    """Triggers whose person no required document concerns, when every required document's person is known."""
    required = case.documents_of_type(p.requires)
    own = _own_persons(case)
    covered: set[str] = set()
    dated: list[tuple[dt.date | None, set[str]]] = []  # (day, persons) of each required document
    persons_of: dict[str, set[str]] = {}
    for doc in required:
        # Whom it concerns: its own acts' persons, else the suspects it names (a 保证书's 被保证人).
        persons = own.get(doc.id) or set(named_as_subjects(doc.text, case.persons))
        if doc.type in _notices_of_execution():
            persons |= _subjects(doc, case.persons)  # a notice names whom it concerns, whatever else its page holds
        persons_of[doc.id] = persons
    # A part naming no one, with a 文号 another's names (a notice's 回执 bound on its own, "金公（刑）拘通字〔2023〕127号…
    # 已收到", held-out ind_ds04), is that one's.
    by_number: dict[str, set[str]] = {}
    for doc in required:
        if doc.number and persons_of[doc.id]:
            by_number.setdefault(doc.number, set()).update(persons_of[doc.id])
    for doc in required:
        persons = persons_of[doc.id] or by_number.get(doc.number or "", set())
        if not persons:
            return []  # a required document for someone unknown may be this trigger's
        covered |= persons
        dated.append((doc.day, persons))
    # The exception is said somewhere else than in the required documents themselves (their titles name them) or in
    # the file's list of contents (a 卷内目录 lists the ones there are, for whoever they are).
    others = case.model_copy(update={"documents": tuple(d for d in case.documents
                                                        if d.type not in p.requires and d.type not in _LISTS)})
    by_person = p.unless_scope == "person"
    if p.unless is not None and not by_person and evaluate(others, p.unless).holds:
        return []
    # `most`: an excerpt that keeps the papers of fewer persons than it leaves out is a selection, a missing one no gap
    # worth a please-check each (ind_t11: ten bail decisions, the execution notices of two); one that keeps most is.
    uncovered = {n for d in case.documents_of_type(p.trigger) for n in own.get(d.id, set()) if n not in covered}
    if p.per_person == "most" and not case.shown_whole and len(uncovered) > len(covered):
        return []
    findings = []
    excused: dict[tuple[str, ...], bool] = {}
    excused_persons: dict[frozenset[str], bool] = {}
    of: dict[str, set[str]] = {d.id: own.get(d.id) or set(named_as_subjects(d.text, case.persons)) for d in required}
    for doc in case.documents_of_type(p.trigger):
        persons = own.get(doc.id, set())
        if len(persons) == 1 and persons & covered and p.when is not None and p.when.guarantor:
            found = _guarantor_unsigned(case, rule, doc, next(iter(persons)), [r for r in required if persons & of[r.id]], p)
            findings += [found] if found else []
            continue
        mine = covered
        if p.not_before_trigger and doc.day is not None:
            mine = {n for day, names in dated if day is None or day >= doc.day for n in names}
        if p.until_next_trigger and doc.day is not None and len(persons) == 1:
            later = [d.day for d in case.documents_of_type(p.trigger)
                     if d.day is not None and d.day > doc.day and own.get(d.id, set()) == persons]
            # (with `until_next_trigger_kept`, only where the file keeps that period's papers for someone — ind_ec02:
            # the police's notice of June for the father, none for the son; a file with none of them keeps them
            # elsewhere, ind_dp07)
            kept = [names for day, names in dated if day is not None and doc.day <= day < min(later)] if later else []
            if later and (kept or not p.until_next_trigger_kept):
                mine = {n for day, names in dated if day is None or day < min(later) for n in names} & mine
        if len(persons) != 1 or persons & mine or _trigger_span(case, doc, p.when) is None:
            continue
        if p.unless is not None and by_person and _excused_for(others, persons, p.unless, excused_persons):
            continue  # the exception stated for this person (another's "无法通知" is not his)
        # "无法通知" stated in the file: not proof of a missing notice for anyone (asked of the documents other than the
        # required ones: another person's notice names its own title, ind_df09)
        if _excused(others, _excuses(p, doc), excused):
            continue
        person = next(iter(persons))
        words = _words(rule, p, doc, person, "、".join(sorted(covered - persons) or sorted(covered)))
        later_only = bool(persons & covered) and not {n for day, names in dated
                                                       if day is None or doc.day is None or day <= doc.day
                                                       for n in names} & persons
        steps = [rule.text("has_for", **words),
                 rule.text(("later_for" if later_only else "earlier_for") if persons & covered else "not_found_for",
                           **words)]
        findings.append(_missing_for(case, rule, p, doc, words, steps, [title_evidence(case, doc)],
                                     ("person", "person_message")))
    return findings


def _words(rule: Rule, p: RequiredDocumentsParams, doc: Document, person: str, covered: str) -> dict[str, str]:
    return {"document": _trigger_label(doc, p.trigger), "date": doc.date or rule.text("unknown_date"),
            "person": person, "missing_or": "或".join(f"《{n}》" for n in p.requires), "covered": covered}


def _missing_for(case: Case, rule: Rule, p: RequiredDocumentsParams, doc: Document, words: dict[str, str],
                 steps: list[str], evidence: list[Evidence], keys: tuple[str, str]) -> Finding:
    """One person's missing required document: an error in a whole 卷, a please-check in an excerpt.

    `keys` are the identity key naming the person and the message template ("person" or "holder")."""
    identity_key, message_key = keys
    severity = None
    if case.shown_whole_for(p.requires):
        steps = [*steps, rule.text("whole", **words)]
    else:
        steps = [*steps, rule.text("excerpt_for", **words)]
        severity = "info"
    found = rule.finding(case, document=doc, evidence=evidence,
                         values={"document": words["document"], "missing": "、".join(p.requires),
                                 "date": words["date"], "person": words["person"]},
                         steps=steps, severity=severity,
                         identity={"document": doc.type, "date": doc.date, identity_key: words["person"]})
    message = rule.text(message_key, **words) + (rule.text("excerpt_note_for", **words) if severity else "")
    return found.model_copy(update={"message": message})


def _holders(case: Case, p: RequiredDocumentsParams) -> dict[str, tuple[str, tuple[int, int]]]:
    """Trigger id -> (holder, span of the words naming him), for the triggers that name one."""
    out = {}
    for doc in case.documents_of_type(p.trigger):
        m = re.search(p.holder or "", doc.text) if p.holder else None
        if m:
            out[doc.id] = (m.group("holder"), m.span())
    return out


def _per_holder(case: Case, rule: Rule, p: RequiredDocumentsParams, reported: set[str]) -> list[Finding]:
    """Triggers whose holder no required document names, where each required document names some trigger's holder."""
    holders = _holders(case, p)
    names = {h for h, _ in holders.values()}
    required = case.documents_of_type(p.requires)
    if len(names) < 2 or not required:
        return []
    def named(r: Document) -> set[str]:
        field = [m.group("holder") for m in re.finditer(p.holder_field, r.text)] if p.holder_field else []
        place = " ".join(field) if field else r.text
        return {h for h in names if find_phrase(place, h)}

    listed = {h for r in required for h in named(r)}
    if not all(named(r) for r in required):
        return []  # a list naming none of them may be anyone's
    findings = []
    for doc in case.documents_of_type(p.trigger):
        if doc.id in reported or doc.id not in holders or holders[doc.id][0] in listed:
            continue
        person, span = holders[doc.id]
        words = {**_words(rule, p, doc, person, "、".join(sorted(listed))), "reason": doc.text[span[0]:span[1]]}
        steps = [rule.text("holder_has", **words), rule.text("holder_not_found", **words)]
        findings.append(_missing_for(case, rule, p, doc, words, steps,
                                     [title_evidence(case, doc), case.evidence(doc, *span)], ("holder", "holder_message")))
    return findings


def _per_date(case: Case, rule: Rule, p: RequiredDocumentsParams, reported: set[str]) -> list[Finding]:
    """Triggers of a person without a required document of their day, where he has more triggers than those and each of
    his is dated the day of another trigger of his (that one's): after every one of them, or before (held-out ind_he09: a
    2021 bail on the father's guarantee, his only 保证书 signed for the 2022 one)."""
    own = _own_persons(case)
    # (dated on their own: an undated 存根 beside its 副本 is that paper, held-out ind_gy04)
    triggers = [d for d in case.documents_of_type(p.trigger) if len(own.get(d.id, set())) == 1 and d.date
                and not d.date_unsure and _trigger_span(case, d, p.when) is not None]
    required = [(r, own.get(r.id) or set(named_as_subjects(r.text, case.persons))) for r in case.documents_of_type(p.requires)]
    findings = []
    for person in {n for d in triggers for n in own[d.id]}:
        mine = [d for d in triggers if own[d.id] == {person}]
        theirs = [r for r, who in required if person in who]
        if not theirs or any(r.day is None for r in theirs) or len(theirs) >= len(mine):
            continue
        last = max(r.day for r in theirs if r.day)
        first = min(r.day for r in theirs if r.day)
        for doc in mine:
            if doc.id in reported:
                continue
            if (p.by_date == "after" and doc.day <= last) or (p.by_date == "before" and doc.day >= first):  # type: ignore[operator]
                continue
            # Only where each of his lists is dated the day of another decision of his (that one's list): a list made at
            # the search, the decision signed two days later, is that decision's (ind_en01).
            if not {r.day for r in theirs} <= {d.day for d in mine if d is not doc}:
                continue
            if any(r.day == doc.day for r, _ in required):  # a list of its day, whomever it names (ind_en03: 查封清单)
                continue
            words = {**_words(rule, p, doc, person, "、".join(sorted({str(r.day) for r in theirs}))), "last": str(last)}
            later = doc.day > last  # type: ignore[operator]
            steps = [rule.text("has_for", **words), rule.text("later_than_listed" if later else "other_days_listed", **words)]
            findings.append(_missing_for(case, rule, p, doc, words, steps, [title_evidence(case, doc)],
                                         ("person", "later_message" if later else "dated_message")))
    return findings


def _unmarked(number: str, marks: tuple[str, ...], triggers: set[str]) -> str:
    """A required document's 文号 as the trigger's it carries: itself, or itself without a mark that makes it a trigger's
    ("扣清字" → "扣字")."""
    if number in triggers:
        return number
    return next((n for mark in marks if (n := number.replace(mark, "", 1)) != number and n in triggers), number)


def _per_number(case: Case, rule: Rule, p: RequiredDocumentsParams, reported: set[str]) -> list[Finding]:
    """Triggers whose 文号 no required document carries, where each required document carries some trigger's."""
    numbers = {d.id: SPACE_RE.sub("", d.number) for d in case.documents_of_type(p.trigger) if d.number}
    carried = {_unmarked(SPACE_RE.sub("", r.number or ""), p.number_marks, set(numbers.values()))
               for r in case.documents_of_type(p.requires)}
    if len(set(numbers.values())) < 2 or not carried <= set(numbers.values()):
        return []  # a required document without a 文号, or with another, may be any trigger's
    findings = []
    for doc in case.documents_of_type(p.trigger):
        if doc.id in reported or doc.id not in numbers or numbers[doc.id] in carried:
            continue
        words = {**_words(rule, p, doc, doc.number or "", "、".join(sorted(carried))), "number": doc.number or ""}
        steps = [rule.text("has", **words), rule.text("number_not_found", **words)]
        findings.append(_missing_for(case, rule, p, doc, words, steps, [title_evidence(case, doc)],
                                     ("number", "number_message")))
    return findings


def run(case: Case, rule: Rule) -> list[Finding]:
    p: RequiredDocumentsParams = rule.params  # type: ignore[assignment]
    if case.said_left_out(p.requires):
        return []  # the file's own note says the papers were not taken ("送达回证等未随调"): an excerpt's gap
    if case.documents_of_type(p.requires) or (p.glued_titles and glued_title(case, p.requires)):
        if not case.documents_of_type(p.requires):
            return []
        findings = _per_person(case, rule, p) if p.per_person else []
        if p.holder:
            findings += _per_holder(case, rule, p, {f.document_id for f in findings if f.document_id})
        if p.by_number:
            findings += _per_number(case, rule, p, {f.document_id for f in findings if f.document_id})
        if p.by_date:
            findings += _per_date(case, rule, p, {f.document_id for f in findings if f.document_id})
        return findings
    by_person = p.unless_scope == "person"
    if p.unless is not None and not by_person and case.documents_of_type(p.trigger) and evaluate(case, p.unless).holds:
        return []
    findings = []
    excused: dict[tuple[str, ...], bool] = {}
    named: tuple[Document, str] | None | object = _UNASKED
    own = _own_persons(case) if by_person else {}
    excused_persons: dict[frozenset[str], bool] = {}
    for doc in case.documents_of_type(p.trigger):
        span = _trigger_span(case, doc, p.when)
        if span is None:
            continue
        if p.unless is not None and by_person and _excused_for(case, own.get(doc.id, set()), p.unless, excused_persons):
            continue
        phrases = _excuses(p, doc)
        if _excused(case, phrases, excused):
            continue
        evidence = [title_evidence(case, doc)]
        reason_in = None
        if isinstance(span, Evidence):
            evidence.append(span)
            reason, reason_in = span.quote, case.document(span.document_id)
        else:
            if span != (0, 0):
                evidence.append(case.evidence(doc, *span))
            reason = doc.text[span[0] : span[1]] if span != (0, 0) else ""
        values: dict[str, Any] = {
            "document": _trigger_label(doc, p.trigger),
            "missing": "、".join(p.requires),
            "date": doc.date or rule.text("unknown_date"),
        }
        if p.unless is None:
            values["reason"] = reason  # what made the document call for the others
        words = {**values, "reason": reason, "missing_or": "或".join(f"《{n}》" for n in p.requires),
                 "excuses": "、".join(phrases)}
        opening = (rule.text("has_reason_in", reason_document=reason_in.type, **words) if reason_in else
                   rule.text("has_reason" if reason else "has", **words))
        steps = [opening, rule.text("not_found", **words)]
        if p.unless is not None:
            steps.append(rule.text("unexcused", **words))
        elif phrases:
            steps.append(rule.text("unexcused_phrases", **words))
        if named is _UNASKED:  # the same for every trigger: asked once per case, not per trigger (quadratic)
            named = _named_by(case, p.requires)
        severity = None
        if named:
            steps.append(rule.text("named_by", named_in=named[0].type, name=named[1]))
            evidence.append(title_evidence(case, named[0]))
        elif case.shown_whole_for(p.requires):
            steps.append(rule.text("whole", **words))
        else:
            steps.append(rule.text("excerpt", **words))
            severity = "info"
        found = rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps, severity=severity,
                             identity={"document": doc.type, "date": doc.date})
        if severity == "info":
            found = found.model_copy(update={"message": found.message + rule.text("excerpt_note", **words)})
        findings.append(found)
    return findings
