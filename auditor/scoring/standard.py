"""Scoring standards as data (lexicons/scoring/*.yaml), validated: grades, 一票否决 items, 评查项目 with caps,
points per severity by rule and category. A standard is selected by name; a profile has its default."""

from __future__ import annotations

import functools

from pydantic import BaseModel, ConfigDict, Field, model_validator

from auditor.lexicon import LEXICON_DIR, load_yaml
from auditor.model.findings import Finding, Severity

SCORING_DIR = "scoring"
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


class _Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Grade(_Spec):
    grade: str
    min: float
    none_of: tuple[Severity, ...] = ()  # no counted finding of these severities


class VetoItem(_Spec):
    label: str
    rules: tuple[str, ...]
    min_severity: Severity = "error"


class Item(_Spec):
    id: str
    name: str
    rules: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    cap: float


class Points(_Spec):
    error: float | None = None
    warning: float | None = None
    info: float | None = None


class Deductions(_Spec):
    default: Points
    categories: dict[str, Points] = Field(default_factory=dict)
    rules: dict[str, Points] = Field(default_factory=dict)


class Standard(_Spec):
    name: str
    title: str
    profiles: tuple[str, ...] = ()
    default: bool = False
    unit_side: str
    full_marks: float
    grades: tuple[Grade, ...]
    veto_grade: str
    vetoes: tuple[VetoItem, ...] = ()
    items: tuple[Item, ...]
    deductions: Deductions

    @model_validator(mode="after")
    def _consistent(self) -> Standard:
        names = [g.grade for g in self.grades]
        if self.veto_grade not in names:
            raise ValueError(f"veto_grade {self.veto_grade!r} is not one of the grades {names}")
        floors = [g.min for g in self.grades]
        if floors != sorted(floors, reverse=True) or floors[-1] != 0:
            raise ValueError("grades go from the highest floor down to a last grade with min 0")
        if self.deductions.default.error is None or self.deductions.default.warning is None \
                or self.deductions.default.info is None:
            raise ValueError("deductions.default must give error, warning and info")
        return self

    def item_of(self, finding: Finding) -> Item | None:
        """The first item naming the finding's rule, else the first naming its category."""
        by_rule = next((i for i in self.items if finding.rule_id in i.rules), None)
        return by_rule or next((i for i in self.items if finding.category in i.categories), None)

    def nominal(self, finding: Finding) -> float:
        """Points a finding of this rule, category and severity costs (the rule's, else the category's, else the
        default)."""
        for table in (self.deductions.rules.get(finding.rule_id), self.deductions.categories.get(finding.category),
                      self.deductions.default):
            value = getattr(table, finding.severity) if table is not None else None
            if value is not None:
                return float(value)
        return 0.0


def standard_names() -> list[str]:
    return sorted(p.stem for p in (LEXICON_DIR / SCORING_DIR).glob("*.yaml"))


@functools.cache
def load_standard(name: str) -> Standard:
    """The standard lexicons/scoring/<name>.yaml (ValueError naming the file on a bad one)."""
    if name not in standard_names():
        raise ValueError(f"unknown scoring standard {name!r}; known: {', '.join(standard_names())}")
    try:
        standard = Standard.model_validate(load_yaml(f"{SCORING_DIR}/{name}.yaml"))
    except ValueError as exc:
        raise ValueError(f"lexicons/{SCORING_DIR}/{name}.yaml: {exc}") from None
    if standard.name != name:
        raise ValueError(f"lexicons/{SCORING_DIR}/{name}.yaml: name {standard.name!r} must match the file name")
    return standard


def standard_for(profile: str | None = None, name: str | None = None) -> Standard:
    """By name; else the standard of the profile; else the default one."""
    if name:
        return load_standard(name)
    standards = [load_standard(n) for n in standard_names()]
    if profile:
        found = next((s for s in standards if profile in s.profiles), None)
        if found:
            return found
    return next(s for s in standards if s.default)
