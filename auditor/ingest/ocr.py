"""Offline OCR of page images with RapidOCR (ONNX build of PP-OCR Chinese models).

The models ship inside the `rapidocr` wheel; we point the engine at those files explicitly so its
download code path is never reached (nothing is fetched at run time). The engine is built once per
process and reused; building it costs seconds, a page costs a fraction of that.

Coordinates: `ocr_lines` works in image pixels; `ocr_page` / `ocr_page_image` return character boxes in
PDF points (pixels / scale), origin top-left, as `auditor.model.BBox`.

Seals: red seal ink is faded before recognition. On black-and-white copies the seal is gray like the
print, and its ring text comes back as "stamp noise" (rotated, tall or unsure fragments such as "集某市公室",
"某"): pieces lying on the ring-text band of a detected round seal that do not look like print are dropped.
A pen signature read as a few unsure Latin letters ("NVA") is dropped as well; both are counted per page.
"""

from __future__ import annotations

import logging
import math
import os
import re
import shutil
import statistics
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image

from auditor.model import BBox

Point = tuple[float, float]
Quad = tuple[Point, Point, Point, Point]  # top-left, top-right, bottom-right, bottom-left

# Bundled model files of rapidocr 3.x (see rapidocr/config.yaml defaults).
_MODEL_FILES = {
    "Det.model_path": "PP-OCRv6_det_small.onnx",
    "Cls.model_path": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
    "Rec.model_path": "PP-OCRv6_rec_small.onnx",
}
# Two boxes on one visual line further apart than this many line heights get a space between them.
_SPACE_GAP = 1.5
# Two boxes belong to one line when their vertical overlap is at least this share of the smaller height.
_LINE_OVERLAP = 0.5
# Seal ink: red exceeds green and blue by this much, and is light enough not to be ink over black print.
_RED_MARGIN = 40
_RED_MIN = 120

# Stamp noise (measured on synthetic gray photocopies, see tests/test_scans.py): the seal's ring text has
# its character centres between these shares of the ring radius (0.62-0.97 measured); sign-off lines the
# seal covers cross its middle (nearest character <= 0.45 of the radius).
_BAND = (0.5, 1.05)
# A piece looks like print when it is as sure, as upright and as tall as a line: ring text broke at least
# one (scores 0.56-0.90, or turned 2.9-30 degrees off the page skew, or 1.4-2.5 line heights tall).
_PRINT_SCORE = 0.95
_PRINT_TURN = math.radians(1.5)
_PRINT_HEIGHT = 1.3
# A piece inside a ring: its box within this share of the radius of the ring's centre, both ways; taller than this
# many lines, it is ring text read down the arc (measured 3 line heights; a damaged date line under a seal 1.5).
_INSIDE_RING = 1.1
_ARC_HEIGHT = 2.0
# Without a detected ring (broken or faint seal) only a turned fragment of one or two characters goes.
_LONE_TURN = math.radians(10)
_LONE_CHARS = 2
# Ring search: a round seal (38-45 mm) has a radius of 0.09-0.11 of an A4 page's width; the search
# runs on the page shrunk so its short side is about this many pixels.
_RING_SIDE = 800
_RING_RADIUS = (0.07, 0.14)
_RING_MAX = 4

# Detection reads the page at most this many pixels on its long side; recognition still reads each detected line from
# the page at the engine's full resolution (up to 2,000 px). Detection is half the engine's time on an A4 scan at
# 2,000 px; at 1,280 px it costs a third less per page and the recognised text differs by spacing and full- or
# half-width punctuation (measured in docs/benchmarks.md). The engine's own floor stays: a page whose short side is
# under 736 px is enlarged for detection, as before.
DETECT_LONG_SIDE = 1280
_DETECT_SHORT_FLOOR = 736

_engine: Any = None
_engine_lock = threading.Lock()
# rapidocr's __call__ stores per-call options on the instance, so calls are serialised;
# onnxruntime already uses every core inside one call.
_call_lock = threading.Lock()


class OcrError(Exception):
    """The OCR engine failed on an image."""


class OcrUnavailable(OcrError):
    """The OCR package (rapidocr + onnxruntime) or its bundled models are not installed."""


@dataclass(frozen=True)
class OcrLine:
    text: str
    box: BBox  # pixels: x0, top, x1, bottom
    score: float  # mean recognition confidence of the line's pieces, 0..1


@dataclass(frozen=True)
class OcrPage:
    text: str  # lines joined by "\n"
    boxes: list[BBox | None]  # one per character of `text`, PDF points; None for "\n"
    stamp_pieces: int = 0  # detected text pieces dropped as seal noise (counted, never kept)
    scrawl_pieces: int = 0  # handwriting (a signature) read as a few unsure Latin letters, dropped


@dataclass(frozen=True)
class _Piece:
    """One text box as the engine detected it."""

    text: str
    quad: Quad
    score: float


@dataclass(frozen=True)
class _Ring:
    """A round seal's ring found on the page, in image pixels."""

    x: float
    y: float
    radius: float


OCR_THREADS_ENV = "AUDITOR_OCR_THREADS"


def get_engine() -> Any:
    """The process-wide RapidOCR instance, built on first use (thread-safe)."""
    global _engine
    if _engine is None:
        with _engine_lock:
            if _engine is None:
                _engine = _build_engine()
    return _engine


def import_onnxruntime_offline() -> Any:
    """Import onnxruntime with its telemetry off and nothing written under the home directory.

    Unless told otherwise, onnxruntime writes a device id and an event queue under $XDG_CACHE_HOME (default
    ~/.cache/Microsoft) at import and later looks up its telemetry host, even after `disable_telemetry_events`.
    ORT_DISABLE_TELEMETRY (set for this process and its children) stops both; as a second guard the import runs
    with XDG_CACHE_HOME pointed at a private temporary folder (removed right after), and events are disabled.
    """
    import sys

    # Read by onnxruntime's telemetry (1DS) at import: no device id, no event queue, no upload thread.
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"
    if "onnxruntime" in sys.modules:
        module = sys.modules["onnxruntime"]
    else:
        previous = os.environ.get("XDG_CACHE_HOME")
        scratch = tempfile.mkdtemp(prefix=f"auditor-onnx-{os.getpid()}-")
        os.environ["XDG_CACHE_HOME"] = scratch
        try:
            import onnxruntime as module
        finally:
            if previous is None:
                os.environ.pop("XDG_CACHE_HOME", None)
            else:
                os.environ["XDG_CACHE_HOME"] = previous
            shutil.rmtree(scratch, ignore_errors=True)
    disable = getattr(module, "disable_telemetry_events", None)
    if callable(disable):
        disable()
    return module


def _build_engine() -> Any:
    try:
        import_onnxruntime_offline()
        import rapidocr
        from rapidocr import RapidOCR
    except ImportError as exc:  # also covers a missing onnxruntime
        raise OcrUnavailable(f"OCR 组件未安装：{exc}") from exc
    model_dir = Path(rapidocr.__file__).parent / "models"
    params: dict[str, Any] = {"Global.log_level": "error"}
    # Where several processes share the cores (batch workers beside each other, the test suite's background scoring),
    # one thread per engine: onnxruntime's pool spins while it waits, which an oversubscribed machine pays for.
    threads = os.environ.get(OCR_THREADS_ENV, "")
    if threads.isdigit() and int(threads) > 0:
        params["EngineConfig.onnxruntime.intra_op_num_threads"] = int(threads)
        params["EngineConfig.onnxruntime.inter_op_num_threads"] = 1
    for key, name in _MODEL_FILES.items():
        path = model_dir / name
        if not path.is_file():
            raise OcrUnavailable(f"OCR 模型文件缺失：{name}")
        params[key] = str(path)
    try:
        engine = RapidOCR(params=params)
        # Models load lazily on the first call; load them now so the first page is not special.
        # (Detection upscales the short side to 736 px, so a square warm-up image is the cheapest.)
        engine(Image.new("RGB", (736, 736), "white"))
    except Exception as exc:  # onnxruntime raises its own types
        raise OcrUnavailable(f"OCR 引擎无法启动：{exc}") from exc
    # rapidocr resets its logger level per instance; keep it quiet (it never logs recognised text).
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    return engine


def _to_rgb(image: Image.Image) -> Image.Image:
    """RGB, with transparent areas (PNG scans with alpha) laid on white rather than black."""
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        canvas = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(canvas, rgba).convert("RGB")
    return image.convert("RGB")


def _prepare(image: Image.Image, drop_red: bool) -> Image.Image:
    """RGB for the engine; with `drop_red`, red seal ink is replaced by paper.

    A page holding seal ink becomes its red channel as gray: black print stays black, also where a
    seal covers it.
    Pixels that are clearly red and light (pure seal ink, not ink over black strokes) become the
    paper's gray, so the seal's ring and text stop breaking the sign-off lines they cover.
    """
    rgb = _to_rgb(image)
    if not drop_red:
        return rgb
    pixels = np.asarray(rgb, dtype=np.int16)
    red = pixels[..., 0]
    seal = (red - np.maximum(pixels[..., 1], pixels[..., 2]) > _RED_MARGIN) & (red > _RED_MIN)
    if not seal.any():
        return rgb
    gray = red.copy()
    gray[seal] = np.percentile(red[::8, ::8], 90)  # paper tone, from a sample of the page
    return Image.fromarray(gray.astype(np.uint8)).convert("RGB")


def _set_detection_size(engine: Any, width: int, height: int) -> None:
    """Detection at most DETECT_LONG_SIDE px long, never below the engine's short-side floor (see DETECT_LONG_SIDE)."""
    detector = engine._load_det_model()  # the engine builds it lazily; its resize is read on every call
    scale = min(1.0, engine.max_side_len / max(width, height))  # the engine's own cap (Global.max_side_len), first
    short, long = min(width, height) * scale, max(width, height) * scale
    if short <= _DETECT_SHORT_FLOOR or long <= DETECT_LONG_SIDE:
        detector.limit_type, detector.limit_side_len = "min", _DETECT_SHORT_FLOOR  # the engine's default
    else:
        detector.limit_type = "max"
        detector.limit_side_len = max(DETECT_LONG_SIDE, math.ceil(long * _DETECT_SHORT_FLOOR / short))


def _run_engine(image: Image.Image, drop_red: bool = True) -> list[_Piece]:
    engine = get_engine()
    if image.width < 2 or image.height < 2:
        return []
    try:
        rgb = _prepare(image, drop_red)
        with _call_lock:
            _set_detection_size(engine, rgb.width, rgb.height)
            result = engine(rgb)
    except Exception as exc:
        raise OcrError(f"OCR 识别失败：{exc}") from exc
    if result.boxes is None or result.txts is None:
        return []
    w, h = float(image.width), float(image.height)
    pieces = []
    for quad, text, score in zip(result.boxes, result.txts, result.scores or (), strict=False):
        text = str(text).strip()
        if text:
            # Detection boxes are padded ("unclipped") and may reach past the image edge.
            pts = tuple((min(max(float(x), 0.0), w), min(max(float(y), 0.0), h)) for x, y in quad)
            pieces.append(_Piece(text, pts, float(score)))  # type: ignore[arg-type]
    return pieces


def _skew(pieces: list[_Piece]) -> float:
    """Median angle (radians) of the pieces' top edges: the page's skew."""
    angles = []
    for p in pieces:
        (x0, y0), (x1, y1) = p.quad[0], p.quad[1]
        if x1 - x0 > 2 * abs(y1 - y0) and x1 > x0:
            angles.append(math.atan2(y1 - y0, x1 - x0))
    return statistics.median(angles) if angles else 0.0


def _deskewed_bounds(quad: Quad, angle: float) -> BBox:
    """Axis-aligned bounds of the quad after undoing the page skew."""
    c, s = math.cos(-angle), math.sin(-angle)
    xs = [x * c - y * s for x, y in quad]
    ys = [x * s + y * c for x, y in quad]
    return min(xs), min(ys), max(xs), max(ys)


def _group_lines(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Reading order: lines top to bottom (by vertical overlap), pieces left to right."""
    angle = _skew(pieces)
    bounds = {id(p): _deskewed_bounds(p.quad, angle) for p in pieces}
    lines: list[tuple[list[_Piece], float, float]] = []  # pieces, top, bottom (deskewed)
    for p in sorted(pieces, key=lambda q: (bounds[id(q)][1] + bounds[id(q)][3]) / 2):
        _, top, _, bottom = bounds[id(p)]
        if lines:
            members, ltop, lbottom = lines[-1]
            overlap = min(bottom, lbottom) - max(top, ltop)
            if overlap >= _LINE_OVERLAP * min(bottom - top, lbottom - ltop):
                lines[-1] = (members + [p], min(top, ltop), max(bottom, lbottom))
                continue
        lines.append(([p], top, bottom))
    return [sorted(members, key=lambda q: bounds[id(q)][0]) for members, _, _ in lines]


def _quad_bounds(quad: Quad) -> BBox:
    xs = [x for x, _ in quad]
    ys = [y for _, y in quad]
    return min(xs), min(ys), max(xs), max(ys)


def _lerp(a: Point, b: Point, t: float) -> Point:
    return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t


def _char_boxes(piece: _Piece) -> list[BBox]:
    """Split the piece's quad evenly along its text direction, one slice per character."""
    tl, tr, br, bl = piece.quad
    n = len(piece.text)
    out = []
    for i in range(n):
        a, b = i / n, (i + 1) / n
        out.append(_quad_bounds((_lerp(tl, tr, a), _lerp(tl, tr, b), _lerp(bl, br, b), _lerp(bl, br, a))))
    return out


def _join_line(members: list[_Piece]) -> tuple[str, list[BBox]]:
    """Text of one visual line and a pixel box per character (a space for a wide gap)."""
    text = ""
    boxes: list[BBox] = []
    prev: BBox | None = None
    for p in members:
        box = _quad_bounds(p.quad)
        if prev is not None:
            height = min(box[3] - box[1], prev[3] - prev[1])
            if box[0] - prev[2] > _SPACE_GAP * height:
                text += " "
                boxes.append((prev[2], min(prev[1], box[1]), box[0], max(prev[3], box[3])))
        text += p.text
        boxes.extend(_char_boxes(p))
        prev = box
    return text, boxes


def _find_rings(image: Image.Image, drop_red: bool) -> list[_Ring]:
    """Round seal rings on the page as the engine saw it (red seals already faded when `drop_red`)."""
    side = min(image.width, image.height)
    if side < 200:
        return []
    factor = min(1.0, _RING_SIDE / side)
    small = _to_rgb(image).resize(
        (max(1, round(image.width * factor)), max(1, round(image.height * factor))), Image.Resampling.BOX
    )
    gray = np.asarray(_prepare(small, drop_red).convert("L"))
    short = min(gray.shape)
    # HOUGH_GRADIENT_ALT scores how complete a circle is (param2): text lines and speckles make none.
    found = cv2.HoughCircles(
        gray,
        cv2.HOUGH_GRADIENT_ALT,
        dp=1.5,
        minDist=short * 0.1,
        param1=100,
        param2=0.8,
        minRadius=round(short * _RING_RADIUS[0]),
        maxRadius=round(short * _RING_RADIUS[1]),
    )
    if found is None:
        return []
    return [_Ring(float(x) / factor, float(y) / factor, float(r) / factor) for x, y, r in found[0][:_RING_MAX]]


def _turn(piece: _Piece, skew: float) -> float | None:
    """How far (radians) the piece's text direction is turned off the page skew; None when unknown."""
    (x0, y0), (x1, y1) = piece.quad[0], piece.quad[1]
    if y1 == y0:
        return None  # the engine gives some boxes axis-aligned: their angle says nothing
    angle = math.atan2(y1 - y0, x1 - x0)
    return abs((angle - skew + math.pi / 2) % math.pi - math.pi / 2)


def _height(piece: _Piece) -> float:
    return math.dist(piece.quad[0], piece.quad[3])


def _looks_printed(piece: _Piece, skew: float, line_height: float) -> bool:
    turn = _turn(piece, skew)
    return (
        piece.score >= _PRINT_SCORE
        and (turn is None or turn <= _PRINT_TURN)
        and _height(piece) <= _PRINT_HEIGHT * line_height
    )


def _on_ring_band(piece: _Piece, ring: _Ring) -> bool:
    """Every character centre of the piece lies where a seal's ring text runs."""
    low, high = _BAND[0] * ring.radius, _BAND[1] * ring.radius
    for x0, top, x1, bottom in _char_boxes(piece):
        if not low <= math.hypot((x0 + x1) / 2 - ring.x, (top + bottom) / 2 - ring.y) <= high:
            return False
    return True


def _tall_inside(piece: _Piece, ring: _Ring, line_height: float) -> bool:
    """A piece two lines tall or more, wholly inside a seal's ring: its ring text read as one box down the arc (detection at
    a lower resolution joins the curved characters: "深圳圳市", 3 line heights tall). Sign-off lines under a seal are
    one line tall."""
    x0, top, x1, bottom = _quad_bounds(piece.quad)
    reach = _INSIDE_RING * ring.radius
    inside = ring.x - reach <= x0 and x1 <= ring.x + reach and ring.y - reach <= top and bottom <= ring.y + reach
    return inside and _height(piece) > _ARC_HEIGHT * line_height


def _candidates(pieces: list[_Piece]) -> list[bool]:
    """Per piece: could it be seal noise? True when it does not look like print, or is one character
    on a line of its own (ring text at the top of the arc reads cleanly and stands upright)."""
    if not pieces:
        return []
    skew = _skew(pieces)
    line_height = statistics.median(_height(p) for p in pieces)
    return [not _looks_printed(p, skew, line_height) or (len(p.text) == 1 and _alone(p, pieces, skew)) for p in pieces]


def _alone(piece: _Piece, pieces: list[_Piece], skew: float) -> bool:
    """No other piece shares the piece's line (overlaps half its height, page skew undone)."""
    _, top, _, bottom = _deskewed_bounds(piece.quad, skew)
    for other in pieces:
        if other is not piece:
            _, otop, _, obottom = _deskewed_bounds(other.quad, skew)
            if min(bottom, obottom) - max(top, otop) >= _LINE_OVERLAP * min(bottom - top, obottom - otop):
                return False
    return True


def _split_stamp_noise(pieces: list[_Piece], rings: list[_Ring]) -> tuple[list[_Piece], int]:
    """The pieces that are print, and how many were dropped as seal noise.

    A candidate (see `_candidates`) is noise when it lies on the ring-text band of a seal, or (no ring
    found) is a fragment of one or two characters turned well off the page skew. Real lines under a seal cross
    its middle, so they never lie wholly on the band, however damaged their recognition is.
    """
    skew = _skew(pieces)
    line_height = statistics.median(_height(p) for p in pieces) if pieces else 0.0
    kept = []
    for p, candidate in zip(pieces, _candidates(pieces), strict=True):
        noise = False
        if candidate and rings:
            noise = any(_on_ring_band(p, ring) or _tall_inside(p, ring, line_height) for ring in rings)
        elif candidate:
            turn = _turn(p, skew)
            noise = len(p.text) <= _LONE_CHARS and turn is not None and turn >= _LONE_TURN
        if not noise:
            kept.append(p)
    return kept, len(pieces) - len(kept)


# A pen signature comes back from the Chinese models as a few Latin letters ("NVA", "wtol") at scores of
# 0.58-0.83 on the synthetic scans; printed Latin (案号 letters, "QQ", plate numbers) reads at >= 0.95 and
# is rarely a piece of its own.
_SCRAWL = re.compile(r"[A-Za-z .·•'`~^_\-]{1,8}")
_SCRAWL_SCORE = 0.9


def _is_scrawl(piece: _Piece) -> bool:
    return piece.score < _SCRAWL_SCORE and _SCRAWL.fullmatch(piece.text) is not None and any(c.isalpha() for c in piece.text)


def _drop_scrawls(pieces: list[_Piece]) -> tuple[list[_Piece], int]:
    kept = [p for p in pieces if not _is_scrawl(p)]
    return kept, len(pieces) - len(kept)


def _read(image: Image.Image, drop_red: bool, drop_stamps: bool, drop_scrawls: bool) -> tuple[list[_Piece], int, int]:
    """The engine's pieces, less signature scrawls and seal noise when asked, and how many of each went.

    Scrawls go first: an unsure signature is a stamp-noise candidate too, and would start a ring search
    for nothing on every signed page.
    """
    pieces = _run_engine(image, drop_red)
    pieces, scrawls = _drop_scrawls(pieces) if drop_scrawls else (pieces, 0)
    if not drop_stamps or not pieces or not any(_candidates(pieces)):
        return pieces, 0, scrawls  # nothing suspect: skip the ring search
    try:
        rings = _find_rings(image, drop_red)
    except Exception:  # cv2 refuses odd images; then only the ring-free rule applies
        rings = []
    kept, stamps = _split_stamp_noise(pieces, rings)
    return kept, stamps, scrawls


def ocr_lines(
    image: Image.Image, *, drop_red: bool = True, drop_stamps: bool = True, drop_scrawls: bool = True
) -> list[OcrLine]:
    """Recognised lines of the image in reading order, with pixel boxes and confidence.

    `drop_red` fades red ink (seals) before recognition; pass False to read red print too.
    `drop_stamps` leaves out seal ring text read on gray copies (see the module doc).
    Raises OcrUnavailable when the engine is not installed, OcrError when it fails on this image.
    """
    out = []
    pieces, _, _ = _read(image, drop_red, drop_stamps, drop_scrawls)
    for members in _group_lines(pieces):
        text, _ = _join_line(members)
        bounds = [_quad_bounds(p.quad) for p in members]
        box = (
            min(b[0] for b in bounds),
            min(b[1] for b in bounds),
            max(b[2] for b in bounds),
            max(b[3] for b in bounds),
        )
        out.append(OcrLine(text, box, sum(p.score for p in members) / len(members)))
    return out


def ocr_page(
    image: Image.Image, scale: float, *, drop_red: bool = True, drop_stamps: bool = True, drop_scrawls: bool = True
) -> OcrPage:
    """Text of a page image (lines joined by "\\n"), one box per character in PDF points, and the
    number of seal-noise and signature-scrawl pieces left out.

    `scale` is pixels per PDF point of the rendering (e.g. 200 dpi / 72). Boxes are None for "\\n".
    `drop_red` fades red ink (seals) before recognition; pass False to read red print too.
    `drop_stamps` leaves out seal ring text read on gray copies (see the module doc); `drop_scrawls` a
    signature read as a few unsure Latin letters.
    Raises ValueError for a bad scale, OcrUnavailable when the engine is not installed, OcrError when it
    fails on this image.
    """
    if not scale or scale <= 0 or not math.isfinite(scale):
        raise ValueError(f"scale must be a positive number, got {scale!r}")
    pieces, dropped, scrawls = _read(image, drop_red, drop_stamps, drop_scrawls)
    texts: list[str] = []
    boxes: list[BBox | None] = []
    for members in _group_lines(pieces):
        text, pixel_boxes = _join_line(members)
        if texts:
            boxes.append(None)
        texts.append(text)
        boxes.extend(
            (round(x0 / scale, 2), round(top / scale, 2), round(x1 / scale, 2), round(bottom / scale, 2))
            for x0, top, x1, bottom in pixel_boxes
        )
    return OcrPage("\n".join(texts), boxes, dropped, scrawls)


def ocr_page_image(image: Image.Image, scale: float, *, drop_red: bool = True) -> tuple[str, list[BBox | None]]:
    """`ocr_page` as (text, boxes), seal noise dropped: the form `auditor.ingest.pdf` calls."""
    page = ocr_page(image, scale, drop_red=drop_red)
    return page.text, page.boxes
