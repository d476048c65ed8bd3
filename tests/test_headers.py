"""Running headers and footers: removed when repeated at page edges, never a title, organ or date line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.ingest.headers import running_lines, strip_running_lines
from auditor.model import Page

BANNER = "某某市公安局刑事案卷"
BODY = ["经审查，犯罪嫌疑人王某某涉嫌盗窃罪", "现羁押于某某市看守所", "本案证据如下", "另查明同伙二人在逃", "被害人陈述与证言一致"]


def _strip(pages: list[str], method: str = "text") -> list[str]:
    objs = [Page(number=i + 1, text=t, source="x.pdf", method=method) for i, t in enumerate(pages)]
    strip_running_lines(objs)
    return [p.text for p in objs]


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        # a banner on every page goes, a title below it stays
        (
            [f"{BANNER}\n拘留证\n{BODY[0]}", f"{BANNER}\n{BODY[1]}", f"{BANNER}\n{BODY[2]}"],
            ["拘留证\n" + BODY[0], BODY[1], BODY[2]],
        ),
        # OCR noise and a varying page number in the banner
        (
            [f"{BANNER} 第1页\n{BODY[0]}", f"某某市公安局刑亊案卷 第2页\n{BODY[1]}", f"某某市公安扃刑事案卷 第3页\n{BODY[2]}"],
            [BODY[0], BODY[1], BODY[2]],
        ),
        # a footer with the case number, on the last line
        (
            [f"{BODY[i]}\n案号：甘公刑诉字[2016]001号 卷1-{i}" for i in range(4)],
            BODY[:4],
        ),
        # two pages: both must carry it (50 % of a short dossier is one page: not enough)
        ([f"{BANNER}\n{BODY[0]}", f"{BANNER}\n{BODY[1]}"], [BODY[0], BODY[1]]),
        ([f"{BANNER}\n{BODY[0]}", BODY[1], BODY[2], BODY[3]], [f"{BANNER}\n{BODY[0]}", BODY[1], BODY[2], BODY[3]]),
        # on two of six pages it is not running
        (
            [f"{BANNER}\n{BODY[0]}", f"{BANNER}\n{BODY[1]}", BODY[2], BODY[3], BODY[4], BODY[0]],
            [f"{BANNER}\n{BODY[0]}", f"{BANNER}\n{BODY[1]}", BODY[2], BODY[3], BODY[4], BODY[0]],
        ),
        # a title repeated on every page of a record stays
        ([f"讯问笔录\n{BODY[i]}" for i in range(4)], [f"讯问笔录\n{BODY[i]}" for i in range(4)]),
        # a title set over two lines stays
        ([f"取保候审\n决定书\n{BODY[i]}" for i in range(3)], [f"取保候审\n决定书\n{BODY[i]}" for i in range(3)]),
        # organ line above titles, signature organ and date at the bottom stay
        (
            [f"某某市公安局\n拘留通知书\n{BODY[i]}\n某某市公安局\n二〇二三年五月{d}日" for i, d in enumerate("六七八")],
            [f"某某市公安局\n拘留通知书\n{BODY[i]}\n某某市公安局\n二〇二三年五月{d}日" for i, d in enumerate("六七八")],
        ),
        # a repeated sentence is content, not furniture
        ([f"{BODY[i]}\n特此通知。" for i in range(3)], [f"{BODY[i]}\n特此通知。" for i in range(3)]),
        # a record's "（第1次）" line sits below its title: not at the page edge
        ([f"讯问笔录\n（第{i}次）\n{BODY[i]}" for i in range(1, 4)], [f"讯问笔录\n（第{i}次）\n{BODY[i]}" for i in range(1, 4)]),
        # regression (round h): the 卷's name as a banner reads as a 卷宗封面 title, yet repeats: it goes; a cover that
        # holds it once keeps it
        (
            [f"郑州市金水区人民检察院 审查起诉卷\n起诉意见书\n{BODY[i]}" for i in range(3)],
            [f"起诉意见书\n{BODY[i]}" for i in range(3)],
        ),
        (
            ["卷宗封面\n郑州市金水区人民检察院 审查起诉卷", f"起诉意见书\n{BODY[0]}", f"讯问笔录\n{BODY[1]}"],
            ["卷宗封面\n郑州市金水区人民检察院 审查起诉卷", f"起诉意见书\n{BODY[0]}", f"讯问笔录\n{BODY[1]}"],
        ),
        # regression (ind_aj01): the 卷's banner with its number above the page number ("第 2 页"): the two lines read
        # together as a cover's title, which protects nothing
        (
            [f"某某市公安局某某分局　刑事侦查卷宗　（2021）某公刑诉字第0418号\n第 {i + 1} 页\n{BODY[i]}" for i in range(3)],
            BODY[:3],
        ),
        # one page: nothing repeats
        ([f"{BANNER}\n{BODY[0]}"], [f"{BANNER}\n{BODY[0]}"]),
        # a header and a footer on the same pages
        (
            [f"{BANNER}\n{BODY[i]}\n卷宗编号A-17" for i in range(3)],
            BODY[:3],
        ),
        # regression (corpus o, ind_o02): a signature line dated as a case system prints it ("2023-06-07") stays; the
        # system's print stamp goes
        (
            [f"检察业务应用系统  打印时间：2023-07-03 09:14  打印人：周某\n{BODY[i]}\n以上告知内容我已收到并知悉。犯罪嫌疑人：{n}    2023-06-0{i + 5}"
             for i, n in enumerate(["沈某某", "顾某某", "钱某某"])],
            [f"{BODY[i]}\n以上告知内容我已收到并知悉。犯罪嫌疑人：{n}    2023-06-0{i + 5}"
             for i, n in enumerate(["沈某某", "顾某某", "钱某某"])],
        ),
    ],
)
def test_strip_running_lines(pages: list[str], expected: list[str]) -> None:
    assert _strip(pages) == expected


def test_txt_pages_are_documents_not_printed_pages() -> None:
    pages = [f"{BANNER}\n{BODY[i]}" for i in range(3)]
    assert _strip(pages, method="txt") == pages


def test_removed_counts_and_boxes() -> None:
    texts = [f"{BANNER}\n{BODY[i]}\n卷宗编号A-17" for i in range(3)] + [BODY[3]]
    pages = [
        Page(number=i + 1, text=t, source="x.pdf", method="ocr", boxes=[(float(i), float(j), 0.0, 0.0) for j in range(len(t))])
        for i, t in enumerate(texts)
    ]
    assert strip_running_lines(pages) == [2, 2, 2, 0]
    for page, original in zip(pages, texts, strict=True):
        assert page.boxes is not None and len(page.boxes) == len(page.text)
        assert all(original[int(box[1])] == ch for ch, box in zip(page.text, page.boxes, strict=True) if box)


_LINE = st.sampled_from([BANNER, "案号：甘公刑诉字[2016]001号", "拘留证", "某某市公安局", *BODY, "", "第3页"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_LINE, max_size=6).map("\n".join), min_size=1, max_size=6))
def test_round_trip_every_kept_character_keeps_its_page_and_box(texts: list[str]) -> None:
    # box = (page index, offset in the page's original text): must still point at the same character
    pages = [
        Page(number=p + 1, text=t, source="x.pdf", method="text", boxes=[(float(p), float(i), 0.0, 0.0) for i in range(len(t))])
        for p, t in enumerate(texts)
    ]
    removed = strip_running_lines(pages)
    for p, (page, original) in enumerate(zip(pages, texts, strict=True)):
        assert page.boxes is not None and len(page.boxes) == len(page.text)
        for ch, box in zip(page.text, page.boxes, strict=True):
            assert box is not None and int(box[0]) == p and original[int(box[1])] == ch
        # only whole lines go: the kept text is the original lines minus some of them
        kept = [line for line in page.text.split("\n") if line]
        source = [line for line in original.split("\n") if line]
        assert len(source) - len(kept) == removed[p]
        assert all(line in source for line in kept)
        # never a title or an organ line
        for line in source:
            if line in ("拘留证", "某某市公安局"):
                assert source.count(line) == kept.count(line)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        ([f"{BANNER}\n甲", f"{BANNER}\n乙"], [[(0, len(BANNER) + 1)], [(0, len(BANNER) + 1)]]),
        (["甲\n页脚文字", "乙\n页脚文字"], [[(1, 6)], [(1, 6)]]),
    ],
)
def test_running_line_spans(texts: list[str], expected: list[list[tuple[int, int]]]) -> None:
    assert running_lines(texts) == expected


@pytest.mark.parametrize(
    "pages",
    [
        ["拘留证第一页", "拘留证第二页", "拘留证第三页"],  # one-line pages: nothing is "above" anything
        [BANNER, BANNER, BANNER],
    ],
)
def test_a_page_never_loses_all_its_lines(pages: list[str]) -> None:
    assert _strip(pages) == pages
