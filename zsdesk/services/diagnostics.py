"""The "about / diagnostics" text: versions, paths, last sync and outbox backlog, ready to copy to IT.

Qt-free: the GUI passes Qt/PySide versions in `extra` (see zsdesk.ui.diagnostics_dialog.qt_versions).

    >>> print(diagnostics_text(ws, extra={"Qt": "6.12.0"}))  # doctest: +SKIP
    招商外勤桌面端 诊断信息
    …
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from .. import PROTOCOL_VERSION, SCHEMA_VERSION, __version__
from ..logging_setup import log_file
from ..resources import is_frozen, resources_root
from ..storage.backup import backup_dir, list_backups
from ..storage.migrations import CURRENT_VERSION, applied_names
from ..storage.status import outbox_counts, sync_state
from .context import Workspace, default_db_path
from .workflow import inconsistent_projects

# sync_state keys holding the last sync time (zsdesk.services.sync writes "last_sync"); other keys are
# listed too, so this still says something useful if the engine names them differently.
_LAST_SYNC_KEYS = ("last_sync", "last_sync_at", "last_success_at", "last_pull_at", "last_push_at")
_STATE_LABELS = {"pending": "待上传", "rejected": "被服务器拒绝"}


def diagnostics_text(
    ws: Workspace | None = None,
    *,
    db_path: str | Path | None = None,
    extra: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> str:
    """A plain-text block (Chinese labels, stable `label：value` lines) describing this installation.

    Without `ws` (e.g. the database would not open) it still reports versions and paths.
    """
    path = Path(ws.path if ws is not None else (db_path or default_db_path()))
    lines = [f"招商外勤桌面端 诊断信息（{(now or datetime.now()):%Y-%m-%d %H:%M:%S}）", "", "[版本]"]
    lines += [
        f"zsdesk：{__version__}（数据结构 {SCHEMA_VERSION}，同步协议 {PROTOCOL_VERSION}）",
        f"Python：{sys.version.split()[0]}",
        *(f"{k}：{v}" for k, v in (extra or {}).items()),
        f"系统：{platform.platform()}",
        f"运行方式：{'安装包' if is_frozen() else '源码'}",
    ]
    backups = list_backups(path)
    lines += [
        "",
        "[路径]",
        f"数据库：{path}" + ("" if path.exists() else "（不存在）"),
        f"数据库大小：{_size(path)}",
        f"日志文件：{log_file()}",
        f"备份目录：{backup_dir(path)}",
        f"最近备份：{backups[0].label if backups else '无'}（共 {len(backups)} 份）",
        f"资源目录：{resources_root()}",
    ]
    lines += ["", "[同步]"]
    if ws is None:
        lines.append("（数据库未打开）")
    else:
        lines += _sync_lines(ws)
        lines += ["", "[项目阶段与日期]", *_lifecycle_lines(ws)]
    return "\n".join(lines) + "\n"


_LIFECYCLE_SHOWN = 50  # the GUI notice on the 项目 screen lists them all


def _lifecycle_lines(ws: Workspace) -> list[str]:
    """Projects whose stage and dates disagree: listed for an officer to fix, never changed here."""
    bad = inconsistent_projects(ws)
    if not bad:
        return ["全部项目的阶段与日期一致"]
    out = [f"阶段与日期不一致的项目：{len(bad)} 个（未自动修改，请在“项目”页逐个核对）"]
    for p in bad[:_LIFECYCLE_SHOWN]:
        out.append(f"· {p['name']}（{p['enterprise'] or '—'}，{p['stage']}）：{'；'.join(p['problems'])}")
    if len(bad) > _LIFECYCLE_SHOWN:
        out.append(f"……另有 {len(bad) - _LIFECYCLE_SHOWN} 个")
    return out


def _sync_lines(ws: Workspace) -> list[str]:
    state = sync_state(ws.db)
    last = next((state[k] for k in _LAST_SYNC_KEYS if state.get(k)), None)
    out = [f"上次同步：{last or '从未同步'}"]
    out += [f"{k}：{v}" for k, v in state.items() if k not in _LAST_SYNC_KEYS or state[k] != last]
    counts = outbox_counts(ws.db)
    out.append(f"待上传修改：{counts.get('pending', 0)} 条")
    out += [f"{_STATE_LABELS.get(s, s)}：{n} 条" for s, n in counts.items() if s != "pending"]
    names = applied_names(ws.db.conn)
    out.append(
        f"数据库结构版本：{len(names)}（本程序 {CURRENT_VERSION}）；已应用的升级：{', '.join(names) or '无'}"
    )
    return out


def _size(path: Path) -> str:
    """File size including the -wal journal, where recent writes sit until a checkpoint."""
    try:
        total = path.stat().st_size
    except OSError:
        return "—"
    wal = Path(f"{path}-wal")
    total += wal.stat().st_size if wal.exists() else 0
    return f"{total / 1_048_576:.1f} MB"
