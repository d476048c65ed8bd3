"""Copies of another case's papers (auditor/extract/copies.py): marked, and read for nothing of this case."""

import pytest

from auditor.extract.copies import other_case_copy
from auditor.model import Document
from auditor.pipeline import audit_text

CASES = [
    # held-out ind_dm01, dm05, dm03: a bracketed line of the head says so
    ("拘留证\n临公（刑）拘字〔2023〕0288号\n（复印件。韦某另案处理，原件存临江分局卷）\n兹决定对韦某执行拘留。", True),
    ("拘留证\n（复印件：同案人骆某因另涉盗窃案，由某分局另案处理）\n兹决定对骆某执行拘留。", True),
    ("刑事判决书\n（2023）江0107刑初402号\n（复印件，同案人邓某另案处理）\n被告人邓某……", True),
    # held-out ind_dm04: the same person's earlier 不起诉 kept as his record
    ("不起诉决定书\n滨检公诉刑不诉〔2017〕26号\n（前案材料复印件，附卷备查）\n被不起诉人杭某……", True),
    # a copy of this case's own paper
    ("拘留证\n（复印件）\n兹决定对张某执行拘留。", False),
    # 另案 in a narrative sentence, not a bracketed note of the head
    ("起诉意见书\n犯罪嫌疑人张某伙同李某（另案处理）盗窃，李某的拘留证复印件附卷。", False),
    # …or in the body, below the head
    ("拘留证\n一\n二\n三\n四\n五\n（复印件，李某另案处理）", False),
]


@pytest.mark.parametrize(("text", "copy"), CASES)
def test_another_cases_copy_is_told_by_its_head(text: str, copy: bool) -> None:
    doc = Document(id="d1", type="拘留证", title="拘留证", start=0, end=len(text), text=text)
    assert other_case_copy(doc) is copy


def test_regression_a_copied_warrant_of_another_case_calls_for_no_notice() -> None:
    """Held-out ind_dm05: a co-offender's 拘留证 copied from another case called for his 拘留通知书 in this file."""
    text = """云川市公安局西湖分局
拘留证
西公（刑）拘字〔2024〕0140号
（复印件：同案人骆某勇因另涉盗窃案，由云川市公安局西湖分局另案处理）
根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对涉嫌盗窃罪的骆某勇（男，1997年9月9日出生）执行拘留，送云川市西湖区看守所羁押。
云川市公安局西湖分局（印） 二〇二四年三月九日
"""
    result = audit_text(text)
    assert [d.other_case for d in result.case.documents] == [True]
    assert not result.case.documents_of_type("拘留证")
    assert not [e for e in result.case.events if e.action == "刑事拘留"]
    assert "骆某勇" not in result.case.persons
    assert not [f for f in result.findings if f.rule_id == "DETENTION-NOTICE-MISSING"]


@pytest.mark.parametrize(("title", "wanted", "found"), [
    ("解除扣押决定书", "扣押决定书", False),  # regression (ind_cj01): undoing the act is no paper of it
    ("不予立案通知书", "立案通知书", False),
    ("扣押决定书（副本）", "扣押决定书", True),
    ("某分局扣押决定书", "扣押决定书", True),
])
def test_an_untyped_title_names_its_type_unless_it_undoes_it(title: str, wanted: str, found: bool) -> None:
    from auditor.model import Case, Document, Dossier

    doc = Document(id="d1", type="未知文书", title=title, start=0, end=0, text=title)
    assert bool(Case(dossier=Dossier(source="x"), documents=(doc,)).documents_of_type(wanted)) is found
