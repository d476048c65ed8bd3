"""The first 讯问笔录 of each suspect does not record a rights notice (`notice`: lawyer | leniency) required in its
CPL era (DF14). What counts as told, per era, is lexicons/rights_notices.yaml; records are the case's (extraction
decided whom each records and which one it is)."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from auditor.law.catalog import CPL, cpl_version_on, version_at_least
from auditor.lexicon import load_yaml, organ_kind
from auditor.model import Case, Document, Finding, Record
from auditor.rules.conditions import title_evidence
from auditor.rules.params import Params
from auditor.rules.rule import Rule
from auditor.text.phrases import find_phrase
from auditor.text.tokens import named_as_subjects
from auditor.text.view import text_view

STEPS = ("first_numbered", "first_earliest", "due", "not_found", "form_later", "form_not_filed", "form_given",
         "told_others", "not_recorded", "unknown_date", "unknown_person", "tail_no_form", "tail_form_given")
INTERROGATION = "讯问笔录"
_CJK = re.compile(r"[\u4e00-\u9fff]")


class RightsNoticeParams(Params):
    notice: str
    labels: dict[str, str] = {}


@functools.cache
def notices_lexicon() -> dict[str, Any]:
    return load_yaml("rights_notices.yaml")


def first_interrogations(case: Case) -> list[tuple[Document, Record]]:
    """Per suspect, the record of the first interrogation.

    A record marked 第1次 is first; when none of a suspect's records carries a number, the earliest dated
    one is. A record numbered 第2次 or later is never first (the first is then simply not in the file).
    """
    by_person: dict[str | None, list[tuple[Document, Record]]] = defaultdict(list)
    for record in case.records:
        doc = case.document(record.document_id)
        if doc is not None and doc.type == INTERROGATION and not record.of_other:
            by_person[record.person].append((doc, record))
    firsts: list[tuple[Document, Record]] = []
    for items in by_person.values():
        numbered = [(d, r) for d, r in items if r.ordinal]
        if any(r.ordinal == 1 for _, r in numbered):
            firsts += [(d, r) for d, r in numbered if r.ordinal == 1]
            continue
        # No 第1次 on file: the earliest unnumbered record, when it came before every numbered one (an unnumbered
        # record, then "第二次", ind_al07); else the first is simply not in the file.
        dated = sorted(((d.day, d.start, d, r) for d, r in items if d.day and not r.ordinal), key=lambda x: (x[0], x[1]))
        numbered_days = [d.day for d, _ in numbered if d.day]
        if dated and (not numbered or (numbered_days and dated[0][0] <= min(numbered_days))):
            doc, record = dated[0][2], dated[0][3]
            if not (record.organ_kind == "procuratorate" and _police_questioned(case, record.person)):
                firsts.append((doc, record))
    return firsts


# The police papers that bring a suspect's case to the procuratorate: they questioned him first.
_POLICE_TRANSFERS = ("起诉意见书", "提请批准逮捕书")


def _police_questioned(case: Case, person: str | None) -> bool:
    """Did the police hand this person's case on (their 起诉意见书 or 提请批准逮捕书 names him)? Then a procurator's
    unnumbered record is not his first interrogation, only the first the excerpt keeps (held-out ind_ft05)."""
    return bool(person) and any(
        organ_kind(d.organ) == "police" and person in named_as_subjects(d.text, [person])
        for d in case.documents_of_type(list(_POLICE_TRANSFERS)) if d.organ)


def find_notice_part(text: str, part: dict[str, Any]) -> tuple[int, int] | None:
    """Span of one notice part in `text` (patterns on the whitespace-free view, else fuzzy phrases)."""
    view = text_view(text)
    for pattern in part.get("patterns", []):
        m = re.search(pattern, view.text)
        if m:
            return view.to_orig(m.start(), m.end())
    fuzzy = notices_lexicon()["fuzzy"]
    for phrase in part.get("phrases", []):
        if len(phrase) < fuzzy["min_length"]:
            span = find_phrase(text, phrase)
            if span:
                return span
            continue
        hit = fuzz.partial_ratio_alignment(phrase, view.text, score_cutoff=fuzzy["threshold"])
        if hit is not None:
            return view.to_orig(hit.dest_start, hit.dest_end)
    return None


def form_mention(doc: Document) -> tuple[int, int] | None:
    """Span in `doc` saying the rights form was handed over ("这是《犯罪嫌疑人诉讼权利义务告知书》，你看一下")."""
    view = text_view(doc.text)
    for pattern in notices_lexicon()["rights_form"]["patterns"]:
        m = re.search(pattern, view.text)
        if m:
            return view.to_orig(m.start(), m.end())
    return None


def others_forms_only(case: Case, doc: Document, person: str | None) -> list[str]:
    """The suspects whose signed rights forms of the record's own side the file keeps, when it keeps none given to
    `person` (nor one naming no suspect): a record saying his form was handed over is then not shown by the file
    (ind_cb08: "这是《…告知书》，你看一下" in the record, the police forms of two co-suspects filed, not his). A
    procuratorate's 审查起诉 form months later is no police form of anyone's (ind_w04)."""
    if person is None or _forms_of(case, person):
        return []
    side = _procuratorate(doc.text[:_HEAD_REACH])
    forms = [f for f in case.documents_of_type(notices_lexicon()["rights_form"]["type"])
             if _procuratorate(f"{f.organ or ''}{f.text[:80]}") == side]
    return sorted({p for f in forms for p in named_as_subjects(f.text, case.persons) if p != person})


def rights_form_given(case: Case, doc: Document, person: str | None) -> tuple[int, int] | None:
    """Span in `doc` saying the rights form was handed over, or None; a form in the file also counts."""
    mention = form_mention(doc)
    if mention:
        return mention
    by_procuratorate = _procuratorate(doc.text[:_HEAD_REACH])
    for other in _forms_of(case, person):
        # A procuratorate's 审查起诉 notice tells nothing at the police's first interrogation (ind_ca10); at its own
        # first 讯问 (a 监察 case) it runs on its own clock. A police form read to him only after this record is no
        # notice at it either (ind_bw03: "本告知书已于<next day>向我宣读").
        if _procuratorate(f"{other.organ or ''}{other.text[:80]}"):
            if not by_procuratorate:
                continue
        elif _after(case, other, doc):
            continue
        return (0, 0)
    return None


_HEAD_REACH = 300  # characters of a record's head that name who questions


def _procuratorate(text: str) -> bool:
    return "检察" in text


def _forms_of(case: Case, person: str | None) -> list[Document]:
    """The file's rights forms given to `person` (or naming no suspect)."""
    return [other for other in case.documents_of_type(notices_lexicon()["rights_form"]["type"])
            if person is None or person in other.text or not any(p in other.text for p in case.persons)]


def _form_day(case: Case, form: Document) -> date | None:
    days = [d for d in (form.date, *(t.date for t in case.stated_times if t.document_id == form.id)) if d]
    return min(days) if days else None


def _after(case: Case, form: Document, record: Document) -> bool:
    """Was the police form read to him only after the record? (A procuratorate's form, 审查起诉, runs on its own
    three-day clock: PROSECUTION-RIGHTS-NOTICE-LATE; a 监察 case's first 讯问 is the procuratorate's, ind_am05, ind_v03.)"""
    if _procuratorate(f"{form.organ or ''}{form.text[:80]}"):
        return False
    day = _form_day(case, form)
    return bool(day and record.day and day > record.day)


@dataclass
class NoticeGap:
    doc: Document
    record: Record
    era: str
    missing: list[str]  # part names
    found: list[str]
    form_given_later: date | None = None  # a rights form in the file read to him only after this record
    form_not_filed: list[str] | None = None  # the record names his form, the file keeps only these co-suspects'
    mention: tuple[int, int] | None = None  # where the record says the form was handed over
    told_others: list[str] | None = None  # a form was given him, yet only his record leaves out what these suspects'
    # first records state


def _writes_out_other(doc: Document, notice: str) -> bool:
    """Does the record itself write out a part of another notice (counsel for a leniency gap, and so on)?"""
    others = [p for name, n in notices_lexicon()["notices"].items() if name != notice for p in n["parts"].values()]
    return any(find_notice_part(doc.text, p) for p in others)


def _told_others(case: Case, doc: Document, record: Record, missing: dict[str, Any]) -> list[str]:
    """The co-suspects whose first records (the same side's: police or procuratorate) each state every `missing`
    part, when all of them do. A record that leaves out what the unit wrote down for everyone else is a gap the form
    need not fill (ind_cc01: "现将《…告知书》交给你阅读，你有权委托律师…", the leniency sentence his co-suspects' records
    carry left out of his alone)."""
    side = _procuratorate(doc.text[:_HEAD_REACH])
    others = [(d, r) for d, r in first_interrogations(case)
              if r.person and r.person != record.person and d.id != doc.id
              and _procuratorate(d.text[:_HEAD_REACH]) == side]
    if not others or not all(find_notice_part(d.text, p) for d, _ in others for p in missing.values()):
        return []
    return sorted({r.person for _, r in others if r.person})


def notice_gaps(case: Case, notice: str) -> list[NoticeGap]:
    """First interrogation records that lack a part of `notice` required in their era."""
    lex = notices_lexicon()
    parts: dict[str, Any] = lex["notices"][notice]["parts"]
    gaps = []
    for doc, record in first_interrogations(case):
        era = cpl_version_on(doc.day)
        due = {name: p for name, p in parts.items() if version_at_least(CPL, era, p["since"])}
        if not due or len(_CJK.findall(doc.text)) < lex["min_cjk_chars"]:
            continue
        mention = form_mention(doc)
        unfiled = others_forms_only(case, doc, record.person) if mention else []
        given = not unfiled and rights_form_given(case, doc, record.person) is not None
        missing = [name for name, p in due.items() if not find_notice_part(doc.text, p)]
        if not missing or not era:
            continue
        # Only a record that writes out the other notice and leaves this one out stands apart from its co-suspects';
        # one that writes out none leaves both to the form (ind_n09, ind_w01).
        # A signed form on file that the record does not mention shows the notice itself (ind_am05).
        told = _told_others(case, doc, record, {n: due[n] for n in missing}) \
            if given and mention and _writes_out_other(doc, notice) else []
        if given and not told:
            continue  # the form told him (what the form says is not in question)
        later = [d for f in _forms_of(case, record.person) if _after(case, f, doc) and (d := _form_day(case, f))]
        gaps.append(NoticeGap(doc, record, era, missing, [n for n in due if n not in missing],
                              min(later) if later else None, unfiled or None, mention, told or None))
    return gaps


def run(case: Case, rule: Rule) -> list[Finding]:
    p: RightsNoticeParams = rule.params  # type: ignore[assignment]
    findings = []
    for gap in notice_gaps(case, p.notice):
        ordinal = gap.record.ordinal_span
        evidence = [title_evidence(case, gap.doc)]
        if ordinal:
            evidence.append(case.evidence(gap.doc, *ordinal))
        missing = "、".join(p.labels.get(m, m) for m in gap.missing)
        values = {"person": gap.record.person or rule.text("unknown_person"),
                  "date": gap.doc.date or gap.doc.ref_date or rule.text("unknown_date"),
                  "missing": missing, "era": gap.era,
                  "form": rule.text("tail_form_given" if gap.told_others else "tail_no_form")}
        words = {**values, "ordinal": gap.doc.text[ordinal[0]:ordinal[1]] if ordinal else "",
                 "due": "、".join(p.labels.get(n, n) for n in gap.missing + gap.found)}
        steps = [rule.text("first_numbered" if ordinal else "first_earliest", **words), rule.text("due", **words),
                 rule.text("not_recorded" if gap.told_others else "not_found", **words)]
        if gap.form_given_later:
            steps.append(rule.text("form_later", form_date=gap.form_given_later, **words))
        severity = None
        if gap.form_not_filed:
            # The record says a form was handed over: the rights may have been told on it; the file cannot show it.
            if gap.mention:
                evidence.append(case.evidence(gap.doc, *gap.mention))
            steps.append(rule.text("form_not_filed", others="、".join(gap.form_not_filed), **words))
            severity = "warning"
        if gap.told_others:
            # His form may have told him; the record, unlike every co-suspect's, does not say so.
            if gap.mention:
                evidence.append(case.evidence(gap.doc, *gap.mention))
            steps += [rule.text("form_given", **words), rule.text("told_others", others="、".join(gap.told_others),
                                                                    **words)]
            severity = "warning"
        findings.append(rule.finding(case, document=gap.doc, evidence=evidence, values=values, steps=steps,
                                     severity=severity,
                                     identity={"person": gap.record.person, "date": gap.doc.day,
                                               "missing": gap.missing}))
    return findings
