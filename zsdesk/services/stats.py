"""Statistics sheet use cases: figures per unit and period, drill-down, 同比 growth, targets.

    sheet = compute_stats(ws, date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31))
    sheet.as_json()                                  # the `zsdesk stats --json` shape
    drilldown(ws, key="enterprises_visited", unit="成都市", date_from=..., date_to=...)

Every figure comes from one GROUP BY-unit query (storage.stats_queries), so a province-wide
database costs a handful of queries, not a loop over records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..domain.dates import parse_date
from ..domain.enums import CITIES
from ..domain.errors import NotFoundError, ValidationError
from ..domain.periods import check_range
from ..domain.periods import same_period_last_year as last_year_range
from ..domain.stats import COLUMNS, TOTAL_LABEL, StatsRow, StatsSheet
from ..storage import stats_queries as q
from .context import Workspace

# StatsRow field -> (aggregate name, index of the figure in that aggregate's result).
FIGURES: dict[str, tuple[str, int]] = {
    "events": ("events", 0),
    "enterprises_visited": ("visits", 0),
    "projects_signed": ("signed", 0),
    "signed_wan": ("signed", 1),
    "projects_landed": ("landed", 0),
    "projects_started": ("started", 0),
    "funding_wan": ("funding", 0),
}
# Drill-down keys: every sheet column plus leader trips (a target, not a column).
DRILL_KEYS: dict[str, str] = {**{k: agg for k, (agg, _) in FIGURES.items()}, "trips": "trips"}
HEADERS = dict(COLUMNS)

# Seed 002 asks 意向项目签约、落地项目、开工项目、新增到位资金 to grow ≥10% 同比.
GROWTH_TARGET_PCT = Decimal(10)
GROWTH_KEYS = ("projects_signed", "signed_wan", "projects_landed", "projects_started", "funding_wan")


@dataclass(frozen=True)
class Target:
    """A per-unit minimum from seed 002 (百日攻坚: per 市州 within the campaign)."""

    key: str
    label: str
    minimum: int
    measure: str


TARGETS: tuple[Target, ...] = (
    Target("enterprises_visited", "走访目标企业", 100, "家"),
    Target("events", "召开推介会", 3, "次"),
    Target("trips", "党政负责同志带队招商", 8, "次"),
)


@dataclass(frozen=True)
class TargetResult:
    unit: str
    target: Target
    actual: int

    @property
    def met(self) -> bool:
        return self.actual >= self.target.minimum

    @property
    def text(self) -> str:
        state = "已完成" if self.met else f"差{self.target.minimum - self.actual}{self.target.measure}"
        return (
            f"{self.target.label}不少于{self.target.minimum}{self.target.measure}："
            f"实际{self.actual}{self.target.measure}，{state}"
        )


@dataclass(frozen=True)
class Growth:
    """One figure this period vs the same period last year (同比)."""

    key: str
    current: int
    previous: int

    @property
    def percent(self) -> Decimal | None:
        """Growth in percent, one decimal; None when last year was zero (growth undefined)."""
        if self.previous == 0:
            return None
        value = Decimal(self.current - self.previous) * 100 / Decimal(self.previous)
        return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def meets_target(self) -> bool | None:
        pct = self.percent
        return None if pct is None else pct >= GROWTH_TARGET_PCT


def _iso(value: dt.date | str, label: str) -> str:
    day = parse_date(value, field="period", label=label)
    if day is None:
        raise ValidationError({"period": f"{label}不能为空"})
    return day.isoformat()


def _range(date_from: dt.date | str, date_to: dt.date | str) -> tuple[str, str]:
    start, end = _iso(date_from, "起始日期"), _iso(date_to, "截止日期")
    check_range(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    return start, end


def resolve_unit(ws: Workspace, unit: str) -> str:
    """A unit name as typed: a unit, or an office name standing for its unit; else NotFoundError."""
    text = unit.strip()
    known = q.units(ws.db)
    if text in known:
        return text
    via_office = q.unit_of_office_name(ws.db, text)
    if via_office is not None:
        return via_office
    listing = "、".join(known) if known else "（数据库中还没有办事处）"
    raise NotFoundError(f"未找到填报单位“{text}”。现有单位：{listing}")


def unit_order(name: str) -> tuple[int, int, str]:
    """Official order: 市(州) in the province's list order (seed 000), then offices by name."""
    if name in CITIES:
        return (0, CITIES.index(name), name)
    return (1, 0, name)


def compute_stats(
    ws: Workspace, *, date_from: dt.date | str, date_to: dt.date | str, unit: str | None = None
) -> StatsSheet:
    """The statistics sheet for [date_from, date_to] (inclusive): one row per unit, 市州 in official order first.

    With `unit=None` every unit of the database is listed (zero rows included, so a unit that did
    nothing is visible on the sheet rather than silently missing).
    """
    start, end = _range(date_from, date_to)
    chosen = resolve_unit(ws, unit) if unit is not None else None
    aggregates = dict.fromkeys(agg for agg, _ in FIGURES.values())
    results = {name: q.aggregate(ws.db, name, start, end, chosen) for name in aggregates}
    if chosen is not None:
        names = [chosen]
    else:
        seen = set(q.units(ws.db))
        for figures in results.values():
            seen.update(figures)
        names = sorted(seen, key=unit_order)
    rows = []
    for name in names:
        row = StatsRow(name)
        for key, (agg, index) in FIGURES.items():
            found = results[agg].get(name)
            setattr(row, key, found[index] if found else 0)
        rows.append(row)
    return StatsSheet(
        date_from=dt.date.fromisoformat(start),
        date_to=dt.date.fromisoformat(end),
        rows=rows,
        unit_label=chosen or "",
    )


def drilldown(
    ws: Workspace,
    *,
    key: str,
    unit: str | None,
    date_from: dt.date | str,
    date_to: dt.date | str,
) -> list[dict[str, Any]]:
    """The records behind one figure (a StatsRow field name, or "trips"), same 口径 as the count.

    For `enterprises_visited` the rows are enterprises (with their visit count in the period); for
    money figures they are the projects / instalments whose amounts make up the sum. `unit=None`
    (or 合计) lists every unit's records, each row naming its unit.
    """
    if key not in DRILL_KEYS:
        raise ValidationError({"key": f"没有名为“{key}”的统计项"})
    start, end = _range(date_from, date_to)
    chosen = None if unit in (None, TOTAL_LABEL) else resolve_unit(ws, unit)
    return q.drill(ws.db, DRILL_KEYS[key], chosen, start, end)


def same_period_last_year(
    ws: Workspace, *, date_from: dt.date | str, date_to: dt.date | str, unit: str | None = None
) -> StatsSheet:
    """The sheet for the same calendar days one year earlier (the 同比 baseline)."""
    start, end = _range(date_from, date_to)
    last_from, last_to = last_year_range(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    return compute_stats(ws, date_from=last_from, date_to=last_to, unit=unit)


def year_on_year(current: StatsSheet, previous: StatsSheet) -> dict[str, dict[str, Growth]]:
    """{unit (and 合计): {column key: Growth}} comparing two sheets row by row."""
    before = {row.unit: row for row in previous.rows}
    out: dict[str, dict[str, Growth]] = {}
    for row in [*current.rows, current.total]:
        old = previous.total if row.unit == TOTAL_LABEL else before.get(row.unit, StatsRow(row.unit))
        out[row.unit] = {key: Growth(key, row.value(key), old.value(key)) for key, _ in COLUMNS}
    return out


def check_targets(
    ws: Workspace, *, date_from: dt.date | str, date_to: dt.date | str, unit: str | None = None
) -> list[TargetResult]:
    """Each unit's progress against the seed-002 minimums over the period (trips from `trip`)."""
    sheet = compute_stats(ws, date_from=date_from, date_to=date_to, unit=unit)
    start, end = _range(date_from, date_to)
    trips = q.aggregate(ws.db, "trips", start, end, sheet.unit_label or None)
    results = []
    for row in sheet.rows:
        for target in TARGETS:
            actual = trips.get(row.unit, (0,))[0] if target.key == "trips" else row.value(target.key)
            results.append(TargetResult(row.unit, target, actual))
    return results
