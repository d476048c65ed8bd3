"""Shared test helpers: where ../shared is, and a skip marker for machines without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AUDITOR_SHARED", ROOT.parent / "shared"))
LAW_CORPUS = SHARED / "law-corpus"
DEV_CORPUS = SHARED / "dev-corpus" / "real"
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

requires_shared = pytest.mark.skipif(
    not LAW_CORPUS.is_dir(), reason="../shared (law corpus, dev corpus) is not beside the checkout"
)
requires_font = pytest.mark.skipif(
    not FONT.exists(), reason="CJK font fonts-wqy-microhei is not installed (make font)"
)
