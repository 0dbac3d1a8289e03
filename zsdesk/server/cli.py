"""`zsdesk-server` command line: init, add-office, add-user, add-campaign, serve, revoke-token,
purge-tombstones, import-bundle, issue-bundle-key.

Every subcommand takes `--database URL` (sqlite:///path or postgresql+psycopg://...); the default is an
SQLite file in the server's data directory. For HTTPS run `serve --ssl-certfile/--ssl-keyfile` or put a
reverse proxy (nginx, Caddy) in front that terminates TLS and forwards to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine

from .. import argparse_zh
from ..domain.dates import parse_date
from ..domain.errors import DomainError
from ..domain.ids import uuid7
from .auth import ROLES, add_user, office_id_by_name, purge_login_failures, revoke
from .blob_scope import ORPHAN_GRACE_DAYS, purge_orphan_blobs
from .blobs import STALE_UPLOAD_DAYS, init_blobs, purge_stale_uploads
from .db import (
    create_admin_record,
    default_database_url,
    init_db,
    make_engine,
    new_epoch,
    write_transaction,
)
from .purge import DEFAULT_HORIZON_DAYS, init_purge, purge_tombstones


def _engine(args: argparse.Namespace) -> Engine:
    engine = make_engine(args.database or default_database_url())
    # Every table the server uses, as `serve` creates them: a database that was never served (an
    # air-gapped province importing bundles) must work for every command.
    init_db(engine)
    init_purge(engine)
    init_blobs(engine)
    return engine


def add_office(engine: Engine, *, name: str, unit: str = "") -> str:
    """Create an office record (idempotent by name); clients pull it like any record."""
    with write_transaction(engine) as conn:
        existing = office_id_by_name(conn, name)
        if existing:
            return existing
        office_id = uuid7()
        data = {"name": name, "unit": unit or name}
        create_admin_record(conn, "office", office_id, office_id, data, fields=data)
    return office_id


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("密码：")
        if first != getpass.getpass("再次输入密码："):
            raise DomainError("两次输入的密码不一致")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def build_parser() -> argparse.ArgumentParser:
    argparse_zh.install()
    parser = argparse.ArgumentParser(prog="zsdesk-server", description="zsdesk 省级同步服务器")
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "--database", help="数据库地址，如 sqlite:///server.db 或 postgresql+psycopg://user@host/db"
        )
        return p

    command("init", "创建服务器数据库表")
    p = command("add-office", "新增办事处")
    p.add_argument("--name", required=True)
    p.add_argument("--unit", default="")
    p = command("add-user", "新增或更新用户（密码从标准输入读取，或交互输入）")
    p.add_argument("--username", required=True)
    p.add_argument("--office", required=True, help="所属办事处名称")
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--offices", nargs="*", default=[], help="组长可管理的其他办事处名称")
    p = command("serve", "启动同步服务")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--workers", type=int, default=1, help="工作进程数（PostgreSQL 时可大于 1）")
    p.add_argument("--ssl-certfile")
    p.add_argument("--ssl-keyfile")
    command("new-epoch", "从备份恢复数据库后运行：更换服务器标识，所有笔记本下次同步时重新下载全部数据")
    p = command("revoke-token", "吊销某用户的全部登录令牌（如笔记本丢失）")
    p.add_argument("--username", required=True)
    p = command(
        "purge-tombstones", "清理早于期限的已删除记录和超过 7 天未完成的附件上传（建议每天由定时任务运行）"
    )
    p.add_argument(
        "--older-than-days",
        type=float,
        default=DEFAULT_HORIZON_DAYS,
        help=f"只清理删除时间早于该天数的记录（默认 {DEFAULT_HORIZON_DAYS}，应长于任何笔记本的离线时间）",
    )
    p = command("import-bundle", "导入无法联网的办事处交来的同步包，并生成回执")
    p.add_argument("bundle", help="笔记本导出的同步包（.zsb）")
    p.add_argument("--out", required=True, help="回执文件，交回笔记本用 zsdesk sync-import 导入")
    p = command("add-campaign", "新增全省专项行动（如“百日攻坚”），各办事处同步后只读")
    p.add_argument("--name", help="行动名称")
    p.add_argument("--start", help="开始日期 YYYY-MM-DD")
    p.add_argument("--end", help="结束日期 YYYY-MM-DD")
    p.add_argument("--preset", action="store_true", help="按附件2的“百日攻坚”目标（可用 --start 换日期）")
    for flag in ("--visits", "--events", "--trips", "--growth"):
        p.add_argument(flag, type=int, default=None, help="每个填报单位的目标（同 zsdesk campaign add）")
    p = command("issue-bundle-key", "为无法联网的笔记本发放同步包密钥（可用 revoke-token 吊销）")
    p.add_argument("--username", required=True)
    p.add_argument("--days", type=int, default=365, help="有效天数（默认 365）")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except DomainError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    engine = _engine(args)
    if args.command == "init":
        print("服务器数据库已就绪")
    elif args.command == "add-office":
        print(add_office(engine, name=args.name, unit=args.unit))
    elif args.command == "add-user":
        offices = []
        with engine.connect() as conn:
            for name in [args.office, *args.offices]:
                office_id = office_id_by_name(conn, name)
                if office_id is None:
                    raise DomainError(f"办事处“{name}”不存在，请先运行 add-office")
                offices.append(office_id)
        add_user(engine, username=args.username, password=_read_password(), role=args.role, offices=offices)
        print(f"已保存用户 {args.username}（{args.role}）")
    elif args.command == "serve":
        import uvicorn

        from .app import create_app

        tls = {"ssl_certfile": args.ssl_certfile, "ssl_keyfile": args.ssl_keyfile}
        if args.workers > 1:
            # Several processes: each builds its own engine from the URL (pushes still serialize on the
            # counter row, pulls and auth run in parallel).
            engine.dispose()
            os.environ["ZSDESK_SERVER_DATABASE"] = args.database or default_database_url()
            uvicorn.run(
                "zsdesk.server.app:app_from_env",
                factory=True,
                host=args.host,
                port=args.port,
                workers=args.workers,
                **tls,
            )
        else:
            uvicorn.run(
                create_app(args.database or default_database_url(), engine=engine),
                host=args.host,
                port=args.port,
                **tls,
            )
    elif args.command == "new-epoch":
        print(f"服务器标识已更换为 {new_epoch(engine)}；所有笔记本下次同步时将重新下载全部数据")
    elif args.command == "add-campaign":
        from .campaigns import add_campaign, campaign_from_args

        def day(raw: str | None, label: str) -> dt.date | None:
            return parse_date(raw, field="campaign", label=label) if raw else None

        targets = {
            "visits": args.visits,
            "events": args.events,
            "trips": args.trips,
            "growth_pct": args.growth,
        }
        campaign = campaign_from_args(
            args.name,
            day(args.start, "开始日期"),
            day(args.end, "结束日期"),
            preset=args.preset,
            targets=targets,
        )
        add_campaign(engine, campaign)
        print(
            f"已新增专项行动：{campaign.name}（{campaign.start.isoformat()} 至 {campaign.end.isoformat()}）"
        )
    elif args.command == "revoke-token":
        print(f"已吊销 {revoke(engine, username=args.username)} 个令牌")
    elif args.command == "import-bundle":
        from .bundles import import_bundle

        try:
            data = Path(args.bundle).read_bytes()
        except OSError as exc:
            raise DomainError(f"无法读取同步包“{args.bundle}”：{exc.strerror}") from exc
        answer = import_bundle(engine, data)
        partial = Path(f"{args.out}.partial")
        partial.write_bytes(answer)
        os.replace(partial, args.out)
        print(f"已导入同步包，回执已写入 {args.out}")
    elif args.command == "issue-bundle-key":
        from .bundles import issue_bundle_key

        print(issue_bundle_key(engine, args.username, days=args.days))
    elif args.command == "purge-tombstones":
        if args.older_than_days < 0:
            raise DomainError("--older-than-days 不能为负数")
        init_purge(engine)
        done = purge_tombstones(engine, older_than_days=args.older_than_days)
        later = (
            f"同步进度早于 {done.purge_seq} 的笔记本下次同步时将重新下载全部数据"
            if done.purge_seq
            else "没有笔记本需要重新下载"
        )
        # Half-finished resumable uploads nobody continued within a week (blobs.py), blobs no
        # attachment record references (blob_scope.py) and expired login counters go in the same run.
        stale = purge_stale_uploads(engine, older_than_days=STALE_UPLOAD_DAYS)
        orphans = purge_orphan_blobs(engine)
        purge_login_failures(engine)
        print(
            f"已清理 {done.purged} 条已删除记录；{later}；"
            f"已清理超过 {STALE_UPLOAD_DAYS} 天未完成的附件上传 {stale} 个；"
            f"已清理没有任何附件记录引用、上传超过 {ORPHAN_GRACE_DAYS} 天的附件 {orphans} 个"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
