"""Scanned dossiers end to end: image-only PDFs through OCR, segmentation and the rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import requires_font

from auditor.evaluation_synth import evaluate_synthetic
from auditor.synth.generator import generate_corpus

pytest.importorskip("rapidocr", reason="OCR engine (rapidocr) is not installed")


@pytest.fixture(scope="module")
def scan_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scans")
    generate_corpus(out, count=2, seed=7, formats=("scan",))
    return out


@requires_font
def test_scanned_dossiers_segment_and_raise_their_findings(scan_dir: Path) -> None:
    result = evaluate_synthetic(scan_dir)
    assert result.files == 2
    # every document of the scans is found with its type and signature date
    assert result.fields["documents"].f1 >= 0.95
    assert result.fields["events"].f1 >= 0.9
    assert result.fields["citations"].recall >= 0.85
    assert result.mismatches == []


@requires_font
def test_scanned_pages_are_read_by_ocr_with_boxes(scan_dir: Path) -> None:
    from auditor.ingest import load_dossier

    dossier = load_dossier(next(scan_dir.glob("*.scan.pdf")))
    assert dossier.errors == []
    assert all(p.method == "ocr" for p in dossier.pages)
    page = dossier.pages[0]
    assert page.boxes is not None and len(page.boxes) == len(page.text)
    assert all(b is None or (0 <= b[0] <= b[2] <= page.width and 0 <= b[1] <= b[3] <= page.height) for b in page.boxes)
