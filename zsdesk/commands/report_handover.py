"""`zsdesk report briefing|enterprise|demands|trips`: 出访简报, 一企一档, 督办单 and 外出招商一表."""

from __future__ import annotations

import argparse

from ..domain.dates import parse_date
from ..domain.errors import ValidationError
from ..services.context import open_workspace
from ..services.handover import briefing_pack, enterprise_file
from ..services.handover_sheets import demands_sheet, trips_sheet
from .report import _out, _write


def register_kinds(kinds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the hand-over documents to `zsdesk report`."""
    b = kinds.add_parser(
        "briefing",
        help="出访简报（PDF）：行程与每家企业的档案",
        description="出访简报：封面行程安排，然后每家企业一至两页（基本情况、联系人、服务专员、近期走访、"
        "未办结诉求、项目、建议谈话要点）。按外出招商记录（--trip）或企业名单（--enterprises）生成。",
    )
    b.add_argument("--db", required=True, help="数据库文件路径")
    which = b.add_mutually_exclusive_group(required=True)
    which.add_argument("--trip", help="外出招商记录：记录 ID、出发日期（YYYY-MM-DD）或带队领导")
    which.add_argument("--enterprises", help="企业名称或统一社会信用代码，多家用逗号分隔")
    b.add_argument("--from", dest="date_from", default="", help="行程起始日期 YYYY-MM-DD")
    b.add_argument("--to", dest="date_to", default="", help="行程截止日期 YYYY-MM-DD")
    b.add_argument("--out", required=True, help="输出文件 .pdf")
    b.set_defaults(func=_briefing)

    e = kinds.add_parser("enterprise", help="一企一档（PDF）", description="一家企业的档案（PDF）")
    e.add_argument("--db", required=True, help="数据库文件路径")
    e.add_argument("--enterprise", required=True, help="企业名称、简称或统一社会信用代码")
    e.add_argument("--out", required=True, help="输出文件 .pdf")
    e.set_defaults(func=_enterprise)

    d = kinds.add_parser(
        "demands",
        help="诉求督办单（PDF 或 xlsx）",
        description="未办结企业诉求按责任部门分列的督办单：企业、提出日期、办理时限、超期天数、最新回应",
    )
    d.add_argument("--db", required=True, help="数据库文件路径")
    d.add_argument("--department", default="", help="只列这个责任部门（默认全部部门）")
    d.add_argument("--overdue", action="store_true", help="只列已超过办理时限的诉求")
    d.add_argument("--out", required=True, help="输出文件：.pdf 或 .xlsx（按扩展名决定格式）")
    d.set_defaults(func=_demands)

    t = kinds.add_parser(
        "trips", help="外出招商一表（PDF）", description="外出招商情况一览表（一表），按出发日期筛选"
    )
    t.add_argument("--db", required=True, help="数据库文件路径")
    t.add_argument("--from", dest="date_from", default="", help="起始日期 YYYY-MM-DD（含）")
    t.add_argument("--to", dest="date_to", default="", help="截止日期 YYYY-MM-DD（含）")
    t.add_argument("--out", required=True, help="输出文件 .pdf")
    t.set_defaults(func=_trips)


def _date(raw: str, label: str) -> str:
    """An ISO date from what the user typed ("" stays ""); a bad one is a Chinese error."""
    day = parse_date(raw, field="period", label=label) if raw.strip() else None
    return day.isoformat() if day else ""


def _period(args: argparse.Namespace) -> tuple[str, str]:
    start, end = _date(args.date_from, "起始日期"), _date(args.date_to, "截止日期")
    if start and end and end < start:
        raise ValidationError({"period": "截止日期不能早于起始日期"})
    return start, end


def _briefing(args: argparse.Namespace) -> int:
    out = _out(args.out, ("pdf",))
    start, end = _period(args)
    with open_workspace(args.db, create=False) as ws:
        data = briefing_pack(
            ws,
            trip_id=(args.trip or "").strip(),
            enterprises=args.enterprises or "",
            date_from=start,
            date_to=end,
        )
    return _write(out, data, "出访简报")


def _enterprise(args: argparse.Namespace) -> int:
    out = _out(args.out, ("pdf",))
    with open_workspace(args.db, create=False) as ws:
        data = enterprise_file(ws, args.enterprise)
    return _write(out, data, "一企一档")


def _demands(args: argparse.Namespace) -> int:
    out = _out(args.out, ("pdf", "xlsx"))
    fmt = out.suffix.lower().lstrip(".")
    with open_workspace(args.db, create=False) as ws:
        data = demands_sheet(ws, department=args.department, overdue=args.overdue, fmt=fmt)
    return _write(out, data, "诉求督办单")


def _trips(args: argparse.Namespace) -> int:
    out = _out(args.out, ("pdf",))
    start, end = _period(args)
    with open_workspace(args.db, create=False) as ws:
        data = trips_sheet(ws, date_from=start, date_to=end)
    return _write(out, data, "外出招商一表")
