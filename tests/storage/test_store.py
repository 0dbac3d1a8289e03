"""The write engine: validated writes, outbox op in the same transaction, tombstones, history."""

from __future__ import annotations

import json

import pytest

from zsdesk.domain.errors import NotFoundError, ValidationError
from zsdesk.services.context import Workspace
from zsdesk.storage import engine


def _enterprise(ws: Workspace, name: str = "上海创明新能源科技有限公司", **extra: object) -> str:
    return ws.store.create("enterprise", {"name": name, **extra})


def _outbox(ws: Workspace) -> list[dict]:
    return ws.store.rows("SELECT * FROM outbox ORDER BY op_seq")


def test_create_writes_row_and_outbox_op_together(ws: Workspace) -> None:
    before = len(_outbox(ws))
    eid = _enterprise(ws, credit_code="91440300192317458F", tags="专精特新、上市公司")
    ops = _outbox(ws)[before:]
    assert len(ops) == 1
    op = ops[0]
    assert (op["table_name"], op["row_id"], op["kind"], op["state"]) == (
        "enterprise",
        eid,
        "create",
        "pending",
    )
    fields = json.loads(op["fields"])
    assert fields["tags"] == ["专精特新", "上市公司"]
    assert fields["office_id"] == ws.office_id
    assert op["author"] == "张三" and op["hlc"]
    assert ws.store.get("enterprise", eid)["credit_code"] == "91440300192317458F"


def test_update_records_only_changed_fields_with_base_version(ws: Workspace) -> None:
    eid = _enterprise(ws)
    ws.db.execute("UPDATE enterprise SET version = 41 WHERE id = ?", [eid])  # as if pulled at seq 41
    changed = ws.store.update(
        "enterprise", eid, {"name": "上海创明新能源科技有限公司", "industry": "先进材料"}
    )
    assert changed == {"industry": "先进材料"}
    op = _outbox(ws)[-1]
    assert json.loads(op["fields"]) == {"industry": "先进材料"}
    assert op["base_version"] == 41
    assert ws.store.update("enterprise", eid, {"industry": "先进材料"}) == {}  # no-op writes no op
    assert _outbox(ws)[-1]["op_id"] == op["op_id"]


def test_failed_transaction_leaves_neither_row_nor_outbox(ws: Workspace) -> None:
    before_ops = len(_outbox(ws))
    with pytest.raises(RuntimeError), ws.store.transaction():
        _enterprise(ws, name="甲公司")
        _enterprise(ws, name="乙公司")
        raise RuntimeError("disk full")
    assert len(_outbox(ws)) == before_ops
    assert ws.store.rows("SELECT id FROM enterprise") == []
    assert ws.store.rows("SELECT id FROM history WHERE action = 'create' AND table_name = 'enterprise'") == []


def test_outbox_insert_failure_rolls_back_the_row(ws: Workspace) -> None:
    # Make the outbox write itself fail: the row change must not survive alone.
    ws.db.execute("CREATE TRIGGER boom BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox full'); END")
    with pytest.raises(engine.IntegrityError):
        _enterprise(ws, name="丙公司")
    assert ws.store.rows("SELECT id FROM enterprise WHERE name = '丙公司'") == []


def test_validation_errors_are_per_field_and_write_nothing(ws: Workspace) -> None:
    eid = _enterprise(ws)
    before = len(_outbox(ws))
    with pytest.raises(ValidationError) as info:
        ws.store.create("visit", {"date": "2024-13-01", "enterprise_id": eid, "form": "喝茶"})
    assert set(info.value.errors) == {"date", "form"}
    assert "走访日期" in info.value.errors["date"] and "走访形式" in info.value.errors["form"]
    with pytest.raises(ValidationError) as info:
        ws.store.create("enterprise", {"name": "", "credit_code": "91440300192317458X"})
    assert set(info.value.errors) == {"name", "credit_code"}
    with pytest.raises(ValidationError):
        ws.store.create("visit", {"date": "2024-06-01", "enterprise_id": "no-such-id", "form": "上门拜访"})
    assert len(_outbox(ws)) == before


def test_delete_is_a_tombstone_and_undelete_restores(ws: Workspace) -> None:
    eid = _enterprise(ws)
    vid = ws.store.create("visit", {"date": "2024-06-26", "enterprise_id": eid, "form": "上门拜访"})
    ws.store.delete("visit", vid)
    with pytest.raises(NotFoundError):
        ws.store.get("visit", vid)
    assert ws.store.get("visit", vid, include_deleted=True)["deleted"] is True
    assert json.loads(_outbox(ws)[-1]["fields"]) == {"deleted": True}
    ws.store.undelete("visit", vid)
    assert ws.store.get("visit", vid)["deleted"] is False
    assert [h["action"] for h in ws.store.history(vid)] == ["create", "delete", "undelete"]


def test_history_keeps_old_and_new_values(ws: Workspace) -> None:
    eid = _enterprise(ws)
    ws.store.update("enterprise", eid, {"industry": "电子信息"})
    ws.store.update("enterprise", eid, {"industry": "数字经济"})
    last = ws.store.history(eid)[-1]
    assert last["changes"] == {"industry": ["电子信息", "数字经济"]} and last["author"] == "张三"


def test_project_defaults_and_money_are_exact(ws: Workspace) -> None:
    eid = _enterprise(ws)
    pid = ws.store.create("project", {"name": "储能电池项目", "enterprise_id": eid, "signed_wan": "12.34"})
    row = ws.store.get("project", pid)
    assert (row["stage"], row["status"], row["signed_wan"]) == ("信息获取", "正常", 123400)


def test_full_disk_rolls_back_and_says_so_in_chinese(ws: Workspace) -> None:
    from zsdesk.storage.database import DatabaseError

    eid = _enterprise(ws)
    before = len(_outbox(ws))
    pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
    ws.db.execute(f"PRAGMA max_page_count = {pages}")  # the file cannot grow: as on a full disk
    with pytest.raises(DatabaseError) as info:
        ws.store.create(
            "visit",
            {"date": "2024-06-26", "enterprise_id": eid, "form": "上门拜访", "minutes": "很长的纪要" * 3900},
        )
    assert "磁盘空间不足" in str(info.value) and "未保存" in str(info.value)
    ws.db.execute("PRAGMA max_page_count = 1073741823")
    assert len(_outbox(ws)) == before
    assert ws.store.rows("SELECT id FROM visit") == []
    ws.store.create("visit", {"date": "2024-06-26", "enterprise_id": eid, "form": "上门拜访"})  # usable again
