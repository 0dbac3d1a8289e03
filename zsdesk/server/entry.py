"""The `zsdesk-server` command's entry: a clear message when the server's packages are not installed."""

from __future__ import annotations

import sys
from collections.abc import Sequence

# Installed only by `pip install 'zsdesk[server]'`; a desktop install lacks them.
SERVER_PACKAGES = {"fastapi", "starlette", "uvicorn", "sqlalchemy", "psycopg", "argon2"}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        from .cli import main as server_main
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in SERVER_PACKAGES:
            raise
        print(
            f"错误：未安装服务器组件（缺少 {exc.name}）。桌面端不含服务器；"
            "在服务器上请运行 pip install 'zsdesk[server]'。",
            file=sys.stderr,
        )
        return 2
    return server_main(argv)


if __name__ == "__main__":
    sys.exit(main())
