"""Wording checks on 取保候审 / 监视居住 decisions (legal-rules §3.1–3.3; DF12).

Checks register themselves with `auditor.rules.checks.check`; rule YAML names them (`kind: python`) and
says which measure a check looks at (`measure: 取保候审 | 监视居住`). Phrase lists, statutory obligation
lists, fuzzy thresholds and the deposit floor are data in lexicons/bail_wording.yaml.

Obligation lists are matched fuzzily (rapidfuzz partial_ratio over text without punctuation or spaces) so
OCR noise does not turn a present obligation into a missing one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from auditor.law.catalog import cpl_2018_to_2012, version_in_force
from auditor.lexicon import load_yaml
from auditor.model import Case, Citation, Document, Evidence, Finding
from auditor.rules.checks import _NAME, _NOT_NAME, check, find_deposit, find_guarantor
from auditor.rules.registry import Rule, documents_of_type, parse_iso, title_evidence

CPL = "中华人民共和国刑事诉讼法"
_SENTENCE_END = "。；;\n"
_ANCHOR = re.compile(r"(?:应当|必须)遵守|遵守(?:以下|下列|如下)")
_CN_ITEM = "一二三四五六七八九十"


@functools.cache
def data() -> dict[str, Any]:
    return load_yaml("bail_wording.yaml")


def measure(name: str) -> dict[str, Any]:
    return data()["measures"][name]


# --- fuzzy matching ----------------------------------------------------------------------------------------


def normalise(text: str) -> tuple[str, list[int]]:
    """Letters, digits and Han characters only, with each kept character's offset in `text`."""
    kept = [(i, ch) for i, ch in enumerate(text) if ch.isalnum()]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


@dataclass
class Match:
    score: float
    start: int  # offsets into the searched text
    end: int


def best_match(text: str, phrases: list[str]) -> Match | None:
    """Best partial alignment of any of `phrases` in `text` (None when `text` has nothing to align)."""
    hay, index = normalise(text)
    best: Match | None = None
    for phrase in phrases:
        needle, _ = normalise(phrase)
        if not needle or not hay:
            continue
        al = fuzz.partial_ratio_alignment(needle, hay)
        if al is None or al.dest_end <= al.dest_start:
            continue
        if best is None or al.score > best.score:
            best = Match(al.score, index[al.dest_start], index[al.dest_end - 1] + 1)
    return best


def contains(text: str, phrase: str) -> tuple[int, int] | None:
    """Span of `phrase` in `text`, ignoring punctuation and spaces on both sides."""
    hay, index = normalise(text)
    needle, _ = normalise(phrase)
    pos = hay.find(needle) if needle else -1
    return (index[pos], index[pos + len(needle) - 1] + 1) if pos >= 0 else None


@dataclass
class Obligation:
    item: int
    text: str
    match: Match | None
    threshold: float

    @property
    def present(self) -> bool:
        return self.match is not None and self.match.score >= self.threshold

    @property
    def label(self) -> str:
        return f"（{_CN_ITEM[self.item - 1]}）{self.text}"


def obligations(text: str, measure_name: str) -> list[Obligation]:
    """Each statutory obligation of the measure with its best match in `text`."""
    out = []
    for ob in measure(measure_name)["obligations"]:
        phrases = [ob["text"], *ob.get("variants", [])]
        out.append(Obligation(ob["item"], ob["text"], best_match(text, phrases), float(ob["threshold"])))
    return out


# --- shared helpers ----------------------------------------------------------------------------------------


def doc_date(doc: Document) -> date | None:
    return parse_iso(doc.date) or parse_iso(doc.ref_date)


def cpl_version(doc: Document) -> str | None:
    """CPL version in force on the document's date; None when the document is undated."""
    on = doc_date(doc)
    return version_in_force(CPL, on) if on else None


def article_in(version: str | None, article_2018: int) -> int | None:
    """A 2018 CPL article number as numbered in `version` (2012 via the laws.yaml renumbering)."""
    if version == "2018":
        return article_2018
    if version == "2012":
        return cpl_2018_to_2012(article_2018)
    return None


def cn_article(n: int) -> str:
    """第N条 with N in Chinese numerals as documents write it (1..999): 第六十七条, 第一百零一条."""
    digits = "〇一二三四五六七八九"
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = digits[hundreds] + "百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else digits[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return f"第{out}{digits[ones] if ones else ''}条" if 0 < n < 1000 else f"第{n}条"


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(ch, 0, pos) for ch in _SENTENCE_END) + 1
    ends = [i for i in (text.find(ch, pos) for ch in _SENTENCE_END) if i >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _ev(case: Case, doc: Document, span: tuple[int, int]) -> Evidence:
    return case.evidence(doc, span[0], span[1])


def decision_span(doc: Document, measure_name: str) -> tuple[int, int] | None:
    """The phrase ordering the measure ("决定对其取保候审"): proof the document's body was read."""
    m = re.search(measure(measure_name)["decision"], doc.text)
    return (m.start(), m.end()) if m else None


def _measure_of(rule: Rule) -> str:
    return str(rule.check.get("measure", "取保候审"))


# --- BAIL-OBLIGATIONS-MISSING / SURVEILLANCE-OBLIGATIONS-MISSING ---------------------------------------------


@check("measure_obligations_missing")
def obligations_missing(case: Case, rule: Rule) -> list[Finding]:
    """A document that lists the measure's obligations but lacks some of the statutory ones."""
    name = _measure_of(rule)
    spec = measure(name)
    findings: list[Finding] = []
    for doc in documents_of_type(case, spec["documents"]):
        version = cpl_version(doc)
        if version not in data()["obligation_versions"]:
            continue  # undated, or an era whose list was different
        found = obligations(doc.text, name)
        present = [o for o in found if o.present]
        missing = [o for o in found if not o.present]
        if len(present) < data()["min_listed"] or not missing:
            continue
        passage = (min(o.match.start for o in present), max(o.match.end for o in present))  # type: ignore[union-attr]
        article = article_in(version, spec["obligations_article"])
        labels = "、".join(o.label for o in missing)
        steps = [
            f"《{doc.type}》列举了被{name}人应当遵守的规定（识别出{len(present)}项）",
            *(f"第{o.item}项“{o.text}”：最佳匹配“{doc.text[o.match.start:o.match.end]}”，相似度{o.match.score:.0f}"
              f"（阈值{o.threshold:.0f}）" for o in present if o.match),
            *(f"第{o.item}项“{o.text}”：未找到（最高相似度{o.match.score if o.match else 0:.0f}，阈值{o.threshold:.0f}）"
              for o in missing),
            f"刑事诉讼法（{version}年）{cn_article(article or 0)}第一款规定的{len(found)}项应当全部载明",
        ]
        evidence = [_ev(case, doc, passage)] + [
            _ev(case, doc, (o.match.start, o.match.end)) for o in present if o.match
        ]
        values = {"missing": labels, "count": len(missing), "total": len(found), "article": cn_article(article or 0),
                  "version": version, "document": doc.type}
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps))
    return findings


# --- BAIL-WRONG-ARTICLE / SURVEILLANCE-WRONG-ARTICLE -----------------------------------------------------------


def basis_citations(case: Case, doc: Document, measure_name: str) -> list[Citation]:
    """Citations in the sentence that orders the measure, before the order itself."""
    pattern = re.compile(measure(measure_name)["decision"])
    out = []
    for c in case.citations:
        if c.document_id != doc.id:
            continue
        _, end = sentence_at(doc.text, c.start)
        if pattern.search(doc.text, c.end, end):
            out.append(c)
    return out


@check("measure_wrong_article")
def wrong_article(case: Case, rule: Rule) -> list[Finding]:
    """The decision grounds the measure on a CPL article that is not its condition article of that era."""
    name = _measure_of(rule)
    spec = measure(name)
    findings: list[Finding] = []
    for doc in documents_of_type(case, spec["decision_document"]):
        version = cpl_version(doc)
        allowed = {a for a in (article_in(version, n) for n in spec["basis_articles"]) if a}
        if not allowed:
            continue
        cited = [c for c in basis_citations(case, doc, name) if c.law == CPL]
        if not cited or any(c.status != "valid" for c in cited):
            continue  # CITATION-OUTDATED / CITATION-NONEXISTENT speak for those
        if any(c.version != version for c in cited) or any(c.article in allowed for c in cited):
            continue
        expected = "或".join(cn_article(a) for a in sorted(allowed))
        quotes = "、".join(c.quote for c in cited)
        steps = [
            f"《{doc.type}》日期{doc_date(doc)}，适用刑事诉讼法{version}年版",
            f"决定{name}所依据的刑事诉讼法条文：{quotes}",
            f"{version}年版中{name}的适用条件规定在{expected}，所引条文均不是",
        ]
        evidence = [case.evidence(doc, c.start, c.end) for c in cited]
        values = {"cited": quotes, "expected": expected, "version": version, "articles": [c.article for c in cited]}
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps))
    return findings


# --- BAIL-NO-GUARANTEE ---------------------------------------------------------------------------------------


def _patterns(key: str) -> list[re.Pattern[str]]:
    return [re.compile(p.replace("{name}", _NAME)) for p in data()[key]]


def guarantee_span(text: str) -> tuple[int, int] | None:
    """Where the decision names a guarantor or a deposit amount (find_guarantor / find_deposit and more)."""
    span = find_guarantor(text)
    if span:
        return span
    deposit = find_deposit(text)
    if deposit:
        return deposit[0], deposit[1]
    for pattern in _patterns("guarantor_patterns"):
        for m in pattern.finditer(text):
            if not _NOT_NAME.match(m.group("name")):
                return m.start(), m.end()
    for pattern in _patterns("deposit_patterns"):
        m = pattern.search(text)
        if m:
            return m.start(), m.end()
    return None


@check("bail_no_guarantee")
def bail_no_guarantee(case: Case, rule: Rule) -> list[Finding]:
    """A complete 取保候审决定书 (decision sentence and signature date read) naming neither guarantee."""
    findings: list[Finding] = []
    for doc in documents_of_type(case, measure("取保候审")["decision_document"]):
        decided = decision_span(doc, "取保候审")
        if decided is None or parse_iso(doc.date) is None or guarantee_span(doc.text):
            continue
        if re.search(data()["blank_field"], doc.text):
            continue  # a blank (or unreadable handwritten) field of the printed form
        steps = [
            f"《{doc.type}》载明“{doc.text[decided[0]:decided[1]]}”，落款日期{doc.date}",
            "全文未写明保证人姓名，也未写明保证金数额",
            "取保候审应当责令提出保证人或者交纳保证金，决定书应当载明所采用的保证方式",
        ]
        values = {"document": doc.type}
        findings.append(rule.finding(case, document=doc, evidence=[_ev(case, doc, decided)], values=values,
                                     steps=steps))
    return findings


# --- BAIL-DEPOSIT-BELOW-MINIMUM ------------------------------------------------------------------------------


def birth_date(doc: Document) -> date | None:
    """The suspect's birth date: stated, else read from an 18-digit ID number."""
    from auditor.nlp.parties import find_parties  # loads the NLP pipeline: only when a check runs

    for party in find_parties(doc.text):
        if not party.is_suspect:
            continue
        born = parse_iso(party.birth_date)
        if born:
            return born
        number = party.id_number or ""
        if re.fullmatch(r"[0-9]{17}[0-9Xx]", number):
            digits = number[6:14]
            born = parse_iso(f"{digits[:4]}-{digits[4:6]}-{digits[6:]}")
            if born:
                return born
    return None


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@check("bail_deposit_below_minimum")
def bail_deposit_below_minimum(case: Case, rule: Rule) -> list[Finding]:
    """A deposit under the floor: 1000 元, or 500 元 for a suspect under 18 on the decision date."""
    floor = data()["deposit_floor"]
    findings: list[Finding] = []
    for doc in documents_of_type(case, measure("取保候审")["decision_document"]):
        deposit = find_deposit(doc.text)
        if deposit is None:
            continue
        amount = deposit[2]
        on, born = doc_date(doc), birth_date(doc)
        minor = None if on is None or born is None else age_on(born, on) < data()["majority_age"]
        if minor is None:
            limit = floor["minor"]  # age unknown: only what is short even for a minor is certain
        else:
            limit = floor["minor"] if minor else floor["adult"]
        if amount >= limit:
            continue
        who = {True: "未成年人", False: "成年人", None: "年龄不明（按未成年人起点计）"}[minor]
        steps = [
            f"决定书责令交纳保证金：“{doc.text[deposit[0]:deposit[1]]}”，即{amount:g}元",
            f"犯罪嫌疑人出生日期{born or '不明'}，决定日期{on or '不明'}：{who}",
            f"保证金起点数额为{limit}元，{amount:g}元低于起点",
        ]
        values = {"amount": f"{amount:g}", "floor": limit, "who": who}
        findings.append(rule.finding(case, document=doc, evidence=[_ev(case, doc, deposit[:2])], values=values,
                                     steps=steps))
    return findings


# --- BAIL-EXECUTOR-MISSING / SURVEILLANCE-EXECUTOR-MISSING ----------------------------------------------------


def executor_span(text: str) -> tuple[int, int] | None:
    for pattern in _patterns("executor_patterns"):
        m = pattern.search(text)
        if m:
            return m.start(), m.end()
    return None


@check("measure_executor_missing")
def executor_missing(case: Case, rule: Rule) -> list[Finding]:
    """A complete decision that names no 执行机关, with no 执行通知书 in the file either."""
    name = _measure_of(rule)
    spec = measure(name)
    if documents_of_type(case, spec["notice_document"]):
        return []
    findings: list[Finding] = []
    for doc in documents_of_type(case, spec["decision_document"]):
        decided = decision_span(doc, name)
        if decided is None or parse_iso(doc.date) is None or executor_span(doc.text):
            continue
        steps = [
            f"《{doc.type}》载明“{doc.text[decided[0]:decided[1]]}”，落款日期{doc.date}",
            "决定书未写明由哪一执行机关执行（“由…派出所执行”“交…执行”）",
            f"案卷中也没有《{spec['notice_document']}》",
        ]
        values = {"document": doc.type, "notice": spec["notice_document"]}
        findings.append(rule.finding(case, document=doc, evidence=[_ev(case, doc, decided), title_evidence(case, doc)],
                                     values=values, steps=steps))
    return findings


# --- BAIL-SURVEILLANCE-WORDING-MIXED -------------------------------------------------------------------------


def obligations_region(text: str, measure_name: str) -> tuple[int, int] | None:
    """Where the document states the obligations: from "应当遵守…" to the end of its own listed items."""
    anchor = _ANCHOR.search(text)
    present = [o.match for o in obligations(text, measure_name) if o.present and o.match]
    listed = len(present) >= data()["min_listed"]
    if anchor is None and not listed:
        return None
    starts = ([anchor.start()] if anchor else []) + ([min(m.start for m in present)] if listed else [])
    # To the end of the line holding the last listed item: an item of the other measure appended after it
    # (a sixth item in a 取保 list) is part of the list too.
    ends = ([line_end(text, anchor.end())] if anchor else []) + (
        [line_end(text, max(m.end for m in present))] if listed else [])
    return min(starts), max(ends)


@check("measure_wording_mixed")
def wording_mixed(case: Case, rule: Rule) -> list[Finding]:
    """Obligations of the other measure written into a 取保候审 or 监视居住 decision."""
    findings: list[Finding] = []
    for name, spec in data()["measures"].items():
        other = next(n for n in data()["measures"] if n != name)
        for doc in documents_of_type(case, spec["decision_document"]):
            region = obligations_region(doc.text, name)
            if region is None:
                continue
            part = doc.text[region[0] : region[1]]
            hits = [(p, s) for p in spec["foreign_wording"] if (s := contains(part, p))]
            if not hits:
                continue
            spans = [(region[0] + s[0], region[0] + s[1]) for _, s in hits]
            quotes = "、".join(f"“{doc.text[a:b]}”" for a, b in spans)
            steps = [
                f"《{doc.type}》中被{name}人应当遵守的规定含有{quotes}",
                f"这是被{other}人应当遵守的规定的用语，不是{name}的义务",
            ]
            values = {"document": doc.type, "quotes": quotes, "measure": name, "other": other}
            findings.append(rule.finding(case, document=doc, evidence=[_ev(case, doc, s) for s in spans],
                                         values=values, steps=steps))
    return findings


# --- BAIL-VAGUE-REASON ---------------------------------------------------------------------------------------

_REASON = re.compile(r"因(?P<reason>[^因。；\n]{1,60}?)[，,]\s*(?:根据|依据|依照)")


@check("bail_vague_reason")
def bail_vague_reason(case: Case, rule: Rule) -> list[Finding]:
    """The 取保候审 reason clause names only a blacklisted vague reason and no statutory ground."""
    findings: list[Finding] = []
    for doc in documents_of_type(case, measure("取保候审")["decision_document"]):
        decided = decision_span(doc, "取保候审")
        if decided is None:
            continue
        start, _ = sentence_at(doc.text, decided[0])
        reason = None
        for m in _REASON.finditer(doc.text, start, decided[0]):
            reason = m
        if reason is None:
            continue
        clause = reason.group("reason")
        vague = [w for w in data()["vague_reasons"] if w in clause]
        if not vague or any(w in clause for w in data()["ground_words"]):
            continue
        span = (reason.start(), reason.end("reason"))
        steps = [
            f"决定取保候审的理由为“{doc.text[span[0]:span[1]]}”",
            f"只有笼统的“{'、'.join(vague)}”，未写明刑事诉讼法规定的具体情形（可能判处的刑罚、社会危险性、疾病、怀孕、哺乳、羁押期限届满等）",
        ]
        values = {"reason": doc.text[span[0] : span[1]], "vague": "、".join(vague)}
        findings.append(rule.finding(case, document=doc, evidence=[_ev(case, doc, span)], values=values, steps=steps))
    return findings
