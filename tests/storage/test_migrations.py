"""Databases made by earlier schema versions open, upgrade without loss, and stay writable."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from zsdesk.storage import engine
from zsdesk.storage.database import DatabaseError, open_database
from zsdesk.storage.migrations import CURRENT_VERSION, MIGRATIONS, applied_names, apply, pending
from zsdesk.storage.search import search_ids
from zsdesk.storage.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# v1, v2, v4: releases before numbered migrations (sqlite-utils' _sqlite_migrations, user_version 0).
RELEASED = sorted(p.stem.removeprefix("schema_") for p in FIXTURES.glob("schema_v*.db"))


def test_every_released_schema_has_a_fixture() -> None:
    assert {"v1", "v2", "v4", "v6"} <= set(RELEASED)


@pytest.mark.parametrize("version", RELEASED)
def test_fixture_database_upgrades_without_loss(tmp_path: Path, version: str) -> None:
    path = tmp_path / f"{version}.db"
    shutil.copy(FIXTURES / f"schema_{version}.db", path)
    db = open_database(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    assert applied_names(db.conn) == [m.__name__ for m in MIGRATIONS]
    visit = db.execute("SELECT minutes, participants FROM visit").fetchone()
    assert visit == ("洽谈储能电池项目落地宜宾", '["张三"]')
    assert db.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0] == 2
    # Search indexes made by the upgrade cover the old rows too.
    assert search_ids(db, "enterprise", "创明新能源") and search_ids(db, "visit", "储能电池")
    store = Store(db)
    eid = db.execute("SELECT id FROM enterprise").fetchone()[0]
    store.update("enterprise", eid, {"industry": "能源化工"})
    assert store.get("enterprise", eid)["industry"] == "能源化工"
    vid = db.execute("SELECT id FROM visit").fetchone()[0]
    store.update("visit", vid, {"trip_id": None, "purpose": "回访"})  # a column added by a later migration
    db.close()


def test_reopening_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    open_database(path).close()
    db = open_database(path)
    assert pending(db.conn) == []
    assert len(applied_names(db.conn)) == CURRENT_VERSION
    db.close()


def test_a_legacy_file_that_already_has_a_later_column_upgrades(tmp_path: Path) -> None:
    # Releases before numbered migrations added declared fields at every open: such a file can
    # already hold a column that a numbered migration adds.
    path = tmp_path / "legacy.db"
    shutil.copy(FIXTURES / "schema_v4.db", path)
    raw = sqlite3.connect(path)
    raw.execute("ALTER TABLE visit ADD COLUMN trip_id TEXT")
    raw.commit()
    raw.close()
    db = open_database(path)
    assert pending(db.conn) == []
    assert [r[1] for r in db.execute("PRAGMA table_info(visit)")].count("trip_id") == 1
    db.close()


def test_a_failing_migration_rolls_back_and_leaves_the_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zsdesk.storage.migrations as mig

    def broken(db: object) -> None:
        db.execute("CREATE TABLE half_done (x)")  # type: ignore[attr-defined]
        raise RuntimeError("disk went away")

    db = open_database(tmp_path / "a.db")
    monkeypatch.setattr(mig, "MIGRATIONS", (*MIGRATIONS, broken))
    with pytest.raises(RuntimeError):
        apply(db, target=CURRENT_VERSION + 1)
    assert db.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    assert not db["half_done"].exists()
    db.close()


def test_a_file_from_a_newer_release_is_refused_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_database(path).close()
    raw = engine.connect(path)
    raw.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    raw.commit()
    raw.close()
    with pytest.raises(DatabaseError, match="更新版本的 zsdesk"):
        open_database(path)


def test_garbage_file_gives_a_chinese_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    assert "损坏" in str(info.value) or "无法" in str(info.value)
