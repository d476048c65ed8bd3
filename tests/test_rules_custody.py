"""Custody-chain and procuratorate-stage deadline rules: check-level tables and period pins."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from casebuild import day as iso_day
from casebuild import make_case
from conftest import LAW_CORPUS, SHARED, requires_shared

from auditor.law.corpus import read_articles
from auditor.law.periods import parse_period
from auditor.model import Case, Party
from auditor.rules.engine import run_rules
from auditor.rules.loader import load_rules
from auditor.text.numerals import cn_to_int

RULES = {r.id: r for r in load_rules()}
MINE = [
    "FILING-DECISION-LATE",
    "ARREST-NOTICE-LATE",
    "INTERROGATION-AFTER-ARREST-LATE",
    "INVESTIGATION-CUSTODY-OVERDUE",
    "PROSECUTION-REVIEW-LATE",
    "SUPPLEMENTARY-INVESTIGATION-LIMIT",
    "NON-ARREST-REVIEW-LATE",
]

# --- building cases: documents from their types, events from (action, date, person, document index) ------------


def build(docs: list[tuple[str, str]], events: list[tuple[str, str | None, str | None, int]]) -> Case:
    """docs: (type, body); events refer to documents by 1-based index; the events' persons are the suspects."""
    case = make_case([(t, body, None) for t, body in docs], [
        {"action": action, "date": day, "person": person, "document_id": f"d{idx}"}
        for action, day, person, idx in events
    ])
    names = sorted({p for _, _, p, _ in events if p})
    return case.model_copy(update={"parties": tuple(Party(name=n, role="犯罪嫌疑人", is_suspect=True) for n in names)})


def fired(case: Case, rule_id: str) -> list:
    return [f for f in run_rules(case, rules=[RULES[rule_id]]) if f.rule_id == rule_id]


def custody_case(arrest: str, end: str, *, extensions: list[tuple[str, str]] = (), extra: list = ()) -> Case:
    docs = [("逮捕证", "执行逮捕"), ("起诉意见书", "移送审查起诉")]
    events: list[tuple[str, str | None, str | None, int]] = [
        ("逮捕", arrest, "张某", 1),
        ("移送审查起诉", end, "张某", 2),
    ]
    for day, body in extensions:
        docs.append(("批准延长侦查羁押期限决定书", body))
        events.append(("延长侦查羁押期限", day, "张某", len(docs)))
    for dtype, action, day in extra:
        docs.append((dtype, action))
        events.append((action, day, "张某", len(docs)))
    return build(docs, events)


# --- INVESTIGATION-CUSTODY-OVERDUE ------------------------------------------------------------------------------

CUSTODY_TABLE = [
    # (arrest, transfer, extensions [(date, decision text)], extra [(doc type, action, date)], fires)
    ("2023-03-10", "2023-05-10", [], [], False),  # the last day of two months
    ("2023-03-10", "2023-05-11", [], [], True),
    ("2023-01-31", "2023-03-31", [], [], False),  # a month-end start runs to the month's last day (高法解释 202)
    ("2023-01-31", "2023-04-01", [], [], True),
    ("2023-02-01", "2023-04-03", [], [], True),  # last day Saturday 2023-04-01: in custody it is not moved
    # three extensions, months from their rank: 2 + 1 + 2 + 2 = 7 months
    ("2023-01-10", "2023-08-10", [("2023-03-05", "批准"), ("2023-04-05", "批准"), ("2023-06-05", "批准")], [], False),
    ("2023-01-10", "2023-08-11", [("2023-03-05", "批准"), ("2023-04-05", "批准"), ("2023-06-05", "批准")], [], True),
    # the decision states its months
    ("2023-01-10", "2023-05-10", [("2023-03-05", "决定延长侦查羁押期限二个月")], [], False),
    ("2023-01-10", "2023-05-10", [("2023-03-05", "决定延长侦查羁押期限一个月")], [], True),
    # an extension decided after the expiry does not cure it
    ("2023-03-10", "2023-06-05", [("2023-05-20", "批准")], [], True),
    # released on bail before the expiry: custody ended in time
    ("2023-03-10", "2023-09-01", [], [("取保候审决定书", "取保候审", "2023-04-10")], False),
    # released after the expiry: custody overran until the release
    ("2023-03-10", "2023-09-01", [], [("释放证明书", "释放", "2023-05-20")], True),
    # 重新计算 from 2023-04-20: two months to 2023-06-20
    ("2023-03-10", "2023-06-15", [], [("变更羁押期限通知书", "重新计算侦查羁押期限", "2023-04-20")], False),
    ("2023-03-10", "2023-06-21", [], [("变更羁押期限通知书", "重新计算侦查羁押期限", "2023-04-20")], True),
    # unknown dates never fire
    ("2023-03-10", None, [], [], False),
    ("2023-0X-10", "2023-09-01", [], [], False),
]


@pytest.mark.parametrize(("arrest", "end", "extensions", "extra", "expected"), CUSTODY_TABLE)
def test_investigation_custody(arrest: str, end: str | None, extensions: list, extra: list, expected: bool) -> None:
    found = fired(custody_case(arrest, end, extensions=extensions, extra=extra), "INVESTIGATION-CUSTODY-OVERDUE")
    assert bool(found) is expected
    for f in found:
        assert f.evidence and f.explanation.steps and f.severity == "error"


@pytest.mark.parametrize(
    ("docs", "fires"),
    [
        ([("刑事判决书", "被逮捕"), ("起诉书", "移送审查起诉")], False),  # no arrest documents: extensions unknowable
        ([("逮捕证", "执行逮捕"), ("起诉意见书", "移送审查起诉")], True),
        ([("逮捕证", "犯罪嫌疑人身份不明"), ("起诉意见书", "移送审查起诉")], False),  # 刑诉法 160(2)
    ],
)
def test_investigation_custody_scope(docs: list[tuple[str, str]], fires: bool) -> None:
    case = build(docs, [("逮捕", "2023-03-10", "张某", 1), ("移送审查起诉", "2023-07-10", "张某", 2)])
    assert bool(fired(case, "INVESTIGATION-CUSTODY-OVERDUE")) is fires


def test_investigation_custody_per_person() -> None:
    case = build(
        [("逮捕证", "张某"), ("逮捕证", "李某"), ("起诉意见书", "张某、李某")],
        [
            ("逮捕", "2023-03-10", "张某", 1),
            ("逮捕", "2023-05-01", "李某", 2),
            ("移送审查起诉", "2023-06-20", "张某", 3),
            ("移送审查起诉", "2023-06-20", "李某", 3),
        ],
    )
    found = fired(case, "INVESTIGATION-CUSTODY-OVERDUE")
    assert [f.explanation.values["from_date"] for f in found] == ["2023-03-10"]


# --- PROSECUTION-REVIEW-LATE ------------------------------------------------------------------------------------

REVIEW_TABLE = [
    # (events after the transfer on 2023-06-05 (Mon), decision date, fires)
    ([], "2023-07-05", False),  # one month: the same date of the next month
    ([], "2023-07-06", True),
    ([("延长审查起诉期限", "2023-07-01")], "2023-07-20", False),  # + fifteen days
    ([("延长审查起诉期限", "2023-07-01")], "2023-07-21", True),
    # returned and re-transferred: counted again from the re-transfer
    ([("退回补充侦查", "2023-06-20"), ("重新移送审查起诉", "2023-07-15")], "2023-08-15", False),
    ([("退回补充侦查", "2023-06-20"), ("重新移送审查起诉", "2023-07-15")], "2023-08-16", True),
    # returned, re-transfer date unknown: quiet
    ([("退回补充侦查", "2023-06-20")], "2023-09-01", False),
]


@pytest.mark.parametrize(("between", "decision", "expected"), REVIEW_TABLE)
def test_prosecution_review(between: list[tuple[str, str]], decision: str, expected: bool) -> None:
    docs = [("起诉意见书", "移送"), ("起诉书", "提起公诉")]
    events: list[tuple[str, str | None, str | None, int]] = [
        ("移送审查起诉", "2023-06-05", "张某", 1),
        ("提起公诉", decision, "张某", 2),
    ]
    for action, day in between:
        docs.append(("未知文书", action))
        events.append((action, day, "张某", len(docs)))
    found = fired(build(docs, events), "PROSECUTION-REVIEW-LATE")
    assert bool(found) is expected
    # The built case is an excerpt (no 卷内目录): without an extension on file the finding only asks to check
    # whether a 退回补充侦查 or an extension was filed elsewhere (tests/test_excerpts.py).
    assert all((f.severity == "info") is ("另卷归档" in f.explanation.steps[-1]) for f in found)
    assert all(f.severity == "warning" for f in found if "延长依据" in f.explanation.steps[2])


@pytest.mark.parametrize(
    ("held", "decision", "expected"),
    [
        # 2023-02-04 + 1 month = Saturday 2023-03-04: in custody it is not moved (刑诉法 105(4)) …
        (True, "2023-03-06", True),
        # … not in custody it moves to Monday 2023-03-06
        (False, "2023-03-06", False),
        (False, "2023-03-07", True),
    ],
)
def test_prosecution_review_holidays(held: bool, decision: str, expected: bool) -> None:
    docs = [("逮捕证", "逮捕"), ("起诉意见书", "移送"), ("起诉书", "提起公诉")]
    events: list[tuple[str, str | None, str | None, int]] = [
        ("移送审查起诉", "2023-02-04", "张某", 2),
        ("提起公诉", decision, "张某", 3),
    ]
    if held:
        events.append(("逮捕", "2023-01-10", "张某", 1))
    assert bool(fired(build(docs, events), "PROSECUTION-REVIEW-LATE")) is expected


def test_prosecution_review_undated_return_is_quiet() -> None:
    case = build(
        [("起诉书", "于2023年3月1日移送本院审查起诉。其间退回补充侦查二次。")],
        [("移送审查起诉", "2023-03-01", "张某", 1), ("提起公诉", "2023-08-20", "张某", 1)],
    )
    assert fired(case, "PROSECUTION-REVIEW-LATE") == []


# --- SUPPLEMENTARY-INVESTIGATION-LIMIT --------------------------------------------------------------------------

RETURN_TABLE = [
    # (return dates, re-transfer dates, indictment date, expected severities)
    (["2023-04-01", "2023-06-01"], ["2023-04-28", "2023-06-30"], None, []),
    (["2023-04-01", "2023-06-01", "2023-08-01"], ["2023-04-28", "2023-06-30"], None, ["error"]),
    (["2023-04-01", "2023-04-05", "2023-06-01"], ["2023-04-28", "2023-06-30"], None, []),  # one return told twice
    # the third return comes after the indictment (trial stage): not counted
    (["2023-04-01", "2023-06-01", "2023-09-01"], ["2023-04-28", "2023-06-30"], "2023-07-20", []),
    (["2023-04-10"], ["2023-05-10"], None, []),  # one month to the day
    (["2023-04-10"], ["2023-05-11"], None, ["warning"]),
    (["2023-04-10"], [None], None, []),
]


@pytest.mark.parametrize(("sent", "back", "indicted", "expected"), RETURN_TABLE)
def test_supplementary_investigation(
    sent: list[str], back: list[str | None], indicted: str | None, expected: list[str]
) -> None:
    docs: list[tuple[str, str]] = []
    events: list[tuple[str, str | None, str | None, int]] = []
    for day in sent:
        docs.append(("退回补充侦查决定书", "退回补充侦查"))
        events.append(("退回补充侦查", day, None, len(docs)))
    for day in back:
        docs.append(("补充侦查报告书", "重新移送"))
        events.append(("重新移送审查起诉", day, None, len(docs)))
    if indicted:
        docs.append(("起诉书", "提起公诉"))
        events.append(("提起公诉", indicted, None, len(docs)))
    found = fired(build(docs, events), "SUPPLEMENTARY-INVESTIGATION-LIMIT")
    assert sorted(f.severity for f in found) == expected
    assert all(f.evidence and f.explanation.steps for f in found)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("其间，本院退回侦查机关补充侦查三次。", True),
        ("本院第三次退回公安机关补充侦查。", True),
        ("其间，本院退回侦查机关补充侦查二次。", False),
        ("补充侦查以二次为限。", False),
    ],
)
def test_supplementary_stated_count(text: str, fires: bool) -> None:
    case = build([("起诉书", text)], [])
    assert bool(fired(case, "SUPPLEMENTARY-INVESTIGATION-LIMIT")) is fires


# --- document_deadline: derived and narrowed events -------------------------------------------------------------


@pytest.mark.parametrize(
    ("notice_body", "notice_date", "fires"),
    [
        ("张某家属：我局已将张某执行逮捕。", "2023-03-12", True),
        ("张某家属：我局已将张某执行逮捕。", "2023-03-11", False),
        ("因张某身份不明，无法通知其家属，现已查明。", "2023-03-20", False),
        ("李某家属：我局已将李某执行逮捕。", "2023-03-20", False),  # another person's notice (李某 not arrested)
    ],
)
def test_arrest_notice_derived_from_document(notice_body: str, notice_date: str, fires: bool) -> None:
    case = build([("逮捕证", "张某"), ("逮捕通知书", notice_body)], [("逮捕", "2023-03-10", "张某", 1)])
    notice = case.documents[1].model_copy(update={"date": iso_day(notice_date)})
    suspects = tuple(Party(name=n, role="犯罪嫌疑人", is_suspect=True) for n in ("张某", "李某"))
    case = case.model_copy(update={"documents": (case.documents[0], notice), "parties": suspects})
    assert bool(fired(case, "ARREST-NOTICE-LATE")) is fires


def test_arrest_start_only_from_arrest_documents() -> None:
    """An approval date restated in a later narrative does not start the 24 hours."""
    case = build(
        [("起诉意见书", "经检察院批准逮捕"), ("讯问笔录", "张某")],
        [("逮捕", "2023-03-01", "张某", 1), ("讯问", "2023-03-10", "张某", 2)],
    )
    assert fired(case, "INTERROGATION-AFTER-ARREST-LATE") == []


@pytest.mark.parametrize(
    ("request_text", "fires"),
    [("你院不批准逮捕张某的决定有错误", True), ("你院对张某不起诉的决定有错误", False)],
)
def test_review_request_about_non_arrest_only(request_text: str, fires: bool) -> None:
    case = build(
        [("不批准逮捕决定书", "不批准逮捕张某"), ("要求复议意见书", request_text)],
        [("不批准逮捕", "2023-05-10", "张某", 1), ("要求复议", "2023-05-22", "张某", 2)],
    )
    assert bool(fired(case, "NON-ARREST-REVIEW-LATE")) is fires


@pytest.mark.parametrize(
    ("registration", "filed", "fires"),
    [
        ("属本单位管辖的刑事案件", "2023-06-08", False),  # 2023-06-05 + 3 days
        ("属本单位管辖的刑事案件", "2023-06-09", True),
        ("线索需要查证，经批准调查核实", "2023-06-12", False),  # seven days
        ("☑属本单位管辖的行政案件", "2023-07-20", False),  # administrative registration: other limits
    ],
)
def test_filing_decision(registration: str, filed: str, fires: bool) -> None:
    case = build(
        [("受案登记表", registration), ("立案决定书", "立案侦查")],
        [("受案", "2023-06-05", None, 1), ("立案", filed, None, 2)],
    )
    assert bool(fired(case, "FILING-DECISION-LATE")) is fires


@pytest.mark.parametrize("rule_id", MINE)
def test_garbage_never_raises(rule_id: str) -> None:
    case = build(
        [("逮捕证", ""), ("起诉书", "退回补充侦查九十九次"), ("逮捕通知书", "")],
        [(a, d, None, 1) for a in ("逮捕", "移送审查起诉", "退回补充侦查", "受案") for d in (None, "", "2023-13-45")],
    )
    errors: list = []
    run_rules(case, rules=[RULES[rule_id]], errors=errors)
    assert errors == []


# --- periods pinned to the statute corpus (the PERIODS idea of tests/test_rule_basis.py) ---------------------------

_COUNT = re.compile(r"([一二三四五六七八九十百]+)(日|个月|小时|次)")


def _counts(wording: str) -> list[int]:
    return [cn_to_int(n) for n, _ in _COUNT.findall(wording)]


def _at(rule_id: str, path: str) -> Any:
    value: Any = RULES[rule_id].check
    for key in path.split("."):
        value = value[int(key)] if key.isdigit() else value[key]
    return value


PERIODS = [
    # (rule, YAML path, corpus file, article, paragraph, wording, period from the numbers in the wording)
    ("ARREST-NOTICE-LATE", "limit", "cpl-2018.md", 93, 2, "应当在逮捕后二十四小时以内", lambda n: f"{n[0]}h"),
    ("ARREST-NOTICE-LATE", "limit", "mps-criminal-procedure-2020.md", 145, 1, "应当在逮捕后二十四小时以内", lambda n: f"{n[0]}h"),
    ("INTERROGATION-AFTER-ARREST-LATE", "limit", "cpl-2018.md", 94, 1, "逮捕后的二十四小时以内进行讯问", lambda n: f"{n[0]}h"),
    ("INTERROGATION-AFTER-ARREST-LATE", "limit", "mps-criminal-procedure-2020.md", 144, 1, "逮捕后的二十四小时以内进行讯问", lambda n: f"{n[0]}h"),
    ("NON-ARREST-REVIEW-LATE", "limit", "mps-criminal-procedure-2020.md", 141, 1, "收到不批准逮捕决定书后五日以内制作要求复议意见书", lambda n: f"{n[0]}d"),
    ("INVESTIGATION-CUSTODY-OVERDUE", "limit", "cpl-2018.md", 156, 1, "侦查羁押期限不得超过二个月", lambda n: f"{n[0]}m"),
    ("INVESTIGATION-CUSTODY-OVERDUE", "limit", "mps-criminal-procedure-2020.md", 148, 1, "侦查羁押期限不得超过二个月", lambda n: f"{n[0]}m"),
    ("INVESTIGATION-CUSTODY-OVERDUE", "extension_steps.0", "cpl-2018.md", 156, 1, "批准延长一个月", lambda n: f"{n[0]}m"),
    ("INVESTIGATION-CUSTODY-OVERDUE", "extension_steps.1", "cpl-2018.md", 158, 1, "可以延长二个月", lambda n: f"{n[0]}m"),
    ("INVESTIGATION-CUSTODY-OVERDUE", "extension_steps.2", "cpl-2018.md", 159, 1, "可以再延长二个月", lambda n: f"{n[0]}m"),
    ("PROSECUTION-REVIEW-LATE", "limit", "cpl-2018.md", 172, 1, "应当在一个月以内作出决定", lambda n: f"{n[0]}m"),
    ("PROSECUTION-REVIEW-LATE", "extension.limit", "cpl-2018.md", 172, 1, "重大、复杂的案件，可以延长十五日", lambda n: f"{n[0]}d"),
    ("PROSECUTION-REVIEW-LATE", "limit", "spp-criminal-procedure-rules-2019.md", 351, 1, "应当在一个月以内作出决定", lambda n: f"{n[0]}m"),
    ("SUPPLEMENTARY-INVESTIGATION-LIMIT", "return_limit", "cpl-2018.md", 175, 3, "应当在一个月以内补充侦查完毕", lambda n: f"{n[0]}m"),
    ("SUPPLEMENTARY-INVESTIGATION-LIMIT", "return_limit", "mps-criminal-procedure-2020.md", 295, 1, "在一个月以内补充侦查完毕", lambda n: f"{n[0]}m"),
]  # fmt: skip


@requires_shared
@pytest.mark.parametrize(("rule_id", "path", "corpus", "article", "paragraph", "wording", "derive"), PERIODS)
def test_periods_pinned_to_statute(rule_id, path, corpus, article, paragraph, wording, derive) -> None:
    text = read_articles(LAW_CORPUS / corpus)[(article, None)][paragraph - 1]
    assert wording in text
    assert parse_period(str(_at(rule_id, path))) == parse_period(derive(_counts(wording)))


@requires_shared
@pytest.mark.parametrize(
    ("corpus", "article", "paragraph", "wording"),
    [
        ("cpl-2018.md", 175, 3, "补充侦查以二次为限"),
        ("mps-criminal-procedure-2020.md", 295, 2, "补充侦查以二次为限"),
        ("spp-criminal-procedure-rules-2019.md", 350, 1, "退回补充侦查的次数总共不得超过二次"),
    ],
)
def test_return_count_pinned(corpus: str, article: int, paragraph: int, wording: str) -> None:
    text = read_articles(LAW_CORPUS / corpus)[(article, None)][paragraph - 1]
    assert wording in text
    assert RULES["SUPPLEMENTARY-INVESTIGATION-LIMIT"].check["max_returns"] == _counts(wording)[-1]


@requires_shared
def test_filing_periods_pinned_to_rule_base() -> None:
    """3 / 7 / 30 days come from 受立案意见 (not in the corpus): legal-rules.md §1.1 row A2."""
    rules_md = Path(SHARED / "domain" / "legal-rules.md").read_text(encoding="utf-8")
    row = next(line for line in rules_md.splitlines() if line.startswith("| A2 |"))
    base = re.search(r"原则上 ≤ \*\*(\d+)日\*\*", row)
    clue = re.search(r"涉嫌犯罪线索需要查证的 ≤ \*\*(\d+)日\*\*", row)
    major = re.search(r"重大疑难复杂，经县级以上公安机关负责人批准 ≤ \*\*(\d+)日\*\*", row)
    assert base and clue and major
    check = RULES["FILING-DECISION-LATE"].check
    assert parse_period(str(check["limit"])).amount == int(base.group(1))
    # An economic crime's lead: row A3's seven days, the special rule over A2's three.
    economic = next(line for line in rules_md.splitlines() if line.startswith("| A3 |"))
    days = re.search(r"立即审查，\*\*(\d+)日\*\*以内决定是否立案", economic)
    assert days and "经济犯罪" in economic
    assert [parse_period(str(e["limit"])).amount for e in check["extensions"] if not e.get("secondary")] == [
        int(clue.group(1)),
        int(days.group(1)),
        int(major.group(1)),
    ]
    assert "经济犯罪" in next(e["label"] for e in check["extensions"] if not e.get("secondary") and
                           parse_period(str(e["limit"])).amount == int(days.group(1)) and "when" in e
                           and "经济犯罪" in e["when"]["text"])
    # The 受立案意见 came into force on the day the rule base's sources table gives: no period before it.
    source = next(line for line in rules_md.splitlines() if line.startswith("| 受立案意见 |"))
    assert f"公通字〔2015〕32号, {check['source_in_force']}" in source
    # An appraisal between the registration and the decision: row A2's seven days for a lead to check, as a "please
    # check" (writers of files read it both ways).
    assert [parse_period(str(e["limit"])).amount for e in check["extensions"]
            if e.get("secondary") and e.get("made_between")] == [int(clue.group(1))]


@requires_shared
def test_custody_flags_pinned() -> None:
    """No holiday extension while in custody (CPL 2018 Art. 105(4)); the arrested are held, the released are not."""
    text = read_articles(LAW_CORPUS / "cpl-2018.md")[(105, None)][3]
    assert "在押期间" in text and "不得因节假日而延长" in text
    assert RULES["ARREST-NOTICE-LATE"].check["custody"] is True
    assert RULES["INTERROGATION-AFTER-ARREST-LATE"].check["custody"] is True
    assert RULES["NON-ARREST-REVIEW-LATE"].check["custody"] is False  # 刑诉法 92: released before the request
    assert RULES["FILING-DECISION-LATE"].check["custody"] is False


@pytest.mark.parametrize(("release_person", "held"), [
    (None, True),  # a bail that names nobody (ind_y02: a 保证书 for someone unread) frees no named suspect
    ("何某燕", True),  # a co-suspect's bail is not his
    ("赵某兵", False),  # his own bail is
])
def test_only_a_release_of_the_person_frees_him(release_person: str | None, held: bool) -> None:
    from datetime import date

    from auditor.model import Event
    from auditor.rules.kinds.deadline import WhileHeld, held_at

    detained = Event(action="刑事拘留", date=date(2018, 8, 28), person="赵某兵")
    released = Event(action="取保候审", date=date(2018, 8, 31), person=release_person)
    request = Event(action="提请批准逮捕", date=date(2018, 9, 4), person="赵某兵")
    spec = WhileHeld(held=("刑事拘留",), released=("取保候审",), at="end")
    assert held_at([detained, released, request], request, date(2018, 9, 4), spec) is held


def test_filing_late_reported_on_the_filing_when_a_refusal_of_the_same_day_answers_the_registration_too() -> None:
    """Regression (held-out ind_ew04): one registration (a theft and the 窝藏 it named) answered on one day by a 立案 and
    a 不予立案 whose text states the registration's day: one period, reported on the 立案决定书 (listed first in `to`)."""
    from auditor.pipeline import audit_text
    earlier = ("石屏县公安局\n受案登记表\n石公（刑）受案字〔2016〕31号\n报案人：汤某福\n报案时间：2016年3月2日8时30分\n"
               "简要案情：报案人家中被盗。\n受案意见：属本单位管辖的刑事案件\n=====\n石屏县公安局\n立案决定书\n"
               "石公（刑）立字〔2016〕9号\n决定对汤某福被盗窃案立案侦查。\n石屏县公安局（印）\n二〇一六年三月四日\n=====\n")
    text = earlier + ("石屏县公安局\n受案登记表\n石公（刑）受案字〔2024〕188号\n报案人：何某静\n报案时间：2024年4月2日15时10分\n"
            "简要案情：报案人的电动车被盗，报案人同时控告蒋某波窝藏赃车。\n受案意见：属本单位管辖的刑事案件\n=====\n"
            "石屏县公安局\n立案决定书\n石公（刑）立字〔2024〕47号\n根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，"
            "决定对何某静被盗窃案立案侦查。\n石屏县公安局（印）\n二〇二四年四月十九日\n=====\n"
            "石屏县公安局\n不予立案通知书\n石公（刑）不立字〔2024〕6号\n何某静：\n你于2024年4月2日控告蒋某波窝藏赃物一案，"
            "我局经审查认为没有犯罪事实，根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定不予立案。\n"
            "石屏县公安局（印）\n2024年4月19日\n")
    result = audit_text(text)
    types = {d.id: d.type for d in result.case.documents}
    assert [types[f.document_id] for f in result.findings if f.rule_id == "FILING-DECISION-LATE"] == ["立案决定书"]

