""" "Minutes append" (SYNC.md §3) end to end: two officers add to one visit's 洽谈内容 offline; after
syncing both laptops hold both notes, and nothing waits in the 冲突 view; a clear still does."""

from __future__ import annotations

from pathlib import Path

from zsdesk.server.merge import minutes_separator
from zsdesk.services.sync import list_conflicts

from .harness import Laptop, LiveServer

A = "省政府驻上海办事处"


def _two(server: LiveServer, tmp_path: Path) -> tuple[Laptop, Laptop, str]:
    server.user("a1", "officer", A)
    server.user("a2", "officer", A)
    a1, a2 = Laptop(server, tmp_path / "a1.db", "a1", A), Laptop(server, tmp_path / "a2.db", "a2", A)
    a1.sync()
    eid = a1.store.create("enterprise", {"name": "纪要合并企业"})
    vid = a1.store.create(
        "visit",
        {"date": "2024-06-26", "enterprise_id": eid, "form": "上门拜访", "minutes": "一、企业介绍扩产计划。"},
    )
    a1.sync()
    a2.sync()
    return a1, a2, vid


def test_concurrent_minutes_keep_both_notes(server: LiveServer, tmp_path: Path) -> None:
    a1, a2, vid = _two(server, tmp_path)
    a1.store.update("visit", vid, {"minutes": "一、企业介绍扩产计划。\n二、对方希望年内签约。"})
    a2.store.update("visit", vid, {"minutes": "一、企业介绍扩产计划。\n二、需协调用地指标。"})
    a2.store.update("visit", vid, {"minutes": "一、企业介绍扩产计划。\n二、需协调用地指标。\n三、下周回访。"})
    a1.sync()
    result = a2.sync()
    assert result.conflicts == 0 and result.open_conflicts == 0
    a1.sync()
    want = (
        "一、企业介绍扩产计划。\n二、对方希望年内签约。\n"
        + minutes_separator("a2")
        + "\n二、需协调用地指标。\n三、下周回访。"
    )
    assert a1.store.get("visit", vid)["minutes"] == want
    assert a2.store.get("visit", vid)["minutes"] == want
    assert list_conflicts(a1.ws) == [] and list_conflicts(a2.ws) == []
    with server.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM conflicts").scalar() == 0
    # From the merged text on, an edit is ordinary again (it was seen).
    a1.store.update("visit", vid, {"minutes": want + "\n四、已回访。"})
    a1.sync()
    a2.sync()
    assert a2.store.get("visit", vid)["minutes"] == want + "\n四、已回访。"


def test_clearing_minutes_against_an_addition_is_a_conflict(server: LiveServer, tmp_path: Path) -> None:
    a1, a2, vid = _two(server, tmp_path)
    a1.store.update("visit", vid, {"minutes": "一、企业介绍扩产计划。\n二、对方希望年内签约。"})
    a2.store.update("visit", vid, {"minutes": ""})
    a1.sync()
    result = a2.sync()
    assert result.conflicts == 1
    kept = "一、企业介绍扩产计划。\n二、对方希望年内签约。"
    assert a2.store.get("visit", vid)["minutes"] == kept
    [conflict] = list_conflicts(a2.ws)
    assert conflict.label == "洽谈内容" and conflict.server == kept and conflict.local in ("", None)
