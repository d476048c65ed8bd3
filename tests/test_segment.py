"""Segmentation: title lines, document boundaries, 文号, organ, signature date."""

from __future__ import annotations

import pytest

from auditor.model import Dossier, Page
from auditor.segment import UNKNOWN, segment
from auditor.segment.fields import find_number
from auditor.segment.titles import match_title


@pytest.mark.parametrize(
    ("line", "expected_type", "expected_organ"),
    [
        ("拘留证", "拘留证", None),
        ("  取保候审决定书  ", "取保候审决定书", None),
        ("取 保 候 审 决 定 书", "取保候审决定书", None),
        ("大连市公安局甘井子公安分局起诉意见书", "起诉意见书", "大连市公安局甘井子公安分局"),
        ("讯问笔录 (第2次）", "讯问笔录", None),
        ("广东省广州市白云区人民法院刑事判决书(2019)粤0000刑初00号公诉机关广州市白云区人民检察院.", "刑事判决书", "广东省广州市白云区人民法院"),
        ("抚州市临川区人民检察院不起诉决定书", "不起诉决定书", "抚州市临川区人民检察院"),
        ("执行取保候审通知书", "取保候审执行通知书", None),
        ("取保侯审决定书", "取保候审决定书", None),  # OCR/typo confusion 侯/候
        ("拘留通知书", "拘留通知书", None),
    ],
)
def test_title_lines(line: str, expected_type: str, expected_organ: str | None) -> None:
    match = match_title(line)
    assert match is not None
    assert match.doc_type == expected_type
    assert match.organ == expected_organ


@pytest.mark.parametrize(
    "line",
    [
        "问这是拘留证，你看一下。",
        "犯罪嫌疑人黄佳男因涉嫌贩卖毒品罪于2015年10月15日被我局刑事拘留，",
        "依照《中华人民共和国刑事诉讼法》第一百六十条之规定，现将此案移送审查起诉。",
        "附：拘留证复印件一份",
        "",
        "临川区公安局",
        "2 立案决定书",  # a 卷内目录 row without its page number (regression: split the 目录)
        "12 取保候审决定书",
    ],
)
def test_not_title_lines(line: str) -> None:
    assert match_title(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("临川区公安局\n拘留证\n临公（刑）拘字〔2023〕15号\n", "临公（刑）拘字〔2023〕15号"),
        ("左贡县人民检察院\n起诉书\n左检刑诉〔2025〕54号\n", "左检刑诉〔2025〕54号"),
        ("起诉意见书\n甘公刑诉字[2016]001号\n", "甘公刑诉字[2016]001号"),
        ("刑事判决书(2019)粤0000刑初00号公诉机关", "(2019)粤0000刑初00号"),
        ("拘留证\n犯罪嫌疑人张三\n", None),
    ],
)
def test_document_number(text: str, expected: str | None) -> None:
    assert find_number(text) == expected


def _dossier(pages: list[str], breaks: bool = False) -> Dossier:
    dossier = Dossier(source="t.txt", pages=[Page(number=i + 1, text=t, source="t.txt", method="txt") for i, t in enumerate(pages)])
    dossier.build_text()
    if breaks:
        dossier.hard_breaks = dossier.page_starts[1:]
    return dossier


DETENTION = "临川区公安局\n拘留证\n临公（刑）拘字〔2023〕15号\n根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人张某某执行拘留。\n临川区公安局（印）\n二〇二三年三月五日"
NOTICE = "临川区公安局\n拘留通知书\n临公（刑）拘通字〔2023〕15号\n张某某家属：\n我局已于2023年3月5日将涉嫌盗窃罪的张某某刑事拘留。\n临川区公安局\n2023年3月5日"


@pytest.mark.parametrize(
    ("pages", "breaks", "expected"),
    [
        # one document per page, found by title lines alone
        ([DETENTION, NOTICE], False, [("拘留证", "2023-03-05", "临公（刑）拘字〔2023〕15号"), ("拘留通知书", "2023-03-05", "临公（刑）拘通字〔2023〕15号")]),
        # both documents on one page
        ([DETENTION + "\n" + NOTICE], False, [("拘留证", "2023-03-05", "临公（刑）拘字〔2023〕15号"), ("拘留通知书", "2023-03-05", "临公（刑）拘通字〔2023〕15号")]),
        # hard breaks around an untitled piece
        ([DETENTION, "这一页没有标题。\n2023年4月1日", NOTICE], True, [("拘留证", "2023-03-05", "临公（刑）拘字〔2023〕15号"), (UNKNOWN, "2023-04-01", None), ("拘留通知书", "2023-03-05", "临公（刑）拘通字〔2023〕15号")]),
    ],
)
def test_segment_documents(pages: list[str], breaks: bool, expected: list[tuple[str, str | None, str | None]]) -> None:
    docs = segment(_dossier(pages, breaks))
    assert [(d.type, d.date, d.number) for d in docs] == expected
    assert docs[0].organ == "临川区公安局"


def test_segment_covers_every_character() -> None:
    dossier = _dossier(["前言\n" + DETENTION, NOTICE])
    docs = segment(dossier)
    assert docs[0].start == 0
    assert "".join(d.text for d in docs) == dossier.text
    for doc in docs:
        assert dossier.text[doc.start : doc.end] == doc.text


def test_multi_page_document_lists_its_pages() -> None:
    docs = segment(_dossier([DETENTION.replace("临川区公安局（印）\n二〇二三年三月五日", ""), "临川区公安局（印）\n二〇二三年三月五日", NOTICE]))
    assert [d.pages for d in docs] == [[1, 2], [3]]
    assert docs[0].date == "2023-03-05"


def test_record_is_dated_by_its_time_line() -> None:
    text = "讯问笔录（第1次）\n时间 2023年3月5日14时30分至2023年3月5日15时40分\n地点 临川区看守所\n问：……\n答：……\n2023年3月6日"
    (doc,) = segment(_dossier([text]))
    assert doc.type == "讯问笔录"
    assert doc.date == "2023-03-05"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("临川区公安局\n取保候审\n决定书\n临公（刑）取保字〔2023〕15号\n正文。\n二〇二三年三月八日", ["取保候审决定书"]),
        ("临川区公安局\n提请批准\n逮捕书\n正文。\n二〇二三年三月八日", ["提请批准逮捕书"]),
        ("讯问笔录\n问：你叫什么\n答：张三", ["讯问笔录"]),
        ("正文一\n正文二\n2023年3月8日", [UNKNOWN]),
    ],
)
def test_title_over_two_lines(text: str, expected: list[str]) -> None:
    assert [d.type for d in segment(_dossier([text]))] == expected
