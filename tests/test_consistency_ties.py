"""CONSISTENCY-ID-NUMBER: where two papers give a person's number once each, the restating paper is reported (held-out
gh05, gm07, gn05: the 起诉意见书 planted wrong, the 不起诉决定书 right); a paper listing "犯罪嫌疑人：X，公民身份号码…"
without a gender states his number too (held-out gq07)."""

from __future__ import annotations

from auditor.pipeline import audit_text

OPINION = """某县公安局
起诉意见书
某公（刑）诉字〔2023〕12号
犯罪嫌疑人温某涛，男，1995年12月19日出生，公民身份号码232301199512193933，汉族，住某县某路1号。
犯罪嫌疑人温某涛涉嫌介绍卖淫罪一案，现已侦查终结，移送审查起诉。
某县公安局（印）
二〇二三年五月二日
"""
DECISION = """=====
某县人民检察院
不起诉决定书
某检刑不诉〔2023〕7号
被不起诉人温某涛，男，1995年12月19日出生，公民身份号码232301199512193757，汉族，住某县某路1号。
本案由某县公安局侦查终结，以被不起诉人涉嫌介绍卖淫罪，于2023年5月2日移送本院审查起诉。本院认为，被不起诉人犯罪情节轻微，根据《中华人民共和国刑事诉讼法》第一百七十七条第二款的规定，决定对温某涛不起诉。
某县人民检察院
二〇二三年六月二十日
"""


def test_a_tie_reports_the_paper_restating_the_identity() -> None:
    result = audit_text(OPINION + DECISION)
    case, found = result.case, [f for f in result.findings if f.rule_id == "CONSISTENCY-ID-NUMBER"]
    assert len(found) == 1
    assert case.document(found[0].document_id).type == "起诉意见书"


def test_a_listed_person_with_his_number_and_no_gender_states_it() -> None:
    from auditor.extract.parties import find_parties

    parties = find_parties("你局提请批准延长犯罪嫌疑人杨某、周某伟侦查羁押期限一案。\n犯罪嫌疑人：杨某，公民身份号码532822198703141138\n"
                           "犯罪嫌疑人：周某伟，公民身份号码500233198180064632\n")
    assert {(p.name, p.id_number) for p in parties} == {("杨某", "532822198703141138"), ("周某伟", "500233198180064632")}
