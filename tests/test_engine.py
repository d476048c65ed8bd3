"""Rule engine and the first rules on hand-built Case objects (no pipeline needed)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from casebuild import make_case
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.model import Case, Evidence
from auditor.rules import registry
from auditor.rules.conditions import evaluate
from auditor.rules.docs import DOCS_DIR, rendered_pages, write_rule_docs
from auditor.rules.engine import run_rules, select_rules
from auditor.rules.loader import RULES_DIR, RuleError, load_rules, parse_rule
from auditor.rules.params import Params
from auditor.rules.rule import format_message

RULES = load_rules()
BY_ID = {r.id: r for r in RULES}


def fired(case: Case, rule_id: str) -> list:
    return [f for f in run_rules(case, rules=[BY_ID[rule_id]]) if f.rule_id == rule_id]


def detention(day: str, person: str | None = "张某某") -> dict[str, Any]:
    return {"action": "刑事拘留", "date": day, "person": person, "document_id": "d1"}


def request(day: str | None, person: str | None = "张某某", doc: str = "d2") -> dict[str, Any]:
    return {"action": "提请批准逮捕", "date": day, "person": person, "document_id": doc}


DETENTION_DOC = ("拘留证", "根据《中华人民共和国刑事诉讼法》第八十二条之规定，决定对张某某执行拘留。", "2023-03-01")
REQUEST_DOC = ("提请批准逮捕书", "犯罪嫌疑人张某某涉嫌盗窃罪，提请批准逮捕。", "2023-03-05")
EXTENSION_DOC = ("延长拘留期限通知书", "经批准，对犯罪嫌疑人张某某延长拘留期限。", "2023-03-03")
GANG_DOC = (
    "延长拘留期限通知书",
    "因犯罪嫌疑人张某某系结伙作案的重大嫌疑分子，经批准延长拘留期限至三十日。",
    "2023-03-03",
)


# --- loading and schema ------------------------------------------------------------------------------------


def test_rules_load() -> None:
    # The first rules must never silently disappear; the full list is pinned in tests/test_rule_catalogue.py.
    assert set(BY_ID) >= {
        "ARREST-REQUEST-DEADLINE", "BAIL-TERM", "SURVEILLANCE-TERM", "BAIL-BOTH-GUARANTEES",
        "DETENTION-NOTICE-MISSING", "CITATION-NONEXISTENT", "CITATION-OUTDATED",
        "ARREST-NOTICE-MISSING", "INTERROGATION-AFTER-DETENTION-LATE", "DETENTION-NOTICE-LATE",
        "ARREST-DECISION-DEADLINE", "REVIEW-REQUEST-LATE",
    }  # fmt: skip
    for rule in RULES:
        assert rule.path is not None and rule.path.stem == rule.id
        assert all(b.basis_text for b in rule.legal_basis)


def _valid() -> dict[str, Any]:
    return yaml.safe_load((RULES_DIR / "BAIL-TERM.yaml").read_text(encoding="utf-8"))


def _without(key: str) -> dict[str, Any]:
    data = _valid()
    del data[key]
    return data


def _with(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(_valid())
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (_without("id"), "missing field(s): id"),
        (_without("docs"), "missing field(s): docs"),
        (_with(("check", "kind"), "regex"), "unknown check kind 'regex'"),
        (_with(("check",), {"kind": "term", "document": "取保候审决定书"}), "check.max: Field required"),
        (_with(("check", "contxt"), ["期限"]), "check.contxt: Extra inputs are not permitted"),  # a typo is an error
        (_with(("check", "max"), "12x"), "invalid period '12x'"),
        (_with(("severity",), "fatal"), "severity must be one of"),
        (_with(("category",), "style"), "category must be one of"),
        (_with(("applies_to",), {"profiles": ["police"]}), "decided in lexicons/profiles"),  # one source of truth
        (_with(("docs", "why"), ""), "docs is missing section(s): why"),
        (_with(("legal_basis",), [{"law": "刑诉法", "version": "2018", "article": 79}]), "missing basis_text"),
        (
            _with(("legal_basis",), [{"law": "刑诉法", "version": "2018", "article": "七十九", "basis_text": "x"}]),
            "article must be an integer",
        ),
        (_with(("check",), {"kind": "python", "name": "no_such_check"}), "unknown python check 'no_such_check'"),
        (_with(("check",), {"kind": "required_documents", "trigger": "拘留证"}), "check.requires: Field required"),
        (
            _with(
                ("check",),
                {"kind": "required_documents", "trigger": "拘留证", "requires": ["拘留通知书"], "unless": {"txt": ["无法通知"]}},
            ),
            "a condition needs exactly one of",
        ),
        (_with(("check",), {"kind": "citation", "status": "stale"}), "check.status: Input should be"),
        (_with(("steps",), {"no_such_step": "x"}), "steps: unknown step name(s) ['no_such_step']"),
        ("just a string", "must hold one mapping"),
    ],
)
def test_schema_errors(data: Any, problem: str) -> None:
    with pytest.raises(RuleError) as info:
        parse_rule(data, where="X.yaml")
    assert problem in str(info.value)
    assert "X.yaml" in str(info.value)


def test_id_must_match_file_name(tmp_path) -> None:
    (tmp_path / "OTHER.yaml").write_text(yaml.safe_dump(_valid(), allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError, match="must match the file name"):
        load_rules(tmp_path)


@pytest.mark.parametrize(
    ("template", "values", "expected"),
    [
        ("超过{limit}", {"limit": "3日"}, "超过3日"),
        ("第{days}日，超过{limit}", {"days": 4}, "第4日，超过{limit}"),  # unknown placeholder stays visible
        ("花括号{", {}, "花括号{"),
        # regression (ind_bi07): a quote across a page break is written on one line
        ("以{quote}作为依据", {"quote": "《刑事诉讼法\n\n》第六十六条"}, "以《刑事诉讼法》第六十六条作为依据"),
    ],
)
def test_format_message(template: str, values: dict[str, Any], expected: str) -> None:
    assert format_message(template, values) == expected


# --- engine behaviour --------------------------------------------------------------------------------------


def test_failing_rule_becomes_e040(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(case: Case, rule: Any) -> list:
        raise RuntimeError("张某某 110101199003071234")  # the message must not reach the report

    monkeypatch.setitem(registry.CHECKS, "boom", registry.Kind("boom", Params, boom, (), "boom"))
    broken = parse_rule(_with(("check",), {"kind": "python", "name": "boom"}) | {"id": "BOOM"})
    case = make_case([DETENTION_DOC])
    errors: list = []
    findings = run_rules(case, rules=[broken, BY_ID["DETENTION-NOTICE-MISSING"]], errors=errors)
    assert [f.rule_id for f in findings] == ["DETENTION-NOTICE-MISSING"]
    assert [e.code for e in errors] == ["E040"]
    assert "BOOM" in errors[0].message and "张某某" not in errors[0].message


@pytest.mark.parametrize(
    ("profile", "enabled", "expected"),
    [
        (None, None, len(RULES)),
        ("police", None, sum("police" in r.profiles for r in RULES)),
        ("procuratorate", {"BAIL-TERM", "CITATION-OUTDATED"}, 1),  # 取保 wording is the police profile's
        (None, set(), 0),
    ],
)
def test_select_rules(profile: str | None, enabled: set[str] | None, expected: int) -> None:
    assert len(select_rules(RULES, profile, enabled)) == expected


def test_run_rules_default_loads_all() -> None:
    case = make_case([DETENTION_DOC])
    assert [f.rule_id for f in run_rules(case)] == ["DETENTION-NOTICE-MISSING"]


@pytest.mark.parametrize(
    ("cond", "docs", "holds"),
    [
        ({"document": ["拘留通知书"]}, [DETENTION_DOC], False),
        ({"document": ["拘留证"]}, [DETENTION_DOC], True),
        ({"text": ["执 行拘留"]}, [DETENTION_DOC], True),  # whitespace tolerant
        ({"text": ["执行拘留"], "in": ["提请批准逮捕书"]}, [DETENTION_DOC], False),
        ({"all": [{"document": ["拘留证"]}, {"text": ["结伙作案"]}]}, [DETENTION_DOC], False),
        ({"any": [{"document": ["逮捕证"]}, {"text": ["第八十二条"]}]}, [DETENTION_DOC], True),
        ({"not": {"document": ["拘留证"]}}, [DETENTION_DOC], False),
        ({"not": {"text": ["结伙作案"]}}, [DETENTION_DOC], True),
        ({"text": ["执行拘留"], "not_in": ["拘留证"]}, [DETENTION_DOC], False),
        ({"text": ["执行拘留"], "not_in": ["提请批准逮捕书"]}, [DETENTION_DOC], True),
    ],
)
def test_conditions(cond: dict[str, Any], docs: list, holds: bool) -> None:
    assert evaluate(make_case(docs), cond).holds is holds


# --- ARREST-REQUEST-DEADLINE -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("docs", "events", "expected"),
    [
        # 4 days after detention, no extension -> fires
        ([DETENTION_DOC, REQUEST_DOC], [detention("2023-03-01"), request("2023-03-05")], {"days": 4, "limit": "3日"}),
        # exactly 3 days -> ok (start day not counted)
        ([DETENTION_DOC, REQUEST_DOC], [detention("2023-03-01"), request("2023-03-04")], None),
        # 7 days with an extension notice -> ok
        ([DETENTION_DOC, REQUEST_DOC, EXTENSION_DOC], [detention("2023-03-01"), request("2023-03-08")], None),
        # 8 days with an extension notice -> fires against 7
        (
            [DETENTION_DOC, REQUEST_DOC, EXTENSION_DOC],
            [detention("2023-03-01"), request("2023-03-09")],
            {"days": 8, "limit": "7日", "extension": "特殊情况经批准延长一日至四日"},
        ),
        # extension stated in the request itself
        (
            [DETENTION_DOC, ("提请批准逮捕书", "经批准延长拘留期限，现提请批准逮捕。", "2023-03-07")],
            [detention("2023-03-01"), request("2023-03-07")],
            None,
        ),
        # 25 days with an approved 结伙作案 extension -> ok
        ([DETENTION_DOC, REQUEST_DOC, GANG_DOC], [detention("2023-03-01"), request("2023-03-26")], None),
        # 31 days even with it -> fires against 30
        (
            [DETENTION_DOC, REQUEST_DOC, GANG_DOC],
            [detention("2023-03-01"), request("2023-04-01")],
            {"days": 31, "limit": "30日"},
        ),
        # 结伙作案 named but no extension evidence -> the 3-day limit applies
        (
            [DETENTION_DOC, ("提请批准逮捕书", "犯罪嫌疑人张某某等三人结伙作案。", "2023-03-26")],
            [detention("2023-03-01"), request("2023-03-26")],
            {"days": 25, "limit": "3日", "extension": "无"},
        ),
        # request date unknown -> never fires
        ([DETENTION_DOC, REQUEST_DOC], [detention("2023-03-01"), request(None)], None),
        # per person: B's request pairs with B's detention
        (
            [DETENTION_DOC, REQUEST_DOC],
            [detention("2023-03-01", "甲某"), detention("2023-03-18", "乙某"), request("2023-03-20", "乙某")],
            None,
        ),
        # in custody the holiday does not extend: 2023-09-28 + 3 = 10-01 (holiday), request on 10-02 is late
        (
            [DETENTION_DOC, REQUEST_DOC],
            [detention("2023-09-28"), request("2023-10-02")],
            {"days": 4, "last_day": "2023-10-01"},
        ),
    ],
)
def test_arrest_request_deadline(docs: list, events: list, expected: dict[str, Any] | None) -> None:
    case = make_case(docs, events)
    found = fired(case, "ARREST-REQUEST-DEADLINE")
    if expected is None:
        assert found == []
        return
    assert len(found) == 1
    f = found[0]
    for key, value in expected.items():
        assert f.explanation.values[key] == value
    assert f.category == "deadline" and f.severity == "error" and f.document_id == "d2"
    assert f"第{expected['days']}日" in f.message and "{" not in f.message
    assert [b.article for b in f.legal_basis] == [91, 91, 129]
    assert f.evidence and f.evidence[0].document_id == "d2"


# --- DETENTION-NOTICE-MISSING ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("docs", "fires"),
    [
        ([DETENTION_DOC], True),
        ([DETENTION_DOC, ("拘留通知书", "张某某家属：我局已于2023年3月1日将张某某刑事拘留。", "2023-03-01")], False),
        ([("拘留证", "决定对张某某执行拘留。因无法通知其家属，暂未通知。", "2023-03-01")], False),
        ([DETENTION_DOC, ("呈请拘留报告书", "通知家属可能有碍侦查。", "2023-03-01")], False),
        ([REQUEST_DOC], False),
        ([DETENTION_DOC, ("拘留证", "决定对李某某执行拘留。", "2023-03-02")], True),
    ],
)
def test_detention_notice_missing(docs: list, fires: bool) -> None:
    found = fired(make_case(docs), "DETENTION-NOTICE-MISSING")
    assert bool(found) is fires
    for f in found:
        # No 卷内目录 or 卷宗封面: an excerpt, so a "please check" (tests/test_excerpts.py has the whole-卷 case).
        assert f.category == "missing_document" and f.severity == "info"
        assert f.evidence[0].quote == "拘留证"
    if fires:
        assert len(found) == sum(1 for d in docs if d[0] == "拘留证")


# --- CITATION-NONEXISTENT / CITATION-OUTDATED --------------------------------------------------------------

BAIL_DOC_2023 = ("取保候审决定书", "根据《中华人民共和国刑事诉讼法》第六十五条之规定，决定取保候审。", "2023-05-01")


@pytest.mark.parametrize(
    ("doc", "citation", "expected"),
    [
        (
            BAIL_DOC_2023,
            {"article": 67, "status": "nonexistent", "quote": "第六十五条", "note": "第六十七条第一款只有四项"},
            {"CITATION-NONEXISTENT": "error"},
        ),
        (
            BAIL_DOC_2023,
            {"article": 65, "status": "outdated", "quote": "第六十五条", "note": "2012年版序号，现为第六十七条"},
            {"CITATION-OUTDATED": "error"},
        ),
        # within six months after CPL 2018 took effect: transition -> warning
        (
            ("取保候审决定书", BAIL_DOC_2023[1], "2018-12-20"),
            {"article": 65, "status": "outdated", "quote": "第六十五条"},
            {"CITATION-OUTDATED": "warning"},
        ),
        (
            ("取保候审决定书", BAIL_DOC_2023[1], "2019-05-01"),
            {"article": 65, "status": "outdated", "quote": "第六十五条"},
            {"CITATION-OUTDATED": "error"},
        ),
        (
            ("取保候审决定书", BAIL_DOC_2023[1], None),
            {"article": 65, "status": "outdated", "quote": "第六十五条"},
            {"CITATION-OUTDATED": "error"},
        ),
        (BAIL_DOC_2023, {"article": 67, "status": "valid", "quote": "第六十五条"}, {}),
        (BAIL_DOC_2023, {"article": 5, "status": "unknown_law", "law": "某某条例", "quote": "第六十五条"}, {}),
    ],
)
def test_citation_rules(doc: tuple, citation: dict[str, Any], expected: dict[str, str]) -> None:
    case = make_case([doc], citations=[citation])
    rules = [BY_ID["CITATION-NONEXISTENT"], BY_ID["CITATION-OUTDATED"]]
    found = run_rules(case, rules=rules)
    assert {f.rule_id: f.severity for f in found} == expected
    for f in found:
        assert citation["quote"] in f.message
        assert citation.get("note", "") in f.message
        assert f.evidence[0].quote == citation["quote"]


# --- BAIL-TERM / SURVEILLANCE-TERM -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_id", "doc_type", "body", "expected"),
    [
        (
            "BAIL-TERM",
            "取保候审决定书",
            "决定对张某某取保候审，期限为十八个月。",
            {"term": "十八个月", "term_months": 18},
        ),
        ("BAIL-TERM", "取保候审决定书", "决定对张某某取保候审，期限为十二个月。", None),
        ("BAIL-TERM", "取保候审决定书", "决定取保候审一年零六个月。", {"term_months": 18}),
        ("BAIL-TERM", "取保候审决定书", "取保候审期限自2023年3月8日起至2024年3月8日止。", None),
        (
            "BAIL-TERM",
            "取保候审决定书",
            "取保候审期限自2023年3月8日起至2024年3月9日止。",
            {"term_start": "2023-03-08", "term_end": "2024-03-09", "limit_end": "2024-03-08"},
        ),
        ("BAIL-TERM", "取保候审决定书", "取保候审期限自2023年1月31日起至2024年1月31日止。", None),
        # statute quotation and unrelated periods are not the term
        ("BAIL-TERM", "取保候审决定书", "取保候审最长不得超过十二个月。犯罪嫌疑人曾被判处有期徒刑二年。", None),
        (
            "BAIL-TERM",
            "取保候审决定书",
            "犯罪嫌疑人于2021年1月至2022年12月间多次盗窃，决定取保候审，期限为十二个月。",
            None,
        ),
        ("BAIL-TERM", "监视居住决定书", "期限为十八个月。", None),  # wrong document type
        ("SURVEILLANCE-TERM", "监视居住决定书", "决定对李某某监视居住，期限为八个月。", {"term_months": 8}),
        ("SURVEILLANCE-TERM", "监视居住决定书", "决定对李某某监视居住，期限为六个月。", None),
        ("SURVEILLANCE-TERM", "监视居住决定书", "监视居住期限自2023年1月10日起至2023年9月9日止。", {"term_months": 7}),
        (
            "SURVEILLANCE-TERM",
            "监视居住决定书",
            "依照取保候审最长不得超过十二个月、监视居住最长不得超过六个月之规定。",
            None,
        ),
    ],
)
def test_term_rules(rule_id: str, doc_type: str, body: str, expected: dict[str, Any] | None) -> None:
    case = make_case([(doc_type, body, "2023-03-08")])
    found = fired(case, rule_id)
    if expected is None:
        assert found == []
        return
    assert len(found) == 1
    values = found[0].explanation.values
    for key, value in expected.items():
        assert values[key] == value
    assert found[0].evidence and found[0].evidence[0].quote in body
    assert "{" not in found[0].message


# --- BAIL-BOTH-GUARANTEES ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "fires"),
    [
        ("责令其提出保证人李某某，并交纳保证金人民币伍仟元。", True),
        ("由保证人王某为其提供担保，同时交纳保证金5000元。", True),
        ("责令其提出保证人或者交纳保证金。经审查，责令其交纳保证金人民币伍仟元。", False),
        ("责令其提出保证人或者交纳保证金。", False),
        ("责令其提出保证人李某某。不得同时责令其提出保证人和交纳保证金。", False),
        ("保证人应当履行担保义务。交纳保证金人民币一万元。", False),
        ("责令其提出保证人张三。", False),
        # regression: 向 is a surname, not only "向执行机关报告"
        ("由保证人向国波担保，同时交纳保证金5000元。", True),
        ("保证人向执行机关报告被保证人的情况。交纳保证金人民币一万元。", False),
    ],
)
def test_bail_both_guarantees(body: str, fires: bool) -> None:
    found = fired(make_case([("取保候审决定书", body, "2023-03-08")]), "BAIL-BOTH-GUARANTEES")
    assert bool(found) is fires
    if fires:
        assert len(found[0].evidence) == 2
        assert isinstance(found[0].evidence[0], Evidence)


# --- generated rule docs -----------------------------------------------------------------------------------


def test_rule_docs_up_to_date() -> None:
    """docs/rules/ must match the YAML: run `python -m auditor.rules.docs` after editing a rule."""
    pages = rendered_pages(RULES)
    assert set(pages) == {f"{r.id}.md" for r in RULES} | {"README.md"}
    for name, content in pages.items():
        path = DOCS_DIR / name
        assert path.exists(), f"{path} missing: run python -m auditor.rules.docs"
        assert path.read_text(encoding="utf-8") == content, f"{path} is stale: run python -m auditor.rules.docs"


def test_write_rule_docs(tmp_path) -> None:
    written = write_rule_docs(tmp_path, RULES)
    assert {p.name for p in written} == {f"{r.id}.md" for r in RULES} | {"README.md"}
    page = (tmp_path / "BAIL-TERM.md").read_text(encoding="utf-8")
    for heading in ("## 检查什么", "## 为什么重要", "## 法律依据", "## 错误示例", "## 正确示例", "## 已知误报"):
        assert heading in page
    assert "第79条第1款" in page and "[BAIL-TERM](BAIL-TERM.md)" in (tmp_path / "README.md").read_text(encoding="utf-8")


# --- bad input never escapes -------------------------------------------------------------------------------

_DOC_TYPES = ["拘留证", "提请批准逮捕书", "延长拘留期限通知书", "取保候审决定书", "监视居住决定书", "未知文书"]
_SNIPPETS = [
    "期限为",
    "十八个月",
    "自2023年3月8日起至",
    "2024年13月40日止",
    "提出保证人",
    "交纳保证金",
    "人民币",
    "伍仟元",
    "保证人",
    "担保",
    "无法通知",
    "结伙作案",
    "延长拘留期限",
    "取保候审",
    "\n",
    "　",
    "×某",
]


@settings(max_examples=150, deadline=None)
@given(
    docs=st.lists(
        st.tuples(
            st.sampled_from(_DOC_TYPES),
            st.lists(st.one_of(st.sampled_from(_SNIPPETS), st.text(max_size=6)), max_size=12).map("".join),
            st.one_of(st.none(), st.sampled_from(["2023-03-08", "2023-02-30", "20230308", "", "2040-12-31"])),
        ),
        min_size=1,
        max_size=4,
    ),
    dates=st.lists(st.one_of(st.none(), st.sampled_from(["2023-03-01", "2023-03-09", "bad", "2023-9-1"])), max_size=4),
)
def test_rules_never_fail_on_odd_input(docs: list, dates: list) -> None:
    events = [
        {"action": action, "date": day, "person": None, "document_id": f"d{i % len(docs) + 1}"}
        for i, (action, day) in enumerate(zip(["刑事拘留", "提请批准逮捕"] * 2, dates, strict=False))
    ]
    case = make_case(docs, events, citations=[{"article": 65, "status": "outdated", "quote": "第", "law": "刑诉法"}])
    errors: list = []
    findings = run_rules(case, errors=errors)
    assert errors == []
    for f in findings:
        assert f.rule_id in BY_ID and f.severity in ("error", "warning", "info")


# --- ARREST-NOTICE-MISSING ---------------------------------------------------------------------------------

ARREST_WARRANT_DOC = ("逮捕证", "经临川区人民检察院批准，对张某某执行逮捕。", "2023-03-10")


@pytest.mark.parametrize(
    ("docs", "fires"),
    [
        ([ARREST_WARRANT_DOC], True),
        ([ARREST_WARRANT_DOC, ("逮捕通知书", "张某某家属：我局已于2023年3月10日将张某某逮捕。", "2023-03-10")], False),
        ([("逮捕证", "对张某某执行逮捕。身份不明，无法通知其家属。", "2023-03-10")], False),
        # 有碍侦查 excuses a detention notice, never an arrest notice (CPL 93(2))
        ([ARREST_WARRANT_DOC, ("呈请逮捕报告书", "通知家属可能有碍侦查。", "2023-03-09")], True),
        # a detention notice is no arrest notice
        ([ARREST_WARRANT_DOC, ("拘留通知书", "我局已于2023年3月1日将张某某刑事拘留。", "2023-03-01")], True),
        ([("批准逮捕决定书", "决定批准逮捕犯罪嫌疑人张某某。", "2023-03-09")], False),
    ],
)
def test_arrest_notice_missing(docs: list, fires: bool) -> None:
    found = fired(make_case(docs), "ARREST-NOTICE-MISSING")
    assert bool(found) is fires
    for f in found:
        # No 卷内目录 or 卷宗封面: an excerpt, so a "please check" (tests/test_excerpts.py has the whole-卷 case).
        assert f.category == "missing_document" and f.severity == "info"
        assert f.evidence[0].quote == "逮捕证" and "{" not in f.message
        assert [b.article for b in f.legal_basis] == [93, 145]


# --- INTERROGATION-AFTER-DETENTION-LATE --------------------------------------------------------------------

RECORD_DOC = ("讯问笔录", "犯罪嫌疑人：张某某\n问：现依法对你进行讯问。", "2023-03-03")


def interrogation(day: str | None, person: str | None = "张某某", doc: str = "d2") -> dict[str, Any]:
    return {"action": "讯问", "date": day, "person": person, "document_id": doc}


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        # second day after detention: more than 24 hours whatever the hour -> fires
        ([detention("2023-03-01"), interrogation("2023-03-03")], {"days": 2, "last_day": "2023-03-02"}),
        # the next day may be within 24 hours -> ok
        ([detention("2023-03-01"), interrogation("2023-03-02")], None),
        ([detention("2023-03-01"), interrogation("2023-03-01")], None),
        # only the first interrogation is bound: a later one does not fire
        ([detention("2023-03-01"), interrogation("2023-03-01"), interrogation("2023-03-09", doc="d3")], None),
        # two late ones: only the first is reported
        (
            [detention("2023-03-01"), interrogation("2023-03-05"), interrogation("2023-03-09", doc="d3")],
            {"days": 4, "to_date": "2023-03-05"},
        ),
        # an interrogation before the detention (传唤) does not count as the one after it
        ([interrogation("2023-02-28"), detention("2023-03-01"), interrogation("2023-03-04", doc="d3")], {"days": 3}),
        # per person: B's first interrogation is on time even though A's later one is not first
        (
            [
                detention("2023-03-01", "甲某"),
                detention("2023-03-01", "乙某"),
                interrogation("2023-03-01", "甲某"),
                interrogation("2023-03-02", "乙某", doc="d3"),
                interrogation("2023-03-06", "甲某", doc="d3"),
            ],
            None,
        ),
        ([detention("2023-03-01"), interrogation(None)], None),
        ([interrogation("2023-03-05")], None),
    ],
)
def test_interrogation_after_detention_late(events: list, expected: dict[str, Any] | None) -> None:
    case = make_case([DETENTION_DOC, RECORD_DOC, RECORD_DOC], events)
    found = fired(case, "INTERROGATION-AFTER-DETENTION-LATE")
    if expected is None:
        assert found == []
        return
    assert len(found) == 1
    for key, value in expected.items():
        assert found[0].explanation.values[key] == value
    assert found[0].category == "deadline" and found[0].severity == "error"
    assert "{" not in found[0].message and [b.article for b in found[0].legal_basis] == [86, 128]


# --- DETENTION-NOTICE-LATE ---------------------------------------------------------------------------------


def notified(day: str | None, doc: str = "d2", person: str | None = "张某某") -> dict[str, Any]:
    return {"action": "通知家属", "date": day, "person": person, "document_id": doc}


NOTICE_DOC = ("拘留通知书", "张某某家属：我局已将张某某刑事拘留，现羁押在临川区看守所。", "2023-03-03")
EXCUSED_NOTICE_DOC = ("拘留通知书", "因犯罪嫌疑人身份不明，无法通知其家属，现身份查明，特此通知。", "2023-03-06")
OTHER_EXCUSE_DOC = ("呈请拘留报告书", "通知家属可能有碍侦查。", "2023-03-01")


@pytest.mark.parametrize(
    ("docs", "events", "expected"),
    [
        ([DETENTION_DOC, NOTICE_DOC], [detention("2023-03-01"), notified("2023-03-03")], {"days": 2}),
        ([DETENTION_DOC, NOTICE_DOC], [detention("2023-03-01"), notified("2023-03-02")], None),
        ([DETENTION_DOC, NOTICE_DOC], [detention("2023-03-01"), notified("2023-03-01")], None),
        # the reason stated in the notice itself excuses it (公安规定 127(5))
        ([DETENTION_DOC, EXCUSED_NOTICE_DOC], [detention("2023-03-01"), notified("2023-03-06")], None),
        # a reason elsewhere in the file does not: the notice must state it
        (
            [DETENTION_DOC, NOTICE_DOC, OTHER_EXCUSE_DOC],
            [detention("2023-03-01"), notified("2023-03-05")],
            {"days": 4, "to_date": "2023-03-05"},
        ),
        # in custody: no holiday extension (2023-09-30 detention, notice 10-02)
        ([DETENTION_DOC, NOTICE_DOC], [detention("2023-09-30"), notified("2023-10-02")], {"last_day": "2023-10-01"}),
        ([DETENTION_DOC, NOTICE_DOC], [detention("2023-03-01"), notified(None)], None),
        ([NOTICE_DOC], [notified("2023-03-05", doc="d1")], None),
    ],
)
def test_detention_notice_late(docs: list, events: list, expected: dict[str, Any] | None) -> None:
    found = fired(make_case(docs, events), "DETENTION-NOTICE-LATE")
    if expected is None:
        assert found == []
        return
    assert len(found) == 1
    for key, value in expected.items():
        assert found[0].explanation.values[key] == value
    assert found[0].document_id == "d2" and found[0].evidence[0].quote == "拘留通知书"
    assert "{" not in found[0].message and [b.article for b in found[0].legal_basis] == [85, 127, 127]


# --- ARREST-DECISION-DEADLINE ------------------------------------------------------------------------------

APPROVAL_DOC = ("批准逮捕决定书", "决定批准逮捕犯罪嫌疑人张某某。", "2023-03-12")


def decided(day: str | None, action: str = "批准逮捕", person: str | None = "张某某") -> dict[str, Any]:
    return {"action": action, "date": day, "person": person, "document_id": "d3"}


def measure(action: str, day: str, person: str | None = "张某某") -> dict[str, Any]:
    return {"action": action, "date": day, "person": person, "document_id": "d1"}


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        # held since 03-01, request 03-04, approval on day 8 -> fires
        (
            [detention("2023-03-01"), request("2023-03-04"), decided("2023-03-12")],
            {"days": 8, "last_day": "2023-03-11", "limit": "7日"},
        ),
        ([detention("2023-03-01"), request("2023-03-04"), decided("2023-03-11")], None),
        # a refusal stops the clock too
        ([detention("2023-03-01"), request("2023-03-04"), decided("2023-03-14", "不批准逮捕")], {"days": 10}),
        # not held when requested (released on bail before): 15-day limit, not this rule
        (
            [detention("2023-03-01"), measure("取保候审", "2023-03-03"), request("2023-03-20"), decided("2023-03-30")],
            None,
        ),
        # bailed, then detained again before the request: held
        (
            [
                measure("取保候审", "2023-02-01"),
                detention("2023-03-01"),
                request("2023-03-04"),
                decided("2023-03-12"),
            ],
            {"days": 8},
        ),
        # no detention in the file at all: nothing known about custody
        ([request("2023-03-04"), decided("2023-03-20")], None),
        # the late decision belongs to the second, non-custodial request, not the first one
        (
            [
                detention("2023-03-01"),
                request("2023-03-04"),
                decided("2023-03-08", "不批准逮捕"),
                measure("释放", "2023-03-08"),
                request("2023-04-01"),
                decided("2023-04-12"),
            ],
            None,
        ),
        ([detention("2023-03-01"), request("2023-03-04"), decided(None)], None),
        # in custody: no holiday extension (request 09-24, last day 10-01 in the National Day holiday)
        ([detention("2023-09-21"), request("2023-09-24"), decided("2023-10-02")], {"last_day": "2023-10-01"}),
    ],
)
def test_arrest_decision_deadline(events: list, expected: dict[str, Any] | None) -> None:
    case = make_case([DETENTION_DOC, REQUEST_DOC, APPROVAL_DOC], events)
    found = fired(case, "ARREST-DECISION-DEADLINE")
    if expected is None:
        assert found == []
        return
    assert len(found) == 1
    for key, value in expected.items():
        assert found[0].explanation.values[key] == value
    assert found[0].severity == "warning" and found[0].document_id == "d3"
    assert "{" not in found[0].message and [b.article for b in found[0].legal_basis] == [91, 282]


# --- REVIEW-REQUEST-LATE -----------------------------------------------------------------------------------

NON_PROSECUTION_DOC = ("不起诉决定书", "决定对吴某某不起诉。", "2023-05-10")
REVIEW_DOC = ("要求复议意见书", "我局认为对吴某某的不起诉决定有错误，要求复议。", "2023-05-22")


def act(action: str, day: str | None, doc: str, person: str | None = "吴某某") -> dict[str, Any]:
    return {"action": action, "date": day, "person": person, "document_id": doc}


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([act("不起诉", "2023-05-10", "d1"), act("要求复议", "2023-05-22", "d2")], {"days": 12, "last_day": "2023-05-17"}),
        ([act("不起诉", "2023-05-10", "d1"), act("要求复议", "2023-05-17", "d2")], None),
        # day 7 (09-29) in the Mid-Autumn / National Day holiday: not in custody, moves to 10-07 (a working Saturday)
        ([act("不起诉", "2023-09-22", "d1"), act("要求复议", "2023-10-07", "d2")], None),
        (
            [act("不起诉", "2023-09-22", "d1"), act("要求复议", "2023-10-08", "d2")],
            {"last_day": "2023-10-07", "days": 16},
        ),
        # a 要求复议 before any 不起诉 (against a 不批准逮捕 decision) is not paired
        ([act("要求复议", "2023-03-20", "d2"), act("不起诉", "2023-05-10", "d1")], None),
        ([act("不起诉", "2023-05-10", "d1"), act("要求复议", None, "d2")], None),
    ],
)
def test_review_request_late(events: list, expected: dict[str, Any] | None) -> None:
    found = fired(make_case([NON_PROSECUTION_DOC, REVIEW_DOC], events), "REVIEW-REQUEST-LATE")
    if expected is None:
        assert found == []
        return
    assert len(found) == 1
    for key, value in expected.items():
        assert found[0].explanation.values[key] == value
    assert found[0].severity == "warning" and found[0].document_id == "d2"
    assert "{" not in found[0].message and [b.article for b in found[0].legal_basis] == [294, 179]


_OLD_NUMBER_BAIL = """临川区公安局
取保候审决定书
临公（刑）取保字〔{year}〕52号
犯罪嫌疑人李某某，性别男，出生日期1990年2月14日。
我局正在侦查李某某涉嫌盗窃罪一案，根据《中华人民共和国刑事诉讼法》第六十五条第一款第（一）项之规定，决定对其取保候审。
责令犯罪嫌疑人李某某交纳保证金人民币叁仟元（3000元）。
临川区公安局
{day}
"""


@pytest.mark.parametrize(
    ("year", "day", "severity"),
    [
        (2023, "二〇二三年四月十日", "error"),  # years after CPL 2018 took effect
        (2018, "二〇一八年十二月三日", "warning"),  # an old form in CITATION-OUTDATED's grace period: so is its consequence
    ],
)
def test_wrong_basis_from_an_old_article_number_is_linked_to_its_root(year: int, day: str, severity: str) -> None:
    from auditor.pipeline import audit_text

    text = _OLD_NUMBER_BAIL.format(year=year, day=day)
    findings = {f.rule_id: f for f in audit_text(text, source="t").findings}
    root, consequence = findings["CITATION-OUTDATED"], findings["BAIL-WRONG-ARTICLE"]
    assert consequence.caused_by == root.fingerprint
    assert root.severity == consequence.severity == severity


_LINKED_CASES = [
    # held-out ind_ec08: a 2021 不起诉决定书 resting on "第一百七十三条" (the 2012 number of 177)
    ("不起诉决定书\n澄检刑不诉〔2021〕12号\n被不起诉人戴某，女，1987年1月25日出生。\n"
     "本院认为，戴某犯罪情节轻微，依照刑法规定不需要判处刑罚。根据《中华人民共和国刑事诉讼法》第一百七十三条的规定，决定对戴某不起诉。\n"
     "澄州市白沙区人民检察院（院印）\n2021年6月2日\n", "CITATION-OUTDATED", "NON-PROSECUTION-WRONG-ARTICLE"),
    # held-out ind_eh02: the 逮捕证 writes the number wrong (its 17th digit even), so the gender it states contradicts it
    ("拘留证\n兹决定对涉嫌交通肇事罪的甘某伟（性别男，出生日期1979年4月18日，公民身份号码350725197904181199）执行拘留。\n"
     "某县公安局（印）\n2022年10月1日\n=====\n逮捕证\n经某县人民检察院批准，兹由我局对涉嫌交通肇事罪的甘某伟（性别男，"
     "出生日期1979年4月18日，公民身份号码35072519790418156X）执行逮捕。\n某县公安局（印）\n2022年10月8日\n",
     "CONSISTENCY-ID-NUMBER", "CONSISTENCY-GENDER"),
]


@pytest.mark.parametrize(("text", "root_rule", "consequence_rule"), _LINKED_CASES)
def test_one_mistake_seen_by_two_rules_is_linked_to_its_root(text: str, root_rule: str, consequence_rule: str) -> None:
    from auditor.pipeline import audit_text

    findings = {f.rule_id: f for f in audit_text(text, source="t").findings}
    assert findings[consequence_rule].caused_by == findings[root_rule].fingerprint


_STUB_AND_COPY = """附条件不起诉决定书（存根）
案由：故意伤害
被附条件不起诉人：沈某某
考验期：为一年零二个月，自2022年6月8日起至2023年8月7日止
填发时间：2022年6月8日
=====
杭州市西湖区人民检察院
附条件不起诉决定书（副本）
杭西检未检刑附不诉〔2022〕3号
被附条件不起诉人沈某某，女，2005年9月17日出生。
本院认为，沈某某涉嫌故意伤害罪，可能判处一年有期徒刑以下刑罚，有悔罪表现，根据《中华人民共和国刑事诉讼法》第二百八十二条第一款的规定，决定对沈某某附条件不起诉。考验期为一年零二个月，自2022年6月8日起至2023年8月7日止。
杭州市西湖区人民检察院
二〇二二年六月八日
"""


def test_a_defect_read_on_a_stub_and_its_copy_is_one_finding_with_both_in_evidence() -> None:
    """Regression (ind_l02): a form printed as 存根 and 副本 gave the same finding twice."""
    from auditor.pipeline import audit_text

    result = audit_text(_STUB_AND_COPY, source="t")
    found = [f for f in result.findings if f.rule_id == "CONDITIONAL-NON-PROSECUTION-PROBATION-TERM"]
    assert len(found) == 1
    assert {e.document_id for e in found[0].evidence} == {d.id for d in result.documents}


def test_two_decisions_with_the_same_defect_stay_two_findings() -> None:
    from auditor.pipeline import audit_text

    second = _STUB_AND_COPY.split("=====\n")[1].replace("〔2022〕3号", "〔2022〕4号").replace("沈某某", "许某某")
    result = audit_text(_STUB_AND_COPY.split("=====\n")[1] + "=====\n" + second, source="t")
    assert len([f for f in result.findings if f.rule_id == "CONDITIONAL-NON-PROSECUTION-PROBATION-TERM"]) == 2


_UNDATED_STUB_AND_COPY = """取保候审决定书
存根
临东公（取保）字〔2024〕67号
犯罪嫌疑人：谭某富 性别：男 出生日期：1976年2月9日
保证方式：由保证人谭某强（谭某富之弟）担保，并交纳保证金人民币一万元
批准人：副局长 温某树 办案人：孔某彪
=====
取保候审决定书（副本）
犯罪嫌疑人谭某富，男，1976年2月9日出生。
我局正在侦查谭某富涉嫌盗窃罪一案，根据《中华人民共和国刑事诉讼法》第六十七条第一款第（二）项之规定，决定对其取保候审，期限从2024年4月12日起算。
保证方式：由保证人谭某强（谭某富之弟）担保，并交纳保证金人民币一万元。
执行机关：临川市公安局东湖分局花园派出所。
临川市公安局东湖分局（印）
2024年4月12日
"""


def test_regression_an_undated_stub_and_its_dated_copy_give_one_finding() -> None:
    """Regression (held-out ind_gy02): the stub has no date of its own, so the fingerprints (which hold the document's
    date) differ; the same values on copies of one form are still one defect."""
    from auditor.pipeline import audit_text

    result = audit_text(_UNDATED_STUB_AND_COPY, source="t")
    found = [f for f in result.findings if f.rule_id == "BAIL-BOTH-GUARANTEES"]
    assert len(found) == 1
    assert len({e.document_id for e in found[0].evidence}) == 2


def test_regression_an_undated_stub_and_its_copy_one_finding_whatever_date_they_state() -> None:
    """Regression (held-out ind_gy07): the finding states each paper's date ("日期不明" on the stub): still one."""
    from auditor.pipeline import audit_text

    text = "卷内目录\n1 取保候审决定书\n=====\n" + _UNDATED_STUB_AND_COPY.replace("，并交纳保证金人民币一万元", "")
    result = audit_text(text, source="t")
    found = [f for f in result.findings if f.rule_id == "BAIL-GUARANTOR-PLEDGE-MISSING"]
    assert len(found) == 1
