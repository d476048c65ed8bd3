"""卷内目录: rows parsed OCR-tolerantly, then compared with the segmented documents."""

from __future__ import annotations

import pytest

from auditor.model import Document, Dossier, Page
from auditor.segment import segment
from auditor.segment.toc import TocRow, check_toc, compare_toc, parse_toc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "卷内目录\n序号 文书名称 页号\n1 受案登记表 1\n2 立案决定书 2\n3 拘留证 3-4",
            [(1, "受案登记表", "受案登记表", 1, None), (2, "立案决定书", "立案决定书", 2, None), (3, "拘留证", "拘留证", 3, 4)],
        ),
        # full standard columns: 文号, 责任者, 题名, 日期, 页号
        (
            "顺序号 文号 责任者 题名 日期 页号 备注\n"
            "1 公（刑）拘字〔2023〕15号 某某市公安局 拘留证 20230506 7\n"
            "2  某某市公安局拘留通知书 2023.05.06 8—9",
            [(1, "拘留证", "拘留证", 7, None), (2, "拘留通知书", "拘留通知书", 8, 9)],
        ),
        # OCR: l for 1, O for 0, a confused title character, a page with 页, a title run over two lines
        (
            "l 取保侯审决定书 1O\n11、提请批准延长侦查羁押期限\n意见书 12页\n12 鉴定意见书 2O",
            [
                (1, "取保候审决定书", "取保候审决定书", 10, None),  # title as recognised
                (11, "提请批准延长侦查羁押期限意见书", "提请批准延长侦查羁押期限意见书", 12, None),
                (12, "鉴定意见书", "鉴定意见书", 20, None),
            ],
        ),
        # an unknown title is kept as written; a row without a page number still counts
        ("5 情况说明 14\n6 讯问笔录", [(5, "情况说明", None, 14, None), (6, "讯问笔录", "讯问笔录", None, None)]),
        # a date with no page number is not a page number
        ("7 扣押清单 2023-05-06", [(7, "扣押清单", "扣押清单", None, None)]),
        ("卷内目录\n本卷共12页", []),
        # table cells read one per line
        ("1\n受案登记表\n1\n2\n拘留证\n3-4", [(1, "受案登记表", "受案登记表", 1, None), (2, "拘留证", "拘留证", 3, 4)]),
    ],
)
def test_parse_toc(text: str, expected: list[tuple]) -> None:
    rows = parse_toc(text)
    assert [(r.serial, r.title, r.doc_type, r.page, r.last_page) for r in rows] == expected


def _doc(n: int, doc_type: str, first: int, last: int | None = None, title: str | None = None) -> Document:
    pages = list(range(first, (last or first) + 1))
    return Document(id=f"d{n}", type=doc_type, title=title or doc_type, start=0, end=0, text="", pages=pages)


TOC = _doc(1, "卷内目录", 2)
ROWS = [TocRow(1, "受案登记表", "受案登记表", 1), TocRow(2, "立案决定书", "立案决定书", 2), TocRow(3, "拘留证", "拘留证", 3)]


@pytest.mark.parametrize(
    ("rows", "docs", "offset", "entries", "unlisted"),
    [
        # listed pages count from the first page after the cover and the 目录: offset 2
        (ROWS, [_doc(2, "受案登记表", 3), _doc(3, "立案决定书", 4), _doc(4, "拘留证", 5)], 2,
         [("ok", "d2", 3), ("ok", "d3", 4), ("ok", "d4", 5)], []),
        # one page number disagrees with the offset the others agree on
        (ROWS, [_doc(2, "受案登记表", 3), _doc(3, "立案决定书", 4), _doc(4, "拘留证", 7)], 2,
         [("ok", "d2", 3), ("ok", "d3", 4), ("page_mismatch", "d4", 7)], []),
        # a listed document is missing, an unlisted one is present (unknown documents are not flagged)
        (ROWS, [_doc(2, "受案登记表", 1), _doc(3, "立案决定书", 2), _doc(5, "逮捕证", 3), _doc(6, "未知文书", 4)], 0,
         [("ok", "d2", 1), ("ok", "d3", 2), ("not_found", None, None)], ["d5"]),
        # two records of one type: each row takes the one on its page
        ([TocRow(1, "讯问笔录", "讯问笔录", 1), TocRow(2, "讯问笔录", "讯问笔录", 4)],
         [_doc(2, "讯问笔录", 1, 3), _doc(3, "讯问笔录", 4, 5)], 0, [("ok", "d2", 1), ("ok", "d3", 4)], []),
        # an unknown title matches a document by its title text
        ([TocRow(1, "情况说明", None, 1)], [_doc(2, "未知文书", 1, title="情况说明")], 0, [("ok", "d2", 1)], []),
        # a row without a page matches by type alone
        ([TocRow(1, "拘留证", "拘留证", None)], [_doc(2, "拘留证", 9)], 0, [("ok", "d2", 9)], []),
    ],
)
def test_compare_toc(rows, docs, offset: int, entries: list[tuple], unlisted: list[str]) -> None:
    check = compare_toc(TOC, rows, docs)
    assert check.page_offset == offset
    assert [(e.status, e.document_id, e.found_page) for e in check.entries] == entries
    assert [d.id for d in check.unlisted] == unlisted
    out = check.report()
    assert len(out.notices) == sum(e[0] != "ok" for e in entries) + len(unlisted)


def test_notices_in_chinese() -> None:
    docs = [_doc(2, "受案登记表", 3), _doc(3, "立案决定书", 4), _doc(4, "拘留证", 7), _doc(5, "逮捕证", 9)]
    rows = [*ROWS, TocRow(4, "起诉意见书", "起诉意见书", 8)]
    assert compare_toc(TOC, rows, docs).notices() == [
        "卷内目录第3项“拘留证”标注第3页，实际位于第7页（已计入页码偏移2）",
        "卷内目录第4项“起诉意见书”在案卷中未找到",
        "“逮捕证”（第9页）未列入卷内目录",
    ]


def _dossier(pages: list[str]) -> Dossier:
    dossier = Dossier(source="x.pdf", pages=[Page(number=i + 1, text=t, source="x.pdf", method="text") for i, t in enumerate(pages)])
    dossier.build_text()
    return dossier


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        # cover, 目录 on page 2, documents from page 3 listed as 1, 2
        (
            ["某某市公安局\n刑事侦查卷宗", "卷内目录\n序号 题名 页号\n1 受案登记表 1\n2 拘留证 2",
             "受案登记表\n报案人陈述被盗", "拘留证\n根据规定决定拘留"],
            [[("ok", 3), ("ok", 4)]],
        ),
        # a second volume with its own 目录 and numbering
        (
            ["卷内目录\n1 受案登记表 1", "受案登记表\n报案人陈述被盗", "卷内目录\n1 拘留证 1\n2 逮捕证 2",
             "拘留证\n根据规定决定拘留", "逮捕证\n经批准决定逮捕"],
            [[("ok", 2)], [("ok", 4), ("ok", 5)]],
        ),
        (["受案登记表\n报案人陈述被盗", "拘留证\n根据规定决定拘留"], []),
    ],
)
def test_check_toc_on_segmented_dossier(pages: list[str], expected: list[list[tuple]]) -> None:
    checks = check_toc(segment(_dossier(pages)))
    assert [[(e.status, e.found_page) for e in c.entries] for c in checks] == expected


def test_pipeline_records_the_toc_check() -> None:
    from auditor.pipeline import audit_dossier

    pages = ["卷内目录\n1 受案登记表 1\n2 逮捕证 2", "受案登记表\n报案人陈述被盗", "拘留证\n根据规定决定拘留"]
    case = audit_dossier(_dossier(pages))
    (check,) = case.to_dict()["toc_check"]
    assert [(e["serial"], e["status"]) for e in check["entries"]] == [(1, "ok"), (2, "not_found")]
    assert check["unlisted"] == [{"document_id": "d3", "type": "拘留证", "page": 3}]
    assert check["notices"] == ["卷内目录第2项“逮捕证”在案卷中未找到", "“拘留证”（第3页）未列入卷内目录"]


def test_toc_check_in_json_and_removed_lines_in_page_details() -> None:
    from auditor.pipeline import audit_dossier

    banner = "某某市公安局刑事案卷"
    dossier = _dossier(
        [
            f"{banner}\n卷内目录\n1 受案登记表 1\n2 拘留证 2\n3 逮捕证 3",
            f"{banner}\n受案登记表\n报案人陈述被盗",
            f"{banner}\n拘留证\n根据规定决定拘留",
        ]
    )
    from auditor.ingest.headers import strip_running_lines

    for page, count in zip(dossier.pages, strip_running_lines(dossier.pages), strict=True):
        page.removed["running_line"] = count
    dossier.build_text()
    out = audit_dossier(dossier).to_dict()
    assert [d["removed"] for d in out["page_details"]] == [{"running_line": 1}] * 3
    (toc,) = out["toc_check"]
    assert [(e["serial"], e["status"], e["found_page"]) for e in toc["entries"]] == [
        (1, "ok", 2), (2, "ok", 3), (3, "not_found", None)
    ]
    assert toc["notices"] == ["卷内目录第3项“逮捕证”在案卷中未找到"]


def test_no_toc_no_field() -> None:
    from auditor.pipeline import audit_dossier

    out = audit_dossier(_dossier(["受案登记表\n报案人陈述被盗"])).to_dict()
    assert "toc_check" not in out and "removed" not in out["page_details"][0]
