"""Check kind `phrase`: wording a document of a type must hold, must not hold, or may hold only one of.

The wording of 取保候审 / 监视居住 decisions lives in lexicons/bail_wording.yaml per measure (the sentence that
orders it, the statutory obligations with fuzzy thresholds, the other measure's wording, executor patterns,
vague reasons); a rule names the measure and what to test (`test`):
- `obligations`: a document that lists the measure's obligations (at least `min_listed` of them recognised,
  rapidfuzz partial ratio over text without punctuation or spaces) must list all of its era's;
- `foreign_wording`: the obligations a decision lists must not use the other measure's wording;
- `executor`: a read decision (its ordering sentence found, dated) must name its 执行机关 unless the file holds
  the measure's 执行通知书;
- `vague_reason`: the reason clause before the order must not be only a blacklisted vague reason;
- `guarantee: required | exclusive`: a read 取保候审 decision must order a guarantee (a guarantor or a deposit)
  — and may not order both (the case's `guarantees`, decided once by extraction).
- `required_any`: for other documents, one of `patterns` (regex on the text without spaces) must be present
  unless one of `exceptions` is;
- `forbidden_any`: none of `patterns` may be present (the first match is the evidence) unless one of
  `exceptions` is; `versions` limits the check to documents dated while a CPL version it names was in force;
  `once` keeps one finding, on the first of `document`'s types that holds it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

from auditor.law.catalog import cpl_article_in, cpl_version_on
from auditor.lexicon import load_yaml
from auditor.model import Case, Document, Finding, Guarantee
from auditor.rules.conditions import title_evidence
from auditor.rules.params import Names, Params
from auditor.rules.rule import Rule
from auditor.text.numerals import cn_article
from auditor.text.phrases import (
    Match,
    best_match,
    contains,
    line_end,
    sentence_at,
    unticked_option,
    without_unticked_lines,
)
from auditor.text.tokens import named_as_subjects, named_in
from auditor.text.view import text_view

STEPS = ("listed", "item_found", "item_missing", "all_due", "item_label", "foreign_found", "foreign_explained",
         "decision_read", "no_executor", "no_notice", "notice_on_file", "notice_on_file_message", "vague_reason", "vague_explained", "no_guarantee",
         "guarantee_due", "guarantee_continued", "guarantor_ordered", "deposit_ordered", "both_forbidden", "required_missing",
         "required_due", "forbidden_found", "forbidden_due")
_ANCHOR = re.compile(r"(?:应当|必须)遵守|遵守(?:以下|下列|如下)")
# "因办案需要\n，根据" (a PDF line); "因案情需要。根据…" (the reason a sentence of its own, ind_dh06)
# "因…，根据…" — or opened by 根据 / 鉴于 itself: "根据案件办理需要，根据《…》…之规定" (held-out ind_ee03); never the
# legal basis's own 根据《…》.
_REASON = re.compile(r"(?:因|鉴于|出于|基于|根据|依据)(?P<reason>[^因。；\n《》]{1,60}?)\s*[，,。]\s*(?:根据|依据|依照)")
_CN_ITEM = "一二三四五六七八九十"
_REASON_REACH = 300  # characters before the order searched for its reason clause


class PhraseParams(Params):
    test: Literal["obligations", "foreign_wording", "executor", "vague_reason", "guarantee", "required_any",
                  "forbidden_any"]
    measure: str | None = None  # 取保候审 | 监视居住 (lexicons/bail_wording.yaml)
    guarantee: Literal["required", "exclusive"] | None = None
    document: Names = ()  # required_any / forbidden_any: the document types
    patterns: tuple[str, ...] = ()  # required_any / forbidden_any
    exceptions: tuple[str, ...] = ()  # required_any / forbidden_any: stated exceptions (regex)
    versions: tuple[str, ...] = ()  # forbidden_any: CPL versions ("2012", "2018") whose documents are checked
    once: bool = False  # forbidden_any: one finding, on the first type of `document` that holds it (one defect,
    # stated again by the documents that follow the decision)
    # guarantee required: a decision made again by another organ after the case moved on (a procuratorate's after
    # the police's) may keep the earlier guarantee (检察规则 2019 Art. 103): then only this severity, "please check".
    continued_severity: Literal["info", "warning"] | None = None
    # executor: a decision naming no 执行机关 whose person's 执行通知书 is on file (the notice may name the unit, the
    # decision should too: 刑诉法 67 / 74, legal-rules Q13, M7): this severity, or no finding.
    notified_severity: Literal["info", "warning"] | None = None


@functools.cache
def wording() -> dict[str, Any]:
    return load_yaml("bail_wording.yaml")


def measure(name: str) -> dict[str, Any]:
    return wording()["measures"][name]


@dataclass
class Obligation:
    item: int
    text: str
    match: Match | None
    threshold: float

    @property
    def present(self) -> bool:
        return self.match is not None and self.match.score >= self.threshold


def obligations(text: str, measure_name: str) -> list[Obligation]:
    """Each statutory obligation of the measure with its best match in `text`."""
    out = []
    for ob in measure(measure_name)["obligations"]:
        # variants: the statute's other wording (公安规定); paraphrases: forms' own words for the same obligation
        phrases = [ob["text"], *ob.get("variants", []), *ob.get("paraphrases", [])]
        out.append(Obligation(ob["item"], ob["text"], best_match(text, phrases), float(ob["threshold"])))
    return out


def decision_span(doc: Document, measure_name: str) -> tuple[int, int] | None:
    """The phrase ordering the measure ("决定对其取保候审"): proof the document's body was read. Searched on the text
    view: a PDF line may break inside it ("决" / "定对其取保候审", ind_al10)."""
    view = text_view(doc.text)
    # Not the title run into the next line ("取保候审决定书（存根）" / "被取保候审人：…", ind_l08).
    m = next((x for x in re.finditer(measure(measure_name)["decision"], view.text)
              if not view.text.startswith("决定书", x.start())), None)
    return view.to_orig(m.start(), m.end()) if m else None


_ENUMERATED = re.compile(r"^[ \t\u3000]*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])")
# The optional obligations (CPL 71(2)) in a paragraph of their own right after the list: "同时应当遵守以下规定：将护照
# 等出入境证件…交执行机关保存" (ind_ac05), "被取保候审人还应当遵守以下规定：…" (ind_ap06), "另应遵守以下规定：" (held-out
# ind_ed05), "同时，被取保候审人应当遵守：…" (held-out ind_gi04), "另责令其遵守以下规定：…" (held-out ind_hg05).
_MORE_OBLIGATIONS = re.compile(
    r"^[ \t\u3000]*(?:被(?:取保候审|监视居住)人)?(?:同时|并|还|另外|此外|另)[^。\n]{0,10}?(?:应当|必须|应|责令其?)遵守")


_ITEM_END = set("。；;！？!?")


def obligations_region(text: str, measure_name: str) -> tuple[int, int] | None:
    """Where the document states the obligations: from "应当遵守…" to the end of its own listed items."""
    anchor = _ANCHOR.search(text)
    present = [o.match for o in obligations(text, measure_name) if o.present and o.match]
    listed = len(present) >= wording()["min_listed"]
    if anchor is None and not listed:
        return None
    starts = ([anchor.start()] if anchor else []) + ([min(m.start for m in present)] if listed else [])
    # To the end of the line holding the last listed item: an item of the other measure appended after it
    # (a sixth item in a 取保 list) is part of the list too.
    ends = ([line_end(text, anchor.end())] if anchor else []) + (
        [line_end(text, max(m.end for m in present))] if listed else [])
    end = max(ends)
    # Numbered lines right after belong to the list too: "（五）将护照等…交执行机关保存" after the four 取保 items.
    # So does a line an item runs on to: the line before stops mid-item ("（七）住址、" / "工作单位和联系方式发生变动的…",
    # a PDF's wrapped list, ind_br01).
    while end < len(text):
        nxt = line_end(text, end + 1)
        unfinished = text[:end].rstrip()[-1:] not in _ITEM_END
        if not (unfinished or _ENUMERATED.match(text[end + 1 : nxt]) or _MORE_OBLIGATIONS.match(text[end + 1 : nxt])):
            break
        end = nxt
    return min(starts), end


def run(case: Case, rule: Rule) -> list[Finding]:
    p: PhraseParams = rule.params  # type: ignore[assignment]
    return {
        "obligations": _obligations,
        "foreign_wording": _foreign_wording,
        "executor": _executor,
        "vague_reason": _vague_reason,
        "guarantee": _guarantee,
        "required_any": _required_any,
        "forbidden_any": _forbidden_any,
    }[p.test](case, rule, p)


def _ev(case: Case, doc: Document, span: tuple[int, int]):  # -> Evidence
    return case.evidence(doc, span[0], span[1])


def _obligations(case: Case, rule: Rule, p: PhraseParams) -> list[Finding]:
    name = p.measure or ""
    spec = measure(name)
    findings: list[Finding] = []
    for doc in case.documents_of_type(spec["documents"]):
        version = cpl_version_on(doc.day)
        if version not in wording()["obligation_versions"]:
            continue  # undated, or an era whose list was different
        found = obligations(without_unticked_lines(doc.text), name)
        present = [o for o in found if o.present]
        missing = [o for o in found if not o.present]
        if len(present) < wording()["min_listed"] or not missing:
            continue
        passage = (min(o.match.start for o in present), max(o.match.end for o in present))  # type: ignore[union-attr]
        article = cn_article(cpl_article_in(version, spec["obligations_article"]) or 0)
        labels = "、".join(rule.text("item_label", number=_CN_ITEM[o.item - 1], text=o.text) for o in missing)
        steps = [rule.text("listed", document=doc.type, measure=name, count=len(present))]
        steps += [rule.text("item_found", item=o.item, text=o.text, quote=doc.text[o.match.start:o.match.end],
                            score=o.match.score, threshold=o.threshold) for o in present if o.match]
        steps += [rule.text("item_missing", item=o.item, text=o.text, score=o.match.score if o.match else 0,
                            threshold=o.threshold) for o in missing]
        steps.append(rule.text("all_due", version=version, article=article, total=len(found)))
        evidence = [_ev(case, doc, passage)] + [_ev(case, doc, (o.match.start, o.match.end)) for o in present if o.match]
        # …and the closest wording to each missing item: where it is the other measure's obligation ("不得离开执行监视
        # 居住的处所" in a 取保 list), this finding follows from that one mistake (caused_by, ind_cj10).
        evidence += [_ev(case, doc, (o.match.start, o.match.end)) for o in missing if o.match and o.match.end > o.match.start]
        values = {"missing": labels, "count": len(missing), "total": len(found), "article": article,
                  "version": version, "document": doc.type}
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps,
                                     identity={"document_date": doc.day, "missing": [o.item for o in missing]}))
    return findings


def _foreign_wording(case: Case, rule: Rule, p: PhraseParams) -> list[Finding]:
    findings: list[Finding] = []
    names = [p.measure] if p.measure else list(wording()["measures"])
    for name in names:
        spec = measure(name)
        other = next(n for n in wording()["measures"] if n != name)
        for doc in case.documents_of_type(spec["decision_document"]):
            region = obligations_region(doc.text, name)
            if region is None:
                continue
            part = doc.text[region[0] : region[1]]
            hits = [(w, s) for w in spec["foreign_wording"] if (s := contains(part, w))]
            if not hits:
                continue
            spans = [(region[0] + s[0], region[0] + s[1]) for _, s in hits]
            quotes = "、".join(f"“{doc.text[a:b]}”" for a, b in spans)
            words = {"document": doc.type, "quotes": quotes, "measure": name, "other": other}
            steps = [rule.text("foreign_found", **words), rule.text("foreign_explained", **words)]
            findings.append(rule.finding(case, document=doc, evidence=[_ev(case, doc, s) for s in spans],
                                         values=words, steps=steps,
                                         identity={"document_date": doc.day, "measure": name,
                                                   "wording": [w for w, _ in hits]}))
    return findings


def _notified_persons(case: Case, notice_type: str) -> set[str] | None:
    """Whom the file's 执行通知书 concern: the empty set when there is none; None when one of them names no suspect, or
    the file is an excerpt (then any notice may be any decision's, as the rule read before several suspects)."""
    notices = case.documents_of_type(notice_type)
    if not notices:
        return set()
    if not case.shown_whole:
        return None
    out: set[str] = set()
    for doc in notices:
        named = set(named_as_subjects(doc.text, case.persons))
        if not named:
            return None
        out |= named
    return out


def _executor(case: Case, rule: Rule, p: PhraseParams) -> list[Finding]:
    """A complete decision that names no 执行机关, with no 执行通知书 in the file either (in a whole file with several
    suspects: none for the decision's person); with its person's notice on file, `notified_severity` if set."""
    name = p.measure or ""
    spec = measure(name)
    notified = _notified_persons(case, spec["notice_document"])  # None: a notice for someone unknown, any decision's
    if notified is None and p.notified_severity is None:
        return []
    patterns = [re.compile(x) for x in wording()["executor_patterns"]]
    labels = [re.compile(x) for x in wording()["executor_label_patterns"]]
    findings: list[Finding] = []
    for doc in case.documents_of_type(spec["decision_document"]):
        persons = {e.person for e in case.events if e.document_id == doc.id and e.person}
        # its person's 执行通知书 is on file (or a notice for someone unknown, or it names no one the notices can be
        # told from): the notice may name the unit, so no more than a please-check
        on_file = notified is None or bool(notified and (not persons or persons & notified))
        if on_file and p.notified_severity is None:
            continue
        decided = decision_span(doc, name)
        # on the text view: a PDF line may break inside the unit's name ("由…武侯\n区分局…执行")
        if decided is None or doc.date is None or any(x.search(text_view(doc.text).text) for x in patterns) \
                or any(x.search(doc.text) for x in labels):
            continue
        words = {"document": doc.type, "decision": doc.text[decided[0]:decided[1]], "date": doc.date,
                 "notice": spec["notice_document"], "person": "、".join(sorted(persons)),
                 "covered": "、".join(sorted(notified or ()))}
        last = "notice_on_file" if on_file else "no_notice_for" if notified else "no_notice"
        steps = [rule.text("decision_read", **words), rule.text("no_executor", **words), rule.text(last, **words)]
        notice = f"对{words['person']}的《{spec['notice_document']}》" if notified and not on_file else spec["notice_document"]
        values = {"document": doc.type, "notice": notice}
        found = rule.finding(case, document=doc, evidence=[_ev(case, doc, decided), title_evidence(case, doc)],
                             values=values, steps=steps, identity={"document_date": doc.date},
                             severity=p.notified_severity if on_file else None)
        if on_file:
            found = found.model_copy(update={"message": rule.text("notice_on_file_message", **words)})
        findings.append(found)
    return findings


def _vague_reason(case: Case, rule: Rule, p: PhraseParams) -> list[Finding]:
    """The reason clause names only a blacklisted vague reason and no statutory ground."""
    name = p.measure or ""
    findings: list[Finding] = []
    for doc in case.documents_of_type(measure(name)["decision_document"]):
        decided = decision_span(doc, name)
        if decided is None:
            continue
        # The sentence runs across line breaks ("因案情需要，根据\n《中华人民共和国刑事诉讼法》…"), back to its 。 or ；.
        start, _ = sentence_at(doc.text, decided[0], ends="。；;")
        # …or from the sentence before it, when it opens with the legal basis ("…，因案情需要。根据…决定…", ind_dh06)
        if start > 0 and doc.text[start:decided[0]].lstrip().startswith(("根据", "依据", "依照")):
            start = sentence_at(doc.text, start - 1, ends="。；;")[0]
        start = max(start, decided[0] - _REASON_REACH)
        reason = None
        for m in _REASON.finditer(doc.text, start, decided[0]):
            reason = m
        if reason is None:
            continue
        clause = reason.group("reason")
        vague = [w for w in wording()["vague_reasons"] if w in clause]
        if not vague or any(w in clause for w in wording()["ground_words"]):
            continue
        span = (reason.start(), reason.end("reason"))
        quote = doc.text[span[0] : span[1]]
        words = {"reason": quote, "vague": "、".join(vague), "measure": name}
        steps = [rule.text("vague_reason", **words), rule.text("vague_explained", **words)]
        values = {"reason": quote, "vague": "、".join(vague)}
        findings.append(rule.finding(case, document=doc, evidence=[_ev(case, doc, span)], values=values, steps=steps,
                                     identity={"document_date": doc.day, "vague": vague}))
    return findings


def _guarantee(case: Case, rule: Rule, p: PhraseParams) -> list[Finding]:
    name = p.measure or "取保候审"
    findings: list[Finding] = []
    for doc in case.documents_of_type(measure(name)["decision_document"]):
        ordered = [g for g in case.guarantees if g.document_id == doc.id]
        if p.guarantee == "exclusive":
            guarantor = next((g for g in ordered if g.kind == "guarantor" and g.certain), None)
            deposit = next((g for g in ordered if g.kind == "deposit" and g.certain and g.amount), None)
            if not guarantor or not deposit or _for_different_persons(case, doc, guarantor, deposit):
                continue
            g_quote = doc.text[guarantor.start : guarantor.end]
            d_quote = doc.text[deposit.start : deposit.end]
            steps = [rule.text("guarantor_ordered", quote=g_quote), rule.text("deposit_ordered", quote=d_quote),
                     rule.text("both_forbidden")]
            evidence = [_ev(case, doc, (guarantor.start, guarantor.end)), _ev(case, doc, (deposit.start, deposit.end))]
            values = {"guarantor": g_quote, "deposit": d_quote, "amount": deposit.amount}
            findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps,
                                         identity={"document_date": doc.day, "guarantor": guarantor.name,
                                                   "amount": deposit.amount}))
            continue
        decided = decision_span(doc, name)
        if decided is None or doc.date is None or ordered:
            continue
        blanks = list(re.finditer(wording()["blank_field"], doc.text))
        if blanks and not all(unticked_option(doc.text, b.start()) for b in blanks):
            continue  # a blank (or unreadable handwritten) field of the printed form
        # …unless each blank is an option left unticked ("□保证人＿＿＿ □保证金＿＿＿元", ind_cp05): neither was chosen
        words = {"document": doc.type, "decision": doc.text[decided[0]:decided[1]], "date": doc.date}
        steps = [rule.text("decision_read", **words), rule.text("no_guarantee", **words),
                 rule.text("guarantee_due", **words)]
        evidence = [_ev(case, doc, decided)]
        earlier = _earlier_guarantee(case, doc, name) if p.continued_severity else None
        if earlier is not None:
            before, g = earlier
            steps.append(rule.text("guarantee_continued", earlier_organ=before.organ or before.type,
                                   earlier_date=before.date, quote=before.text[g.start:g.end]))
            evidence.append(_ev(case, before, (g.start, g.end)))
        findings.append(rule.finding(case, document=doc, evidence=evidence, values={"document": doc.type}, steps=steps,
                                     severity=p.continued_severity if earlier is not None else None,
                                     identity={"document_date": doc.date}))
    return findings


def _for_different_persons(case: Case, doc: Document, a: Guarantee, b: Guarantee) -> bool:
    """In one decision for several suspects, do the two guarantees' clauses name different ones ("廖某继续使用原交纳的
    保证金人民币1000元，魏某继续由保证人廖某顺担保", ind_de05)?"""
    suspects = named_in(doc.text, case.persons)
    if len(suspects) < 2:
        return False

    def named(g: Guarantee) -> set[str]:
        start = max(doc.text.rfind(x, 0, g.start) for x in "，,；;。\n") + 1
        return set(named_in(doc.text[start : g.end], suspects))

    first, second = named(a), named(b)
    return bool(first) and bool(second) and not first & second


def _suspects_named(case: Case, doc: Document) -> set[str]:
    return {party.name for party in case.parties if party.is_suspect
            for m in party.mentions if m.document_id == doc.id}


def _earlier_guarantee(case: Case, doc: Document, name: str) -> tuple[Document, Guarantee] | None:
    """An earlier decision of the measure on a suspect this one names, by another organ, with its guarantee stated:
    the guarantee the case came with (ind_ai05: the police's guarantor, then the procuratorate's decision)."""
    people = _suspects_named(case, doc)
    if not people or doc.date is None:
        return None
    for before in case.documents_of_type(measure(name)["decision_document"]):
        if before.id == doc.id or before.date is None or before.date > doc.date or before.organ == doc.organ:
            continue
        stated = next((g for g in case.guarantees if g.document_id == before.id and g.certain), None)
        if stated is not None and people & _suspects_named(case, before):
            return before, stated
    return None


def _required_any(case: Case, rule: Rule, p: PhraseParams) -> list[Finding]:
    """A document of the rule's types that holds none of `patterns` and states none of `exceptions`."""
    findings: list[Finding] = []
    patterns = [re.compile(x) for x in p.patterns]
    exceptions = [re.compile(x) for x in p.exceptions]
    for doc in case.documents_of_type(p.document):
        flat = text_view(doc.text).text
        if any(x.search(flat) for x in patterns) or any(x.search(flat) for x in exceptions):
            continue
        words = {"document": doc.type, "date": doc.date or doc.day}
        steps = [rule.text("required_missing", **words), rule.text("required_due", **words)]
        findings.append(rule.finding(case, document=doc, evidence=[title_evidence(case, doc)], values=words,
                                     steps=steps, identity={"document_date": doc.day}))
    return findings


def _forbidden_any(case: Case, rule: Rule, p: PhraseParams) -> list[Finding]:
    """A document of the rule's types that holds one of `patterns` (the first match is the evidence) and states
    none of `exceptions`. With `versions`, an undated document is not judged: the law it breaks is not known."""
    findings: list[Finding] = []
    patterns = [re.compile(x) for x in p.patterns]
    exceptions = [re.compile(x) for x in p.exceptions]
    for doc in case.documents_of_type(p.document):
        if p.versions and cpl_version_on(doc.day) not in p.versions:
            continue
        view = text_view(doc.text)
        found = next((m for x in patterns if (m := x.search(view.text))), None)
        if found is None or any(x.search(view.text) for x in exceptions):
            continue
        span = view.to_orig(found.start(), found.end())
        words = {"document": doc.type, "date": doc.date or doc.day, "quote": doc.text[span[0]:span[1]],
                 **{k: v for k, v in found.groupdict().items() if v}}
        steps = [rule.text("forbidden_found", **words), rule.text("forbidden_due", **words)]
        findings.append(rule.finding(case, document=doc, evidence=[_ev(case, doc, span)], values=words, steps=steps,
                                     identity={"document_date": doc.day}))
    if p.once and findings:
        rank = {t: i for i, t in enumerate(p.document)}
        types = {d.id: d.type for d in case.documents}
        findings = [min(findings, key=lambda f: rank.get(types.get(f.document_id or "", ""), len(rank)))]
    return findings
