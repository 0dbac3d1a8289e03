"""Campaigns are province-wide: the admin defines one, every office receives it, officers cannot change it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from zsdesk.domain.campaigns import PROVINCE_OFFICE
from zsdesk.domain.errors import ValidationError
from zsdesk.services.campaigns import add_preset, current_campaign, list_campaigns
from zsdesk.services.sync import rejected_ops

from .harness import Laptop, LiveServer

A, B = "省政府驻上海办事处", "省政府驻广州办事处"


def test_admin_campaign_reaches_every_office_and_is_read_only_for_officers(
    server: LiveServer, tmp_path: Path
) -> None:
    server.user("adm", "admin", A, B)
    server.user("a1", "officer", A)
    server.user("b1", "officer", B)
    admin = Laptop(server, tmp_path / "adm.db", "adm", A)
    a1 = Laptop(server, tmp_path / "a1.db", "a1", A)
    b1 = Laptop(server, tmp_path / "b1.db", "b1", B)
    admin.sync()  # learns its role
    campaign_id = add_preset(admin.ws, start=dt.date(2026, 11, 1))
    assert admin.sync().pending == 0
    for laptop in (a1, b1):
        laptop.sync()
        [c] = list_campaigns(laptop.ws)
        assert c.id == campaign_id and c.office_id == PROVINCE_OFFICE and c.visits == 100
        assert current_campaign(laptop.ws, dt.date(2026, 11, 20)) == c
        # The desktop refuses an officer's campaign before anything is queued ...
        with pytest.raises(ValidationError, match="省级管理员"):
            add_preset(laptop.ws, year=2030)
    # ... and the server refuses one that is pushed anyway, keeping it visible with the reason.
    a1.store.update("campaign", campaign_id, {"target_visits": 1})
    a1.store.create("campaign", {"name": "自定活动", "start_date": "2026-11-01", "end_date": "2026-11-30"})
    a1.sync()
    refused = rejected_ops(a1.ws)
    assert [(r["table"], r["kind"]) for r in refused] == [("campaign", "update"), ("campaign", "create")]
    assert "无权修改其他办事处的记录" in refused[0]["reason"]  # the province's row is outside any office
    assert "省级管理员" in refused[1]["reason"]  # a campaign of one's own office is still the admin's
    b1.sync()
    assert [c.visits for c in list_campaigns(b1.ws)] == [100]  # nobody else saw the change
    for laptop in (admin, a1, b1):
        laptop.close()


def test_admin_defines_a_campaign_on_the_server_and_offices_pull_it(
    server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from zsdesk.server.cli import main as server_main

    server.user("a1", "officer", A)
    db = ["--database", server.database_url]
    assert server_main(["add-campaign", *db, "--preset", "--start", "2026-11-01", "--trips", "6"]) == 0
    assert "2026年制造业招商引资“百日攻坚”行动" in capsys.readouterr().out
    assert server_main(["add-campaign", *db, "--name", "缺日期"]) == 2
    assert "--start" in capsys.readouterr().err
    assert server_main(["add-campaign", *db, "--preset", "--start", "2026-11-01"]) == 2
    assert "已有名为" in capsys.readouterr().err
    a1 = Laptop(server, tmp_path / "a1.db", "a1", A)
    a1.sync()
    [c] = list_campaigns(a1.ws)
    assert c.province_wide and (c.start, c.end) == (dt.date(2026, 11, 1), dt.date(2027, 2, 8))
    assert (c.visits, c.events, c.trips, c.growth_pct) == (100, 3, 6, 10)
    a1.close()
