"""Campaign use cases: the campaign of a day, the next report date and its reminder, defining campaigns.

    current_campaign(ws, today)              # Campaign | None (running, or its last report still due)
    next_report_date(ws, today)              # (date, Campaign | None): the 10th/25th to prepare for
    reminder(ws, today)                      # "距……报送还有2天" within REMIND_DAYS, else None
    add_campaign(ws, name=..., start=..., end=..., visits=100, events=3, trips=8, growth_pct=10)

Campaigns are province-wide (office_id PROVINCE_OFFICE), defined by the provincial admin and
received by sync, read-only for officers; a database that has never synced may keep a local one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..domain import campaigns as dc
from ..domain.campaigns import Campaign
from ..domain.errors import NotFoundError, ValidationError
from ..domain.periods import next_reporting_date
from ..storage import stats_queries as q
from .context import Workspace

REMIND_DAYS = 3  # the 填报人 is reminded this many days before a report date (and on the day)


def list_campaigns(ws: Workspace) -> list[Campaign]:
    """Every live campaign, latest start first."""
    return [dc.from_record(row) for row in q.campaigns(ws.db)]


def find_campaign(ws: Workspace, name: str) -> Campaign:
    """The campaign called `name` (exact, else the only one containing it); else a Chinese NotFoundError."""
    text = name.strip()
    known = list_campaigns(ws)
    exact = [c for c in known if c.name == text]
    partial = [c for c in known if text and text in c.name]
    found = exact or (partial if len(partial) == 1 else [])
    if found:
        return found[0]
    listing = "、".join(c.name for c in known) or "（还没有专项行动，可用 zsdesk campaign preset 添加）"
    raise NotFoundError(f"未找到专项行动“{text}”。现有专项行动：{listing}")


def current_campaign(ws: Workspace, today: dt.date) -> Campaign | None:
    """The campaign running on `today` (or whose last report is still due); the latest started wins."""
    running = [c for c in list_campaigns(ws) if dc.is_current(c, today)]
    return max(running, key=lambda c: c.start) if running else None


def next_report_date(ws: Workspace, today: dt.date) -> tuple[dt.date, Campaign | None]:
    """The next report date on or after `today`: the current campaign's, else the plain 10th/25th."""
    campaign = current_campaign(ws, today)
    if campaign is not None:
        due = dc.next_report_date(campaign, today)
        if due is not None:
            return due, campaign
    return next_reporting_date(today), None


def reminder(ws: Workspace, today: dt.date, *, days: int = REMIND_DAYS) -> str | None:
    """A reminder for the 填报人 when a campaign report is due within `days` days; None otherwise.

    Without a campaign there is nothing the province asked for, so no reminder.
    """
    due, campaign = next_report_date(ws, today)
    if campaign is None or (due - today).days > days:
        return None
    left = (due - today).days
    when = "今天" if left == 0 else f"还有{left}天"
    return f"“{campaign.name}”情况统计表应于{due.month}月{due.day}日报送，{when}。"


def can_define(ws: Workspace) -> str:
    """The office_id a new campaign gets here; ValidationError for an officer of a synced database."""
    role = q.sync_role(ws.db)
    if role == "admin":
        return dc.PROVINCE_OFFICE
    if role is None:
        return ws.office_id  # never synced: a local campaign of this office
    raise ValidationError(
        {"campaign": "专项行动由省级管理员统一制定，同步后只读；如需调整请联系省经济合作局"}
    )


def add_campaign(
    ws: Workspace,
    *,
    name: str,
    start: dt.date,
    end: dt.date,
    visits: int | None = None,
    events: int | None = None,
    trips: int | None = None,
    growth_pct: int | None = None,
    note: str = "",
) -> str:
    """Define a campaign (admin: province-wide; never-synced office: local); returns its id."""
    dc.check_campaign(name, start, end)
    for label, value in (
        ("走访目标企业", visits),
        ("推介会", events),
        ("带队招商", trips),
        ("同比增长", growth_pct),
    ):
        if value is not None and value < 0:
            raise ValidationError({"campaign": f"{label}目标不能为负数"})
    if any(c.name == name.strip() for c in list_campaigns(ws)):
        raise ValidationError({"name": f"已有名为“{name.strip()}”的专项行动"})
    office_id = can_define(ws)
    values: dict[str, Any] = {
        "name": name.strip(),
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "target_visits": visits,
        "target_events": events,
        "target_trips": trips,
        "target_growth_pct": growth_pct,
        "note": note,
    }
    return ws.store.create("campaign", values, office_id=office_id)


def add_preset(ws: Workspace, *, year: int | None = None, start: dt.date | None = None) -> str:
    """Seed 002's 百日攻坚 (2021 dates, or the same days of `year`, or 100 days from `start`)."""
    p = dc.preset(year=year, start=start)
    name = p.name if (p.start.year == 2021 and start is None) else f"{p.start.year}年{p.name}"
    return add_campaign(
        ws,
        name=name,
        start=p.start,
        end=p.end,
        visits=p.visits,
        events=p.events,
        trips=p.trips,
        growth_pct=p.growth_pct,
        note="依据《制造业招商引资“百日攻坚”行动方案》（附件2）",
    )


def update_campaign(ws: Workspace, name: str, **changes: Any) -> None:
    """Change a campaign's dates or targets (start, end, visits, events, trips, growth_pct, note)."""
    campaign = find_campaign(ws, name)
    can_define(ws)
    start, end = changes.get("start") or campaign.start, changes.get("end") or campaign.end
    dc.check_campaign(campaign.name, start, end)
    fields = {"visits": "target_visits", "events": "target_events", "trips": "target_trips"}
    values: dict[str, Any] = {"start_date": start.isoformat(), "end_date": end.isoformat()}
    for key, value in changes.items():
        if value is None or key in ("start", "end"):
            continue
        if key != "note" and int(value) < 0:
            raise ValidationError({"campaign": "目标不能为负数"})
        values[fields.get(key, "target_growth_pct" if key == "growth_pct" else key)] = value
    ws.store.update("campaign", campaign.id, values)


def delete_campaign(ws: Workspace, name: str) -> None:
    campaign = find_campaign(ws, name)
    can_define(ws)
    ws.store.delete("campaign", campaign.id)
