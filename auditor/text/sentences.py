"""Sentence marks shared by the extractors."""

from __future__ import annotations

# Some publications print half-width punctuation: "…被执行逮捕. 本案由…" ends a sentence ("20339.46元" does not).
HALF_WIDTH_STOP = r"(?<=[\u4e00-\u9fff])\.(?=\s*[\u4e00-\u9fff0-9])"
