"""Reporting periods: presets, the 10th/25th reporting dates, and last year's comparison range."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from zsdesk.domain import periods as p
from zsdesk.domain.errors import ValidationError

D = dt.date


def test_month_knows_leap_februaries() -> None:
    assert (p.month(2024, 2).start, p.month(2024, 2).end) == (D(2024, 2, 1), D(2024, 2, 29))
    assert p.month(2023, 2).end == D(2023, 2, 28)
    assert p.month(2024, 12).end == D(2024, 12, 31)
    with pytest.raises(ValidationError, match="月份"):
        p.month(2024, 13)


def test_quarters_halves_and_years_cover_the_year_without_gaps() -> None:
    quarters = [p.quarter(2024, n) for n in range(1, 5)]
    assert quarters[0].start == D(2024, 1, 1) and quarters[-1].end == D(2024, 12, 31)
    for before, after in itertools.pairwise(quarters):
        assert after.start - before.end == dt.timedelta(days=1)
    assert sum(q.days for q in quarters) == p.year(2024).days == 366
    assert p.half_year(2024, 1).end == D(2024, 6, 30) and p.half_year(2024, 2).start == D(2024, 7, 1)
    assert p.quarter(2024, 2).label == "2024年第2季度"
    with pytest.raises(ValidationError):
        p.quarter(2024, 5)
    with pytest.raises(ValidationError):
        p.half_year(2024, 3)


def test_reporting_dates_are_the_10th_and_25th() -> None:
    assert p.reporting_dates(2024, 6) == (D(2024, 6, 10), D(2024, 6, 25))
    assert p.next_reporting_date(D(2024, 6, 10)) == D(2024, 6, 10)
    assert p.next_reporting_date(D(2024, 6, 11)) == D(2024, 6, 25)
    assert p.next_reporting_date(D(2024, 6, 26)) == D(2024, 7, 10)
    assert p.next_reporting_date(D(2024, 12, 31)) == D(2025, 1, 10)


def test_reporting_periods_tile_the_calendar() -> None:
    assert p.reporting_period(D(2024, 6, 25)) == p.Period(
        "2024年6月25日报送期", D(2024, 6, 11), D(2024, 6, 25)
    )
    assert (p.reporting_period(D(2024, 3, 10)).start, p.reporting_period(D(2024, 3, 10)).end) == (
        D(2024, 2, 26),
        D(2024, 3, 10),
    )
    assert p.reporting_period(D(2025, 1, 2)).start == D(2024, 12, 26)
    day = D(2024, 1, 1)
    previous: p.Period | None = None
    while day.year == 2024:
        period = p.reporting_period(day)
        assert period.contains(day) and period.end.day in p.REPORTING_DAYS
        if previous is not None and period != previous:
            assert period.start == previous.end + dt.timedelta(days=1)
        previous = period
        day += dt.timedelta(days=1)


def test_same_period_last_year_handles_leap_days() -> None:
    assert p.same_period_last_year(D(2024, 3, 1), D(2024, 3, 31)) == (D(2023, 3, 1), D(2023, 3, 31))
    # A period ending on the last day of February compares with the whole of last year's February.
    assert p.same_period_last_year(D(2024, 2, 1), D(2024, 2, 29)) == (D(2023, 2, 1), D(2023, 2, 28))
    assert p.same_period_last_year(D(2025, 2, 1), D(2025, 2, 28)) == (D(2024, 2, 1), D(2024, 2, 29))
    assert p.same_period_last_year(D(2024, 2, 29), D(2024, 3, 5)) == (D(2023, 2, 28), D(2023, 3, 5))
    with pytest.raises(ValidationError, match="晚于"):
        p.same_period_last_year(D(2024, 3, 2), D(2024, 3, 1))


@pytest.mark.parametrize(
    ("name", "start", "end"),
    [
        ("report", D(2024, 5, 11), D(2024, 5, 25)),
        ("month", D(2024, 5, 1), D(2024, 5, 31)),
        ("last-month", D(2024, 4, 1), D(2024, 4, 30)),
        ("quarter", D(2024, 4, 1), D(2024, 6, 30)),
        ("half-year", D(2024, 1, 1), D(2024, 6, 30)),
        ("year", D(2024, 1, 1), D(2024, 12, 31)),
        ("ytd", D(2024, 1, 1), D(2024, 5, 20)),
    ],
)
def test_presets_relative_to_today(name: str, start: dt.date, end: dt.date) -> None:
    period = p.preset(name, D(2024, 5, 20))
    assert (period.start, period.end) == (start, end)
    assert name in p.PRESET_LABELS


def test_last_month_in_january_is_last_december() -> None:
    assert p.preset("last-month", D(2024, 1, 15)) == p.month(2023, 12)


def test_unknown_preset_is_a_chinese_error() -> None:
    with pytest.raises(ValidationError, match="未知的统计周期"):
        p.preset("fortnight", D(2024, 5, 20))


def test_hundred_days_matches_seed_002_campaign() -> None:
    campaign = p.hundred_days(D(2021, 9, 10))
    assert campaign.days == 100 and campaign.end == D(2021, 12, 18)
