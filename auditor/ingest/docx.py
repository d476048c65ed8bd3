"""Word documents: paragraphs and table cells in body order, split into pages at explicit page breaks.

python-docx opens and validates the package; the body XML is walked directly because its
`paragraphs` / `tables` lists lose the interleaving of the two and hide page breaks inside runs.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from auditor.ingest.archive import entry_refusal
from auditor.ingest.tables import block_row_lines, table_lines
from auditor.limits import DEFAULT_LIMITS, Limits
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
                rows = _table_rows(child)
                if rows is None:  # page breaks or tables inside: cell by cell, each paragraph its own line
                    for row in child.iterchildren(_W + "tr"):
                        for cell in row.iterchildren(_W + "tc"):
                            self.block(cell)
                else:
                    for line in _rows_as_lines(rows):
                        self.out.text(line)
                        self.out.end_line()
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


def _cell_lines(cell: etree._Element) -> list[str]:
    """A table cell's visible text, one line per paragraph."""
    walker = _Walker(cell)
    walker.block(cell)
    lines = [line.strip() for page in walker.out.result() for line in page.split("\n")]
    return [line for line in lines if line]


def _table_rows(table: etree._Element) -> list[list[list[str]]] | None:
    """The table's rows of cells' lines, or None when it holds page breaks or other tables (read cell by cell)."""
    for el in table.iter(_W + "br", _W + "pageBreakBefore", _W + "tbl"):
        if el is not table and (el.tag != _W + "br" or el.get(_W + "type") == "page"):
            return None
    return [[_cell_lines(cell) for cell in row.iterchildren(_W + "tc")] for row in table.iterchildren(_W + "tr")]


# A cell of this many paragraphs holds a form of its own (a 存根 printed beside its 正本, ind_bm02), not a field's value.
_BLOCK_CELL_LINES = 3


def _rows_as_lines(rows: list[list[list[str]]]) -> list[str]:
    """Rows of one-line cells (paragraphs joined by a space) read as their table (`table_lines`); a row with a cell of
    `_BLOCK_CELL_LINES` paragraphs or more read cell by cell, between them."""
    out: list[str] = []
    pending: list[list[str]] = []
    for row in rows:
        if any(len(cell) >= _BLOCK_CELL_LINES for cell in row):
            out += table_lines(pending) if pending else []
            pending = []
            out += block_row_lines(row)
        else:
            pending.append([" ".join(cell) for cell in row])
    return out + (table_lines(pending) if pending else [])


MAIN_PART = "word/document.xml"
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_SUFFIXES = (".xml", ".rels")


def load_docx(
    path: Path, source: str, first_page: int, limits: Limits = DEFAULT_LIMITS
) -> tuple[list[Page], list[AuditError]]:
    errors: list[AuditError] = []
    try:
        with zipfile.ZipFile(path) as zf:
            # python-docx holds every part in memory: sizes and ratios are checked before it opens anything.
            for info in zf.infolist():
                cap = limits.xml_part_bytes if info.filename.endswith(_XML_SUFFIXES) else limits.file_bytes
                refusal = entry_refusal(info, limits, size_cap=cap)
                if refusal:
                    return [], [make_error("E080", source=source, detail=f"DOCX 部件{refusal}")]
            head = _part_head(zf)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        return [], [make_error("E006", source=source, detail=type(exc).__name__)]
    if head is not None and _DECLARATION.search(head):
        # An entity (XXE) is never resolved; its text is missing, so the reviewer is told.
        errors.append(make_error("E089", source=source))
    try:
        document = docx.Document(str(path))
        body = document.element.body
    except (zipfile.BadZipFile, KeyError, PackageNotFoundError, ValueError, etree.XMLSyntaxError, EOFError,
            NotImplementedError, zlib.error) as exc:
        body, detail = _recover_body(path)
        if body is None:
            return [], [*errors, make_error("E006", source=source, detail=type(exc).__name__)]
        errors.append(make_error("E078", source=source, detail=f"{type(exc).__name__}；{detail}"))
    if body is None:
        return [], [*errors, make_error("E006", source=source, detail="没有正文")]
    walker = _Walker(body)
    walker.block(body)
    pages = [
        # A page between two page breaks with no text is a blank page, as in a scan.
        Page(number=first_page + i, text=text, source=source, method="docx", quality=1.0, source_index=i,
             blank=not text.strip())
        for i, text in enumerate(walker.out.result())
    ]
    return pages, errors


def _part_head(zf: zipfile.ZipFile) -> bytes | None:
    """The first 4 KiB of the main part, where a DTD or entity declaration would be (None when it is absent)."""
    try:
        with zf.open(MAIN_PART) as part:
            return part.read(4096)
    except KeyError:
        return None
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError, ValueError):
        return None


def _recover_body(path: Path) -> tuple[etree._Element | None, str]:
    """The body of a damaged DOCX: the main part's bytes as far as they unpack (CRC not checked), parsed by
    lxml's recovering parser (entities never resolved, no network); (None, reason) when nothing is left."""
    data = b""
    reason = "正文部件完整"
    try:
        with zipfile.ZipFile(path) as zf, zf.open(MAIN_PART) as part:
            part._expected_crc = None  # type: ignore[attr-defined]  # read past a flipped byte; text is checked below
            chunks = []
            try:
                while chunk := part.read(65536):
                    chunks.append(chunk)
            except (zipfile.BadZipFile, EOFError, zlib.error, OSError) as exc:
                reason = f"正文部件只读出一部分（{type(exc).__name__}）"
            data = b"".join(chunks)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError, ValueError):
        return None, "没有正文部件"
    if not data:
        return None, "正文部件为空"
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None, "正文部件无法解析"
    if root is None:
        return None, "正文部件无法解析"
    body = root.find(_W + "body")
    return (body if body is not None else root), reason
