"""笔录 (records of interrogation and inquiry): whom each records and which one it is, decided once.

The suspect a 讯问笔录 records is named by its header or signature line ("犯罪嫌疑人姓名：张某某", "被讯问人：张某某"),
else by its first suspect introduction, else it is the case's only suspect. "第N次" is read from the record's head.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime, timedelta

from auditor.lexicon import load_yaml, organ_kind
from auditor.model import Document, PartyMention, Record
from auditor.text.dates import find_dates
from auditor.text.numerals import cn_to_int
from auditor.text.spacing import close_up
from auditor.text.tokens import DOTTED_NAME

RECORD_SUFFIX = "笔录"
INTERROGATION = "讯问笔录"
ANNOUNCEMENT = "宣布笔录"
_ORDINAL = re.compile(r"第\s*([0-9０-９一二三四五六七八九十]{1,3})\s*次")
_PERSON = rf"((?:{DOTTED_NAME})|[\u4e00-\u9fff×＊*ＸX·]{{2,5}})"
_RECORDED = re.compile(
    r"(?:犯罪嫌疑人姓名|被讯问人(?:姓名)?)(?:[ \t]*[:：][ \t]*|[ \t]+)" + _PERSON)  # colon optional
# In the head only, a bare role label names the person too ("犯罪嫌疑人：张某").
_RECORDED_HEAD = re.compile(r"^(?:犯罪嫌疑人|嫌疑人)[ \t]*[:：][ \t]*" + _PERSON, re.M)
# ... or with spaces for the colon ("犯罪嫌疑人 马国庆", ind_ay04), when the name is a suspect's.
_RECORDED_HEAD_SPACED = re.compile(r"^[ \t\u3000]*(?:犯罪嫌疑人|嫌疑人)[ \t\u3000]+" + _PERSON, re.M)
_ASKED_HEAD = re.compile(r"被询问人(?:姓名)?[ \t]*[:：][ \t]*" + _PERSON)
# A 宣布笔录 records the announcement to the person its head names ("被宣布人：周婷").
_ANNOUNCED = re.compile(r"被宣布人(?:姓名)?[ \t]*[:：](?P<field>[^\n]*)")
_SUSPECT_ROLES = frozenset({"犯罪嫌疑人", "被不起诉人", "被取保候审人", "被监视居住人", "被告人", "嫌疑人"})


_ORDINAL_ASKED = re.compile(r"(?:这是|现在是|今天是|本次是|现在对你进行|今天对你进行|对你进行)(?:对你的?|你的)?"
                            r"第\s*([0-9０-９一二三四五六七八九十]{1,3})\s*次(?:对你)?(?:进行)?讯问")
_ASKED_REACH = 300  # characters from the first question


@functools.cache
def _header_chars() -> int:
    return int(load_yaml("rights_notices.yaml")["header_chars"])


# The head ends where the questions start.
_FIRST_QUESTION = re.compile(r"^[ \t\u3000]*问[:：]", re.M)


def record_ordinal(doc: Document) -> tuple[int, tuple[int, int]] | None:
    """The record's "第N次" number and its span, read from the record's head (its first characters, or its lines
    before the first question: "（第四次讯问）" below a long head); None when not stated."""
    question = _FIRST_QUESTION.search(doc.text)
    head_end = max(_header_chars(), question.start() if question else 0)
    m = _ORDINAL.search(doc.text[: min(head_end, len(doc.text))])
    if not m and question:
        # …or the interrogator says it in the first questions ("这是对你的第三次讯问", ind_cg10)
        m = _ORDINAL_ASKED.search(doc.text, question.start(), question.start() + _ASKED_REACH)
    if not m:
        return None
    raw = m.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    number = int(raw) if raw.isdigit() else cn_to_int(raw)
    return (number, (m.start(), m.end())) if number else None


def recorded_person(doc: Document, mentions: list[PartyMention], persons: list[str]) -> str | None:
    """The suspect a 讯问笔录 records: its header or signature line, its first suspect party, else the only one."""
    head = "\n".join(doc.text.split("\n")[:HEAD_LINES])
    m = _RECORDED.search(doc.text) or _RECORDED_HEAD.search(head)
    if m:
        written = m.group(1)
        # The field may run on into the next label ("张某性别"): the longest suspect name it starts with; the name
        # itself first (钱浩 is not 钱浩然, two suspects).
        if written in persons:
            return written
        return next((p for p in sorted(persons, key=len, reverse=True) if written.startswith(p) or p.startswith(written)),
                    written)
    asked = _ASKED_HEAD.search(head)
    if asked:
        # A record whose head writes "被询问人" for the one questioned: his, whoever the answers name; none of the
        # suspects' where he is someone else (records_in marks it of_other).
        return next((p for p in sorted(persons, key=len, reverse=True)
                     if asked.group(1).startswith(p) or p.startswith(asked.group(1))), None)
    spaced = _RECORDED_HEAD_SPACED.search(head)
    if spaced:
        named = next((p for p in sorted(persons, key=len, reverse=True) if spaced.group(1).startswith(p)), None)
        if named:
            return named
    for mention in mentions:
        if mention.document_id == doc.id and mention.role in _SUSPECT_ROLES and mention.name:
            return next((p for p in persons if p.startswith(mention.name)), mention.name)
    return persons[0] if len(persons) == 1 else None


def announced_person(doc: Document, persons: list[str]) -> str | None:
    """The suspect a 宣布笔录 announces to, by its head's 被宣布人 field when it names one suspect of the case (a
    field naming several announces to each: no one person then)."""
    m = _ANNOUNCED.search("\n".join(doc.text.split("\n")[:HEAD_LINES]))
    named = [p for p in persons if m is not None and p in m.group("field")]
    return named[0] if len(named) == 1 else None


# The head of a record: its 时间 line ("时间：2021年3月15日20时30分至22时10分") and the officers who took it.
_TIME_LINE = re.compile(r"时[ \t\u3000]*间[ \t\u3000]*[:：]?")
# What a label may say in brackets: "（签名）", "侦查员（讯问人）：" (ind_af08); not "侦查人员（出示工作证件）" in a question.
# …or the field's contents: "侦查员（姓名、单位）：袁某（滨江分局经侦大队）" (ind_cx04)
_QUALIFIER = r"(?:签[名字]|讯问人员?|询问人员?|侦查员|记录[人员]|主办人?|协办人?|姓名(?:、(?:工作)?单位)?)"
# OCR may drop the colon after a full "姓名、单位" label: the name follows at once ("侦查员姓名、单位闫某、柯某，…", ind_cb04).
_COLON_LOST = r"(?<=姓名、单位)(?=[\u4e00-\u9fff])"
# …or name its field after the bracket: "侦查员（记录员）姓名：任某", "侦查员（记录员）姓名及工作单位：高某、聂某" (held-out ind_fo09)
_NAME_FIELD = r"(?:姓名(?:及|、|和)?(?:工作)?(?:单位)?)"
_OFFICER_LABEL = re.compile(
    r"(?<!被)(?:讯问人|询问人|讯问人员|询问人员|侦查员|侦查人员|办案人员?|检察官|检察人员|检察员|主持人)(?:姓名)?(?:、(?:工作)?单位)?"
    rf"(?:[（(]{_QUALIFIER}[）)]{_NAME_FIELD}?[ \t\u3000]*[:：]?|[ \t\u3000]*[:：]|[ \t\u3000]+|{_COLON_LOST})"
)  # a form may print its labels without a colon ("讯问人 吴志成    工作单位 …", "讯问人（签名）吴志成"), or qualify
# them in brackets ("侦查员（讯问人）：盛宏、卢晓峰", ind_af08)
_ORGAN_WORDS = re.compile(r"公安|检察|派出所|大队|中队|支队|分局|法院|单位")
_RECORDER_LABEL = re.compile(r"(?:记录人|记录员|书记员)(?:姓名)?(?:、(?:工作)?单位)?"
                             rf"(?:[（(]{_QUALIFIER}[）)][ \t\u3000]*[:：]?|[ \t\u3000]*[:：]|[ \t\u3000]+|{_COLON_LOST})")
_ANY_LABEL = re.compile(r"[\u4e00-\u9fff]{2,6}[ \t\u3000]*[:：]")
_KNOWN_LABEL = re.compile(r"(?:工作单位|所在单位|单位|翻译人|翻译|地点|被讯问人|被询问人|性别)[ \t\u3000]*[:：]")
_BARE_UNIT_LABEL = re.compile(r"[ \t\u3000]+(?:工作单位|所在单位|单位)[ \t\u3000]")  # "曾某、苏某 工作单位 某分局"
_OTHER_FIELDS = ("地点", "性别", "出生", "被讯问人", "被询问人", "身份")
# A two-character name padded to a three-character field's width: "杨 帆、罗建新" (ind_cr01).
_PADDED_NAME = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])[ \t\u3000]{1,2}([\u4e00-\u9fff])(?![\u4e00-\u9fff])")
_NAME_RUN = re.compile(rf"{DOTTED_NAME}|[\u4e00-\u9fff·]{{2,4}}")
# (…"助理检察员邱某", held-out ind_gr06; "代理检察员", "主任检察官", "一级警长")
_TITLE_BEFORE_NAME = re.compile(r"(?:(?<=^)|(?<=[、，,\s]))(?:检察官助理|助理检察员|代理检察员|主任检察官|员额检察官|检察官|检察员|书记员"
                                r"|侦查员|民警|警官|[一二三四]级警长)(?=[\u4e00-\u9fff])")
# ("记录人：同上" names the officer above again, held-out ind_gt02: no second officer)
_NOT_OFFICER = re.compile(r"^(?:民警|警官|侦查|大队|中队|派出所|公安|检察|单位|姓名|记录|讯问|询问|刑事|书记|本院|本局|同上|同前)")
# A name the head itself marks as no police officer ("记录员：蒋丽（辅警）", ind_cs03): an auxiliary may keep the record,
# never count as one of the two investigators (CPL 2018 Art. 118, 公安规定 2020 Art. 202).
# …or before it: "记录员姓名、单位：实习生 林晓（某分局）" (held-out ind_dl06).
_AUXILIARY_WORDS = r"(?:辅警|协警|协勤|警务辅助人员|文职(?:人员)?|见习(?:民警)?|实习(?:生|民警)?)"
_AUXILIARY = re.compile(rf"[\u4e00-\u9fff·]{{2,4}}[（(]{_AUXILIARY_WORDS}[）)]"
                        rf"|(?:(?<=^)|(?<=[、，,\s：:])){_AUXILIARY_WORDS}[ \t\u3000]*[\u4e00-\u9fff·]{{2,4}}")
HEAD_LINES = 12


def record_times(doc: Document) -> tuple[datetime | None, datetime | None, tuple[int, int] | None]:
    """Start and end of the record from its 时间 line in the head (the end may omit the date: "至22时10分")."""
    lines = doc.text.split("\n")[:HEAD_LINES]
    pos = 0
    for line in lines:
        m = _TIME_LINE.search(line)
        if m and "出生" not in line:
            dates = [d for d in find_dates(line) if d.hour is not None or d.year is not None]
            began = _moment(dates[0]) if dates else None
            ended = None
            if len(dates) > 1 and began is not None:
                second = dates[1]
                day = second.as_date() or began.date()
                ended = datetime.combine(day, second.clock()) if second.clock() else None
                if ended is not None and ended < began and second.as_date() is None:
                    ended += timedelta(days=1)  # "23时至次日1时" written as "至1时"
            if began is not None:
                return began, ended, (pos + m.start(), pos + len(line))
        pos += len(line) + 1
    return None, None, None


def _moment(d) -> datetime | None:  # DateMention -> datetime when it has both a date and a clock time
    day, clock = d.as_date(), d.clock()
    return datetime.combine(day, clock) if day and clock else None


# A name broken by a line end right after its field's label ("讯问人（签名）：林\n志鹏、黄思远"): no name is one character.
_BROKEN_NAME = re.compile(r"[:：][ \t\u3000]*[\u4e00-\u9fff]$")


# A two-character name padded to a field's width between two words ("罗勇 陈 超 南明分局刑侦大队", ind_b10): joined before
# spaced-out words are closed up, which would glue it to the unit after it.
_FLANKED_PAD = re.compile(r"(?<=[\u4e00-\u9fff]{2}[ \t\u3000])([\u4e00-\u9fff])[ \t\u3000]([\u4e00-\u9fff])"
                          r"(?=[ \t\u3000]+[\u4e00-\u9fff]{2})")


def _head_lines(doc: Document) -> list[str]:
    """The record's head lines, spaced-out words closed up and names broken at a line end joined again."""
    lines = [close_up(_FLANKED_PAD.sub(r"\1\2", line))  # "讯问人（ 签 名 ） ："
             for line in doc.text.split("\n")[: HEAD_LINES + 1]]
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if out and _BROKEN_NAME.search(prev) and (_OFFICER_LABEL.search(prev) or _RECORDER_LABEL.search(prev)) \
                and re.match(r"[\u4e00-\u9fff]", line):
            out[-1] = prev + line
        else:
            out.append(line)
    return out[:HEAD_LINES]


def record_officers(doc: Document) -> tuple[tuple[str, ...], tuple[int, int] | None]:
    """The officers named in the record's head (讯问人 / 侦查员 …, then 记录人), distinct, in order."""
    head = "\n".join(_head_lines(doc))
    same = doc.text.startswith(head)  # offsets into the head are offsets into the text
    names: list[str] = []
    span = None
    for label in (_OFFICER_LABEL, _RECORDER_LABEL):
        # The officers' own field read no name (left blank, or an OCR'd line beyond reading, real xwbl_001): who
        # questioned is not stated, whoever kept the record.
        if label is _RECORDER_LABEL and not names:
            return (), None
        for m in label.finditer(head):
            line_end = head.find("\n", m.end())
            field = head[m.end() : line_end if line_end >= 0 else len(head)]
            # The field runs to the next label on the line
            # ("讯问人：王某、李某  记录人：李某", "讯问人：王某、李某    工作单位：某某分局刑侦大队").
            # A known label ends the field where it starts; a generic "xxxx：" only when none is known, since OCR may
            # glue the last name to the next label ("胡斌工作单位：") and the generic label would take the name too.
            known = [x.start() for x in (_RECORDER_LABEL.search(field), _OFFICER_LABEL.search(field),
                                         _KNOWN_LABEL.search(field), _BARE_UNIT_LABEL.search(field)) if x]
            generic = _ANY_LABEL.search(field)
            cut = min(known) if known else generic.start() if generic else len(field)
            # Names are joined by 、 or spaces; a comma may start the officers' unit ("张三、李四，某某公安局"), and so
            # may a space ("吴志成    工作单位 天河区分局", "徐立群、潘浩 临川县公安局刑事侦查大队", ind_di04).
            # A title before each name ("检察官周文涛、检察官助理林珊", ind_ai01) is no organ's name.
            names_only = _TITLE_BEFORE_NAME.sub("", re.sub(r"[（(][^）)]*[）)]", "", _AUXILIARY.sub("", field[:cut])))
            parts = re.split(r"[，,]|[ \t\u3000]+", names_only.strip())
            field = " ".join(p for p in parts if not _ORGAN_WORDS.search(p) and not p.startswith(_OTHER_FIELDS))
            field = _PADDED_NAME.sub(r"\1\2", field)
            for n in _NAME_RUN.findall(field):
                if not _NOT_OFFICER.match(n) and n not in names:
                    names.append(n)
            span = span or ((m.start(), m.end()) if same else _span_in(doc.text, m.group(0)))
    return tuple(names), span


# The officers' own words opening the questioning: "问：我们是云峰市栖霞区人民检察院的检察人员（出示证件），…".
_SELF_INTRODUCTION = re.compile(r"我们是([^。，,；;？?\n]{2,40}?)的(?:侦查人员|侦查员|检察人员|检察官|办案人员|工作人员|民警|审判人员|法官)")
_INTRODUCTION_WITHIN = 1500


def record_organ_kind(doc: Document) -> str | None:
    """police | procuratorate | court: the kind of organ the officers serve, by whom they say they are when they open
    the questioning, else when the lines of the record's head name one kind only (a procurator's 讯问笔录 in 审查起诉:
    "侦查员姓名、单位：检察官 某某  某区人民检察院"). The introduction is what was said to the person questioned; a head's
    form may be the other organ's ("检察人员姓名、单位：廖某、温某 某分局网络安全保卫大队", held-out ind_gf07)."""
    said = _SELF_INTRODUCTION.search(doc.text, 0, _INTRODUCTION_WITHIN)
    if said and (kind := organ_kind(said.group(1))):
        return kind
    kinds = {organ_kind(line) for line in _head_lines(doc)
             if _OFFICER_LABEL.search(line) or _RECORDER_LABEL.search(line)}
    kinds.discard(None)
    return next(iter(kinds)) if len(kinds) == 1 else None


def _span_in(text: str, label: str) -> tuple[int, int] | None:
    """Where a label read from the closed-up head stands in the text as written (spaces and breaks allowed)."""
    pattern = r"[ \t\u3000\n]*".join(map(re.escape, re.sub(r"[ \t\u3000]", "", label)))
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


def records_in(doc: Document, mentions: list[PartyMention], persons: list[str]) -> list[Record]:
    if not doc.type.endswith(RECORD_SUFFIX):
        return []
    ordinal = record_ordinal(doc)
    person = recorded_person(doc, mentions, persons) if doc.type == INTERROGATION else (
        announced_person(doc, persons) if doc.type == ANNOUNCEMENT else None)
    began, ended, time_span = record_times(doc)
    officers, officers_span = record_officers(doc)
    of_other = doc.type == INTERROGATION and person is None and bool(persons) \
        and _ASKED_HEAD.search("\n".join(doc.text.split("\n")[:HEAD_LINES])) is not None
    return [Record(document_id=doc.id, kind=doc.type, person=person, ordinal=ordinal[0] if ordinal else None,
                   ordinal_span=ordinal[1] if ordinal else None, began=began, ended=ended, time_span=time_span,
                   officers=officers, officers_span=officers_span, organ_kind=record_organ_kind(doc), of_other=of_other)]
