"""lexicons/laws.yaml against the statute corpus, and the catalogue API (auditor/law)."""

from __future__ import annotations

import datetime
import re

import pytest
from conftest import LAW_CORPUS, SHARED, requires_shared

from auditor.law.catalog import (
    article_exists,
    check_citation,
    cpl_2012_to_2018,
    cpl_2018_to_2012,
    laws,
    resolve_law,
    version_in_force,
)
from auditor.law.corpus import parse_articles, read_articles, structure
from auditor.model import Citation

CPL = "中华人民共和国刑事诉讼法"
CL = "中华人民共和国刑法"
MPS = "公安机关办理刑事案件程序规定"
SPP = "人民检察院刑事诉讼规则"
SPC = "最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释"
PSAP = "中华人民共和国治安管理处罚法"
APL = "中华人民共和国行政处罚法"
TAGS = {"V", "S", "D", "U"}


def _version(title: str, vid: str):
    return next(v for v in laws()[title].versions if v.id == vid)


def _corpus_versions() -> list[tuple[str, str, str]]:
    import yaml

    from auditor.lexicon import LEXICON_DIR

    data = yaml.safe_load((LEXICON_DIR / "laws.yaml").read_text(encoding="utf-8"))
    return [(law["title"], str(v["id"]), v["corpus"]) for law in data["laws"] for v in law["versions"] if "corpus" in v]


CORPUS_VERSIONS = _corpus_versions()


@pytest.fixture(scope="module")
def corpus():
    cache: dict[str, dict] = {}

    def load(name: str) -> dict:
        if name not in cache:
            cache[name] = read_articles(LAW_CORPUS / name)
        return cache[name]

    return load


# --- corpus reader -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "# 法\n<!-- INFO END -->\n第一条 甲。\n\n第二条 乙：\n（一）丙；\n（二）丁。\n戊。",
            {(1, None): ["甲。"], (2, None): ["乙：\n（一）丙；\n（二）丁。", "戊。"]},
        ),
        ("第一条 甲\n第二 条乙\n第二条之一 丙", {(1, None): ["甲"], (2, None): ["乙"], (2, "之一"): ["丙"]}),
        # a paragraph opening with a cross-reference is not a new article
        ("第一条 甲\n第八十一条规定的人员，适用本条。", {(1, None): ["甲", "第八十一条规定的人员，适用本条。"]}),
        (
            "第一条 甲\n第二审人民法院审理。\n## 第二章\n第二条 （删去）",
            {(1, None): ["甲", "第二审人民法院审理。"], (2, None): ["（删去）"]},
        ),
        ("前言\n第九条 不从第一条附近开始\n第二条 乙", {(2, None): ["乙"]}),
    ],
)
def test_parse_articles(text, expected):
    assert parse_articles(text) == expected


# --- laws.yaml against the corpus --------------------------------------------------------------


@requires_shared
@pytest.mark.parametrize(
    "title, vid, count",
    [(CPL, "2018", 308), (CL, "2023修正", 452), (MPS, "2020", 388), (SPP, "2019", 684), (SPP, "2012试行", 708),
     (SPC, "2021", 655), (SPC, "2012", 548), (PSAP, "2012", 119), (APL, "2021", 86)],
)  # fmt: skip
def test_article_counts(title, vid, count, corpus):
    version = _version(title, vid)
    numbered = [k for k in corpus(next(c for t, v, c in CORPUS_VERSIONS if (t, v) == (title, vid))) if k[1] is None]
    assert version.articles == count == len(numbered) == max(n for n, _ in numbered)


@requires_shared
@pytest.mark.parametrize("title, vid, name", CORPUS_VERSIONS)
def test_deleted_and_suffixed_articles_match_corpus(title, vid, name, corpus):
    articles = corpus(name)
    version = _version(title, vid)
    assert version.deleted == {n for (n, s), paras in articles.items() if paras == ["（删去）"] and s is None}
    assert version.suffixed == {f"{n}{s}" for n, s in articles if s}


@requires_shared
def test_criminal_law_special_articles(corpus):
    version = _version(CL, "2023修正")
    assert len(version.suffixed) == 53
    assert version.deleted == {199}
    assert {"133之一", "133之二", "120之六"} <= version.suffixed and "133之三" not in version.suffixed


@requires_shared
@pytest.mark.parametrize("title, vid, name", CORPUS_VERSIONS)
def test_paragraph_and_item_counts_match_corpus(title, vid, name, corpus):
    table = _version(title, vid).structure
    assert table is not None
    expected = structure(corpus(name))
    assert {k: v for k, v in expected.items() if v != [0]} == table
    assert set(table) <= set(expected)


@requires_shared
@pytest.mark.parametrize("title, vid, name", CORPUS_VERSIONS)
def test_verified_effective_dates_are_stated_in_the_corpus(title, vid, name):
    import yaml

    from auditor.lexicon import LEXICON_DIR

    data = yaml.safe_load((LEXICON_DIR / "laws.yaml").read_text(encoding="utf-8"))
    law = next(x for x in data["laws"] if x["title"] == title)
    texts = " ".join((LAW_CORPUS / v["corpus"]).read_text(encoding="utf-8") for v in law["versions"] if "corpus" in v)
    for v in law["versions"]:
        text = next((x for x in law["versions"] if x["id"] == v.get("same_as")), v)  # same_as: another's text
        assert text.get("articles_tag") in TAGS and (v.get("effective") is None or v.get("effective_tag") in TAGS)
        if v.get("effective_tag") == "V":
            d = v["effective"]
            assert f"自{d.year}年{d.month}月{d.day}日起施行" in texts, (title, v["id"])


# legal-rules §5.1: item/paragraph counts of frequently cited CPL 2018 articles.
@pytest.mark.parametrize(
    "article, paragraph, item, ok",
    [(16, None, 6, True), (16, None, 7, False), (67, 1, 4, True), (67, 1, 5, False), (71, 1, 5, True),
     (71, 2, 4, True), (71, 2, 5, False), (71, 4, None, True), (71, 5, None, False), (74, 1, 5, True),
     (75, 4, None, True), (75, 5, None, False), (77, 1, 6, True), (81, 4, None, True), (81, 1, 5, True),
     (81, 1, 6, False), (82, None, 7, True), (82, None, 8, False), (91, 3, None, True), (91, 4, None, False),
     (158, None, 4, True), (175, 4, None, True), (177, 3, None, True), (177, 4, None, False), (283, 3, 4, True),
     (283, 1, 1, False), (284, 2, None, True), (284, 3, None, False)],
)  # fmt: skip
def test_cpl_2018_item_counts_from_legal_rules(article, paragraph, item, ok):
    assert article_exists(CPL, "2018", article, None, paragraph, item)[0] is ok


# --- CPL renumbering -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new",
    [(1, 1), (14, 14), (15, 16), (54, 56), (65, 67), (69, 71), (77, 79), (83, 85), (89, 91), (160, 162),
     (169, 172), (171, 175), (173, 177), (177, 181), (202, 208), (271, 282), (280, 298), (284, 302), (290, 308)],
)  # fmt: skip
def test_cpl_renumbering_pairs(old, new):
    assert cpl_2012_to_2018(old) == new
    assert cpl_2018_to_2012(new) == old


@pytest.mark.parametrize(
    "article", [15, 36, 170, 174, 182, 201, 222, 223, 224, 225, 226, 291, 292, 293, 294, 295, 296, 297]
)
def test_inserted_2018_articles_have_no_2012_counterpart(article):
    assert cpl_2018_to_2012(article) is None


def test_renumbering_is_a_bijection_onto_2018_minus_inserted():
    cpl = laws()[CPL]
    images = [cpl_2012_to_2018(n) for n in range(1, 291)]
    inserted = set(cpl.renumbering["inserted"])
    assert len(inserted) == 18
    assert sorted(images) == images and set(images) == set(range(1, 309)) - inserted
    assert cpl_2012_to_2018(0) is None and cpl_2012_to_2018(291) is None and cpl_2018_to_2012(309) is None


@requires_shared
@pytest.mark.parametrize("article", sorted(laws()[CPL].old_subjects))
def test_old_subject_keywords_fit_the_2012_subject_only(article, corpus):
    articles = corpus("cpl-2018.md")
    keywords = laws()[CPL].old_subjects[article]["keywords"]
    moved_to = cpl_2012_to_2018(article)
    assert moved_to != article
    assert re.search(keywords, "".join(articles[(moved_to, None)])), "the 2018 counterpart must match"
    assert not re.search(keywords, "".join(articles[(article, None)])), "the article now bearing the number must not"


def test_derived_2012_structure_rests_on_pinned_subjects():
    """A 2012 article takes its 款/项 counts from its 2018 counterpart only where that counterpart is pinned as the
    same subject (old_subjects, checked against the 2018 text above) and is not one the 2018 amendment changed."""
    v = next(v for v in laws()[CPL].versions if v.id == "2012")
    assert v.derived_from
    for article, later in v.derived_from.items():
        assert int(article) in laws()[CPL].old_subjects
        assert cpl_2012_to_2018(int(article)) == int(later)
        assert v.structure[article] == next(x for x in laws()[CPL].versions if x.id == "2018").structure.get(later, [0])
    assert "79" not in v.derived_from  # 逮捕: the 2018 amendment added a 款 (认罪认罚 as a factor of danger)


EARLIER = laws()[CPL].earlier_subjects


@requires_shared
@pytest.mark.parametrize("entry", EARLIER, ids=[f"{e['article']}->{e['now']}" for e in EARLIER])
def test_1996_subjects_fit_their_2012_counterpart_only(entry, corpus):
    """The 2012 text is not in the corpus; both 2012 articles are read through their 2018 counterparts (the
    renumbering is pinned above). Regression ind_af05 (2014 起诉意见书 citing 1996 第一百二十九条) and ind_y01
    (2016 呈请拘留报告书 citing 1996 第六十一条第（七）项)."""
    articles = corpus("cpl-2018.md")
    counterpart = "".join(articles[(cpl_2012_to_2018(entry["now"]), None)])
    bearing_the_number = "".join(articles[(cpl_2012_to_2018(entry["article"]), None)])
    assert re.search(entry["keywords"], counterpart), "the 2012 counterpart must match"
    assert not re.search(entry["keywords"], bearing_the_number), "the 2012 article bearing the old number must not"


@requires_shared
def test_1996_subject_tags_are_the_rule_base_concordance_tags():
    """legal-rules §5.2: each 1996 mapping carries the tag of its row (a U row only ever gives a please-check)."""
    text = (SHARED / "domain" / "legal-rules.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[4][:1] in "USV":
            for old, new in zip(cells[3].split(" / "), cells[2].split(" / "), strict=False):
                if old.isdigit() and new.isdigit():
                    rows[(int(old), int(new))] = cells[4][0]
    for entry in EARLIER:
        # A mapping may be held as U where the row is S for one 款 only ("S (140(4))"): stricter, never looser.
        assert entry["tag"] in (rows[(entry["article"], entry["now"])], "U"), entry


@pytest.mark.parametrize(("article", "on", "context", "status", "unverified"), [
    (61, datetime.date(2016, 5, 1), "根据《刑事诉讼法》第六十一条第（七）项之规定，拟对其刑事拘留", "outdated", True),
    (129, datetime.date(2014, 5, 1), "根据刑事诉讼法第一百二十九条之规定，现将此案移送审查起诉", "outdated", True),
    (129, datetime.date(2014, 5, 1), "根据刑事诉讼法第一百二十九条之规定，决定解剖尸体", "valid", False),
    (142, datetime.date(2016, 1, 1), "依照刑事诉讼法第一百四十二条第二款的规定，决定对某某不起诉", "outdated", False),
    (61, datetime.date(2020, 5, 1), "根据刑事诉讼法第六十一条，拟对其刑事拘留", "valid", False),  # 2018 era: not 1996
    (80, datetime.date(2016, 5, 1), "根据刑事诉讼法第八十条第（七）项之规定，拟对其刑事拘留", "valid", False),
])  # fmt: skip
def test_a_1996_number_cited_in_the_2012_era_is_outdated(article, on, context, status, unverified) -> None:
    cited = check_citation(Citation(law=CPL, article=article), on, context)
    assert (cited.status, cited.unverified) == (status, unverified)


@requires_shared
@pytest.mark.parametrize("article", sorted(a for a, s in laws()[CPL].old_subjects.items() if s.get("unless")))
def test_old_subject_unless_fits_the_article_now_bearing_the_number_only(article, corpus):
    """Regression (ind_ag06): a sentence about the subject of the 2018 article bearing an old number cites it."""
    articles = corpus("cpl-2018.md")
    unless = laws()[CPL].old_subjects[article]["unless"]
    assert re.search(unless, "".join(articles[(article, None)])), "the article now bearing the number must match"
    assert not re.search(unless, "".join(articles[(cpl_2012_to_2018(article), None)])), "its 2012 subject must not"


@requires_shared
@pytest.mark.parametrize("article", sorted(laws()["公安机关办理刑事案件程序规定"].old_subjects))
def test_mps_old_subjects_fit_the_2020_counterpart_only(article, corpus):
    """legal-rules §5.3 [S] (regression ind_af06): the 2012 text is not in the corpus; the 2020 side is pinned."""
    new = corpus("mps-criminal-procedure-2020.md")
    entry = laws()["公安机关办理刑事案件程序规定"].old_subjects[article]
    assert re.search(entry["keywords"], "".join(new[(entry["now"], None)])), "the 2020 counterpart must match"
    assert not re.search(entry["keywords"], "".join(new[(article, None)])), "the 2020 article bearing the number must not"


@requires_shared
@pytest.mark.parametrize("article", sorted(laws()[SPP].old_subjects))
def test_spp_old_subjects_fit_the_2012_article_and_its_2019_counterpart_only(article, corpus):
    """The 2019 检察规则 was rewritten as a whole: each subject names its 2019 number (real case, ind_x07: a 2020
    decision citing 2012试行 第四百零六条 for a 酌定不起诉)."""
    entry = laws()[SPP].old_subjects[article]
    old, new = corpus("spp-criminal-procedure-rules-2012-trial.md"), corpus("spp-criminal-procedure-rules-2019.md")
    assert re.search(entry["keywords"], "".join(old[(article, None)])), "the 2012试行 article must match"
    assert re.search(entry["keywords"], "".join(new[(entry["now"], None)])), "the 2019 counterpart must match"
    assert not re.search(entry["keywords"], "".join(new[(article, None)])), "the 2019 article bearing the number must not"


@pytest.mark.parametrize(("article", "context", "status"), [
    (406, "依据《中华人民共和国刑事诉讼法》第一百七十七条第二款和《人民检察院刑事诉讼规则》第四百零六条的规定，决定对薛某不起诉", "outdated"),
    (370, "依据《人民检察院刑事诉讼规则》第三百七十条的规定，决定对薛某不起诉", "valid"),
    (406, "依照《人民检察院刑事诉讼规则》第四百零六条的规定，证人出庭作证", "valid"),  # the 2019 article of that number
])
def test_an_spp_2012_number_cited_after_2019_is_outdated(article, context, status) -> None:
    cited = check_citation(Citation(law=SPP, article=article), datetime.date(2020, 9, 4), context)
    assert cited.status == status


# --- catalogue API -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, expected",
    [
        ("《中华人民共和国刑事诉讼法》", CPL), ("《刑事诉讼法》", CPL), ("刑诉法", CPL), ("中华人民共和国刑法", CL),
        ("《刑法》", CL), ("《中华人民共和国刑罚》", CL), ("《公安机关办理刑事案件程序规定》", MPS), ("《人民检察院刑事诉讼规则》", SPP),
        ("《人民检察院刑事诉讼规则（试行）》", SPP), ("人民检察院刑事诉讼规则(试行)", SPP),
        ("《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》", SPC),
        ("《最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释》", SPC),
        ("最高人民法院关于适用<中华人民共和国刑事诉讼法>的解释", SPC), ("《治安管理处罚法》", PSAP),
        ("中华人民共和国行政处罚法", APL), ("《 刑 法 》", CL), ("《民法典》", None), ("", None), (None, None),
        ("《刑法》与《刑事诉讼法》", None),
    ],
)  # fmt: skip
def test_resolve_law(name, expected):
    assert resolve_law(name) == expected


D = datetime.date


@pytest.mark.parametrize(
    "law, on, expected",
    [
        (CPL, D(1996, 12, 31), None), (CPL, D(1997, 1, 1), "1996"), (CPL, D(2012, 12, 31), "1996"),
        (CPL, D(2013, 1, 1), "2012"), (CPL, D(2018, 10, 25), "2012"), (CPL, D(2018, 10, 26), "2018"),
        (CPL, None, "2018"), ("刑诉法", D(2016, 5, 1), "2012"), (CL, D(1990, 1, 1), "1997"), (CL, D(2022, 6, 1), "2020修正"), (CL, None, "2023修正"),
        (MPS, D(2020, 8, 31), "2012"), (MPS, D(2020, 9, 1), "2020"), (SPP, D(2019, 12, 29), "2012试行"),
        (SPP, D(2019, 12, 30), "2019"), (SPC, D(2021, 2, 28), "2012"), (SPC, D(2021, 3, 1), "2021"),
        (PSAP, D(2010, 1, 1), "2005"), (PSAP, D(2020, 1, 1), "2012"), (APL, D(2021, 7, 14), "1996"),
        (APL, D(2021, 7, 15), "2021"), ("民法典", D(2021, 1, 1), None),
        (CPL, datetime.datetime(2019, 1, 1, 8, 0), "2018"), (CPL, "2016-03-01", "2012"), (CPL, "garbage", "2018"),
    ],
)  # fmt: skip
def test_version_in_force(law, on, expected):
    assert version_in_force(law, on) == expected


@pytest.mark.parametrize(
    "law, version, article, suffix, paragraph, item, ok, reason",
    [
        (CPL, "2018", 308, None, None, None, True, None),
        (CPL, "2018", 309, None, None, None, False, "共308条"),
        (CPL, "2012", 290, None, None, None, True, None),
        (CPL, "2012", 291, None, None, None, False, "共290条"),
        (CPL, "2018", 0, None, None, None, False, "没有第0条"),
        (CPL, "2018", 67, "之一", None, None, False, "没有第67条之一"),
        (CPL, "2018", 67, None, 2, None, True, None),
        (CPL, "2018", 67, None, 3, None, False, "只有2款"),
        (CPL, "2018", 67, None, 1, 5, False, "只有4项"),
        (CPL, "2018", 67, None, 2, 1, False, "只有0项"),
        (CPL, "2018", 1, None, 1, None, True, None),
        (CPL, "2018", 1, None, 2, None, False, "只有1款"),
        (CPL, "2012", 67, None, 9, 9, True, None),  # no 款/项 data for this 2012 article: not checkable
        (CPL, "2012", 79, None, None, 9, True, None),  # 逮捕 gained a 款 in 2018: not derived, not checked
        # Regression (ind_aa03, af01, ak02, al03, j01): a 2016 report citing 第八十条第（八）项 (先行拘留 has 7).
        (CPL, "2012", 80, None, None, 8, False, "没有第8项；该条2018年修正时未改动，款项与2018年版第82条相同"),
        (CPL, "2012", 80, None, None, 7, True, None),
        (CPL, "2012", 72, None, 1, 6, False, "第1款只有5项"),  # ind_af07: 监视居住 conditions
        (CPL, "2012", 72, None, 1, 5, True, None),
        (CPL, "2012", 69, None, 2, 5, False, "第2款只有4项"),
        (CPL, "2012", 65, None, 1, 4, True, None),
        (CPL, "2012", 15, None, None, 7, False, "没有第7项"),
        (CL, "2023修正", 199, None, None, None, False, "已删去"),
        (CL, "2023修正", 133, "之一", 1, 2, True, None),
        (CL, "2023修正", 133, "之三", None, None, False, "没有第133条之三"),
        (CL, "2023修正", 452, None, None, None, True, None),
        (CL, "2023修正", 453, None, None, None, False, "共452条"),
        (MPS, "2012", 376, None, None, None, True, None),
        (MPS, "2020", 389, None, None, None, False, "共388条"),
        (SPP, "2012试行", 708, None, None, None, True, None),
        (SPP, "2019", 685, None, None, None, False, "共684条"),
        (SPC, "2021", 655, None, None, None, True, None),
        (CPL, "1979", 1, None, None, None, False, "没有“1979”版本"),
        ("民法典", "2020", 1, None, None, None, False, "未收录的法律"),
    ],
)
def test_article_exists(law, version, article, suffix, paragraph, item, ok, reason):
    got_ok, got_reason = article_exists(law, version, article, suffix, paragraph, item)
    assert got_ok is ok
    assert (got_reason is None) if reason is None else (reason in got_reason)
