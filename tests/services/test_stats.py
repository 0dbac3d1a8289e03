"""The statistics sheet: every 口径 rule of DOMAIN.md on a real SQLite file, drill-down, JSON, CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from zsdesk.cli import main
from zsdesk.domain.errors import NotFoundError, ValidationError
from zsdesk.domain.stats import COLUMNS
from zsdesk.services.context import Workspace, init_workspace
from zsdesk.services.stats import (
    FIGURES,
    check_targets,
    compute_stats,
    drilldown,
    same_period_last_year,
    year_on_year,
)
from zsdesk.storage.enterprises import merge_enterprises

FROM, TO = "2024-03-01", "2024-03-31"
UNIT = "驻上海办事处"  # the `ws` fixture's office unit
OUTSIDE = ("2024-02-29", "2024-04-01")  # the day before and the day after the period
INSIDE = (FROM, "2024-03-15", TO)  # first day, middle, last day


def enterprise(ws: Workspace, name: str, office: str | None = None) -> str:
    return ws.store.create("enterprise", {"name": name}, office_id=office)


def visit(ws: Workspace, eid: str, date: str, office: str | None = None) -> str:
    return ws.store.create(
        "visit", {"date": date, "enterprise_id": eid, "form": "上门拜访"}, office_id=office
    )


def project(ws: Workspace, eid: str, name: str, office: str | None = None, **fields: object) -> str:
    values = {"name": name, "enterprise_id": eid, "stage": "签约落地", **fields}
    return ws.store.create("project", values, office_id=office)


def event(ws: Workspace, date: str, office: str | None = None, kind: str = "推介会") -> str:
    return ws.store.create("event", {"date": date, "name": f"{kind}{date}", "kind": kind}, office_id=office)


def row_of(ws: Workspace, unit: str = UNIT, date_from: str = FROM, date_to: str = TO):
    sheet = compute_stats(ws, date_from=date_from, date_to=date_to)
    return next(r for r in sheet.rows if r.unit == unit)


def assert_drill_matches(ws: Workspace, key: str, unit: str | None = UNIT) -> None:
    """Drill-down lists exactly the records the figure counts (or sums)."""
    sheet = compute_stats(ws, date_from=FROM, date_to=TO)
    figure = (
        sheet.total.value(key) if unit is None else next(r for r in sheet.rows if r.unit == unit).value(key)
    )
    records = drilldown(ws, key=key, unit=unit, date_from=FROM, date_to=TO)
    amount_column = {"signed_wan": "signed_wan", "funding_wan": "amount_wan"}.get(key)
    if amount_column:
        assert sum(r[amount_column] or 0 for r in records) == figure
    else:
        assert len(records) == figure


def test_events_count_first_and_last_day_but_not_the_days_outside(ws: Workspace) -> None:
    for date in (*INSIDE, *OUTSIDE):
        event(ws, date)
    assert row_of(ws).events == 3
    assert [r["date"] for r in drilldown(ws, key="events", unit=UNIT, date_from=FROM, date_to=TO)] == list(
        INSIDE
    )


def test_enterprise_visited_twice_counts_once(ws: Workspace) -> None:
    a, b = enterprise(ws, "成都华创电子科技有限公司"), enterprise(ws, "上海宏达新材料有限公司")
    visit(ws, a, FROM)
    visit(ws, a, TO)
    visit(ws, b, "2024-03-10")
    assert row_of(ws).enterprises_visited == 2
    records = drilldown(ws, key="enterprises_visited", unit=UNIT, date_from=FROM, date_to=TO)
    assert {r["id"]: r["visits"] for r in records} == {a: 2, b: 1}


def test_visits_outside_the_period_do_not_count(ws: Workspace) -> None:
    for index, date in enumerate(OUTSIDE):
        visit(ws, enterprise(ws, f"企业{index}有限公司"), date)
    assert row_of(ws).enterprises_visited == 0


def test_tombstoned_visit_does_not_count(ws: Workspace) -> None:
    a = enterprise(ws, "成都华创电子科技有限公司")
    ws.store.delete("visit", visit(ws, a, "2024-03-05"))
    assert row_of(ws).enterprises_visited == 0
    assert drilldown(ws, key="enterprises_visited", unit=UNIT, date_from=FROM, date_to=TO) == []


def test_visits_of_a_deleted_enterprise_do_not_count(ws: Workspace) -> None:
    a = enterprise(ws, "成都华创电子科技有限公司")
    visit(ws, a, "2024-03-05")
    project(ws, a, "华创项目", signed_date="2024-03-05", signed_wan="1")
    ws.store.delete("enterprise", a)
    row = row_of(ws)
    assert (row.enterprises_visited, row.projects_signed, row.signed_wan) == (0, 0, 0)


def test_merged_enterprise_counts_once(ws: Workspace) -> None:
    keep = enterprise(ws, "成都华创电子科技有限公司")
    dup = enterprise(ws, "华创电子")
    visit(ws, keep, "2024-03-02")
    visit(ws, dup, "2024-03-03")
    assert row_of(ws).enterprises_visited == 2
    merge_enterprises(ws.store, keep_id=keep, merge_id=dup)
    assert row_of(ws).enterprises_visited == 1
    records = drilldown(ws, key="enterprises_visited", unit=UNIT, date_from=FROM, date_to=TO)
    assert [(r["id"], r["visits"]) for r in records] == [(keep, 2)]


def test_tombstoned_event_does_not_count(ws: Workspace) -> None:
    ws.store.delete("event", event(ws, "2024-03-05"))
    event(ws, "2024-03-06")
    assert row_of(ws).events == 1


def test_projects_count_by_signed_landed_and_started_dates_with_boundaries(ws: Workspace) -> None:
    a = enterprise(ws, "成都华创电子科技有限公司")
    project(ws, a, "首日签约", signed_date=FROM, signed_wan="1.25")
    project(ws, a, "末日签约", signed_date=TO, signed_wan="2.5", landed_date=TO)
    project(ws, a, "前一日签约", signed_date=OUTSIDE[0], signed_wan="100", landed_date=FROM, started_date=TO)
    project(ws, a, "后一日签约", signed_date=OUTSIDE[1], signed_wan="100", started_date=OUTSIDE[1])
    row = row_of(ws)
    assert (row.projects_signed, row.signed_wan) == (2, 37_500)
    assert row.display("signed_wan") == "3.75"
    assert (row.projects_landed, row.projects_started) == (2, 1)
    for key in ("projects_signed", "signed_wan", "projects_landed", "projects_started"):
        assert_drill_matches(ws, key)


def test_tombstoned_project_does_not_count_nor_its_funding(ws: Workspace) -> None:
    a = enterprise(ws, "成都华创电子科技有限公司")
    pid = project(ws, a, "已删除项目", signed_date="2024-03-05", signed_wan="3", started_date="2024-03-06")
    ws.store.create("funding", {"project_id": pid, "date": "2024-03-07", "amount_wan": "1"})
    ws.store.delete("project", pid)
    row = row_of(ws)
    assert (row.projects_signed, row.signed_wan, row.projects_started, row.funding_wan) == (0, 0, 0, 0)


def test_terminated_project_still_counts(ws: Workspace) -> None:
    a = enterprise(ws, "成都华创电子科技有限公司")
    project(
        ws,
        a,
        "终止项目",
        signed_date="2024-03-05",
        signed_wan="2",
        status="终止",
        status_reason="企业战略调整",
    )
    row = row_of(ws)
    assert (row.projects_signed, row.signed_wan) == (1, 20_000)


def test_funding_instalments_in_and_out_of_period(ws: Workspace) -> None:
    a = enterprise(ws, "成都华创电子科技有限公司")
    pid = project(ws, a, "分期到位项目", signed_date="2023-12-01", signed_wan="10")
    for date, amount in ((OUTSIDE[0], "5"), (FROM, "1.5"), (TO, "0.25"), (OUTSIDE[1], "7")):
        ws.store.create("funding", {"project_id": pid, "date": date, "amount_wan": amount})
    ws.store.delete(
        "funding", ws.store.create("funding", {"project_id": pid, "date": "2024-03-09", "amount_wan": "9"})
    )
    row = row_of(ws)
    assert row.funding_wan == 17_500
    assert row.display("funding_wan") == "1.75"
    assert row.projects_signed == 0  # signed before the period: its money in place still counts
    assert_drill_matches(ws, "funding_wan")


@pytest.fixture
def two_units(ws: Workspace) -> dict[str, str]:
    """The fixture office plus two offices of 成都市 (grouped) and one of its enterprises each."""
    chengdu_sh = ws.store.create("office", {"name": "成都市投资促进局驻上海招商分局", "unit": "成都市"})
    chengdu_sz = ws.store.create("office", {"name": "成都市投资促进局驻深圳招商分局", "unit": "成都市"})
    shared = enterprise(ws, "深圳卓越智能装备有限公司", chengdu_sz)
    visit(ws, shared, "2024-03-04", chengdu_sh)
    visit(ws, shared, "2024-03-05", chengdu_sz)  # same enterprise, two offices, one unit: counts once
    visit(ws, enterprise(ws, "上海瑞能新能源有限公司"), "2024-03-06")
    event(ws, "2024-03-07", chengdu_sh)
    event(ws, "2024-03-08", chengdu_sz)
    project(ws, shared, "卓越成都装备项目", chengdu_sz, signed_date="2024-03-09", signed_wan="12.34")
    return {"sh": chengdu_sh, "sz": chengdu_sz}


def test_offices_of_one_unit_roll_up_and_total_adds_units(ws: Workspace, two_units: dict[str, str]) -> None:
    sheet = compute_stats(ws, date_from=FROM, date_to=TO)
    assert [r.unit for r in sheet.rows] == sorted(["成都市", UNIT])
    chengdu = next(r for r in sheet.rows if r.unit == "成都市")
    assert (chengdu.events, chengdu.enterprises_visited, chengdu.projects_signed) == (2, 1, 1)
    total = sheet.total
    assert (total.events, total.enterprises_visited, total.signed_wan) == (2, 2, 123_400)
    for key in FIGURES:
        assert_drill_matches(ws, key, None)
        assert_drill_matches(ws, key, "成都市")


def test_unit_filter_accepts_a_unit_or_an_office_name(ws: Workspace, two_units: dict[str, str]) -> None:
    by_unit = compute_stats(ws, date_from=FROM, date_to=TO, unit="成都市")
    by_office = compute_stats(ws, date_from=FROM, date_to=TO, unit="成都市投资促进局驻深圳招商分局")
    assert [r.unit for r in by_unit.rows] == [r.unit for r in by_office.rows] == ["成都市"]
    assert by_unit.rows[0].events == 2
    with pytest.raises(NotFoundError, match="未找到填报单位"):
        compute_stats(ws, date_from=FROM, date_to=TO, unit="火星办事处")


def test_units_with_no_records_are_listed_with_zeros(ws: Workspace) -> None:
    sheet = compute_stats(ws, date_from=FROM, date_to=TO)
    assert [(r.unit, r.events, r.funding_wan) for r in sheet.rows] == [(UNIT, 0, 0)]


def test_json_shape_is_the_cli_contract(ws: Workspace, two_units: dict[str, str]) -> None:
    data = compute_stats(ws, date_from=FROM, date_to=TO).as_json()
    assert set(data) == {"title", "unit", "from", "to", "rows", "total", "exact_total"}
    assert (data["title"], data["unit"]) == ("招商引资工作情况统计表", "全部单位汇总")
    assert (data["from"], data["to"]) == (FROM, TO)
    headers = [h for _, h in COLUMNS]
    first = data["rows"][0]
    assert list(first) == ["unit", *headers]
    assert first["unit"] == "成都市"
    assert first["签约金额(亿元)"] == "12.34" and first["召开推介会(次)"] == 2
    assert list(data["total"]) == headers
    assert data["total"]["新增到位资金(亿元)"] == "0.00"


def test_reversed_or_bad_dates_are_rejected_in_chinese(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="晚于"):
        compute_stats(ws, date_from=TO, date_to=FROM)
    with pytest.raises(ValidationError, match="无法识别"):
        compute_stats(ws, date_from="2024-13-45", date_to=TO)
    with pytest.raises(ValidationError, match="统计项"):
        drilldown(ws, key="nonsense", unit=UNIT, date_from=FROM, date_to=TO)


def test_same_period_last_year_and_growth(ws: Workspace) -> None:
    a = enterprise(ws, "成都华创电子科技有限公司")
    project(ws, a, "去年项目", signed_date="2023-03-10", signed_wan="10")
    project(ws, a, "今年项目一", signed_date="2024-03-10", signed_wan="6")
    project(ws, a, "今年项目二", signed_date="2024-03-11", signed_wan="6")
    current = compute_stats(ws, date_from=FROM, date_to=TO)
    previous = same_period_last_year(ws, date_from=FROM, date_to=TO)
    assert (previous.date_from, previous.date_to) == (dt.date(2023, 3, 1), dt.date(2023, 3, 31))
    growth = year_on_year(current, previous)
    signed = growth[UNIT]["projects_signed"]
    assert (signed.current, signed.previous, signed.percent, signed.meets_target) == (2, 1, 100, True)
    money = growth["合计"]["signed_wan"]
    assert money.percent == 20 and money.meets_target
    assert growth[UNIT]["events"].percent is None  # nothing last year: growth undefined, not infinite


def test_only_kind_tuijiehui_counts_as_events_the_others_are_listed_apart(ws: Workspace) -> None:
    event(ws, "2024-03-05")
    for kind in ("项目集中签约", "客商考察", "展会"):
        event(ws, "2024-03-06", kind=kind)
    assert row_of(ws).events == 1
    assert_drill_matches(ws, "events")
    others = drilldown(ws, key="other_events", unit=UNIT, date_from=FROM, date_to=TO)
    assert sorted(r["kind"] for r in others) == ["客商考察", "展会", "项目集中签约"]


def test_targets_count_party_leader_trips_from_the_campaign_start_only(ws: Workspace) -> None:
    from zsdesk.services.campaigns import add_campaign, find_campaign

    for day in range(1, 10):
        ws.store.create(
            "trip", {"leader": "王市长", "party_leader": True, "start_date": f"2024-03-{day:02d}"}
        )
    ws.store.create("trip", {"leader": "李科长", "party_leader": False, "start_date": "2024-03-10"})
    ws.store.delete(
        "trip",
        ws.store.create("trip", {"leader": "王市长", "party_leader": True, "start_date": "2024-03-20"}),
    )
    event(ws, "2024-03-05")
    assert check_targets(ws, date_from=FROM, date_to=TO) == []  # no campaign: no targets
    add_campaign(ws, name="春季攻坚", start=dt.date(2024, 3, 1), end=dt.date(2024, 4, 30), trips=8, events=3)
    # Asked for 3月20日-31日 only: the targets are still counted from the campaign start (3月1日).
    results = {r.target.key: r for r in check_targets(ws, date_from="2024-03-20", date_to=TO)}
    assert results["trips"].actual == 9 and results["trips"].met
    assert results["events"].actual == 1 and not results["events"].met and not results["events"].finished
    assert "进行中，尚差2次" in results["events"].text
    assert check_targets(ws, date_from=FROM, date_to="2024-05-20") == []  # its last report (5-10) is past
    spring = find_campaign(ws, "春季攻坚")
    final = {
        r.target.key: r for r in check_targets(ws, date_from=FROM, date_to="2024-05-20", campaign=spring)
    }
    assert final["events"].text.endswith("实际1次，差2次") and final["events"].counted_to == dt.date(
        2024, 4, 30
    )
    assert len(drilldown(ws, key="trips", unit=UNIT, date_from=FROM, date_to=TO)) == 9


# -- the command line --------------------------------------------------------------------------------


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    with init_workspace(path, office="成都市投资促进局驻上海招商分局", unit="成都市") as ws:
        a = enterprise(ws, "上海宏达新材料有限公司")
        visit(ws, a, "2024-03-05")
        project(ws, a, "宏达成都新材料项目", signed_date="2024-03-06", signed_wan="5.5")
    return path


def test_cli_prints_aligned_table_with_total(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from zsdesk.commands.stats import display_width

    assert main(["stats", "--db", str(db_file), "--from", FROM, "--to", TO]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = next(line for line in lines if line.startswith("市(州)"))
    unit_line = next(line for line in lines if line.startswith("成都市"))
    total_line = next(line for line in lines if line.startswith("合计"))
    # Right-aligned figures end in the same terminal column (CJK counted double-width).
    assert display_width(unit_line) == display_width(total_line)
    assert display_width(header) >= display_width(unit_line)
    assert "5.50" in unit_line and "5.50" in total_line


def test_cli_json_is_exactly_the_sheet_json(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["stats", "--db", str(db_file), "--unit", "成都市", "--from", FROM, "--to", TO, "--json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["rows"] == [
        {
            "unit": "成都市",
            "召开推介会(次)": 0,
            "拜访企业(户)": 1,
            "签约项目(个)": 1,
            "签约金额(亿元)": "5.50",
            "落地项目数(个)": 0,
            "开工项目数(个)": 0,
            "新增到位资金(亿元)": "0.00",
        }
    ]
    assert data["total"]["签约金额(亿元)"] == "5.50" and data["from"] == FROM


def test_cli_detail_lists_the_records_behind_a_figure(
    db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["stats", "--db", str(db_file), "--from", FROM, "--to", TO, "--detail"]
    assert main([*args, "signed_wan"]) == 0
    out = capsys.readouterr().out
    assert "宏达成都新材料项目" in out and "共 1 条" in out
    assert main([*args, "enterprises_visited", "--json"]) == 0
    assert [r["name"] for r in json.loads(capsys.readouterr().out)] == ["上海宏达新材料有限公司"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2024-02-30", "--to", TO], "无法识别"),
        (["--from", "昨天", "--to", TO], "无法识别"),
        (["--from", TO, "--to", FROM], "晚于"),
        (["--unit", "火星办事处", "--from", FROM, "--to", TO], "未找到填报单位"),
    ],
)
def test_cli_bad_input_exits_2_with_chinese_error(
    db_file: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["stats", "--db", str(db_file), *args]) == 2
    assert message in capsys.readouterr().err


def test_cli_missing_database_exits_2_without_creating_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.db"
    assert main(["stats", "--db", str(missing), "--from", FROM, "--to", TO]) == 2
    assert "不存在" in capsys.readouterr().err
    assert not missing.exists()


def test_offices_are_listed_per_unit(ws: Workspace, two_units: dict[str, str]) -> None:
    from zsdesk.storage.stats_queries import offices_by_unit, units

    listing = offices_by_unit(ws.db)
    assert [o["name"] for o in listing["成都市"]] == [
        "成都市投资促进局驻上海招商分局",
        "成都市投资促进局驻深圳招商分局",
    ]
    assert [o["name"] for o in listing[UNIT]] == ["省政府驻上海办事处"]
    assert units(ws.db) == sorted(["成都市", UNIT])
