"""Extraction over a whole case: parties → persons, events (merged across documents), citations.

An event is one fact (design §2.2): the same (person, action, date) read in several documents — the
拘留证 itself and the 提请批准逮捕书 that recounts it — is one event whose evidence lists every place,
and whose document_id is the act's own document where there is one. An undated mention (an act's own
document whose date could not be read) joins the one dated event of the same person and action.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from auditor.lexicon import doc_type_act
from auditor.model import Case, Citation, Document, Event
from auditor.nlp.citations import find_citations
from auditor.nlp.events import find_events
from auditor.nlp.parties import Party, find_parties

T = TypeVar("T")


def extract_case(case: Case) -> None:
    """Fill case.persons, case.events and case.citations from case.documents; never raises."""
    parties = {doc.id: _safe(lambda d=doc: find_parties(d.text), []) for doc in case.documents}
    case.persons = suspects([p for doc in case.documents for p in parties[doc.id]])
    events: list[Event] = []
    full_name = {p.name: n for doc in case.documents for p in parties[doc.id] for n in case.persons
                 if p.name and n != p.name and n.startswith(p.name)}
    citations: list[Citation] = []
    for doc in case.documents:
        for ev in _safe(lambda d=doc: find_events(d, case.persons), []):
            ev.person = full_name.get(ev.person or "", ev.person)
            ev.evidence = [case.evidence(doc, e.start, e.end) for e in ev.evidence]
            events.append(ev)
        for cit in _safe(lambda d=doc: find_citations(d.text, on=_as_date(d.ref_date or d.date)), []):
            cit.document_id = doc.id
            citations.append(cit)
    case.events = merge_events(events, case.documents)
    case.citations = citations


def case_parties(case: Case) -> list[Party]:
    """The case's suspects (case.persons, as extract_case named them) with the details any document
    gives: gender, birth date and ID number from the first document that states each. Never raises."""
    found: dict[str, Party] = {name: Party(name=name, role="") for name in case.persons}
    for doc in case.documents:
        for p in _safe(lambda d=doc: find_parties(d.text), []):
            name = next((n for n in case.persons if n == p.name), None) or next(
                (n for n in case.persons if p.name and n.startswith(p.name)), None
            )
            if name is None or not p.is_suspect:
                continue
            kept = found[name]
            kept.role = kept.role or p.role
            kept.gender = kept.gender or p.gender
            kept.birth_date = kept.birth_date or p.birth_date
            if kept.id_number is None and p.id_number:
                kept.id_number, kept.id_valid = p.id_number, p.id_valid
    return list(found.values())


def suspects(parties: list[Party]) -> list[str]:
    """Names of this case's suspects / defendants, first mention order, deduplicated.

    A name that is the start of a longer suspect's name is the tokenizer cutting that name short
    ("孟杰海系…" → 孟杰 + 海系); two suspects 孟杰 and 孟杰海 in one case are not a real risk.
    """
    names = list(dict.fromkeys(p.name for p in parties if p.is_suspect and p.name))
    return [n for n in names if not any(o != n and o.startswith(n) for o in names)]


def merge_events(events: list[Event], documents: list[Document]) -> list[Event]:
    """One event per (person, action, date); sorted by date, undated last."""
    own = {d.id for d in documents if doc_type_act(d.type)}
    act_of = {d.id: doc_type_act(d.type) for d in documents}
    merged: dict[tuple[str | None, str, str | None], Event] = {}
    for ev in events:
        key = (ev.person, ev.action, ev.date)
        if key in merged:
            _absorb(merged[key], ev, act_of)
        else:
            merged[key] = ev
    for key, ev in list(merged.items()):
        person, action, date = key
        if date is not None:
            continue
        dated = [e for (p, a, d), e in merged.items() if p == person and a == action and d is not None]
        if len(dated) == 1:
            _absorb(dated[0], ev, act_of)
            del merged[key]
    out = list(merged.values())
    for ev in out:
        if ev.document_id not in own:
            ev.document_id = next((e.document_id for e in ev.evidence if act_of.get(e.document_id) == ev.action), ev.document_id)
    return sorted(out, key=lambda e: (e.date is None, e.date or ""))


def _absorb(kept: Event, ev: Event, act_of: dict[str, str | None]) -> None:
    """Fold `ev` into `kept`: every place of evidence; the act's own document and its organ win."""
    seen = {(e.document_id, e.start, e.end) for e in kept.evidence}
    kept.evidence += [e for e in ev.evidence if (e.document_id, e.start, e.end) not in seen]
    if act_of.get(ev.document_id or "") == ev.action and act_of.get(kept.document_id or "") != kept.action:
        kept.document_id = ev.document_id
        kept.organ = ev.organ or kept.organ
    kept.organ = kept.organ or ev.organ
    kept.executed_by = kept.executed_by or ev.executed_by
    kept.time = kept.time or ev.time


def _as_date(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _safe(fn: Callable[[], list[T]], default: list[T]) -> list[T]:
    """Run one extractor on one document; odd text costs that document's results, not the case's."""
    try:
        return fn()
    except Exception:  # noqa: BLE001 — NLP failures are ignored per document (never logged: names)
        return default
