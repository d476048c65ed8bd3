"""Counts the dashboard, the 汇总 sheet and the 评查通报 share: by rule, 办案单位, category, severity, month, status."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from auditor.report.rows import FindingRow

STATUS_ORDER = ("confirmed", "dismissed", "pending", None)


@dataclass
class Tally:
    """Findings of one group, by review status and severity."""

    key: str
    name: str = ""
    total: int = 0
    by_status: Counter = field(default_factory=Counter)  # confirmed / dismissed / pending / None (unreviewed)
    by_severity: Counter = field(default_factory=Counter)
    dossiers: set = field(default_factory=set)

    def add(self, row: FindingRow) -> None:
        self.total += 1
        self.by_status[row.status] += 1
        self.by_severity[row.severity] += 1
        self.dossiers.add(row.dossier_id if row.dossier_id is not None else row.source_name)

    @property
    def reviewed(self) -> int:
        return self.by_status["confirmed"] + self.by_status["dismissed"]

    @property
    def confirmed_rate(self) -> float | None:
        """Confirmed among confirmed + dismissed: how often reviewers agree with the rule (its precision in use)."""
        return self.by_status["confirmed"] / self.reviewed if self.reviewed else None


def tally(rows: Iterable[FindingRow], key: str) -> list[Tally]:
    """Groups by `key` ("rule", "organ", "category", "severity", "month", "status"), largest first."""
    groups: dict[str, Tally] = defaultdict(lambda: Tally(""))
    for row in rows:
        k, name = _key(row, key)
        group = groups[k]
        group.key, group.name = k, name
        group.add(row)
    return sorted(groups.values(), key=lambda t: (-t.total, t.key))


def group_key(row: FindingRow, key: str) -> str:
    """The group `row` falls in under `key` (as `tally` names it)."""
    return _key(row, key)[0]


def _key(row: FindingRow, key: str) -> tuple[str, str]:
    if key == "rule":
        return row.rule_id, row.rule_name
    if key == "organ":
        return row.organ or "（未识别单位）", ""
    if key == "month":
        day = row.document_date
        return (f"{day.year}-{day.month:02d}" if day else "（无日期）"), ""
    if key == "status":
        return row.status or "unreviewed", ""
    return str(getattr(row, key)), ""
