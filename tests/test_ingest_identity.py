"""The fast ingest paths give exactly what the plain per-character definitions give.

Ingest speed (bench/run.py) comes from C-level shortcuts: line measurements over box slices, a
translate skipped when nothing needs translating, header keys made only for edge lines. Each is
checked here against the straightforward version it replaced, on generated pages.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.ingest import headers
from auditor.ingest.normalize import _TABLE, delete_spans, join_wrapped_lines, normalize_page
from auditor.model import BBox
from auditor.text.spacing import close_up, spaced_out_gaps
from auditor.text.titles import SPACE_RE

_NUMERAL = "〇零一二三四五六七八九十百千两0-9０-９"
_NUMBER_END = re.compile(f"(?:第[{_NUMERAL}]*|[{_NUMERAL}])$")
_NUMBER_START = re.compile(f"[{_NUMERAL}]*[条款项年月日号]")


def _join_reference(text: str, boxes: list[BBox | None] | None) -> tuple[str, list[BBox | None] | None]:
    """join_wrapped_lines as first written: every box of every line looked at in Python."""
    if boxes is None or len(boxes) != len(text) or "\n" not in text:
        return text, boxes
    lines, start = [], 0
    for line in text.split("\n"):
        lines.append((start, start + len(line)))
        start += len(line) + 1
    rights: list[float | None] = []
    lefts: list[float | None] = []
    widths: list[float] = []
    for a, b in lines:
        line_boxes = [bx for i, bx in enumerate(boxes[a:b], a) if bx is not None and not text[i].isspace()]
        rights.append(max(bx[2] for bx in line_boxes) if line_boxes else None)
        lefts.append(min(bx[0] for bx in line_boxes) if line_boxes else None)
        widths += [bx[2] - bx[0] for bx in line_boxes[::3] if bx[2] > bx[0]]
    known = [r for r in rights if r is not None]
    if len(known) < 2 or not widths:
        return text, boxes
    margin, left_margin = max(known), min(x for x in lefts if x is not None)
    char_width = sorted(widths)[len(widths) // 2]
    drop = []
    for k, (a, b) in enumerate(lines[:-1]):
        right, stripped = rights[k], text[a:b].rstrip()
        next_line = text[lines[k + 1][0] : lines[k + 1][1]]
        if right is None or not stripped or not next_line.strip() or stripped[-1] in "。！？：；":
            continue
        if _NUMBER_END.search(stripped) and _NUMBER_START.match(next_line.lstrip()):
            drop.append(b)
            continue
        next_left, left = lefts[k + 1], lefts[k]
        if next_left is not None and next_left > left_margin + 1.5 * char_width:
            continue
        if right >= margin - 2 * char_width and (left is None or left <= left_margin + 3 * char_width):
            drop.append(b)
    return delete_spans(text, boxes, [(i, i + 1) for i in drop]) if drop else (text, boxes)


_CHARS = list("同日被刑事拘留第一百六十二条年月日号2016０９ \n\t。：，\u3000\r\ufeff")
_LEFTS = [72.0, 72.5, 100.0, 300.0, 500.0, 520.0, 540.0]
_WIDTHS = [14.0, 0.0, 12.0, -1.0, 14.5]


@st.composite
def _pages(draw: st.DrawFn) -> tuple[str, list[BBox | None]]:
    """Text of wrapped and unwrapped lines with boxes at a few margins, some missing or zero-width."""
    text = "".join(draw(st.lists(st.sampled_from(_CHARS), max_size=160)))
    boxes: list[BBox | None] = []
    for _ in text:
        if draw(st.integers(0, 9)) == 0:
            boxes.append(None)
        else:
            x0 = draw(st.sampled_from(_LEFTS))
            boxes.append((x0, 10.0, x0 + draw(st.sampled_from(_WIDTHS)), 24.0))
    return text, boxes


@settings(max_examples=400)
@given(_pages())
def test_join_wrapped_lines_equals_reference(page: tuple[str, list[BBox | None]]) -> None:
    text, boxes = normalize_page(*page)
    assert join_wrapped_lines(text, boxes) == _join_reference(text, boxes)


@pytest.mark.parametrize(
    "lines",
    [
        ["同日被刑事拘留犯罪嫌", "疑人张某某于次日被送", "看守所。", "  另查明"],
        ["依照刑事诉讼法第一", "百六十二条之规定"],
        ["于2016", "年9月21日"],
        ["  标题居中", "正文一二三四五六七八", "九十。"],
    ],
)
def test_join_wrapped_lines_equals_reference_on_grids(lines: list[str]) -> None:
    boxes: list[BBox | None] = []
    for row, line in enumerate(lines):
        boxes += [None if ch == " " else (float(col), row * 2.0, col + 1.0, row * 2.0 + 1) for col, ch in enumerate(line)]
        boxes.append(None)
    text = "\n".join(lines)
    assert join_wrapped_lines(text, boxes[:-1]) == _join_reference(text, boxes[:-1])


@given(_pages())
def test_normalize_page_equals_translating_every_page(page: tuple[str, list[BBox | None]]) -> None:
    text, boxes = page
    spans = [(m.start(), m.end()) for m in re.finditer("\r(?=\n)|[\ufeff\u200b]", text)]
    kept_text, kept_boxes = delete_spans(text, boxes, spans)
    translated = kept_text.translate(_TABLE)
    # then the spaces inside spaced-out words ("同 同 同") go, each with its box
    closed_text, closed_boxes = delete_spans(translated, kept_boxes, spaced_out_gaps(translated))
    assert normalize_page(text, boxes) == (closed_text, closed_boxes)
    assert closed_text == "\n".join(close_up(line) for line in translated.split("\n"))


@given(st.lists(st.text(alphabet=st.sampled_from(list("案卷 \u3000\t\n第3页某市公安局")), max_size=30), max_size=6))
def test_header_lines_are_the_non_blank_lines(texts: list[str]) -> None:
    for text in texts:
        pos, expected = 0, []
        for raw in text.split("\n"):
            if SPACE_RE.sub("", raw):
                expected.append((pos, pos + len(raw)))
            pos += len(raw) + 1
        assert headers._lines(text) == expected
