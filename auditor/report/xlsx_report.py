"""XLSX 案件评查表 (openpyxl): the findings with their review state, a summary by rule and 办案单位 (with the grades
by 办案单位 when scores are given), the dossiers, and a 评分 sheet (each dossier's score, then each deduction)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from auditor.labels import CATEGORY_LABEL, SEVERITY_LABEL
from auditor.model import Score
from auditor.report.reasons import reason_label, status_labels
from auditor.report.rows import DossierRow, FindingRow
from auditor.report.summary import tally
from auditor.scoring.tables import (
    DEDUCTION_HEADER,
    DOSSIER_HEADER,
    deduction_rows,
    dossier_rows,
    grades_by_unit,
    unit_rows,
)

FINDING_COLUMNS = [  # header, width
    ("序号", 6), ("案卷", 28), ("办案单位", 18), ("文书", 22), ("文书日期", 12), ("页码", 8), ("级别", 7),
    ("类别", 10), ("规则编号", 26), ("规则名称", 22), ("问题描述", 60), ("证据原文", 48), ("法律依据", 44),
    ("审查状态", 9), ("理由", 22), ("审查意见", 30), ("审查人", 10), ("审查时间", 17), ("比对上次", 9),
]
CHANGE_LABEL = {"new": "新增", "unchanged": "未变", None: ""}
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_THIN = Side(style="thin", color="A0A0A0")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = "宋体"


def status_text(status: str | None) -> str:
    return status_labels().get(status, "") if status else "未审查"


def finding_cells(i: int, r: FindingRow) -> list[object]:
    return [
        i, r.source_name, r.organ or "", r.document_title or r.document_type or "",
        r.document_date.isoformat() if r.document_date else "", "、".join(map(str, r.pages)),
        SEVERITY_LABEL.get(r.severity, r.severity), CATEGORY_LABEL.get(r.category, r.category), r.rule_id,
        r.rule_name, r.message, "\n".join(r.quotes), r.legal_basis, status_text(r.status),
        reason_label(r.reason_code), r.comment, r.reviewer or "",
        r.decided_at.astimezone().strftime("%Y-%m-%d %H:%M") if r.decided_at else "", CHANGE_LABEL.get(r.change, ""),
    ]


def _sheet(ws: Worksheet, columns: list[tuple[str, int]], rows: list[list[object]], wrap: bool = True) -> None:
    ws.append([c for c, _ in columns])
    for row in rows:
        ws.append(row)
    for i, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for cell in ws[1]:
        cell.font = Font(name=_FONT, bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            cell.font = Font(name=_FONT)
            cell.alignment = Alignment(vertical="top", wrap_text=wrap)
            cell.border = _BORDER
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = ws.dimensions


def _rate(value: float | None) -> str:
    return f"{value:.0%}" if value is not None else "—"


def _table_at(ws: Worksheet, row: int, title: str, header: list[str], rows: list[list[str]]) -> int:
    """A titled table from `row` down (below another one on the same sheet); the next free row."""
    ws.cell(row=row, column=1, value=title).font = Font(name=_FONT, bold=True)
    for col, text in enumerate(header, start=1):
        cell = ws.cell(row=row + 1, column=col, value=text)
        cell.font, cell.fill, cell.border = Font(name=_FONT, bold=True), _HEADER_FILL, _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, values in enumerate(rows, start=row + 2):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=i, column=col, value=value)
            cell.font, cell.border = Font(name=_FONT), _BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    return row + 2 + len(rows)


SCORE_WIDTHS = [32, 18, 26, 26, 8, 26, 40, 18]  # 评分 sheet: the dossier columns, then the deduction columns


def render_xlsx(findings: Sequence[FindingRow], dossiers: Sequence[DossierRow], title: str = "案件评查表",
                scores: Sequence[tuple[str, Score]] = ()) -> bytes:
    """`scores`: (file name, score) per dossier (auditor.store.derived.dossier_scores); without them no 评分 sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "问题清单"
    _sheet(ws, FINDING_COLUMNS, [finding_cells(i, r) for i, r in enumerate(findings, start=1)])

    summary = wb.create_sheet("汇总")
    status = ["confirmed", "dismissed", "pending", None]
    by_rule = [[t.key, t.name, t.total, *[t.by_status[s] for s in status], _rate(t.confirmed_rate)]
               for t in tally(findings, "rule")]
    _sheet(summary, [("规则编号", 30), ("规则名称", 26), ("问题数", 8), ("确认", 7), ("驳回", 7), ("待补充", 8),
                     ("未审查", 8), ("确认率", 8)], by_rule)
    start = summary.max_row + 3
    summary.cell(row=start - 1, column=1, value="按办案单位").font = Font(name=_FONT, bold=True)
    organs = {d.organ or "（未识别单位）" for d in dossiers}
    dossier_counts = {o: sum(1 for d in dossiers if (d.organ or "（未识别单位）") == o) for o in organs}
    headers = ["办案单位", "案卷数", "问题数", "错误", "警告", "提示", "确认", "驳回", "待补充", "未审查"]
    by_organ_tallies = {t.key: t for t in tally(findings, "organ")}
    for col, header in enumerate(headers, start=1):
        cell = summary.cell(row=start, column=col, value=header)
        cell.font, cell.fill, cell.border = Font(name=_FONT, bold=True), _HEADER_FILL, _BORDER
    for i, organ in enumerate(sorted(organs | set(by_organ_tallies), key=lambda o: -dossier_counts.get(o, 0))):
        t = by_organ_tallies.get(organ)
        values = [organ, dossier_counts.get(organ, 0), t.total if t else 0,
                  *[(t.by_severity[s] if t else 0) for s in ("error", "warning", "info")],
                  *[(t.by_status[s] if t else 0) for s in status]]
        for col, value in enumerate(values, start=1):
            cell = summary.cell(row=start + 1 + i, column=col, value=value)
            cell.font, cell.border = Font(name=_FONT), _BORDER

    if scores:
        header, rows = unit_rows(grades_by_unit(s for _, s in scores))
        _table_at(summary, summary.max_row + 3, "评查等次（按办案单位）", header, rows)

    sheet = wb.create_sheet("案卷")
    counts = {d.source_name: {"error": 0, "warning": 0, "info": 0, "reviewed": 0} for d in dossiers}
    for r in findings:
        if r.source_name in counts:
            counts[r.source_name][r.severity] += 1
            counts[r.source_name]["reviewed"] += r.status is not None
    _sheet(sheet, [("案卷", 32), ("办案单位", 18), ("版本", 6), ("页数", 7), ("文书数", 8), ("问题数", 8), ("错误", 7),
                   ("警告", 7), ("提示", 7), ("已审查", 8), ("读取错误", 40), ("审查时间", 17)],
           [[d.source_name, d.organ or "", d.version, d.pages, d.documents, d.findings,
             counts[d.source_name]["error"], counts[d.source_name]["warning"], counts[d.source_name]["info"],
             counts[d.source_name]["reviewed"], "\n".join(d.errors),
             d.audited_at.astimezone().strftime("%Y-%m-%d %H:%M") if d.audited_at else ""] for d in dossiers])
    if scores:
        graded = wb.create_sheet("评分")
        _sheet(graded, list(zip(DOSSIER_HEADER, SCORE_WIDTHS, strict=True)), dossier_rows(scores))
        deductions = deduction_rows(scores)
        _table_at(graded, graded.max_row + 3, f"扣分明细（{len(deductions)}项）", DEDUCTION_HEADER, deductions)
    wb.properties.title = title
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
