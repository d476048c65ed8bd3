"""OCR: synthetic scans read back through pypdfium2 + ocr_page_image; line ordering; offline engine."""

from __future__ import annotations

import importlib.util
import math
import re
import socket
import sys
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from conftest import requires_font
from PIL import Image, ImageDraw, ImageFont
from rapidfuzz.distance import Levenshtein

from auditor.ingest import ocr
from auditor.ingest.ocr import OcrLine, OcrUnavailable, _Piece, get_engine, ocr_lines, ocr_page, ocr_page_image
from auditor.synth.scan import FONT_PATH, ScanNoise, render_scan_image, render_scan_pdf

requires_ocr = pytest.mark.skipif(
    importlib.util.find_spec("rapidocr") is None or importlib.util.find_spec("onnxruntime") is None,
    reason="OCR package rapidocr + onnxruntime is not installed",
)

DPI = 200
SCALE = DPI / 72.0

PAGES = [
    "拘留通知书\n公（刑）拘通字〔2023〕第00123号\n犯罪嫌疑人王某某的家属：\n"
    "根据《中华人民共和国刑事诉讼法》第八十二条之规定，我局已于2023年5月6日18时将涉嫌盗窃罪的王某某"
    "刑事拘留，现羁押在某某市看守所。\n特此通知。\n某某市公安局\n二〇二三年五月六日",
    "起诉意见书\n某公刑诉字〔2023〕第045号\n犯罪嫌疑人李某，男，1985年3月12日出生，汉族，初中文化，无业。"
    "因涉嫌盗窃罪，于2023年5月6日被我局刑事拘留，经某某市人民检察院批准，于2023年6月9日被我局执行逮捕。\n"
    "经依法侦查查明：2023年4月28日22时许，犯罪嫌疑人李某盗窃被害人张某停放的电动自行车一辆，价值人民币3200元。\n"
    "依照《中华人民共和国刑事诉讼法》第一百六十二条之规定，现将此案移送审查起诉。\n此致\n某某市人民检察院\n"
    "某某市公安局\n二〇二三年七月十日",
]
# Measured on these pages for seeds 1-6: at most 0.017 (seed 3: 0.0 and 0.0).
PAGE_CER_MAX = 0.03


def cer(reference: str, hypothesis: str) -> float:
    ref = re.sub(r"\s", "", reference)
    return Levenshtein.distance(ref, re.sub(r"\s", "", hypothesis)) / len(ref)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not FONT_PATH.exists():
        pytest.skip("CJK font fonts-wqy-microhei is not installed")
    out = tmp_path_factory.mktemp("scan") / "scan.pdf"
    render_scan_pdf(PAGES, out, seed=3)
    return out


@requires_ocr
@requires_font
def test_scanned_pdf_reads_back(scanned: Path) -> None:
    pdf = pdfium.PdfDocument(str(scanned))
    assert len(pdf) == len(PAGES)
    for expected, page in zip(PAGES, pdf, strict=True):
        width, height = page.get_size()
        assert page.get_textpage().get_text_range() == ""  # image only: no text layer
        text, boxes = ocr_page_image(page.render(scale=SCALE).to_pil(), SCALE)
        assert cer(expected, text) <= PAGE_CER_MAX, text
        assert len(boxes) == len(text)
        for ch, box in zip(text, boxes, strict=True):
            if ch == "\n":
                assert box is None
                continue
            assert box is not None
            x0, top, x1, bottom = box
            assert 0 <= x0 <= x1 <= width + 0.01 and 0 <= top <= bottom <= height + 0.01
        # The title line sits near the top of the A4 page, centred.
        assert boxes[0] is not None and boxes[0][1] < height / 5
        assert text.splitlines()[0] == expected.splitlines()[0]


@requires_ocr
def test_engine_is_loaded_once() -> None:
    assert get_engine() is get_engine()


@requires_ocr
@requires_font
def test_ocr_lines_in_reading_order() -> None:
    image = Image.new("RGB", (900, 700), "white")  # detection upscales short sides below 736 px
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT_PATH), 40)
    draw.text((500, 30), "第二段", font=font, fill="black")  # same line as 第一段, further right
    draw.text((40, 32), "第一段", font=font, fill="black")
    draw.text((40, 150), "公安局拘留通知书", font=font, fill="black")
    lines = ocr_lines(image)
    assert [line.text for line in lines] == ["第一段 第二段", "公安局拘留通知书"]
    assert all(isinstance(line, OcrLine) and 0.5 < line.score <= 1 for line in lines)
    assert lines[0].box[3] < lines[1].box[1]


@requires_ocr
@requires_font
def test_recognition_works_with_network_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access during OCR")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(ocr, "_engine", None)  # build a fresh engine under the block
    image = Image.new("RGB", (600, 600), "white")
    ImageDraw.Draw(image).text((20, 20), "人民检察院", font=ImageFont.truetype(str(FONT_PATH), 40), fill="black")
    text, _ = ocr_page_image(image, 1.0)
    assert text == "人民检察院"


def test_missing_package_raises_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rapidocr", None)  # import fails as if not installed
    monkeypatch.setattr(ocr, "_engine", None)
    with pytest.raises(OcrUnavailable):
        ocr_page_image(Image.new("RGB", (100, 100), "white"), 1.0)
    assert issubclass(OcrUnavailable, Exception)


def _quad(x0: float, top: float, x1: float, bottom: float, dy: float = 0.0) -> tuple:
    """A text box whose right end is `dy` pixels lower than its left (page skew)."""
    return ((x0, top), (x1, top + dy), (x1, bottom + dy), (x0, bottom))


@pytest.mark.parametrize(
    ("pieces", "scale", "text", "first_box"),
    [
        # Engine order is arbitrary: lines go top to bottom, pieces left to right.
        (
            [_Piece("乙行", _quad(0, 100, 40, 120), 0.9), _Piece("甲行", _quad(0, 0, 40, 20), 0.9)],
            1.0,
            "甲行\n乙行",
            (0, 0, 20, 20),
        ),
        # Two pieces overlapping vertically form one line; a wide gap becomes a space.
        (
            [_Piece("右", _quad(200, 2, 220, 22), 0.9), _Piece("左边", _quad(0, 0, 40, 20), 0.9)],
            2.0,
            "左边 右",
            (0, 0, 10, 10),
        ),
        # A narrow gap joins without a space.
        (
            [_Piece("年", _quad(45, 0, 65, 20), 0.9), _Piece("2023", _quad(0, 0, 40, 20), 0.9)],
            1.0,
            "2023年",
            (0, 0, 10, 20),
        ),
        # Skewed page: long lines drift down by more than the line pitch, yet are not merged.
        (
            [
                _Piece("第二行文字", _quad(0, 40, 1000, 70, dy=60), 0.9),
                _Piece("第一行文字", _quad(0, 0, 1000, 30, dy=60), 0.9),
                _Piece("第三行", _quad(0, 80, 600, 110, dy=36), 0.9),
            ],
            1.0,
            "第一行文字\n第二行文字\n第三行",
            (0, 0, 200, 42),
        ),
        ([], 1.0, "", None),
    ],
)
def test_line_grouping_and_boxes(
    monkeypatch: pytest.MonkeyPatch, pieces: list[_Piece], scale: float, text: str, first_box: tuple | None
) -> None:
    monkeypatch.setattr(ocr, "_run_engine", lambda image, drop_red: pieces)
    got_text, boxes = ocr_page_image(Image.new("RGB", (10, 10)), scale)
    assert got_text == text
    assert len(boxes) == len(text)
    assert [b is None for b in boxes] == [c == "\n" for c in text]
    if first_box is not None:
        assert boxes[0] == pytest.approx(first_box)


@pytest.mark.parametrize("scale", [0, -1.0, float("nan")])
def test_bad_scale_is_rejected(scale: float) -> None:
    with pytest.raises(ValueError):
        ocr_page_image(Image.new("RGB", (10, 10)), scale)


@requires_font
def test_scan_is_deterministic_per_seed(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "c.pdf"
    render_scan_pdf(PAGES[:1], a, seed=5)
    render_scan_pdf(PAGES[:1], b, seed=5)
    render_scan_pdf(PAGES[:1], c, seed=6)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()


@requires_font
@pytest.mark.parametrize(
    ("pages", "noise"),
    [([], ScanNoise()), (["很长的一页。" * 2000], ScanNoise())],
)
def test_scan_rejects_what_it_cannot_render(tmp_path: Path, pages: list[str], noise: ScanNoise) -> None:
    with pytest.raises(ValueError):
        render_scan_pdf(pages, tmp_path / "x.pdf", seed=1, noise=noise)


@requires_font
def test_scan_has_red_seal_and_a4_size() -> None:
    image = render_scan_image(PAGES[0], seed=1, noise=ScanNoise(skew_deg=0))
    assert image.size == (1654, 2339)  # A4 at 200 dpi
    r, g, b = (band.load() for band in image.split())
    red = sum(
        1
        for x in range(0, image.width, 4)
        for y in range(0, image.height, 4)
        if r[x, y] > 150 and g[x, y] < 110 and b[x, y] < 110
    )
    assert red > 200  # the seal's ring, text and star
    plain = render_scan_image(PAGES[0], seed=1, noise=ScanNoise(skew_deg=0, stamp=False))
    r2, g2, b2 = (band.load() for band in plain.split())
    assert not any(
        r2[x, y] > 150 and g2[x, y] < 110 and b2[x, y] < 110
        for x in range(0, plain.width, 4)
        for y in range(0, plain.height, 4)
    )


@requires_ocr
@requires_font
@pytest.mark.parametrize(("drop_red", "expected"), [(True, ["公安局"]), (False, ["公安局", "专用章"])])
def test_red_ink_is_faded_on_request(drop_red: bool, expected: list[str]) -> None:
    image = Image.new("RGB", (700, 700), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT_PATH), 48)
    draw.text((40, 40), "公安局", font=font, fill=(0, 0, 0))
    draw.text((40, 300), "专用章", font=font, fill=(210, 30, 35))  # seal-red print
    assert [line.text for line in ocr_lines(image, drop_red=drop_red)] == expected


@requires_ocr
@requires_font
@pytest.mark.parametrize("mode", ["RGBA", "LA", "L", "1"])
def test_image_modes_are_read(mode: str) -> None:
    """Scans arrive as gray, bilevel or transparent PNGs: transparency counts as white paper."""
    image = Image.new("RGBA", (600, 600), (0, 0, 0, 0))
    ImageDraw.Draw(image).text((40, 40), "看守所", font=ImageFont.truetype(str(FONT_PATH), 48), fill=(0, 0, 0, 255))
    if mode != "RGBA":
        paper = Image.alpha_composite(Image.new("RGBA", image.size, "white"), image)
        image = image.convert(mode) if mode == "LA" else paper.convert(mode)
    assert [line.text for line in ocr_lines(image)] == ["看守所"]


# --- stamp noise: seal ring text read on black-and-white copies -------------------------------------

RING = ocr._Ring(1000.0, 1000.0, 150.0)


def _piece(
    text: str, cx: float, cy: float, width: float, height: float, deg: float = 1.0, score: float = 1.0
) -> _Piece:
    """A text box centred on (cx, cy), its text direction turned `deg` degrees clockwise."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    corners = ((-width / 2, -height / 2), (width / 2, -height / 2), (width / 2, height / 2), (-width / 2, height / 2))
    return _Piece(text, tuple((cx + x * c - y * s, cy + x * s + y * c) for x, y in corners), score)  # type: ignore[arg-type]


# Body print: five lines, 50 px high, sharing a 1° skew, well above the seal.
BODY = [_piece("犯罪嫌疑人王某某刑事拘留现羁押在看守所", 800, 200 + 60 * i, 1000, 50) for i in range(5)]


@pytest.mark.parametrize(
    ("piece", "rings", "dropped"),
    [
        # Ring text on the arc: unsure and two lines tall (measured: "集集市公室" 0.65, 2.3 line heights).
        (_piece("集某市公室", 1000, 880, 200, 120, score=0.6), [RING], True),
        # One ring character turned along the arc (measured: 13-19° off the skew).
        (_piece("某", 1120, 1000, 45, 50, deg=16), [RING], True),
        # The character at the top of the arc reads cleanly and upright, but has a line of its own.
        (_piece("市", 1000, 875, 45, 50), [RING], True),
        # Ring text that is sure and upright yet tall (measured "某市公" 1.0, 1.67 line heights).
        (_piece("某市公", 1000, 878, 130, 85), [RING], True),
        # Ring text down the arc read as one box, three lines tall, wholly inside the ring (detection at 1,280 px:
        # "深圳圳市" 0.71, 151 px of a 50 px line; held-out corpus f) — its first character on the band, the rest not.
        (_piece("某某某市", 931, 1000, 138, 150, deg=3.8, score=0.71), [RING], True),
        # The date line under the seal: damaged and tall, but it crosses the seal's middle.
        (_piece("二〇三年三月二十九日", 1000, 1000, 400, 73, score=0.9), [RING], False),
        # A short sign-off line under the seal, damaged and one and a half lines tall, wholly inside the ring: print.
        (_piece("某某市公安局", 1000, 1000, 250, 75, score=0.9), [RING], False),
        # The organ line above the centre: print.
        (_piece("某某市公安局", 1000, 940, 250, 52), [RING], False),
        # A printed short line lying on the band: sure, upright, a line high, more than one character.
        (_piece("特此通知", 1000, 872, 160, 50), [RING], False),
        # Unsure fragments away from the seal (a pen signature read as letters) are not seal noise.
        (_piece("WA", 300, 1000, 120, 65, deg=0, score=0.6), [RING], False),
        (_piece("某", 300, 1000, 45, 50, deg=16), [RING], False),
        # No ring found (broken or faint seal): only a turned fragment of one or two characters goes.
        (_piece("某", 1120, 1000, 45, 50, deg=16), [], True),
        (_piece("公安", 1120, 1000, 90, 50, deg=-20, score=0.8), [], True),
        (_piece("某某市公安", 1120, 1000, 220, 50, deg=16, score=0.7), [], False),
        (_piece("院", 1000, 875, 45, 50), [], False),
    ],
)
def test_stamp_noise_is_split_from_print(piece: _Piece, rings: list, dropped: bool) -> None:
    kept, count = ocr._split_stamp_noise([*BODY, piece], rings)
    assert kept == BODY + ([] if dropped else [piece])
    assert count == int(dropped)


def _ring_page(size: tuple[int, int], ink: tuple[int, int, int] | None, mode: str = "RGB") -> Image.Image:
    image = Image.new("RGB", size, (244, 244, 244))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT_PATH), 30)
    for i in range(8):  # print lines make edges but no circle
        draw.text((60, 60 + 50 * i), "依照刑事诉讼法第八十二条之规定" * 2, font=font, fill=(20, 20, 20))
    if ink is not None:
        draw.ellipse((470, 620, 630, 780), outline=ink, width=5)  # centre (550, 700), radius 80
    return image.convert(mode)


@requires_font
@pytest.mark.parametrize(
    ("ink", "mode", "drop_red", "found"),
    [
        ((110, 110, 110), "RGB", True, True),  # a red seal photocopied to gray
        ((110, 110, 110), "L", True, True),
        ((30, 30, 30), "1", True, True),  # faxed: bilevel
        ((205, 35, 40), "RGB", True, False),  # a red seal is faded before the search, as before recognition
        ((205, 35, 40), "RGB", False, True),
        (None, "RGB", True, False),  # print only
    ],
)
def test_seal_rings_are_found(ink: tuple[int, int, int] | None, mode: str, drop_red: bool, found: bool) -> None:
    rings = ocr._find_rings(_ring_page((800, 1100), ink, mode), drop_red)
    assert bool(rings) == found
    if found:
        ring = rings[0]
        assert math.dist((ring.x, ring.y), (550, 700)) < 8 and abs(ring.radius - 80) < 8


def test_ring_search_skips_images_too_small_for_a_page() -> None:
    assert ocr._find_rings(Image.new("RGB", (150, 150), "white"), True) == []


FRAGMENT = _piece("集某市公室", 1000, 880, 200, 120, score=0.6)


@pytest.mark.parametrize(
    ("drop_stamps", "rings", "count"),
    [(True, [RING], 1), (False, [RING], 0), (True, [], 0), (True, None, 0)],  # None: the search fails
)
def test_ocr_page_counts_dropped_stamp_pieces(
    monkeypatch: pytest.MonkeyPatch, drop_stamps: bool, rings: list | None, count: int
) -> None:
    def find_rings(image: Image.Image, drop_red: bool) -> list:
        if rings is None:
            raise ValueError("cv2 refused the image")
        return rings

    monkeypatch.setattr(ocr, "_run_engine", lambda image, drop_red: [*BODY, FRAGMENT])
    monkeypatch.setattr(ocr, "_find_rings", find_rings)
    image = Image.new("RGB", (10, 10))
    page = ocr_page(image, 2.0, drop_stamps=drop_stamps)
    assert page.stamp_pieces == count
    assert ("集某市公室" in page.text) == (count == 0)
    assert len(page.boxes) == len(page.text)
    if drop_stamps:
        assert ocr_page_image(image, 2.0) == (page.text, page.boxes)
    assert [line.text for line in ocr_lines(image, drop_stamps=drop_stamps)] == page.text.split("\n")


@requires_font
def test_photocopy_mode_turns_the_seal_gray() -> None:
    noise = ScanNoise(skew_deg=0, grayscale=True)
    image = render_scan_image(PAGES[0], seed=1, noise=noise)
    assert image.mode == "RGB" and image.size == (1654, 2339)
    r, g, b = (np.asarray(band, dtype=np.int16) for band in image.split())
    assert np.abs(r - g).max() <= 1 and np.abs(r - b).max() <= 1  # no colour left anywhere
    plain = np.asarray(render_scan_image(PAGES[0], seed=1, noise=ScanNoise(skew_deg=0, grayscale=True, stamp=False)))
    # The seal is there as mid-gray ink (lighter than print, darker than paper) where the plain copy has paper.
    seal = (r > 70) & (r < 160) & (plain[..., 0] > 200)
    assert seal.sum() > 3000
    colour = render_scan_image(PAGES[0], seed=1, noise=ScanNoise(skew_deg=0))
    assert np.asarray(colour).tobytes() != np.asarray(image).tobytes()


@pytest.mark.parametrize(
    ("text", "score", "scrawl"),
    [
        ("NVA", 0.75, True),  # measured: the synthetic pen signature read as letters, 0.58-0.83
        ("wtol", 0.58, True),
        ("WA ·", 0.7, True),
        ("NVA", 0.95, False),  # printed Latin reads sure
        ("QQ", 0.97, False),
        ("A12345", 0.6, False),  # digits: a plate or serial, not a scrawl
        ("赣A", 0.5, False),
        ("·", 0.3, False),  # no letter at all
        ("Signature", 0.6, False),  # longer than a scrawl's few letters
    ],
)
def test_signature_scrawl(text: str, score: float, scrawl: bool) -> None:
    piece = _piece(text, 300, 1000, 120, 65, score=score)
    assert ocr._is_scrawl(piece) is scrawl
    kept, count = ocr._drop_scrawls([*BODY, piece])
    assert (kept, count) == ((BODY, 1) if scrawl else ([*BODY, piece], 0))
