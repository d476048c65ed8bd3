"""卷宗封面 and 卷内备考表 page counts against the pages actually in the volume.

A volume (卷) opens with its cover (卷宗封面) and runs to the next cover or the end of the dossier. The
cover states how many pages the volume holds ("本卷共45页", a 页数 cell, sometimes in capitals: "肆拾伍页");
the 卷内备考表 at its end usually states the count again ("本卷共有文件材料12件，共45页").

Each volume is numbered from 1 on its own. The binding rules (公安机关刑事案卷立卷规范 and the provincial
装订标准) leave the cover, the 卷内目录 and the 备考表 unnumbered in most places, but not everywhere. So a
stated count is accepted anywhere between the numbered pages (the volume without those) and all of its
pages; outside that span a page is missing or was added after the count. A 卷内目录 listing a page beyond
the stated count is reported as well.

Like the 卷内目录 check, the result is a notice for the reviewer, not a rule finding: an unscanned blank
page or a misread digit can cause it as well as a lost page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditor import model
from auditor.model import Document
from auditor.segment.toc import TOC_TYPE, TocCheck, check_toc
from auditor.segment.toc import VOLUME_CLOSING as CLOSING_TYPE
from auditor.segment.toc import VOLUME_COVER as COVER_TYPE
from auditor.text.numerals import cn_to_int

# Pages the binding rules leave unnumbered (in most provinces).
UNNUMBERED_TYPES = frozenset({COVER_TYPE, TOC_TYPE, CLOSING_TYPE})
_NUMERAL = r"[0-9０-９]{1,4}|[零〇一二三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰两]{1,8}"
# "本卷共45页", "本卷 45 页", "共计45页", "页数：45", "本卷页数\n45" (a table cell read one per line).
_STATED = re.compile(
    rf"(?:本卷|共计|合计|总计|共有|共)\s*(?:共|计|有)?\s*(?P<a>{_NUMERAL})\s*页"
    rf"|页\s*数\s*[:：]?\s*(?P<b>{_NUMERAL})(?!\s*[卷件册份])"
)


@dataclass
class StatedCount:
    document_id: str
    doc_type: str  # 卷宗封面 or 卷内备考表
    pages: int
    quote: str  # the words as written


@dataclass
class CoverCheck:
    cover_document: str  # id of the volume's 卷宗封面
    first_page: int
    last_page: int
    actual_pages: int  # pages of the volume as ingested
    unnumbered_pages: int  # cover, 卷内目录, 备考表 pages among them
    stated: list[StatedCount] = field(default_factory=list)
    toc_last_page: int | None = None  # highest page a 卷内目录 of the volume lists

    @property
    def numbered_pages(self) -> int:
        return self.actual_pages - self.unnumbered_pages

    def status_of(self, count: StatedCount) -> str:
        if count.pages > self.actual_pages:
            return "missing_pages"
        if count.pages < self.numbered_pages:
            return "extra_pages"
        return "ok"

    def notices(self) -> list[str]:
        """One Chinese sentence per disagreement, for the reviewer."""
        out: list[str] = []
        span = f"本卷（第{self.first_page}—{self.last_page}页）"
        for count in self.stated:
            status = self.status_of(count)
            if status == "missing_pages":
                out.append(f"{count.doc_type}标注本卷共{count.pages}页，{span}实有{self.actual_pages}页，"
                           f"可能缺少{count.pages - self.actual_pages}页")
            elif status == "extra_pages":
                out.append(f"{count.doc_type}标注本卷共{count.pages}页，{span}除封面、卷内目录、备考表外"
                           f"实有{self.numbered_pages}页，多于标注页数")
        limit = min((c.pages for c in self.stated), default=None)
        if limit is not None and self.toc_last_page is not None and self.toc_last_page > limit:
            out.append(f"卷内目录列至第{self.toc_last_page}页，超出封面（备考表）标注的本卷页数{limit}页")
        return out

    def report(self) -> model.CoverCheck:
        """The check as the case and the JSON carry it."""
        return model.CoverCheck(
            cover_document=self.cover_document,
            first_page=self.first_page,
            last_page=self.last_page,
            actual_pages=self.actual_pages,
            unnumbered_pages=self.unnumbered_pages,
            stated=tuple(
                model.StatedPageCount(document_id=c.document_id, type=c.doc_type, pages=c.pages, quote=c.quote,
                                      status=self.status_of(c))
                for c in self.stated
            ),
            toc_last_page=self.toc_last_page,
            notices=tuple(self.notices()),
        )


def stated_pages(text: str) -> tuple[int, str] | None:
    """The page count a cover or 备考表 states, with its words; None when it states none.

    A blank form ("本卷共    页") states nothing; counts of volumes or files ("共2卷", "12件") are not pages.
    """
    for m in _STATED.finditer(text):
        numeral = m.group("a") or m.group("b")
        value = cn_to_int(numeral)
        if value is None or value <= 0:
            continue
        return value, m.group(0)
    return None


def _volumes(documents: list[Document]) -> list[list[Document]]:
    """Documents grouped by volume: each cover to the next (documents before the first cover are no volume)."""
    marks = [i for i, d in enumerate(documents) if d.type == COVER_TYPE]
    return [documents[i : (marks[n + 1] if n + 1 < len(marks) else len(documents))] for n, i in enumerate(marks)]


def _toc_last_page(documents: list[Document], tocs: list[TocCheck]) -> int | None:
    """The highest page the 卷内目录 among `documents` list (their rows as the 目录 check parsed them)."""
    ids = {d.id for d in documents if d.type == TOC_TYPE}
    pages = [e.row.last_page or e.row.page for t in tocs if t.toc_document in ids for e in t.entries]
    pages = [p for p in pages if p is not None]
    return max(pages) if pages else None


def check_volume(volume: list[Document], tocs: list[TocCheck]) -> CoverCheck:
    """The cover check of one volume (its cover first); `tocs` are the dossier's 卷内目录 checks."""
    cover = volume[0]
    types_on_page: dict[int, set[str]] = {}
    for doc in volume:
        for page in doc.pages:
            types_on_page.setdefault(page, set()).add(doc.type)
    pages = sorted(types_on_page)
    check = CoverCheck(
        cover_document=cover.id,
        first_page=pages[0] if pages else 0,
        last_page=pages[-1] if pages else 0,
        actual_pages=len(pages),
        # A page shared with a numbered document is numbered.
        unnumbered_pages=sum(1 for types in types_on_page.values() if types <= UNNUMBERED_TYPES),
        toc_last_page=_toc_last_page(volume, tocs),
    )
    for doc in volume:
        if doc.type not in (COVER_TYPE, CLOSING_TYPE):
            continue
        found = stated_pages(doc.text)
        if found is not None:
            check.stated.append(StatedCount(doc.id, doc.type, found[0], found[1]))
    return check


def check_covers(documents: list[Document], tocs: list[TocCheck] | None = None) -> list[CoverCheck]:
    """One check per volume whose cover or 备考表 states a page count; pass the 目录 checks already made
    (`check_toc`) so that no 目录 is parsed twice."""
    if tocs is None:
        tocs = check_toc(documents)
    checks = [check_volume(volume, tocs) for volume in _volumes(documents)]
    return [c for c in checks if c.stated]
