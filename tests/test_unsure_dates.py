"""Unsure values (issue 11 item 8): an OCR'd date that does not fit the case's timeline is marked unsure, once, and
never drives an error-severity deadline finding on its own; the finding asks the reviewer to check the page."""

from __future__ import annotations

import pytest
from casebuild import make_documents

from auditor.extract.case import build_case
from auditor.rules.engine import run_rules

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
