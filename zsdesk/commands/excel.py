"""`zsdesk template|import|export`: the Excel exchange sheets and 台账 from the command line.

Kinds: 企业/走访/项目/推介会 and the ledgers 诉求/任务/外出招商/服务专员 (or their English aliases).
Exit codes: 0 done; 1 the file has bad rows (nothing imported unless --allow-partial); 2 a user error
such as a broken file or unknown office database (printed by zsdesk.cli).
"""

from __future__ import annotations

import argparse
import sys

from ..services.context import open_workspace
from ..services.excel_export import export_sheet, write_template
from ..services.excel_formats import FORMATS, KIND_NAMES, ExcelError, sheet_format
from ..services.excel_import import import_sheet

_KINDS_HELP = f"表类型：{KIND_NAMES}（也可写 {'/'.join(f.alias for f in FORMATS)}）"


def _kind(text: str) -> str:
    """argparse type: accept 走访 or visits; the error message stays Chinese."""
    try:
        return sheet_format(text).kind
    except ExcelError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "template",
        help="生成空白导入模板（.xlsx）",
        description="生成只含表头的空白 Excel 模板，行业、走访形式、项目阶段等列带下拉选项。",
    )
    p.add_argument("kind", metavar="KIND", type=_kind, help=_KINDS_HELP)
    p.add_argument("--out", required=True, metavar="F.xlsx", help="输出文件路径")
    p.set_defaults(func=_template)

    p = sub.add_parser(
        "import",
        help="从 Excel 导入企业/走访/项目/推介会或诉求/任务/外出招商/服务专员台账",
        description=(
            "从 .xlsx 导入一张交换表。有“记录编号”的行按编号对应原记录；没有编号的行按自然键匹配"
            "（企业按统一社会信用代码，无则按企业名称）；无法区分的行列为错误，绝不合并。已有记录只更新非空单元格；"
            "导出后原样导入不改变任何数据。默认只要有一行出错就不导入任何数据。"
        ),
    )
    p.add_argument("kind", metavar="KIND", type=_kind, help=_KINDS_HELP)
    p.add_argument("file", metavar="F.xlsx", help="要导入的 Excel 文件")
    p.add_argument("--db", required=True, help="数据库文件路径")
    p.add_argument("--dry-run", action="store_true", help="试运行：只检查并显示结果，不写入数据库")
    p.add_argument("--allow-partial", action="store_true", help="跳过有错误的行，只导入无误的行")
    p.set_defaults(func=_import)

    p = sub.add_parser(
        "export",
        help="导出企业/走访/项目/推介会或台账到 Excel",
        description=(
            "把数据库中的记录导出为与导入格式相同的 .xlsx：第一列为记录编号，金额单位亿元，日期为 Excel 日期，"
            "带打印设置（横向/适应页宽/每页重复表头）。"
        ),
    )
    p.add_argument("kind", metavar="KIND", type=_kind, help=_KINDS_HELP)
    p.add_argument("--db", required=True, help="数据库文件路径")
    p.add_argument("--out", required=True, metavar="F.xlsx", help="输出文件路径")
    p.set_defaults(func=_export)


def _template(args: argparse.Namespace) -> int:
    write_template(args.kind, args.out)
    print(f"已生成{args.kind}表模板：{args.out}")
    return 0


def _import(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        report = import_sheet(
            ws.store, args.kind, args.file, dry_run=args.dry_run, allow_partial=args.allow_partial
        )
    print(report.summary())
    if not report.ok:
        print(f"错误：文件中有 {len(report.error_rows)} 行数据有误（见上）", file=sys.stderr)
        return 1
    return 0


def _export(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        count = export_sheet(ws.store, args.kind, args.out)
    print(f"已导出{args.kind} {count} 行到 {args.out}")
    return 0
