"""Recognise document title lines against lexicons/doc_types.yaml.

A title line is short and official: an optional issuing-organ prefix, the title, and optionally a
bracketed remark ("讯问笔录 (第2次)") or the 文号. A sentence that merely mentions a title
("这是拘留证，你看一下") is not one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from auditor.lexicon import doc_types, load_yaml
from auditor.model.case import UNKNOWN_TYPE

# Organ names end with one of these; used to split "大连市公安局甘井子分局起诉意见书" into organ + title.
# (the coast guard and the customs' anti-smuggling police investigate as the police do: ind_dd01, ind_dd02)
ORGAN_SUFFIX = r"(?:公安局|公安分局|分局|派出所|检察院|人民检察院|人民法院|法院|看守所|大队|支队|中队|公安处|国家安全局|海警局|缉私局)"
# Masked names (**省**市, ××县, XX区) are still organ names.
ORGAN_RE = re.compile(rf"^[\u4e00-\u9fff（）()*＊×XＸ]{{2,30}}?{ORGAN_SUFFIX}")
# What may follow a title on its line: a bracketed remark, a 文号, a page counter.
# (a longer bracket naming what the paper is about, without a sentence's stops: "检验报告（悬挑脚手架坍塌原因技术检验）",
# held-out ind_gl01 — not another paper's 文号, "不起诉决定书（宁检刑不诉〔2021〕12号）" in a 送达回证's cell, ind_v06)
TRAILER_RE = re.compile(r"^(?:[（(][^）)]{0,12}[）)]|[（(][^）)，。；,;：:0-9０-９〔〕\[\]号]{13,24}[）)]|[（(〔\[［]?\d{4}.*号.*|第\s*\d+\s*[次页].*|（?存根）?|（?副本）?|（?正本）?"
                        r"|(?:[（(][^）)]{0,12}[）)])?复印件)?$")  # "营业执照（副本）复印件"
SPACE_RE = re.compile(r"[\s\u3000]+")
# A part of one printed form (存根, 副本, 正本), marked in its head: the parts carry the same title.
# Unbracketed at a line's start as well: a Word table's column heads "存 根  正 本", a cell "存根 临公…" (ind_ae01).
_FORM_PART_RE = re.compile(r"[（(]\s*(?:存\s*根|副\s*本|正\s*本)\s*[）)]|(?m:^)[ \t\u3000]*(?:存[ \t\u3000]*根|副[ \t\u3000]*本|正[ \t\u3000]*本)(?=[ \t\u3000]|$)")
_FORM_PART_HEAD = 80


def is_form_part(text: str) -> bool:
    """Does the document's head mark it as a 存根 / 副本 / 正本 of a printed form?"""
    return bool(_FORM_PART_RE.search(text[:_FORM_PART_HEAD]))


_STUB_RE = re.compile(r"[（(]\s*存\s*根\s*[）)]")


def is_stub(text: str) -> bool:
    """Does the document's head mark it as the 存根 of a printed form (kept by the organ, its fields filled in)?"""
    return bool(_STUB_RE.search(text[:_FORM_PART_HEAD]))


MAX_TITLE_LINE = 60
RUN_ON_HEAD = 36  # the longest organ prefix ORGAN_RE accepts: a run-on title starts within it
# 文号 / 案号 forms: 临公（刑）拘字〔2023〕15号, 左检刑诉〔2025〕54号, 甘公刑诉字[2016]001号, (2019)粤0000刑初00号.
# Published judgments mask parts of the 案号: "（2019）*01刑终12号", "（2018）沪0105刑初**号".
# A serial may carry a letter of the case system ("成武检刑不诉〔2023〕Z41号").
NUMBER_RE = re.compile(
    r"[（(]\s*\d{4}\s*[)）][\u4e00-\u9fff\d*＊×]{1,16}?[0-9０-９*＊×]+\s*号"
    r"|[\u4e00-\u9fff（）()*＊×]{1,16}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\s*[A-Z]?[0-9０-９*＊×]+\s*号"
)
# A header run on into the body (web-published judgments, one line per document) continues after the
# 案号 with the first party of the case, never with a verb as a sentence citing the document does.
PARTY_OPENING_RE = re.compile(
    r"(?:原审|原)?公诉(?:暨[\u4e00-\u9fff]{2,6})?机关|抗诉机关|自诉人|(?:原审)?被告人|上诉人|申诉人|(?:被)?申请人|罪犯|被不起诉人|犯罪嫌疑人"
    r"|附带民事诉讼原告人"
    # A published text without its party paragraph opens with the prosecution ("：泰兴市人民检察院以…起诉书指控").
    r"|[:：]?[\u4e00-\u9fff]{2,30}人民检察院以"
)


@dataclass(frozen=True)
class TitleMatch:
    doc_type: str
    title: str  # the title text as matched in the line
    organ: str | None
    score: float  # 100 for an exact match
    rest: str  # what follows the title on the line


@functools.cache
def _title_table() -> dict[str, str]:
    """Every written form of a title (canonical and aliases) → canonical type, longest first."""
    table: dict[str, str] = {}
    for title in load_yaml("doc_types.yaml").get("other_titles") or ():
        table[title] = UNKNOWN_TYPE  # papers no rule reads: they start a document of their own, typed unknown
    for entry in doc_types():
        table[entry["type"]] = entry["type"]
        for alias in entry.get("aliases") or []:
            table[alias] = entry["type"]
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


@functools.cache
def _qualified_types() -> frozenset[str]:
    """Types whose title may follow a subject on its line (doc_types.yaml `qualified`)."""
    return frozenset(e["type"] for e in doc_types() if e.get("qualified"))


# The subject before a qualified title: a few characters of a field, never a sentence ("经鉴定出具…").
_FIELD_AFTER_TITLE = re.compile(r"(?:文号|编号|字号|号码|日期|名称)")
# Latin letters and digits name a method in it ("法医物证DNA鉴定意见书", "Y-STR").
# (a method's Latin acronym may open it: "DNA检验报告", held-out ind_gp01)
QUALIFIER_RE = re.compile(r"(?!经|根据|依照|依据|这是|出具|附|委托|聘请)(?=[\u4e00-\u9fff]|[A-Z]{2,6})[\u4e00-\u9fffA-Za-z0-9\-]{1,16}")


@functools.cache
def _title_re() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t) for t in _title_table())
    return re.compile(rf"({alternatives})")


@functools.cache
def _confusions() -> dict[int, str]:
    table = load_yaml("ocr_confusions.yaml")["title_confusions"]
    return str.maketrans({k: v for k, v in table.items() if k != v})


# A case system's export gives each document's name as a bracketed field: "【文书名称】受案登记表" (a form's "文书名称："
# names the document it serves, not itself).
_TITLE_FIELD = re.compile(r"^【(?:文书名称|文书标题|文书类型)】")


@functools.cache
def _shared_titles() -> tuple[tuple[str, re.Pattern[str], dict[str, re.Pattern[str]]], ...]:
    """doc_types.yaml `shared_titles`: (name, title pattern, kind -> signs in the body)."""
    return tuple((e["name"], re.compile(e["title"]), {k: re.compile(v) for k, v in e["types"].items()})
                 for e in load_yaml("doc_types.yaml").get("shared_titles") or ())


def resolve_shared_title(doc_type: str, body: str) -> str | None:
    """The kind a shared form's record is ("询问/讯问笔录" → 讯问笔录), read from its body; None when its signs are
    of both kinds or of neither. Any other type is returned as it is."""
    entry = next((e for e in _shared_titles() if e[0] == doc_type), None)
    if entry is None:
        return doc_type
    shown = [kind for kind, signs in entry[2].items() if signs.search(body)]
    return shown[0] if len(shown) == 1 else None


_CONTINUATION_MARKS = ("、", "，", ",", "；", ";")


# A hospital or another institution heading a paper no rule reads ("江州市临江区人民医院孕检报告单", held-out ind_er07).
_INSTITUTION_RE = re.compile(r"[\u4e00-\u9fff（）()]{2,30}?(?:医院|卫生院|保健院|卫生服务中心|门诊部|诊所)")


def match_title(line: str) -> TitleMatch | None:
    """Return the title a line announces, or None when the line is not a title line."""
    raw = SPACE_RE.sub("", line)
    if raw.startswith(_CONTINUATION_MARKS):
        return None  # "、执行取保候审通知书": the rest of a list wrapped from the line above (ind_bi05), never a title
    for name, pattern, _ in _shared_titles():
        if pattern.fullmatch(raw):
            return TitleMatch(name, raw, None, 100.0, "")
    field = _TITLE_FIELD.match(raw)
    if field and raw[field.end() :]:
        inner = match_title(raw[field.end() :])
        return None if inner is None else TitleMatch(inner.doc_type, inner.title, inner.organ, inner.score, inner.rest)
    compact = raw.translate(_confusions())  # 1:1 replacements: offsets into `raw` stay valid
    if not compact:
        return None
    if len(compact) > MAX_TITLE_LINE:
        return _run_on_title(raw, compact)
    table = _title_table()
    for m in _title_re().finditer(compact):
        prefix, rest = compact[: m.start()], compact[m.end() :]
        by_organ = ORGAN_RE.fullmatch(prefix) is not None or (
            table[m.group(1)] == UNKNOWN_TYPE and _INSTITUTION_RE.fullmatch(prefix) is not None)
        qualifiable = bool(prefix) and not by_organ and table[m.group(1)] in _qualified_types()
        qualified = qualifiable and QUALIFIER_RE.fullmatch(prefix) is not None
        # The institution's name before its qualified title ("宁安市公安局物证鉴定所 法医临床人体损伤程度鉴定意见书",
        # ind_bg03): the institution is the organ, the rest the title.
        issuer_end = _issuer_end(prefix) if qualifiable and not qualified else None
        if issuer_end is not None:
            return TitleMatch(table[m.group(1)], raw[issuer_end : m.end()], raw[:issuer_end], 100.0, raw[m.end() :]) \
                if TRAILER_RE.match(rest) or _is_number(rest) else None
        if prefix and not by_organ and not qualified:
            continue
        if _FIELD_AFTER_TITLE.match(rest):
            continue  # "取保候审决定书文号 成公武…号": a form's field naming another document, not a title
        # A judgment header often runs on: "…人民法院刑事判决书(2019)粤0000刑初00号公诉机关…".
        runs_on = bool(prefix) and re.match(r"^[（(〔\[]\d{4}", rest) is not None
        if not (TRAILER_RE.match(rest) or runs_on or _is_number(rest) or (by_organ and _spoken_head(rest))):
            continue
        organ = None if qualified else raw[: m.start()] or None  # as written, not confusion-mapped
        title = raw[: m.end()] if qualified else m.group(1)
        return TitleMatch(table[m.group(1)], title, organ, 100.0, raw[m.end() :])
    return _fuzzy_title(compact)


# An institution that issues qualified papers (an appraisal's 鉴定所, a price 认证中心), or any organ.
_ISSUER_RE = re.compile(rf"[\u4e00-\u9fff（）()]{{2,30}}?(?:{ORGAN_SUFFIX}|鉴定所|鉴定中心|鉴定研究所|鉴定室|鉴定科|认证中心|医院)")


def _issuer_end(prefix: str) -> int | None:
    """Where an issuer's name ends in `prefix` (its longest reading), when the rest of it (possibly nothing) qualifies
    a title."""
    for end in range(len(prefix), 1, -1):
        if _ISSUER_RE.fullmatch(prefix[:end]) and (end == len(prefix) or QUALIFIER_RE.fullmatch(prefix[end:])):
            return end
    return None


def _is_number(rest: str) -> bool:
    """The line goes on with nothing but a 文号 ("立案决定书甘公（刑）立字〔2016〕79号")."""
    m = NUMBER_RE.match(rest)
    return m is not None and not rest[m.end() :]


# The headline a publishing site puts before a judgment ("滕某、张某赌博一审刑事判决书"), left on the header's line
# when the text's line breaks were lost. A site's headline may misname the kind ("…抢夺一审民事判决书" over a 刑事判决书
# header): the header decides.
HEADLINE_RE = re.compile(
    r"[\u4e00-\u9fff、，,·*＊×0-9]{2,60}?(?:一审|二审|再审|复核|审判监督|一案)(?:刑事|民事)?(?:附带民事)?(?:判决书|裁定书|决定书)"
    r"(?:\.?docx?)?"  # a crawl's file name: "…一审刑事判决书doc"
)


# A form's note on its title line: which procedure the form is for ("（速裁程序专用）", "（简易程序适用）").
_FORM_NOTE_RE = re.compile(r"[（(][\u4e00-\u9fff]{2,10}[）)]")


def _run_on_title(raw: str, compact: str) -> TitleMatch | None:
    """A title at the head of a long run-on line: organ, title, 案号, then the first party.

    "浙江省德清县人民法院刑事判决书（2018）浙0521刑初267号公诉机关德清县人民检察院。被告人…" is a
    header (a publishing site's headline may come first); "经审查，XX人民法院刑事判决书（2018）…号认定…" or
    "附：拘留证复印件一份…" are not.
    """
    table = _title_table()
    headline = HEADLINE_RE.match(compact)
    for head in (0, headline.end()) if headline else (0,):
        for m in _title_re().finditer(compact, head):
            if m.start() - head > RUN_ON_HEAD:
                break
            prefix, rest = compact[head : m.start()], compact[m.end() :]
            if not prefix or not ORGAN_RE.fullmatch(prefix):
                continue
            note = _FORM_NOTE_RE.match(rest)  # "刑事判决书（速裁程序专用）（2020）粤0306刑初126号"
            number = NUMBER_RE.match(rest, note.end() if note else 0)
            if number is None or not PARTY_OPENING_RE.match(rest, number.end()):
                if not _spoken_head(rest):
                    continue
            return TitleMatch(table[m.group(1)], m.group(1), raw[head : m.start()], 100.0, raw[m.end() :])
    return None


# A header read out and transcribed, or pasted from a web page: the 文号 lost its brackets or is left out, and
# punctuation joins the parts ("…人民检察院起诉书，泸纳检刑诉2024 152号，本案由…", "…起诉书。被告人项某，男…").
_LOOSE_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}\d{4}[（(〔\[]?\d{1,6}[)）〕\]]?号")
_HEAD_JOIN = re.compile(r"[，,。.、]?")


def _spoken_head(rest: str) -> bool:
    """Does what follows a title on a run-on line read as the rest of a header: an optional 文号 in any form, then
    the first party or "本案由"?"""
    at = _HEAD_JOIN.match(rest).end()
    number = NUMBER_RE.match(rest, at) or _LOOSE_NUMBER.match(rest, at)
    if number is not None:
        at = _HEAD_JOIN.match(rest, number.end()).end()
    elif at == 0:
        return False  # neither a 文号 nor a mark between the title and what follows it
    if PARTY_OPENING_RE.match(rest, at) is not None or rest.startswith("本案由", at):
        return True
    # After a 文号, the first party may be named without a role ("…279号。袁某，于1990年9月21日出生").
    return number is not None and _BARE_PARTY.match(rest, at) is not None


_BARE_PARTY = re.compile(r"[\u4e00-\u9fff]{2,4}[，,（(](?:男|女|于\d|\d|身份证|公民身份|出生|绰号|曾用名|化名)")


_SENTENCE_MARK = re.compile(r"[。，；：,;:！？!?]")


def _fuzzy_title(compact: str) -> TitleMatch | None:
    """Tolerate one OCR confusion in a line that is nothing but a title (決定书, 取保侯审)."""
    if len(compact) < 4 or len(compact) > 16:
        return None
    if compact[0].isdigit():  # a numbered row of a 卷内目录 ("2立案决定书"), not a title line
        return None
    if _SENTENCE_MARK.search(compact):  # a body line wrapped before its last words ("不批准逮捕决定。")
        return None
    table = _title_table()
    best = process.extractOne(compact, list(table), scorer=fuzz.ratio, score_cutoff=86)
    if best is None:
        return None
    title, score, _ = best
    if abs(len(title) - len(compact)) > 1:
        return None
    return TitleMatch(table[title], compact, None, float(score), "")
