"""Complete file or excerpt (issue 11 item 6): a required document no document names is an error only where the
file shows itself a whole 卷; in an excerpt it is a "please check"; one a document names stays an error."""

from __future__ import annotations

import pytest

from auditor.pipeline import audit_text

DETENTION = """临川区公安局
拘留证
临公（刑）拘字〔2023〕31号
根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人李某（性别男，出生日期1990年3月7日）执行拘留，送临川区看守所羁押。
临川区公安局（印）
二〇二三年五月一日
本证已于2023年5月1日10时向我宣布。被拘留人：李某
"""

TOC = """卷内目录
序号  文书名称                日期          页号
1     拘留证                  2023.05.01    1
=====
"""

SEIZURE = """临川区公安局
扣押决定书
临公（刑）扣字〔2023〕12号
根据《中华人民共和国刑事诉讼法》第一百四十一条之规定，我局决定扣押犯罪嫌疑人李某的手机一部{named}。
临川区公安局（印）
二〇二三年五月二日
"""


def _severity(text: str, rule_id: str) -> str | None:
    found = [f for f in audit_text(text).findings if f.rule_id == rule_id]
    return found[0].severity if found else None


@pytest.mark.parametrize(("text", "rule_id", "severity"), [
    (DETENTION, "DETENTION-NOTICE-MISSING", "info"),  # an excerpt: the notice may be bound elsewhere
    (TOC + DETENTION, "DETENTION-NOTICE-MISSING", "error"),  # a whole 卷 with its 目录
    (SEIZURE.format(named=""), "SEIZURE-LIST-MISSING", "info"),
    (SEIZURE.format(named="，扣押物品详见扣押清单"), "SEIZURE-LIST-MISSING", "error"),  # named, yet absent
])
def test_missing_document_severity_follows_what_the_file_shows(text: str, rule_id: str, severity: str) -> None:
    assert _severity(text, rule_id) == severity


def test_an_excerpts_finding_asks_to_check_other_volumes() -> None:
    (finding,) = [f for f in audit_text(DETENTION).findings if f.rule_id == "DETENTION-NOTICE-MISSING"]
    assert "请核实是否另卷归档" in finding.message
    assert any("案卷摘录" in s for s in finding.explanation.steps)
