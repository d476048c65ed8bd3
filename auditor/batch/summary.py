"""The summary of a batch, from the ledger records of its dossiers: counts that say what they count.

未能读取的文件 are dossiers with nothing audited (no readable text, over budget, worker lost); 错误级问题 are
findings of severity error. The two never share a column.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from auditor.batch.task import BUDGET_CODES
from auditor.labels import SEVERITY_LABEL
from auditor.report.text_report import table

SLOWEST = 5


@dataclass
class Summary:
    records: list[dict[str, Any]]  # one per dossier of this batch, in input order
    audited_now: int = 0  # dossiers audited in this run (the rest were finished by an earlier run)
    pages_now: int = 0
    seconds: float = 0.0  # wall time of this run
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (entry, the entry with the same content)

    @property
    def unreadable(self) -> list[dict[str, Any]]:
        return [r for r in self.records if not r["readable"] or BUDGET_CODES & set(r["errors"])]

    def findings_by_severity(self) -> Counter[str]:
        return sum((Counter(r["findings"]) for r in self.records), Counter())

    def findings_by_rule(self) -> Counter[str]:
        return sum((Counter(r["rules"]) for r in self.records), Counter())

    def slowest(self) -> list[dict[str, Any]]:
        return sorted(self.records, key=lambda r: -r["seconds"])[:SLOWEST]

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
        }

    def dossier_table(self) -> str:
        rows = [[r["name"], str(r["pages"]), str(r["documents"]),
                 *(str(r["findings"].get(s, 0)) for s in ("error", "warning", "info")),
                 ",".join(sorted(set(r["errors"]))) or "—"] for r in self.records]
        return table(rows, ["案卷", "页数", "文书", "错误级问题", "警告级问题", "提示级问题", "读取/审查错误代码"])

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
        if self.duplicates:
            lines += ["", "内容相同、未重复审查的案卷：", table([list(p) for p in self.duplicates], ["案卷", "同于"])]
        return "\n".join(lines) + "\n"
