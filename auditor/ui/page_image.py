"""Render a dossier page with an evidence box drawn on it (PDF pages; images as they are)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from auditor.model import BBox, Page

RENDER_SCALE = 1.5  # 108 dpi: readable on screen, cheap to render


def render_page(page: Page, boxes: list[BBox] | None = None) -> Image.Image | None:
    """The page image with `boxes` (PDF points, top-left origin) outlined in red; None if unavailable."""
    path = Path(page.path or page.source)  # `source` may be a display name (naming.py), `path` is the file
    if not path.exists():
        return None
    index = page.source_index or 0
    if path.suffix.lower() == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            image = pdf[index].render(scale=RENDER_SCALE).to_pil().convert("RGB")
        finally:
            pdf.close()
        scale = RENDER_SCALE
    elif path.suffix.lower() in {".png", ".jpg", ".jpeg", ".tif", ".tiff"}:
        with Image.open(path) as img:
            img.seek(index)
            image = img.convert("RGB")
        scale = image.width / page.width if page.width else 1.0
    else:
        return None
    draw = ImageDraw.Draw(image)
    for x0, top, x1, bottom in boxes or []:
        draw.rectangle([x0 * scale - 2, top * scale - 2, x1 * scale + 2, bottom * scale + 2], outline=(220, 0, 0), width=3)
    return image
