"""Check kind `citation`: citations whose status (set by the citation resolver) is the rule's `status`.

The resolver (auditor/nlp, auditor/law) decides valid / outdated / nonexistent from the document's date;
this kind only reports. For `outdated`, an optional `grace` lowers the severity when the document is dated
within `grace.months` after the version in force took effect (offices keep old forms for a while); effective
dates come from lexicons/laws.yaml.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from auditor.deadlines import add_months
from auditor.law.catalog import laws, resolve_law
from auditor.model import Case, Citation, Finding
from auditor.rules.registry import Rule, parse_iso

_STATUS_TEXT = {
    "outdated": "条文序号属于已被修订的旧版本",
    "nonexistent": "所引条款在施行版本中不存在",
    "unknown_law": "无法识别所引法律",
    "valid": "引用有效",
}


def effective_date(law: str, version: str | None) -> date | None:
    """When `version` of `law` took effect, from lexicons/laws.yaml (None when unknown)."""
    title = resolve_law(law)
    if title is None or version is None:
        return None
    found = next((v for v in laws()[title].versions if v.id == version), None)
    return found.effective if found else None


def _in_grace(rule: Rule, cite: Citation, doc_date: str | None) -> tuple[bool, str | None]:
    """(within the transition period, effective date of the version in force)."""
    grace: dict[str, Any] = rule.check.get("grace") or {}
    start = effective_date(cite.law, cite.version)
    when = parse_iso(doc_date)
    if not grace or start is None or when is None:
        return False, start.isoformat() if start else None
    return start <= when <= add_months(start, int(grace.get("months", 0))), start.isoformat()


def run(case: Case, rule: Rule) -> list[Finding]:
    status = rule.check["status"]
    findings: list[Finding] = []
    for cite in case.citations:
        if cite.status != status:
            continue
        doc = case.document(cite.document_id)
        version = cite.version or "施行"
        values: dict[str, Any] = {
            "quote": cite.quote or f"《{cite.law}》第{cite.article}条",
            "law": cite.law,
            "version": version,
            "article": cite.article,
            "note": cite.note or _STATUS_TEXT.get(status, status),
            "document_date": doc.date if doc else None,
        }
        steps = [
            f"文书日期：{values['document_date'] or '不明'}；当时施行的版本：{version}",
            f"引用“{values['quote']}”：{values['note']}",
        ]
        severity = None
        if status == "outdated":
            in_grace, effective = _in_grace(rule, cite, values["document_date"])
            values["effective"] = effective
            if in_grace:
                severity = (rule.check.get("grace") or {}).get("severity", "warning")
                steps.append(
                    f"文书制作于新版本施行（{effective}）后{rule.check['grace']['months']}个月内，属过渡期，降为提示"
                )
        evidence = [case.evidence(doc, cite.start, cite.end)] if doc and cite.end > cite.start else []
        findings.append(
            rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps, severity=severity)
        )
    return findings
