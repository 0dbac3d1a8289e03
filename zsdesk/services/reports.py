"""Report use cases: gather a report's data from the workspace and hand it to a renderer; bytes out.

    pdf = visit_report(ws, visit_id)
    pdf = weekly_report(ws, office="省政府驻上海办事处", week="2024-W26")
    data = stats_report(ws, date_from="2024-06-11", date_to="2024-06-25", fmt="xlsx", filler="张三")

The UI previews or saves the bytes; the CLI writes them to a file.
"""

from __future__ import annotations

import datetime as dt

from ..domain.campaigns import Campaign
from ..domain.dates import iso_week_range
from ..domain.errors import NotFoundError, ValidationError
from ..domain.hlc import format_hlc, parse_hlc
from ..domain.stats import StatsSheet
from ..reports.models import (
    AttachmentLine,
    ContactLine,
    DemandLine,
    OverdueTask,
    StageStep,
    TaskLine,
    VisitReportData,
    WeeklyDemand,
    WeeklyProject,
    WeeklyReportData,
    WeeklyVisit,
)
from ..reports.stats_sheet import render_stats_pdf
from ..reports.stats_xlsx import render_stats_xlsx
from ..reports.visit_report import render_visit_report
from ..reports.weekly_report import render_weekly_report
from ..storage import report_queries as q
from .campaigns import find_campaign
from .context import Workspace
from .stats import compute_stats, sheet_for

# The offices work in China: a week's history stamps are cut at local (UTC+8) midnight, whatever
# the laptop's own time zone says.
CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "CST")
REPORT_FORMATS = ("pdf", "xlsx")


def _hlc_at(day: dt.date) -> str:
    """The smallest HLC stamp at 00:00 China time on `day` (stamps compare as text)."""
    moment = dt.datetime.combine(day, dt.time(), tzinfo=CHINA_TZ)
    return format_hlc(int(moment.timestamp() * 1000), 0, "")


def _day_of(stamp: str) -> str:
    """ISO date (China time) of an HLC stamp; "" when it is not one."""
    try:
        physical, _, _ = parse_hlc(stamp)
    except ValueError:
        return ""
    return dt.datetime.fromtimestamp(physical / 1000, tz=CHINA_TZ).date().isoformat()


def _str(value: object) -> str:
    return "" if value is None else str(value)


# -- 走访纪要 ---------------------------------------------------------------------------------


def visit_report_data(ws: Workspace, visit_id: str, *, today: dt.date | None = None) -> VisitReportData:
    bundle = q.visit_bundle(ws.db, visit_id)
    if bundle is None:
        raise NotFoundError(f"找不到走访记录“{visit_id}”，可能已被删除")
    v, e = bundle["visit"], bundle["enterprise"]
    return VisitReportData(
        office=_str(bundle["office"].get("name")),
        date=_str(v["date"]),
        enterprise_name=_str(e.get("name")),
        form=_str(v["form"]),
        credit_code=_str(e.get("credit_code")),
        industry=_str(e.get("industry")),
        hq_region=_str(e.get("hq_region")),
        address=_str(e.get("address")),
        contacts=[
            ContactLine(_str(c["name"]), _str(c["title"]), _str(c["phone"]), _str(c["email"]))
            for c in bundle["contacts"]
        ],
        officer=_str(v["officer"]),
        participants=[str(p) for p in v["participants"] or []],
        leader=_str(v["leader"]),
        leader_rank=_str(v["leader_rank"]),
        purpose=_str(v["purpose"]),
        minutes=_str(v["minutes"]),
        intention_industry=_str(v["intention_industry"]),
        intention_wan=v["intention_wan"],
        intention_city=_str(v["intention_city"]),
        intention_park=_str(v["intention_park"]),
        demands_text=_str(v["demands_text"]),
        demands=[
            DemandLine(
                _str(d["content"]),
                _str(d["category"]),
                _str(d["department"]),
                _str(d["status"]),
                _str(d["due_date"]),
                _str(d["response"]),
            )
            for d in bundle["demands"]
        ],
        next_steps=_str(v["next_steps"]),
        tasks=[
            TaskLine(_str(t["title"]), _str(t["assignee"]), _str(t["due_date"]), bool(t["done"]))
            for t in bundle["tasks"]
        ],
        attachments=[
            AttachmentLine(_str(a["filename"]), _str(a["kind"]), a["size"]) for a in bundle["attachments"]
        ],
        generated_on=today or dt.date.today(),
    )


def visit_report(ws: Workspace, visit_id: str) -> bytes:
    """The 走访纪要 PDF of one visit."""
    return render_visit_report(visit_report_data(ws, visit_id))


# -- 周报 -------------------------------------------------------------------------------------


def _office(ws: Workspace, name: str) -> dict[str, str]:
    office = q.office_by_name(ws.db, name)
    if office is None:
        known = "、".join(q.office_names(ws.db)) or "（数据库中还没有办事处）"
        raise NotFoundError(f"找不到办事处“{name}”。现有办事处：{known}")
    return office


def weekly_report_data(
    ws: Workspace, *, office: str, week: str, today: dt.date | None = None
) -> WeeklyReportData:
    monday, sunday = iso_week_range(week)
    year, number, _ = monday.isocalendar()
    info = _office(ws, office)
    start, end = monday.isoformat(), sunday.isoformat()
    hlc_from, hlc_to = _hlc_at(monday), _hlc_at(sunday + dt.timedelta(days=1))

    visits = [
        WeeklyVisit(
            date=_str(r["date"]),
            officer=_str(r["officer"]),
            enterprise=_str(r["enterprise"]),
            form=_str(r["form"]),
            leader=_str(r["leader"]),
            # 洽谈内容 when written, else the purpose: the summary column is never blank for no reason.
            summary=_str(r["minutes"]) or _str(r["purpose"]),
        )
        for r in q.week_visits(ws.db, info["id"], start, end)
    ]
    projects = [
        WeeklyProject(
            name=_str(p["name"]),
            enterprise=_str(p["enterprise"]),
            stage=_str(p["stage"]),
            created_on=_day_of(p["created_at"] or "") if hlc_from <= (p["created_at"] or "") < hlc_to else "",
            planned_wan=p["planned_wan"],
            steps=[
                StageStep(_str(s["date"]), _str(s["from_stage"]), _str(s["to_stage"]), _str(s["note"]))
                for s in p["steps"]
            ],
        )
        for p in q.week_projects(ws.db, info["id"], start, end, hlc_from, hlc_to)
    ]
    demands = []
    for d in q.week_demands(ws.db, info["id"], start, end, hlc_from, hlc_to):
        raised = _str(d["raised_date"]) or _day_of(d["created_at"] or "")
        closed = _str(d["closed_date"])
        answered = _day_of(d["answered_hlc"]) if d["answered_hlc"] else ""
        events = [
            label
            for label, day in (("新提出", raised), ("已回应", answered), ("已办结", closed))
            if day and start <= day <= end
        ]
        demands.append(
            WeeklyDemand(
                enterprise=_str(d["enterprise"]),
                content=_str(d["content"]),
                category=_str(d["category"]),
                status=_str(d["status"]),
                raised_date=raised,
                answered_date=answered,
                closed_date=closed,
                events=events,
            )
        )
    week_end = sunday
    overdue = [
        OverdueTask(
            title=_str(t["title"]),
            assignee=_str(t["assignee"]),
            due_date=_str(t["due_date"]),
            days_overdue=(week_end - dt.date.fromisoformat(t["due_date"][:10])).days,
            about=_str(t["about"]),
        )
        for t in q.overdue_tasks(ws.db, info["id"], end)
    ]
    # The office's own figures (same unit as 本周概况), counted by the rules of the statistics sheet.
    stats = compute_stats(ws, date_from=monday, date_to=sunday, office=(info["id"], info["name"]))
    return WeeklyReportData(
        office=info["name"],
        week=f"{year}-W{number:02d}",
        date_from=monday,
        date_to=sunday,
        visits=visits,
        projects=projects,
        demands=demands,
        overdue_tasks=overdue,
        stats=stats,
        generated_on=today or dt.date.today(),
    )


def weekly_report(ws: Workspace, *, office: str, week: str) -> bytes:
    """The 周报 PDF of `office` for ISO week `week` ("2024-W26")."""
    return render_weekly_report(weekly_report_data(ws, office=office, week=week))


# -- 情况统计表 -------------------------------------------------------------------------------


def stats_report(
    ws: Workspace,
    *,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
    unit: str | None = None,
    fmt: str = "pdf",
    filler: str = "",
    filled_on: dt.date | None = None,
    campaign: Campaign | str | None = None,
    period_only: bool = False,
    yoy: bool = False,
    sheet: StatsSheet | None = None,
) -> bytes:
    """The 情况统计表 as PDF or .xlsx; figures are exactly `sheet_for` (= `zsdesk stats`).

    Pass a computed `sheet` (the screen's) or the period to compute one. 填报人 defaults to the
    database's officer (the user's settings), 填报时间 to today.
    """
    if fmt not in REPORT_FORMATS:
        raise ValidationError({"format": f"不支持的格式“{fmt}”，只能输出 PDF 或 xlsx"})
    if isinstance(campaign, str):
        campaign = find_campaign(ws, campaign)
    if sheet is None:
        sheet = sheet_for(
            ws,
            date_from=date_from,
            date_to=date_to,
            unit=unit,
            campaign=campaign,
            period_only=period_only,
            yoy=yoy,
        )
    sheet.filler = filler.strip() or ws.store.author
    sheet.filled_on = filled_on or dt.date.today()
    return render_stats_pdf(sheet) if fmt == "pdf" else render_stats_xlsx(sheet)
