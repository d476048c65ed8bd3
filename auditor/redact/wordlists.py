"""Word lists as one regex: every position of a text where a word of the list starts, longest word first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


class WordList:
    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(sorted(set(words), key=len, reverse=True))
        self._at = re.compile("(?=(" + "|".join(map(re.escape, self.words)) + "))") if self.words else None

    def each(self, text: str, lo: int = 0, hi: int | None = None) -> Iterator[tuple[int, str]]:
        """(position, longest word starting there) for every position in [lo, hi)."""
        if self._at is None:
            return
        for m in self._at.finditer(text, lo, len(text) if hi is None else hi):
            yield m.start(), m.group(1)

    def first(self, text: str, lo: int = 0, hi: int | None = None) -> tuple[int, str] | None:
        return next(self.each(text, lo, hi), None)

    def at(self, text: str, pos: int) -> str | None:
        """The longest word starting at `pos`."""
        if self._at is None:
            return None
        m = self._at.match(text, pos)
        return m.group(1) if m else None
