"""Plain data the report renderers take: filled in by `zsdesk.services.reports`, no database here.

Money is already formatted (亿元, two decimals) or integer 万元 where the renderer formats it;
dates are ISO text as stored, shown as-is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..domain.stats import StatsSheet


@dataclass
class ContactLine:
    name: str
    title: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class DemandLine:
    content: str
    category: str = ""
    department: str = ""
    status: str = ""
    due_date: str = ""
    response: str = ""


@dataclass
class TaskLine:
    title: str
    assignee: str = ""
    due_date: str = ""
    done: bool = False


@dataclass
class AttachmentLine:
    filename: str
    kind: str = ""
    size: int | None = None


@dataclass
class VisitReportData:
    """Everything printed on one 走访纪要."""

    office: str
    date: str
    enterprise_name: str
    form: str
    credit_code: str = ""
    industry: str = ""
    hq_region: str = ""
    address: str = ""
    contacts: list[ContactLine] = field(default_factory=list)
    officer: str = ""  # 记录人
    participants: list[str] = field(default_factory=list)
    leader: str = ""
    leader_rank: str = ""
    purpose: str = ""
    minutes: str = ""
    intention_industry: str = ""
    intention_wan: int | None = None
    intention_city: str = ""
    intention_park: str = ""
    demands_text: str = ""
    demands: list[DemandLine] = field(default_factory=list)
    next_steps: str = ""
    tasks: list[TaskLine] = field(default_factory=list)
    attachments: list[AttachmentLine] = field(default_factory=list)
    generated_on: dt.date | None = None


@dataclass
class WeeklyVisit:
    date: str
    officer: str
    enterprise: str
    form: str
    leader: str = ""
    summary: str = ""


@dataclass
class StageStep:
    date: str
    from_stage: str
    to_stage: str
    note: str = ""


@dataclass
class WeeklyProject:
    name: str
    enterprise: str
    stage: str
    created_on: str = ""  # ISO date when the record was created this week, else ""
    planned_wan: int | None = None
    steps: list[StageStep] = field(default_factory=list)


@dataclass
class WeeklyDemand:
    enterprise: str
    content: str
    category: str = ""
    status: str = ""
    raised_date: str = ""
    answered_date: str = ""
    closed_date: str = ""
    # What happened this week, any of 新提出 / 已回应 / 已办结.
    events: list[str] = field(default_factory=list)


@dataclass
class OverdueTask:
    title: str
    assignee: str = ""
    due_date: str = ""
    days_overdue: int = 0
    about: str = ""  # the enterprise or project it concerns


@dataclass
class WeeklyReportData:
    """A team lead's week for one office."""

    office: str
    week: str  # "2024-W26"
    date_from: dt.date
    date_to: dt.date
    visits: list[WeeklyVisit] = field(default_factory=list)
    projects: list[WeeklyProject] = field(default_factory=list)
    demands: list[WeeklyDemand] = field(default_factory=list)
    overdue_tasks: list[OverdueTask] = field(default_factory=list)
    stats: StatsSheet | None = None
    stats_note: str = ""  # why stats are missing, when they are
    generated_on: dt.date | None = None
