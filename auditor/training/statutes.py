"""The text of a cited article, quoted from the statute corpus when one is configured (`--law-corpus` or the
AUDITOR_LAW_CORPUS environment variable): lexicons/laws.yaml names each version's corpus file."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from auditor.law.corpus import read_articles
from auditor.lexicon import load_yaml
from auditor.model import LegalBasis
from auditor.text.numerals import int_to_cn

ENV = "AUDITOR_LAW_CORPUS"


def corpus_dir(configured: str | Path | None) -> Path | None:
    value = configured or os.environ.get(ENV)
    if not value:
        return None
    path = Path(value)
    return path if path.is_dir() else None


@functools.cache
def _files() -> dict[tuple[str, str], str]:
    """(law title, version id) → corpus file name."""
    out = {}
    for law in load_yaml("laws.yaml")["laws"]:
        for v in law["versions"]:
            if v.get("corpus"):
                out[(law["title"], str(v["id"]))] = v["corpus"]
    return out


@functools.cache
def _articles(path: Path) -> dict:
    return read_articles(path)


def label(basis: LegalBasis) -> str:
    """《刑事诉讼法》（2018）第八十五条第二款 — the citation as a handout writes it."""
    out = f"《{basis.law}》（{basis.version}）第{int_to_cn(basis.article)}条"
    if basis.paragraph:
        out += f"第{int_to_cn(basis.paragraph)}款"
    if basis.item:
        out += f"第（{int_to_cn(basis.item)}）项"
    return out


def article_text(basis: LegalBasis, corpus: Path | None) -> str | None:
    """The paragraph cited (the whole article when no paragraph is), or None when the corpus lacks it."""
    if corpus is None:
        return None
    name = _files().get((basis.law, basis.version))
    if not name or not (corpus / name).is_file():
        return None
    paragraphs = _articles(corpus / name).get((basis.article, None))
    if not paragraphs:
        return None
    if basis.paragraph:
        if basis.paragraph > len(paragraphs):
            return None
        return paragraphs[basis.paragraph - 1]
    return "\n".join(paragraphs)
