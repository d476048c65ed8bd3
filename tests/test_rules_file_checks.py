"""Whole-file checks (rights notices, consistency, required documents): helpers as tables, and the legal facts
their data rests on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import LAW_CORPUS, SHARED, requires_shared

from auditor.extract.records import record_ordinal
from auditor.law.catalog import CPL, cpl_version_on, laws, version_at_least
from auditor.law.corpus import read_articles
from auditor.model import Document, PartyMention
from auditor.pipeline import audit_text
from auditor.rules.checks import rights_notice as rn
from auditor.rules.kinds.consistency import checked_id
from auditor.rules.loader import load_rules
from auditor.text.ids import id_birth_date, id_gender

PARTS = {(n, p): spec for n, v in rn.notices_lexicon()["notices"].items() for p, spec in v["parts"].items()}
RULES = {r.id: r for r in load_rules()}


def _doc(text: str, date_: str | None = None) -> Document:
    return Document(id="d1", type="讯问笔录", title="讯问笔录", start=0, end=len(text), text=text,
                    date=date.fromisoformat(date_) if date_ else None)


@pytest.mark.parametrize(
    ("number", "birth", "gender", "checked"),
    [
        ("360102199003071236", date(1990, 3, 7), "男", True),
        ("36010219920511124X", None, None, False),  # wrong check digit (0 is right)
        ("360102199205111240", date(1992, 5, 11), "女", True),
        ("360102199003******", None, None, False),  # masked
        ("360102900307123", None, None, False),  # 15 digits: no check digit to trust
    ],
)
def test_id_number_fields(number: str, birth: date | None, gender: str | None, checked: bool) -> None:
    got = checked_id(PartyMention(document_id="d1", name="张某某", role="犯罪嫌疑人", start=0, end=3, id_number=number))
    assert (got is not None) == checked
    if got:
        assert id_birth_date(got) == birth
        assert id_gender(got) == gender


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("讯问笔录\n（第1次）\n时间：", 1),
        ("讯问笔录（第一次）", 1),
        ("讯问笔录\n第 2 次\n", 2),
        ("讯问笔录（第十二次）", 12),
        ("讯问笔录\n时间：2016年1月20日", None),
    ],
)
def test_interrogation_ordinal(head: str, expected: int | None) -> None:
    got = record_ordinal(_doc(head))
    assert (got[0] if got else None) == expected


@pytest.mark.parametrize(
    ("day", "era", "counsel_due", "plea_due"),
    [
        (date(2010, 5, 6), "1996", False, False),
        (date(2016, 1, 20), "2012", True, False),
        (date(2018, 10, 25), "2012", True, False),
        (date(2018, 10, 26), "2018", True, True),
        (None, None, False, False),
    ],
)
def test_era_decides_what_is_due(day: date | None, era: str | None, counsel_due: bool, plea_due: bool) -> None:
    assert cpl_version_on(day) == era
    assert version_at_least(CPL, era, PARTS[("lawyer", "counsel")]["since"]) is counsel_due
    assert version_at_least(CPL, era, PARTS[("leniency", "plea")]["since"]) is plea_due


@pytest.mark.parametrize(
    ("part", "text", "found"),
    [
        (("lawyer", "counsel"), "你有权委托律师作为辩护人，可以申请法律援助。", True),
        (("lawyer", "counsel"), "你可以聘请律师为你提供法律咨询。", True),
        (("lawyer", "counsel"), "你有权\n委托辩护\n人。", True),  # line breaks inside the phrase
        (("lawyer", "counsel"), "你应当如实回答我们的提问。", False),
        (("leniency", "confession"), "如实供述自己罪行可以从轻处理", True),
        (("leniency", "confession"), "如实供述自己罪行可以从輕处理", True),  # OCR slip: fuzzy phrase
        (("leniency", "confession"), "你应当如实回答我们的提问", False),
        (("leniency", "plea"), "认罪认罚的可以依法从宽处理", True),
        (("leniency", "plea"), "如实供述自己罪行可以从轻处理", False),
    ],
)
def test_find_notice_part(part: tuple[str, str], text: str, found: bool) -> None:
    assert (rn.find_notice_part(text, PARTS[part]) is not None) is found


_RECORD = (
    "讯问笔录\n（第1次）\n时间：2022年4月15日9时10分\n犯罪嫌疑人姓名：张某某\n"
    "问：我们是临川区公安局的侦查人员，现依法对你进行讯问，你应当如实回答我们的提问，对与本案无关的问题有拒绝回答的权利{extra}。\n"
    "答：听清楚了。\n问：你把事情经过讲一下。\n答：那天晚上我在临川区青云街道一家超市看到收银台上有一部手机没人看着，"
    "就趁店员不注意拿走了，后来在二手市场卖了八百元，钱已经花完了，我愿意退赔被害人的损失，请求从轻处理。\n"
    "以上笔录我看过，和我说的相符。\n被讯问人：张某某（签名、捺指印）\n2022年4月15日\n"
)


@pytest.mark.parametrize(
    ("extra", "lawyer", "leniency"),
    [
        ("", True, True),
        ("，如实供述自己罪行可以从轻处理", True, True),  # 2022: 认罪认罚 is due too
        ("，如实供述自己罪行可以从轻处理，认罪认罚的可以依法从宽处理", True, False),
        ("，如实供述自己罪行可以从轻处理，认罪认罚的可以依法从宽处理，你有权委托律师作为辩护人", False, False),
        ("。这是《犯罪嫌疑人诉讼权利义务告知书》，你看一下", False, False),
    ],
)
def test_rights_notice_findings(extra: str, lawyer: bool, leniency: bool) -> None:
    fired = {f.rule_id for f in audit_text(_RECORD.format(extra=extra)).findings}
    assert ("RIGHTS-NOTICE-LAWYER-MISSING" in fired) is lawyer
    assert ("RIGHTS-NOTICE-LENIENCY-MISSING" in fired) is leniency


def test_findings_carry_evidence_and_steps() -> None:
    case = audit_text(_RECORD.format(extra=""))
    for f in case.findings:
        assert f.evidence and all(e.quote for e in f.evidence) and f.explanation.steps, f.rule_id
        assert "张某某" in f.message


_SEIZE = "临川区公安局\n扣押决定书\n临公（刑）扣字〔2023〕5号\n我局决定扣押犯罪嫌疑人吴某某的手机一部。\n临川区公安局（印）\n二〇二三年三月八日\n"


@pytest.mark.parametrize(
    ("tail", "fires"),
    [
        ("", True),
        ("临川区公安局\n扣押清单编号　名称　数量　特征\n1　手机　一部　黑色\n", False),  # title glued to the table head
        ("（详见扣押清单）\n", True),  # a reference is no list
    ],
)
def test_seizure_list_title_line(tail: str, fires: bool) -> None:
    fired = {f.rule_id for f in audit_text(_SEIZE + tail).findings}
    assert ("SEIZURE-LIST-MISSING" in fired) is fires


# --- legal facts the data rests on ---------------------------------------------------------------------------


@requires_shared
def test_notice_eras_pinned() -> None:
    """counsel from the 2012 CPL (art. 33, legal-rules J1), 认罪认罚 only from 2018 (art. 15 inserted then)."""
    cpl = read_articles(LAW_CORPUS / "cpl-2018.md")
    assert "应当告知犯罪嫌疑人有权委托辩护人" in cpl[(34, None)][1]
    assert "如实供述自己罪行可以从宽处理和认罪认罚的法律规定" in cpl[(120, None)][1]
    assert "愿意接受处罚的，可以依法从宽处理" in "".join(cpl[(15, None)])
    inserted = laws()[CPL].renumbering["inserted"]
    assert 15 in inserted and 34 - 1 not in inserted
    rules_md = (SHARED / "domain" / "legal-rules.md").read_text(encoding="utf-8")
    assert "| 刑诉法 34(2); 公安规定 43 | 33 |" in rules_md and "| 刑诉法 120; 公安规定 203 | 118 |" in rules_md
    assert PARTS[("lawyer", "counsel")]["since"] == "2012"
    assert PARTS[("leniency", "confession")]["since"] == "2012"
    assert PARTS[("leniency", "plea")]["since"] == "2018"


@requires_shared
def test_designated_residence_exceptions_pinned() -> None:
    """CPL 2018 Art. 75(2) keeps only 无法通知; 有碍侦查 (still in 85(2) for 拘留) excuses only the 2012 era."""
    cpl = read_articles(LAW_CORPUS / "cpl-2018.md")
    para = cpl[(75, None)][1]
    assert "除无法通知的以外" in para and "有碍侦查" not in para
    assert "有碍侦查" in cpl[(85, None)][1]
    check = RULES["DESIGNATED-RESIDENCE-NOTICE-MISSING"].check
    assert check["excused_by"] == ["无法通知"] and check["excused_by_era"] == {"2012": ["有碍侦查"]}


@requires_shared
def test_execution_notice_titles_pinned() -> None:
    """The titles the execution-notice rules require are the regulations' own words."""
    spp = read_articles(LAW_CORPUS / "spp-criminal-procedure-rules-2019.md")
    assert "执行取保候审通知书" in spp[(95, None)][0] and "取保候审保证书" in spp[(95, None)][0]
    assert "监视居住执行通知书" in spp[(109, None)][0]
    mps = read_articles(LAW_CORPUS / "mps-criminal-procedure-2020.md")
    assert "查封、扣押清单" in mps[(230, None)][0] and "监视居住通知书" in mps[(113, None)][0]


def test_rights_lexicon_is_well_formed() -> None:
    versions = [v.id for v in laws()[CPL].versions]
    for spec in PARTS.values():
        assert spec["since"] in versions
        assert spec.get("patterns") or spec.get("phrases")
    assert Path(rn.__file__).name == "rights_notice.py"


_THREE_DETAINED = "\n=====\n".join(
    [f"拘留证\n北公（刑）拘字〔2019〕{n}号\n根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对涉嫌聚众斗殴罪的{name}（性别男）"
     f"执行拘留，送某看守所羁押。\n某市公安局北湖分局（印）\n二〇一九年十一月三日\n本证已于2019年11月3日{hour}向我宣布。被拘留人：{name}"
     for n, name, hour in ((1, "钟某宇", "6时00分"), (2, "江某", "6时20分"), (3, "许某斌", "7时00分"))]
    + ["提请批准逮捕书\n北公（刑）提捕字〔2019〕9号\n犯罪嫌疑人钟某宇、江某、许某斌因涉嫌聚众斗殴罪，于2019年11月3日被我局刑事拘留。"
       "依照《中华人民共和国刑事诉讼法》第八十一条之规定，特提请批准逮捕。\n此致\n某区人民检察院\n某市公安局北湖分局（印）\n"
       "二〇一九年十一月十二日"])


def test_a_late_request_for_three_detained_at_different_hours_is_one_finding_each() -> None:
    """Held-out ind_dv06 and ind_au10: detained at 6:00, 6:20 and 7:00 of one day, requested together on day 9 — one
    finding for each suspect held too long, as the truth format counts them ("two suspects … is two entries"); only
    the same moments on the same paper make one."""
    late = [f for f in audit_text(_THREE_DETAINED).findings if f.rule_id == "ARREST-REQUEST-DEADLINE"]
    assert len(late) == 3


_TRANSFER_DATED_IN_WORDS = "\n=====\n".join([
    "逮捕证\n东公（刑）捕字〔2023〕5号\n经某区人民检察院批准，兹由我局对涉嫌诈骗罪的邓某超（性别男）执行逮捕，送某看守所羁押。\n"
    "某市公安局东湖分局（印）\n二〇二三年四月九日",
    "起诉意见书\n东公（刑）诉字〔2023〕33号\n犯罪嫌疑人邓某超，男，因涉嫌诈骗罪于2023年4月9日被逮捕。依照《中华人民共和国刑事诉讼法》"
    "第一百六十二条之规定，现将此案移送审查起诉。\n此致\n某区人民检察院\n某市公安局东湖分局\n2023年7月5日",
    "起诉书\n东检刑诉〔2023〕40号\n被告人邓某超，男。\n本案由某市公安局东湖分局侦查终结，以被告人邓某超涉嫌诈骗罪，于2023年7月6日向本院移送"
    "审查起诉。\n此致\n某区人民法院\n检察员：王某\n2023年8月4日",
])


def test_custody_overdue_attaches_to_the_transfer_paper_when_another_dates_the_transfer() -> None:
    """regression (held-out ind_dx02): the 起诉书 dates the transfer in words a day after the 起诉意见书's own date;
    the finding is the 起诉意见书's, the paper that made the transfer."""
    result = audit_text(_TRANSFER_DATED_IN_WORDS)
    types = {d.id: d.type for d in result.documents}
    late = [types[f.document_id] for f in result.findings if f.rule_id == "INVESTIGATION-CUSTODY-OVERDUE"]
    assert late == ["起诉意见书"]
