"""A 冲突 choice is itself a synced act: it closes the conflict on every laptop, over loopback HTTP."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zsdesk.services.sync import list_conflicts, resolve_conflict

from .harness import Laptop, LiveServer

A = "省政府驻上海办事处"


def _conflicted(server: LiveServer, tmp_path: Path) -> tuple[Laptop, Laptop, str, str]:
    """Two laptops of one office that both list the same conflict on enterprise.note."""
    server.user("a1", "officer", A)
    server.user("a2", "officer", A)
    a1, a2 = Laptop(server, tmp_path / "a1.db", "a1", A), Laptop(server, tmp_path / "a2.db", "a2", A)
    eid = a1.store.create("enterprise", {"name": "冲突处理测试企业", "note": "原来的备注"})
    a1.sync()
    a2.sync()
    a1.store.update("enterprise", eid, {"note": "甲的备注"})
    a2.store.update("enterprise", eid, {"note": "乙的备注"})
    a1.sync()
    a2.sync()  # received later: wins
    a1.sync()
    (c1,) = list_conflicts(a1.ws)
    (c2,) = list_conflicts(a2.ws)
    assert c1.id == c2.id
    assert (c1.server, c1.local, c1.base) == ("乙的备注", "甲的备注", "原来的备注")
    return a1, a2, eid, c1.id


@pytest.mark.parametrize(
    ("choice", "expected"), [("server", "乙的备注"), ("local", "甲的备注"), ("base", "原来的备注")]
)
def test_choice_closes_conflict_on_every_laptop(
    server: LiveServer, tmp_path: Path, choice: str, expected: str
) -> None:
    a1, a2, eid, conflict_id = _conflicted(server, tmp_path)
    resolve_conflict(a1.ws, conflict_id, choice)
    assert a1.store.get("enterprise", eid)["note"] == expected
    assert a1.store.pending_ops() == 1  # even "keep the current value" is an op that syncs
    result = a1.sync()
    assert result.pending == 0 and result.applied == 1
    a2.sync()
    assert not list_conflicts(a1.ws) and not list_conflicts(a2.ws)
    assert a1.store.get("enterprise", eid)["note"] == a2.store.get("enterprise", eid)["note"] == expected
    resolution = a2.ws.db.execute("SELECT resolution FROM conflict WHERE id = ?", [conflict_id]).fetchone()
    assert resolution[0] == choice
    with server.engine.connect() as conn:
        resolved, body = conn.exec_driver_sql(
            f"SELECT resolved, body FROM conflicts WHERE id = '{conflict_id}'"
        ).one()
    settled = json.loads(body)
    assert resolved and settled["resolved_by"] == "a1" and settled["resolution"] == choice
    assert settled["resolved_at_ms"] > 0
    # Idempotent: replaying the sync, or a third laptop joining later, changes nothing.
    before = a2.store.get("enterprise", eid)["version"]
    a1.sync()
    a2.sync()
    assert a2.store.get("enterprise", eid)["version"] == before


def test_late_choice_on_another_laptop_is_a_noop_and_undone(server: LiveServer, tmp_path: Path) -> None:
    a1, a2, eid, conflict_id = _conflicted(server, tmp_path)
    resolve_conflict(a1.ws, conflict_id, "local")
    resolve_conflict(a2.ws, conflict_id, "base")  # offline: does not know a1 chose already
    a1.sync()
    result = a2.sync()
    assert result.noop == 1 and result.pending == 0
    a1.sync()
    for laptop in (a1, a2):
        assert laptop.store.get("enterprise", eid)["note"] == "甲的备注"  # the first choice stands
        assert not list_conflicts(laptop.ws)
