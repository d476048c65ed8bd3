"""The training export: reviewed findings → redacted items → JSONL or a DOCX handout (one case per page, 题目
then 解析, grouped by rule). Only confirmed findings unless a trial export is asked for, which every page then
says. The last check scans what is about to be written and refuses the file if any personal data survived."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from auditor.redact import LeakError, Policy, check
from auditor.redact.documents import ExportRedaction
from auditor.training.items import TrainingItem, build_item, settings
from auditor.training.sources import CONFIRMED, REJECTED, FindingSource
from auditor.training.statutes import corpus_dir


@dataclass(frozen=True)
class ExportOptions:
    rules: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    include_unreviewed: bool = False
    law_corpus: str | None = None
    policy: Policy | None = None


@dataclass
class ExportReport:
    items: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass
class Collected:
    items: list[TrainingItem]
    names: set[str]  # every name of every dossier the items come from (for the last check)


def collect(source: FindingSource, options: ExportOptions) -> Collected:
    """The items a UI page lists and an export writes (redacted), in rule order."""
    corpus = corpus_dir(options.law_corpus)
    redactions: dict[int, ExportRedaction] = {}
    items: list[TrainingItem] = []
    names: set[str] = set()
    for rf in source.reviewed():
        f = rf.finding
        if options.rules and f.rule_id not in options.rules:
            continue
        if options.categories and f.category not in options.categories:
            continue
        if rf.review == REJECTED or (rf.review != CONFIRMED and not options.include_unreviewed):
            continue
        redaction = redactions.get(id(rf.result))
        if redaction is None:
            redaction = redactions[id(rf.result)] = ExportRedaction(rf.result, policy=options.policy)
            red = redaction.redactor
            names |= red.names - (red.officer_names if red.policy.officers == "keep" else set())
        items.append(build_item(rf.result, f, rf.review, redaction, corpus))
    items.sort(key=lambda i: (i.rule_id, i.id))
    return Collected(items, names)


def export(source: FindingSource, options: ExportOptions, fmt: str, out: Path | None) -> ExportReport:
    collected = collect(source, options)
    report = ExportReport(items=len(collected.items), problems=list(source.problems))
    if fmt == "docx":
        if out is None:
            raise ValueError("docx needs an output file")
        data = docx_bytes(collected.items, collected.names)
        out.write_bytes(data)
    else:
        text = jsonl(collected.items, collected.names)
        if out is None:
            import sys

            sys.stdout.write(text)
        else:
            out.write_text(text, encoding="utf-8")
    return report


def jsonl(items: Iterable[TrainingItem], names: set[str]) -> str:
    """One JSON object per line; checked before it is returned."""
    lines = [json.dumps(i.to_dict(), ensure_ascii=False) for i in items]
    text = "".join(line + "\n" for line in lines)
    check([("JSONL 输出", text)], names)
    return text


# --- DOCX handout --------------------------------------------------------------------------------------

_MARK = re.compile(r"(【[^【】]*】)")


def docx_bytes(items: list[TrainingItem], names: set[str]) -> bytes:
    """The handout as DOCX bytes; the last check reads every paragraph of the built document."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt, RGBColor

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(11)
    trial = any(i.trial for i in items)
    trial_mark = settings()["trial_mark"]
    if trial:
        doc.sections[0].header.paragraphs[0].text = trial_mark
    doc.add_heading("案卷审查培训案例（已脱敏）", level=0)
    doc.add_paragraph(f"共 {len(items)} 个案例，按审查规则分组；每页一个案例，先题目，后解析。")
    current_rule = None
    for n, item in enumerate(items, 1):
        doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        if item.rule_id != current_rule:
            current_rule = item.rule_id
            doc.add_heading(f"{item.rule_name}（{item.rule_id}）", level=1)
        if item.trial:
            p = doc.add_paragraph()
            run = p.add_run(trial_mark)
            run.bold = True
            run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
        doc.add_heading(f"案例 {n}　题目", level=2)
        doc.add_paragraph(f"类别：{item.category_label}　级别：{item.severity}")
        doc.add_paragraph(item.question)
        for excerpt in item.excerpts:
            for line in excerpt.split("\n"):
                p = doc.add_paragraph()
                for piece in _MARK.split(line):
                    if piece:
                        run = p.add_run(piece)
                        if piece.startswith("【"):
                            run.bold = True
                            run.underline = True
        doc.add_heading(f"案例 {n}　解析", level=2)
        doc.add_paragraph("问题所在：" + item.wrong)
        if item.why:
            doc.add_paragraph("分析：")
            for step in item.why:
                doc.add_paragraph(step, style="List Number")
        if item.rule_why:
            doc.add_paragraph("为什么重要：" + item.rule_why)
        if item.legal_basis:
            doc.add_paragraph("法律依据：")
            for b in item.legal_basis:
                doc.add_paragraph(b.label, style="List Bullet")
                if b.text:
                    q = doc.add_paragraph("“" + b.text + "”")
                    q.paragraph_format.left_indent = Pt(24)
                elif b.fragments:
                    q = doc.add_paragraph("（条文要点）" + "……".join(b.fragments))
                    q.paragraph_format.left_indent = Pt(24)
        if item.correct:
            doc.add_paragraph("正确做法：")
            for c in item.correct:
                doc.add_paragraph(c)
    check(list(_docx_parts(doc)), names)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _docx_parts(doc) -> Iterable[tuple[str, str]]:
    for i, p in enumerate(doc.paragraphs):
        yield f"DOCX 第{i + 1}段", p.text
    for section in doc.sections:
        for p in section.header.paragraphs:
            yield "DOCX 页眉", p.text
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                yield "DOCX 表格", cell.text


__all__ = ["Collected", "ExportOptions", "ExportReport", "LeakError", "collect", "docx_bytes", "export", "jsonl"]
