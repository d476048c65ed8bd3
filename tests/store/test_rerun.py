"""A re-run of the same or a corrected dossier keeps every decision on its unchanged findings, and says which
findings are new, unchanged or gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.ingest import load_dossier
from auditor.pipeline import audit_path, audit_text
from auditor.store import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_files"
CASE_08 = SAMPLES / "case_08_both_guarantees_missing_notice.txt"
BOTH_GUARANTEES = "责令犯罪嫌疑人高春提出保证人蔡蓉娟并交纳保证金人民币贰仟元（2000元）。"


def _corrected(tmp_path: Path) -> Path:
    """case 08 as its officer would re-submit it: the deposit struck from the 取保候审决定书 (one defect fixed),
    and a line added near the top, which moves every later offset."""
    text = CASE_08.read_text(encoding="utf-8")
    assert BOTH_GUARANTEES in text
    text = text.replace(BOTH_GUARANTEES, "责令犯罪嫌疑人高春提出保证人蔡蓉娟。")
    lines = text.split("\n")
    lines.insert(3, "（本页依规定补充装订）")
    path = tmp_path / "corrected" / CASE_08.name
    path.parent.mkdir()
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_corrected_dossier_keeps_decisions_on_unchanged_findings(store: Store, tmp_path: Path) -> None:
    run = store.start_run("test")
    first = store.save_result(audit_path(CASE_08), run)
    by_rule = {f.rule_id: f for f in store.findings(dossier_id=first)}
    assert set(by_rule) == {"BAIL-BOTH-GUARANTEES", "DETENTION-NOTICE-MISSING"}
    store.decide(by_rule["DETENTION-NOTICE-MISSING"].finding_id, "confirmed", by="张三", comment="确未附通知书")
    store.decide(by_rule["BAIL-BOTH-GUARANTEES"].finding_id, "confirmed", by="张三")

    second = store.save_result(audit_path(_corrected(tmp_path)), store.start_run("test"))
    assert second != first
    now = {f.rule_id: f for f in store.findings(dossier_id=second)}
    assert set(now) == {"DETENTION-NOTICE-MISSING"}
    kept = now["DETENTION-NOTICE-MISSING"]
    assert (kept.status, kept.reviewer, kept.comment, kept.change) == ("confirmed", "张三", "确未附通知书", "unchanged")
    comparison = store.compare(second)
    assert comparison.previous_id == first
    assert comparison.unchanged == (kept.fingerprint,)
    assert comparison.gone == (by_rule["BAIL-BOTH-GUARANTEES"].fingerprint,)
    assert comparison.new == ()
    # the work list shows the latest version only; the earlier one stays in the store as audited
    assert {f.dossier_id for f in store.findings()} == {second}
    assert len(store.findings(dossier_id=first)) == 2


def _shifted(text: str) -> str:
    """The same facts with every offset moved: a blank line and a filing note after each document's first line."""
    out = []
    for block in text.split("\n=====\n"):
        head, _, rest = block.partition("\n")
        out.append(f"{head}\n\n（卷内补充装订说明：本页无正文变更）\n{rest}")
    return "\n=====\n".join(out)


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.iterdir() if p.suffix in {".txt", ".pdf", ".docx"}))
def test_fingerprints_survive_moved_offsets(sample: str) -> None:
    """Regression guard for the fingerprint inputs: offsets, page numbers and quotes' positions never enter it."""
    dossier = load_dossier(SAMPLES / sample)
    documents_text = "\n=====\n".join(p.text for p in dossier.pages)
    before = audit_text(documents_text, source=sample)
    after = audit_text(_shifted(documents_text), source=sample)
    assert sorted(f.fingerprint for f in after.findings) == sorted(f.fingerprint for f in before.findings)
    assert all(f.fingerprint for f in before.findings)
