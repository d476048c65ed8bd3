"""The first 讯问笔录 of each suspect does not record a rights notice (`notice`: lawyer | leniency) required in its
CPL era (DF14). What counts as told, per era, is lexicons/rights_notices.yaml; records are the case's (extraction
decided whom each records and which one it is)."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from auditor.law.catalog import CPL, cpl_version_on, version_at_least
from auditor.lexicon import load_yaml
from auditor.model import Case, Document, Finding, Record
from auditor.rules.conditions import title_evidence
from auditor.rules.params import Params
from auditor.rules.rule import Rule
from auditor.text.phrases import find_phrase
from auditor.text.view import text_view

STEPS = ("first_numbered", "first_earliest", "due", "not_found", "unknown_date", "unknown_person")
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
        if doc is not None and doc.type == INTERROGATION:
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
            firsts.append((dated[0][2], dated[0][3]))
    return firsts


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


def rights_form_given(case: Case, doc: Document, person: str | None) -> tuple[int, int] | None:
    """Span in `doc` saying the rights form was handed over, or None; a form in the file also counts."""
    form = notices_lexicon()["rights_form"]
    view = text_view(doc.text)
    for pattern in form["patterns"]:
        m = re.search(pattern, view.text)
        if m:
            return view.to_orig(m.start(), m.end())
    for other in case.documents_of_type(form["type"]):
        if person is None or person in other.text or not any(p in other.text for p in case.persons):
            return (0, 0)
    return None


@dataclass
class NoticeGap:
    doc: Document
    record: Record
    era: str
    missing: list[str]  # part names
    found: list[str]


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
        if rights_form_given(case, doc, record.person):
            continue
        missing = [name for name, p in due.items() if not find_notice_part(doc.text, p)]
        if missing and era:
            gaps.append(NoticeGap(doc, record, era, missing, [n for n in due if n not in missing]))
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
                  "missing": missing, "era": gap.era}
        words = {**values, "ordinal": gap.doc.text[ordinal[0]:ordinal[1]] if ordinal else "",
                 "due": "、".join(p.labels.get(n, n) for n in gap.missing + gap.found)}
        steps = [rule.text("first_numbered" if ordinal else "first_earliest", **words), rule.text("due", **words),
                 rule.text("not_found", **words)]
        findings.append(rule.finding(case, document=gap.doc, evidence=evidence, values=values, steps=steps,
                                     identity={"person": gap.record.person, "date": gap.doc.day,
                                               "missing": gap.missing}))
    return findings
