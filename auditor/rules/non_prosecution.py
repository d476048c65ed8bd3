"""不起诉决定书 checks (legal-rules §4): type, article, notices, delivery.

Checks register themselves with `auditor.rules.checks.check`; rule YAML names them (`kind: python`).
Facts (articles, phrases, months) come from lexicons/non_prosecution.yaml. A decision's basis is the CPL
citations in the sentence stating the decision (or the sentence before it), compared in the 2018 numbering
(2012 citations are mapped through the concordance in lexicons/laws.yaml). Every check stays quiet when it
cannot read what it needs: no decision sentence, a citation that is outdated or nonexistent (the citation
rules report those), an unknown version, a reasoning that reads as more than one type.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from auditor.deadlines import add_days, add_months
from auditor.law.catalog import cpl_2012_to_2018
from auditor.lexicon import load_yaml
from auditor.model import Case, Citation, Document, Evidence, Finding
from auditor.rules.checks import check
from auditor.rules.registry import Rule, documents_of_type, find_phrase, parse_iso, title_evidence

CPL = "中华人民共和国刑事诉讼法"
DECISION = "不起诉决定书"
CONDITIONAL = "附条件不起诉决定书"


@functools.cache
def lexicon() -> dict[str, Any]:
    return load_yaml("non_prosecution.yaml")


# --- bases ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Basis:
    """A CPL 条/款 in the 2018 numbering; paragraph None = the article as a whole (or not stated)."""

    article: int
    paragraph: int | None = None

    def label(self) -> str:
        return f"第{self.article}条" + (f"第{self.paragraph}款" if self.paragraph else "")

    def covers(self, other: Basis) -> bool:
        """Same article, and the paragraphs agree or one of them is not stated."""
        return self.article == other.article and (
            self.paragraph is None or other.paragraph is None or self.paragraph == other.paragraph
        )


def _basis(entry: dict[str, Any]) -> Basis:
    return Basis(int(entry["article"]), entry.get("paragraph"))


def type_bases() -> dict[str, list[Basis]]:
    return {name: [_basis(b) for b in spec["basis"]] for name, spec in lexicon()["types"].items()}


def document_bases(doc_type: str) -> list[Basis]:
    return [_basis(b) for b in lexicon()["document_bases"].get(doc_type, [])]


def to_2018(cite: Citation) -> Basis | None:
    """The cited CPL 条/款 in the 2018 numbering; None for another law, another version, or no mapping."""
    if cite.law != CPL:
        return None
    if cite.version == "2018":
        return Basis(cite.article, cite.paragraph)
    if cite.version == "2012" and not cite.article_suffix:
        now = cpl_2012_to_2018(cite.article)
        return Basis(now, cite.paragraph) if now else None
    return None


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, split at 。 (line breaks inside a sentence are kept)."""
    out, start = [], 0
    for m in re.finditer("。", text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def decision_span(doc: Document) -> tuple[int, int] | None:
    """The sentence stating the decision ("决定对某某不起诉"), or None when it cannot be found."""
    m = re.search(lexicon()["decision_sentence"], doc.text)
    if not m:
        return None
    return next(((s, e) for s, e in _sentences(doc.text) if s <= m.start() < e), None)


def basis_citations(case: Case, doc: Document) -> list[Citation]:
    """CPL citations of the decision sentence, or of the sentence before it when it cites none."""
    span = decision_span(doc)
    if span is None:
        return []
    cites = [c for c in case.citations if c.document_id == doc.id and c.law == CPL]
    inside = [c for c in cites if span[0] <= c.start < span[1]]
    if inside:
        return inside
    before = [(s, e) for s, e in _sentences(doc.text) if e <= span[0]]
    if not before:
        return []
    s, e = before[-1]
    return [c for c in cites if s <= c.start < e]


@dataclass
class DecisionBasis:
    citations: list[Citation]
    bases: list[Basis]  # 2018 numbering, one per citation

    @property
    def readable(self) -> bool:
        """Every basis citation is valid and maps to the 2018 numbering (else other rules speak)."""
        return bool(self.citations) and all(c.status == "valid" for c in self.citations) and all(
            b is not None for b in self.bases
        )

    def quote(self) -> str:
        return "、".join(c.quote for c in self.citations)


def decision_basis(case: Case, doc: Document) -> DecisionBasis:
    cites = basis_citations(case, doc)
    return DecisionBasis(cites, [to_2018(c) for c in cites])  # type: ignore[misc]


def cited_types(bases: list[Basis], strict: bool) -> set[str]:
    """Types whose basis is cited; `strict` needs the paragraph to be stated (177 alone is no type)."""
    out = set()
    for name, allowed in type_bases().items():
        for b in bases:
            if any(a.covers(b) and (not strict or a.paragraph is None or b.paragraph == a.paragraph) for a in allowed):
                out.add(name)
    return out


def _2012_label(b: Basis) -> str:
    from auditor.law.catalog import cpl_2018_to_2012

    old = cpl_2018_to_2012(b.article)
    return f"第{old}条" + (f"第{b.paragraph}款" if b.paragraph else "") if old else ""


# --- reasoning -----------------------------------------------------------------------------------------------


def reasoning_region(doc: Document) -> tuple[int, int]:
    """From "本院认为" (the reasoning) to the end; the whole text when the phrase is missing."""
    span = find_phrase(doc.text, "本院认为")
    return (span[0] if span else 0, len(doc.text))


def reasoning_types(doc: Document, bases: list[Basis]) -> dict[str, tuple[int, int] | None]:
    """Type -> span of the words that reveal it (None when a cited article such as 刑诉法 16 reveals it)."""
    start, end = reasoning_region(doc)
    text = doc.text[start:end]
    found: dict[str, tuple[int, int] | None] = {}
    for name, spec in lexicon()["types"].items():
        for alternative in spec.get("reasoning") or []:
            spans = [find_phrase(text, p) for p in alternative]
            if all(spans):
                first = min(spans, key=lambda s: s[0])  # type: ignore[index]
                last = max(spans, key=lambda s: s[1])  # type: ignore[index]
                found[name] = (start + first[0], start + last[1])
                break
        if name not in found and any(b.article in (spec.get("reveal_cites") or []) for b in bases):
            found[name] = None
    return found


# --- notices -------------------------------------------------------------------------------------------------


@dataclass
class Notice:
    roles: set[str]
    start: int
    end: int
    text: str


def _role_re() -> re.Pattern[str]:
    spec = lexicon()["notice"]
    return re.compile("|".join([spec["suspect_role"], *spec["victim_roles"]]))


def notices(doc: Document, after: int) -> list[Notice]:
    """Sentences after offset `after` addressed to a party: the first role word is the addressee (two roles
    joined by 、/及/和 right after each other are both addressed)."""
    out = []
    role_re = _role_re()
    for s, e in _sentences(doc.text):
        if e <= after:
            continue
        s = max(s, after)
        sentence = doc.text[s:e]
        roles = list(role_re.finditer(sentence))
        if not roles:
            continue
        addressed = {roles[0].group(0)}
        if len(roles) > 1 and sentence[roles[0].end() : roles[1].start()] in ("、", "及", "和", "与", "以及"):
            addressed.add(roles[1].group(0))
        out.append(Notice(addressed, s, e, sentence))
    return out


def suspect_appeal_notices(doc: Document, after: int) -> list[Notice]:
    spec = lexicon()["notice"]
    return [n for n in notices(doc, after) if spec["suspect_role"] in n.roles and find_phrase(n.text, spec["appeal"])]


def victim_notices(doc: Document, after: int) -> list[Notice]:
    spec = lexicon()["notice"]
    return [n for n in notices(doc, after) if set(spec["victim_roles"]) & n.roles]


def grants_private_prosecution(text: str) -> tuple[int, int] | None:
    """Span telling the victim he may sue in court, unless that clause denies it ("不适用…起诉的规定")."""
    for pattern in lexicon()["notice"]["private_prosecution"]:
        for m in re.finditer(pattern, text):
            clause_start = max(text.rfind(p, 0, m.start()) for p in "，,；;。")
            clause = text[clause_start + 1 : m.end() + 8]
            if not any(w in clause for w in ("不适用", "不得", "不能", "无权")):
                return m.start(), m.end()
    return None


_PROCURATORATE = re.compile(r"[\u4e00-\u9fff]{2,20}?人民检察院")


def _appeal_destination(sentence: str, issuer: str | None) -> str:
    """"upper" (上一级 or a procuratorate other than the issuer), "own" (本院 / the issuer) or "none"."""
    spec = lexicon()["notice"]
    if find_phrase(sentence, spec["upper_level"]):
        return "upper"
    own_named = False
    for m in _PROCURATORATE.finditer(sentence):
        name = m.group(0).lstrip("向")
        if issuer and (name == issuer or issuer.endswith(name) or name.endswith(issuer)):
            own_named = True
        elif name not in ("人民检察院",):
            return "upper"
    if own_named or any(find_phrase(sentence, f"向{w}") for w in spec["own_procuratorate"]):
        return "own"
    return "none"


def victims(doc: Document, before: int) -> list[tuple[str, int, int]]:
    """Victims named in the document before offset `before`: (name, start, end)."""
    from auditor.nlp.parties import find_parties

    roles = set(lexicon()["notice"]["victim_roles"])
    return [(p.name, p.start, p.end) for p in find_parties(doc.text[:before]) if p.role in roles]


# --- findings helpers ----------------------------------------------------------------------------------------


def _cite_evidence(case: Case, doc: Document, cites: list[Citation]) -> list[Evidence]:
    return [case.evidence(doc, c.start, c.end) for c in cites if c.end > c.start]


def _span_evidence(case: Case, doc: Document, span: tuple[int, int]) -> Evidence:
    s, e = span
    while s < e and doc.text[s].isspace():
        s += 1
    while e > s and doc.text[e - 1].isspace():
        e -= 1
    return case.evidence(doc, s, e)


def _decisions(case: Case, rule: Rule, default: str = DECISION) -> list[Document]:
    return documents_of_type(case, rule.check.get("document", default))


# --- NON-PROSECUTION-WRONG-ARTICLE ---------------------------------------------------------------------------


@check("non_prosecution_wrong_article")
def wrong_article(case: Case, rule: Rule) -> list[Finding]:
    """The decision's CPL basis is none of the articles a decision of this type may rest on."""
    findings = []
    for doc in _decisions(case, rule):
        basis = decision_basis(case, doc)
        if not basis.readable:
            continue
        allowed = document_bases(doc.type)
        companions = {a for spec in lexicon()["types"].values() for a in spec.get("reveal_cites") or []}
        if any(a.covers(b) for b in basis.bases for a in allowed) or any(b.article in companions for b in basis.bases):
            continue
        version = basis.citations[0].version
        shown = [c.quote for c in basis.citations]
        labels = [a.label() if version == "2018" else _2012_label(a) for a in allowed]
        allowed_text = "、".join(x for x in labels if x)
        steps = [
            f"决定书（{doc.date or '日期不明'}）作出不起诉决定所依据的刑事诉讼法条文：{'、'.join(shown)}",
            f"按{version}年版刑事诉讼法，{doc.type}应当依据{allowed_text}",
            "所引条文均不是不起诉的法律根据",
        ]
        values = {"quote": basis.quote(), "version": version, "allowed": allowed_text}
        findings.append(
            rule.finding(case, document=doc, evidence=_cite_evidence(case, doc, basis.citations), values=values, steps=steps)
        )
    return findings


# --- NON-PROSECUTION-TYPE-ARTICLE-MISMATCH -------------------------------------------------------------------


@check("non_prosecution_type_article_mismatch")
def type_article_mismatch(case: Case, rule: Rule) -> list[Finding]:
    """The type the reasoning reveals (酌定, 存疑, 法定, …) is not the type of the cited article."""
    findings = []
    types = lexicon()["types"]
    for doc in _decisions(case, rule):
        basis = decision_basis(case, doc)
        if not basis.readable:
            continue
        recognised = document_bases(doc.type)
        if not any(a.covers(b) for b in basis.bases for a in recognised):
            continue  # not a non-prosecution article at all: NON-PROSECUTION-WRONG-ARTICLE
        read = reasoning_types(doc, basis.bases)
        if len(read) != 1:
            continue  # no type or an ambiguous reasoning: no accusation
        (kind, span), = read.items()
        expected = type_bases()[kind]
        if any(a.covers(b) for b in basis.bases for a in expected):
            continue
        version = basis.citations[0].version
        labels = [a.label() if version == "2018" else _2012_label(a) for a in expected]
        expected_text = "或".join(x for x in labels if x)
        cited_kinds = cited_types(basis.bases, strict=True)
        cited_label = "、".join(types[k]["label"] for k in sorted(cited_kinds)) or "其他类型"
        reason = _reason_quote(doc, span)
        steps = [
            f"决定书的理由载明“{reason}”，属于{types[kind]['label']}",
            f"{types[kind]['label']}的法律根据是刑事诉讼法（{version}年版）{expected_text}",
            f"决定书却依据“{basis.quote()}”（{cited_label}的根据）",
        ]
        evidence = ([_span_evidence(case, doc, span)] if span else []) + _cite_evidence(case, doc, basis.citations)
        values = {
            "type": types[kind]["label"],
            "reason": reason,
            "quote": basis.quote(),
            "expected": expected_text,
            "cited_type": cited_label,
            "version": version,
        }
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps))
    return findings


def _reason_quote(doc: Document, span: tuple[int, int] | None) -> str:
    if span is None:
        return "引用刑事诉讼法第十六条"
    quote = re.sub(r"\s+", "", doc.text[span[0] : span[1]])
    return quote if len(quote) <= 40 else f"{quote[:16]}……{quote[-12:]}"


# --- notices to the 被不起诉人 (CPL 181) -----------------------------------------------------------------------


def _suspect_may_appeal(basis: DecisionBasis) -> bool | None:
    """True for a 177(2) decision, False for a decision of another stated type, None when unclear."""
    kinds = cited_types(basis.bases, strict=True)
    if not kinds:
        return None
    may = {k for k in kinds if lexicon()["types"][k].get("suspect_may_appeal")}
    if may and any(b.article == 290 and b.paragraph is None for b in basis.bases) and not any(
        b == Basis(177, 2) for b in basis.bases
    ):
        return None  # 290 alone: CPL 181 names 177(2) only; leave to the reviewer
    if may:
        return True
    if any(b.paragraph is None and b.article == 177 for b in basis.bases):
        return None
    return False


@check("non_prosecution_suspect_appeal_notice_missing")
def suspect_appeal_notice_missing(case: Case, rule: Rule) -> list[Finding]:
    """A 177(2) decision that does not tell the 被不起诉人 of his 7-day 申诉 (CPL 181; 检察规则 377)."""
    findings = []
    for doc in _decisions(case, rule):
        basis = decision_basis(case, doc)
        span = decision_span(doc)
        if not basis.readable or span is None or _suspect_may_appeal(basis) is not True:
            continue
        if suspect_appeal_notices(doc, span[0]):
            continue
        steps = [
            f"决定书依据“{basis.quote()}”作出，属酌定不起诉",
            "酌定不起诉的被不起诉人如不服，可以自收到决定书后七日以内向人民检察院申诉",
            "决定书的告知事项中没有向被不起诉人告知申诉权利的内容",
        ]
        values = {"quote": basis.quote()}
        findings.append(
            rule.finding(case, document=doc, evidence=_cite_evidence(case, doc, basis.citations), values=values, steps=steps)
        )
    return findings


@check("non_prosecution_suspect_appeal_notice_wrong")
def suspect_appeal_notice_wrong(case: Case, rule: Rule) -> list[Finding]:
    """A decision not made under 177(2) that tells the 被不起诉人 he may 申诉 (CPL 181 does not apply)."""
    findings = []
    types = lexicon()["types"]
    for doc in _decisions(case, rule):
        basis = decision_basis(case, doc)
        span = decision_span(doc)
        if not basis.readable or span is None or _suspect_may_appeal(basis) is not False:
            continue
        told = suspect_appeal_notices(doc, span[0])
        if not told:
            continue
        kinds = "、".join(types[k]["label"] for k in sorted(cited_types(basis.bases, strict=True)))
        steps = [
            f"决定书依据“{basis.quote()}”作出，属{kinds}",
            "被不起诉人的申诉权只适用于依照刑事诉讼法第一百七十七条第二款作出的不起诉决定",
            f"决定书却告知被不起诉人：“{told[0].text.strip()}”",
        ]
        evidence = [_span_evidence(case, doc, (told[0].start, told[0].end)), *_cite_evidence(case, doc, basis.citations)]
        values = {"quote": basis.quote(), "type": kinds, "notice": told[0].text.strip()}
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps))
    return findings


# --- notices to the victim (CPL 180) ---------------------------------------------------------------------------


@dataclass
class VictimNoticeReading:
    victim: tuple[str, int, int]
    notices: list[Notice]
    appeal: Notice | None  # the sentence telling the victim of 申诉
    destination: str  # upper | own | none
    days_ok: bool
    sue: tuple[int, int, Notice] | None  # span of the 自诉 words and their sentence


def read_victim_notice(doc: Document) -> VictimNoticeReading | None:
    """What the decision tells its named victim; None when no victim is named or no decision sentence."""
    span = decision_span(doc)
    if span is None:
        return None
    spec = lexicon()["notice"]
    named = victims(doc, span[0])
    told = victim_notices(doc, span[0])
    if not named:
        # A notice telling the victim where to 申诉 proves there is one, even when the party reader could
        # not name him ("与被害人X发生争执"); a bare mention of 被害人 does not.
        addressed = next((n for n in told if find_phrase(n.text, spec["appeal"])), None)
        if addressed is None:
            return None
        named = [("被害人", addressed.start, addressed.end)]
    appeal = next((n for n in told if find_phrase(n.text, spec["appeal"])), None)
    destination = _appeal_destination(appeal.text, doc.organ) if appeal else "none"
    days_ok = bool(appeal) and bool(find_phrase(appeal.text, spec["appeal_days"]) or re.search(r"七日|7日", appeal.text))
    sue = None
    for n in told:
        found = grants_private_prosecution(n.text)
        if found:
            sue = (n.start + found[0], n.start + found[1], n)
            break
    return VictimNoticeReading(named[0], told, appeal, destination, days_ok, sue)


@check("non_prosecution_victim_notice_missing")
def victim_notice_missing(case: Case, rule: Rule) -> list[Finding]:
    """A decision naming a victim that does not tell him of the 7-day 申诉 to the procuratorate one level up
    and of his right to sue in court directly (CPL 180; 检察规则 377)."""
    findings = []
    for doc in _decisions(case, rule):
        reading = read_victim_notice(doc)
        if reading is None:
            continue
        basis = decision_basis(case, doc)
        # After a 附条件不起诉 考验期 the victim's direct suit is excluded (检察规则 472): do not ask for it.
        conditional = any(b.article == 284 for b in basis.bases)
        missing = []
        if reading.appeal is None:
            missing.append("七日以内向上一级人民检察院申诉")
        else:
            if reading.destination == "none":
                missing.append("申诉的受理机关（上一级人民检察院）")
            if not reading.days_ok:
                missing.append("七日以内的申诉期限")
        if reading.sue is None and not conditional:
            missing.append("可以不经申诉直接向人民法院起诉")
        if not missing:
            continue
        name, vs, ve = reading.victim
        steps = [
            f"决定书载明本案有被害人（“{doc.text[vs:ve]}”）",
            "有被害人的案件，不起诉决定书应当告知被害人：不服的可以自收到决定书后七日以内向上一级人民检察院申诉；"
            "也可以不经申诉，直接向人民法院起诉",
            f"决定书未告知：{'；'.join(missing)}",
        ]
        evidence = [case.evidence(doc, vs, ve)]
        if reading.appeal:
            evidence.append(_span_evidence(case, doc, (reading.appeal.start, reading.appeal.end)))
        else:
            evidence.append(title_evidence(case, doc))
        values = {"missing": "；".join(missing)}
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps))
    return findings


@check("non_prosecution_victim_notice_wrong_level")
def victim_notice_wrong_level(case: Case, rule: Rule) -> list[Finding]:
    """The victim is told to 申诉 to the deciding procuratorate itself instead of the one a level up."""
    findings = []
    for doc in _decisions(case, rule):
        reading = read_victim_notice(doc)
        if reading is None or reading.appeal is None or reading.destination != "own":
            continue
        quote = reading.appeal.text.strip()
        steps = [
            "被害人不服不起诉决定的，应当向上一级人民检察院申诉",
            f"决定书告知被害人：“{quote}”，申诉机关为作出决定的本院",
        ]
        evidence = [_span_evidence(case, doc, (reading.appeal.start, reading.appeal.end))]
        findings.append(rule.finding(case, document=doc, evidence=evidence, values={"notice": quote}, steps=steps))
    return findings


# --- 附条件不起诉 ---------------------------------------------------------------------------------------------


@check("conditional_non_prosecution_private_prosecution_notice")
def conditional_private_prosecution(case: Case, rule: Rule) -> list[Finding]:
    """A 附条件不起诉决定书 telling the victim he may sue in court directly (检察规则 472: 180's suit excluded)."""
    findings = []
    for doc in _decisions(case, rule, CONDITIONAL):
        span = decision_span(doc)
        if span is None:
            continue
        for n in victim_notices(doc, span[0]):
            found = grants_private_prosecution(n.text)
            if not found:
                continue
            quote = n.text.strip()
            steps = [
                "对附条件不起诉决定，被害人可以申诉，但不适用刑事诉讼法第一百八十条关于被害人可以直接向人民法院起诉的规定",
                f"决定书告知被害人：“{quote}”",
            ]
            evidence = [_span_evidence(case, doc, (n.start + found[0], n.start + found[1]))]
            findings.append(rule.finding(case, document=doc, evidence=evidence, values={"notice": quote}, steps=steps))
            break
    return findings


@dataclass
class Term:
    start: int
    end: int
    text: str
    months: int
    days: int  # beyond whole months
    begin: date | None = None
    end_day: date | None = None


def probation_terms(doc: Document) -> list[Term]:
    """考验期 stated in the decision: durations ("考验期为八个月") and date ranges (自…起至…止)."""
    from auditor.nlp.dates import find_date_ranges
    from auditor.nlp.terms import find_durations

    spec = lexicon()["probation"]
    text = doc.text
    window = int(spec["window"])

    def labelled(start: int) -> bool:
        return any(c in text[max(0, start - window) : start] for c in spec["context"])

    out = []
    for d in find_durations(text):
        after = text[d.end : d.end + 3]
        if not labelled(d.start) or any(after.startswith(w) for w in spec["not_after"]):
            continue
        months = d.years * 12 + d.months
        if months == 0 and d.days == 0:
            continue
        out.append(Term(d.start, d.end, d.text, months, d.days))
    for rng in find_date_ranges(text, parse_iso(doc.date)):
        begin, end = rng.begin.as_date(), rng.end_.as_date()
        if begin is None or end is None or end < begin or not labelled(rng.start):
            continue
        months = (end.year - begin.year) * 12 + end.month - begin.month
        while months > 0 and add_months(begin, months) > end:
            months -= 1
        out.append(Term(rng.start, rng.end, rng.text, months, (end - add_months(begin, months)).days, begin, end))
    return sorted(out, key=lambda t: t.start)


def term_problem(term: Term, low: int, high: int) -> str | None:
    """"short" / "long" when the term is outside [low, high] months; a range ending the day before the
    anniversary counts as the full months (offices write 3月1日至8月31日 for six months)."""
    if term.begin and term.end_day:
        if term.end_day < add_days(add_months(term.begin, low), -1):
            return "short"
        if term.end_day > add_months(term.begin, high):
            return "long"
        return None
    if term.months < low:
        return "short"
    if term.months > high or (term.months == high and term.days > 0):
        return "long"
    return None


@check("conditional_non_prosecution_probation_term")
def probation_term(case: Case, rule: Rule) -> list[Finding]:
    """考验期 outside six months to one year (CPL 283(2); 检察规则 473)."""
    spec = lexicon()["probation"]
    low, high = int(spec["min_months"]), int(spec["max_months"])
    findings = []
    for doc in _decisions(case, rule, CONDITIONAL):
        bad = [(t, p) for t in probation_terms(doc) if (p := term_problem(t, low, high))]
        if not bad:
            continue
        term, problem = bad[0]
        length = f"{term.months}个月" + (f"{term.days}日" if term.days else "")
        steps = [f"决定书确定的考验期“{term.text}”，即{length}" for term, _ in bad]
        steps.append(
            f"附条件不起诉的考验期为{low}个月以上{high // 12}年以下，所定考验期{'不足下限' if problem == 'short' else '超过上限'}"
        )
        values = {"term": term.text, "length": length, "bound": "短于六个月" if problem == "short" else "长于一年"}
        evidence = [case.evidence(doc, t.start, t.end) for t, _ in bad]
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps))
    return findings


# --- NON-PROSECUTION-DELIVERY-MISSING ------------------------------------------------------------------------


def _mentions(doc: Document, words: list[str]) -> bool:
    return any(find_phrase(doc.text, w) for w in words if w)


@check("non_prosecution_delivery_missing")
def delivery_missing(case: Case, rule: Rule) -> list[Finding]:
    """The file holds delivery receipts, but none shows the 不起诉决定书 reaching a required recipient.

    A file without any 送达回证 is not judged: receipts are often bound in another volume, and their absence
    from a partial file is no evidence that the decision was not delivered.
    """
    spec = lexicon()["delivery"]
    receipts = documents_of_type(case, spec["receipt_types"])
    if not receipts:
        return []
    announced = documents_of_type(case, spec["announcement_types"])
    findings = []
    from auditor.nlp.parties import find_parties

    for doc in _decisions(case, rule):
        span = decision_span(doc)
        if span is None:
            continue  # an unreadable decision: nothing to hold the receipts against
        own = [r for r in receipts if _mentions(r, spec["decision_names"])]
        before = span[0]

        suspects = [p.name for p in find_parties(doc.text[:before]) if p.role == lexicon()["notice"]["suspect_role"]]
        missing = []
        if not own and not announced:
            missing.append("被不起诉人")
        elif own and suspects and not any(_mentions(r, suspects[:1]) for r in own + announced):
            missing.append("被不起诉人")
        if own and find_phrase(doc.text[:before], "移送本院") and _mentions(doc, spec["police_words"]):
            if not any(_mentions(r, spec["police_words"]) for r in own):
                missing.append("移送起诉的公安机关")
        named = victims(doc, before)
        if own and named and not any(_mentions(r, [named[0][0], *spec["victim_words"]]) for r in own):
            missing.append("被害人或其近亲属、诉讼代理人")
        if not missing:
            continue
        steps = [
            f"案卷中有送达回证{len(receipts)}份，其中载明送达《{doc.type}》的{len(own)}份；宣布笔录{len(announced)}份",
            f"未见向{'、'.join(missing)}送达《{doc.type}》的记录",
        ]
        evidence = [title_evidence(case, doc)] + [title_evidence(case, r) for r in (own or receipts)[:2]]
        values = {"recipients": "、".join(missing), "receipts": len(receipts)}
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps))
    return findings
