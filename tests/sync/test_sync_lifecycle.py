"""Two laptops moving one project: the server never stores a stage/date combination the rule forbids,
it records a conflict instead; `zsdesk conflicts` names the record and shows money in 亿元. Loopback HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest

from zsdesk.cli import main
from zsdesk.domain import lifecycle
from zsdesk.domain.errors import ValidationError
from zsdesk.services import workflow
from zsdesk.services.sync import list_conflicts, resolve_conflict

from .harness import Laptop, LiveServer, office_pair

A = "省政府驻上海办事处"


def _pair(server: LiveServer, tmp_path: Path) -> tuple[Laptop, Laptop, str]:
    a1, a2 = office_pair(server, tmp_path)
    ent = a1.store.create("enterprise", {"name": "上海创明新能源科技有限公司"})
    pid = workflow.save_project(
        a1.ws,
        None,
        {"name": "创明锂电池项目", "enterprise_id": ent, "stage": "签约落地", "signed_date": "2025-01-10",
         "signed_wan": "5", "planned_wan": "9"},
    )  # fmt: skip
    a1.sync()
    a2.sync()
    return a1, a2, pid


def test_a_merge_that_would_start_a_project_before_signing_becomes_a_conflict(
    server: LiveServer, tmp_path: Path
) -> None:
    a1, a2, pid = _pair(server, tmp_path)
    # Each edit obeys the rule on its own laptop; together they would put 开工 before 签约.
    workflow.advance_stage(a1.ws, pid, to_stage="开工建设", dates={"started_date": "2025-03-01"})
    workflow.save_project(a2.ws, pid, {"signed_date": "2025-05-01"})
    a1.sync()
    result = a2.sync()
    assert result.conflicts == 1
    (conflict,) = list_conflicts(a2.ws)
    assert (conflict.field, conflict.server, conflict.local) == ("signed_date", "2025-01-10", "2025-05-01")
    # What the server holds (seen by a third, fresh laptop) is possible, and both laptops agree on it.
    server.user("a3", "officer", A)
    a3 = Laptop(server, tmp_path / "a3.db", "a3", A)
    a3.sync()
    a1.sync()
    held = [laptop.store.get("project", pid) for laptop in (a1, a2, a3)]
    for project in held:
        assert (project["stage"], project["signed_date"], project["started_date"]) == (
            "开工建设",
            "2025-01-10",
            "2025-03-01",
        )
        assert lifecycle.problems(project) == {}
    # Choosing the other laptop's date in the 冲突 view goes through the rule as well.
    with pytest.raises(ValidationError) as err:
        resolve_conflict(a2.ws, conflict.id, "local")
    assert str(err.value) == "签约日期（2025-05-01）不能晚于开工日期（2025-03-01）"
    resolve_conflict(a2.ws, conflict.id, "server")
    a2.sync()
    assert list_conflicts(a2.ws) == []


def test_edits_that_fit_together_merge_without_a_conflict(server: LiveServer, tmp_path: Path) -> None:
    a1, a2, pid = _pair(server, tmp_path)
    workflow.advance_stage(a1.ws, pid, to_stage="开工建设", dates={"started_date": "2025-03-01"})
    workflow.save_project(a2.ws, pid, {"landed_date": "2025-02-01"})
    a1.sync()
    assert a2.sync().conflicts == 0
    a1.sync()
    project = a1.store.get("project", pid)
    assert (project["stage"], project["landed_date"], project["started_date"]) == (
        "开工建设",
        "2025-02-01",
        "2025-03-01",
    )


def test_conflicts_command_names_records_and_prints_money_in_yi(
    server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a1, a2, pid = _pair(server, tmp_path)
    workflow.save_project(a1.ws, pid, {"planned_wan": "12"})
    workflow.save_project(a2.ws, pid, {"planned_wan": "15.5"})
    a1.sync()
    a2.sync()
    a2.close()
    assert main(["conflicts", "--db", str(tmp_path / "a2.db")]) == 0
    out = capsys.readouterr().out
    assert "冲突（1）" in out
    line = out.splitlines()[1]
    assert "项目“创明锂电池项目”" in line and pid not in line
    assert "计划投资(亿元)：当前值=12.00（a1）" in line and "另一方的值=15.50（a2）" in line
    assert "原值=9.00" in line and "120000" not in line
