"""A summary a reviewer can read in a terminal."""

from __future__ import annotations

import unicodedata

from auditor.labels import CATEGORY_LABEL, SEVERITY_LABEL
from auditor.model import AuditResult


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


def render_case(case: AuditResult) -> str:
    d = case.dossier
    counts = {s: sum(1 for f in case.findings if f.severity == s) for s in SEVERITY_LABEL}
    out = [
        f"案卷：{d.source}",
        f"  页数 {len(d.pages)}{_blank(d.pages)}  文书 {len(case.documents)}  事件 {len(case.events)}  引用 {len(case.citations)}"
        f"  问题 {len(case.findings)}（错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}）",
    ]
    if case.documents:
        rows = [[doc.id, doc.type, doc.number or "", doc.date.isoformat() if doc.date else "", ",".join(map(str, doc.pages))]
                for doc in case.documents]
        out += ["", "  文书：", _indent(table(rows, ["编号", "类型", "文号", "日期", "页"]))]
    if case.findings:
        rows = []
        for f in case.findings:
            ev = f.evidence[0] if f.evidence else None
            where = f"{ev.document_id} 第{ev.page}页" if ev else (f.document_id or "")
            rows.append(
                [SEVERITY_LABEL.get(f.severity, f.severity), f.rule_id, CATEGORY_LABEL.get(f.category, f.category),
                 where, _clip(f.message, 60)]
            )
        out += ["", "  问题：", _indent(table(rows, ["级别", "规则", "类别", "位置", "说明"]))]
    else:
        out += ["", "  未发现问题。"]
    notices = case.case.volume_notices()
    if notices:
        out += ["", "  卷宗结构提示："] + [f"    {n}" for n in notices]
    if case.errors:
        out += ["", "  读取错误："] + [f"    [{e.code}] {e.message}" for e in case.errors]
    return "\n".join(out)


def _blank(pages: list) -> str:
    blank = sum(1 for p in pages if p.blank)
    return f"（空白页 {blank}，未识别）" if blank else ""


def _indent(s: str, n: int = 4) -> str:
    return "\n".join(" " * n + line for line in s.split("\n"))


def render_text(cases: list[AuditResult]) -> str:
    parts = [render_case(c) for c in cases]
    total = sum(len(c.findings) for c in cases)
    parts.append(f"共审查 {len(cases)} 份案卷，发现问题 {total} 项。")
    return "\n\n".join(parts) + "\n"
