"""Period arithmetic (CPL 2018 Art. 105; 高法解释 2021 Art. 202) as tables of cases."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from auditor.law.periods import (
    HALF_MONTH_DAYS,
    DeadlineResult,
    Period,
    add_days,
    add_hours,
    add_months,
    deadline,
    is_workday,
    parse_period,
)

D = date.fromisoformat


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        ("2023-03-05", 3, "2023-03-08"),  # start day not counted
        ("2023-03-05", 0, "2023-03-05"),
        ("2023-12-30", 3, "2024-01-02"),  # across a year end
        ("2024-02-27", 3, "2024-03-01"),  # leap February
        ("2023-02-27", 3, "2023-03-02"),
        ("2023-03-05", 30, "2023-04-04"),
    ],
)
def test_add_days(start: str, n: int, expected: str) -> None:
    assert add_days(D(start), n) == D(expected)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        ("2023-03-08", 12, "2024-03-08"),  # same date
        ("2023-01-31", 1, "2023-02-28"),  # no such date -> last day
        ("2024-01-31", 1, "2024-02-29"),  # leap year
        ("2024-01-30", 1, "2024-02-29"),
        ("2023-01-29", 1, "2023-02-28"),
        ("2023-02-28", 1, "2023-03-31"),  # start on a month's last day -> target month's last day
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-28", 1, "2024-03-28"),  # not a month end in a leap year
        ("2023-04-30", 1, "2023-05-31"),
        ("2023-08-31", 6, "2024-02-29"),
        ("2023-11-15", 2, "2024-01-15"),  # across a year end
        ("2023-03-15", -1, "2023-02-15"),
    ],
)
def test_add_months(start: str, n: int, expected: str) -> None:
    assert add_months(D(start), n) == D(expected)


def test_half_month_is_fifteen_days() -> None:
    assert HALF_MONTH_DAYS == 15
    assert parse_period("15d") == Period(15, "d")


@pytest.mark.parametrize(
    ("text", "expected", "label"),
    [
        ("3d", Period(3, "d"), "3日"),
        ("7d", Period(7, "d"), "7日"),
        ("30d", Period(30, "d"), "30日"),
        ("12m", Period(12, "m"), "12个月"),
        ("6m", Period(6, "m"), "6个月"),
        ("24h", Period(24, "h"), "24小时"),
        ("15d", Period(15, "d"), "15日"),
        (" 3 d ", Period(3, "d"), "3日"),
    ],
)
def test_parse_period(text: str, expected: Period, label: str) -> None:
    assert parse_period(text) == expected
    assert expected.label == label


@pytest.mark.parametrize("text", ["", "3", "d", "3w", "三日", "-3d", "3.5d"])
def test_parse_period_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_period(text)


@pytest.mark.parametrize(
    ("start", "limit", "custody", "expected"),
    [
        # Plain working day, no shift.
        ("2023-03-06", "3d", False, DeadlineResult(D("2023-03-09"))),
        # Ends on a Saturday -> Monday.
        ("2023-03-08", "3d", False, DeadlineResult(D("2023-03-13"), shifted_from=D("2023-03-11"))),
        # Same in custody: no shift (CPL Art. 105(4)).
        ("2023-03-08", "3d", True, DeadlineResult(D("2023-03-11"))),
        # 7 days ending inside the 2023 National Day holiday (2023-09-29 .. 10-06). Oct 7 and 8 2023
        # were make-up working days (调休), so the first working day after the holiday is 2023-10-07.
        ("2023-09-24", "7d", False, DeadlineResult(D("2023-10-07"), shifted_from=D("2023-10-01"))),
        ("2023-09-28", "7d", False, DeadlineResult(D("2023-10-07"), shifted_from=D("2023-10-05"))),
        ("2023-09-24", "7d", True, DeadlineResult(D("2023-10-01"))),
        # Spring Festival 2024 (02-10 .. 02-17); 02-18 (a Sunday) was a make-up working day.
        ("2024-02-05", "7d", False, DeadlineResult(D("2024-02-18"), shifted_from=D("2024-02-12"))),
        # Months, ending on a working day.
        ("2023-03-08", "12m", False, DeadlineResult(D("2024-03-08"))),
        # Months, ending on a Sunday (2023-04-30) followed by the May Day holiday (05-01 .. 05-03).
        ("2022-10-30", "6m", False, DeadlineResult(D("2023-05-04"), shifted_from=D("2023-04-30"))),
        # Beyond the years the holiday package covers: no shift, and say so.
        ("2040-12-28", "3d", False, DeadlineResult(D("2040-12-31"), holiday_data_known=False)),
        ("2000-01-01", "7d", False, DeadlineResult(D("2000-01-08"), holiday_data_known=False)),
        # In custody the calendar is not consulted at all.
        ("2040-12-28", "3d", True, DeadlineResult(D("2040-12-31"))),
        # Hour limits are exact elapsed time: rounded to whole days, never shifted.
        ("2023-09-30", "24h", False, DeadlineResult(D("2023-10-01"))),
    ],
)
def test_deadline(start: str, limit: str, custody: bool, expected: DeadlineResult) -> None:
    assert deadline(D(start), parse_period(limit), custody) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [("2023-10-01", False), ("2023-10-07", True), ("2023-10-09", True), ("2023-03-11", False), ("2040-01-02", None)],
)
def test_is_workday(day: str, expected: bool | None) -> None:
    assert is_workday(D(day)) is expected


def test_add_hours() -> None:
    assert add_hours(datetime(2023, 3, 5, 22, 30), 24) == datetime(2023, 3, 6, 22, 30)
