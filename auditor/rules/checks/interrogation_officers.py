"""A 讯问笔录 taken by a single officer (CPL 2018 Art. 118(1); 公安规定 2020 Art. 202): the officers named in the
record's head (讯问人 / 侦查员 and 记录人, read once by extraction) are one person. Quiet where the head names none;
on a page read by OCR only a request to check the page."""

from __future__ import annotations

from typing import Literal

from auditor.model import Case, Finding
from auditor.rules.conditions import title_evidence
from auditor.rules.params import Params
from auditor.rules.rule import Rule

STEPS = ("named", "too_few", "unknown_date")


class OfficersParams(Params):
    minimum: int = 2  # CPL 2018 Art. 118(1): 侦查人员不得少于二人
    ocr_severity: Literal["error", "warning", "info"] = "info"


def run(case: Case, rule: Rule) -> list[Finding]:
    p: OfficersParams = rule.params  # type: ignore[assignment]
    findings = []
    for record in case.records:
        doc = case.document(record.document_id)
        if doc is None or doc.type != "讯问笔录" or record.officers_span is None or not record.officers:
            continue
        if len(record.officers) >= p.minimum:
            continue
        words = {"officers": "、".join(record.officers), "count": len(record.officers), "minimum": p.minimum,
                 "date": doc.date or rule.text("unknown_date"), "person": record.person or ""}
        steps = [rule.text("named", **words), rule.text("too_few", **words)]
        page = case.dossier.pages[case.dossier.page_index_at(doc.start + record.officers_span[0])] \
            if case.dossier.pages else None
        severity = p.ocr_severity if page is not None and page.method == "ocr" else None
        evidence = [case.evidence(doc, *record.officers_span), title_evidence(case, doc)]
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=words, steps=steps,
                                     severity=severity, identity={"date": doc.date, "person": record.person,
                                                                  "officers": list(record.officers)}))
    return findings
