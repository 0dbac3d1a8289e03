"""Command line: `zsdesk` launches the GUI; subcommands init, demo, import, export, stats, report, sync.

Each subcommand lives in `zsdesk/commands/<name>.py` with `register(subparsers)`; errors are printed
in Chinese and exit non-zero.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from .domain.errors import DomainError

# Modules under zsdesk/commands that add subcommands (each has `register(subparsers)`).
COMMAND_MODULES = ("data", "demo", "excel", "stats", "report", "sync", "backup", "campaign", "security")


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    from . import argparse_zh  # not on the GUI's start path: only a parsed command line needs it

    argparse_zh.install()
    parser = argparse.ArgumentParser(
        prog="zsdesk",
        description="招商外勤桌面端：离线记录走访、项目、诉求与任务，打印周报和统计表，与省级服务器同步。",
        add_help=commands,
    )
    parser.add_argument("--db", help="数据库文件路径（默认在用户数据目录）")
    parser.add_argument("--demo", action="store_true", help="打开演示数据库（首次自动生成）")
    parser.add_argument("--smoke", action="store_true", help="打开主窗口、渲染后退出（用于打包检查）")
    parser.add_argument("--lang", help="界面语言，如 en 或 zh_CN（默认取环境变量 ZSDESK_LANG 或系统语言）")
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="本机没有系统钥匙串时，从标准输入第一行读取数据库口令",
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"zsdesk.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"zsdesk.commands.{name}":
                continue  # not built yet
            raise
        module.register(sub)
    return parser


# The GUI's own options: `zsdesk [--db P] [--demo] [--smoke] [--lang L] [--passphrase-stdin]`.
_GUI_OPTIONS = {"--db": "db", "--lang": "lang"}
_GUI_FLAGS = {"--demo": "demo", "--smoke": "smoke", "--passphrase-stdin": "passphrase_stdin"}


def _gui_launch(argv: Sequence[str] | None) -> Any:
    """The GUI's options read without argparse, or None when argv holds anything else (a command,
    --help, an abbreviation, a typo: argparse then parses and explains).

    Building an ArgumentParser costs ≈5 ms (gettext loads the locale tables) and the command
    modules it registers ≈0.5 s (reportlab, httpx, openpyxl): neither belongs on the GUI's start.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    found: dict[str, Any] = {
        "command": None,
        "db": None,
        "demo": False,
        "smoke": False,
        "lang": None,
        "passphrase_stdin": False,
    }
    i = 0
    while i < len(args):
        name, has_value, value = args[i].partition("=")
        if name in _GUI_OPTIONS:
            if not has_value:
                if i + 1 >= len(args) or args[i + 1].startswith("-"):
                    return None
                i += 1
                value = args[i]
            found[_GUI_OPTIONS[name]] = value
        elif args[i] in _GUI_FLAGS:
            found[_GUI_FLAGS[args[i]]] = True
        else:
            return None
        i += 1
    return SimpleNamespace(**found)


def main(argv: Sequence[str] | None = None) -> int:
    args = _gui_launch(argv)
    if args is None:
        args = build_parser().parse_args(argv)
    try:
        if args.passphrase_stdin:
            _passphrase_from_stdin()
        if args.command is None:
            from .app import run_gui  # Qt is only imported when the GUI is wanted

            # The GUI sets up logging itself once its window has painted (≈30 ms off start-up).
            return run_gui(db=args.db, demo=args.demo, smoke=args.smoke, lang=args.lang)
        from .logging_setup import configure_logging

        configure_logging(command=args.command)  # after parsing: `--help` and typos leave no log lines
        return int(args.func(args) or 0)
    except DomainError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except OSError as exc:
        print(
            f"错误：文件操作失败：{exc.strerror or exc}（{getattr(exc, 'filename', '') or ''}）",
            file=sys.stderr,
        )
        return 3


def _passphrase_from_stdin() -> None:
    """`--passphrase-stdin`: the first line of standard input is the database passphrase (read once)."""
    from .services.security import set_passphrase_provider

    line = sys.stdin.readline().rstrip("\n")
    set_passphrase_provider(lambda _path, _creating: line)


if __name__ == "__main__":
    sys.exit(main())
