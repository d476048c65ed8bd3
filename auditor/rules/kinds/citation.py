"""Check kind `citation`: citations that are wrong for the document's date, or a decision on the wrong article.

Two forms:
- `status: outdated | nonexistent | unknown_law`: citations whose status (set by extraction through
  auditor/law from the document's date) is the rule's. For `outdated`, `grace` lowers the severity when the
  document is dated within `grace.months` after the version in force took effect (offices keep old forms for a
  while); effective dates come from lexicons/laws.yaml.
- `measure: 取保候审 | 监视居住`: the decision's sentence ordering the measure must rest on one of the measure's
  condition articles of that era (lexicons/bail_wording.yaml `basis_articles`, 2018 numbering, 2012 derived).
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Any, Literal

from auditor.law.catalog import CPL, cpl_article_in, cpl_version_on, laws, resolve_law
from auditor.law.periods import add_months
from auditor.lexicon import load_yaml
from auditor.model import Case, Citation, Document, Finding
from auditor.rules.params import Params
from auditor.rules.rule import Rule
from auditor.text.numerals import cn_article
from auditor.text.phrases import sentence_at
from auditor.text.view import text_view

STEPS = ("document_version", "cited", "in_grace", "unverified", "unknown_date", "in_force", "status_outdated", "status_nonexistent",
         "status_unknown_law", "status_valid", "basis_version", "basis_cited", "basis_wrong", "basis_outdated")


class Grace(Params):
    months: int
    severity: Literal["error", "warning", "info"] = "warning"


class CitationParams(Params):
    status: Literal["valid", "outdated", "nonexistent", "unknown_law"] | None = None
    grace: Grace | None = None
    measure: str | None = None

    def model_post_init(self, _context: Any) -> None:
        if (self.status is None) == (self.measure is None):
            raise ValueError("a citation check needs exactly one of status or measure")


@functools.cache
def measures() -> dict[str, Any]:
    return load_yaml("bail_wording.yaml")["measures"]


def effective_date(law: str, version: str | None) -> date | None:
    """When `version` of `law` took effect, from lexicons/laws.yaml (None when unknown)."""
    title = resolve_law(law)
    if title is None or version is None:
        return None
    found = next((v for v in laws()[title].versions if v.id == version), None)
    return found.effective if found else None


def run(case: Case, rule: Rule) -> list[Finding]:
    p: CitationParams = rule.params  # type: ignore[assignment]
    return _wrong_basis(case, rule, p.measure) if p.measure else _by_status(case, rule, p)


def _by_status(case: Case, rule: Rule, p: CitationParams) -> list[Finding]:
    """One finding per document: a paper citing several old numbers (an old form's "第七十九条、第八十五条", ind_ca02) is
    one defect, each citation its evidence and a step."""
    by_doc: dict[str | None, list[Citation]] = {}
    void = {d.id for d in case.documents if d.void is not None}  # a paper voided or never issued is judged by no one
    for cite in case.citations:
        if cite.status == p.status and cite.document_id not in void:
            by_doc.setdefault(cite.document_id, []).append(cite)
    findings: list[Finding] = []
    for doc_id, cites in by_doc.items():
        doc = case.document(doc_id) if doc_id else None
        first = cites[0]
        version = first.version or rule.text("in_force")
        quotes = [c.quote or f"《{c.law}》第{c.article}条" for c in cites]
        notes = [c.note or rule.text(f"status_{p.status}") for c in cites]
        values: dict[str, Any] = {
            "quote": "、".join(dict.fromkeys(quotes)),
            "law": first.law,
            "version": version,
            "article": first.article,
            "note": "；".join(dict.fromkeys(notes)),
            "document_date": doc.date if doc else None,
        }
        steps = [rule.text("document_version", document_date=values["document_date"] or rule.text("unknown_date"),
                           version=version)]
        steps += [rule.text("cited", quote=q, note=n) for q, n in zip(quotes, notes, strict=True)]
        severity = None
        if p.status == "outdated":
            start = effective_date(first.law, first.version)
            when = doc.date if doc else None
            values["effective"] = start.isoformat() if start else None
            if p.grace and start and when and start <= when <= add_months(start, p.grace.months):
                severity = p.grace.severity
                steps.append(rule.text("in_grace", effective=start, grace_months=p.grace.months))
            if all(c.unverified for c in cites):  # a U fact of the rule base never drives an error
                severity = "info"
                steps.append(rule.text("unverified"))
        evidence = [case.evidence(doc, c.start, c.end) for c in cites if doc and c.end > c.start]
        identity: dict[str, Any] = {"law": first.law, "article": first.article, "paragraph": first.paragraph,
                                    "item": first.item, "document_date": values["document_date"]}
        if len(cites) > 1:
            identity["also"] = [(c.law, c.article, c.paragraph, c.item) for c in cites[1:]]
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps,
                                     severity=severity, identity=identity))
    return findings


_CLAUSE_END = "。；;"
_BASIS_REACH = 120


def basis_citations(case: Case, doc: Document, measure: str) -> list[Citation]:
    """Citations in the sentence that orders the measure, before the order itself.

    The sentence runs to its 。 or ；, across line breaks (a PDF wraps "…刑事诉讼法》\n第七十三条…之规定，决定…"),
    within _BASIS_REACH characters of the citation."""
    pattern = re.compile(measures()[measure]["decision"])
    out = []
    for c in case.citations:
        if c.document_id != doc.id:
            continue
        _, end = sentence_at(doc.text, c.start, ends=_CLAUSE_END)
        line_start = doc.text.rfind("\n", 0, c.start) + 1
        if pattern.search(text_view(doc.text[c.end : min(end, c.end + _BASIS_REACH)]).text) \
                or _BASIS_FIELD.match(doc.text, line_start, c.start):
            out.append(c)
    return out


# A form's field for it: "法律依据：《刑事诉讼法》第六十七条第一款第（三）项" (held-out ind_fe05)
_BASIS_FIELD = re.compile(r"[ \t\u3000]*(?:法律依据|法律根据|适用法律|依据)[ \t\u3000]*[:：][ \t\u3000]*[《]?")


def _wrong_basis(case: Case, rule: Rule, measure: str) -> list[Finding]:
    """The decision grounds the measure on a CPL article that is not its condition article of that era."""
    spec = measures()[measure]
    findings: list[Finding] = []
    for doc in case.documents_of_type(spec["decision_document"]):
        version = cpl_version_on(doc.day)
        allowed = {a for a in (cpl_article_in(version, n) for n in spec["basis_articles"]) if a}
        if not allowed:
            continue
        cited = [c for c in basis_citations(case, doc, measure) if c.law == CPL]
        # An article that does not exist is CITATION-NONEXISTENT's alone. An old number is still a wrong basis under
        # the text in force: reported here too, linked to CITATION-OUTDATED's finding (`caused_by` in the YAML).
        if not cited or any(c.status not in ("valid", "outdated") for c in cited):
            continue
        if any(c.version != version for c in cited) or any(c.article in allowed for c in cited):
            continue
        expected = "或".join(cn_article(a) for a in sorted(allowed))
        quotes = "、".join(c.quote for c in cited)
        words = {"document": doc.type, "document_date": doc.day, "version": version, "measure": measure,
                 "cited": quotes, "expected": expected}
        steps = [rule.text("basis_version", **words), rule.text("basis_cited", **words),
                 rule.text("basis_wrong", **words)]
        if any(c.status == "outdated" for c in cited):
            steps.append(rule.text("basis_outdated", **words))
        evidence = [case.evidence(doc, c.start, c.end) for c in cited]
        values = {"cited": quotes, "expected": expected, "version": version, "articles": [c.article for c in cited]}
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps,
                                     identity={"document_date": doc.day, "articles": values["articles"]}))
    return findings
