"""Evaluation against synthetic dossiers: findings per rule, events, citations, documents.

Each `case_NN.truth.json` lists what the dossier holds and which findings it must raise; every
written format of the dossier (txt, docx, pdf) is audited and scored against the same truth.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.model import Case
from auditor.pipeline import audit_path

FORMATS = (".txt", ".docx", ".pdf", ".scan.pdf")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, expected: Counter, found: Counter) -> None:
        self.tp += sum((expected & found).values())
        self.fp += sum((found - expected).values())
        self.fn += sum((expected - found).values())

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class SyntheticResult:
    files: int = 0
    per_rule: dict[str, Score] = field(default_factory=dict)
    fields: dict[str, Score] = field(default_factory=dict)
    clean_with_findings: list[str] = field(default_factory=list)
    mismatches: list[dict[str, Any]] = field(default_factory=list)


def _findings(case: Case) -> Counter:
    types = {d.id: d.type for d in case.documents}
    return Counter((f.rule_id, types.get(f.document_id or "", "")) for f in case.findings)


def _events(case: Case) -> Counter:
    return Counter({(e.action, e.date, e.person) for e in case.events})


def _citations(case: Case) -> Counter:
    return Counter({(c.law, c.article, c.article_suffix, c.paragraph, c.item) for c in case.citations})


def score_case(case: Case, truth: dict[str, Any], result: SyntheticResult) -> None:
    expected = Counter((f["rule_id"], f.get("document_type", "")) for f in truth.get("expected_findings", []))
    found = _findings(case)
    for rule in {r for r, _ in expected} | {r for r, _ in found}:
        result.per_rule.setdefault(rule, Score()).add(
            Counter({k: v for k, v in expected.items() if k[0] == rule}),
            Counter({k: v for k, v in found.items() if k[0] == rule}),
        )
    if truth.get("clean") and case.findings:
        result.clean_with_findings.append(case.dossier.source)
    if expected != found:
        result.mismatches.append(
            {"source": case.dossier.source, "missing": sorted(expected - found), "unexpected": sorted(found - expected)}
        )
    wanted = {
        "documents": Counter((d["type"], d.get("date")) for d in truth.get("documents", [])),
        "events": Counter({(e["action"], e.get("date"), e.get("person")) for e in truth.get("events", [])}),
        "citations": Counter(
            {(c["law"], c["article"], c.get("article_suffix"), c.get("paragraph"), c.get("item"))
             for c in truth.get("citations", [])}
        ),
        "persons": Counter(set(truth.get("persons", []))),
    }
    got = {
        "documents": Counter((d.type, d.date) for d in case.documents),
        "events": _events(case),
        "citations": _citations(case),
        "persons": Counter(set(case.persons)),
    }
    for name in wanted:
        result.fields.setdefault(name, Score()).add(wanted[name], got[name])


def evaluate_synthetic(directory: Path) -> SyntheticResult:
    result = SyntheticResult()
    for truth_path in sorted(directory.glob("*.truth.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        stem = truth_path.name.removesuffix(".truth.json")
        for suffix in FORMATS:
            path = directory / f"{stem}{suffix}"
            if path.exists():
                result.files += 1
                score_case(audit_path(path), truth, result)
    return result


def format_synthetic_report(result: SyntheticResult) -> str:
    from auditor.report.text_report import table

    def row(name: str, s: Score) -> list[str]:
        return [name, str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}"]

    header = ["项目", "TP", "FP", "FN", "精确率", "召回率", "F1"]
    lines = [f"合成案卷评估：{result.files} 个文件", "", "按规则：",
             table([row(k, v) for k, v in sorted(result.per_rule.items())], header), "", "抽取：",
             table([row(k, v) for k, v in result.fields.items()], header)]
    if result.clean_with_findings:
        lines += ["", "无缺陷案卷却有发现：", *result.clean_with_findings]
    return "\n".join(lines)
