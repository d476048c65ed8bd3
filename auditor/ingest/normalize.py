"""Character-level normalisation of one page that keeps boxes aligned with characters.

Only 1:1 replacements and deletions are done here, so `boxes[i]` stays the box of `text[i]`.
Joining broken lines and removing page headers need a real offset map and happen later.
Chinese punctuation (，。：；（）《》〔〕) is deliberately left alone: rules quote it as written.
"""

from __future__ import annotations

import re
from operator import itemgetter

from auditor.model import BBox
from auditor.text.script import simplified
from auditor.text.spacing import spaced_out_gaps
from auditor.text.titles import match_title
from auditor.text.tokens import BARE_LABEL

# Full-width ASCII digits and letters -> half-width (U+FF10.. / U+FF21.. / U+FF41..).
_FULLWIDTH: dict[int, str] = {}
for _start, _ascii in (
    (0xFF10, "0123456789"),
    (0xFF21, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    (0xFF41, "abcdefghijklmnopqrstuvwxyz"),
):
    for _i, _ch in enumerate(_ascii):
        _FULLWIDTH[_start + _i] = _ch

# Spaces that only differ in width: one plain space keeps offsets and simplifies patterns.
_SPACES = {0x3000: " ", 0x09: " ", 0xA0: " "}

_TABLE: dict[int, str] = {**_FULLWIDTH, **_SPACES, 0x0D: "\n"}
_TRANSLATED = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_TABLE)) + "]")

# Invisible characters that carry no text (BOM in mid-file, zero-width space): dropped with their box.
_DELETE = frozenset("\ufeff\u200b")


def delete_spans(
    text: str, boxes: list[BBox | None] | None, spans: list[tuple[int, int]]
) -> tuple[str, list[BBox | None] | None]:
    """Delete the [start, end) `spans` (sorted, may overlap) from text and boxes alike, slice by slice."""
    kept: list[tuple[int, int]] = []
    pos = 0
    for a, b in spans:
        if a > pos:
            kept.append((pos, a))
        pos = max(pos, b)
    if pos < len(text):
        kept.append((pos, len(text)))
    out = "".join(text[a:b] for a, b in kept)
    if boxes is None or len(boxes) != len(text):
        return out, None
    new_boxes: list[BBox | None] = []
    for a, b in kept:
        new_boxes += boxes[a:b]
    return out, new_boxes


# A Greek or Cyrillic O (or a large circle) typed for 〇 beside Chinese numerals ("二Ο一七年四月二十五日", a published
# ruling, real round ax); alone or beside letters it stays (a transliterated name).
_CN_NUMERAL = "〇○零一二三四五六七八九十"
_ZERO_LOOKALIKE = re.compile(f"(?<=[{_CN_NUMERAL}])[ΟοОо◯](?=[ΟοОо◯{_CN_NUMERAL}年])|[ΟοОо◯](?=[{_CN_NUMERAL}])")

# "\r\n" -> "\n" deletes the "\r" (a lone "\r" becomes "\n" through the table); invisible characters
# that carry no text (BOM in mid-file, zero-width space) go with their box.
_DROP = re.compile("\r(?=\n)|[" + "".join(sorted(_DELETE)) + "]")


# A printed form filled in by hand: the value written on the blank line ("填发时间：＿2023＿年＿3＿月", "第＿六十七＿条",
# "保证人＿卢建平＿") reads as written once the line's underscores around it are spaces; a blank left blank ("＿＿＿＿")
# keeps them. Boxes stay as printed, ticked ("☑保证金", "√（一）") or not ("□指定的居所"): what reads a form weighs them.


def _filled_in(text: str) -> str:
    """Underscores wrapping a filled-in value as spaces (1:1: boxes stay aligned)."""
    def spaces(m: re.Match[str]) -> str:
        return " " * len(m.group(0))

    def filled(line: str) -> str:
        # only runs that touch a value: a run standing alone ("：＿＿＿＿＿；") is a blank left blank
        return re.sub(r"[＿_]+", lambda m: spaces(m) if _touches_value(line, m) else m.group(0), line)

    return "\n".join(filled(line) if "＿" in line or "_" in line else line for line in text.split("\n"))


_VALUE_CHAR = re.compile(r"[0-9\u4e00-\u9fff〇○]")


_CLOSED = re.compile(r"[0-9\u4e00-\u9fff〇○· .]{1,20}?[＿_]")  # a value, no punctuation, then the closing run
_OPENED = re.compile(r"[＿_][0-9\u4e00-\u9fff〇○· .]{1,20}$")


_VALUE_LINE_START = re.compile(r"[ \t]*[0-9\u4e00-\u9fff〇○·.]{1,12}")
_UNITS = frozenset("元年月日条款项号时分")
_LABEL_ENDS = frozenset("人金号码名额")  # "保证金＿元": a label, its amount left blank


def _touches_value(line: str, m: re.Match[str]) -> bool:
    """A run of underscores belongs to a filled-in value when a value character stands right after it and another run
    closes that value on the line ("＿2023＿"), or a run opened it right before ("＿卢建平＿")."""
    after = line[m.end() : m.end() + 1]
    before = line[m.start() - 1 : m.start()] if m.start() else ""
    closes = _CLOSED.match(line, m.end()) if after and _VALUE_CHAR.match(after) else None
    opens = _OPENED.search(line[: m.start()]) if before and _VALUE_CHAR.match(before) else None
    # a value wrapped from the line above, closed by a short run before its unit ("人民币＿\n伍佰＿元", ind_cp08)
    wrapped = len(m.group(0)) == 1 and _VALUE_LINE_START.fullmatch(line[: m.start()]) is not None \
        and line[m.end() : m.end() + 1] in _UNITS and line[m.start() - 1 : m.start()] not in _LABEL_ENDS
    return bool(closes or opens or wrapped)


def normalize_page(text: str, boxes: list[BBox | None] | None) -> tuple[str, list[BBox | None] | None]:
    """Return (text, boxes) normalised; `boxes` stays None when unknown, else one per character."""
    if boxes is not None and len(boxes) != len(text):
        boxes = None  # a misaligned box list is worse than none: callers trust boxes[i] <-> text[i]
    spans = [(m.start(), m.end()) for m in _DROP.finditer(text)]
    if spans:
        text, boxes = delete_spans(text, boxes, spans)
    # str.translate looks every character up in the table; most pages hold none of its characters.
    text = text.translate(_TABLE) if _TRANSLATED.search(text) else text
    text = simplified(text)  # "李國華" is 李国华 (1:1)
    if "＿" in text or "_" in text:
        text = _filled_in(text)
    if _ZERO_LOOKALIKE.search(text):
        text = _ZERO_LOOKALIKE.sub("〇", text)
    # A spaced-out line ("逮 捕 通 知 书", "2 0 2 2 年 5 月 2 0 日") reads as the words it spells: OCR and exports set
    # them so; the spaces go with their boxes.
    gaps = spaced_out_gaps(text)
    if gaps:
        text, boxes = delete_spans(text, boxes, gaps)
    return text, boxes


# A line that runs to the right margin was wrapped by the layout, not ended by the writer — unless
# it closes with sentence-final punctuation.
_SENTENCE_END = frozenset("。！？：；")
_SPACE = re.compile(r"\s")
_LEFT, _RIGHT = itemgetter(0), itemgetter(2)
WIDTH_SAMPLE = 3


_NUMERAL = "〇零一二三四五六七八九十百千两0-9０-９"
_NUMBER_END = re.compile(f"(?:第[{_NUMERAL}]*|[{_NUMERAL}])$")
_NUMBER_START = re.compile(f"[{_NUMERAL}]*[条款项年月日号]")
# Every line `_NUMBER_END` matches ends with one of these (the regex never matches otherwise).
_NUMBER_LAST = frozenset("第〇零一二三四五六七八九十百千两0123456789０１２３４５６７８９")


def join_wrapped_lines(text: str, boxes: list[BBox | None] | None) -> tuple[str, list[BBox | None] | None]:
    """Delete the line breaks that the page layout (not the author) put in, keeping boxes aligned.

    Needs character boxes: a line whose right edge reaches the text block's right margin (within
    two character widths) continues on the next line ("同日被\\n刑事拘留", "2016\\n年 9 月 21 日").
    """
    if boxes is None or len(boxes) != len(text) or "\n" not in text:
        return text, boxes
    rows = text.split("\n")
    lines: list[tuple[int, int]] = []  # [start, end) of each line, end = index of its "\n" or len
    start = 0
    for row in rows:
        lines.append((start, start + len(row)))
        start += len(row) + 1
    # Per-line loops are the cost here (pages have many short lines): each line makes a few C-level
    # calls, and the per-box arithmetic runs once per page on the sampled boxes.
    rights: list[float | None] = []
    lefts: list[float | None] = []
    sample: list[BBox] = []
    for a, b in lines:
        if _SPACE.search(text, a, b):
            line_boxes = [bx for i, bx in enumerate(boxes[a:b], a) if bx is not None and not text[i].isspace()]
        else:  # the usual line: no space to skip, only the boxes pdfium could not give
            line_boxes = list(filter(None, boxes[a:b]))  # a box is a non-empty tuple: only None is false
        if line_boxes:
            rights.append(max(map(_RIGHT, line_boxes)))
            lefts.append(min(map(_LEFT, line_boxes)))
            # The typical character width is a median: every third box estimates it as well as all do.
            sample += line_boxes[::WIDTH_SAMPLE]
        else:
            rights.append(None)
            lefts.append(None)
    widths = [bx[2] - bx[0] for bx in sample if bx[2] > bx[0]]
    known = [r for r in rights if r is not None]
    if len(known) < 2 or not widths:
        return text, boxes
    margin = max(known)
    left_margin = min(x for x in lefts if x is not None)
    char_width = sorted(widths)[len(widths) // 2]
    indent_limit = left_margin + 1.5 * char_width
    wrap_left_limit = left_margin + 3 * char_width
    wrap_right = margin - 2 * char_width
    drop: list[int] = []
    for k in range(len(rows) - 1):
        right = rights[k]
        if right is None:
            continue
        stripped = rows[k].rstrip()
        next_line = rows[k + 1]
        if not stripped or not next_line or next_line.isspace() or stripped[-1] in _SENTENCE_END:
            continue
        # A number cut in two ("第一\n百六十二条", "2016\n年") is always one token, wherever the line ends.
        # (The last-character test only spares the search on the many lines that cannot match.)
        if stripped[-1] in _NUMBER_LAST and _NUMBER_END.search(stripped) and _NUMBER_START.match(next_line.lstrip()):
            drop.append(lines[k][1])
            continue
        next_left = lefts[k + 1]
        # An indented or centred next line starts a paragraph or a title: not a continuation.
        if next_left is not None and next_left > indent_limit:
            continue
        # A centred line (a title over a page of short table rows can reach that page's margin) is not a
        # wrapped one: wrapped lines start at the left margin, or a paragraph indent of two characters.
        left = lefts[k]
        if right >= wrap_right and (left is None or left <= wrap_left_limit):
            drop.append(lines[k][1])
    if not drop:
        return text, boxes
    return delete_spans(text, boxes, [(i, i + 1) for i in drop])  # drop is in order, one per line


# Page counters and page marks a printer or scanner adds: "第3页 共12页", "第3页／共36页", "第 3 页", "—— 第 29 页 ——", "－1－", "- 2 -",
# "-- 2 --", "·2·", "3/12".
# OCR reads a page number's 1 as l or I, its 0 as O ("第l3页 共18页", ind_bi07): one of them beside a digit.
_PN = r"(?:\d[\dlIO]*|[lIO]\d[\dlIO]*)"
_PAGE_MARK = re.compile(
    rf"^[ \t\u3000]*(?:(?:[－\-—]{{1,4}}\s*)?(?:第\s*{_PN}\s*[页頁](?:\s*[,，/／]?\s*共\s*{_PN}\s*[页頁])?|共\s*{_PN}\s*[页頁]\s*第\s*{_PN}\s*[页頁])"
    r"(?:\s*[－\-—]{1,4})?|[－\-—]{1,2}\s*\d+\s*[－\-—]{1,2}|[·•]\s*\d+\s*[·•]|\d+\s*/\s*\d+)[ \t\u3000]*(?:\n|$)",
    re.MULTILINE,
)
# A rule a page dump draws at the page break, beside its page mark ("第13页 共18页" / "————————"): furniture too, or it
# would split a sentence ("《中华人民共和国刑事诉讼法" … "》第六十六条", ind_bi07). A rule elsewhere (a form's cut line
# between 存根 and 正本) is kept.
_RULE_LINE = r"[ \t\u3000]*[—－\-_=━─═~]{5,}[ \t\u3000]*"
_PAGE_RULE = re.compile(_RULE_LINE + r"(?:\n|$)")
# A case system's export marks each document's start and end ("[020] 文书名称：扣押决定书 文号：…" and a rule, "---- 第19份
# 文书结束 ----", ind_bg03): furniture like a page mark — left in, the next document's index line would be read as the
# end of this one (its 文号 naming another decision, ind_bg04).
_EXPORT_MARK = re.compile(
    r"^[ \t\u3000]*(?:\[\d{1,4}\][ \t\u3000]*文书名称[:：][^\n]*|[-—－=]{2,}[ \t\u3000]*第\d{1,4}份文书结束[ \t\u3000]*[-—－=]{2,})"
    r"[ \t\u3000]*(?:\n|$)",
    re.MULTILINE,
)
_BLANK_LINES = re.compile(r"(?:[ \t\u3000]*\n)*")
_LAST_RULE = re.compile(r"(?:^|(?<=\n))" + _RULE_LINE + r"\s*\Z")


def page_mark_lines(lines: list[str]) -> list[int]:
    """Indices of the lines that are only a page counter or page mark."""
    return [i for i, line in enumerate(lines) if _PAGE_MARK.fullmatch(line)]


def strip_page_marks(text: str, boxes: list[BBox | None] | None) -> tuple[str, list[BBox | None] | None]:
    """Delete whole lines that are only a page counter or page mark, keeping boxes aligned."""
    spans = []
    marks = sorted([*_PAGE_MARK.finditer(text), *_EXPORT_MARK.finditer(text)], key=lambda m: m.start())
    for m in marks:
        start, end = m.start(), m.end()
        after = _PAGE_RULE.match(text, _BLANK_LINES.match(text, end).end())
        if after is not None:
            end = after.end()
        before = text.rfind("\n", 0, max(0, start - 1)) + 1  # the line before the mark
        if start > 0 and _PAGE_RULE.fullmatch(text, before, start):
            start = before
        spans.append((start, end))
    # A rule opening or closing the page is its header's or footer's (the running line above it may be gone already).
    head = _PAGE_RULE.match(text, _BLANK_LINES.match(text).end())
    if head is not None:
        spans.insert(0, (head.start(), head.end()))
    tail = _LAST_RULE.search(text)
    if tail is not None:
        spans.append((tail.start(), len(text)))
    if not spans:
        return text, boxes
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:  # a rule between two marks belongs to both
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return delete_spans(text, boxes, merged)


# Where a long line is best cut: after a sentence end, else after a clause mark, else anywhere.
_SENTENCE_CUT = re.compile("[。！？；!?;]")
_CLAUSE_CUT = re.compile("[，、,：:）)」』”\\s]")


def split_long_lines(
    text: str, boxes: list[BBox | None] | None, limit: int
) -> tuple[str, list[BBox | None] | None, int]:
    """Break every line longer than `limit` characters into lines of at most `limit`, cutting after the last
    sentence end (else clause mark) in the second half of each piece; (text, boxes, breaks inserted).

    A 50 MB one-line text stays readable this way, and no later step scans one unbounded line per match.
    """
    if len(text) <= limit:
        return text, boxes, 0
    parts: list[str] = []
    new_boxes: list[BBox | None] | None = [] if boxes is not None and len(boxes) == len(text) else None
    cuts = 0
    pos = 0
    for m in re.finditer(f"[^\n]{{{limit + 1},}}", text):
        a, b = m.span()
        parts.append(text[pos:a])
        if new_boxes is not None:
            new_boxes += boxes[pos:a]  # type: ignore[index]
        while b - a > limit:
            end = a + limit
            lo = a + limit // 2
            cut = _last(_SENTENCE_CUT, text, lo, end) or _last(_CLAUSE_CUT, text, lo, end) or end
            parts.append(text[a:cut] + "\n")
            if new_boxes is not None:
                new_boxes += boxes[a:cut]  # type: ignore[index]
                new_boxes.append(None)
            cuts += 1
            a = cut
        pos = a
    parts.append(text[pos:])
    if new_boxes is not None:
        new_boxes += boxes[pos:]  # type: ignore[index]
    return "".join(parts), new_boxes, cuts


def _last(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int | None:
    """The offset just after the last match of `pattern` in text[lo:hi], if any."""
    found = None
    for m in pattern.finditer(text, lo, hi):
        found = m.end()
    return found


# A form's table read column by column (OCR, a text export): its labels, each alone on a line ("通知时间："), then its
# values in the same order ("电话通知", "2019年3月16日12时"). Paired back into "label：value" lines — only on pages
# without character boxes (TXT, DOCX: the stored text is the page), only when exactly as many short value lines
# follow as there are labels, and never taking a title, a page mark or another label for a value.
_MAX_VALUE = 40
MIN_LABELS = 2


def _not_a_heading(value: str) -> bool:
    """A title alone heads the next document; a title with its 文号 names the document a form delivered."""
    match = match_title(value)
    return match is None or bool(match.rest.strip())


_MAX_VALUE_GAPS = 2  # blank lines among a label block's values
_BARE_TIME_LABEL = re.compile(r"^[ \t\u3000]*[\u4e00-\u9fff]{2,8}(?:时间|日期)[ \t\u3000]*$")
_DATE_VALUE = re.compile(r"^[ \t\u3000]*(?:(?:19|20)[0-9]{2}|[〇○零一二]{1}[〇○零一二三四五六七八九]{3})[ \t\u3000]*年")


def unflatten_label_blocks(text: str) -> str:
    """`text` with each block of bare labels followed by as many values turned into "label：value" lines."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and BARE_LABEL.match(lines[j]):
            j += 1
        # A form's time fields may lose their colons too ("到案时间\n离开时间\n2022年3月8日9时10分\n…"): labels ending in
        # 时间 / 日期, whose values must then be dates.
        timed = j == i
        if timed:
            while j < len(lines) and _BARE_TIME_LABEL.match(lines[j]):
                j += 1
        n = j - i
        # The values may stand apart by a blank line ("到案时间\n离开时间\n…9时10分\n\n…22时40分", ind_bi02).
        value_at: list[int] = []
        k = j
        while n and len(value_at) < n and k < len(lines) and k - j - len(value_at) <= _MAX_VALUE_GAPS:
            if lines[k].strip():
                value_at.append(k)
            k += 1
        values = [lines[k] for k in value_at]
        if (n >= MIN_LABELS and len(values) == n
                and all(v.strip() and len(v.strip()) <= _MAX_VALUE and not BARE_LABEL.match(v)
                        and not _PAGE_MARK.fullmatch(v) and _not_a_heading(v) for v in values)
                and (not timed or all(_DATE_VALUE.match(v) for v in values))):
            out += [label.rstrip() + ("：" if timed else "") + value.strip()
                    for label, value in zip(lines[i:j], values, strict=True)]
            i = value_at[-1] + 1
            continue
        out += lines[i : max(j, i + 1)]
        i = max(j, i + 1)
    return "\n".join(out)
