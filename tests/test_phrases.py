"""Phrase matching in document text: free whitespace and OCR dots between characters, nothing else."""

from __future__ import annotations

import pytest

from auditor.text.phrases import blank_field, denied, find_phrase

CASES = [
    # (text, phrase, found text or None)
    ("向上一级人民检察院申诉", "上一级人民检察院", "上一级人民检察院"),
    ("向上一级人民\n检察院申诉", "上一级人民检察院", "上一级人民\n检察院"),
    ("向上一级 人民 检察院", "上一级人民检察院", "上一级 人民 检察院"),
    ("向上一级人民.检察院申诉", "上一级人民检察院", "上一级人民.检察院"),  # OCR dot from a seal ring
    ("向上一级人民·检察院申诉", "上一级人民检察院", "上一级人民·检察院"),
    ("向上一级人民法院申诉", "上一级人民检察院", None),
    ("向上一级人民，检察院", "上一级人民检察院", None),  # a comma is a sentence's, not noise
    ("", "上一级", None),
    # a form's option left unticked is not stated; a ticked one, or the words elsewhere, are (corpus cp)
    ("监视居住地点： 住处 □指定的居所：北岸新城5幢", "指定的居所", None),
    ("监视居住地点：□ 住处  指定的居所：城南宾馆", "指定的居所", "指定的居所"),
    ("□无法通知 原因：＿＿＿＿", "无法通知", None),
    ("□无法通知。因其家属无法联系，无法通知。", "无法通知", "无法通知"),
]


@pytest.mark.parametrize(("text", "phrase", "found"), CASES)
def test_find_phrase(text: str, phrase: str, found: str | None) -> None:
    span = find_phrase(text, phrase)
    assert (text[span[0] : span[1]] if span else None) == found


def test_ocr_dot_inside_victim_notice_is_not_a_missing_notice() -> None:
    """Regression (scan case_02, seed 7): "上一级人民.检察院" read by OCR made the victim's notice look absent."""
    assert find_phrase("可以自收到本决定书后七日以内向上一级人民.检察院申诉", "上一级人民检察院") is not None


@pytest.mark.parametrize(("text", "phrase", "is_denied"), [
    ("期间未办理延长审查期限审批。", "延长审查期限", True),  # regression (held-out ind_dh09)
    ("经批准延长审查期限至三十日。", "延长审查期限", False),
    ("没有需要查证的线索。", "需要查证", True),
    ("未成年人案件，线索需要查证。", "需要查证", False),  # 未成年 is no denial
    ("未到案，需要查证。", "需要查证", False),  # another clause's denial
])
def test_denied(text: str, phrase: str, is_denied: bool) -> None:
    assert denied(text, text.index(phrase)) is is_denied


@pytest.mark.parametrize(("text", "label", "is_blank"), [
    ("延长传唤：—  批准人：马某", "延长传唤", True),  # regression (held-out ind_fr09): the field left blank
    ("注：未在二十四小时以内通知的原因：／\n", "未在二十四小时以内通知的原因", True),
    ("原因：无。", "原因", True),
    ("原因：无法通知其家属", "原因", False),  # 无法 is a value, not a blank
    ("延长传唤：经负责人批准延长至二十四小时", "延长传唤", False),
    ("延长传唤：\n经负责人批准延长至二十四小时", "延长传唤", False),  # a value on the next line of a label / value form
    ("经批准延长传唤至二十四小时", "延长传唤", False),
])
def test_blank_field(text: str, label: str, is_blank: bool) -> None:
    assert blank_field(text, text.index(label) + len(label)) is is_blank
