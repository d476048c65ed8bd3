"""The review UI runs headless on a sample dossier and shows its findings with evidence."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]


def test_app_renders_sample_dossier_findings() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception
    assert at.title[0].value == "案卷智审"
    # pick a sample with planted defects
    sample = next(o for o in at.multiselect[0].options if "arrest_deadline" in o)
    at.multiselect[0].set_value([sample]).run()
    assert not at.exception
    labels = [e.label for e in at.expander]
    assert any("ARREST" in lab or "提请批准逮捕" in lab for lab in labels)
    assert any(m.label == "问题" and int(m.value) > 0 for m in at.metric)
