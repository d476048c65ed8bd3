"""Building cases for rule tests: documents from (type, body, ISO date), extraction run once as in the pipeline,
and — where a test states them — its own events and citations instead of the extracted ones."""

from __future__ import annotations

import datetime as dt
from typing import Any

from auditor.extract.case import build_case
from auditor.extract.decisions import decisions_in
from auditor.model import Case, Citation, Document, Dossier, Event, Page


def day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def make_dossier(texts: list[str], source: str = "test.txt") -> Dossier:
    dossier = Dossier(source=source, pages=[Page(number=1, text="\n".join(texts), source=source, method="txt")])
    dossier.build_text()
    return dossier


def make_documents(docs: list[tuple[str, str, str | None]]) -> tuple[Dossier, list[Document]]:
    """docs: (type, body, ISO date); each body is prefixed by its title line, all on one page."""
    texts = [f"{t}\n{body}" for t, body, _ in docs]
    dossier = make_dossier(texts)
    documents, pos = [], 0
    for i, ((dtype, _, when), text) in enumerate(zip(docs, texts, strict=True), start=1):
        documents.append(Document(id=f"d{i}", type=dtype, title=dtype, start=pos, end=pos + len(text), text=text,
                                  pages=(1,), date=day(when), ref_date=day(when)))
        pos += len(text) + 1
    return dossier, documents


def make_case(
    docs: list[tuple[str, str, str | None]],
    events: list[dict[str, Any]] | None = None,
    citations: list[dict[str, Any]] | None = None,
    extract: tuple[str, ...] = (),
) -> Case:
    """A case over `docs`: parties, terms, guarantees and records as extraction reads them; events and citations
    as the test states them (none when not given), unless named in `extract` ("events", "citations")."""
    dossier, documents = make_documents(docs)
    case, _ = build_case(dossier, documents)
    update: dict[str, Any] = {}
    if "events" not in extract:
        built = []
        for ev in events or []:
            doc = case.document(ev.get("document_id"))
            evidence = (case.evidence(doc, 0, len(doc.title)),) if doc else ()
            built.append(Event(action=ev["action"], date=day(ev.get("date")), person=ev.get("person"),
                               document_id=ev.get("document_id"), evidence=evidence))
        update["events"] = tuple(built)
    if "citations" not in extract:
        cites = []
        for ci in citations or []:
            doc = case.document(ci.get("document_id", "d1"))
            quote = ci.get("quote", "")
            start = doc.text.find(quote) if doc and quote else 0
            cites.append(Citation(
                law=ci.get("law", "中华人民共和国刑事诉讼法"),
                article=ci["article"],
                paragraph=ci.get("paragraph"),
                document_id=doc.id if doc else None,
                version=ci.get("version", "2018"),
                status=ci["status"],
                quote=quote,
                start=max(start, 0),
                end=max(start, 0) + len(quote),
                note=ci.get("note"),
            ))
        update["citations"] = tuple(cites)
        update["decisions"] = tuple(x for d in documents for x in decisions_in(d, cites))
    return case.model_copy(update=update)
