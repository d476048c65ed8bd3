"""Character-level normalisation of one page that keeps boxes aligned with characters.

Only 1:1 replacements and deletions are done here, so `boxes[i]` stays the box of `text[i]`.
Joining broken lines and removing page headers need a real offset map and happen later.
Chinese punctuation (，。：；（）《》〔〕) is deliberately left alone: rules quote it as written.
"""

from __future__ import annotations

from auditor.model import BBox

# Full-width ASCII digits and letters -> half-width (U+FF10.. / U+FF21.. / U+FF41..).
_FULLWIDTH: dict[int, str] = {}
for _start, _ascii in (
    (0xFF10, "0123456789"),
    (0xFF21, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    (0xFF41, "abcdefghijklmnopqrstuvwxyz"),
):
    for _i, _ch in enumerate(_ascii):
        _FULLWIDTH[_start + _i] = _ch

# Spaces that only differ in width: one plain space keeps offsets and simplifies patterns.
_SPACES = {0x3000: " ", 0x09: " ", 0xA0: " "}

_TABLE: dict[int, str] = {**_FULLWIDTH, **_SPACES, 0x0D: "\n"}

# Invisible characters that carry no text (BOM in mid-file, zero-width space): dropped with their box.
_DELETE = frozenset("\ufeff\u200b")


def normalize_page(text: str, boxes: list[BBox | None] | None) -> tuple[str, list[BBox | None] | None]:
    """Return (text, boxes) normalised; `boxes` stays None when unknown, else one per character."""
    if boxes is not None and len(boxes) != len(text):
        boxes = None  # a misaligned box list is worse than none: callers trust boxes[i] <-> text[i]
    # "\r\n" -> "\n" deletes the "\r"; a lone "\r" becomes "\n" through the table.
    if "\r\n" not in text and not any(ch in text for ch in _DELETE):
        return text.translate(_TABLE), boxes
    keep = [i for i, ch in enumerate(text) if ch not in _DELETE and not (ch == "\r" and text[i + 1 : i + 2] == "\n")]
    out = "".join(text[i] for i in keep).translate(_TABLE)
    return out, (None if boxes is None else [boxes[i] for i in keep])
