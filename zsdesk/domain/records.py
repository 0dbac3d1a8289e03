"""The synced records of DOMAIN.md as typed dataclasses; field metadata drives storage and validation.

Money is integer 万元; dates are ISO text; lists are tuples of strings. Every record
carries the sync envelope (`id`, `office_id`, `deleted`, ...) from `Envelope`.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Any, ClassVar

from . import enums


def spec(
    label: str,
    kind: str = "text",
    *,
    required: bool = False,
    choices: tuple[str, ...] = (),
    max_len: int = 200,
    ref: str = "",
    default: Any = None,
) -> Any:
    """Declare a record field: its Chinese label, kind and rules (read by `FieldSpec.of`)."""
    meta = {
        "label": label,
        "kind": kind,
        "required": required,
        "choices": choices,
        "max_len": max_len,
        "ref": ref,
    }
    if kind == "list":
        return field(default=(), metadata=meta)
    if kind == "bool":
        return field(default=bool(default), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass
class Envelope:
    """Sync envelope shared by every synced record (SYNC.md: ids, office, tombstones)."""

    id: str = ""
    office_id: str = ""
    deleted: bool = False
    version: int = 0  # server seq of the last server state this row reflects
    updated_at: str = ""  # HLC stamp of the last local or pulled change
    updated_by: str = ""

    TABLE: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""


@dataclass
class Office(Envelope):
    TABLE: ClassVar[str] = "office"
    TITLE: ClassVar[str] = "办事处"
    name: str = spec("办事处名称", required=True, max_len=100)
    unit: str = spec("填报单位", max_len=100)


@dataclass
class Enterprise(Envelope):
    TABLE: ClassVar[str] = "enterprise"
    TITLE: ClassVar[str] = "企业"
    name: str = spec("企业名称", required=True, max_len=200)
    short_name: str = spec("简称", max_len=50)
    credit_code: str = spec("统一社会信用代码", "credit_code", max_len=18)
    industry: str = spec("所属行业", "enum", choices=enums.INDUSTRIES)
    hq_region: str = spec("总部所在地", max_len=50)
    ownership: str = spec("企业性质", "enum", choices=enums.OWNERSHIPS)
    tags: tuple[str, ...] = spec("标签", "list")
    is_key: bool = spec("重点企业", "bool")
    address: str = spec("地址", max_len=300)
    note: str = spec("备注", max_len=2000)
    merged_into: str = spec("已合并到", "ref", ref="enterprise")


@dataclass
class Contact(Envelope):
    TABLE: ClassVar[str] = "contact"
    TITLE: ClassVar[str] = "联系人"
    enterprise_id: str = spec("企业", "ref", required=True, ref="enterprise")
    name: str = spec("联系人", required=True, max_len=50)
    title: str = spec("职务", max_len=50)
    phone: str = spec("联系电话", "phone", max_len=30)
    email: str = spec("电子邮箱", "email", max_len=100)


@dataclass
class Visit(Envelope):
    TABLE: ClassVar[str] = "visit"
    TITLE: ClassVar[str] = "走访"
    date: str = spec("走访日期", "date", required=True)
    enterprise_id: str = spec("企业", "ref", required=True, ref="enterprise")
    form: str = spec("走访形式", "enum", required=True, choices=enums.VISIT_FORMS)
    officer: str = spec("记录人", max_len=50)
    participants: tuple[str, ...] = spec("参加人员", "list")
    leader: str = spec("带队领导", max_len=50)
    leader_rank: str = spec("领导职级", max_len=50)
    purpose: str = spec("走访目的", max_len=500)
    minutes: str = spec("洽谈内容", max_len=20000)
    intention_industry: str = spec("意向行业", max_len=50)
    intention_wan: int | None = spec("意向投资额(亿元)", "money")
    intention_city: str = spec("意向市州", max_len=50)
    intention_park: str = spec("意向园区", max_len=100)
    demands_text: str = spec("企业诉求", max_len=5000)
    next_steps: str = spec("下一步工作", max_len=5000)
    trip_id: str = spec("外出招商", "ref", ref="trip")


@dataclass
class Attachment(Envelope):
    TABLE: ClassVar[str] = "attachment"
    TITLE: ClassVar[str] = "附件"
    owner_table: str = spec("所属记录类型", required=True, max_len=30)
    owner_id: str = spec("所属记录", required=True, max_len=40)
    sha256: str = spec("SHA-256", required=True, max_len=64)
    filename: str = spec("文件名", required=True, max_len=255)
    mime: str = spec("类型", max_len=100)
    size: int | None = spec("大小", "int")
    kind: str = spec("附件类别", max_len=20)  # 照片 / 名片 / 函件


@dataclass
class Project(Envelope):
    TABLE: ClassVar[str] = "project"
    TITLE: ClassVar[str] = "项目"
    name: str = spec("项目名称", required=True, max_len=200)
    enterprise_id: str = spec("企业", "ref", required=True, ref="enterprise")
    industry: str = spec("所属行业", "enum", choices=enums.INDUSTRIES)
    planned_wan: int | None = spec("计划投资(亿元)", "money")
    target_city: str = spec("目标市州", max_len=50)
    target_park: str = spec("目标园区", max_len=100)
    stage: str = spec("项目阶段", "enum", required=True, choices=enums.STAGES, default="信息获取")
    status: str = spec("项目状态", "enum", choices=enums.PROJECT_STATUSES, default="正常")
    status_reason: str = spec("状态说明", max_len=500)
    signed_date: str = spec("签约日期", "date")
    signed_wan: int | None = spec("签约金额(亿元)", "money")
    landed_date: str = spec("落地日期", "date")
    started_date: str = spec("开工日期", "date")
    production_date: str = spec("投产日期", "date")
    liaison_leader: str = spec("联系领导", max_len=50)
    responsible_unit: str = spec("责任单位", max_len=100)
    work_team: str = spec("工作班子", max_len=300)
    measures: str = spec("推进措施", max_len=5000)
    last_activity: str = spec("最近进展日期", "date")


@dataclass
class StageChange(Envelope):
    TABLE: ClassVar[str] = "stage_change"
    TITLE: ClassVar[str] = "阶段变更"
    project_id: str = spec("项目", "ref", required=True, ref="project")
    from_stage: str = spec("原阶段", max_len=10)
    to_stage: str = spec("新阶段", "enum", required=True, choices=enums.STAGES)
    date: str = spec("日期", "date", required=True)
    note: str = spec("说明", max_len=500)


@dataclass
class Funding(Envelope):
    TABLE: ClassVar[str] = "funding"
    TITLE: ClassVar[str] = "到位资金"
    project_id: str = spec("项目", "ref", required=True, ref="project")
    date: str = spec("到位日期", "date", required=True)
    amount_wan: int | None = spec("到位资金(亿元)", "money", required=True)
    note: str = spec("说明", max_len=500)


@dataclass
class Commissioner(Envelope):
    TABLE: ClassVar[str] = "commissioner"
    TITLE: ClassVar[str] = "服务专员"
    enterprise_id: str = spec("企业", "ref", required=True, ref="enterprise")
    officer: str = spec("服务专员", required=True, max_len=50)
    start_date: str = spec("起始日期", "date", required=True)
    end_date: str = spec("结束日期", "date")
    duties: str = spec("服务内容", max_len=2000)


@dataclass
class Demand(Envelope):
    TABLE: ClassVar[str] = "demand"
    TITLE: ClassVar[str] = "企业诉求"
    enterprise_id: str = spec("企业", "ref", required=True, ref="enterprise")
    visit_id: str = spec("来源走访", "ref", ref="visit")
    content: str = spec("诉求内容", required=True, max_len=5000)
    category: str = spec("诉求类别", "enum", choices=enums.DEMAND_CATEGORIES)
    department: str = spec("责任部门", max_len=100)
    status: str = spec("办理状态", "enum", choices=enums.DEMAND_STATUSES, default="待办")
    response: str = spec("回应内容", max_len=5000)
    reason: str = spec("无法解决原因", max_len=1000)
    raised_date: str = spec("提出日期", "date")
    due_date: str = spec("办理时限", "date")
    closed_date: str = spec("办结日期", "date")


@dataclass
class Task(Envelope):
    TABLE: ClassVar[str] = "task"
    TITLE: ClassVar[str] = "跟进任务"
    title: str = spec("任务内容", required=True, max_len=500)
    assignee: str = spec("负责人", max_len=50)
    due_date: str = spec("截止日期", "date")
    done: bool = spec("已完成", "bool")
    done_date: str = spec("完成日期", "date")
    enterprise_id: str = spec("企业", "ref", ref="enterprise")
    visit_id: str = spec("走访", "ref", ref="visit")
    project_id: str = spec("项目", "ref", ref="project")
    demand_id: str = spec("诉求", "ref", ref="demand")


@dataclass
class Event(Envelope):
    TABLE: ClassVar[str] = "event"
    TITLE: ClassVar[str] = "推介会"
    date: str = spec("活动日期", "date", required=True)
    name: str = spec("活动名称", required=True, max_len=200)
    kind: str = spec("活动类型", "enum", choices=enums.EVENT_KINDS)
    place: str = spec("地点", max_len=200)
    enterprise_ids: tuple[str, ...] = spec("参会企业", "list")
    project_ids: tuple[str, ...] = spec("签约项目", "list")
    note: str = spec("备注", max_len=2000)


@dataclass
class Trip(Envelope):
    TABLE: ClassVar[str] = "trip"
    TITLE: ClassVar[str] = "外出招商"
    leader: str = spec("带队领导", required=True, max_len=50)
    leader_rank: str = spec("领导职级", max_len=50)
    party_leader: bool = spec("是否党政负责同志", "bool")
    start_date: str = spec("出发日期", "date", required=True)
    end_date: str = spec("返回日期", "date")
    places: str = spec("地点", max_len=300)
    enterprise_ids: tuple[str, ...] = spec("拜访企业", "list")
    project_ids: tuple[str, ...] = spec("洽谈项目", "list")
    signed_project_ids: tuple[str, ...] = spec("签约项目", "list")
    note: str = spec("备注", max_len=2000)


@dataclass
class Trigger(Envelope):
    TABLE: ClassVar[str] = "trigger"
    TITLE: ClassVar[str] = "六必访"
    enterprise_id: str = spec("企业", "ref", required=True, ref="enterprise")
    kind: str = spec("触发情形", "enum", required=True, choices=enums.TRIGGER_KINDS)
    date: str = spec("发现日期", "date", required=True)
    note: str = spec("情况说明", max_len=1000)
    task_id: str = spec("走访任务", "ref", ref="task")
    visit_id: str = spec("履行走访", "ref", ref="visit")  # the next visit, which fulfilled it


RECORD_TYPES: tuple[type[Envelope], ...] = (
    Office,
    Enterprise,
    Contact,
    Visit,
    Attachment,
    Project,
    StageChange,
    Funding,
    Commissioner,
    Demand,
    Task,
    Event,
    Trip,
    Trigger,
)
BY_TABLE: dict[str, type[Envelope]] = {cls.TABLE: cls for cls in RECORD_TYPES}
ENVELOPE_FIELDS = tuple(f.name for f in dataclasses.fields(Envelope))


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: str
    required: bool
    choices: tuple[str, ...]
    max_len: int
    ref: str


@functools.cache
def field_specs(table: str) -> dict[str, FieldSpec]:
    """Domain fields of a table (envelope excluded), in declaration order.

    Cached because the write path calls it per field per row (bulk import); do not mutate the result.
    """
    cls = BY_TABLE[table]
    return {
        f.name: FieldSpec(
            f.name,
            f.metadata["label"],
            f.metadata["kind"],
            f.metadata["required"],
            f.metadata["choices"],
            f.metadata["max_len"],
            f.metadata["ref"],
        )
        for f in dataclasses.fields(cls)
        if f.metadata
    }


# -- statistics sheet: 备注 per unit and period, campaigns with targets (DOMAIN.md) ------------------


@dataclass
class StatsNote(Envelope):
    TABLE: ClassVar[str] = "stats_note"
    TITLE: ClassVar[str] = "统计表备注"
    unit: str = spec("填报单位", required=True, max_len=100)
    date_from: str = spec("起始日期", "date", required=True)
    date_to: str = spec("截止日期", "date", required=True)
    text: str = spec("备注", max_len=500)


@dataclass
class Campaign(Envelope):
    """A province-wide campaign (e.g. 百日攻坚) with per-unit minimums; office_id PROVINCE when synced."""

    TABLE: ClassVar[str] = "campaign"
    TITLE: ClassVar[str] = "专项行动"
    name: str = spec("行动名称", required=True, max_len=100)
    start_date: str = spec("开始日期", "date", required=True)
    end_date: str = spec("结束日期", "date", required=True)
    target_visits: int | None = spec("走访目标企业(家)", "int")
    target_events: int | None = spec("召开推介会(次)", "int")
    target_trips: int | None = spec("党政负责同志带队招商(次)", "int")
    target_growth_pct: int | None = spec("同比增长(%)", "int")
    note: str = spec("说明", max_len=1000)


RECORD_TYPES += (StatsNote, Campaign)
BY_TABLE.update({cls.TABLE: cls for cls in (StatsNote, Campaign)})
