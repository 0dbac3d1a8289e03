"""`zsdesk init` (new office database); `zsdesk demo` is registered by the demo module when present."""

from __future__ import annotations

import argparse

from ..services.context import init_workspace
from .security import print_new_recovery_key


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help="新建某办事处的空数据库", description="新建某办事处的空数据库")
    p.add_argument("--db", required=True, help="数据库文件路径")
    p.add_argument("--office", required=True, help="办事处名称，如 省政府驻上海办事处")
    p.add_argument("--unit", default="", help="填报单位（市州或办事处），默认同办事处名称")
    p.add_argument("--officer", default="", help="本机使用人姓名")
    p.set_defaults(func=_init)


def _init(args: argparse.Namespace) -> int:
    with init_workspace(args.db, office=args.office, unit=args.unit, officer=args.officer) as ws:
        print(f"已创建数据库 {ws.path}（办事处：{args.office}）")
    print_new_recovery_key(args.db)
    return 0
