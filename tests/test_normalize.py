"""Page normalisation that deletes characters keeps every remaining character's box."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.ingest.normalize import (
    delete_spans,
    join_wrapped_lines,
    normalize_page,
    strip_page_marks,
    unflatten_label_blocks,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("公开开\n－1－\n支持公诉", "公开开\n支持公诉"),
        ("正文\n第 3 页 共 12 页\n下一页", "正文\n下一页"),
        ("正文\n第3页，共12页", "正文\n"),
        ("正文\n- 2 -\n续", "正文\n续"),
        ("正文\n-- 2 --\n续", "正文\n续"),  # regression (round g): a text dump's double-dash page marks
        ("正文\n3/12\n续", "正文\n续"),
        ("正文\n—— 第 29 页 ——\n续", "正文\n续"),  # regression (ind_x10): a page counter between dashes
        ("正文\n—— 第29页共37页 ——\n续", "正文\n续"),
        # regression (corpus ab, ind_ab07): an e-卷宗's footer, full-width slash, indented with ideographic spaces
        ("正文\n\u3000\u3000\u3000第9页／共36页\n续", "正文\n续"),
        # regression (ind_bi07): an OCR'd page counter ("l" for 1) and the rule the page dump draws beside it, inside a
        # sentence; a form's cut line elsewhere is kept
        ("根据《刑事诉讼法\n\n第l3页 共18页\n————————————————————\n》第六十六条", "根据《刑事诉讼法\n\n》第六十六条"),
        ("正文\n————————\n第 3 页\n续", "正文\n续"),
        ("存根\n----------剪切线----------\n正本", "存根\n----------剪切线----------\n正本"),
        ("————————————\n》第六十六条之规定", "》第六十六条之规定"),  # a page's header rule, its running line gone (ind_bi07)
        ("正文\n——————————\n", "正文\n"),  # a page's footer rule
        # regression (ind_bg03, ind_bg04): a case system's export marks around each document
        ("许丽 2022年9月13日\n---- 第19份文书结束 ----\n\n[020] 文书名称：扣押决定书 文号：宁公河（刑）扣字〔2022〕0766号\n"
         "----------------------------------------\n扣押决定书", "许丽 2022年9月13日\n\n扣押决定书"),
        ("送达文书名称：不起诉决定书\n文书名称：不起诉决定书  文号：柳城检刑不诉〔2022〕58号",
         "送达文书名称：不起诉决定书\n文书名称：不起诉决定书  文号：柳城检刑不诉〔2022〕58号"),  # a form's own fields stay
        ("第3页的内容不删", "第3页的内容不删"),
        ("于第3页载明", "于第3页载明"),
        ("2023/3/5 立案", "2023/3/5 立案"),
    ],
)
def test_strip_page_marks(text: str, expected: str) -> None:
    assert strip_page_marks(text, None)[0] == expected


def _boxes(text: str) -> list[tuple[float, float, float, float] | None]:
    return [None if ch == "\n" else (float(i), 0.0, float(i) + 1, 1.0) for i, ch in enumerate(text)]


@given(st.text(alphabet=st.sampled_from(list("第页共12－-/ \n案卷正文")), max_size=80))
def test_strip_page_marks_keeps_boxes_aligned(text: str) -> None:
    boxes = _boxes(text)
    out, out_boxes = strip_page_marks(text, boxes)
    assert out_boxes is not None and len(out) == len(out_boxes)
    # every kept character still has the box it had in the input
    for ch, box in zip(out, out_boxes, strict=True):
        if box is not None:
            assert text[int(box[0])] == ch


def test_join_wrapped_lines_joins_only_full_lines() -> None:
    # two lines reaching the right margin (x up to 10) then a short closing line and an indented paragraph
    lines = ["同日被刑事拘留犯罪嫌", "疑人张某某于次日被送", "看守所。", "  另查明"]
    text = "\n".join(lines)
    boxes: list[tuple[float, float, float, float] | None] = []
    for row, line in enumerate(lines):
        for col, ch in enumerate(line):
            boxes.append(None if ch == " " else (float(col), row * 2.0, col + 1.0, row * 2.0 + 1))
        boxes.append(None)
    boxes = boxes[:-1]
    out, out_boxes = join_wrapped_lines(text, boxes)
    assert out == "同日被刑事拘留犯罪嫌疑人张某某于次日被送看守所。\n  另查明"
    assert out_boxes is not None and len(out_boxes) == len(out)


@given(
    st.text(alphabet=st.sampled_from(list("案卷 \n\r")), max_size=40),
    st.lists(st.tuples(st.integers(0, 45), st.integers(0, 10)), max_size=6),
)
def test_delete_spans_matches_per_character_deletion(text: str, raw_spans: list[tuple[int, int]]) -> None:
    spans = sorted((a, a + n) for a, n in raw_spans)
    boxes = _boxes(text)
    out, out_boxes = delete_spans(text, boxes, spans)
    keep = [i for i in range(len(text)) if not any(a <= i < b for a, b in spans)]
    assert out == "".join(text[i] for i in keep)
    assert out_boxes == [boxes[i] for i in keep]
    assert delete_spans(text, None, spans) == (out, None)


def _grid(lines: list[str]) -> tuple[str, list[tuple[float, float, float, float] | None]]:
    boxes: list[tuple[float, float, float, float] | None] = []
    for row, line in enumerate(lines):
        boxes += [None if ch == " " else (float(col), row * 2.0, col + 1.0, row * 2.0 + 1) for col, ch in enumerate(line)]
        boxes.append(None)
    return "\n".join(lines), boxes[:-1]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # regression (scans): a citation cut inside its numeral on a line that stops short of the margin
        (["依照《刑事诉讼法》第一", "百六十二条之规定，现将此案移送审查起诉。", "此致"],
         "依照《刑事诉讼法》第一百六十二条之规定，现将此案移送审查起诉。\n此致"),
        (["根据刑法第三", "十七条的规定，不需要判处刑罚。"], "根据刑法第三十七条的规定，不需要判处刑罚。"),
        (["于2016", "年9月21日被刑事拘留。"], "于2016年9月21日被刑事拘留。"),
        (["根据第", "八十五条之规定。"], "根据第八十五条之规定。"),
        # a number at the end of a short line before a list row is not one token
        (["序号 1", "2 立案决定书"], "序号 1\n2 立案决定书"),
    ],
)
def test_join_wrapped_lines_joins_numbers_cut_in_two(lines: list[str], expected: str) -> None:
    text, boxes = _grid(lines)
    out, out_boxes = join_wrapped_lines(text, boxes)
    assert out == expected
    assert out_boxes is not None and len(out_boxes) == len(out)


def test_centred_title_over_short_rows_is_not_joined() -> None:
    # regression: on a page of short table rows a centred title reached the page's margin and was glued to
    # the header row below it ("扣押清单编号 名称 数量 特征")
    lines = ["          扣押清单", "编号 名称 数量 特征", "1 银行卡一张 1 已使用"]
    text, boxes = _grid(lines)
    assert join_wrapped_lines(text, boxes)[0] == "\n".join(lines)


@pytest.mark.parametrize(("text", "expected"), [
    # regression (round i): a 送达回证 read column by column: its labels, then its values in order
    ("送达回证\n送达文书名称及文号：\n受送达人：\n送达日期：\n不起诉决定书 武检刑不诉〔2022〕21号\n邓凯\n2022年3月31日\n尾",
     "送达回证\n送达文书名称及文号：不起诉决定书 武检刑不诉〔2022〕21号\n受送达人：邓凯\n送达日期：2022年3月31日\n尾"),
    ("通知方式：\n通知时间：\n电话通知\n2019年3月16日12时\n", "通知方式：电话通知\n通知时间：2019年3月16日12时\n"),
    # kept: fewer values than labels, a title where a value would be, a single label
    ("受送达人：\n送达日期：\n邓凯", "受送达人：\n送达日期：\n邓凯"),
    ("受送达人：\n送达人：\n拘留通知书\n根据…", "受送达人：\n送达人：\n拘留通知书\n根据…"),
    ("受送达人：\n邓凯", "受送达人：\n邓凯"),
    # regression (ind_bi02): time labels without colons, their date values apart by a blank line
    ("到案时间\n离开时间\n2022年3月8日9时10分\n\n2022年3月8日22时40分\n签名",
     "到案时间：2022年3月8日9时10分\n离开时间：2022年3月8日22时40分\n签名"),
    ("到案时间\n离开时间\n情况说明\n另起一段", "到案时间\n离开时间\n情况说明\n另起一段"),  # values that are no dates: kept
])
def test_unflatten_label_blocks(text: str, expected: str) -> None:
    assert unflatten_label_blocks(text) == expected


# A printed form filled in by hand (corpus cp): the value on the blank line reads as written, a blank left blank keeps
# its line, a box stays as printed.
FILLED_IN = [
    ("填发时间：＿2023＿年＿3＿月＿9＿日", "填发时间： 2023年3月9日"),
    ("保证方式：☑保证人＿卢建平＿ ☑保证金人民币＿2000＿元", "保证方式：☑保证人 卢建平  ☑保证金人民币 2000 元"),
    ("根据《刑诉法》第＿六十七＿条之规定", "根据《刑诉法》第 六十七 条之规定"),
    ("□（六）不得进入特定的场所：＿＿＿＿＿＿；", "□（六）不得进入特定的场所：＿＿＿＿＿＿；"),  # blank, unticked: as printed
    ("值班律师（签名）：________", "值班律师（签名）：________"),
    ("保证人______的保证（或交纳保证金______元）", "保证人______的保证（或交纳保证金______元）"),  # the form's blanks
    ("√（一）未经执行机关批准不得离开", "√（一）未经执行机关批准不得离开"),  # a tick stays
    ("file_name_x", "file_name_x"),
    ("责令其交纳保证金人民币＿\n伍佰＿元", "责令其交纳保证金人民币＿\n伍佰 元"),  # a value wrapped to the next line (ind_cp08)
    ("保证金＿元", "保证金＿元"),  # a label, its amount left blank
]


@pytest.mark.parametrize(("text", "expected"), FILLED_IN)
def test_a_filled_in_form_reads_as_written(text: str, expected: str) -> None:
    out, boxes = normalize_page(text, [(0.0, 0.0, 1.0, 1.0)] * len(text))
    assert out == expected and boxes is not None and len(boxes) == len(out)
