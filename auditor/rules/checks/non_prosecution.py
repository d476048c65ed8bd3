"""不起诉决定书 checks (legal-rules §4): the article, the type, the notices to the 被不起诉人 and the victim.

Each reads the case's `decisions` (extraction read the decision sentence, its basis and decided its type once)
and stays quiet when it cannot read what it needs: no decision sentence, a basis citation that is outdated or
nonexistent (the citation rules report those), an unknown version, a reasoning that reads as more than one type.
Facts (articles, phrases) come from lexicons/non_prosecution.yaml.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from auditor.law.catalog import cpl_2018_to_2012
from auditor.lexicon import load_yaml
from auditor.model import Basis, Case, Citation, Decision, Document, Evidence, Finding, Notice
from auditor.rules.conditions import title_evidence
from auditor.rules.params import Params
from auditor.rules.rule import Rule
from auditor.text.numerals import cn_article
from auditor.text.phrases import find_phrase
from auditor.text.titles import SPACE_RE
from auditor.text.tokens import name_of, names_pattern

STEPS = {
    "wrong_article": ("cited", "allowed", "none_allowed", "unknown_date"),
    "type_mismatch": ("reasoning", "type_basis", "cited_other", "other_type", "reason_cited"),
    "suspect_appeal_missing": ("decided", "may_appeal", "not_told"),
    "suspect_appeal_wrong": ("decided", "may_not_appeal", "told", "type_unknown", "check"),
    "victim_notice_missing": ("victim", "victim_elsewhere", "victim_sibling", "source_decision", "source_file",
                              "source_sibling", "victim_due", "not_told", "missing_appeal", "missing_destination",
                              "missing_days", "missing_suit", "victim_word"),
    "victim_notice_wrong_level": ("upper_due", "told_own"),
    "private_prosecution": ("suit_excluded", "told"),
}


class DecisionParams(Params):
    document: str = "不起诉决定书"


@functools.cache
def lexicon() -> dict[str, Any]:
    return load_yaml("non_prosecution.yaml")


def _decisions(case: Case, p: DecisionParams) -> list[tuple[Document, Decision]]:
    out = []
    for doc in case.documents_of_type(p.document):
        decision = case.decision(doc.id)
        if decision is not None:
            out.append((doc, decision))
    return out


def _basis(entry: dict[str, Any]) -> Basis:
    return Basis(article=int(entry["article"]), paragraph=entry.get("paragraph"))


def type_bases() -> dict[str, list[Basis]]:
    return {name: [_basis(b) for b in spec["basis"]] for name, spec in lexicon()["types"].items()}


def document_bases(doc_type: str) -> list[Basis]:
    return [_basis(b) for b in lexicon()["document_bases"].get(doc_type, [])]


def label(b: Basis, version: str | None) -> str:
    """第N条[第M款] in the numbering of `version` (2012 through the concordance); "" when it has no number there."""
    article = b.article if version == "2018" else cpl_2018_to_2012(b.article)
    if not article:
        return ""
    return f"第{article}条" + (f"第{b.paragraph}款" if b.paragraph else "")


def quote(decision: Decision) -> str:
    return "、".join(c.quote for c in decision.citations)


def _cite_evidence(case: Case, doc: Document, cites: tuple[Citation, ...]) -> list[Evidence]:
    return [case.evidence(doc, c.start, c.end) for c in cites if c.end > c.start]


def _span_evidence(case: Case, doc: Document, span: tuple[int, int]) -> Evidence:
    s, e = span
    while s < e and doc.text[s].isspace():
        s += 1
    while e > s and doc.text[e - 1].isspace():
        e -= 1
    return case.evidence(doc, s, e)


def _identity(doc: Document, decision: Decision, **more: Any) -> dict[str, Any]:
    # the 文号 too: two decisions of one day on co-defendants (ind_cz07) are two findings, not one fingerprint
    return {"document_date": doc.day, "number": doc.number, "bases": [c.article for c in decision.citations], **more}


# --- NON-PROSECUTION-WRONG-ARTICLE ---------------------------------------------------------------------------


def wrong_article(case: Case, rule: Rule) -> list[Finding]:
    """The decision's CPL basis is none of the articles a decision of this type may rest on."""
    findings = []
    companions = {a for spec in lexicon()["types"].values() for a in spec.get("reveal_cites") or []}
    for doc, d in _decisions(case, rule.params):  # type: ignore[arg-type]
        # An old number (CITATION-OUTDATED speaks of it) is judged as written, as the bail and surveillance rules judge
        # theirs: the finding is linked to that one (caused_by), one mistake (held-out ind_ec08: 第一百七十三条 in 2021).
        if not (d.citations and all(c.status in ("valid", "outdated") for c in d.citations)
                and all(b is not None for b in d.bases)):
            continue
        allowed = document_bases(doc.type)
        bases = [b for b in d.bases if b is not None]
        if any(a.covers(b) for b in bases for a in allowed):
            continue
        # Art. 16 names the statutory situation a 法定 decision rests on: alone it is no wrong basis; beside another
        # clause that is none ("依据第十六条第（一）项和第一百七十五条第三款的规定", held-out ind_du07) it is.
        if not [b for b in bases if b.article not in companions]:
            continue
        version = d.citations[0].version
        allowed_text = "、".join(x for x in (label(a, version) for a in allowed) if x)
        words = {"date": doc.date or rule.text("unknown_date"), "cited": "、".join(c.quote for c in d.citations),
                 "version": version, "document": doc.type, "allowed": allowed_text}
        steps = [rule.text("cited", **words), rule.text("allowed", **words), rule.text("none_allowed", **words)]
        values = {"quote": quote(d), "version": version, "allowed": allowed_text}
        findings.append(rule.finding(case, document=doc, evidence=_cite_evidence(case, doc, d.citations),
                                     values=values, steps=steps, identity=_identity(doc, d)))
    return findings


# --- NON-PROSECUTION-TYPE-ARTICLE-MISMATCH -------------------------------------------------------------------


def _reason_quote(rule: Rule, doc: Document, d: Decision, span: tuple[int, int] | None) -> str:
    if span is None:
        revealing = next((b.article for b in d.bases if b is not None and any(
            b.article in (spec.get("reveal_cites") or []) for spec in lexicon()["types"].values())), 0)
        return rule.text("reason_cited", article=cn_article(revealing))
    text = re.sub(r"\s+", "", doc.text[span[0] : span[1]])
    return text if len(text) <= 40 else f"{text[:16]}……{text[-12:]}"


def type_article_mismatch(case: Case, rule: Rule) -> list[Finding]:
    """The type the reasoning reveals (酌定, 存疑, 法定, …) is not the type of the cited article."""
    findings = []
    types = lexicon()["types"]
    for doc, d in _decisions(case, rule.params):  # type: ignore[arg-type]
        if not d.readable:
            continue
        bases = [b for b in d.bases if b is not None]
        if not any(a.covers(b) for b in bases for a in document_bases(doc.type)):
            continue  # not a non-prosecution article at all: NON-PROSECUTION-WRONG-ARTICLE
        if len(d.reasoning_types) != 1:
            continue  # no type or an ambiguous reasoning: no accusation
        ((kind, span),) = d.reasoning_types.items()
        expected = type_bases()[kind]
        if any(a.covers(b) for b in bases for a in expected):
            continue
        version = d.citations[0].version
        expected_text = "或".join(x for x in (label(a, version) for a in expected) if x)
        cited_label = "、".join(types[k]["label"] for k in d.cited_types) or rule.text("other_type")
        reason = _reason_quote(rule, doc, d, span)
        words = {"reason": reason, "type": types[kind]["label"], "version": version, "expected": expected_text,
                 "quote": quote(d), "cited_type": cited_label}
        steps = [rule.text("reasoning", **words), rule.text("type_basis", **words), rule.text("cited_other", **words)]
        evidence = ([_span_evidence(case, doc, span)] if span else []) + _cite_evidence(case, doc, d.citations)
        values = {"type": types[kind]["label"], "reason": reason, "quote": quote(d), "expected": expected_text,
                  "cited_type": cited_label, "version": version}
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps,
                                     identity=_identity(doc, d, type=kind)))
    return findings


# --- notices to the 被不起诉人 (CPL 181) -----------------------------------------------------------------------


def suspect_appeal_notices(d: Decision) -> list[Notice]:
    spec = lexicon()["notice"]
    return [n for n in d.notices if spec["suspect_role"] in n.roles and find_phrase(n.text, spec["appeal"])]


def _type_label(d: Decision) -> str:
    """The decided type's label; undecided (reasoning and article disagree), the type of the article cited."""
    types = lexicon()["types"]
    return types[d.type]["label"] if d.type else "、".join(types[t]["label"] for t in d.cited_types)


def _reasoning_quote(doc: Document, d: Decision) -> str | None:
    """The reasoning's words for the decided type, when the type rests on them and the cited article is no basis of
    that type; else None (the article is the decision's basis)."""
    if d.type_source != "reasoning" or d.type in d.cited_types:
        return None
    span = d.reasoning_types.get(d.type) if d.type else None
    return doc.text[span[0] : span[1]].strip() if span else None


def suspect_appeal_notice_missing(case: Case, rule: Rule) -> list[Finding]:
    """A 177(2) decision that does not tell the 被不起诉人 of his 申诉 (CPL 181; 检察规则 377)."""
    findings = []
    types = lexicon()["types"]
    for doc, d in _decisions(case, rule.params):  # type: ignore[arg-type]
        # …or the reasoning's type gives him the 申诉 where the article's does not ("犯罪情节轻微…不需要判处刑罚" under
        # 177(1), held-out ind_ez06): a please-check linked to the mismatch, as the other way round.
        by_reasoning = d.type is None and len(d.reasoning_types) == 1 and len(d.cited_types) == 1 and bool(
            types[next(iter(d.reasoning_types))].get("suspect_may_appeal"))
        if not d.readable or d.span is None or not (d.suspect_may_appeal is True or by_reasoning) \
                or suspect_appeal_notices(d):
            continue
        words = {"quote": quote(d), "type": _type_label(d)}
        reasoning = _reasoning_quote(doc, d)
        if d.type is None and len(d.reasoning_types) == 1 and len(d.cited_types) == 1:
            # The reasoning and the article disagree (the mismatch rule reports that): the 申诉 right rests on the
            # article alone, so this is a "please check", linked to the mismatch.
            ((kind, span),) = d.reasoning_types.items()
            words |= {"cited_type": types[d.cited_types[0]]["label"], "reasoning_type": types[kind]["label"],
                      "reasoning": doc.text[span[0] : span[1]].strip() if span else ""}
            words["basis"] = rule.text("basis_reasoning" if by_reasoning else "basis_cited", **words)
            steps = [rule.text("type_unknown", **words), rule.text("may_appeal", **words), rule.text("not_told", **words),
                     rule.text("check_by_reasoning" if by_reasoning else "check", **words)]
            findings.append(rule.finding(case, document=doc, evidence=_cite_evidence(case, doc, d.citations),
                                         values={"quote": quote(d), "basis": words["basis"]}, steps=steps,
                                         identity=_identity(doc, d), severity="info"))
            continue
        if reasoning is None:
            words["basis"] = rule.text("basis_cited", **words)
            decided = rule.text("decided", **words)
        else:  # the article cited is no basis of this type ("依据…第一百七十六条第一款…决定不起诉"): the reasoning tells it
            words |= {"reasoning": reasoning, "basis": rule.text("basis_reasoning", **words)}
            decided = rule.text("decided_by_reasoning", **words)
        steps = [decided, rule.text("may_appeal", **words), rule.text("not_told", **words)]
        # A type read from the reasoning alone, the article being wrong (NON-PROSECUTION-WRONG-ARTICLE's finding, the
        # root cause): a "please check", not a second accusation (ind_ah08).
        if reasoning is not None:
            steps.append(rule.text("check_reasoning", **words))
        findings.append(rule.finding(case, document=doc, evidence=_cite_evidence(case, doc, d.citations),
                                     values={"quote": quote(d), "basis": words["basis"]}, steps=steps,
                                     identity=_identity(doc, d), severity="info" if reasoning is not None else None))
    return findings


def suspect_appeal_notice_wrong(case: Case, rule: Rule) -> list[Finding]:
    """A decision not made under 177(2) that tells the 被不起诉人 he may 申诉 (CPL 181 does not apply)."""
    findings = []
    for doc, d in _decisions(case, rule.params):  # type: ignore[arg-type]
        if not d.readable or d.span is None:
            continue
        told = suspect_appeal_notices(d)
        if not told:
            continue
        if d.suspect_may_appeal is not False:
            # The reasoning and the article disagree (the mismatch rule reports that) and the reasoning's type gives no
            # 申诉 right: a "please check", linked to the mismatch (ind_bz07: 证据不足 under 177(2), the suspect told).
            found = _told_under_mismatch(case, rule, doc, d, told[0])
            findings += [found] if found else []
            continue
        kinds = _type_label(d)
        notice = told[0].text.strip()
        words = {"quote": quote(d), "type": kinds, "notice": notice}
        steps = [rule.text("decided", **words), rule.text("may_not_appeal", **words), rule.text("told", **words)]
        evidence = [_span_evidence(case, doc, (told[0].start, told[0].end)), *_cite_evidence(case, doc, d.citations)]
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=words, steps=steps,
                                     identity=_identity(doc, d)))
    return findings


def _told_under_mismatch(case: Case, rule: Rule, doc: Document, d: Decision, told: Notice) -> Finding | None:
    if d.type is not None or len(d.reasoning_types) != 1 or len(d.cited_types) != 1:
        return None
    ((kind, span),) = d.reasoning_types.items()
    types = lexicon()["types"]
    if types[kind].get("suspect_may_appeal"):
        return None
    words = {"quote": quote(d), "cited_type": types[d.cited_types[0]]["label"], "reasoning_type": types[kind]["label"],
             "reasoning": doc.text[span[0] : span[1]].strip() if span else "", "notice": told.text.strip()}
    steps = [rule.text("type_unknown", **words), rule.text("may_not_appeal", **words), rule.text("told", **words),
             rule.text("check", **words)]
    evidence = [_span_evidence(case, doc, (told.start, told.end)), *_cite_evidence(case, doc, d.citations)]
    return rule.finding(case, document=doc, evidence=evidence, values={"quote": quote(d), "type": words["reasoning_type"],
                                                                       "notice": words["notice"]},
                        steps=steps, identity=_identity(doc, d), severity="info")


# --- notices to the victim (CPL 180) ---------------------------------------------------------------------------


@dataclass
class VictimNoticeReading:
    victim: tuple[str, int, int]
    appeal: Notice | None  # the sentence telling the victim of 申诉
    destination: str  # upper | own | none
    days_ok: bool
    sue: tuple[int, int, Notice] | None  # span of the 自诉 words and their sentence
    elsewhere: tuple[Document, str, int, int] | None = None  # the victim shown only by another paper of the file


_SERIAL = re.compile(r"(\d+)号$")


def _victim_elsewhere(case: Case, doc: Document) -> tuple[Document, str, int, int] | None:
    """A victim this decision's part of the case has, by another paper of the file: a 送达回证 serving this decision on a
    victim (by its 文号, ind_cn08). A victim the police papers name is not enough: a charge may have none of its own
    (ind_ar02). (paper, the line, its span)"""
    roles = lexicon()["notice"]["victim_roles"]
    serial = _SERIAL.search(doc.number or "")
    if serial is None:
        return None
    for other in case.documents_of_type(["送达回证"]):
        if re.search(rf"(?<!\d){serial.group(1)}号", other.text) and "不诉" in other.text:
            m = re.search("|".join(roles), other.text)
            if m:
                start = other.text.rfind("\n", 0, m.start()) + 1
                end = other.text.find("\n", m.end())
                end = len(other.text) if end < 0 else end
                return other, other.text[start:end].strip(), start, end
    return None


_CHARGE = re.compile(r"(?:涉嫌|犯)([\u4e00-\u9fff、]{2,20}?罪)")
# …and the charges listed after it ("涉嫌开设赌场罪、诈骗罪")
_MORE_CHARGES = re.compile(r"[、和及]([\u4e00-\u9fff]{2,20}?罪)")


def _charges(text: str) -> set[str]:
    found = set()
    for m in _CHARGE.finditer(text):
        found.add(m.group(1))
        pos = m.end()
        while (more := _MORE_CHARGES.match(text, pos)) is not None:
            found.add(more.group(1))
            pos = more.end()
    return found


def _victim_of_sibling(case: Case, doc: Document) -> tuple[Document, str, int, int] | None:
    """A victim a co-suspect's decision of the same file tells of his 申诉 (CPL 180 speaks of "有被害人的案件": the
    case, not each suspect's part): ind_bz07, ind_cp04, ind_dw07 … — a decision naming no victim beside one telling
    him. (paper, the sentence, its span)"""
    spec = lexicon()["notice"]
    # …of the same crime: a file may join a bribe taken (no victim) with the damage the briber did (held-out ind_ex05)
    # (…every crime of it: a sibling decided on 开设赌场罪、诈骗罪 may tell the victim of the fraud only, held-out ind_fz07)
    charges = _charges(doc.text)
    for other in case.documents_of_type(spec["sibling_decisions"]):
        decision = case.decision(other.id) if other.id != doc.id else None
        theirs = _charges(other.text)
        if decision is None or not theirs or not theirs <= charges:
            continue
        told = next((n for n in victim_notices(decision) if find_phrase(n.text, spec["appeal"])), None)
        if told is not None:
            return other, told.text.strip(), told.start, told.end
    return None


def victim_notices(d: Decision) -> list[Notice]:
    spec = lexicon()["notice"]
    return [n for n in d.notices if set(spec["victim_roles"]) & set(n.roles)]


def in_property_paragraph(text: str, at: int) -> bool:
    """Is offset `at` in a 不起诉决定书's paragraph on seized property (from its heading to the line's end)? An owner
    named there as 被害人 is the victim of the crime the goods came from (ind_cs10: a 掩饰、隐瞒犯罪所得 case)."""
    line_start = text.rfind("\n", 0, at) + 1
    return any(text.startswith(h, line_start + k) for h in lexicon()["delivery"]["property_heads"]
               for k in range(0, min(4, at - line_start) + 1))


def victims(case: Case, doc: Document, before: int) -> list[tuple[str, int, int]]:
    """Victims introduced in the document before offset `before`: (name, start, end)."""
    roles = set(lexicon()["notice"]["victim_roles"])
    found = [(m.name, m.start, m.end) for p in case.parties for m in p.mentions
             if m.document_id == doc.id and m.role in roles and m.start < before]
    found += [(m.group("name"), m.start("name"), m.end("name"))
              for m in re.finditer(lexicon()["notice"]["victim_unit"], doc.text[:before])]
    # …or a person the file knows as a victim, named in this decision's facts without the word ("梁某推搡邬某某并砸毁
    # 啤酒一箱", his 被害人邬某某 in the co-defendants' decisions, ind_cz07); not an owner in the property paragraph
    known = tuple(p.name for p in case.parties if p.role in roles and p.name not in case.persons)
    if known and not found:
        found += [(name_of(m.group(0), known), m.start(), m.end())
                  for m in names_pattern(known).finditer(doc.text, 0, before)
                  if not in_property_paragraph(doc.text, m.start())][:1]
    return sorted(found, key=lambda x: x[1])


def grants_private_prosecution(text: str) -> tuple[int, int] | None:
    """Span telling the victim he may sue in court, unless that clause denies it ("不适用…起诉的规定")."""
    spec = lexicon()["notice"]
    for pattern in spec["private_prosecution"]:
        for m in re.finditer(pattern, text):
            clause_start = max(text.rfind(p, 0, m.start()) for p in "，,；;。")
            clause = text[clause_start + 1 : m.end() + 8]
            if not any(w in clause for w in spec["denials"]):
                return m.start(), m.end()
    return None


_PROCURATORATE = re.compile(r"[\u4e00-\u9fff]{2,20}?人民检察院")


def _appeal_destination(sentence: str, issuer: str | None) -> str:
    """"upper" (上一级 or a procuratorate other than the issuer), "own" (本院 / the issuer) or "none"."""
    spec = lexicon()["notice"]
    sentence = SPACE_RE.sub("", sentence)  # "向云江市人民检察\n院申诉": a page or line break inside the name (ind_bi05)
    if find_phrase(sentence, spec["upper_level"]):
        return "upper"
    own_named = False
    for m in _PROCURATORATE.finditer(sentence):
        name = m.group(0).lstrip("向")
        if issuer and (name == issuer or issuer.endswith(name) or name.endswith(issuer)):
            own_named = True
        elif name != spec["generic_procuratorate"]:
            return "upper"
    if own_named or any(find_phrase(sentence, f"向{w}") for w in spec["own_procuratorate"]):
        return "own"
    return "none"


_UNNAMED_VICTIM = re.compile(r"(?<![无没有未非])被害(?:人|单位)(?![如不服])")


def read_victim_notice(case: Case, doc: Document, d: Decision) -> VictimNoticeReading | None:
    """What the decision tells its named victim; None when no victim is named or no decision sentence."""
    if d.span is None:
        return None
    spec = lexicon()["notice"]
    named = victims(case, doc, d.span[0])
    told = victim_notices(d)
    appeal = next((n for n in told if find_phrase(n.text, spec["appeal"])), None)
    if not named and appeal is not None:
        # A notice telling the victim where to 申诉 proves there is one, even when the party reader could
        # not name him ("与被害人X发生争执").
        named = [(spec["victim_roles"][0], appeal.start, appeal.end)]
    if not named:
        # So do the facts the decision finds: "已赔偿被害人损失", "取得被害人谅解" (ind_ci07, ind_ca09) — a victim of
        # this case, unnamed; "无被害人" is none.
        named = [(m.group(0), m.start(), m.end()) for m in _UNNAMED_VICTIM.finditer(doc.text, 0, d.span[0])][:1]
    elsewhere = None
    if not named:
        # Else a 送达回证 serving this decision on a victim (ind_cn08): a warning to check.
        elsewhere = _victim_elsewhere(case, doc) or _victim_of_sibling(case, doc)
        if elsewhere is None:
            return None
        named = [(elsewhere[1], 0, 0)]
    destination = _appeal_destination(appeal.text, doc.organ) if appeal else "none"
    days_ok = bool(appeal) and any(find_phrase(appeal.text, w) for w in spec["appeal_days_words"])  # type: ignore[union-attr]
    sue = None
    for n in told:
        found = grants_private_prosecution(n.text)
        if found:
            sue = (n.start + found[0], n.start + found[1], n)
            break
    return VictimNoticeReading(named[0], appeal, destination, days_ok, sue, elsewhere)


def victim_notice_missing(case: Case, rule: Rule) -> list[Finding]:
    """A decision naming a victim that does not tell him of his 申诉 to the procuratorate one level up, within
    the period, and of his right to sue in court directly (CPL 180; 检察规则 377)."""
    findings = []
    excluded = lexicon()["notice"]["no_private_suit_types"]
    for doc, d in _decisions(case, rule.params):  # type: ignore[arg-type]
        reading = read_victim_notice(case, doc, d)
        if reading is None:
            continue
        # After a 附条件不起诉 考验期 the victim's direct suit is excluded (检察规则 472): do not ask for it.
        # The type is decided once (Decision.type: reasoning and article); an article of such a type cited alone
        # counts too.
        no_suit = d.type in excluded or any(
            b is not None and any(b.article == a.article for t in excluded for a in type_bases()[t]) for b in d.bases)
        missing = []
        if reading.appeal is None:
            missing.append(rule.text("missing_appeal"))
        else:
            if reading.destination == "none":
                missing.append(rule.text("missing_destination"))
            if not reading.days_ok:
                missing.append(rule.text("missing_days"))
        if reading.sue is None and not no_suit:
            missing.append(rule.text("missing_suit"))
        if not missing:
            continue
        name, vs, ve = reading.victim
        severity = None
        if reading.elsewhere:
            other, victim, vs_other, ve_other = reading.elsewhere
            sibling = other.type in lexicon()["notice"]["sibling_decisions"]
            words = {"victim": victim, "document": other.type, "missing": "；".join(missing)}
            steps = [rule.text("victim_sibling" if sibling else "victim_elsewhere", **words), rule.text("victim_due", **words),
                     rule.text("not_told", **words)]
            evidence = [title_evidence(case, doc), case.evidence(other, vs_other, ve_other)]
            severity = "warning"
        else:
            words = {"victim": doc.text[vs:ve], "missing": "；".join(missing)}
            steps = [rule.text("victim", **words), rule.text("victim_due", **words), rule.text("not_told", **words)]
            evidence = [case.evidence(doc, vs, ve)]
        if reading.appeal:
            evidence.append(_span_evidence(case, doc, (reading.appeal.start, reading.appeal.end)))
        elif not reading.elsewhere:
            evidence.append(title_evidence(case, doc))
        source = rule.text("source_decision" if not reading.elsewhere else
                           "source_sibling" if reading.elsewhere[0].type in lexicon()["notice"]["sibling_decisions"]
                           else "source_file")
        findings.append(rule.finding(case, document=doc, evidence=evidence,
                                     values={"source": source, "missing": words["missing"]},
                                     steps=steps, severity=severity,
                                     identity={"document_date": doc.day, "victim": name,
                                                            "missing": missing}))
    return findings


def victim_notice_wrong_level(case: Case, rule: Rule) -> list[Finding]:
    """The victim is told to 申诉 to the deciding procuratorate itself instead of the one a level up."""
    findings = []
    for doc, d in _decisions(case, rule.params):  # type: ignore[arg-type]
        reading = read_victim_notice(case, doc, d)
        if reading is None or reading.appeal is None or reading.destination != "own":
            continue
        notice = reading.appeal.text.strip()
        steps = [rule.text("upper_due"), rule.text("told_own", notice=notice)]
        evidence = [_span_evidence(case, doc, (reading.appeal.start, reading.appeal.end))]
        findings.append(rule.finding(case, document=doc, evidence=evidence, values={"notice": notice}, steps=steps,
                                     identity={"document_date": doc.day}))
    return findings


def private_prosecution_notice(case: Case, rule: Rule) -> list[Finding]:
    """A 附条件不起诉决定书 telling the victim he may sue in court directly (检察规则 472: 180's suit excluded)."""
    findings = []
    for doc, d in _decisions(case, rule.params):  # type: ignore[arg-type]
        if d.span is None:
            continue
        for n in victim_notices(d):
            found = grants_private_prosecution(n.text)
            if not found:
                continue
            notice = n.text.strip()
            steps = [rule.text("suit_excluded"), rule.text("told", notice=notice)]
            evidence = [_span_evidence(case, doc, (n.start + found[0], n.start + found[1]))]
            findings.append(rule.finding(case, document=doc, evidence=evidence, values={"notice": notice},
                                         steps=steps, identity={"document_date": doc.day}))
            break
    return findings
