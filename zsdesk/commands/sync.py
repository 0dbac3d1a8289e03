"""`zsdesk sync` (one full sync with the provincial server), `zsdesk conflicts` (the 冲突 list) and
`zsdesk sync-export` / `sync-import` (signed sync bundles for offices that never reach the server)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ..domain.records import BY_TABLE
from ..services.context import open_workspace
from ..services.sync import CHOICES, SyncResult, list_conflicts, rejected_ops, resolve_conflict, sync_now


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sync", help="与省级服务器同步", description="上传本机修改、下载服务器更新")
    p.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径")
    p.add_argument("--server", required=True, help="服务器地址，如 https://zs.example.gov.cn")
    p.add_argument("--user", required=True, help="用户名")
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码（首次登录或令牌失效时）")
    p.add_argument("--quiet", action="store_true", help="不显示进度")
    p.add_argument(
        "--insecure",
        action="store_true",
        help="允许使用未加密的 http:// 地址连接本机以外的服务器（密码和数据将明文传输，仅限测试）",
    )
    p.set_defaults(func=_sync)
    p = sub.add_parser(
        "conflicts", help="查看或处理同步冲突", description="列出待处理的同步冲突和被拒绝的修改"
    )
    p.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径")
    p.add_argument("--resolve", metavar="ID", help="处理指定冲突")
    p.add_argument("--choice", choices=tuple(CHOICES), help="local=另一方的值 server=当前值 base=原值")
    p.set_defaults(func=_conflicts)
    for name, help_text, desc in (
        (
            "sync-export",
            "导出同步包（无法联网的办事处）",
            "把待上传的修改和附件导出为签名的同步包文件，交给服务器管理员导入",
        ),
        (
            "sync-import",
            "导入服务器回执（无法联网的办事处）",
            "导入服务器生成的回执同步包：记录上传结果并写入下载的更新和附件",
        ),
    ):
        p = sub.add_parser(name, help=help_text, description=desc)
        p.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径")
        p.add_argument("--user", required=True, help="用户名")
        p.add_argument(
            "--key-stdin",
            action="store_true",
            help="从标准输入读取服务器管理员发放的同步包密钥（之后保存在系统密钥环）",
        )
        if name == "sync-export":
            p.add_argument("--out", required=True, help="同步包文件，如 上海办-0612.zsb")
            p.set_defaults(func=_export)
        else:
            p.add_argument("answer", help="服务器回执文件（.zsb）")
            p.set_defaults(func=_import)


def _sync(args: argparse.Namespace) -> int:
    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = None  # try the stored token first; asked below only if needed
    with open_workspace(args.db) as ws:

        def show(fraction: float, text: str) -> None:
            if not args.quiet:
                print(f"[{fraction * 100:5.1f}%] {text}", file=sys.stderr)

        from ..sync.client import SyncError

        def once(password: str | None) -> SyncResult:
            return sync_now(
                ws,
                server=args.server,
                username=args.user,
                password=password,
                progress=show,
                insecure=bool(args.insecure),
            )

        try:
            result = once(password)
        except SyncError as exc:
            if exc.kind != "auth" or password is not None or not sys.stdin.isatty():
                raise
            result = once(getpass.getpass("密码："))
        print(result.summary())
    return 0


def _bundle_key(args: argparse.Namespace) -> str:
    from ..services.bundles import bundle_token

    typed = sys.stdin.readline().strip() if args.key_stdin else None
    return bundle_token(args.user, typed)


def _export(args: argparse.Namespace) -> int:
    from ..services.bundles import export_bundle

    token = _bundle_key(args)
    with open_workspace(args.db) as ws:
        print(export_bundle(ws, Path(args.out), username=args.user, token=token).summary())
    return 0


def _import(args: argparse.Namespace) -> int:
    from ..services.bundles import import_answer

    token = _bundle_key(args)
    with open_workspace(args.db) as ws:
        print(import_answer(ws, Path(args.answer), username=args.user, token=token).summary())
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        if args.resolve:
            if not args.choice:
                print("错误：请用 --choice 指定 local / server / base", file=sys.stderr)
                return 2
            resolve_conflict(ws, args.resolve, args.choice)
            print("已处理，所选值将在下次同步时上传")
            return 0
        conflicts = list_conflicts(ws)
        print(f"冲突（{len(conflicts)}）")
        for c in conflicts:
            # Named as people know the record, values as they read them (money in 亿元, not 万元).
            print(
                f"{c.id}  {c.table_title}“{c.record or c.row_id}” {c.label}：当前值={c.text('server')}"
                f"（{c.server_author}） 另一方的值={c.text('local')}（{c.local_author}） 原值={c.text('base')}"
            )
        rejected = rejected_ops(ws)
        if rejected:
            print(f"被服务器拒绝的修改（{len(rejected)}）")
            for op in rejected:
                title = BY_TABLE[op["table"]].TITLE if op["table"] in BY_TABLE else op["table"]
                print(f"{op['op_id']}  {title}“{op['record'] or op['row_id']}” {op['kind']}：{op['reason']}")
    return 0
