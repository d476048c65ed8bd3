"""不起诉 checks (auditor/extract/decisions.py, auditor/rules/checks/non_prosecution.py): statute pins for lexicons/non_prosecution.yaml and tables
of the readers the rules are built on (basis, type, notices, 考验期). Whole-pipeline cases live in
tests/rules/NON-PROSECUTION-*.txt and tests/rules/CONDITIONAL-NON-PROSECUTION-*.txt."""

from __future__ import annotations

from datetime import date

import pytest
from casebuild import make_case
from conftest import LAW_CORPUS, SHARED, requires_shared

from auditor.extract import decisions as dec
from auditor.law.catalog import article_exists, cpl_2018_to_2012
from auditor.law.corpus import read_articles
from auditor.model import Basis, Citation, Document
from auditor.rules import registry
from auditor.rules.checks import non_prosecution as np
from auditor.rules.checks import probation_term as pt
from auditor.rules.loader import load_rules
from auditor.text.numerals import cn_to_int

CPL = "中华人民共和国刑事诉讼法"
LEX = np.lexicon()
NP_RULES = [r for r in load_rules() if "NON-PROSECUTION" in r.id]


def B(article: int, paragraph: int | None = None) -> Basis:  # noqa: N802 — reads like the statute's 条/款
    return Basis(article=article, paragraph=paragraph)


def _cpl_2018() -> dict:
    return read_articles(LAW_CORPUS / "cpl-2018.md")


def _paragraph(articles: dict, article: int, paragraph: int | None) -> str:
    paras = articles[(article, None)]
    return "\n".join(paras) if paragraph is None else paras[paragraph - 1]


# --- statute pins ----------------------------------------------------------------------------------------------

TYPE_BASES = [(name, b) for name, spec in LEX["types"].items() for b in spec["basis"]] + [
    ("附条件不起诉决定", LEX["conditional_basis"])
]


@requires_shared
@pytest.mark.parametrize(("kind", "basis"), TYPE_BASES, ids=[f"{k}-{b['article']}" for k, b in TYPE_BASES])
def test_type_basis_pinned_to_cpl_2018(kind: str, basis: dict) -> None:
    assert basis["wording"] in _paragraph(_cpl_2018(), basis["article"], basis["paragraph"]), kind


@requires_shared
def test_reveal_cite_16_lists_the_statutory_grounds() -> None:
    text = _paragraph(_cpl_2018(), 16, None)
    assert LEX["types"]["法定"]["reveal_cites"] == [16]
    assert "不追究刑事责任" in text and "不起诉" in text
    assert "有本法第十六条规定的情形之一" in _paragraph(_cpl_2018(), 177, 1)


DOC_BASES = [(t, b) for t, entries in LEX["document_bases"].items() for b in entries]


@pytest.mark.parametrize(("doc_type", "basis"), DOC_BASES, ids=[f"{t}-{b['article']}" for t, b in DOC_BASES])
def test_document_bases_exist_in_cpl_2018(doc_type: str, basis: dict) -> None:
    ok, reason = article_exists(CPL, "2018", basis["article"], paragraph=basis["paragraph"])
    assert ok, reason


def test_every_type_basis_is_a_document_basis() -> None:
    allowed = np.document_bases("不起诉决定书")
    for name, bases in np.type_bases().items():
        assert all(any(a.covers(b) for a in allowed) for b in bases), name


@requires_shared
def test_2012_equivalents_follow_the_concordance_in_legal_rules() -> None:
    """The 2012 numbers the checks use (catalog concordance) agree with legal-rules §5.2's table."""
    md = (SHARED / "domain" / "legal-rules.md").read_text(encoding="utf-8")
    for new, old, subject in [(177, 173, "法定/酌定不起诉"), (180, 176, "被害人申诉"), (181, 177, "被不起诉人申诉")]:
        assert cpl_2018_to_2012(new) == old
        assert f"| {subject} | {new} | {old} |" in md
    assert "| 附条件不起诉 / 考验期 / 撤销或不起诉 | 282 / 283 / 284 | 271 / 272 / 273 |" in md
    assert (cpl_2018_to_2012(282), cpl_2018_to_2012(284)) == (271, 273)
    assert "| 补充侦查 (1月, 2次; 证据不足不起诉) | 175 | 171 |" in md and cpl_2018_to_2012(175) == 171
    assert cpl_2018_to_2012(182) is None  # 特殊不起诉 is new in 2018


@requires_shared
def test_probation_months_pinned() -> None:
    spec = LEX["probation"]
    assert spec["wording"] in _paragraph(_cpl_2018(), 283, 2)
    low, high = spec["wording"].split("考验期为")[1].split("以上")
    assert cn_to_int(low.removesuffix("个月")) == spec["min_months"]
    assert cn_to_int(high.removesuffix("以下").removesuffix("年")) * 12 == spec["max_months"]
    spp = read_articles(LAW_CORPUS / "spp-criminal-procedure-rules-2019.md")
    assert "考验期为六个月以上一年以下" in _paragraph(spp, 473, None)


@requires_shared
def test_notice_wording_pinned() -> None:
    notice = LEX["notice"]
    cpl = _cpl_2018()
    assert f"{notice['appeal_days']}向{notice['upper_level']}{notice['appeal']}" in _paragraph(cpl, 180, None)
    assert f"{notice['appeal_days']}向人民检察院{notice['appeal']}" in _paragraph(cpl, 181, None)
    assert "第一百七十七条第二款" in _paragraph(cpl, 181, None)
    assert "直接向人民法院起诉" in _paragraph(cpl, 180, None)


# --- readers -----------------------------------------------------------------------------------------------------


def _doc(text: str, doc_type: str = "不起诉决定书", organ: str | None = "临川区人民检察院") -> Document:
    return Document(id="d1", type=doc_type, title=doc_type, start=0, end=len(text), text=text, organ=organ)


@pytest.mark.parametrize(
    ("cite", "expected"),
    [
        (Citation(law=CPL, article=177, paragraph=2, version="2018"), B(177, 2)),
        (Citation(law=CPL, article=173, paragraph=2, version="2012"), B(177, 2)),
        (Citation(law=CPL, article=171, paragraph=4, version="2012"), B(175, 4)),
        (Citation(law=CPL, article=279, version="2012"), B(290, None)),
        (Citation(law=CPL, article=142, paragraph=2, version="1996"), None),  # no 1996 concordance: quiet
        (Citation(law="中华人民共和国刑法", article=37, version="2023"), None),
    ],
)
def test_to_2018(cite: Citation, expected: np.Basis | None) -> None:
    assert dec.to_2018(cite) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本院认为，吴某犯罪情节轻微，不需要判处刑罚。", {"酌定"}),
        ("本院认为，吴某犯罪情节轻微，依照刑法规定免除刑罚。", {"酌定"}),
        ("本院认为，本案证据不足，不符合起诉条件。", {"存疑"}),
        ("本院认为，吴某没有犯罪事实。", {"法定"}),
        ("本院认为，吴某的行为情节显著轻微、危害不大，不认为是犯罪。", {"法定"}),
        ("本院认为，吴某附条件不起诉考验期满，没有撤销情形。", {"附条件"}),
        ("本院认为，经最高人民检察院核准，对吴某不起诉。", {"特别"}),
        # both readings at once: the checks treat this as ambiguous
        ("本院认为，吴某犯罪情节轻微，不需要判处刑罚；且证据不足，不符合起诉条件。", {"酌定", "存疑"}),
        # the facts before 本院认为 are not the reasoning
        ("公安机关认为证据不足，不符合起诉条件。本院认为，吴某犯罪情节轻微，不需要判处刑罚。", {"酌定"}),
        ("本院认为，吴某的行为构成盗窃罪。", set()),
    ],
)
def test_reasoning_types(text: str, expected: set[str]) -> None:
    assert set(dec.reasoning_types(_doc(text), [])) == expected


def test_reasoning_type_from_cited_article_16() -> None:
    assert set(dec.reasoning_types(_doc("本院认为，应当不起诉。"), [B(16, None)])) == {"法定"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("依据刑事诉讼法第一百七十七条第二款的规定，决定对吴某某不起诉。", True),
        ("依据上述规定，本院作出不起诉决定。", True),
        ("附条件不起诉决定如下：", True),
        ("本院决定对吴某某附条件不起诉。", True),
        ("本院决定对吴某某提起公诉。", False),
        ("", False),
    ],
)
def test_decision_span(text: str, expected: bool) -> None:
    assert (dec.decision_span(_doc(text)) is not None) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("被害人如不服，可以七日以内向上一级人民检察院申诉。", "upper"),
        ("被害人如不服，可以七日以内向抚州市人民检察院申诉。", "upper"),
        ("被害人如不服，可以七日以内向本院申诉。", "own"),
        ("被害人如不服，可以七日以内向临川区人民检察院申诉。", "own"),
        ("被害人如不服，可以申诉。", "none"),
    ],
)
def test_appeal_destination(sentence: str, expected: str) -> None:
    assert np._appeal_destination(sentence, "临川区人民检察院") == expected


@pytest.mark.parametrize(
    ("text", "grants"),
    [
        ("也可以不经申诉，直接向临川区人民法院提起自诉。", True),
        ("也可以直接向人民法院起诉。", True),
        ("但不适用刑事诉讼法第一百八十条关于被害人可以向人民法院起诉的规定。", False),
        ("被害人不得直接向人民法院起诉。", False),
        ("可以七日以内向上一级人民检察院申诉。", False),
    ],
)
def test_grants_private_prosecution(text: str, grants: bool) -> None:
    assert (np.grants_private_prosecution(text) is not None) is grants


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("决定不起诉。被不起诉人如不服本决定，可以向本院申诉。", [{"被不起诉人"}]),
        ("决定不起诉。被害人如不服本决定，可以申诉。", [{"被害人"}]),
        ("决定不起诉。被不起诉人、被害人如不服本决定，可以申诉。", [{"被不起诉人", "被害人"}]),
        ("决定不起诉。被害人对被不起诉人的决定不服的，可以申诉。", [{"被害人"}]),
        ("决定不起诉。本决定自宣布之日起生效。", []),
    ],
)
def test_notice_addressees(text: str, roles: list[set[str]]) -> None:
    doc = _doc(text)
    span = dec.decision_span(doc)
    assert span is not None
    assert [set(n.roles) for n in dec.notices(doc, span[1])] == roles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("考验期为八个月。", []),
        ("考验期为四个月。", ["short"]),
        ("考验期为一年零三个月。", ["long"]),
        ("考验期为一年。", []),
        ("考验期为六个月以上一年以下。", []),  # the statute quoted, not a term
        ("考验期自2023年4月10日起至2023年10月9日止。", []),
        ("考验期自2023年4月10日起至2023年9月9日止。", ["short"]),
        ("考验期自2023年4月10日起至2024年4月11日止。", ["long"]),
        ("每一个月报告一次活动情况。", []),  # not labelled 考验期
    ],
)
def test_probation_terms(text: str, expected: list[str]) -> None:
    case = make_case([("附条件不起诉决定书", text, None)])
    got = [p for t in pt.probation_terms(case, case.documents[0]) if (p := pt.term_problem(t, 6, 12))]
    assert got == expected


def test_term_problem_bounds() -> None:
    assert pt.term_problem(pt.Probation(0, 1, "", 6, 0), 6, 12) is None
    assert pt.term_problem(pt.Probation(0, 1, "", 5, 20), 6, 12) == "short"
    assert pt.term_problem(pt.Probation(0, 1, "", 12, 1), 6, 12) == "long"
    term = pt.Probation(0, 1, "", 5, 30, date(2023, 1, 31), date(2023, 7, 30))
    assert pt.term_problem(term, 6, 12) is None  # ends the day before 2023-07-31


# --- robustness: bad input never raises ------------------------------------------------------------------------

ODD_TEXTS = ["", "。。。", "不起诉决定书\n决定对不起诉。被害人", "被害人\x00" * 50, "考验期为个月" * 20]


@pytest.mark.parametrize("rule", NP_RULES, ids=[r.id for r in NP_RULES])
@pytest.mark.parametrize("text", ODD_TEXTS)
def test_checks_survive_odd_text(rule, text: str) -> None:
    doc_type = rule.check.get("document", "不起诉决定书")
    case = make_case([(doc_type, text, None), ("送达回证", text, None)], extract=("citations",))
    run = registry.CHECKS[rule.check["name"]].run
    assert run(case, rule) == []
    # a citation whose offsets fall outside the text (a broken extraction) must not raise either
    broken = Citation(law=CPL, article=176, document_id="d1", version="2018", start=999, end=1005)
    decided = [x for d in case.documents for x in dec.decisions_in(d, [broken])]
    case = case.model_copy(update={"citations": (broken,), "decisions": tuple(decided)})
    assert isinstance(run(case, rule), list)


# --- the type's source in the finding's words --------------------------------------------------------------------

def test_a_decision_typed_by_its_reasoning_is_not_said_to_rest_on_the_wrong_article() -> None:
    """Regression (corpus q, ind_q04): a 情节轻微 decision citing CPL 176(1) (提起公诉) was reported as "依据
    “…第一百七十六条第一款”作出的酌定不起诉决定书": the article is no basis of 酌定不起诉, the reasoning is."""
    from auditor.pipeline import audit_text

    text = ("不起诉决定书\n被不起诉人黄某，女，1976年12月2日出生。\n本院认为，黄某实施了《中华人民共和国刑法》第三百一十二条第一款规定的行为，"
            "但犯罪情节轻微，依照刑法规定不需要判处刑罚。根据《中华人民共和国刑事诉讼法》第一百七十六条第一款的规定，决定对黄某不起诉。\n"
            "某区人民检察院\n2024年2月6日\n")
    found = {f.rule_id: f for f in audit_text(text).findings}
    appeal = found["NON-PROSECUTION-SUSPECT-APPEAL-NOTICE-MISSING"]
    assert "NON-PROSECUTION-WRONG-ARTICLE" in found
    assert "第一百七十六条第一款”作出" not in appeal.message
    assert "犯罪情节轻微" in appeal.explanation.steps[0] and "不是酌定不起诉的依据" in appeal.explanation.steps[0]


def test_a_type_the_reasoning_and_the_article_disagree_on_only_asks_about_the_suspects_appeal() -> None:
    """Regression (corpus w, ind_w09): a 存疑 reasoning ("证据不足，不符合起诉条件") under CPL 177(2) was reported twice: the
    mismatch, and an error for the missing 申诉 notice the article alone would require. The type is unknown: the second
    is a "please check" linked to the mismatch, and its words name both types instead of an empty one."""
    from auditor.pipeline import audit_text

    text = ("不起诉决定书\n被不起诉人陈某，女，1990年11月11日出生。\n本院仍然认为公安机关认定的陈某的犯罪事实证据不足，不符合起诉条件。"
            "依照《中华人民共和国刑事诉讼法》第一百七十七条第二款的规定，决定对陈某不起诉。\n"
            "被害人如不服本决定，可以自收到本决定书后七日以内向某市人民检察院申诉，请求提起公诉；也可以不经申诉，直接向某区人民法院起诉。\n"
            "某区人民检察院\n2024年9月10日\n")
    found = {f.rule_id: f for f in audit_text(text).findings}
    mismatch, appeal = found["NON-PROSECUTION-TYPE-ARTICLE-MISMATCH"], found["NON-PROSECUTION-SUSPECT-APPEAL-NOTICE-MISSING"]
    assert appeal.severity == "info" and appeal.caused_by == mismatch.fingerprint
    assert "存疑不起诉" in appeal.explanation.steps[0] and "类型不能确定" in appeal.explanation.steps[0]


def test_two_decisions_of_one_day_have_distinct_fingerprints(tmp_path) -> None:
    """Regression (held-out ind_cz07): two co-defendants' 存疑 decisions of one day, each telling its 被不起诉人 to appeal,
    are two findings; their fingerprints (what the workbench keys a reviewer's verdict on) differed by nothing."""
    from auditor.pipeline import audit_path

    def decision(number: int, name: str) -> str:
        return (f"临湖市东港区人民检察院\n不起诉决定书\n临东检刑不诉〔2024〕{number}号\n被不起诉人{name}，男，1993年5月5日出生。\n"
                "本院认为，本案证据不足，不符合起诉条件。根据《中华人民共和国刑事诉讼法》第一百七十五条第四款的规定，"
                f"决定对{name}不起诉。\n被不起诉人如不服本决定，可以自收到本决定书后七日以内向本院申诉。\n"
                "临湖市东港区人民检察院（院印）\n二〇二四年八月二十日\n")
    path = tmp_path / "two.txt"
    path.write_text(decision(41, "焦某华") + "=====\n" + decision(43, "梁某川"), encoding="utf-8")
    found = [f for f in audit_path(path).findings if f.rule_id == "NON-PROSECUTION-SUSPECT-APPEAL-NOTICE-WRONG"]
    assert len(found) == 2 and len({f.fingerprint for f in found}) == 2
