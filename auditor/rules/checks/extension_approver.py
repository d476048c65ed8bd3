"""An extension of 侦查羁押期限 approved by a procuratorate of the wrong level (CPL 2018 Arts. 156, 158, 159).

The first extension (Art. 156, one month) is approved by the procuratorate one level above the one that approved the
arrest; the further ones (Arts. 158, 159) by a 省、自治区、直辖市人民检察院. Which extension a decision grants is read
from the article it cites, else the months it states, else its rank among the suspect's extensions; the approver is
the procuratorate the decision names as approving ("经X人民检察院批准") or issuing it. Levels come from the names
(lexicons/organ_levels.yaml); where a level cannot be told, nothing is reported.
"""

from __future__ import annotations

import functools
import re

from auditor.law.catalog import CPL, cpl_2012_to_2018
from auditor.lexicon import load_yaml
from auditor.model import Case, Document, Finding
from auditor.rules.params import Names, Params
from auditor.rules.rule import Rule
from auditor.text.numerals import cn_article, cn_to_int

STEPS = ("tier", "approver", "arrest_approver", "provincial_due", "upper_due", "same_organ", "county_approver",
         "tier_by_article", "tier_by_months", "tier_by_rank")
_APPROVED_BY = re.compile(r"经\s*([\u4e00-\u9fff]{2,30}?人民检察院)\s*(?:审查)?(?:批准|决定)")
_MONTHS = re.compile(r"延长(?:侦查)?羁押期限\s*([一二两三]+)\s*个月")


class Tier(Params):
    articles: tuple[int, ...]  # CPL 2018 numbers
    months: int
    approver: str  # "one_up" | "provincial"


class ApproverParams(Params):
    document: Names
    tiers: tuple[Tier, ...]
    arrest_documents: Names = ("批准逮捕决定书",)


@functools.cache
def levels() -> dict[str, re.Pattern[str]]:
    return {k: re.compile(v) for k, v in load_yaml("organ_levels.yaml")["procuratorate"].items()}


def level(organ: str | None) -> str | None:
    if not organ:
        return None
    for name, pattern in levels().items():
        if pattern.search(organ):
            return name
    return None


# The procuratorate signing the decision: its name on a line of its own, with or without its seal ("深圳市人民检察院
# （院印）"); the last one in the text (the addressee, a police organ, comes first).
_SIGNED_BY = re.compile(r"(?m)^[ \t\u3000]*([\u4e00-\u9fff]{2,30}?人民检察院)[ \t\u3000]*(?:[（(][^）)\n]{0,4}印[）)])?[ \t\u3000]*$")


# The decision speaks as its issuer ("本院认为…决定批准延长…"): the issuer approves, whatever earlier extension the text
# tells of ("经上一级人民检察院批准延长一个月期满仍不能侦查终结", ind_av03).
_OWN_DECISION = re.compile(r"本院(?:认为|决定|经审查)|决定批准延长")
# A procuratorate named by its place in the hierarchy, not by name: its level cannot be read from it.
_RELATIVE_NAME = re.compile(r"^(?:上一级|上级|同级|下级|原)")


def _approver(doc: Document) -> str | None:
    compact = re.sub(r"\s+", "", doc.text)
    signed = _SIGNED_BY.findall(doc.text)
    own = doc.organ if doc.organ and doc.organ.endswith("人民检察院") else (signed[-1] if signed else None)
    if own and _OWN_DECISION.search(compact):
        return own
    named = next((m.group(1) for m in _APPROVED_BY.finditer(compact) if not _RELATIVE_NAME.match(m.group(1))), None)
    return named or own


def _tier(case: Case, doc: Document, p: ApproverParams, rank: int) -> tuple[int, str] | None:
    """(index into p.tiers, how it was read)."""
    for c in case.citations:
        if c.document_id != doc.id or c.law != CPL or c.status != "valid":
            continue
        article = c.article if c.version == "2018" else cpl_2012_to_2018(c.article) if c.version == "2012" else None
        for i, tier in enumerate(p.tiers):
            if article in tier.articles:
                return i, "tier_by_article"
    m = _MONTHS.search(re.sub(r"\s+", "", doc.text))
    if m:
        months = cn_to_int(m.group(1))
        firsts = [i for i, t in enumerate(p.tiers) if t.months == months]
        if months is not None and firsts:
            return (firsts[0] if rank == 0 or len(firsts) == 1 else min(rank, len(p.tiers) - 1)), "tier_by_months"
    return min(rank, len(p.tiers) - 1), "tier_by_rank"


def run(case: Case, rule: Rule) -> list[Finding]:
    p: ApproverParams = rule.params  # type: ignore[assignment]
    arrest_approvers = {d.organ for d in case.documents_of_type(p.arrest_documents) if d.organ}
    findings = []
    for rank, doc in enumerate(sorted(case.documents_of_type(p.document), key=lambda d: (d.day is None, d.day, d.start))):
        approver = _approver(doc)
        found = _tier(case, doc, p, rank)
        if approver is None or found is None:
            continue
        index, how = found
        tier = p.tiers[index]
        grade = level(approver)
        words = {"tier": index + 1, "articles": "、".join(cn_article(a) for a in tier.articles), "months": tier.months,
                 "approver": approver, "arrest_approver": "、".join(sorted(arrest_approvers)), "document": doc.type}
        steps = [rule.text(how, **words), rule.text("tier", **words), rule.text("approver", **words)]
        wrong = None
        if tier.approver == "provincial":
            if grade != "provincial":  # a provincial procuratorate is always named as one
                wrong = "provincial_due"
        elif approver in arrest_approvers:
            wrong = "same_organ"
        elif grade == "county":
            wrong = "county_approver"
        if wrong is None:
            continue
        if arrest_approvers:
            steps.append(rule.text("arrest_approver", **words))
        steps.append(rule.text(wrong, **words))
        if wrong != "provincial_due":
            steps.append(rule.text("upper_due", **words))
        evidence = [case.evidence(doc, *_span(doc, approver))]
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=words, steps=steps,
                                     identity={"date": doc.day, "approver": approver, "tier": index + 1}))
    return findings


def _span(doc: Document, organ: str) -> tuple[int, int]:
    pattern = r"\s*".join(map(re.escape, organ))
    m = re.search(pattern, doc.text)
    return (m.start(), m.end()) if m else (0, min(len(doc.text), len(doc.title or "")))
