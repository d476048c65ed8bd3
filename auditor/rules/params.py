"""Parameter types shared by the check kinds' schemas: periods ("3d", "12m", "24h") and conditions."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict

from auditor.law.periods import Period, parse_period

CONDITION_KEYS = ("document", "event", "text", "all", "any", "not")


class Params(BaseModel):
    """A check's parameters: unknown fields are an error naming the field."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def _period(value: Any) -> Period:
    if isinstance(value, Period):
        return value
    return parse_period(str(value))


def _condition(cond: Any) -> dict[str, Any]:
    """{document: [...]}, {event: [...]}, {text: [...], in: [...] | not_in: [...]}, {all: [...]}, {any: [...]},
    {not: {...}}."""
    if not isinstance(cond, dict):
        raise ValueError(f"a condition must be a mapping, got {cond!r}")
    keys = [k for k in cond if k in CONDITION_KEYS]
    if len(keys) != 1:
        raise ValueError(f"a condition needs exactly one of {CONDITION_KEYS}: {cond!r}")
    extra = set(cond) - {keys[0], "in", "not_in"}
    if extra or (("in" in cond or "not_in" in cond) and keys[0] != "text"):
        raise ValueError(f"unexpected condition field(s) {cond!r}")
    value = cond[keys[0]]
    if keys[0] == "not":
        _condition(value)
        return cond
    if not isinstance(value, list) or not value:
        raise ValueError(f"condition {keys[0]} needs a non-empty list")
    if keys[0] in ("all", "any"):
        for sub in value:
            _condition(sub)
    return cond


def _names(value: Any) -> tuple[str, ...]:
    """One name or a list of names."""
    if isinstance(value, str):
        return (value,)
    return tuple(value)


PeriodField = Annotated[Period, BeforeValidator(_period)]
Condition = Annotated[dict[str, Any], AfterValidator(_condition)]
Names = Annotated[tuple[str, ...], BeforeValidator(_names)]
