"""Chinese search with 1, 2 and 3+ character queries; duplicate warnings; merge B into A and undo."""

from __future__ import annotations

import json

import pytest

from zsdesk.domain.errors import ValidationError
from zsdesk.services.context import Workspace
from zsdesk.storage.enterprises import core_name, find_duplicates, merge_enterprises, undo_merge
from zsdesk.storage.search import search_ids

NAMES = [
    "上海创明新能源科技有限公司",
    "华为技术有限公司",
    "四川能投能源集团有限公司",
    "成都京东方光电科技有限公司",
]


@pytest.fixture
def ids(ws: Workspace) -> dict[str, str]:
    out = {name: ws.store.create("enterprise", {"name": name}) for name in NAMES}
    ws.store.update("enterprise", out["华为技术有限公司"], {"short_name": "华为"})
    return out


def test_three_plus_characters_use_the_index(ws: Workspace, ids: dict[str, str]) -> None:
    assert search_ids(ws.db, "enterprise", "新能源") == [ids["上海创明新能源科技有限公司"]]
    assert set(search_ids(ws.db, "enterprise", "科技有限")) == {
        ids["上海创明新能源科技有限公司"],
        ids["成都京东方光电科技有限公司"],
    }


def test_two_characters_fall_back_to_like(ws: Workspace, ids: dict[str, str]) -> None:
    assert search_ids(ws.db, "enterprise", "华为") == [ids["华为技术有限公司"]]
    assert set(search_ids(ws.db, "enterprise", "能源")) == {
        ids["上海创明新能源科技有限公司"],
        ids["四川能投能源集团有限公司"],
    }


def test_one_character_and_wildcards(ws: Workspace, ids: dict[str, str]) -> None:
    assert len(search_ids(ws.db, "enterprise", "司")) == 4
    assert search_ids(ws.db, "enterprise", "%") == []
    assert search_ids(ws.db, "enterprise", '"新能') == []  # quotes cannot break FTS syntax


def test_deleted_rows_are_not_found(ws: Workspace, ids: dict[str, str]) -> None:
    ws.store.delete("enterprise", ids["华为技术有限公司"])
    assert search_ids(ws.db, "enterprise", "华为技术") == []


def test_visit_minutes_search(ws: Workspace, ids: dict[str, str]) -> None:
    vid = ws.store.create(
        "visit",
        {
            "date": "2024-06-26",
            "enterprise_id": ids["华为技术有限公司"],
            "form": "云洽谈",
            "minutes": "讨论鲲鹏生态在成都落地",
        },
    )
    assert search_ids(ws.db, "visit", "鲲鹏生态") == [vid]
    assert search_ids(ws.db, "visit", "鲲鹏") == [vid]


def test_core_name_strips_region_and_suffix() -> None:
    assert core_name("上海创明新能源科技有限公司") == "创明新能源科技"
    assert core_name("华为技术有限公司") == "华为技术"


def test_duplicates_by_code_name_and_short_name(ws: Workspace, ids: dict[str, str]) -> None:
    ws.store.update("enterprise", ids["上海创明新能源科技有限公司"], {"credit_code": "91440300192317458F"})
    by_code = find_duplicates(ws.store, name="别的名字", credit_code="91440300192317458F")
    assert [d["reason"] for d in by_code] == ["统一社会信用代码相同"]
    near = find_duplicates(ws.store, name="创明新能源科技股份有限公司")
    assert ids["上海创明新能源科技有限公司"] in {d["id"] for d in near}
    short = find_duplicates(ws.store, name="华为")
    assert ids["华为技术有限公司"] in {d["id"] for d in short}
    assert find_duplicates(ws.store, name="完全不同的企业") == []


def test_merge_repoints_children_and_undo_restores(ws: Workspace, ids: dict[str, str]) -> None:
    keep, gone = ids["华为技术有限公司"], ids["成都京东方光电科技有限公司"]
    ws.store.update("enterprise", gone, {"credit_code": "914403001922038216", "tags": ["世界500强"]})
    visit = ws.store.create("visit", {"date": "2024-06-26", "enterprise_id": gone, "form": "上门拜访"})
    project = ws.store.create("project", {"name": "显示面板", "enterprise_id": gone})
    event = ws.store.create("event", {"date": "2024-06-01", "name": "推介会", "enterprise_ids": [gone, keep]})
    log = merge_enterprises(ws.store, keep_id=keep, merge_id=gone)
    assert ws.store.get("visit", visit)["enterprise_id"] == keep
    assert ws.store.get("project", project)["enterprise_id"] == keep
    assert ws.store.get("event", event)["enterprise_ids"] == [keep]
    merged = ws.store.get("enterprise", gone, include_deleted=True)
    assert merged["deleted"] and merged["merged_into"] == keep
    kept = ws.store.get("enterprise", keep)
    assert kept["credit_code"] == "914403001922038216" and "世界500强" in kept["tags"]
    ops = [
        json.loads(r["fields"]) for r in ws.store.rows("SELECT fields FROM outbox WHERE row_id = ?", [visit])
    ]
    assert {"enterprise_id": keep} in ops  # the merge itself syncs
    undo_merge(ws.store, log)
    assert ws.store.get("enterprise", gone)["merged_into"] in (None, "")
    assert ws.store.get("visit", visit)["enterprise_id"] == gone
    assert ws.store.get("event", event)["enterprise_ids"] == [gone, keep]
    with pytest.raises(ValidationError):
        undo_merge(ws.store, log)


def test_merge_into_itself_is_refused(ws: Workspace, ids: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        merge_enterprises(ws.store, keep_id=ids["华为技术有限公司"], merge_id=ids["华为技术有限公司"])
