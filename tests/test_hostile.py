"""Hostile and huge inputs (issue 16): every limit is a numbered error for that input only and ends fast, nothing
is lost silently, any file name is handled and never shown, the temp folder goes on every way out.

Each case names the defect it pins. Inputs are built here (small files standing for huge ones where the limit
is what is tested: a sparse 200 MB file, a page tree listing one page 20,000 times).
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import ROOT
from PIL import Image, ImageDraw

from auditor.cli import main
from auditor.ingest import load_dossier
from auditor.ingest.archive import sweep_stale_folders
from auditor.ingest.naming import input_name, printable
from auditor.limits import DEFAULT_LIMITS, Limits, parse_override
from auditor.pipeline import audit_path

GOOD = "拘留证\n犯罪嫌疑人张三，男，1980年1月1日出生。\n某某市公安局\n2023年3月5日"


def codes(result) -> list[str]:  # noqa: ANN001
    return [e.code for e in result.errors]


@pytest.fixture
def fake_ocr(monkeypatch: pytest.MonkeyPatch):
    """An OCR stand-in that counts its calls and the pixels it was handed."""
    import types

    calls: list[tuple[int, int]] = []
    module = types.ModuleType("auditor.ingest.ocr")

    def ocr_page_image(image, scale):  # noqa: ANN001
        calls.append(image.size)
        return "扫描件拘留证", None

    module.ocr_page_image = ocr_page_image
    monkeypatch.setitem(sys.modules, "auditor.ingest.ocr", module)
    return calls


def _pdf(path: Path, sizes: list[tuple[float, float]], ink: bool = False) -> Path:
    pdf = pdfium.PdfDocument.new()
    for width, height in sizes:
        page = pdf.new_page(width, height)
        if ink:
            rect = pdfium.raw.FPDFPageObj_CreateNewRect(50, 50, 200, 40)
            pdfium.raw.FPDFPageObj_SetFillColor(rect, 0, 0, 0, 255)
            pdfium.raw.FPDFPath_SetDrawMode(rect, pdfium.raw.FPDF_FILLMODE_ALTERNATE, False)
            pdfium.raw.FPDFPage_InsertObject(page.raw, rect)
            pdfium.raw.FPDFPage_GenerateContent(page.raw)
        page.close()
    pdf.save(str(path))
    return path


def _page_tree_bomb(path: Path, references: int) -> Path:
    """A ~120 KB PDF whose page tree lists one blank page `references` times."""
    kids = b" ".join([b"3 0 R"] * references)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, references),
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    path.write_bytes(out.getvalue())
    return path


def _docx(path: Path, body_xml: str, doctype: str = "", stored: bool = False) -> Path:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
        '+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0"?>{doctype}<w:document {w}><w:body>{body_xml}</w:body></w:document>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text.encode("utf-8"))
    return path


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


# ----------------------------------------------------------------------------------- limits, each fast


def test_200_mb_text_is_refused_by_size_at_once(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(200 * 1024**2)  # sparse: the size is what counts
    start = time.perf_counter()
    result = audit_path(path)
    assert codes(result) == ["E080"] and time.perf_counter() - start < 2


def test_long_line_is_split_at_sentence_ends_and_kept_whole(tmp_path: Path) -> None:
    sentence = "犯罪嫌疑人张三于2023年3月5日被刑事拘留。"
    text = "立案决定书\n" + sentence * 2_000
    path = tmp_path / "line.txt"
    path.write_text(text, encoding="utf-8")
    dossier = load_dossier(path, limits=Limits(line_chars=1_000))
    assert [e.code for e in dossier.errors] == ["E081"]
    lines = dossier.text.split("\n")
    assert max(map(len, lines)) <= 1_000 and all(line.endswith("。") for line in lines[1:])
    assert dossier.text.replace("\n", "") == text.replace("\n", "")


def test_page_tree_bomb_stops_at_the_page_limit(tmp_path: Path, fake_ocr) -> None:
    path = _page_tree_bomb(tmp_path / "bomb.pdf", 20_000)
    start = time.perf_counter()
    result = audit_path(path)
    assert time.perf_counter() - start < 60
    assert "E083" in codes(result) and len(result.dossier.pages) == DEFAULT_LIMITS.dossier_pages
    assert all(p.blank for p in result.dossier.pages) and fake_ocr == []  # blank pages never reach OCR


def test_blank_pages_are_counted_not_read(tmp_path: Path, fake_ocr) -> None:
    path = _pdf(tmp_path / "blank.pdf", [(595, 842)] * 300)
    start = time.perf_counter()
    dossier = load_dossier(path)
    assert time.perf_counter() - start < 20
    assert fake_ocr == [] and all(p.blank for p in dossier.pages)
    assert [e.code for e in dossier.errors] == ["E075"]  # a file of blank pages has no text: said, not silent


def test_inked_page_goes_to_ocr_within_the_pixel_budget(tmp_path: Path, fake_ocr) -> None:
    path = _pdf(tmp_path / "a0.pdf", [(2384, 3370)], ink=True)  # A0: 200 dpi would be 62 Mpx
    dossier = load_dossier(path, limits=Limits(render_pixels=4_000_000))
    assert dossier.pages[0].text == "扫描件拘留证"
    (size,) = fake_ocr
    assert size[0] * size[1] <= 4_000_000 * 1.01


def test_9000_pt_page_is_refused_before_rendering(tmp_path: Path, fake_ocr) -> None:
    path = _pdf(tmp_path / "big.pdf", [(9000, 9000), (595, 842)], ink=True)
    dossier = load_dossier(path)
    assert [(e.code, e.page) for e in dossier.errors] == [("E085", 1)]
    assert len(fake_ocr) == 1  # only the second page was rendered


def test_frame_bomb_stops_at_the_frame_limit(tmp_path: Path, fake_ocr) -> None:
    path = tmp_path / "frames.tif"
    frames = [Image.new("1", (8, 8), 1) for _ in range(1_500)]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    start = time.perf_counter()
    dossier = load_dossier(path)
    assert time.perf_counter() - start < 30
    assert [e.code for e in dossier.errors][:1] == ["E084"] and len(dossier.pages) == DEFAULT_LIMITS.tiff_frames
    assert fake_ocr == []


def test_ocr_page_limit(tmp_path: Path, fake_ocr) -> None:
    path = _pdf(tmp_path / "scan.pdf", [(595, 842)] * 5, ink=True)
    dossier = load_dossier(path, limits=Limits(ocr_pages=2))
    assert len(fake_ocr) == 2
    (error,) = dossier.errors
    assert error.code == "E086" and "3–5" in error.message


def test_sub_mebibyte_zip_bomb_is_refused_entry_by_entry(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("1.txt", GOOD.encode())
        for i in range(300):
            zf.writestr(f"{i + 2}.txt", b"0" * (1024**2 - 1))  # just under 1 MiB each, ratio ~1000
    assert path.stat().st_size < 1024**2
    start = time.perf_counter()
    result = audit_path(path)
    assert time.perf_counter() - start < 30
    assert codes(result) == ["E022"] * 300 and len(result.documents) == 1


def test_dossier_text_limit_keeps_the_start(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n=====\n".join([GOOD] * 50), encoding="utf-8")
    dossier = load_dossier(path, limits=Limits(dossier_chars=1_000))
    assert [e.code for e in dossier.errors] == ["E082"] and 0 < len(dossier.text) <= 1_000


def test_document_limit(tmp_path: Path) -> None:
    path = tmp_path / "many.txt"
    path.write_text("\n=====\n".join([GOOD] * 30), encoding="utf-8")
    result = audit_path(path, limits=Limits(dossier_documents=10))
    assert codes(result) == ["E087"] and len(result.documents) == 10


def test_zip_nesting_and_per_entry_size(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("a.txt", GOOD.encode())
    path = tmp_path / "outer.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("1.txt", GOOD.encode())
        zf.writestr("inner.zip", inner.getvalue())
        zf.writestr("big.txt", (GOOD * 80).encode())  # 8 KB unpacked, a few hundred bytes packed
    assert path.stat().st_size < 4000
    result = audit_path(path, limits=Limits(file_bytes=4000))
    assert sorted(codes(result)) == ["E022", "E079"]


@pytest.mark.parametrize(("spec", "expected"), [("pages=7", ("dossier_pages", 7)), ("file_bytes=2G", ("file_bytes", 2 * 1024**3)),
                                                ("text-file-bytes=16M", ("text_file_bytes", 16 * 1024**2))])
def test_limit_overrides(spec: str, expected: tuple[str, int]) -> None:
    assert parse_override(spec) == expected


@pytest.mark.parametrize("spec", ["pages", "nonsense=3", "pages=-1", "pages=abc", "bytes=1"])
def test_bad_limit_is_a_usage_error(spec: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["audit", str(good), "--limit", spec]) == 2
    assert "限制" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------- nothing silent


def test_docx_with_entity_is_reported(tmp_path: Path) -> None:
    path = _docx(tmp_path / "xxe.docx", _para("拘留证") + _para("&xxe;"),
                 doctype='<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
    result = audit_path(path)
    assert codes(result) == ["E089"] and "root:" not in result.dossier.text


def test_docx_of_page_breaks_only_is_reported(tmp_path: Path) -> None:
    path = _docx(tmp_path / "breaks.docx", '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' * 20)
    assert codes(audit_path(path)) == ["E075"]


def test_txt_with_a_flipped_byte_is_read_with_replacement(tmp_path: Path) -> None:
    data = bytearray((GOOD * 5).encode())
    data[40] = 0xFF
    path = tmp_path / "flip.txt"
    path.write_bytes(bytes(data))
    result = audit_path(path)
    assert codes(result) == ["E088"] and "\ufffd" in result.dossier.text and result.documents


def test_docx_with_a_flipped_byte_is_read_with_an_error(tmp_path: Path) -> None:
    path = _docx(tmp_path / "flip.docx", _para("拘留证") + _para("犯罪嫌疑人张三于2023年3月5日被刑事拘留"), stored=True)
    data = bytearray(path.read_bytes())
    at = data.index("张三".encode())
    data[at + 1] ^= 0x01  # the CRC no longer matches: python-docx refuses the package
    path.write_bytes(bytes(data))
    result = audit_path(path)
    assert codes(result) == ["E078"] and "拘留证" in result.dossier.text


def test_png_with_a_flipped_byte_is_read_with_an_error(tmp_path: Path, fake_ocr) -> None:
    image = Image.new("RGB", (200, 100), "white")
    ImageDraw.Draw(image).rectangle([10, 10, 120, 30], fill="black")
    buf = io.BytesIO()
    image.save(buf, "PNG")
    data = bytearray(buf.getvalue())
    data[data.index(b"IDAT") + 10] ^= 0x01  # the chunk CRC fails
    path = tmp_path / "flip.png"
    path.write_bytes(bytes(data))
    result = audit_path(path)
    assert codes(result) in (["E078"], ["E050"]) and (result.dossier.pages or result.errors)


def test_damaged_pdf_says_it_was_repaired(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "ok.pdf", [(595, 842)] * 3, ink=True)
    data = path.read_bytes()
    start = data.rindex(b"startxref")
    path.write_bytes(data[:start] + b"startxref\n999999\n%%EOF\n")  # the xref offset points nowhere
    dossier = load_dossier(path)
    assert "E077" in [e.code for e in dossier.errors]


# ------------------------------------------------------------------------------------- names and paths


PII_NAME = "张三_110101199003071234_13800138000"


@pytest.mark.parametrize("name", [f"{PII_NAME}.txt", "案卷\n第二行.txt", "tab\there.txt"])
def test_file_name_never_shown_by_default(tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    out = tmp_path / "r.json"
    assert main(["audit", "--format", "json", str(tmp_path / name), str(tmp_path / "missing.txt"), "--out", str(out)]) == 0
    report = out.read_text(encoding="utf-8")
    captured = capsys.readouterr()
    for shown in (report, captured.out, captured.err):
        assert PII_NAME not in shown and "110101199003071234" not in shown and str(tmp_path) not in shown
    sources = [d["source"] for d in json.loads(report)["dossiers"]]
    assert sources == [input_name(1, tmp_path / name), input_name(2, tmp_path / "missing.txt")]


def test_undecodable_file_name(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/" + "拘留证".encode("gbk") + b".txt"  # a GBK name on a UTF-8 system
    with open(raw, "wb") as f:
        f.write(GOOD.encode())
    path = os.fsdecode(raw)
    for flags in ([], ["--show-paths"]):
        out = tmp_path / "r.json"
        assert main(["audit", "--format", "json", path, "--out", str(out), *flags]) == 0
        (dossier,) = json.loads(out.read_text(encoding="utf-8"))["dossiers"]
        assert dossier["documents"] and not dossier["errors"]
    assert dossier["source"] == printable(path) and "\\x" in dossier["source"]


def test_folder_symlink_leaving_the_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("机密：root:x:0:0", encoding="utf-8")
    case = tmp_path / "case"
    case.mkdir()
    (case / "1.txt").write_text(GOOD, encoding="utf-8")
    (case / "passwd.txt").symlink_to(outside)
    (case / "inside.txt").symlink_to(case / "1.txt")  # a link inside the folder is read
    (case / "etc").symlink_to("/etc")  # a folder link out of the folder is named, not followed
    (case / "here").symlink_to(case)  # a loop is not followed
    result = audit_path(case)
    assert codes(result) == ["E076", "E076"] and "机密" not in result.dossier.text and len(result.dossier.pages) == 2


def test_no_traceback_without_debug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # noqa: ANN001
    secret = tmp_path / f"{PII_NAME}.txt"
    secret.write_text(GOOD, encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"failed on {secret}")

    monkeypatch.setattr("auditor.cli.cmd_audit", broken)
    assert main(["audit", str(secret)]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and PII_NAME not in err and "RuntimeError" in err
    with pytest.raises(RuntimeError):
        main(["--debug", "audit", str(secret)])


# ------------------------------------------------------------------------------------- temporary folders


def test_stale_temp_folders_of_dead_processes_are_swept() -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    stale = Path(tempfile.mkdtemp(prefix=f"auditor-zip-{dead.stdout.strip()}-"))
    (stale / "case.txt").write_text(GOOD, encoding="utf-8")
    mine = Path(tempfile.mkdtemp(prefix=f"auditor-zip-{os.getpid()}-"))
    try:
        assert sweep_stale_folders() >= 1
        assert not stale.exists() and mine.exists()
    finally:
        mine.rmdir()


@pytest.mark.slow
def test_temp_folder_removed_on_sigterm(tmp_path: Path) -> None:
    path = tmp_path / "case.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(400):  # slow enough to be caught while its entries are read
            zf.writestr(f"{i}.txt", ("\n=====\n".join([GOOD] * 40)).encode())
    # A temporary folder of its own: tests running beside this one (pytest -n) make auditor-zip- folders of
    # their own in the shared one, which outlive this audit (a CI run read one of them as this audit's leftover).
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp)}
    proc = subprocess.Popen([sys.executable, "-m", "auditor.cli", "audit", str(path)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    # The audit runs in a worker process of the CLI (auditor/batch): its folder carries the worker's pid.
    while not (made := [p.name for p in temp.iterdir() if p.name.startswith("auditor-zip-")]):
        assert proc.poll() is None and time.monotonic() < deadline, "no temporary folder appeared"
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 128 + signal.SIGTERM
    assert not any((temp / name).exists() for name in made)
    assert b"Traceback" not in proc.stderr.read()


@pytest.mark.parametrize(
    ("size", "padded"),
    [((2, 239), (736, 736)), ((1654, 2339), (1654, 2339)), ((500, 3000), (736, 3000)), ((100, 100), (736, 736))],
)
def test_small_images_are_padded_not_upscaled_by_ocr(size: tuple[int, int], padded: tuple[int, int]) -> None:
    """A 2×239 px strip made the OCR engine upscale it to 736×88,000 px: 4 GB and a minute and a half."""
    from auditor.ingest.pdf import _bounded_aspect

    assert _bounded_aspect(Image.new("RGB", size, "white")).size == padded


def test_strip_too_long_for_a_page_is_an_error(tmp_path: Path, fake_ocr) -> None:
    path = tmp_path / "strip.png"
    image = Image.new("RGB", (20, 9000), "white")
    ImageDraw.Draw(image).rectangle([0, 0, 10, 8000], fill="black")
    image.save(path)
    dossier = load_dossier(path)
    assert [(e.code, e.page) for e in dossier.errors] == [("E010", 1)] and fake_ocr == []


def _doubling_tree(path: Path, depth: int) -> Path:
    """A ~1.6 KB PDF: each level of the page tree lists the next level twice, 2**depth page references."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    for k in range(2, depth + 2):
        objects[k] = b"<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count %d >>" % (k + 1, k + 1, 2 ** (depth - k + 2))
    objects[depth + 2] = b"<< /Type /Page /MediaBox [0 0 612 792] >>"
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, objects[number]))
    xref = out.tell()
    size = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size + b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, size)))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    path.write_bytes(out.getvalue())
    return path


def test_doubling_page_tree_of_1_6_kb_ends_fast(tmp_path: Path, fake_ocr) -> None:
    """65,536 references to one blank page in 1.6 KB took 208 s (every page rendered and sent to OCR)."""
    path = _doubling_tree(tmp_path / "tree.pdf", 16)
    assert path.stat().st_size < 2_000
    start = time.perf_counter()
    result = audit_path(path)
    assert time.perf_counter() - start < 60 and codes(result) == ["E083"] and fake_ocr == []


def test_a_killed_unreaped_process_counts_as_gone() -> None:
    """A zombie (killed, not yet reaped — by a container's init on a busy machine) made no live folder: its temporary
    folders are stale (the cause of test_temp_folder_removed_on_sigterm failing under load)."""
    from auditor.ingest.archive import _alive
    proc = subprocess.Popen(["sleep", "30"])
    try:
        assert _alive(proc.pid)
        proc.kill()
        deadline = time.monotonic() + 10
        while _alive(proc.pid) and time.monotonic() < deadline:  # a zombie until we wait for it
            time.sleep(0.05)
        assert not _alive(proc.pid)
    finally:
        proc.wait()
