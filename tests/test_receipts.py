"""Receipts read from a 送达回证's table of recipients (regressions from round k): a table under column heads with its
cells apart by spaces, drawn with box characters, or wrapped by a PDF over several lines; the row naming the
document by its 文号 alone; and the 送达 of each suspect dated by his own row."""

from __future__ import annotations

import re

import pytest

from auditor.ingest.text import unbox_tables
from auditor.pipeline import audit_text

DECISION = """武汉市洪山区人民检察院
不起诉决定书
洪检一部刑不诉〔2021〕5号
被不起诉人邓凯，男，1996年9月12日出生，公民身份号码420111199609122336。
本院认为，邓凯实施了刑法规定的犯罪行为，但犯罪情节轻微，根据《中华人民共和国刑事诉讼法》第一百七十七条第二款的规定，决定对邓凯不起诉。
武汉市洪山区人民检察院
二〇二一年五月十日
=====
"""

GRIDS = {
    # a PDF's text layer: one space between cells; the document given by its 文号 only
    "pdf": "武汉市洪山区人民检察院\n送达回证\n受送达人 送达文书 签收日期 签收人\n邓凯 洪检一部刑不诉〔2021〕5号 2021年5月12日 邓凯\n"
           "朱志远（被害人） 洪检一部刑不诉〔2021〕5号 2021年5月13日 朱志远\n送达人：熊斌\n",
    # a DOCX table: cells apart by two spaces
    "docx": "送达回证\n受送达人  送达文书  送达方式  签收日期  签收人\n"
            "邓凯  不起诉决定书（洪检一部刑不诉〔2021〕5号）  直接送达  2021年5月12日  邓凯\n"
            "朱志远（被害人）  不起诉决定书（洪检一部刑不诉〔2021〕5号）  邮寄送达（EMS）  2021年5月13日  朱志远\n",
    # box characters, the closing bar cut off
    "box": "送达回证\n┌──────────────\n│ 受送达人 │ 送达文书 │ 送达日期 │ 签收人\n├──────────────\n"
           "│ 邓凯 │ 不起诉决定书 洪检一部刑不诉〔2021〕5号 │ 2021年5月12日 │ 邓凯\n"
           "│ 朱志远（被害人） │ 不起诉决定书 洪检一部刑不诉〔2021〕5号 │ 2021年5月13日 │ 朱志远\n└──────────────\n",
    # a PDF wrapping each row's cells over several lines
    "wrapped": "送达回证\n受送达人 送达文书名称、文号 送达日期 签收人\n邓凯 不起诉决定书 洪检一部刑不诉〔2021〕\n5号\n"
               "2021年5月12日 邓凯\n朱志远（被 害人）\n不起诉决定书 洪检一部刑不诉〔2021〕\n5号\n2021年5月13日 朱志远\n送达人：熊斌\n",
    # narrow cells (ind_ad08): a head cell and each date wrapped, the rest of a row's cells after its date; the
    # recipient named by his role
    "narrow": "送达回证\n送达文书名称及文\n号\n不起诉决定书（洪检一部刑不诉〔2021〕\n5号）\n受送达人 签收人 送达日期 送达方\n式\n"
              "送达\n人\n被不起诉人 邓凯 邓凯 2021年5月\n12日\n直接送\n达\n熊斌\n被害人 朱志远 朱志远 2021年5月\n13日\n直接送\n"
              "达\n熊斌\n备注：\n",
    # a DOCX table naming each recipient by his role, a space between (ind_ad02)
    "roles": "送达回证\n送达文书名称及文号  不起诉决定书（洪检一部刑不诉〔2021〕5号）\n受送达人  签收人  送达日期  送达方式  送达人\n"
             "被不起诉人 邓凯  邓凯  2021年5月12日  宣布时当面送达  熊斌\n被害人 朱志远  朱志远  2021年5月13日  直接送达  熊斌\n",
    # one labelled line per recipient, the day under "收件日期" (held-out ind_ev01)
    "fields": "送达回证\n送达文书：洪检一部刑不诉〔2021〕5号不起诉决定书\n"
              "受送达人：邓凯（被不起诉人） 送达方式：直接送达 收件日期：2021年5月12日 签收人：邓凯\n"
              "受送达人：朱志远（被害人） 送达方式：直接送达 收件日期：2021年5月13日 签收人：朱志远\n送达人：熊斌\n",
}


@pytest.mark.parametrize("layout", sorted(GRIDS))
def test_a_table_of_recipients_gives_one_receipt_per_row(layout: str) -> None:
    case = audit_text(DECISION + GRIDS[layout]).case
    rows = [(re.sub("被不起诉人|被害人|[\\s（）]", "", r.recipient)[:3], r.received_type, r.date.isoformat())
            for r in case.receipts]
    assert rows == [("邓凯", "不起诉决定书", "2021-05-12"), ("朱志远", "不起诉决定书", "2021-05-13")]
    delivered = {(e.person, e.date.isoformat() if e.date else None) for e in case.events if e.action == "送达"}
    assert delivered == {("邓凯", "2021-05-12")}  # the suspect's own row, not the victim's day


def test_box_drawn_tables_read_as_rows() -> None:
    text = "送达回证\n┌────\n│ 受送达人 │ 送达日期 │ 签收人\n├────\n│ 何某 │ 2016年4月25日 │ 何某\n└────\n送达人：李俊"
    assert unbox_tables(text) == "送达回证\n受送达人  送达日期  签收人\n何某  2016年4月25日  何某\n送达人：李俊"


def test_a_recipient_field_ends_at_the_next_field_on_its_line() -> None:
    """Regression (ind_l04): "受送达人：邓某（控告人） 送达地点：…派出所" made the complainant a police recipient."""
    text = ("某分局\n不予立案通知书\n某公（刑）不立字〔2023〕27号\n邓某：经审查，决定不予立案。\n某分局 二〇二三年五月十五日\n=====\n"
            "送达回证\n送达文书：不予立案通知书（某公（刑）不立字〔2023〕27号）\n"
            "受送达人：邓某（控告人） 送达地点：长沙市公安局岳麓分局望月湖派出所\n收件人签名：邓某 签收时间：2023年5月23日15时20分\n")
    (receipt,) = audit_text(text).case.receipts
    assert (receipt.recipient, receipt.recipient_kind, receipt.date.isoformat()) == ("邓某（控告人）", "person", "2023-05-23")


def test_a_wrapped_label_cell_gives_its_value_on_the_next_line() -> None:
    """Regression (ind_v06): a PDF table's label cell wrapped ("送达文书名称" / "及文号") and its value stood on a line
    of its own: no receipt was read, so the suspect's 送达 lost its day."""
    text = DECISION + ("武汉市洪山区人民检察院\n送达回证\n送达文书名称\n及文号\n不起诉决定书（洪检一部刑不诉〔2021〕5号）\n"
                       "受送达人 邓凯（被不起诉人）\n送达地点 武汉市洪山区人民检察院\n受送达人签收 邓凯（签名） 2021年5月12日10时20分\n")
    case = audit_text(text).case
    assert [(r.recipient[:2], r.received_type, r.date.isoformat()) for r in case.receipts] == [
        ("邓凯", "不起诉决定书", "2021-05-12")]
    assert {(e.person, e.date.isoformat() if e.date else None) for e in case.events if e.action == "送达"} == {
        ("邓凯", "2021-05-12")}


TWO_DECISIONS = """沈阳市和平区人民检察院
不起诉决定书
和检刑不诉〔2021〕Z95号
被不起诉人白某，女，1993年3月15日出生。被害人吴某东。
本院认为，白某的行为情节显著轻微、危害不大，不认为是犯罪。依据《中华人民共和国刑事诉讼法》第一百七十七条第一款的规定，决定对白某不起诉。
被害人如不服本决定，可以自收到本决定书后七日以内向沈阳市人民检察院申诉，请求提起公诉；也可以不经申诉，直接向沈阳市和平区人民法院起诉。
沈阳市和平区人民检察院
2021年12月8日
=====
沈阳市和平区人民检察院
不起诉决定书
和检刑不诉〔2021〕Z104号
被不起诉人关某亮，男，1987年7月7日出生。被害人吴某东。
本院认为，关某亮犯罪情节轻微，可以免除处罚。依据《中华人民共和国刑事诉讼法》第一百七十七条第二款的规定，决定对关某亮不起诉。
被不起诉人如不服本决定，可以自收到本决定书后七日以内向本院申诉。
被害人如不服本决定，可以自收到本决定书后七日以内向沈阳市人民检察院申诉，请求提起公诉；也可以不经申诉，直接向沈阳市和平区人民法院起诉。
沈阳市和平区人民检察院
2021年12月20日
=====
沈阳市和平区人民检察院
送达回证
送达文书 受送达人 送达日期 签收人
不起诉决定书（和检刑不诉〔2021〕Z95号） 白某 2021年12月9日 白某
不起诉决定书（和检刑不诉〔2021〕Z95号） 吴某东（被害人） 2021年12月9日 吴某东不起诉决定书（和检刑不诉〔2021〕Z95号） 沈阳市公安局和平分局 2021年12月9日 法制大队 马丽
不起诉决定书（和检刑不诉〔2021〕Z104号） 关某亮 2021年12月21日 关某亮
不起诉决定书（和检刑不诉〔2021〕Z104号） 沈阳市公安局和平分局 2021年12月21日 法制大队 马丽
送达人：书记员 高原
"""


def test_a_table_delivering_two_decisions_gives_each_row_its_number() -> None:
    """Regression (ind_w08): two rows glued on one PDF line, the document column first, a signer's cell with a space;
    the victim's row of one decision only."""
    case = audit_text(TWO_DECISIONS).case
    rows = [(r.received_number, r.recipient[:3], r.recipient_kind, r.date.isoformat()) for r in case.receipts]
    assert rows == [("和检刑不诉〔2021〕Z95号", "白某", "person", "2021-12-09"),
                    ("和检刑不诉〔2021〕Z95号", "吴某东", "person", "2021-12-09"),
                    ("和检刑不诉〔2021〕Z95号", "沈阳市", "police", "2021-12-09"),
                    ("和检刑不诉〔2021〕Z104号", "关某亮", "person", "2021-12-21"),
                    ("和检刑不诉〔2021〕Z104号", "沈阳市", "police", "2021-12-21")]
    missing = [f for f in audit_text(TWO_DECISIONS).findings if f.rule_id == "NON-PROSECUTION-DELIVERY-MISSING"]
    assert [case.document(f.document_id).number for f in missing] == ["和检刑不诉〔2021〕Z104号"]


def test_a_row_with_the_document_and_its_number_in_two_cells() -> None:
    text = ("送达回证\n送达文书名称 文号 受送达人 送达时间 送达方式 受送达人签名\n"
            "不予立案通知书 和公（刑）不立字〔2021〕0035号 孙某强（控告人） 2021年10月8日直接送达 孙某强\n送达人：宋佳\n")
    (receipt,) = audit_text(text).case.receipts
    assert (receipt.recipient, receipt.received_number) == ("孙某强（控告人）", "和公（刑）不立字〔2021〕0035号")


def test_a_named_decision_above_a_table_of_recipients() -> None:
    """Regression (ind_x10): "送达文书：…（文号）" over a table drawn with full-width bars, recipients named by role; a
    receipt served on the police only is the 送达 in the decided person's case."""
    text = DECISION + ("送达回证\n送达文书：不起诉决定书（洪检一部刑不诉〔2021〕5号）\n｜受送达人｜送达方式｜签收日期｜签收人｜\n"
                       "｜被不起诉人邓凯｜当面宣布并送达｜2021年5月12日｜被不起诉人邓凯｜\n"
                       "｜被害人朱某｜直接送达｜2021年5月13日｜朱某｜\n送达人：许某\n=====\n"
                       "送达回证\n送达文书：不起诉决定书（洪检一部刑不诉〔2021〕5号）\n受送达人：武汉市公安局洪山区分局\n"
                       "受送达人签收：武汉市公安局洪山区分局（签名） 2021年5月14日\n")
    case = audit_text(text).case
    assert [(r.recipient[-2:], r.received_number, r.date.isoformat()) for r in case.receipts] == [
        ("邓凯", "洪检一部刑不诉〔2021〕5号", "2021-05-12"), ("朱某", "洪检一部刑不诉〔2021〕5号", "2021-05-13"),
        ("分局", "洪检一部刑不诉〔2021〕5号", "2021-05-14")]
    assert {(e.person, e.date.isoformat() if e.date else None) for e in case.events if e.action == "送达"} == {
        ("邓凯", "2021-05-12"), ("邓凯", "2021-05-14")}


def test_a_signature_label_wrapped_above_its_signed_date() -> None:
    """Regression (corpus aa, ind_aa09, a scanned page): the cell "受送达人签名 / 或盖章" wraps over two lines and the
    signature with its date stands on the line below ("沈佳慧 2022年3月11日 送达人 书记员")."""
    text = ("嘉平市公安局南湖分局\n送达回证\n送达文书名称\n及文号\n不予立案通知书（嘉南公（刑）不\n立字〔2022〕0012号）\n"
            "受送达人 沈佳慧\n送达地点 我局 送达方式 直接送达受送达人签名\n或盖章\n沈佳慧 2022年3月11日 送达人 书记员\n")
    (receipt,) = audit_text(text).case.receipts
    assert (receipt.received_type, receipt.recipient, receipt.date.isoformat()) == ("不予立案通知书", "沈佳慧", "2022-03-11")


def test_that_decision_named_by_its_number_in_the_sentence_before() -> None:
    """Regression (ind_ag07): "…作出东河检刑不捕〔2024〕0022号决定。我局于2024年3月14日收到该决定书": the 文号 heads the
    dossier's 不批准逮捕决定书, so that is the document received."""
    from auditor.extract.receipts import receipts_in
    from auditor.model import Document

    text = ("要求复议意见书\n东河公（刑）复议字〔2024〕0002号\n东陵市河西区人民检察院：\n你院于2024年3月13日作出东河检刑不捕〔2024〕"
            "0022号决定。我局于2024年3月14日收到该决定书。我局认为该决定有错误。\n东陵市公安局河西分局（印）  二〇二四年三月十九日\n")
    doc = Document(id="d2", type="要求复议意见书", title="要求复议意见书", start=0, end=len(text), text=text, pages=(1,))
    numbered = {"东河检刑不捕〔2024〕0022号": "不批准逮捕决定书"}
    got = [(r.received_type, r.recipient_kind, r.date.isoformat()) for r in receipts_in(doc, numbered)]
    assert got == [("不批准逮捕决定书", "police", "2024-03-14")]
    assert receipts_in(doc, {}) == []  # no dossier document bears the number: no receipt made up


def test_a_receipt_that_ends_the_sentence_naming_the_decision() -> None:
    """Regression (corpus av, ind_av09, a clean dossier): "…以清检不诉〔2017〕27号不起诉决定书对犯罪嫌疑人魏冬作出不起诉
    决定，我局于2017年11月13日收到。" — the receipt ends the sentence; REVIEW-REQUEST-LATE counted from the decision."""
    from auditor.extract.receipts import receipts_in
    from auditor.model import Document

    text = ("要求复议意见书\n清公（刑）复议字〔2017〕0004号\n泗河市清江区人民检察院：\n你院于2017年11月10日以清检不诉〔2017〕27号"
            "不起诉决定书对犯罪嫌疑人魏冬作出不起诉决定，我局于2017年11月13日收到。我局认为该决定有错误。\n"
            "泗河市公安局清江分局（印）  二〇一七年十一月二十日\n")
    doc = Document(id="d2", type="要求复议意见书", title="要求复议意见书", start=0, end=len(text), text=text, pages=(1,))
    got = [(r.received_type, r.recipient_kind, r.date.isoformat()) for r in receipts_in(doc, {})]
    assert got == [("不起诉决定书", "police", "2017-11-13")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # regression (held-out ind_dx08): the procuratorate served it on the writer that day
        ("你院于2023年6月5日送达的澜开检刑不诉〔2023〕27号不起诉决定书，我局收到后经审查认为应当追究刑事责任。",
         [("不起诉决定书", "police", "2023-06-05")]),
        # the decision's own day, not its service: no receipt
        ("你院于2023年6月2日作出的澜开检刑不诉〔2023〕27号不起诉决定书，我局经审查认为应当追究刑事责任。", []),
        # someone else served: not the writer's receipt
        ("被害人于2023年6月5日送达的申诉书，我局经审查认为应当追究刑事责任。", []),
        # regression (held-out ind_fe07): "…决定书已于…送达我局"
        ("你院澜开检刑不诉〔2023〕27号不起诉决定书已于2023年6月5日送达我局。我局认为不宜不起诉，要求复议。",
         [("不起诉决定书", "police", "2023-06-05")]),
    ],
)
def test_a_letter_telling_the_day_its_addressee_served_the_decision(sentence: str, expected: list) -> None:
    from auditor.extract.receipts import receipts_in
    from auditor.model import Document

    text = f"要求复议意见书\n澜开公（刑）复议字〔2023〕0611号\n澜州市开发区人民检察院：\n{sentence}\n澜州市公安局开发区分局\n2023年6月11日\n"
    doc = Document(id="d2", type="要求复议意见书", title="要求复议意见书", organ="澜州市公安局开发区分局", start=0,
                   end=len(text), text=text, pages=(1,))
    assert [(r.received_type, r.recipient_kind, r.date.isoformat()) for r in receipts_in(doc, {})] == expected
