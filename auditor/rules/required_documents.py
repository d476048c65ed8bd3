"""Check kind `required_documents`: a document of one type calls for documents of other types.

`requires: {拘留证: [拘留通知书]}` fires once per 拘留证 when the dossier holds none of the listed documents,
unless the `unless` condition holds (e.g. a stated reason for not notifying the family).
"""

from __future__ import annotations

from auditor.model import Case, Finding
from auditor.rules.registry import Rule, documents_of_type, evaluate, title_evidence


def run(case: Case, rule: Rule) -> list[Finding]:
    findings: list[Finding] = []
    exception = rule.check.get("unless")
    for trigger_type, needed in rule.check["requires"].items():
        triggers = documents_of_type(case, trigger_type)
        if not triggers or documents_of_type(case, needed):
            continue
        if exception is not None:
            excused = evaluate(case, exception)
            if excused.holds:
                continue
        for doc in triggers:
            values = {"document": trigger_type, "missing": "、".join(needed), "date": doc.date or "日期不明"}
            steps = [
                f"案卷中有《{trigger_type}》（{doc.date or '日期不明'}）",
                f"案卷中未见{'或'.join(f'《{n}》' for n in needed)}",
            ]
            if exception is not None:
                steps.append("案卷中也未载明可以不制作该文书的理由")
            findings.append(
                rule.finding(case, document=doc, evidence=[title_evidence(case, doc)], values=values, steps=steps)
            )
    return findings
