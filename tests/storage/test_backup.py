"""Local safety on real files: backups with the SQLite backup API, rotation, restore, refusing a damaged file."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from zsdesk.cli import main
from zsdesk.services.backups import ensure_daily_backup
from zsdesk.services.context import init_workspace, open_workspace
from zsdesk.storage import backup as bk
from zsdesk.storage import engine
from zsdesk.storage.database import DatabaseError, connect, open_database
from zsdesk.storage.migrations import apply


def _office_db(path: Path, enterprises: int = 300) -> Path:
    """A closed database with enough rows that its middle pages hold table data."""
    with init_workspace(path, office="省政府驻上海办事处", officer="张三") as ws:
        with ws.store.transaction():
            for i in range(enterprises):
                ws.store.create("enterprise", {"name": f"上海第{i}号新能源科技有限公司", "city": "上海"})
    return path


def _corrupt(path: Path) -> None:
    """Overwrite a block in the middle of the file, as a failing disk or a killed copy would."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 16384] = b"\xab" * 16384
    path.write_bytes(bytes(data))


def _count(path: Path) -> int:
    conn = engine.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM enterprise").fetchone()[0]
    finally:
        conn.close()


def test_backup_now_writes_a_checked_single_file_copy(tmp_path: Path) -> None:
    db = _office_db(tmp_path / "office.db", enterprises=20)
    b = bk.backup_now(db)
    assert b.path.parent == tmp_path / "backups"
    assert b.kind == "manual" and b.size > 0
    assert bk.check_file(b.path, full=True) is None
    assert _count(b.path) == 20
    # one self-contained file in rollback-journal mode, so it opens read-only anywhere
    assert not Path(f"{b.path}-wal").exists()
    conn = engine.connect(b.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_backup_while_the_app_has_uncommitted_wal_pages_sees_committed_data(tmp_path: Path) -> None:
    db = _office_db(tmp_path / "office.db", enterprises=5)
    with open_workspace(db) as ws:
        ws.store.create("enterprise", {"name": "苏州后加入有限公司", "city": "苏州"})
        b = bk.backup_now(db)  # the write sits in office.db-wal; the backup API still copies it
    assert _count(b.path) == 6


def test_daily_backup_runs_at_most_once_a_day_and_keeps_seven(tmp_path: Path) -> None:
    db = _office_db(tmp_path / "office.db", enterprises=3)
    start = datetime(2026, 11, 1, 9, 0, 0)
    assert bk.daily_backup(db, now=start) is not None
    assert bk.daily_backup(db, now=start + timedelta(hours=5)) is None
    for day in range(1, 10):
        assert bk.daily_backup(db, now=start + timedelta(days=day)) is not None
    daily = [b for b in bk.list_backups(db) if b.kind == "daily"]
    assert len(daily) == bk.KEEP_DAILY
    assert daily[0].created.date() == (start + timedelta(days=9)).date()  # newest first


def test_pre_migration_backups_are_never_pruned(tmp_path: Path) -> None:
    db = _office_db(tmp_path / "office.db", enterprises=1)
    conn = engine.connect(db)
    for _ in range(bk.KEEP_DAILY + 2):
        bk.backup_before_migration(conn, db)
    conn.close()
    assert len([b for b in bk.list_backups(db) if b.kind == "pre-migration"]) == bk.KEEP_DAILY + 2


def test_open_database_backs_up_before_pending_migrations(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = connect(path)
    apply(db, target=1)  # a database from an older release
    db["enterprise"].insert({"id": "e1", "name": "老版本企业"})
    db.close()
    open_database(path).close()
    # a release before encryption: the file is encrypted first (an encrypted copy kept), then upgraded
    kinds = sorted(b.kind for b in bk.list_backups(path))
    assert kinds == ["pre-encryption", "pre-migration"]
    old = next(b.path for b in bk.list_backups(path) if b.kind == "pre-migration")
    assert engine.connect(old).execute("PRAGMA user_version").fetchone()[0] == 1  # the pre-upgrade schema
    open_database(path).close()  # nothing pending now: no new backup
    assert len(bk.list_backups(path)) == 2


def test_a_new_database_gets_no_pre_migration_backup(tmp_path: Path) -> None:
    open_database(tmp_path / "new.db").close()
    assert bk.list_backups(tmp_path / "new.db") == []


def test_corrupt_file_is_refused_with_chinese_message_naming_the_last_good_backup(tmp_path: Path) -> None:
    db = _office_db(tmp_path / "office.db")
    good = bk.backup_now(db, kind="daily")
    _corrupt(db)
    with pytest.raises(DatabaseError) as err:
        open_database(db)
    msg = str(err.value)
    assert "已损坏" in msg and "无法打开" in msg
    assert str(good.path) in msg and "zsdesk restore" in msg
    assert err.value.backup == good.path and err.value.path == db


def test_corrupt_backup_is_skipped_when_offering_the_last_good_one(tmp_path: Path) -> None:
    db = _office_db(tmp_path / "office.db")
    older = bk.backup_now(db, now=datetime(2026, 11, 1, 8, 0))
    newer = bk.backup_now(db, now=datetime(2026, 11, 2, 8, 0))
    _corrupt(newer.path)
    assert bk.check_file(newer.path) is not None
    assert bk.latest_good_backup(db) == older


def test_garbage_file_is_refused_and_says_there_is_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    path.write_bytes(b"this is not sqlite" * 500)
    with pytest.raises(DatabaseError, match="没有找到可用的备份"):
        open_database(path)


def test_restore_replaces_a_corrupt_file_and_keeps_a_copy_of_it(tmp_path: Path) -> None:
    db = _office_db(tmp_path / "office.db")
    good = bk.backup_now(db)
    _corrupt(db)
    damaged = db.read_bytes()
    saved = bk.restore(good.path, db)
    assert saved is not None and saved.read_bytes() == damaged
    assert [b.kind for b in bk.list_backups(db) if b.path == saved] == ["pre-restore"]
    with open_workspace(db) as ws:
        assert ws.store.rows("SELECT count(*) AS n FROM enterprise")[0]["n"] == 300


def test_restore_refuses_a_damaged_backup_and_leaves_the_target_alone(tmp_path: Path) -> None:
    db = _office_db(tmp_path / "office.db")
    bad = bk.backup_now(db)
    _corrupt(bad.path)
    before = db.read_bytes()
    with pytest.raises(bk.BackupError, match="不能用于恢复"):
        bk.restore(bad.path, db)
    assert db.read_bytes() == before


def test_restore_drops_a_stale_wal_of_the_replaced_file(tmp_path: Path) -> None:
    db = _office_db(tmp_path / "office.db", enterprises=2)
    good = bk.backup_now(db)
    Path(f"{db}-wal").write_bytes(b"stale")
    bk.restore(good.path, db)
    assert not Path(f"{db}-wal").exists()
    assert _count(db) == 2


def test_cli_backup_list_and_restore_latest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _office_db(tmp_path / "office.db", enterprises=4)
    assert main(["backup", "--db", str(db)]) == 0
    assert "已备份" in capsys.readouterr().out
    assert main(["backups", "--db", str(db)]) == 0
    listing = capsys.readouterr().out
    assert "手动备份" in listing and "office-manual-" in listing
    db.write_bytes(db.read_bytes()[:4096])  # truncated: the rest of the file is lost
    assert main(["restore", "--db", str(db), "--latest"]) == 0
    out = capsys.readouterr().out
    assert "已恢复" in out and "原文件另存为" in out
    assert _count(db) == 4


def test_cli_prints_the_backup_for_a_damaged_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _office_db(tmp_path / "office.db")
    good = bk.backup_now(db)
    _corrupt(db)
    assert main(["backup", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "已损坏" in err and str(good.path) in err


def test_cli_restore_needs_a_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _office_db(tmp_path / "office.db", enterprises=1)
    assert main(["restore", "--db", str(db), "--latest"]) == 2
    assert "没有可用的备份" in capsys.readouterr().err


def test_daily_backup_is_skipped_when_the_disk_is_nearly_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _office_db(tmp_path / "office.db", enterprises=1)
    # only .free is read; 10 MB left is less than the 100 MB reserve
    monkeypatch.setattr(bk.shutil, "disk_usage", lambda _p: SimpleNamespace(free=10 * 1_048_576))
    assert bk.daily_backup(db) is None
    assert bk.list_backups(db) == []


def test_daily_backup_from_another_thread_uses_its_own_connection(tmp_path: Path) -> None:
    db = _office_db(tmp_path / "office.db", enterprises=2)
    with open_workspace(db) as ws:
        result: list[object] = []
        t = threading.Thread(target=lambda: result.append(ensure_daily_backup(ws)))
        t.start()
        t.join()
    (made,) = result
    assert isinstance(made, bk.Backup) and made.kind == "daily" and _count(made.path) == 2


def test_damaged_database_message_for_a_background_check_names_the_backup(tmp_path: Path) -> None:
    from zsdesk.services.backups import damaged_database

    db = _office_db(tmp_path / "office.db", enterprises=1)
    good = bk.backup_now(db)
    err = damaged_database(db, "row 3 missing from index")
    assert err.backup == good.path and "row 3 missing from index" in str(err) and str(good.path) in str(err)


def test_cli_diagnostics_prints_paths_even_for_a_damaged_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _office_db(tmp_path / "office.db", enterprises=1)
    assert main(["diagnostics", "--db", str(db)]) == 0
    assert "待上传修改" in capsys.readouterr().out
    _corrupt(db)
    db.write_bytes(db.read_bytes()[:2048] + b"\xab" * 4096)
    assert main(["diagnostics", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert f"数据库：{db}" in out and "数据库无法打开" in out
