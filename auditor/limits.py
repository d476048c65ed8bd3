"""Hard limits on what one input may make the auditor do: each one, when reached, is a numbered error for that
input only (the rest of the dossier and the other inputs go on).

The defaults fit real dossiers with a wide margin (the largest real ones: a few thousand pages, lines of a
few hundred characters, sentences under 600) and keep a hostile file within seconds and a few hundred MB.
`auditor audit --limit NAME=VALUE` changes one for a run; sizes take K/M/G suffixes (binary).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

KiB, MiB, GiB = 1024, 1024**2, 1024**3


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 512 * MiB  # any one file (a folder's, a ZIP entry's, the input itself)
    text_file_bytes: int = 32 * MiB  # a TXT / MD file: ~10 million Chinese characters
    xml_part_bytes: int = 64 * MiB  # one XML part of a DOCX, unpacked (python-docx holds it in memory)
    line_chars: int = 10_000  # longer lines are split (at a sentence end where there is one)
    dossier_chars: int = 10_000_000  # text of one dossier; what comes after is not read
    dossier_pages: int = 5_000  # pages of one dossier, every page reference of a PDF page tree counted
    tiff_frames: int = 1_000  # frames of one multi-page image
    page_points: int = 5_000  # a page's width or height in PDF points (A0 is 2,384 pt); larger is not rendered
    render_pixels: int = 40_000_000  # a page rendered for OCR: a larger page is rendered at a lower scale
    image_pixels: int = 80_000_000  # an image file's frame (a larger "scan" is a decompression bomb)
    ocr_pages: int = 1_000  # pages of one dossier sent to OCR (blank pages are not)
    dossier_documents: int = 5_000  # documents of one dossier checked
    archive_entries: int = 10_000  # entries of one ZIP
    archive_bytes: int = 2 * GiB  # all entries of one ZIP, unpacked
    archive_depth: int = 1  # a ZIP in a folder is read; a ZIP in a ZIP is not
    archive_ratio: int = 100  # unpacked : packed size of every entry (packed size counted as at least 1 KiB)

    def with_overrides(self, specs: list[str] | tuple[str, ...]) -> Limits:
        """These limits with `NAME=VALUE` overrides; ValueError names a bad one."""
        changes = dict(parse_override(spec) for spec in specs)
        return dataclasses.replace(self, **changes)


DEFAULT_LIMITS = Limits()
RATIO_FLOOR_BYTES = KiB  # an entry's packed size is at least this much for the ratio: tiny entries harm nothing

_SIZE = re.compile(r"^\s*(\d+)\s*([KMG]?)i?B?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "K": KiB, "M": MiB, "G": GiB}


def limit_names() -> list[str]:
    return [f.name for f in dataclasses.fields(Limits)]


def parse_override(spec: str) -> tuple[str, int]:
    """"pages=100" → ("dossier_pages", 100); a name may be written without its prefix when that is unique."""
    name, sep, value = spec.partition("=")
    name = name.strip().replace("-", "_")
    if not sep:
        raise ValueError(f"限制应写成 名称=数值：{spec}")
    names = limit_names()
    matches = ([n for n in names if n in (name, f"dossier_{name}")]
               or [n for n in names if n.endswith("_" + name) or n.startswith(name)])
    if len(matches) != 1:
        raise ValueError(f"未知的限制名称：{name}（可用：{', '.join(names)}）")
    m = _SIZE.match(value)
    if not m or int(m.group(1)) < 1:
        raise ValueError(f"限制 {matches[0]} 的数值无效：{value}")
    return matches[0], int(m.group(1)) * _UNITS[m.group(2).upper()]
