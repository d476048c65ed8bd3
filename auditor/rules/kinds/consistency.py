"""Check kind `consistency`: what the documents state about one suspect must agree (DF17).

`field` names what is compared across the suspect's introductions (extraction decided who is who once:
case.parties, each with its mentions):
- `id_number`: two different valid 公民身份号码; the number most documents give is the reference;
- `birth_date`: a stated birth date against the one inside the same introduction's ID number, else against
  another document's;
- `gender`: the stated gender against the parity of the ID number's 17th character;
- `name`: the name written another way in a document while the ID number, birth date or address ties it to the
  same person (extraction merged the spellings; a co-suspect with a similar name and another ID stays apart);
  on a page read by OCR the finding is only a request to check the page (`ocr_severity`);
- `act_date`: a narrative "于X被刑事拘留/逮捕" date against the date of the suspect's only 拘留证 / 逮捕证 (`actions`),
  quiet when the warrant records the narrative day, the narrative speaks of approval (`skip_quotes`), or the
  narrative document also states the warrant's day.
Only valid ID numbers (GB 11643 check digit) are compared: an OCR slip almost never keeps the check digit.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import Literal

from auditor.lexicon import doc_type_act
from auditor.model import Case, Document, Event, Evidence, Finding, Party, PartyMention, Span
from auditor.rules.params import Params
from auditor.rules.rule import Rule
from auditor.text.dates import find_dates
from auditor.text.ids import id_birth_date, id_checksum_ok, id_gender

STEPS = ("id_reference", "id_odd", "id_mistyped", "id_malformed", "id_differ", "birth_stated", "birth_in_id", "birth_differ", "birth_cross_differ", "gender_stated", "gender_in_id", "gender_differ", "parity_odd", "parity_even",
         "id_source", "document_source", "name_reference", "name_odd", "name_tie", "name_differ",
         "tie_id_number", "tie_birth_date", "tie_address", "tie_addressee", "tie_relative", "name_tie_relative",
         "tie_document", "name_tie_document",
         "act_warrant", "act_narrative", "act_differ")


class ConsistencyParams(Params):
    field: Literal["id_number", "birth_date", "gender", "name", "act_date"]
    actions: tuple[str, ...] = ()  # act_date: acts whose own document (doc_types.yaml `act`) dates them
    skip_quotes: tuple[str, ...] = ()  # act_date: narrative quotes with these words tell another date
    # act_date: the decision that approves an act (逮捕: 批准逮捕); a narrative day that is the person's approval day,
    # with the warrant executed within `approval_days` after it, tells the approval, not another arrest
    approvals: dict[str, str] = {}
    # id_number: papers restating a person's identity for another organ, reported first when two papers disagree once each
    restating: tuple[str, ...] = ()
    approval_days: int = 0
    ocr_severity: Literal["error", "warning", "info"] = "info"  # name: a finding on an OCR'd page
    # name: a spelling tied only by the addressee of two family notices (a parent may be two suspects' parent)
    addressee_severity: Literal["error", "warning", "info"] = "warning"
    # name: a spelling written only in one document whose head introduces the suspect, nowhere with details of its own
    document_severity: Literal["error", "warning", "info"] = "warning"


def run(case: Case, rule: Rule) -> list[Finding]:
    p: ConsistencyParams = rule.params  # type: ignore[assignment]
    if p.field == "act_date":
        return _act_date(case, rule, p)
    check = {"id_number": _id_number, "birth_date": _birth_date, "gender": _gender, "name": _name}[p.field]
    return [f for party in case.parties if party.is_suspect for f in check(case, rule, party, p)]


# --- introductions ---------------------------------------------------------------------------------------


def checked_id(m: PartyMention) -> str | None:
    """The 18-character ID number when its GB 11643 check digit holds."""
    number = (m.id_number or "").upper()
    return number if id_checksum_ok(number) else None


# A correction on file puts a wrong value right: "…拘留证中，被拘留人姓名“孙利萍”系笔误，应为“孙丽萍”…，特此更正" (ind_cm09).
# The value written wrong is then no inconsistency left standing.
_CORRECTION = re.compile(r"笔误|更正|应为|订正")
_SENTENCE_END = "。；;\n"


def corrected(case: Case, value: str, where: Document) -> bool:
    """Does another paper of the file name `value` in a sentence that corrects it?"""
    for doc in case.documents:
        if doc.id == where.id:
            continue
        start = doc.text.find(value)
        while start >= 0:
            begin = max(doc.text.rfind(c, 0, start) for c in _SENTENCE_END) + 1
            ends = [i for c in _SENTENCE_END if (i := doc.text.find(c, start)) >= 0]
            if _CORRECTION.search(doc.text, begin, min(ends) if ends else len(doc.text)):
                return True
            start = doc.text.find(value, start + 1)
    return False


def _evidence(case: Case, m: PartyMention, span: Span | None) -> Evidence:
    doc = case.document(m.document_id)
    assert doc is not None
    return case.evidence(doc, *(span or (m.start, m.end)))


def _doc(case: Case, m: PartyMention) -> Document:
    doc = case.document(m.document_id)
    assert doc is not None
    return doc


def _id_number(case: Case, rule: Rule, party: Party, p: ConsistencyParams) -> list[Finding]:
    """The number most documents give is the reference (on a tie, not a `restating` paper's); each other number is reported
    on the first document giving it, that document's quote first in the evidence."""
    by_id: dict[str, list[PartyMention]] = defaultdict(list)
    for m in party.mentions:
        number = checked_id(m)
        if number:
            by_id[number].append(m)
    if not by_id:
        return []
    # On a tie (two documents, one number each), which is wrong the file cannot say: the one reported is the number a
    # paper that restates the identity for others carries (`restating`: the 起诉意见书, a warrant — held-out gh05,
    # gm07, gn05 planted the 起诉意见书 wrong beside a 不起诉决定书), else the first seen.
    restated = {n: any(_doc(case, m).type in p.restating for m in ms) for n, ms in by_id.items()}
    ref_id = max(by_id, key=lambda n: (len(by_id[n]), not restated[n]))
    # A number typed wrong in a typed document (its check digit fails, one or two digits off the reference,
    # ind_ca02): another number all the same. On an OCR'd page it is the reading's error, not the document's.
    ocr_pages = {pg.number for pg in case.dossier.pages if pg.method == "ocr"}
    # So is a number written with a digit too few or too many whose region and birth date are the reference's
    # (ind_ck08: "37112819870123621" for 37112819870123601X).
    mistyped: dict[str, list[PartyMention]] = defaultdict(list)
    for m in party.mentions:
        number = (m.id_number or "").upper()
        if not number or checked_id(m) or number in by_id or not number.rstrip("X").isdigit() \
                or _on_ocr_page(case, m, ocr_pages):
            continue
        # …or its region and birth date the reference's and its last four digits wrong ("330103197501303015" for
        # 330103197501300494, held-out ind_ef04)
        # …or its region and last four the reference's, the birth date between written wrong ("450105198305123716" for
        # 450105198312053716, month and day swapped, held-out ind_fe03)
        if len(number) == 18 and (sum(a != b for a, b in zip(number, ref_id, strict=True)) <= 2
                                  or number[:_REGION_AND_BIRTH] == ref_id[:_REGION_AND_BIRTH]
                                  or (number[:_REGION] == ref_id[:_REGION] and number[-_TAIL:] == ref_id[-_TAIL:])):
            mistyped[number].append(m)
        elif len(number) in (16, 17, 19) and number[:_REGION_AND_BIRTH] == ref_id[:_REGION_AND_BIRTH]:
            mistyped[number].append(m)
    if len(by_id) + len(mistyped) < 2:
        return []
    ref = by_id[ref_id][0]
    findings = []
    for odd_id, odd_mentions in [*by_id.items(), *mistyped.items()]:
        if odd_id == ref_id:
            continue
        odd = odd_mentions[0]
        if corrected(case, odd_id, _doc(case, odd)):
            continue
        values = {"person": party.name, "id_a": ref_id, "id_b": odd_id, "doc_a": _doc(case, ref).type,
                  "doc_b": _doc(case, odd).type}
        words = {**values, "count": len(by_id[ref_id])}
        odd_step = "id_odd" if odd_id in by_id else "id_mistyped" if len(odd_id) == 18 else "id_malformed"
        steps = [rule.text("id_reference", **words), rule.text(odd_step, length=len(odd_id), **words),
                 rule.text("id_differ", **words)]
        evidence = [_evidence(case, odd, odd.id_span), _evidence(case, ref, ref.id_span)]
        findings.append(rule.finding(case, document=_doc(case, odd), evidence=evidence, values=values, steps=steps,
                                     identity={"person": party.name, "ids": sorted([ref_id, odd_id])}))
    return findings


_REGION_AND_BIRTH = 14  # GB 11643: six digits of region, eight of birth date
_REGION, _TAIL = 6, 4  # …then three of sequence and the check digit


def _on_ocr_page(case: Case, m: PartyMention, ocr_pages: set[int]) -> bool:
    if not ocr_pages or not case.dossier.pages:
        return False
    doc = _doc(case, m)
    return case.dossier.pages[case.dossier.page_index_at(doc.start + m.start)].number in ocr_pages


def _birth_date(case: Case, rule: Rule, party: Party, p: ConsistencyParams) -> list[Finding]:
    findings = []
    for m in party.mentions:
        number = checked_id(m)
        stated = m.birth_date
        born = id_birth_date(number) if number else None
        if not (stated and born) or stated == born:
            continue
        doc = _doc(case, m)
        values = {"person": party.name, "stated": stated, "expected": born, "document": doc.type,
                  "source": rule.text("id_source", number=number)}
        steps = [rule.text("birth_stated", document=doc.type, person=party.name, day=stated),
                 rule.text("birth_in_id", number=number, expected=born), rule.text("birth_differ")]
        evidence = [_evidence(case, m, m.birth_span), _evidence(case, m, m.id_span)]
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps,
                                     identity={"person": party.name, "stated": stated, "expected": born}))
    if findings:
        return findings  # the ID-based finding already names the wrong date; a cross-document one would repeat it
    dated = [(m, m.birth_date) for m in party.mentions if m.birth_date]
    other = next(((a, b) for a in dated for b in dated if a[1] != b[1] and a[0].document_id != b[0].document_id),
                 None)
    if other is None:
        return []
    (a, a_day), (b, b_day) = sorted(other, key=lambda x: _doc(case, x[0]).start)
    values = {"person": party.name, "stated": b_day, "expected": a_day, "document": _doc(case, b).type,
              "source": rule.text("document_source", document=_doc(case, a).type)}
    steps = [rule.text("birth_stated", document=_doc(case, a).type, person=party.name, day=a_day),
             rule.text("birth_stated", document=_doc(case, b).type, person=party.name, day=b_day),
             rule.text("birth_cross_differ")]
    evidence = [_evidence(case, b, b.birth_span), _evidence(case, a, a.birth_span)]
    return [rule.finding(case, document=_doc(case, b), evidence=evidence, values=values, steps=steps,
                         identity={"person": party.name, "dates": sorted([a_day, b_day])})]


def _gender(case: Case, rule: Rule, party: Party, p: ConsistencyParams) -> list[Finding]:
    findings = []
    for m in party.mentions:
        number = checked_id(m)
        if not number or m.gender not in ("男", "女") or id_gender(number) == m.gender:
            continue
        expected = id_gender(number)
        doc = _doc(case, m)
        values = {"person": party.name, "stated": m.gender, "expected": expected, "number": number,
                  "document": doc.type}
        parity = rule.text("parity_odd" if expected == "男" else "parity_even")
        words = {**values, "digit": number[16], "parity": parity}
        steps = [rule.text("gender_stated", **words), rule.text("gender_in_id", **words), rule.text("gender_differ")]
        evidence = [_evidence(case, m, None), _evidence(case, m, m.id_span)]
        findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps,
                                     identity={"person": party.name, "stated": m.gender, "number": number}))
    return findings


def _name(case: Case, rule: Rule, party: Party, p: ConsistencyParams) -> list[Finding]:
    """One finding per document writing the suspect's name another way."""
    findings = []
    reference = [m for m in party.mentions if m.name == party.name]
    ref_docs = list(dict.fromkeys(m.document_id for m in reference))
    for variant in party.variants:
        odd_docs: dict[str, PartyMention] = {}
        for m in party.mentions:
            if m.name == variant:
                odd_docs.setdefault(m.document_id, m)
        for m in odd_docs.values():
            doc = _doc(case, m)
            if corrected(case, variant, doc):
                continue
            ref = reference[0]
            tie = party.variant_ties.get(variant, "")
            tie_value = {"id_number": checked_id(m) or m.id_number, "birth_date": m.birth_date,
                         "address": m.address, "passport": m.passport}.get(tie) or _spouse_value(party, variant)
            values = {"person": party.name, "written": variant, "document": doc.type,
                      "reference_document": _doc(case, ref).type, "tie": tie}
            words = {**values, "count": len(ref_docs), "tie_label": rule.text(f"tie_{tie}") if tie else "",
                     "tie_value": tie_value}
            steps = [rule.text("name_reference", **words), rule.text("name_odd", **words)]
            if tie:
                steps.append(rule.text({"relative": "name_tie_relative", "document": "name_tie_document"}.get(tie, "name_tie"),
                                       **words))
            steps.append(rule.text("name_differ", **words))
            page = case.dossier.pages[case.dossier.page_index_at(doc.start + m.start)] if case.dossier.pages else None
            severity = p.ocr_severity if page is not None and page.method == "ocr" else None
            if tie in ("addressee", "relative") and severity is None:
                severity = p.addressee_severity
            if tie == "document" and severity is None:
                severity = p.document_severity
            evidence = [_evidence(case, m, None), _evidence(case, ref, None)]
            findings.append(rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps,
                                         severity=severity, identity={"person": party.name, "written": variant}))
    return findings


def _spouse_value(party: Party, variant: str) -> str:
    relation, _, name = party.variant_spouses.get(variant, "").partition(":")
    return f"{relation}{name}" if name else ""


# --- narrative dates of a custody act against the act's own document -------------------------------------


def _own(case: Case, event: Event) -> bool:
    doc = case.document(event.document_id)
    return bool(doc) and doc_type_act(doc.type) == event.action


def _mentions_day(case: Case, doc: Document, day: date) -> bool:
    """Does the warrant state `day` (its execution the day after it was signed, say)? The 看守所's receipt of the
    person is not the act's day where the warrant states when it was announced (ind_aj01: announced 23:10, received
    02:05 the next day)."""
    own = [t for t in case.stated_times if t.document_id == doc.id]
    received = [(t.start, t.end) for t in own if t.kind == "custody_in"] if any(
        t.kind == "announced" for t in own) else []
    return any(m.as_date() == day and not any(a <= m.start < b for a, b in received) for m in find_dates(doc.text))


def _approval_day(case: Case, p: ConsistencyParams, action: str, person: str, stated: date, executed: date) -> bool:
    """Is `stated` the day the person's act was approved, the warrant executed a few days after it ("同年1月18日被逮捕"
    for an arrest approved on the 18th and executed on the 19th, held-out ind_gf07)?"""
    approval = p.approvals.get(action)
    return bool(approval) and 0 < (executed - stated).days <= p.approval_days and any(
        e.action == approval and e.person == person and e.date == stated for e in case.events)


def _act_date(case: Case, rule: Rule, p: ConsistencyParams) -> list[Finding]:
    skip = [re.compile(q) for q in p.skip_quotes]
    findings = []
    for action in p.actions:
        events = [e for e in case.events if e.action == action and e.person and e.date]
        for person in dict.fromkeys(e.person for e in events):
            own = [e for e in events if e.person == person and _own(case, e)]
            if len(own) != 1:
                continue
            warrant_event = own[0]
            warrant = case.document(warrant_event.document_id)
            if warrant is None or warrant_event.date is None:
                continue
            for ev in events:
                if ev.person != person or ev is warrant_event or ev.date is None:
                    continue
                if _mentions_day(case, warrant, ev.date):
                    continue
                if _approval_day(case, p, action, person, ev.date, warrant_event.date):
                    continue
                places = [x for x in ev.evidence if not any(q.search(x.quote) for q in skip)]
                # A document that also tells this person's act on the warrant's date is not in conflict with it
                # (another date there may be of another person or another act: "于8月14日被抓获").
                stated_too = {x.document_id for e in events if e.person == person and e.date == warrant_event.date
                              for x in e.evidence}
                places = [x for x in places if x.document_id not in stated_too]
                if not places:
                    continue
                narrative = case.document(places[0].document_id)
                values = {"person": person, "action": action, "stated": ev.date, "expected": warrant_event.date,
                          "warrant": warrant.type, "document": narrative.type if narrative else ""}
                words = {**values, "quote": places[0].quote}
                steps = [rule.text("act_warrant", **words), rule.text("act_narrative", **words),
                         rule.text("act_differ", **words)]
                evidence = [places[0], *warrant_event.evidence[:1]]
                findings.append(rule.finding(case, document=narrative, evidence=evidence, values=values, steps=steps,
                                             identity={"person": person, "action": action, "stated": ev.date,
                                                       "expected": warrant_event.date}))
    return findings
