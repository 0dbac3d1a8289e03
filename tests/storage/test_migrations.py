"""Databases made by earlier schema versions open, upgrade without loss, and stay writable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zsdesk.storage.database import DatabaseError, open_database
from zsdesk.storage.migrations import migrations, schema_names
from zsdesk.storage.search import search_ids
from zsdesk.storage.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize("version", ["v1", "v2", "v4"])
def test_fixture_database_upgrades_without_loss(tmp_path: Path, version: str) -> None:
    path = tmp_path / f"{version}.db"
    shutil.copy(FIXTURES / f"schema_{version}.db", path)
    db = open_database(path)
    assert schema_names(db) == [m.name for m in migrations._migrations]
    visit = db.execute("SELECT minutes, participants FROM visit").fetchone()
    assert visit == ("洽谈储能电池项目落地宜宾", '["张三"]')
    assert db.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0] == 2
    # Search indexes made by the upgrade cover the old rows too.
    assert search_ids(db, "enterprise", "创明新能源") and search_ids(db, "visit", "储能电池")
    store = Store(db)
    eid = db.execute("SELECT id FROM enterprise").fetchone()[0]
    store.update("enterprise", eid, {"industry": "能源化工"})
    assert store.get("enterprise", eid)["industry"] == "能源化工"
    db.close()


def test_reopening_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    open_database(path).close()
    db = open_database(path)
    assert len(schema_names(db)) == len(migrations._migrations)
    db.close()


def test_garbage_file_gives_a_chinese_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    assert "损坏" in str(info.value) or "无法" in str(info.value)
