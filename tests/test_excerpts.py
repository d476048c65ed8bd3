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


_REVIEW = """{toc}起诉意见书
某公安局
某公（刑）诉字〔2021〕1号
犯罪嫌疑人韦某，男，1990年1月1日出生。依照《中华人民共和国刑事诉讼法》第一百六十二条之规定，现将此案移送审查起诉。
某公安局（印）
2021年10月15日
=====
不起诉决定书
某区人民检察院
某检刑不诉〔2022〕5号
被不起诉人韦某，男，1990年1月1日出生。本案由某公安局侦查终结，于2021年10月15日移送本院审查起诉。
本院认为，韦某犯罪情节轻微，不需要判处刑罚。根据《中华人民共和国刑事诉讼法》第一百七十七条第二款的规定，决定对韦某不起诉。
被不起诉人如不服本决定，可以自收到本决定书后七日以内向本院申诉。
某区人民检察院
2022年6月15日
"""
_TOC = "卷内目录\n序号 文书名称 页码\n1 起诉意见书 1\n2 不起诉决定书 2\n=====\n"


@pytest.mark.parametrize(("toc", "severity"), [(_TOC, "warning"), ("", "info")])
def test_a_long_review_in_an_excerpt_asks_to_check_for_a_return_or_an_extension(toc: str, severity: str) -> None:
    """Regression (corpus t, ind_t11): eight months of review in an excerpt with no 退回补充侦查 or extension on file:
    the papers that explain it may be in another volume, so the excerpt's finding is a "please check"."""
    found = [f for f in audit_text(_REVIEW.format(toc=toc)).findings if f.rule_id == "PROSECUTION-REVIEW-LATE"]
    assert [f.severity for f in found] == [severity]
    assert ("另卷归档" in found[0].explanation.steps[-1]) is (severity == "info")
