"""The Excel exchange sheets of DOMAIN.md (企业/走访/项目/推介会 and the 台账 诉求/任务/外出招商/服务专员).

`sheet_format("visits")` and `sheet_format("走访")` return the same `SheetFormat`; its `headers` are the
exact header texts (`*` marks a required column) that import expects and export/template write. Every
sheet starts with 记录编号 (the record id), which import matches before any natural key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain import enums
from ..domain.errors import DomainError


class ExcelError(DomainError):
    """The workbook as a whole cannot be used (broken file, wrong sheet, missing columns)."""


# Where a column's value goes. `table`/`field` name the domain field whose validation the cell gets;
# OFFICE is resolved by name to an office id instead.
OFFICE = "office"


@dataclass(frozen=True)
class Column:
    """One column of an exchange sheet."""

    header: str  # the Chinese header without the required marker
    key: str  # the importer's name for the value, unique within the sheet
    table: str  # domain table whose field spec validates the cell ("" for the office column)
    field: str  # field name in that table
    required: bool = False
    # Values offered as a template dropdown; enforced there only when kind == "enum" (the domain
    # rejects other values), otherwise a suggestion (目标市州 may name a place outside the list).
    choices: tuple[str, ...] = ()
    # text|date|money|list|enum|credit_code|office|id|bool|done|enterprise|enterprises|projects —
    # decides how cells are read and written (the last three name records, resolved on import).
    kind: str = "text"
    width: int = 12  # minimum column width in Excel character units

    @property
    def title(self) -> str:
        return f"{self.header}*" if self.required else self.header


@dataclass(frozen=True)
class SheetFormat:
    """A sheet kind: its Chinese name, English alias, and columns in sheet order."""

    kind: str
    alias: str
    columns: tuple[Column, ...]

    @property
    def headers(self) -> list[str]:
        return [c.title for c in self.columns]

    @property
    def by_header(self) -> dict[str, Column]:
        return {c.header: c for c in self.columns}

    @property
    def by_key(self) -> dict[str, Column]:
        return {c.key: c for c in self.columns}


def _c(
    header: str,
    key: str,
    table: str,
    field: str,
    *,
    required: bool = False,
    kind: str = "text",
    choices: tuple[str, ...] = (),
    width: int = 12,
) -> Column:
    return Column(header, key, table, field, required, choices, kind, width)


def _office() -> Column:
    return _c("所属办事处", "office", "", OFFICE, required=True, kind="office", width=20)


def _id() -> Column:
    # Narrow on purpose: the id is for the machine; the full text stays in the cell.
    return _c("记录编号", "id", "", "id", kind="id", width=10)


def _enterprise_name(required: bool = True) -> tuple[Column, Column]:
    return (
        _c("企业名称", "enterprise_name", "enterprise", "name", required=required, width=30),
        _c("统一社会信用代码", "credit_code", "enterprise", "credit_code", kind="credit_code", width=22),
    )


ENTERPRISES = SheetFormat(
    "企业",
    "enterprises",
    (
        _id(),
        _c("企业名称", "name", "enterprise", "name", required=True, width=30),
        _c("统一社会信用代码", "credit_code", "enterprise", "credit_code", kind="credit_code", width=22),
        _c("所属行业", "industry", "enterprise", "industry", kind="enum", choices=enums.INDUSTRIES),
        _c("总部所在地", "hq_region", "enterprise", "hq_region"),
        _c("企业性质", "ownership", "enterprise", "ownership", kind="enum", choices=enums.OWNERSHIPS),
        _c("标签", "tags", "enterprise", "tags", kind="list", width=20),
        _c("联系人", "contact_name", "contact", "name"),
        _c("职务", "contact_title", "contact", "title"),
        _c("联系电话", "contact_phone", "contact", "phone", width=16),
        _c("电子邮箱", "contact_email", "contact", "email", width=22),
        _office(),
    ),
)

VISITS = SheetFormat(
    "走访",
    "visits",
    (
        _id(),
        _c("走访日期", "date", "visit", "date", required=True, kind="date"),
        *_enterprise_name(),
        _c("走访形式", "form", "visit", "form", required=True, kind="enum", choices=enums.VISIT_FORMS),
        _c("带队领导", "leader", "visit", "leader"),
        _c("参加人员", "participants", "visit", "participants", kind="list", width=20),
        _c("洽谈内容", "minutes", "visit", "minutes", width=40),
        _c("企业诉求", "demands_text", "visit", "demands_text", width=30),
        _c("下一步工作", "next_steps", "visit", "next_steps", width=30),
        _office(),
    ),
)

PROJECTS = SheetFormat(
    "项目",
    "projects",
    (
        _id(),
        _c("项目名称", "name", "project", "name", required=True, width=30),
        *_enterprise_name(),
        _c("所属行业", "industry", "project", "industry", kind="enum", choices=enums.INDUSTRIES),
        _c("计划投资(亿元)", "planned_wan", "project", "planned_wan", kind="money"),
        _c("目标市州", "target_city", "project", "target_city", choices=enums.CITIES),
        _c("目标园区", "target_park", "project", "target_park", width=20),
        _c("项目阶段", "stage", "project", "stage", required=True, kind="enum", choices=enums.STAGES),
        _c("签约日期", "signed_date", "project", "signed_date", kind="date"),
        _c("签约金额(亿元)", "signed_wan", "project", "signed_wan", kind="money"),
        _c("落地日期", "landed_date", "project", "landed_date", kind="date"),
        _c("开工日期", "started_date", "project", "started_date", kind="date"),
        _c("投产日期", "production_date", "project", "production_date", kind="date"),
        _c("到位资金(亿元)", "funding_wan", "funding", "amount_wan", kind="money"),
        _c("到位日期", "funding_date", "funding", "date", kind="date"),
        _office(),
    ),
)

EVENTS = SheetFormat(
    "推介会",
    "events",
    (
        _id(),
        _c("活动日期", "date", "event", "date", required=True, kind="date"),
        _c("活动名称", "name", "event", "name", required=True, width=30),
        _c("活动类型", "kind", "event", "kind", kind="enum", choices=enums.EVENT_KINDS),
        _c("地点", "place", "event", "place", width=20),
        _office(),
    ),
)

# The 台账 (ledgers) of 004's 一库一表两台账, same rules as the four sheets above.
DEMANDS = SheetFormat(
    "诉求",
    "demands",
    (
        _id(),
        _c("提出日期", "raised_date", "demand", "raised_date", required=True, kind="date"),
        *_enterprise_name(),
        _c("诉求内容", "content", "demand", "content", required=True, width=40),
        _c("诉求类别", "category", "demand", "category", kind="enum", choices=enums.DEMAND_CATEGORIES),
        _c("责任部门", "department", "demand", "department", width=16),
        _c("办理时限", "due_date", "demand", "due_date", kind="date"),
        _c("状态", "status", "demand", "status", required=True, kind="enum", choices=enums.DEMAND_STATUSES),
        _c("办理情况", "response", "demand", "response", width=30),
        _c("办结日期", "closed_date", "demand", "closed_date", kind="date"),
        _office(),
    ),
)

TASK_DONE, TASK_OPEN = "已完成", "未完成"
TASKS = SheetFormat(
    "任务",
    "tasks",
    (
        _id(),
        _c("任务内容", "title", "task", "title", required=True, width=40),
        _c("负责人", "assignee", "task", "assignee", required=True),
        _c("截止日期", "due_date", "task", "due_date", required=True, kind="date"),
        _c("关联企业", "enterprise_name", "enterprise", "name", kind="enterprise", width=30),
        _c("状态", "done", "task", "done", kind="done", choices=(TASK_OPEN, TASK_DONE)),
        _c("完成日期", "done_date", "task", "done_date", kind="date"),
        _office(),
    ),
)

TRIPS = SheetFormat(
    "外出招商",
    "trips",
    (
        _id(),
        _c("带队领导", "leader", "trip", "leader", required=True),
        _c("职务", "leader_rank", "trip", "leader_rank", width=16),
        _c("是否党政负责同志", "party_leader", "trip", "party_leader", kind="bool", choices=("是", "否")),
        _c("出发日期", "start_date", "trip", "start_date", required=True, kind="date"),
        _c("返回日期", "end_date", "trip", "end_date", kind="date"),
        _c("地点", "places", "trip", "places", width=20),
        _c("走访企业", "enterprise_ids", "trip", "enterprise_ids", kind="enterprises", width=40),
        _c("洽谈项目", "project_ids", "trip", "project_ids", kind="projects", width=40),
        _c("签约项目", "signed_project_ids", "trip", "signed_project_ids", kind="projects", width=30),
        _office(),
    ),
)

COMMISSIONERS = SheetFormat(
    "服务专员",
    "commissioners",
    (
        _id(),
        *_enterprise_name(),
        _c("服务专员", "officer", "commissioner", "officer", required=True),
        _c("开始日期", "start_date", "commissioner", "start_date", required=True, kind="date"),
        _c("结束日期", "end_date", "commissioner", "end_date", kind="date"),
        _c("职责", "duties", "commissioner", "duties", width=30),
        _office(),
    ),
)

FORMATS: tuple[SheetFormat, ...] = (
    ENTERPRISES,
    VISITS,
    PROJECTS,
    EVENTS,
    DEMANDS,
    TASKS,
    TRIPS,
    COMMISSIONERS,
)
KIND_NAMES = "、".join(f.kind for f in FORMATS)


def sheet_format(kind: str) -> SheetFormat:
    """The format for a Chinese kind (企业) or its English alias (enterprises); ExcelError otherwise."""
    text = (kind or "").strip()
    for fmt in FORMATS:
        if text in (fmt.kind, fmt.alias) or text.lower() == fmt.alias:
            return fmt
    aliases = "/".join(f.alias for f in FORMATS)
    raise ExcelError(f"未知的表类型“{kind}”，应为 {KIND_NAMES}（或 {aliases}）")


_REQUIRED_MARK = re.compile(r"^[*＊\s]+|[*＊\s]+$")
_FULLWIDTH_PARENS = str.maketrans({"（": "(", "）": ")"})


def normalize_header(raw: object) -> str:
    """`" 计划投资（亿元）* "` -> `"计划投资(亿元)"`: people retype headers with IME brackets and stars."""
    if raw is None:
        return ""
    text = str(raw).replace("\n", "").translate(_FULLWIDTH_PARENS)
    return _REQUIRED_MARK.sub("", text).replace(" ", "")
