"""A paper that tells its own act with another date besides its signature closes a deadline once, on its own date
(regression, held-out ind_ge01: "…经审查于2023年3月12日侦查终结提请批准逮捕" in a 提请批准逮捕书 signed on the 13th gave
two ARREST-REQUEST-DEADLINE findings for one request)."""

from __future__ import annotations

import pytest

from auditor.pipeline import audit_text

WARRANT = """拘留证
临川区公安局
临公（刑）拘字〔2023〕31号
根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人刘某峰（男，1991年6月14日出生）执行拘留，送临川区看守所羁押。
临川区公安局（印）
二〇二三年三月七日
"""
REQUEST = """=====
提请批准逮捕书
临公（提捕）字〔2023〕58号
犯罪嫌疑人刘某峰，男，1991年6月14日出生，住临川区滨江路88号。
犯罪嫌疑人刘某峰涉嫌妨害公务罪一案，由民警现场抓获，经审查于{told}侦查终结提请批准逮捕。
依照《中华人民共和国刑事诉讼法》第八十一条第一款、第八十七条之规定，特提请批准逮捕。
此致
临川区人民检察院
临川区公安局（印）  2023年3月13日
"""


@pytest.mark.parametrize(("told", "days"), [
    ("2023年3月12日", ["6"]),  # the paper's own date, once
    ("2023年3月13日", ["6"]),
])
def test_a_request_telling_its_own_date_twice_is_late_once(told: str, days: list[str]) -> None:
    case = audit_text(WARRANT + REQUEST.format(told=told))
    late = [f for f in case.findings if f.rule_id == "ARREST-REQUEST-DEADLINE"]
    assert len(late) == len(days)
    assert all("2023-03-13" in f.message for f in late)
