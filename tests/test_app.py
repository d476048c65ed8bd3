"""The review UI runs headless on a sample dossier and shows its findings with evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from auditor.model import Page
from auditor.ui.views import _page_label

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
    # the page list says which path read each page and how usable its text was
    assert any(lab.startswith("第1页（") and "质量" in lab for lab in labels)


@pytest.mark.parametrize(
    ("page", "label"),
    [
        (Page(number=3, text="", source="x", method="ocr", quality=0.915), "第3页（OCR识别，质量 0.92）"),
        (
            Page(number=1, text="", source="x", method="text", quality=1.0, removed={"running_line": 2, "stamp_noise": 3}),
            "第1页（文字层，质量 1.00，去除页眉页脚 2 行，去除印章噪声 3 处）",
        ),
        (Page(number=2, text="", source="x", method="txt"), "第2页（文本）"),
    ],
)
def test_page_label(page: Page, label: str) -> None:
    assert _page_label(page) == label
