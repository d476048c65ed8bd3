"""Traditional characters (繁體) read as their simplified form, one character for one.

A Hong Kong or Taiwan resident's own statement, an older system's export or a misset OCR writes "李國華" and
"訊問筆錄": the same name and the same title as "李国华" and "讯问笔录". Only characters outside GB2312 (the simplified
set) are mapped, each to the single simplified character OpenCC's t2s conversion gives it, so no valid simplified
text changes ("著名", "乾隆" stay) and offsets and character boxes stay aligned (held-out corpus dq).
"""

from __future__ import annotations

import functools
import re

_CJK = range(0x4E00, 0xA000)  # the unified ideographs: where names, titles and law names are written


def _simplified_set(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


@functools.cache
def _table() -> tuple[dict[int, str], re.Pattern[str]]:
    import opencc

    convert = opencc.OpenCC("t2s").convert
    candidates = [chr(cp) for cp in _CJK if not _simplified_set(chr(cp))]
    # One call for all: characters one per line convert alone (no phrase spans two of them).
    converted = convert("\n".join(candidates)).split("\n")
    if len(converted) != len(candidates):  # never seen; one by one keeps the pairing exact
        converted = [convert(ch) for ch in candidates]
    table = {ord(t): s for t, s in zip(candidates, converted, strict=True)
             if len(s) == 1 and s != t and _simplified_set(s)}
    return table, re.compile("[" + "".join(chr(cp) for cp in sorted(table)) + "]")


def simplified(text: str) -> str:
    """`text` with its traditional characters simplified (same length)."""
    table, traditional = _table()
    return text.translate(table) if traditional.search(text) else text
