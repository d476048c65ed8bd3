"""Unsure values (issue 11 item 8): an OCR'd date that does not fit the case's timeline is marked unsure, once, and
never drives an error-severity deadline finding on its own; the finding asks the reviewer to check the page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from casebuild import make_documents

from auditor.extract.case import build_case
from auditor.pipeline import audit_path
from auditor.rules.engine import run_rules
from auditor.text.dates import SealedDate, find_sealed_dates, infer_sealed_year

FILING = ("立案决定书", "根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定对李某盗窃案立案侦查。", "2023-04-28")
REQUEST = ("提请批准逮捕书", "犯罪嫌疑人李某，男，1990年3月7日出生。犯罪嫌疑人李某因涉嫌盗窃罪于{detained}被我局刑事拘留。"
           "现提请批准逮捕。", "2023-05-04")


def _findings(detained: str, method: str) -> list:
    request = (REQUEST[0], REQUEST[1].format(detained=detained), REQUEST[2])
    dossier, documents = make_documents([FILING, request])
    for page in dossier.pages:
        page.method = method
    case, _ = build_case(dossier, documents)
    return [f for f in run_rules(case) if f.rule_id == "ARREST-REQUEST-DEADLINE"], case


@pytest.mark.parametrize(("detained", "method", "unsure", "severity"), [
    ("2023年5月1日", "ocr", None, None),  # fits: day 3, on time
    ("2023年3月1日", "ocr", "早于本案立案日期", "info"),  # OCR read 5 as 3: before the 立案, a "please check"
    ("2023年3月1日", "text", None, "error"),  # a text layer is what the officer wrote: judged as written
    # ... unless it lies more than a year before the 立案: another case's date, or one read from the wrong cell
    # (ind_av03: a birth date in a suspects' table read as the arrest)
    ("2022年4月27日", "text", None, "error"),
    ("2022年4月26日", "text", "早于本案立案日期", "info"),
    ("1990年3月7日", "text", "早于本案立案日期", "info"),
])
def test_an_ocr_date_before_the_filing_is_unsure(detained: str, method: str, unsure: str | None,
                                                 severity: str | None) -> None:
    findings, case = _findings(detained, method)
    (detention,) = [e for e in case.events if e.action == "刑事拘留"]
    assert (detention.unsure is not None and unsure in detention.unsure) if unsure else detention.unsure is None
    assert (findings[0].severity if findings else None) == severity
    if severity == "info":
        assert any("请核对第1页原件" in s for s in findings[0].explanation.steps)


def test_an_ocr_date_after_the_document_stating_it_is_unsure() -> None:
    _, case = _findings("2023年8月1日", "ocr")  # stated in a paper dated 2023-05-04
    (detention,) = [e for e in case.events if e.action == "刑事拘留"]
    assert detention.unsure and "晚于" in detention.unsure


# --- a signature date whose year a seal covers (骑年盖月): the scan's star reads where "3年" was -------------------

SEALED_CASES = [
    ("202￥3月3日", ("202", 3, 3)),
    ("202.€3月2EI", ("202", 3, 2)),  # 日 read as EI
    ("20,年3月25日", ("20", 3, 25)),
    ("203年3月10日", ("203", 3, 10)),  # a digit lost
    ("20233月22EI", ("2023", 3, 22)),  # 年 under the seal
    ("202 ≠3月17日", ("202", 3, 17)),
    ("二〇二十三月二十六日", ("202", 3, 26)),
    ("2023年3月8日", None),  # whole: an ordinary date
    ("于2023年3月17日以", None),
    ("第2023号", None),
    ("202￥13月3日", None),  # no month 13
]


@pytest.mark.parametrize(("text", "expected"), SEALED_CASES)
def test_find_sealed_dates(text: str, expected: tuple[str, int, int] | None) -> None:
    found = find_sealed_dates(text)
    assert [(s.prefix, s.month, s.day) for s in found] == ([expected] if expected else [])


@pytest.mark.parametrize(("prefix", "context", "expected"), [
    ("202", [dt.date(2023, 3, 17)], dt.date(2023, 3, 26)),
    ("202", [dt.date(2023, 12, 28)], dt.date(2024, 1, 5)),  # across the new year: the nearest
    ("203", [dt.date(2023, 3, 17)], dt.date(2023, 3, 26)),
    ("201", [dt.date(2023, 3, 17)], None),  # the legible digits rule 2023 out
    ("202", [], None),  # nothing to take the year from
])
def test_infer_sealed_year(prefix: str, context: list[dt.date], expected: dt.date | None) -> None:
    month, day = (1, 5) if expected and expected.month == 1 else (3, 26)
    sealed = SealedDate(0, 0, "", prefix, month, day)
    assert infer_sealed_year(sealed, context) == expected


SEALED_DOSSIER = """江州市清河区人民检察院
批准逮捕决定书
江清检捕〔2023〕41号
江州市公安局清河分局：
你局于2023年3月17日以江清公（刑）提捕字〔2023〕12号提请批准逮捕书提请批准逮捕犯罪嫌疑人许某华，经本院审查认为，该犯罪嫌疑人涉嫌盗窃罪，符合逮捕条件。根据《中华人民共和国刑事诉讼法》第八十一条之规定，决定批准逮捕犯罪嫌疑人许某华。
江州市清河区人民检察院（院印）
二〇二十三月二十六日
=====
江州市公安局清河分局
逮捕证
江清公（刑）捕字〔2023〕9号
根据《中华人民共和国刑事诉讼法》第八十条之规定，经江州市清河区人民检察院批准，兹由我局对涉嫌盗窃罪的许某华执行逮捕，送江州市清河区看守所羁押。
局长魏某河
20,年3月26日
本证已于2023年3月26日17时向我宣布。被逮捕人：许某华（捺指印）
"""


def test_a_signature_year_under_a_seal_dates_the_paper_and_is_unsure(tmp_path: Path) -> None:
    path = tmp_path / "sealed.txt"
    path.write_text(SEALED_DOSSIER, encoding="utf-8")
    case = audit_path(path).case
    decision, warrant = case.documents
    assert decision.date == dt.date(2023, 3, 26) and decision.date_unsure
    assert warrant.date == dt.date(2023, 3, 26) and warrant.date_unsure
    approval = next(e for e in case.events if e.action == "批准逮捕")
    arrest = next(e for e in case.events if e.action == "逮捕")
    assert approval.unsure and "印章" in approval.unsure
    assert arrest.unsure is None  # the warrant states the day legibly in its receipt line
