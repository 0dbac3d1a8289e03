"""Hand-over sheets: the 督办单 (open demands by 责任部门) and the 外出招商一表; bytes out, offline.

data = demands_sheet(ws, department="省发展改革委", overdue=True, fmt="xlsx")
pdf = trips_sheet(ws, date_from="2024-01-01", date_to="2024-12-31")
"""

from __future__ import annotations

import datetime as dt

from ..domain.errors import ValidationError
from ..reports.handover_models import DemandSheetData, DemandSheetRow, TripSheetData, TripSheetRow
from ..storage import handover_queries as q
from .context import Workspace
from .handover import days_late, office_label

FORMATS = ("pdf", "xlsx")


def _t(value: object) -> str:
    return "" if value is None else str(value)


# -- 督办单 -----------------------------------------------------------------------------------


def demands_sheet_data(
    ws: Workspace, *, department: str = "", overdue: bool = False, today: dt.date | None = None
) -> DemandSheetData:
    day = today or dt.date.today()
    rows = [
        DemandSheetRow(
            department=_t(r["department"]),
            enterprise=_t(r["enterprise"]),
            content=_t(r["content"]),
            category=_t(r["category"]),
            status=_t(r["status"]),
            raised_date=_t(r["raised_date"]),
            due_date=_t(r["due_date"]),
            days_overdue=days_late(_t(r["due_date"]), day),
            response=_t(r["response"]),
            office=_t(r["office"]),
        )
        for r in q.open_demands(
            ws.db, department=department.strip(), overdue_before=day.isoformat() if overdue else ""
        )
    ]
    return DemandSheetData(office_label(ws), day, rows, department=department.strip(), overdue_only=overdue)


def demands_sheet(
    ws: Workspace,
    *,
    department: str = "",
    overdue: bool = False,
    fmt: str = "pdf",
    today: dt.date | None = None,
) -> bytes:
    """The 督办单 as PDF (a section per department) or .xlsx."""
    if fmt not in FORMATS:
        raise ValidationError({"format": f"不支持的格式“{fmt}”，只能输出 PDF 或 xlsx"})
    data = demands_sheet_data(ws, department=department, overdue=overdue, today=today)
    # reportlab and openpyxl load when a sheet is printed, not when the 诉求 screen opens (≈0.27 s)
    from ..reports.demands_sheet import render_demands_pdf, render_demands_xlsx

    return render_demands_pdf(data) if fmt == "pdf" else render_demands_xlsx(data)


def demand_departments(ws: Workspace) -> list[str]:
    return q.demand_departments(ws.db)


# -- 外出招商一表 -----------------------------------------------------------------------------


def trips_sheet_data(
    ws: Workspace, *, date_from: str = "", date_to: str = "", today: dt.date | None = None
) -> TripSheetData:
    trips = q.trips_between(ws.db, date_from, date_to)
    visits = q.trip_visits(ws.db, [t["id"] for t in trips])
    ent_ids = [e for t in trips for e in t["enterprise_ids"] or []] + [v["enterprise_id"] for v in visits]
    proj_ids = [p for t in trips for p in [*(t["project_ids"] or []), *(t["signed_project_ids"] or [])]]
    ent_names, projects = q.names(ws.db, "enterprise", ent_ids), q.projects_of(ws.db, proj_ids)
    proj = {p["id"]: p for p in projects}
    rows = []
    for t in trips:
        own = [v for v in visits if v["trip_id"] == t["id"]]
        ents = list(dict.fromkeys([*(t["enterprise_ids"] or []), *(v["enterprise_id"] for v in own)]))
        signed_ids = list(t["signed_project_ids"] or [])
        negotiated = [p for p in dict.fromkeys(t["project_ids"] or []) if p not in signed_ids]
        rows.append(
            TripSheetRow(
                leader=_t(t["leader"]),
                start_date=_t(t["start_date"]),
                leader_rank=_t(t["leader_rank"]),
                party_leader=bool(t["party_leader"]),
                end_date=_t(t["end_date"]),
                places=_t(t["places"]),
                enterprises=[ent_names.get(e, "") for e in ents if ent_names.get(e)],
                visits=len(own),
                negotiated=[proj[p]["name"] for p in negotiated if p in proj],
                signed=[proj[p]["name"] for p in signed_ids if p in proj],
                signed_wan=sum(proj[p]["signed_wan"] or 0 for p in signed_ids if p in proj),
                office=_t(t["office"]),
                note=_t(t["note"]),
            )
        )
    return TripSheetData(office_label(ws), date_from, date_to, rows, generated_on=today or dt.date.today())


def trips_sheet(
    ws: Workspace, *, date_from: str = "", date_to: str = "", today: dt.date | None = None
) -> bytes:
    """The 外出招商一表 PDF of the trips starting in [date_from, date_to]."""
    from ..reports.trips_sheet import render_trips_sheet

    return render_trips_sheet(trips_sheet_data(ws, date_from=date_from, date_to=date_to, today=today))
