"""An appraisal made after every dated notice was told to no one, though an earlier notice told the suspects of
another (regression, held-out ind_gs01): a warning, not the victim-only please-check."""

from __future__ import annotations

from pathlib import Path

from auditor.pipeline import audit_text

FIXTURES = Path(__file__).parent / "rules" / "APPRAISAL-NOTICE-MISSING.txt"


def test_the_later_appraisal_is_reported_untold() -> None:
    case = next(c for c in FIXTURES.read_text(encoding="utf-8").split("##### case") if "held-out ind_gs01" in c)
    found = [f for f in audit_text(case).findings if f.rule_id == "APPRAISAL-NOTICE-MISSING" and f.severity != "info"]
    assert len(found) == 1 and found[0].severity == "warning"  # (the first, told to the suspects only: a please-check)
    assert "2023-03-28" in " ".join(found[0].explanation.steps)
