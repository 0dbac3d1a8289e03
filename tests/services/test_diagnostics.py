"""Diagnostics text: versions, paths, last sync and outbox backlog, with secrets masked."""

from __future__ import annotations

from pathlib import Path

from zsdesk import __version__
from zsdesk.services.backups import ensure_daily_backup
from zsdesk.services.context import Workspace
from zsdesk.services.diagnostics import diagnostics_text


def test_diagnostics_names_versions_paths_last_sync_and_pending_changes(ws: Workspace) -> None:
    ws.store.create("enterprise", {"name": "上海创明新能源科技有限公司"})
    ws.db.execute(
        "INSERT INTO sync_state(key, value) VALUES ('last_sync_at', '2026-11-20 17:05'), ('auth_token', 'abc')"
    )
    ensure_daily_backup(ws)
    text = diagnostics_text(ws, extra={"Qt": "6.12.0"})
    assert f"zsdesk：{__version__}" in text and "Qt：6.12.0" in text
    assert f"数据库：{ws.path}" in text
    assert f"备份目录：{ws.path.parent / 'backups'}" in text and "每日备份" in text
    assert "日志文件：" in text
    assert "上次同步：2026-11-20 17:05" in text
    assert "待上传修改：2 条" in text  # the office row from init + the enterprise
    assert "abc" not in text and "auth_token：******" in text


def test_diagnostics_without_an_open_database_still_lists_paths(tmp_path: Path) -> None:
    text = diagnostics_text(db_path=tmp_path / "gone.db")
    assert "（不存在）" in text and "从未同步" not in text and "数据库未打开" in text
