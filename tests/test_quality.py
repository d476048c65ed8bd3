"""Text-layer quality: real Chinese prose is usable; empty, junk and mojibake layers are not."""

from __future__ import annotations

import random
import string

import pytest
from conftest import DEV_CORPUS, requires_shared
from hypothesis import given
from hypothesis import strategies as st

from auditor.ingest import quality
from auditor.ingest.quality import (
    LayerCounts,
    TextLayerQuality,
    assess_text_layer,
    count_layer,
    has_text_layer,
    text_score,
)

NOTICE = (
    "拘留通知书\n公（刑）拘通字〔2023〕第00123号\n犯罪嫌疑人王某某的家属：\n"
    "根据《中华人民共和国刑事诉讼法》第八十二条之规定，我局已于2023年5月6日18时将涉嫌盗窃罪的"
    "王某某刑事拘留，现羁押在某某市看守所。\n特此通知。\n某某市公安局\n二〇二三年五月六日"
)
_rng = random.Random(7)
ASCII_JUNK = "".join(_rng.choice(string.ascii_letters + string.digits + string.punctuation + " ") for _ in range(600))
# A font without a ToUnicode map: every glyph comes out as a private-use code point.
PRIVATE_USE = "".join(chr(0xE000 + ord(c) % 0x1000) if not c.isspace() else c for c in NOTICE)
# Fonts that map hanzi to radicals / compatibility ideographs, wholesale.
COMPAT = "".join(chr(0x2F00 + ord(c) % 0xD6) if "\u4e00" <= c <= "\u9fff" else c for c in NOTICE)
REPLACEMENT = "".join("\ufffd" if i % 3 == 0 else c for i, c in enumerate(NOTICE))


@pytest.mark.parametrize(
    ("text", "hint", "usable", "reason"),
    [
        (NOTICE, None, True, "可用"),
        (
            "被告人张××，男，1980年×月×日出生，公民身份号码110101********1234，汉族，初中文化，住某某市某区。",
            None,
            True,
            "可用",
        ),
        (
            "（2023）京0105刑初123号 刑事判决书 公诉机关北京市朝阳区人民检察院。被告人李某某，男。 Page 1/3",
            None,
            True,
            "可用",
        ),
        # One radical among normal prose (a font quirk) does not spoil the page.
        (NOTICE + "\n⽂书", None, True, "可用"),
        (NOTICE, len(NOTICE), True, "可用"),
        ("", None, False, "为空"),
        ("  \n\t \u3000 ", None, False, "为空"),
        ("第 3 页", None, False, "过少"),
        (ASCII_JUNK, None, False, "比例过低"),
        (NOTICE.encode("utf-8").decode("latin-1"), None, False, "乱码"),
        (NOTICE.encode("gbk").decode("latin-1"), None, False, "乱码"),
        (NOTICE.encode("utf-8").decode("gbk", errors="replace"), None, False, "乱码"),
        (NOTICE.encode("gbk").decode("big5", errors="replace"), None, False, "乱码"),
        (PRIVATE_USE, None, False, "私用区"),
        (COMPAT, None, False, "兼容区"),
        (REPLACEMENT, None, False, "替换符"),
        ("锟斤拷" * 30 + NOTICE[:20], None, False, "锟斤拷"),
        (NOTICE, len(NOTICE) * 5, False, "缺字"),
    ],
)
def test_assess_text_layer(text: str, hint: int | None, usable: bool, reason: str) -> None:
    result = assess_text_layer(text, hint)
    assert result.usable is usable
    assert reason in result.reason
    assert (result.score >= 0.5) is usable


@requires_shared
@pytest.mark.parametrize("name", sorted(p.name for p in DEV_CORPUS.glob("*.txt")) or ["(none)"])
def test_real_documents_are_usable(name: str) -> None:
    raw = (DEV_CORPUS / name).read_text(encoding="utf-8")
    body = raw.split("\n---\n", 1)[-1]  # drop the label header
    # Page-sized chunks: each must pass on its own, as a PDF page would.
    chunks = [body[i : i + 1200] for i in range(0, len(body), 1200)]
    chunks = [c for c in chunks if len(c) >= 100] or [body]
    assert chunks
    for chunk in chunks:
        result = assess_text_layer(chunk)
        assert result.usable, (name, result)
        assert result.score > 0.9


@given(st.text(max_size=300), st.one_of(st.none(), st.integers(min_value=-5, max_value=2000)))
def test_never_raises_and_score_in_range(text: str, hint: int | None) -> None:
    result = assess_text_layer(text, hint)
    assert isinstance(result, TextLayerQuality)
    assert 0.0 <= result.score <= 1.0
    assert result.usable == (result.score >= 0.5)


def _by_predicates(text: str) -> LayerCounts:
    """The counts by definition: each predicate run on each non-space character (slow, the spec)."""
    chars = [c for c in text if not c.isspace()]
    return LayerCounts(
        chars=len(chars),
        cjk=sum(map(quality._is_cjk, chars)),
        common=sum(quality._is_cjk(c) and quality._is_common_hanzi(c) for c in chars),
        broken=sum(map(quality._is_broken, chars)),
        latin=sum(map(quality._is_mojibake_latin, chars)),
        good=sum(map(quality._is_good, chars)),
        junk=sum(map(quality._is_junk, chars)),
    )


# Every BMP code point once, plus astral hanzi, private use, unassigned and an emoji.
ALL_BMP = "".join(chr(cp) for cp in range(0x10000))
ASTRAL = "".join(map(chr, (0x20000, 0x2A6DF, 0x2A6E0, 0x2F800, 0x30000, 0xF0000, 0x10FFFD, 0x1F600, 0xE0001, 0x3FFFF)))


@pytest.mark.parametrize("text", ["", "  \n", NOTICE, ASCII_JUNK, PRIVATE_USE, COMPAT, REPLACEMENT, ALL_BMP, ASTRAL])
def test_fast_counts_equal_the_definitions(text: str) -> None:
    assert count_layer(text) == _by_predicates(text)


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200))
def test_fast_counts_equal_the_definitions_on_any_text(text: str) -> None:
    assert count_layer(text) == _by_predicates(text)


@pytest.mark.parametrize(
    ("text", "score", "has_layer"),
    [
        ("", 0.0, False),
        ("第 3 页", 1.0, False),  # too few characters to audit
        ("拘留通知书，特此通知。", 1.0, True),
        ("abcde fghij", 0.0, True),
        ("\ue000\ue001\ue002\ue003\ue004\ue005拘留通知书", 0.455, False),  # mostly unmapped glyphs
    ],
)
def test_text_score_and_has_text_layer(text: str, score: float, has_layer: bool) -> None:
    assert text_score(text) == score
    assert has_text_layer(text) is has_layer
