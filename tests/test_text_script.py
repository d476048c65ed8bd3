"""Traditional characters read as simplified, one for one (auditor/text/script.py; held-out corpus dq)."""

from __future__ import annotations

import pytest

from auditor.ingest.normalize import normalize_page
from auditor.text.script import simplified


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("被訊問人：李國華", "被讯问人：李国华"),  # regression (held-out ind_dq07): a statement in 繁體 names the same man
        ("《中華人民共和國刑事訴訟法》第八十一條", "《中华人民共和国刑事诉讼法》第八十一条"),
        ("陳志明親筆供詞", "陈志明亲笔供词"),
        # characters of the simplified set stay, even where OpenCC would map them in a traditional phrase
        ("著名 乾隆 於某 瞭望", "著名 乾隆 於某 瞭望"),
        ("犯罪嫌疑人张伟，男，1990年1月1日出生。", "犯罪嫌疑人张伟，男，1990年1月1日出生。"),
        ("", ""),
    ],
)
def test_simplified(written: str, read: str) -> None:
    assert simplified(written) == read
    assert len(simplified(written)) == len(written)  # offsets and boxes stay aligned


def test_a_page_is_read_simplified_with_its_boxes_aligned() -> None:
    text, boxes = normalize_page("訊問筆錄", [None] * 4)
    assert text == "讯问笔录" and boxes is not None and len(boxes) == 4
