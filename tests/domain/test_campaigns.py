"""Campaign date rules (seed 002): report dates, cumulative and half-month periods, target progress."""

from __future__ import annotations

import datetime as dt

import pytest

from zsdesk.domain import campaigns as dc
from zsdesk.domain.errors import ValidationError

D = dt.date


def test_hundred_days_reports_on_the_25th_first_then_10th_and_25th_until_after_the_end() -> None:
    c = dc.hundred_days_2021()
    assert (c.start, c.end) == (D(2021, 9, 10), D(2021, 12, 18))
    assert dc.report_dates(c.start, c.end) == [
        D(2021, 9, 25), D(2021, 10, 10), D(2021, 10, 25), D(2021, 11, 10),
        D(2021, 11, 25), D(2021, 12, 10), D(2021, 12, 25),
    ]  # fmt: skip


def test_a_campaign_starting_on_the_first_skips_the_10th_of_its_first_month_only() -> None:
    dates = dc.report_dates(D(2024, 3, 1), D(2024, 4, 10))
    assert dates == [D(2024, 3, 25), D(2024, 4, 10)]


def test_title_names_the_campaign() -> None:
    assert dc.hundred_days_2021().title == "制造业招商引资“百日攻坚”行动情况统计表"


def test_cumulative_period_runs_from_the_start_and_stops_at_the_end() -> None:
    c = dc.hundred_days_2021()
    assert dc.cumulative_period(c, D(2021, 10, 10)) == (c.start, D(2021, 10, 10))
    assert dc.cumulative_period(c, D(2021, 12, 25)) == (c.start, c.end)
    with pytest.raises(ValidationError, match="早于"):
        dc.cumulative_period(c, D(2021, 9, 1))


def test_report_period_is_the_half_month_up_to_the_due_date_clamped_to_the_campaign() -> None:
    c = dc.hundred_days_2021()
    assert dc.report_period(c, D(2021, 9, 12)) == (c.start, D(2021, 9, 25))
    assert dc.report_period(c, D(2021, 10, 10)) == (D(2021, 9, 26), D(2021, 10, 10))
    assert dc.report_period(c, D(2021, 12, 20)) == (D(2021, 12, 11), c.end)


def test_next_report_date_and_current() -> None:
    c = dc.hundred_days_2021()
    assert dc.next_report_date(c, D(2021, 10, 11)) == D(2021, 10, 25)
    assert dc.next_report_date(c, D(2021, 12, 26)) is None
    assert dc.is_current(c, D(2021, 12, 24)) and not dc.is_current(c, D(2021, 12, 26))


def test_progress_is_never_a_verdict_before_the_end() -> None:
    c = dc.hundred_days_2021()
    early = {p.key: p for p in dc.progress(c, "成都市", {"visits": 4, "events": 3}, D(2021, 9, 25))}
    assert early["visits"].status == "进行中" and "尚差96家" in early["visits"].text
    assert early["events"].status == "已完成"
    late = {p.key: p for p in dc.progress(c, "成都市", {"visits": 99}, D(2022, 1, 5))}
    assert late["visits"].status == "未完成" and late["visits"].as_of == c.end


def test_preset_moves_to_another_year_or_start() -> None:
    assert dc.preset(year=2025).start == D(2025, 9, 10)
    moved = dc.preset(start=D(2026, 3, 1))
    assert (moved.end - moved.start).days == 99 and moved.visits == 100 and moved.trips == 8
