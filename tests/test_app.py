"""Pieces of the workbench that need no browser: the timeline's bars, evidence marks per printed line, cropped page
images, the Chinese labels; the 预警 page and the 评查得分 panel in Streamlit's AppTest (the app in process, no
browser). The whole app is driven in a real browser by tests/browser/."""

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


# --- the workbench's pages in Streamlit's AppTest (no browser): 预警 and the 评查得分 panel ------------------------

CASE_08 = ROOT / "sample_files" / "case_08_both_guarantees_missing_notice.txt"
TODAY = dt.date.today()
FIXED_DAY = dt.date(2022, 5, 10)  # case_09: arrested 2022-03-31, the 侦查羁押 period runs to 2022-05-31


@pytest.fixture(scope="module")
def workbench(tmp_path_factory: pytest.TempPathFactory, case_09):  # noqa: ANN001, ANN201
    """A store as the workbench leaves it: case_09 audited as of today (the upload page stores its warnings),
    case_08 audited without a day (its warnings are rebuilt from its stored pages)."""
    import streamlit as st

    from auditor.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('workbench') / 'review.db'}"
    store = Store.open(url)
    store.add_user("张三", "checker")
    run = store.start_run("test")
    case_08 = audit_path(CASE_08)
    ids = {CASE_09.name: store.save_result(audit_path(CASE_09, as_of=TODAY), run),
           CASE_08.name: store.save_result(case_08, run)}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AUDITOR_DB", url)
        st.cache_resource.clear()
        st.cache_data.clear()
        yield store, ids, {CASE_09.name: case_09, CASE_08.name: case_08}
        st.cache_resource.clear()
        st.cache_data.clear()
    store.close()


def _page(path: str, **params: str):  # noqa: ANN202
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update(params)
    at.switch_page(f"auditor/ui/pages/{path}.py")
    at.run()
    assert not at.exception
    return at


def _expected_rows(workbench, day: dt.date, unit: str | None = None) -> list[tuple]:  # noqa: ANN001
    """The rows the page must show, from the backend itself: each sample's warnings as of `day`."""
    from auditor.warn import warnings_as_of
    from auditor.warn.board import BoardEntry, board_rows

    store, ids, results = workbench
    entries = [BoardEntry(str(ids[name]), store.dossier(ids[name]).organ, tuple(warnings_as_of(r.case, day)))
               for name, r in results.items()]
    names = {str(i): name for name, i in ids.items()}
    return [(names[r.source], r.warning.person, r.warning.name, r.warning.last_day.isoformat(), r.warning.level)
            for r in board_rows(entries, day, unit=unit)]


def _shown(at) -> list[tuple]:  # noqa: ANN001
    from auditor.ui.pages.warnings import LEVEL_TEXT

    level = {v: k for k, v in LEVEL_TEXT.items()}
    frame = at.dataframe[0].value
    return [(r["案卷"], r["人员"], r["期限/事项"], r["最后一日"], level[r["预警"]]) for _, r in frame.iterrows()]


def _metrics(at) -> dict[str, str]:  # noqa: ANN001
    return {m.label: m.value for m in at.metric}


def test_warnings_page_shows_every_stored_case_as_of_today(workbench) -> None:  # noqa: ANN001
    at = _page("warnings")
    expected = _expected_rows(workbench, TODAY)
    assert expected and _shown(at) == expected
    assert list(at.dataframe[0].value["打开"]) == [f"/dossier?id={workbench[1][r[0]]}" for r in expected]
    metrics = _metrics(at)
    for key, label in (("red", "红色预警"), ("orange", "橙色预警"), ("yellow", "黄色预警"), (None, "未临近")):
        assert metrics[label] == str(sum(1 for r in expected if r[4] == key))
    assert any("1 份案卷的预警由审查库中保存的页面文字重新计算" in c.value for c in at.caption)  # case_08


def test_warnings_page_as_of_a_fixed_day_with_filters(workbench) -> None:  # noqa: ANN001
    at = _page("warnings", as_of=FIXED_DAY.isoformat())
    assert at.date_input[0].value == FIXED_DAY
    expected = _expected_rows(workbench, FIXED_DAY)
    assert _shown(at) == expected
    first = at.dataframe[0].value.iloc[0]
    assert (first["预警"], first["剩余"], first["最后一日"], first["期限/事项"], first["案卷"]) == (
        "黄", "21日", "2022-05-31", "逮捕后侦查羁押", CASE_09.name)
    assert "2022-05-24前提请批准延长侦查羁押期限" in first["下一步"]
    unit = next(s for s in at.selectbox if s.label == "办案单位")
    unit.select("临川区公安局").run()
    assert _shown(at) == _expected_rows(workbench, FIXED_DAY, unit="临川区公安局")
    assert {r[0] for r in _shown(at)} == {CASE_09.name}
    unit.select(None).run()
    next(m for m in at.multiselect if m.label == "预警级别").select("yellow").run()
    assert _shown(at) == [r for r in expected if r[4] == "yellow"]
    assert _metrics(at)["黄色预警"] == "1"


def test_dossier_page_scores_under_the_review_state(workbench) -> None:  # noqa: ANN001
    from auditor.store.derived import dossier_score

    store, ids, results = workbench
    did = ids[CASE_09.name]
    at = _page("dossier", id=str(did))
    score = results[CASE_09.name].score
    metrics = _metrics(at)
    assert metrics["得分"] == f"{score.points:g} / {score.full_marks:g}" and metrics["等次"] == score.grade
    assert metrics["扣分项"] == str(len(score.deductions))
    assert any("尚无审查结论" in c.value for c in at.caption)
    deductions = next(d.value for d in at.dataframe if "评查项目" in d.value.columns)
    assert list(deductions["问题"]) == [d.message for d in score.deductions]

    rows = {f.rule_id: f for f in store.findings(dossier_id=did)}
    store.decide(rows["ARREST-REQUEST-DEADLINE"].finding_id, "confirmed", by="张三")
    at = _page("dossier", id=str(did))
    reviewed = dossier_score(store, did)
    assert reviewed.basis == "review" and len(reviewed.deductions) == 1
    metrics = _metrics(at)
    assert metrics["得分"] == f"{reviewed.points:g} / {reviewed.full_marks:g}" and metrics["扣分项"] == "1"
    assert any("仅计入经确认的问题" in c.value for c in at.caption)
    deductions = next(d.value for d in at.dataframe if "评查项目" in d.value.columns)
    link = deductions.iloc[0]["问题链接"]
    assert link == f"/dossier?id={did}&finding={rows['ARREST-REQUEST-DEADLINE'].fingerprint}"

    # the link shows the one finding the deduction is for
    at = _page("dossier", id=str(did), finding=rows["ARREST-REQUEST-DEADLINE"].fingerprint)
    assert len(at.get("form")) == 1
    assert any("提请批准逮捕" in m.value for m in at.markdown if m.value.startswith("##### "))
