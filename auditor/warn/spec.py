"""lexicons/warn.yaml as validated objects: levels, measures, running periods and next acts (流程提示).

A period or step may take its limit from a rule file (`limit: {rule: ID, key: path}`): the number stays where the
rule's tests pin it against the statute, and the warning lends the rule's extension conditions too.
"""

from __future__ import annotations

import functools
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from auditor.law.periods import Period, parse_period
from auditor.lexicon import load_yaml
from auditor.rules.loader import load_rules
from auditor.rules.rule import Rule, format_message

WARN_FILE = "warn.yaml"


class Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Thresholds(Spec):
    days: int
    months: int


class Levels(Spec):
    """Days left at or below which a period is red / orange / yellow (configuration, not law)."""

    red: int
    orange: Thresholds
    yellow: Thresholds


class CustodyActs(Spec):
    held: tuple[str, ...]
    released: tuple[str, ...]


class Measure(Spec):
    start: tuple[str, ...]
    ends: tuple[str, ...]


class RuleRef(Spec):
    rule: str
    key: str = "limit"


class OlderNumber(Spec):
    version: str
    article: int
    paragraph: int | None = None
    basis_text: tuple[str, ...]


class BasisSpec(Spec):
    law: str
    version: str
    article: int
    paragraph: int | None = None
    item: int | None = None
    basis_text: tuple[str, ...]
    older: tuple[OlderNumber, ...] = ()


class DoneBy(Spec):
    actions: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


class PeriodSpec(Spec):
    id: str
    name: str
    measure: str | None = None
    held: bool | None = None
    start: tuple[str, ...]
    ends: tuple[str, ...] = ()
    limit: Period | RuleRef
    custody: bool | Literal["held"]
    from_receipt: bool = False
    request_before: Period | None = None
    next_act: str
    basis: tuple[BasisSpec, ...]

    @field_validator("limit", "request_before", mode="before")
    @classmethod
    def _period(cls, value: Any) -> Any:
        return parse_period(str(value)) if isinstance(value, str | int) else value


class StepSpec(Spec):
    id: str
    name: str
    measure: str | None = None
    after: tuple[str, ...]
    when: RuleRef | None = None
    done_by: DoneBy = DoneBy()
    limit: Period | RuleRef
    excused_by: RuleRef | None = None
    next_act: str
    basis: tuple[BasisSpec, ...]

    @field_validator("limit", mode="before")
    @classmethod
    def _period(cls, value: Any) -> Any:
        return parse_period(str(value)) if isinstance(value, str | int) else value


class WarnSpec(Spec):
    levels: Levels
    custody_acts: CustodyActs
    measures: dict[str, Measure]
    periods: tuple[PeriodSpec, ...]
    steps: tuple[StepSpec, ...]
    texts: dict[str, str] = Field(default_factory=dict)


@functools.cache
def warn_spec() -> WarnSpec:
    """lexicons/warn.yaml, validated once per process (a typo is an error naming the field)."""
    spec = WarnSpec.model_validate(load_yaml(WARN_FILE))
    known = {r.id for r in load_rules()}
    for entry in (*spec.periods, *spec.steps):
        if entry.measure is not None and entry.measure not in spec.measures:
            raise ValueError(f"{WARN_FILE}: {entry.id}: unknown measure {entry.measure!r}")
        for ref in (entry.limit, getattr(entry, "when", None), getattr(entry, "excused_by", None)):
            if isinstance(ref, RuleRef) and ref.rule not in known:
                raise ValueError(f"{WARN_FILE}: {entry.id}: unknown rule {ref.rule!r}")
    return spec


def rule(rule_id: str) -> Rule:
    return next(r for r in load_rules() if r.id == rule_id)


def rule_value(ref: RuleRef) -> Any:
    """The value at `ref.key` (a dotted path) of the rule's check mapping as written."""
    value: Any = rule(ref.rule).check
    for part in ref.key.split("."):
        value = value[int(part)] if part.isdigit() else value[part]
    return value


def base_limit(limit: Period | RuleRef) -> Period:
    """The period itself, or the one the rule file states."""
    return limit if isinstance(limit, Period) else parse_period(str(rule_value(limit)))


def text(key: str, **values: Any) -> str:
    """A sentence of the explanation, from the `texts` of lexicons/warn.yaml."""
    return format_message(warn_spec().texts[key], values)
