"""A case named after its first suspect ("邓浩然等盗窃案") names the case, not the person a document concerns."""

import pytest

from auditor.text.tokens import named_as_subjects

NAMES = ["邓浩然", "邱一鸣", "王某", "李四"]


@pytest.mark.parametrize(("text", "expected"), [
    ("青川市公安局江南分局·邓浩然等盗窃案 第24页\n持有人：邱一鸣", ["邱一鸣"]),  # ind_bz01's running head
    ("案件名称：王某等3人涉嫌诈骗案 被告知人：李四", ["李四"]),
    ("邓浩然等人于6月1日盗窃电动车", ["邓浩然"]),  # a narrative, not a case name
    ("持有人：邓浩然等盗窃案件的赃物", ["邓浩然"]),  # "…案件" reads on: no case name ends there
    ("犯罪嫌疑人邓浩然、邱一鸣", ["邓浩然", "邱一鸣"]),
])
def test_case_name_is_not_a_subject(text: str, expected: list[str]) -> None:
    assert named_as_subjects(text, NAMES) == expected
