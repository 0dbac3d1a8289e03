"""Hand-over documents: 一企一档, 出访简报, 督办单 and the 外出招商一表; bytes out, offline.

pdf = enterprise_file(ws, "宁德时代")                     # name, 简称 or credit code
pdf = briefing_pack(ws, trip_id=tid)                      # or enterprises="甲公司,乙公司"
data = demands_sheet(ws, department="省发展改革委", overdue=True, fmt="xlsx")
pdf = trips_sheet(ws, date_from="2024-01-01", date_to="2024-12-31")
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from ..domain.errors import NotFoundError, ValidationError
from ..domain.money import format_yi
from ..reports.handover_models import (
    BriefDemand,
    BriefingData,
    BriefProject,
    BriefVisit,
    EnterpriseFile,
    ItineraryRow,
)
from ..reports.models import ContactLine
from ..storage import handover_queries as q
from .context import Workspace

_SPLIT = re.compile(r"[,，、;；\n]+")
_STAGE_ORDER = ("信息获取", "现场考察", "会谈洽谈", "签约落地", "开工建设", "投产达产")


def _s(value: object) -> str:
    return "" if value is None else str(value)


def _short(text: str, n: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _span(start: str, end: str) -> str:
    """An itinerary row's day: the ISO date when the trip is one day, else "6月1日—6月3日"."""
    if not end or end == start:
        return start
    if not start:
        return end
    a, b = dt.date.fromisoformat(start[:10]), dt.date.fromisoformat(end[:10])
    return f"{a.month}月{a.day}日—{b.month}月{b.day}日"


def days_late(due: str, today: dt.date) -> int:
    try:
        return max(0, (today - dt.date.fromisoformat(due[:10])).days)
    except ValueError:
        return 0


# -- enterprises by name or code --------------------------------------------------------------


def find_enterprise(ws: Workspace, key: str) -> str:
    """The id of the one live enterprise `key` names (exact code/name/简称, else a unique part of a name)."""
    hits = q.enterprises_by_key(ws.db, key)
    if not hits:
        raise NotFoundError(f"找不到企业“{key.strip()}”，请核对企业名称或统一社会信用代码")
    if len(hits) > 1:
        names = "、".join(h["name"] for h in hits[:8]) + ("等" if len(hits) > 8 else "")
        raise ValidationError(
            {"enterprise": f"“{key.strip()}”对应多家企业：{names}。请写企业全称或统一社会信用代码"}
        )
    return hits[0]["id"]


def resolve_enterprises(ws: Workspace, keys: str | Sequence[str]) -> list[str]:
    """Ids for a list of names/codes ("甲公司,乙公司" or a list), in the order given, duplicates dropped."""
    items = [k.strip() for k in (_SPLIT.split(keys) if isinstance(keys, str) else keys) if k.strip()]
    if not items:
        raise ValidationError({"enterprises": "请至少填写一家企业（名称或统一社会信用代码，用逗号分隔）"})
    problems: list[str] = []
    ids: list[str] = []
    for key in items:
        try:
            ids.append(find_enterprise(ws, key))
        except (NotFoundError, ValidationError) as exc:
            problems.append(str(exc))
    if problems:
        raise ValidationError({"enterprises": "；".join(problems)})
    return list(dict.fromkeys(ids))


# -- 一企一档 ---------------------------------------------------------------------------------


def _talking_points(f: EnterpriseFile) -> list[str]:
    """Suggested points from the latest next steps, late or answered demands and projects in progress."""
    points: list[str] = []
    latest = next((v for v in f.visits if v.next_steps.strip()), None)
    if latest is not None:
        for line in [x.strip(" -•·") for x in latest.next_steps.splitlines() if x.strip()][:3]:
            points.append(f"跟进{latest.date}走访商定事项：{_short(line, 60)}")
    for d in f.demands:
        if d.days_overdue > 0:
            points.append(
                f"诉求“{_short(d.content)}”已超期{d.days_overdue}天（{d.department or '未指定部门'}），说明办理进展"
            )
        elif d.status == "已回应" and d.response:
            points.append(f"反馈诉求“{_short(d.content)}”办理情况：{_short(d.response, 40)}")
    for p in f.projects:
        if p.status not in ("", "正常") or p.stage not in _STAGE_ORDER:
            continue
        step = _STAGE_ORDER.index(p.stage)
        if step < _STAGE_ORDER.index("签约落地"):
            points.append(
                f"推动“{p.name}”由“{p.stage}”进入“{_STAGE_ORDER[step + 1]}”，了解决策时间和落地条件"
            )
        elif p.stage == "签约落地" and not p.started_date:
            points.append(f"了解“{p.name}”开工准备，协调开工前的手续和要素保障")
    if not f.visits:
        points.insert(0, "首次拜访：介绍投资环境和支持政策，了解企业投资布局和合作意向")
    return points[:6]


def _enterprise_file(section: dict[str, Any], today: dt.date) -> EnterpriseFile:
    e = section["enterprise"]
    serving = [c for c in section["commissioners"] if not c.get("end_date")]
    former = [c["officer"] for c in section["commissioners"] if c.get("end_date")]
    f = EnterpriseFile(
        name=_s(e["name"]),
        credit_code=_s(e["credit_code"]),
        short_name=_s(e["short_name"]),
        industry=_s(e["industry"]),
        hq_region=_s(e["hq_region"]),
        ownership=_s(e["ownership"]),
        tags=[str(t) for t in e["tags"] or []],
        is_key=bool(e["is_key"]),
        address=_s(e["address"]),
        note=_s(e["note"]),
        commissioner=_s(serving[0]["officer"]) if serving else "",
        commissioner_since=_s(serving[0]["start_date"]) if serving else "",
        commissioner_duties=_s(serving[0]["duties"]) if serving else "",
        former_commissioners=list(dict.fromkeys(_s(o) for o in former if o))[:3],
        contacts=[
            ContactLine(_s(c["name"]), _s(c["title"]), _s(c["phone"]), _s(c["email"]))
            for c in section["contacts"]
        ],
        visits=[
            BriefVisit(
                _s(v["date"]),
                _s(v["form"]),
                _s(v["leader"]),
                [str(p) for p in v["participants"] or []],
                _s(v["purpose"]),
                _s(v["minutes"]),
                _s(v["next_steps"]),
            )
            for v in section["visits"]
        ],
        visit_total=section["visit_total"],
        demands=[
            BriefDemand(
                _s(d["content"]),
                _s(d["category"]),
                _s(d["department"]),
                _s(d["status"]),
                _s(d["raised_date"]),
                _s(d["due_date"]),
                days_late(_s(d["due_date"]), today),
                _s(d["response"]),
            )
            for d in section["demands"]
        ],
        projects=[
            BriefProject(
                _s(p["name"]),
                _s(p["stage"]),
                _s(p["status"]),
                p["planned_wan"],
                p["signed_wan"],
                _s(p["signed_date"]),
                _s(p["landed_date"]),
                _s(p["started_date"]),
                "　".join(x for x in (_s(p["target_city"]), _s(p["target_park"])) if x),
                _s(p["last_activity"]),
            )
            for p in section["projects"]
        ],
    )
    f.talking_points = _talking_points(f)
    f.enterprise_id = e["id"]
    return f


def enterprise_files(
    ws: Workspace, enterprise_ids: Sequence[str], *, today: dt.date | None = None, skip_trip: str = ""
) -> list[EnterpriseFile]:
    """The files of several enterprises, in the order of `enterprise_ids` (missing ones skipped)."""
    sections = q.enterprise_sections(ws.db, enterprise_ids, skip_trip=skip_trip)
    day = today or dt.date.today()
    return [_enterprise_file(sections[i], day) for i in enterprise_ids if i in sections]


def office_label(ws: Workspace) -> str:
    return q.office_name(ws.db, ws.office_id) or "招商外勤"


def enterprise_file(
    ws: Workspace, enterprise: str = "", *, enterprise_id: str = "", today: dt.date | None = None
) -> bytes:
    """The 一企一档 PDF of one enterprise, named by name/简称/code (`enterprise`) or by id."""
    eid = enterprise_id or find_enterprise(ws, enterprise)
    files = enterprise_files(ws, [eid], today=today)
    if not files:
        raise NotFoundError("找不到该企业，可能已被删除")
    from ..reports.enterprise_file import render_enterprise_file  # reportlab on use, not on import

    return render_enterprise_file(files[0], office=office_label(ws), generated_on=today or dt.date.today())


# -- 出访简报 ---------------------------------------------------------------------------------


def find_trip(ws: Workspace, key: str) -> str:
    """The id of the one trip `key` names: its id (or the id's first characters), 出发日期 or 带队领导."""
    hits = q.trips_by_key(ws.db, key)
    if len(hits) == 1:
        return hits[0]["id"]
    listed = "；".join(
        f"{h['start_date']} {h['leader']}（{h['places'] or ''}，ID {h['id']}）" for h in hits[:8]
    )
    if not hits:
        raise NotFoundError(f"找不到外出招商记录“{key.strip()}”（可写记录 ID、出发日期或带队领导）")
    raise ValidationError({"trip": f"“{key.strip()}”对应多条外出招商记录：{listed}。请写记录 ID"})


def _trip_briefing(ws: Workspace, key: str, date_from: str, date_to: str, today: dt.date) -> BriefingData:
    trip_id = find_trip(ws, key)
    trip = q.trip(ws.db, trip_id)
    if trip is None:
        raise NotFoundError(f"找不到外出招商记录“{key}”，可能已被删除")
    visits = [
        v
        for v in q.trip_visits(ws.db, [trip_id])
        if (not date_from or v["date"] >= date_from) and (not date_to or v["date"] <= date_to)
    ]
    order = list(dict.fromkeys([*(v["enterprise_id"] for v in visits), *(trip["enterprise_ids"] or [])]))
    files = enterprise_files(ws, order, today=today, skip_trip=trip_id)
    names = q.names(ws.db, "enterprise", order)
    leader = _s(trip["leader"])
    when = _span(_s(trip["start_date"]), _s(trip["end_date"]))
    itinerary: list[ItineraryRow] = []
    for v in visits:
        people = "、".join(
            dict.fromkeys(x for x in [_s(v["leader"]) or leader, *(v["participants"] or [])] if x)
        )
        purpose = _s(v["purpose"]) or _short(_s(v["minutes"]).split("\n")[0], 40)
        itinerary.append(
            ItineraryRow(_s(v["date"]), _s(v["enterprise"]), "", _s(trip["places"]), people, purpose)
        )
    visited = {v["enterprise_id"] for v in visits}
    projects = q.projects_of(ws.db, [*(trip["project_ids"] or []), *(trip["signed_project_ids"] or [])])
    signed = set(trip["signed_project_ids"] or [])
    for eid in trip["enterprise_ids"] or []:
        if eid in visited:
            continue
        own = [p["name"] for p in projects if p["enterprise_id"] == eid]
        purpose = f"洽谈{'、'.join(own)}" if own else "拜访交流"
        itinerary.append(ItineraryRow(when, names.get(eid, ""), "", _s(trip["places"]), leader, purpose))
    for f in files:  # what this trip is for comes first in each enterprise's talking points
        own = [p for p in projects if p["enterprise_id"] == f.enterprise_id]
        f.talking_points[:0] = [
            (f"本次拟签约“{p['name']}”" if p["id"] in signed else f"本次洽谈“{p['name']}”")
            + f"（当前阶段：{_s(p['stage'])}）"
            for p in own
        ]
        del f.talking_points[6:]
    negotiated = [
        f"{p['name']}（{_s(p['enterprise'])}，{_s(p['stage'])}"
        + (f"，计划投资{format_yi(p['planned_wan'])}亿元" if p["planned_wan"] else "")
        + ("，本次签约" if p["id"] in signed else "")
        + "）"
        for p in projects
    ]
    rank = _s(trip["leader_rank"])
    return BriefingData(
        office=office_label(ws),
        title=f"{leader}{'（' + rank + '）' if rank else ''}外出招商出访简报" if leader else "出访简报",
        leader=leader,
        leader_rank=rank,
        party_leader=bool(trip["party_leader"]),
        date_from=_s(trip["start_date"]),
        date_to=_s(trip["end_date"]),
        places=_s(trip["places"]),
        note=_s(trip["note"]),
        itinerary=itinerary,
        negotiated=negotiated,
        enterprises=files,
        generated_on=today,
    )


def briefing_data(
    ws: Workspace,
    *,
    trip_id: str = "",
    enterprises: str | Sequence[str] = "",
    enterprise_ids: Sequence[str] = (),
    date_from: str = "",
    date_to: str = "",
    today: dt.date | None = None,
) -> BriefingData:
    """For a trip (its visits and enterprises) or for enterprises named or given by id."""
    day = today or dt.date.today()
    if trip_id:
        return _trip_briefing(ws, trip_id, date_from, date_to, day)
    ids = list(enterprise_ids) or (resolve_enterprises(ws, enterprises) if enterprises else [])
    if not ids:
        raise ValidationError({"briefing": "请指定外出招商记录（--trip）或企业（--enterprises）"})
    files = enterprise_files(ws, ids, today=day)
    when = _span(date_from, date_to)
    itinerary = []
    for f in files:
        open_projects = [
            p.name for p in f.projects if p.stage in _STAGE_ORDER[:3] and p.status in ("", "正常")
        ]
        purpose = f"洽谈{'、'.join(open_projects[:2])}" if open_projects else "拜访交流"
        itinerary.append(ItineraryRow(when, f.name, "", f.hq_region, "", purpose))
    return BriefingData(
        office=office_label(ws),
        title="出访简报",
        date_from=date_from,
        date_to=date_to,
        itinerary=itinerary,
        enterprises=files,
        generated_on=day,
    )


def briefing_pack(ws: Workspace, **kwargs: Any) -> bytes:
    """The 出访简报 PDF; takes the arguments of `briefing_data`."""
    from ..reports.briefing import render_briefing  # reportlab on use, not on import

    return render_briefing(briefing_data(ws, **kwargs))
