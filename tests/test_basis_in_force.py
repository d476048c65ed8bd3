"""A finding's legal basis is numbered as in the version in force on its document's date (auditor/law/basis.py)."""

from __future__ import annotations

from datetime import date

import pytest

from auditor.law.basis import basis_on
from auditor.law.catalog import CPL
from auditor.model import LegalBasis
from auditor.pipeline import audit_text

MPS = "公安机关办理刑事案件程序规定"


@pytest.mark.parametrize(("given", "on", "expected", "in_force", "before"), [
    # the current version in force: as given
    (LegalBasis(law=CPL, version="2018", article=85, paragraph=2), date(2023, 3, 1),
     LegalBasis(law=CPL, version="2018", article=85, paragraph=2), None, None),
    # CPL 2012 era: renumbered by laws.yaml (article level: the 2012 款 are not in the corpus)
    (LegalBasis(law=CPL, version="2018", article=85, paragraph=2), date(2015, 6, 1),
     LegalBasis(law=CPL, version="2012", article=83), "2012", None),
    (LegalBasis(law=CPL, version="2018", article=119, paragraph=2), date(2018, 10, 25),
     LegalBasis(law=CPL, version="2012", article=117), "2012", None),
    # CPL 1996 era: no concordance, the current number stays
    (LegalBasis(law=CPL, version="2018", article=119, paragraph=2), date(2010, 5, 11),
     LegalBasis(law=CPL, version="2018", article=119, paragraph=2), "1996", None),
    # 公安规定 2012 era: not in the corpus, the 2020 number stays; before 2013 no version is known at all
    (LegalBasis(law=MPS, version="2020", article=127, paragraph=1), date(2019, 9, 12),
     LegalBasis(law=MPS, version="2020", article=127, paragraph=1), "2012", None),
    (LegalBasis(law=MPS, version="2020", article=127, paragraph=1), date(2010, 5, 11),
     LegalBasis(law=MPS, version="2020", article=127, paragraph=1), None, "2012"),
    # no date: as given
    (LegalBasis(law=CPL, version="2018", article=85, paragraph=2), None,
     LegalBasis(law=CPL, version="2018", article=85, paragraph=2), None, None),
])
def test_basis_on(given: LegalBasis, on: date | None, expected: LegalBasis, in_force: str | None,
                  before: str | None) -> None:
    dated = basis_on(given, on)
    assert (dated.basis, dated.in_force, dated.before) == (expected, in_force, before)


_LATE_NOTICE = """拘留证
某公安局
某公（刑）拘字〔{year}〕1号
兹决定对犯罪嫌疑人张某（男，1990年1月1日出生）执行拘留。
某公安局（印）
{year}年3月1日
本证已于{year}年3月1日10时00分向我宣布。
=====
拘留通知书
某公安局
某公（刑）拘通字〔{year}〕1号
张某某：
我局已于{year}年3月1日10时00分将涉嫌盗窃罪的张某刑事拘留，现羁押在某看守所。
某公安局（印）
{year}年3月4日
"""


@pytest.mark.parametrize(("year", "cpl", "note"), [
    (2023, (CPL, "2018", 85), None),
    (2016, (CPL, "2012", 83), "2012年版：依据按该版的条文序号列出"),
    (2010, (CPL, "2018", 85), "1996年版：规则库没有该版的条文序号"),
])
def test_a_findings_basis_follows_the_documents_date(year: int, cpl: tuple[str, str, int], note: str | None) -> None:
    """Regression (corpus t, ind_t01): a 2010 拘留通知书 was judged under "刑事诉讼法 (2018) 第85条" with no word that
    the 1996 text was in force."""
    found = [f for f in audit_text(_LATE_NOTICE.format(year=year)).findings if f.rule_id == "DETENTION-NOTICE-LATE"]
    assert len(found) == 1
    first = found[0].legal_basis[0]
    assert (first.law, first.version, first.article) == cpl
    notes = [s for s in found[0].explanation.steps if "当时施行的是《中华人民共和国刑事诉讼法》" in s]
    assert bool(notes) is (note is not None)
    if note:
        assert note in notes[0]
