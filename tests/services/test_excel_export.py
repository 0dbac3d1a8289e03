"""Excel export and templates: same headers as import, styled header, real dates/numbers, print setup, round trip.

The snapshot compares enterprise ids too: an import into another database keeps each 记录编号.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from zsdesk.domain.creditcode import check_character
from zsdesk.services.context import Workspace, init_workspace
from zsdesk.services.excel_export import export_sheet, write_template
from zsdesk.services.excel_formats import FORMATS, PROJECTS, VISITS
from zsdesk.services.excel_import import import_sheet

OFFICE = "省政府驻上海办事处"


def code(org: str) -> str:
    body = "91310000" + org
    return body + check_character(body)


def seed(ws: Workspace) -> None:
    """One of each kind through the Store, with lists, money, dates, a contact and two instalments."""
    s = ws.store
    with s.transaction():
        e1 = s.create(
            "enterprise",
            {
                "name": "上海创明新能源科技有限公司",
                "credit_code": code("MA1FL0003"),
                "industry": "先进材料",
                "hq_region": "长三角",
                "ownership": "内资",
                "tags": ["专精特新", "上市公司"],
            },
        )
        e2 = s.create("enterprise", {"name": "某某食品有限公司"})
        s.create("contact", {"enterprise_id": e1, "name": "王经理", "title": "副总", "phone": "021-12345678"})
        s.create("contact", {"enterprise_id": e1, "name": "李秘书", "email": "li@example.com"})
        s.create(
            "visit",
            {
                "date": "2024-06-26",
                "enterprise_id": e1,
                "form": "上门拜访",
                "leader": "李副局长",
                "participants": ["张三", "王五"],
                "minutes": "洽谈电池材料项目",
                "demands_text": "用地",
                "next_steps": "赴川考察",
            },
        )
        s.create("visit", {"date": "2024-07-01", "enterprise_id": e2, "form": "云洽谈"})
        p1 = s.create(
            "project",
            {
                "name": "电池材料基地",
                "enterprise_id": e1,
                "industry": "先进材料",
                "planned_wan": "50",
                "target_city": "宜宾市",
                "target_park": "三江新区",
                "stage": "签约落地",
                "signed_date": "2024-05-01",
                "signed_wan": "12.3456",
            },
        )
        s.create("funding", {"project_id": p1, "date": "2024-06-01", "amount_wan": "1.5"})
        s.create("funding", {"project_id": p1, "date": "2024-07-01", "amount_wan": "0.25"})
        s.create("project", {"name": "食品产业园", "enterprise_id": e2, "stage": "信息获取"})
        s.create(
            "event", {"date": "2024-06-20", "name": "川沪新能源推介会", "kind": "推介会", "place": "上海"}
        )
        s.create(
            "demand",
            {
                "enterprise_id": e1,
                "raised_date": "2024-06-26",
                "content": "希望协调园区用地",
                "category": "用地",
                "department": "省自然资源厅",
                "due_date": "2024-08-01",
                "status": "办理中",
                "response": "已转园区",
            },
        )
        s.create(
            "task",
            {"title": "安排赴川考察", "assignee": "张三", "due_date": "2024-07-15", "enterprise_id": e1},
        )
        s.create(
            "task",
            {
                "title": "寄送资料",
                "assignee": "王五",
                "due_date": "2024-07-02",
                "done": True,
                "done_date": "2024-07-01",
            },
        )
        s.create(
            "trip",
            {
                "leader": "李副市长",
                "leader_rank": "副市长",
                "party_leader": True,
                "start_date": "2024-06-25",
                "end_date": "2024-06-27",
                "places": "上海、苏州",
                "enterprise_ids": [e1, e2],
                "project_ids": [p1],
                "signed_project_ids": [p1],
            },
        )
        s.create(
            "commissioner",
            {"enterprise_id": e1, "officer": "张三", "start_date": "2024-01-01", "duties": "全程服务"},
        )


def snapshot(ws: Workspace) -> dict[str, list[tuple[object, ...]]]:
    """Business content of the four sheets, independent of ids and timestamps."""
    q = ws.store.db.execute
    return {
        "enterprise": sorted(
            q("SELECT name, credit_code, industry, hq_region, ownership, tags FROM enterprise").fetchall()
        ),
        "contact": sorted(q("SELECT name, title, phone, email FROM contact").fetchall()),
        "visit": sorted(
            q(
                "SELECT v.date, e.name, v.form, v.leader, v.participants, v.minutes, v.demands_text,"
                " v.next_steps FROM visit v JOIN enterprise e ON e.id = v.enterprise_id"
            ).fetchall()
        ),
        "project": sorted(
            q(
                "SELECT name, industry, planned_wan, target_city, target_park, stage, signed_date,"
                " signed_wan FROM project"
            ).fetchall(),
            key=str,
        ),
        "funding": sorted(q("SELECT date, amount_wan FROM funding").fetchall()),
        "event": sorted(q("SELECT date, name, kind, place FROM event").fetchall()),
        "demand": sorted(
            q(
                "SELECT raised_date, enterprise_id, content, category, department, due_date, status,"
                " response, closed_date FROM demand"
            ).fetchall(),
            key=str,
        ),
        "task": sorted(
            q("SELECT title, assignee, due_date, done, done_date, enterprise_id FROM task").fetchall(),
            key=str,
        ),
        "trip": q(
            "SELECT leader, leader_rank, party_leader, start_date, end_date, places, enterprise_ids,"
            " project_ids, signed_project_ids FROM trip"
        ).fetchall(),
        "commissioner": q(
            "SELECT enterprise_id, officer, start_date, end_date, duties FROM commissioner"
        ).fetchall(),
    }


def test_export_then_import_round_trips(ws: Workspace, tmp_path: Path) -> None:
    seed(ws)
    other = init_workspace(tmp_path / "other.db", office=OFFICE)
    try:
        for fmt in FORMATS:
            path = tmp_path / f"{fmt.alias}.xlsx"
            export_sheet(ws.store, fmt.kind, path)
            report = import_sheet(other.store, fmt.kind, path)
            assert report.ok and report.committed, report.summary()
            assert not report.warnings
        assert snapshot(other) == snapshot(ws)
        assert other.store.rows("SELECT count(*) AS n FROM stage_change")[0]["n"] == 0
    finally:
        other.close()


def test_reimporting_an_export_changes_nothing(ws: Workspace, tmp_path: Path) -> None:
    seed(ws)
    ops = ws.store.pending_ops()
    for fmt in FORMATS:
        path = tmp_path / f"{fmt.alias}.xlsx"
        export_sheet(ws.store, fmt.alias, path)
        report = import_sheet(ws.store, fmt.alias, path)
        assert report.ok
        assert all(c.created == 0 and c.updated == 0 for c in report.counts.values()), report.summary()
    assert ws.store.pending_ops() == ops


def test_export_writes_real_dates_numbers_and_a_frozen_bold_header(ws: Workspace, tmp_path: Path) -> None:
    seed(ws)
    path = tmp_path / "p.xlsx"
    assert export_sheet(ws.store, "项目", path) == 3  # two instalments + one project without funding
    sheet = load_workbook(path)["项目"]
    assert [c.value for c in sheet[1]] == PROJECTS.headers
    assert sheet["A1"].font.b and sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["B"].width >= 12
    # Printed as a 台账: wide sheet in landscape, one page wide, header row on every page.
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows == "$1:$1"
    assert len(sheet["A2"].value) == 36  # 记录编号: the project's id
    row = {h: c for h, c in zip(PROJECTS.headers, sheet[2], strict=True)}
    assert row["签约日期"].value == dt.datetime(2024, 5, 1) and row["签约日期"].is_date
    assert row["签约金额(亿元)"].value == 12.3456 and row["计划投资(亿元)"].value == 50
    assert row["到位资金(亿元)"].value == 1.5


def test_template_has_headers_and_dropdowns_only(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_template("visits", path)
    sheet = load_workbook(path)["走访"]
    assert [c.value for c in sheet[1]] == VISITS.headers
    assert sheet.max_row == 1 and sheet.freeze_panes == "B2"
    validations = sheet.data_validations.dataValidation
    assert any("上门拜访" in (v.formula1 or "") for v in validations)


def test_a_very_wide_list_prints_two_pages_wide_each_starting_with_the_name(
    ws: Workspace, tmp_path: Path
) -> None:
    """The 17-column 项目 list fit to one page printed at ≈45 %: two pages wide, column B on both."""
    import shutil
    import subprocess

    seed(ws)
    enterprise = ws.store.rows("SELECT id FROM enterprise LIMIT 1")[0]["id"]
    long_name = "中航金融服务绵阳国际物流枢纽暨西部陆海新通道多式联运中心建设项目"
    ws.store.create("project", {"name": long_name, "enterprise_id": enterprise, "stage": "信息获取"})
    path = tmp_path / "p.xlsx"
    export_sheet(ws.store, "项目", path)
    sheet = load_workbook(path)["项目"]
    assert sheet.page_setup.fitToWidth == 2 and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_cols == "$B:$B" and sheet.print_title_rows == "$1:$1"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        return  # the print setup above is what Excel and LibreOffice read
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    pages = []
    for page in (1, 2):
        out = subprocess.run(
            ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(tmp_path / "p.pdf"), "-"],
            check=True,
            capture_output=True,
            text=True,
        )
        pages.append(out.stdout)
    # Left page: 记录编号 and the first columns; right page: the name again, then the last columns.
    assert "记录编号" in pages[0] and "所属办事处" not in pages[0]
    assert "所属办事处" in pages[1] and "项目名称" in pages[1] and long_name[:8] in pages[1]
