"""Legal citations in a document's text: 《中华人民共和国刑法》第二百六十四条、第二十五条第一款 …

Steps: find law mentions (known titles and aliases from lexicons/laws.yaml, other 《…法》 titles, and
同法/本法/该法/上述法律), then article chains (第N条[之X][第N款][第（N）项], joined by 、/和/及 or 至 for a
range). A chain takes the law named right before it, else the last law named earlier in the same sentence;
a chain with neither is skipped, never guessed. Each citation is then judged by `check_citation`.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from auditor.law.catalog import as_date, check_citation, law_names, named_version, resolve_law
from auditor.model import Citation
from auditor.text.numerals import cn_to_int
from auditor.text.sentences import HALF_WIDTH_STOP
from auditor.text.titles import SPACE_RE

_NUM = r"[0-9０-９零〇一二两三四五六七八九十百千]+"
# An article whose 条 was left out before its 款 ("第六十七第三款", "第七十二第一、三款") is still that article.
_PARAS_AHEAD = rf"[第笫]\s*{_NUM}(?:\s*、\s*{_NUM})*\s*款"
# "笫" is a common misprint of 第; "第五十三之规定" left out its 条 too.
_ART_RE = re.compile(rf"[第笫]\s*({_NUM})\s*(?:条|(?={_PARAS_AHEAD})|(?=之(?:规定|的规定)))"
                     rf"(?:\s*(之[一二三四五六七八九十]+))?")
_ART_CONT_RE = re.compile(rf"(?:[第笫]\s*)?({_NUM})\s*(?:条|(?=之(?:规定|的规定)))(?:\s*(之[一二三四五六七八九十]+))?")  # "、二十五条"
# "第七十二条二款": the 第 is often dropped; "第二十五条第一条" is a slip for 第一款 (two articles never run on
# without a separator).
_PARA_RE = re.compile(rf"\s*[第笫]?\s*({_NUM})\s*款|\s*[第笫]\s*([一二三四五六七八九]|[1-9])\s*条(?!\s*之)")
_ITEM_RE = re.compile(rf"\s*(?:(?:[第笫]\s*)?[（(]\s*({_NUM})\s*[）)](?:\s*项)?|[第笫]\s*({_NUM})\s*项)")
_SEP_RE = re.compile(r"\s*(?:(?P<range>至|到|—|－|~|～)|(?P<comma>[，,])|(?P<list>、|以及|及|和|或者|或|与))\s*")
_CHAIN_START_RE = re.compile(rf"第\s*{_NUM}(?:\s*、\s*{_NUM})*\s*(?:条|(?={_PARAS_AHEAD}))")
# One 第 and one 条 (款, 项) shared by a list of numbers: 第二十五、二十六、二十七条, 第六十七条第一、三款.
_ART_LIST_RE = re.compile(rf"第\s*({_NUM}(?:\s*、\s*{_NUM})+)\s*条")
_PARA_LIST_RE = re.compile(rf"\s*[第笫]?\s*({_NUM}(?:\s*、\s*{_NUM})+)\s*款")  # "第三百四十七条一、四款": 第 dropped
_ITEM_LIST_RE = re.compile(rf"\s*第\s*({_NUM}(?:\s*、\s*{_NUM})+)\s*项")
_LIST_SPLIT_RE = re.compile(r"\s*、\s*")
# Between a law's name and its first article: a closing 》 left by a broken title, "（2018年修正）", "的".
_GAP_RE = re.compile(r"\s*》?\s*(?:[（(][^（）()\n]{0,20}[）)])?\s*的?\s*")
_SENTENCE_END_RE = re.compile(r"[。！？!?]|\n\s*\n")
# A sentence of nothing but its legal basis: "根据《中华人民共和国刑事诉讼法》第一百六十条之规定。"
_BASIS_ALONE = re.compile(r"[\s\u3000]*(?:根据|依照|依据|按照)《[^》]{1,30}》[^。；;，,]{0,40}?(?:之|的)?规定[。；;]?")
# Other titles in 《》 that name a law-like text: cited as written, status unknown_law.
_LAWLIKE_RE = re.compile(r"(?:法|法典|修正案|条例|规定|规则|解释|办法|决定|意见|细则|通知|批复|答复|纪要|准则)$")
_ANAPHORA = r"(?:同法|本法|该法)(?![院官庭医警律])|上述法律|前述法律"
# A text referring to itself or to a document (本解释第三百五十五条, 本决定书第三条): not a law we can check,
# and it ends the reach of a law named earlier in the sentence.
_SELF_REF = r"本(?:解释|规定|规则|条例|办法|细则|意见|决定书?|通知书?|意见书|告知书|判决书?|裁定书?|文书|章|节)"
_MAX_RANGE = 40  # a wider range is read as its two ends only


def _name_pattern(name: str) -> str:
    """Regex for a normalised title: any bracket style, line breaks or spaces between characters."""
    alt = {"《": "[《〈<＜﹤]", "》": "[》〉>＞﹥]", "（": "[（(]", "）": "[）)]"}
    return r"\s*".join(alt.get(ch, re.escape(ch)) for ch in name)


@functools.cache
def _issuer_re() -> str:
    """One issuing organ (laws.yaml title_issuers), written before a title's 《》 as part of the title."""
    from auditor.lexicon import load_yaml

    return "(?:" + "|".join(map(re.escape, load_yaml("laws.yaml")["title_issuers"])) + ")"


@functools.cache
def _mention_re() -> re.Pattern[str]:
    names = sorted(law_names(), key=len, reverse=True)  # longest first: 刑诉法解释 before 刑诉法
    known = "|".join(_name_pattern(n) for n in names)
    issuers = rf"{_issuer_re()}(?:[、，,和与]?{_issuer_re()})*"
    return re.compile(
        rf"《\s*(?P<quoted>{known})\s*(?:[（(][^（）()《》\n]{{0,20}}[）)])?\s*[》〉>＞﹥]"
        rf"|(?P<bare>{known})(?!修正案)"
        rf"|(?P<issuer>{issuers})?《(?P<other>(?:[^《》\n]|《[^《》\n]{{1,40}}》){{1,80}}?)》"
        rf"|(?P<anaphora>{_ANAPHORA})"
        rf"|(?P<self>{_SELF_REF})"
    )


@dataclass
class _Ref:
    start: int
    end: int
    article: int | None = None
    suffix: str | None = None
    paragraph: int | None = None
    item: int | None = None
    sep: str | None = None  # separator before this ref: "range", "comma", "list"


def _num(s: str | None) -> int | None:
    return cn_to_int(s) if s else None


def _parse_ref(text: str, pos: int, continuation: bool) -> _Ref | None:
    """One 第N条[之X][第N款][第（N）项] at pos; a continuation may start at its 款 or 项."""
    ref = _Ref(start=pos, end=pos)
    m = (_ART_CONT_RE if continuation else _ART_RE).match(text, pos)
    if m:
        ref.article, ref.suffix, ref.end = _num(m.group(1)), m.group(2), m.end()
        if ref.article is None:
            return None
    elif not continuation:
        return None
    m = _PARA_RE.match(text, ref.end)
    if m:
        ref.paragraph, ref.end = _num(m.group(1) or m.group(2)), m.end()
    m = _ITEM_RE.match(text, ref.end)
    if m:
        ref.item, ref.end = _num(m.group(1) or m.group(2)), m.end()
    if ref.end == pos:
        return None
    return ref


def _parse_refs(text: str, pos: int, continuation: bool) -> list[_Ref]:
    """The refs at pos: one 第N条[第N款][第N项], or several where one 第 and one 条 / 款 / 项 serve a list of
    numbers (第二十五、二十六、二十七条; 第六十七条第一、三款; 第五十三条第一、二项): each number is a ref of its
    own, the ones after the first joined as a list."""
    m = _ART_LIST_RE.match(text, pos)
    if m:
        articles = [_num(n) for n in _LIST_SPLIT_RE.split(m.group(1))]
        if None in articles:
            return []
        refs = [_Ref(pos, m.end(), article=n, sep="list" if i else None) for i, n in enumerate(articles)]
        tail = _parse_ref(text, m.end(), continuation=True)  # a 款 or 项 after the list belongs to its last article
        if tail is not None:
            refs[-1].paragraph, refs[-1].item, refs[-1].end = tail.paragraph, tail.item, tail.end
        return refs
    ref = _parse_ref(text, pos, continuation)
    if ref is None:
        return []
    refs = [ref]
    for list_re, level in ((_PARA_LIST_RE, "paragraph"), (_ITEM_LIST_RE, "item")):
        m = list_re.match(text, ref.end) if getattr(ref, level) is None else None
        if m is None:
            continue
        numbers = [_num(n) for n in _LIST_SPLIT_RE.split(m.group(1))]
        if None in numbers:
            break
        setattr(ref, level, numbers[0])
        ref.end = m.end()
        for n in numbers[1:]:  # a bare 款 / 项 ref: _expand gives it the article (and paragraph) before it
            more = _Ref(m.start(), m.end(), sep="list", paragraph=n if level == "paragraph" else None,
                        item=n if level == "item" else None)
            refs.append(more)
        break
    return refs


def _parse_chain(text: str, pos: int) -> list[_Ref]:
    refs = _parse_refs(text, pos, continuation=False)
    if not refs:
        return []
    while True:
        sep = _SEP_RE.match(text, refs[-1].end)
        if not sep:
            break
        more = _parse_refs(text, sep.end(), continuation=True)
        if not more:
            break
        # After a comma only a full 第N条 continues the chain ("第十五条，（一）…" does not).
        if sep.group("comma") and (more[0].article is None or not text.startswith("第", sep.end())):
            break
        more[0].start = sep.end()
        more[0].sep = sep.lastgroup
        refs.extend(more)
    return refs


@dataclass
class _Cite:
    article: int
    suffix: str | None
    paragraph: int | None
    item: int | None
    start: int
    end: int


def _expand(refs: list[_Ref]) -> list[_Cite]:
    """Resolve shared context (a bare 款 or 项 belongs to the article before it) and expand ranges."""
    out: list[_Cite] = []
    for ref in refs:
        prev = out[-1] if out else None
        if ref.article is not None:
            cite = _Cite(ref.article, ref.suffix, ref.paragraph, ref.item, ref.start, ref.end)
        elif prev is None:
            continue
        elif ref.paragraph is not None:
            cite = _Cite(prev.article, prev.suffix, ref.paragraph, ref.item, ref.start, ref.end)
        else:
            cite = _Cite(prev.article, prev.suffix, prev.paragraph, ref.item, ref.start, ref.end)
        if ref.sep == "range" and prev is not None:
            out.extend(_between(prev, cite))
        out.append(cite)
    return out


def _between(a: _Cite, b: _Cite) -> list[_Cite]:
    """Citations strictly between the two ends of a range, at the level where they differ."""
    span = (a.start, b.end)
    if a.suffix or b.suffix:
        return []
    if a.article != b.article and a.paragraph is None and b.paragraph is None and a.item is None and b.item is None:
        lo, hi, make = a.article, b.article, lambda n: _Cite(n, None, None, None, *span)
    elif a.article == b.article and a.paragraph != b.paragraph and a.item is None and b.item is None:
        lo, hi = a.paragraph or 0, b.paragraph or 0
        make = lambda n: _Cite(a.article, None, n, None, *span)  # noqa: E731
    elif a.article == b.article and a.paragraph == b.paragraph and a.item is not None and b.item is not None:
        lo, hi = a.item, b.item
        make = lambda n: _Cite(a.article, None, a.paragraph, n, *span)  # noqa: E731
    else:
        return []
    if not 0 < hi - lo <= _MAX_RANGE:
        return []
    return [make(n) for n in range(lo + 1, hi)]


@dataclass
class _Mention:
    start: int
    end: int
    law: str | None  # canonical title, a title as written (unknown law), "" (unresolved anaphora), None (not a law)
    named: str | None = None  # the version the title itself names (…（试行）)


def _mention(m: re.Match[str], last_law: str | None) -> _Mention:
    if m.group("quoted") or m.group("bare"):
        name = m.group("quoted") or m.group("bare")
        return _Mention(m.start(), m.end(), resolve_law(name), named_version(name))
    if m.group("anaphora"):
        return _Mention(m.start(), m.end(), last_law if last_law is not None else "")
    if m.group("self"):
        return _Mention(m.start(), m.end(), None)
    # An inner mark left by an HTML entity keeps its ";" ("《…关于适用<；中华人民共和国刑事诉讼法>；的解释》", real round ao).
    raw = re.sub(r"(?<=[〈〉<>＜＞﹤﹥])[;；]", "", re.sub(r"\s+", "", m.group("other")))
    issuer = "、".join(re.findall(_issuer_re(), m.group("issuer") or ""))
    for title in (issuer + raw, raw) if issuer else ():
        known = resolve_law(title)
        if known:
            return _Mention(m.start(), m.end(), known, named_version(title))
    name = issuer + re.sub(r"[〈〉<>＜＞﹤﹥]", "", raw)  # 《最高人民法院〈关于…的解释〉》: the inner marks go
    lawlike = _LAWLIKE_RE.search(re.sub(r"[（(][^（）()]*[）)]$", "", name))
    return _Mention(m.start(), m.end(), name if lawlike else None)


@functools.cache
def _laws_re(key: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern of lexicons/laws.yaml (appendix headings, signatures, the openers of reported passages), compiled once."""
    from auditor.lexicon import load_yaml

    return re.compile(load_yaml("laws.yaml")[key], flags)


_QUOTED_ARTICLE_RE = re.compile(rf"第\s*{_NUM}\s*条")
_MIN_APPENDIX = 20  # characters of article text after the signature: a stray 第N条 is not an appendix


_SENTENCE_BREAK = re.compile(rf"[。\n]|{HALF_WIDTH_STOP}")
_OPENER_REACH = 40  # the opener stands in the sentence's first clauses ("宣判后，原审被告人陈某不服，提出上诉称：…")
# A paragraph ends at a line break, or at a stop followed by spaces where a publication collapsed its line breaks.
_PARAGRAPH_SPACE = re.compile(r"[ \t\u3000\r\n]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Sentences that report an earlier decision's grounds or a party's argument (laws.yaml quoted_openers); a
    party's numbered points run on after ；. An earlier decision's reasoning (reported_reasoning_openers: "原判认为，
    …。…。故依照《刑法》第…条…") runs on to the end of its paragraph or to a sentence in the document's own voice."""
    out: list[tuple[int, int]] = []
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text)] + [len(text)]
    start = 0
    spaced: bool | None = None
    for end in breaks:
        if start >= end:
            continue
        if out and start < out[-1][1]:
            start = end
            continue
        opener = _laws_re("quoted_openers").search(text, start, min(end, start + _OPENER_REACH))
        own = _laws_re("own_voice_openers").search(text, start, min(end, start + _OPENER_REACH))
        if opener and not (own and own.start() < opener.start()):  # "本院认为，原审判决认定事实清楚。" is the court's
            reasoning = _laws_re("reported_reasoning_openers").match(text, opener.start())
            if reasoning and spaced is None:
                spaced = _stops_spaced(text, breaks)
            out.append((start, _run_end(text, end, breaks, spaced) if reasoning else end))
        start = end
    return out


_SPACED_STOPS_SHARE = 0.9  # of a text's sentence stops followed by a space: that is how it ends every sentence


def _stops_spaced(text: str, breaks: list[int]) -> bool:
    """Does the text follow every sentence stop with a space (a publication that turned "。" into ". ")? Then a
    space after a stop ends a sentence, not a paragraph."""
    stops = [end for end in breaks[:-1] if text[end - 1] != "\n"]
    if len(stops) < 5:
        return False
    return sum(1 for end in stops if _PARAGRAPH_SPACE.match(text, end)) >= _SPACED_STOPS_SHARE * len(stops)


def _run_end(text: str, end: int, breaks: list[int], spaced: bool = False) -> int:
    """Where the reported passage whose first sentence ends at `end` ends: at the paragraph's end, or before a
    sentence in the document's own voice."""
    i = bisect.bisect_left(breaks, end)
    while i + 1 < len(breaks):
        end, nxt = breaks[i], breaks[i + 1]
        if text[end - 1] == "\n" or (not spaced and _PARAGRAPH_SPACE.match(text, end)):
            return end
        if _laws_re("own_voice_openers").search(text, end, min(nxt, end + _OPENER_REACH)):
            return end
        i += 1
    return len(text)


def appendix_start(text: str) -> int | None:
    """Offset of appended statute text ("附：相关法律条文", or articles printed after the clerk's signature with no
    heading), or None when the document has none."""
    m = _laws_re("appendix_heading", re.M).search(text)
    if m:
        return m.start()
    last = None
    for last in _laws_re("appendix_after_signature").finditer(text):  # noqa: B007 — the last signature is the one wanted
        pass
    if last is None:
        return None
    quoted = _QUOTED_ARTICLE_RE.search(text, last.end())
    if quoted and len(text) - quoted.start() >= _MIN_APPENDIX:
        return last.end()
    return None


# An article number a text's line wrap breaks ("第一百\n    七十七条第二款", a TXT wrapped and indented line by line,
# ind_bm07): read with its whitespace moved after the number, so every offset outside it stays where it was.
_NUM = "零〇一二三四五六七八九十百千0-9"
_WRAPPED_NUMBER = re.compile(rf"第(?=[{_NUM}\s]*\n)[{_NUM}\s]+条(?:\s*第[{_NUM}\s]+[款项])*")


def _unwrap_numbers(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with wrapped article numbers unwrapped, and the (start, end) of each place changed."""
    if "\n" not in text:
        return text, []
    places = [m.span() for m in _WRAPPED_NUMBER.finditer(text)]

    def moved(m: re.Match[str]) -> str:
        part = m.group(0)
        return "".join(ch for ch in part if not ch.isspace()) + "".join(ch for ch in part if ch.isspace())

    return (_WRAPPED_NUMBER.sub(moved, text), places) if places else (text, [])


def find_citations(text: str, on: datetime.date | None = None, document_id: str | None = None) -> list[Citation]:
    """Citations in `text` (offsets into it), each checked against the version in force on `on`."""
    if not isinstance(text, str) or not text:
        return []
    text, unwrapped = _unwrap_numbers(text)
    on = as_date(on)
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text)]

    def sentence(pos: int) -> int:
        return bisect.bisect_right(ends, pos)

    def context(pos: int) -> str:
        # Without the line breaks of a PDF's layout: "现将此案移送审\n查起诉" is about the transfer (ind_be01).
        i = sentence(pos)
        own = SPACE_RE.sub("", text[ends[i - 1] if i else 0 : ends[i] if i < len(ends) else len(text)])
        # A sentence that is its basis alone ("根据《…》第一百六十条之规定。" / "现将本案移送审查起诉。", held-out ind_hf06):
        # the act it grounds is the next one's.
        if _BASIS_ALONE.fullmatch(own) and i + 1 < len(ends):
            own += SPACE_RE.sub("", text[ends[i] : ends[i + 1]])
        return own

    events: list[tuple[int, int, re.Match[str]]] = [(m.start(), 0, m) for m in _mention_re().finditer(text)]
    events += [(m.start(), 1, m) for m in _CHAIN_START_RE.finditer(text)]
    events.sort(key=lambda e: (e[0], e[1]))

    found: list[Citation] = []
    last_law: str | None = None  # most recent law named in the text, for 同法/本法
    recent: _Mention | None = None  # most recent mention of any kind
    consumed = 0
    for start, kind, m in events:
        if start < consumed:
            continue
        if kind == 0:
            recent = _mention(m, last_law)
            if recent.law and m.group("quoted", "bare", "other") != (None, None, None):
                last_law = recent.law
            consumed = m.end()
            continue
        refs = _parse_chain(text, start)
        if not refs:
            continue
        consumed = refs[-1].end
        law, quote_start = _law_for(text, start, recent, sentence)
        named = recent.named if recent is not None else None
        if law is None:
            continue  # bare 第N条 with no law named before it in the sentence
        ctx = context(start)
        for cite in _expand(refs):
            s = quote_start if cite.start == refs[0].start else cite.start
            c = Citation(
                law=law,
                article=cite.article,
                article_suffix=cite.suffix,
                paragraph=cite.paragraph,
                item=cite.item,
                quote=text[s : cite.end],
                start=s,
                end=cite.end,
                document_id=document_id,
            )
            found.append(check_citation(c, on, ctx, named))
    # A citation ending in an unwrapped number ends where the number ends in the text as written.
    for i, c in enumerate(found):
        end = next((b for a, b in unwrapped if a < c.end <= b), None)
        if end is not None:
            found[i] = c.model_copy(update={"end": end})
    return found


_BASIS_OPENER_RE = re.compile(r"(?:依据|根据|依照|按照)\s*$")


def _law_for(text: str, start: int, recent: _Mention | None, sentence: Callable[[int], int]) -> tuple[str | None, int]:
    """The law of a chain starting at `start`, and where its first citation's quote begins."""
    if recent is None:
        return None, start
    gap = _GAP_RE.match(text, recent.end)
    if gap and gap.end() == start:
        return recent.law, recent.start
    if sentence(recent.start) == sentence(start):
        return recent.law, start
    # "…《刑事诉讼法》第二百八十四条第一款规定的情形，考验期满。依据第二百八十四条第二款的规定，决定…": a basis clause
    # opening the very next sentence with a bare article cites the law the sentence before named.
    if sentence(recent.start) == sentence(start) - 1 and _BASIS_OPENER_RE.search(text, max(0, start - 4), start):
        return recent.law, start
    return None, start
