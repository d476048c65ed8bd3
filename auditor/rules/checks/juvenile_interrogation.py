"""A 讯问笔录 of a suspect under eighteen that records no 法定代理人 or other adult present (CPL 2018 Art. 281(1);
公安规定 2020 Art. 323). The age is the one every document agrees on: each birth date stated for the suspect, and
each one his valid ID numbers carry, puts the interrogation before his eighteenth birthday; a conflict of birth
dates is CONSISTENCY-BIRTH-DATE's, not this rule's. On the birthday itself nothing is reported (周岁 count from the
day after it). A page read by OCR gives only a request to check it."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from auditor.law.periods import age_on
from auditor.lexicon import load_yaml
from auditor.model import Case, Evidence, Finding, Party
from auditor.rules.conditions import title_evidence
from auditor.rules.params import Params
from auditor.rules.rule import Rule
from auditor.text.ids import id_birth_date, id_checksum_ok
from auditor.text.view import text_view

STEPS = ("born", "interrogated", "minor", "no_adult", "adult_due")


class JuvenileParams(Params):
    present: tuple[str, ...]  # words that record an adult present (regex on the text without spaces)
    ocr_severity: Literal["error", "warning", "info"] = "info"


def _births(party: Party) -> set[date]:
    """Every birth date the dossier states for the person: in words, or carried by a valid ID number."""
    out = {m.birth_date for m in party.mentions if m.birth_date}
    for m in party.mentions:
        number = (m.id_number or "").upper()
        if len(number) == 18 and id_checksum_ok(number):
            born = id_birth_date(number)
            if born:
                out.add(born)
    return out


def _birth_evidence(case: Case, party: Party) -> list[Evidence]:
    for m in party.mentions:
        doc = case.document(m.document_id)
        if doc is not None and m.birth_span:
            return [case.evidence(doc, *m.birth_span)]
    return []


def run(case: Case, rule: Rule) -> list[Finding]:
    p: JuvenileParams = rule.params  # type: ignore[assignment]
    majority = int(load_yaml("bail_wording.yaml")["majority_age"])
    present = re.compile("|".join(p.present))
    parties = {n: party for party in case.parties if party.is_suspect for n in party.names}
    findings = []
    for record in case.records:
        doc = case.document(record.document_id)
        party = parties.get(record.person or "")
        if doc is None or doc.type != "讯问笔录" or party is None or record.began is None:
            continue
        on = record.began.date()
        births = _births(party)
        if not births or any(age_on(born, on) >= majority for born in births):
            continue  # age unknown, of age, or the documents disagree
        if present.search(text_view(doc.text).text):
            continue
        born = min(births)
        words = {"person": party.name, "born": born, "date": on, "age": age_on(born, on), "majority": majority}
        steps = [rule.text(s, **words) for s in STEPS]
        page = case.dossier.pages[case.dossier.page_index_at(doc.start)] if case.dossier.pages else None
        severity = p.ocr_severity if page is not None and page.method == "ocr" else None
        span = record.time_span or (0, 0)
        evidence = [title_evidence(case, doc)] + ([case.evidence(doc, *span)] if record.time_span else [])
        findings.append(rule.finding(case, document=doc, evidence=evidence + _birth_evidence(case, party),
                                     values=words, steps=steps, severity=severity,
                                     identity={"date": on, "person": party.name}))
    return findings
