"""案件评查打分: fixtures per standard (no findings = full marks, vetoes force the veto grade, caps, root causes,
review states), the standards' files against the rule catalogue, and the tables the exports print."""

from __future__ import annotations

import pytest

from auditor.model import Finding, Score
from auditor.rules.loader import load_rules
from auditor.rules.rule import CATEGORIES
from auditor.scoring import grades_by_unit, load_standard, score_findings, standard_for, standard_names
from auditor.scoring.tables import deduction_rows, dossier_rows, unit_rows

RULES = {r.id: r for r in load_rules()}


def finding(rule_id: str, severity: str | None = None, n: int = 0, caused_by: str | None = None) -> Finding:
    rule = RULES[rule_id]
    return Finding(rule_id=rule_id, category=rule.category, severity=severity or rule.severity,
                   message=f"{rule.name}{n}", fingerprint=f"{rule_id}-{n}", caused_by=caused_by)


def score(standard: str, findings: list[Finding], reviews: dict[str, str] | None = None) -> Score:
    return score_findings(findings, load_standard(standard), reviews)


# (standard, findings, reviews, points, grade, vetoed)
FIXTURES = [
    # no findings: full marks, the best grade
    ("police", [], None, 100, "优秀", False),
    ("procuratorate", [], None, 100, "优质", False),
    # one error is no longer the best grade, whatever the points
    ("police", [finding("CITATION-OUTDATED")], None, 97, "良好", False),
    ("procuratorate", [finding("CITATION-OUTDATED")], None, 97, "瑕疵", False),
    ("procuratorate", [finding("BAIL-VAGUE-REASON", "warning")], None, 97, "合格", False),
    # per-rule points: 超期羁押 costs 20 and vetoes
    ("police", [finding("INVESTIGATION-CUSTODY-OVERDUE")], None, 80, "不合格", True),
    ("police", [finding("ARREST-REQUEST-DEADLINE")], None, 80, "不合格", True),
    ("procuratorate", [finding("INVESTIGATION-CUSTODY-OVERDUE")], None, 80, "不合格", True),
    # the procuratorate's own period costs the police unit nothing
    ("police", [finding("PROSECUTION-REVIEW-LATE")], None, 100, "优秀", False),
    # a warning-level 羁押状态下超期办案 does not veto before review; confirmed, it does
    ("procuratorate", [finding("PROSECUTION-REVIEW-LATE")], None, 96, "合格", False),
    ("procuratorate", [finding("PROSECUTION-REVIEW-LATE")], {"PROSECUTION-REVIEW-LATE-0": "确认"}, 96, "不合格", True),
    # caps: citation errors cost 3 each, the item stops at 15
    ("police", [finding("CITATION-OUTDATED", n=i) for i in range(4)], None, 88, "良好", False),
    ("police", [finding("CITATION-OUTDATED", n=i) for i in range(7)], None, 85, "良好", False),
    # never below zero; the lowest grade
    ("police", [finding(r.id, "error", n) for n, r in enumerate(RULES.values()) for _ in range(2)], None, 0,
     "不合格", True),
    # a consequence of a counted root cause costs nothing more
    ("police", [finding("DETENTION-NOTICE-MISSING"),
                finding("CITATION-OUTDATED", caused_by="DETENTION-NOTICE-MISSING-0")], None, 95, "良好", False),
    # a review: only confirmed findings count; dismissed and pending ones do not
    ("police", [finding("BAIL-TERM"), finding("BAIL-BOTH-GUARANTEES")],
     {"BAIL-TERM-0": "confirmed", "BAIL-BOTH-GUARANTEES-0": "驳回"}, 95, "良好", False),
    ("police", [finding("INVESTIGATION-CUSTODY-OVERDUE")], {"INVESTIGATION-CUSTODY-OVERDUE-0": "待补充"}, 100, "优秀",
     False),
    ("police", [finding("INVESTIGATION-CUSTODY-OVERDUE")], {}, 100, "优秀", False),
    # info-level findings cost nothing
    ("police", [finding("BAIL-TERM", "info")], None, 100, "优秀", False),
]


@pytest.mark.parametrize(("standard", "findings", "reviews", "points", "grade", "vetoed"), FIXTURES)
def test_scoring_fixtures(standard, findings, reviews, points, grade, vetoed) -> None:
    s = score(standard, findings, reviews)
    assert (s.points, s.grade, bool(s.vetoes)) == (points, grade, vetoed)
    assert s.basis == ("review" if reviews is not None else "audit")
    assert s.full_marks == 100


def test_deductions_point_at_their_findings() -> None:
    findings = [finding("CITATION-OUTDATED", n=i) for i in range(6)] + [finding("BAIL-TERM")]
    s = score("police", findings)
    assert {d.fingerprint for d in s.deductions} == {f.fingerprint for f in findings}
    citation = [d for d in s.deductions if d.item == "citation"]
    assert [d.points for d in citation] == [3, 3, 3, 3, 3, 0]  # the sixth reaches the item's cap
    assert all(d.nominal == 3 for d in citation)
    assert sum(d.points for d in s.deductions) == 100 - s.points


def test_pending_findings_are_listed() -> None:
    s = score("police", [finding("BAIL-TERM"), finding("BAIL-BOTH-GUARANTEES")], {"BAIL-TERM-0": "confirmed"})
    assert s.pending == ("BAIL-BOTH-GUARANTEES-0",) and [d.rule_id for d in s.deductions] == ["BAIL-TERM"]


def test_veto_names_the_finding() -> None:
    s = score("police", [finding("INVESTIGATION-CUSTODY-OVERDUE")])
    assert [(v.label, v.rule_id, v.fingerprint) for v in s.vetoes] == [
        ("超期羁押", "INVESTIGATION-CUSTODY-OVERDUE", "INVESTIGATION-CUSTODY-OVERDUE-0")]


# --- the standards' files ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", standard_names())
def test_standard_files_fit_the_catalogue(name: str) -> None:
    std = load_standard(name)
    named = {r for i in std.items for r in i.rules} | set(std.deductions.rules) | {r for v in std.vetoes for r in v.rules}
    assert named <= set(RULES), sorted(named - set(RULES))
    assert set(std.deductions.categories) <= set(CATEGORIES)
    covered = {c for i in std.items for c in i.categories}
    assert covered == set(CATEGORIES), "every finding category has its 评查项目"
    assert std.grades[-1].grade == std.veto_grade


@pytest.mark.parametrize(("profile", "name", "expected"), [
    (None, None, "police"), ("police", None, "police"), ("procuratorate", None, "procuratorate"),
    ("police", "procuratorate", "procuratorate"),
])
def test_standard_selection(profile, name, expected) -> None:
    assert standard_for(profile, name).name == expected


def test_unknown_standard_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown scoring standard"):
        load_standard("nope")


def test_standards_cite_their_sources() -> None:
    """Each file says which public standard it follows and what is the project's own choice."""
    from auditor.lexicon import LEXICON_DIR

    for name in standard_names():
        text = (LEXICON_DIR / "scoring" / f"{name}.yaml").read_text(encoding="utf-8")
        assert "http" in text and "Project's own choice" in text


# --- tables for the 评查表 and the 通报 ---------------------------------------------------------------------------


def test_grades_by_unit_and_rows() -> None:
    std = load_standard("police")
    scores = [
        score_findings([], std, unit="甲公安局"),
        score_findings([finding("INVESTIGATION-CUSTODY-OVERDUE")], std, unit="甲公安局"),
        score_findings([finding("CITATION-OUTDATED")], std, unit="乙公安局"),
        score_findings([], std, unit=None),
    ]
    units = grades_by_unit(scores)
    assert [(u.unit, u.dossiers, u.average, u.vetoes) for u in units] == [
        ("乙公安局", 1, 97.0, 0), ("甲公安局", 2, 90.0, 1), ("（未识别办案单位）", 1, 100.0, 0)]
    header, rows = unit_rows(units)
    assert header == ["办案单位", "案卷数", "平均分", "优秀", "良好", "合格", "不合格", "一票否决"]
    assert rows[1] == ["甲公安局", "2", "90.0", "1", "0", "0", "1", "1"]
    named = [("a.pdf", scores[1]), ("b.pdf", scores[2])]
    assert dossier_rows(named)[0][:6] == ["a.pdf", "甲公安局", std.title, "80", "不合格", "超期羁押"]
    assert deduction_rows(named)[0][:6] == ["a.pdf", "甲公安局", "强制措施与羁押期限", "INVESTIGATION-CUSTODY-OVERDUE",
                                            "错误", "20"]
