"""Citation finder (auditor/extract/citations.py) and citation checking (auditor/law/catalog.check_citation)."""

from __future__ import annotations

import datetime
import json

import pytest
from conftest import DEV_CORPUS, requires_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.citations import find_citations
from auditor.law.catalog import check_citation
from auditor.model import Citation

CPL = "中华人民共和国刑事诉讼法"
CL = "中华人民共和国刑法"
MPS = "公安机关办理刑事案件程序规定"
SPP = "人民检察院刑事诉讼规则"
SPC = "最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释"
PSAP = "中华人民共和国治安管理处罚法"
D = datetime.date


def _tuples(text: str, on: datetime.date | None = None) -> list[tuple]:
    return [(c.law, c.article, c.article_suffix, c.paragraph, c.item) for c in find_citations(text, on)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # law names
        ("依照《中华人民共和国刑事诉讼法》第十五条之规定", [(CPL, 15, None, None, None)]),
        ("根据《刑事诉讼法》第八十条", [(CPL, 80, None, None, None)]),
        ("根据刑诉法第九十一条第二款", [(CPL, 91, None, 2, None)]),
        ("触犯了中华人民共和国刑法第二百六十四条", [(CL, 264, None, None, None)]),
        ("依照《刑法》第六十五条第一款之规定", [(CL, 65, None, 1, None)]),
        # regressions (real round m): 笫 misprinted for 第; a list's last article without its 条
        ("依照《中华人民共和国刑法》第六十七条第三款、第二十五条笫一款以及", [(CL, 67, None, 3, None), (CL, 25, None, 1, None)]),
        ("依照《中华人民共和国刑法》第五十二条、第五十三之规定，判决如下", [(CL, 52, None, None, None), (CL, 53, None, None, None)]),
        ("依据《公安机关办理刑事案件程序规定》第八十九条", [(MPS, 89, None, None, None)]),
        ("依据《人民检察院刑事诉讼规则（试行）》第四百零一条", [(SPP, 401, None, None, None)]),
        ("依据《人民检察院刑事诉讼规则》第三百六十五条", [(SPP, 365, None, None, None)]),
        ("依照《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》第二百零二条", [(SPC, 202, None, None, None)]),
        ("依照《最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释》第二百零二条", [(SPC, 202, None, None, None)]),
        ("依照《治安管理处罚法》第四十三条第一款", [(PSAP, 43, None, 1, None)]),
        ("中华人民共和国刑事诉讼法》第十五条之规定", [(CPL, 15, None, None, None)]),  # opening 《 lost
        # regressions (real judgments): the issuer written before the title's 《》, a title nested in 〈〉
        ("最高人民法院《关于适用财产刑若干问题的规定》第二条第一款",
         [("最高人民法院关于适用财产刑若干问题的规定", 2, None, 1, None)]),
        ("最高人民法院最高人民检察院《关于办理环境污染刑事案件适用法律若干问题的解释》第一条第（四）项",
         [("最高人民法院、最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释", 1, None, None, 4)]),
        ("及《最高人民法院〈关于处理自首和立功具体应用法律若干问题的解释〉》第一条之规定",
         [("最高人民法院关于处理自首和立功具体应用法律若干问题的解释", 1, None, None, None)]),
        ("依照最高人民法院《关于适用〈中华人民共和国刑事诉讼法〉的解释》第二百零二条", [(SPC, 202, None, None, None)]),
        # regression (real round x, rx_29): the inner title marks in their small forms ﹤﹥
        ("《最高人民法院、最高人民检察院﹤关于办理危害食品安全刑事案件适用法律若干问题的解释﹥》第九条第一款",
         [("最高人民法院、最高人民检察院关于办理危害食品安全刑事案件适用法律若干问题的解释", 9, None, 1, None)]),
        ("依据公安部《公安机关办理刑事案件程序规定》第八十九条", [(MPS, 89, None, None, None)]),
        ("依照《中华人民共和国刑事诉讼法》（2018年修正）第一百七十七条第二款", [(CPL, 177, None, 2, None)]),
        ("依照《中华人民共和国\n刑法》第二百六十四条", [(CL, 264, None, None, None)]),  # title broken by a line wrap
        # numerals
        ("根据《刑事诉讼法》第67条", [(CPL, 67, None, None, None)]),
        ("根据《刑事诉讼法》第６７条第１款", [(CPL, 67, None, 1, None)]),
        ("根据《刑事诉讼法》第 67 条", [(CPL, 67, None, None, None)]),
        ("依照《刑法》第一百二十八 条", [(CL, 128, None, None, None)]),
        ("依照《刑法》第一百三十三条之一", [(CL, 133, "之一", None, None)]),
        ("触犯了中华人民共和国刑法第一百三十三条之一第一款第二项之规定", [(CL, 133, "之一", 1, 2)]),
        ("依照《刑法》第一百零五条", [(CL, 105, None, None, None)]),
        # 款 and 项
        ("根据《刑事诉讼法》第六十七条第一款第（一）项", [(CPL, 67, None, 1, 1)]),
        ("根据《刑事诉讼法》第六十七条第一款第(三)项", [(CPL, 67, None, 1, 3)]),
        ("根据《刑事诉讼法》第六十七条第一款第二项", [(CPL, 67, None, 1, 2)]),
        ("根据《刑事诉讼法》第十六条第六项", [(CPL, 16, None, None, 6)]),
        # regressions (real judgments): 第 or 条 left out before a 款
        ("根据《刑法》第七十二条二款的规定", [(CL, 72, None, 2, None)]),
        ("依照《刑法》第三百八十四条一款", [(CL, 384, None, 1, None)]),
        ("根据《刑法》第六十七第三款的规定", [(CL, 67, None, 3, None)]),
        # regression (corpus o): police documents shorten the rules to 《程序规定》
        ("根据《程序规定》第二百二十八条第一款之规定，我局决定扣押", [(MPS, 228, None, 1, None)]),
        # regressions (real round r): a list of 款 without 第; "第二十五条第一条" is a slip for 第一款; ＜＞ inside a title
        ("依照《中华人民共和国刑法》第三百四十七条一、四款，第二十五条一款，第三百五十六条之规定",
         [(CL, 347, None, 1, None), (CL, 347, None, 4, None), (CL, 25, None, 1, None), (CL, 356, None, None, None)]),
        ("依照《中华人民共和国刑法》第二百六十四条、第二十五条第一条、第六十七条第三款的规定",
         [(CL, 264, None, None, None), (CL, 25, None, 1, None), (CL, 67, None, 3, None)]),
        ("依照《最高人民法院关于适用＜中华人民共和国刑事诉讼法＞的解释》第三百五十条第（一）项", [(SPC, 350, None, None, 1)]),
        # regression (real round p, rp_02): 条 left out before a list of 款
        ("依照《中华人民共和国刑法》第七十二第一、三款、第七十三条第二款的规定", [(CL, 72, None, 1, None), (CL, 72, None, 3, None), (CL, 73, None, 2, None)]),
        ("根据《刑法》第六十七条、第七十二条", [(CL, 67, None, None, None), (CL, 72, None, None, None)]),
        ("根据《刑事诉讼法》第十六条（二）项", [(CPL, 16, None, None, 2)]),
        # lists and ranges
        ("根据《刑事诉讼法》第六十七条、第七十一条", [(CPL, 67, None, None, None), (CPL, 71, None, None, None)]),
        ("根据刑诉法第二百七十七条第一款、第五款", [(CPL, 277, None, 1, None), (CPL, 277, None, 5, None)]),
        (
            "根据《刑事诉讼法》第六十七条至第六十九条",
            [(CPL, 67, None, None, None), (CPL, 68, None, None, None), (CPL, 69, None, None, None)],
        ),
        ("根据《刑事诉讼法》第六十七条第一款第（一）项、第（二）项", [(CPL, 67, None, 1, 1), (CPL, 67, None, 1, 2)]),
        (
            "根据《刑事诉讼法》第七十一条第一款第（一）项至第（三）项",
            [(CPL, 71, None, 1, 1), (CPL, 71, None, 1, 2), (CPL, 71, None, 1, 3)],
        ),
        ("根据《刑事诉讼法》第七十一条第一款至第三款", [(CPL, 71, None, n, None) for n in (1, 2, 3)]),
        ("根据《刑事诉讼法》第六十七条和第七十二条", [(CPL, 67, None, None, None), (CPL, 72, None, None, None)]),
        ("依照《刑法》第二百六十四条、二十五条第一款", [(CL, 264, None, None, None), (CL, 25, None, 1, None)]),
        (
            "依照《中华人民共和国刑法》第二百六十四条、第二十五条第一款、第六十七条第三款、第五十二条之规定",
            [(CL, 264, None, None, None), (CL, 25, None, 1, None), (CL, 67, None, 3, None), (CL, 52, None, None, None)],
        ),
        (
            "依照《刑法》第二百六十四条，《刑事诉讼法》第十五条之规定",
            [(CL, 264, None, None, None), (CPL, 15, None, None, None)],
        ),
        # short forms: 同法 / 本法 / 该法 / 上述法律 -> the most recent law named before
        ("依照《刑法》第二百六十四条，同法第六十七条第三款", [(CL, 264, None, None, None), (CL, 67, None, 3, None)]),
        ("根据《刑事诉讼法》的规定。该法第八十条规定", [(CPL, 80, None, None, None)]),
        ("《刑法》第六十七条规定自首。上述法律第六十八条规定立功", [(CL, 67, None, None, None), (CL, 68, None, None, None)]),
        ("依照本法第八十条", [("", 80, None, None, None)]),  # nothing named before: unresolved, never guessed
        # a bare 第N条: only with a law named earlier in the same sentence
        ("依照《刑法》的有关规定及第六十四条处理", [(CL, 64, None, None, None)]),
        ("依照《刑法》的规定。第六十四条", []),
        ("本决定书第三条所列事项", []),
        ("根据刑事诉讼法第十五条和本解释第三百五十五条的规定", [(CPL, 15, None, None, None)]),
        ("依照《刑事诉讼法》第十五条，违反本决定书第三条的", [(CPL, 15, None, None, None)]),
        ("依照《取保候审决定书》第三条", []),
        # not citations
        ("依照《中华人民共和国刑事诉讼法》之规定", []),
        ("依照刑法第一次修正", []),
        ("第二审人民法院审理", []),
        ("", []),
        # other laws are kept as written (status unknown_law), and their 同法 too
        ("依据《道路交通安全法》第九十一条，同法第九十二条", [("道路交通安全法", 91, None, None, None), ("道路交通安全法", 92, None, None, None)]),
        ("依照《中华人民共和国刑法修正案（九）》第十条", [("中华人民共和国刑法修正案（九）", 10, None, None, None)]),
        ("依照刑法修正案第十条", []),
        # regression (real judgments, held-out round g): one 第 and one 条 / 款 / 项 shared by a list of numbers
        ("依照《刑法》第一百七十二条、第二十五、二十六、二十七条、第六十四条", [(CL, 172, None, None, None), (CL, 25, None, None, None), (CL, 26, None, None, None), (CL, 27, None, None, None), (CL, 64, None, None, None)]),
        ("根据《刑法》第六十七条第一、三款以及第七十二条第一、三款", [(CL, 67, None, 1, None), (CL, 67, None, 3, None), (CL, 72, None, 1, None), (CL, 72, None, 3, None)]),
        ("依照《刑法》第五十三条第一款第一、二项", [(CL, 53, None, 1, 1), (CL, 53, None, 1, 2)]),
        ("第一、二审人民法院", []),
        # regression (corpus v, ind_v07): a basis clause opening the next sentence with a bare article cites the law
        # the sentence before named; a bare article elsewhere is still not guessed
        ("没有《中华人民共和国刑事诉讼法》第二百八十四条第一款规定的情形，考验期满。依据第二百八十四条第二款的规定，决定不起诉。",
         [(CPL, 284, None, 1, None), (CPL, 284, None, 2, None)]),
        ("没有《中华人民共和国刑事诉讼法》第二百八十四条第一款规定的情形。考验期满。依据第二百八十四条第二款的规定", [(CPL, 284, None, 1, None)]),
        ("没有《中华人民共和国刑事诉讼法》第二百八十四条第一款规定的情形，考验期满。本决定书第三条所列事项", [(CPL, 284, None, 1, None)]),
        # regression (corpus bm, ind_bm07): a TXT wrapped and indented line by line breaks the article's number
        ("依据《中华人民共和国刑事诉讼法》第一百\n    七十七条第二款的规定，决定对许某不起诉。", [(CPL, 177, None, 2, None)]),
        ("根据《中华人民共和国刑法》第二\n百六十四条、第二百六十七条之规定", [(CL, 264, None, None, None), (CL, 267, None, None, None)]),
    ],
)  # fmt: skip
def test_find_citations(text, expected):
    assert _tuples(text) == expected


def test_regression_a_wrapped_article_numbers_span_covers_it_as_written() -> None:
    """Corpus bm (ind_bm07): the evidence of a citation whose number a line wrap breaks ends where the number ends."""
    text = "依据《中华人民共和国刑事诉讼法》第一百\n    七十七条第二款的规定"
    (cite,) = find_citations(text)
    assert text[cite.start : cite.end] == "《中华人民共和国刑事诉讼法》第一百\n    七十七条第二款"


def test_spans_and_quotes():
    text = "经审查，依照《中华人民共和国刑法》第二百六十六条、第六十七条第一款之规定，判决如下"
    cites = find_citations(text)
    assert [c.quote for c in cites] == ["《中华人民共和国刑法》第二百六十六条", "第六十七条第一款"]
    for c in cites:
        assert text[c.start : c.end] == c.quote


@pytest.mark.parametrize(
    "text, on, status, version",
    [
        ("依照刑诉法第一百六十条之规定，移送审查起诉", D(2016, 3, 1), "valid", "2012"),
        ("根据《刑事诉讼法》第六十五条之规定，决定对犯罪嫌疑人张某取保候审", D(2020, 5, 1), "outdated", "2018"),
        ("根据《刑事诉讼法》第六十五条之规定，决定对犯罪嫌疑人张某取保候审", D(2016, 5, 1), "valid", "2012"),
        ("根据《刑事诉讼法》第六十七条之规定，决定对犯罪嫌疑人张某取保候审", D(2020, 5, 1), "valid", "2018"),
        ("根据《刑事诉讼法》第六十五条之规定，证人作证的补助", D(2020, 5, 1), "valid", "2018"),
        ("根据《刑事诉讼法》第六十五条之规定，决定对犯罪嫌疑人张某取保候审", None, "valid", "2018"),
        ("依照《刑事诉讼法》第一百六十条之规定，现将此案移送审查起诉", D(2019, 3, 1), "outdated", "2018"),
        # regression (ind_be01): the sentence's subject read across a PDF line break ("移送审\n查起诉")
        ("依照《刑事诉讼法》第一百六十条之规定，现将此案移送审\n查起诉", D(2019, 1, 3), "outdated", "2018"),
        # regression (held-out ind_hf06): a sentence of the basis alone, its act in the next ("…之规定。现将本案移送审查起诉。")
        ("根据《中华人民共和国刑事诉讼法》第一百六十条之规定。现将本案移送审查起诉。", D(2022, 3, 10), "outdated", "2018"),
        ("依照《刑事诉讼法》第一百七十三条第二款之规定，决定对张某不起诉", D(2021, 1, 5), "outdated", "2018"),
        ("依照《刑事诉讼法》第八十九条，提请批准逮捕", D(2019, 3, 1), "outdated", "2018"),
        # regression (ind_af06): 公安规定 2012 art. 85 (obligations) cited after the 2020 revision (now art. 89)
        ("依据公安部《程序规定》第八十五条的规定，在取保候审期间，你应当遵守以下规定", D(2022, 5, 10), "outdated", "2020"),
        ("依据公安部《程序规定》第八十五条的规定，在取保候审期间，你应当遵守以下规定", D(2019, 5, 10), "valid", "2012"),
        ("依据《公安机关办理刑事案件程序规定》第八十五条，保证人必须符合以下条件", D(2022, 5, 10), "valid", "2020"),
        # regression (ind_ag06): the 2018 art. 79 (terms of 取保 / 监视居住, release) cited for a release is current
        ("其无社会危险性，根据《中华人民共和国刑事诉讼法》第七十九条之规定，决定予以解除", D(2022, 5, 12), "valid", "2018"),
        ("其有社会危险性，根据《中华人民共和国刑事诉讼法》第七十九条之规定，提请批准逮捕", D(2022, 5, 12), "outdated", "2018"),
        # regression (ind_bw02): the request's own sentence names only the act; 2012's 79 is the arrest conditions
        ("依照《刑事诉讼法》第七十九条第一款之规定，特提请批准逮捕。", D(2022, 8, 1), "outdated", "2018"),
        ("另有重要罪行，依照《刑事诉讼法》第一百六十条重新计算侦查羁押期限，移送审查起诉前", D(2021, 3, 1), "valid", "2018"),
        ("被告人自愿认罪认罚，依据《刑事诉讼法》第十五条的规定，可以从宽处理", D(2025, 3, 14), "valid", "2018"),
        ("依照《刑事诉讼法》第十五条，情节显著轻微、危害不大，不认为是犯罪", D(2025, 3, 14), "outdated", "2018"),
        ("依照《刑事诉讼法》第三百一十条", D(2020, 5, 1), "nonexistent", "2018"),
        ("依照《刑事诉讼法》第二百九十五条", D(2016, 5, 1), "nonexistent", "2012"),
        ("依照《刑法》第一百九十九条", D(2020, 5, 1), "nonexistent", "2017修正"),
        ("依照《刑法》第一百九十九条", D(2012, 5, 1), "valid", "2011修正"),  # deleted by 修正案（九） (2015)
        ("依照《刑法》第一百三十三条之三", D(2020, 5, 1), "nonexistent", "2017修正"),
        ("依照《刑法》第一百三十三条之一", D(2020, 5, 1), "valid", "2017修正"),
        # the version shown is the one in force on the document's date, not the latest text (issue 11 item 5)
        ("依照《刑法》第二百六十四条", D(2022, 6, 1), "valid", "2020修正"),
        ("根据《刑事诉讼法》第六十七条第一款第（五）项", D(2020, 5, 1), "nonexistent", "2018"),
        ("根据《刑事诉讼法》第六十七条第一款第（四）项", D(2020, 5, 1), "valid", "2018"),
        ("依据《公安机关办理刑事案件程序规定》第三百八十条", D(2019, 5, 1), "nonexistent", "2012"),  # 376 then
        ("依据《公安机关办理刑事案件程序规定》第三百八十条", D(2021, 5, 1), "valid", "2020"),
        ("依据《人民检察院刑事诉讼规则》第七百条", D(2020, 1, 5), "nonexistent", "2019"),
        ("依据《人民检察院刑事诉讼规则（试行）》第四百零一条", D(2017, 1, 5), "valid", "2012试行"),
        ("依据《人民检察院刑事诉讼规则（试行）》第四百零一条", D(2020, 1, 5), "outdated", "2019"),
        ("依据《人民检察院刑事诉讼规则（试行）》第七百条", D(2020, 1, 5), "outdated", "2019"),
        ("依据《人民检察院刑事诉讼规则（试行）》第七百零九条", D(2020, 1, 5), "nonexistent", "2019"),
        ("依据《人民检察院刑事诉讼规则（试行）》第四百零一条", None, "valid", "2019"),
        ("依据《道路交通安全法》第九十一条", D(2020, 1, 5), "unknown_law", None),
        ("依照本法第八十条", D(2020, 1, 5), "unknown_law", None),
    ],
)  # fmt: skip
def test_check_citation_status(text, on, status, version):
    (c,) = find_citations(text, on)
    assert (c.status, c.version) == (status, version)
    assert (c.note is None) == (status == "valid")


def test_check_citation_direct():
    c = check_citation(Citation(law="刑诉法", article=65), D(2020, 1, 1), "决定取保候审")
    assert (c.law, c.status, c.version) == (CPL, "outdated", "2018")
    assert "第67条" in c.note
    c = check_citation(Citation(law="《刑法》", article=199), "2020-01-01")
    assert (c.law, c.status) == (CL, "nonexistent")
    c = check_citation(Citation(law="刑诉法", article=65), D(1990, 1, 1))
    assert (c.status, c.version) == ("valid", None) and c.note  # no version known for that date


@given(st.text(alphabet="第一二三十百条之款项（）()、至和《》刑法诉讼同本。，0123456789 \n", max_size=60))
@settings(max_examples=300, deadline=None)
def test_never_raises_and_quotes_are_spans(text):
    for c in find_citations(text, D(2020, 1, 1)):
        assert text[c.start : c.end] == c.quote
        assert c.status in {"valid", "outdated", "nonexistent", "unknown_law"}


@pytest.mark.parametrize("bad", [None, 123, b"\xe7\xac\xac", ["第一条"]])
def test_bad_input_is_ignored(bad):
    assert find_citations(bad) == []  # type: ignore[arg-type]


def _dev_documents() -> list[tuple[str, str, datetime.date | None, set[tuple]]]:
    out = []
    for line in (DEV_CORPUS / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        label = json.loads(line)
        lines = (DEV_CORPUS / label["file"]).read_text(encoding="utf-8").splitlines(keepends=True)
        cut = next((i for i, x in enumerate(lines) if x.strip() == "---"), -1)
        on = D.fromisoformat(label["document_date"]) if label.get("document_date") else None
        expected = {
            (c["law"], c["article"], c.get("article_suffix"), c.get("paragraph"), c.get("item"))
            for c in label.get("citations") or []
        }
        out.append((label["file"], "".join(lines[cut + 1 :]), on, expected))
    return out


@requires_shared
def test_dev_corpus_precision_recall():
    tp = fp = fn = 0
    docs = _dev_documents()
    assert len(docs) == 10
    for name, body, on, expected in docs:
        cites = find_citations(body, on)
        got = {(c.law, c.article, c.article_suffix, c.paragraph, c.item) for c in cites}
        tp, fp, fn = tp + len(got & expected), fp + len(got - expected), fn + len(expected - got)
        if got != expected:
            print(name, "extra:", got - expected, "missing:", expected - got)
        # every labelled document cites the version in force correctly
        assert all(c.status == "valid" for c in cites), [(c.article, c.status, c.note) for c in cites]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"citations: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} ({tp} tp, {fp} fp, {fn} fn)")
    assert tp >= 24 and f1 >= 0.97
