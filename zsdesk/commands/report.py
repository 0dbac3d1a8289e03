"""`zsdesk report visit|weekly|stats`: print-ready PDFs (and the statistics sheet as .xlsx) to a file."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.dates import iso_week_range, parse_date
from ..domain.errors import ValidationError
from ..services.context import open_workspace
from ..services.reports import stats_report, visit_report, weekly_report
from .stats import add_period_arguments, check_period_arguments, period_sheet


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("report", help="生成走访纪要、周报或情况统计表", description="生成可打印的报表文件")
    kinds = p.add_subparsers(dest="report_kind", metavar="报表", required=True)

    v = kinds.add_parser("visit", help="一次走访的走访纪要（PDF）", description="一次走访的走访纪要（PDF）")
    v.add_argument("--db", required=True, help="数据库文件路径")
    v.add_argument("--visit", required=True, help="走访记录 ID")
    v.add_argument("--out", required=True, help="输出文件 .pdf")
    v.set_defaults(func=_visit)

    w = kinds.add_parser(
        "weekly", help="办事处某一周的周报（PDF）", description="办事处某一 ISO 周的周报（PDF）"
    )
    w.add_argument("--db", required=True, help="数据库文件路径")
    w.add_argument("--office", required=True, help="办事处名称，如 省政府驻上海办事处")
    w.add_argument("--week", required=True, help="ISO 周次，如 2024-W26")
    w.add_argument("--out", required=True, help="输出文件 .pdf")
    w.set_defaults(func=_weekly)

    s = kinds.add_parser(
        "stats",
        help="情况统计表（PDF 或 xlsx）",
        description="情况统计表（附件2 格式），数字与 zsdesk stats 一致",
    )
    s.add_argument("--db", required=True, help="数据库文件路径")
    s.add_argument("--unit", default=None, help="填报单位（市州或办事处名称）；默认列出全部单位")
    add_period_arguments(s)
    s.add_argument("--out", required=True, help="输出文件：.pdf 或 .xlsx（按扩展名决定格式）")
    s.add_argument("--filler", default="", help="填报人姓名（默认取本机设置的使用人）")
    s.add_argument("--filled-on", default=None, help="填报时间 YYYY-MM-DD（默认今天）")
    s.add_argument("--yoy", action="store_true", help="附去年同期及同比增减")
    s.set_defaults(func=_stats)

    from .report_handover import register_kinds  # 出访简报 / 一企一档 / 督办单 / 外出招商一表

    register_kinds(kinds)


def _out(raw: str, allowed: tuple[str, ...]) -> Path:
    """Check the output name before any work: a wrong extension fails fast, in Chinese."""
    path = Path(raw)
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in allowed:
        wanted = " 或 ".join(f".{a}" for a in allowed)
        raise ValidationError({"out": f"输出文件“{raw}”的扩展名应为 {wanted}"})
    if path.parent and not path.parent.exists():
        raise ValidationError({"out": f"输出目录“{path.parent}”不存在"})
    return path


def _write(path: Path, data: bytes, what: str) -> int:
    # Write to a temporary name first so a failed run never leaves half a PDF under the real name.
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
    print(f"已生成{what}：{path}（{len(data) // 1024 + 1} KB）")
    return 0


def _visit(args: argparse.Namespace) -> int:
    out = _out(args.out, ("pdf",))
    with open_workspace(args.db, create=False) as ws:
        data = visit_report(ws, args.visit.strip())
    return _write(out, data, "走访纪要")


def _weekly(args: argparse.Namespace) -> int:
    out = _out(args.out, ("pdf",))
    iso_week_range(args.week)  # validate before opening the database
    with open_workspace(args.db, create=False) as ws:
        data = weekly_report(ws, office=args.office, week=args.week)
    return _write(out, data, "周报")


def _stats(args: argparse.Namespace) -> int:
    out = _out(args.out, ("pdf", "xlsx"))
    # Validate everything typed before opening the database (a typo never creates or migrates one).
    check_period_arguments(args)
    filled_on = parse_date(args.filled_on, field="filled_on", label="填报时间") if args.filled_on else None
    fmt = out.suffix.lower().lstrip(".")
    with open_workspace(args.db, create=False) as ws:
        sheet, _ = period_sheet(ws, args, yoy=args.yoy)
        data = stats_report(ws, sheet=sheet, fmt=fmt, filler=args.filler, filled_on=filled_on)
    return _write(out, data, "情况统计表")
