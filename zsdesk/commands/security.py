"""`zsdesk encrypt / decrypt / unlock / recovery-key`: the database's encryption, for IT admins."""

from __future__ import annotations

import argparse
import sys

from ..services import security

RECOVERY_NOTICE = "恢复密钥（只显示这一次：请打印或抄写，交信息化管理员保管；钥匙串丢失时凭它打开数据库）："


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "encrypt", help="加密未加密的数据库（先做加密备份）", description="加密未加密的数据库（先做加密备份）"
    )
    p.add_argument("--db", required=True, help="数据库文件路径")
    p.set_defaults(func=_encrypt)
    p = sub.add_parser(
        "decrypt", help="导出数据库的未加密副本（供信息化管理员使用）", description="导出未加密副本"
    )
    p.add_argument("--db", required=True, help="加密的数据库文件路径")
    p.add_argument("--out", required=True, help="未加密副本的保存路径（不会覆盖已有文件）")
    p.set_defaults(func=_decrypt)
    p = sub.add_parser(
        "unlock", help="用恢复密钥打开数据库，并把密钥重新存入本机钥匙串", description="用恢复密钥打开数据库"
    )
    p.add_argument("--db", required=True, help="数据库文件路径")
    p.add_argument("--recovery-key-stdin", action="store_true", help="从标准输入读取恢复密钥")
    p.set_defaults(func=_unlock)
    p = sub.add_parser(
        "recovery-key", help="再次显示数据库的恢复密钥", description="再次显示数据库的恢复密钥"
    )
    p.add_argument("--db", required=True, help="数据库文件路径")
    p.set_defaults(func=_recovery)


def print_new_recovery_key(db_path: str) -> None:
    """After a command that created or converted a database: its recovery key, once."""
    key = security.take_new_recovery_key(db_path)
    if key:
        print(f"{RECOVERY_NOTICE}\n  {key}")


def _encrypt(args: argparse.Namespace) -> int:
    key = security.encrypt_database(args.db, step=lambda text: print(text, file=sys.stderr))
    print(f"已加密数据库 {args.db}（密钥保存在：{_where(security.key_mode(args.db))}）")
    print(f"{RECOVERY_NOTICE}\n  {key}")
    return 0


def _decrypt(args: argparse.Namespace) -> int:
    out = security.decrypt_database(args.db, args.out)
    print(f"已写出未加密副本 {out}（仅本人可读；用完请删除）")
    return 0


def _unlock(args: argparse.Namespace) -> int:
    text = sys.stdin.readline().strip() if args.recovery_key_stdin else input("恢复密钥：").strip()
    mode = security.unlock(args.db, text)
    print(f"已用恢复密钥打开 {args.db}，密钥保存在：{_where(mode)}")
    return 0


def _recovery(args: argparse.Namespace) -> int:
    print(security.recovery_key_of(args.db))
    return 0


def _where(mode: str) -> str:
    return {
        "keyring": "系统钥匙串",
        "passphrase": "口令（每次打开时输入）",
        "recovery": "无（每次需输入恢复密钥）",
    }.get(mode, mode)
