"""The JSON contract: the published schema is generated from the model, and what the CLI prints follows it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, SCHEMA_FILE, validate_report

from auditor.cli import main
from auditor.report.json_report import json_schema

SAMPLES = sorted((ROOT / "sample_files").glob("*.txt"))


def test_published_schema_is_the_models() -> None:
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema(), "run: auditor schema --out " + str(
        SCHEMA_FILE.relative_to(ROOT))


def test_schema_command_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()


def test_sample_audit_follows_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert main(["audit", *map(str, SAMPLES), "--format", "json", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    validate_report(data)
    assert len(data["dossiers"]) == len(SAMPLES)
    # Fingerprints: stable, and never resting on offsets (the same dossier gives the same fingerprints).
    again = tmp_path / "again.json"
    main(["audit", *map(str, SAMPLES), "--format", "json", "--out", str(again)])
    prints = [[f["fingerprint"] for f in d["findings"]] for d in data["dossiers"]]
    assert prints == [[f["fingerprint"] for f in d["findings"]] for d in json.loads(again.read_text())["dossiers"]]
    assert all(p for fs in prints for p in fs)


@pytest.mark.parametrize(
    "broken",
    [
        {"auditor_version": "0.1.0", "dossiers": [{"source": "x", "pages": "12"}]},  # pages is a number
        {"auditor_version": "0.1.0", "dossiers": [], "extra": 1},  # no unknown fields
        {"dossiers": []},  # the version is required
    ],
)
def test_schema_rejects_what_breaks_the_contract(broken: dict) -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate_report(broken)
