"""Durations (期限: 十二个月, 一年六个月, 三日以内, 二十四小时, 半个月) and money amounts (人民币五千元)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from auditor.lexicon import load_yaml
from auditor.model import Document, Term
from auditor.text.dates import find_date_ranges, find_dates
from auditor.text.numerals import CN_NUM_CHARS, cn_to_int, parse_number

# 高法解释(2021) 第202条: "半个月一律按十五日计算" (pinned by tests/test_terms.py against the law corpus).
HALF_MONTH_DAYS: int = load_yaml("periods.yaml")["half_month_days"]  # 高法解释 2021 Art. 202

_S = r"[ \t\u3000]{0,2}"
_NUM = rf"[0-9０-９]{{1,4}}|[{CN_NUM_CHARS}]{{1,8}}"
_DURATION = re.compile(
    # Cheap gate first: a count directly followed by a unit, so most positions fail at once.
    # Nor the rest of a year a stray space or a line break split ("期限从2 022年5月13日起算", ind_bi07; "自2\n024年1月12日",
    # ind_cb04).
    rf"(?<![0-9０-９{CN_NUM_CHARS}第月])(?<![0-9０-９][ \t\u3000])(?<![0-9０-９]\n)(?=(?:{_NUM}|半){_S}(?:个{_S})?(?:半{_S})?(?:年|月|日|天|小时))"
    rf"(?:(?P<y>{_NUM}){_S}年(?P<yh>半)?(?![级度底初末])|(?P<yhalf>半){_S}年)?(?:{_S}[又零])?"
    rf"(?:(?P<mhalf>半){_S}个{_S}月|(?P<m>{_NUM}){_S}个{_S}(?P<mh>半)?{_S}月)?"
    rf"(?:(?P<d>{_NUM}){_S}(?:日|天))?"
    rf"(?:(?P<h>{_NUM}){_S}(?:个{_S})?小时)?"
)
# "于7日" is a day of the month; "于十日内" is a time limit.
_DAY_OF_MONTH_BEFORE = re.compile(r"[于在]$")
_WITHIN_AFTER = re.compile(r"[ \t\u3000]{0,2}(?:以内|之内|内)")

_AMOUNT = re.compile(
    r"(?P<cny>人民币|RMB)?[ \t\u3000]{0,2}"
    rf"(?P<n>(?<![0-9０-９.,，{CN_NUM_CHARS}])"
    rf"(?:[0-9０-９]{{1,3}}(?:[,，][0-9０-９]{{3}})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?[十百千万亿萬億]?"
    rf"|(?<![0-9０-９{CN_NUM_CHARS}])[{CN_NUM_CHARS}]+)"
    r"[ \t\u3000]{0,2}(?P<more>余|多)?[ \t\u3000]{0,2}"
    # the sum in words in a bracket before the unit: "500（伍佰）元" (held-out ind_fa02)
    rf"(?:[（(][{CN_NUM_CHARS}整]{{1,12}}[）)][ \t\u3000]{{0,2}})?"
    r"(?P<cur>美元|美金|港元|港币|欧元|日元|元|圆|块)(?![旦宵素月])"
)
_UNIT_CHARS = "十拾百佰千仟万萬廿卅"
_CURRENCY = {"美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR", "日元": "JPY"}


@dataclass
class Duration:
    start: int
    end: int
    text: str
    years: int = 0
    months: int = 0
    days: int = 0
    hours: int = 0

    def total_months(self) -> float | None:
        """Length in months: months + 12*years, plus days/30 and hours/720 (approximate when present)."""
        total = self.months + 12 * self.years + self.days / 30 + self.hours / 720
        return float(total)


@dataclass
class Amount:
    start: int
    end: int
    text: str
    value: float
    currency: str = "CNY"


def _dur_num(s: str | None) -> int | None:
    """A duration count (0 when absent); Chinese digits spelt one by one (一八) are junk here, not counts."""
    if s is None:
        return 0
    if len(s) > 1 and s[0] in CN_NUM_CHARS and not any(c in _UNIT_CHARS for c in s):
        return None
    if len(s) > 1 and s[0] in "0０":
        return None  # "024年": a year's digits, not a count
    return cn_to_int(s)


def find_durations(text: str) -> list[Duration]:
    """Every duration in order; "六个月以上一年以下" gives two. Dates (2018年, 3月5日) never count."""
    if not isinstance(text, str) or not text:
        return []
    dates = find_dates(text)  # in order and non-overlapping, so one bisect finds the neighbour
    date_starts = [m.start for m in dates]
    out: list[Duration] = []
    for m in _DURATION.finditer(text):
        if m.end() == m.start():
            continue
        i = bisect.bisect_left(date_starts, m.end()) - 1
        if i >= 0 and dates[i].end > m.start():
            continue
        y, mo, d, h = (_dur_num(m.group(k)) for k in ("y", "m", "d", "h"))
        if y is None or mo is None or d is None or h is None or y >= 1000:
            continue
        if m.group("d") and not (y or mo or h) and _DAY_OF_MONTH_BEFORE.search(text, max(0, m.start() - 1), m.start()):
            if not _WITHIN_AFTER.match(text, m.end()):
                continue
        if m.group("yh"):
            mo += 6
        if m.group("yhalf"):
            mo += 6
        if m.group("mhalf") or m.group("mh"):
            d += HALF_MONTH_DAYS
        out.append(Duration(m.start(), m.end(), m.group(0), y, mo, d, h))
    return out


def find_amounts(text: str) -> list[Amount]:
    """Every money amount in order: 人民币五千元, 5,000元, 1.5万元, 贰仟元, 600余元 (余/多 kept as the floor)."""
    if not isinstance(text, str) or not text:
        return []
    out: list[Amount] = []
    for m in _AMOUNT.finditer(text):
        value = parse_number(m.group("n"))
        if value is None:
            continue
        currency = _CURRENCY.get(m.group("cur"), "CNY")
        start = m.start() if m.group("cny") else m.start("n")
        out.append(Amount(start, m.end(), text[start : m.end()], value, currency))
    return out


def terms_in(doc: Document) -> list[Term]:
    """Durations, date ranges (anchored at the document's date) and amounts `doc` states, in text order."""
    out = [
        Term(document_id=doc.id, kind="duration", start=d.start, end=d.end, text=d.text, years=d.years,
             months=d.months, days=d.days, hours=d.hours)
        for d in find_durations(doc.text)
    ]
    out += [
        Term(document_id=doc.id, kind="range", start=r.start, end=r.end, text=r.text, begin=r.begin.as_date(),
             until=r.end_.as_date())
        for r in find_date_ranges(doc.text, doc.date)
    ]
    out += [
        Term(document_id=doc.id, kind="amount", start=a.start, end=a.end, text=a.text, amount=a.value)
        for a in find_amounts(doc.text) if a.currency == "CNY"
    ]
    return sorted(out, key=lambda t: (t.start, t.kind))
