"""Tables as lines of text, the same for every reader (DOCX tables, text drawn with | and +---+ borders).

A form — labels in every other column ("姓名 | 张三 | 性别 | 男") — reads as its filled-in fields "姓名：张三  性别：男";
a grid under a row of column heads as each row's cells under their heads; any other table (a 卷内目录, a 扣押清单) as
its cells side by side.
"""

from __future__ import annotations

import re

# A form's field label: a few characters of text, no digits ("姓名", "执行拘留时间", "身份证件号码").
_LABEL = re.compile(r"[\u4e00-\u9fff（）()、/]{1,12}")
CELL_GAP = "  "


def table_lines(rows: list[list[str]]) -> list[str]:
    """One line per row, as the table reads (module doc)."""
    rows = [list(row) for row in rows if any(row)]
    form = bool(rows) and all(
        len(row) % 2 == 0 and all(_LABEL.fullmatch(label.rstrip("：:")) for label in row[::2]) for row in rows
    ) and any(_LABEL.fullmatch(v) is None for row in rows for v in row[1::2] if v)
    heads_at = _column_heads(rows) if form else None
    if heads_at is not None:
        # A grid under a row of column heads (a 送达回证's 受送达人 | 送达地点 | 送达方式 | 签名及日期), perhaps below a
        # form's fields: each row under the heads reads as its cells under their heads.
        heads = [h.rstrip("：:") for h in rows[heads_at]]
        return [*_form_lines(rows[:heads_at]), CELL_GAP.join(heads)] + [
            CELL_GAP.join(f"{head}：{cell}" for head, cell in zip(heads, row, strict=True) if cell)
            for row in rows[heads_at + 1 :]
        ]
    if form:
        return _form_lines(rows)
    return [CELL_GAP.join(c for c in row if c) for row in rows]


def _form_lines(rows: list[list[str]]) -> list[str]:
    return [CELL_GAP.join(f"{label.rstrip('：:')}：{value}" for label, value in zip(row[::2], row[1::2], strict=True))
            for row in rows]


# A column head no form puts in a value's place: a form's values are names, places, numbers, "男".
_HEAD_IN_VALUE = re.compile(r"(?:日期|时间|地点|方式|签名|签收|名称|文号)[：:]?$")


def _column_heads(rows: list[list[str]]) -> int | None:
    """The row of column heads over rows of its width (not a form's label | value pairs), if the table has one."""
    for i, row in enumerate(rows[:-1]):
        if (len(row) >= 3 and any(_HEAD_IN_VALUE.search(cell) for cell in row[1::2])
                and all(len(other) == len(row) for other in rows[i + 1 :])):
            return i
    return None


# A cell's text that may stand as a form field's label ("受案意见", "送达文书名称"); not a form's title or the mark
# of its part ("拘留通知书（存根）", "正本", ind_bm03): those head the text beside them.
_CELL_LABEL = re.compile(r"(?![^\n]*(?:存根|正本|副本))[\u4e00-\u9fff（）()、/ \u3000]{1,14}(?<![书证表录单])")


def block_row_lines(cells: list[list[str]]) -> list[str]:
    """A row whose cells hold text of several lines, read cell by cell: a label's value after it ("受案意见：☑属本单位
    管辖…" / "□属本单位管辖的行政案件"), else each cell's lines in turn — a 存根 printed beside its 正本 reads as the one
    form and then the other, not line by line across both."""
    out: list[str] = []
    labels = cells[::2]
    if len(cells) % 2 == 0 and all(len(c) == 1 and _CELL_LABEL.fullmatch(c[0]) for c in labels):
        for label, value in zip(labels, cells[1::2], strict=True):
            out.append(f"{label[0].strip().rstrip('：:')}：{value[0] if value else ''}")
            out += value[1:]
        return out
    for cell in cells:
        out += [line for line in cell if line]
    return out
