"""Plain text / Markdown: decoding, front matter, and hard document breaks."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from auditor.ingest.headers import content_line
from auditor.ingest.normalize import page_mark_lines
from auditor.ingest.tables import block_row_lines, table_lines
from auditor.model import AuditError, Page
from auditor.model.errors import make_error
from auditor.text.titles import is_form_part

# design §2.1: a line of five or more "=" (or a form feed) separates documents. A Chinese input method types the
# full-width "＝" (a file typed by hand draws its separator with it), which separates as well.
# (A rule of dashes is no break: it underlines a page's running header as often as it separates documents.)
_BREAK_LINE = re.compile(r"^[ \t\u3000]*(?:={5,}|＝{5,})[ \t\u3000]*$", re.MULTILINE)
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


# A table drawn with characters, as some case systems export text ("+------+------+" borders, "| 序号 | 文书名称 |"
# rows; a Markdown table's "|---|---|"): its rows become lines like a DOCX table's (auditor/ingest/tables.py).
_TABLE_BORDER = re.compile(r"^[ \t\u3000]*[+|]?[ \t\u3000]*:?-{3,}:?[ \t\u3000]*(?:[+|][ \t\u3000]*:?-{3,}:?[ \t\u3000]*)*[+|]?[ \t\u3000]*$")
_TABLE_ROW = re.compile(r"^[ \t\u3000]*\|(.*)\|[ \t\u3000]*$")
# A table typed without its outer bars ("送达文书 | 不予立案通知书（…）" / "受送达人 | 梁某某"): cells apart by a bar with
# spaces around it, on two lines or more in a row (ind_aj03).
_BARE_ROW = re.compile(r"^[ \t\u3000]*[^|\s][^|\n]*?(?:[ \t\u3000]\|[ \t\u3000][^|\n]*)+$")
# Tables drawn with the Unicode box characters ("┌────", "│ 受送达人 │ 送达文书 │ …", "└────"): a row's closing bar may be
# missing where the export cut the line.
_BOX_VERTICAL = "│┃║｜"  # ｜: the full-width bar a Chinese input method types for a table (ind_x10)
_BOX_BORDER = re.compile(r"^[ \t\u3000]*[─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬┏┓┗┛┣┫┳┻╋│┃║]{3,}[ \t\u3000]*$")
_BOX_ROW = re.compile(rf"^[ \t\u3000]*[{_BOX_VERTICAL}](.*?)[{_BOX_VERTICAL}]?[ \t\u3000]*$")


def _unbox_unicode(text: str) -> str:
    """Unicode box tables as | tables: borders become +---+ lines, rows get both bars."""
    out = []
    for line in text.split("\n"):
        if _BOX_BORDER.match(line):
            out.append("+---+")
            continue
        row = _BOX_ROW.match(line)
        cells = row.group(1) if row else ""
        if row and any(ch in cells for ch in _BOX_VERTICAL):
            out.append("|" + "".join("|" if ch in _BOX_VERTICAL else ch for ch in cells) + "|")
        else:
            out.append(line)
    return "\n".join(out)


# A bordered grid (ind_bm03, ind_bm07): a top border of box characters or of "+---+", then rows of cells between bars,
# each logical row closed by a border line ("├───┼───┤", "|-------|", "+---+---+"). A cell's text may wrap over several
# lines of its row, and a row may hold two forms side by side (a 存根 beside its 正本): such a row is read cell by cell,
# each cell's lines in order, a line that runs to the cell's edge joined to the next.
_GRID_TOP = re.compile(r"^[ \t\u3000]*(?:[┌┏╔][─━═┬┳╦]{3,}|\+-{3,}[-+]*)[┐┓╗+]?[ \t\u3000]*$")
_GRID_BAR = "│┃║|"
_GRID_ROW = re.compile(r"^[ \t\u3000]*[│┃║|](.*?)[│┃║|][ \t\u3000]*$")
# A fragment that starts a field of its own ("批准人：邱国华") after a full one starts a new line of the cell.
_FIELD_START = re.compile(r"^[\u4e00-\u9fff（）()、/]{1,12}[:：]")
_FULL_SLACK = 2  # columns left free at a cell's edge by a line that wrapped (a wide character did not fit)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _full(raw: str) -> bool:
    """Does a cell's line run to the cell's edge (so it wrapped)?"""
    return bool(raw.strip()) and _width(raw) - _width(raw.rstrip()) <= _FULL_SLACK


def _grid_rows(lines: list[str]) -> list[list[list[str]]] | None:
    """The rows of one logical row of a grid: its lines as rows of cells, or — where its lines continue one another
    (a text box's line wrapped at its edge, a line whose first cell is blank, a 存根 beside its 正本) — one row of
    cells, each cell's lines (a wrapped line joined to the next). None when its lines split into unlike cells."""
    split = []
    for line in lines:
        m = _GRID_ROW.match(line)
        if m is None:
            return None
        split.append(re.split(f"[{re.escape(_GRID_BAR)}]", m.group(1)))
    if len({len(cells) for cells in split}) != 1:
        return None
    columns = list(zip(*split, strict=True))
    if len(columns) == 1:  # a text box: a line running to its edge wrapped, unless every line does (a list)
        col = columns[0]
        stacked = not all(_full(x) for x in col) and any(_full(col[i]) and col[i + 1].strip()
                                                         for i in range(len(col) - 1))
    else:  # a line whose first cell is blank continues the one above; a form part heads a column of its own
        stacked = any(is_form_part(col[0]) for col in columns) or any(
            not row[0].strip() and any(c.strip() for c in row[1:]) for row in split[1:])
    if len(split) > 1 and not stacked:
        return [[[x.strip()] if x.strip() else [] for x in row] for row in split]  # a list without rules between rows
    cells: list[list[str]] = []
    for col in columns:
        lines: list[str] = []
        for i, raw in enumerate(col):
            content = raw.strip()
            if not content:
                continue
            if lines and _full(col[i - 1]) and not _FIELD_START.match(content):
                lines[-1] += content  # the line above wrapped at the cell's edge
            else:
                lines.append(content)
        cells.append(lines)
    return [cells]


def _grid_row_lines(cells: list[list[str]]) -> list[str]:
    """A row as lines: a row of one-line cells as a | row (read with its table by `table_lines`); else cell by cell
    (`block_row_lines`)."""
    if all(len(c) <= 1 for c in cells):
        texts = [c[0] if c else "" for c in cells]
        return ["|" + "|".join(texts) + "|"] if len(texts) > 1 else [t for t in texts if t]
    return block_row_lines(cells)


def _read_grids(text: str) -> str:
    """Bordered grids (see `_GRID_TOP`) read row by row; every other line kept."""
    out: list[str] = []
    row: list[str] = []
    in_grid = False

    def close_row() -> None:
        if row:
            rows = _grid_rows(row)
            out.extend([line for cells in rows for line in _grid_row_lines(cells)] if rows is not None else row)
            if out and out[-1].startswith("|"):
                out.append("+---+")  # rows stay apart for the table reader, which drops this border
            row.clear()

    for line in text.split("\n"):
        rule = _BOX_BORDER.match(line) or _TABLE_BORDER.match(line)  # a border line of either kind of grid
        if in_grid and _GRID_ROW.match(line) and not rule:
            row.append(line)
            continue
        if _GRID_TOP.match(line) or (in_grid and rule):
            close_row()
            in_grid = True
            continue
        close_row()
        in_grid = False
        out.append(line)
    close_row()
    return "\n".join(out)


def unbox_tables(text: str) -> str:
    """The text with its character-drawn tables read as rows of cells (border lines dropped)."""
    if "+---" in text or "┌" in text or "┏" in text or "╔" in text:
        text = _read_grids(text)
    if any(ch in text for ch in _BOX_VERTICAL):
        text = _unbox_unicode(text)
    if "|" not in text:
        return text
    out: list[str] = []
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            out.extend(table_lines(rows))
            rows.clear()

    lines = text.split("\n")
    bare = [bool(_BARE_ROW.match(line)) for line in lines]
    for k, line in enumerate(lines):
        row = _TABLE_ROW.match(line)
        if _TABLE_BORDER.match(line) and (rows or "+" in line or "|" in line):
            continue  # a border, or a Markdown table's |---|---| under its heads
        if row and row.group(1).count("|") >= 1:
            rows.append([cell.strip() for cell in row.group(1).split("|")])
        elif bare[k] and (rows or k + 1 < len(lines) and bare[k + 1]):
            rows.append([cell.strip() for cell in line.split("|")])
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


# A document copied out of a web page or a Markdown file: a line set in bold ("**起 诉 书**") and escaped masking
# ("1989年\*\*月"). Masking itself ("1963年**月**日") is never a whole line in bold, so it stays.
_BOLD_LINE = re.compile(r"^([ \t\u3000]*)\*\*([^*\n]+)\*\*[ \t\u3000]*$", re.M)


def unmark_markdown(text: str) -> str:
    """The text without Markdown's bold marks around whole lines and its backslash escapes of *."""
    if "**" in text:
        text = _BOLD_LINE.sub(r"\1\2", text)
    return text.replace("\\*", "*") if "\\*" in text else text


def split_parts(text: str) -> list[tuple[str, bool]]:
    """(part, starts a document) at `=====` lines (a document break, design §2.1) and form feeds (a page break, as
    pdftotext writes one at the end of every page: the document may go on); breaks dropped, blank parts skipped."""
    parts: list[tuple[str, bool]] = []
    for chunk in _BREAK_LINE.split(text):
        first = True
        for part in chunk.split("\f"):
            part = part.strip("\n")
            if part.strip():
                parts.append((part, first))
                first = False
    return parts


def split_documents(text: str) -> list[str]:
    """The parts of `split_parts`, without their kind."""
    return [part for part, _ in split_parts(text)]


# A TXT part after a form feed: a new page of the text, not necessarily a new document.
PAGE_AFTER_FEED = "txt-page"


def load_text(path: Path, source: str, first_page: int) -> tuple[list[Page], list[AuditError]]:
    """One Page per document part; every page after the first follows a hard break."""
    decoded, replaced = decode_damaged(path.read_bytes())
    if decoded is None:
        return [], [make_error("E007", source=source)]
    errors = [make_error("E088", source=source, detail=f"{replaced} 处")] if replaced else []
    decoded = unbox_tables(unmark_markdown(decoded.replace("\r\n", "\n").replace("\r", "\n")))
    split = split_parts(strip_front_matter(decoded))
    if not split:
        return [], [*errors, make_error("E008", source=source)]
    parts = [part for part, _ in split]
    width = hard_wrap_width(decoded)
    pages = []
    for i, ((text, removed), (_, starts)) in enumerate(zip(strip_printed_running_lines(parts), split, strict=True)):
        text = join_hard_wraps(text, width)
        method = "txt" if starts else PAGE_AFTER_FEED
        page = Page(number=first_page + i, text=text, source=source, method=method, quality=1.0, source_index=i)
        if removed:
            page.removed["running_line"] = removed
        pages.append(page)
    return pages, errors


# Text copied out of a PDF viewer keeps the page's line breaks: every visual line ends in a break, wherever the
# layout cut it ("…于二〇二三年\n五月十日", "2\n023年", "王建\n军"). Such a file is recognised by its lines as a
# whole: a third of them run to about one width (the margin), and nearly all of those end mid-sentence. Texts
# written a paragraph to a line (every other corpus and template seen) stay far from these figures.
_WRAP_END_OK = frozenset("。！？；：:;!?")
_WRAP_LONG_SHARE = 0.75  # a line at least this share of the usual full width reached the right margin
_WRAP_MAX_WIDTH = 60  # a longer usual line is a paragraph written as a line, not a page's layout
_WRAP_MIN_LINES = 30
_WRAP_MIN_LONG = 0.28  # share of all lines that reach the margin
_WRAP_MIN_OPEN = 0.85  # share of those that end mid-sentence
_INDENT = re.compile(r"^[ \t\u3000]")
_ALIGNED = re.compile(r"^[ \t\u3000]{4,}")  # a centred title or a right-aligned date / signature
_FIELD_START = re.compile(r"^[\u4e00-\u9fff]{1,8}[：:]")
# A row or item of its own: "3  询问笔录…" (a 卷内目录 row), "（二）…", "2、…".
_ITEM_START = re.compile(r"^(?:\d{1,3}[ \t\u3000]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．])")


def hard_wrap_width(text: str) -> int | None:
    """The width the file's lines were cut at when it is a copied page layout, else None."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < _WRAP_MIN_LINES:
        return None
    lengths = sorted(len(line) for line in lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > _WRAP_MAX_WIDTH:
        return None
    long_lines = [line for line in lines if len(line) >= _WRAP_LONG_SHARE * width]
    open_lines = sum(1 for line in long_lines if line[-1] not in _WRAP_END_OK)
    if len(long_lines) < _WRAP_MIN_LONG * len(lines) or open_lines < _WRAP_MIN_OPEN * len(long_lines):
        return None
    return width


def join_hard_wraps(text: str, width: int | None) -> str:
    """`text` with the line breaks of a copied page layout removed, for a file cut at `width` (None: unchanged).

    A line is continued by the next when it reached the margin, does not end a sentence and is not centred or
    right-aligned, and the next line does not start a paragraph (indented), a field ("地点：…", "问：…"), a row or
    item ("3  询问笔录…", "（二）"), or stand empty."""
    if width is None:
        return text
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1].rstrip()
        if (len(prev.strip()) >= _WRAP_LONG_SHARE * width and prev[-1] not in _WRAP_END_OK and not _ALIGNED.match(prev)
                and line.strip() and not _INDENT.match(line) and not _FIELD_START.match(line)
                and not _ITEM_START.match(line)):
            out[-1] = prev + line
        else:
            out.append(line)
    return "\n".join(out)


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
    # A signature date repeats before the page marks of documents signed on one day: content, never furniture.
    running = {line for line, n in counts.items() if n >= MIN_RUNNING_REPEATS and not content_line(line)}
    out = []
    for lines, here, part in zip(split, places, parts, strict=True):
        drop = {i for i in here if lines[i].strip() in running}
        out.append(("\n".join(x for i, x in enumerate(lines) if i not in drop), len(drop)) if drop else (part, 0))
    return out
