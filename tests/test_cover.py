"""卷宗封面 / 卷内备考表 page counts against the volume's pages."""

from __future__ import annotations

import pytest

from auditor.model import Dossier, Page
from auditor.segment import segment
from auditor.segment.cover import check_covers, stated_pages
from auditor.segment.toc import check_toc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本卷共45页", 45),
        ("本卷 45 页", 45),
        ("共 2 卷 第 1 卷\n本卷共 12 页\n保管期限：永久", 12),  # a volume count first, then the pages
        ("页数：45", 45),
        ("本卷页数\n45", 45),  # a table cell read one per line
        ("本卷共有文件材料12件，共45页", 45),  # 备考表: files, then pages
        ("本卷共肆拾伍页", 45),  # capitals, as handwritten on some covers
        ("本卷共四十五页", 45),
        ("本卷共４５页", 45),
        ("本卷共    页", None),  # a blank form states nothing
        ("共2卷", None),
        ("本卷共0页", None),
        ("起止日期：2023年3月1日至2023年6月1日", None),
    ],
)
def test_stated_pages(text: str, expected: int | None) -> None:
    found = stated_pages(text)
    assert (found[0] if found else None) == expected


def _dossier(pages: list[str]) -> Dossier:
    dossier = Dossier(source="x.pdf", pages=[Page(number=i + 1, text=t, source="x.pdf", method="text") for i, t in enumerate(pages)])
    dossier.build_text()
    return dossier


COVER = "某某市公安局\n刑事侦查卷宗\n（诉讼文书卷）\n案件名称：张某某盗窃案\n立卷单位：某某派出所\n本卷共{n}页\n保管期限：长期"
TOC = "卷内目录\n序号 题名 页号\n1 受案登记表 1\n2 立案决定书 2\n3 拘留证 3"
BODY = ["受案登记表\n报案人陈述被盗", "立案决定书\n决定立案侦查", "拘留证\n根据规定决定拘留"]


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        # cover + 目录 unnumbered, 3 numbered pages: 3 is right, and so is 5 (a province numbering all pages)
        ([COVER.format(n=3), TOC, *BODY], [(5, 2, [("卷宗封面", 3, "ok")], [])]),
        ([COVER.format(n=5), TOC, *BODY], [(5, 2, [("卷宗封面", 5, "ok")], [])]),
        # a page lost: the cover says 4 numbered pages and the 目录 lists 3; the volume has 5 pages in all
        (
            [COVER.format(n=6), TOC, *BODY],
            [(5, 2, [("卷宗封面", 6, "missing_pages")], ["卷宗封面标注本卷共6页，本卷（第1—5页）实有5页，可能缺少1页"])],
        ),
        # a page added after the count
        (
            [COVER.format(n=2), TOC, *BODY],
            [(5, 2, [("卷宗封面", 2, "extra_pages")],
              ["卷宗封面标注本卷共2页，本卷（第1—5页）除封面、卷内目录、备考表外实有3页，多于标注页数",
               "卷内目录列至第3页，超出封面（备考表）标注的本卷页数2页"])],
        ),
        # the 备考表 states the count as well; both agree with the pages
        (
            [COVER.format(n=3), TOC, *BODY, "卷内备考表\n本卷共有文件材料3件，共3页\n立卷人：王某"],
            [(6, 3, [("卷宗封面", 3, "ok"), ("卷内备考表", 3, "ok")], [])],
        ),
        # two volumes, each numbered on its own; the second cover's count is wrong
        (
            [COVER.format(n=1), BODY[0], COVER.format(n=4), BODY[1], BODY[2]],
            [(2, 1, [("卷宗封面", 1, "ok")], []),
             (3, 1, [("卷宗封面", 4, "missing_pages")], ["卷宗封面标注本卷共4页，本卷（第3—5页）实有3页，可能缺少1页"])],
        ),
        # a blank count, or no cover: nothing to check
        ([COVER.format(n="  "), TOC, *BODY], []),
        ([TOC, *BODY], []),
    ],
)
def test_check_covers(pages: list[str], expected: list[tuple]) -> None:
    checks = check_covers(segment(_dossier(pages)))
    got = [(c.actual_pages, c.unnumbered_pages, [(s.doc_type, s.pages, c.status_of(s)) for s in c.stated], c.notices())
           for c in checks]
    assert got == expected


def test_cover_is_segmented_as_its_own_document() -> None:
    docs = segment(_dossier([COVER.format(n=3), TOC, *BODY]))
    assert [d.type for d in docs] == ["卷宗封面", "卷内目录", "受案登记表", "立案决定书", "拘留证"]
    assert docs[0].organ == "某某市公安局"


def test_a_second_cover_ends_the_toc_volume() -> None:
    """Regression: the 目录 of volume 1 reported volume 2's cover and documents as unlisted."""
    toc = "卷内目录\n1 受案登记表 1"
    pages = [COVER.format(n=2), toc, BODY[0], COVER.format(n=1), BODY[1]]
    (check,) = check_toc(segment(_dossier(pages)))
    assert [(e.status, e.found_page) for e in check.entries] == [("ok", 3)]
    assert check.unlisted == []


def test_pipeline_records_the_cover_check_in_json_and_report() -> None:
    from auditor.pipeline import audit_dossier
    from auditor.report.text_report import render_case

    case = audit_dossier(_dossier([COVER.format(n=6), TOC, *BODY]))
    out = case.to_dict()
    (cover,) = out["cover_check"]
    assert cover["stated"] == [
        {"document_id": "d1", "type": "卷宗封面", "pages": 6, "quote": "本卷共6页", "status": "missing_pages"}
    ]
    assert (cover["actual_pages"], cover["unnumbered_pages"], cover["toc_last_page"]) == (5, 2, 3)
    assert "卷宗结构提示" in render_case(case) and "可能缺少1页" in render_case(case)
    assert "cover_check" not in audit_dossier(_dossier(BODY)).to_dict()
