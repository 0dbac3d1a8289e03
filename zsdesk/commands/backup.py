"""`zsdesk backup`, `backups` (list), `restore` and `diagnostics`: local safety and support from the command line."""

from __future__ import annotations

import argparse

from ..domain.errors import DomainError
from ..services.backups import backups, make_backup, restore_backup
from ..services.context import default_db_path, open_workspace
from ..services.diagnostics import diagnostics_text


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backup", help="立即备份数据库", description="把数据库备份到其所在目录的 backups/ 下")
    _db_arg(p)
    p.set_defaults(func=_backup)

    p = sub.add_parser("backups", help="列出数据库的备份", description="列出数据库的备份（最新的在前）")
    _db_arg(p)
    p.set_defaults(func=_list)

    p = sub.add_parser(
        "restore",
        help="从备份恢复数据库",
        description="用备份替换数据库文件；被替换的文件另存到 backups/ 下。恢复前请先关闭程序。",
    )
    _db_arg(p)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--from", dest="source", metavar="备份文件", help="要恢复的备份文件")
    source.add_argument("--latest", action="store_true", help="使用最近一次完好的备份")
    p.set_defaults(func=_restore)

    p = sub.add_parser(
        "diagnostics",
        help="显示版本、路径、上次同步等诊断信息",
        description="显示版本、路径、上次同步和待上传修改数（程序打不开时可用它把信息发给信息化管理员）",
    )
    _db_arg(p)
    p.set_defaults(func=_diagnostics)


def _db_arg(p: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps a `zsdesk --db X backup` value instead of overwriting it with None.
    p.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径（默认在用户数据目录）")


def _db(args: argparse.Namespace) -> str:
    return str(getattr(args, "db", None) or default_db_path())


def _backup(args: argparse.Namespace) -> int:
    b = make_backup(_db(args))
    print(f"已备份到 {b.path}（{b.size / 1024:.0f} KB）")
    return 0


def _list(args: argparse.Namespace) -> int:
    found = backups(_db(args))
    if not found:
        print(f"数据库“{_db(args)}”还没有备份")
        return 0
    for b in found:
        print(f"{b.label}\t{b.size / 1024:>8.0f} KB\t{b.path}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    result = restore_backup(_db(args), source=None if args.latest else args.source)
    print(f"已恢复：{_db(args)} ← {result.source}")
    if result.saved_copy is not None:
        print(f"原文件另存为 {result.saved_copy}")
    return 0


def _diagnostics(args: argparse.Namespace) -> int:
    try:
        ws = open_workspace(_db(args))
    except DomainError as exc:  # a damaged or missing database: still print versions and paths
        print(diagnostics_text(db_path=_db(args)))
        print(f"数据库无法打开：{exc}")
        return 0
    with ws:
        print(diagnostics_text(ws))
    return 0
