"""Word documents: paragraphs and table cells in body order, split into pages at explicit page breaks.

python-docx opens and validates the package; the body XML is walked directly because its
`paragraphs` / `tables` lists lose the interleaving of the two and hide page breaks inside runs.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from auditor.model import AuditError, Page
from auditor.model.errors import make_error

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees that hold no visible body text (deleted revisions, field codes, duplicated fallbacks).
_SKIP = frozenset({_W + "pPr", _W + "rPr", _W + "del", _W + "delText", _W + "instrText", _MC_FALLBACK})
_FALSE = frozenset({"0", "false", "off"})


class _PageBuilder:
    """Accumulates lines into pages; a page break closes the current page."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = [[]]
        self.pieces: list[str] = []
        self.started = False  # any content yet: a break before the first content is not a blank page

    def text(self, piece: str) -> None:
        self.pieces.append(piece)
        self.started = True

    def end_line(self, force: bool = True) -> None:
        if self.pieces or force:
            self.pages[-1].append("".join(self.pieces))
            self.started = True
        self.pieces = []

    def page_break(self) -> None:
        self.end_line(force=False)
        if self.started:
            self.pages.append([])

    def result(self) -> list[str]:
        texts = ["\n".join(lines) for lines in self.pages]
        while len(texts) > 1 and not texts[-1].strip():
            texts.pop()  # a trailing break leaves an empty page that carries nothing
        return texts


def _on(element: etree._Element | None) -> bool:
    return element is not None and element.get(_W + "val", "true").lower() not in _FALSE


def _section_breaks(body: etree._Element) -> set[etree._Element]:
    """Paragraph-level sectPr elements after which the next section starts on a new page."""
    sects = list(body.iter(_W + "sectPr"))
    breaking: set[etree._Element] = set()
    for current, following in zip(sects, sects[1:], strict=False):
        kind = following.find(_W + "type")
        if kind is None or kind.get(_W + "val", "nextPage") != "continuous":
            breaking.add(current)
    return breaking


class _Walker:
    def __init__(self, body: etree._Element) -> None:
        self.out = _PageBuilder()
        self.breaking = _section_breaks(body)

    def block(self, parent: etree._Element) -> None:
        for child in parent:
            if child.tag == _W + "p":
                self.paragraph(child)
            elif child.tag == _W + "tbl":
                for row in child.iterchildren(_W + "tr"):
                    for cell in row.iterchildren(_W + "tc"):
                        self.block(cell)
            elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
                self.block(child)

    def paragraph(self, p: etree._Element) -> None:
        ppr = p.find(_W + "pPr")
        if ppr is not None and _on(ppr.find(_W + "pageBreakBefore")):
            self.out.page_break()
        had_break = self.inline(p)
        self.out.end_line(force=not had_break)
        sect = ppr.find(_W + "sectPr") if ppr is not None else None
        if sect is not None and sect in self.breaking:
            self.out.page_break()

    def inline(self, parent: etree._Element) -> bool:
        """Emit the run text of `parent`; True when a page break occurred inside it."""
        had_break = False
        for el in parent:
            tag = el.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _W + "t":
                self.out.text(el.text or "")
            elif tag == _W + "tab":
                self.out.text("\t")
            elif tag == _W + "br" and el.get(_W + "type") == "page":
                self.out.page_break()
                had_break = True
            elif tag in (_W + "br", _W + "cr"):  # line break inside the paragraph
                self.out.text("\n")
            elif tag == _W + "noBreakHyphen":
                self.out.text("-")
            elif tag == _W + "p":  # text box content anchored in this paragraph: its own line
                self.out.end_line(force=False)
                self.paragraph(el)
            else:
                had_break = self.inline(el) or had_break
        return had_break


def load_docx(path: Path, source: str, first_page: int) -> tuple[list[Page], list[AuditError]]:
    try:
        document = docx.Document(str(path))
        body = document.element.body
    except (zipfile.BadZipFile, KeyError, PackageNotFoundError, ValueError, etree.XMLSyntaxError) as exc:
        return [], [make_error("E006", source=source, detail=type(exc).__name__)]
    walker = _Walker(body)
    walker.block(body)
    pages = [
        Page(number=first_page + i, text=text, source=source, method="docx", quality=1.0, source_index=i)
        for i, text in enumerate(walker.out.result())
    ]
    return pages, []
