"""Warnings on dossiers whose truth states their acts but not their warnings (the independent corpus).

For each dossier and each day its file changes (every document date, and the day after), the warnings computed from
the extracted case are compared with those computed from the same case with the truth's events and suspects in place
of the extracted ones (an oracle extraction). What differs is what extraction errors cost the 执法巡查预警; the
warning logic itself is scored against the generator's own truth on truncated synthetic timelines.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.evaluation.real import Score
from auditor.evaluation.synthetic import FORMATS, add_counts, total_of
from auditor.model import Case, DeadlineWarning, Event, Party
from auditor.pipeline import audit_path


@dataclass
class OracleResult:
    dossiers: int = 0
    days: int = 0
    per_period: dict[str, Score] = field(default_factory=dict)
    mismatches: list[dict[str, Any]] = field(default_factory=list)

    @property
    def total(self) -> Score:
        return total_of(self.per_period.values())

    def to_dict(self) -> dict[str, Any]:
        return {"dossiers": self.dossiers, "days": self.days, "total": self.total.to_dict(),
                "per_period": {k: s.to_dict() for k, s in sorted(self.per_period.items())},
                "mismatches": self.mismatches}


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def oracle_case(case: Case, truth: dict[str, Any]) -> Case:
    """The case with the truth's events and suspects; each event keeps the extracted document of the same act."""
    events = []
    for e in truth.get("events", []):
        day = _day(e.get("date"))
        clock = dt.time.fromisoformat(e["time"]) if e.get("time") else None
        same = next((x for x in case.events if x.action == e["action"] and x.date == day), None)
        events.append(Event(action=e["action"], date=day, time=clock, person=e.get("person"),
                            document_id=same.document_id if same else None,
                            evidence=same.evidence if same else ()))
    names = [p if isinstance(p, str) else p["name"] for p in truth.get("persons", [])]
    fields = {name: getattr(case, name) for name in Case.model_fields}
    fields["events"] = tuple(events)
    fields["parties"] = tuple(Party(name=n, role="犯罪嫌疑人", is_suspect=True) for n in names)
    return Case(**fields)


def _key(w: DeadlineWarning) -> tuple:
    return w.kind, w.id, w.person, w.start.isoformat(), w.last_day.isoformat(), w.level


def evaluate_warning_oracle(directory: Path) -> OracleResult:
    from auditor.warn import warnings_as_of

    result = OracleResult()
    for truth_path in sorted(Path(directory).glob("*.truth.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        stem = truth_path.name.removesuffix(".truth.json")
        path = next((Path(directory) / f"{stem}{s}" for s in FORMATS if (Path(directory) / f"{stem}{s}").exists()),
                    None)
        if path is None:
            continue
        result.dossiers += 1
        case = audit_path(path).case
        oracle = oracle_case(case, truth)
        dates = {d for d in (_day(doc.get("date")) for doc in truth.get("documents", [])) if d}
        for day in sorted(dates | {d + dt.timedelta(days=1) for d in dates}):
            result.days += 1
            got = Counter(_key(w) for w in warnings_as_of(case, day))
            want = Counter(_key(w) for w in warnings_as_of(oracle, day))
            for key in set(got) | set(want):
                add_counts(result.per_period.setdefault(key[1], Score()), Counter({key: want[key]}),
                           Counter({key: got[key]}))
            if got != want:
                result.mismatches.append({"source": stem, "as_of": day.isoformat(), "missing": sorted(want - got),
                                          "unexpected": sorted(got - want)})
    return result


def format_oracle_report(result: OracleResult) -> str:
    from auditor.evaluation.real import ratio
    from auditor.report.text_report import table

    def row(name: str, s: Score) -> list[str]:
        return [name, str(s.tp), str(s.fp), str(s.fn), ratio(s.precision), ratio(s.recall), ratio(s.f1)]

    rows = [row(k, v) for k, v in sorted(result.per_period.items())] + [row("合计", result.total)]
    return "\n".join([
        f"执法巡查预警：抽取结果对照标注事件（{result.dossiers} 份案卷，{result.days} 个截止日）",
        table(rows, ["期限/事项", "TP", "FP", "FN", "精确率", "召回率", "F1"]),
    ])
