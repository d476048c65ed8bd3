"""Blank pages: a page image with no ink is not sent to OCR (it would cost a second and read nothing).

The image is shrunk by taking the darkest pixel of each block, so a thin stroke survives the shrinking; a page
is blank when almost no block holds ink (a few specks of scanner dust are allowed).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

INK_LEVEL = 160  # 0..255 gray: darker is ink (print, pen, a red seal's gray value ~80)
MAX_SIDE = 512  # the image is judged at about this many blocks on its long side
DUST_BLOCKS = 12  # ink blocks a blank scan may show (dust, a punch hole's shadow)
DUST_SHARE = 0.0002  # … or this share of the blocks, whichever is larger


def ink_blocks(gray: np.ndarray) -> tuple[int, int]:
    """(blocks holding ink, blocks) of a 2-D uint8 gray image."""
    h, w = gray.shape[:2]
    if h == 0 or w == 0:
        return 0, 0
    step = max(1, math.ceil(max(h, w) / MAX_SIDE))
    hh, ww = h - h % step, w - w % step
    if hh == 0 or ww == 0:
        pooled = gray
    else:
        pooled = gray[:hh, :ww].reshape(hh // step, step, ww // step, step).min(axis=(1, 3))
    return int((pooled < INK_LEVEL).sum()), int(pooled.size)


def is_blank_gray(gray: np.ndarray) -> bool:
    dark, total = ink_blocks(gray)
    return dark <= max(DUST_BLOCKS, DUST_SHARE * total)


def is_blank_image(image: Any) -> bool:
    """Has a PIL image no ink? (Transparent pixels count as paper.)"""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        background = image.convert("RGBA")
        from PIL import Image

        flat = Image.new("RGBA", background.size, "white")
        flat.alpha_composite(background)
        image = flat
    return is_blank_gray(np.asarray(image.convert("L")))
