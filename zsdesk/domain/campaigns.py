"""Campaigns (专项行动, e.g. 百日攻坚): report dates, cumulative periods and target progress — pure date logic.

Seed 002: "每月10日(9月当月不计)、25日报送" — a campaign reports on the 10th (not in its first month)
and the 25th of each month, from its start until the first report date on or after its end; the
figures run cumulative from the start to the report date (never past the end). Targets are minimums
per unit over the WHOLE campaign: before the end they show progress, never a verdict against a
shorter period.

>>> c = hundred_days_2021()
>>> [d.isoformat() for d in report_dates(c.start, c.end)][:3]
['2021-09-25', '2021-10-10', '2021-10-25']
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .errors import ValidationError
from .periods import REPORTING_DAYS, check_range

# office_id of a province-wide campaign: every scope pulls it, only the provincial admin writes it.
PROVINCE_OFFICE = "province"
NO_CAMPAIGN_TITLE = "招商引资工作情况统计表"
HUNDRED_DAYS_NAME = "制造业招商引资“百日攻坚”行动"

# Target keys -> (label, measure); the record field is `target_<key>`.
TARGET_LABELS: dict[str, tuple[str, str]] = {
    "visits": ("走访目标企业", "家"),
    "events": ("召开推介会", "次"),
    "trips": ("党政负责同志带队招商", "次"),
}
GROWTH_LABEL = "意向项目签约、落地项目、开工项目、新增到位资金同比增长"


@dataclass(frozen=True)
class Campaign:
    """A campaign as the statistics need it (built from a `campaign` record by `from_record`)."""

    name: str
    start: dt.date
    end: dt.date
    visits: int | None = None  # minimums per unit over the whole campaign
    events: int | None = None
    trips: int | None = None
    growth_pct: int | None = None
    id: str = ""
    office_id: str = ""

    @property
    def title(self) -> str:
        """Sheet title: 制造业招商引资“百日攻坚”行动 -> 制造业招商引资“百日攻坚”行动情况统计表."""
        return f"{self.name}情况统计表"

    @property
    def province_wide(self) -> bool:
        return self.office_id == PROVINCE_OFFICE

    def targets(self) -> list[tuple[str, int]]:
        """(key, minimum) of the count targets that are set."""
        return [(k, v) for k in TARGET_LABELS if (v := getattr(self, k)) is not None and v > 0]


def hundred_days_2021() -> Campaign:
    """Seed 002's 百日攻坚 (2021-09-10 to 2021-12-18) with its per-市州 minimums."""
    return Campaign(
        HUNDRED_DAYS_NAME,
        dt.date(2021, 9, 10),
        dt.date(2021, 12, 18),
        visits=100,
        events=3,
        trips=8,
        growth_pct=10,
    )


def preset(year: int | None = None, start: dt.date | None = None) -> Campaign:
    """The 百日攻坚 preset: seed 002's dates, or 100 days from `start`, or the same days in `year`."""
    base = hundred_days_2021()
    if start is not None:
        return _replace(base, start=start, end=start + dt.timedelta(days=99))
    if year is not None and year != base.start.year:
        return _replace(base, start=base.start.replace(year=year), end=base.end.replace(year=year))
    return base


def _replace(c: Campaign, **changes: Any) -> Campaign:
    from dataclasses import replace

    return replace(c, **changes)


def from_record(row: dict[str, Any]) -> Campaign:
    """A `campaign` row (storage dict) -> Campaign; bad dates raise a Chinese ValidationError."""

    def day(name: str, label: str) -> dt.date:
        try:
            return dt.date.fromisoformat(str(row.get(name) or "")[:10])
        except ValueError as exc:
            raise ValidationError({name: f"专项行动“{row.get('name')}”的{label}无效"}) from exc

    def num(name: str) -> int | None:
        value = row.get(name)
        return None if value in (None, "") else int(value)

    return Campaign(
        name=str(row.get("name") or ""),
        start=day("start_date", "开始日期"),
        end=day("end_date", "结束日期"),
        visits=num("target_visits"),
        events=num("target_events"),
        trips=num("target_trips"),
        growth_pct=num("target_growth_pct"),
        id=str(row.get("id") or ""),
        office_id=str(row.get("office_id") or ""),
    )


def check_campaign(name: str, start: dt.date, end: dt.date) -> None:
    """A campaign needs a name and a start on or before its end."""
    if not name.strip():
        raise ValidationError({"name": "专项行动名称不能为空"})
    check_range(start, end)


def report_dates(start: dt.date, end: dt.date) -> list[dt.date]:
    """The 10th (not in the first month) and 25th of each month from `start` up to the first one ≥ `end`."""
    out: list[dt.date] = []
    year, month = start.year, start.month
    while True:
        for day in REPORTING_DAYS:
            date = dt.date(year, month, day)
            if date < start or (day == REPORTING_DAYS[0] and (year, month) == (start.year, start.month)):
                continue
            out.append(date)
            if date >= end:
                return out
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def last_report_date(c: Campaign) -> dt.date:
    return report_dates(c.start, c.end)[-1]


def is_current(c: Campaign, today: dt.date) -> bool:
    """Running or still to be reported: from its start to its last report date."""
    return c.start <= today <= last_report_date(c)


def next_report_date(c: Campaign, today: dt.date) -> dt.date | None:
    """The campaign's first report date on or after `today`; None once the last one has passed."""
    return next((d for d in report_dates(c.start, c.end) if d >= today), None)


def cumulative_period(c: Campaign, as_of: dt.date) -> tuple[dt.date, dt.date]:
    """[start, as_of] clamped to the campaign: the default figures of a campaign sheet."""
    if as_of < c.start:
        raise ValidationError(
            {"period": f"{as_of.isoformat()} 早于专项行动“{c.name}”的开始日期 {c.start.isoformat()}"}
        )
    return c.start, min(as_of, c.end)


def report_period(c: Campaign, as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The half-month covered by the report due on or after `as_of`, clamped to the campaign (本期)."""
    dates = report_dates(c.start, c.end)
    due = next((d for d in dates if d >= as_of), dates[-1])
    before = [d for d in dates if d < due]
    start = before[-1] + dt.timedelta(days=1) if before else c.start
    return start, min(due, c.end)


@dataclass(frozen=True)
class Progress:
    """One unit's progress on one count target over the campaign so far."""

    unit: str
    key: str
    minimum: int
    actual: int
    as_of: dt.date
    campaign_end: dt.date

    @property
    def met(self) -> bool:
        return self.actual >= self.minimum

    @property
    def finished(self) -> bool:
        """The campaign is over at `as_of`: only then is a shortfall a verdict."""
        return self.as_of >= self.campaign_end

    @property
    def status(self) -> str:
        if self.met:
            return "已完成"
        return "未完成" if self.finished else "进行中"

    @property
    def percent(self) -> int:
        return min(100, int(Decimal(self.actual * 100 / self.minimum).quantize(Decimal(1), ROUND_HALF_UP)))

    @property
    def text(self) -> str:
        label, measure = TARGET_LABELS[self.key]
        head = f"{label}不少于{self.minimum}{measure}：累计{self.actual}{measure}（{self.percent}%）"
        if self.met:
            return f"{head}，已完成"
        gap = f"差{self.minimum - self.actual}{measure}"
        return f"{head}，{'未完成，' if self.finished else '进行中，尚'}{gap}"


def progress(c: Campaign, unit: str, figures: dict[str, int], as_of: dt.date) -> list[Progress]:
    """Progress of `unit` on each count target; `figures` are its cumulative counts from the start."""
    _, until = cumulative_period(c, as_of)
    return [
        Progress(unit, key, minimum, int(figures.get(key, 0)), until, c.end) for key, minimum in c.targets()
    ]
