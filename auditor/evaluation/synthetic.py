"""Evaluation against synthetic dossiers: findings per rule and per category, and extraction fields.

Each `case_NN.truth.json` lists what the dossier holds and which findings it must raise
(`expected_findings`: [{rule_id, document_type}]); every written format of the dossier (txt, docx, pdf,
scan) is audited and scored against the same truth.

- Findings: a (rule, document type) pair is a hit when expected and raised. Every registered rule is
  reported, with "n/a" where there is nothing to count (a rule with no planted instance has no recall).
  A finding on a lawful look-alike the truth lists for that rule is also counted as a trap hit.
- Warnings (truncated timelines, whose truth has `as_of` and `expected_warnings`): each (kind, period or step,
  person, start, last day, level) the auditor reports as of that date against the generator's own; such a dossier
  is scored on its warnings and fields, not its findings (rules judge finished acts).
- Fields: documents (type, date); events (action, date, person) — an act the truth gives for the case as a whole
  (person null) is found where the auditor gives it for the suspects it concerns; citations (law, article, suffix, 款, 项);
  dates (every date the truth knows: documents, events, and the suspects' birth dates when the truth
  gives them); persons (suspect names); parties (suspects with the gender, birth date and ID number the
  truth gives, each compared only where the truth states it).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.evaluation.real import Score, iso, ratio
from auditor.model import AuditResult, Finding, Party
from auditor.pipeline import audit_path
from auditor.text.numerals import int_to_cn

FORMATS = (".txt", ".docx", ".pdf", ".scan.pdf", ".zip")
PARTY_DETAILS = ("gender", "birth_date", "id_number")
UNREGISTERED = "unregistered"  # category of a rule id the truth names but no rule file defines (yet)


def total_of(scores: Iterable[Score]) -> Score:
    """The counts of several scores added up."""
    total = Score()
    for s in scores:
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
    return total


def add_counts(score: Score, expected: Counter, found: Counter) -> None:
    score.tp += sum((expected & found).values())
    score.fp += sum((found - expected).values())
    score.fn += sum((expected - found).values())


@dataclass
class SyntheticResult:
    files: int = 0
    per_rule: dict[str, Score] = field(default_factory=dict)
    rule_category: dict[str, str] = field(default_factory=dict)
    trap_hits: Counter = field(default_factory=Counter)  # rule → findings raised on a lawful look-alike
    fields: dict[str, Score] = field(default_factory=dict)
    errors: Counter = field(default_factory=Counter)  # AuditError code → count (E040: a rule failed)
    clean_files: int = 0
    clean_findings: int = 0  # findings raised on dossiers the truth marks clean
    clean_with_findings: list[str] = field(default_factory=list)
    mismatches: list[dict[str, Any]] = field(default_factory=list)
    warnings: dict[str, Score] = field(default_factory=dict)  # per period / step id
    warning_files: int = 0
    warning_mismatches: list[dict[str, Any]] = field(default_factory=list)
    without_dossier: list[str] = field(default_factory=list)  # truth files with no dossier beside them

    @property
    def warnings_total(self) -> Score:
        return total_of(self.warnings.values())

    @property
    def per_category(self) -> dict[str, Score]:
        out: dict[str, Score] = {}
        for rule, s in self.per_rule.items():
            agg = out.setdefault(self.rule_category.get(rule, UNREGISTERED), Score())
            agg.tp, agg.fp, agg.fn = agg.tp + s.tp, agg.fp + s.fp, agg.fn + s.fn
        return dict(sorted(out.items()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "without_dossier": self.without_dossier,
            "per_rule": {
                r: {"category": self.rule_category.get(r, UNREGISTERED), "trap_hits": self.trap_hits[r], **s.to_dict()}
                for r, s in sorted(self.per_rule.items())
            },
            "per_category": {c: s.to_dict() for c, s in self.per_category.items()},
            "fields": {k: s.to_dict() for k, s in self.fields.items()},
            "errors": dict(sorted(self.errors.items())),
            "clean_files": self.clean_files,
            "clean_findings": self.clean_findings,
            "clean_with_findings": self.clean_with_findings,
            "mismatches": self.mismatches,
            "warnings": {
                "files": self.warning_files,
                "total": self.warnings_total.to_dict(),
                "per_period": {k: s.to_dict() for k, s in sorted(self.warnings.items())},
                "mismatches": self.warning_mismatches,
            },
        }


def registered_categories() -> dict[str, str]:
    """rule id → category of every rule file; {} when the rule files cannot be read."""
    from auditor.rules.loader import load_rules

    try:
        return {r.id: r.category for r in load_rules()}
    except Exception:  # noqa: BLE001 — a broken rule file is reported by `auditor rules`, not here
        return {}


def suspects(case: AuditResult) -> list[Party]:
    return [p for p in case.case.parties if p.is_suspect]


def _findings(case: AuditResult, expected: Counter) -> Counter:
    """(rule, document type) of each finding. A finding linked to its root cause (`caused_by`) is part of that
    defect, not a second accusation (issue 11): it counts where the truth lists it and is never a false one."""
    types = {d.id: d.type for d in case.documents}

    def key(f: Finding) -> tuple[str, str]:
        return f.rule_id, types.get(f.document_id or "", "")

    own = Counter(key(f) for f in case.findings if not f.caused_by)
    linked = Counter(key(f) for f in case.findings if f.caused_by)
    counted = own + Counter({k: min(n, expected[k] - own[k]) for k, n in linked.items() if expected[k] > own[k]})
    # The same holds the other way: a root the truth does not list, whose linked finding it does, is that one
    # defect named by its other side (an old article number in a 监视居住决定书: CITATION-OUTDATED, and
    # SURVEILLANCE-WRONG-ARTICLE linked to it — the truth may name either).
    roots = {f.fingerprint: f for f in case.findings if f.fingerprint and not f.caused_by}
    for f in case.findings:
        root = roots.get(f.caused_by or "")
        if root is not None and expected[key(f)] > 0 and counted[key(root)] > expected[key(root)]:
            counted[key(root)] -= 1
    return +counted


def truth_parties(truth: dict[str, Any]) -> list[dict[str, Any]]:
    """The truth's suspects as dicts: `parties` when given, else `persons` (names or dicts)."""
    entries = truth.get("parties") or truth.get("persons") or []
    return [{"name": e} if isinstance(e, str) else dict(e) for e in entries if e]


def _party_keys(gold: list[dict[str, Any]], case: AuditResult) -> tuple[Counter, Counter]:
    """Each suspect as (name, (detail, value)…) over the details the truth states for that name."""
    got = {p.name: p for p in suspects(case)}
    wanted: Counter = Counter()
    found: Counter = Counter()
    for g in gold:
        details = tuple((k, g[k]) for k in PARTY_DETAILS if g.get(k) is not None)
        wanted[(g["name"], details)] += 1
        p = got.get(g["name"])
        if p is not None:
            found[(p.name, tuple((k, _plain(_detail(p, k))) for k, _ in details))] += 1
    named = {g["name"] for g in gold}
    found.update((name, ()) for name in case.case.persons if name not in named)
    return wanted, found


def _detail(party: Any, key: str) -> Any:
    """The party's `key`; a foreigner's or a Hong Kong, Macao or Taiwan resident's identity number is his passport or
    permit number (the truth format has one `id_number` field for every suspect)."""
    value = getattr(party, key)
    return value if value is not None or key != "id_number" else party.passport


def _plain(value: Any) -> Any:
    return iso(value) if hasattr(value, "isoformat") else value


def _dates(truth: dict[str, Any], gold_parties: list[dict[str, Any]], case: AuditResult) -> tuple[Counter, Counter]:
    wanted = {d.get("date") for d in truth.get("documents", [])} | {e.get("date") for e in truth.get("events", [])}
    got = {iso(d.date) for d in case.documents} | {iso(e.date) for e in case.events}
    if any(g.get("birth_date") for g in gold_parties):
        wanted |= {g.get("birth_date") for g in gold_parties}
        got |= {iso(p.birth_date) for p in suspects(case)}
    return Counter(wanted - {None}), Counter(got - {None})


def warning_keys(warnings: list[dict[str, Any]]) -> Counter:
    """(kind, id, person, start, last day, level) of each warning, as the truth files write them."""
    return Counter((w["kind"], w["id"], w.get("person"), w["start"], w["last_day"], w.get("level"))
                   for w in warnings)


def score_warnings(case: AuditResult, truth: dict[str, Any], result: SyntheticResult) -> None:
    result.warning_files += 1
    expected = warning_keys(truth.get("expected_warnings", []))
    found = warning_keys([w.model_dump(mode="json") for w in case.warnings or ()])
    for key in set(expected) | set(found):
        add_counts(result.warnings.setdefault(key[1], Score()), Counter({key: expected[key]}),
                   Counter({key: found[key]}))
    if expected != found:
        result.warning_mismatches.append({"source": case.dossier.source, "as_of": truth["as_of"],
                                          "missing": sorted(expected - found), "unexpected": sorted(found - expected)})


def score_case(case: AuditResult, truth: dict[str, Any], result: SyntheticResult) -> None:
    result.errors.update(e.code for e in case.errors)
    if truth.get("as_of"):
        score_warnings(case, truth, result)
    if not truth.get("truncated"):
        score_findings_of(case, truth, result)
    score_fields(case, truth, result)


def score_findings_of(case: AuditResult, truth: dict[str, Any], result: SyntheticResult) -> None:
    expected = Counter((f["rule_id"], f.get("document_type", "")) for f in truth.get("expected_findings", []))
    found = _findings(case, expected)
    for f in case.findings:
        result.rule_category.setdefault(f.rule_id, f.category)
    for rule in {r for r, _ in expected} | {r for r, _ in found}:
        add_counts(
            result.per_rule.setdefault(rule, Score()),
            Counter({k: v for k, v in expected.items() if k[0] == rule}),
            Counter({k: v for k, v in found.items() if k[0] == rule}),
        )
    lookalikes = {(t["rule_id"], t.get("document_type", "")) for t in truth.get("lookalikes", [])}
    for key, n in (found - expected).items():
        if key in lookalikes:
            result.trap_hits[key[0]] += n
    if truth.get("clean"):
        result.clean_files += 1
        result.clean_findings += len(case.findings)
        if case.findings:
            result.clean_with_findings.append(case.dossier.source)
    if expected != found:
        result.mismatches.append(
            {"source": case.dossier.source, "missing": sorted(expected - found), "unexpected": sorted(found - expected)}
        )


def _suffix(written: str | int | None) -> str | None:
    """The 之X of 第N条之X as the tool writes it: truth files write it "之一", "一" or 1 (the format allows each)."""
    if isinstance(written, int) and not isinstance(written, bool):
        return f"之{int_to_cn(written)}"
    return f"之{written}" if written and not written.startswith("之") else written


def score_fields(case: AuditResult, truth: dict[str, Any], result: SyntheticResult) -> None:
    gold_parties = truth_parties(truth)
    wanted = {
        "documents": Counter((d["type"], d.get("date")) for d in truth.get("documents", [])),
        "events": Counter({(e["action"], e.get("date"), e.get("person")) for e in truth.get("events", [])}),
        "citations": Counter(
            {(c["law"], c["article"], _suffix(c.get("article_suffix")), c.get("paragraph"), c.get("item"))
             for c in truth.get("citations", [])}
        ),
        "persons": Counter({g["name"] for g in gold_parties}),
    }
    got = {
        "documents": Counter((d.type, iso(d.date)) for d in case.documents),
        "events": Counter({(e.action, iso(e.date), e.person) for e in case.events}),
        "citations": Counter({(c.law, c.article, c.article_suffix, c.paragraph, c.item) for c in case.citations}),
        "persons": Counter(set(case.case.persons)),
    }
    got["events"] = _as_case_acts(wanted["events"], got["events"])
    wanted["dates"], got["dates"] = _dates(truth, gold_parties, case)
    wanted["parties"], got["parties"] = _party_keys(gold_parties, case)
    for name in ("events", "citations", "dates", "parties", "persons", "documents"):
        add_counts(result.fields.setdefault(name, Score()), wanted[name], got[name])


def _as_case_acts(wanted: Counter, got: Counter) -> Counter:
    """The auditor's events of an act the truth gives for the case as a whole (person null: "移送审查起诉" of the
    case), one per suspect it concerns, as that one act: the same fact written per person. Where the truth names
    persons for that act and day, each is scored as written."""
    whole = {(a, d) for a, d, p in wanted if p is None} - {(a, d) for a, d, p in wanted if p is not None}
    return Counter({(a, d, None) if (a, d) in whole else (a, d, p) for a, d, p in got})


def evaluate_synthetic(directory: Path) -> SyntheticResult:
    result = SyntheticResult()
    categories = registered_categories()
    for rule, category in categories.items():
        result.per_rule.setdefault(rule, Score())
        result.rule_category[rule] = category
    for truth_path in sorted(Path(directory).glob("*.truth.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        stem = truth_path.name.removesuffix(".truth.json")
        found = False
        for suffix in FORMATS:
            path = Path(directory) / f"{stem}{suffix}"
            if path.exists():
                found = True
                result.files += 1
                as_of = dt.date.fromisoformat(truth["as_of"]) if truth.get("as_of") else None
                score_case(audit_path(path, as_of=as_of), truth, result)
        if not found:  # said, never skipped silently: the corpus is incomplete
            result.without_dossier.append(truth_path.name)
    return result


def format_synthetic_report(result: SyntheticResult) -> str:
    from auditor.labels import CATEGORY_LABEL
    from auditor.report.text_report import table

    def row(name: str, s: Score, *extra: str) -> list[str]:
        return [name, *extra, str(s.tp), str(s.fp), str(s.fn), ratio(s.precision), ratio(s.recall), ratio(s.f1)]

    header = ["TP", "FP", "FN", "精确率", "召回率", "F1"]
    rule_rows = [
        row(r, s, CATEGORY_LABEL.get(result.rule_category.get(r, ""), result.rule_category.get(r, UNREGISTERED)),
            str(result.trap_hits[r]))
        for r, s in sorted(result.per_rule.items())
    ]
    lines = [
        f"合成案卷评估：{result.files} 个文件"
        + (f"（{len(result.without_dossier)} 个标注文件没有对应的案卷：{'、'.join(result.without_dossier)}）"
           if result.without_dossier else ""),
        "",
        "按规则（n/a：没有可计数的实例，如未植入该缺陷）：",
        table(rule_rows, ["规则", "类别", "误报陷阱", *header]),
        "",
        "按类别：",
        table([row(CATEGORY_LABEL.get(c, c), s) for c, s in result.per_category.items()], ["类别", *header]),
        "",
        f"无缺陷案卷：{result.clean_files} 个文件，发现 {result.clean_findings} 条",
        "",
        "抽取：",
        table([row(k, v) for k, v in result.fields.items()], ["项目", *header]),
    ]
    if result.warning_files:
        total = result.warnings_total
        lines += ["", f"执法巡查预警（截断时间线，{result.warning_files} 个文件；按期限/事项）：",
                  table([row(k, v) for k, v in sorted(result.warnings.items())] + [row("合计", total)],
                        ["期限/事项", *header])]
    if result.errors:
        lines += ["", "审查中记录的错误（代码：次数）：" + "，".join(f"{c}：{n}" for c, n in sorted(result.errors.items()))]
    if result.clean_with_findings:
        lines += ["", "无缺陷案卷却有发现：", *result.clean_with_findings]
    return "\n".join(lines)
