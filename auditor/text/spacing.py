"""Lines spaced out character by character, as OCR and some text exports set them ("工 作 单 位 ：", "送 达 地 点 ：",
"2 0 2 2 年 5 月 2 0 日").

A run of three or more single characters each followed by one space is one word, closed up. Words of two or more
characters set apart by spaces ("讯问人 吴志成 王某") are not such a run, so they stay apart, and a run is never glued to
the word of two or more characters after it.
"""

from __future__ import annotations

import re

_CHAR = r"[\u4e00-\u9fff（）()〔〕：:0-9〇]"
# The run starts after no ideograph (or on a bracket: "讯问人（ 签 名 ）") and ends on a single character (or a label's
# colon): "罗勇 陈 超 南明分局" keeps its padded name apart from the unit after it (ind_b10), which a run ending on 南 glued.
_SPACED_OUT = re.compile(rf"(?:(?<![\u4e00-\u9fff])|(?=[（()〔〕：:]))(?:{_CHAR}[ \t\u3000]){{2,}}(?:[：:]|{_CHAR}(?![\u4e00-\u9fff]))")
_BLANK = re.compile(r"[ \t\u3000]")


def close_up(line: str) -> str:
    """`line` with its spaced-out words closed up."""
    return _SPACED_OUT.sub(lambda m: _BLANK.sub("", m.group(0)), line)


def spaced_out_gaps(text: str) -> list[tuple[int, int]]:
    """[start, end) of each space inside a spaced-out word of `text`, for deletion with the characters' boxes."""
    return [(m.start() + i, m.start() + i + 1) for m in _SPACED_OUT.finditer(text)
            for i, ch in enumerate(m.group(0)) if _BLANK.match(ch)]
