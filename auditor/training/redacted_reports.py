"""The "脱敏" option of the review exports (the workbench's 导出 page, `auditor report --db … --redact`).

Every string of a finding row and a dossier row that comes from a dossier or a reviewer (file name, 办案单位,
document title, message, evidence quotes, legal basis, explanation steps, comment, reviewer) goes through that
dossier's `ExportRedaction`; the raw finding data the JSON export carries is dropped. Before the bytes are returned
each dossier's redaction runs its last check (`finish()`), and the file is read back — every cell, paragraph, table
cell, header and footer — and scanned once more for ID numbers, phones, bank cards and the names of every dossier
in the export. Any hit raises `LeakError` (which detector, where; never the value) and nothing is returned.

The dossiers' texts and party lists are not in the stored report: the audit is rebuilt from the stored pages
(`store_source.rebuild`); callers that keep rebuilt results (the workbench) pass their own `result_of`.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from auditor.model import AuditResult, Score
from auditor.redact import LeakError, Policy, check
from auditor.redact.documents import ExportRedaction
from auditor.report.rows import DossierRow, FindingRow

FORMATS = ("xlsx", "docx", "csv")  # the JSON export carries each finding's raw data: not offered redacted


@dataclass
class RedactedRows:
    findings: list[FindingRow]
    dossiers: list[DossierRow]
    redactions: list[ExportRedaction]
    scores: list[tuple[str, Score]] = dataclasses.field(default_factory=list)  # (redacted file name, score)

    @property
    def names(self) -> set[str]:
        """Every name of every dossier in the export (officers' too unless the policy keeps them)."""
        out: set[str] = set()
        for r in self.redactions:
            red = r.redactor
            out |= red.names - (red.officer_names if red.policy.officers == "keep" else set())
        return out


def store_results(store) -> Callable[[int], AuditResult]:  # noqa: ANN001 — auditor.store.Store
    """Rebuild a stored dossier's audit from its pages (what the redaction needs: its text and party list)."""
    from auditor.training.store_source import rebuild

    def result_of(dossier_id: int) -> AuditResult:
        summary = store.dossier(dossier_id)
        return rebuild(store.pages(dossier_id), summary.source_name, summary.profile)

    return result_of


def redact_rows(findings: Sequence[FindingRow], dossiers: Sequence[tuple[int, DossierRow]],
                result_of: Callable[[int], AuditResult], policy: Policy | None = None,
                scores: Sequence[tuple[str, Score]] = ()) -> RedactedRows:
    """The rows with every dossier-derived string redacted by its own dossier's redaction. `dossiers`: each row
    with its store id; a finding belongs to the dossier of its `dossier_id` (else to the one of its file name).
    `scores`: (file name, score) per dossier (auditor.store.derived.dossier_scores): name, 办案单位 and each
    deduction's finding message redacted by that dossier's redaction."""
    redactions: dict[int, ExportRedaction] = {}

    def redaction(dossier_id: int) -> ExportRedaction:
        if dossier_id not in redactions:
            redactions[dossier_id] = ExportRedaction(result_of(dossier_id), policy=policy)
        return redactions[dossier_id]

    by_name = {row.source_name: dossier_id for dossier_id, row in dossiers}
    out_dossiers = []
    for n, (dossier_id, row) in enumerate(dossiers, start=1):
        red, where = redaction(dossier_id), f"案卷清单第{n}行"
        out_dossiers.append(dataclasses.replace(
            row, source_name=red.text(row.source_name, where), organ=_opt(red, row.organ, where),
            errors=tuple(red.text(e, where) for e in row.errors)))
    out_findings = []
    for n, row in enumerate(findings, start=1):
        dossier_id = row.dossier_id if row.dossier_id is not None else by_name.get(row.source_name)
        if dossier_id is None:
            raise ValueError(f"finding {row.fingerprint} belongs to no dossier of the export")
        red, where = redaction(dossier_id), f"问题清单第{n}行"
        out_findings.append(dataclasses.replace(
            row, source_name=red.text(row.source_name, where), case_key=red.text(row.case_key, where),
            organ=_opt(red, row.organ, where), document_title=_opt(red, row.document_title, where),
            message=red.text(row.message, where), quotes=tuple(red.text(q, where) for q in row.quotes),
            legal_basis=red.text(row.legal_basis, where), steps=tuple(red.text(s, where) for s in row.steps),
            comment=red.text(row.comment, where), reviewer=_opt(red, row.reviewer, where), data={}, marks=[]))
    out_scores = []
    for n, (name, score) in enumerate(scores, start=1):
        dossier_id = by_name.get(name)
        if dossier_id is None:
            raise ValueError("a score belongs to no dossier of the export")
        red, where = redaction(dossier_id), f"评分第{n}行"
        out_scores.append((red.text(name, where), score.model_copy(update={
            "unit": _opt(red, score.unit, where),
            "deductions": tuple(d.model_copy(update={"message": red.text(d.message, where)})
                                for d in score.deductions)})))
    return RedactedRows(out_findings, out_dossiers, list(redactions.values()), out_scores)


def _opt(red: ExportRedaction, value: str | None, where: str) -> str | None:
    return red.text(value, where) if value else value


def render(fmt: str, rows: RedactedRows, *, confirmed_only: bool = False) -> bytes:
    """The redacted export as bytes, after the last checks; raises LeakError instead of returning a leaking file."""
    from auditor.report.docx_report import render_docx
    from auditor.report.table_report import render_csv
    from auditor.report.xlsx_report import render_xlsx

    for redaction in rows.redactions:
        redaction.finish()
    if fmt == "xlsx":
        data = render_xlsx(rows.findings, rows.dossiers, scores=rows.scores)
        parts = list(xlsx_parts(data))
    elif fmt == "docx":
        data = render_docx(rows.findings, rows.dossiers, confirmed_only=confirmed_only, scores=rows.scores)
        parts = list(docx_parts(data))
    elif fmt == "csv":
        data = render_csv(rows.findings)
        parts = [("CSV 文件", data.decode("utf-8-sig"))]
    else:
        raise ValueError(f"no redacted {fmt} export")
    check(parts, rows.names)
    return data


def xlsx_parts(data: bytes) -> Iterator[tuple[str, str]]:
    """Every text of a workbook read back: each cell by sheet and coordinate, and the document properties."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        yield f"工作表“{sheet.title}”名称", sheet.title
        for line in sheet.iter_rows():
            for cell in line:
                if cell.value is not None:
                    yield f"工作表“{sheet.title}”{cell.coordinate}单元格", str(cell.value)
    props = book.properties
    yield "文件属性", " ".join(str(v) for v in (props.title, props.subject, props.creator, props.keywords) if v)


def docx_parts(data: bytes) -> Iterator[tuple[str, str]]:
    """Every text of a document read back: paragraphs, table cells, headers and footers, core properties."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    for i, p in enumerate(doc.paragraphs, start=1):
        yield f"正文第{i}段", p.text
    for t, table in enumerate(doc.tables, start=1):
        for r, row in enumerate(table.rows, start=1):
            for c, cell in enumerate(row.cells, start=1):
                yield f"第{t}个表格第{r}行第{c}列", cell.text
    for section in doc.sections:
        for part, name in ((section.header, "页眉"), (section.footer, "页脚")):
            for p in part.paragraphs:
                yield name, p.text
    props = doc.core_properties
    yield "文件属性", " ".join(str(v) for v in (props.title, props.subject, props.author, props.keywords) if v)


def export_redacted(fmt: str, findings: Sequence[FindingRow], dossiers: Iterable[tuple[int, DossierRow]],
                    result_of: Callable[[int], AuditResult], *, confirmed_only: bool = False,
                    policy: Policy | None = None, scores: Sequence[tuple[str, Score]] = ()) -> bytes:
    """redact_rows, then render: the one call the CLI and the workbench make."""
    return render(fmt, redact_rows(findings, list(dossiers), result_of, policy, scores),
                  confirmed_only=confirmed_only)


__all__ = ["FORMATS", "LeakError", "RedactedRows", "docx_parts", "export_redacted", "redact_rows", "render",
           "store_results", "xlsx_parts"]
