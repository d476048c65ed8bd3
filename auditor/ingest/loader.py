"""One path -> one Dossier: dispatch by file type, walk folders and ZIPs, number pages, mark breaks.

Nothing raises out of `load_dossier`: every problem is an AuditError in `dossier.errors`, and the
other files of a folder or ZIP still load.
"""

from __future__ import annotations

import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from auditor.ingest.archive import extract_zip, iter_folder
from auditor.ingest.docx import load_docx
from auditor.ingest.headers import strip_running_lines
from auditor.ingest.normalize import join_wrapped_lines, normalize_page, strip_page_marks
from auditor.ingest.pdf import find_ocr, load_pdf, ocr_image
from auditor.ingest.progress import page_read
from auditor.ingest.text import load_text
from auditor.model import AuditError, Dossier, Page
from auditor.model.errors import make_error

MAX_IMAGE_PIXELS = 80_000_000  # larger "scans" are decompression bombs or mistakes, not pages
MAX_ARCHIVE_DEPTH = 1  # a ZIP inside a folder is read; a ZIP inside a ZIP is not (bomb nesting)

FileLoader = Callable[[Path, str, int], "tuple[list[Page], list[AuditError]]"]


def load_image(path: Path, source: str, first_page: int) -> tuple[list[Page], list[AuditError]]:
    """One page per image (per frame of a multi-page TIFF), read by OCR when it is installed."""
    pages: list[Page] = []
    errors: list[AuditError] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
    except Image.DecompressionBombError:
        page = Page(number=first_page, text="", source=source, method="image", quality=0.0, source_index=0)
        return [page], [make_error("E010", page=first_page, source=source, detail="图像尺寸过大")]
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        return [], [make_error("E050", source=source, detail=type(exc).__name__)]
    with image:
        frames = getattr(image, "n_frames", 1)
        for index in range(frames):
            number = first_page + index
            page, page_errors = _image_frame(image, index, number, source)
            pages.append(page)
            errors.extend(page_errors)
    return pages, errors


def _image_frame(image: Image.Image, index: int, number: int, source: str) -> tuple[Page, list[AuditError]]:
    empty = Page(number=number, text="", source=source, method="image", quality=0.0, source_index=index)
    try:
        image.seek(index)
        width, height = image.size
        empty.width, empty.height = float(width), float(height)
        if width * height > MAX_IMAGE_PIXELS:
            return empty, [make_error("E010", page=number, source=source, detail=f"图像尺寸过大（{width}×{height}）")]
        if find_ocr()[0] is None:  # no need to decode pixels nobody will read
            return empty, [make_error("E011", page=number, source=source)]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            frame = image.convert("RGB")
        page, errors = ocr_image(frame, 1.0, number, source)  # boxes in pixels: the image is the page
    except Exception as exc:  # a bad frame costs that page only
        return empty, [make_error("E010", page=number, source=source, detail=type(exc).__name__)]
    page.method, page.width, page.height, page.source_index = "image", float(width), float(height), index
    return page, errors


_LOADERS: dict[str, FileLoader] = {
    ".pdf": load_pdf,
    ".docx": load_docx,
    ".txt": load_text,
    ".md": load_text,
    ".png": load_image,
    ".jpg": load_image,
    ".jpeg": load_image,
    ".tif": load_image,
    ".tiff": load_image,
}


class _Builder:
    """Collects the pages of one dossier and remembers which pages start after a hard break."""

    def __init__(self, source: str) -> None:
        self.dossier = Dossier(source=source)
        self.break_pages: set[int] = set()  # indices into dossier.pages

    def error(self, error: AuditError) -> None:
        self.dossier.errors.append(error)

    def add_path(self, path: Path) -> None:
        source = str(path)
        if path.is_dir():
            files = list(iter_folder(path))
            if not files:
                self.error(make_error("E023", source=source))
            for file in files:
                self.add_file(file, str(file), depth=0)
        elif path.is_file():
            self.add_file(path, source, depth=0)
        elif not path.exists():
            self.error(make_error("E001", source=source))
        else:
            self.error(make_error("E002", source=source))  # device, socket, fifo

    def add_file(self, path: Path, source: str, depth: int) -> None:
        try:
            if path.stat().st_size == 0:
                self.error(make_error("E008", source=source))
                return
            suffix = path.suffix.lower()
            if suffix == ".zip" and depth < MAX_ARCHIVE_DEPTH:
                self.add_zip(path, source, depth)
                return
            loader = _LOADERS.get(suffix)
            if loader is None:
                self.error(make_error("E002", source=source))
                return
            pages, errors = loader(path, source, len(self.dossier.pages) + 1)
            if suffix != ".pdf":  # a PDF reports each page as it is read
                for page in pages:
                    page_read(page, len(pages))
        except Exception as exc:  # the last guard: one unreadable file never stops the dossier
            self.error(make_error("E050", source=source, detail=type(exc).__name__))
            return
        self.dossier.errors.extend(errors)
        first = len(self.dossier.pages)
        for i, page in enumerate(pages):
            page.text, page.boxes = normalize_page(page.text, page.boxes)
            page.text, page.boxes = strip_page_marks(page.text, page.boxes)
            # Each new file is a new document; TXT pages are split at explicit breaks.
            if first + i > 0 and (i == 0 or page.method == "txt"):
                self.break_pages.add(first + i)
            self.dossier.pages.append(page)

    def add_zip(self, path: Path, source: str, depth: int) -> None:
        with tempfile.TemporaryDirectory(prefix="auditor-zip-") as tmp:
            root = Path(tmp)
            errors = extract_zip(path, root, source)
            self.dossier.errors.extend(errors)
            files = list(iter_folder(root))
            if not files and not errors:
                self.error(make_error("E023", source=source))
            for file in files:
                self.add_file(file, f"{source}/{file.relative_to(root).as_posix()}", depth + 1)

    def finish(self) -> Dossier:
        dossier = self.dossier
        # Running headers repeat across pages (and files) of the dossier, so they are found once all
        # pages are in; lines are joined after, so a banner is never glued to the line below it.
        for page, count in zip(dossier.pages, strip_running_lines(dossier.pages), strict=True):
            if count:
                page.removed["running_line"] = count
        for page in dossier.pages:
            page.text, page.boxes = join_wrapped_lines(page.text, page.boxes)
        dossier.build_text()
        dossier.hard_breaks = sorted(dossier.page_starts[i] for i in self.break_pages)
        return dossier


def load_dossier(path: str | Path) -> Dossier:
    """Read one dossier (a file, or a folder / ZIP of files) into pages with their joined text."""
    builder = _Builder(str(path))
    try:
        builder.add_path(Path(path))
    except Exception as exc:  # e.g. permission denied on the folder itself
        builder.error(make_error("E050", source=str(path), detail=type(exc).__name__))
    return builder.finish()
