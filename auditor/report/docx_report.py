"""DOCX 评查通报 (python-docx) in 公文 style after GB/T 9704: A4, margins 37/35/28/26 mm, title in 小标宋 二号,
headings 黑体 / 楷体 三号, body 仿宋 三号 at a fixed 28 pt line, page numbers "— N —". The fonts are named; Word
uses them where installed and its own fallback elsewhere."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from auditor.labels import CATEGORY_LABEL
from auditor.model import Score
from auditor.report.rows import DossierRow, FindingRow
from auditor.report.summary import tally
from auditor.scoring.standard import load_standard
from auditor.scoring.tables import grades_by_unit, unit_rows
from auditor.text.numerals import int_to_cn

TITLE_FONT, HEADING_FONT, SUBHEADING_FONT, BODY_FONT = "方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312"
SIZE_2, SIZE_3, SIZE_4 = Pt(22), Pt(16), Pt(14)
TYPICAL_CASES = 5


def _run(paragraph: Paragraph, text: str, font: str = BODY_FONT, size: Pt = SIZE_3, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.font.bold = font, size, bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        rfonts.set(qn(attr), font)


def _para(doc: Document, text: str = "", font: str = BODY_FONT, size: Pt = SIZE_3, indent: bool = True,
          align: WD_ALIGN_PARAGRAPH | None = None, bold: bool = False) -> Paragraph:
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(28)
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(size.pt * 2)
    if align is not None:
        p.alignment = align
    if text:
        _run(p, text, font, size, bold)
    return p


def _page_number_footer(doc: Document) -> None:
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(footer, "— ", "宋体", SIZE_4)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    footer._p.append(field)
    _run(footer, " —", "宋体", SIZE_4)


def _date_cn(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _table(doc: Document, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        _run(cell.paragraphs[0], text, HEADING_FONT, Pt(12))
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            _run(cell.paragraphs[0], text, BODY_FONT, Pt(12))


def _grades(doc: Document, scores: Sequence[tuple[str, Score]]) -> None:
    """评查得分: the standard(s), the average, the count per grade, vetoes; then the table by 办案单位."""
    values = [s for _, s in scores]
    titles = list(dict.fromkeys(s.standard_title for s in values))
    order = [g.grade for name in dict.fromkeys(s.standard for s in values) for g in load_standard(name).grades]
    counts = {g: sum(1 for s in values if s.grade == g) for g in dict.fromkeys(order)}
    vetoed = [s for s in values if s.vetoes]
    reviewed = sum(1 for s in values if s.basis == "review")
    average = sum(s.points for s in values) / len(values)
    _para(doc, f"按{'、'.join(f'《{t}》' for t in titles)}对{len(values)}份案卷逐卷评分，平均得分{average:.1f}分；"
               + "，".join(f"{g}{n}份" for g, n in counts.items() if n) + "。"
               + (f"其中{len(vetoed)}份因一票否决事项评为{'、'.join(dict.fromkeys(s.grade for s in vetoed))}。"
                  if vetoed else "")
               + (f"{reviewed}份案卷已有人工审查结论，仅计入经确认的问题；其余按审查发现的全部问题计分。" if reviewed
                  else "各案卷尚无人工审查结论，按审查发现的全部问题计分。"))
    header, rows = unit_rows(grades_by_unit(values))
    _table(doc, header, rows)


def render_docx(findings: Sequence[FindingRow], dossiers: Sequence[DossierRow], *, title: str = "案件评查情况通报",
                confirmed_only: bool = False, issued: dt.date | None = None,
                scores: Sequence[tuple[str, Score]] = ()) -> bytes:
    """`scores`: (file name, score) per dossier; with them a section 评查得分 with the grades by 办案单位."""
    issued = issued or dt.date.today()
    headings = iter(int_to_cn(i) for i in range(1, 10))
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _page_number_footer(doc)

    _para(doc, title, TITLE_FONT, SIZE_2, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc)

    organs = sorted({d.organ or "（未识别单位）" for d in dossiers})
    audited = sorted(d.audited_at.date() for d in dossiers if d.audited_at)
    period = (f"{_date_cn(audited[0])}至{_date_cn(audited[-1])}" if audited and audited[0] != audited[-1]
              else _date_cn(audited[0]) if audited else _date_cn(issued))
    severity = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    status = {s: sum(1 for f in findings if f.status == s) for s in ("confirmed", "dismissed", "pending", None)}

    _para(doc, f"{next(headings)}、评查基本情况", HEADING_FONT)
    _para(doc, f"{period}，对{len(organs)}个办案单位（{'、'.join(organs)}）的{len(dossiers)}份案卷进行了评查。"
               f"{'本通报仅列入经人工审查确认的问题。' if confirmed_only else ''}"
               f"共列入问题{len(findings)}项，其中错误{severity['error']}项、警告{severity['warning']}项、"
               f"提示{severity['info']}项；经人工审查，确认{status['confirmed']}项，驳回{status['dismissed']}项，"
               f"待补充{status['pending']}项，尚未审查{status[None]}项。")
    unreadable = [d for d in dossiers if d.errors]
    if unreadable:
        _para(doc, f"另有{len(unreadable)}份案卷存在无法读取的文件或页面（"
                   + "；".join(f"{d.source_name}：{d.errors[0]}" for d in unreadable[:5])
                   + "），相关内容未参与审查，需人工核对。")

    if scores:
        _para(doc, f"{next(headings)}、评查得分", HEADING_FONT)
        _grades(doc, scores)
    _para(doc, f"{next(headings)}、发现的主要问题", HEADING_FONT)
    _para(doc, "（一）按办案单位", SUBHEADING_FONT)
    for t in tally(findings, "organ"):
        rules = tally([f for f in findings if (f.organ or "（未识别单位）") == t.key], "rule")
        listed = "、".join(f"{r.name}{r.total}项" for r in rules[:6])
        count = sum(1 for d in dossiers if (d.organ or "（未识别单位）") == t.key)
        _para(doc, f"{t.key}：评查案卷{count}份，发现问题{t.total}项（确认{t.by_status['confirmed']}项），"
                   f"主要为{listed}。")
    _para(doc, "（二）按问题类型", SUBHEADING_FONT)
    rule_rows = [[t.name, CATEGORY_LABEL.get(next(f.category for f in findings if f.rule_id == t.key), ""),
                  str(t.total), str(t.by_status["confirmed"]), str(len(t.dossiers))] for t in tally(findings, "rule")]
    _table(doc, ["问题类型", "类别", "问题数", "确认数", "涉及案卷"], rule_rows)

    _para(doc, f"{next(headings)}、典型问题", HEADING_FONT)
    for i, t in enumerate(tally(findings, "rule")[:TYPICAL_CASES], start=1):
        same = [f for f in findings if f.rule_id == t.key]
        example = next((f for f in same if f.status == "confirmed"), same[0])
        where = "，".join(x for x in (example.source_name, example.organ, example.document_title) if x)
        _para(doc, f"（{int_to_cn(i)}）{t.name}", SUBHEADING_FONT)
        _para(doc, f"{where}：{example.message}。" if not example.message.endswith("。") else f"{where}：{example.message}")
        if example.quotes:
            _para(doc, "证据原文：" + "；".join(f"“{q.strip()}”" for q in example.quotes[:2]) + "。")
        if example.legal_basis:
            _para(doc, f"法律依据：{example.legal_basis}。")

    _para(doc, f"{next(headings)}、整改要求", HEADING_FONT)
    _para(doc, "请各办案单位对照所附案件评查表逐项核查：对确认的问题，查明原因，限期整改；对存在异议的问题，"
               "可在收到本通报后提出复核意见，附相关材料。")
    _para(doc)
    _para(doc, _date_cn(issued), indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
