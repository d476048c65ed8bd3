"""Acts attributed to the right suspect in files about several (issue 11 item 4), regressions from independent
dossiers."""

from __future__ import annotations

import pytest

from auditor.pipeline import audit_text

ARREST_REQUEST = """湖州市公安局吴兴区分局
提请批准逮捕书
湖吴公（刑）提捕字〔2023〕0139号
犯罪嫌疑人潘某，男，1968年3月3日出生，住湖州市吴兴区织里镇。
犯罪嫌疑人潘某因涉嫌污染环境罪，于2023年5月9日被我局刑事拘留。
同案犯罪嫌疑人钱某、吕某于2023年5月10日被我局取保候审。
此致
湖州市吴兴区人民检察院
湖州市公安局吴兴区分局
二〇二三年五月十二日
=====
湖州市公安局吴兴区分局
起诉意见书
犯罪嫌疑人潘某，男，1968年3月3日出生。犯罪嫌疑人钱某，男，1980年1月1日出生。犯罪嫌疑人吕某，女，1990年2月2日出生。
湖州市公安局吴兴区分局
二〇二三年七月二十一日
"""

RECORDS = """唐山市公安局路北分局
讯问笔录（第一次）
时间：2016年3月8日23时30分至2016年3月9日0时40分
地点：唐山市看守所讯问室
讯问人：王某、李某
犯罪嫌疑人：张玮
问：张伟是你什么人？
答：是我堂哥。
=====
唐山市公安局路北分局
讯问笔录（第一次）
时间：2016年3月9日20时40分至22时00分
地点：唐山市看守所讯问室
讯问人：王某、李某
犯罪嫌疑人：张伟
问：张玮是你什么人？
答：堂弟。
=====
唐山市公安局路北分局
起诉意见书
犯罪嫌疑人张伟，男，1986年2月15日出生。犯罪嫌疑人张玮，男，1990年8月3日出生。
唐山市公安局路北分局
二〇一六年四月一日
"""

COVER = """湖州市公安局吴兴区分局
刑事案件诉讼文书卷
犯罪嫌疑人：潘某
立案日期：2023年4月23日
移送审查起诉日期：2023年7月21日
=====
湖州市公安局吴兴区分局
起诉意见书
犯罪嫌疑人潘某，男，1968年3月3日出生。
湖州市公安局吴兴区分局
二〇二三年七月二十一日
"""


RETURN_BY_FIRST_NAME = """湖州市公安局吴兴区分局
起诉意见书
犯罪嫌疑人沈建华，男，1985年3月12日出生。犯罪嫌疑人钱国栋，男，1983年1月1日出生。
湖州市公安局吴兴区分局
二〇一三年十二月二十六日
=====
湖州市吴兴区人民检察院
退回补充侦查决定书
湖吴检公诉退补〔2014〕0019号
湖州市公安局吴兴区分局：
你局移送审查起诉的沈建华等人涉嫌盗窃一案，本院经审查认为部分事实不清，决定退回你局补充侦查。
湖州市吴兴区人民检察院
二〇一四年一月二十一日
"""

KINSMAN_IN_BRACKETS = """新疆维吾尔自治区石河子市中级人民法院
刑事判决书
（2011）石刑初字第20号
被告人徐河新，男，汉族，1957年12月25日出生。2010年8月28日因本案被逮捕。现在押。
被告人史自芳（被告人徐河新之表兄），男，汉族，1954年2月16日出生。2010年8月29日被逮捕。现在押。
被告人徐波（被告人徐河新之子），男，汉族，1982年10月28日出生。2010年8月30日被逮捕。现在押。
石河子市中级人民法院
二〇一一年五月三日
"""

OTHER_NAMED_SUBJECT = """新疆维吾尔自治区高级人民法院
刑事裁定书
被告人吾拉音·艾力，男，1990年1月1日出生。2013年7月18日被逮捕。
经审理查明：被告人吾拉音·艾力与艾克拉木·吾斯曼（同案被告人，已判刑）商议作案。
2013年6月25日，艾克拉木·吾斯曼前往他人家中准备为作案刀具开刃时，因涉嫌犯罪被刑事拘留。
新疆维吾尔自治区高级人民法院
二〇一四年六月十一日
"""

EXTENSION_OF_THREE = """龙圩县公安局
提请批准延长侦查羁押期限意见书
犯罪嫌疑人黎国强，男，1982年6月6日出生。犯罪嫌疑人黎国祥，男，1984年9月17日出生。犯罪嫌疑人黄国强，男，1987年1月30日出生。
龙圩县公安局
二〇一六年六月十日
=====
南岭省梧山市人民检察院
批准延长侦查羁押期限决定书
梧检延羁〔2016〕22号
龙圩县公安局：
根据《中华人民共和国刑事诉讼法》第一百五十四条之规定，决定批准延长犯罪嫌疑人黎国强（450406198206062136）、黎国祥（450406198409173514）、黄国强（450406198701305879）侦查羁押期限一个月，自2016年6月21日起至2016年7月20日止。
南岭省梧山市人民检察院
二〇一六年六月十五日
"""

DETENTION_EXTENDED_FOR_TWO = """东澜海警局
拘留证
兹决定对犯罪嫌疑人蔡某福（性别男，出生日期1978年2月1日）执行拘留。
东澜海警局（印）
二〇二三年九月十二日
=====
东澜海警局
拘留证
兹决定对犯罪嫌疑人许某亮（性别男，出生日期1980年7月8日）执行拘留。
东澜海警局（印）
二〇二三年九月十二日
=====
东澜海警局
延长拘留期限通知书
东澜海警延拘字〔2023〕021号
东澜市看守所：
因犯罪嫌疑人系结伙作案、多次作案的重大嫌疑分子，根据《中华人民共和国刑事诉讼法》第九十一条第二款之规定，经局长批准，决定将犯罪嫌疑人蔡某福（性别男）、许某亮（性别男）提请审查批准逮捕的时间延长至三十日。
东澜海警局（印）
2023年9月14日
"""

BAIL_IN_ANOTHERS_CASE = """满洲里海关缉私分局
提请批准逮捕书
犯罪嫌疑人巴特尔，男，1983年6月12日出生。犯罪嫌疑人巴特尔因涉嫌走私于2019年3月11日被我分局刑事拘留。
满洲里海关缉私分局
二〇一九年三月十六日
=====
满洲里海关缉私分局
取保候审决定书
满关缉取保字〔2019〕0004号
犯罪嫌疑人其其格，女，1988年4月20日出生，住内蒙古自治区呼伦贝尔市海拉尔区胜利大街3号。
我局正在办理巴特尔等人走私普通货物、物品案，因其可能判处管制、拘役或者独立适用附加刑，采取取保候审不致发生社会危险性，根据《中华人民共和国刑事诉讼法》第六十七条第一款第（一）项之规定，决定对其取保候审，期限从2019年3月12日起算。
满洲里海关缉私分局（印）
二〇一九年三月十二日
"""

INTRO_COMPLEMENT = """长沙市公安局雨花分局
起诉意见书
犯罪嫌疑人周建国，男，1975年11月9日出生，2024年1月16日被我局刑事拘留。
犯罪嫌疑人谭丽，女，1989年4月17日出生，系周建国店内店员。2024年1月17日被我局取保候审。
长沙市公安局雨花分局
二〇二四年三月一日
"""


TWO_SENDERS = """澜江市望湖区人民检察院
起诉书
望检刑诉〔2023〕88号
被告人孙某平，男，1970年1月1日出生。
被告人钱某东，男，1985年4月6日出生。
本案由澜江市望湖区监察委员会于2023年4月3日移送审查起诉，澜江市公安局望湖分局于2023年5月23日移送审查起诉，本院并案审查。
澜江市望湖区人民检察院
二〇二三年六月十六日
"""


def _events(text: str, action: str) -> set[tuple[str, str | None]]:
    return {(e.date.isoformat(), e.person) for e in audit_text(text).case.events if e.action == action and e.date}


@pytest.mark.parametrize(("text", "action", "expected"), [
    # one suspect's 提请批准逮捕书 naming co-suspects in passing is his act only (ind_a22)
    (ARREST_REQUEST, "提请批准逮捕", {("2023-05-12", "潘某")}),
    # ... also where the co-suspect's birth date is given in brackets (ind_a19, since round k reads bracketed details)
    (ARREST_REQUEST.replace("同案犯罪嫌疑人钱某、吕某", "同案犯罪嫌疑人钱某（1980年1月1日出生）、吕某"), "提请批准逮捕",
     {("2023-05-12", "潘某")}),
    # a 讯问笔录 is the act of the person its head names, not of the cousin the questions mention (ind_b20)
    (RECORDS, "讯问", {("2016-03-08", "张玮"), ("2016-03-09", "张伟")}),
    # a cover's field "移送审查起诉日期：…" takes its own date, not the 立案 date on the line before (ind_a22)
    (COVER, "移送审查起诉", {("2023-07-21", "潘某")}),
    # a case-stage document naming the case by its first suspect ("沈建华等人…一案") concerns them all (ind_j01)
    (RETURN_BY_FIRST_NAME, "退回补充侦查", {("2014-01-21", "沈建华"), ("2014-01-21", "钱国栋")}),
    # ... and so do the earlier stages it tells in a sentence naming the case that way (ind_j02)
    (RETURN_BY_FIRST_NAME.replace("本院经审查认为部分事实不清", "本院于2014年1月2日退回补充侦查，你局于2014年1月10日补充侦查完毕重新移送。"
                                  "本院经审查认为部分事实不清"), "重新移送审查起诉",
     {("2014-01-10", "沈建华"), ("2014-01-10", "钱国栋")}),
    # a name after 系 is a complement: the next sentence's act is the introduced suspect's (ind_h09)
    (INTRO_COMPLEMENT, "取保候审", {("2024-01-17", "谭丽")}),
    # a defendant introduced with his kinship to another in brackets: his arrest is his own (real round bf, judgment_407)
    (KINSMAN_IN_BRACKETS, "逮捕", {("2010-08-28", "徐河新"), ("2010-08-29", "史自芳"), ("2010-08-30", "徐波")}),
    # a clause opened by another person's name (a transliterated one): his detention is not the defendant's (caiding_405)
    (OTHER_NAMED_SUBJECT, "刑事拘留", set()),
    # a bail decision naming the case by another suspect ("办理巴特尔等人…案") is not his bail (ind_bh01)
    (BAIL_IN_ANOTHERS_CASE, "取保候审", {("2019-03-12", "其其格")}),
    # a decision listing its persons each with his ID number in brackets concerns them all (ind_be07)
    (EXTENSION_OF_THREE, "延长侦查羁押期限", {("2016-06-15", "黎国强"), ("2016-06-15", "黎国祥"), ("2016-06-15", "黄国强")}),
    # …or with a semicolon after each bracket: "冯某栋（公民身份号码…）；蒋某（…）延长…" (held-out ind_dl05, ind_dl07)
    (EXTENSION_OF_THREE.replace("黎国强（450406198206062136）、", "黎国强（公民身份号码450406198206062136）；"),
     "延长侦查羁押期限", {("2016-06-15", "黎国强"), ("2016-06-15", "黎国祥"), ("2016-06-15", "黄国强")}),
    # …or each with his sex alone in brackets (held-out ind_dd07)
    (DETENTION_EXTENDED_FOR_TWO, "延长拘留期限", {("2023-09-14", "蔡某福"), ("2023-09-14", "许某亮")}),
    # two organs each sent part of a joined case: neither transfer is every defendant's (ind_ci02)
    (TWO_SENDERS, "移送审查起诉", {("2023-04-03", None), ("2023-05-23", None)}),
])
def test_acts_go_to_the_right_suspect(text: str, action: str, expected: set[tuple[str, str | None]]) -> None:
    assert _events(text, action) == expected


JOINT_LATE_RETURN = """某市公安局某分局
起诉意见书
犯罪嫌疑人孙立峰，男，1985年1月1日出生。犯罪嫌疑人邵佳宁，男，1986年2月2日出生。犯罪嫌疑人蒋文博，男，1987年3月3日出生。
现将此案移送审查起诉。
某市公安局某分局
二〇二四年十二月二十日
=====
某区人民检察院
退回补充侦查决定书
某检退补〔2025〕3号
某市公安局某分局：
你局移送审查起诉的孙立峰、邵佳宁、蒋文博涉嫌盗窃一案，本院决定退回你局补充侦查。
某区人民检察院
二〇二五年一月十七日
=====
某市公安局某分局
补充侦查报告书
某区人民检察院：
你院退回补充侦查的孙立峰、邵佳宁、蒋文博涉嫌盗窃一案，我局已补充侦查完毕，现重新移送审查起诉。
某市公安局某分局
二〇二五年二月二十四日
"""


def test_a_late_answer_to_one_return_is_one_finding_however_many_suspects() -> None:
    """Regression (ind_j12): one late re-transfer of a three-suspect case gave three identical findings."""
    found = [f for f in audit_text(JOINT_LATE_RETURN).findings if f.rule_id == "SUPPLEMENTARY-INVESTIGATION-LIMIT"]
    assert len(found) == 1


def test_a_case_moved_as_a_whole_with_each_suspect_listed_concerns_each() -> None:
    """Regression (corpus v, ind_v03): "本案由…调查终结，以被告人甲涉嫌受贿罪、被告人乙涉嫌介绍贿赂罪，于…向本院移送起诉"
    was the last-named suspect's transfer only."""
    text = ("起诉书\n南县检刑诉〔2023〕1号\n被告人罗某平，男，1972年8月19日出生。\n被告人熊某勇，男，1981年3月6日出生。\n"
            "本案由南昌县监察委员会调查终结，以被告人罗某平涉嫌受贿罪、被告人熊某勇涉嫌介绍贿赂罪，于2023年3月28日向本院移送起诉。\n"
            "南昌县人民检察院\n2023年6月1日\n")
    assert _events(text, "移送审查起诉") == {("2023-03-28", "罗某平"), ("2023-03-28", "熊某勇")}


def test_a_co_suspects_non_prosecution_does_not_end_the_others_review() -> None:
    """Regression (corpus az, ind_az07): a co-suspect's 不起诉 was taken as the end of everyone's 审查起诉, so the others'
    third return was ignored and their last re-transfer was paired with the second return (80 days, "late")."""
    from pathlib import Path

    text = Path(__file__).with_name("rules").joinpath("SUPPLEMENTARY-INVESTIGATION-LIMIT.txt").read_text(encoding="utf-8")
    case = text.split("##### case\n")[-1].split("\n", 1)[1]
    found = [f for f in audit_text(case).findings if f.rule_id == "SUPPLEMENTARY-INVESTIGATION-LIMIT"]
    assert len(found) == 1 and found[0].severity == "error"  # too many returns; no late answer
    assert "2022-12-22" in found[0].explanation.steps[0]


RETURNED = """连城县公安局
起诉意见书
连公（刑）诉意字〔2023〕085号
犯罪嫌疑人欧阳某生，男，1970年1月1日出生。犯罪嫌疑人田某林，男，1975年2月2日出生。犯罪嫌疑人何某兰，女，1980年3月3日出生。
犯罪嫌疑人欧阳某生、田某林、何某兰涉嫌重大责任事故罪一案，现已侦查终结，移送审查起诉。
连城县公安局
二〇二三年六月十二日
=====
连城县人民检察院
退回补充侦查决定书
连检刑退查〔2023〕90号
连城县公安局：
你局以连公（刑）诉意字〔2023〕085号起诉意见书移送审查起诉的连城县金山矿业有限公司“2·5”重大责任事故案，本院经审查认为部分事实不清、证据不足，根据《刑事诉讼法》第一百七十五条第二款之规定，决定第一次退回你局补充侦查。
补充侦查提纲：
1. 补充调取3号采场支护设计及施工记录；
2. 查明欧阳某生对采场验收的职责分工。
连城县人民检察院
2023年7月5日
"""


def test_a_case_returned_for_investigation_is_returned_whole_whoever_its_outline_asks_about() -> None:
    """Regression (held-out ind_gl05): the decision names the case by its company; the one suspect it names stands in its
    补充侦查提纲 — the whole case goes back, not his part of it."""
    case = audit_text(RETURNED).case
    returned = {e.person for e in case.events if e.action == "退回补充侦查"}
    assert returned == {"欧阳某生", "田某林", "何某兰"}
