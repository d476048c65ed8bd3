"""The summary of a batch, from the ledger records of its dossiers: counts that say what they count.

未能读取的文件 are dossiers with nothing audited (no readable text, over budget, worker lost); 错误级问题 are
findings of severity error. The two never share a column.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from auditor.batch.task import BUDGET_CODES
from auditor.labels import LEVEL_LABEL, SEVERITY_LABEL
from auditor.model import DeadlineWarning, Score
from auditor.report.text_report import WARNING_HEADER, table, warning_rows
from auditor.scoring.tables import grades_by_unit, unit_rows
from auditor.warn.board import BoardEntry, board_rows

SLOWEST = 5


@dataclass
class Summary:
    records: list[dict[str, Any]]  # one per dossier of this batch, in input order
    audited_now: int = 0  # dossiers audited in this run (the rest were finished by an earlier run)
    pages_now: int = 0
    seconds: float = 0.0  # wall time of this run
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (entry, the entry with the same content)
    as_of: dt.date | None = None  # the 执法巡查预警 day, when the batch was run with one

    @property
    def unreadable(self) -> list[dict[str, Any]]:
        return [r for r in self.records if not r["readable"] or BUDGET_CODES & set(r["errors"])]

    def findings_by_severity(self) -> Counter[str]:
        return sum((Counter(r["findings"]) for r in self.records), Counter())

    def findings_by_rule(self) -> Counter[str]:
        return sum((Counter(r["rules"]) for r in self.records), Counter())

    def slowest(self) -> list[dict[str, Any]]:
        return sorted(self.records, key=lambda r: -r["seconds"])[:SLOWEST]

    def scores(self) -> list[Score]:
        return [Score.model_validate(r["score"]) for r in self.records if r.get("score")]

    def board(self) -> list[Any]:
        """Every running period across the batch, re-levelled to the as-of day, fewest days left first."""
        if self.as_of is None:
            return []
        entries = [BoardEntry(r["name"], r.get("unit"),
                              tuple(DeadlineWarning.model_validate(w) for w in r.get("warnings") or ()))
                   for r in self.records]
        return board_rows(entries, self.as_of)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dossiers": len(self.records),
            "audited_now": self.audited_now,
            "resumed": len(self.records) - self.audited_now,
            "pages": sum(r["pages"] for r in self.records),
            "documents": sum(r["documents"] for r in self.records),
            "findings_by_severity": dict(self.findings_by_severity()),
            "findings_by_rule": dict(self.findings_by_rule().most_common()),
            "unreadable_inputs": [{"name": r["name"], "errors": r["errors"]} for r in self.unreadable],
            "inputs_with_error_entries": sum(1 for r in self.records if r["errors"]),
            "slowest": [{"name": r["name"], "seconds": r["seconds"], "pages": r["pages"]} for r in self.slowest()],
            "seconds": round(self.seconds, 2),
            "pages_per_second": round(self.pages_now / self.seconds, 1) if self.seconds else None,
            "dossiers_per_second": round(self.audited_now / self.seconds, 2) if self.seconds else None,
            "duplicates": [{"name": a, "same_as": b} for a, b in self.duplicates],
            "grades": {r["name"]: {"points": r["score"]["points"], "grade": r["score"]["grade"], "unit": r.get("unit")}
                       for r in self.records if r.get("score")},
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "warnings_by_level": dict(Counter(row.warning.level or "running" for row in self.board())),
        }

    def dossier_table(self) -> str:
        header = ["案卷", "页数", "文书", "错误级问题", "警告级问题", "提示级问题", "读取/审查错误代码", "得分", "等次"]
        if self.as_of is not None:
            header += [f"预警{LEVEL_LABEL[k]}" for k in LEVEL_LABEL]
        rows = []
        for r in self.records:
            score = r.get("score") or {}
            row = [r["name"], str(r["pages"]), str(r["documents"]),
                   *(str(r["findings"].get(s, 0)) for s in ("error", "warning", "info")),
                   ",".join(sorted(set(r["errors"]))) or "—",
                   f"{score['points']:g}" if score else "", score.get("grade", "")]
            if self.as_of is not None:
                levels = Counter(w.get("level") for w in r.get("warnings") or ())
                row += [str(levels[k]) for k in LEVEL_LABEL]
            rows.append(row)
        return table(rows, header)

    def render(self, per_dossier: bool) -> str:
        d = self.to_dict()
        sev = self.findings_by_severity()
        lines = [
            f"案卷 {d['dossiers']} 份（本次审查 {d['audited_now']}，沿用已完成结果 {d['resumed']}），"
            f"页数 {d['pages']}，文书 {d['documents']}。",
            "发现问题：" + "，".join(f"{SEVERITY_LABEL[s]}级 {sev.get(s, 0)}" for s in ("error", "warning", "info"))
            + " 项。",
            f"未能读取的文件（未得到审查结果的案卷）：{len(self.unreadable)} 份；"
            f"带有读取/审查错误条目的案卷：{d['inputs_with_error_entries']} 份。",
        ]
        if d["pages_per_second"] is not None:
            lines.append(f"本次用时 {d['seconds']:.1f} 秒，{d['pages_per_second']:.0f} 页/秒，"
                         f"{d['dossiers_per_second']:.2f} 份/秒。")
        if per_dossier and self.records:
            lines += ["", self.dossier_table()]
        if self.unreadable:
            rows = [[r["name"], ",".join(r["errors"]) or "无可读文字"] for r in self.unreadable]
            lines += ["", "未能读取的文件：", table(rows, ["案卷", "错误代码"])]
        by_rule = self.findings_by_rule()
        if by_rule:
            lines += ["", "按规则统计的问题：", table([[k, str(v)] for k, v in by_rule.most_common()], ["规则", "问题数"])]
        if self.records:
            rows = [[r["name"], f"{r['seconds']:.1f}", str(r["pages"])] for r in self.slowest()]
            lines += ["", "最慢的案卷：", table(rows, ["案卷", "秒", "页数"])]
        scores = self.scores()
        if scores:
            unit_header, unit_table = unit_rows(grades_by_unit(scores))
            lines += ["", "评查等次（按办案单位）：", table(unit_table, unit_header)]
        if self.as_of is not None:
            board = self.board()
            lines += ["", f"执法巡查预警（截至{self.as_of}，共{len(board)}项，按剩余日数排序）："]
            if board:
                body = warning_rows([row.warning for row in board])
                lines.append(table([[row.source, row.unit or "", *b] for row, b in zip(board, body, strict=True)],
                                   ["案卷", "办案单位", *WARNING_HEADER]))
            else:
                lines.append("无仍在运行的期限。")
        if self.duplicates:
            lines += ["", "内容相同、未重复审查的案卷：", table([list(p) for p in self.duplicates], ["案卷", "同于"])]
        return "\n".join(lines) + "\n"
