"""Split a dossier's text into documents.

Boundaries come from hard breaks (TXT `=====` / form feed, a new file in a folder or ZIP) and from
title lines. A short organ line right above a title belongs to the new document.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from auditor.lexicon import doc_type_organ, is_receipt_part, organ_kind
from auditor.model import Document, Dossier
from auditor.segment.fields import (
    SEALED_YEAR,
    find_date,
    find_number,
    find_organ,
    find_ref_date,
    find_sealed_date,
    is_record,
)
from auditor.text.titles import (
    NUMBER_RE,
    ORGAN_RE,
    SPACE_RE,
    TitleMatch,
    is_form_part,
    is_stub,
    match_title,
    resolve_shared_title,
)
from auditor.text.tokens import BARE_LABEL

UNKNOWN = "未知文书"
STRAY_SCRAP_CHARS = 80
SPLIT_TITLE_PART = 8  # each half of a title set over two lines is short


@dataclass
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _is_organ_line(line: str) -> bool:
    compact = SPACE_RE.sub("", line)
    return bool(compact) and len(compact) <= 30 and bool(ORGAN_RE.fullmatch(compact))


# A heading alone on its line (under an organ's line, perhaps), ending in a document word: a document whose type the
# lexicon may not know.
_UNKNOWN_HEADING = re.compile(
    r"\s*(?:(?![ \t\u3000]*\d+[ \t\u3000]+[^\d\s])[^\n。，；,;]{2,30}\n)?[ \t\u3000]*[\u4e00-\u9fff（）()]{2,24}(?:书|笔录|通知|报告|登记表|审批表|表|清单|说明|意见|证明|回执|回证|诉状|经过)"
    r"(?:[（(][\u4e00-\u9fff、]{1,16}[）)])?[ \t\u3000]*\n"
)
_HEADING_LINE = re.compile(
    # …or an official letter's "关于对甲、乙指定居所监视居住的批复" (ind_cz03)
    r"[ \t\u3000]*[\u4e00-\u9fff（）()/／、]{2,24}(?:书|笔录|通知|报告|登记表|审批表|清单|说明|证明|回执|回证|诉状|经过|批复|请示|复函)"
    r"(?:[（(][\u4e00-\u9fff、]{1,16}[）)])?[ \t\u3000]*"
)
# The line above such a heading: an issuing body the organ lexicon may not list ("江州市东湖区司法局").
_ISSUER = re.compile(r"[\u4e00-\u9fff]{2,28}(?:局|院|所|委员会|中心|大队|支队|中队|厅|处|办公室)")
# A signature date alone on its line: the document above ends there.
# (after the signing organ and its seal on the same line: "东州市公安局东湖分局（印） 2019年5月12日", ind_bn05)
_DATE_LINE = re.compile(r"[ \t\u3000]*(?:[\u4e00-\u9fff]{1,28}(?:局|院|所|队|中心|委员会|处)(?:[（(][\u4e00-\u9fff]{1,6}[）)])?"
                        r"[ \t\u3000]*)?(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○一二三四五六七八九]{4}\s*年"
                        r"\s*[一二三四五六七八九十]{1,2}\s*月\s*[一二三四五六七八九十]{1,3}\s*日)[ \t\u3000]*$")


# A signer's line below a signature date: a court's clerk or an officer ("书记员 周晓雯", "记录人：王芳").
_SIGNER_LINE = re.compile(r"[ \t\u3000]*(?:书记员|法官助理|记录人|校对人)[ \t\u3000]*[:：]?[ \t\u3000]*[\u4e00-\u9fff·]{2,8}[ \t\u3000]*")


# A page's footer in a text dump without page breaks ("杉坑县森林公安局 郑金寿等盗伐林木案    第25页", ind_aw09): the next
# page may open a document of a type the lexicon lacks ("刑事谅解书").
# A volume's running head or foot with its page number ("梧溪县公安局　刑事侦查卷　第 13 页", ind_cb03): no title.
_PAGED_REST = re.compile(r"第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?")
_PAGE_FOOTER_LINE = re.compile(r"第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?[ \t\u3000]*$")


# What a page carries above its text: a separator rule, the volume's running head ("…刑事卷 第1卷"), an archive number,
# a page number in brackets ("（35）") — between a page's footer and the next document's heading (ind_bw01).
_PAGE_FURNITURE = re.compile(r"[ \t\u3000]*(?:[=＝\-—─━_]{5,}|[（(]\d{1,4}[）)]|归档号[:：]\S*|[^\n]{0,30}?卷[ \t\u3000]*第\s*\d{1,3}\s*卷"
                             r"|[（(]?(?:以下空白|此页无正文|本页以下空白)[）)]?)[ \t\u3000]*")
# The clerk's mark that a document's text ends here ("（以下空白）", ind_bw02: another document follows on the page).
# A line closing a paper with its seal, then a blank line: "…看守所收押民警：王芳（泉阳市第一看守所收押章）" (ind_cm09, a
# 更正说明 after it).
_SEALED_END = re.compile(r".*[（(][^（）()\n]{0,16}(?:印|章|捺指印)[）)][ \t\u3000]*")
_BLANK_BELOW = re.compile(r"[ \t\u3000]*[（(]?(?:以下空白|本页以下空白)[）)]?[ \t\u3000]*")
# A page that goes on with the document before it ("（续前页）起诉意见书").
_CONTINUED = re.compile(r"[ \t\u3000]*[（(]?续[前上]?页[）)]?")
_QA_OPENING = re.compile(r"\s*[问答][:：]")


def _past_furniture(text: str, at: int) -> int:
    """Past the page furniture and bare page numbers opening a page ("6", "（35）", "归档号：…")."""
    while True:
        end = text.find("\n", at)
        line = text[at : len(text) if end < 0 else end]
        if end < 0 or not (not line.strip() or _PAGE_FURNITURE.fullmatch(line) or _PAGE_NUMBER.fullmatch(line)):
            return at
        at = end + 1


_PAGE_NUMBER = re.compile(r"[ \t\u3000]*\d{1,4}[ \t\u3000]*")
_UNKNOWN_RECORD = re.compile(
    r"(?m)^(?P<heading>[ \t\u3000]*[\u4e00-\u9fff]{2,12}笔录[ \t\u3000]*)\n(?=[ \t\u3000]*时[ \t\u3000]*间[ \t\u3000]*[:：])"
)


def _field_value(lines: list, i: int, match: TitleMatch) -> bool:  # noqa: ANN001 — the module's _Line list
    """A title with its 文号 right under a bare field label ("送达文书名称及文号：" then "不起诉决定书 雁检…号"): a form
    read column by column lists the document it delivered, it does not start one."""
    j = i - 1
    while j >= 0 and not lines[j].text.strip():
        j -= 1
    if j < 0:
        return False
    # A 送达回证's field naming the delivered document, its colon lost in a table (ind_bm05): its value, whether or not
    # the 文号 shares the title's line.
    if _DELIVERED_LABEL.match(lines[j].text):
        return True
    # (a bracketed remark after the title is no 文号: "讯问笔录（第一次）" under a form's empty "办案民警：" field, held-out
    # ind_dy06, opens the record)
    rest = match.rest.strip()
    return bool(rest) and not _BRACKETED_REMARK.fullmatch(rest) and BARE_LABEL.match(lines[j].text) is not None


_BRACKETED_REMARK = re.compile(r"[（(][^（）()]{1,10}[）)]")


_DELIVERED_LABEL = re.compile(r"^[ \t\u3000]*(?:送达|所送)?文书(?:名称)?(?:及|和)?(?:文号)?[ \t\u3000]*[:：]?[ \t\u3000]*$")


def segment(dossier: Dossier) -> list[Document]:
    """Documents of the dossier in order; every character of the text belongs to exactly one."""
    text = dossier.text
    if not text.strip():
        return []
    lines = _lines(text)
    # (offset, title match or None): where each document starts.
    starts: dict[int, TitleMatch | None] = {0: None}
    headed: set[int] = set()  # untitled starts with a heading of their own: a document, never a stray scrap
    for brk in dossier.hard_breaks:
        if 0 < brk < len(text):
            starts.setdefault(brk, None)
    # A new page of a text (after a form feed) that opens with a heading of a document type the lexicon lacks
    # ("被害人诉讼权利义务告知书") starts a document of its own, as a hard break would.
    for page_start in dossier.page_starts[1:]:
        opening = _past_furniture(text, page_start)
        heading = _UNKNOWN_HEADING.match(text, opening)
        if page_start not in starts and heading and not _CONTINUED.match(text, opening):
            starts[page_start] = None
            if match_title(heading.group(0).strip().split("\n")[-1]) is None:
                headed.add(page_start)  # a heading the lexicon lacks: its own document (a known title opens one anyway)
    # Anywhere: a record of a kind the lexicon lacks ("听取意见笔录") opens with its heading and then its 时间 line.
    for m in _UNKNOWN_RECORD.finditer(text):
        if m.start() > 0 and match_title(m.group("heading")) is None:
            # with the organ's line above it, when it has one ("江州市东湖区人民检察院" / "听取意见笔录", ind_ak03)
            above = text.rfind("\n", 0, max(0, m.start() - 1))
            organ_line = text[above + 1 : m.start() - 1]
            start = above + 1 if m.start() > 1 and _is_organ_line(organ_line) else m.start()
            starts.setdefault(start, None)
            headed.add(start)
    # Right after a signature date or a page's footer: a heading of a type the lexicon lacks, under its organ's line
    # ("江州市东湖区司法局" / "未成年犯罪嫌疑人社会调查报告（林浩宇、林宇航）", ind_ak03), starts a document.
    for k, line in enumerate(lines[:-1]):
        if not (_DATE_LINE.fullmatch(line.text) or _PAGE_FOOTER_LINE.search(line.text) or _BLANK_BELOW.fullmatch(line.text)
                or (_SEALED_END.fullmatch(line.text) and not lines[k + 1].text.strip())):
            continue
        # A court's clerk signs below the date ("二〇二〇年十二月十五日" / "书记员 周晓雯", ind_bk02): that line is the
        # document's own end, not the next one's start.
        following = [x for x in lines[k + 1 : k + 10] if x.text.strip() and not _SIGNER_LINE.fullmatch(x.text)
                     and not _PAGE_FURNITURE.fullmatch(x.text)][:2]
        if not following or following[0].start in starts:
            continue
        above = following[0].text
        organ = _is_organ_line(above) or _ISSUER.fullmatch(SPACE_RE.sub("", above)) is not None
        heading = following[1] if organ and len(following) > 1 else following[0]
        if _HEADING_LINE.fullmatch(heading.text) and match_title(heading.text) is None:
            starts.setdefault(following[0].start, None)
            headed.add(following[0].start)
    # Anywhere after a blank line: such a heading with its 文号 on the next line ("关于羁押必要性审查建议处理情况的复函" /
    # "云公北函〔2021〕52号", held-out ind_el03, under a notice's 通知时间 line) opens a document.
    for k in range(1, len(lines) - 1):
        line = lines[k]
        if lines[k - 1].text.strip() or line.start in starts:
            continue
        if _HEADING_LINE.fullmatch(line.text) and NUMBER_RE.fullmatch(lines[k + 1].text.strip()) \
                and match_title(line.text) is None:
            starts.setdefault(line.start, None)
            headed.add(line.start)
    ordered_starts = sorted(starts)  # the keys of `starts` in order, for the nearest start before a title
    cuts = sorted({*dossier.page_starts, *dossier.hard_breaks})
    for i, line in enumerate(lines):
        match = match_title(line.text)
        if match is None:
            match = _split_title(lines, i)
        if match is None or _field_value(lines, i, match) or _contents_row(lines, i) or _PAGED_REST.fullmatch(match.rest):
            continue
        begin = line.start
        # Pull a bare organ line (and blank lines) just above the title into this document.
        j = i - 1
        while j >= 0 and not lines[j].text.strip():
            j -= 1
        # Not across a page: an organ line closing the page before is the previous document's signature (ind_x02).
        if j >= 0 and _is_organ_line(lines[j].text) and match.organ is None \
                and not _cut_between(cuts, lines[j].start, line.start):
            begin = lines[j].start
            match = TitleMatch(match.doc_type, match.title, SPACE_RE.sub("", lines[j].text), match.score, match.rest)
        # A title right after a hard break (or at the top) names that untitled start.
        prev = ordered_starts[bisect.bisect_right(ordered_starts, begin) - 1]
        # The title printed twice as the head of one form ("讯问笔录" / "讯问笔录（第一次）", ind_ad01): the second line
        # goes on the document the first opened, which has no text of its own yet.
        if _title_only(text[prev:begin], starts.get(prev), match):
            continue
        if starts.get(prev) is None and not text[prev:begin].strip():
            begin = prev
        if begin not in starts:
            bisect.insort(ordered_starts, begin)
        starts[begin] = match
    # A page that opens in the middle of a record's questions and answers ("问：你的基本情况？", a 笔录's page filed out of
    # order behind a notice, ind_bs01) is no part of a form it follows: it starts a document of its own.
    for page_start in dossier.page_starts[1:]:
        if page_start in starts or not _QA_OPENING.match(text, page_start):
            continue
        opened = starts[max(s for s in starts if s < page_start)]
        if opened is not None and not is_record(opened.doc_type):
            starts[page_start] = None
    # A stray scrap without a title (a line the scanner repeated, a page mark) is not a document of
    # its own: it joins the document that follows, unless a hard break separates them.
    breaks = set(dossier.hard_breaks)
    ordered = sorted(starts)
    for begin, nxt in zip(ordered, ordered[1:], strict=False):
        if begin in starts and starts[begin] is None and begin not in headed and nxt not in breaks \
                and starts[nxt] is not None:
            if len(SPACE_RE.sub("", text[begin:nxt])) < STRAY_SCRAP_CHARS:
                starts[begin] = starts.pop(nxt)
    bounds = sorted(starts)
    docs: list[Document] = []
    for k, begin in enumerate(bounds):
        end = bounds[k + 1] if k + 1 < len(bounds) else len(text)
        body = text[begin:end]
        if not body.strip():
            continue
        match = starts[begin]
        doc_type = (resolve_shared_title(match.doc_type, body) or UNKNOWN) if match else UNKNOWN
        first_page = dossier.page_index_at(begin)
        last_page = dossier.page_index_at(max(begin, end - 1))
        number = find_number(body)
        signed = find_date(body, doc_type)
        sealed = None if signed else find_sealed_date(body, doc_type)
        docs.append(Document(
            id=f"d{len(docs) + 1}",
            type=doc_type,
            title=match.title if match else _first_line(body),
            start=begin,
            end=end,
            text=body,
            pages=tuple(dossier.pages[p].number for p in range(first_page, last_page + 1)) if dossier.pages else (),
            number=number,
            organ=_issuing_organ(match.organ if match else None, body, doc_type),
            date=signed or sealed,
            date_unsure=SEALED_YEAR if sealed else None,
            ref_date=find_ref_date(body, signed or sealed, number),
        ))
    return _join_form_parts(docs)


# The parts of one printed form (存根, 副本, 正本) carry the same title and 文号: one document, not several.
FORM_PART_TAIL = 12  # characters at the end of a column where the next column's marker lands


def _issuing_organ(head: str | None, body: str, doc_type: str) -> str | None:
    """The organ line over the title, else the signing organ; the signing organ where the two are of different kinds
    and the type allows the signer's (a procuratorate's 监视居住决定书 on a page headed by the police unit that filed it,
    ind_bs05)."""
    signed = find_organ(body)
    if head is None:
        return signed
    kinds = (organ_kind(head), organ_kind(signed))
    if None not in kinds and kinds[0] != kinds[1] and doc_type_organ(doc_type) in (kinds[1], "any"):
        return signed
    return head


def _side_by_side(prev: Document, doc: Document) -> bool:
    """A form's part printed in a column beside the next part: both on one page, and the first ends with the next
    part's marker ("…填发人：程某 （正本）", the right column's head read after the left column)."""
    return bool(set(prev.pages) & set(doc.pages)) and is_form_part(prev.text.rstrip()[-FORM_PART_TAIL:])


def _title_only(head: str, opened: TitleMatch | None, match: TitleMatch) -> bool:
    """Is `head` (from the last start to this title) nothing but titles of this title's type, organ lines and a 文号
    ("逮捕证" / "江公北（刑）捕字〔2021〕61号" / "逮捕证（正本）", ind_ad01)?"""
    lines = [ln for ln in head.split("\n") if ln.strip()]
    if opened is None or opened.doc_type != match.doc_type or not lines:
        return False
    return all(_is_organ_line(ln) or NUMBER_RE.fullmatch(ln.strip()) is not None
               or (m := match_title(ln)) is not None and m.doc_type == match.doc_type for ln in lines)


def _join_form_parts(docs: list[Document]) -> list[Document]:
    """Consecutive documents of one type and one 文号, one of them marked 存根 / 副本 / 正本 or both on one page (a
    存根 column beside its 正本, as police forms are printed side by side), are one document."""
    out: list[Document] = []
    for doc in docs:
        prev = out[-1] if out else None
        if (prev is not None and prev.type == doc.type and prev.type != UNKNOWN and prev.number
                and (prev.number == doc.number and (is_form_part(prev.text) or is_form_part(doc.text)
                                                   or _side_by_side(prev, doc))
                     # A 副本 / 正本 printing no 文号 of its own right after its 存根 (ind_bm01)
                     or doc.number is None and is_stub(prev.text) and is_form_part(doc.text)
                     and not is_stub(doc.text))):
            out[-1] = prev.model_copy(update={
                "end": doc.end,
                "text": prev.text + doc.text if prev.end == doc.start else prev.text + "\n" + doc.text,
                "pages": tuple(dict.fromkeys(prev.pages + doc.pages)),
                # The part handed out is signed and dated; a 存根's date is one of its fields (拘留时间, 通知时间); a
                # 回执's is the day it came back (held-out ind_ds08).
                "date": (date := (doc.date if is_stub(prev.text) and not is_receipt_part(doc.text) else None)
                         or prev.date or doc.date),
                "date_unsure": doc.date_unsure if date == doc.date and doc.date else prev.date_unsure,
                "ref_date": prev.ref_date or doc.ref_date,
                "organ": prev.organ or doc.organ,
            })
            continue
        out.append(doc)
    return [d if d.id == f"d{i}" else d.model_copy(update={"id": f"d{i}"}) for i, d in enumerate(out, start=1)]


def _cut_between(cuts: list[int], lo: int, hi: int) -> bool:
    """Does a page or a hard break (`cuts`, sorted) start in (lo, hi]?"""
    i = bisect.bisect_right(cuts, lo)
    return i < len(cuts) and cuts[i] <= hi


# A row of a list of contents whose cells wrap ("14" / "延长拘留期限通" / "知书" / "临公（刑）延拘" / "字〔2018〕903号
# 2018.10.22 14", ind_ar01): its row number alone on the line above, its date and page number a few lines below.
_ROW_NUMBER_LINE = re.compile(r"[ \t\u3000]*\d{1,3}[ \t\u3000]*")
_DATE_AND_PAGE_END = re.compile(r"(?:\d{4}[.．\-/年]\d{1,2}[.．\-/月]\d{1,2}日?|\d{4}年\d{1,2}月\d{1,2}日)[ \t\u3000]+\d{1,4}(?:[-—－]\d{1,4})?[ \t\u3000]*$")
_ROW_REACH = 4  # lines below the title where the row's date and page number may stand
_ROW_WRAPPED_START = re.compile(r"[ \t\u3000]*\d{1,3}[ \t\u3000]+[\u4e00-\u9fff（）()]{2,16}[ \t\u3000]*")


def _contents_row(lines: list[_Line], i: int) -> bool:
    """Is the title at line `i` a wrapped cell of a list of contents rather than a document's heading?"""
    j = i - 1
    while j >= 0 and not lines[j].text.strip():
        j -= 1
    if j < 0:
        return False
    above = lines[j].text
    # The row's number alone, or with the first part of a title wrapped in its cell ("14 血液酒精含量检验" / "鉴定意见书",
    # ind_au05), and no date and page closing that row.
    if not (_ROW_NUMBER_LINE.fullmatch(above)
            or (_ROW_WRAPPED_START.fullmatch(above) and not _DATE_AND_PAGE_END.search(above))):
        return False
    return any(_DATE_AND_PAGE_END.search(x.text) for x in lines[i : i + _ROW_REACH + 1])


def _split_title(lines: list[_Line], i: int) -> TitleMatch | None:
    """A title set over two short lines ("取保候审" / "决定书"), neither of which is a title alone."""
    if i + 1 >= len(lines):
        return None
    first, second = SPACE_RE.sub("", lines[i].text), SPACE_RE.sub("", lines[i + 1].text)
    if not first or not second or len(first) > SPLIT_TITLE_PART or len(second) > SPLIT_TITLE_PART:
        return None
    if i > 0 and match_title(lines[i - 1].text + lines[i].text):
        return None  # this line is the second half of a title already found
    if match_title(second) is not None:
        return None
    match = match_title(first + second)
    return match if match is not None and not match.rest else None


# A page's number printed above its text ("4", "- 4 -", "第4页 共9页"): no document's heading.
_PAGE_NUMBER_LINE = re.compile(r"[-—－\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[-—－\s]*")


def _first_line(body: str) -> str:
    for line in body.split("\n"):
        if line.strip() and not _PAGE_NUMBER_LINE.fullmatch(line):
            return re.sub(r"\s+", " ", line.strip())[:30]
    return ""
