"""A summary a reviewer can read in a terminal."""

from __future__ import annotations

import unicodedata

from auditor.labels import CATEGORY_LABEL, SEVERITY_LABEL
from auditor.model import AuditResult, Document, DossierReport, Finding
from auditor.report.rows import basis_text


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def _clip(s: str, width: int) -> str:
    out, w = "", 0
    for ch in s.replace("\n", " "):
        cw = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if w + cw > width - 1:
            return out + "…"
        out += ch
        w += cw
    return out


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(_pad(c, w) for c, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def render_case(case: AuditResult | DossierReport) -> str:
    """One dossier: counts, documents, every finding in full, volume notices, reading errors."""
    report = case.report() if isinstance(case, AuditResult) else case
    docs = {d.id: d for d in report.documents}
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in SEVERITY_LABEL}
    out = [
        f"案卷：{report.source}",
        f"  页数 {report.pages}  文书 {len(report.documents)}  事件 {len(report.events)}  引用 {len(report.citations)}"
        f"  问题 {len(report.findings)}（错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}）",
    ]
    if report.documents:
        rows = [[doc.id, doc.type, doc.number or "", doc.date.isoformat() if doc.date else "", ",".join(map(str, doc.pages))]
                for doc in report.documents]
        out += ["", "  文书：", _indent(table(rows, ["编号", "类型", "文号", "日期", "页"]))]
    if report.findings:
        out += ["", "  问题："]
        for i, f in enumerate(report.findings, start=1):
            out += [""] + finding_lines(docs, f, i)
    else:
        out += ["", "  未发现问题。"]
    notices = [n for check in (*report.toc_check, *report.cover_check) for n in check.notices]
    if notices:
        out += ["", "  卷宗结构提示："] + [f"    {n}" for n in notices]
    if report.errors:
        out += ["", "  读取错误："] + [f"    [{e.code}] {e.message}" for e in report.errors]
    return "\n".join(out)


def finding_lines(docs: dict[str, Document], f: Finding, number: int) -> list[str]:
    """A finding in full: level, rule and place on one line, the whole message, then each quote and the law."""
    ev = f.evidence[0] if f.evidence else None
    doc = docs.get((ev.document_id if ev else f.document_id) or "")
    where = "，".join(x for x in ((doc.title or doc.type) if doc else None, f"第{ev.page}页" if ev else None) if x)
    head = (f"    {number}. [{SEVERITY_LABEL.get(f.severity, f.severity)}·{CATEGORY_LABEL.get(f.category, f.category)}]"
            f" {f.rule_id} {rule_names().get(f.rule_id, '')}".rstrip() + (f"（{where}）" if where else ""))
    lines = [head, f"       {f.message}"]
    for e in f.evidence:
        e_doc = docs.get(e.document_id)
        title = (e_doc.title or e_doc.type) if e_doc else e.document_id
        lines.append(f"       原文（{title}，第{e.page}页）：“{' '.join(e.quote.split())}”")
    if f.legal_basis:
        lines.append(f"       依据：{basis_text(f.legal_basis)}")
    return lines


def rule_names() -> dict[str, str]:
    from auditor.rules.loader import load_rules

    return {r.id: r.name for r in load_rules()}


def _indent(s: str, n: int = 4) -> str:
    return "\n".join(" " * n + line for line in s.split("\n"))


def render_text(cases: list[AuditResult] | list[DossierReport]) -> str:
    parts = [render_case(c) for c in cases]
    total = sum(len(c.findings) for c in cases)
    parts.append(f"共审查 {len(cases)} 份案卷，发现问题 {total} 项。")
    return "\n\n".join(parts) + "\n"
