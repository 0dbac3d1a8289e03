"""Stored client databases of each released schema open, migrate and sync (SYNC.md "What the tests must prove")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zsdesk.services.context import open_workspace
from zsdesk.services.sync import sync_now

from .harness import PASSWORD, Laptop, LiveServer

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
OFFICE = "省政府驻上海办事处"


@pytest.mark.parametrize("version", ["v1", "v2", "v4"])
def test_old_schema_database_migrates_and_syncs_its_pending_edits(
    server: LiveServer, tmp_path: Path, version: str
) -> None:
    server.user("zhangsan", "officer", OFFICE)
    server.user("lisi", "officer", OFFICE)
    path = tmp_path / f"{version}.db"
    shutil.copy(FIXTURES / f"schema_{version}.db", path)
    old = open_workspace(path, author="zhangsan")
    try:
        eid = old.store.rows("SELECT id FROM enterprise")[0]["id"]
        old.store.update("enterprise", eid, {"industry": "先进材料"})  # an edit made after the upgrade
        result = sync_now(old, server=server.url, username="zhangsan", password=PASSWORD)
        assert old.store.pending_ops() == 0, result
        assert old.store.rows("SELECT count(*) AS n FROM outbox WHERE state = 'rejected'")[0]["n"] == 0
    finally:
        old.close()
    colleague = Laptop(server, tmp_path / "lisi.db", "lisi", OFFICE)
    try:
        colleague.sync()
        (ent,) = colleague.rows("enterprise", live_only=True).values()
        assert (ent["name"], ent["industry"]) == ("上海创明新能源科技有限公司", "先进材料")
        (visit,) = colleague.rows("visit", live_only=True).values()
        assert visit["minutes"] == "洽谈储能电池项目落地宜宾" and visit["enterprise_id"] == ent["id"]
    finally:
        colleague.close()
