"""Extraction over a whole dossier, once: documents → parties, events, citations, terms, guarantees → a Case.

An event is one fact (design §2.2): the same (person, action, date) read in several documents — the
拘留证 itself and the 提请批准逮捕书 that recounts it — is one event whose evidence lists every place,
and whose document_id is the act's own document where there is one. An undated mention (an act's own
document whose date could not be read) joins the one dated event of the same person and action.

A failure inside one document costs that document's facts of that kind, never the case's, and is recorded as a
numbered error naming the document and the step (E061), never only logged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from auditor.extract.citations import find_citations
from auditor.extract.decisions import decisions_in
from auditor.extract.events import find_events
from auditor.extract.guarantees import decision_types, guarantees_in
from auditor.extract.identities import build_parties
from auditor.extract.parties import cut_short, mentions_in
from auditor.extract.records import records_in
from auditor.extract.terms import terms_in
from auditor.lexicon import doc_type_act
from auditor.model import (
    AuditError,
    Case,
    CoverCheck,
    Document,
    Dossier,
    Event,
    TocCheck,
    make_error,
)

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

    documents = tuple(documents)
    shell = Case(dossier=dossier, documents=documents)  # evidence resolution needs pages and boxes only
    mentions = [m for doc in documents for m in safe("parties", doc, lambda d=doc: mentions_in(d))]
    parties = build_parties(mentions)
    suspects = [p for p in parties if p.is_suspect]
    # Every spelling a suspect is written with finds his events; the event carries his name.
    spellings = tuple(dict.fromkeys(n for p in suspects for n in p.names))
    canonical = {n: p.name for p in suspects for n in p.names}
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
    mentions_of: dict[str, list] = {}  # a record reads its own document's mentions, not the whole case's
    for m in mentions:
        mentions_of.setdefault(m.document_id, []).append(m)
    for doc in documents:
        for ev in safe("events", doc, lambda d=doc: find_events(d, spellings)):
            events.append(ev.model_copy(update={
                "person": canonical.get(ev.person or "", ev.person),
                "evidence": tuple(shell.evidence(doc, e.start, e.end) for e in ev.evidence),
            }))
        citations += safe("citations", doc, lambda d=doc: find_citations(d.text, on=d.ref_date or d.date,
                                                                         document_id=d.id))
        terms += safe("terms", doc, lambda d=doc: terms_in(d))
        if doc.type in bail_types:
            guarantees += safe("guarantees", doc, lambda d=doc: guarantees_in(d))
        records += safe("records", doc, lambda d=doc: records_in(d, mentions_of.get(d.id, []), persons))
    decisions = [x for doc in documents for x in safe("decisions", doc, lambda d=doc: decisions_in(d, citations))]
    case = shell.model_copy(update={
        "parties": parties,
        "events": tuple(merge_events(events, documents)),
        "citations": tuple(citations),
        "terms": tuple(terms),
        "guarantees": tuple(guarantees),
        "records": tuple(records),
        "decisions": tuple(decisions),
        "toc_check": tuple(toc_check),
        "cover_check": tuple(cover_check),
    })
    return case, errors


def merge_events(events: list[Event], documents: tuple[Document, ...] | list[Document]) -> list[Event]:
    """One event per (person, action, date); sorted by date, undated last."""
    act_of = {d.id: doc_type_act(d.type) for d in documents}
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
        if len(dated) == 1:
            groups[dated[0]].append(_fold(groups.pop(key), act_of))
    out = []
    for group in groups.values():
        ev = _fold(group, act_of)
        if ev.document_id not in own:
            best = next((e.document_id for e in ev.evidence if act_of.get(e.document_id) == ev.action), ev.document_id)
            ev = ev.model_copy(update={"document_id": best})
        out.append(ev)
    return sorted(out, key=lambda e: (e.date is None, e.date.isoformat() if e.date else ""))


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
