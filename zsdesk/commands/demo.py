"""`zsdesk demo`: build a demo database (small, or province scale for benchmarks) with a progress bar."""

from __future__ import annotations

import argparse
import sys
import time

from ..services.context import open_workspace
from ..services.demo import SCALES, build_demo
from .security import print_new_recovery_key


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "demo",
        help="生成演示数据库（四川驻外办事处、企业、两年走访、项目等）",
        description="生成演示数据库。演示数据只保存在本机，不进入同步队列，不会上传到省级服务器。",
    )
    p.add_argument("--db", required=True, help="新数据库文件路径（须为空库）")
    p.add_argument(
        "--scale",
        choices=tuple(SCALES),
        default="small",
        help="small：数百家企业；province：5万企业、100万走访",
    )
    p.add_argument("--seed", type=int, default=2021, help="随机种子（相同种子生成相同数据）")
    p.set_defaults(func=_demo)


def _bar(fraction: float, text: str) -> None:
    filled = int(fraction * 30)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {fraction * 100:5.1f}% {text:<20}")
    sys.stderr.flush()


def _demo(args: argparse.Namespace) -> int:
    started = time.monotonic()
    with open_workspace(args.db, create=True) as ws:
        summary = build_demo(ws, scale=args.scale, seed=args.seed, progress=_bar)
    sys.stderr.write("\n")
    counts = "，".join(f"{table} {n:,}" for table, n in summary.counts.items())
    print(f"已生成演示数据库 {args.db}（{time.monotonic() - started:.1f} 秒）：{counts}")
    print_new_recovery_key(args.db)
    return 0
