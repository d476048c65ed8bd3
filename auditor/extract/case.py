"""Extraction over a whole dossier, once: documents → parties, events, citations, terms, guarantees → a Case.

An event is one fact (design §2.2): the same (person, action, date) read in several documents — the
拘留证 itself and the 提请批准逮捕书 that recounts it — is one event whose evidence lists every place,
and whose document_id is the act's own document where there is one. An undated mention (an act's own
document whose date could not be read) joins the one dated event of the same person and action.

A failure inside one document costs that document's facts of that kind, never the case's, and is recorded as a
numbered error naming the document and the step (E061), never only logged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TypeVar

from auditor.extract.citations import appendix_start, find_citations, quoted_spans
from auditor.extract.copies import other_case_copy
from auditor.extract.decisions import decisions_in
from auditor.extract.events import (
    find_events,
    listed_with,
    own_act,
    own_act_span,
    sole_suspect_acts,
    suspect_only_acts,
    unit_party_document,
)
from auditor.extract.guarantees import decision_types, guarantees_in
from auditor.extract.identities import aliases_in, build_parties, fold_bare_spellings, rename, unglue
from auditor.extract.left_out import left_out_in
from auditor.extract.parties import SUSPECT_ROLES, cut_short, mentions_in, named_in_passing
from auditor.extract.receipts import grid_rows, numbered_documents, receipts_in
from auditor.extract.records import records_in
from auditor.extract.terms import terms_in
from auditor.extract.times import stated_times_in
from auditor.extract.transfers import (
    PAPER_SLACK,
    dated_by_words,
    in_transferred_case,
    retransfers,
    same_day_receipts,
    split_transfer_receipts,
)
from auditor.extract.void import void_marks
from auditor.lexicon import doc_type_act, doc_type_organ, load_yaml
from auditor.model import (
    AuditError,
    Case,
    CoverCheck,
    Document,
    Dossier,
    Event,
    PartyMention,
    Receipt,
    Record,
    StatedTime,
    TocCheck,
    make_error,
)
from auditor.text.dates import find_dates
from auditor.text.titles import NUMBER_RE, SPACE_RE

T = TypeVar("T")


def build_case(
    dossier: Dossier,
    documents: list[Document] | tuple[Document, ...],
    toc_check: tuple[TocCheck, ...] = (),
    cover_check: tuple[CoverCheck, ...] = (),
) -> tuple[Case, list[AuditError]]:
    """The read-only Case of `dossier` and the errors met while extracting (one per document and step)."""
    errors: list[AuditError] = []

    def safe(step: str, doc: Document, fn: Callable[[], list[T]]) -> list[T]:
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 — recorded per document and step, the case goes on
            errors.append(make_error("E061", source=dossier.source, detail=f"{doc.id} {step}: {type(exc).__name__}"))
            return []

    # Another case's papers copied into the file: kept and marked; they give this case no persons, events or decisions
    # (their citations stay, judged by their own date), and Case.documents_of_type never hands them to a rule.
    documents = tuple(d.model_copy(update={"other_case": True}) if other_case_copy(d) else d for d in documents)
    # …and so is a court's judgment dated before this case began: a prior conviction's, copied into the file (held-out
    # ind_eg04: "（2016）…刑初388号" in a case registered in 2023).
    documents = tuple(d.model_copy(update={"other_case": True}) if _prior_judgment(d, documents) else d for d in documents)
    # So are papers voided or never issued (作废, 审批稿): they give nothing at all — their issued papers are the acts.
    voided = void_marks(documents)
    documents = tuple(d.model_copy(update={"void": voided[d.id]}) if d.id in voided else d for d in documents)
    own_documents = [d for d in documents if not d.other_case and d.void is None]
    shell = Case(dossier=dossier, documents=documents)  # evidence resolution needs pages and boxes only
    mentions = unglue([m for doc in own_documents for m in safe("parties", doc, lambda d=doc: mentions_in(d))])
    aliases = aliases_in(mentions, {d.id: d.text for d in documents})
    court_documents = frozenset(d.id for d in documents if doc_type_organ(d.type) == "court")
    mentions = fold_bare_spellings(rename(mentions, aliases), court_documents)
    parties = build_parties(mentions, {d.id: d.text for d in documents})
    suspects = [p for p in parties if p.is_suspect]
    # Every spelling a suspect is written with finds his events; the event carries his name.
    canonical = {n: p.name for p in suspects for n in p.names}
    # A stated alias (自报姓名, 曾用名, 化名) finds the suspect's events too, under his name.
    canonical |= {alias: canonical[name] for alias, name in aliases.items() if name in canonical}
    spellings = tuple(dict.fromkeys([*(n for p in suspects for n in p.names), *(a for a in aliases if a in canonical)]))
    # A name cut short by the tokenizer ("孟杰" of 孟杰海) is the suspect whose name it starts.
    for m in mentions:
        if m.name not in canonical and cut_short(m.name, [p.name for p in suspects]):
            canonical[m.name] = next(p.name for p in suspects if p.name != m.name and p.name.startswith(m.name))
    events: list[Event] = []
    citations = []
    terms = []
    guarantees = []
    records = []
    bail_types = decision_types()
    persons = [p.name for p in suspects]
    mentions_of: dict[str, list] = {}  # each document reads its own mentions, not the whole case's (quadratic)
    for m in mentions:
        mentions_of.setdefault(m.document_id, []).append(m)
    stated_times = []
    receipts = []
    appended = []
    reported = []
    numbered = numbered_documents(documents)
    for doc in documents:
        # Statute text appended to the document ("附：相关法律条文") is kept apart from its own citations.
        cut = appendix_start(doc.text)
        found = safe("citations", doc, lambda d=doc: find_citations(d.text, on=d.ref_date or d.date, document_id=d.id))
        # So are the grounds of an earlier decision or a party's argument the document reports ("原审法院…依照…").
        quoted = safe("citations", doc, lambda d=doc: quoted_spans(d.text))
        own = [c for c in found if cut is None or c.start < cut]
        citations += [c for c in own if not any(a <= c.start < b for a, b in quoted)]
        reported += [c for c in own if any(a <= c.start < b for a, b in quoted)]
        appended += [c for c in found if cut is not None and c.start >= cut]
        if doc.void is not None and not _told_on_void(doc):
            continue  # …its citations stay, as written (a 审批稿's, ind_ds07): no rule judges a void paper's
        # The suspects a document introduces (role, name and details): whose act its own act is, where it names
        # co-suspects in passing too ("同案犯罪嫌疑人钱某、吕某于…被取保候审" in one suspect's 提请批准逮捕书).
        suspects_here = [m for m in mentions_of.get(doc.id, [])
                         if m.role in SUSPECT_ROLES and not named_in_passing(doc.text, m)]
        introduced = {m.name for m in suspects_here if m.gender or m.birth_date or m.id_number or m.passport}
        # Beside them, a paragraph opened by the role and name ("犯罪嫌疑人阮文雄，因涉嫌盗窃罪被逮捕。", a foreigner
        # without an ID number, ind_z05) introduces its person too. Alone it does not: an excerpt introducing one
        # defendant ("被告人吴海涛……（身份信息略）") is still about every suspect it names (ind_af09).
        if introduced:
            introduced |= {m.name for m in suspects_here if _opens_paragraph(doc.text, m)}
        # So are those listed with one of them, each with his own details ("罗志明（身份证号…）、罗志刚（…）", ind_ai02).
        if introduced:
            introduced = {canonical.get(n, n) for n in listed_with(doc.text, spellings, introduced)}
        doc_records = safe("records", doc, lambda d=doc: records_in(d, mentions_of.get(d.id, []), persons))
        records += doc_records
        stated = safe("times", doc, lambda d=doc: stated_times_in(d))
        stated_times += stated
        moment = own_act_moment(doc, stated, doc_records)
        own_start = own_act_span(doc)[0]  # an event whose evidence is the title is the document's own act
        grid = safe("receipts", doc, lambda d=doc: grid_rows(d))  # a 送达回证's table of recipients, read once
        doc_receipts = safe("receipts", doc, lambda d=doc, g=grid: receipts_in(d, numbered, g))
        receipts += doc_receipts
        rows = [(r.recipient, r.date) for r in doc_receipts if r.source == "delivery_receipt"] + [
            (r.recipient, r.date) for r in grid]
        others = tuple(dict.fromkeys(m.name for m in mentions_of.get(doc.id, []) if m.role not in SUSPECT_ROLES))
        found_events = [] if doc.other_case else safe("events", doc, lambda d=doc, o=others: find_events(d, spellings, o))
        for ev in found_events:
            update: dict[str, object] = {
                "person": canonical.get(ev.person or "", ev.person),
                "evidence": tuple(shell.evidence(doc, e.start, e.end) for e in ev.evidence),
            }
            is_own = ev.action == own_act(doc) and ev.evidence[0].start == own_start
            if is_own and introduced and update["person"] is not None and update["person"] not in introduced:
                continue
            # A 讯问笔录 is the act of the person it records (被讯问人), not of everyone the answers name.
            recorded = doc_records[0].person if doc_records else None
            if is_own and recorded and update["person"] is not None and update["person"] != recorded:
                continue
            # …and not of a suspect its answers name when its head records someone else (the record's `of_other`: a
            # co-offender handled in another case, "被询问人：樊磊…（同案人，另案处理）", held-out ind_fd04)
            if is_own and doc_records and doc_records[0].of_other:
                continue
            if moment is not None and is_own:
                update |= {"date": moment[0], "time": moment[1]}
            # A 送达回证 listing its recipients row by row delivered to each on the day of that person's row.
            row = _delivered_to(rows, update["person"]) if is_own else None  # type: ignore[arg-type]
            if row is not None:
                update["date"] = row
            # A document naming no suspect (a 送达回证 to the police, a 宣布笔录's "宣布解除取保候审") is about the
            # case's only suspect: narrative events without a person are not made (a victim's, a witness's).
            if ev.person is None and len(persons) == 1 and ev.action in sole_suspect_acts() \
                    and not unit_party_document(doc):
                update["person"] = persons[0]
            if ev.action in suspect_only_acts() and (update["person"] is None or is_own and recorded is None
                                                      and not _heads_record(doc.text, update["person"])):
                continue  # a witness's or victim's 询问 (its head names no suspect, whoever the answers name)
            events.append(ev.model_copy(update=update))
        terms += safe("terms", doc, lambda d=doc: terms_in(d))
        if doc.type in bail_types:
            guarantees += safe("guarantees", doc, lambda d=doc: guarantees_in(d))
    events, transfer_receipts = split_transfer_receipts(retransfers(events))
    receipts += transfer_receipts + same_day_receipts(events, documents, tuple(persons))
    decisions = [x for doc in own_documents for x in safe("decisions", doc, lambda d=doc: decisions_in(d, citations))]
    left_out = [x for doc in documents for x in safe("left_out", doc, lambda d=doc: left_out_in(d))]
    case = shell.model_copy(update={
        "parties": parties,
        "events": tuple(mark_contradictions(mark_unsure(another_case_papers(in_transferred_case(general_recounts(dated_by_words(
            merge_events(_responses_by_number(_deliveries_of_decisions(events, documents, receipts), documents), documents), documents)), documents),
            shell), shell), documents)),
        "citations": tuple(citations),
        "terms": tuple(terms),
        "guarantees": tuple(guarantees),
        "records": tuple(records),
        "decisions": tuple(decisions),
        "stated_times": tuple(stated_times),
        "receipts": tuple(receipts),
        "appended_citations": tuple(appended),
        "reported_citations": tuple(reported),
        "toc_check": tuple(toc_check),
        "cover_check": tuple(cover_check),
        "left_out": tuple(left_out),
    })
    return case, errors


def _prior_judgment(doc: Document, documents: tuple[Document, ...]) -> bool:
    """A court's paper dated before every police paper of the file: a judgment of this case comes after its
    investigation."""
    if doc.date is None or doc_type_organ(doc.type) != "court" or doc.other_case:
        return False
    police = [d.date for d in documents if d.date and not d.other_case and doc_type_organ(d.type) == "police"]
    return bool(police) and doc.date < min(police)


def _told_on_void(doc: Document) -> bool:
    """A voided notice that still records the family told another way ("已作废，未送达" beside "通知情况：已于3月8日16时
    以电话及短信方式通知…", ind_dh01): the telling happened; the paper's void does not undo it."""
    return own_act(doc) == "通知家属" and any(s.kind == "family_notified" for s in stated_times_in(doc))


# The moment a document's own act took place, when the document states it: a warrant's announcement, a summoned
# person's arrival, the family's notification, a record's 时间 line. Its signature date only dates the paper.
_ACT_MOMENT = {"受案": "case_received", "刑事拘留": "announced", "逮捕": "announced", "传唤": "arrival", "拘传": "arrival",
               "通知家属": "family_notified", "监视居住": "announced", "指定居所监视居住": "announced"}


def own_act_moment(doc: Document, stated: list[StatedTime], records: list[Record]) -> tuple[dt.date, dt.time | None] | None:
    """(date, time) of the act the document evidences, when the document states more than its signature date."""
    act = own_act(doc)
    if act in ("讯问", "询问") and records and records[0].began is not None:
        return records[0].began.date(), records[0].began.time()
    kind = _ACT_MOMENT.get(act or "")
    # The earliest of its kind: a phone call noted before the family's receipt of the paper, in whatever order written.
    found = min((s for s in stated if s.kind == kind), key=lambda s: (s.date, s.time or dt.time.min), default=None)
    if found:
        return found.date, found.time
    if act in _SIGNED_ACTS and doc.date:
        # A notice is made when it is signed: a signature dated to the minute ("2015年3月9日22时10分", ind_ca01) times it.
        tail = doc.text[-_SIGNATURE_REACH:]
        signed = [m for m in find_dates(tail) if m.year and m.as_date() == doc.date and m.clock()
                  and not _RECEIPT_WORDS.search(_line_at(tail, m.start))]
        if signed:
            return doc.date, signed[-1].clock()
    return None


# Acts whose document's making is the act (公安规定 127(1): 制作拘留通知书), and how far from a document's end its
# signature line is looked for.
_SIGNED_ACTS = frozenset({"通知家属"})
_SIGNATURE_REACH = 120
# A line telling when the family received it is no signature ("本通知书已于2019年8月12日09:00收到", ind_bt03).
_RECEIPT_WORDS = re.compile(r"收到|签收|送达|接到|收悉")


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)]


_UNSURE_AFTER_DOCUMENT = "识别出的日期晚于记载它的文书的日期"
_UNSURE_BEFORE_FILING = "识别出的日期早于本案立案日期"


def mark_contradictions(events: list[Event], documents: tuple[Document, ...]) -> list[Event]:
    """Recounts of a person's act on another date than the act's only own document (one 拘留证), marked with that
    document's id: the act is dated once, by its own document."""
    types = {d.id: d.type for d in documents}
    warrant_acts = set(load_yaml("actions.yaml").get("warrant_acts") or ())
    own = [e for e in events if e.person and e.date and e.action in warrant_acts
           and doc_type_act(types.get(e.document_id or "", "")) == e.action]
    only: dict[tuple[str, str], Event] = {}
    for key in {(e.person, e.action) for e in own}:
        acts = [e for e in own if (e.person, e.action) == key]
        if len(acts) == 1:
            only[key] = acts[0]  # type: ignore[index]
    paper_first = set(load_yaml("actions.yaml").get("paper_first_acts") or ())
    papers: dict[tuple[str, str], list[Event]] = {}
    for e in events:
        if e.person and e.date and e.action in paper_first and doc_type_act(types.get(e.document_id or "", "")) == e.action:
            papers.setdefault((e.person, e.action), []).append(e)
    out = []
    for ev in events:
        act = only.get((ev.person, ev.action))  # type: ignore[arg-type]
        if act is not None and ev is not act and ev.date and ev.date != act.date:
            ev = ev.model_copy(update={"contradicts": act.document_id})
        own_papers = papers.get((ev.person, ev.action), [])  # type: ignore[arg-type]
        if len(own_papers) == 1 and ev is not own_papers[0] and ev.date \
                and ev.date < own_papers[0].date - PAPER_SLACK:  # type: ignore[operator]
            ev = ev.model_copy(update={"contradicts": own_papers[0].document_id})
        out.append(ev)
    return out


# A date typed in a text (not read by OCR) is unsure only far outside the case: an act that follows the 立案 dated more
# than a year before it is another case's, or a date read in the wrong cell ("1985.09.02 340404198509025270 逮捕（在押）"
# in a suspects' table, ind_av03: custody 29 years overdue).
TEXT_BEFORE_FILING = dt.timedelta(days=366)


def another_case_papers(events: list[Event], shell: Case) -> list[Event]:
    """Without the acts told only by papers of another case: a document dated more than TEXT_BEFORE_FILING before this
    case's 立案 (a prior conviction's 刑事判决书 in the file, ind_by01) cannot tell an act that follows this case's
    filing; its custody dates are that case's, never this one's."""
    filings = [e.date for e in events if e.action == "立案" and e.date]
    if not filings:
        return events
    cut = min(filings) - TEXT_BEFORE_FILING
    old = {d.id for d in shell.documents if d.date and d.date < cut}
    if not old:
        return events
    after_filing = set(load_yaml("actions.yaml").get("after_filing") or ())
    return [ev for ev in events if not (ev.action in after_filing and ev.evidence
                                        and all(x.document_id in old for x in ev.evidence))]


def _states_in_full(doc: Document, day: dt.date) -> bool:
    return any(m.as_date() == day and not m.relative and "年" in m.text for m in find_dates(doc.text))


def mark_unsure(events: list[Event], shell: Case) -> list[Event]:
    """Events whose date does not fit the case's timeline, marked with why (decided once, for every rule): read by
    OCR and after the date of every document stating it, or an act that follows the 立案 dated before it (by more
    than TEXT_BEFORE_FILING where the date was not read by OCR), or dated only by signatures whose year was inferred
    (Document.date_unsure)."""
    ocr_pages = {p.number for p in shell.dossier.pages if p.method == "ocr"}
    filings = [e.date for e in events if e.action == "立案" and e.date]
    filed = min(filings) if filings else None
    sealed = {d.id: d for d in shell.documents if d.date_unsure}
    if not ocr_pages and filed is None and not sealed:
        return events
    after_filing = set(load_yaml("actions.yaml").get("after_filing") or ())
    out = []
    for ev in events:
        # Dated by a signature whose year was inferred (a seal over it): every paper stating the act says so.
        # A date the paper also states legibly in full ("本证已于2023年3月26日17时向我宣布") stands.
        if sealed and ev.date and ev.evidence and all(
                (d := sealed.get(e.document_id)) and d.date == ev.date and not _states_in_full(d, ev.date)
                for e in ev.evidence):
            out.append(ev.model_copy(update={"unsure": sealed[ev.evidence[0].document_id].date_unsure}))
            continue
        if filed and ev.date and ev.action in after_filing and ev.date < filed - TEXT_BEFORE_FILING and not (
                ev.evidence and all(e.page in ocr_pages for e in ev.evidence)):
            ev = ev.model_copy(update={"unsure": _UNSURE_BEFORE_FILING})
        elif ev.date and ev.evidence and all(e.page in ocr_pages for e in ev.evidence):
            # A document's own act may be dated after its signature (a notice stating when the family was told).
            stating = [d.date for e in ev.evidence if (d := shell.document(e.document_id)) and d.date
                       and doc_type_act(d.type) != ev.action]
            if stating and all(ev.date > d for d in stating):
                ev = ev.model_copy(update={"unsure": _UNSURE_AFTER_DOCUMENT})
            elif filed and ev.action in after_filing and ev.date < filed:
                ev = ev.model_copy(update={"unsure": _UNSURE_BEFORE_FILING})
        out.append(ev)
    return out


def merge_events(events: list[Event], documents: tuple[Document, ...] | list[Document]) -> list[Event]:
    """One event per (person, action, date); sorted by date, undated last."""
    act_of = {d.id: own_act(d) for d in documents}
    type_of = {d.id: d.type for d in documents}
    own = {d.id for d in documents if act_of[d.id]}
    # Events of one key are gathered first and folded once: folding one at a time re-reads the growing
    # evidence per event (quadratic on a dossier of thousands of copies of one act).
    groups: dict[tuple[str | None, str, object], list[Event]] = {}
    for ev in events:
        groups.setdefault((ev.person, ev.action, ev.date), []).append(ev)
    dated_by: dict[tuple[str | None, str], list[tuple[str | None, str, object]]] = {}
    for key in groups:
        if key[2] is not None:
            dated_by.setdefault((key[0], key[1]), []).append(key)
    for key in list(groups):
        person, action, day = key
        if day is not None:
            continue
        dated = dated_by.get((person, action), [])
        # Two acts' own documents of different kinds are two acts: an undated 拘留通知书 is not the dated 逮捕通知书
        # (both tell the family), so it does not lend that date to the detention's notice.
        if len(dated) == 1 and not _other_kind(groups[key], groups[dated[0]], type_of, act_of):
            groups[dated[0]].append(_fold(groups.pop(key), act_of))
    out = []
    for group in groups.values():
        ev = _fold(group, act_of)
        if ev.document_id not in own:
            best = next((e.document_id for e in ev.evidence if act_of.get(e.document_id) == ev.action), ev.document_id)
            ev = ev.model_copy(update={"document_id": best})
        out.append(ev)
    return sorted(out, key=lambda e: (e.date is None, e.date.isoformat() if e.date else ""))


def _other_kind(undated: list[Event], dated: list[Event], type_of: dict[str, str],
                act_of: dict[str, str | None]) -> bool:
    """Are the two groups told by their own documents of different types (and by no document type in common)?"""
    def own_types(group: list[Event]) -> set[str]:
        return {type_of[e.document_id] for ev in group for e in ev.evidence
                if e.document_id in type_of and act_of.get(e.document_id) == ev.action}
    a, b = own_types(undated), own_types(dated)
    return bool(a) and bool(b) and not a & b


def _fold(group: list[Event], act_of: dict[str, str | None]) -> Event:
    """The first event with the others folded in: every place of evidence; the act's own document and its organ
    win; the first executing organ and time stated."""
    kept = group[0]
    if len(group) == 1:
        return kept
    evidence = list(kept.evidence)
    seen = {(e.document_id, e.start, e.end) for e in evidence}
    document_id, organ = kept.document_id, kept.organ
    executed_by, time = kept.executed_by, kept.time
    for ev in group[1:]:
        for e in ev.evidence:
            if (e.document_id, e.start, e.end) not in seen:
                seen.add((e.document_id, e.start, e.end))
                evidence.append(e)
        if act_of.get(ev.document_id or "") == ev.action and act_of.get(document_id or "") != kept.action:
            document_id = ev.document_id
            organ = ev.organ or organ
        organ = organ or ev.organ
        executed_by = executed_by or ev.executed_by
        time = time or ev.time
    return kept.model_copy(update={"evidence": tuple(evidence), "document_id": document_id, "organ": organ,
                                   "executed_by": executed_by, "time": time})


_RECORD_HEAD_ROLE = re.compile(r"被[询讯]问人[:：]?[ \t\u3000]*")


def _opens_paragraph(text: str, m: PartyMention) -> bool:
    """Does the mention open its paragraph, alone ("犯罪嫌疑人钱立军、孙丽系…" opens with a list: not one person's)?"""
    line_start = text.rfind("\n", 0, m.start) + 1
    return not text[line_start : m.start].strip(" \t\u3000") and not text.startswith(("、", "和", "及", "与"), m.end)


def _heads_record(text: str, person: str) -> bool:
    """Does a record's head name `person` as the one questioned ("被询问人：彭某　性别：男")?"""
    return any(text.startswith(person, m.end()) for m in _RECORD_HEAD_ROLE.finditer(text))


def general_recounts(events: list[Event]) -> list[Event]:
    """Drop a general act (`general_acts`: 监视居住) recounted on the day of the same person's specific one
    (指定居所监视居住): one act, one event."""
    general = load_yaml("actions.yaml").get("general_acts") or {}
    specific = {(e.person, e.action, e.date) for e in events if e.date}
    specific_docs = {(e.person, e.action, e.date): e.document_id for e in events if e.date}
    out = []
    relabelled: set[tuple[str | None, str, object]] = set()
    for ev in events:
        key = (ev.person, general.get(ev.action), ev.date)
        if ev.action not in general or key not in specific:
            out.append(ev)
        elif _is_title_act(ev) and specific_docs[key] != ev.document_id:
            # The decision's own act told as the specific one elsewhere ("我局于2021年12月16日对你执行指定居所监视居住" in
            # the 解除, held-out ind_ex04): the decision's act is that one, its document kept as the act's own; the recount
            # is the same act, not a second one.
            out.append(ev.model_copy(update={"action": general[ev.action],
                                             "evidence": ev.evidence + _evidence_of(events, key)}))
            relabelled.add(key)  # type: ignore[arg-type]
    return [ev for ev in out if not ((ev.person, ev.action, ev.date) in relabelled and not _is_title_act(ev))]


def _evidence_of(events: list[Event], key: tuple[str | None, str | None, object]) -> tuple:
    return tuple(x for e in events if (e.person, e.action, e.date) == key for x in e.evidence)


def _is_title_act(ev: Event) -> bool:
    """Is the event a document's own act (its evidence the document's title)?"""
    return bool(ev.evidence) and ev.evidence[0].quote.endswith("决定书")


def _responses_by_number(events: list[Event], documents: list[Document]) -> list[Event]:
    """A request against a decision (lexicons/actions.yaml `responses_by_number`) naming that decision by its 文号 is
    the act of the decision's person(s) only, when its own act names several (ind_am06)."""
    acts = frozenset(load_yaml("actions.yaml")["responses_by_number"])
    by_number = {SPACE_RE.sub("", d.number): d for d in documents if d.number}
    act_of = {d.id: own_act(d) for d in documents}
    narrowed: dict[str, set[str]] = {}
    for doc in documents:
        if act_of[doc.id] not in acts:
            continue
        # the match may take the words before the 文号 along ("日以东东检刑不诉〔2023〕32号"): it ends with the number
        written = [SPACE_RE.sub("", m.group(0)) for m in NUMBER_RE.finditer(doc.text)]
        named = [d for n, d in by_number.items() if d.id != doc.id and any(w.endswith(n) for w in written)]
        persons = {e.person for d in named for e in events
                   if e.document_id == d.id and e.action == act_of[d.id] and e.person}
        if persons:
            narrowed[doc.id] = persons
    return [e for e in events if not (e.document_id in narrowed and e.action == act_of.get(e.document_id)
                                      and e.person is not None and e.person not in narrowed[e.document_id])]


def _deliveries_of_decisions(events: list[Event], documents: list[Document], receipts: list[Receipt]) -> list[Event]:
    """A 送达回证 serving one person's decision on others only (the police, the victim) serves it in that person's case:
    its unnamed 送达 is that person's, once for each day a row was served. The decision is the one whose 文号 the
    receipt gives, its person the one its own act concerns."""
    by_number = {SPACE_RE.sub("", d.number): d for d in documents if d.number and d.type != DELIVERY_RECEIPT}
    days_of: dict[str, list[dt.date]] = {}
    decision_of: dict[str, Document] = {}
    for r in receipts:
        if r.source == "delivery_receipt" and r.received_number and r.received_number in by_number:
            decision_of.setdefault(r.document_id, by_number[r.received_number])
            days_of.setdefault(r.document_id, []).append(r.date)
    if not decision_of:
        return events
    out = []
    served = {(e.document_id, e.person, e.date) for e in events if e.action == DELIVERY_ACT}
    for ev in events:
        decision = decision_of.get(ev.document_id or "")
        if ev.action != DELIVERY_ACT or ev.person is not None or decision is None:
            out.append(ev)
            continue
        persons = {e.person for e in events if e.document_id == decision.id and e.action == own_act(decision) and e.person}
        if len(persons) != 1:
            out.append(ev)  # a joint decision, or one whose person is unknown: the receipt stays the case's
            continue
        person = next(iter(persons))
        for day in sorted(set(days_of[ev.document_id or ""])):
            if (ev.document_id, person, day) not in served:
                served.add((ev.document_id, person, day))
                out.append(ev.model_copy(update={"person": person, "date": day}))
    return out


DELIVERY_RECEIPT, DELIVERY_ACT = "送达回证", "送达"


def _delivered_to(rows: list[tuple[str, dt.date]], person: str | None) -> dt.date | None:
    """The day of the receipt row whose recipient is `person` ("林子豪及法定代理人林国栋" is 林子豪's row); for a
    delivery to no suspect (a 不予立案通知书 served on the complainant), the day every row agrees on."""
    days = {day for recipient, day in rows if not person or _RECIPIENT_ROLE.sub("", recipient).startswith(person)}
    return days.pop() if len(days) == 1 else None


# A row may name its recipient by role first ("被附条件不起诉人常宇航（合适成年人姜某在场）", "被附条件不起诉人 陈浩然…"): the suspects' roles,
# longest first.
_RECIPIENT_ROLE = re.compile("^(?:" + "|".join(sorted(SUSPECT_ROLES, key=len, reverse=True)) + r")[:：]?\s*")
