"""The server's identity: a server database restored from a backup is noticed by every laptop that
synced past the backup, which then pulls everything again, misses no change and gives the server back
the rows the restore lost (SQLite file copy / pg_dump + pg_restore, real loopback server)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from zsdesk.server.cli import main as server_main
from zsdesk.server.db import records
from zsdesk.sync.protocol import RESNAPSHOT_HEADER, RESNAPSHOT_STATUS, version_headers

from .harness import PASSWORD, LiveServer, start_server, three_laptops


def _backup(server: LiveServer, dest: Path) -> None:
    url = server.database_url
    if url.startswith("sqlite"):
        src = sqlite3.connect(url.removeprefix("sqlite:///"))
        with sqlite3.connect(dest) as out:
            src.backup(out)  # a consistent copy of the live file, WAL included
        src.close()
    else:
        dsn = url.replace("postgresql+psycopg://", "postgresql://")
        subprocess.run(["pg_dump", "-Fc", "-f", str(dest), dsn], check=True)


def _restore(server: LiveServer, backup: Path) -> LiveServer:
    """Stop the server, put the backup in place of its database, start it again."""
    server.stop()
    url = server.database_url
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        for extra in ("-wal", "-shm"):
            Path(f"{path}{extra}").unlink(missing_ok=True)
        shutil.copyfile(backup, path)
    else:
        import psycopg

        from .harness import PG_ADMIN

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {name}")
        dsn = url.replace("postgresql+psycopg://", "postgresql://")
        subprocess.run(["pg_restore", "--no-owner", "-d", dsn, str(backup)], check=True)
    return start_server(url)


def _names(laptop) -> set[str]:  # type: ignore[no-untyped-def]
    return {r["name"] for r in laptop.rows("enterprise", live_only=True).values()}


def test_a_laptop_past_the_backup_notices_the_restore_and_misses_no_change(
    server: LiveServer, tmp_path: Path
) -> None:
    a1, a2, _ = three_laptops(server, tmp_path)
    a1.store.create("enterprise", {"name": "备份前企业"})
    a1.sync()
    a2.sync()
    _backup(server, tmp_path / "server.bak")
    lost = a1.store.create("enterprise", {"name": "备份后企业"})
    for i in range(3):
        a1.store.create("enterprise", {"name": f"备份后企业{i}"})
    a1.sync()  # the server now has 4 changes the backup does not have; a1's cursor is past them
    server = _restore(server, tmp_path / "server.bak")
    a1.server = a2.server = server
    # a2 (cursor before the backup point) pushes new work: the restored server hands out the same
    # seqs again, beyond a1's cursor, for other changes.
    for i in range(6):
        a2.store.create("enterprise", {"name": f"恢复后企业{i}"})
    second = a2.sync()
    assert not second.resnapshot  # its cursor lies before the backup: nothing to do again
    result = a1.sync()
    assert result.resnapshot and any("从备份恢复" in w for w in result.warnings)
    # No silently missed change: everything a2 made after the restore is here.
    assert {f"恢复后企业{i}" for i in range(6)} <= _names(a1)
    # What the restore lost came back from a1, and reaches a2.
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).where(records.c.id == lost)).scalar_one() == 1
    a2.sync()
    assert {"备份后企业", *(f"备份后企业{i}" for i in range(3))} <= _names(a2)
    assert _names(a1) == _names(a2)
    assert a1.sync().resnapshot is False  # settled: the next sync is an ordinary one
    server.stop()


def test_a_cursor_the_restored_server_never_issued_is_refused(server: LiveServer, tmp_path: Path) -> None:
    a1, _, _ = three_laptops(server, tmp_path)
    a1.sync()
    _backup(server, tmp_path / "server.bak")
    for i in range(3):
        a1.store.create("enterprise", {"name": f"丢失企业{i}"})
    a1.sync()
    cursor = int(a1.ws.db.execute("SELECT value FROM sync_state WHERE key = 'pull_cursor'").fetchone()[0])
    server = _restore(server, tmp_path / "server.bak")
    a1.server = server
    token = httpx.post(
        f"{server.url}/auth/login", json={"username": "a1", "password": PASSWORD}, headers=version_headers()
    ).json()["token"]
    answer = httpx.get(
        f"{server.url}/sync/pull",
        params={"since": cursor},
        headers={**version_headers(), "Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == RESNAPSHOT_STATUS and answer.headers[RESNAPSHOT_HEADER] == "restored"
    assert "备份恢复" in answer.json()["detail"]
    result = a1.sync()
    assert result.resnapshot and result.dropped == 3
    assert {f"丢失企业{i}" for i in range(3)} <= _names(a1)
    with server.engine.connect() as conn:
        names = {
            r for (r,) in conn.execute(select(records.c.data).where(records.c.table_name == "enterprise"))
        }
    assert sum("丢失企业" in n for n in names) == 3
    server.stop()


def test_new_epoch_makes_every_laptop_pull_again_once(
    server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a1, a2, _ = three_laptops(server, tmp_path)
    a1.store.create("enterprise", {"name": "新标识企业"})
    a1.sync()
    a2.sync()
    assert server_main(["new-epoch", "--database", server.database_url]) == 0
    assert "重新下载" in capsys.readouterr().out
    for laptop in (a1, a2):
        result = laptop.sync()
        assert result.resnapshot and result.dropped == 0
        assert "新标识企业" in _names(laptop)
        assert not laptop.sync().resnapshot


def test_an_edit_waiting_on_a_row_the_restore_lost_keeps_the_whole_row(
    server: LiveServer, tmp_path: Path
) -> None:
    a1, a2, _ = three_laptops(server, tmp_path)
    a1.sync()
    _backup(server, tmp_path / "server.bak")
    eid = a1.store.create("enterprise", {"name": "恢复中被编辑的企业", "address": "成都市高新区"})
    a1.sync()
    a1.store.update("enterprise", eid, {"note": "恢复后才同步的备注"})  # waits in the outbox
    server = _restore(server, tmp_path / "server.bak")
    a1.server = a2.server = server
    result = a1.sync()
    assert result.resnapshot and result.pending == 0
    mine = a1.rows("enterprise")[eid]
    assert (mine["name"], mine["address"], mine["note"]) == (
        "恢复中被编辑的企业",
        "成都市高新区",
        "恢复后才同步的备注",
    )
    a2.sync()
    theirs = a2.rows("enterprise")[eid]
    assert (theirs["name"], theirs["address"], theirs["note"]) == (
        "恢复中被编辑的企业",
        "成都市高新区",
        "恢复后才同步的备注",
    )
    server.stop()
