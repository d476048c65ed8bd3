"""Reader for a statute corpus file (LawRefBook Markdown): articles -> paragraphs (款) -> items (项).

Format: a title and dated history lines, then `#` headings and one line per paragraph. An article starts
with `第N条` or `第N条之一` in Chinese numerals (real files contain "第一百二十八 条" with a stray space);
every further non-item line inside it is a new 款; lines starting with （一）（二）… are items of the 款
before them. The corpus is reference data read from a path given at run time, never shipped.

`python -m auditor.law.corpus FILE…` prints the paragraph/item table stored in lexicons/laws.yaml.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from auditor.text.numerals import cn_to_int

ArticleKey = tuple[int, str | None]  # (number, "之一" or None)

_CN = "零〇一二三四五六七八九十百千"
_ARTICLE_RE = re.compile(rf"^第([{_CN}]+)\s*条(之[{_CN}]+)?[\s\u3000]*")
_ITEM_RE = re.compile(rf"^[（(]([{_CN}]+)[)）]")
# Articles follow each other; a paragraph that happens to begin with a cross-reference ("第八十一条规定的…")
# must not open a new article, so a header is only accepted within a small step of the previous one.
_MAX_STEP = 5


def _suffix_rank(suffix: str | None) -> int:
    return 0 if suffix is None else (cn_to_int(suffix[1:]) or 0)


def _is_next(key: ArticleKey, last: ArticleKey | None) -> bool:
    number, suffix = key
    last = last or (0, None)
    if suffix is None:
        return last[0] < number <= last[0] + _MAX_STEP
    return number == last[0] and _suffix_rank(suffix) == _suffix_rank(last[1]) + 1


def parse_articles(text: str) -> dict[ArticleKey, list[str]]:
    """Articles of a corpus text: key -> paragraphs; a paragraph's items follow it on new lines."""
    body = text.split("<!-- INFO END -->", 1)[-1]
    articles: dict[ArticleKey, list[str]] = {}
    last: ArticleKey | None = None
    for raw in body.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _ARTICLE_RE.match(line)
        if m:
            number = cn_to_int(m.group(1))
            key = (number, m.group(2)) if number is not None else None
            if key is not None and _is_next(key, last):
                articles[key] = [line[m.end() :]]
                last = key
                continue
        if last is None:
            continue  # preamble before the first article
        paragraphs = articles[last]
        if _ITEM_RE.match(line) and paragraphs:
            paragraphs[-1] += "\n" + line
        else:
            paragraphs.append(line)
    return articles


def read_articles(path: str | Path) -> dict[ArticleKey, list[str]]:
    return parse_articles(Path(path).read_text(encoding="utf-8"))


def item_count(paragraph: str) -> int:
    """Items (项) of one paragraph as returned by `parse_articles`."""
    return sum(1 for line in paragraph.split("\n")[1:] if _ITEM_RE.match(line))


def article_label(key: ArticleKey) -> str:
    """Key used in laws.yaml: "67", "133之一"."""
    return f"{key[0]}{key[1] or ''}"


def structure(articles: dict[ArticleKey, list[str]]) -> dict[str, list[int]]:
    """Per article, the item count of each paragraph: {"67": [4, 0]} = two 款, the first with 4 项."""
    return {article_label(k): [item_count(p) for p in paras] for k, paras in articles.items()}


def _main(paths: list[str]) -> None:
    """Print each file's block for the `structure:` table of laws.yaml (one-款-no-项 articles omitted)."""
    for path in paths:
        print(f"    # {Path(path).name}")
        for label, items in structure(read_articles(path)).items():
            if items != [0]:
                print(f"      {label}: [{', '.join(map(str, items))}]")


if __name__ == "__main__":
    _main(sys.argv[1:])
