"""Hypothesis strategies for hostile inputs: each draws (file suffix, bytes).

Structured, not random noise: PDF object graphs with page trees that repeat, loop, lie about their count or
point at the wrong objects, odd page boxes and broken cross-reference tables; DOCX packages with entities,
page breaks only, broken XML and missing parts; ZIPs with unsafe names, nesting and ratios; multi-frame and
damaged images; and pathological text (many dates on a line, many titles, long lines, damaged bytes).
"""

from __future__ import annotations

import io
import zipfile

from hypothesis import strategies as st
from PIL import Image, ImageDraw

# ------------------------------------------------------------------------------------------- text

_DOC_TITLES = ["拘留证", "起诉意见书", "取保候审决定书", "讯问笔录", "逮捕证", "卷内目录", "不起诉决定书"]
_PIECES = [
    "2023年3月5日", "二〇二三年三月五日", "同年4月1日", "次日", "14时30分", "犯罪嫌疑人张三，男，1980年1月1日出生，",
    "被我局刑事拘留", "经某某市人民检察院批准逮捕", "《中华人民共和国刑事诉讼法》第八十二条", "某某市公安局", "。", "，",
    "\n", "=====", "\f", "问：", "答：", "第3页 共12页", "公（刑）拘字〔2023〕15号", "\u200b", "\ufeff", "\x00", "\r",
]


@st.composite
def pathological_text(draw: st.DrawFn) -> tuple[str, bytes]:
    """Text dossiers: a repeated construct (dates on one line, title lines, tiny documents) or a random mix."""
    kind = draw(st.sampled_from(["repeat", "mix", "titles", "line"]))
    n = draw(st.integers(1, 400))
    if kind == "repeat":
        text = draw(st.sampled_from(_PIECES)) * n
    elif kind == "titles":
        text = "".join(draw(st.sampled_from(_DOC_TITLES)) + "\n" + draw(st.sampled_from(_PIECES)) + "\n" for _ in range(n))
    elif kind == "line":
        text = draw(st.sampled_from(_DOC_TITLES)) + "\n" + "".join(draw(st.lists(st.sampled_from(_PIECES[:10]), min_size=1, max_size=8))) * n
    else:
        text = "".join(draw(st.lists(st.one_of(st.sampled_from(_PIECES + _DOC_TITLES), st.text(max_size=20)), max_size=60)))
    encoding = draw(st.sampled_from(["utf-8", "gb18030", "utf-16"]))
    data = text.encode(encoding, errors="replace")
    return ".txt", draw(_damaged(data))


@st.composite
def _damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """`data`, or `data` with a few flipped bytes, a cut, or an insertion."""
    how = draw(st.sampled_from(["none", "none", "flip", "cut", "insert"]))
    if not data or how == "none":
        return data
    buf = bytearray(data)
    if how == "flip":
        for _ in range(draw(st.integers(1, 4))):
            i = draw(st.integers(0, len(buf) - 1))
            buf[i] ^= draw(st.integers(1, 255))
    elif how == "cut":
        buf = buf[: draw(st.integers(0, len(buf)))]
    else:
        i = draw(st.integers(0, len(buf)))
        buf[i:i] = draw(st.binary(min_size=1, max_size=16))
    return bytes(buf)


# -------------------------------------------------------------------------------------------- PDF

_TEXT_OPS = b"BT /F1 24 Tf 72 700 Td (Ju Liu Zheng 2023) Tj ET"
_INK_OPS = b"0 g 72 600 200 20 re f"


@st.composite
def pdf_document(draw: st.DrawFn) -> tuple[str, bytes]:
    """A PDF written object by object: a page tree of 1-3 levels whose kids may repeat a page, point back at an
    ancestor (a loop), point at a missing or wrong object; a /Count that may lie; page boxes from empty to 9000 pt;
    content that is text, ink, nothing or garbage; a cross-reference table that may be wrong or absent."""
    objects: dict[int, bytes] = {}
    n_pages = draw(st.integers(1, 6))
    font = 3
    objects[font] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    page_ids = []
    next_id = 4
    for _ in range(n_pages):
        content = draw(st.sampled_from([_TEXT_OPS, _INK_OPS, b"", b"q Q", b"BT /F9 Tf (x) Tj", b"\xff\x00garbage"]))
        objects[next_id + 1] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
        box = draw(st.sampled_from(["0 0 612 792", "0 0 9000 9000", "0 0 0 0", "0 0 -100 50", "0 0 14400 14400",
                                    "0 0 3 3", "0 0 612", "a b c d"]))
        page_ids.append(next_id)
        objects[next_id] = b"<< /Type /Page /Parent 2 0 R /MediaBox [%s] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>" % (
            box.encode(), next_id + 1, font)
        next_id += 2
    kids = [f"{p} 0 R" for p in page_ids]
    shape = draw(st.sampled_from(["flat", "repeat", "loop", "missing", "wrong", "nested", "deep-repeat"]))
    if shape == "repeat":
        kids = kids * draw(st.integers(2, 300))
    elif shape == "loop":
        kids.append("2 0 R")
    elif shape == "missing":
        kids.append("999 0 R")
    elif shape == "wrong":
        kids.append(f"{font} 0 R")
    if shape in ("nested", "deep-repeat"):
        inner = next_id
        objects[inner] = b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (" ".join(kids).encode(), len(kids))
        fan = draw(st.integers(1, 60)) if shape == "deep-repeat" else 1
        kids = [f"{inner} 0 R"] * fan
        declared = len(page_ids) * fan
    else:
        declared = len(kids)
    count = draw(st.sampled_from([declared, declared, 0, declared + 7, -1, 10**9]))
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(kids).encode(), count)
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    table = draw(st.sampled_from(["good", "good", "shifted", "none"]))
    if table != "none":
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
        shift = draw(st.integers(1, 50)) if table == "shifted" else 0
        for number in range(1, size):
            out.write(b"%010d 00000 n \n" % (offsets.get(number, 0) + shift) if number in offsets else b"0000000000 65535 f \n")
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    return ".pdf", draw(_damaged(out.getvalue()))


# ------------------------------------------------------------------------------------------- DOCX

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


@st.composite
def docx_package(draw: st.DrawFn) -> tuple[str, bytes]:
    """A Word package: paragraphs of text and page breaks, maybe only breaks, maybe an entity declaration (XXE),
    broken XML, a missing part, or a damaged byte in the ZIP."""
    paragraphs = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.sampled_from(["text", "text", "break", "empty", "entity", "table"]))
        if kind == "text":
            text = draw(st.sampled_from(_DOC_TITLES + _PIECES[:8]))
            paragraphs.append(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
        elif kind == "break":
            paragraphs.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        elif kind == "entity":
            paragraphs.append("<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>")
        elif kind == "table":
            paragraphs.append("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>拘留证</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
        else:
            paragraphs.append("<w:p/>")
    doctype = ""
    if any("&xxe;" in p for p in paragraphs) or draw(st.booleans()):
        target = draw(st.sampled_from(["file:///etc/passwd", "http://example.invalid/x", "内部实体"]))
        declaration = f'SYSTEM "{target}"' if ":" in target else f'"{target}"'
        doctype = f'<!DOCTYPE w:document [<!ENTITY xxe {declaration}>]>'
    body = f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document {_W}><w:body>{"".join(paragraphs)}</w:body></w:document>'
    if draw(st.integers(0, 5)) == 0:
        body = body[: draw(st.integers(0, len(body)))]  # broken XML
    parts = {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS, "word/document.xml": body}
    if draw(st.integers(0, 6)) == 0:
        parts.pop(draw(st.sampled_from(sorted(parts))))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text.encode("utf-8"))
    return ".docx", draw(_damaged(buf.getvalue()))


# -------------------------------------------------------------------------------------------- ZIP

_NAMES = ["1.txt", "2.txt", "../evil.txt", "/abs.txt", "C:/win.txt", "a/../../b.txt", "dir/", "姓名_110101199001011234.txt",
          "__MACOSX/x.txt", ".hidden.txt", "a\nb.txt", "inner.zip", "x.pdf", "y.docx", "z.png", "bomb.txt", "1.txt"]


@st.composite
def zip_archive(draw: st.DrawFn) -> tuple[str, bytes]:
    """A ZIP of text entries under hostile names, nested ZIPs, highly compressible entries, damaged bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for _ in range(draw(st.integers(0, 12))):
            name = draw(st.sampled_from(_NAMES))
            if name.endswith("inner.zip"):
                inner = io.BytesIO()
                with zipfile.ZipFile(inner, "w") as z2:
                    z2.writestr("a.txt", "拘留证\n2023年3月5日".encode())
                data = inner.getvalue()
            elif name == "bomb.txt":
                data = b"0" * draw(st.sampled_from([10_000, 200_000, 1_500_000]))
            else:
                data = draw(pathological_text())[1][:4000]
            method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return ".zip", draw(_damaged(buf.getvalue()))


# ----------------------------------------------------------------------------------------- images


@st.composite
def image_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """PNG / JPEG / TIFF pages: blank or inked, one or many frames, odd modes, damaged bytes."""
    fmt = draw(st.sampled_from(["PNG", "JPEG", "TIFF"]))
    size = (draw(st.integers(1, 300)), draw(st.integers(1, 300)))
    mode = draw(st.sampled_from(["RGB", "L", "1", "RGBA"] if fmt != "JPEG" else ["RGB", "L"]))
    frames = []
    for _ in range(draw(st.integers(1, 40)) if fmt == "TIFF" else 1):
        image = Image.new(mode, size, "white")
        if draw(st.booleans()):
            ImageDraw.Draw(image).rectangle([0, 0, size[0] // 2, size[1] // 3], fill="black")
        frames.append(image)
    buf = io.BytesIO()
    frames[0].save(buf, fmt, save_all=len(frames) > 1, append_images=frames[1:])
    suffix = {"PNG": ".png", "JPEG": ".jpg", "TIFF": ".tif"}[fmt]
    return suffix, draw(_damaged(buf.getvalue()))


ALL = {"text": pathological_text(), "pdf": pdf_document(), "docx": docx_package(), "zip": zip_archive(),
       "image": image_file()}
