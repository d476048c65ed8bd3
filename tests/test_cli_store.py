"""The CLI with the review store and the exports: `audit --db`, `audit --format xlsx|docx|csv`, `report`, `users`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import docx
import openpyxl
import pytest

from auditor.cli import main
from auditor.ingest.naming import input_name
from auditor.pipeline import audit_path
from auditor.store import Store

ROOT = Path(__file__).resolve().parents[1]
CASE_09 = str(ROOT / "sample_files" / "case_09_arrest_deadline_outdated_citation.pdf")
CASE_11 = str(ROOT / "sample_files" / "case_11_nonpros_victim_notice_review_late.pdf")


def test_regression_text_report_prints_whole_messages_with_quote_and_basis(capsys: pytest.CaptureFixture) -> None:
    """Messages were cut at ~60 characters, hiding the conclusion."""
    assert main(["audit", CASE_11]) == 0
    out = capsys.readouterr().out
    message = next(m for m in out.split("\n") if "才作出不起诉决定" in m).strip()
    assert message.endswith("（最后一日2022-07-18）") and "…" not in message
    assert "原文（不起诉决定书，第10页）：“" in out
    assert "依据：《中华人民共和国刑事诉讼法》（2018）第一百七十二条" in out


def test_audit_into_the_store_reuses_a_stored_result(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    assert main(["audit", CASE_09, "--db", db, "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["audit", CASE_09, "--db", db, "--format", "json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert first == second
    assert "warnings" not in first["dossiers"][0]  # stored for the 预警 page, not asked for here
    store = Store.open(db)
    assert store.result(store.dossiers()[0].id).report.as_of == dt.date.today()
    assert len(store.dossiers(latest_only=False)) == 1  # the second run did not audit or store again
    assert main(["audit", CASE_09, "--db", db, "--reaudit"]) == 0
    assert len(store.dossiers(latest_only=False)) == 2


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "csv"])
def test_audit_exports_without_a_store(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["audit", CASE_09, CASE_11, "--format", fmt, "--out", str(out)]) == 0
    if fmt == "xlsx":
        book = openpyxl.load_workbook(out)
        rows = list(book["问题清单"].iter_rows(min_row=2, values_only=True))
        assert len(rows) == 5 and {r[13] for r in rows} == {"未审查"}
        # named by position and hash (issue 16: a file name may hold personal data); --show-paths names the file
        scores = {input_name(i, p): audit_path(p).score for i, p in enumerate((CASE_09, CASE_11), start=1)}
        graded = list(book["评分"].iter_rows(min_row=2, max_row=3, values_only=True))
        assert {(r[0], r[3], r[4]) for r in graded} == {(n, f"{s.points:g}", s.grade) for n, s in scores.items()}
    elif fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        assert "案件评查情况通报" in text and "对2个办案单位" in text
        assert "二、评查得分" in text and "三、发现的主要问题" in text
    else:
        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
        assert {r["规则编号"] for r in rows} == {"ARREST-REQUEST-DEADLINE", "CITATION-OUTDATED",
                                                "NON-PROSECUTION-VICTIM-NOTICE-WRONG-LEVEL", "PROSECUTION-REVIEW-LATE",
                                                "INTERROGATION-AFTER-DETENTION-LATE"}


def test_binary_format_needs_out(capsys: pytest.CaptureFixture) -> None:
    assert main(["audit", CASE_09, "--format", "xlsx"]) == 2
    assert "--out" in capsys.readouterr().err


def test_report_from_the_store_carries_review_status(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    assert main(["audit", CASE_09, CASE_11, "--db", db]) == 0
    store = Store.open(db)
    rows = {f.rule_id: f for f in store.findings()}
    store.decide(rows["ARREST-REQUEST-DEADLINE"].finding_id, "confirmed", by="张三")
    store.decide(rows["CITATION-OUTDATED"].finding_id, "dismissed", by="张三", reason="D05")
    capsys.readouterr()
    assert main(["report", "--db", db, "--format", "json", "--confirmed-only"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(f["rule_id"], f["review"]["status"], f["review"]["reviewer"]) for f in data["findings"]] == [
        ("ARREST-REQUEST-DEADLINE", "confirmed", "张三")]
    out = tmp_path / "t.xlsx"
    assert main(["report", "--db", db, "--format", "xlsx", "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    statuses = {r[8]: r[13] for r in book["问题清单"].iter_rows(min_row=2, values_only=True)}
    assert statuses["CITATION-OUTDATED"] == "驳回" and statuses["PROSECUTION-REVIEW-LATE"] == "未审查"
    assert [c.value for c in book["案卷"][1]][:2] == ["案卷", "办案单位"]
    assert book["案卷"].max_row == 3

    # 评分: only the confirmed finding counts for case_09 (reviewed), every finding for case_11 (not yet)
    from auditor.scoring.tables import DEDUCTION_HEADER, DOSSIER_HEADER, grades_by_unit, unit_rows
    from auditor.store.derived import dossier_score

    scores = {s.source_name: dossier_score(store, s.id) for s in store.dossiers()}
    case_09 = scores[Path(CASE_09).name]
    assert case_09.basis == "review" and [d.rule_id for d in case_09.deductions] == ["ARREST-REQUEST-DEADLINE"]
    sheet = book["评分"]
    values = [[c for c in r] for r in sheet.iter_rows(values_only=True)]
    assert values[0] == DOSSIER_HEADER
    assert {(r[0], r[3], r[4], r[6]) for r in values[1:3]} == {
        (n, f"{s.points:g}", s.grade, str(len(s.deductions))) for n, s in scores.items()}
    at = next(i for i, r in enumerate(values) if r[0] and str(r[0]).startswith("扣分明细"))
    assert values[at + 1] == DEDUCTION_HEADER
    deductions = [r for r in values[at + 2:] if r[0]]
    assert sorted((r[0], r[3], r[5], r[7]) for r in deductions) == sorted(
        (n, d.rule_id, f"{d.points:g}", d.fingerprint) for n, s in scores.items() for d in s.deductions)
    header, unit_table = unit_rows(grades_by_unit(scores.values()))
    summary = [[c for c in r if c is not None] for r in book["汇总"].iter_rows(values_only=True)]
    at = summary.index(["评查等次（按办案单位）"])
    assert summary[at + 1] == header and summary[at + 2:at + 2 + len(unit_table)] == unit_table

    out = tmp_path / "t.docx"
    assert main(["report", "--db", db, "--format", "docx", "--out", str(out)]) == 0
    document = docx.Document(str(out))
    text = [p.text for p in document.paragraphs]
    grades = text[text.index("二、评查得分") + 1]
    assert "《公安机关刑事案件执法质量考评（逐案评查）》对2份案卷逐卷评分" in grades
    assert "1份案卷已有人工审查结论，仅计入经确认的问题" in grades
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "办案单位")
    assert [[c.text for c in r.cells] for r in table.rows] == [header, *unit_table]


def test_users_command_turns_team_mode_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-pw\n"))
    assert main(["users", "add", "王复", "--role", "复核人", "--db", db, "--password-stdin"]) == 0
    store = Store.open(db)
    assert store.team_mode and store.authenticate("王复", "s3cret-pw").role == "checker"
    assert main(["users", "disable", "王复", "--db", db]) == 0
    assert store.authenticate("王复", "s3cret-pw") is None
