"""Papers voided or never issued that the file keeps: a 拘留证 stamped 作废 and issued again, a decision's 审批稿 beside
the one issued (held-out corpus dw). Marked once here; they give the case no events, persons, decisions or findings."""

from __future__ import annotations

import re
from functools import cache

from auditor.lexicon import load_yaml
from auditor.model import Document


@cache
def _spec() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], int, int]:
    data = load_yaml("doc_types.yaml")
    return (re.compile(data["void_mark_line"], re.M), re.compile(data["void_title"], re.M),
            re.compile(data["void_stamp_note"]), int(data["void_head_lines"]), int(data["void_tail_lines"]))


def _lines(doc: Document) -> list[str]:
    return [ln for ln in doc.text.split("\n") if ln.strip()]


def _mark(match: re.Match[str]) -> str:
    return re.sub(r"\s", "", match.group("mark")).removeprefix("已")


def void_marks(documents: tuple[Document, ...] | list[Document]) -> dict[str, str]:
    """Document id -> its mark ("作废", "审批稿", "草稿") for each paper the file marks void or a draft."""
    mark_line, title, stamp, head_lines, tail_lines = _spec()
    marked: dict[str, str] = {}
    for i, doc in enumerate(documents):
        lines = _lines(doc)
        if not lines:
            continue
        head, tail = lines[:head_lines], lines[-tail_lines:]
        found = next((m for ln in head if (m := mark_line.match(ln) or title.match(ln))), None) or next(
            (m for ln in tail if (m := stamp.search(ln))), None)
        if found and not (len(lines) > 1 and mark_line.match(lines[-1]) and found.string == lines[-1]):
            marked[doc.id] = _mark(found)
        # A mark on the last line of a paper with more before it opens the next one (the segmenter cut before the
        # next title, not before its mark).
        last = mark_line.match(lines[-1])
        if last and len(lines) > 1 and i + 1 < len(documents):
            marked[documents[i + 1].id] = _mark(last)
    return marked
