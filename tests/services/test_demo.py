"""Demo data: the small scale builds quickly, is realistic, deterministic, local-only and searchable."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from zsdesk.cli import main
from zsdesk.domain.creditcode import is_valid_credit_code
from zsdesk.domain.errors import ValidationError
from zsdesk.domain.periods import year
from zsdesk.services.context import Workspace, open_workspace
from zsdesk.services.demo import SCALES, build_demo, credit_code
from zsdesk.services.demo_vocab import OFFICES
from zsdesk.services.stats import compute_stats, drilldown
from zsdesk.storage.database import get_meta
from zsdesk.storage.search import search_ids

TODAY = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws = open_workspace(tmp_path_factory.mktemp("demo") / "demo.db", create=True)
    build_demo(ws, scale="small", seed=7, today=TODAY)
    yield ws
    ws.close()


def count(ws: Workspace, sql: str) -> int:
    return int(ws.db.execute(sql).fetchone()[0])


def test_small_demo_has_every_kind_of_record(demo: Workspace) -> None:
    scale = SCALES["small"]
    assert count(demo, "SELECT count(*) FROM enterprise") == scale.enterprises
    assert count(demo, "SELECT count(*) FROM visit") == scale.visits
    assert count(demo, "SELECT count(*) FROM project") == scale.projects
    for table in (
        "contact",
        "demand",
        "task",
        "commissioner",
        "event",
        "trip",
        "trigger",
        "funding",
        "stage_change",
    ):
        assert count(demo, f"SELECT count(*) FROM [{table}]") > 0, table


def test_offices_are_sichuans_and_cities_group_offices(demo: Workspace) -> None:
    offices = dict(demo.db.execute("SELECT name, unit FROM office").fetchall())
    assert offices["省政府驻上海办事处"] == "省政府驻上海办事处"
    assert offices["成都市投资促进局驻深圳招商分局"] == offices["成都市投资促进局驻上海招商分局"] == "成都市"
    assert len(offices) == len(OFFICES)


def test_visits_span_two_years_ending_today(demo: Workspace) -> None:
    first, last = demo.db.execute("SELECT min(date), max(date) FROM visit").fetchone()
    assert last <= TODAY.isoformat() and last >= (TODAY - dt.timedelta(days=7)).isoformat()
    assert first <= (TODAY - dt.timedelta(days=700)).isoformat()


def test_credit_codes_are_valid_and_unique(demo: Workspace) -> None:
    codes = [r[0] for r in demo.db.execute("SELECT credit_code FROM enterprise").fetchall()]
    assert all(is_valid_credit_code(c) for c in codes)
    assert len(set(codes)) == len(codes)
    rng = random.Random(1)
    assert all(is_valid_credit_code(credit_code(rng, "510107")) for _ in range(500))


def test_projects_reach_every_stage_with_consistent_dates(demo: Workspace) -> None:
    stages = {r[0] for r in demo.db.execute("SELECT DISTINCT stage FROM project").fetchall()}
    assert stages == {"信息获取", "现场考察", "会谈洽谈", "签约落地", "开工建设", "投产达产"}
    bad = count(
        demo,
        "SELECT count(*) FROM project WHERE (started_date IS NOT NULL AND started_date < signed_date)"
        " OR (landed_date IS NOT NULL AND landed_date < signed_date) OR signed_date > date('2026-06-30')",
    )
    assert bad == 0


def test_demo_rows_are_local_only(demo: Workspace) -> None:
    assert count(demo, "SELECT count(*) FROM outbox") == 0
    assert get_meta(demo.db, "demo_scale") == "small"
    assert demo.office_id and get_meta(demo.db, "office_id") == demo.office_id


def test_demo_stats_are_non_zero_and_drill_down_agrees(demo: Workspace) -> None:
    period = year(2025)
    sheet = compute_stats(demo, date_from=period.start, date_to=period.end)
    assert len(sheet.rows) == 9  # 6 provincial offices + 成都市、宜宾市、绵阳市
    total = sheet.total
    for key in (
        "events",
        "enterprises_visited",
        "projects_signed",
        "signed_wan",
        "projects_started",
        "funding_wan",
    ):
        assert total.value(key) > 0, key
    records = drilldown(demo, key="projects_signed", unit=None, date_from=period.start, date_to=period.end)
    assert len(records) == total.projects_signed


def test_search_indexes_are_complete_after_bulk_load(demo: Workspace) -> None:
    _name, short = demo.db.execute("SELECT name, short_name FROM enterprise LIMIT 1").fetchone()
    assert search_ids(demo.db, "enterprise", short)
    assert (
        count(demo, "SELECT count(*) FROM visit_fts WHERE visit_fts MATCH '\"支持政策\"'")
        == SCALES["small"].visits
    )
    # The insert triggers are back, so records typed after the demo are indexed too.
    eid = demo.store.create("enterprise", {"name": "四川演示新增测试有限公司"})
    assert search_ids(demo.db, "enterprise", "演示新增测试") == [eid]


def test_same_seed_same_data(tmp_path: Path) -> None:
    dumps = []
    for name in ("a.db", "b.db"):
        with open_workspace(tmp_path / name, create=True) as ws:
            build_demo(ws, scale="small", seed=11, today=TODAY)
            dumps.append(
                ws.db.execute("SELECT id, name, credit_code FROM enterprise ORDER BY rowid").fetchall()
            )
    assert dumps[0] == dumps[1]


def test_demo_refuses_a_database_with_data(demo: Workspace) -> None:
    with pytest.raises(ValidationError, match="已有企业数据"):
        build_demo(demo, scale="small")


def test_demo_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "cli-demo.db"
    assert main(["demo", "--db", str(target), "--seed", "3"]) == 0
    assert "已生成演示数据库" in capsys.readouterr().out
    assert main(["demo", "--db", str(target)]) == 2
    assert "已有企业数据" in capsys.readouterr().err
    assert main(["stats", "--db", str(target), "--from", "2000-01-01", "--to", "2100-12-31", "--json"]) == 0


def test_search_lists_newest_visits_first(demo: Workspace) -> None:
    ids = search_ids(demo.db, "visit", "支持政策", limit=20)
    dates = [demo.store.get("visit", i)["date"] for i in ids]
    assert len(ids) == 20 and dates == sorted(dates, reverse=True)
    assert dates[0] == demo.db.execute("SELECT max(date) FROM visit").fetchone()[0]


def test_the_officer_the_demo_opens_as_has_open_tasks_near_today(demo: Workspace) -> None:
    """The 工作台's 我的任务 shows work on a new demo (tasks were the recorders' only)."""
    from zsdesk.storage.database import get_meta

    officer = get_meta(demo.db, "officer")
    rows = demo.store.rows(
        "SELECT due_date FROM task WHERE deleted = 0 AND done = 0 AND assignee = ?", [officer]
    )
    assert len(rows) >= 3
    assert min(abs((dt.date.fromisoformat(r["due_date"]) - TODAY).days) for r in rows) <= 7
