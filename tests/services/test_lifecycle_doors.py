"""The one stage/date rule (domain.lifecycle) at each door: board action, edit path, Excel import, demo data,
diagnostics; plus the stalled rule, 六必访 fulfilment and credit-code uniqueness. Real SQLite files, the
real CLI and real .xlsx files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from zsdesk.cli import main
from zsdesk.domain import lifecycle
from zsdesk.domain.errors import DuplicateCodeError, ValidationError
from zsdesk.services import dashboard, workflow
from zsdesk.services.context import Workspace, open_workspace
from zsdesk.services.demo import build_demo
from zsdesk.services.excel_formats import PROJECTS
from zsdesk.services.visits import VisitInput, save_visit

OFFICE = "省政府驻上海办事处"


def _enterprise(ws: Workspace, name: str = "上海创明新能源科技有限公司") -> str:
    return ws.store.create("enterprise", {"name": name})


def _project(ws: Workspace, stage: str = "会谈洽谈", **values: Any) -> str:
    return workflow.save_project(
        ws, None, {"name": "锂电池项目", "enterprise_id": _enterprise(ws), "stage": stage, **values}
    )


def _history(ws: Workspace, pid: str) -> list[tuple[str, str, str, str]]:
    return [
        (h["from_stage"], h["to_stage"], h["date"], h["note"] or "") for h in workflow.stage_history(ws, pid)
    ]


def _outbox(ws: Workspace) -> int:
    return int(ws.db.execute("SELECT count(*) FROM outbox").fetchone()[0])


# -- board action (推进到) ---------------------------------------------------------------------------
def test_signing_sets_signed_date_and_amount_but_never_landed(ws: Workspace) -> None:
    pid = _project(ws)
    workflow.advance_stage(
        ws, pid, to_stage="签约落地", dates={"signed_date": "2025-03-10", "signed_wan": "6.5"}
    )
    project = ws.store.get("project", pid)
    assert (project["stage"], project["signed_date"], project["signed_wan"]) == (
        "签约落地",
        "2025-03-10",
        65000,
    )
    assert project["landed_date"] is None  # 落地 is a separate event (DOMAIN.md)
    assert _history(ws, pid) == [("会谈洽谈", "签约落地", "2025-03-10", "")]


@pytest.mark.parametrize(
    ("dates", "named"),
    [
        ({"signed_wan": "6.5"}, "签约日期"),
        ({"signed_date": "2025-03-10"}, "签约金额"),
    ],
)
def test_board_refuses_signing_without_its_date_or_amount(
    ws: Workspace, dates: dict[str, str], named: str
) -> None:
    pid = _project(ws)
    before = _outbox(ws)
    with pytest.raises(ValidationError) as err:
        workflow.advance_stage(ws, pid, to_stage="签约落地", dates=dates)
    assert f"须填写{named}" in str(err.value)
    assert ws.store.get("project", pid)["stage"] == "会谈洽谈"
    assert _history(ws, pid) == [] and _outbox(ws) == before  # nothing written


def test_board_refuses_start_before_signing_naming_both_dates(ws: Workspace) -> None:
    pid = _project(ws, "签约落地", signed_date="2025-03-10", signed_wan="6.5")
    with pytest.raises(ValidationError) as err:
        workflow.advance_stage(ws, pid, to_stage="开工建设", dates={"started_date": "2025-02-01"})
    assert str(err.value) == "签约日期（2025-03-10）不能晚于开工日期（2025-02-01）"
    assert err.value.errors.keys() == {"started_date"}
    workflow.advance_stage(ws, pid, to_stage="开工建设", dates={"started_date": "2025-04-01"})
    assert _history(ws, pid)[-1] == ("签约落地", "开工建设", "2025-04-01", "")


def test_the_advance_dialog_asks_each_stage_its_own_date_first() -> None:
    assert workflow.stage_fields("开工建设")[0] == "started_date"
    assert workflow.stage_fields("投产达产")[0] == "production_date"
    assert workflow.stage_fields("签约落地") == ("signed_date", "signed_wan")
    assert workflow.stage_fields("现场考察") == ()  # no date of its own: the dialog asks the day of the move


def test_a_stage_without_its_own_date_is_dated_by_the_day_given(ws: Workspace) -> None:
    pid = _project(ws, "信息获取")
    workflow.advance_stage(ws, pid, to_stage="现场考察", day="2025-01-05")
    assert _history(ws, pid) == [("信息获取", "现场考察", "2025-01-05", "")]


# -- edit path -------------------------------------------------------------------------------------
def test_edit_jumping_to_production_needs_every_earlier_date(ws: Workspace) -> None:
    pid = _project(ws)
    with pytest.raises(ValidationError) as err:
        workflow.save_project(ws, pid, {"stage": "投产达产", "production_date": "2025-06-01"})
    assert set(err.value.errors) == {"signed_date", "signed_wan", "started_date"}
    assert "须填写开工日期" in err.value.errors["started_date"]
    values = {
        "stage": "投产达产",
        "signed_date": "2025-01-02",
        "signed_wan": "3",
        "started_date": "2025-02-03",
    }
    workflow.save_project(ws, pid, {**values, "production_date": "2025-06-01"})
    assert _history(ws, pid) == [("会谈洽谈", "投产达产", "2025-06-01", "")]


def test_edit_moving_back_needs_a_reason_which_the_history_keeps(ws: Workspace) -> None:
    pid = _project(ws, "签约落地", signed_date="2025-03-10", signed_wan="6.5")
    with pytest.raises(ValidationError) as err:
        workflow.save_project(ws, pid, {"stage": "会谈洽谈"}, today="2025-05-01")
    assert "退回" in str(err.value) and "原因" in str(err.value)
    workflow.save_project(ws, pid, {"stage": "会谈洽谈"}, reason="对方董事会未通过", today="2025-05-01")
    assert _history(ws, pid) == [("签约落地", "会谈洽谈", "2025-05-01", "对方董事会未通过")]


def test_landing_before_signing_is_refused(ws: Workspace) -> None:
    pid = _project(ws, "签约落地", signed_date="2025-03-10", signed_wan="6.5")
    with pytest.raises(ValidationError) as err:
        workflow.save_project(ws, pid, {"landed_date": "2025-03-01"})
    assert "签约日期（2025-03-10）不能晚于落地日期（2025-03-01）" in str(err.value)


def test_moving_a_hand_stalled_project_makes_it_normal(ws: Workspace) -> None:
    pid = _project(ws, "信息获取", status="停滞")
    workflow.advance_stage(ws, pid, to_stage="现场考察", day="2025-01-05")
    assert ws.store.get("project", pid)["status"] == "正常"


# -- Excel import (the real CLI, a real .xlsx) -------------------------------------------------------
def _sheet(path: Path, *rows: dict[str, Any]) -> Path:
    wb = Workbook()
    wb.active.append(PROJECTS.headers)
    for cells in rows:
        named = {"所属办事处": OFFICE, **cells}
        wb.active.append([named.get(h.rstrip("*").replace("(亿元)", "")) for h in PROJECTS.headers])
    wb.save(path)
    return path


def test_import_refuses_a_project_row_that_starts_before_signing(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = {"项目名称": "新材料项目", "企业名称": "甲公司", "项目阶段": "开工建设", "签约日期": "2025-05-01",
           "签约金额": "2", "开工日期": "2025-03-01"}  # fmt: skip
    path = _sheet(tmp_path / "p.xlsx", row)
    assert main(["import", "项目", str(path), "--db", str(ws.path)]) == 1
    out = capsys.readouterr()
    assert "签约日期（2025-05-01）不能晚于开工日期（2025-03-01）" in out.out + out.err
    assert ws.db.execute("SELECT count(*) FROM project").fetchone()[0] == 0


def test_import_refuses_a_stage_without_its_date_and_dates_a_good_move(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = {"项目名称": "新材料项目", "企业名称": "甲公司"}
    assert (
        main(
            [
                "import",
                "项目",
                str(_sheet(tmp_path / "1.xlsx", {**base, "项目阶段": "会谈洽谈"})),
                "--db",
                str(ws.path),
            ]
        )
        == 0
    )
    bad = _sheet(tmp_path / "2.xlsx", {**base, "项目阶段": "投产达产", "投产日期": "2025-09-01"})
    assert main(["import", "项目", str(bad), "--db", str(ws.path)]) == 1
    assert "须填写签约日期" in "".join(capsys.readouterr())
    good = {
        **base,
        "项目阶段": "开工建设",
        "签约日期": "2025-01-02",
        "签约金额": "3",
        "开工日期": "2025-02-03",
    }
    assert main(["import", "项目", str(_sheet(tmp_path / "3.xlsx", good)), "--db", str(ws.path)]) == 0
    (pid,) = [r[0] for r in ws.db.execute("SELECT id FROM project")]
    assert _history(ws, pid) == [("会谈洽谈", "开工建设", "2025-02-03", "")]
    assert ws.store.get("project", pid)["landed_date"] is None


# -- existing data: listed, never changed --------------------------------------------------------------
def test_diagnostics_lists_projects_whose_stage_and_dates_disagree_without_changing_them(
    ws: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    ent = _enterprise(ws)
    # Written straight through the store, as data from before the rule (or an old import) would be.
    bad = ws.store.create("project", {"name": "旧数据项目", "enterprise_id": ent, "stage": "投产达产"})
    ws.store.create("project", {"name": "正常项目", "enterprise_id": ent, "stage": "会谈洽谈"})
    before = ws.store.get("project", bad)
    outbox = _outbox(ws)
    db = str(ws.path)
    ws.close()
    assert main(["diagnostics", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "阶段与日期不一致的项目：1 个" in out
    assert (
        "· 旧数据项目（上海创明新能源科技有限公司，投产达产）：项目阶段为“投产达产”，须填写签约日期、签约金额、开工日期、投产日期"
        in out
    )
    assert "正常项目" not in out
    again = open_workspace(db)
    try:
        assert again.store.get("project", bad) == before and _outbox(again) == outbox
        # An edit that leaves stage and dates alone is still possible on such a project.
        workflow.save_project(again, bad, {"liaison_leader": "王副市长"})
    finally:
        again.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path_factory.mktemp("demo") / "demo.db", create=True)
    build_demo(ws, scale="small", seed=11, today=dt.date(2026, 6, 30))
    yield ws
    ws.close()


def test_demo_projects_obey_the_rule(demo: Workspace) -> None:
    ws = demo
    rows = ws.store.rows(
        "SELECT stage, signed_date, signed_wan, landed_date, started_date, production_date FROM project"
    )
    assert len(rows) > 50
    assert [r for r in rows if lifecycle.problems(r)] == []
    assert workflow.inconsistent_projects(ws) == []
    assert ws.db.execute("SELECT count(*) FROM project WHERE stage = '投产达产'").fetchone()[0] > 0


def test_demo_triggers_are_fulfilled_by_the_demos_own_visits(demo: Workspace) -> None:
    # No open 六必访 trigger has a visit to its enterprise on or after its date ...
    open_but_visited = demo.store.rows(
        "SELECT g.id FROM [trigger] g WHERE coalesce(g.visit_id, '') = '' AND EXISTS (SELECT 1 FROM visit v"
        " WHERE v.enterprise_id = g.enterprise_id AND v.deleted = 0 AND v.date >= g.date)"
    )
    assert open_but_visited == []
    # ... each fulfilled one names that next visit, and its task is done on the visit's date ...
    fulfilled = demo.store.rows(
        "SELECT g.date, g.enterprise_id, v.enterprise_id AS visited, v.date AS visit_date, g.visit_id,"
        " k.done, k.done_date, k.visit_id AS task_visit, (SELECT min(v2.date) FROM visit v2"
        "  WHERE v2.enterprise_id = g.enterprise_id AND v2.date >= g.date) AS next_date"
        " FROM [trigger] g JOIN visit v ON v.id = g.visit_id JOIN task k ON k.id = g.task_id"
    )
    assert fulfilled  # the demo shows fulfilled triggers (seed 11: 2 of 3)
    for row in fulfilled:
        assert (row["visited"], row["visit_date"]) == (row["enterprise_id"], row["next_date"])
        assert (row["done"], row["done_date"], row["task_visit"]) == (1, row["visit_date"], row["visit_id"])
    # ... so the app's own rule finds nothing left to do (and writes nothing for the server).
    assert workflow.fulfil_triggers(demo.store) == 0
    assert demo.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    open_tasks = demo.db.execute(
        "SELECT count(*) FROM [trigger] g JOIN task k ON k.id = g.task_id WHERE coalesce(g.visit_id, '') = ''"
        " AND k.done = 0"
    ).fetchone()[0]
    assert (
        open_tasks == demo.db.execute("SELECT count(*) FROM [trigger] WHERE visit_id IS NULL").fetchone()[0]
    )


# -- stalled rule -------------------------------------------------------------------------------------
def _stalled(ws: Workspace, today: str) -> list[str]:
    return [p["name"] for p in dashboard.stalled_projects(ws, today=dt.date.fromisoformat(today), days=30)]


def test_stalled_counts_creation_stage_changes_funds_and_linked_tasks_and_visits(ws: Workspace) -> None:
    pid = _project(ws, "信息获取", last_activity="2025-01-01")
    ent = ws.store.get("project", pid)["enterprise_id"]
    assert _stalled(ws, "2025-01-20") == []  # created (last activity) under 30 days ago
    assert _stalled(ws, "2099-01-01") == ["锂电池项目"]  # nothing since
    workflow.advance_stage(ws, pid, to_stage="现场考察", day="2098-12-10")
    assert _stalled(ws, "2099-01-01") == []
    assert _stalled(ws, "2099-02-01") == ["锂电池项目"]
    workflow.add_funding(ws, pid, day="2099-01-20", amount_yi="0.5")
    assert _stalled(ws, "2099-02-01") == []
    # A visit linked through a task of the project counts on the visit's date.
    visit = ws.store.create("visit", {"date": "2099-03-01", "enterprise_id": ent, "form": "上门拜访"})
    ws.store.create("task", {"title": "回访", "project_id": pid, "visit_id": visit})
    assert _stalled(ws, "2099-03-20") == []
    assert _stalled(ws, "2099-04-20") == ["锂电池项目"]


def test_a_project_marked_stalled_by_hand_stays_listed_until_it_moves(ws: Workspace) -> None:
    pid = _project(ws, "信息获取", status="停滞")
    assert _stalled(ws, dt.date.today().isoformat()) == ["锂电池项目"]  # despite being created today
    workflow.advance_stage(ws, pid, to_stage="现场考察")
    assert _stalled(ws, dt.date.today().isoformat()) == []


def test_terminated_and_producing_projects_are_never_stalled(ws: Workspace) -> None:
    _project(ws, "信息获取", status="终止")
    assert _stalled(ws, "2099-01-01") == []


# -- 六必访 ---------------------------------------------------------------------------------------------
def test_six_must_visit_labels_are_as_domain_writes_them() -> None:
    from zsdesk.domain.enums import TRIGGER_KINDS
    from zsdesk.domain.validation import clean_value

    assert TRIGGER_KINDS == ("创新孵化", "经营困难", "登记纳统", "战略调整", "增资扩产", "筹备上市")
    assert clean_value("trigger", "kind", "上市准备") == "筹备上市"  # the label earlier versions stored
    assert clean_value("trigger", "kind", "增资扩产时必访") == "增资扩产"  # 003's exact words


def test_the_next_visit_fulfils_a_trigger_and_closes_its_task(ws: Workspace) -> None:
    ent = _enterprise(ws)
    trigger = workflow.record_trigger(ws, ent, kind="增资扩产", day="2025-04-01")
    task = ws.store.get("trigger", trigger)["task_id"]
    assert [t["kind"] for t in dashboard.load_dashboard(ws).triggers] == ["增资扩产"]
    # A visit before the trigger does not fulfil it; the next one after it does.
    save_visit(ws, VisitInput({"date": "2025-03-01", "enterprise_id": ent, "form": "上门拜访"}))
    assert ws.store.get("trigger", trigger)["visit_id"] is None
    visit, _ = save_visit(ws, VisitInput({"date": "2025-04-09", "enterprise_id": ent, "form": "上门拜访"}))
    assert ws.store.get("trigger", trigger)["visit_id"] == visit
    closed = ws.store.get("task", task)
    assert (closed["done"], closed["done_date"], closed["visit_id"]) == (True, "2025-04-09", visit)
    assert dashboard.load_dashboard(ws).triggers == []
    # A later visit does not re-link it.
    save_visit(ws, VisitInput({"date": "2025-05-01", "enterprise_id": ent, "form": "上门拜访"}))
    assert ws.store.get("trigger", trigger)["visit_id"] == visit


def test_a_fulfilled_trigger_is_not_due_even_without_its_task(ws: Workspace) -> None:
    # A trigger whose task never reached this laptop (or was made without one) is due until a visit
    # fulfils it; then it leaves the due list like one whose task closed.
    ent = _enterprise(ws)
    ws.store.create("trigger", {"enterprise_id": ent, "kind": "登记纳统", "date": "2025-04-01"})
    assert [t["kind"] for t in dashboard.load_dashboard(ws).triggers] == ["登记纳统"]
    save_visit(ws, VisitInput({"date": "2025-04-02", "enterprise_id": ent, "form": "上门拜访"}))
    assert dashboard.load_dashboard(ws).triggers == []


def test_an_imported_visit_fulfils_a_trigger(ws: Workspace, tmp_path: Path) -> None:
    from zsdesk.services.excel_formats import VISITS

    ent = _enterprise(ws, "甲公司")
    trigger = workflow.record_trigger(ws, ent, kind="经营困难", day="2025-04-01")
    wb = Workbook()
    wb.active.append(VISITS.headers)
    cells = {"走访日期": "2025-04-03", "企业名称": "甲公司", "走访形式": "上门拜访", "所属办事处": OFFICE}
    wb.active.append([cells.get(h.rstrip("*")) for h in VISITS.headers])
    wb.save(tmp_path / "v.xlsx")
    assert main(["import", "走访", str(tmp_path / "v.xlsx"), "--db", str(ws.path)]) == 0
    assert ws.store.get("trigger", trigger)["visit_id"]


# -- credit code uniqueness -------------------------------------------------------------------------
CODE = "91350100M000100Y43"


def test_a_second_enterprise_with_an_existing_credit_code_is_refused_naming_the_first(ws: Workspace) -> None:
    first = ws.store.create("enterprise", {"name": "福建某某科技有限公司", "credit_code": CODE})
    with pytest.raises(DuplicateCodeError) as err:
        ws.store.create("enterprise", {"name": "某某科技", "credit_code": CODE.lower()})
    assert err.value.existing_id == first
    assert "福建某某科技有限公司" in str(err.value) and CODE in str(err.value)
    other = ws.store.create("enterprise", {"name": "另一家公司"})
    with pytest.raises(DuplicateCodeError):
        ws.store.update("enterprise", other, {"credit_code": CODE})
    with pytest.raises(DuplicateCodeError):
        ws.store.create_many("enterprise", [{"name": "甲", "credit_code": CODE}])
    assert ws.db.execute("SELECT count(*) FROM enterprise WHERE credit_code = ?", [CODE]).fetchone()[0] == 1


def test_merging_two_enterprises_with_one_code_still_works(ws: Workspace) -> None:
    from zsdesk.storage.enterprises import merge_enterprises

    keep = ws.store.create("enterprise", {"name": "甲公司"})
    gone = ws.store.create("enterprise", {"name": "甲公司（简称）", "credit_code": CODE})
    merge_enterprises(ws.store, keep_id=keep, merge_id=gone)
    assert ws.store.get("enterprise", keep)["credit_code"] == CODE


# -- money sanity ---------------------------------------------------------------------------------------
def test_amounts_above_1000_yi_are_flagged_as_implausible() -> None:
    assert not lifecycle.is_implausible_yi(1000 * 10_000)
    assert lifecycle.is_implausible_yi(3500 * 10_000)
    assert lifecycle.implausible_amounts({"planned_wan": 3500 * 10_000, "signed_wan": 5}) == [
        "计划投资3500亿元超过1000亿元，常见原因是按万元填写；请确认单位为亿元"
    ]
