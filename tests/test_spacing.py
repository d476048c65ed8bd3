"""Spaced-out lines (OCR, text exports) read as the words they spell; names set apart by spaces stay apart."""

from __future__ import annotations

import pytest

from auditor.text.spacing import close_up


@pytest.mark.parametrize(("line", "expected"), [
    ("逮 捕 通 知 书", "逮捕通知书"),
    ("2 0 2 2 年 5 月 2 0 日", "2022年5月20日"),
    ("讯问人（ 签 名 ） ：黄志伟、区永强    工 作 单 位 ：佛 山 市", "讯问人（签名）：黄志伟、区永强    工作单位：佛山市"),
    # kept: names of two or more characters set apart, two single characters, a table row
    ("讯问人 吴志成 王某   工作单位 某", "讯问人 吴志成 王某   工作单位 某"),
    ("讯问人 张三 李四 王五", "讯问人 张三 李四 王五"),
    ("3 4", "3 4"),
    ("1  拘留证  2022年3月8日  9", "1  拘留证  2022年3月8日  9"),
    # regression (ind_b10): a padded two-character name between words is not glued to the unit after it
    ("侦查员姓名、单位 罗勇 陈 超 南明分局刑侦大队", "侦查员姓名、单位 罗勇 陈 超 南明分局刑侦大队"),
])
def test_close_up(line: str, expected: str) -> None:
    assert close_up(line) == expected
