"""The 执法巡查预警 board: every running period across dossiers as of one day, sorted by days left, filterable by
办案单位 — what the batch summary prints and what the workbench's 预警 page shows.

The page reads stored reports (no re-audit): `board_rows(entries, today)` with one `BoardEntry` per stored dossier
(its source, 办案单位 and the warnings its audit stored); `relevel` moves each warning to `today`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from auditor.model import DeadlineWarning
from auditor.warn.levels import LEVEL_ORDER, relevel


@dataclass(frozen=True)
class BoardEntry:
    source: str
    unit: str | None
    warnings: tuple[DeadlineWarning, ...]


@dataclass(frozen=True)
class BoardRow:
    source: str
    unit: str | None
    warning: DeadlineWarning


def board_rows(entries: Iterable[BoardEntry], as_of: date, unit: str | None = None,
               levels: Iterable[str | None] | None = None) -> list[BoardRow]:
    """Every dossier's warnings re-levelled to `as_of`, fewest days left first; only `unit`'s and only `levels`
    (e.g. {"red", "orange"}) when given."""
    wanted = set(levels) if levels is not None else None
    rows = [
        BoardRow(e.source, e.unit, w)
        for e in entries if unit is None or e.unit == unit
        for w in relevel(e.warnings, as_of)
        if wanted is None or w.level in wanted
    ]
    return sorted(rows, key=lambda r: (r.warning.days_left, LEVEL_ORDER[r.warning.level], r.source,
                                       r.warning.person or "", r.warning.id))


def units(entries: Iterable[BoardEntry]) -> list[str]:
    """The 办案单位 to filter by, in name order."""
    return sorted({e.unit for e in entries if e.unit})


def level_counts(rows: Iterable[BoardRow]) -> Counter:
    """How many rows per level (None: running, not yet near)."""
    return Counter(r.warning.level for r in rows)
