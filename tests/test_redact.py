"""PII redaction (auditor/redact/): accuracy on the labelled set, validators, hard negatives, pseudonyms, the last
check, and a run with networking cut."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

from auditor.evaluation.pii import evaluate
from auditor.redact import DossierRedactor, LeakError, Policy, analyze, check, scan
from auditor.redact import pseudonyms as ps
from auditor.redact.validators import gb11643, luhn, masked_id, mobile

PII_SET = Path(__file__).parent / "pii" / "pii_cases.jsonl"


@pytest.fixture(scope="module")
def scores():
    return evaluate(PII_SET)


# --- accuracy on the labelled set (docs/accuracy.md, "PII redaction") ------------------------------------------

RECALL_FLOOR = {"ID_CARD": 0.99, "PHONE": 0.99, "BANK_CARD": 0.99, "PERSON": 0.98, "ADDRESS": 0.98,
                "BIRTH_DATE": 0.98, "WORK_UNIT": 0.98, "PLATE": 0.98, "EMAIL": 0.98, "PASSPORT": 0.98, "ACCOUNT": 0.98}


@pytest.mark.parametrize("entity_type", sorted(RECALL_FLOOR))
def test_recall_per_type(scores, entity_type):
    assert scores.gold[entity_type] > 0
    assert scores.recall(entity_type) >= RECALL_FLOOR[entity_type], scores.table()


@pytest.mark.parametrize("entity_type", sorted(RECALL_FLOOR))
def test_precision_per_type(scores, entity_type):
    assert scores.precision(entity_type) >= 0.95, scores.table()


@pytest.mark.parametrize("kind", ["ARTICLE", "DOC_NUMBER", "ACT_DATE", "AMOUNT", "ORGAN", "CHARGE"])
def test_legal_text_is_not_damaged(scores, kind):
    """Article numbers, 文号, dates of acts, amounts, organ names and charges survive redaction."""
    assert scores.keep[kind] > 0
    assert scores.damaged[kind] == 0, [fp for fp in scores.false_positives if fp[1] == "KEEP:" + kind]


# --- validators ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("number, ok", [
    ("110105197011245850", True),
    ("36040319610804468x", True),
    ("360402 19730728 0800", True),
    ("110105197011245851", False),  # check digit off by one
    ("360104200209291235", False),  # region + date + wrong check digit (a bank sequence number)
    ("361002690526831", True),  # 15 digits, 1969-05-26
    ("361002691326831", False),  # month 13
])
def test_gb11643(number, ok):
    assert gb11643(number) is ok


@pytest.mark.parametrize("number, ok", [
    ("6222622323563430311", True), ("6215 9296 1494 4015 316", True), ("6222622323563430312", False),
    ("3601040000202209291", False),  # 19-digit case number
])
def test_luhn(number, ok):
    assert luhn(number) is ok


@pytest.mark.parametrize("value, check_, ok", [
    ("3601021988******1X", masked_id, True), ("360113********7199", masked_id, True),
    ("360302******715", masked_id, True), ("2022******", masked_id, False),
    ("+86 139 0791 1234", mobile, True), ("12345678901", mobile, False),
])
def test_other_validators(value, check_, ok):
    assert check_(value) is ok


# --- recognizers on hard cases ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("公民身份号码110105197011245850，住址", [("ID_CARD", "110105197011245850")]),
    ("身份证号110105197011245851", [("ID_CARD", "110105197011245851")]),  # typo in an ID field: still an ID
    ("交易流水号360104200209291235", []),
    ("案件编号3601040000202209291", []),
    ("IMEI：861234567890123", []),
    ("人民币13800元，冻结文号赣公冻字〔2023〕15204486783号", []),
    ("联系电话（0791）86123456", [("PHONE", "（0791）86123456")]),
    ("手机+86-15198550876", [("PHONE", "+86-15198550876")]),
    ("驾驶赣C·036RL号小型轿车", [("PLATE", "赣C·036RL")]),
    ("微信号wxid_g6uy6uirw86ud3（昵称", [("ACCOUNT", "wxid_g6uy6uirw86ud3")]),
    ("邮箱13912345678@139.com。", [("EMAIL", "13912345678@139.com")]),
    ("普通护照号码E55394038）", [("PASSPORT", "E55394038")]),
    ("卡号6222622323563430311。", [("BANK_CARD", "6222622323563430311")]),
])
def test_pattern_recognizers(text, expected):
    found = [(e.type, text[e.start : e.end]) for e in analyze(text)]
    assert found == expected


@pytest.mark.parametrize("text, names", [
    ("犯罪嫌疑人张伟，男，1985年3月2日出生。经李娜辨认，确认张伟就是抢走手机的男子。", ["张伟", "李娜", "张伟"]),
    ("王芳证实张伟当晚曾向其借钱；刘强称看见张伟逃跑。", ["王芳", "张伟", "刘强", "张伟"]),
    ("询问人：慕容雪、东方亮  记录人：东方亮", ["慕容雪", "东方亮", "东方亮"]),
    ("后来听说犯罪嫌疑人欧阳\n建华被抓了。欧阳建华是司机。", ["欧阳\n建华", "欧阳建华"]),
    ("其妻吕凤英在家", ["吕凤英"]),
    ("经常玩的有蒋某某、刘某，还有", ["蒋某某", "刘某"]),
    # A name that is an ordinary word is masked only where it stands as a name (tests/pii p008).
    ("犯罪嫌疑人黎明，男。次日黎明时分，黎明撬开仓库。黎明前就走了。", ["黎明", "黎明"]),
    ("决定将涉嫌诈骗罪的冯佳兰刑事拘留，现羁押于看守所。", ["冯佳兰"]),
])
def test_names(text, names):
    found = [text[e.start : e.end] for e in analyze(text) if e.type == "PERSON"]
    assert found == names


@pytest.mark.parametrize("text, address", [
    ("住江西省南昌市西湖区紫金城19栋5单元3203室。", "江西省南昌市西湖区紫金城19栋5单元3203室"),
    ("现住西湖区迎宾北大道2234号滨江花园8-4-1402室，手机", "西湖区迎宾北大道2234号滨江花园8-4-1402室"),
    ("户籍地南昌市青山湖区塘山镇下李村5组46号，", "南昌市青山湖区塘山镇下李村5组46号"),
    ("现住址：西湖区上海路2468号青山花苑20-4-1502室\n", "西湖区上海路2468号青山花苑20-4-1502室"),
    ("户籍地南昌市公安局青山湖分局塘山派出所辖区", None),  # an organ, not an address
    ("行驶至八一大道与北京东路交叉路口时", None),
])
def test_addresses(text, address):
    found = [text[e.start : e.end] for e in analyze(text) if e.type == "ADDRESS"]
    assert found == ([address] if address else [])


# --- replacement ---------------------------------------------------------------------------------------------

def test_pseudonyms_are_consistent_and_keep_roles():
    red = DossierRedactor({"张伟": "suspect", "李娜": "victim"},
                          full_text="犯罪嫌疑人张伟，男。被害人李娜，女。张强是证人。")
    a = red.redact("犯罪嫌疑人张伟殴打被害人李娜。").text
    b = red.redact("经李娜辨认，张伟就是嫌疑人。").text
    assert a == "犯罪嫌疑人张某殴打被害人李某。"
    assert b == "经李某辨认，张某就是嫌疑人。"
    assert "张某某" in red.redact("证人张强证实。").text  # another 张 gets another pseudonym


def test_variant_spellings_share_a_pseudonym():
    from auditor.model import Party

    party = Party(name="黄佳男", role="犯罪嫌疑人", is_suspect=True, variants=("黄家男",))
    red = DossierRedactor([party], full_text="犯罪嫌疑人黄佳男，男。犯罪嫌疑人黄家男，男。")
    assert red.redact("黄佳男与黄家男").text == "黄某与黄某"


def test_surname_replaced_and_officers_kept_by_policy():
    text = "犯罪嫌疑人张伟，男。侦查员：刘德华\n被害人李娜，女。"
    red = DossierRedactor({}, full_text=text, policy=Policy.load(surname="replace", officers="keep"))
    assert red.redact(text).text == "犯罪嫌疑人某甲，男。侦查员：刘德华\n被害人某乙，女。"
    assert "刘德华" not in DossierRedactor({}, full_text=text).redact(text).text  # masked by default


@pytest.mark.parametrize("fn, value, out", [
    (ps.id_card, "360102198503021234", "360102************"),
    (ps.id_card, "360102 19850302 123X", "360102 ******** ****"),
    (ps.id_card, "3601021988******1X", "360102************"),
    (ps.phone, "+86 139 0791 1234", "+86 139 **** ****"),
    (ps.phone, "（0791）86123456", "（0791）********"),
    (ps.bank_card, "6222 6223 2356 3430", "6222 **** **** ****"),
    (ps.plate, "赣A·12345", "赣A·*****"),
    (ps.work_unit, "南昌市青云谱区鑫鑫便利店", "某便利店"),
])
def test_masks(fn, value, out):
    assert fn(value) == out


def test_birth_date_keeps_year_and_address_keeps_district():
    red = DossierRedactor({})
    text = "张伟，男，1985年3月2日出生，住南昌市西湖区京东大道1801号丽景湾13栋104室。"
    assert red.redact(text).text == "张某，男，1985年×月×日出生，住南昌市西湖区某处。"


def test_evidence_marks_survive_replacement():
    red = DossierRedactor({"张伟": "suspect"})
    text = "犯罪嫌疑人张伟于2022年3月1日被刑事拘留。"
    start = text.index("张伟")
    assert red.redact(text, marks=[(start, start + 12)]).text == "犯罪嫌疑人【张某于2022年3月1日】被刑事拘留。"


def test_layout_of_a_text_is_kept():
    text = "询问笔录\n\n被询问人：诸葛明，男\n\f电话13780687099\n"
    out = DossierRedactor({}).redact(text).text
    assert out.count("\n") == text.count("\n") and out.count("\f") == 1


# --- the last check -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, detector", [
    ("编号110105197011245850", "身份证号检测器"),
    ("13780687099", "手机号检测器"),
    ("卡号6222622323563430311", "银行卡号检测器（Luhn）"),
    ("当事人张伟到案", "当事人姓名检测器"),
])
def test_last_check_refuses_and_names_the_detector(text, detector):
    with pytest.raises(LeakError) as info:
        check([("测试", text)], {"张伟"})
    assert detector in str(info.value)
    assert "张伟" not in str(info.value) and "1378" not in str(info.value)  # never the value itself


def test_last_check_passes_redacted_text():
    text = "犯罪嫌疑人张伟，公民身份号码110105197011245850，电话13780687099，次日黎明时分到案。"
    red = DossierRedactor({"张伟": "suspect", "黎明": "witness"}, full_text=text)
    out = red.redact(text).text
    assert scan(out, red.names) == []
    check([("输出", out)], red.names)


# --- offline ------------------------------------------------------------------------------------------------

_NETWORK_CUT = {"on": False}


def _audit(event: str, args: tuple) -> None:
    if _NETWORK_CUT["on"] and event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
                                        "urllib.Request", "socket.bind"):
        raise RuntimeError(f"network access during redaction: {event}")


sys.addaudithook(_audit)


def test_runs_with_networking_cut(monkeypatch):
    """Presidio's engine, our recognizers and the anonymizer need nothing from the network (no spaCy model,
    no tldextract suffix list): every socket is refused while the engine is built and used."""
    import functools

    from auditor.redact import analyzer, names

    analyzer.engine.cache_clear()
    names.finder.cache_clear()
    _NETWORK_CUT["on"] = True

    def refuse(*args, **kwargs):
        raise OSError("network is cut for this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    try:
        text = "犯罪嫌疑人张伟，电话13780687099，邮箱zhangwei@qq.com，住南昌市西湖区京东大道1801号。"
        red = DossierRedactor({"张伟": "suspect"}, full_text=text)
        out = red.redact(text).text
        check([("输出", out)], red.names)
    finally:
        _NETWORK_CUT["on"] = False
    assert "张伟" not in out and "13780687099" not in out and isinstance(functools, object)
