"""Period arithmetic for procedural deadlines.

CPL 2018 Art. 105: the start day is not counted; a last day that falls on a holiday moves to the next working
day, except while the person is in custody. 高法解释 2021 Art. 202: a month runs to the same date of the next
month, or to its last day when there is no such date or the start is a month's last day; half a month is
fifteen days. The legal numbers themselves (3 days, 12 months …) live in lexicons/rules/*.yaml.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import chinese_calendar

from auditor.lexicon import load_yaml
from auditor.text.numerals import int_to_cn

HALF_MONTH_DAYS: int = load_yaml("periods.yaml")["half_month_days"]  # 高法解释 2021 Art. 202

_UNIT_LABEL = {"h": "小时", "d": "日", "m": "个月"}
_PERIOD_RE = re.compile(r"^\s*(\d+)\s*([hdm])\s*$")


@dataclass(frozen=True)
class Period:
    amount: int
    unit: str  # "h" hours, "d" days, "m" months

    @property
    def label(self) -> str:
        """Chinese label for messages, e.g. "3日", "12个月"."""
        return f"{self.amount}{_UNIT_LABEL[self.unit]}"

    @property
    def cn_label(self) -> str:
        """The label as legal texts write it: "三日", "一个月", "二十四小时"."""
        return f"{int_to_cn(self.amount)}{_UNIT_LABEL[self.unit]}"

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"


@dataclass(frozen=True)
class DeadlineResult:
    last_day: date  # the last day on which the act is still in time
    shifted_from: date | None = None  # the unshifted last day, when a holiday moved it
    holiday_data_known: bool = True  # False: the holiday calendar does not cover that year


def parse_period(text: str) -> Period:
    """Parse "3d", "12m", "24h" (as written in the rule YAML)."""
    m = _PERIOD_RE.match(text or "")
    if not m:
        raise ValueError(f"invalid period {text!r}: expected a number followed by h, d or m (e.g. 3d, 12m, 24h)")
    return Period(int(m.group(1)), m.group(2))


def add_days(start: date, n: int) -> date:
    """Last day of an n-day period starting on `start` (the start day is not counted)."""
    return start + timedelta(days=n)


def _last_day_of_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(start: date, n: int) -> date:
    """Same date n months later; that month's last day when it has no such date or `start` is a month end."""
    index = start.year * 12 + (start.month - 1) + n
    year, month = divmod(index, 12)
    month += 1
    last = _last_day_of_month(year, month)
    if start.day == _last_day_of_month(start.year, start.month):
        return date(year, month, last)
    return date(year, month, min(start.day, last))


def add_period(start: date, limit: Period) -> date:
    """Unshifted last day of `limit` counted from `start`; hours round up to whole days."""
    if limit.unit == "m":
        return add_months(start, limit.amount)
    if limit.unit == "d":
        return add_days(start, limit.amount)
    return add_days(start, -(-limit.amount // 24))


def add_hours(start: datetime, n: int) -> datetime:
    """End of an n-hour period (hour limits are exact elapsed time, legal-rules.md §0.3)."""
    return start + timedelta(hours=n)


def is_workday(day: date) -> bool | None:
    """True/False from the holiday calendar; None when the package has no data for that year."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None


def next_workday(day: date) -> date | None:
    """First working day on or after `day`; None when the calendar runs out of data."""
    current = day
    for _ in range(60):  # the longest run of non-working days is far shorter
        known = is_workday(current)
        if known is None:
            return None
        if known:
            return current
        current += timedelta(days=1)
    return None


def deadline(start: date, limit: Period, custody: bool) -> DeadlineResult:
    """Last day of `limit` from `start`, moved past holidays unless the person is in custody.

    Hour periods are never moved: the holiday rule speaks of the period's last *day*.
    """
    last = add_period(start, limit)
    if custody or limit.unit == "h":
        return DeadlineResult(last_day=last)
    shifted = next_workday(last)
    if shifted is None:
        return DeadlineResult(last_day=last, holiday_data_known=False)
    if shifted != last:
        return DeadlineResult(last_day=shifted, shifted_from=last)
    return DeadlineResult(last_day=last)


def age_on(born: date, on: date) -> int:
    """Completed years of age on `on` (a birthday counts from its own day)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
