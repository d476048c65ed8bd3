"""Parties: role, name (masked or not), gender, birth date, ID number with its GB 11643 check digit."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import iso

from auditor.extract.parties import find_parties
from auditor.model import Document
from auditor.text.ids import id_checksum_ok
from auditor.text.tokens import _tagger
from auditor.text.view import text_view

CASES = [
    # regression (real round bb, an OCR'd 讯问笔录): the next field follows the name with no gap
    ("讯问笔录（第一次）\n科犯罪嫌疑人姓名：黄佳男别名:无曾用名：无绰号：无___________\n性别：民族： 汉族 出生时间:	1976年4月17日\n",
     [("黄佳男", "犯罪嫌疑人", None, "1976-04-17", None, None)]),
    # regressions (round k): the head of a 讯问笔录 / 宣布笔录 / 保证书 names the suspect; the answer "我叫X，…" gives the
    # details of the person the head names; a name with its details in brackets and no gender outside them
    ("讯问笔录\n讯问人 易军\n被讯问人 邓凯\n问：你的身份情况？\n答：我叫邓凯，1996年9月12日出生，公民身份号码420111199609122336。",
     [("邓凯", "被讯问人", None, "1996-09-12", "420111199609122336", True)]),
    ("宣布不起诉决定笔录\n被宣布人：曾凡华，男，1988年11月23日出生，公民身份号码360121198811232354",
     [("曾凡华", "被宣布人", "男", "1988-11-23", "360121198811232354", True)]),
    ("我叫刘建斌，系犯罪嫌疑人刘梓涵（2006年3月9日出生，公民身份号码610113200603091974）的父亲",
     [("刘梓涵", "犯罪嫌疑人", None, "2006-03-09", "610113200603091974", True)]),
    ("翻译人：无（被讯问人通晓汉语，本人表示不需要翻译）", []),
    # regression (ind_n11): a surname the tagger reads as a common word (钱 as money) before a given name
    ("被不起诉人钱文斌利用担任被害人钱秀英五金仓库管理员的便利", [("钱文斌", "被不起诉人", None, None, None, None),
                                                   ("钱秀英", "被害人", None, None, None, None)]),
    # regression (held-out ind_fz03): a surname the tagger reads as an adverb (莫 as "don't") before a given name
    ("兹决定对涉嫌开设赌场罪的犯罪嫌疑人莫国华执行拘留", [("莫国华", "犯罪嫌疑人", None, None, None, None)]),
    ("犯罪嫌疑人曾因盗窃被判处有期徒刑", []),
    # regression (held-out ind_fx06): 田 read as a field before a given name the dictionary knows as a word
    ("犯罪嫌疑人田国华，身份号码511521197307073573。", [("田国华", "犯罪嫌疑人", None, None, "511521197307073573", True)]),
    # regression (ind_l05): a 监察委员会's 起诉意见书 names its suspect 被调查人
    ("被调查人郑秀英，女，1975年10月28日出生，公民身份号码350102197510286249，汉族",
     [("郑秀英", "被调查人", "女", "1975-10-28", "350102197510286249", True)]),
    # regressions (round j): 于 is a surname where an introduction delimits the name, never after a bare role word;
    # a form's next field label may run on before its colon ("出生日期：", "身份证件种类及号码：居民身份证 …")
    ("兹决定对涉嫌帮助信息网络犯罪活动罪的于海洋（性别男，出生日期1995年4月12日）执行拘留",
     [("于海洋", "犯罪嫌疑人", "男", "1995-04-12", None, None)]),
    ("被讯问人：于海洋 性别：男 出生日期：1995年4月12日\n身份证件种类及号码：居民身份证 370102199504121539",
     [("于海洋", "被讯问人", "男", "1995-04-12", "370102199504121539", True)]),
    ("被告人于2019年5月被抓获", []),
    ("犯罪嫌疑人于同日被刑事拘留，男", []),
    ("询问笔录\n被询问人 王芳\n答：我叫王芳，1990年1月2日出生。", []),  # a witness's own details: no suspect
    # regression (round h): a 具结书's "本人姓名X，性别男，…" describes the person its text names with a role
    ("认罪认罚具结书\n本人姓名周健国，性别男，1975年11月9日出生，公民身份号码430111197511090172，住长沙市。\n"
     "犯罪嫌疑人签名：周健国\n本人系犯罪嫌疑人周健国的辩护人",
     [("周健国", "犯罪嫌疑人", "男", "1975-11-09", "430111197511090172", True)]),
    # regressions (round g): a form's bare name field tells where the name after the role word ends, and gives
    # the details; a warrant's bracket may open with the gender itself
    ("拘留证\n姓名：付强\n性别：男\n出生日期：1993年2月14日\n身份证件号码：510107199302140553\n兹决定对犯罪嫌疑人付强执行拘留。",
     [("付强", "犯罪嫌疑人", "男", "1993-02-14", "510107199302140553", True)]),
    ("我局已于2023年3月16日16时20分将涉嫌组织、领导传销活动罪的吴骏（男，1988年1月30日出生，住广东省深圳市）逮捕",
     [("吴骏", "犯罪嫌疑人", "男", "1988-01-30", None, None)]),
    ("犯罪嫌疑人黄佳男，男，1976年4月17日生，辽宁省辽阳市人，居民身份证号码为：******************，汉族",
     [("黄佳男", "犯罪嫌疑人", "男", "1976-04-17", "******************", None)]),
    ("被告人黄某某。男,1995年12月13日出生,汉族", [("黄某某", "被告人", "男", "1995-12-13", None, None)]),
    ("被告人何某，女，1999年1月18日出生，公民身份号码XXX，傈僳族", [("何某", "被告人", "女", "1999-01-18", "XXX", None)]),
    ("被告人童*甲，男，1982 年 10 月 10 日出生，汉族", [("童*甲", "被告人", "男", "1982-10-10", None, None)]),
    ("被告人自报安旭，男，1993年2月12日出生，土家族", [("安旭", "被告人", "男", "1993-02-12", None, None)]),
    ("被不起诉人张某某，男，1980年5月6日出生，公民身份号码11010519491231002X，汉族",
     [("张某某", "被不起诉人", "男", "1980-05-06", "11010519491231002X", True)]),
    ("犯罪嫌疑人李四（曾用名李小四），男，1990年1月2日出生，身份证号码110105194912310021",
     [("李四", "犯罪嫌疑人", "男", "1990-01-02", "110105194912310021", False)]),
    ("兹决定对犯罪嫌疑人王五（性别男，出生日期1985年3月4日）执行拘留", [("王五", "犯罪嫌疑人", "男", "1985-03-04", None, None)]),
    ("犯罪嫌疑人姓名\t刘景全__________", [("刘景全", "犯罪嫌疑人", None, None, None, None)]),
    ("被告人何某对指控的犯罪事实没有异议", [("何某", "被告人", None, None, None, None)]),
    ("被告人黄燕玲，女，，捕前暂住广东省", [("黄燕玲", "被告人", "女", None, None, None)]),
    ("犯罪嫌疑人黄佳男，男，1976年4月17日生。犯罪嫌疑人戴宝生，女，1978年5月18日生。",
     [("黄佳男", "犯罪嫌疑人", "男", "1976-04-17", None, None), ("戴宝生", "犯罪嫌疑人", "女", "1978-05-18", None, None)]),
    ("持钢筋对被害人李某某、邓某某进行殴打", [("李某某", "被害人", None, None, None, None)]),
    ("被告人的供述与辩解；被害人陈述：被害人王某的陈述", [("王某", "被害人", None, None, None, None)]),
    ("本院认为，被告人同意适用简易程序", []),
    # regression (ind_c07): the warrant form introduces its person without a role word; his birth date and address
    # tie a misspelt name elsewhere to him
    ("兹由我局对涉嫌非法拘禁罪的谭志勇（性别男，出生日期1983年12月1日，住址长沙市某小区）执行逮捕",
     [("谭志勇", "犯罪嫌疑人", "男", "1983-12-01", None, None)]),
    ("对涉嫌盗窃罪的财物（价值三千元）予以扣押", []),
    # regression (ind_af04): the 认罪认罚具结书's section heading between the role and the name
    ("一、犯罪嫌疑人身份信息\n钱海，男，1986年8月19日出生，公民身份号码620102198608194158，汉族",
     [("钱海", "犯罪嫌疑人", "男", "1986-08-19", "620102198608194158", True)]),
    ("一、犯罪嫌疑人身份信息\n本人姓名：钱海，男，1986年8月19日出生，汉族", [("钱海", "犯罪嫌疑人", "男", "1986-08-19", None, None)]),
    # regression (ind_af03): a 逮捕通知书's bracket opening with the birth date
    ("我局于2021年4月2日对涉嫌聚众斗殴罪的赵文彬（1991年8月8日出生，住北陵市河西区兴华街22号）执行逮捕",
     [("赵文彬", "犯罪嫌疑人", None, "1991-08-08", None, None)]),
    ("对涉嫌盗窃罪的财物（2021年4月2日扣押）予以发还", []),
    # regression (ind_e02): the 拘留通知书 names its person with the ID number: a misspelt name there is tied to him
    ("我局已于2022年6月14日10时将涉嫌诈骗罪的陈志钢（公民身份号码340104199008172537）刑事拘留",
     [("陈志钢", "犯罪嫌疑人", None, None, "340104199008172537", True)]),
    # regression (ind_e04, ind_e11): transliterated names joined by "·", a colon after the role word
    ("犯罪嫌疑人：阿不都热合曼·买买提　性别：男　民族：维吾尔族",
     [("阿不都热合曼·买买提", "犯罪嫌疑人", "男", None, None, None)]),
    # regression (ind_e08): a 曾用名 between the name and the gender
    ("犯罪嫌疑人周晓明，曾用名周小明，男，1999年10月3日出生，公民身份号码320312199910308133，汉族",
     [("周晓明", "犯罪嫌疑人", "男", "1999-10-03", "320312199910308133", True)]),
    ("兹决定对犯罪嫌疑人约翰·史密斯（男，1985年3月4日出生）执行拘留",
     [("约翰·史密斯", "犯罪嫌疑人", "男", "1985-03-04", None, None)]),
    # regressions (round k): a given name the tagger knows as a word ("郭|振华"); a 保证人 is no 证人
    ("吕卫东在其经营的烧烤店内推搡被害人郭振华致其倒地，造成轻伤一级。", [("郭振华", "被害人", None, None, None, None)]),
    ("2019年12月21日经本院决定取保候审（保证人吕卫红）。", []),
    # regression (ind_bx09): a warrant stub's fields, the gender ending its line and the ID number broken by the wrap
    ("犯罪嫌疑人：柯某婷　性别：女　公民身份号码：2301021993103012\n66\n批准逮捕机关：某区人民检察院",
     [("柯某婷", "犯罪嫌疑人", "女", None, "230102199310301266", True)]),
    # regression (ind_bt09): surname and first given character read as a place ("陆海|林"); a real place stays out
    ("已赔偿被害人陆海林全部损失。被害人陆海林的损失已获全额赔偿。", [("陆海林", "被害人", None, None, None, None)]),
    ("被害人黄冈人的报案材料", []),
    # regressions (real round p): a second instance's appellant; OCR'd 讯问笔录 heads without colons or with ；
    ("上诉人（原审被告人）向双双（乳名双双），男，1989年12月6日出生于河南省淮滨县。",
     [("向双双", "被告人", "男", "1989-12-06", None, None)]),
    ("被讯问人：杨德健；性别：男；民族：壮族", [("杨德健", "被讯问人", "男", None, None, None)]),
    ("被讯问人骆嘉俊性别男民族壮族文化程度小学", [("骆嘉俊", "被讯问人", "男", None, None, None)]),
    ("时间2015年10月22日\n被讯问人骆嘉俊_______\n问：你是怎么到公安机关的？", [("骆嘉俊", "被讯问人", None, None, None, None)]),
    ("时间2015年10月21日\n被讯问人杨德健\nFOLLOWING ARE RECORDE\n问：你是否明白？", [("杨德健", "被讯问人", None, None, None, None)]),
    ("问：你是否通晓汉语？被讯问人通晓汉语，无需翻译。", []),
    # the ID number after a bare "身份证" (corpus c)
    ("犯罪嫌疑人邢某某，男，1993年9月9日出生，身份证37130219930909117X，山东临沂人",
     [("邢某某", "犯罪嫌疑人", "男", "1993-09-09", "37130219930909117X", True)]),
    # regression (real round r): an OCR'd head field whose value the tagger does not read as a name
    ("讯问笔录\n被讯问人：杨德健\nFOLLOWING ARE RECORDE\n问：属实吗?", [("杨德健", "被讯问人", None, None, None, None)]),
    # the national form's head "被询问/讯问人", its first half garbled by OCR (real round p, rp_29)
    ("被梅料/讯问人夏乐燕性别男年龄36出生日期1979.5.5_______", [("夏乐燕", "被讯问人", "男", "1979-05-05", None, None)]),
    # regression (ind_x06): the gender in brackets right after the name, the birth date after them
    ("被告人：任某龙（男），1989年1月17日生，汉族，居民身份证号410105198901172134，户籍河南省",
     [("任某龙", "被告人", "男", "1989-01-17", "410105198901172134", True)]),
    ("被附条件不起诉人焦某，男，2004年2月11日出生", [("焦某", "被附条件不起诉人", "男", "2004-02-11", None, None)]),
    # regression (real round z): a name masked in its middle ("韩某兴、李某隆"), the next word not taken ("张某用刀")
    ("被告人韩某兴、李某隆犯盗窃罪。", [("韩某兴", "被告人", None, None, None, None)]),
    ("被告人张某用刀砍伤被害人李某。", [("张某", "被告人", None, None, None, None), ("李某", "被害人", None, None, None, None)]),
    # regression (ind_x07): a dead victim's relative receives the decisions in his place
    ("被害人近亲属曹某某如不服本决定，可以自收到本决定书后七日以内申诉", [("曹某某", "被害人近亲属", None, None, None, None)]),
    # regression (real round x): names masked with "ｘ" (NFKC: "x"), the next word not taken for the name's last character
    ("起诉书指控被告人葛xx、冯x犯抢夺罪。被害人柴xx背着包路过", [("葛xx", "被告人", None, None, None, None),
                                                   ("柴xx", "被害人", None, None, None, None)]),
    ("被告人冯ｘ犯抢夺罪", [("冯ｘ", "被告人", None, None, None, None)]),
    ("被告人王*明，男", [("王*明", "被告人", "男", None, None, None)]),
    # the registered birth date in brackets between the date and 出生
    ("被告人自报韩雪飞，男，1992年6月10日（户籍登记为1988年1月11日）出生于安徽省阜南县。",
     [("韩雪飞", "被告人", "男", "1992-06-10", None, None)]),
    # regression (corpus z, ind_z02): two suspects introduced by role and ID number alone, each with his own number
    ("犯罪嫌疑人庞振宇，公民身份号码530102198605233519，因涉嫌刑讯逼供罪被逮捕。\n"
     "犯罪嫌疑人葛振华，公民身份号码530102199011072337，因涉嫌非法拘禁罪被逮捕。",
     [("庞振宇", "犯罪嫌疑人", None, None, "530102198605233519", True),
      ("葛振华", "犯罪嫌疑人", None, None, "530102199011072337", True)]),
    # …but a kinship after the role is no name ("系被取保候审人之父，身份证号…", ind_fg02)
    ("保证人：彭建军，系被取保候审人之父，身份证号330106197804021555，住临江市西岭区。", []),
    # regression (held-out ind_hi03): a warrant's charge written without its 罪, the person's details in a bracket
    ("兹派我局侦查员对涉嫌寻衅滋事的王皓然（男，1989年2月11日出生，公民身份号码53082219890211275X）执行逮捕。",
     [("王皓然", "犯罪嫌疑人", "男", "1989-02-11", "53082219890211275X", True)]),
    # …but a charge holding 的 keeps its 罪 (ind_aq05)
    ("兹派我局侦查员对涉嫌收买被拐卖的儿童罪的郑德旺（性别男，出生日期1972年4月16日）执行逮捕。",
     [("郑德旺", "犯罪嫌疑人", "男", "1972-04-16", None, None)]),
    # regression (held-out ind_gx05): the tagger splits "罗文|斌"; the name its ID number follows at once is the whole run
    ("犯罪嫌疑人罗文斌，公民身份号码441502198507071334。",
     [("罗文斌", "犯罪嫌疑人", None, None, "441502198507071334", True)]),
    # another person's number later in the sentence is not the first name's
    ("犯罪嫌疑人张三伙同李四（身份证号码530102198605233156）盗窃。", [("张三", "犯罪嫌疑人", None, None, None, None)]),
    # regression (real round bf, caiding_415): a counted or pointed-back role names nobody new
    ("被告人顾康良，男。许双鸽虽能如实供述，但不足以对二被告人从宽处罚。", [("顾康良", "被告人", "男", None, None, None)]),
    ("上述被告人从宽处罚，各被告人从轻处罚。", []),
    # regression (ind_bh01): a Mongolian name opening with 其, delimited by its introduction; "其妻" is no name
    ("犯罪嫌疑人其其格，女，1988年4月20日出生。", [("其其格", "犯罪嫌疑人", "女", "1988-04-20", None, None)]),
    ("犯罪嫌疑人其妻，女，1988年4月20日出生。", []),
    # regression (held-out ind_fm01): a letter OCR read for a digit in the number
    ("犯罪嫌疑人罗某斌，男，身份证件种类及号码：居民身份证 34112119961103221O。",
     [("罗某斌", "犯罪嫌疑人", "男", None, "341121199611032210", True)]),
    # regression (ind_bj10): a notice introduces its person by the address field in brackets
    ("我局已于2024年7月24日将涉嫌生产、销售有毒、有害食品罪的许志朋（住址：清江市江北区滨河路168号4栋601室）逮捕",
     [("许志朋", "犯罪嫌疑人", None, None, None, None)]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:14] for c in CASES])
def test_find_parties(text: str, expected: list[tuple[object, ...]]) -> None:
    got = [(p.name, p.role, p.gender, p.birth_date, p.id_number, p.id_valid) for p in find_parties(text)]
    assert got == expected


def test_span_covers_the_introduction_in_the_original_text() -> None:
    text = "前言。被告人童*甲，男，1982 年\n10 月 10 日出生"
    (party,) = find_parties(text)
    assert text[party.start : party.end] == "被告人童*甲，男"


@pytest.mark.parametrize(
    "number,ok",
    [
        ("11010519491231002X", True),
        ("110105194912310021", False),
        ("11010519491231002x", True),
        ("110105491231002", None),  # 15 digits: no check digit
        ("****************", None),
        ("1101051949123100", None),
    ],
)
def test_id_checksum(number: str, ok: bool | None) -> None:
    assert id_checksum_ok(number) is ok


def test_suspect_roles() -> None:
    parties = find_parties("被告人张三，男，1990年1月1日出生。被害人李四，女，1991年1月1日出生。")
    assert [(p.name, p.is_suspect) for p in parties] == [("张三", True), ("李四", False)]


@pytest.mark.parametrize("text", ["", "被告人", "被告人，男，", "犯罪嫌疑人" * 100, "\x00被告人\ufffd"])
def test_odd_text_never_raises(text: str) -> None:
    assert isinstance(find_parties(text), list)


@pytest.mark.parametrize("term", ["刑事拘留", "取保候审", "提请批准逮捕", "移送审查起诉", "被不起诉人", "犯罪嫌疑人", "人民检察院"])
def test_user_dictionary_keeps_legal_terms_whole(term: str) -> None:
    assert term in [w.word for w in _tagger().cut(f"依法对其{term}的决定")]


def test_tagger_is_built_once() -> None:
    assert _tagger() is _tagger()


@pytest.mark.parametrize(
    "text,view",
    [
        ("同日被\n刑事拘留", "同日被刑事拘留"),
        ("2016\n年 9 月 21 日", "2016年9月21日"),
        ("No. 12 34", "No.12 34"),  # a space between ASCII digits stays
        ("11月20曰", "11月20日"),  # OCR 曰 after a day number
        ("将艾力•买买提逮捕", "将艾力·买买提逮捕"),  # regression (corpus q): a name's middle dot typed as a bullet
    ],
)
def test_text_view(text: str, view: str) -> None:
    v = text_view(text)
    assert v.text == view
    assert all(text[o] == c or c in "日·" for o, c in zip(v.orig, v.text, strict=True))  # the 1:1 normalisations


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("因犯罪嫌疑人朱俊系结伙作案的重大嫌疑分子，经批准延长拘留期限。", "朱俊"),
        ("犯罪嫌疑人孟杰海，男，1971年11月25日出生", "孟杰海"),
    ],
)
def test_copula_is_not_part_of_the_name(text: str, name: str) -> None:
    """Regression: "朱俊系结伙作案" gave the suspect name 朱俊系."""
    assert [p.name for p in find_parties(text)] == [name]


@pytest.mark.parametrize(
    "texts,expected",
    [
        # details come from whichever document states them; a later document does not overwrite them
        (["拘留证\n犯罪嫌疑人张三，男，1980年1月2日出生，公民身份号码11010519491231002X。",
          "起诉意见书\n犯罪嫌疑人张三，男，1981年1月1日出生。"],
         [("张三", "犯罪嫌疑人", "男", "1980-01-02", "11010519491231002X", True)]),
        (["讯问笔录\n犯罪嫌疑人姓名  张三____", "取保候审决定书\n犯罪嫌疑人张三，女，1990年5月6日生。"],
         [("张三", "犯罪嫌疑人", "女", "1990-05-06", None, None)]),
        (["被害人李四，男，1970年1月1日出生。犯罪嫌疑人张三，男，1980年1月2日出生。"],
         [("张三", "犯罪嫌疑人", "男", "1980-01-02", None, None)]),
        (["本院认为，被告人同意适用简易程序"], []),
        # regression (generator seed 21, case 36): the tagger glued 酒 of "酒后" to the name in one narrative; the
        # introduced name is the suspect's
        (["受案登记表\n简要案情：犯罪嫌疑人覃春酒后在饭店无故拦截路人闫平。",
          "拘留证\n兹决定对犯罪嫌疑人覃春（性别男，出生日期1978年8月19日）执行拘留。"],
         [("覃春", "犯罪嫌疑人", "男", "1978-08-19", None, None)]),
        # regression (real round p, rp_05): brothers of one address whose names differ by one character, each
        # introduced by the judgment, are two people
        (["被告人自报韩雪强，男，1990年10月9日出生，户籍所在地安徽省阜南县柳沟镇后一队18号。"
          "被告人自报韩雪飞，男，1992年6月10日出生，户籍所在地安徽省阜南县柳沟镇后一队18号。"],
         [("韩雪强", "被告人", "男", "1990-10-09", None, None), ("韩雪飞", "被告人", "男", "1992-06-10", None, None)]),
        # regression (corpus i, ind_i10): an OCR'd record head "被讯问人：赵土杰" is 赵士杰 misread, not a second suspect
        (["拘留证\n兹决定对犯罪嫌疑人赵士杰（男，1990年1月2日出生）执行拘留。", "讯问笔录\n被讯问人：赵土杰\n问：你听清楚了吗？\n答：听清楚了。"],
         [("赵士杰", "犯罪嫌疑人", "男", "1990-01-02", None, None)]),
        # regression (corpus q, ind_q04): a false name given when 身份不明, stated as his alias once his identity is
        # established, is the same suspect under his true name
        (["拘留证\n兹决定对涉嫌扒窃罪的陈强（自报姓名），男，执行拘留。",
          "起诉意见书\n犯罪嫌疑人陈国强（到案时自报姓名“陈强”），男，1986年5月7日出生，公民身份号码452123198605071971。"],
         [("陈国强", "犯罪嫌疑人", "男", "1986-05-07", "452123198605071971", True)]),
        # … but a narrative's bare name one character off may be a co-suspect of his own: kept apart
        (["拘留证\n兹决定对犯罪嫌疑人张炜（男，1990年1月2日出生）执行拘留。", "起诉意见书\n犯罪嫌疑人张伟于2020年3月1日被刑事拘留。"],
         [("张炜", "犯罪嫌疑人", "男", "1990-01-02", None, None), ("张伟", "犯罪嫌疑人", None, None, None, None)]),
    ],
)
def test_case_parties_merges_details_across_documents(texts: list[str], expected: list[tuple[object, ...]]) -> None:
    from auditor.extract.case import build_case
    from auditor.model import Document, Dossier

    docs = [Document(id=f"d{i}", type="未知文书", title="", start=0, end=len(t), text=t) for i, t in enumerate(texts)]
    case, _ = build_case(Dossier(source="x"), docs)
    got = [(p.name, p.role, p.gender, iso(p.birth_date), p.id_number, p.id_valid) for p in case.parties if p.is_suspect]
    assert got == expected


HANDLED_ELSEWHERE = [
    # (text, name, handled elsewhere)
    ("同案犯罪嫌疑人白振宇，因涉嫌抢劫罪于2022年4月7日被刑事拘留，同年4月14日被逮捕，另案处理。", "白振宇", True),
    ("同案犯罪嫌疑人钱利军、吕晓晨于2023年5月10日被我局取保候审。", "钱利军", False),  # 同案 alone: this case
    ("犯罪嫌疑人白振宇，男，1990年1月1日出生，因涉嫌抢劫罪被刑事拘留，另案处理。", "白振宇", True),
    ("犯罪嫌疑人马建华，男，1986年5月5日出生，伙同李某（另案处理）抢劫。", "马建华", False),
    ("犯罪嫌疑人马建华，男，1986年5月5日出生。犯罪嫌疑人白某，男，另案处理。", "马建华", False),
    ("犯罪嫌疑人马建华，男，1986年5月5日出生，于2022年1月5日被刑事拘留。", "马建华", False),
    # regression (real judgment): a co-defendant judged before ("已判决") is not a defendant of this judgment
    ("被告人周文雅，女。被告人雷冰青雇佣被告人周文雅为财务；雇佣被告人李某1（已判决）为机器人。", "李某1", True),
    ("被告人周文雅，女。被告人雷冰青雇佣被告人周文雅为财务；雇佣被告人李某1（已判决）为机器人。", "周文雅", False),
]


@pytest.mark.parametrize(("text", "name", "elsewhere"), HANDLED_ELSEWHERE)
def test_a_co_suspect_handled_in_another_case_is_not_this_cases_suspect(text: str, name: str,
                                                                         elsewhere: bool) -> None:
    """Regression (ind_a15): 同案犯罪嫌疑人…另案处理 became a suspect, and his arrest an overdue custody."""
    from auditor.extract.parties import OTHER_CASE_ROLE, mentions_in
    from auditor.model import Document

    doc = Document(id="d1", type="起诉意见书", title="起诉意见书", text=text, start=0, end=len(text), pages=[1])
    roles = {m.name: m.role for m in mentions_in(doc)}
    assert (roles[name] == OTHER_CASE_ROLE) is elsewhere


def test_a_suspect_written_two_ways_is_named_by_the_spelling_most_documents_use() -> None:
    """Regression (ind_b01, ind_a06): the misspelling had more role mentions (起诉意见书 repeats it) although five
    other documents, naming him without a role word, wrote the right name."""
    from auditor.extract.identities import build_parties
    from auditor.model import PartyMention

    def mention(doc: str, name: str, start: int) -> PartyMention:
        return PartyMention(document_id=doc, role="犯罪嫌疑人", name=name, start=start, end=start + 8,
                            birth_date=date(1980, 1, 2))

    mentions = [mention("d1", "刘桂兰", 0), mention("d2", "刘贵兰", 0), mention("d2", "刘贵兰", 40),
                mention("d2", "刘贵兰", 80)]
    texts = {"d1": "犯罪嫌疑人刘桂兰", "d2": "刘贵兰" * 3, "d3": "受送达人：刘桂兰", "d4": "刘桂兰签收"}
    assert [p.name for p in build_parties(mentions) if p.is_suspect] == ["刘贵兰"]  # role mentions alone
    (suspect,) = [p for p in build_parties(mentions, texts) if p.is_suspect]
    assert (suspect.name, suspect.variants) == ("刘桂兰", ("刘贵兰",))


def test_regression_a_transliterated_name_without_its_dot_is_the_dotted_suspect() -> None:
    """Regression (ind_as02): a 逮捕通知书's stub wrote "艾力买买提"; as a suspect of his own, the notice seemed to miss
    "艾力·买买提"."""
    from auditor.extract.identities import build_parties
    from auditor.model import PartyMention

    mentions = [PartyMention(document_id="d1", role="犯罪嫌疑人", name="艾力·买买提", start=0, end=6),
                PartyMention(document_id="d2", role="被逮捕人", name="艾力买买提", start=0, end=5)]
    (suspect,) = [p for p in build_parties(mentions) if p.is_suspect]
    assert suspect.name == "艾力·买买提" and {m.document_id for m in suspect.mentions} == {"d1", "d2"}


def test_a_valid_id_number_decides_a_birth_date_two_documents_state_differently() -> None:
    """Regression (ind_aq06): one 起诉意见书 writes the day and month the other way round; the ID number agrees with
    the other document, and the party keeps that date (the consistency rule reports the odd one)."""
    from auditor.extract.identities import build_parties
    from auditor.model import PartyMention

    number = "362530198007217591"
    assert id_checksum_ok(number)
    mentions = [PartyMention(document_id="d1", role="犯罪嫌疑人", name="牛某勇", start=0, end=3,
                             birth_date=date(1980, 7, 12), id_number=number, id_valid=True),
                PartyMention(document_id="d2", role="被不起诉人", name="牛某勇", start=0, end=3,
                             birth_date=date(1980, 7, 21), id_number=number, id_valid=True)]
    (suspect,) = [p for p in build_parties(mentions) if p.is_suspect]
    assert (suspect.birth_date, suspect.gender) == (date(1980, 7, 21), None)  # no document states the gender


@pytest.mark.parametrize(("text", "names"), [
    # regression (ind_as07): a transliterated name opening with 于 is delimited by its dot
    ("犯罪嫌疑人于连·勒菲弗，男，2004年6月30日出生，护照号码21CK80455。", ["于连·勒菲弗"]),
    ("被告人于2019年1月1日被刑事拘留。", []),
    # regression (real round u, ru_24): a form's heading "被告人信息" before the field "被告人梁越"
    ("适用程序 速裁程序 被告人信息 被告人梁越,男,1990年12月16日出生,汉族", ["梁越"]),
    ("被告人信息\n被告人梁越，男，1990年12月16日出生", ["梁越"]),
])
def test_a_headings_role_word_is_not_part_of_the_name(text: str, names: list[str]) -> None:
    assert [p.name for p in find_parties(text)] == names


COURT_BYSTANDERS = [
    # (document type, text, the case's suspects)
    # regression (real round u, ru_12): a suspect of another case the defendant helped to catch (立功)
    ("刑事判决书", "被告人李大超，男，1980年1月1日出生。被告人李大超协助公安机关抓获了在其家中涉嫌贩毒的犯罪嫌疑人付某，查获冰毒。",
     ["李大超"]),
    # regression (real round u, ru_22): the defendant's name mistyped once in the facts ("被告人关 丽娜")
    ("刑事判决书", "被告人关丽思，女，1990年1月1日出生。案发前，被告人关 丽娜已经偿还1665元。被告人关丽思如实供述。", ["关丽思"]),
    # a police document's bare co-suspect stays a suspect of this case
    ("起诉意见书", "犯罪嫌疑人李大超，男，1980年1月1日出生。犯罪嫌疑人李大超伙同犯罪嫌疑人付某盗窃。", ["李大超", "付某"]),
]


@pytest.mark.parametrize(("doc_type", "text", "suspects"), COURT_BYSTANDERS)
def test_a_court_tries_the_defendants_its_judgment_introduces(doc_type: str, text: str, suspects: list[str]) -> None:
    from auditor.evaluation.real import one_document_case

    case = one_document_case(text, "x.txt", doc_type, None)
    assert list(case.persons) == suspects


@pytest.mark.parametrize(("a", "b", "close"), [
    ("张志强", "张智强", True),
    ("王建国", "王建图", True),
    # regression (corpus dk, ind_dk09): a doubled given name written with another character in both places
    ("葛玲玲", "葛琳琳", True),
    ("葛玲玲", "葛琳珊", False),  # two characters changed, two ways
    # regression (corpus q, ind_q01): a transliterated name, one sound written with another character
    ("安德烈·沃尔科夫", "安德烈·沃尔可夫", True),
    ("安德烈·沃尔科夫", "安德烈·沃尔科娃", True),  # close in writing; only a tie (passport, birth date) makes one person
    ("安德烈·沃尔科夫", "安德烈沃·尔科夫", False),  # the parts differ
    ("安德烈·沃尔科夫", "伊万·沃尔科夫", False),
    ("阿不都热合曼·买买提", "阿不都热合曼·买买提", False),  # the same name
])
def test_close_names(a: str, b: str, close: bool) -> None:
    from auditor.extract.identities import close_names

    assert close_names(a, b) is close


def test_a_passport_number_is_read_with_the_name() -> None:
    """Regression (corpus q, ind_q01): "将涉嫌盗窃罪的安德烈·沃尔可夫（护照号码754128893）逮捕" names the suspect."""
    text = "我局已于2023年3月15日经某市人民检察院批准，将涉嫌盗窃罪的安德烈·沃尔可夫（护照号码754128893）逮捕。"
    assert [(p.name, p.passport) for p in find_parties(text)] == [("安德烈·沃尔可夫", "754128893")]


# regression (ind_x07): a 不起诉决定书 introducing its person without a role word ("薛文斌，男，身份证号…") gave its own act
# to a co-suspect its facts name as well
@pytest.mark.parametrize(("doc_type", "head", "expected"), [
    ("不起诉决定书", "薛文斌，男，身份证号610124198309271930，1983年9月27日出生，汉族。\n秦立军驾驶薛文斌所属货车肇事。",
     [("薛文斌", "被不起诉人", "男", "1983-09-27")]),
    ("监视居住决定书", "范德明，男，1979年12月3日出生，汉族，暂住郑州市金水区。", [("范德明", "犯罪嫌疑人", "男", "1979-12-03")]),
    ("不起诉决定书", "被不起诉人薛文斌，男，1983年9月27日出生。", [("薛文斌", "被不起诉人", "男", "1983-09-27")]),
    ("不起诉决定书", "经审查，秦立军，男，驾驶货车逃逸。", []),  # not a line's head, no birth or ID: no introduction
    ("释放证明书", "兹有易佳，性别女，出生日期1993年6月30日，住址长沙市雨花区。", []),  # the form's words (ind_n06)
    ("起诉书", "被告人：任某龙（男），1989年1月17日生。\n杜某豪，男，身份证号411602199806253191，1998年6月25日出生。",
     [("任某龙", "被告人", "男", "1989-01-17"), ("杜某豪", "被告人", "男", "1998-06-25")]),  # ind_x06
    # a warrant's object of 对 with its details in brackets (ind_x06); not in a narrative document
    ("逮捕证", "依照刑事诉讼法第九十三条的规定，对任某龙（男，1989年1月17日出生，公民身份号码410105198901172310）执行逮捕。",
     [("任某龙", "犯罪嫌疑人", "男", "1989-01-17")]),
    ("鉴定意见通知书", "经查，我局已对李某（男，1990年1月1日出生）的伤情进行鉴定。", []),
    # the second of a list under one role word, details in brackets, a PDF line break inside the first bracket (ind_w04)
    ("批准延长侦查羁押期限决定书", "经审查，犯罪嫌疑人彭某强（男，1983年8月9日出生，公民身份号码\n430111198308090315）、易某（男，1988年5月5日"
     "出生，公民身份号码430102198805050959）涉嫌贩卖毒品罪一案。", [("彭某强", "犯罪嫌疑人", "男", "1983-08-09"),
                                                   ("易某", "犯罪嫌疑人", "男", "1988-05-05")]),
    # paragraphs under a heading, each opening with the name and its details in brackets, the list running past the
    # head (held-out ind_dy06: the third one's birth date was never compared)
    ("起诉意见书", "犯罪嫌疑人基本情况：\n欧阳某（男，汉族，1979年5月23日生，身份证号码450103197905\n231154，高中文化，茶楼经营者，"
     "住梧桐市东湖区滨江大道77号9栋），2021年3月27日被刑事拘留，4月2日经东湖区人民检察院批准逮捕。\n"
     "滕某（男，汉族，1988年1月30日生，身份证号码4501031988013\n0339X，初中文化，无业，住梧桐市东湖区建新村12组），"
     "2021年3月27日被刑事拘留，4月8日经东湖区人民检察院批准逮捕。\n"
     "詹某娟（女，汉族，1991年5月16日生，身份证号码450104199106\n152260，初中文化，收银员，住梧桐市青山区南湖路5号），"
     "2021年3月27日被刑事拘留，4月2日被监视居住。\n辩护律师：无。",
     [("欧阳某", "犯罪嫌疑人", "男", "1979-05-23"), ("滕某", "犯罪嫌疑人", "男", "1988-01-30"),
      ("詹某娟", "犯罪嫌疑人", "女", "1991-05-16")]),
    # a heading after the role word, the person on the next line (held-out ind_dy01: "基本情况陶秀梅" was a suspect)
    ("呈请监视居住报告书", "一、犯罪嫌疑人基本情况\n陶某梅，女，1994年9月3日出生，公民身份号码530103199409032489，汉族。",
     [("陶某梅", "犯罪嫌疑人", "女", "1994-09-03")]),
    # …nor the end of a role word a PDF line wrapped ("兹决定对犯罪嫌疑" / "人邓某强（性别男，…）", ind_dg01)
    ("拘留证", "根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑\n人邓某强（性别男，出生日期1988年6月14日，住址江州市临江区沙湖街道渡口村12组）执\n行拘留。",
     [("邓某强", "犯罪嫌疑人", "男", "1988-06-14")]),
    # …nor at a line's head after a role word the line before broke ("；犯罪嫌疑" / "人石某，男，…", held-out ind_ge06)
    ("提请批准逮捕书", "犯罪嫌疑人龚某华，男，1986年3月3日出生，住江川市西城区河口镇龚家村9号。；犯罪嫌疑\n人石某，男，1996年12月30日出生，"
     "汉族，汽修工。", [("龚某华", "犯罪嫌疑人", "男", "1986-03-03"), ("石某", "犯罪嫌疑人", "男", "1996-12-30")]),
    # …not a narrative's person far below the head, out of any list
    ("起诉意见书", "经依法侦查查明：" + "案情。" * 200 + "\n李某（男，1990年1月1日出生）系本案证人。", []),
])
def test_a_head_line_introduces_the_documents_person(doc_type: str, head: str, expected: list) -> None:
    from auditor.extract.parties import mentions_in

    doc = Document(id="d1", type=doc_type, title=doc_type, text=f"{doc_type}\n某检刑不诉〔2020〕31号\n{head}", start=0, end=0,
                   pages=[1])
    got = [(m.name, m.role, m.gender, m.birth_date.isoformat() if m.birth_date else None) for m in mentions_in(doc)
           if m.gender]
    assert got == expected


def test_a_name_inside_another_suspects_name_is_a_second_suspect_when_introduced_apart() -> None:
    """Regression (ind_y05): 马俊 (born 1992) and 马俊杰 (born 1996) are two suspects, not one name cut short; the
    warrant of one does not name the other."""
    from auditor.pipeline import audit_text

    text = ("拘留证\n兹决定对涉嫌诈骗罪的马俊（男，1992年9月27日出生，公民身份号码341222199209276155）执行拘留。\n"
            "某分局\n2022年5月18日\n=====\n逮捕证\n兹决定对涉嫌诈骗罪的马俊杰（男，1996年4月13日出生，公民身份号码340104199604132312）"
            "执行逮捕。\n某分局\n2022年7月8日\n")
    case = audit_text(text).case
    assert list(case.persons) == ["马俊", "马俊杰"]
    assert {(e.action, e.person) for e in case.events} == {("刑事拘留", "马俊"), ("逮捕", "马俊杰")}
    assert not [f for f in audit_text(text).findings if f.rule_id.startswith("CONSISTENCY-")]


@pytest.mark.parametrize(("text", "expected"), [
    # regression (corpus an, an02/an05/an08): a PDF line breaks inside the ID number; the two parts make one valid number
    ("犯罪嫌疑人刘振华，男，1990年2月14日出生，公民身份号码320583199002\n142170，汉族。", ("320583199002142170", True)),
    ("犯罪嫌疑人刘振华，男，1990年2月14日出生，公民身份号码320583199002142170，汉族。", ("320583199002142170", True)),
    # regression (corpus bn, bn05): …right after its first digit
    ("犯罪嫌疑人刘振华（性别男，公民身份号码3\n70102199612111514，住址东州市）", ("370102199612111514", True)),
    # two numbers that do not make a valid one stay apart
    ("犯罪嫌疑人刘振华，男，公民身份号码320583199002 5，汉族。", ("320583199002", None)),
])
def test_an_id_number_broken_by_a_line_is_joined(text: str, expected: tuple[str, bool | None]) -> None:
    (party,) = [p for p in find_parties(text) if p.name == "刘振华"]
    assert (party.id_number, party.id_valid) == expected


def test_regression_a_guarantor_ordered_after_the_bailed_persons_role_is_no_suspect() -> None:
    """Corpus bn (ind_bn10): "责令被取保候审人提出保证人胡建设（男，住…）" was read as a suspect named "提出保证人胡建设", who then
    counted as a person of the bail and hid the missing 保证书 of 胡浩."""
    text = ("犯罪嫌疑人胡浩，男，2008年1月20日出生。决定对其取保候审。\n责令被取保候审人提出保证人胡建设（男，住湘城市开福区北站路6号）。")
    assert [p.name for p in find_parties(text)] == ["胡浩"]


@pytest.mark.parametrize(("text", "number"), [
    # a number written a digit short is kept as written, to be compared (ind_ck01)
    ("犯罪嫌疑人邵某晴，女，1993年9月3日出生，公民身份号码37082219930903621，汉族。", "37082219930903621"),
    # …also when a line breaks inside it (ind_ck08)
    ("犯罪嫌疑人覃某福（性别男，出生日期1987年1月23日，公民身份号码371128198\n70123621，住址雾岭县）", "37112819870123621"),
    # the check letter wrapped onto the next line (ind_bx08, ind_cb02)
    ("犯罪嫌疑人：卓某 性别：男 公民身份号码：35020319900308079\nX\n批准逮捕机关：澄江市", "35020319900308079X"),
    # a run the text cuts at its end may go on: no number read (ind_bn09)
    ("犯罪嫌疑人马某，女，1985年2月28日出生，公民身份号码6101131985022824", None),
    # the fifteen digits of a pre-1999 card
    ("犯罪嫌疑人张某，男，1960年3月7日出生，公民身份号码360102600307123，住临川区。", "360102600307123"),
])
def test_an_id_number_as_written(text: str, number: str | None) -> None:
    (party,) = find_parties(text)
    assert party.id_number == number


def test_regression_a_seal_under_a_signature_left_to_the_hand_is_no_person() -> None:
    """ind_i10: "被讯问人：[手写]" then the seal's "专用章" on the next line; with the handwriting mark dropped from the
    text view the seal's words were read as the person questioned."""
    from auditor.extract.parties import find_parties

    text = "讯问笔录\n被讯问人：赵某杰\n问：你叫什么？\n答：赵某杰。\n以上笔录我看过，和我说的相符。\n被讯问人：[手写]\n专用章\n思明分局\n2022年6月1日"
    assert [p.name for p in find_parties(text)] == ["赵某杰"]


def test_regression_a_head_line_introduction_keeps_an_id_number_a_pdf_line_broke() -> None:
    """Held-out ind_he07: "钟晓岚，男，…公民身份号码45010319950328422" / "8，汉族…" — the number (and where it stands) is read
    whole, so a gender it contradicts is found."""
    from auditor.extract.parties import mentions_in

    text = ("起诉意见书\n犯罪嫌疑人基本情况：\n钟晓岚，男，1995年3月28日出生，公民身份号码45010319950328422\n"
            "8，汉族，本科文化，住桐州市鹤山区松林路8号。\n")
    doc = Document(id="d1", type="起诉意见书", title="起诉意见书", text=text, start=0, end=0, pages=[1])
    (m,) = [m for m in mentions_in(doc) if m.name == "钟晓岚"]
    assert m.id_number == "450103199503284228"
    assert m.id_span is not None and text[m.id_span[0]:m.id_span[1]].replace("\n", "") == "450103199503284228"
