"""Render a dossier page with its evidence drawn on it: a red box per line of a quote, an orange box around each
date a deadline computation used. PDF pages are rendered by pdfium; image pages are shown as they are."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

from auditor.model import BBox, Page

RENDER_SCALE = 1.5  # 108 dpi: readable on screen, cheap to render
COLOURS = {"quote": (210, 0, 0), "date": (235, 130, 0)}
_IMAGES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def page_image(path: Path, index: int, width: float | None) -> tuple[Image.Image, float] | None:
    """The page at `index` of `path` and its pixels per PDF point; None when it cannot be drawn."""
    if not path.exists():
        return None
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            return pdf[index].render(scale=RENDER_SCALE).to_pil().convert("RGB"), RENDER_SCALE
        finally:
            pdf.close()
    if suffix in _IMAGES:
        with Image.open(path) as img:
            img.seek(index)
            image = img.convert("RGB")
        return image, (image.width / width if width else 1.0)
    return None


def draw_marks(image: Image.Image, scale: float, marks: list[tuple[BBox, str]]) -> Image.Image:
    draw = ImageDraw.Draw(image)
    for (x0, top, x1, bottom), kind in marks:
        draw.rectangle([x0 * scale - 2, top * scale - 2, x1 * scale + 2, bottom * scale + 2],
                       outline=COLOURS.get(kind, COLOURS["quote"]), width=3)
    return image


CROP_MARGIN = 90  # points kept above and below the marks: the evidence with its context, not a whole blank page


def png_of_page(path: Path, index: int, width: float | None, marks: list[tuple[BBox, str]],
                crop: bool = False) -> bytes | None:
    """The page as PNG with its marks; `crop`: only the band of the page around the marks."""
    rendered = page_image(path, index, width)
    if rendered is None:
        return None
    image = draw_marks(*rendered, marks)
    if crop and marks:
        scale = rendered[1]
        top = max(0, int((min(b[1] for b, _ in marks) - CROP_MARGIN) * scale))
        bottom = min(image.height, int((max(b[3] for b, _ in marks) + CROP_MARGIN) * scale))
        image = image.crop((0, top, image.width, bottom))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def render_page(page: Page, boxes: list[BBox] | None = None) -> Image.Image | None:
    """A freshly ingested page with `boxes` outlined in red; None if unavailable."""
    # `source` may be a display name (auditor.ingest.naming); `path` is the file
    rendered = page_image(Path(page.path or page.source), page.source_index or 0, page.width)
    return draw_marks(*rendered, [(b, "quote") for b in boxes or []]) if rendered else None
