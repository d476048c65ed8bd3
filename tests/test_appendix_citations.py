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


APPEAL_RULING = """昆明市中级人民法院
刑事裁定书
（2023）云01刑终310号
原审法院根据查明的事实及相关证据，依照《中华人民共和国刑法》第二百九十三条第一款、第四十七条之规定，判决：被告人陈某犯寻衅滋事罪，判处有期徒刑一年八个月。
宣判后，原审被告人陈某不服，提出上诉称：1.本案信息不属于虚假信息；2.上诉人的行为不属于《两高网络诽谤解释》第三条的情形。
公诉机关认为，被告人的行为触犯了《中华人民共和国刑法》第二百九十三条之规定。
本院认为，原审判决认定事实清楚。依照《中华人民共和国刑事诉讼法》第二百三十六条第一款第（一）项之规定，裁定如下：驳回上诉、维持原判。
审判长 李某
二〇二三年五月十二日
书记员 杨某
"""


def test_an_earlier_decisions_grounds_and_a_partys_argument_are_reported_not_cited() -> None:
    """Regression (real round m): a ruling on appeal quotes the first instance's articles and the appellant's."""
    case = audit_text(APPEAL_RULING).case
    assert [(c.law, c.article) for c in case.citations] == [("中华人民共和国刑事诉讼法", 236)]
    assert {47, 293, 3} <= {c.article for c in case.reported_citations}


# regression (real round p, rp_08 / rp_13): the first instance's reasoning told over several sentences, its articles
# in the last; half-width stops end the sentences of some publications
FIRST_INSTANCE_REASONING = [
    "原判认为，被告人向某伙同他人故意伤害他人身体，其行为已构成故意伤害罪。被告人向某在缓刑考验期内再犯新罪，应当撤销缓刑。"
    "故依照《中华人民共和国刑法》第二百三十四条第二款、第六十一条之规定，判决：被告人向某犯故意伤害罪。\n"
    "本院认为，原判认定事实清楚。依照《中华人民共和国刑事诉讼法》第二百二十五条第一款第（二）项之规定，判决如下：",
    "原判认为,被告人周某的行为构成诈骗罪. 据此,原判依照《中华人民共和国刑法》第二百三十四条第二款,第六十一条之规定,判决:一、被告人周某犯诈骗罪. "
    "本院认为,原判认定事实清楚. 依照《中华人民共和国刑事诉讼法》第二百二十五条第一款第（二）项之规定,裁定如下:",
    # regression (real round ao, judgment_114): "原审认为" opens it too
    "原审认为，被告人刘某的行为已构成故意伤害罪。依照《中华人民共和国刑法》第二百三十四条第二款、第六十一条之规定，判决：被告人刘某犯故意伤害罪。\n"
    "本院认为，原判认定事实清楚。依照《中华人民共和国刑事诉讼法》第二百二十五条第一款第（二）项之规定，判决如下：",
]


def test_a_procuratorates_reasoning_in_a_judgment_is_reported_like_the_prosecutions() -> None:
    """Real round x (rx_19): "某人民检察院认为，…" opens the prosecution's argument as "公诉机关认为" does."""
    text = ("刑事判决书\n江门市蓬江区人民检察院认为，被告人吴某庭的行为已触犯了《中华人民共和国刑法》第二百六十四条的规定。\n"
            "本院认为，被告人吴某庭的行为已构成盗窃罪。依照《中华人民共和国刑法》第二百六十六条之规定，判决如下：")
    case = audit_text(text).case
    assert ({c.article for c in case.citations}, {c.article for c in case.reported_citations}) == ({266}, {264})


def test_a_procuratorates_own_reasoning_stays_its_own() -> None:
    text = "不起诉决定书\n本院认为，被不起诉人张某犯罪情节轻微。依据《中华人民共和国刑事诉讼法》第一百七十七条第二款的规定，决定对张某不起诉。"
    assert {c.article for c in audit_text(text).case.citations} == {177}


@pytest.mark.parametrize("text", FIRST_INSTANCE_REASONING)
def test_the_first_instances_reasoning_over_several_sentences_is_reported(text: str) -> None:
    case = audit_text("刑事判决书\n" + text).case
    assert {(c.article, c.paragraph) for c in case.citations} == {(225, 1)}
    assert {(c.article, c.paragraph) for c in case.reported_citations} == {(234, 2), (61, None)}


def test_statute_text_after_a_spaced_clerk_signature_is_an_appendix() -> None:
    """Regression (real round p, rp_03): "书 记 员 向某" then "附1:《刑法》 第二百六十六条诈骗公私财物…"."""
    text = "审 判 员 王某二〇二〇年三月二十四日 法官助理 李某 书 记 员 向某某 附1:《中华人民共和国刑法》 第二百六十六条诈骗公私财物,数额较大的,处三年以下有期徒刑"
    assert appendix_start(text) is not None


def test_first_instance_reasoning_runs_on_where_every_stop_is_spaced() -> None:
    """A publication that ends every sentence with ". " (real round u) shows no paragraph breaks: the first
    instance's reasoning runs on to the court's own voice, and no further than its operative clause."""
    text = ("刑事裁定书\n上诉人关某盗窃一案. 原判认为,其行为已构成盗窃罪. 上诉人关某犯数罪. "
            "应根据《中华人民共和国刑法》第六十九条之规定对其处罚. 宣判后,上诉人不服. 经审理查明,事实清楚. "
            "本院认为,原判定罪准确. 依照《中华人民共和国刑事诉讼法》第二百三十六条第一款第（一）项之规定,裁定如下: 驳回上诉. ")
    case = audit_text(text).case
    assert {c.article for c in case.citations} == {236}
    assert {69} <= {c.article for c in case.reported_citations}


def test_an_inner_title_mark_left_by_an_html_entity_keeps_no_semicolon() -> None:
    """Regression (real round ao, caiding_08): "《最高人民法院关于适用<；中华人民共和国刑事诉讼法>；的解释》"."""
    text = "刑事裁定书\n依照《最高人民法院关于适用<；中华人民共和国刑事诉讼法>；的解释》第三百三十八条的规定，裁定如下："
    assert {(c.law, c.article) for c in audit_text(text).case.citations} == {
        ("最高人民法院关于适用中华人民共和国刑事诉讼法的解释", 338)}
