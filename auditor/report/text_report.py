"""A summary a reviewer can read in a terminal."""

from __future__ import annotations

import unicodedata

from auditor.labels import CATEGORY_LABEL, LEVEL_LABEL, SEVERITY_LABEL, WARNING_KIND_LABEL, basis_label
from auditor.model import AuditResult, DeadlineWarning, Document, DossierReport, Finding, Score
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
        f"  页数 {report.pages}{_blank(report.page_details)}  文书 {len(report.documents)}  事件 {len(report.events)}"
        f"  引用 {len(report.citations)}"
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
    if report.score is not None:
        out += ["", *render_score(report.score)]
    if report.warnings is not None:
        out += ["", *render_warnings(report.warnings, report.as_of)]
    notices = [n for check in (*report.toc_check, *report.cover_check) for n in check.notices]
    if notices:
        out += ["", "  卷宗结构提示："] + [f"    {n}" for n in notices]
    if report.errors:
        out += ["", "  读取错误："] + [f"    [{e.code}] {e.message}" for e in report.errors]
    return "\n".join(out)


def _blank(pages: list) -> str:
    blank = sum(1 for p in pages if p.blank)
    return f"（空白页 {blank}，未识别）" if blank else ""


def render_score(score: Score) -> list[str]:
    """评查得分: points, grade, vetoes and the itemised deductions."""
    basis = "仅计复核确认的问题" if score.basis == "review" else "未经复核，计入全部问题"
    head = f"  评查得分（{score.standard_title}，{basis}）：{score.points:g} / {score.full_marks:g}，等次：{score.grade}"
    lines = [head]
    if score.vetoes:
        lines.append("    一票否决：" + "、".join(dict.fromkeys(f"{v.label}（{v.rule_id}）" for v in score.vetoes)))
    if score.deductions:
        rows = [[d.item_name, d.rule_id, SEVERITY_LABEL.get(d.severity, d.severity), f"-{d.points:g}",
                 _clip(d.message, 60)] for d in score.deductions]
        lines.append(_indent(table(rows, ["评查项目", "规则", "级别", "扣分", "问题"])))
    if score.pending:
        lines.append(f"    另有 {len(score.pending)} 项问题待复核，未计入得分。")
    return lines


def warning_rows(warnings: tuple[DeadlineWarning, ...] | list[DeadlineWarning]) -> list[list[str]]:
    rows = []
    for w in warnings:
        left = f"{w.days_left}日" if w.days_left >= 0 else f"超{-w.days_left}日"
        rows.append([LEVEL_LABEL.get(w.level or "", "—"), WARNING_KIND_LABEL.get(w.kind, w.kind), w.person or "",
                     w.name, f"{w.start_action} {w.start}", w.limit, str(w.last_day), left, _clip(w.next_act, 40)])
    return rows


WARNING_HEADER = ["预警", "类型", "人员", "期限/事项", "起算", "期限长度", "最后一日", "剩余", "下一步"]


def render_warnings(warnings: tuple[DeadlineWarning, ...], as_of: object) -> list[str]:
    """执法巡查预警: every running period and due next act, fewest days left first, with their bases."""
    if not warnings:
        return [f"  执法巡查预警（截至{as_of}）：无仍在运行的期限。"]
    lines = [f"  执法巡查预警（截至{as_of}）：", _indent(table(warning_rows(warnings), WARNING_HEADER))]
    for w in warnings:
        extras = []
        if w.extensions:
            extras.append("已有延长：" + "；".join(w.extensions))
        if w.legal_basis:
            extras.append("依据：" + "；".join(basis_label(b.law, b.version, b.article, b.paragraph, b.item)
                                             for b in w.legal_basis))
        extras += w.notes
        if extras:
            lines.append(f"    {w.person or ''} {w.name}：" + "；".join(extras))
    return lines


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
