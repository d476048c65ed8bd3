"""Warnings end to end: truncated synthetic timelines scored against the generator's own truth, and the CLI contract
(`--as-of`, `--warn`, the batch summary)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import validate_report

from auditor.cli import main
from auditor.evaluation.synthetic import SyntheticResult, evaluate_synthetic, format_synthetic_report
from auditor.synth.generator import generate_corpus, generate_dossier
from auditor.synth.warnings import cut_date, expected_warnings, truncate

SAMPLES = Path(__file__).resolve().parents[1] / "sample_files"
ARREST_SAMPLE = SAMPLES / "case_09_arrest_deadline_outdated_citation.pdf"


@pytest.fixture(scope="module")
def truncated_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("truncated")
    generate_corpus(out, count=40, seed=11, formats=("txt",), truncate=True)
    return out


@pytest.fixture(scope="module")
def truncated_result(truncated_dir: Path) -> SyntheticResult:
    return evaluate_synthetic(truncated_dir)


def test_truncated_timelines_give_exactly_their_warnings(truncated_result: SyntheticResult) -> None:
    result = truncated_result
    assert result.warning_files == 40
    assert result.warning_mismatches == []
    total = result.warnings_total
    assert total.precision == total.recall == 1.0
    # Not a trivial pass: the measures of every path meet their cut.
    assert {"detention-arrest-request", "investigation-custody", "bail", "surveillance", "prosecution-review"} <= \
        set(result.warnings)
    assert total.tp >= 40
    assert "执法巡查预警（截断时间线" in format_synthetic_report(result)
    assert result.to_dict()["warnings"]["total"]["recall"] == 1.0


def test_truncated_truth_is_scored_on_warnings_not_findings(truncated_dir: Path,
                                                           truncated_result: SyntheticResult) -> None:
    truth = json.loads((truncated_dir / "case_01.truth.json").read_text(encoding="utf-8"))
    assert truth["truncated"] and truth["as_of"] and "expected_warnings" in truth
    result = truncated_result
    assert result.clean_files == 0 and result.mismatches == []  # findings of a cut file are not scored


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_truncate_drops_later_documents(seed: int) -> None:
    import random

    dossier = generate_dossier(random.Random(seed), seed, [])
    cut = cut_date(random.Random(seed), dossier)
    truncate(dossier, cut)
    assert all(d.date <= cut for d in dossier.documents)
    assert all(e["date"] <= cut.isoformat() for e in dossier.events())
    for w in expected_warnings(dossier, cut):
        assert w["start"] <= cut.isoformat() and w["days_left"] == (dt.date.fromisoformat(w["last_day"]) - cut).days


# --- the command line -------------------------------------------------------------------------------------------


def test_cli_as_of_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(ARREST_SAMPLE), "--format", "json", "--as-of", "2022-03-19"]) == 0
    data = json.loads(capsys.readouterr().out)
    validate_report(data)
    d = data["dossiers"][0]
    assert d["as_of"] == "2022-03-19" and d["unit"]
    ids = [w["id"] for w in d["warnings"]]
    assert ids == ["detention-family-notice", "detention-interrogation", "detention-arrest-request"]
    assert all(w["fingerprint"] and w["legal_basis"] and w["explanation"]["steps"] for w in d["warnings"])
    assert d["score"]["standard"] == "police"


def test_cli_without_as_of_has_no_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(ARREST_SAMPLE), "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)["dossiers"][0]
    assert "warnings" not in d and "as_of" not in d and "score" in d


def test_cli_warn_is_as_of_today(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(ARREST_SAMPLE), "--format", "json", "--warn"]) == 0
    d = json.loads(capsys.readouterr().out)["dossiers"][0]
    assert d["as_of"] == dt.date.today().isoformat()
    # the file ends with the transfer: the 审查起诉 period still runs, long overdue
    assert [(w["id"], w["level"]) for w in d["warnings"]] == [("prosecution-review", "red")]


def test_cli_bad_date_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(ARREST_SAMPLE), "--as-of", "2022-13-45"]) == 2


def test_text_report_has_the_warning_section(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(ARREST_SAMPLE), "--as-of", "2022-05-01"]) == 0
    out = capsys.readouterr().out
    assert "执法巡查预警（截至2022-05-01）" in out and "逮捕后侦查羁押" in out and "第156条" in out
    assert "评查得分" in out and "一票否决：超期羁押" in out


def test_batch_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for name in ("case_09_arrest_deadline_outdated_citation.pdf", "case_08_both_guarantees_missing_notice.txt"):
        (root / name).write_bytes((SAMPLES / name).read_bytes())
    assert main(["batch", str(root), "--out", str(tmp_path / "out"), "--as-of", "2022-05-01",
                 "--standard", "procuratorate"]) == 0
    summary = (tmp_path / "out" / "summary.txt").read_text(encoding="utf-8")
    assert "评查等次（按办案单位）" in summary and "优质" in summary
    assert "执法巡查预警（截至2022-05-01" in summary and "逮捕后侦查羁押" in summary and "取保候审" in summary
    (report_file,) = (tmp_path / "out" / "reports").glob("case_09_arrest_deadline_outdated_citation.pdf.*.json")
    report = json.loads(report_file.read_text("utf-8"))
    validate_report(report)
    assert report["dossiers"][0]["score"]["standard"] == "procuratorate"


# --- the independent corpus: warnings from the extracted case against the truth's own acts -------------------------

INDEPENDENT = Path(__file__).resolve().parent / "corpus" / "independent"


def test_warning_oracle_agrees_on_independent_dossiers(tmp_path: Path) -> None:
    """Three dossiers written apart from the generator (a custody chain with an approved extension, a detention
    through arrest, 取保 with two 退回补充侦查): every warning on every day the file changes equals the one computed
    from the truth's acts (`auditor eval --warn-oracle`; the whole corpus is measured in docs/accuracy.md)."""
    from auditor.evaluation.warn_oracle import evaluate_warning_oracle, format_oracle_report

    for stem in ("ind_a11", "ind_a14", "ind_b02"):
        for path in INDEPENDENT.glob(f"{stem}.*"):
            (tmp_path / path.name).write_bytes(path.read_bytes())
    result = evaluate_warning_oracle(tmp_path)
    assert result.dossiers == 3 and result.mismatches == []
    assert result.total.tp >= 60 and result.total.precision == result.total.recall == 1.0
    assert {"investigation-custody", "arrest-review", "supplementary-investigation", "bail"} <= set(result.per_period)
    assert "抽取结果对照标注事件" in format_oracle_report(result)
