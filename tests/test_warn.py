"""执法巡查预警: the running periods and next acts as of a date (auditor/warn/), as tables of cases, and the legal
facts of lexicons/warn.yaml pinned against the statute corpus."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest
from casebuild import make_case
from conftest import requires_shared
from conftest import statute_text as statute

from auditor.law.periods import parse_period
from auditor.model import Case, DeadlineWarning, Party
from auditor.warn import relevel, warnings_as_of
from auditor.warn.board import BoardEntry, board_rows, level_counts, units
from auditor.warn.levels import level_of
from auditor.warn.spec import base_limit, warn_spec

CPL, MPS, SPP = "中华人民共和国刑事诉讼法", "公安机关办理刑事案件程序规定", "人民检察院刑事诉讼规则"

# --- building cases: documents (type, date) with the events they state ---------------------------------------


def build(acts: list[tuple], texts: dict[int, str] | None = None, persons: tuple[str, ...] = ("张某",)) -> Case:
    """acts: (document type, ISO date, action or None, person, HH:MM or None); one document per act, in order.
    `texts`: extra body text of the n-th document (1-based)."""
    texts = texts or {}
    docs, events = [], []
    for i, act in enumerate(acts, start=1):
        doc_type, day, action, person = act[:4]
        body = texts.get(i, f"犯罪嫌疑人{person or ''}")
        docs.append((doc_type, body, day))
        if action:
            events.append({"action": action, "date": day, "person": person, "document_id": f"d{i}"})
    case = make_case(docs, events)
    timed = {f"d{i}": act[4] for i, act in enumerate(acts, start=1) if len(act) > 4 and act[4]}
    built = tuple(e.model_copy(update={"time": time.fromisoformat(timed[e.document_id])})
                  if e.document_id in timed else e for e in case.events)
    parties = tuple(Party(name=n, role="犯罪嫌疑人", is_suspect=True) for n in persons)
    return case.model_copy(update={"events": built, "parties": parties})


def found(case: Case, as_of: str) -> list[tuple[Any, ...]]:
    """(id, person, start, last day, days left, level) of each warning, fewest days left first."""
    return [(w.id, w.person, w.start.isoformat(), w.last_day.isoformat(), w.days_left, w.level)
            for w in warnings_as_of(case, date.fromisoformat(as_of))]


def one(case: Case, as_of: str, warning_id: str) -> DeadlineWarning:
    hits = [w for w in warnings_as_of(case, date.fromisoformat(as_of)) if w.id == warning_id]
    assert len(hits) == 1, [w.id for w in warnings_as_of(case, date.fromisoformat(as_of))]
    return hits[0]


DETAINED = [("拘留证", "2023-03-01", "刑事拘留", "张某"), ("拘留通知书", "2023-03-01", "通知家属", "张某"),
            ("讯问笔录", "2023-03-01", "讯问", "张某")]
ARRESTED = [("逮捕证", "2023-03-10", "逮捕", "张某"), ("逮捕通知书", "2023-03-10", None, "张某"),
            ("讯问笔录", "2023-03-10", "讯问", "张某")]

# (name, acts, texts, as of, expected (id, person, start, last day, days left, level) in order)
TABLE = [
    # 刑事拘留 → 提请批准逮捕: 3 days, in custody (no holiday move), extensions on file
    ("detention, three days", DETAINED, {}, "2023-03-02",
     [("detention-arrest-request", "张某", "2023-03-01", "2023-03-04", 2, "orange")]),
    ("detention, due today is red", DETAINED, {}, "2023-03-04",
     [("detention-arrest-request", "张某", "2023-03-01", "2023-03-04", 0, "red")]),
    ("detention, overdue", DETAINED, {}, "2023-03-06",
     [("detention-arrest-request", "张某", "2023-03-01", "2023-03-04", -2, "red")]),
    ("detention in custody: a last day on the National Day holiday does not move",
     [("拘留证", "2023-09-28", "刑事拘留", "张某"), ("拘留通知书", "2023-09-28", "通知家属", "张某"),
      ("讯问笔录", "2023-09-28", "讯问", "张某")], {}, "2023-09-29",
     [("detention-arrest-request", "张某", "2023-09-28", "2023-10-01", 2, "orange")]),
    ("an extension on file: seven days", [*DETAINED, ("延长拘留期限通知书", "2023-03-03", "延长拘留期限", "张某")], {},
     "2023-03-05", [("detention-arrest-request", "张某", "2023-03-01", "2023-03-08", 3, "yellow")]),
    ("an extension for a 结伙作案 suspect: thirty days",
     [*DETAINED, ("延长拘留期限通知书", "2023-03-03", "延长拘留期限", "张某")], {4: "张某系结伙作案的重大嫌疑分子"},
     "2023-03-05", [("detention-arrest-request", "张某", "2023-03-01", "2023-03-31", 26, None)]),
    ("the extension dated after the as-of date is not on file yet",
     [*DETAINED, ("延长拘留期限通知书", "2023-03-06", "延长拘留期限", "张某")], {}, "2023-03-05",
     [("detention-arrest-request", "张某", "2023-03-01", "2023-03-04", -1, "red")]),
    # 提请批准逮捕 → 审查批捕: 7 days while detained
    ("the arrest request ends the detention period; the procuratorate's seven days run",
     [*DETAINED, ("提请批准逮捕书", "2023-03-03", "提请批准逮捕", "张某")], {}, "2023-03-05",
     [("arrest-review", "张某", "2023-03-03", "2023-03-10", 5, "yellow")]),
    ("a request made on bail: fifteen days, moved past a holiday (not in custody)",
     [("取保候审决定书", "2023-01-05", "取保候审", "张某"), ("提请批准逮捕书", "2023-01-07", "提请批准逮捕", "张某")],
     {}, "2023-01-10",
     [("arrest-review-not-held", "张某", "2023-01-07", "2023-01-28", 18, None),
      ("bail", "张某", "2023-01-05", "2024-01-05", 360, None)]),
    ("a 不批准逮捕 while still held: release at once",
     [*DETAINED, ("提请批准逮捕书", "2023-03-03", "提请批准逮捕", "张某"),
      ("不批准逮捕决定书", "2023-03-08", "不批准逮捕", "张某")], {}, "2023-03-09",
     [("non-arrest-release", "张某", "2023-03-08", "2023-03-08", -1, "red")]),
    ("a 不批准逮捕 and the release on bail that day: only the bail runs",
     [*DETAINED, ("提请批准逮捕书", "2023-03-03", "提请批准逮捕", "张某"),
      ("不批准逮捕决定书", "2023-03-08", "不批准逮捕", "张某"), ("取保候审决定书", "2023-03-08", "取保候审", "张某")],
     {}, "2023-03-09", [("bail", "张某", "2023-03-08", "2024-03-08", 365, None)]),
    # 逮捕 → 侦查羁押: two months, extensions and a restart on file, month ends (高法解释 202)
    ("arrest: two months", ARRESTED, {}, "2023-05-01",
     [("investigation-custody", "张某", "2023-03-10", "2023-05-10", 9, "yellow")]),
    ("arrest on a month's last day runs to the last day of the month",
     [("逮捕证", "2023-01-31", "逮捕", "张某"), ("逮捕通知书", "2023-01-31", None, "张某"),
      ("讯问笔录", "2023-01-31", "讯问", "张某")], {}, "2023-03-25",
     [("investigation-custody", "张某", "2023-01-31", "2023-03-31", 6, "orange")]),
    ("an approved extension: one month more",
     [*ARRESTED, ("批准延长侦查羁押期限决定书", "2023-05-04", "延长侦查羁押期限", "张某")], {}, "2023-05-20",
     [("investigation-custody", "张某", "2023-03-10", "2023-06-10", 21, "yellow")]),
    ("an extension decided after the expiry does not count",
     [*ARRESTED, ("批准延长侦查羁押期限决定书", "2023-05-20", "延长侦查羁押期限", "张某")], {}, "2023-05-21",
     [("investigation-custody", "张某", "2023-03-10", "2023-05-10", -11, "red")]),
    ("另有重要罪行: counted again from the 变更羁押期限通知书",
     [*ARRESTED, ("变更羁押期限通知书", "2023-04-20", "重新计算侦查羁押期限", "张某")], {}, "2023-05-20",
     [("investigation-custody", "张某", "2023-04-20", "2023-06-20", 31, None)]),
    ("移送审查起诉 ends the investigation period; the review runs, in custody",
     [*ARRESTED, ("起诉意见书", "2023-04-28", "移送审查起诉", "张某")], {}, "2023-05-20",
     [("prosecution-review", "张某", "2023-04-28", "2023-05-28", 8, "yellow")]),
    # 取保候审 / 监视居住: not in custody, a holiday last day moves
    ("bail: twelve months, the last day moved past the National Day holiday",
     [("取保候审决定书", "2022-10-01", "取保候审", "张某")], {}, "2023-09-20",
     [("bail", "张某", "2022-10-01", "2023-10-07", 17, "yellow")]),
    ("surveillance: six months, moved past the holiday",
     [("监视居住决定书", "2023-04-01", "监视居住", "张某")], {}, "2023-10-02",
     [("surveillance", "张某", "2023-04-01", "2023-10-07", 5, "orange")]),
    ("bail lifted: nothing runs",
     [("取保候审决定书", "2023-01-05", "取保候审", "张某"), ("解除取保候审决定书", "2023-06-01", "解除取保候审", "张某")],
     {}, "2023-07-01", []),
    ("bail changed to 监视居住: only the new measure runs",
     [("取保候审决定书", "2023-01-05", "取保候审", "张某"), ("监视居住决定书", "2023-02-10", "监视居住", "张某")],
     {}, "2023-03-01", [("surveillance", "张某", "2023-02-10", "2023-08-10", 162, None)]),
    ("bail renewed by the procuratorate after transfer: counted again, never added up",
     [("取保候审决定书", "2023-01-05", "取保候审", "张某"), ("起诉意见书", "2023-06-01", "移送审查起诉", "张某"),
      ("取保候审决定书", "2023-06-10", "取保候审", "张某")], {}, "2023-06-20",
     [("prosecution-review", "张某", "2023-06-01", "2023-07-03", 13, "yellow"),
      ("bail", "张某", "2023-06-10", "2024-06-11", 357, None)]),
    ("审查起诉 counted from the procuratorate's receipt the file dates (CPL 172(1)), not the sending",
     [("取保候审决定书", "2023-01-05", "取保候审", "张某"), ("起诉意见书", "2023-06-01", "移送审查起诉", "张某"),
      ("犯罪嫌疑人诉讼权利义务告知书", "2023-06-06", None, "张某")],
     {3: "犯罪嫌疑人张某：本院于2023年6月5日收到某公安局移送审查起诉的你涉嫌盗窃一案，现告知你有权委托辩护人。"}, "2023-06-20",
     [("prosecution-review", "张某", "2023-06-05", "2023-07-05", 15, "yellow"),
      ("bail", "张某", "2023-01-05", "2024-01-05", 199, None)]),
    ("a 不起诉 ends bail and review", [("取保候审决定书", "2023-01-05", "取保候审", "张某"),
                                      ("起诉意见书", "2023-06-01", "移送审查起诉", "张某"),
                                      ("不起诉决定书", "2023-06-20", "不起诉", "张某")], {}, "2023-07-01", []),
    # 审查起诉 and 补充侦查
    ("review extended by fifteen days (stated in the file)",
     [("取保候审决定书", "2023-01-05", "取保候审", "张某"), ("起诉意见书", "2023-06-01", "移送审查起诉", "张某"),
      ("情况说明", "2023-06-25", None, "张某")], {3: "本院决定延长审查起诉期限十五日。"}, "2023-06-26",
     [("prosecution-review", "张某", "2023-06-01", "2023-07-17", 21, "yellow"),
      ("bail", "张某", "2023-01-05", "2024-01-05", 193, None)]),
    ("returned for 补充侦查: one month for the police, then the review counted again",
     [("取保候审决定书", "2023-01-05", "取保候审", "张某"), ("起诉意见书", "2023-06-01", "移送审查起诉", "张某"),
      ("退回补充侦查决定书", "2023-06-20", "退回补充侦查", "张某")], {}, "2023-07-01",
     [("supplementary-investigation", "张某", "2023-06-20", "2023-07-20", 19, "yellow"),
      ("bail", "张某", "2023-01-05", "2024-01-05", 188, None)]),
    ("re-transferred after 补充侦查: the review restarts",
     [("取保候审决定书", "2023-01-05", "取保候审", "张某"), ("起诉意见书", "2023-06-01", "移送审查起诉", "张某"),
      ("退回补充侦查决定书", "2023-06-20", "退回补充侦查", "张某"),
      ("补充侦查报告书", "2023-07-10", "重新移送审查起诉", "张某")], {}, "2023-07-12",
     [("prosecution-review", "张某", "2023-07-10", "2023-08-10", 29, "yellow"),
      ("bail", "张某", "2023-01-05", "2024-01-05", 177, None)]),
    # 流程提示: next acts not yet on file
    ("detained, no notice and no interrogation yet: two steps due the next day",
     [("拘留证", "2023-03-01", "刑事拘留", "张某")], {}, "2023-03-01",
     [("detention-family-notice", "张某", "2023-03-01", "2023-03-02", 1, "orange"),
      ("detention-interrogation", "张某", "2023-03-01", "2023-03-02", 1, "orange"),
      ("detention-arrest-request", "张某", "2023-03-01", "2023-03-04", 3, "yellow")]),
    ("a stated time: twenty-four hours from it",
     [("拘留证", "2023-03-01", "刑事拘留", "张某", "22:00"), ("拘留通知书", "2023-03-01", "通知家属", "张某")], {},
     "2023-03-02",
     [("detention-interrogation", "张某", "2023-03-01", "2023-03-02", 0, "red"),
      ("detention-arrest-request", "张某", "2023-03-01", "2023-03-04", 2, "orange")]),
    ("无法通知 stated: the notice step is excused",
     [("拘留证", "2023-03-01", "刑事拘留", "张某"), ("讯问笔录", "2023-03-01", "讯问", "张某")],
     {1: "犯罪嫌疑人张某拒不讲真实姓名，无法通知其家属"}, "2023-03-01",
     [("detention-arrest-request", "张某", "2023-03-01", "2023-03-04", 3, "yellow")]),
    ("arrested, no notice and no interrogation yet",
     [("逮捕证", "2023-03-10", "逮捕", "张某")], {}, "2023-03-12",
     [("arrest-family-notice", "张某", "2023-03-10", "2023-03-11", -1, "red"),
      ("arrest-interrogation", "张某", "2023-03-10", "2023-03-11", -1, "red"),
      ("investigation-custody", "张某", "2023-03-10", "2023-05-10", 59, None)]),
    ("指定居所 without a 监视居住通知书",
     [("监视居住决定书", "2023-05-10", "监视居住", "张某")], {1: "决定在指定的居所对犯罪嫌疑人张某监视居住"},
     "2023-05-10",
     [("designated-residence-notice", "张某", "2023-05-10", "2023-05-11", 1, "orange"),
      ("surveillance", "张某", "2023-05-10", "2023-11-10", 184, None)]),
    ("指定居所 with its notice: only the period",
     [("监视居住决定书", "2023-05-10", "监视居住", "张某"), ("监视居住通知书", "2023-05-10", None, "张某")],
     {1: "决定在指定的居所对犯罪嫌疑人张某监视居住"}, "2023-05-10",
     [("surveillance", "张某", "2023-05-10", "2023-11-10", 184, None)]),
    ("监视居住 at home: no family notice is due",
     [("监视居住决定书", "2023-05-10", "监视居住", "张某")], {1: "决定在其住处对犯罪嫌疑人张某监视居住"}, "2023-05-10",
     [("surveillance", "张某", "2023-05-10", "2023-11-10", 184, None)]),
    # as of a date: later documents do not exist yet; two suspects each have their own periods
    ("as of before the request, the detention still runs",
     [*DETAINED, ("提请批准逮捕书", "2023-03-03", "提请批准逮捕", "张某")], {}, "2023-03-02",
     [("detention-arrest-request", "张某", "2023-03-01", "2023-03-04", 2, "orange")]),
    ("two suspects",
     [("拘留证", "2023-03-01", "刑事拘留", "张某"), ("拘留通知书", "2023-03-01", "通知家属", "张某"),
      ("讯问笔录", "2023-03-01", "讯问", "张某"), ("取保候审决定书", "2023-03-02", "取保候审", "李某")],
     {}, "2023-03-02",
     [("detention-arrest-request", "张某", "2023-03-01", "2023-03-04", 2, "orange"),
      ("bail", "李某", "2023-03-02", "2024-03-04", 368, None)]),
    ("nothing dated: nothing runs", [("拘留证", None, None, "张某")], {}, "2023-03-02", []),
]


@pytest.mark.parametrize(("name", "acts", "texts", "as_of", "expected"), TABLE, ids=[t[0] for t in TABLE])
def test_warning_periods(name: str, acts: list, texts: dict, as_of: str, expected: list) -> None:
    persons = tuple(dict.fromkeys(a[3] for a in acts if a[3]))
    assert found(build(acts, texts, persons), as_of) == expected


# --- what a warning says -------------------------------------------------------------------------------------------

BASIS_TABLE = [
    # (period, acts, as of, basis as (law, version, article, paragraph))
    ("2018 CPL and the 2020 公安规定", DETAINED, "2023-03-02",
     [(CPL, "2018", 91, 1), (CPL, "2018", 91, 2), (MPS, "2020", 129, None)]),
    ("2012 numbering of the 2012 CPL at article level (its 款 are not in the corpus); the 2012 公安规定 is not "
     "numbered (not guessed)",
     [("拘留证", "2016-03-01", "刑事拘留", "张某"), ("拘留通知书", "2016-03-01", "通知家属", "张某"),
      ("讯问笔录", "2016-03-01", "讯问", "张某")], "2016-03-02", [(CPL, "2012", 89, None)]),
    ("between the 2018 CPL and the 2020 公安规定",
     [("拘留证", "2020-05-01", "刑事拘留", "张某"), ("拘留通知书", "2020-05-01", "通知家属", "张某"),
      ("讯问笔录", "2020-05-01", "讯问", "张某")], "2020-05-02", [(CPL, "2018", 91, 1), (CPL, "2018", 91, 2)]),
]


@pytest.mark.parametrize(("name", "acts", "as_of", "expected"), BASIS_TABLE, ids=[t[0] for t in BASIS_TABLE])
def test_basis_numbered_for_the_version_in_force(name: str, acts: list, as_of: str, expected: list) -> None:
    w = one(build(acts), as_of, "detention-arrest-request")
    assert [(b.law, b.version, b.article, b.paragraph) for b in w.legal_basis] == expected


@pytest.mark.parametrize(("request_day", "expected"), [
    ("2019-06-03", [(CPL, "2018", 91, 3), (SPP, "2012试行", 316, None)]),  # before the 2019 检察规则 (2019-12-30)
    ("2020-06-03", [(CPL, "2018", 91, 3), (SPP, "2019", 282, None)]),
    ("2016-06-03", [(CPL, "2012", 89, None), (SPP, "2012试行", 316, None)]),
])
def test_procuratorate_rules_numbered_by_date(request_day: str, expected: list) -> None:
    y = request_day[:4]
    acts = [("拘留证", f"{y}-06-01", "刑事拘留", "张某"), ("拘留通知书", f"{y}-06-01", "通知家属", "张某"),
            ("讯问笔录", f"{y}-06-01", "讯问", "张某"), ("提请批准逮捕书", request_day, "提请批准逮捕", "张某")]
    w = one(build(acts), request_day, "arrest-review")
    assert [(b.law, b.version, b.article, b.paragraph) for b in w.legal_basis] == expected


def test_warning_explains_itself() -> None:
    case = build([*DETAINED, ("延长拘留期限通知书", "2023-03-03", "延长拘留期限", "张某")])
    w = one(case, "2023-03-05", "detention-arrest-request")
    assert w.kind == "period" and w.measure == "刑事拘留" and w.custody and w.unit == "d"
    assert w.limit == "七日" and w.extensions and "延长" in w.extensions[0]
    assert w.next_act.startswith("提请人民检察院审查批准逮捕")
    assert any("不因节假日顺延" in s for s in w.explanation.steps)
    assert w.explanation.steps[-1] == "截至2023-03-05，距最后一日还有3日"
    assert w.evidence and w.document_id == "d1"


def test_holiday_shift_is_explained() -> None:
    w = one(build([("取保候审决定书", "2022-10-01", "取保候审", "张某")]), "2023-09-20", "bail")
    assert w.shifted_from == date(2023, 10, 1) and not w.custody and w.unit == "m"
    assert "期间最后一日2023-10-01为节假日，顺延至2023-10-07" in w.explanation.steps


def test_receipt_clock_is_a_note() -> None:
    w = one(build([*DETAINED, ("提请批准逮捕书", "2023-03-03", "提请批准逮捕", "张某")]), "2023-03-05",
            "arrest-review")
    assert any("收到" in n for n in w.notes)


def test_custody_request_day_is_the_next_act() -> None:
    w = one(build(ARRESTED), "2023-05-01", "investigation-custody")
    assert w.explanation.values["request_by"] == "2023-05-03"  # 公安规定 148: 期限届满七日前
    assert "2023-05-03前提请批准延长侦查羁押期限" in w.next_act


def test_identity_unknown_is_a_note() -> None:
    case = build(ARRESTED, {1: "犯罪嫌疑人不讲真实姓名，身份不明"})
    w = one(case, "2023-04-01", "investigation-custody")
    assert any("身份不明" in n for n in w.notes)


def test_fingerprint_stays_and_relevel_moves_the_day() -> None:
    case = build(DETAINED)
    first = one(case, "2023-03-01", "detention-arrest-request")
    later = one(case, "2023-03-03", "detention-arrest-request")
    assert first.fingerprint == later.fingerprint
    moved = relevel([first], date(2023, 3, 3))[0]
    assert (moved.days_left, moved.level, moved.as_of) == (later.days_left, later.level, later.as_of)
    assert moved == later  # explanation included: its last step says the new day


# --- levels are configuration ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("days_left", "unit", "level"), [
    (-3, "d", "red"), (0, "d", "red"), (1, "d", "orange"), (2, "d", "orange"), (3, "d", "yellow"), (7, "d", "yellow"),
    (8, "d", None), (0, "m", "red"), (7, "m", "orange"), (8, "m", "yellow"), (30, "m", "yellow"), (31, "m", None),
    (1, "h", "orange"),
])
def test_levels(days_left: int, unit: str, level: str | None) -> None:
    assert level_of(days_left, unit) == level


def test_levels_come_from_the_lexicon() -> None:
    levels = warn_spec().levels
    assert (levels.red, levels.orange.days, levels.orange.months, levels.yellow.days, levels.yellow.months) == \
        (0, 2, 7, 7, 30)


# --- the board (batch summary, the workbench's 预警 page) -----------------------------------------------------------


def test_board_sorts_filters_and_counts() -> None:
    a = warnings_as_of(build(DETAINED), date(2023, 3, 2))
    b = warnings_as_of(build([("取保候审决定书", "2022-10-01", "取保候审", "张某")]), date(2023, 3, 2))
    entries = [BoardEntry("a.pdf", "甲公安局", tuple(a)), BoardEntry("b.pdf", "乙公安局", tuple(b))]
    rows = board_rows(entries, date(2023, 10, 2))
    assert [r.source for r in rows] == ["a.pdf", "b.pdf"]  # re-levelled to the day: a overdue, b due in 5 days
    assert [r.warning.level for r in rows] == ["red", "orange"]
    assert [r.source for r in board_rows(entries, date(2023, 10, 2), unit="乙公安局")] == ["b.pdf"]
    assert [r.source for r in board_rows(entries, date(2023, 10, 2), levels={"orange"})] == ["b.pdf"]
    assert units(entries) == sorted(["甲公安局", "乙公安局"])
    assert level_counts(rows) == {"red": 1, "orange": 1}


# --- lexicons/warn.yaml pinned against the statutes --------------------------------------------------------------

BASES = [(e.id, b) for e in (*warn_spec().periods, *warn_spec().steps) for b in e.basis]


@requires_shared
@pytest.mark.parametrize(("entry_id", "basis"), BASES, ids=[f"{i}-{b.article}" for i, b in BASES])
def test_basis_in_the_statute(entry_id: str, basis) -> None:
    text = statute(basis.law, basis.version, basis.article, basis.paragraph)
    for words in basis.basis_text:
        assert words in text, f"{entry_id}: {words!r} not in {basis.law} {basis.version} 第{basis.article}条"
    for older in basis.older:
        old_text = statute(basis.law, older.version, older.article, older.paragraph)
        for words in older.basis_text:
            assert words in old_text, f"{entry_id}: {words!r} not in {basis.law} {older.version} 第{older.article}条"


# Limits stated in lexicons/warn.yaml itself (the others are a rule's, pinned in tests/test_rule_basis.py).
OWN_LIMITS = [
    ("arrest-review-not-held", "periods", SPP, "2019", 282, 1, "未被拘留的，应当在收到提请批准逮捕书后十五日以内", "15d"),
    ("designated-residence-notice", "steps", CPL, "2018", 75, 2, "应当在执行监视居住后二十四小时以内", "24h"),
    ("non-arrest-release", "steps", CPL, "2018", 91, 3, "公安机关应当在接到通知后立即释放", "0d"),
]


@requires_shared
@pytest.mark.parametrize(("entry_id", "section", "law", "version", "article", "paragraph", "wording", "limit"),
                         OWN_LIMITS)
def test_own_limits_pinned(entry_id, section, law, version, article, paragraph, wording, limit) -> None:
    entry = next(e for e in getattr(warn_spec(), section) if e.id == entry_id)
    assert wording in statute(law, version, article, paragraph)
    assert base_limit(entry.limit) == parse_period(limit)


@requires_shared
def test_measures_pinned() -> None:
    """A change of measure ends the old one without a 解除 document (公安规定 162, 163); a new decision after
    移送审查起诉 counts the period again (检察规则 103); 移送审查起诉 ends the investigation period, not custody."""
    assert "取保候审变更为监视居住的，取保候审、监视居住变更为拘留、逮捕的，对原强制措施不再办理解除法律手续" in \
        statute(MPS, "2020", 162, None)
    assert "期限应当重新计算" in statute(SPP, "2019", 103, None)
    m = warn_spec().measures
    assert {"监视居住", "刑事拘留", "逮捕"} <= set(m["取保候审"].ends)
    assert {"刑事拘留", "逮捕"} <= set(m["监视居住"].ends)
    assert "移送审查起诉" not in m["逮捕"].ends and "移送审查起诉" not in m["取保候审"].ends


def test_every_measure_period_and_step_is_reachable() -> None:
    """Each id appears in this file's tables: no period or step is untested."""
    ids = {e.id for e in (*warn_spec().periods, *warn_spec().steps)}
    tabled = {row[0] for _, acts, texts, as_of, rows in TABLE for row in rows}
    assert ids <= tabled, sorted(ids - tabled)
