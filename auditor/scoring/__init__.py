"""案件评查打分 (layer 3, beside the rules; reads findings only): a score and grade per dossier under a scoring
standard from lexicons/scoring/*.yaml, each deduction pointing at its finding; tables for the 评查表 and 通报."""

from __future__ import annotations

from collections.abc import Mapping

from auditor.model import Case, Finding, Score
from auditor.scoring.score import counted_findings, score_findings
from auditor.scoring.standard import Standard, load_standard, standard_for, standard_names
from auditor.scoring.tables import grades_by_unit

__all__ = ["Standard", "counted_findings", "grades_by_unit", "load_standard", "score_case", "score_findings",
           "standard_for", "standard_names"]


def score_case(case: Case, findings: tuple[Finding, ...] | list[Finding], *, standard: str | None = None,
               profile: str | None = None, reviews: Mapping[str, str] | None = None) -> Score:
    """The dossier's score under `standard` (by name; else the profile's; else the default), graded under the
    办案单位 the standard's side names (the organ issuing most of its documents)."""
    std = standard_for(profile, standard)
    return score_findings(findings, std, reviews, unit=case.handling_unit(std.unit_side))
