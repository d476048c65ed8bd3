"""红 / 橙 / 黄 by days left: thresholds from lexicons/warn.yaml `levels` (configuration), months counted apart."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from auditor.model import DeadlineWarning, Level
from auditor.warn.spec import Levels, text, warn_spec


def level_of(days_left: int, unit: str, levels: Levels | None = None) -> Level | None:
    """red: overdue or due today; orange / yellow: within their thresholds (months: the longer ones)."""
    levels = levels or warn_spec().levels
    if days_left <= levels.red:
        return "red"
    scale = "months" if unit == "m" else "days"
    if days_left <= getattr(levels.orange, scale):
        return "orange"
    if days_left <= getattr(levels.yellow, scale):
        return "yellow"
    return None


def left_step(as_of: date, days_left: int) -> str:
    """The explanation's last sentence: days left, due today, or days over."""
    if days_left > 0:
        return text("left", as_of=as_of, days_left=days_left)
    if days_left == 0:
        return text("due_today", as_of=as_of)
    return text("overdue", as_of=as_of, over=-days_left)


def relevel(warnings: Iterable[DeadlineWarning], as_of: date, levels: Levels | None = None) -> list[DeadlineWarning]:
    """The same running periods seen on another day (a later one: the file has not changed since the audit).

    The store keeps each audit's warnings; the 预警 page calls this with today's date instead of re-auditing.
    """
    out = []
    for w in warnings:
        left = (w.last_day - as_of).days
        explanation = w.explanation.model_copy(update={
            "steps": (*w.explanation.steps[:-1], left_step(as_of, left)),
            "values": {**w.explanation.values, "days_left": left}})
        out.append(w.model_copy(update={"as_of": as_of, "days_left": left, "level": level_of(left, w.unit, levels),
                                        "explanation": explanation}))
    return sort_warnings(out)


LEVEL_ORDER = {"red": 0, "orange": 1, "yellow": 2, None: 3}


def sort_warnings(warnings: Iterable[DeadlineWarning]) -> list[DeadlineWarning]:
    """Fewest days left first; then person and period (stable for reports and tests)."""
    return sorted(warnings, key=lambda w: (w.days_left, w.person or "", w.kind, w.id))
