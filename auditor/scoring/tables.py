"""What the 评查表 (XLSX) and the 通报 (DOCX) of the workbench print: one row per dossier, its deductions, and the
grades by 办案单位. Plain rows with Chinese headers, so that every export writes the same figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from auditor.model import Score
from auditor.scoring.standard import load_standard

DOSSIER_HEADER = ["案卷", "办案单位", "评查标准", "得分", "等次", "一票否决", "扣分项数", "待复核"]
DEDUCTION_HEADER = ["案卷", "办案单位", "评查项目", "规则", "级别", "扣分", "问题", "问题指纹"]
UNIT_HEADER_HEAD = ["办案单位", "案卷数", "平均分"]
UNIT_HEADER_TAIL = ["一票否决"]


def _points(value: float) -> str:
    return f"{value:g}"


def dossier_rows(scored: Iterable[tuple[str, Score]]) -> list[list[str]]:
    """One row per dossier: (source, score) pairs."""
    rows = []
    for source, s in scored:
        rows.append([source, s.unit or "", s.standard_title, _points(s.points), s.grade,
                     "、".join(dict.fromkeys(v.label for v in s.vetoes)), str(len(s.deductions)), str(len(s.pending))])
    return rows


def deduction_rows(scored: Iterable[tuple[str, Score]]) -> list[list[str]]:
    """One row per deduction, pointing at its finding by fingerprint."""
    from auditor.labels import SEVERITY_LABEL

    return [[source, s.unit or "", d.item_name, d.rule_id, SEVERITY_LABEL.get(d.severity, d.severity),
             _points(d.points), d.message, d.fingerprint or ""]
            for source, s in scored for d in s.deductions]


@dataclass
class UnitGrades:
    """The grades of one 办案单位's dossiers under one standard."""

    unit: str
    standard: str
    dossiers: int = 0
    total_points: float = 0.0
    grades: Counter = field(default_factory=Counter)
    vetoes: int = 0

    @property
    def average(self) -> float:
        return self.total_points / self.dossiers if self.dossiers else 0.0


UNKNOWN_UNIT = "（未识别办案单位）"


def grades_by_unit(scores: Iterable[Score]) -> list[UnitGrades]:
    """Per 办案单位 and standard: dossiers, average points, count per grade, vetoed dossiers (by unit, then standard)."""
    out: dict[tuple[str, str], UnitGrades] = {}
    for s in scores:
        key = (s.unit or UNKNOWN_UNIT, s.standard)
        row = out.setdefault(key, UnitGrades(unit=key[0], standard=s.standard))
        row.dossiers += 1
        row.total_points += s.points
        row.grades[s.grade] += 1
        row.vetoes += bool(s.vetoes)
    return [out[k] for k in sorted(out)]


def unit_rows(units: list[UnitGrades]) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the grades-by-unit table; the grade columns are the standards' own grades, in order."""
    grade_names: list[str] = []
    for u in units:
        for g in load_standard(u.standard).grades:
            if g.grade not in grade_names:
                grade_names.append(g.grade)
    header = UNIT_HEADER_HEAD + grade_names + UNIT_HEADER_TAIL
    rows = [[u.unit, str(u.dossiers), f"{u.average:.1f}", *(str(u.grades[g]) for g in grade_names), str(u.vetoes)]
            for u in units]
    return header, rows
