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

from ..domain import campaigns as dc
from ..domain.campaigns import Campaign
from ..domain.dates import parse_date
from ..domain.enums import CITIES
from ..domain.errors import NotFoundError, ValidationError
from ..domain.periods import check_range
from ..domain.periods import same_period_last_year as last_year_range
from ..domain.stats import COLUMNS, PLAIN_TITLE, TOTAL_LABEL, StatsRow, StatsSheet
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
# Drill-down keys: every sheet column, leader trips (a target, not a column) and the events of other
# kinds (签约活动、考察、展会: listed, not counted in 召开推介会).
DRILL_KEYS: dict[str, str] = {
    **{k: agg for k, (agg, _) in FIGURES.items()},
    "trips": "trips",
    "other_events": "other_events",
}
HEADERS = dict(COLUMNS)
_AGGREGATE_NAMES = tuple(dict.fromkeys(agg for agg, _ in FIGURES.values()))

# Seed 002 asks 意向项目签约、落地项目、开工项目、新增到位资金 to grow ≥10% 同比.
GROWTH_TARGET_PCT = Decimal(10)
GROWTH_KEYS = ("projects_signed", "signed_wan", "projects_landed", "projects_started", "funding_wan")


@dataclass(frozen=True)
class Target:
    """A per-unit minimum of a campaign (seed 002's 百日攻坚: per 市州 over the whole campaign)."""

    key: str
    label: str
    minimum: int
    measure: str


# Campaign target key -> sheet figure it is measured by.
_TARGET_FIGURE = {"visits": "enterprises_visited", "events": "events", "trips": "trips"}
# The labels and seed-002 minimums (the 百日攻坚 preset), for the UI's translations.
TARGETS: tuple[Target, ...] = tuple(
    Target(_TARGET_FIGURE[key], label, getattr(dc.hundred_days_2021(), key), measure)
    for key, (label, measure) in dc.TARGET_LABELS.items()
)


@dataclass(frozen=True)
class TargetResult:
    """A unit's progress on one target, always counted from the campaign start (never a shorter period)."""

    unit: str
    target: Target
    actual: int
    finished: bool = True  # the campaign is over at the date counted to: a shortfall is a verdict
    campaign: str = ""
    counted_to: dt.date | None = None

    @property
    def met(self) -> bool:
        return self.actual >= self.target.minimum

    @property
    def text(self) -> str:
        """After the campaign: 实际 and the verdict; while it runs: 累计 so far and what is still missing."""
        t = self.target
        if self.finished:
            state = "已完成" if self.met else f"差{t.minimum - self.actual}{t.measure}"
            return f"{t.label}不少于{t.minimum}{t.measure}：实际{self.actual}{t.measure}，{state}"
        state = "已完成" if self.met else f"进行中，尚差{t.minimum - self.actual}{t.measure}"
        return f"{t.label}不少于{t.minimum}{t.measure}：累计{self.actual}{t.measure}，{state}"


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
    ws: Workspace,
    *,
    date_from: dt.date | str,
    date_to: dt.date | str,
    unit: str | None = None,
    office: tuple[str, str] | None = None,
) -> StatsSheet:
    """The statistics sheet for [date_from, date_to] (inclusive): one row per unit, 市州 in official order first.

    With `unit=None` every unit of the database is listed (zero rows included, so a unit that did
    nothing is visible on the sheet rather than silently missing). `office=(id, name)` counts one
    office's records only, in one row named after the office (the weekly report's own figures).
    """
    start, end = _range(date_from, date_to)
    if office is not None:
        office_id, office_name = office
        results = {
            name: q.aggregate(ws.db, name, start, end, office_id=office_id) for name in _AGGREGATE_NAMES
        }
        row = StatsRow(office_name)
        for key, (agg, index) in FIGURES.items():
            # One office belongs to one unit: at most one group, summed to be safe across a move.
            setattr(row, key, sum(figures[index] for figures in results[agg].values()))
        return StatsSheet(
            dt.date.fromisoformat(start), dt.date.fromisoformat(end), [row], unit_label=office_name
        )
    chosen = resolve_unit(ws, unit) if unit is not None else None
    results = {name: q.aggregate(ws.db, name, start, end, chosen) for name in _AGGREGATE_NAMES}
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


def campaign_targets(c: Campaign) -> list[Target]:
    """The count targets a campaign sets (labels as in TARGETS)."""
    return [
        Target(_TARGET_FIGURE[key], dc.TARGET_LABELS[key][0], minimum, dc.TARGET_LABELS[key][1])
        for key, minimum in c.targets()
    ]


def check_targets(
    ws: Workspace,
    *,
    date_from: dt.date | str,
    date_to: dt.date | str,
    unit: str | None = None,
    campaign: Campaign | None = None,
) -> list[TargetResult]:
    """Each unit's progress on the campaign's targets, counted from the CAMPAIGN START to `date_to`.

    `date_from` is ignored on purpose: a target is never judged against a shorter period. Without
    a campaign (given, or running on `date_to`) there are no targets: [].
    """
    _, end = _range(date_from, date_to)
    as_of = dt.date.fromisoformat(end)
    if campaign is None:
        from .campaigns import current_campaign

        campaign = current_campaign(ws, as_of)
    if campaign is None or as_of < campaign.start:
        return []
    start, until = dc.cumulative_period(campaign, as_of)
    sheet = compute_stats(ws, date_from=start, date_to=until, unit=unit)
    trips = q.aggregate(ws.db, "trips", start.isoformat(), until.isoformat(), sheet.unit_label or None)
    finished = until >= campaign.end
    results = []
    for row in sheet.rows:
        for target in campaign_targets(campaign):
            actual = trips.get(row.unit, (0,))[0] if target.key == "trips" else row.value(target.key)
            results.append(TargetResult(row.unit, target, actual, finished, campaign.name, until))
    return results


def sheet_for(
    ws: Workspace,
    *,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
    unit: str | None = None,
    campaign: Campaign | None = None,
    period_only: bool = False,
    yoy: bool = False,
    today: dt.date | None = None,
) -> StatsSheet:
    """The sheet as printed: title, period (campaign: cumulative from its start), 备注, optional 同比.

    With a campaign, `date_to` (default today) is the report date: figures run from the campaign
    start to it (clamped to the campaign end), or cover only its half-month with `period_only`;
    an explicit `date_from` overrides both. Without a campaign both dates are required.
    """
    basis = ""
    if campaign is not None:
        as_of = dt.date.fromisoformat(_iso(date_to, "截止日期")) if date_to else (today or dt.date.today())
        if date_from:
            start, end = dt.date.fromisoformat(_iso(date_from, "起始日期")), as_of
        elif period_only:
            start, end = dc.report_period(campaign, as_of)
            basis = "本报送期"
        else:
            start, end = dc.cumulative_period(campaign, as_of)
            basis = f"自行动开始（{start.year}年{start.month}月{start.day}日）累计"
    else:
        if not date_from or not date_to:
            raise ValidationError({"period": "请给出起始日期和截止日期（或选择一个专项行动）"})
        start, end = date_from, date_to  # type: ignore[assignment]
    sheet = compute_stats(ws, date_from=start, date_to=end, unit=unit)
    sheet.title = campaign.title if campaign is not None else PLAIN_TITLE
    sheet.basis = basis
    notes = q.notes(ws.db, sheet.date_from.isoformat(), sheet.date_to.isoformat())
    for row in sheet.rows:
        row.note = notes.get(row.unit, ("", ""))[1]
    if yoy:
        sheet.previous = same_period_last_year(
            ws, date_from=sheet.date_from, date_to=sheet.date_to, unit=unit
        )
    return sheet


def set_note(
    ws: Workspace, *, unit: str, date_from: dt.date | str, date_to: dt.date | str, text: str
) -> None:
    """Keep 备注 `text` for `unit` and exactly the period [date_from, date_to] (synced; "" clears it)."""
    start, end = _range(date_from, date_to)
    name = resolve_unit(ws, unit)
    text = text.strip()
    if len(text) > 500:
        raise ValidationError({"note": f"“{name}”的备注过长（{len(text)}字，最多500字）"})
    existing = q.notes(ws.db, start, end).get(name)
    if existing is None:
        if text:
            ws.store.create("stats_note", {"unit": name, "date_from": start, "date_to": end, "text": text})
    elif existing[1] != text:
        ws.store.update("stats_note", existing[0], {"text": text})


def growth_progress(
    ws: Workspace, campaign: Campaign, *, as_of: dt.date | str, unit: str | None = None
) -> dict[str, dict[str, Growth]]:
    """{unit: {figure: Growth}} of the campaign's cumulative figures against the same days last year.

    Only the figures seed 002 asks to grow (GROWTH_KEYS); {} when the campaign sets no growth target.
    """
    if not campaign.growth_pct:
        return {}
    start, until = dc.cumulative_period(campaign, dt.date.fromisoformat(_iso(as_of, "截止日期")))
    current = compute_stats(ws, date_from=start, date_to=until, unit=unit)
    previous = same_period_last_year(ws, date_from=start, date_to=until, unit=unit)
    table = year_on_year(current, previous)
    return {u: {k: g for k, g in row.items() if k in GROWTH_KEYS} for u, row in table.items()}


def growth_text(growths: dict[str, Growth], minimum_pct: int) -> str:
    """One unit's 同比 line: "签约项目(个)+20.0%、…；未达10%：落地项目数(个)"."""
    parts, behind = [], []
    for key, g in growths.items():
        pct = g.percent
        parts.append(f"{HEADERS[key]}{'—' if pct is None else f'{pct:+}%'}")
        if pct is not None and pct < minimum_pct:
            behind.append(HEADERS[key])
    text = f"同比增长不低于{minimum_pct}%：" + "、".join(parts)
    return text + (f"；未达：{'、'.join(behind)}" if behind else "")
