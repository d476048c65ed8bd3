"""Synthetic scans: render page texts as noisy A4 images and write an image-only PDF.

Used to test and benchmark the OCR path without real scans (which carry personal data). The noise
imitates a stamped, signed paper page: slight skew, blur, speckles, JPEG artefacts, a red round seal over
the last lines and a pen signature. With `ScanNoise(grayscale=True)` the page is a black-and-white photocopy
or fax: seal and signature become gray ink, which the OCR path cannot fade by colour. Output is
deterministic for a seed.
"""

from __future__ import annotations

import io
import math
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FONT_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
A4_MM = (210.0, 297.0)
MM_PER_INCH = 25.4
# Fixed PDF dates keep the file byte-identical across runs.
_PDF_DATE = time.struct_time((2024, 1, 1, 0, 0, 0, 0, 1, 0))
_ORGAN_RE = re.compile(r"^\s*(\S{2,24}(?:公安局|公安分局|检察院|人民法院|派出所|看守所))\s*$")
_DATE_LINE_RE = re.compile(
    r"^\s*(?:[〇○零一二三四五六七八九十]{4}|\d{4})年[〇○零一二三四五六七八九十\d]{1,2}月[〇○零一二三四五六七八九十\d]{1,3}日\s*$"
)
_DEFAULT_ORGAN = "某某市公安局"


@dataclass(frozen=True)
class ScanNoise:
    dpi: int = 200
    font_pt: float = 14.0  # body size; shrunk (down to min_font_pt) until the page fits
    min_font_pt: float = 9.0
    margin_mm: float = 25.0
    skew_deg: float = 2.0  # maximum |skew|; the actual angle is drawn from the seed
    blur_radius: float = 0.7
    jpeg_quality: int = 40
    speckles: int = 400  # dark dots per page
    paper_gray: int = 244  # background level (0..255)
    stamp: bool = True
    stamp_text: str | None = None  # None: the page's last organ-name line, else a placeholder
    signature: bool = True
    # Photocopy / fax: the finished page (seal included) is converted to gray before JPEG encoding.
    grayscale: bool = False


def _font(size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_PATH), size_px)


def _wrap(
    text: str, font: ImageFont.FreeTypeFont, width: float, max_lines: int, indent: float = 0.0
) -> list[tuple[str, bool]] | None:
    """Lines that fit `width`, each flagged True when it starts a paragraph; None past `max_lines`.

    A paragraph's first line is indented by `indent` and ends at the same right margin as the others,
    as typeset official documents do (a wrapped line always reaches the margin).
    """
    out: list[tuple[str, bool]] = []
    advance: dict[str, float] = {}  # per-glyph advance: CJK text has no kerning worth measuring
    for para in text.split("\n"):
        para = para.rstrip()
        line, first, used = "", True, 0.0
        for ch in para:
            w = advance.get(ch)
            if w is None:
                w = advance[ch] = font.getlength(ch)
            if line and used + w > width - (indent if first else 0.0):
                out.append((line, first))
                if len(out) > max_lines:
                    return None
                line, first, used = "", False, 0.0
            line += ch
            used += w
        out.append((line, first))
        if len(out) > max_lines:
            return None
    return out


def _layout(text: str, noise: ScanNoise, size: tuple[int, int]) -> tuple[ImageFont.FreeTypeFont, list, int]:
    """Largest font (from font_pt down to min_font_pt) at which the text fits the page."""
    px_per_pt = noise.dpi / 72.0
    margin = round(noise.margin_mm / MM_PER_INCH * noise.dpi)
    width, height = size[0] - 2 * margin, size[1] - 2 * margin
    pt = noise.font_pt
    while pt >= noise.min_font_pt:
        font = _font(round(pt * px_per_pt))
        leading = round(pt * px_per_pt * 1.6)
        lines = _wrap(text, font, width, height // leading, indent=_indent(font))
        if lines is not None:
            return font, lines, leading
        pt -= 0.5
    raise ValueError("page text does not fit on one A4 page even at the smallest font size")


def _indent(font: ImageFont.FreeTypeFont) -> int:
    return round(font.size * 2)  # 首行缩进两字


def _organ_name(text: str, noise: ScanNoise) -> str:
    if noise.stamp_text:
        return noise.stamp_text
    found = [m.group(1) for line in text.splitlines() if (m := _ORGAN_RE.match(line))]
    return found[-1] if found else _DEFAULT_ORGAN


def _is_sign_off(line: str) -> bool:
    """Organ name or signature date: set flush right at the foot of official documents."""
    return bool(_ORGAN_RE.match(line) or _DATE_LINE_RE.match(line))


def _draw_text(page: Image.Image, text: str, noise: ScanNoise) -> tuple[int, int, int]:
    """Typeset the text; returns the centre (x, y) of the sign-off block (or the text's end) and the line height."""
    font, lines, leading = _layout(text, noise, page.size)
    margin = round(noise.margin_mm / MM_PER_INCH * noise.dpi)
    draw = ImageDraw.Draw(page)
    y = margin
    indent = _indent(font)
    # Sign-off lines are the trailing run of organ-name / date lines.
    tail = len(lines)
    while tail > 0 and _is_sign_off(lines[tail - 1][0]):
        tail -= 1
    sign_off: list[tuple[float, float, float]] = []  # x0, x1, y
    for i, (line, first) in enumerate(lines):
        width = font.getlength(line)
        if i == 0 and len(line) <= 20:
            # A short first line is the document title: centred, as on official forms.
            x = (page.width - width) / 2
        elif i >= tail:
            x = page.width - margin - indent - width
            sign_off.append((x, x + width, y))
        else:
            x = margin + (indent if first and i > 0 else 0)
        draw.text((x, y), line, font=font, fill=20)
        y += leading
    if sign_off:
        cx = (min(s[0] for s in sign_off) + max(s[1] for s in sign_off)) / 2
        cy = (sign_off[0][2] + sign_off[-1][2] + font.size) / 2
        return round(cx), round(cy), leading
    return page.width - margin - indent * 2, y - leading, leading


def _seal(diameter: int, organ: str, rng: random.Random) -> Image.Image:
    """A red round seal as an 'L' ink mask (255 = full ink): ring, organ name on the arc, star."""
    mask = Image.new("L", (diameter, diameter), 0)
    draw = ImageDraw.Draw(mask)
    ring = max(3, diameter // 45)
    draw.ellipse((ring, ring, diameter - ring, diameter - ring), outline=255, width=ring)
    c = diameter / 2
    # Five-pointed star in the centre.
    r_out, r_in = diameter * 0.14, diameter * 0.055
    pts = []
    for k in range(10):
        r = r_out if k % 2 == 0 else r_in
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((c + r * math.cos(a), c + r * math.sin(a)))
    draw.polygon(pts, fill=255)
    # Organ name along the upper arc, each character rotated to face the centre.
    size = round(diameter * 0.13)
    font = _font(size)
    n = len(organ)
    span = min(math.radians(250), math.radians(24) * n)
    radius = c - ring * 2 - size * 0.65
    for i, ch in enumerate(organ):
        a = -math.pi / 2 - span / 2 + span * (i + 0.5) / n
        glyph = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(glyph).text((size, size), ch, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.Resampling.BICUBIC)
        x, y = c + radius * math.cos(a) - size, c + radius * math.sin(a) - size
        mask.paste(255, (round(x), round(y)), glyph)
    # Uneven ink: knock out random specks so the seal looks pressed, not printed.
    pixels = mask.load()
    for _ in range(diameter * diameter // 60):
        x, y = rng.randrange(diameter), rng.randrange(diameter)
        pixels[x, y] = pixels[x, y] // 3
    return mask.filter(ImageFilter.GaussianBlur(0.8))


def _stamp(page: Image.Image, organ: str, anchor: tuple[int, int], noise: ScanNoise, rng: random.Random) -> Image.Image:
    """Multiply a red seal onto the page (ink over text keeps the text visible, as on paper)."""
    diameter = round(42 / MM_PER_INCH * noise.dpi)  # official seals are 42 mm
    mask = _seal(diameter, organ, rng).rotate(rng.uniform(-15, 15), resample=Image.Resampling.BICUBIC)
    ink = Image.new("RGB", page.size, (255, 255, 255))
    red = Image.new("RGB", (diameter, diameter), (205, 35, 40))
    x = min(max(0, anchor[0] - diameter // 2), page.width - diameter)
    y = min(max(0, anchor[1] - diameter // 2), page.height - diameter)
    ink.paste(red, (x, y), mask.point(lambda v: v * 85 // 100))
    return ImageChops.multiply(page, ink)


def _signature(page: Image.Image, origin: tuple[int, int], noise: ScanNoise, rng: random.Random) -> None:
    """A looping pen stroke: a smoothed random walk drifting to the right."""
    draw = ImageDraw.Draw(page)
    scale = noise.dpi / 200
    x, y = float(origin[0]), float(origin[1])
    vx, vy = 6.0 * scale, 0.0
    pts = [(x, y)]
    for step in range(110):
        vy += rng.uniform(-2.5, 2.5) * scale - (y - origin[1]) * 0.08 - vy * 0.15
        vx += rng.uniform(-2.0, 2.0) * scale
        vx = min(max(vx, -4 * scale), 10 * scale)
        if step % 25 == 12:  # a loop back, like a handwritten stroke
            vx -= 9 * scale
        x, y = x + vx, y + vy
        pts.append((x, y))
    draw.line(pts, fill=(25, 30, 90), width=max(2, round(3 * scale)), joint="curve")


def _speckle(page: Image.Image, count: int, rng: random.Random) -> None:
    draw = ImageDraw.Draw(page)
    for _ in range(count):
        x, y = rng.randrange(page.width), rng.randrange(page.height)
        r = rng.choice((0, 0, 1, 1, 2))
        shade = rng.randrange(60, 170)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(shade, shade, shade))


def render_scan_image(text: str, seed: int, noise: ScanNoise = ScanNoise()) -> Image.Image:
    """One noisy A4 page image (RGB, `noise.dpi`) showing `text`."""
    rng = random.Random(seed)
    size = tuple(round(mm / MM_PER_INCH * noise.dpi) for mm in A4_MM)
    gray = Image.new("L", size, 255)
    cx, cy, leading = _draw_text(gray, text, noise)
    page = gray.convert("RGB")
    if noise.signature:
        # Signed by hand left of the sign-off block, as 办案人 / 承办人 sign.
        _signature(page, (max(0, cx - noise.dpi * 3), cy + leading), noise, rng)
    if noise.stamp:
        page = _stamp(page, _organ_name(text, noise), (cx, cy), noise, rng)
    # Paper tone: white becomes light gray, ink stays dark.
    page = page.point(lambda v: v * noise.paper_gray // 255)
    _speckle(page, noise.speckles, rng)
    angle = rng.uniform(-noise.skew_deg, noise.skew_deg)
    page = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=(noise.paper_gray,) * 3)
    if noise.blur_radius > 0:
        page = page.filter(ImageFilter.GaussianBlur(noise.blur_radius))
    if noise.grayscale:
        # The seal's red comes out mid-gray (~105 of 255; print ~20), as on a copier: colour no longer tells it apart.
        page = page.convert("L")
    buf = io.BytesIO()
    page.save(buf, "JPEG", quality=noise.jpeg_quality)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def render_scan_images(pages: list[str], seed: int, noise: ScanNoise = ScanNoise()) -> list[Image.Image]:
    """Noisy page images for each page text; page i uses a seed derived from `seed` and i."""
    return [render_scan_image(text, seed * 1000 + i, noise) for i, text in enumerate(pages)]


def render_scan_pdf(pages: list[str], out: Path, seed: int, noise: ScanNoise = ScanNoise()) -> None:
    """Write an image-only PDF (no text layer) of noisy scans of `pages`, one A4 page each."""
    if not pages:
        raise ValueError("no pages to render")
    images = render_scan_images(pages, seed, noise)
    images[0].save(
        Path(out),
        "PDF",
        save_all=True,
        append_images=images[1:],
        resolution=float(noise.dpi),
        quality=95,  # the artefacts are already in the image; keep the second encoding near-lossless
        title="scan",
        producer="auditor.synth.scan",
        creationDate=_PDF_DATE,
        modDate=_PDF_DATE,
    )
