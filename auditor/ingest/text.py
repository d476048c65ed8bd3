"""Plain text / Markdown: decoding, front matter, and hard document breaks."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from auditor.ingest.normalize import page_mark_lines
from auditor.model import AuditError, Page
from auditor.model.errors import make_error

# design §2.1: a line of five or more "=" (or a form feed) separates documents.
_BREAK_LINE = re.compile(r"^[ \t\u3000]*={5,}[ \t\u3000]*$", re.MULTILINE)
_FRONT_KEY = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:(?:[ \t].*)?$")
_FRONT_MAX_LINES = 5


def decode_text(data: bytes) -> str | None:
    """UTF-8 (BOM allowed), UTF-16 with BOM, then GB18030; None when nothing fits without replacement."""
    text, replaced = decode_damaged(data)
    return text if not replaced else None


# A text with more replaced characters than this share is another kind of file (or another encoding), not a
# text with a few damaged bytes.
MAX_REPLACED_SHARE = 0.02


def decode_damaged(data: bytes) -> tuple[str | None, int]:
    """(text, characters replaced by U+FFFD). Each candidate encoding is tried strictly, then with replacement
    when few characters need it — so a UTF-8 file with one flipped byte stays UTF-8 instead of turning into
    GB18030 mojibake or being refused whole; (None, 0) for a binary file or an unknown encoding."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8-sig", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
            replaced = 0
        except UnicodeDecodeError:
            text = data.decode(encoding, errors="replace")
            replaced = text.count("\ufffd")
        if "\x00" in text:  # NUL never occurs in real text: this is a binary file named .txt
            continue
        if replaced <= MAX_REPLACED_SHARE * len(text):
            return text, replaced
    return None, 0


def strip_front_matter(text: str) -> str:
    """Drop leading `key: value` lines closed by `---` within the first five lines (dev corpus header)."""
    lines = text.split("\n", _FRONT_MAX_LINES)
    start = 1 if lines and lines[0].strip() == "---" else 0
    for i in range(start, min(len(lines), _FRONT_MAX_LINES)):
        line = lines[i].strip()
        if line == "---":
            if i > start:
                return "\n".join(lines[i + 1 :])
            return text
        if not _FRONT_KEY.match(line):
            return text
    return text


def split_documents(text: str) -> list[str]:
    """Split at `=====` lines and form feeds; the break itself is dropped, blank parts are skipped."""
    parts: list[str] = []
    for chunk in _BREAK_LINE.split(text):
        for part in chunk.split("\f"):
            part = part.strip("\n")
            if part.strip():
                parts.append(part)
    return parts


def load_text(path: Path, source: str, first_page: int) -> tuple[list[Page], list[AuditError]]:
    """One Page per document part; every page after the first follows a hard break."""
    decoded, replaced = decode_damaged(path.read_bytes())
    if decoded is None:
        return [], [make_error("E007", source=source)]
    errors = [make_error("E088", source=source, detail=f"{replaced} 处")] if replaced else []
    decoded = decoded.replace("\r\n", "\n").replace("\r", "\n")
    parts = split_documents(strip_front_matter(decoded))
    if not parts:
        return [], [*errors, make_error("E008", source=source)]
    pages = []
    for i, (text, removed) in enumerate(strip_printed_running_lines(parts)):
        page = Page(number=first_page + i, text=text, source=source, method="txt", quality=1.0, source_index=i)
        if removed:
            page.removed["running_line"] = removed
        pages.append(page)
    return pages, errors


MIN_RUNNING_REPEATS = 3


def _first_filled(lines: list[str], start: int, step: int) -> int | None:
    i = start
    while 0 <= i < len(lines):
        if lines[i].strip():
            return i
        i += step
    return None


def strip_printed_running_lines(parts: list[str]) -> list[tuple[str, int]]:
    """A text dump of printed pages keeps each page's running header or footer next to its page mark ("·2·",
    "- 3 -"): a line found at least three times in the file right after (header) or before (footer) a page mark,
    or as the first line of a part, is the printer's, not the document's ("某某人民检察院　　检察内卷" would read as
    a 卷宗封面 title on every page). Each part without those lines, and how many went. Files without page marks
    are left alone."""
    split = [part.split("\n") for part in parts]
    marks = [page_mark_lines(lines) for lines in split]
    if sum(len(m) for m in marks) < MIN_RUNNING_REPEATS - 1:
        return [(part, 0) for part in parts]
    places: list[list[int]] = []
    counts: dict[str, int] = {}
    for lines, part_marks in zip(split, marks, strict=True):
        found = [_first_filled(lines, 0, 1)] + [_first_filled(lines, m + 1, 1) for m in part_marks]
        found += [_first_filled(lines, m - 1, -1) for m in part_marks]
        here = sorted({i for i in found if i is not None and i not in part_marks})
        places.append(here)
        for i in here:
            counts[lines[i].strip()] = counts.get(lines[i].strip(), 0) + 1
    running = {line for line, n in counts.items() if n >= MIN_RUNNING_REPEATS}
    out = []
    for lines, here, part in zip(split, places, parts, strict=True):
        drop = {i for i in here if lines[i].strip() in running}
        out.append(("\n".join(x for i, x in enumerate(lines) if i not in drop), len(drop)) if drop else (part, 0))
    return out
