"""Statute text appended to a document ("附：相关法律条文") is kept apart from the document's own citations
(issue 11 item 5): the articles it quotes are the law, not what the document cites."""

from __future__ import annotations

import pytest

from auditor.extract.citations import appendix_start
from auditor.pipeline import audit_text

JUDGMENT = """临川区人民法院
刑事判决书
（2022）赣1002刑初88号
被告人王某，男，1990年3月7日出生。
本院认为，被告人王某的行为已构成盗窃罪。依照《中华人民共和国刑法》第二百六十四条、第六十七条第三款之规定，判决如下：
被告人王某犯盗窃罪，判处有期徒刑六个月。
审判员  李某
二〇二二年六月一日
书记员  张某
{heading}
《中华人民共和国刑法》
第二百六十四条　盗窃公私财物，数额较大的，处三年以下有期徒刑、拘役或者管制，并处或者单处罚金。
第五十二条　判处罚金，应当根据犯罪情节决定罚金数额。
《中华人民共和国刑事诉讼法》
第十五条　犯罪嫌疑人、被告人自愿如实供述自己的罪行，承认指控的犯罪事实，愿意接受处罚的，可以依法从宽处理。
"""


@pytest.mark.parametrize("heading", ["附：相关法律条文", "附录：本案适用的法律条文", "附：本判决所依据的相关法律规定"])
def test_appended_statute_text_is_not_the_documents_citation(heading: str) -> None:
    case = audit_text(JUDGMENT.format(heading=heading)).case
    assert sorted((c.law, c.article) for c in case.citations) == [("中华人民共和国刑法", 67), ("中华人民共和国刑法", 264)]
    assert {15, 264} <= {c.article for c in case.appended_citations}  # kept, apart


@pytest.mark.parametrize(("text", "found"), [
    ("判决如下：\n附：相关法律条文\n第一条", True),
    ("附：1、本案卷贰卷。", False),  # a list of enclosures, not statute text
    ("依照《刑法》第五十二条附加剥夺政治权利", False),
    # regression: the text's line breaks lost (a published judgment collapsed to one line), the heading mid-line
    ("书记员单晓莉 附：相关法律条文 《中华人民共和国刑法》 第三百零三条第二款开设赌场的", True),
    ("书记员罗琳 附《中华人民共和国刑法》相关法律条文 第三百一十三条第一款对人民法院的判决", True),
    ("书记员潘彩虹 附：本判决所适用的主要法律条文 《中华人民共和国刑法》 第二百二十五条违反国家规定", True),
    # regression: statute text printed after the clerk's signature without any heading
    ("书记员彭琰 书记员吕友媚（兼） 第一百七十一条［出售、购买、运输假币罪］出售、购买伪造的货币", True),
    ("审判员  李某\n书记员  张某\n本件与原本核对无异", False),
])
def test_appendix_heading(text: str, found: bool) -> None:
    assert (appendix_start(text) is not None) is found
