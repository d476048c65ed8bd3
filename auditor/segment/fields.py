"""Header and signature fields of one document: 文号, issuing organ, signature date."""

from __future__ import annotations

import re

from auditor.nlp.dates import find_dates
from auditor.segment.titles import ORGAN_SUFFIX, SPACE_RE

# 文号 / 案号 forms: 临公（刑）拘字〔2023〕15号, 左检刑诉〔2025〕54号, 甘公刑诉字[2016]001号, (2019)粤0000刑初00号.
NUMBER_RE = re.compile(
    r"[（(]\s*\d{4}\s*[)）][\u4e00-\u9fff\d]{1,16}?[0-9０-９]+\s*号"
    r"|[\u4e00-\u9fff（）()]{1,16}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\s*[0-9０-９]+\s*号"
)
ORGAN_IN_TEXT_RE = re.compile(rf"[\u4e00-\u9fff]{{2,24}}?{ORGAN_SUFFIX}")
# Record types are dated by their opening 时间 line, not by a signature at the end.
DATED_AT_TOP = {"讯问笔录", "询问笔录", "搜查笔录", "扣押笔录", "辨认笔录", "宣布笔录"}
HEADER_LINES = 6
SIGNATURE_LINES = 10


def find_number(body: str) -> str | None:
    head = "\n".join(body.split("\n")[:HEADER_LINES])
    m = NUMBER_RE.search(head)
    return SPACE_RE.sub("", m.group(0)) if m else None


def find_organ(body: str) -> str | None:
    """The organ named in the signature block (last lines), else in the header."""
    lines = [SPACE_RE.sub("", line) for line in body.split("\n") if line.strip()]
    for line in reversed(lines[-SIGNATURE_LINES:]):
        m = ORGAN_IN_TEXT_RE.fullmatch(line) or ORGAN_IN_TEXT_RE.fullmatch(re.sub(r"[（(]印[）)]$", "", line))
        if m:
            return m.group(0)
    for line in lines[:HEADER_LINES]:
        m = ORGAN_IN_TEXT_RE.match(line)
        if m and len(line) <= 30:
            return m.group(0)
    return None


def find_ref_date(body: str, signature_date: str | None, number: str | None) -> str | None:
    """Signature date, else the latest of: the dates the text mentions, 1 January of the 文号 year."""
    if signature_date:
        return signature_date
    candidates = [m.iso for m in find_dates(body) if m.iso]
    year = re.search(r"[〔\[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]", number or "")
    if year:
        candidates.append(f"{year.group(1)}-01-01")
    return max(candidates) if candidates else None


def find_date(body: str, doc_type: str) -> str | None:
    """Signature date: the last line that is essentially a date; records use their first date."""
    mentions = find_dates(body)
    full = [m for m in mentions if m.iso]
    if not full:
        return None
    if doc_type in DATED_AT_TOP:
        return full[0].iso
    for m in reversed(full):
        line_start = body.rfind("\n", 0, m.start) + 1
        line_end = body.find("\n", m.end)
        line = SPACE_RE.sub("", body[line_start : line_end if line_end >= 0 else len(body)])
        if len(SPACE_RE.sub("", m.text)) >= 0.7 * len(line):
            return m.iso
    return None
