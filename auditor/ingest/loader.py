"""One path -> one Dossier: dispatch by file type, walk folders and ZIPs, number pages, mark breaks.

Nothing raises out of `load_dossier`: every problem is an AuditError in `dossier.errors`, and the
other files of a folder or ZIP still load. Every file gives pages with text or an error, and every limit
(auditor.limits) reached is an error naming what was not read.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageFile, UnidentifiedImageError

from auditor.ingest.archive import extract_zip, iter_folder, temporary_folder
from auditor.ingest.docx import load_docx
from auditor.ingest.headers import strip_running_lines
from auditor.ingest.ink import is_blank_image
from auditor.ingest.naming import member_name, printable
from auditor.ingest.normalize import (
    join_wrapped_lines,
    normalize_page,
    split_long_lines,
    strip_page_marks,
    unflatten_label_blocks,
)
from auditor.ingest.pdf import find_ocr, load_pdf, ocr_image
from auditor.ingest.progress import page_read
from auditor.ingest.quota import Quota, page_ranges
from auditor.ingest.text import load_text
from auditor.limits import DEFAULT_LIMITS, Limits
from auditor.model import AuditError, Dossier, Page
from auditor.model.errors import make_error

FileLoader = Callable[[Path, str, int, Quota], "tuple[list[Page], list[AuditError]]"]
TEXT_SUFFIXES = frozenset({".txt", ".md"})


def _open_image(path: Path, source: str) -> tuple[Image.Image | None, list[AuditError]]:
    """Open an image; a damaged one (a flipped byte in a PNG) is read as far as it goes, with E078."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
            image.load()
            return image, []
        except Image.DecompressionBombError:
            raise
        except (UnidentifiedImageError, ValueError):
            return None, [make_error("E050", source=source, detail="UnidentifiedImageError")]
        except (OSError, SyntaxError, EOFError) as exc:
            first = type(exc).__name__
        # Pillow reads a truncated or CRC-damaged stream only with this switch, which is process-wide.
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = True
        try:
            image = Image.open(path)
            image.load()
        except Exception:  # noqa: BLE001 — nothing readable: the file is reported, not the exception
            return None, [make_error("E050", source=source, detail=first)]
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous
        return image, [make_error("E078", source=source, detail=first)]


def load_image(path: Path, source: str, first_page: int, quota: Quota | None = None) -> tuple[list[Page], list[AuditError]]:
    """One page per image (per frame of a multi-page TIFF), read by OCR when it is installed."""
    quota = quota or Quota()
    limits = quota.limits
    pages: list[Page] = []
    try:
        header = Image.open(path)  # reads the header only: size and frames before any pixel is decoded
    except Image.DecompressionBombError:
        page = Page(number=first_page, text="", source=source, method="image", quality=0.0, source_index=0)
        return [page], [make_error("E010", page=first_page, source=source, detail="图像尺寸过大")]
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        return [], [make_error("E050", source=source, detail=type(exc).__name__)]
    with header:
        frames = getattr(header, "n_frames", 1)
        width, height = header.size
    errors: list[AuditError] = []
    allowed = min(frames, limits.tiff_frames, quota.pages_left())
    if allowed < frames:
        code, limit = ("E084", f"{limits.tiff_frames} 帧") if allowed == limits.tiff_frames else ("E083", f"{limits.dossier_pages} 页")
        errors.append(make_error(code, source=source, detail=f"共 {frames} 帧，限制 {limit}，第 {allowed + 1} 帧起"))
    if width * height > limits.image_pixels:
        for index in range(allowed):
            number = first_page + index
            pages.append(Page(number=number, text="", source=source, method="image", quality=0.0, source_index=index,
                              width=float(width), height=float(height)))
            errors.append(make_error("E010", page=number, source=source, detail=f"图像尺寸过大（{width}×{height}）"))
        return pages, errors
    image, open_errors = _open_image(path, source) if allowed else (None, [])
    errors = open_errors + errors
    if image is None:
        return [], errors
    with image:
        for index in range(allowed):
            number = first_page + index
            page, page_errors = _image_frame(image, index, number, source, quota)
            pages.append(page)
            errors.extend(page_errors)
    refused = quota.ocr_refused.pop(source, [])
    if refused:
        detail = f"限制 {limits.ocr_pages} 页，第 {page_ranges(refused)} 页未识别"
        errors.append(make_error("E086", source=source, detail=detail))
    return pages, errors


def _image_frame(image: Image.Image, index: int, number: int, source: str, quota: Quota) -> tuple[Page, list[AuditError]]:
    empty = Page(number=number, text="", source=source, method="image", quality=0.0, source_index=index)
    try:
        image.seek(index)
        width, height = image.size
        empty.width, empty.height = float(width), float(height)
        if width * height > quota.limits.image_pixels:
            return empty, [make_error("E010", page=number, source=source, detail=f"图像尺寸过大（{width}×{height}）")]
        if find_ocr()[0] is None:  # no need to decode pixels nobody will read
            return empty, [make_error("E011", page=number, source=source)]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            if is_blank_image(image):
                empty.blank = True
                return empty, []
            if not quota.take_ocr(source, number):
                return empty, []  # reported once for the file (E086)
            frame = image.convert("RGB")
        page, errors = ocr_image(frame, 1.0, number, source)  # boxes in pixels: the image is the page
    except Exception as exc:  # a bad frame costs that page only
        return empty, [make_error("E010", page=number, source=source, detail=type(exc).__name__)]
    page.method, page.width, page.height, page.source_index = "image", float(width), float(height), index
    return page, errors


def _load_text(path: Path, source: str, first_page: int, quota: Quota) -> tuple[list[Page], list[AuditError]]:
    return load_text(path, source, first_page)


def _load_docx(path: Path, source: str, first_page: int, quota: Quota) -> tuple[list[Page], list[AuditError]]:
    return load_docx(path, source, first_page, quota.limits)


_LOADERS: dict[str, FileLoader] = {
    ".pdf": load_pdf,
    ".docx": _load_docx,
    ".txt": _load_text,
    ".md": _load_text,
    ".png": load_image,
    ".jpg": load_image,
    ".jpeg": load_image,
    ".tif": load_image,
    ".tiff": load_image,
}


class _Builder:
    """Collects the pages of one dossier and remembers which pages start after a hard break."""

    def __init__(self, source: str, limits: Limits, anonymous: bool) -> None:
        self.dossier = Dossier(source=source)
        self.break_pages: set[int] = set()  # indices into dossier.pages
        self.quota = Quota(limits)
        self.anonymous = anonymous  # members named by position and hash, not by their names
        self.unread: list[str] = []  # files not read because the dossier's text or pages were used up

    @property
    def limits(self) -> Limits:
        return self.quota.limits

    def error(self, error: AuditError) -> None:
        self.dossier.errors.append(error)

    def member(self, parent: str, index: int, relative: str) -> str:
        return member_name(parent, index, relative) if self.anonymous else f"{parent}/{printable(relative)}"

    def add_path(self, path: Path) -> None:
        source = self.dossier.source
        if path.is_dir():
            self.add_folder(path, source, depth=0)
        elif path.is_file():
            self.add_file(path, source, depth=0)
        elif not path.exists():
            self.error(make_error("E001", source=source))
        else:
            self.error(make_error("E002", source=source))  # device, socket, fifo

    def add_folder(self, root: Path, source: str, depth: int) -> None:
        files = list(iter_folder(root))
        if not files:
            self.error(make_error("E023", source=source))
        inside = root.resolve()
        for index, file in enumerate(files, 1):
            relative = file.relative_to(root).as_posix()
            name = self.member(source, index, relative)
            # A link to a file outside the folder (passwd.txt -> /etc/passwd) is not part of the dossier.
            if file.is_symlink() and not file.resolve().is_relative_to(inside):
                self.error(make_error("E076", source=name))
                continue
            if file.is_dir():  # a link to a folder inside this one: its files are read where they are
                continue
            self.add_file(file, name, depth)

    def add_file(self, path: Path, source: str, depth: int) -> None:
        limits = self.limits
        try:
            size = path.stat().st_size
            suffix = path.suffix.lower()
            if size == 0:
                self.error(make_error("E008", source=source))
                return
            cap = limits.text_file_bytes if suffix in TEXT_SUFFIXES else limits.file_bytes
            if size > cap:
                self.error(make_error("E080", source=source, detail=f"{size} 字节，限制 {cap} 字节"))
                return
            if suffix == ".zip":
                if depth < limits.archive_depth:
                    self.add_zip(path, source, depth)
                else:
                    self.error(make_error("E079", source=source))
                return
            loader = _LOADERS.get(suffix)
            if loader is None:
                self.error(make_error("E002", source=source))
                return
            if self.quota.chars >= limits.dossier_chars or not self.quota.pages_left():
                self.unread.append(source)  # one error for all of them, at the end
                return
            allowed = self.quota.pages_left()
            pages, errors = loader(path, source, len(self.dossier.pages) + 1, self.quota)
            if suffix != ".pdf":  # a PDF reports each page as it is read
                for page in pages[:allowed]:
                    page_read(page, min(len(pages), allowed))
        except Exception as exc:  # the last guard: one unreadable file never stops the dossier
            self.error(make_error("E050", source=source, detail=type(exc).__name__))
            return
        if len(pages) > allowed:  # TXT parts and DOCX pages are cheap to read: they are cut here
            errors.append(make_error("E083", source=source, detail=f"共 {len(pages)} 页，限制 {limits.dossier_pages} 页，"
                                                                    f"本文件第 {allowed + 1} 页起"))
            pages = pages[:allowed]
        self.quota.pages += len(pages)
        self.dossier.errors.extend(errors)
        first = len(self.dossier.pages)
        kept: list[Page] = []
        for i, page in enumerate(pages):
            page.path = str(path)
            page.text, page.boxes = normalize_page(page.text, page.boxes)
            page.text, page.boxes = strip_page_marks(page.text, page.boxes)
            if page.boxes is None and page.method != "ocr":  # text without boxes: the page's text may be rewritten
                page.text = unflatten_label_blocks(page.text)
            room = limits.dossier_chars - self.quota.chars
            full = len(page.text) > room
            if full:  # the page that reaches the limit keeps its text up to the last line break before it
                cut = page.text.rfind("\n", 0, max(room, 0))
                cut = cut if cut > 0 else max(room, 0)
                detail = f"限制 {limits.dossier_chars} 字，第 {page.number} 页第 {cut + 1} 字起"
                self.error(make_error("E082", source=source, detail=detail))
                page.text, page.boxes = page.text[:cut], page.boxes[:cut] if page.boxes is not None else None
            self.quota.chars += len(page.text) + 1
            # Each new file is a new document; TXT parts are split at explicit document breaks.
            if first + i > 0 and (i == 0 or page.method == "txt"):
                self.break_pages.add(first + i)
            self.dossier.pages.append(page)
            kept.append(page)
            if full:
                break
        # Every file gives text or says why not: a DOCX of nothing but page breaks, a PDF of blank pages.
        if not errors and not any(p.text.strip() for p in kept):
            self.error(make_error("E075", source=source))

    def add_zip(self, path: Path, source: str, depth: int) -> None:
        with temporary_folder("zip") as root:
            errors = extract_zip(path, root, source, self.limits, anonymous=self.anonymous)
            self.dossier.errors.extend(errors)
            files = [f for f in iter_folder(root) if not f.is_dir()]  # extraction writes no links
            if not files and not errors:
                self.error(make_error("E023", source=source))
            for index, file in enumerate(files, 1):
                self.add_file(file, self.member(source, index, file.relative_to(root).as_posix()), depth + 1)

    def finish(self) -> Dossier:
        dossier = self.dossier
        if self.unread:
            limits = self.limits
            full = ("E082", f"{limits.dossier_chars} 字") if self.quota.pages_left() else ("E083", f"{limits.dossier_pages} 页")
            detail = f"限制 {full[1]}，其后 {len(self.unread)} 个文件未读取，自 {self.unread[0]} 起"
            self.error(make_error(full[0], source=dossier.source, detail=detail))
        # Running headers repeat across pages (and files) of the dossier, so they are found once all
        # pages are in; lines are joined after, so a banner is never glued to the line below it.
        for page, count in zip(dossier.pages, strip_running_lines(dossier.pages), strict=True):
            if count:
                page.removed["running_line"] = count
        split: dict[str, list[int]] = {}
        for page in dossier.pages:
            page.text, page.boxes = join_wrapped_lines(page.text, page.boxes)
            # Only now: a split line reaches the right margin, and joining wrapped lines would undo it.
            page.text, page.boxes, cuts = split_long_lines(page.text, page.boxes, self.limits.line_chars)
            if cuts:
                split.setdefault(page.source, []).append(page.number)
        for source, numbers in split.items():
            detail = f"每行至多 {self.limits.line_chars} 字，第 {page_ranges(numbers)} 页"
            self.error(make_error("E081", source=source, detail=detail))
        dossier.build_text()
        dossier.hard_breaks = sorted(dossier.page_starts[i] for i in self.break_pages)
        return dossier


def load_dossier(path: str | Path, limits: Limits | None = None, name: str | None = None) -> Dossier:
    """Read one dossier (a file, or a folder / ZIP of files) into pages with their joined text.

    `name` is how errors and pages name the input (see auditor.ingest.naming); None names it by its path.
    """
    builder = _Builder(printable(path) if name is None else name, limits or DEFAULT_LIMITS, anonymous=name is not None)
    try:
        builder.add_path(Path(path))
    except Exception as exc:  # e.g. permission denied on the folder itself
        builder.error(make_error("E050", source=builder.dossier.source, detail=type(exc).__name__))
    return builder.finish()
