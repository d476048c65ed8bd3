"""Dates and times as written in case files: full, partial, masked, relative (同年/次日…) and OCR-damaged.

One regex (compiled at import) finds every candidate; a single pass over the matches then resolves
relative mentions against the nearest preceding date. Bare numbers are never read as times, and
case numbers, article numbers, amounts, ID and phone numbers never match (they lack 年/月/日 or the
separators a numeric date needs).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from auditor.text.numerals import cn_to_int

RELATIVE_WORDS = ("同年", "同月", "次日", "翌日", "当日", "同日", "当天")

# --- regex building blocks -------------------------------------------------------------------
_S = r"[ \t\u3000\r\n]{0,3}"  # PDF/OCR text puts spaces and line breaks inside dates
_D = "0-9０-９"
_CN = "〇○零一二三四五六七八九十"
_MASK = r"[*＊XxＸｘ×某?？]{1,2}"
# A year in numerals, a character at a time; a signature block spaced out for the seal may set one space between them
# ("二 0 二0 年 三月十 七 日"), as it may inside a month or day.
_CN_DIGIT = "[〇○零OoＯ0０一二三四五六七八九]"
# 元月: January in letters and signature blocks ("二〇二三年元月十一日", ind_w01).
_CN_MONTH = r"元|[一二三四五六七八九十](?:[ \u3000]?[一二三四五六七八九十]){0,2}"
_CN_DAY = r"[一二三四五六七八九十廿卅](?:[ \u3000]?[一二三四五六七八九十廿卅]){0,2}"
# OCR reads 1 as l / I and 0 as Q inside a year too ("20l5年", "2Q15年"): only right before 年.
_YEAR = rf"(?<![{_D}OoＯ])[12１２](?:[{_D}OoＯ]{{3}}|(?=[{_D}OoＯlIQ]{{3}}年)[{_D}OoＯlIQ]{{3}})(?![{_D}])|(?<![{_CN}])(?=[0０]?[〇○零OoＯ一二三四五六七八九]){_CN_DIGIT}(?:[ \u3000]?{_CN_DIGIT}){{3}}"
# OCR reads 1 as l / I and 0 as O / o inside a month or day ("8月l0日"); a letter never starts one on its own.
_MONTH = rf"(?=[lIOo]?[{_D}])[{_D}lI][{_D}OolI]?|{_CN_MONTH}"
_DAY = rf"(?=[lIOo]?[{_D}])[{_D}lI][{_D}OolI]?|{_CN_DAY}"
# OCR reads 日 as 曰 or 口 ("同年11月25口经…批准"), or as "_0" before a clock time ("时间：2015年10月15_0 20时10分", a
# record's head, real round bb).
_DAY_SUFFIX = r"(?:[日曰号]|口(?![岸径供头述])|_0(?=[ \t]{0,2}\d{1,2}[ \t]{0,2}时))"
_PERIOD = "凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜间|夜里|深夜|半夜|午夜|晚间|晚"
_HOUR = rf"[{_D}]{{1,2}}|[零〇两{_CN}]{{1,3}}"
_MINUTE = rf"[{_D}]{{1,2}}|[零〇{_CN}]{{1,3}}"
_APPROX = "许|左右"


def _time(p: str) -> str:
    """Clock time after a date: 14时30分 / 下午2时许 / 零时许 / 14:30 (groups prefixed by p)."""
    return (
        rf"{_S}(?:(?P<{p}per>{_PERIOD}){_S})?"
        rf"(?:(?P<{p}h>{_HOUR}){_S}[时点](?:钟)?(?:{_S}(?P<{p}mi>{_MINUTE}){_S}分|(?P<{p}half>半))?"
        rf"|(?P<{p}ch>[0-9]{{1,2}})[:：](?P<{p}cm>[0-9]{{2}}))"
        rf"(?:{_S}(?P<{p}ax>{_APPROX}))?"
    )


def _day_tail(p: str) -> str:
    """Optional clock time, or an approximation mark, after a day."""
    return rf"(?:{_time(p)}|{_S}(?P<{p}dax>{_APPROX}))?"


_PATTERN = re.compile(
    # 2023年3月5日[14时30分] / 二〇二三年三月五日 / 1973年**月**日 / 2018年10月 / 2017年
    rf"(?P<FULL>(?P<fy>{_YEAR}){_S}年"
    rf"(?:{_S}(?P<fm>{_MONTH}|{_MASK}){_S}月"
    rf"(?:{_S}(?P<fd>{_DAY}|{_MASK}){_S}{_DAY_SUFFIX}{_day_tail('f')})?)?)"
    # 2023-03-05 / 2023.3.5 / 2023/3/5 (same separator twice, no trailing digits or parts)
    rf"|(?P<NUM>(?<![{_D}.\-/／－])(?P<ny>(?:19|20)[0-9]{{2}})(?P<sep>[-./／－])(?P<nm>[0-9]{{1,2}})"
    rf"(?P=sep)(?P<nd>[0-9]{{1,2}})(?![{_D}]|[-./／－][0-9]){_day_tail('n')})"
    # 同年4月10日 / 同年 / 同月12日 / 次日 / 当日… ("之次日", "的次日" are legal-term offsets, not dates)
    rf"|(?P<REL>(?P<rel1>同年)(?:{_S}(?P<rm>{_MONTH}){_S}月(?:{_S}(?P<rd>{_DAY}){_S}{_DAY_SUFFIX})?)?{_day_tail('r')}"
    rf"|(?P<rel2>同月){_S}(?P<rd2>{_DAY}){_S}{_DAY_SUFFIX}{_day_tail('s')}"
    rf"|(?<![之的])(?P<rel3>次[日曰]|翌[日曰]|当[日曰]|同[日曰]|当天){_day_tail('t')})"  # 曰: OCR's 日
    # 10月10日 (year from context)
    rf"|(?P<MD>(?<![{_D}{_CN}月个廿卅Oo])(?P<mm>{_MONTH}){_S}月{_S}(?P<md>{_DAY}){_S}{_DAY_SUFFIX}{_day_tail('m')})"
    # standalone clock time; acceptance is decided in code (never a bare number)
    rf"|(?P<TIME>(?<![{_D}{_CN}两])(?:(?P<xper>{_PERIOD}){_S})?(?P<xh>{_HOUR}){_S}[时点](?:钟)?"
    rf"(?:{_S}(?P<xmi>{_MINUTE}){_S}分|(?P<xhalf>半))?(?:{_S}(?P<xax>{_APPROX}))?)"
)

# As a field's value ("到案时间：23年5月6日"), after a space or a line's indent (a signature "  14年3月10日"), or
# after 于 / 在 ("于14年3月7日提出控告", ind_ac09); not right after another character (OCR's "逆15年": a year whose
# first digits were misread).
# (…or a range's ends: "期限自23年1月11日起至24年1月10日止", held-out ind_fj09)
_SHORT_YEAR = re.compile(r"(?:(?<=[：:\s于在（(自至从，,、])|(?<=^))([0-9]{2})年$")

_AFTERNOON = {"下午", "傍晚", "晚上", "夜间", "夜里", "深夜", "晚间", "晚"}


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets into the text given; text == source[start:end]
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    hour: int | None = None
    minute: int | None = None
    relative: str | None = None  # 同年/同月/次日/翌日/当日/同日/当天 when the mention used one
    approximate: bool = False  # 许 / 左右

    @property
    def iso(self) -> str | None:
        d = self.as_date()
        return d.isoformat() if d else None

    @property
    def time(self) -> str | None:
        if self.hour is None:
            return None
        return f"{self.hour:02d}:{self.minute or 0:02d}"

    def clock(self) -> dt.time | None:
        """The clock time stated with the date (None when none is)."""
        if self.hour is None:
            return None
        try:
            return dt.time(self.hour, self.minute or 0)
        except ValueError:
            return None

    def as_date(self) -> dt.date | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


@dataclass
class DateRange:
    start: int
    end: int
    text: str
    begin: DateMention
    end_: DateMention


# --- parsing helpers ---------------------------------------------------------------------------


_OCR_DIGITS = str.maketrans({"Ｏ": "0", "O": "0", "o": "0", "Q": "0", "l": "1", "I": "1", "元": "一", " ": None, "\u3000": None})


def _num(s: str | None) -> int | None:
    if s is None:
        return None
    return cn_to_int(s.translate(_OCR_DIGITS))


def _year(s: str) -> int | None:
    y = _num(s)
    return y if y is not None and 1900 <= y <= 2100 else None


def _ymd(y: int | None, m_s: str | None, d_s: str | None) -> tuple[int | None, int | None, int | None]:
    """Validated (year, month, day): a masked or impossible part and everything finer become None."""
    m = _num(m_s)
    if m is None or not 1 <= m <= 12:
        return y, None, None
    d = _num(d_s)
    if d is None or y is None:
        return y, m, d if d is not None and 1 <= d <= 31 else None
    try:
        dt.date(y, m, d)
    except ValueError:
        return y, m, None
    return y, m, d


def _clock(m: re.Match[str], p: str) -> tuple[int | None, int | None, bool]:
    """(hour, minute, approximate) from the time groups with prefix p; invalid clocks give None."""
    g = m.groupdict()
    approx = bool(g.get(p + "ax") or g.get(p + "dax"))
    if g.get(p + "ch"):
        h, mi = int(g[p + "ch"]), int(g[p + "cm"])
    else:
        h = _num(g.get(p + "h"))
        if h is None:
            return None, None, approx
        mi = 30 if g.get(p + "half") else _num(g.get(p + "mi"))
        per = g.get(p + "per")
        if per in _AFTERNOON and h < 12:
            h += 12
        elif per == "中午" and 1 <= h <= 2:
            h += 12
    if not 0 <= h <= 24 or (mi is not None and not 0 <= mi <= 59) or (h == 24 and mi):
        return None, None, approx
    return h, mi, approx


def _standalone_time_ok(m: re.Match[str]) -> bool:
    """A bare hour is a time only with something that makes it one: a period word, minutes, 许/左右,
    or Arabic digits before 时 (一时冲动, 三点意见 are not times)."""
    if m.group("xper") or m.group("xmi") or m.group("xax") or m.group("xhalf"):
        return True
    return m.group("xh")[0] in "0123456789０１２３４５６７８９" and m.group(0)[-1] == "时"


# --- public API --------------------------------------------------------------------------------


def find_dates(text: str, anchor: dt.date | None = None) -> list[DateMention]:
    """Every date / date-time / time mention in order, relative ones resolved (see module doc).

    Several extractors read the same document's dates: the mentions of a text are found once (a small cache of
    recent texts) and each caller gets its own list.
    """
    if not isinstance(text, str) or not text:
        return []
    found = _find_dates(text, None)
    if anchor is not None and _needs_anchor(text, found):
        found = _find_dates(text, anchor)
    return list(found)


def _needs_anchor(text: str, found: tuple[DateMention, ...]) -> bool:
    """Does a mention before the text's first year lean on the context an anchor gives (次日, 同年, 3月5日)?
    Otherwise the anchored reading is the unanchored one, already cached for the other readers of the text."""
    for m in found:
        if m.relative is not None or (m.year is None and (m.month is not None or m.day is not None)):
            return True
        if m.as_date() is not None and not is_birth_date(text, m):
            return False  # a full date replaces the whole context
    return False


# A birth date ("（男，1985年6月2日出生）", "出生日期：1985年6月2日", "生日为…") dates a person, never an act; nor does
# it give the year of a later "9月26日" or "同年" (a record's header names the suspect's birth after its own date).
_BIRTH_AFTER = re.compile(r"\s*(?:[（(][^（）()]{0,24}[）)]\s*)?(?:出生|生[，,。；;）)\s]|生$)")  # "…日（户籍登记为…）出生"
_BIRTH_BEFORE = re.compile(r"(?:出生日期|出生年月日?|出生时间|出生于|生于|生日)[：:为\s]*$")


# An ID number right beside a date that it encodes: a table row "马国梁 男 1985.09.02 340404198509025270 逮捕（在押）"
# (ind_av03) gives the birth date, not the day of the measure in the next cell.
_ID_AFTER = re.compile(r"[\s|｜│┃,，、]{0,4}\d{6}(\d{8})\d{3}[\dXx]")
_ID_BEFORE = re.compile(r"\d{6}(\d{8})\d{3}[\dXx][\s|｜│┃,，、]{0,4}$")


def is_birth_date(text: str, mention: DateMention) -> bool:
    """Is `mention` (found in `text`) a person's birth date?"""
    if _BIRTH_AFTER.match(text, mention.end) or _BIRTH_BEFORE.search(text, max(0, mention.start - 8), mention.start):
        return True
    if mention.year is None or mention.month is None or mention.day is None:
        return False
    encoded = f"{mention.year:04d}{mention.month:02d}{mention.day:02d}"
    beside = _ID_AFTER.match(text, mention.end) or _ID_BEFORE.search(text, max(0, mention.start - 24), mention.start)
    return beside is not None and beside.group(1) == encoded


@functools.lru_cache(maxsize=4096)
def _find_dates(text: str, anchor: dt.date | None) -> tuple[DateMention, ...]:
    out: list[DateMention] = []
    # Resolution context: nearest preceding year, (year, month) and full date.
    ctx_y: int | None = anchor.year if anchor else None
    ctx_ym: tuple[int, int] | None = (anchor.year, anchor.month) if anchor else None
    ctx_full: dt.date | None = anchor
    for m in _PATTERN.finditer(text):
        hour = minute = None
        approx = False
        rel = None
        if m.group("FULL") is not None:
            y = _year(m.group("fy"))
            if y is None:
                continue
            y, mo, d = _ymd(y, m.group("fm"), m.group("fd"))
            if m.group("fd") is not None:
                hour, minute, approx = _clock(m, "f")
        elif m.group("NUM") is not None:
            y, mo, d = _ymd(_year(m.group("ny")), m.group("nm"), m.group("nd"))
            if mo is None or d is None:
                continue  # 2015.13.40 is a number, not a damaged date
            hour, minute, approx = _clock(m, "n")
        elif m.group("REL") is not None:
            if m.group("rel1"):
                rel = "同年"
                y, mo, d = _ymd(ctx_y, m.group("rm"), m.group("rd"))
                hour, minute, approx = _clock(m, "r")
            elif m.group("rel2"):
                rel = "同月"
                y, mo = ctx_ym if ctx_ym else (None, None)
                y, mo, d = _ymd(y, str(mo) if mo else None, m.group("rd2"))
                hour, minute, approx = _clock(m, "s")
            else:
                rel = m.group("rel3").replace("曰", "日")
                base = ctx_full + dt.timedelta(days=1) if ctx_full and rel in ("次日", "翌日") else ctx_full
                y, mo, d = (base.year, base.month, base.day) if base else (None, None, None)
                hour, minute, approx = _clock(m, "t")
        elif m.group("MD") is not None:
            # 去年/明年3月5日: the year is relative to a date we do not know, so it stays unknown. A two-digit year
            # ("23年5月6日", a form filled in a hurry) is this century's (or, from 50 on, the last one's).
            year_word = m.start() > 0 and text[m.start() - 1] == "年"
            short = _SHORT_YEAR.search(text, max(0, m.start() - 4), m.start()) if year_word else None
            if short is not None:
                yy = int(short.group(1))
                y, mo, d = _ymd(2000 + yy if yy < 50 else 1900 + yy, m.group("mm"), m.group("md"))
                if mo is not None:
                    hour, minute, approx = _clock(m, "m")
                    mention = DateMention(short.start(), m.end(), text[short.start() : m.end()], y, mo, d, hour, minute,
                                          None, approx)
                    out.append(mention)
                    ctx_y, ctx_ym, ctx_full = y, (y, mo), mention.as_date() or ctx_full
                    continue
            y, mo, d = _ymd(None if year_word else ctx_y, m.group("mm"), m.group("md"))
            if mo is None:
                continue
            if year_word and ctx_ym is not None and ctx_ym[1] != mo:
                ctx_ym = ctx_full = None  # "逆15年10月21日…同月22日": 同月 is October of a year we cannot read
            hour, minute, approx = _clock(m, "m")
        else:
            if not _standalone_time_ok(m):
                continue
            y = mo = d = None
            hour, minute, approx = _clock(m, "x")
            if hour is None:
                continue
        mention = DateMention(m.start(), m.end(), m.group(0), y, mo, d, hour, minute, rel, approx)
        out.append(mention)
        # Update context; a coarser mention that disagrees makes finer context stale.
        if y is not None and not (m.group("FULL") is not None and is_birth_date(text, mention)):
            if mo is None:
                if ctx_y != y:
                    ctx_ym, ctx_full = None, None
            else:
                if ctx_ym != (y, mo):
                    ctx_full = None
                ctx_ym = (y, mo)
            ctx_y = y
            ctx_full = mention.as_date() or ctx_full
    return tuple(out)


# ("从2023年6月21日起算至2024年12月20日止", "从2024年1月22日起算，至2024年9月21日止", held-out ind_fa02, ind_fa03)
_RANGE_JOIN = re.compile(r"[ \t\u3000\r\n]{0,3}(?:(?:起算|起)[，,]?)?[ \t\u3000\r\n]{0,3}(?:至|到|—|－|-|~|～)[ \t\u3000\r\n]{0,3}")
_RANGE_OPEN = re.compile(r"(?:自|从)[ \t\u3000]{0,2}$")
_RANGE_CLOSE = re.compile(r"[ \t\u3000]{0,2}(?:止|间|期间)")
# Continuations that borrow year/month from the beginning: 2018年9月至10月, 2023年3月5日至10日.
_TAIL_MONTH = re.compile(rf"(?P<m>{_MONTH}){_S}月(?:{_S}(?P<d>{_DAY}){_S}{_DAY_SUFFIX})?")
_TAIL_DAY = re.compile(rf"(?P<d>{_DAY}){_S}{_DAY_SUFFIX}")


def find_date_ranges(text: str, anchor: dt.date | None = None) -> list[DateRange]:
    """自X起至Y止 / X至Y / X—Y ranges between two date mentions (Y may omit the year or month)."""
    if not isinstance(text, str) or not text:
        return []
    mentions = find_dates(text, anchor)
    by_start = {mm.start: mm for mm in mentions}
    out: list[DateRange] = []
    for begin in mentions:
        if begin.year is None or begin.relative in ("次日", "翌日", "当日", "同日", "当天") and begin.month is None:
            continue
        join = _RANGE_JOIN.match(text, begin.end)
        if not join:
            continue
        end_ = by_start.get(join.end()) or _tail(text, join.end(), begin)
        if end_ is None or end_.year is None:
            continue
        opener = _RANGE_OPEN.search(text, max(0, begin.start - 4), begin.start)
        start = opener.start() if opener else begin.start
        close = _RANGE_CLOSE.match(text, end_.end)
        stop = close.end() if close else end_.end
        out.append(DateRange(start, stop, text[start:stop], begin, end_))
    return out


def _tail(text: str, pos: int, begin: DateMention) -> DateMention | None:
    """A range end written without year (or month), completed from the beginning."""
    m = _TAIL_MONTH.match(text, pos)
    if m and begin.month is not None:
        if m.group("d") is None and begin.day is not None:
            return None  # 2023年3月5日至10月: not a sensible range end
        y, mo, d = _ymd(begin.year, m.group("m"), m.group("d"))
        if mo is None:
            return None
        return DateMention(m.start(), m.end(), m.group(0), y, mo, d)
    m = _TAIL_DAY.match(text, pos)
    if m and begin.day is not None:
        y, mo, d = _ymd(begin.year, str(begin.month), m.group("d"))
        if d is None:
            return None
        return DateMention(m.start(), m.end(), m.group(0), y, mo, d)
    return None


def parse_date(s: str) -> dt.date | None:
    """The date written in `s` when `s` is exactly one full date (optionally with a time), else None."""
    if not isinstance(s, str):
        return None
    t = s.strip()
    found = find_dates(t)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(t) or found[0].relative:
        return None
    return found[0].as_date()


# --- a signature date whose year a seal covers ---------------------------------------------------------------------
# The seal is stamped over the year of the signature date ("骑年盖月"); on a scan its star or ring reads as a stray mark
# where "3年" was: "202￥3月3日", "20,年3月25日", "203年3月10日", "20233月22日", "202.€3月2EI", "二〇二十三月二十六日".
# What is left: the year's first digits, then month and day (OCR reads 日 as E / EI too, here only).
_SEALED_DAY_SUFFIX = r"(?:[日曰]|E[Il1]?(?![A-Za-z]))"
_SEALED = re.compile(
    rf"(?<![{_D}])(?P<y>(?:19|20)[{_D}]{{0,2}})[ \t]?(?P<junk>[^\d\s年月日]{{0,2}})[ \t]?(?P<nian>年?)[ \t]?"
    rf"(?P<m>1[0-2]|0?[1-9])月{_S}(?P<d>3[01]|[12][0-9]|0?[1-9]){_S}{_SEALED_DAY_SUFFIX}"
    rf"|(?<![{_CN}])(?P<cy>[二一][〇○零O0](?:[〇○零O0一二][〇○零O0一二三四五六七八九]?)?)(?P<cjunk>[^\s年月日]{{0,2}})"
    rf"(?P<cnian>年?)(?P<cm>{_CN_MONTH})月(?P<cd>{_CN_DAY})[日曰]"
)


@dataclass(frozen=True)
class SealedDate:
    """A date whose year is damaged: `prefix` holds the year's digits still legible ("202")."""

    start: int
    end: int
    text: str
    prefix: str
    month: int
    day: int


def find_sealed_dates(text: str) -> list[SealedDate]:
    """Dates whose year is not legible in full (see _SEALED); a date readable as written is never one."""
    out = []
    for m in _SEALED.finditer(text):
        if m.group("y") is not None:
            prefix, junk, nian, month, day = m.group("y"), m.group("junk"), m.group("nian"), m.group("m"), m.group("d")
        else:
            prefix, junk, nian, month, day = (m.group("cy"), m.group("cjunk"), m.group("cnian"), m.group("cm"),
                                              m.group("cd"))
        digits = "".join(str(_num(c)) for c in prefix)
        if len(digits) == 4 and nian and not junk:
            continue  # a whole date
        month_n, day_n = _num(month), _num(day)
        if month_n is None or day_n is None or not 1 <= month_n <= 12 or not 1 <= day_n <= 31:
            continue
        out.append(SealedDate(m.start(), m.end(), m.group(0), digits, month_n, day_n))
    return out


def _fits(year: str, prefix: str) -> bool:
    """The legible digits agree with the year: its first digits ("202"), or three of four with one lost ("203" for
    2023)."""
    if year.startswith(prefix[:3]):
        return True
    return len(prefix) == 3 and year[:2] == prefix[:2] and year[3] == prefix[2]


def infer_sealed_year(sealed: SealedDate, context: list[dt.date]) -> dt.date | None:
    """The date in the year nearest the latest of `context` (the dates the same paper states legibly) that agrees
    with the legible digits; None without context or when no such year fits."""
    if not context:
        return None
    latest = max(context)
    best: dt.date | None = None
    for year in (latest.year - 1, latest.year, latest.year + 1):
        if not _fits(str(year), sealed.prefix):
            continue
        try:
            day = dt.date(year, sealed.month, sealed.day)
        except ValueError:
            continue
        if best is None or abs((day - latest).days) < abs((best - latest).days):
            best = day
    return best
