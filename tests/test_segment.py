"""Segmentation: title lines, document boundaries, 文号, organ, signature date."""

from __future__ import annotations

import pytest
from conftest import iso

from auditor.model import Dossier, Page
from auditor.segment import UNKNOWN, segment
from auditor.segment.fields import find_date, find_number, find_organ
from auditor.text.titles import match_title


@pytest.mark.parametrize(
    ("line", "expected_type", "expected_organ"),
    [
        ("拘留证", "拘留证", None),
        ("  取保候审决定书  ", "取保候审决定书", None),
        ("取 保 候 审 决 定 书", "取保候审决定书", None),
        ("大连市公安局甘井子公安分局起诉意见书", "起诉意见书", "大连市公安局甘井子公安分局"),
        ("讯问笔录 (第2次）", "讯问笔录", None),
        ("广东省广州市白云区人民法院刑事判决书(2019)粤0000刑初00号公诉机关广州市白云区人民检察院.", "刑事判决书", "广东省广州市白云区人民法院"),
        ("抚州市临川区人民检察院不起诉决定书", "不起诉决定书", "抚州市临川区人民检察院"),
        ("执行取保候审通知书", "取保候审执行通知书", None),
        ("取保侯审决定书", "取保候审决定书", None),  # OCR/typo confusion 侯/候
        ("拘留通知书", "拘留通知书", None),
        # the 文号 on the title line (a PDF puts both on one baseline)
        ("立案决定书甘公（刑）立字〔2016〕79号", "立案决定书", None),
        ("甘井子区公安局扣押决定书 甘公（刑）扣字〔2016〕96号", "扣押决定书", "甘井子区公安局"),
        # regression (ind_e03): an appraisal titled by its subject
        ("法医学人体损伤程度鉴定意见书", "鉴定意见书", None),
        ("司法鉴定意见书", "鉴定意见书", None),
        ("临川区公安局鉴定意见书", "鉴定意见书", "临川区公安局"),
        ("法医物证DNA鉴定意见书", "鉴定意见书", None),  # regression (ind_k09): a method in Latin letters
        ("电子数据检验报告", "鉴定意见书", None),  # regression (ind_bc01): the 检验报告 form of a 鉴定 document
        # regression (ind_bg03): the institution's name and its qualified title on one line
        ("宁安市公安局物证鉴定所 法医临床人体损伤程度鉴定意见书", "鉴定意见书", "宁安市公安局物证鉴定所"),
        # regressions (round h): titles with the measure or decision they belong to
        ("指定居所监视居住通知书", "监视居住通知书", None),
        ("附条件不起诉宣布笔录", "宣布笔录", None),
        ("不起诉决定宣布笔录", "宣布笔录", None),
        # regression (real round j): the procuratorate's decision on a complaint against a 不起诉
        ("刑事申诉复查决定书", "刑事申诉复查决定书", None),
        ("黄冈市人民检察院复查决定书", "刑事申诉复查决定书", "黄冈市人民检察院"),
        ("延长审查起诉期限审批表", "延长审查起诉期限决定书", None),  # regression (ind_j01): ran into the report before it
        ("告知犯罪嫌疑人诉讼权利通知书", "犯罪嫌疑人诉讼权利义务告知书", None),  # regression (ind_j03): ran into the 起诉意见书
        ("检验报告（悬挑脚手架坍塌原因技术检验）", "鉴定意见书", None),  # regression (held-out ind_gl01): a long bracket after it
        ("送达回执", "送达回证", None),  # held-out ind_gj07, ind_fg03
        ("赔偿及谅解协议", "未知文书", None),  # regression (held-out ind_gl04): ran into the notice above it
        ("DNA检验报告", "鉴定意见书", None),  # regression (held-out ind_gp01): a Latin acronym opens the qualifier
        ("退赃退赔款接收凭证", "未知文书", None),  # regression (held-out ind_gs02): ran into an extension's decision
    ],
)
def test_title_lines(line: str, expected_type: str, expected_organ: str | None) -> None:
    match = match_title(line)
    assert match is not None
    assert match.doc_type == expected_type
    assert match.organ == expected_organ


@pytest.mark.parametrize(
    "line",
    [
        "问这是拘留证，你看一下。",
        "犯罪嫌疑人黄佳男因涉嫌贩卖毒品罪于2015年10月15日被我局刑事拘留，",
        "依照《中华人民共和国刑事诉讼法》第一百六十条之规定，现将此案移送审查起诉。",
        "附：拘留证复印件一份",
        "不批准逮捕决定。",  # regression (corpus o, ind_o07): a body line wrapped before its last words
        "",
        "临川区公安局",
        "2 立案决定书",  # a 卷内目录 row without its page number (regression: split the 目录)
        "12 取保候审决定书",
        "立案决定书甘公（刑）立字〔2016〕79号已送达",  # a 文号 followed by a sentence
        "立案决定书 甘公（刑）立字〔2016〕79号 2",  # a 目录 row: 文号 then page number
        "经鉴定出具鉴定意见书",  # a subject is allowed before 鉴定意见书 only, and never a sentence
        "法医学人体损伤程度起诉意见书",
        # regression (round h): a form's field naming another document's number (取保候审执行通知书's table)
        "取保候审决定书文号 成公武（刑）取保字〔2021〕0233号",
        "已向其宣布笔录",
        "、执行取保候审通知书",  # regression (ind_bi05): a 送达回证's list of documents wrapped to a new line
        "检验报告（详见附件，共三页，由鉴定人签名）",  # a long bracket with a sentence's stops is no trailer
        "不起诉决定书（宁检刑不诉〔2021〕12号）",  # regression (ind_v06): a 送达回证's cell naming the paper it served
    ],
)
def test_not_title_lines(line: str) -> None:
    assert match_title(line) is None


# Run-on texts (web-published judgments: the whole document on one line) start with organ, title,
# 案号 and the first party; every line here is longer than a title line may be.
_RUN_ON_TAIL = "被告人张某某，男，1990年1月1日出生，汉族，初中文化，无业，户籍所在地某省某县，现住某市某区。"


@pytest.mark.parametrize(
    ("line", "expected_type", "expected_organ"),
    [
        ("浙江省德清县人民法院刑 事 判 决 书（2018）浙0521刑初267号公诉机关德清县人民检察院。" + _RUN_ON_TAIL, "刑事判决书", "浙江省德清县人民法院"),
        ("上海市长宁区人民法院 刑事判决书 （2018）沪0105刑初655号 公诉机关上海市长宁区人民检察院。 " + _RUN_ON_TAIL, "刑事判决书", "上海市长宁区人民法院"),
        ("广东省广州市白云区人民法院刑事判决书(2019)粤0000刑初00号公诉机关广州市白云区人民检察院." + _RUN_ON_TAIL, "刑事判决书", "广东省广州市白云区人民法院"),
        ("**省**市中级人民法院刑事裁定书（2019）*01刑终12号原公诉机关**区人民检察院。上诉人（原审被告人）" + _RUN_ON_TAIL, "刑事裁定书", "**省**市中级人民法院"),
        ("临川区人民检察院起诉书临检刑诉〔2023〕15号" + _RUN_ON_TAIL, "起诉书", "临川区人民检察院"),
        # regression (real judgments, round g): the publishing site's headline left on the header's line
        ("滕某、张某赌博一审刑事判决书 河北省武邑县人民法院 刑事判决书 （2016）冀1122刑初62号 公诉机关河北省武邑县人民检察院。 "
         + _RUN_ON_TAIL, "刑事判决书", "河北省武邑县人民法院"),
        # regression (real round u, ru_24): the form's note on its title line, "（速裁程序专用）"
        ("广东省深圳市宝安区人民法院 刑 事 判 决 书 (速裁程序专用) (2020)粤0306刑初126号 公诉机关深圳市宝安区人民检察院 "
         + _RUN_ON_TAIL, "刑事判决书", "广东省深圳市宝安区人民法院"),
        # regressions (real round x): a published text without its party paragraph; a site headline misnaming the
        # kind, running long, or ending in a file name; a 公益诉讼 prosecutor
        ("某、刘某信用卡诈骗罪一审刑事判决书江苏省泰兴市人民法院刑事判决书（2019）苏1283刑初209号：泰兴市人民检察院以泰检诉刑诉"
         "［2019］173号起诉书指控被告人顾某、刘某犯信用卡诈骗罪", "刑事判决书", "江苏省泰兴市人民法院"),
        ("葛文韬、冯龙抢夺一审民事判决书西安市莲湖区人民法院刑事判决书（2014）莲刑初字第00103号：西安市莲湖区人民检察院以西莲检"
         "刑诉（2014）31号起诉书指控", "刑事判决书", "西安市莲湖区人民法院"),
        ("被告人贾某某销售有毒、有害食品一案刑事判决书河南省栾川县人民法院刑事判决书（2014）栾刑初字第61号：栾川县人民检察院以"
         "栾检刑诉（2014）19号起诉书", "刑事判决书", "河南省栾川县人民法院"),
        ("掋某某、晁某某职务侵占罪一审刑事判决书doc陕西省定边县人民法院刑事判决书（2013）定刑初字第00094号：定边县人民检察院以"
         "定检刑诉（2013）48号起诉书", "刑事判决书", "陕西省定边县人民法院"),
        ("云南省红河哈尼族彝族自治州中级人民法院 刑事判决书 （2019）云25刑终45号 原公诉暨公益诉讼机关云南省金平县人民检察院。 "
         + _RUN_ON_TAIL, "刑事判决书", "云南省红河哈尼族彝族自治州中级人民法院"),
        # regressions (real round ax): an indictment read out in court and transcribed — the 文号 without its brackets
        # or left out, punctuation between the parts, the first party without a role
        ("海南省海口市人民检察院起诉书海检刑诉2025 14号，被告人潘某甲，XXX年X月X日出生，男，汉族，XXX文化，户籍XXX，无违法犯罪记录。",
         "起诉书", "海南省海口市人民检察院"),
        ("南陵县人民检察院起诉书，南检刑诉2025 76号，被告人宛某，绰号大水子，男性，1974年7月29日出生，公民身份号码XXXX，初中文化程度。",
         "起诉书", "南陵县人民检察院"),
        ("安徽省商丘县人民检察院起诉书。被告人项某，男，1980年出生，汉族，初中文化，无业，户籍所在地安徽省商丘县某镇某村。",
         "起诉书", "安徽省商丘县人民检察院"),
        ("四川省遂宁市船山区人民检察院起诉书，遂传检刑诉2024 279号。袁某，于1990年9月21日出生，公民身份号码XXXX，初中文化，户籍所在地住XXX。",
         "起诉书", "四川省遂宁市船山区人民检察院"),
        ("人民检察院起诉书，泸纳检刑诉2024 152号，本案由泸州市公安局纳溪区分局侦查终结，以被告人江某甲涉嫌盗窃罪，于2024年9月29日移送本院审查起诉。",
         "起诉书", "人民检察院"),
    ],
)
def test_run_on_title_lines(line: str, expected_type: str, expected_organ: str) -> None:
    match = match_title(line)
    assert match is not None
    assert (match.doc_type, match.organ) == (expected_type, expected_organ)


@pytest.mark.parametrize(
    "line",
    [
        # a sentence citing a judgment: the 案号 is followed by a verb, not by a party
        "经查上海市长宁区人民法院刑事判决书（2018）沪0105刑初655号认定被告人张某某犯盗窃罪，判处有期徒刑六个月，并处罚金人民币一千元。",
        "上海市长宁区人民法院刑事判决书（2018）沪0105刑初655号已于2018年8月1日发生法律效力，" + _RUN_ON_TAIL,
        # no organ before the title, or no 案号 after it
        "刑事判决书（2018）沪0105刑初655号公诉机关上海市长宁区人民检察院。" + _RUN_ON_TAIL,
        "上海市长宁区人民法院刑事判决书公诉机关上海市长宁区人民检察院。" + _RUN_ON_TAIL,
        "附：拘留证复印件一份，取保候审决定书复印件一份，扣押清单一份，鉴定意见书一份，以上材料共计四份，均已随案移送。",
        "问这是拘留证，你看一下。答好。问你知不知道你为什么被拘留的？答知道，因为我涉嫌故意伤害的事情。问什么时间？",
        "被告人张某某曾因犯盗窃罪被上海市长宁区人民法院刑事判决书（2016）沪0105刑初1号判处拘役五个月，" + _RUN_ON_TAIL,
        # a transcribed head needs a mark or a 文号 before the party; a 文号 followed by a verb is a citation
        "南陵县人民检察院起诉书南检刑诉2025 76号指控被告人宛某犯开设赌场罪，" + _RUN_ON_TAIL,
        "南陵县人民检察院起诉书，指控被告人宛某犯开设赌场罪，经审理查明的事实与起诉书指控的一致，" + _RUN_ON_TAIL,
    ],
)
def test_not_run_on_title_lines(line: str) -> None:
    assert match_title(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("临川区公安局\n拘留证\n临公（刑）拘字〔2023〕15号\n", "临公（刑）拘字〔2023〕15号"),
        ("左贡县人民检察院\n起诉书\n左检刑诉〔2025〕54号\n", "左检刑诉〔2025〕54号"),
        ("起诉意见书\n甘公刑诉字[2016]001号\n", "甘公刑诉字[2016]001号"),
        ("刑事判决书(2019)粤0000刑初00号公诉机关", "(2019)粤0000刑初00号"),
        ("**市中级人民法院\n刑事裁定书\n（2019）*01刑终12号\n", "（2019）*01刑终12号"),  # masked 案号
        ("拘留证\n犯罪嫌疑人张三\n", None),
        # regression (held-out ind_ec04): the request's 文号 cited in the decision's first sentence is not its own
        ("批准逮捕决定书\n（副本）\n澄州市公安局白沙分局：\n你局于2023年10月10日以白公（刑提捕）字〔2023〕205号提请批准逮捕书"
         "提请批准逮捕犯罪嫌疑人冯某强", None),
        ("批准逮捕决定书\n白检刑批捕〔2023〕208号\n你局于2023年10月10日以白公（刑提捕）字〔2023〕205号提请批准逮捕书提请",
         "白检刑批捕〔2023〕208号"),
    ],
)
def test_document_number(text: str, expected: str | None) -> None:
    assert find_number(text) == expected


def _dossier(pages: list[str], breaks: bool = False) -> Dossier:
    dossier = Dossier(source="t.txt", pages=[Page(number=i + 1, text=t, source="t.txt", method="txt") for i, t in enumerate(pages)])
    dossier.build_text()
    if breaks:
        dossier.hard_breaks = dossier.page_starts[1:]
    return dossier


DETENTION = "临川区公安局\n拘留证\n临公（刑）拘字〔2023〕15号\n根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人张某某执行拘留。\n临川区公安局（印）\n二〇二三年三月五日"
NOTICE = "临川区公安局\n拘留通知书\n临公（刑）拘通字〔2023〕15号\n张某某家属：\n我局已于2023年3月5日将涉嫌盗窃罪的张某某刑事拘留。\n临川区公安局\n2023年3月5日"


@pytest.mark.parametrize(
    ("pages", "breaks", "expected"),
    [
        # one document per page, found by title lines alone
        ([DETENTION, NOTICE], False, [("拘留证", "2023-03-05", "临公（刑）拘字〔2023〕15号"), ("拘留通知书", "2023-03-05", "临公（刑）拘通字〔2023〕15号")]),
        # both documents on one page
        ([DETENTION + "\n" + NOTICE], False, [("拘留证", "2023-03-05", "临公（刑）拘字〔2023〕15号"), ("拘留通知书", "2023-03-05", "临公（刑）拘通字〔2023〕15号")]),
        # hard breaks around an untitled piece
        ([DETENTION, "这一页没有标题。\n2023年4月1日", NOTICE], True, [("拘留证", "2023-03-05", "临公（刑）拘字〔2023〕15号"), (UNKNOWN, "2023-04-01", None), ("拘留通知书", "2023-03-05", "临公（刑）拘通字〔2023〕15号")]),
    ],
)
def test_segment_documents(pages: list[str], breaks: bool, expected: list[tuple[str, str | None, str | None]]) -> None:
    docs = segment(_dossier(pages, breaks))
    assert [(d.type, iso(d.date), d.number) for d in docs] == expected
    assert docs[0].organ == "临川区公安局"


def test_segment_covers_every_character() -> None:
    dossier = _dossier(["前言\n" + DETENTION, NOTICE])
    docs = segment(dossier)
    assert docs[0].start == 0
    assert "".join(d.text for d in docs) == dossier.text
    for doc in docs:
        assert dossier.text[doc.start : doc.end] == doc.text


def test_multi_page_document_lists_its_pages() -> None:
    docs = segment(_dossier([DETENTION.replace("临川区公安局（印）\n二〇二三年三月五日", ""), "临川区公安局（印）\n二〇二三年三月五日", NOTICE]))
    assert [list(d.pages) for d in docs] == [[1, 2], [3]]
    assert iso(docs[0].date) == "2023-03-05"


def test_record_is_dated_by_its_time_line() -> None:
    text = "讯问笔录（第1次）\n时间 2023年3月5日14时30分至2023年3月5日15时40分\n地点 临川区看守所\n问：……\n答：……\n2023年3月6日"
    (doc,) = segment(_dossier([text]))
    assert doc.type == "讯问笔录"
    assert iso(doc.date) == "2023-03-05"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("临川区公安局\n取保候审\n决定书\n临公（刑）取保字〔2023〕15号\n正文。\n二〇二三年三月八日", ["取保候审决定书"]),
        ("临川区公安局\n提请批准\n逮捕书\n正文。\n二〇二三年三月八日", ["提请批准逮捕书"]),
        ("讯问笔录\n问：你叫什么\n答：张三", ["讯问笔录"]),
        ("正文一\n正文二\n2023年3月8日", [UNKNOWN]),
    ],
)
def test_title_over_two_lines(text: str, expected: list[str]) -> None:
    assert [d.type for d in segment(_dossier([text]))] == expected


_JUDGMENT_END = "如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向某市中级人民法院提出上诉。"


@pytest.mark.parametrize(
    ("body", "doc_type", "expected"),
    [
        # a court signature block, run on or laid out: the date between the judges and the clerk
        (_JUDGMENT_END + "审 判 员杨军二〇一八年七月五日代书记员娄丹", "刑事判决书", "2018-07-05"),
        (_JUDGMENT_END + " 审判员许艳婷 二〇一八年七月十六日 书记员辛颖 [附相关法律条文略]", "刑事判决书", "2018-07-16"),
        (_JUDGMENT_END + "\n审判长 张三\n审判员 李四\n二〇一九年三月一日\n本件与原本核对无异\n书记员 王五\n附：相关法律条文\n《中华人民共和国刑法》第二百六十四条 盗窃公私财物……", "刑事判决书", "2019-03-01"),
        (_JUDGMENT_END + "审判员杨军二〇一八年七月五日", "刑事判决书", "2018-07-05"),  # no clerk: after the judge
        # an excerpt without its signature: no date, not the last date the text recounts
        ("广东省广州市白云区人民法院刑事判决书(2019)粤0000刑初00号公诉机关广州市白云区人民检察院.被告人黄某某,男,1995年12月13日出生。因本案于2018年9月19日被刑事拘留,同年9月26日被取保候审。", "刑事判决书", None),
        ("本院于2018年7月5日审判员宣读了判决，被告人当庭表示不上诉。", "刑事判决书", None),  # 审判员 after a date in a sentence
        ("二〇二三年三月五日\n本决定书已收到。", "拘留证", "2023-03-05"),
        # records: the 时间 line of the header
        ("讯问笔录\n时间：2016年9月21日14时10分至2016年9月21日15时25分\n地点：某看守所\n问：什么时间发生的事情？\n答：2015年12月7日", "讯问笔录", "2016-09-21"),
        ("询问笔录\n时间：\n2016年9月21日14时10分至15时\n地点：某派出所\n问：你的基本情况？", "询问笔录", "2016-09-21"),
        ("搜查笔录\n2023年3月5日9时至10时\n地点：某小区\n搜查情况：在卧室搜出手机一部。", "搜查笔录", "2023-03-05"),
        # a garbled 时间 line: no date rather than the 案发 date the suspect recounts
        ("讯问笔录 (第2次）\n时间2016年L月11曰17时20分至2016年i月19_0 时£1分 地点大连市看守所\n犯罪嫌疑人姓名 刘某\n问什么时间发生的事情？\n答在2015年12月7日24时许发生的。", "讯问笔录", None),
        ("讯问笔录\n时间 2023年L月5曰\n问：哪天？\n答：2015年12月7日", "讯问笔录", None),  # an answer that is only a date
        # no 时间 line; a birth date in the header is not the record's date, the closing date is
        ("讯问笔录\n犯罪嫌疑人张三，1990年1月1日出生\n问：你的基本情况？\n答：如上。\n以上笔录我看过，和我说的相符。\n2023年3月6日", "讯问笔录", "2023-03-06"),
        # regression (round h): a 卷内目录 has no date of its own, whatever its rows say
        ("卷内目录\n1 起诉意见书 2016年8月29日 2\n2 不起诉决定书 2016年10月9日 9\n2016年10月9日", "卷内目录", None),
        # regression (ind_d01): an approval form is dated by its approver's signed opinion, not its 受理时间 field
        ("延长审查起诉期限审批表\n受理时间：2021年4月26日；重新移送：2021年6月18日\n审查起诉期限届满日：2021年7月18日\n"
         "承办检察官意见：建议延长。 刘文静  2021.7.12\n检察长意见：同意延长审查起诉期限十五日。 杨国栋  2021.7.12",
         "延长审查起诉期限决定书", "2021-07-12"),
        # regression (real round m): an 起诉书 printed on one line, its prosecutors, the date, then the attachments
        ("起诉书 …提起公诉,请依法判处. 此致 杭州市滨江区人民法院 检察员:夏涛 2020年3 月 30 日 附: 1.被告人查某甲现羁押于杭州市看守所",
         "起诉书", "2020-03-30"),
        ("起诉书 …此致 叶城县法院 检察员:陈昆鸿 陈天宝 书记员:李硕 (院印) 2020年2月23日 附: 1.被告人许某现羁押于看守所.",
         "起诉书", "2020-02-23"),
        ("起诉书 …此致 重庆市涪陵区人民法院 检 察 官:范莉莉 检察官助理:朱丽颖 2020年4月23 日 附: 1.案卷材料二册.",
         "起诉书", "2020-04-23"),
        ("起诉书 …被告人于2019年5月20日被刑事拘留，附：相关法律条文", "起诉书", None),  # no prosecutor signs before it
        # regression (ind_l04): the organ and the date on one signature line
        ("不予立案通知书\n邓某某：\n你于2023年5月8日控告黄某某故意伤害一案，决定不予立案。\n长沙市公安局岳麓分局 二〇二三年五月十五日",
         "不予立案通知书", "2023-05-15"),
        ("不予立案通知书\n你于2023年5月8日控告黄某某一案，经审查，决定不予立案。 二〇二三年五月十五日以后再议", "不予立案通知书", None),
        # regression (ind_l12): a one-line report signed at the end of its last sentence
        ("补充侦查报告书\n渝中公（刑）补侦字〔2020〕0031号\n已补充调取转账记录。现重新移送审查起诉。重庆市公安局渝中区分局　二〇二〇年二月七日",
         "补充侦查报告书", "2020-02-07"),
        ("补充侦查报告书\n已补充调取转账记录。重庆市公安局渝中区分局于二〇二〇年二月七日重新移送审查起诉", "补充侦查报告书", None),
        ("补充侦查报告书\n已补充调取转账记录。现查明被害人于二〇二〇年二月七日报案", "补充侦查报告书", None),
        # regression (corpus o, ind_o08): a table form's approver signs with title and name, no colon
        ("延长审查起诉期限审批表\n受理日期 2023-05-04\n延长理由 案情复杂\n审批意见 同意延长审查起诉期限十五日。  检察长 于建华  2023-05-30",
         "延长审查起诉期限决定书", "2023-05-30"),
        # regression (corpus o, ind_o01): the signer's date shares its line with the next signer's field
        ("发还清单\n将下列扣押财物发还被害人徐某：\n1 电瓶 5块\n领取人：徐某（捺指印）  2024.3.28    经办人：李明、张涛\n原物照片已存卷。",
         "发还清单", "2024-03-28"),
        # regressions (real round p): a one-line decision ending with its date after a half-width stop; "附件:"
        ("不起诉决定书 …决定对蔡某某不起诉. 被害人如不服本决定,也可以不经申诉,直接向人民法院起诉. 2020年4月24日",
         "不起诉决定书", "2020-04-24"),
        ("不起诉决定书 …于2020年3月5日被刑事拘留. 2020年3月17日", "不起诉决定书", "2020-03-17"),
        ("起诉书 …请依法判处. 此致 重庆市北碚区人民法院 检察官:王某 2020年4月16日 附件: 1.被告人余某某现被取保候审",
         "起诉书", "2020-04-16"),
        # regressions (ind_ag09, ind_ag01): a signer, the organ and its seal, then the date; an approval signed off
        ("拘留证\n兹决定对涉嫌诈骗罪的纪某执行拘留。\n局长（签名）：倪某华 海州市公安局云台分局（印） 二〇一九年五月六日\n"
         "本证已于2019年5月6日9时0分向我宣布。 被拘留人：纪某（捺指印）\n被拘留人纪某已于2019年5月6日11时20分送至本所。 接收民警：戴某",
         "拘留证", "2019-05-06"),
        ("受案登记表\n接报时间：2021年2月22日8时40分\n受案意见：属本单位管辖的刑事案件\n受案审批：同意。 2021年2月22日\n"
         "受案民警：许某、陆某", "受案登记表", "2021-02-22"),
        # regression (corpus cn, ind_cn01): the head's title and seal, no name, then the date on the line
        ("逮捕证\n兹决定对涉嫌盗窃罪的王某军执行逮捕，送临河区看守所羁押。\n局长（印） 二〇二二年三月二十日\n"
         "本证已于2022年3月20日18时向我宣布。被逮捕人：王某军（捺指印）", "逮捕证", "2022-03-20"),
        ("逮捕证\n兹决定对涉嫌盗窃罪的王某军执行逮捕。\n经局长（印）批准于二〇二二年三月二十日执行", "逮捕证", None),
        # regression (corpus bl, ind_bl04): an approval cell without a colon, the approver and the date
        ("受案登记表\n接报时间  2023年3月6日9时00分  接报方式  移送\n受案意见  属本单位管辖的刑事案件。\n受案审批  同意。韩学东 2023年3月6日\n"
         "接报民警：高振华、贾立新", "受案登记表", "2023-03-06"),
        # regression (held-out ind_gy01): a stub's field of the day the request was received dates no decision
        ("批准逮捕决定书\n存根\n江清检捕批〔2023〕57号\n犯罪嫌疑人：龚某明\n收到提请批准逮捕书时间：2023年3月14日\n——————",
         "批准逮捕决定书", None),
        # regression (held-out ind_gm01): a table row's approval cell, its date followed by empty cells
        ("受案登记表\n受案时间｜2023年2月20日9时30分｜受案地点｜接报案室\n受案意见｜属本单位管辖的刑事案件。｜｜\n"
         "受案审批｜同意。经侦大队负责人  2023年2月20日｜｜\n接报民警：周某峰、吴某东", "受案登记表", "2023-02-20"),
        # regressions (corpus bm): a PDF table's approval rows, the leader's approval last; a signer's date before the
        # next signer's blank field; an appraisal institution's seal and date
        ("呈请立案报告书\n拟立为盗窃案侦查。妥否，请批示。\n审批栏 意见 签名 日期\n承办人意见 建议立案侦查 刘振、陈\n岩\n2021年3月1日\n"
         "法制审核意见 符合立案条件 宋佳 2021年3月2日领导审批 同意立案 邱国华 2021年3月2日", "呈请立案报告书", "2021-03-02"),
        # …but a report signed and dated by its officers, then endorsed, keeps its own date (ind_a04)
        ("呈请取保候审报告书\n建议对其取保候审。\n妥否，请批示。\n办案单位：刑侦大队二中队  办案人：何文杰、唐静\n2021年4月7日\n"
         "批示：同意。 武侯区分局副局长 彭川 2021年4月8日", "呈请取保候审报告书", "2021-04-07"),
        ("认罪认罚具结书\n本人同意适用速裁程序。\n犯罪嫌疑人签名：钱伟  2021年11月20日  辩护人/值班律师签名：",
         "认罪认罚具结书", "2021-11-20"),
        ("法医学人体损伤程度鉴定意见书\n鉴定意见 轻伤二级\n鉴定人 主检法医师 方明\n江州市公安司法鉴定中心（鉴定专用章） 2023年3月1日",
         "鉴定意见书", "2023-03-01"),
        # regression (ind_i05): OCR reads the 日 of a form's date label as 曰
        ("受案登记表\n接报时间：2020年6月1日16时20分\n受案意见：建议立案侦查\n受案审批人：[手写]\n专用章\n受案曰期：2020年6月1日",
         "受案登记表", "2020-06-01"),
        # regressions (corpus ak, ag): a 送达回证 is dated by the receipt it records, not by the day it was made out; a
        # one-row table of recipients by its only date; a table of several days keeps its signature date
        ("送达回证\n送达文书名称及文号：不起诉决定书（江南检刑不诉〔2020〕3号）\n受送达人：韦某\n"
         "受送达人签名或盖章：韦某 2020年1月21日\n送达人：卜某\n签发日期：2020年1月20日", "送达回证", "2020-01-21"),
        ("送达回证\n送达文书名称  文号  受送达人  收件人签名  送达日期\n不起诉决定书  江南检刑不诉〔2022〕Z56号  赵某  赵某  2022年8月17日\n"
         "送达人：韩某", "送达回证", "2022-08-17"),
        ("送达回证\n受送达人  签收日期\n邓某  2021年5月12日\n朱某  2021年5月13日\n某检察院\n2021年5月11日", "送达回证", "2021-05-11"),
        # regression (corpus ak): a cover's 立卷时间 "X至Y" is the span of its volume, not its date
        ("某区人民检察院 审查起诉卷\n案件名称  周某故意伤害案\n立卷时间  2021年2月27日至2021年8月20日\n保管期限  长期",
         "卷宗封面", None),
        ("卷宗封面\n某分局\n卷别：诉讼卷\n立卷日期：2021年10月8日\n立卷人：孟某", "卷宗封面", "2021-10-08"),
        # regression (ind_aq10): a birth date on the line under its label is no signature date
        ("受案登记表\n报案人姓名：翁某 性别：男 出生日期：\n1981年5月20日\n身份证件种类：居民身份证\n"
         "受案民警：柯某 2025年3月6日", "受案登记表", "2025-03-06"),
        # regression (ind_bd01): a notice with no date of its own is dated by its person's receipt, not by the case's
        ("犯罪嫌疑人诉讼权利义务告知书\n犯罪嫌疑人张某：\n本院于2021年6月21日收到某分局移送审查起诉的你涉嫌故意伤害罪一案。\n"
         "本告知书已于2021年6月23日收到。犯罪嫌疑人：张某（捺指印）\n某区人民检察院（印）", "犯罪嫌疑人诉讼权利义务告知书", "2021-06-23"),
        ("犯罪嫌疑人诉讼权利义务告知书\n犯罪嫌疑人张某：\n本院于2021年6月21日收到某分局移送审查起诉的你涉嫌故意伤害罪一案。\n"
         "某区人民检察院（印）", "犯罪嫌疑人诉讼权利义务告知书", None),
        # regression (held-out ind_db01): the hour of the notice in a bracket after its signature date
        ("拘留通知书\n李某梅（郑某之妻）：\n我局已于2023年2月27日10时20分将涉嫌盗窃罪的郑某刑事拘留。\n临川市公安局青崖分局\n"
         "2023年3月1日（通知时间：9时00分）\n家属签收：李某梅", "拘留通知书", "2023-03-01"),
        # regression (held-out ind_da01): an approval form's rows, one per signer with its date, no date line of its
        # own: the approver's row dates it
        ("呈请延长拘留期限审批表\n犯罪嫌疑人：韩某升\n拘留时间：韩某升 2023年3月22日\n签名  意见  日期\n"
         "办案人 │ 林某远 │ 呈请延长 │ 2023年3月23日\n审核人 │ 许某静 │ 情况属实 │ 2023年3月23日\n批准人 │ 杜某华 │ 同意 │ 2023年3月24日",
         "延长拘留期限通知书", "2023-03-24"),
        # regression (held-out ind_dh10): the organ's bare kind with its seal before the signature date; the receipt
        # line after it dates the delivery, not the notice
        ("不予立案通知书\n薛某：\n你于2023年2月6日控告的一事，决定不予立案。\n公安局（印）  二〇二三年二月八日\n"
         "送达回执：本通知书已于2023年2月15日收到。控告人：薛某（签名）", "不予立案通知书", "2023-02-08"),
        # regression (held-out ind_do01): the head's title with its seal, the date, the seal again
        ("立案决定书\n东检侦立〔2024〕1号\n本院认为有犯罪事实需要追究刑事责任，决定立案侦查。\n检察长（印）  二〇二四年三月四日（院印）",
         "立案决定书", "2024-03-04"),
        # regression (held-out ind_dp02): the prosecutor's signature line closed by the seal
        ("起诉书\n江东检刑诉〔2023〕171号\n本案由某分局侦查终结，于2023年10月9日向本院移送审查起诉。\n根据…提起公诉。\n此致\n"
         "江州市东湖区人民法院\n检察员：蒋某  二〇二三年十二月一日  （院印）", "起诉书", "2023-12-01"),
        # regression (held-out ind_ga07): the prosecutor's name and the date, then the organ with its seal on the next line
        ("起诉书\n江青检刑诉〔2023〕77号\n本案由某分局侦查终结，移送本院审查起诉。\n根据…提起公诉。\n此致江州市青山区人民法院\n"
         "检察官 方某 2023年9月25日\n江州市青山区人民检察院（院印）", "起诉书", "2023-09-25"),
        # regression (held-out ind_do01): a procuratorate's department signs its own investigation's paper, labelled
        ("起诉意见书\n本院于2024年3月4日立案侦查。现将本案移送本院第一检察部审查起诉。\n"
         "负责侦查的部门：江州市东湖区人民检察院第五检察部（印） 二〇二四年五月十日", "起诉意见书", "2024-05-10"),
        # regression (held-out ind_ds08): the notice's receipt part bound after it dates the delivery, not the notice
        ("不予立案通知书\n甘某：\n你于2024年4月2日提出控告的一案，决定不予立案。\n某分局（印）\n2024年4月8日\n\n不予立案通知书（回执）\n"
         "本人已收到不予立案通知书。\n控告人：甘某（签名）\n2024年4月15日", "不予立案通知书", "2024-04-08"),
        ("不予立案通知书（回执）\n本人已收到不予立案通知书。\n控告人：甘某（签名）\n2024年4月15日", "不予立案通知书", "2024-04-15"),
        # regression (held-out ind_ed09): …so does a receipt written under the signature without a heading
        ("不予立案通知书\n何某梅（控告人）：\n你于2021年8月5日提出的控告，决定不予立案。\n青石市公安局（印）\n2021年8月9日\n\n"
         "本通知书已收到。\n控告人：何某梅（签名捺指印）\n2021年8月17日", "不予立案通知书", "2021-08-09"),
        ("送达回证\n本通知书已收到。\n受送达人：何某梅\n2021年8月17日", "送达回证", "2021-08-17"),
        # regression (held-out ind_dt08): a table after the signature, its period's end wrapped onto a line of its own
        ("批准延长侦查羁押期限决定书\n东检延捕〔2023〕2号\n决定批准延长侦查羁押期限一个月。\n东阳市人民检察院（院印）\n二〇二四年一月九日\n"
         "犯罪嫌疑人 性别 公民身份号码 延长期限\n贺某军 男 430105198006060172 2024年1月13日\n至2024年2月12日", "批准延长侦查羁押期限决定书", "2024-01-09"),
        # regression (held-out ind_go01): a company or a price body signing under its seal
        ("鉴定书\n鉴定意见：系假冒“飞豹”注册商标的产品。\n飞豹润滑油（中国）有限公司（章）  2023年3月10日", "鉴定意见书", "2023-03-10"),
        ("价格认定结论书\n价格认定结论：人民币289000元。\n江川市临溪区价格认定中心（盖章）  2023年3月20日", "鉴定意见书", "2023-03-20"),
    ],
)
def test_document_date(body: str, doc_type: str, expected: str | None) -> None:
    assert iso(find_date(body, doc_type)) == expected


_RUN_ON_JUDGMENT = (
    "浙江省德清县人民法院刑 事 判 决 书（2018）浙0521刑初267号公诉机关德清县人民检察院。" + _RUN_ON_TAIL
    + "2013年10月15日因犯盗窃罪被本院判处拘役五个月。2018年4月2日因本案被刑事拘留，同年4月28日被逮捕。"
    + _JUDGMENT_END + "审 判 员杨军二〇一八年七月五日代书记员娄丹"
)
_CITING = "经查上海市长宁区人民法院刑事判决书（2018）沪0105刑初655号认定被告人张某某犯盗窃罪，判处有期徒刑六个月，并处罚金人民币一千元。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ([_RUN_ON_JUDGMENT], [("刑事判决书", "2018-07-05")]),
        # a body line citing a judgment does not start a document
        (["临川区公安局\n起诉意见书\n临公（刑）诉字〔2023〕15号\n" + _CITING + "\n临川区公安局\n二〇二三年三月八日"], [("起诉意见书", "2023-03-08")]),
        # title and 文号 on one line: each a document of its own
        (["甘井子区公安局\n立案决定书甘公（刑）立字〔2016〕79号\n决定立案侦查。\n二〇一六年二月十九日\n甘井子区公安局\n扣押决定书甘公（刑）扣字〔2016〕96号\n决定扣押。\n二〇一六年二月二十二日"],
         [("立案决定书", "2016-02-19"), ("扣押决定书", "2016-02-22")]),
    ],
)
def test_segment_real_layouts(text: list[str], expected: list[tuple[str, str | None]]) -> None:
    assert [(d.type, iso(d.date)) for d in segment(_dossier(text))] == expected


def _segment_text(text: str) -> list[tuple[str, str | None]]:
    from auditor.model import Dossier, Page

    dossier = Dossier(source="x.txt", pages=[Page(number=1, text=text, source="x.txt", method="txt")])
    dossier.build_text()
    return [(d.type, d.title) for d in segment(dossier)]


def test_regression_a_delivered_documents_title_under_a_bare_label_is_a_value() -> None:
    """Round i: a 送达回证 read column by column; its value "不起诉决定书 武检刑不诉〔2022〕21号" is not a document."""
    text = ("送达回证\n送达文书名称及文号：\n受送达人：\n送达日期：\n送达人：\n不起诉决定书 武检刑不诉〔2022〕21号\n邓凯\n"
            "2022年3月31日\n")
    assert [t for t, _ in _segment_text(text)] == ["送达回证"]


def test_regression_a_records_title_with_its_ordinal_under_an_empty_field_starts_the_record() -> None:
    """Held-out ind_dy06: "讯问笔录（第一次）" right under a 传唤证's empty "办案民警：" field was read as that field's value
    and the record typed 未知文书 (its 讯问 lost)."""
    text = ("传唤证\n兹传唤犯罪嫌疑人匡某于2021年4月5日8时30分到执法办案中心接受讯问。\n梧桐市公安局东湖分局（印） 2021年4月5日\n"
            "办案民警：\n讯问笔录（第一次）\n时间：2021年4月5日8时50分至2021年4月5日11时30分\n被讯问人姓名：匡某\n问：你叫什么？\n答：匡某。\n")
    assert [t for t, _ in _segment_text(text)] == ["传唤证", "讯问笔录"]


def test_regression_a_letters_heading_with_its_number_after_a_blank_line_starts_a_document() -> None:
    """Held-out ind_el03: a 复函 after a notice's "通知时间" line (no signature date right above it) was read into the
    notice, and the persons it names took the notice's act."""
    text = ("指定居所监视居住通知书\n邓某华：\n我局已于2021年7月6日10时00分对邓某博执行指定居所监视居住。\n"
            "云阶市公安局北湖分局（印）  2021年7月8日\n通知时间：2021年7月8日15时00分，通知方式：电话。\n\n"
            "关于羁押必要性审查建议处理情况的复函\n云公北函〔2021〕52号\n云阶市北湖区人民检察院：\n我局已于2021年7月6日对林某芬、邓某博"
            "变更为指定居所监视居住。\n云阶市公安局北湖分局（印）  2021年7月6日\n")
    assert [t for t, _ in _segment_text(text)] == ["监视居住通知书", "未知文书"]


def test_regression_a_record_of_an_unknown_kind_starts_where_its_heading_and_time_line_are() -> None:
    """Round i: "听取意见笔录" followed by its 时间 line, mid-page after a 告知书, was read into the 告知书."""
    text = ("犯罪嫌疑人诉讼权利义务告知书\n现告知你有权委托辩护人。\n2021年5月12日\n听取意见笔录\n时间：2021年5月25日14时30分\n"
            "内容：听取意见。\n2021年5月25日\n")
    assert _segment_text(text) == [("犯罪嫌疑人诉讼权利义务告知书", "犯罪嫌疑人诉讼权利义务告知书"), ("未知文书", "听取意见笔录")]


def test_regression_an_unknown_heading_after_a_signature_date_starts_a_document() -> None:
    """Corpus ak (ind_ak03): a 社会调查报告 (no type the lexicon knows) under its organ's line, right after the 起诉意见书's
    signature date, was read into the 起诉意见书; the organ's line above an unknown record goes with the record."""
    text = ("起诉意见书\n现将此案移送审查起诉。\n此致\n江州市东湖区人民检察院\n公安局（印）\n二〇二二年四月二十日\n\n"
            "江州市东湖区司法局\n未成年犯罪嫌疑人社会调查报告（林浩宇、林宇航）\n调查意见：建议适用附条件不起诉。\n二〇二二年五月六日\n\n"
            "江州市东湖区人民检察院\n听取意见笔录\n时间：2022年5月12日14时00分\n各方无异议。\n二〇二二年五月十二日\n")
    assert _segment_text(text) == [("起诉意见书", "起诉意见书"), ("未知文书", "江州市东湖区司法局"),
                                   ("未知文书", "江州市东湖区人民检察院")]


def test_regression_an_unknown_heading_after_a_line_closed_by_a_seal_starts_a_document() -> None:
    """Corpus cm (ind_cm09): a 更正说明 after the 拘留证's last line ("…收押民警：王芳（…看守所收押章）") and a blank line was
    read into the 拘留证 (its correction unseen, its date the next day's)."""
    text = ("拘留证\n兹决定对涉嫌盗窃罪的孙某萍执行拘留。\n公安局（印）  2023年9月12日\n"
            "送押时间：2023年9月12日12时  看守所收押民警：王芳（泉阳市第一看守所收押章）\n\n\n"
            "更正说明\n拘留证中被拘留人姓名“孙利萍”系笔误，应为“孙某萍”，特此更正。\n2023年9月13日\n")
    assert _segment_text(text) == [("拘留证", "拘留证"), ("未知文书", "更正说明")]


def test_regression_a_volumes_running_foot_with_its_page_number_is_no_cover() -> None:
    """Corpus cb (ind_cb03): "梧溪县公安局　刑事侦查卷　第 13 页" at the foot of every page was read as a 卷宗封面, cutting each
    record in two at its page break (the second page's 认罪认罚 notice lost to the first)."""
    text = ("讯问笔录\n时间：2021年9月15日20时10分至22时00分\n问：你有权委托律师作为辩护人，你听清楚了吗？\n答：听清楚了。\n"
            "梧溪县公安局　刑事侦查卷　第 13 页\n问：认罪认罚的，可以依法从宽处理，这些规定你明白吗？\n答：明白。\n")
    assert _segment_text(text) == [("讯问笔录", "讯问笔录")]


def test_regression_an_unknown_heading_after_a_page_footer_starts_a_document() -> None:
    """Corpus aw (ind_aw09): a text dump without page breaks; after the 起诉意见书's annex line and the page's footer, a
    刑事谅解书 (no type the lexicon knows) was read into the 起诉意见书, whose date became the 谅解书's."""
    text = ("起诉意见书\n现将此案移送审查起诉。\n此致\n杉坑县人民检察院\n杉坑县森林公安局（印）\n二〇一六年六月二十日\n"
            "附：1．本案卷宗卷页；2．随案移送物品清单一份。\n\n   杉坑县森林公安局 郑金寿等盗伐林木案    第25页\n\n\n"
            "         刑事谅解书\n  谅解人黄丽珍，女，四十四岁。\n  郑家已赔偿我经济损失。\n二〇一六年七月八日\n")
    docs = segment(_dossier([text]))
    assert [(d.type, iso(d.date)) for d in docs] == [("起诉意见书", "2016-06-20"), (UNKNOWN, "2016-07-08")]


def test_regression_an_unknown_form_after_an_organs_signature_line_starts_a_document() -> None:
    """Corpus bn (ind_bn05): after "东州市公安局东湖分局（印） 2019年5月12日" (organ, seal and date on one line), an
    "在逃人员登记/上网追逃审批表" was read into the 延长拘留期限通知书, whose suspect then had another's extension."""
    text = ("延长拘留期限通知书\n决定将犯罪嫌疑人张洋的拘留期限延长至七日。\n东州市公安局东湖分局（印） 2019年5月12日\n"
            "东州市公安局东湖分局\n在逃人员登记/上网追逃审批表\n在逃人员：刘洋，男。\n上网时间：2019年5月15日\n2019年5月15日\n")
    docs = segment(_dossier([text]))
    assert [(d.type, iso(d.date)) for d in docs] == [("延长拘留期限通知书", "2019-05-12"), (UNKNOWN, "2019-05-15")]


def test_regression_a_records_page_filed_behind_a_notice_is_no_part_of_it() -> None:
    """Corpus bs (ind_bs01): the second page of a 讯问笔录, filed out of order behind a 拘留通知书, was read as the
    notice's; the names its answers gave made the notice another suspect's, late."""
    notice = ("拘留通知书\n江滨公（刑）拘通字〔2019〕0716号\n刘某（王建军之母）：\n我局已于2019年7月10日22时40分将王建军刑事拘留。\n"
              "二〇一九年七月十二日\n")
    page = "问：你的基本情况？\n答：我叫王建国，男。是我叫李国平一起去的。\n被讯问人：王建国（捺指印） 2019年7月11日\n"
    docs = segment(_dossier([notice, page]))
    assert [(d.type, iso(d.date)) for d in docs] == [("拘留通知书", "2019-07-12"), (UNKNOWN, "2019-07-11")]


def test_regression_a_procuratorates_decision_under_a_police_units_header_is_the_procuratorates() -> None:
    """Corpus bs (ind_bs05): a procuratorate's 监视居住决定书 printed under the filing police unit's line was taken for the
    police's, and its missing 执行通知书 went unreported."""
    text = ("海州市公安局港湾分局经侦大队\n监视居住决定书\n海港检刑监居〔2020〕4号\n决定对其监视居住，期限为八个月。\n"
            "本决定交海州市公安局港湾分局执行。\n海州市港湾区人民检察院（印）\n2020年11月26日\n")
    (doc,) = segment(_dossier([text]))
    assert doc.organ == "海州市港湾区人民检察院"
    police = "海州市公安局港湾分局\n拘留证\n兹决定对王某执行拘留。\n此致\n海州市港湾区人民检察院\n2020年11月26日\n"
    assert segment(_dossier([police]))[0].organ == "海州市公安局港湾分局"  # a police form addressed to a procuratorate


def test_regression_a_stub_marked_without_brackets_joins_its_original() -> None:
    """Corpus ae (ind_ae01): a Word table's "存 根  正 本" heads, the 存根 cell opening "存根 临公…"; the 正本 read after it
    with the same 文号 was a second 拘留证. Receipts delivering one decision to two people stay two (ind_d04)."""
    text = ("拘留证\n存 根  正 本\n存根 临公（刑）拘字〔2021〕208号\n犯罪嫌疑人：杜某 性别：男\n填发时间：2021年7月5日\n"
            "拘留证 临公（刑）拘字〔2021〕208号\n兹决定对杜某执行拘留。\n江州市公安局临河分局（公章） 2021年7月5日\n")
    assert [(d.type, iso(d.date)) for d in segment(_dossier([text]))] == [("拘留证", "2021-07-05")]
    receipts = ("送达回证\n送达文书：不起诉决定书 昆检刑不诉〔2019〕45号\n受送达人：杨某（被不起诉人）\n送达时间：2019年8月1日\n"
                "送达回证\n送达文书：不起诉决定书 昆检刑不诉〔2019〕45号\n受送达人：段某（被害人）\n送达时间：2019年8月2日\n")
    assert [d.type for d in segment(_dossier([receipts]))] == ["送达回证", "送达回证"]


def test_regression_an_appeal_after_a_judgments_clerk_line_starts_a_document() -> None:
    """Corpus bk (ind_bk02): a 刑事上诉状 (no type the lexicon knows) right after a judgment's date and its clerk's line
    was read into the judgment; the appeal's own detention date then hid the judgment's wrong one."""
    text = ("刑事判决书\n被告人黄海涛因涉嫌诈骗罪于2020年5月17日被刑事拘留。\n审判长冯晓梅\n二〇二〇年十二月十五日\n"
            "书记员 周晓雯\n刑事上诉状\n上诉人（原审被告人）：黄海涛，于2020年5月16日被刑事拘留。\n此致\n"
            "临江市中级人民法院\n上诉人：黄海涛\n2020年12月21日\n")
    docs = segment(_dossier([text]))
    assert [(d.type, iso(d.date)) for d in docs] == [("刑事判决书", "2020-12-15"), (UNKNOWN, "2020-12-21")]
    assert docs[0].text.rstrip().endswith("书记员 周晓雯")


def test_regression_a_wrapped_row_of_a_list_of_contents_starts_no_document() -> None:
    """Corpus ar (ind_ar01): the 卷内目录's cells wrap, so "延长拘留期限通" / "知书" stood as a title under the row number
    "14"; each such row started a document and the list was cut in five."""
    text = ("卷内目录\n序号 文书名称 文号 日期 页号\n13\n讯问笔录（韩某\n新） 2018.10.21 13\n14\n延长拘留期限通\n知书\n临公（刑）延拘\n"
            "字〔2018〕903号 2018.10.22 14\n15\n延长拘留期限通\n知书\n临公（刑）延拘\n字〔2018〕902号 2018.10.22 15\n"
            "16 呈请拘留报告书 2018.10.24 16\n\f临川市公安局\n延长拘留期限通知书\n临公（刑）延拘字〔2018〕903号\n"
            "犯罪嫌疑人韩某新：\n二〇一八年十月二十二日\n")
    assert [t for t, _ in _segment_text(text)] == ["卷内目录", "延长拘留期限通知书"]


def test_regression_a_contents_row_wrapped_after_its_number_and_over_a_page_starts_no_document() -> None:
    """Corpus au (ind_au05): "14 血液酒精含量检验" / "鉴定意见书" — the title's first part beside the row number, the rest
    a title on its own line; and the list running onto a new page whose first row wraps ("23 犯罪嫌疑人诉讼权" / "利义务
    告知书"). Each started a document, and the rows' dates became 取保候审 events of nobody."""
    page_1 = ("卷内目录\n序号 文书名称 文号 日期 页号\n13 监视居住通知书 安公（交）监通字\n〔2017〕3号 2017年4月13日 13\n"
              "14 血液酒精含量检验\n鉴定意见书\n清公物鉴（毒化）\n字〔2017〕0533号 2017年4月20日 14\n"
              "18 取保候审决定书 安公（交）取保字\n〔2017〕281号 2017年10月20日 18\n")
    page_2 = ("23 犯罪嫌疑人诉讼权\n利义务告知书\n安检公诉告〔2017〕\n302号 2017年11月8日 23\n"
              "24 取保候审决定书 安检公诉取保〔\n2017〕47号 2017年11月9日 24\n")
    page_3 = "安平县公安局\n受案登记表\n安公（交）受案字〔2017〕0408号\n报案时间 2017年4月8日21时10分\n"
    docs = segment(_dossier([page_1, page_2, page_3]))
    assert [d.type for d in docs] == ["卷内目录", "受案登记表"]


def test_a_stub_printed_beside_its_original_is_one_document() -> None:
    """Regression (corpus v, ind_v09): a PDF page with the 存根 column left of the 正本 reads the left column first,
    then the right column's marker "（正本）", then its text: one 拘留证, not two."""
    from auditor.pipeline import audit_text

    text = ("拘留证\n蜀公（刑）拘字〔2020〕0989号\n案件名称：钱某军等人集资诈骗案\n犯罪嫌疑人：钱某军\n填发时间：2020年10月10日\n"
            "填发人：程某\n（正本）\n合肥市公安局蜀山分局\n拘留证\n蜀公（刑）拘字〔2020〕0989号\n"
            "根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人钱某军（性别男，出生日期1975年3月22日）执行拘留。\n"
            "合肥市公安局蜀山分局（印）\n二〇二〇年十月十日\n=====\n合肥市公安局蜀山分局\n拘留证\n蜀公（刑）拘字〔2020〕0990号\n"
            "兹决定对犯罪嫌疑人孙某（性别女，出生日期1980年7月7日）执行拘留。\n二〇二〇年十月十日\n")
    docs = audit_text(text).case.documents
    assert [(d.type, d.number) for d in docs] == [("拘留证", "蜀公（刑）拘字〔2020〕0989号"), ("拘留证", "蜀公（刑）拘字〔2020〕0990号")]


def test_regression_a_stubs_field_date_is_not_the_forms_date() -> None:
    """Corpus aa, ind_aa03: a 拘留通知书's 存根 records the 拘留时间 (11月9日); the notice itself is signed 11月11日, and
    that is the form's date (a late notice was read as on time)."""
    text = ("拘留通知书\n（存根）\n桂岭森公（刑）拘通字〔2016〕020号\n被拘留人：覃永明    性别：男    拘留时间：2016年11月9日\n"
            "家属姓名：韦小燕    通知方式：电话\n- - - 骑缝线 - - -\n拘留通知书\n桂岭森公（刑）拘通字〔2016〕020号\n韦小燕：\n"
            "我局已于2016年11月9日将涉嫌滥伐林木罪的覃永明刑事拘留，现羁押在桂岭县看守所。\n桂岭县森林公安局（印）\n"
            "二〇一六年十一月十一日\n")
    assert [(d.type, iso(d.date)) for d in segment(_dossier([text]))] == [("拘留通知书", "2016-11-11")]


def test_regression_a_receipts_delivered_document_under_a_label_without_colon_is_no_document() -> None:
    """Corpus bm (ind_bm05): a 送达回证 as a PDF table — "送达文书名称及文号" (its colon lost), then "不起诉决定书" and the 文号
    on the next line — started a 不起诉决定书 holding the receipt's fields."""
    text = ("送达回证\n送达文书名称及文号\n不起诉决定书\n江临检不诉〔2023〕194号\n受送达人 被害人谢志刚\n受送达人签名（盖章）及收到时\n间\n"
            "谢志刚 2023年7月26日\n")
    assert [d.type for d in segment(_dossier([text]))] == ["送达回证"]


def test_regression_a_copy_printing_no_number_after_its_stub_is_one_document() -> None:
    """Corpus bm (ind_bm01): a 拘留通知书's 副本 printed no 文号 of its own under its 存根: two notices were read, the 存根
    dated by its 填发时间; the next 存根 is another notice."""
    stub = ("拘留通知书（存根）\n临公（拘通）字〔2021〕0142号\n犯罪嫌疑人：周建国\n拘留时间：2021年3月2日20时30分\n"
            "填发时间：2021年3月3日\n")
    copy = ("拘留通知书\n（副本）\n吴桂兰：\n我局已于2021年3月2日20时30分将涉嫌盗窃罪的周建国刑事拘留。\n江州市公安局临江分局（印）\n"
            "二〇二一年三月三日\n")
    other = "拘留通知书（存根）\n临公（拘通）字〔2021〕0149号\n犯罪嫌疑人：周建军\n填发时间：2021年3月4日\n"
    docs = segment(_dossier([stub, copy, other]))
    assert [(d.type, d.number, iso(d.date)) for d in docs] == [
        ("拘留通知书", "临公（拘通）字〔2021〕0142号", "2021-03-03"), ("拘留通知书", "临公（拘通）字〔2021〕0149号", "2021-03-04")]


@pytest.mark.parametrize(("signature", "organ"), [
    # regression (ind_ad10): the seal and the date on the organ's line; the header's shortest 公安局 is not the organ
    ("洪都市公安局青山湖分局（印）  2020年3月20日", "洪都市公安局青山湖分局"),
    ("洪都市公安局青山湖分局  二〇二〇年三月二十日（印）", "洪都市公安局青山湖分局"),
    ("洪都市青山湖区人民检察院（院印）\n二〇二〇年四月十七日", "洪都市青山湖区人民检察院"),
    ("洪都市公安局青山湖分局（公章）\n2020年3月20日", "洪都市公安局青山湖分局"),
    ("被取保候审人（签名）\n2020年1月1日", None),
    # regression (held-out ind_dc08): the organ's name broken over two lines by a PDF's wrap, the seal after the second
    ("澄州市公安局经济开发\n区分局（印）\n2019年1月10日", "澄州市公安局经济开发区分局"),
    # regression (held-out ind_dp02): the court a 起诉书 is addressed to after 此致 is not its signer
    ("此致\n江州市东湖区人民法院\n检察员：蒋某  二〇二三年十二月一日  （院印）", None),
    # regression (held-out ind_do01): a procuratorate's department, labelled
    ("负责侦查的部门：江州市东湖区人民检察院第五检察部（印） 二〇二四年五月十日", "江州市东湖区人民检察院"),
])
def test_the_signing_organ_is_read_whole(signature: str, organ: str | None) -> None:
    body = f"解除取保候审决定书\n洪青公（刑）解保字〔2020〕16号\n我局决定予以解除。\n{signature}\n"
    assert find_organ(body) == organ


@pytest.mark.parametrize(("text", "expected"), [
    # regression (ind_ad01): the form's name over its own title line is one document
    ("讯问笔录\n讯问笔录（第一次）\n时间：2021年3月10日20时05分\n问：你叫什么？\n答：王某。\n"
     "讯问笔录\n讯问笔录（第二次）\n时间：2021年3月20日9时30分\n问：还有补充吗？\n答：没有。\n", ["讯问笔录", "讯问笔录"]),
    ("临川区公安局\n拘留证\n拘留证\n临公（刑）拘字〔2023〕5号\n兹决定对王某执行拘留。\n", ["拘留证"]),
    ("逮捕证\n江公北（刑）捕字〔2021〕61号\n逮捕证（正本）\n兹由我局对王某执行逮捕。\n逮捕证\n江公北（刑）捕字〔2021〕62号\n"
     "逮捕证（正本）\n兹由我局对李某执行逮捕。\n", ["逮捕证", "逮捕证"]),
    # two documents of one type, each with its own text, stay two
    ("拘留证\n兹决定对王某执行拘留。\n拘留证\n兹决定对李某执行拘留。\n", ["拘留证", "拘留证"]),
])
def test_a_title_repeated_over_a_form_opens_one_document(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _segment_text(text)] == expected


_SHARED_HEAD = "（行政刑事通用）\n{title}\n时间2015年11月20日09时10分至2015年11月20日10时50分\n地点 大连市看守所\n"


@pytest.mark.parametrize(("title", "body", "expected"), [
    # real round ax (xwbl_202): the 公安 行政刑事通用 form, OCR garbling the half the officer struck out
    ("诲闻/讯问笔录", "问：这是大公（高）捕字[2015]74号逮捕证，你看一下？\n答：好。", "讯问笔录"),
    ("询问/讯问笔录", "问：你因涉嫌盗窃被刑事拘留，你有无罪的辩解？\n答：没有。", "讯问笔录"),
    ("梅拇/讯问笔录", "问：夏乐燕，你是否知道为何被刑事拘留?\n答：知道，因为我盗窃。\n问：你是否认罪？\n答：我认罪。", "讯问笔录"),
    ("询问/讯问笔录（第2次）", "问：你应当如实地提供证据、证言，有意作伪证或者隐匿罪证要负法律责任，你明白吗？\n答：明白。", "询问笔录"),
    # signs of neither kind (or of both): an interrogation rule must not run on what may be a witness's statement
    ("询问/讯问笔录", "问：你把当天的经过说一下。\n答：那天晚上我在家。", UNKNOWN),
    ("询问/讯问笔录", "问：你涉嫌盗窃，另外你是否作伪证？\n答：没有。", UNKNOWN),
])  # fmt: skip
def test_a_record_on_the_shared_form_is_typed_by_its_body(title: str, body: str, expected: str) -> None:
    docs = segment(_dossier([_SHARED_HEAD.format(title=title) + body]))
    assert [d.type for d in docs] == [expected]


def test_regression_page_furniture_between_a_footer_and_the_next_documents_heading() -> None:
    """Corpus bw (ind_bw01): a running head, an archive number and a bracketed page number stand between a page's footer
    and the next heading (a 价格认定结论书, told with the appraisals since session 22); the seal before its date dates it."""
    text = ("讯问笔录\n时间：2023年4月5日9时00分\n问：以上讲的是否属实？\n答：属实。\n第 34 页 共 37 页\n" + "=" * 40 + "\n"
            "江川市公安局东湖分局 刑事卷 第1卷\n归档号：DH-XZ-2023-0417\n                （35）\n\n   涉案财物价格认定结论书   \n\n"
            "江东价认〔2023〕57号\n受你局委托，对电动自行车五辆进行价格认定，合计人民币一万零六百元。\n（价格认定专用章）  2023年3月20日\n")
    docs = segment(_dossier([text]))
    assert [(d.type, iso(d.date)) for d in docs] == [("讯问笔录", "2023-04-05"), ("鉴定意见书", "2023-03-20")]


def test_regression_a_page_number_above_an_unknown_heading_and_a_continued_page() -> None:
    """Corpus bw (ind_bw02): a page opening with its number and a heading the lexicon lacks starts a document; a page
    marked "（续前页）" goes on with the one before; "（以下空白）" ends a document sharing its page with the next."""
    pages = ["起诉意见书\n犯罪嫌疑人郭某宇涉嫌诈骗罪一案，现将此案移送审查起诉。\n江川市公安局西城分局\n2022年11月3日\n",
             "36\n（续前页）起诉意见书\n附：1.本案卷宗3卷。\n",
             "6\n\n立案审查情况说明\n\n孔某华被骗一案，经审查需调查核实。\n江川市公安局西城分局\n2022年6月15日\n（以下空白）\n\n\n"
             "到案经过\n\n2022年7月5日，我局民警将犯罪嫌疑人郭某宇抓获。\n"]
    docs = segment(_dossier(pages))
    assert [(d.type, d.title) for d in docs] == [("起诉意见书", "起诉意见书"), (UNKNOWN, "立案审查情况说明"),
                                                (UNKNOWN, "到案经过")]


def test_regression_a_paper_no_rule_reads_bound_behind_a_decision_is_a_document_of_its_own() -> None:
    """Held-out ind_cy03: a company's licence copy and its 授权委托书 (dated two days later) bound behind a 立案决定书 on one
    page ran into it, and its signature date became the 委托书's."""
    page = ("立案决定书\n西公（经）立字〔2022〕58号\n根据《中华人民共和国刑事诉讼法》第一百零九条之规定，决定对某公司非法经营案立案侦查。\n"
            "西岭市公安局（印）\n二〇二二年五月二十五日\n\n\n营业执照（副本）复印件\n名称：西岭市某商贸有限公司\n成立日期：2015年8月3日\n"
            "（复印件与原件核对一致 核对人：尤某）\n\n授权委托书\n现委托邢某琴作为本单位的诉讼代表人。\n委托单位（盖章）：西岭市某商贸有限公司\n"
            "2022年5月27日\n")
    docs = segment(_dossier([page]))
    assert [(d.type, d.title) for d in docs] == [("立案决定书", "立案决定书"), (UNKNOWN, "营业执照"), (UNKNOWN, "授权委托书")]
    assert str(docs[0].date) == "2022-05-25"


@pytest.mark.parametrize(("paper", "title"), [
    ("附：1．本案卷宗　册；2．和解协议书复印件一份。\n\n\n和解协议书\n甲方（犯罪嫌疑人）：陈某平\n乙方（被害方）：陈某海\n"
     "乙方自愿与甲方和解，对甲方的行为表示谅解。\n甲方签名：陈某平 乙方签名：陈某海\n二〇二三年八月三十日\n", "和解协议书"),
    ("江州市临江区人民医院孕检报告单\n姓名：黎某菊 年龄：29岁\nB超提示：宫内妊娠，约18周。\n报告医师：陶某 2022年5月11日\n", "孕检报告单"),
    # held-out ind_fr08: counsel's letter behind the paper gave it the letter's date
    ("律师事务所函\n江州市高新区人民检察院：\n本所指派万某律师担任陈某平审查起诉阶段辩护人。\n2023年8月7日\n", "律师事务所函"),
    # held-out ind_fr05: a 阅卷申请 behind the 起诉书 gave it its date
    ("阅卷申请\n申请人：贝某律师\n事项：申请查阅、摘抄、复制陈某平案卷材料。\n此致\n松岭市南山区人民检察院\n2023年8月8日\n", "阅卷申请"),
])
def test_regression_the_parties_and_a_hospitals_papers_behind_a_police_paper_are_documents_of_their_own(
        paper: str, title: str) -> None:
    """Held-out ind_ev07, ind_er07: a reconciliation agreement behind the 起诉意见书 gave it its date; a hospital's report
    behind a co-suspect's notice gave the notice the pregnant suspect's name."""
    page = ("起诉意见书\n松南公（刑）诉字〔2023〕88号\n犯罪嫌疑人陈某平涉嫌故意毁坏财物罪一案，现已侦查终结，现将此案移送审查起诉。\n"
            "松岭市公安局南山分局（印）　2023年8月17日\n" + paper)
    docs = segment(_dossier([page]))
    assert [(d.type, d.title) for d in docs] == [("起诉意见书", "起诉意见书"), (UNKNOWN, title)]
    assert str(docs[0].date) == "2023-08-17"


def test_regression_an_official_reply_after_a_signature_date_is_a_document_of_its_own() -> None:
    """Held-out ind_cz03: a 公安厅's "关于对甲、乙指定居所监视居住的批复" bound behind the 呈请报告书 ran into it."""
    page = ("呈请指定居所监视居住报告书\n拟对岑某辉、程某指定居所监视居住，并报省公安厅批准。\n承办人：郝某东\n2024年3月12日\n"
            "关于对岑某辉、程某指定居所监视居住的批复\n江公复〔2024〕37号\n临湖市公安局：\n经审查，同意对岑某辉、程某指定居所监视居住。\n"
            "江川省公安厅（印）\n2024年3月12日\n")
    docs = segment(_dossier([page]))
    assert [(d.type, d.title) for d in docs] == [("呈请监视居住报告书", "呈请指定居所监视居住报告书"),
                                                (UNKNOWN, "关于对岑某辉、程某指定居所监视居住的批复")]
