"""Whole-file checks: rights notices (DF14), cross-document consistency (DF17), required documents (§2).

Checks register themselves with `auditor.rules.checks.check`; rule YAML names them (`kind: python`).
Each check looks across the whole dossier and stays quiet where the text it needs is missing or unreadable:
only the rules about absence (a notice, a document) report what is not there.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from auditor.law.catalog import laws, version_in_force
from auditor.lexicon import doc_type_act, load_yaml
from auditor.model import Case, Document, Event, Evidence, Finding
from auditor.nlp.dates import find_dates
from auditor.nlp.numerals import cn_to_int
from auditor.nlp.parties import Party, find_parties, id_checksum_ok
from auditor.nlp.pipeline import text_view
from auditor.rules.checks import check, find_guarantor
from auditor.rules.registry import Rule, documents_of_type, find_phrase, parse_iso, title_evidence

CPL = "中华人民共和国刑事诉讼法"
INTERROGATION = "讯问笔录"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ORDINAL = re.compile(r"第\s*([0-9０-９一二三四五六七八九十]{1,3})\s*次")
# The record's own header / signature line naming whom it records ("犯罪嫌疑人姓名：张某某", "被讯问人：张某某").
_RECORDED = re.compile(r"(?:犯罪嫌疑人姓名|被讯问人(?:姓名)?)[ \t]*[:：][ \t]*([\u4e00-\u9fff×＊*ＸX·]{2,5})")


# --- shared helpers ------------------------------------------------------------------------------------------


@functools.cache
def notices_lexicon() -> dict[str, Any]:
    return load_yaml("rights_notices.yaml")


def cpl_era(on: date | None) -> str | None:
    """Id of the CPL version in force on `on` ("1996", "2012", "2018"); None when the date is unknown."""
    return version_in_force(CPL, on) if on else None


def era_at_least(era: str | None, since: str) -> bool:
    """True when `era` is `since` or a later CPL version (order of lexicons/laws.yaml)."""
    order = [v.id for v in laws()[CPL].versions]
    return era in order and since in order and order.index(era) >= order.index(since)


def era_up_to(era: str, until: str) -> bool:
    """True when `era` is `until` or an earlier CPL version."""
    order = [v.id for v in laws()[CPL].versions]
    return era in order and until in order and order.index(era) <= order.index(until)


def doc_day(doc: Document) -> date | None:
    """The day a document speaks from: its signature date, else the latest date it mentions."""
    return parse_iso(doc.date) or parse_iso(doc.ref_date)


def _span_evidence(case: Case, doc: Document, span: tuple[int, int]) -> Evidence:
    return case.evidence(doc, span[0], span[1])


# --- rights notices in the first interrogation (DF14) --------------------------------------------------------


def interrogation_ordinal(doc: Document) -> tuple[int, tuple[int, int]] | None:
    """The record's "第N次" number and its span, read from the record's head; None when not stated."""
    head = doc.text[: notices_lexicon()["header_chars"]]
    m = _ORDINAL.search(head)
    if not m:
        return None
    raw = m.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    number = int(raw) if raw.isdigit() else cn_to_int(raw)
    return (number, (m.start(), m.end())) if number else None


def interrogated_person(doc: Document, persons: list[str]) -> str | None:
    """The suspect a 讯问笔录 records: its header or signature line, its first suspect party, else the only one."""
    m = _RECORDED.search(doc.text)
    if m:
        return next((p for p in persons if p.startswith(m.group(1))), m.group(1))
    for party in find_parties(doc.text):
        if party.is_suspect and party.name:
            return next((p for p in persons if p.startswith(party.name)), party.name)
    return persons[0] if len(persons) == 1 else None


def first_interrogations(case: Case) -> list[tuple[Document, str | None]]:
    """Per suspect, the record of the first interrogation.

    A record marked 第1次 is first; when none of a suspect's records carries a number, the earliest dated
    one is. A record numbered 第2次 or later is never first (the first is then simply not in the file).
    """
    by_person: dict[str | None, list[Document]] = defaultdict(list)
    for doc in documents_of_type(case, INTERROGATION):
        by_person[interrogated_person(doc, case.persons)].append(doc)
    firsts: list[tuple[Document, str | None]] = []
    for person, docs in by_person.items():
        numbered = [(d, o[0]) for d in docs if (o := interrogation_ordinal(d))]
        if numbered:
            firsts += [(d, person) for d, n in numbered if n == 1]
            continue
        dated = sorted((doc_day(d), d.start, d) for d in docs if doc_day(d))
        if dated:
            firsts.append((dated[0][2], person))
    return firsts


def find_notice_part(text: str, part: dict[str, Any]) -> tuple[int, int] | None:
    """Span of one notice part in `text` (patterns on the whitespace-free view, else fuzzy phrases)."""
    view = text_view(text)
    for pattern in part.get("patterns", []):
        m = re.search(pattern, view.text)
        if m:
            return view.to_orig(m.start(), m.end())
    fuzzy = notices_lexicon()["fuzzy"]
    for phrase in part.get("phrases", []):
        if len(phrase) < fuzzy["min_length"]:
            span = find_phrase(text, phrase)
            if span:
                return span
            continue
        hit = fuzz.partial_ratio_alignment(phrase, view.text, score_cutoff=fuzzy["threshold"])
        if hit is not None:
            return view.to_orig(hit.dest_start, hit.dest_end)
    return None


def rights_form_given(case: Case, doc: Document, person: str | None) -> tuple[int, int] | None:
    """Span in `doc` saying the rights form was handed over, or None; a form in the file also counts."""
    form = notices_lexicon()["rights_form"]
    view = text_view(doc.text)
    for pattern in form["patterns"]:
        m = re.search(pattern, view.text)
        if m:
            return view.to_orig(m.start(), m.end())
    for other in documents_of_type(case, form["type"]):
        if person is None or person in other.text or not any(p in other.text for p in case.persons):
            return (0, 0)
    return None


@dataclass
class NoticeGap:
    doc: Document
    person: str | None
    era: str
    missing: list[str]  # part names
    found: list[str]


def notice_gaps(case: Case, notice: str) -> list[NoticeGap]:
    """First interrogation records that lack a part of `notice` required in their era."""
    lex = notices_lexicon()
    parts: dict[str, Any] = lex["notices"][notice]["parts"]
    gaps = []
    for doc, person in first_interrogations(case):
        era = cpl_era(doc_day(doc))
        due = {name: p for name, p in parts.items() if era_at_least(era, p["since"])}
        if not due or len(_CJK.findall(doc.text)) < lex["min_cjk_chars"]:
            continue
        if rights_form_given(case, doc, person):
            continue
        missing = [name for name, p in due.items() if not find_notice_part(doc.text, p)]
        if missing and era:
            gaps.append(NoticeGap(doc, person, era, missing, [n for n in due if n not in missing]))
    return gaps


@check("rights_notice")
def rights_notice(case: Case, rule: Rule) -> list[Finding]:
    """The first 讯问笔录 does not record a notice (`check.notice`: lawyer | leniency) required in its era."""
    labels: dict[str, str] = rule.check.get("labels", {})
    findings = []
    for gap in notice_gaps(case, rule.check["notice"]):
        ordinal = interrogation_ordinal(gap.doc)
        evidence = [title_evidence(case, gap.doc)]
        if ordinal:
            evidence.append(_span_evidence(case, gap.doc, ordinal[1]))
        missing = "、".join(labels.get(m, m) for m in gap.missing)
        values = {"person": gap.person or "犯罪嫌疑人", "date": gap.doc.date or gap.doc.ref_date or "日期不明",
                  "missing": missing, "era": gap.era}
        steps = [
            f"《讯问笔录》（{values['date']}）是{values['person']}的第一次讯问笔录"
            + (f"（笔录载明“{gap.doc.text[ordinal[1][0]:ordinal[1][1]]}”）" if ordinal else "（案卷中其最早的讯问笔录，未标次数）"),
            f"笔录日期适用{gap.era}年刑事诉讼法，应当告知：{'、'.join(labels.get(n, n) for n in gap.missing + gap.found)}",
            f"笔录中未找到{missing}的告知记录，案卷中也没有诉讼权利义务告知书",
        ]
        findings.append(rule.finding(case, document=gap.doc, evidence=evidence, values=values, steps=steps))
    return findings


# --- party details across documents (DF17) -------------------------------------------------------------------


@dataclass
class Mention:
    """One introduction of a suspect in one document, with what it states."""

    doc: Document
    party: Party

    def span(self) -> tuple[int, int]:
        return self.party.start, self.party.end

    def id_span(self) -> tuple[int, int] | None:
        number = self.party.id_number or ""
        pos = self.doc.text.find(number, self.party.start) if number else -1
        return (pos, pos + len(number)) if pos >= 0 else None

    def birth_span(self) -> tuple[int, int] | None:
        for d in find_dates(self.doc.text[self.party.start : self.party.start + 200]):
            if d.iso == self.party.birth_date:
                return self.party.start + d.start, self.party.start + d.end
        return None


# The three consistency rules read the same introductions: parse them once per case (a one-entry cache,
# checked by identity, so a later case or a changed document list is parsed afresh).
_MENTIONS: dict[str, Any] = {"case": None, "docs": None, "value": None}


def suspect_mentions(case: Case) -> dict[str, list[Mention]]:
    """Suspect introductions by name, in dossier order (masked or unnamed parties are kept by their name)."""
    docs = tuple(id(d) for d in case.documents)
    if _MENTIONS["case"] is case and _MENTIONS["docs"] == docs:
        return _MENTIONS["value"]
    out: dict[str, list[Mention]] = defaultdict(list)
    for doc in case.documents:
        for party in find_parties(doc.text):
            if party.is_suspect and party.name:
                out[party.name].append(Mention(doc, party))
    _MENTIONS.update(case=case, docs=docs, value=out)
    return out


def checked_id(party: Party) -> str | None:
    """The 18-character ID number when its GB 11643 check digit holds (OCR slips almost never do)."""
    number = (party.id_number or "").upper()
    return number if id_checksum_ok(number) else None


def id_birth_date(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def id_gender(number: str) -> str:
    """GB 11643: the 17th character (sequence code) is odd for men, even for women."""
    return "男" if int(number[16]) % 2 else "女"


def _quote(m: Mention, span: tuple[int, int] | None) -> str:
    return m.doc.text[span[0] : span[1]] if span else m.doc.text[m.party.start : m.party.end]


def _mention_evidence(case: Case, m: Mention, span: tuple[int, int] | None) -> Evidence:
    return _span_evidence(case, m.doc, span or m.span())


@check("consistency_id_number")
def consistency_id_number(case: Case, rule: Rule) -> list[Finding]:
    """One suspect name, two different valid 公民身份号码 across documents.

    The number most documents give is taken as the reference (the first one seen on a tie); each other
    number is reported on the first document giving it, that document's quote first in the evidence.
    """
    findings = []
    for name, mentions in suspect_mentions(case).items():
        by_id: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            number = checked_id(m.party)
            if number:
                by_id[number].append(m)
        if len(by_id) < 2:
            continue
        ref_id = max(by_id, key=lambda n: len(by_id[n]))  # max keeps the first on a tie
        ref = by_id[ref_id][0]
        for odd_id, odd_mentions in by_id.items():
            if odd_id == ref_id:
                continue
            odd = odd_mentions[0]
            values = {"person": name, "id_a": ref_id, "id_b": odd_id, "doc_a": ref.doc.type, "doc_b": odd.doc.type}
            steps = [
                f"《{ref.doc.type}》等{len(by_id[ref_id])}处记载{name}的公民身份号码为{ref_id}（校验位正确）",
                f"《{odd.doc.type}》记载{name}的公民身份号码为{odd_id}（校验位正确）",
                "同一犯罪嫌疑人的身份号码在不同文书中不一致",
            ]
            evidence = [_mention_evidence(case, odd, odd.id_span()), _mention_evidence(case, ref, ref.id_span())]
            findings.append(rule.finding(case, document=odd.doc, evidence=evidence, values=values, steps=steps))
    return findings


@check("consistency_birth_date")
def consistency_birth_date(case: Case, rule: Rule) -> list[Finding]:
    """A stated birth date against the one inside the ID number, else against another document's."""
    findings = []
    for name, mentions in suspect_mentions(case).items():
        flagged = False
        for m in mentions:
            number = checked_id(m.party)
            stated = parse_iso(m.party.birth_date)
            born = id_birth_date(number) if number else None
            if not (stated and born) or stated == born:
                continue
            flagged = True
            values = {"person": name, "stated": stated, "expected": born, "document": m.doc.type,
                      "source": f"身份号码{number}"}
            steps = [
                f"《{m.doc.type}》写明{name}{stated.isoformat()}出生",
                f"同处记载的公民身份号码{number}校验位正确，其第7至14位表示出生日期{born.isoformat()}",
                "两者不一致",
            ]
            evidence = [_mention_evidence(case, m, m.birth_span()), _mention_evidence(case, m, m.id_span())]
            findings.append(rule.finding(case, document=m.doc, evidence=evidence, values=values, steps=steps))
        if flagged:
            continue  # the ID-based finding already names the wrong date; a cross-document one would repeat it
        dated = [(m, d) for m in mentions if (d := parse_iso(m.party.birth_date))]
        other = next(((a, b) for a in dated for b in dated if a[1] != b[1] and a[0].doc is not b[0].doc), None)
        if other is None:
            continue
        (a, a_day), (b, b_day) = sorted(other, key=lambda x: x[0].doc.start)
        values = {"person": name, "stated": b_day, "expected": a_day, "document": b.doc.type,
                  "source": f"《{a.doc.type}》"}
        steps = [
            f"《{a.doc.type}》写明{name}{a_day.isoformat()}出生",
            f"《{b.doc.type}》写明{name}{b_day.isoformat()}出生",
            "同一犯罪嫌疑人的出生日期在不同文书中不一致",
        ]
        evidence = [_mention_evidence(case, b, b.birth_span()), _mention_evidence(case, a, a.birth_span())]
        findings.append(rule.finding(case, document=b.doc, evidence=evidence, values=values, steps=steps))
    return findings


@check("consistency_gender")
def consistency_gender(case: Case, rule: Rule) -> list[Finding]:
    """The stated gender against the parity of the ID number's 17th character."""
    findings = []
    for name, mentions in suspect_mentions(case).items():
        for m in mentions:
            number = checked_id(m.party)
            if not number or m.party.gender not in ("男", "女") or id_gender(number) == m.party.gender:
                continue
            expected = id_gender(number)
            values = {"person": name, "stated": m.party.gender, "expected": expected, "number": number,
                      "document": m.doc.type}
            steps = [
                f"《{m.doc.type}》写明{name}性别为{m.party.gender}",
                f"同处记载的公民身份号码{number}校验位正确，第17位为{number[16]}"
                f"（{'奇数' if expected == '男' else '偶数'}），表示性别为{expected}",
                "两者不一致",
            ]
            evidence = [_mention_evidence(case, m, None), _mention_evidence(case, m, m.id_span())]
            findings.append(rule.finding(case, document=m.doc, evidence=evidence, values=values, steps=steps))
    return findings


# --- narrative dates of a custody act against the act's own document (DF17) ----------------------------------


def _own(case: Case, event: Event) -> bool:
    doc = case.document(event.document_id)
    return bool(doc) and doc_type_act(doc.type) == event.action


def _mentions_day(doc: Document, day: str) -> bool:
    return any(d.iso == day for d in find_dates(doc.text))


@check("consistency_act_date")
def consistency_act_date(case: Case, rule: Rule) -> list[Finding]:
    """A narrative "于X被刑事拘留/逮捕" date against the date of the 拘留证 / 逮捕证 of that suspect.

    Quiet when the suspect has two such documents (two detentions), when the warrant itself records the
    narrative day (signed one day, executed the next), when the narrative sentence speaks of approval
    (`skip_quotes`: 批准逮捕 is the procuratorate's date, not the arrest's), or when the narrative document
    also states the warrant's day for that act.
    """
    skip = [re.compile(p) for p in rule.check.get("skip_quotes", [])]
    findings = []
    for action in rule.check["actions"]:
        events = [e for e in case.events if e.action == action and e.person and parse_iso(e.date)]
        for person in dict.fromkeys(e.person for e in events):
            own = [e for e in events if e.person == person and _own(case, e)]
            if len(own) != 1:
                continue
            warrant_event = own[0]
            warrant = case.document(warrant_event.document_id)
            if warrant is None:
                continue
            for ev in events:
                if ev.person != person or ev is warrant_event or not ev.date or _mentions_day(warrant, ev.date):
                    continue
                places = [x for x in ev.evidence if not any(p.search(x.quote) for p in skip)]
                places = [x for x in places if (d := case.document(x.document_id))
                          and not _mentions_day(d, warrant_event.date or "")]
                if not places:
                    continue
                narrative = case.document(places[0].document_id)
                values = {"person": person, "action": action, "stated": ev.date, "expected": warrant_event.date,
                          "warrant": warrant.type, "document": narrative.type if narrative else ""}
                steps = [
                    f"《{warrant.type}》（{warrant_event.date}）是对{person}{action}的文书，案卷中仅此一份",
                    f"《{values['document']}》记载{person}于{ev.date}被{action}：“{places[0].quote}”",
                    f"两个日期不一致，且{warrant.type}本身未记载{ev.date}执行",
                ]
                evidence = [places[0], *warrant_event.evidence[:1]]
                findings.append(rule.finding(case, document=narrative, evidence=evidence, values=values, steps=steps))
    return findings


# --- documents one document calls for (§2; DF07, DF12, DF19) -------------------------------------------------


def _trigger_holds(case: Case, doc: Document, when: dict[str, Any]) -> tuple[int, int] | None:
    """Span in `doc` that makes it call for the required document, or None.

    when: {guarantor: true} a named guarantor; {text: [...]} one of the phrases; {organ: [...]} the issuing
    organ (or the document's head) names one of these; {} always (the title is the span).
    """
    if when.get("guarantor"):
        return find_guarantor(doc.text)
    if "text" in when:
        return next((s for p in when["text"] if (s := find_phrase(doc.text, p))), None)
    if "organ" in when:
        head = f"{doc.organ or ''}\n{doc.text[:120]}"
        return (0, 0) if any(o in head for o in when["organ"]) else None
    return (0, 0)


def _excuse(case: Case, phrases: list[str]) -> tuple[Document, tuple[int, int]] | None:
    for doc in case.documents:
        for phrase in phrases:
            span = find_phrase(doc.text, phrase)
            if span:
                return doc, span
    return None


def title_line(case: Case, titles: list[str]) -> tuple[Document, int] | None:
    """A line opening with one of `titles` inside another document: a document the segmenter did not split off
    (a PDF text layer may glue a title to the table header below it: "扣押清单编号 名称 数量")."""
    for doc in case.documents:
        pos = 0
        for line in doc.text.split("\n"):
            if any(line.strip().startswith(t) for t in titles):
                return doc, pos
            pos += len(line) + 1
    return None


@check("required_when")
def required_when(case: Case, rule: Rule) -> list[Finding]:
    """A document of `trigger` type(s) that meets `when` calls for one of `requires`.

    `excused_by` phrases anywhere in the file excuse it; `excused_by_era` adds phrases that excuse it only when
    the trigger document is dated in that CPL era or earlier (an exception a later amendment removed).
    """
    spec = rule.check
    needed: list[str] = spec["requires"]
    if documents_of_type(case, needed) or title_line(case, needed):
        return []
    findings = []
    for doc in documents_of_type(case, spec["trigger"]):
        span = _trigger_holds(case, doc, spec.get("when", {}))
        if span is None:
            continue
        era = cpl_era(doc_day(doc))
        phrases = list(spec.get("excused_by", []))
        for until, extra in (spec.get("excused_by_era") or {}).items():
            if era and era_up_to(era, until):
                phrases += extra
        if _excuse(case, phrases):
            continue
        evidence = [title_evidence(case, doc)]
        if span != (0, 0):
            evidence.append(_span_evidence(case, doc, span))
        reason = doc.text[span[0] : span[1]] if span != (0, 0) else ""
        values = {"document": doc.type, "missing": "、".join(needed), "date": doc.date or "日期不明", "reason": reason}
        steps = [f"案卷中有《{doc.type}》（{values['date']}）" + (f"，载明“{reason}”" if reason else "")]
        steps.append(f"案卷中未见{'或'.join(f'《{n}》' for n in needed)}")
        if phrases:
            steps.append(f"案卷中也未载明{'、'.join(phrases)}等可以不制作的理由")
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps))
    return findings

