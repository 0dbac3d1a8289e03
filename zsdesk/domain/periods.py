"""Reporting periods for the statistics sheet: presets, reporting dates (10th/25th), last year's period.

All functions are pure: they take the dates they need (never read the clock), so callers pass
`today` and tests stay deterministic.

>>> quarter(2024, 2)
Period(label='2024年第2季度', start=datetime.date(2024, 4, 1), end=datetime.date(2024, 6, 30))
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from .errors import ValidationError
from .messages import Message

# Seed 002: "定期汇总分析" — the sheet is reported on the 10th and 25th of every month.
REPORTING_DAYS = (10, 25)


class Period(NamedTuple):
    """A closed date range [start, end] (both inclusive) with a Chinese label.

    A NamedTuple rather than a frozen dataclass: the dashboard builds its period list before the
    window's first paint, and the dataclasses machinery costs ≈2 ms there.
    """

    label: str
    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def check_range(start: dt.date, end: dt.date) -> None:
    """Raise a Chinese ValidationError when the range is reversed."""
    if start > end:
        raise ValidationError(
            {"period": Message("period.reversed", start=start.isoformat(), end=end.isoformat())}
        )


def _last_day(year: int, month: int) -> int:
    # The day before the 1st of the next month (the calendar module costs the GUI's start-up ≈1.5 ms).
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return (first_of_next - dt.timedelta(days=1)).day


def month(year: int, month_no: int) -> Period:
    if not 1 <= month_no <= 12:
        raise ValidationError({"period": f"月份应为1至12，当前为{month_no}"})
    return Period(
        f"{year}年{month_no}月",
        dt.date(year, month_no, 1),
        dt.date(year, month_no, _last_day(year, month_no)),
    )


def quarter(year: int, number: int) -> Period:
    if not 1 <= number <= 4:
        raise ValidationError({"period": f"季度应为1至4，当前为{number}"})
    first = 3 * (number - 1) + 1
    return Period(
        f"{year}年第{number}季度",
        dt.date(year, first, 1),
        dt.date(year, first + 2, _last_day(year, first + 2)),
    )


def half_year(year: int, number: int) -> Period:
    if number not in (1, 2):
        raise ValidationError({"period": f"半年应为1（上半年）或2（下半年），当前为{number}"})
    if number == 1:
        return Period(f"{year}年上半年", dt.date(year, 1, 1), dt.date(year, 6, 30))
    return Period(f"{year}年下半年", dt.date(year, 7, 1), dt.date(year, 12, 31))


def year(year_no: int) -> Period:
    return Period(f"{year_no}年", dt.date(year_no, 1, 1), dt.date(year_no, 12, 31))


def year_to_date(today: dt.date) -> Period:
    return Period(f"{today.year}年1月1日至{today.month}月{today.day}日", dt.date(today.year, 1, 1), today)


def shift_year(day: dt.date, years: int) -> dt.date:
    """Same calendar day `years` later; 29 February falls back to the 28th in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def same_period_last_year(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The year-on-year comparison range (同比): the same calendar days one year earlier.

    A period ending on the last day of February ends on the last day of last year's February,
    so a whole month/quarter compares with the whole month/quarter.
    """
    check_range(start, end)
    last_start = shift_year(start, -1)
    last_end = shift_year(end, -1)
    if end.month == 2 and end.day == _last_day(end.year, 2):
        last_end = last_end.replace(day=_last_day(last_end.year, 2))
    return last_start, last_end


def reporting_dates(year_no: int, month_no: int) -> tuple[dt.date, dt.date]:
    """The two reporting dates of a month (10th and 25th)."""
    return tuple(dt.date(year_no, month_no, d) for d in REPORTING_DAYS)  # type: ignore[return-value]


def next_reporting_date(today: dt.date) -> dt.date:
    """The first reporting date on or after `today`."""
    for day in REPORTING_DAYS:
        if today.day <= day:
            return today.replace(day=day)
    following = today.replace(day=1) + dt.timedelta(days=32)
    return following.replace(day=REPORTING_DAYS[0])


def reporting_period(report_date: dt.date) -> Period:
    """The half-month a report made on `report_date` covers.

    Reports on the 10th cover the 26th of the previous month to the 10th; reports on the 25th
    cover the 11th to the 25th. So consecutive reports tile the calendar with no gap or overlap.
    A date that is not a reporting date maps to the report that will include it.
    """
    due = next_reporting_date(report_date)
    if due.day == REPORTING_DAYS[1]:
        start = due.replace(day=REPORTING_DAYS[0] + 1)
    else:
        previous_month_end = due.replace(day=1) - dt.timedelta(days=1)
        start = previous_month_end.replace(day=REPORTING_DAYS[1] + 1)
    return Period(f"{due.year}年{due.month}月{due.day}日报送期", start, due)


def hundred_days(start: dt.date) -> Period:
    """A 百日攻坚 campaign window (seed 002 ran 9月10日 to 12月18日, 100 days)."""
    return Period("百日攻坚", start, start + dt.timedelta(days=99))


# Preset names the CLI and the UI offer, in menu order.
PRESETS = ("report", "month", "last-month", "quarter", "half-year", "year", "ytd")
PRESET_LABELS = {
    "report": "本报送期",
    "month": "本月",
    "last-month": "上月",
    "quarter": "本季度",
    "half-year": "本半年",
    "year": "本年",
    "ytd": "年初至今",
}


def preset(name: str, today: dt.date) -> Period:
    """A named preset relative to `today` (月跟进、季考核、半年督查、年终总评 of seed 003)."""
    if name == "report":
        return reporting_period(today)
    if name == "month":
        return month(today.year, today.month)
    if name == "last-month":
        previous = today.replace(day=1) - dt.timedelta(days=1)
        return month(previous.year, previous.month)
    if name == "quarter":
        return quarter(today.year, (today.month - 1) // 3 + 1)
    if name == "half-year":
        return half_year(today.year, 1 if today.month <= 6 else 2)
    if name == "year":
        return year(today.year)
    if name == "ytd":
        return year_to_date(today)
    raise ValidationError({"period": f"未知的统计周期“{name}”，可选：{'、'.join(PRESETS)}"})
