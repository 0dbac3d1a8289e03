"""The 工作台: today's work of one officer in one office — tasks, the team's overdue ones for a
team lead, the office's demands by nearest deadline, this week's visits, the next report date,
六必访 due and stalled projects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..storage import today as queries
from ..storage import worklists
from .context import Workspace

# "Near due" for demands: due within this many days (reminders, the red/amber colouring).
DEMAND_WARN_DAYS = 3
# A report date this near gets a reminder.
REPORT_WARN_DAYS = 2


@dataclass
class Dashboard:
    today: str
    tasks: list[dict[str, Any]] = field(default_factory=list)
    team_overdue: list[dict[str, Any]] = field(default_factory=list)
    demands: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)
    stalled: list[dict[str, Any]] = field(default_factory=list)
    triggers: list[dict[str, Any]] = field(default_factory=list)
    keyless: int = 0
    week: tuple[str, str] = ("", "")
    report_date: str = ""
    team_lead: bool = False

    @property
    def overdue_tasks(self) -> int:
        return sum(1 for t in self.tasks if t["due_date"] and t["due_date"] < self.today)

    @property
    def report_in_days(self) -> int:
        if not self.report_date:
            return -1
        return (date.fromisoformat(self.report_date) - date.fromisoformat(self.today)).days


def next_report_date(ws: Workspace, day: date) -> date:
    """The next date figures are due: the current campaign's when campaigns exist, else the
    half-monthly reporting calendar."""
    from .campaigns import next_report_date as campaign_report_date

    due, _campaign = campaign_report_date(ws, day)
    return due


def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday of the week holding `day`."""
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


def load_dashboard(
    ws: Workspace,
    *,
    today: date | None = None,
    officer: str | None = None,
    stalled_days: int = 30,
    team_lead: bool = False,
) -> Dashboard:
    day = today or date.today()
    iso = day.isoformat()
    office = ws.office_id
    monday, sunday = week_of(day)
    tasks = (
        queries.my_open_tasks(ws.db, assignee=officer)
        if officer
        else worklists.open_tasks_due(ws.db, until=iso)
    )
    return Dashboard(
        today=iso,
        tasks=tasks,
        team_overdue=queries.team_overdue_tasks(ws.db, office_id=office, before=iso, exclude=officer or "")
        if team_lead
        else [],
        demands=queries.office_open_demands(ws.db, office_id=office),
        visits=queries.office_visits_between(
            ws.db, office_id=office, start=monday.isoformat(), end=sunday.isoformat()
        ),
        stalled=office_stalled(ws, today=day, days=stalled_days),
        triggers=queries.office_triggers_due(ws.db, office_id=office),
        keyless=worklists.key_enterprises_without_commissioner(ws.db),
        week=(monday.isoformat(), sunday.isoformat()),
        report_date=next_report_date(ws, day).isoformat(),
        team_lead=team_lead,
    )


def stalled_projects(
    ws: Workspace, *, today: date | None = None, days: int = 30, limit: int | None = 200
) -> list[dict[str, Any]]:
    """The one stalled-project rule (DOMAIN.md) behind the 工作台 list and the project list's highlight:
    no activity (creation, stage change, funds, linked visit/task) for `days`, or marked 停滞 by hand."""
    before = ((today or date.today()) - timedelta(days=days)).isoformat()
    return worklists.stalled_projects(ws.db, before=before, limit=limit)


def office_stalled(ws: Workspace, *, today: date, days: int, limit: int = 100) -> list[dict[str, Any]]:
    """`stalled_projects` of this laptop's office (the database may hold other offices' projects)."""
    mine = queries.office_project_ids(ws.db, office_id=ws.office_id)
    return [p for p in stalled_projects(ws, today=today, days=days, limit=None) if p["id"] in mine][:limit]


def reminders(data: Dashboard) -> list[tuple[str, str]]:
    """(key, Chinese text) of what deserves a tray notification today: a task due today, a demand
    at its deadline, the report date two days away. The key lets the GUI say each thing once."""
    out: list[tuple[str, str]] = []
    for t in data.tasks:
        if t["due_date"] == data.today:
            out.append((f"task:{t['id']}:{data.today}", f"任务今天到期：{t['title']}"))
    for d in data.demands:
        if d["due_date"] == data.today:
            out.append((f"demand:{d['id']}:{data.today}", f"诉求今天到办理时限：{d['content']}"))
    if 0 <= data.report_in_days <= REPORT_WARN_DAYS:
        out.append(
            (f"report:{data.report_date}", f"报送日 {data.report_date}，还有 {data.report_in_days} 天")
        )
    return out


def due_today_summary(ws: Workspace, *, officer: str | None, today: date | None = None) -> str:
    """The start-up reminder text ('' when nothing is due)."""
    iso = (today or date.today()).isoformat()
    tasks = worklists.open_tasks_due(ws.db, until=iso, assignee=officer or None)
    if not tasks:
        return ""
    overdue = sum(1 for t in tasks if t["due_date"] < iso)
    lines = [f"· {t['due_date']} {t['title']}" for t in tasks[:8]]
    more = f"\n……共 {len(tasks)} 项" if len(tasks) > 8 else ""
    return f"今天到期或已逾期的任务 {len(tasks)} 项（其中逾期 {overdue} 项）：\n" + "\n".join(lines) + more


@dataclass(frozen=True)
class Figure:
    """One chart of the 工作台's 本期工作量."""

    target: Any  # services.stats.Target: its label and measure (its minimum counts only with `result`)
    actual: int
    last_year: int  # the same calendar days one year earlier
    result: Any = None  # services.stats.TargetResult: the running campaign's target, judged from its start


@dataclass(frozen=True)
class Workload:
    start: date
    end: date
    figures: list[Figure]
    campaign: str = ""  # the running campaign's name: the span then runs from its start


def workload(ws: Workspace, *, date_from: date, date_to: date, unit: str | None = None) -> Workload:
    """本期工作量: enterprises visited, 推介会 and leader trips of `unit` (None: every unit), each with the
    same days last year. A campaign running on `date_to` sets the span (cumulative from its start: a
    target is never judged against a shorter period) and the targets; without one the chosen period
    is counted and nothing is judged (DOMAIN.md)."""
    from ..domain.campaigns import cumulative_period
    from ..domain.periods import same_period_last_year
    from . import stats
    from .campaigns import current_campaign

    campaign = current_campaign(ws, date_to)
    if campaign is not None and date_to >= campaign.start:
        start, end = cumulative_period(campaign, date_to)
        targets = stats.campaign_targets(campaign)
    else:
        campaign, (start, end), targets = None, (date_from, date_to), list(stats.TARGETS)
    label, now = _counts(ws, start, end, unit)
    _, before = _counts(ws, *same_period_last_year(start, end), unit)
    figures = [
        Figure(
            t,
            now[t.key],
            before[t.key],
            None
            if campaign is None
            else stats.TargetResult(label, t, now[t.key], end >= campaign.end, campaign.name, end),
        )
        for t in targets
    ]
    return Workload(start, end, figures, campaign.name if campaign is not None else "")


def _counts(ws: Workspace, start: date, end: date, unit: str | None) -> tuple[str, dict[str, int]]:
    """(unit label, {target key: count}) over [start, end]: the sheet's figures plus leader trips."""
    from ..storage import stats_queries
    from .stats import compute_stats

    sheet = compute_stats(ws, date_from=start, date_to=end, unit=unit)
    row = sheet.rows[0] if unit is not None else sheet.total
    trips = stats_queries.aggregate(
        ws.db, "trips", start.isoformat(), end.isoformat(), sheet.unit_label or None
    )
    counts = {key: row.value(key) for key in ("enterprises_visited", "events")}
    return row.unit, {**counts, "trips": sum(v[0] for v in trips.values())}
