"""笔录 (records of interrogation and inquiry): whom each records and which one it is, decided once.

The suspect a 讯问笔录 records is named by its header or signature line ("犯罪嫌疑人姓名：张某某", "被讯问人：张某某"),
else by its first suspect introduction, else it is the case's only suspect. "第N次" is read from the record's head.
"""

from __future__ import annotations

import functools
import re

from auditor.lexicon import load_yaml
from auditor.model import Document, PartyMention, Record
from auditor.text.numerals import cn_to_int

RECORD_SUFFIX = "笔录"
INTERROGATION = "讯问笔录"
_ORDINAL = re.compile(r"第\s*([0-9０-９一二三四五六七八九十]{1,3})\s*次")
_RECORDED = re.compile(r"(?:犯罪嫌疑人姓名|被讯问人(?:姓名)?)[ \t]*[:：][ \t]*([\u4e00-\u9fff×＊*ＸX·]{2,5})")
_SUSPECT_ROLES = frozenset({"犯罪嫌疑人", "被不起诉人", "被取保候审人", "被监视居住人", "被告人", "嫌疑人"})


@functools.cache
def _header_chars() -> int:
    return int(load_yaml("rights_notices.yaml")["header_chars"])


def record_ordinal(doc: Document) -> tuple[int, tuple[int, int]] | None:
    """The record's "第N次" number and its span, read from the record's head; None when not stated."""
    m = _ORDINAL.search(doc.text[: _header_chars()])
    if not m:
        return None
    raw = m.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    number = int(raw) if raw.isdigit() else cn_to_int(raw)
    return (number, (m.start(), m.end())) if number else None


def recorded_person(doc: Document, mentions: list[PartyMention], persons: list[str]) -> str | None:
    """The suspect a 讯问笔录 records: its header or signature line, its first suspect party, else the only one."""
    m = _RECORDED.search(doc.text)
    if m:
        return next((p for p in persons if p.startswith(m.group(1))), m.group(1))
    for mention in mentions:
        if mention.document_id == doc.id and mention.role in _SUSPECT_ROLES and mention.name:
            return next((p for p in persons if p.startswith(mention.name)), mention.name)
    return persons[0] if len(persons) == 1 else None


def records_in(doc: Document, mentions: list[PartyMention], persons: list[str]) -> list[Record]:
    if not doc.type.endswith(RECORD_SUFFIX):
        return []
    ordinal = record_ordinal(doc)
    person = recorded_person(doc, mentions, persons) if doc.type == INTERROGATION else None
    return [Record(document_id=doc.id, kind=doc.type, person=person, ordinal=ordinal[0] if ordinal else None,
                   ordinal_span=ordinal[1] if ordinal else None)]
