"""Write a synthetic dossier as TXT, DOCX or a text PDF (one document after another).

TXT separates documents with a "=====" line (or only a blank line, for the title-based
segmentation path); DOCX puts one paragraph per line and a page break between documents; the PDF
starts each document on a new A4 page, wraps long lines and embeds the WenQuanYi Micro Hei font
so that its text layer reads back with the same characters.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from auditor.synth.generator import SynthDossier

FONT_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
FONT_NAME = "WQY"
SEPARATOR = "====="


class FontMissingError(RuntimeError):
    """The CJK font needed for PDF output is not installed."""


def dossier_text(dossier: SynthDossier, separators: bool = True) -> str:
    """The dossier as plain text; documents separated by a "=====" line, or by a blank line only."""
    glue = f"\n{SEPARATOR}\n" if separators else "\n\n"
    return glue.join("\n".join(doc.lines) for doc in dossier.documents) + "\n"


def write_txt(dossier: SynthDossier, path: Path, separators: bool = True) -> Path:
    Path(path).write_text(dossier_text(dossier, separators), encoding="utf-8")
    return Path(path)


def write_docx(dossier: SynthDossier, path: Path) -> Path:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    out = Document()
    for i, doc in enumerate(dossier.documents):
        if i:
            out.add_page_break()
        for n, line in enumerate(doc.lines):
            para = out.add_paragraph(line)
            if n < 2:  # organ and title lines are centred, as on the printed form
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    out.save(str(path))
    return Path(path)


def check_font(path: Path | None = None) -> None:
    path = path or FONT_PATH
    if not Path(path).exists():
        raise FontMissingError(f"找不到中文字体文件 {path}，无法生成 PDF；请安装 fonts-wqy-microhei（make font）")


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    check_font()
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(FONT_PATH), subfontIndex=0))


def wrap(line: str, width: float, size: float) -> list[str]:
    """Break `line` into pieces no wider than `width` points (CJK text breaks between any characters)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pieces: list[str] = []
    current, used = "", 0.0
    for ch in line:
        w = stringWidth(ch, FONT_NAME, size)
        if current and used + w > width:
            pieces.append(current)
            current, used = "", 0.0
        current += ch
        used += w
    pieces.append(current)
    return pieces


# Layout in points on A4 (595 x 842).
_MARGIN_X, _TOP, _BOTTOM = 64.0, 72.0, 64.0
_BODY, _TITLE, _LEADING = 12.0, 18.0, 20.0


def write_pdf(dossier: SynthDossier, path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    _register_font()
    page_w, page_h = A4
    width = page_w - 2 * _MARGIN_X
    canvas = Canvas(str(path), pagesize=A4, invariant=1)  # invariant: same bytes for the same input
    canvas.setTitle(dossier.stem)
    for i, doc in enumerate(dossier.documents):
        if i:
            canvas.showPage()
        y = page_h - _TOP
        for n, line in enumerate(doc.lines):
            size = _TITLE if n == 1 else _BODY
            for piece in wrap(line, width, size) if line else [""]:
                if y < _BOTTOM:
                    canvas.showPage()
                    y = page_h - _TOP
                canvas.setFont(FONT_NAME, size)
                if n < 2:
                    canvas.drawCentredString(page_w / 2, y, piece)
                else:
                    canvas.drawString(_MARGIN_X, y, piece)
                y -= _LEADING * (1.5 if n == 1 else 1.0)
    canvas.save()
    return Path(path)


def write_scan(dossier: SynthDossier, path: Path) -> Path:
    """An image-only PDF, one noisy scanned page per document (skew, blur, JPEG, seal, signature)."""
    from auditor.synth.scan import render_scan_pdf  # late: Pillow/numpy rendering

    check_font()
    seed = sum(map(ord, dossier.stem))  # deterministic per dossier
    render_scan_pdf(["\n".join(doc.lines) for doc in dossier.documents], Path(path), seed=seed)
    return Path(path)


WRITERS: dict[str, Callable[[SynthDossier, Path], Path]] = {
    "txt": write_txt, "docx": write_docx, "pdf": write_pdf, "scan": write_scan,
}
# File name ending per format: a scan is a PDF too, told apart from the text PDF by its name.
EXTENSIONS = {"txt": "txt", "docx": "docx", "pdf": "pdf", "scan": "scan.pdf"}
