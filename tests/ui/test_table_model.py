"""The lazy SQL table model: qtmodeltester on every list, sorting and filtering in SQL, bounded cache."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from zsdesk.services import workflow
from zsdesk.services.context import Workspace
from zsdesk.storage.listing import SPECS
from zsdesk.ui import table_model
from zsdesk.ui.table_model import LazyTableModel


def _fill(ws: Workspace) -> None:
    s = ws.store
    a = s.create("enterprise", {"name": "上海创明新能源科技有限公司", "industry": "能源化工", "is_key": True})
    b = s.create("enterprise", {"name": "华为技术有限公司", "short_name": "华为", "industry": "电子信息"})
    for i, (ent, form) in enumerate([(a, "上门拜访"), (b, "云洽谈"), (a, "来访接待")]):
        s.create(
            "visit",
            {"date": f"2024-06-2{i}", "enterprise_id": ent, "form": form, "minutes": "洽谈新能源项目"},
        )
    p = s.create("project", {"name": "电池项目", "enterprise_id": a, "planned_wan": "12.5"})
    workflow.advance_stage(ws, p, to_stage="现场考察", day="2024-07-01")
    s.create("demand", {"enterprise_id": a, "content": "用地指标", "due_date": "2020-01-01"})
    s.create("task", {"title": "回访", "due_date": "2020-01-01", "enterprise_id": b})
    s.create("event", {"date": "2024-05-01", "name": "成都推介会", "enterprise_ids": [a, b]})
    s.create("trip", {"leader": "李副市长", "start_date": "2024-05-02"})
    s.create("contact", {"enterprise_id": a, "name": "王经理", "phone": "13800000000"})
    workflow.assign_commissioner(ws, a, officer="张三", start="2024-01-01")


@pytest.mark.parametrize("table", sorted(SPECS))
def test_every_list_model_passes_qtmodeltester(ws: Workspace, qtmodeltester: Any, table: str) -> None:
    _fill(ws)
    model = LazyTableModel(ws, table)
    assert model.rowCount() >= 1
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_visit_list_filters_search_and_sort_in_sql(ws: Workspace) -> None:
    _fill(ws)
    model = LazyTableModel(ws, "visit")
    assert model.rowCount() == 3
    assert model.data(model.index(0, 0)) == "2024-06-22"  # newest first by default
    model.set_filters({"form": "云洽谈"})
    assert model.rowCount() == 1
    assert model.data(model.index(0, 1)) == "华为技术有限公司"
    model.set_filters({}, text="华为")  # 2 chars: LIKE on the enterprise name
    assert model.rowCount() == 1
    model.set_filters({}, text="新能源")  # 3 chars: FTS on minutes
    assert model.rowCount() == 3
    model.set_filters({"date_from": "2024-06-21", "industry": "能源化工"})
    assert model.rowCount() == 1
    model.set_filters({})
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 0)) == "2024-06-20"


def test_money_is_shown_in_yi_and_overdue_rows_are_highlighted(ws: Workspace) -> None:
    _fill(ws)
    projects = LazyTableModel(ws, "project")
    keys = [c.key for c in projects.spec.columns]
    assert projects.data(projects.index(0, keys.index("planned_wan"))) == "12.50"
    demands = LazyTableModel(ws, "demand")
    keys = [c.key for c in demands.spec.columns]
    demands.highlight = table_model.overdue_rule("due_date", lambda r: False, keys)
    assert demands.data(demands.index(0, 0), Qt.ItemDataRole.BackgroundRole) is table_model.OVERDUE


def test_row_cache_stays_bounded(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table_model, "CACHE_ROWS", 30)
    monkeypatch.setattr(table_model, "PAGE", 10)
    ent = ws.store.create("enterprise", {"name": "缓存测试企业"})
    with ws.store.transaction():
        for i in range(120):
            ws.store.create(
                "visit", {"date": f"2024-01-{1 + i % 28:02d}", "enterprise_id": ent, "form": "上门拜访"}
            )
    model = LazyTableModel(ws, "visit")
    for row in range(0, 120, 3):
        assert model.data(model.index(row, 1)) == "缓存测试企业"
    assert len(model._cache) <= 30
    assert model.record_id(119)
    assert model.row_of(model.record_id(57)) == 57


def test_big_lists_query_their_ids_off_the_gui_thread(
    ws: Workspace, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zsdesk.ui.jobs import JobRunner

    monkeypatch.setattr(table_model, "ASYNC_ROWS", 0)
    _fill(ws)
    jobs = JobRunner()
    jobs.db_path = ws.path
    model = LazyTableModel(ws, "visit", jobs=jobs)
    with qtbot.waitSignal(model.loading, check_params_cb=lambda busy: not busy, timeout=5000):
        pass
    assert model.rowCount() == 3
    with qtbot.waitSignal(model.loading, check_params_cb=lambda busy: not busy, timeout=5000):
        model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 0)) == "2024-06-20"
    jobs.wait()


def test_emit_helper_keeps_the_refcount_of_true() -> None:
    import sys

    from zsdesk.ui.context import Changes
    from zsdesk.ui.qtcompat import emit

    changes = Changes()
    before = sys.getrefcount(True)
    for _ in range(2000):
        emit(changes.changed, frozenset())
    assert sys.getrefcount(True) >= before
