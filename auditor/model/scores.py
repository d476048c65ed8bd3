"""案件评查打分: a dossier's score and grade under a scoring standard (lexicons/scoring/*.yaml), each deduction
pointing at the finding it is for (by fingerprint). Computed by auditor/scoring/ from the findings alone."""

from __future__ import annotations

from typing import Literal

from auditor.model.base import Fact
from auditor.model.findings import Severity


class Deduction(Fact):
    """Points one finding costs under one 评查项目 (after the item's cap)."""

    item: str  # the standard's item id
    item_name: str  # Chinese
    rule_id: str
    severity: Severity
    fingerprint: str | None = None  # the finding's
    message: str  # the finding's message
    nominal: float  # the points the standard deducts for such a finding
    points: float  # the points actually deducted (less when the item's cap is reached)


class Veto(Fact):
    """一票否决: a finding that forces the veto grade whatever the points."""

    label: str  # 超期羁押 …
    rule_id: str
    fingerprint: str | None = None


class Score(Fact):
    standard: str  # the standard's name (file stem in lexicons/scoring/)
    standard_title: str
    full_marks: float
    points: float  # full marks less the deductions, never below zero
    grade: str  # 优秀 / 良好 / 合格 / 不合格, 优质 / 合格 / 瑕疵 / 不合格 …
    deductions: tuple[Deduction, ...] = ()
    vetoes: tuple[Veto, ...] = ()
    # "audit": every finding counted (no review yet); "review": only findings a reviewer confirmed.
    basis: Literal["audit", "review"] = "audit"
    pending: tuple[str, ...] = ()  # fingerprints of findings awaiting review (not counted)
    unit: str | None = None  # 办案单位 the grade is reported under
