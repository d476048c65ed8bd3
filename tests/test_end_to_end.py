"""End to end: files in, findings out — synthetic truth, the CLI contract, bad inputs, the real corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DEV_CORPUS, FONT, requires_shared, validate_report

from auditor.cli import main
from auditor.evaluation.synthetic import SyntheticResult, evaluate_synthetic
from auditor.rules.loader import load_rules
from auditor.synth.generator import generate_corpus

SEVERITIES = {"error", "warning", "info"}
CATEGORIES = {"deadline", "missing_document", "wording", "citation", "notice", "consistency", "format"}
STATUSES = {"valid", "outdated", "nonexistent", "unknown_law"}


@pytest.fixture(scope="module")
def synth_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    formats = ("txt", "docx", "pdf") if FONT.exists() else ("txt", "docx")
    generate_corpus(out, count=48, seed=11, formats=formats)  # every plantable rule at least twice
    return out


@pytest.fixture(scope="module")
def synth_result(synth_dir: Path) -> SyntheticResult:
    return evaluate_synthetic(synth_dir)


def test_synthetic_dossiers_raise_exactly_their_expected_findings(synth_result: SyntheticResult) -> None:
    result = synth_result
    assert result.files >= 32
    assert result.mismatches == []
    assert result.clean_with_findings == []
    # every rule was planted and found
    assert {"ARREST-REQUEST-DEADLINE", "BAIL-TERM", "SURVEILLANCE-TERM", "BAIL-BOTH-GUARANTEES",
            "DETENTION-NOTICE-MISSING", "CITATION-NONEXISTENT", "CITATION-OUTDATED"} <= set(result.per_rule)


@pytest.mark.parametrize(
    ("field", "floor"), [("documents", 0.99), ("citations", 0.99), ("events", 0.99), ("persons", 0.99)]
)
def test_synthetic_extraction_floor(synth_result: SyntheticResult, field: str, floor: float) -> None:
    assert synth_result.fields[field].f1 >= floor


@pytest.fixture(scope="module")
def varied_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("varied")
    generate_corpus(out, count=48, seed=11, formats=("txt",), wording="varied")  # the wording banks
    return out


def test_varied_wording_raises_exactly_the_expected_findings(varied_dir: Path) -> None:
    """The generator's real-world paraphrases (auditor/synth/wording.yaml): the same cases in other words."""
    result = evaluate_synthetic(varied_dir)
    assert result.mismatches == [] and result.clean_with_findings == []
    assert result.fields["events"].f1 >= 0.99


def _check_contract(data: dict) -> None:
    assert set(data) == {"auditor_version", "dossiers"}
    for d in data["dossiers"]:
        assert {"source", "pages", "documents", "events", "citations", "findings", "errors"} <= set(d)
        ids = {doc["id"] for doc in d["documents"]}
        for doc in d["documents"]:
            assert set(doc) == {"id", "type", "title", "number", "organ", "date", "pages"}
        for ev in d["events"]:
            assert ev["document_id"] in ids and ev["evidence"]
            assert {"action", "date", "time", "person", "organ"} <= set(ev)
        for c in d["citations"]:
            assert c["status"] in STATUSES
            assert {"law", "version", "article", "article_suffix", "paragraph", "item", "document_id", "quote"} <= set(c)
        for f in d["findings"]:
            assert f["severity"] in SEVERITIES and f["category"] in CATEGORIES
            assert f["evidence"] and f["legal_basis"] and f["explanation"]["steps"]
            for ev in f["evidence"]:
                assert {"document_id", "page", "start", "end", "quote"} <= set(ev)
        for e in d["errors"]:
            assert e["code"].startswith("E") and e["message"]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    out = capsys.readouterr().out
    if argv[0] == "audit" and "json" in argv and "--out" not in argv:
        validate_report(json.loads(out))  # every JSON the CLI prints follows the published schema
    return code, out


def test_cli_json_contract_and_evidence_quotes(synth_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(synth_dir.glob("*.txt"))[:4]
    code, out = _run(["audit", *map(str, files), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    _check_contract(data)
    assert len(data["dossiers"]) == 4
    for dossier, path in zip(data["dossiers"], files, strict=True):
        text = path.read_text(encoding="utf-8")
        for finding in dossier["findings"]:
            for ev in finding["evidence"]:
                assert ev["quote"] and ev["quote"] in text


def test_bad_inputs_become_errors_and_the_rest_is_audited(tmp_path: Path, synth_dir: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    junk_docx = tmp_path / "junk.docx"
    import zipfile

    with zipfile.ZipFile(junk_docx, "w") as zf:
        zf.writestr("hello.bin", b"\x00\x01junk")
    unknown = tmp_path / "notes.xyz"
    unknown.write_text("随便", encoding="utf-8")
    good = next(p for p in sorted(synth_dir.glob("*.txt"))
                if json.loads((synth_dir / (p.stem + ".truth.json")).read_text(encoding="utf-8"))["expected_findings"])
    code, out = _run(["audit", str(corrupt), str(empty), str(junk_docx), str(unknown), str(good), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    _check_contract(data)
    codes = [[e["code"] for e in d["errors"]] for d in data["dossiers"]]
    assert codes[:4] == [["E003"], ["E008"], ["E006"], ["E002"]]
    assert data["dossiers"][4]["findings"] and not data["dossiers"][4]["errors"]


@pytest.mark.parametrize(
    ("argv_tail", "expected"),
    [
        ([], 0),
        (["--fail-on", "error"], 1),
        (["--fail-on", "info"], 1),
    ],
)
def test_exit_codes_with_findings(synth_dir: Path, argv_tail: list[str], expected: int,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    errors = {r.id for r in load_rules() if r.severity == "error"}
    bad = next(p for p in sorted(synth_dir.glob("*.txt"))
               if {f["rule_id"] for f in json.loads((synth_dir / (p.stem + ".truth.json")).read_text(encoding="utf-8"))
                   ["expected_findings"]} & errors)
    assert _run(["audit", str(bad), *argv_tail], capsys)[0] == expected


def test_exit_code_clean_dossier_with_fail_on(synth_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = next(p for p in sorted(synth_dir.glob("*.txt"))
                 if json.loads((synth_dir / (p.stem + ".truth.json")).read_text(encoding="utf-8"))["clean"])
    assert _run(["audit", str(clean), "--fail-on", "warning"], capsys)[0] == 0


@pytest.mark.parametrize("argv", [["audit", "/nonexistent/file.pdf"], ["audit"], ["frobnicate"]])
def test_exit_code_2_for_bad_usage_or_nothing_readable(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    capsys.readouterr()


def test_text_summary_is_readable(synth_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = sorted(synth_dir.glob("*.txt"))[1]
    code, out = _run(["audit", str(bad)], capsys)
    assert code == 0
    assert "案卷：" in out and "文书：" in out and "共审查 1 份案卷" in out


@requires_shared
@pytest.mark.parametrize("name", sorted(p.name for p in DEV_CORPUS.glob("*.txt")) if DEV_CORPUS.is_dir() else [])
def test_real_documents_audit_without_false_findings(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The real dev corpus has no known defect of the implemented rules: nothing may be flagged.

    qsyjs_002 (2016) cites 刑事诉讼法第一百六十条 — 2012 numbering, in force then — and must stay valid.
    """
    code, out = _run(["audit", str(DEV_CORPUS / name), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    _check_contract(data)
    (dossier,) = data["dossiers"]
    assert dossier["findings"] == []
    assert all(c["status"] == "valid" for c in dossier["citations"])
    assert dossier["documents"]


@requires_shared
def test_2016_document_citing_2012_numbers_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _run(["audit", str(DEV_CORPUS / "qsyjs_002.txt"), "--format", "json"], capsys)
    (dossier,) = json.loads(out)["dossiers"]
    cpl = [c for c in dossier["citations"] if c["law"] == "中华人民共和国刑事诉讼法"]
    assert [(c["article"], c["version"], c["status"]) for c in cpl] == [(160, "2012", "valid")]


def test_batch_writes_one_report_per_dossier(synth_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "root"
    root.mkdir()
    for p in sorted(synth_dir.glob("*.txt"))[:3]:
        (root / p.name).write_bytes(p.read_bytes())
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    out = tmp_path / "out"
    assert main(["batch", str(root), "--out", str(out), "--quiet"]) == 0
    capsys.readouterr()
    reports = sorted((out / "reports").glob("*.json"))
    assert len(reports) == 4
    (broken,) = (out / "reports").glob("broken.pdf.*.json")
    data = json.loads(broken.read_text(encoding="utf-8"))
    validate_report(data)
    assert data["dossiers"][0]["errors"][0]["code"] == "E003"
