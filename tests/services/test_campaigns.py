"""Campaign use cases on a real SQLite file: the API the dashboard and tray reminder call, and the CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from zsdesk.cli import main
from zsdesk.domain.campaigns import PROVINCE_OFFICE
from zsdesk.domain.errors import NotFoundError, ValidationError
from zsdesk.services import campaigns as sc
from zsdesk.services.context import Workspace
from zsdesk.storage.replica import Replica

D = dt.date


def test_without_a_campaign_the_next_report_date_is_the_plain_10th_or_25th(ws: Workspace) -> None:
    assert sc.current_campaign(ws, D(2021, 10, 1)) is None
    assert sc.next_report_date(ws, D(2021, 10, 11)) == (D(2021, 10, 25), None)
    assert sc.reminder(ws, D(2021, 10, 24)) is None


def test_the_running_campaign_drives_report_dates_and_the_reminder(ws: Workspace) -> None:
    sc.add_preset(ws)
    assert sc.current_campaign(ws, D(2021, 9, 9)) is None
    c = sc.current_campaign(ws, D(2021, 9, 10))
    assert c is not None and c.name == "制造业招商引资“百日攻坚”行动"
    # No report on 9月10日 (first month), so the first one is the 25th.
    assert sc.next_report_date(ws, D(2021, 9, 10)) == (D(2021, 9, 25), c)
    # After the end (12-18) the last report (12-25) is still due, then the campaign is over.
    assert sc.next_report_date(ws, D(2021, 12, 20)) == (D(2021, 12, 25), c)
    assert sc.next_report_date(ws, D(2021, 12, 26)) == (D(2022, 1, 10), None)
    assert sc.reminder(ws, D(2021, 10, 5)) is None
    assert (
        sc.reminder(ws, D(2021, 10, 8))
        == "“制造业招商引资“百日攻坚”行动”情况统计表应于10月10日报送，还有2天。"
    )
    assert "今天" in (sc.reminder(ws, D(2021, 10, 25)) or "")


def test_the_latest_started_campaign_wins_when_two_run(ws: Workspace) -> None:
    sc.add_preset(ws)
    sc.add_campaign(ws, name="四季度冲刺", start=D(2021, 10, 1), end=D(2021, 12, 31), visits=50)
    assert sc.current_campaign(ws, D(2021, 11, 1)).name == "四季度冲刺"  # type: ignore[union-attr]
    assert sc.find_campaign(ws, "百日攻坚").start == D(2021, 9, 10)
    with pytest.raises(NotFoundError, match="现有专项行动"):
        sc.find_campaign(ws, "不存在")


def test_officer_of_a_synced_database_cannot_define_a_campaign(ws: Workspace) -> None:
    Replica(ws.db).set_state("role", "officer")
    with pytest.raises(ValidationError, match="省级管理员"):
        sc.add_preset(ws)
    assert sc.list_campaigns(ws) == []


def test_admin_defines_a_province_wide_campaign_a_never_synced_office_a_local_one(ws: Workspace) -> None:
    sc.add_preset(ws)
    assert sc.list_campaigns(ws)[0].office_id == ws.office_id
    Replica(ws.db).set_state("role", "admin")
    sc.add_preset(ws, year=2022)
    made = {c.name: c for c in sc.list_campaigns(ws)}
    assert made["2022年制造业招商引资“百日攻坚”行动"].province_wide
    assert made["2022年制造业招商引资“百日攻坚”行动"].office_id == PROVINCE_OFFICE


def test_campaign_cli_adds_lists_and_refuses_bad_input(
    ws: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(ws.path)
    assert main(["campaign", "add", "--db", db, "--name", "春季攻坚", "--start", "2024-03-01",
                 "--end", "2024-05-31", "--visits", "60", "--events", "2"]) == 0  # fmt: skip
    assert main(["campaign", "list", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "春季攻坚（本地）" in out and "走访目标企业≥60家、召开推介会≥2次" in out
    assert "3月25日、4月10日、4月25日、5月10日、5月25日、6月10日" in out
    edit = ["campaign", "edit", "--db", db, "--name", "春季攻坚", "--visits", "80", "--end", "2024-06-30"]
    assert main(edit) == 0
    spring = sc.find_campaign(ws, "春季攻坚")
    assert (spring.visits, spring.events, spring.end) == (80, 2, D(2024, 6, 30))
    assert main(["campaign", "edit", "--db", db, "--name", "春季攻坚", "--trips", "-1"]) == 2
    assert "不能为负数" in capsys.readouterr().err
    assert main(["campaign", "delete", "--db", db, "--name", "春季攻坚"]) == 0
    assert sc.list_campaigns(ws) == []
    assert (
        main(
            ["campaign", "add", "--db", db, "--name", "反了", "--start", "2024-05-01", "--end", "2024-04-01"]
        )
        == 2
    )
    assert "晚于" in capsys.readouterr().err


def test_campaign_cli_on_a_missing_database_does_not_create_it(tmp_path: Path) -> None:
    assert main(["campaign", "list", "--db", str(tmp_path / "none.db")]) == 2
    assert not (tmp_path / "none.db").exists()
