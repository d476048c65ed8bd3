"""What one dossier may still take while it is read (auditor.limits), shared by the loaders of its files."""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.limits import DEFAULT_LIMITS, Limits


@dataclass
class Quota:
    limits: Limits = DEFAULT_LIMITS
    pages: int = 0  # pages taken so far (every page reference of a PDF page tree counts)
    ocr_pages: int = 0  # pages sent to OCR so far
    chars: int = 0  # characters of text taken so far
    ocr_refused: dict[str, list[int]] = field(default_factory=dict)  # per source: pages not sent to OCR

    def pages_left(self) -> int:
        return max(0, self.limits.dossier_pages - self.pages)

    def take_ocr(self, source: str, number: int) -> bool:
        """May page `number` of `source` go to OCR? A refusal is remembered and reported once per file."""
        if self.ocr_pages < self.limits.ocr_pages:
            self.ocr_pages += 1
            return True
        self.ocr_refused.setdefault(source, []).append(number)
        return False


def page_ranges(numbers: list[int]) -> str:
    """"3–5、9" for [3, 4, 5, 9]."""
    out: list[str] = []
    start = prev = None
    for n in sorted(numbers):
        if prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            out.append(f"{start}–{prev}" if prev != start else f"{start}")
        start = prev = n
    if start is not None:
        out.append(f"{start}–{prev}" if prev != start else f"{start}")
    return "、".join(out)
