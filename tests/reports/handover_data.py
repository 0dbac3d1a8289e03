"""A small office database for the hand-over documents: enterprises with and without history, a trip."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from zsdesk.services.context import Workspace
from zsdesk.services.workflow import assign_commissioner

LONG_MINUTES = (
    "双方就动力电池基地二期选址、用地指标和电价政策深入交换了意见，企业希望在宜宾三江新区扩建产能。" * 12
    + "（完）"
)


@dataclass
class Seeded:
    catl: str = ""  # with visits, demands, projects, commissioner, contacts
    blank: str = ""  # an enterprise with nothing yet
    trip: str = ""
    trip_visit: str = ""
    loose_visit: str = ""
    projects: dict[str, str] = field(default_factory=dict)


def seed(ws: Workspace, today: dt.date) -> Seeded:
    s = ws.store
    out = Seeded()
    out.catl = s.create(
        "enterprise",
        {
            "name": "宁德时代新能源科技股份有限公司",
            "short_name": "宁德时代",
            "credit_code": "91350900587527783P",
            "industry": "新能源汽车",
            "hq_region": "福建宁德",
            "ownership": "内资",
            "tags": ["世界500强", "链主企业"],
            "is_key": True,
            "address": "福建省宁德市蕉城区漳湾镇新港路2号",
        },
    )
    out.blank = s.create(
        "enterprise", {"name": "上海微光半导体有限公司", "industry": "电子信息", "hq_region": "上海"}
    )
    s.create(
        "contact", {"enterprise_id": out.catl, "name": "王经理", "title": "投资总监", "phone": "13800138000"}
    )
    assign_commissioner(ws, out.catl, officer="李娜", start="2024-01-05", duties="对接宜宾基地要素保障")
    old = (today - dt.timedelta(days=60)).isoformat()
    recent = (today - dt.timedelta(days=20)).isoformat()
    s.create(
        "visit",
        {
            "date": old,
            "enterprise_id": out.catl,
            "form": "来访接待",
            "purpose": "介绍四川电价政策",
            "minutes": "企业关注绿电供应。",
            "next_steps": "提供绿电交易政策汇编",
        },
    )
    last = s.create(
        "visit",
        {
            "date": recent,
            "enterprise_id": out.catl,
            "form": "上门拜访",
            "leader": "刘副主任",
            "participants": ["张三", "李娜"],
            "purpose": "洽谈二期扩产",
            "minutes": LONG_MINUTES,
            "next_steps": "组织企业赴宜宾三江新区现场考察\n报送用地预审材料清单",
        },
    )
    s.create(
        "demand",
        {
            "enterprise_id": out.catl,
            "visit_id": last,
            "content": "协调二期项目用地500亩",
            "category": "用地",
            "department": "省自然资源厅",
            "status": "办理中",
            "raised_date": recent,
            "due_date": (today - dt.timedelta(days=5)).isoformat(),
            "response": "已列入年度用地计划，待报批",
        },
    )
    s.create(
        "demand",
        {
            "enterprise_id": out.catl,
            "content": "争取绿电直供试点",
            "category": "用能",
            "department": "省发展改革委",
            "status": "已回应",
            "raised_date": old,
            "due_date": (today + dt.timedelta(days=30)).isoformat(),
            "response": "已纳入试点储备名单",
        },
    )
    s.create(
        "demand",
        {
            "enterprise_id": out.catl,
            "content": "已经解决的诉求不应出现",
            "category": "审批",
            "department": "省发展改革委",
            "status": "已解决",
            "raised_date": old,
        },
    )
    out.projects["二期"] = s.create(
        "project",
        {
            "name": "宁德时代宜宾动力电池二期",
            "enterprise_id": out.catl,
            "industry": "新能源汽车",
            "planned_wan": "120",
            "target_city": "宜宾市",
            "stage": "会谈洽谈",
        },
    )
    out.projects["储能"] = s.create(
        "project",
        {
            "name": "宁德时代储能电池项目",
            "enterprise_id": out.catl,
            "planned_wan": "30",
            "stage": "签约落地",
            "signed_date": "2024-03-18",
            "signed_wan": "32.5",
            "landed_date": "2024-04-01",
        },
    )
    out.trip = s.create(
        "trip",
        {
            "leader": "陈书记",
            "leader_rank": "市委书记",
            "party_leader": True,
            "start_date": today.isoformat(),
            "end_date": (today + dt.timedelta(days=2)).isoformat(),
            "places": "上海、宁德",
            "enterprise_ids": [out.blank],
            "project_ids": [out.projects["二期"]],
            "signed_project_ids": [out.projects["储能"]],
        },
    )
    out.trip_visit = s.create(
        "visit",
        {
            "date": (today + dt.timedelta(days=1)).isoformat(),
            "enterprise_id": out.catl,
            "form": "上门拜访",
            "leader": "陈书记",
            "participants": ["张三"],
            "purpose": "商谈二期项目签约时间",
            "trip_id": out.trip,
        },
    )
    out.loose_visit = s.create(
        "visit",
        {"date": today.isoformat(), "enterprise_id": out.catl, "form": "云洽谈", "purpose": "初次接洽"},
    )
    return out
