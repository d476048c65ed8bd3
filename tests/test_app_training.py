"""The 培训材料 page and the 导出 page's 脱敏 option, driven by Streamlit's AppTest over a review store holding two
sample dossiers: the cases previewed (题目 / 解析, evidence marked, no party name), rule filter, the trial toggle,
the downloads offered, and the red card instead of a file when the last check finds personal data."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from auditor.pipeline import audit_path
from auditor.redact.documents import ExportRedaction
from auditor.store import Store, content_hash

ROOT = Path(__file__).resolve().parents[1]
CASES = [ROOT / "sample_files" / "case_09_arrest_deadline_outdated_citation.pdf",
         ROOT / "sample_files" / "case_08_both_guarantees_missing_notice.txt"]
CONFIRMED = ("ARREST-REQUEST-DEADLINE", "BAIL-BOTH-GUARANTEES")


@pytest.fixture(scope="module")
def workbench(tmp_path_factory):
    folder = tmp_path_factory.mktemp("apptest")
    url = f"sqlite:///{folder / 'review.db'}"
    store = Store.open(url)
    store.add_user("审查员", "checker")
    run = store.start_run("cli")
    names: set[str] = set()
    for path in CASES:
        result = audit_path(path)
        store.save_result(result, run, content_hash=content_hash(path))
        names |= {n for p in result.parties for n in p.names if len(n) >= 2 and "某" not in n}
        names |= {p.id_number for p in result.parties if p.id_number}
    store.finish_run(run)
    rows = store.findings()
    for r in rows:
        if r.rule_id in CONFIRMED:
            store.decide(r.finding_id, "confirmed", by="审查员")
    dismissed = next(r for r in rows if r.rule_id == "CITATION-OUTDATED")
    store.decide(dismissed.finding_id, "dismissed", by="审查员", reason="D01")
    store.close()
    return url, names, len(rows)


@pytest.fixture
def app(workbench, monkeypatch):  # noqa: ANN201
    url, _, _ = workbench
    monkeypatch.setenv("AUDITOR_DB", url)
    st.cache_resource.clear()  # the store of another test's database
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    return at


def _open(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"auditor/ui/pages/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def _cases(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.get("html") if h.proto.body.startswith("<div class=\"case-body\">")]


def _downloads(at: AppTest) -> list[str]:
    return [d.proto.label for d in at.get("download_button")]


def test_training_page_previews_redacted_cases_of_confirmed_findings(app, workbench) -> None:
    _, names, _ = workbench
    at = _open(app, "training")
    assert at.header[0].value == "培训材料"
    assert any("共 2 个案例（经确认 2 个）" in c.value for c in at.caption)
    cases = _cases(at)
    assert len(cases) == 2
    assert "提请批准逮捕超期（ARREST-REQUEST-DEADLINE）" in cases[0]
    for case in cases:
        for part in ("题目", "解析", "问题所在：", "法律依据：", "<mark>【", "《中华人民共和国"):
            assert part in case, part
        assert "试用导出" not in case
    assert "刑事拘留（2022-03-19）后第5日（2022-03-24）" in cases[0]
    page_text = "\n".join(cases) + "\n".join(m.value for m in at.markdown)
    assert not [n for n in names if n in page_text]
    assert _downloads(at) == ["培训讲义（DOCX）", "培训数据（JSONL）"]
    assert not at.error


def test_training_page_filters_by_rule_and_marks_a_trial_export(app, workbench) -> None:
    _, _, total = workbench
    at = _open(app, "training")
    at.multiselect[0].set_value(["BAIL-BOTH-GUARANTEES"]).run()
    cases = _cases(at)
    assert len(cases) == 1 and "BAIL-BOTH-GUARANTEES" in cases[0]
    at.multiselect[0].set_value([]).run()
    at.toggle[0].set_value(True).run()
    cases = _cases(at)
    assert len(cases) == min(total - 1, 10)  # every finding but the dismissed one (ten to a preview page)
    assert sum("试用导出 · 未审核" in c for c in cases) == len(cases) - 2
    assert any("试用导出：包括" in w.value for w in at.warning)
    assert _downloads(at) == ["培训讲义（DOCX）", "培训数据（JSONL）"]


def test_training_page_without_confirmed_findings_says_what_to_do(app) -> None:
    at = _open(app, "training")
    at.multiselect[0].set_value(["DETENTION-NOTICE-MISSING"]).run()
    assert any("还没有经确认的问题" in i.value for i in at.info)
    assert not _cases(at) and not _downloads(at)


def test_a_leak_is_a_red_card_naming_the_detector_not_a_file(app, workbench, monkeypatch) -> None:
    """Redaction broken (every string let through): the last check refuses both files; the card names the
    detector and where, never the value."""
    _, names, _ = workbench
    monkeypatch.setattr(ExportRedaction, "text", lambda self, value, where="", marks=(): value)
    at = _open(app, "training")
    assert not _downloads(at)
    cards = [e.value for e in at.error]
    assert len(cards) == 2 and all("未生成" in c and "检测器" in c for c in cards)
    assert not [n for n in names if any(n in c for c in cards)]

    at = _open(at, "export")
    at.toggle[0].set_value(True).run()
    cards = [e.value for e in at.error]
    assert len(cards) == 2 and all("拒绝写出" in c and "检测器" in c for c in cards)
    assert not [n for n in names if any(n in c for c in cards)]
    assert not _downloads(at)


def test_export_page_redacted_option(app) -> None:
    at = _open(app, "export")
    assert "案件评查表（XLSX）" in _downloads(at)
    at.toggle[0].set_value(True).run()
    assert not at.exception and not at.error
    assert _downloads(at) == ["案件评查表（XLSX，已脱敏）", "评查通报（DOCX，已脱敏）"]
