"""Wording checks on 取保候审 / 监视居住 decisions: data pinned to the statutes, fuzzy thresholds, helpers."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from casebuild import make_case
from conftest import LAW_CORPUS, ROOT, SHARED, requires_shared

from auditor.extract.guarantees import guarantees_in
from auditor.law.catalog import cpl_2018_to_2012
from auditor.law.corpus import read_articles
from auditor.law.periods import age_on
from auditor.model import Document
from auditor.rules.checks import bail_deposit
from auditor.rules.kinds import phrase as wording
from auditor.rules.loader import kind_of, load_rules
from auditor.text.numerals import cn_article, cn_to_int
from auditor.text.phrases import contains

RULE_IDS = [
    "BAIL-OBLIGATIONS-MISSING",
    "SURVEILLANCE-OBLIGATIONS-MISSING",
    "BAIL-WRONG-ARTICLE",
    "SURVEILLANCE-WRONG-ARTICLE",
    "BAIL-NO-GUARANTEE",
    "BAIL-DEPOSIT-BELOW-MINIMUM",
    "BAIL-EXECUTOR-MISSING",
    "SURVEILLANCE-EXECUTOR-MISSING",
    "BAIL-SURVEILLANCE-WORDING-MIXED",
    "BAIL-VAGUE-REASON",
]
RULES = {r.id: r for r in load_rules()}
DATA = wording.wording()
_ITEM = re.compile(r"（[一二三四五六七八九十]+）([^；。\n]+)[；。]")


def _articles(name: str) -> dict:
    return read_articles(LAW_CORPUS / name)


def _items(paragraph: str) -> list[str]:
    return _ITEM.findall(paragraph)


# --- legal facts in lexicons/bail_wording.yaml, pinned to the corpus ------------------------------------------


@requires_shared
@pytest.mark.parametrize(("measure", "article"), [("取保候审", 71), ("监视居住", 77)])
def test_obligation_lists_are_the_statute_items(measure: str, article: int) -> None:
    """The obligation texts are CPL 2018 Art. 71(1) / 77(1) item by item, in order."""
    spec = wording.measure(measure)
    assert spec["obligations_article"] == article
    paragraph = _articles("cpl-2018.md")[(article, None)][0]
    assert "应当遵守以下规定" in paragraph
    assert [o["text"] for o in spec["obligations"]] == _items(paragraph)
    assert [o["item"] for o in spec["obligations"]] == list(range(1, len(_items(paragraph)) + 1))


@requires_shared
def test_surveillance_variant_is_the_mps_wording() -> None:
    """Item 2's variant is how 公安规定 2020 Art. 115 words the same obligation."""
    items = _items(_articles("mps-criminal-procedure-2020.md")[(115, None)][0])
    variants = [v for o in wording.measure("监视居住")["obligations"] for v in o.get("variants", [])]
    assert variants and all(v in items for v in variants)


@requires_shared
@pytest.mark.parametrize(
    ("measure", "article", "paragraph", "wording_"),
    [
        ("取保候审", 67, 0, "可以取保候审"),
        ("取保候审", 98, 0, "可以取保候审或者监视居住"),
        ("监视居住", 74, 0, "可以监视居住"),
        ("监视居住", 98, 0, "可以取保候审或者监视居住"),
    ],
)
def test_basis_articles_pinned(measure: str, article: int, paragraph: int, wording_: str) -> None:
    assert article in wording.measure(measure)["basis_articles"]
    assert wording_ in _articles("cpl-2018.md")[(article, None)][paragraph]


@requires_shared
@pytest.mark.parametrize(
    ("measure", "legal_rules_2012"),
    [("取保候审", "2012 **第六十五条**"), ("监视居住", "2012 **72**")],
)
def test_2012_numbers_derived_match_legal_rules(measure: str, legal_rules_2012: str) -> None:
    """The 2012 condition article comes from the laws.yaml renumbering and agrees with legal-rules Q4 / M1."""
    text = (SHARED / "domain" / "legal-rules.md").read_text(encoding="utf-8")
    assert legal_rules_2012 in text
    number = wording.measure(measure)["basis_articles"][0]
    written = re.search(r"\*\*(第?[^*]+?条?)\*\*", legal_rules_2012).group(1)
    expected = cn_to_int(written.strip("第条")) if not written.isdigit() else int(written)
    assert cpl_2018_to_2012(number) == expected


@requires_shared
@pytest.mark.parametrize(
    ("corpus", "article", "phrase", "key"),
    [
        ("mps-criminal-procedure-2020.md", 87, "保证金起点数额为人民币{}元。犯罪嫌疑人", "adult"),
        ("mps-criminal-procedure-2020.md", 87, "犯罪嫌疑人为未成年人的，保证金起点数额为人民币{}元", "minor"),
        ("spp-criminal-procedure-rules-2019.md", 92, "责令犯罪嫌疑人交纳{}元以上的保证金", "adult"),
        ("spp-criminal-procedure-rules-2019.md", 92, "对于未成年犯罪嫌疑人，可以责令交纳{}元以上的保证金", "minor"),
    ],
)
def test_deposit_floor_pinned(corpus: str, article: int, phrase: str, key: str) -> None:
    text = "".join(_articles(corpus)[(article, None)])
    pattern = re.escape(phrase).replace(re.escape("{}"), "([一二三四五六七八九十百千万]+)")
    m = re.search(pattern, text)
    assert m, phrase
    assert cn_to_int(m.group(1)) == DATA["deposit_floor"][key]


@requires_shared
def test_majority_age_pinned() -> None:
    text = _articles("mps-criminal-procedure-2020.md")[(331, None)][0]
    m = re.search(r"未成年人犯罪的时候不满([一二三四五六七八九十]+)周岁", text)
    assert m and cn_to_int(m.group(1)) == DATA["majority_age"]


@requires_shared
@pytest.mark.parametrize(
    ("measure", "phrase"),
    [(m, p) for m in ("取保候审", "监视居住") for p in wording.measure(m)["foreign_wording"]],
)
def test_foreign_wording_is_the_other_measures_alone(measure: str, phrase: str) -> None:
    """Each leaked phrase is in the other measure's list (Art. 77(1) / 71(1)) and in no part of its own article."""
    own, other = (71, 77) if measure == "取保候审" else (77, 71)
    cpl = _articles("cpl-2018.md")
    assert contains(cpl[(other, None)][0], phrase)
    assert not any(contains(p, phrase) for p in cpl[(own, None)])


# --- fuzzy thresholds ----------------------------------------------------------------------------------------

# Two OCR substitutions per item (形近字), as a scan of the form gives them.
NOISY = {
    ("取保候审", 1): "未经执行机关批淮不得离开所居往的市、县",
    ("取保候审", 2): "住址、工作单位和联糸方式发生变动的，在二十四小时以内向执行机关报吿",
    ("取保候审", 3): "在传迅的时侯及时到案",
    ("取保候审", 4): "不得以任何形式干拢证人作怔",
    ("取保候审", 5): "不得毁灭、伪造证椐或者串洪",
    ("监视居住", 1): "未经执行机关批淮不得离开执行监视居往的处所",
    ("监视居住", 2): "未经执行机关批淮不得会见他人或者通倍",
    ("监视居住", 3): "在传迅的时侯及时到案",
    ("监视居住", 4): "不得以任何形式干拢证人作怔",
    ("监视居住", 5): "不得毁灭、伪造证椐或者串洪",
    ("监视居住", 6): "将护照等出入境证件、身份证仵、驾驶证件交执行机关保仔",
}
# The other measure's look-alike of an item: must not count as the item.
LOOK_ALIKE = {
    ("取保候审", 1): "未经执行机关批准不得离开执行监视居住的处所",
    ("监视居住", 1): "未经执行机关批准不得离开所居住的市、县",
    ("监视居住", 2): "不得与特定的人员会见或者通信",
    ("监视居住", 6): "将护照等出入境证件、驾驶证件交执行机关保存",
}
HEAD = "我局正在侦查李某某涉嫌盗窃罪一案，决定对其取保候审，期限从2023年4月10日起算。被取保候审人应当遵守以下规定："
TAIL = "被取保候审人违反上述规定的，已交纳保证金的，没收部分或者全部保证金。本决定由临川区公安局文昌派出所执行。"


def _listing(measure: str, replace: dict[int, str]) -> str:
    items = [replace.get(o["item"], o["text"]) for o in wording.measure(measure)["obligations"]]
    cn = "一二三四五六"
    return HEAD + "".join(f"（{cn[i]}）{t}；" for i, t in enumerate(items) if t) + TAIL


def _present(measure: str, text: str, item: int) -> bool:
    return next(o for o in wording.obligations(text, measure) if o.item == item).present


ITEMS = [(m, o["item"]) for m in ("取保候审", "监视居住") for o in wording.measure(m)["obligations"]]


@pytest.mark.parametrize(("measure", "item"), ITEMS)
@pytest.mark.parametrize(
    ("variant", "expected"), [("clean", True), ("noisy", True), ("removed", False), ("look_alike", False)]
)
def test_obligation_thresholds(measure: str, item: int, variant: str, expected: bool) -> None:
    if variant == "look_alike" and (measure, item) not in LOOK_ALIKE:
        pytest.skip("no look-alike of this item in the other measure")
    replace = {
        "clean": {},
        "noisy": {item: NOISY[(measure, item)]},
        "removed": {item: ""},
        "look_alike": {item: LOOK_ALIKE.get((measure, item), "")},
    }[variant]
    assert _present(measure, _listing(measure, replace), item) is expected


# --- helpers -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("不得离开所居住的市县", "所居住的市、县", (4, 10)),
        ("不得离开所居住的 市、\n县；", "所居住的市、县", (4, 13)),
        ("不得离开执行监视居住的处所", "所居住的市、县", None),
        ("", "所居住的市、县", None),
    ],
)
def test_contains(text: str, phrase: str, expected: tuple[int, int] | None) -> None:
    assert contains(text, phrase) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [(10, "第十条"), (67, "第六十七条"), (98, "第九十八条"), (101, "第一百零一条"), (110, "第一百一十条"), (308, "第三百零八条")],
)
def test_cn_article(n: int, expected: str) -> None:
    assert cn_article(n) == expected


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (date(2005, 4, 10), date(2023, 4, 10), 18),
        (date(2005, 4, 11), date(2023, 4, 10), 17),
        (date(2004, 2, 29), date(2022, 2, 28), 17),
        (date(1990, 1, 1), date(2023, 4, 10), 33),
    ],
)
def test_age_on(born: date, on: date, age: int) -> None:
    assert age_on(born, on) == age


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("责令犯罪嫌疑人李某某交纳保证金人民币叁仟元（3000元）。", "交纳保证金人民币叁仟元"),
        ("犯罪嫌疑人应当接受保证人王某某的保证。", "接受保证人王某某的保证"),
        ("保证人：王某某", "保证人：王某某"),
        ("由王某某作为保证人。", "由王某某作为保证人"),
        ("责令其交纳人民币伍仟元保证金。", "交纳人民币伍仟元"),  # an order with its amount (certain)
        ("向本局指定的银行专户交纳人民币捌佰元整，作为其遵守取保候审规定的担保。", "交纳人民币捌佰元"),  # ind_b16
        ("责令其交纳保证金××元。", "保证金××元"),
        # regression ind_eb03: the PDF line broke inside the amount
        ("保证方式：交纳保证金人民币300\n0元。由城关派出所执行。", "交纳保证金人民币300\n0元"),
        ("责令犯罪嫌疑人提出保证人或者交纳保证金。已交纳保证金的，没收部分或者全部保证金。", None),
        ("保证人应当履行以下义务。", None),
        ("犯罪嫌疑人应当接受保证人______的保证（或交纳保证金______元）。", None),
    ],
)
def test_guarantee_span(text: str, found: str | None) -> None:
    ordered = guarantees_in(Document(id="d1", type="取保候审决定书", title="", start=0, end=len(text), text=text))
    assert (text[ordered[0].start : ordered[0].end] if ordered else None) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("本决定由临川区公安局文昌派出所执行。", True),
        ("本决定交临川区公安局执行。", True),
        ("执行机关：临川区公安局文昌派出所", True),
        ("执行机关：\n临川区公安局文昌派出所\n", True),
        ("执行机关：文昌所", True),
        ("被取保候审人应当接受厦门市公安局思明分局莲前派出所的监督。", True),
        ("未经执行机关批准不得离开所居住的市、县。", False),
        ("被取保候审人违反上述规定的，由执行机关没收保证金。", False),
        ("执行机关：　批准人：魏长青", False),
        ("执行机关：\n被取保候审人在取保候审期间应当遵守下列规定：", False),
    ],
)
def test_executor_span(text: str, found: bool) -> None:
    patterns = [*DATA["executor_patterns"], *DATA["executor_label_patterns"]]
    assert any(re.search(p, text) for p in patterns) is found


@pytest.mark.parametrize(
    ("intro", "expected"),
    [
        ("犯罪嫌疑人李某某，性别男，出生日期2007年3月1日，住址临川区学府路9号。", date(2007, 3, 1)),
        ("犯罪嫌疑人李某某，性别男，公民身份号码361002199002141534，住址临川区。", date(1990, 2, 14)),
        ("犯罪嫌疑人李某某，性别男，住址临川区学府路9号。", None),
    ],
)
def test_birth_date(intro: str, expected: date | None) -> None:
    case = make_case([("取保候审决定书", intro, None)])
    assert bail_deposit.birth_date(case, case.documents[0]) == expected


# --- clean synthetic decisions and bad input ------------------------------------------------------------------


def test_clean_sample_dossier_is_quiet() -> None:
    """case_08 (a planted BAIL-BOTH-GUARANTEES) is otherwise a lawful 取保 decision: none of these rules fire."""
    from auditor.pipeline import audit_text

    text = (ROOT / "sample_files" / "case_08_both_guarantees_missing_notice.txt").read_text(encoding="utf-8")
    fired = {f.rule_id for f in audit_text(text).findings}
    assert fired.isdisjoint(RULE_IDS)


def test_synthetic_templates_list_every_obligation() -> None:
    """The generator's obligation lists match every statutory item (so the rules stay quiet on them)."""
    from auditor.synth.templates import _BAIL_OBLIGATIONS, _SURVEILLANCE_OBLIGATIONS

    for measure, listing in (("取保候审", _BAIL_OBLIGATIONS), ("监视居住", _SURVEILLANCE_OBLIGATIONS)):
        assert all(o.present for o in wording.obligations(listing, measure))
        part = wording.obligations_region(HEAD + listing, measure)
        assert part and not any(
            contains(HEAD + listing, p) for p in wording.measure(measure)["foreign_wording"]
        )


BAD = [
    [("取保候审决定书", "", None)],
    [("取保候审决定书", "决定对其取保候审", "2023-02-30")],
    [("监视居住决定书", "（一）（二）（三）\x00决定对其监视居住", "not a date")],
    [("取保候审决定书", "保证金" * 500 + "决定对其取保候审", "1850-01-01")],
]


@pytest.mark.parametrize("rule_id", RULE_IDS)
@pytest.mark.parametrize("docs", BAD)
def test_bad_input_never_raises(rule_id: str, docs: list[tuple[str, str, str | None]]) -> None:
    rule = RULES[rule_id]
    findings = kind_of(rule.check).run(make_case(docs, extract=("events", "citations")), rule)
    assert all(f.evidence and f.explanation.steps for f in findings)


def test_rule_files_use_these_checks() -> None:
    for rule_id in RULE_IDS:
        rule = RULES[rule_id]
        assert kind_of(rule.check).run.__module__ in (wording.__name__, bail_deposit.__name__,
                                                       "auditor.rules.kinds.citation")
        assert Path(rule.path).name == f"{rule_id}.yaml"
