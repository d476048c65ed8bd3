"""PDF pages through pypdfium2: the text layer with one box per character, OCR when there is none.

Characters are read one by one from pdfium's character list (not `get_text_range`) so that the
text and the boxes cannot drift apart; pdfium's own generated characters ("\r\n" between lines,
spaces between words) get a None box.
"""

from __future__ import annotations

import ctypes
import importlib
import itertools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from auditor.ingest.ink import is_blank_gray
from auditor.ingest.progress import page_read
from auditor.ingest.quality import assess_text_layer, count_layer, has_text_layer, text_score
from auditor.ingest.quota import Quota, page_ranges
from auditor.model import AuditError, BBox, Page
from auditor.model.errors import make_error

SPARSE_PAGE_CHARS = 40
OCR_SCALE = 200 / 72  # 200 dpi: the engine scales the long side to 2000 px anyway (~170 dpi for A4)
INK_SCALE = 50 / 72  # 50 dpi is enough to see whether a page holds any ink at all

# UTF-16 units that need the slow path: surrogates (astral characters), NUL and control markers.
_ODD_UNITS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff\ufffd]")

_SPACE = re.compile(r"\s")

# (image, scale) -> OcrPage-like (text, boxes, stamp_pieces) or a (text, boxes) tuple.
OcrFunc = Callable[[Any, float], Any]


def find_ocr() -> tuple[OcrFunc | None, type[BaseException] | None]:
    """The optional OCR stage (auditor.ingest.ocr), or (None, None) when it is not installed.

    `ocr_page` (which also counts the seal noise it dropped) is preferred; `ocr_page_image` is the
    plain (text, boxes) form.
    """
    try:
        module = importlib.import_module("auditor.ingest.ocr")
    except ImportError:
        return None, None
    func = getattr(module, "ocr_page", None) or getattr(module, "ocr_page_image", None)
    unavailable = getattr(module, "OcrUnavailable", None)
    if not (isinstance(unavailable, type) and issubclass(unavailable, BaseException)):
        unavailable = None
    return (func if callable(func) else None), unavailable


def ocr_image(image: Any, scale: float, number: int, source: str) -> tuple[Page, list[AuditError]]:
    """OCR one page image; without OCR the page stays empty and E011 says why."""
    func, unavailable = find_ocr()
    empty = Page(number=number, text="", source=source, method="ocr", quality=0.0)
    if func is None:
        return empty, [make_error("E011", page=number, source=source)]
    try:
        shaped = _bounded_aspect(image)
    except OddShape as exc:
        return empty, [make_error("E010", page=number, source=source, detail=f"图像长宽比异常（{exc}）")]
    try:
        result = func(shaped, scale)
        if isinstance(result, tuple):
            (text, boxes), dropped = result, {}
        else:
            text, boxes = result.text, result.boxes
            dropped = {"stamp_noise": getattr(result, "stamp_pieces", 0), "signature_noise": getattr(result, "scrawl_pieces", 0)}
    except Exception as exc:  # OCR engines fail in many ways; the page is lost, not the dossier
        if unavailable is not None and isinstance(exc, unavailable):
            return empty, [make_error("E011", page=number, source=source)]
        return empty, [make_error("E010", page=number, source=source, detail=f"OCR：{type(exc).__name__}")]
    text = text if isinstance(text, str) else ""
    boxes = list(boxes) if boxes is not None and len(boxes) == len(text) else None
    page = Page(number=number, text=text, source=source, method="ocr", boxes=boxes, quality=text_score(text))
    # Seal ring text read off a black-and-white copy, a signature read as letters: counted, never kept.
    page.removed.update({kind: n for kind, n in dropped.items() if isinstance(n, int) and n > 0})
    if not text.strip():
        return page, [make_error("E012", page=number, source=source)]
    return page, []


# The OCR engine scales an image's short side up to 736 px: a 2×239 px strip became 736×88,000 px and a minute of
# detection. A short side below that is padded with white (right and bottom: boxes keep their coordinates), so
# nothing is upscaled; a strip longer than MAX_OCR_ASPECT times its padded short side is not a page.
OCR_MIN_SIDE = 736
MAX_OCR_ASPECT = 8


class OddShape(ValueError):
    """An image too long for its width to be a page."""


def _bounded_aspect(image: Any) -> Any:
    size = getattr(image, "size", None)
    if not size or min(size) <= 0:
        return image
    width, height = size
    if max(width, height) > MAX_OCR_ASPECT * max(min(width, height), OCR_MIN_SIDE):
        raise OddShape(f"{width}×{height}")
    if min(width, height) >= OCR_MIN_SIDE:
        return image
    from PIL import Image

    padded = Image.new("RGB", (max(width, OCR_MIN_SIDE), max(height, OCR_MIN_SIDE)), "white")
    padded.paste(image.convert("RGB"), (0, 0))
    return padded


# FPDFText_GetCharBox again, declared with plain address arguments: `map` then calls it straight from C
# with every character's four output slots in one array (no Python loop, no ctypes pointer objects).
_GET_BOX_AT = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p
)(ctypes.cast(pdfium_c.FPDFText_GetCharBox, ctypes.c_void_p).value)


def _char_boxes(textpage: Any, n: int, height: float) -> list[BBox | None]:
    """Box of every character slot 0..n-1 of raw FPDF_TEXTPAGE `textpage` (None where pdfium has none)."""
    raw = ctypes.cast(textpage, ctypes.c_void_p).value
    # pdfium writes (left, right, bottom, top) of slot i; they land in row i as (left, top, right, bottom)
    # so that flipping columns 1 and 3 gives the BBox order (x0, top, x1, bottom).
    rows = np.zeros((n, 4))
    base, step = rows.ctypes.data, rows.strides[0]
    end = base + step * n
    found = np.fromiter(
        map(
            _GET_BOX_AT,
            itertools.repeat(raw, n),
            range(n),
            range(base, end, step),  # left
            range(base + 16, end, step),  # right
            range(base + 24, end, step),  # bottom
            range(base + 8, end, step),  # top
        ),
        dtype=np.int32,
        count=n,
    )
    rows[:, 1::2] = height - rows[:, 1::2]
    boxes: list[BBox | None] = list(zip(*rows.T.tolist(), strict=True))
    for index in np.flatnonzero(found == 0).tolist():
        boxes[index] = None
    return boxes


_GET_ANGLE_AT = ctypes.CFUNCTYPE(ctypes.c_float, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetCharAngle, ctypes.c_void_p).value
)
# A seal's name set along its circle ("上海市浦东新区人民检察院" round a 院印) is text drawn rotated, character by
# character, over the signature block: read in with the page's lines it lands inside the date ("二〇上二三年五月四日").
ROTATED = 0.05  # radians (about 3°) off the page's upright text


SAMPLE_STEP = 4  # a seal's name is set in one run of turned characters, longer than this


def _turned_sample(raw: Any, n: int) -> bool:
    """Is any of every SAMPLE_STEP-th character turned? A run of turned characters (a seal's name) is caught, and an
    upright page pays a quarter of the per-character angles."""
    address = ctypes.cast(raw, ctypes.c_void_p).value
    sample = range(0, n, SAMPLE_STEP)
    angles = np.fromiter(map(_GET_ANGLE_AT, itertools.repeat(address, len(sample)), sample), dtype=np.float32,
                         count=len(sample))
    return bool((np.minimum(np.abs(angles), np.abs(2 * np.pi - angles)) > ROTATED).any())


def _drop_rotated(raw: Any, text: str, boxes: list[BBox | None]) -> tuple[str, list[BBox | None]]:
    """`text` (one character per text-page slot) without the characters set at an angle to the page's upright
    text, when most of its characters stand upright (a page whose whole text is turned keeps everything)."""
    n = len(text)
    address = ctypes.cast(raw, ctypes.c_void_p).value
    angles = np.fromiter(map(_GET_ANGLE_AT, itertools.repeat(address, n), range(n)), dtype=np.float32, count=n)
    off = np.minimum(np.abs(angles), np.abs(2 * np.pi - angles)) > ROTATED
    if not off.any() or off.sum() * 2 > n:
        return text, boxes
    keep = np.flatnonzero(~off).tolist()
    for i in np.flatnonzero(off).tolist():
        if text[i] in "\r\n":  # line breaks carry no angle of their own: keep the lines apart
            keep.append(i)
    keep.sort()
    return "".join(text[i] for i in keep), [boxes[i] for i in keep]


def _page_chars(raw: Any, height: float) -> tuple[str, list[BBox | None]]:
    """Text and boxes of the raw FPDF_TEXTPAGE `raw`."""
    n = _count_chars(raw)
    # The whole page's UTF-16 units in one call (one per char index), then the boxes (see _char_boxes):
    # per-character helper calls cost twice the raw extraction.
    buffer = (ctypes.c_ushort * (n + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, n, buffer) if n else 0
    # The usual page: one UTF-16 unit per character and no marker slots, so the text decodes in
    # one C call and character i is slot i.
    text = ctypes.string_at(buffer, 2 * n).decode("utf-16-le", errors="replace") if n else ""
    if len(text) == n and not _ODD_UNITS.search(text):
        fast = _char_boxes(raw, n, height) if n else []
        # Then the few whitespace slots: line breaks and what pdfium generated have no box.
        for m in _SPACE.finditer(text):
            index = m.start()
            if text[index] in "\r\n" or pdfium_c.FPDFText_IsGenerated(raw, index):
                fast[index] = None
        return text, fast
    units = list(buffer[: max(0, written - 1)])  # the last unit written is the terminating NUL
    units += [0] * (n - len(units))
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    chars: list[str] = []
    boxes: list[BBox | None] = []
    i = 0
    while i < n:
        cp = units[i]
        index = i
        i += 1
        if 0xD800 <= cp <= 0xDBFF and i < n:  # UTF-16 surrogate pair split over two char slots
            low = units[i]
            if 0xDC00 <= low <= 0xDFFF:
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00)
                i += 1
        if cp == 0 or (cp < 0x20 and cp not in (0x0A, 0x0D, 0x09)) or cp in (0xFFFE, 0xFFFF):
            continue  # pdfium's markers (soft hyphen slots, NUL): no text
        ch = chr(cp) if not 0xD800 <= cp <= 0xDFFF else "\ufffd"  # an unpaired surrogate cannot be written out
        box: BBox | None = None
        # Only whitespace can be generated by pdfium (not drawn on the page): ask just for those.
        if ch not in "\r\n" and (not ch.isspace() or not pdfium_c.FPDFText_IsGenerated(raw, index)):
            if pdfium_c.FPDFText_GetCharBox(raw, index, *refs):
                box = (left.value, height - top.value, right.value, height - bottom.value)
        chars.append(ch)
        boxes.append(box)
    return "".join(chars), boxes


def _load_page(
    pdf: pdfium.PdfDocument, index: int, number: int, source: str, quota: Quota
) -> tuple[Page, list[AuditError]]:
    empty = Page(number=number, text="", source=source, method="text", quality=0.0, source_index=index)
    # Raw page and text-page handles: pypdfium2's wrapper objects (finalizers, kid lists) cost a
    # tenth of the whole ingest. The wrapper is made only to render a page for OCR.
    page = pdfium_c.FPDF_LoadPage(pdf.raw, index)
    if not page:  # a broken page object must not lose the other pages
        return empty, [make_error("E010", page=number, source=source, detail=pdfium.PdfiumError.__name__)]
    try:
        width, height = pdfium_c.FPDF_GetPageWidthF(page), pdfium_c.FPDF_GetPageHeightF(page)
        empty.width, empty.height = width, height
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            raise pdfium.PdfiumError("Failed to load text page.")
        try:
            text, boxes = _page_chars(textpage, height)
            textpage_chars = _count_chars(textpage)
            if len(text) == textpage_chars and _turned_sample(textpage, len(text)):
                text, boxes = _drop_rotated(textpage, text, boxes)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
        counts = count_layer(text)  # one counting pass serves all three judgements below
        quality = assess_text_layer(text, textpage_chars, counts)
        # A sparse page (a cover, a stamp-only sign-off) is too short to judge: its layer stands if it
        # has real characters; a fuller page must also pass the mojibake / junk-layer checks.
        sparse = counts.chars < SPARSE_PAGE_CHARS
        if has_text_layer(text, counts) and (quality.usable or sparse):
            score = text_score(text, counts) if sparse else quality.score
            return Page(number, text, source, "text", boxes, width, height, score, index), []
        if find_ocr()[0] is None:  # do not render a bitmap nobody will read
            return empty, [make_error("E011", page=number, source=source)]
        limits = quota.limits
        if max(width, height) > limits.page_points:  # checked before anything is rendered
            detail = f"{width:.0f}×{height:.0f} pt，限制 {limits.page_points} pt"
            return empty, [make_error("E085", page=number, source=source, detail=detail)]
        if _blank(page, pdf, index):
            empty.blank = True
            return empty, []
        if not quota.take_ocr(source, number):
            return empty, []  # reported once for the file (E086)
        # The pixel budget lowers the scale of a large page instead of allocating gigabytes for it.
        scale = min(OCR_SCALE, (limits.render_pixels / max(width * height, 1.0)) ** 0.5)
        return _ocr_page(pdf, index, number, source, width, height, scale)
    except Exception as exc:
        return empty, [make_error("E010", page=number, source=source, detail=type(exc).__name__)]
    finally:
        pdfium_c.FPDF_ClosePage(page)


def _blank(raw_page: Any, pdf: pdfium.PdfDocument, index: int) -> bool:
    """A page without text layer that holds no ink: nothing drawn, or nothing dark at 50 dpi."""
    if pdfium_c.FPDFPage_CountObjects(raw_page) <= 0:
        return True
    page = pdf[index]
    try:
        bitmap = page.render(scale=INK_SCALE, grayscale=True)
        try:
            gray = np.asarray(bitmap.to_pil().convert("L"))
        finally:
            bitmap.close()
    finally:
        page.close()
    return is_blank_gray(gray)


def _ocr_page(
    pdf: pdfium.PdfDocument, index: int, number: int, source: str, width: float, height: float,
    scale: float = OCR_SCALE,
) -> tuple[Page, list[AuditError]]:
    page = pdf[index]
    try:
        bitmap = page.render(scale=scale)
        try:
            result, errors = ocr_image(bitmap.to_pil(), scale, number, source)
        finally:
            bitmap.close()
    finally:
        page.close()
    result.width, result.height, result.source_index = width, height, index
    return result, errors


def _count_chars(textpage: Any) -> int:
    n = pdfium_c.FPDFText_CountChars(textpage)
    if n == -1:
        raise pdfium.PdfiumError("Failed to get character count.")
    return n


def _open(path: Path, source: str) -> tuple[pdfium.PdfDocument | None, list[AuditError]]:
    """Open with pdfium's raw API: pypdfium2 reads FPDF_GetLastError also after a *successful* load of
    a zero-page file, and that value is stale (e.g. a password error from the previous file)."""
    raw = pdfium_c.FPDF_LoadDocument((str(path) + "\x00").encode("utf-8", errors="surrogateescape"), None)
    if not raw:
        code = pdfium_c.FPDF_GetLastError()  # set by the failed load: reliable here
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            return None, [make_error("E004", source=source)]
        return None, [make_error("E003", source=source, detail=_pdfium_reason(code))]
    if pdfium_c.FPDF_GetPageCount(raw) < 1:
        pdfium_c.FPDF_CloseDocument(raw)
        return None, [make_error("E005", source=source)]
    errors = []
    # pdfium rebuilds a broken cross-reference table from the objects it can find: pages may be missing.
    if not pdfium_c.FPDF_DocumentHasValidCrossReferenceTable(raw):
        detail = f"读取到 {pdfium_c.FPDF_GetPageCount(raw)} 页"
        errors.append(make_error("E077", source=source, detail=detail))
    return pdfium.PdfDocument(raw), errors


def load_pdf(path: Path, source: str, first_page: int, quota: Quota | None = None) -> tuple[list[Page], list[AuditError]]:
    quota = quota or Quota()
    pdf, errors = _open(path, source)
    if pdf is None:
        return [], errors
    pages: list[Page] = []
    try:
        count = len(pdf)  # a page tree may list one page many times: every reference counts
        allowed = min(count, quota.pages_left())
        if allowed < count:
            detail = f"共 {count} 页，限制 {quota.limits.dossier_pages} 页，本文件第 {allowed + 1} 页起"
            errors.append(make_error("E083", source=source, detail=detail))
        for index in range(allowed):
            page, page_errors = _load_page(pdf, index, first_page + index, source, quota)
            page_read(page, allowed)
            pages.append(page)
            errors.extend(page_errors)
    finally:
        pdf.close()
    refused = quota.ocr_refused.pop(source, [])
    if refused:
        detail = f"限制 {quota.limits.ocr_pages} 页，第 {page_ranges(refused)} 页未识别"
        errors.append(make_error("E086", source=source, detail=detail))
    return pages, errors


_REASONS = {
    pdfium_c.FPDF_ERR_FILE: "文件无法读取",
    pdfium_c.FPDF_ERR_FORMAT: "不是有效的 PDF 格式",
    pdfium_c.FPDF_ERR_SECURITY: "不支持的加密方式",
}


def _pdfium_reason(code: int | None) -> str:
    return _REASONS.get(code, "未知错误") if code is not None else "未知错误"
