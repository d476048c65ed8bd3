"""The head of a 笔录: the officers it names, however the form prints its fields."""

from __future__ import annotations

import pytest

from auditor.extract.records import record_officers
from auditor.model import Document

CASES = [
    # regressions (round i): a label spaced out by OCR, a name broken by a line end after its label
    ("讯问人（ 签 名 ） ：黄志伟、区永强    工 作 单 位 ：佛 山 市 公 安 局\n记录人（签名）：区永强", ("黄志伟", "区永强")),
    ("讯问人（签名）：林\n志鹏、黄思远  工作单位：厦门市公安局思明分局\n记录人（签名）：黄思远", ("林志鹏", "黄思远")),
    ("讯问人：张建华    记录人：李明", ("张建华", "李明")),
    # regression (ind_ai01): a procuratorate's record titles each name; the titles are no organ
    ("侦查员姓名：检察官周文涛、检察官助理林珊    工作单位：青湾县人民检察院\n记录员姓名：林珊", ("周文涛", "林珊")),
    # regression (ind_ao08): the procuratorate's "检察人员姓名、单位：", each name with its unit in brackets
    ("检察人员姓名、单位：周晓雯（锦川区人民检察院）、李浩（锦川区人民检察院）\n记录人姓名、单位：李浩（锦川区人民检察院）",
     ("周晓雯", "李浩")),
    ("讯问人：张建华、李明", ("张建华", "李明")),
    # regression (held-out ind_gt02): "同上" repeats the officer above, it is no second one
    ("侦查人员姓名、单位：黎晓东（清川市公安局南浦分局刑事侦查大队）\n记录人：同上", ("黎晓东",)),
    # regression (held-out ind_gr06): "助理检察员" before the second name, the two titles in a bracket after it
    ("讯问人：杨帆、助理检察员邱明（安平市南山区人民检察院检察官、检察官助理）", ("杨帆", "邱明")),
    ("侦查员：刘洋（临川区公安局刑侦大队）", ("刘洋",)),
    ("讯问人：王某、李某，临川区公安局刑侦大队", ("王某", "李某")),
    # regression: a 工作单位 field on the officers' line swallowed both names (ind_a07, a13, a24 …)
    ("讯问人：杨志军、刘畅    工作单位：沙市区分局岑河派出所\n记录人：刘畅", ("杨志军", "刘畅")),
    # labels printed without a colon (ind_a21)
    ("讯问人 吴志成    工作单位 天河区分局石牌派出所\n记录人 吴志成\n被讯问人 黎振东  性别 男", ("吴志成",)),
    ("讯问人 吴志成、麦嘉欣    工作单位 天河区分局石牌派出所\n记录人 麦嘉欣", ("吴志成", "麦嘉欣")),
    ("被讯问人：黎振东", ()),
    # regression: one (full-width) space before a colon-less 工作单位 kept the unit in the names' field, and the
    # field with both names was dropped as an organ (ind_c02: INTERROGATION-SINGLE-OFFICER on two officers)
    ("讯问人 曾嘉豪、苏铭 工作单位 深圳市公安局南山分局\n记录人 苏铭", ("曾嘉豪", "苏铭")),
    ("讯问人\u3000曾嘉豪、苏铭\u3000工作单位\u3000深圳市公安局南山分局", ("曾嘉豪", "苏铭")),
    # regression (ind_d03): labels printed with （签名）
    ("讯问人（签名） 郑晓东  黄伟        工作单位 福州市公安局鼓楼分局经侦大队\n记录人（签名） 黄伟", ("郑晓东", "黄伟")),
    ("讯问人（签名） 郑晓东        工作单位 福州市公安局鼓楼分局经侦大队\n记录人（签名） 郑晓东", ("郑晓东",)),
    # regression (ind_af08): a label qualified in brackets; a question's "侦查人员（出示工作证件）" is no label (ind_d03)
    ("侦查员（讯问人）：盛宏、卢晓峰    工作单位：平阳市公安局滨海分局\n记录员：卢晓峰", ("盛宏", "卢晓峰")),
    ("讯问人（签名） 郑晓东        工作单位 福州市公安局鼓楼分局\n记录人（签名） 郑晓东\n"
     "问：我们是福州市公安局的侦查人员（出示工作证件），现依法对你进行讯问", ("郑晓东",)),
    # regression (ind_e04): a transliterated officer's name was cut in two at its "·"
    ("讯问人：艾尔肯·吐尔逊 记录人：艾尔肯·吐尔逊", ("艾尔肯·吐尔逊",)),
    ("讯问人：艾尔肯·吐尔逊、王磊 记录人：王磊", ("艾尔肯·吐尔逊", "王磊")),
    # regression (ind_f07, a scan): OCR glued the last name to the next label
    ("讯问人（签名）：程浩、胡斌工作单位：武汉市公安局洪山区分局\n记录人（签名）：胡斌工作单位：武汉市公安局洪山区分局",
     ("程浩", "胡斌")),
    # regression (ind_cb04, OCR noise): the colon after "姓名、单位" lost, the unit wrapped onto the next line
    ("侦查员姓名、单位闫志刚、柯文杰，汐城市公安局\n东湄分局治安管理大队\n记录人姓名、单位沈慧，汐城市公安局东湄分局治安管理大队",
     ("闫志刚", "柯文杰", "沈慧")),
    # regression (ind_b10, after ind_di04): a padded name between the first name and the unit, one space apart
    ("侦查员姓名、单位 罗勇 陈 超 南明分局刑侦大队\n记录员姓名、单位 陈 超 南明分局刑侦大队", ("罗勇", "陈超")),
    # regression (held-out ind_dl06): the auxiliary's title before his name; he is no investigator
    ("侦查员姓名、单位：储一鸣（临江市公安局东港区分局）\n记录员姓名、单位：实习生 林晓（临江市公安局东港区分局）", ("储一鸣",)),
    ("讯问人：储一鸣、辅警林晓\n记录人：辅警林晓", ("储一鸣",)),
    # the officers' field unreadable or blank: nobody is stated (real xwbl_001, OCR noise)
    ("侦查员姓名、单位j戈和-3廣通甘井子分局兴华街派出所 记录员姓名、单位 /卞参-\t甘井子分局兴华街派出所", ()),
    ("讯问人：\n记录人：李明", ()),
    # regression (held-out ind_di04): one space between the names and their unit on a "姓名、单位" line
    ("侦查员姓名、单位：徐立群、潘浩 临川县公安局刑事侦查大队\n记录员姓名：潘浩", ("徐立群", "潘浩")),
    ("侦查员姓名、单位：徐立群 临川县公安局刑事侦查大队\n记录员姓名：徐立群", ("徐立群",)),
]


@pytest.mark.parametrize(("head", "officers"), CASES)
def test_record_officers(head: str, officers: tuple[str, ...]) -> None:
    doc = Document(id="d1", type="讯问笔录", title="讯问笔录", text=f"讯问笔录\n时间：2022年11月15日14时00分\n{head}\n问：…",
                   start=0, end=0, pages=[1])
    assert record_officers(doc)[0] == officers


@pytest.mark.parametrize(("head", "person"), [
    ("被讯问人：彭某  性别：男", "彭某"),
    ("被讯问人 彭某  性别 男  年龄 31", "彭某"),  # a form printed without colons (ind_a02)
    ("犯罪嫌疑人：张某", "张某"),
    ("犯罪嫌疑人姓名：张某性别：男", "张某"),
    # regression (corpus ay, ind_ay04): the head's field without a colon; the answers name the co-suspects
    ("犯罪嫌疑人 李某\n问：彭某、张某让你运输什么？", "李某"),
])
def test_recorded_person(head: str, person: str) -> None:
    from auditor.extract.records import recorded_person

    doc = Document(id="d1", type="讯问笔录", title="讯问笔录", text=f"讯问笔录\n时间：2022年8月15日9时20分\n{head}\n问：…",
                   start=0, end=0, pages=[1])
    assert recorded_person(doc, [], ["彭某", "张某", "李某"]) == person



# regression (ind_v05): a 宣布笔录 under a running header "孙浩等人非法经营案" announced the 不起诉 to 孙浩 as well
@pytest.mark.parametrize(("head", "person"), [
    ("宣布人：沈立新、陆佳\n被宣布人：周婷\n在场人：民警刘波", "周婷"),
    ("被宣布人 周婷", None),  # no colon: not read as the field (a sentence may use the word)
    ("被宣布人：周婷、孙浩", None),  # announced to both: each keeps their own announcement
    ("被宣布人：王某某", None),  # not a suspect of the case
    ("宣布人：沈立新", None),
])
def test_announced_person(head: str, person: str | None) -> None:
    from auditor.extract.records import announced_person

    doc = Document(id="d1", type="宣布笔录", title="宣布笔录", text=f"宣布笔录\n时间：2023年2月20日10时\n{head}\n宣布人当众宣读…",
                   start=0, end=0, pages=[1])
    assert announced_person(doc, ["孙浩", "周婷", "吴刚"]) == person


def test_the_ordinal_below_a_long_head_is_read() -> None:
    """Regression (ind_y03): "（第四次讯问）" after the head's seven lines, before the first question: the record was
    taken for the suspect's first, and two rights-notice errors followed."""
    from auditor.extract.records import record_ordinal

    head = ("讯问笔录\n时间：2020年6月18日9时至2020年6月18日10时20分\n地点：温州市看守所第9讯问室\n"
            "讯问人（签名）：陈某峰、项某  工作单位：温州市公安局瓯海区分局\n记录人（签名）：项某  工作单位：温州市公安局瓯海区分局\n"
            "被讯问人：周某涛  性别：男  出生日期：1984年2月28日\n身份证件种类及号码：居民身份证 330304198402281154\n"
            "户籍所在地：浙江省温州市瓯海区娄桥街道新桥村55号\n（第四次讯问）\n问：你有无新的交代？\n答：这是我第二次说了。")
    doc = Document(id="d1", type="讯问笔录", title="讯问笔录", text=head, start=0, end=0, pages=[1])
    found = record_ordinal(doc)
    assert found is not None and found[0] == 4


def test_the_recorded_person_is_the_name_itself_before_a_longer_one() -> None:
    """Regression (ind_y07): 钱浩 (an adult) and 钱浩然 (16) are two suspects; 钱浩's record was taken for 钱浩然's."""
    from auditor.extract.records import recorded_person

    doc = Document(id="d1", type="讯问笔录", title="讯问笔录", text="讯问笔录\n时间：2016年10月12日9时\n被讯问人：钱浩  性别：男\n问：…",
                   start=0, end=0, pages=[1])
    assert recorded_person(doc, [], ["钱浩然", "周子轩", "钱浩"]) == "钱浩"


def test_a_record_whose_head_questions_a_co_offender_handled_apart_is_no_suspects_interrogation() -> None:
    """Regression (held-out ind_fd04): "讯问笔录（摘录）（第一次）… 被询问人：樊某…（同案人，另案处理）" names the suspect only in
    its answers: not his first interrogation (no rights-notice or juvenile finding on it)."""
    from auditor.pipeline import audit_text

    text = ("拘留证\n兹决定对涉嫌盗窃罪的童某乐（性别男，出生日期2006年5月10日）执行拘留。\n宁川县公安局（印）\n2022年11月8日\n=====\n"
            "讯问笔录（摘录）\n（第一次）\n时间：2022年11月12日10时至2022年11月12日11时\n地点：宁川县看守所讯问室\n"
            "询问人：江涛、方园　　记录人：方园\n被询问人：樊磊，男，1999年出生（同案人，另案处理）\n"
            "问：依法向你了解情况，你应当如实提供证言，有意作伪证要负法律责任，你明白吗？\n答：明白。\n"
            "问：11月5日你们去联华超市是谁提议的？\n答：是我提议的，童某乐在外面看人。\n")
    result = audit_text(text)
    (record,) = [r for r in result.case.records if r.kind == "讯问笔录"]
    assert record.person is None and record.of_other
    assert not [f.rule_id for f in result.findings if f.rule_id.startswith(("RIGHTS-NOTICE", "JUVENILE"))]
