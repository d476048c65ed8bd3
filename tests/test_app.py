"""Pieces of the workbench that need no browser: the timeline's bars, evidence marks per printed line, cropped page
images, the Chinese labels. The app itself is driven in a real browser by tests/browser/."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image

from auditor.model import Dossier, Page
from auditor.pipeline import audit_path
from auditor.report.marks import line_boxes
from auditor.report.rows import rows_of
from auditor.report.text_report import rule_names
from auditor.ui.labels import CITATION_STATUS, reason_option, status_label
from auditor.ui.page_image import png_of_page
from auditor.ui.timeline import timeline_bars, timeline_chart

ROOT = Path(__file__).resolve().parents[1]
CASE_09 = ROOT / "sample_files" / "case_09_arrest_deadline_outdated_citation.pdf"


@pytest.fixture(scope="module")
def case_09():  # noqa: ANN201
    return audit_path(CASE_09)


def test_timeline_compares_a_measure_only_with_the_period_that_bounds_it(case_09) -> None:  # noqa: ANN001
    bars, events = timeline_bars(case_09.report(), rows_of([case_09], rule_names()))
    by = {(b.lane, b.kind): b for b in bars}
    detention = by[("薛龙亮 · 刑事拘留", "措施")]
    assert (detention.start, detention.end) == (dt.date(2022, 3, 19), dt.date(2022, 3, 31))
    assert detention.label == "已用12日"  # the 3-day limit bounds the request, not the detention
    assert by[("薛龙亮 · 刑事拘留", "法定期限")].end == dt.date(2022, 3, 22)
    arrest = by[("薛龙亮 · 逮捕", "措施")]
    assert arrest.label == "已用42日 / 法定2个月"
    over = by[("超期（规则认定）", "超期（规则认定）")]
    assert (over.start, over.end) == (dt.date(2022, 3, 22), dt.date(2022, 3, 24))
    assert over.label == "提请批准逮捕超期：超过2日"
    assert [e.date for e in events] == sorted(e.date for e in events)
    assert timeline_chart(case_09.report(), []) is not None


def test_regression_wrapped_quote_gets_one_box_per_line() -> None:
    """A box around a wrapped quote covered two whole lines; now each printed line gets its own."""
    boxes = [(100.0 + 10 * i, 50.0, 110.0 + 10 * i, 60.0) for i in range(5)] + [None]
    boxes += [(60.0 + 10 * i, 70.0, 70.0 + 10 * i, 80.0) for i in range(3)]
    dossier = Dossier(source="x.pdf", pages=[Page(number=1, text="甲乙丙丁戊\n己庚辛", source="x.pdf", method="text",
                                                  boxes=boxes)])
    dossier.build_text()
    assert line_boxes(dossier, 2, 9) == [(1, (120.0, 50.0, 150.0, 60.0)), (1, (60.0, 70.0, 90.0, 80.0))]
    assert line_boxes(dossier, 0, 3) == [(1, (100.0, 50.0, 130.0, 60.0))]


def test_regression_deadline_finding_boxes_the_dates_it_used(case_09) -> None:  # noqa: ANN001
    """For deadline findings the boxes marked the document titles only, not the dates the computation used."""
    from auditor.report.marks import finding_marks

    finding = next(f for f in case_09.findings if f.rule_id == "ARREST-REQUEST-DEADLINE")
    marks = [m for ms in finding_marks(case_09, finding) for m in ms]
    dated = {(m.page, case_09.dossier.pages[m.page - 1].text) for m in marks if m.kind == "date"}
    assert {page for page, _ in dated} == {4, 9}
    assert {m.kind for m in marks} == {"quote", "date"}


def test_page_image_is_cropped_around_its_marks() -> None:
    whole = png_of_page(CASE_09, 8, None, [((64.6, 512.1, 144.1, 523.1), "date")])
    cropped = png_of_page(CASE_09, 8, None, [((64.6, 512.1, 144.1, 523.1), "date")], crop=True)
    assert whole and cropped
    w, c = Image.open(io.BytesIO(whole)), Image.open(io.BytesIO(cropped))
    assert c.width == w.width and c.height < w.height / 3


@pytest.mark.parametrize(("status", "label"), [(None, "未审查"), ("confirmed", "确认"), ("dismissed", "驳回"),
                                               ("pending", "待补充")])
def test_status_labels(status: str | None, label: str) -> None:
    assert status_label(status) == label


def test_reason_options_name_their_decision() -> None:
    assert reason_option(None) == "（不选理由）"
    assert reason_option("D01") == "驳回：日期或文字识别错误"
    assert set(CITATION_STATUS) == {"valid", "outdated", "nonexistent", "unknown_law"}
