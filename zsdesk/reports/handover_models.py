"""Plain data for the hand-over documents (一企一档, 出访简报, 督办单, 外出招商一表); no database here.

Filled in by `zsdesk.services.handover`. Money is integer 万元 (the renderer prints 亿元); dates are
ISO text as stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .models import ContactLine


@dataclass
class BriefVisit:
    date: str
    form: str = ""
    leader: str = ""
    participants: list[str] = field(default_factory=list)
    purpose: str = ""
    minutes: str = ""
    next_steps: str = ""


@dataclass
class BriefDemand:
    content: str
    category: str = ""
    department: str = ""
    status: str = ""
    raised_date: str = ""
    due_date: str = ""
    days_overdue: int = 0  # 0 when not overdue
    response: str = ""


@dataclass
class BriefProject:
    name: str
    stage: str = ""
    status: str = ""
    planned_wan: int | None = None
    signed_wan: int | None = None
    signed_date: str = ""
    landed_date: str = ""
    started_date: str = ""
    target: str = ""  # 目标市州 / 园区
    last_activity: str = ""


@dataclass
class EnterpriseFile:
    """Everything on one enterprise's one or two pages."""

    name: str
    credit_code: str = ""
    short_name: str = ""
    industry: str = ""
    hq_region: str = ""
    ownership: str = ""
    tags: list[str] = field(default_factory=list)
    is_key: bool = False
    address: str = ""
    note: str = ""
    commissioner: str = ""  # the serving 服务专员, "" when none
    commissioner_since: str = ""
    commissioner_duties: str = ""
    former_commissioners: list[str] = field(default_factory=list)
    contacts: list[ContactLine] = field(default_factory=list)
    visits: list[BriefVisit] = field(default_factory=list)
    visit_total: int = 0  # all visits ever (the page shows the newest few)
    demands: list[BriefDemand] = field(default_factory=list)
    projects: list[BriefProject] = field(default_factory=list)
    talking_points: list[str] = field(default_factory=list)
    enterprise_id: str = ""  # lets a caller add trip-specific points; not printed


@dataclass
class ItineraryRow:
    date: str  # ISO date, or a range text when the day is not fixed
    enterprise: str
    time: str = ""
    place: str = ""
    attendees: str = ""
    purpose: str = ""


@dataclass
class BriefingData:
    """The 出访简报: a cover with the itinerary, then one file per enterprise."""

    office: str
    title: str  # e.g. "刘副省长赴上海招商出访简报"
    leader: str = ""
    leader_rank: str = ""
    party_leader: bool = False
    date_from: str = ""
    date_to: str = ""
    places: str = ""
    note: str = ""
    itinerary: list[ItineraryRow] = field(default_factory=list)
    negotiated: list[str] = field(default_factory=list)  # 洽谈项目 lines
    enterprises: list[EnterpriseFile] = field(default_factory=list)
    generated_on: dt.date | None = None


@dataclass
class DemandSheetRow:
    department: str  # "" = not assigned yet
    enterprise: str
    content: str
    category: str = ""
    status: str = ""
    raised_date: str = ""
    due_date: str = ""
    days_overdue: int = 0
    response: str = ""
    office: str = ""


@dataclass
class DemandSheetData:
    """督办单: open demands grouped by 责任部门 (one section, and one printed page run, each)."""

    office: str
    today: dt.date
    rows: list[DemandSheetRow] = field(default_factory=list)
    department: str = ""  # the filter asked for, "" = every department
    overdue_only: bool = False


@dataclass
class TripSheetRow:
    leader: str
    start_date: str
    leader_rank: str = ""
    party_leader: bool = False
    end_date: str = ""
    places: str = ""
    enterprises: list[str] = field(default_factory=list)
    visits: int = 0
    negotiated: list[str] = field(default_factory=list)
    signed: list[str] = field(default_factory=list)
    signed_wan: int = 0
    office: str = ""
    note: str = ""


@dataclass
class TripSheetData:
    """外出招商一表 (004): every trip of a period on A4 landscape."""

    office: str
    date_from: str = ""
    date_to: str = ""
    rows: list[TripSheetRow] = field(default_factory=list)
    generated_on: dt.date | None = None
