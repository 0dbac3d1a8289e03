"""Excel import: all-or-nothing, dry run, idempotent re-import, field-only updates, dates, broken files."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from zsdesk.domain.creditcode import check_character
from zsdesk.domain.errors import ValidationError
from zsdesk.services.context import Workspace
from zsdesk.services.excel_formats import ENTERPRISES, EVENTS, PROJECTS, VISITS, ExcelError
from zsdesk.services.excel_import import import_sheet
from zsdesk.services.progress import Cancelled

OFFICE = "省政府驻上海办事处"


def code(org: str) -> str:
    """A valid credit code for a 9-character organisation part (check character computed)."""
    body = "91310000" + org
    return body + check_character(body)


def write_xlsx(path: Path, headers: list[str], rows: list[list[Any]], title: str = "Sheet1") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def sheet_row(headers: list[str], cells: dict[str, Any]) -> list[Any]:
    """Cells by header name without `*` and without the `(亿元)` unit, in sheet order."""
    return [cells.get(h.rstrip("*").replace("(亿元)", "")) for h in headers]


def visit_row(date: Any, name: str, form: str = "上门拜访", **cells: Any) -> list[Any]:
    values = {"走访日期": date, "企业名称": name, "走访形式": form, "所属办事处": OFFICE, **cells}
    return sheet_row(VISITS.headers, values)


def enterprise_row(name: str, **cells: Any) -> list[Any]:
    return sheet_row(ENTERPRISES.headers, {"企业名称": name, "所属办事处": OFFICE, **cells})


def project_row(name: str, enterprise: str, stage: str, **cells: Any) -> list[Any]:
    values = {"项目名称": name, "企业名称": enterprise, "项目阶段": stage, "所属办事处": OFFICE, **cells}
    return sheet_row(PROJECTS.headers, values)


def count(ws: Workspace, table: str) -> int:
    return ws.store.rows(f"SELECT count(*) AS n FROM [{table}] WHERE deleted = 0")[0]["n"]


def outbox(ws: Workspace) -> int:
    return ws.store.rows("SELECT count(*) AS n FROM outbox")[0]["n"]


def test_import_creates_visits_and_their_unknown_enterprises(ws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "v.xlsx",
        VISITS.headers,
        [
            visit_row(
                dt.datetime(2024, 6, 26),
                "上海创明新能源科技有限公司",
                参加人员="张三、王五",
                洽谈内容="电池项目",
            ),
            visit_row("2024-06-27", "上海创明新能源科技有限公司", "云洽谈"),
            visit_row("2024-06-28", "某某材料有限公司", "视频会议", 统一社会信用代码=code("MA1FL0001")),
        ],
        title="走访",
    )
    report = import_sheet(ws.store, "走访", path)
    assert report.ok and report.committed
    assert report.count("走访").created == 3
    assert report.count("企业").created == 2
    rows = ws.store.rows("SELECT date, form, participants FROM visit ORDER BY date")
    assert [r["form"] for r in rows] == ["上门拜访", "云洽谈", "云洽谈"]
    assert rows[0]["participants"] == '["张三", "王五"]'
    assert ws.store.rows("SELECT credit_code FROM enterprise WHERE name = '某某材料有限公司'")[0][
        "credit_code"
    ] == code("MA1FL0001")
    # Every write reached the outbox: 2 enterprises + 3 visits.
    assert outbox(ws) - 1 == 5  # the office row from init is the first op


def test_bad_row_imports_nothing_and_names_its_row(ws: Workspace, tmp_path: Path) -> None:
    before = outbox(ws)
    path = write_xlsx(
        tmp_path / "v.xlsx",
        VISITS.headers,
        [
            visit_row("2024-06-26", "甲公司"),
            visit_row("2024-06-26", "乙公司", 统一社会信用代码="91310000MA1FL0000X"),  # row 3: bad check char
            visit_row("2024-06-26", "丙公司"),
            [*visit_row("2024-06-26", "丁公司")[:-1], "省政府驻火星办事处"],  # row 5: unknown office
        ],
    )
    report = import_sheet(ws.store, "visits", path)
    assert not report.ok and not report.committed
    assert report.error_rows == [3, 5]
    text = report.summary()
    assert "第3行：统一社会信用代码" in text
    assert "第5行：所属办事处“省政府驻火星办事处”不存在" in text
    assert "未导入任何数据" in text
    assert count(ws, "visit") == 0 and count(ws, "enterprise") == 0
    assert outbox(ws) == before


def test_allow_partial_imports_only_the_good_rows(ws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "v.xlsx",
        VISITS.headers,
        [visit_row("2024-06-26", "甲公司"), visit_row("2024-13-01", "乙公司"), visit_row(None, "丙公司")],
    )
    report = import_sheet(ws.store, "走访", path, allow_partial=True)
    assert report.committed and report.error_rows == [3, 4]
    assert "走访日期为必填项" in report.summary()
    assert count(ws, "visit") == 1 and count(ws, "enterprise") == 1


def test_dry_run_reports_counts_but_writes_nothing(ws: Workspace, tmp_path: Path) -> None:
    before = outbox(ws)
    path = write_xlsx(tmp_path / "v.xlsx", VISITS.headers, [visit_row("2024-06-26", "甲公司")])
    report = import_sheet(ws.store, "走访", path, dry_run=True)
    assert report.ok and not report.committed
    assert report.count("走访").created == 1 and report.count("企业").created == 1
    assert "试运行" in report.summary()
    assert count(ws, "visit") == 0 and count(ws, "enterprise") == 0 and outbox(ws) == before


def test_inside_an_outer_transaction_rollbacks_still_undo_everything(ws: Workspace, tmp_path: Path) -> None:
    """The GUI wraps the import in a transaction to learn the tables it wrote: the import's own joins
    it as a savepoint, so a dry run and a rejected file still leave nothing, and a real one commits."""
    before = outbox(ws)
    good = write_xlsx(tmp_path / "v.xlsx", VISITS.headers, [visit_row("2024-06-26", "甲公司")])
    bad = write_xlsx(
        tmp_path / "bad.xlsx", VISITS.headers, [visit_row("2024-06-26", "乙公司"), visit_row(None, "丙公司")]
    )
    for path, dry in ((good, True), (bad, False)):
        with ws.store.transaction() as batch:
            report = import_sheet(ws.store, "走访", path, dry_run=dry)
        assert not report.committed and "visit" in batch.tables  # written, then rolled back
        assert count(ws, "visit") == 0 and count(ws, "enterprise") == 0 and outbox(ws) == before
    with ws.store.transaction() as batch:
        report = import_sheet(ws.store, "走访", good)
    assert report.committed and {"visit", "enterprise"} <= batch.tables
    assert count(ws, "visit") == 1 and count(ws, "enterprise") == 1


def test_reimport_is_idempotent_and_adds_no_outbox_ops(ws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "p.xlsx",
        PROJECTS.headers,
        [
            project_row(
                "电池材料基地",
                "甲公司",
                "签约落地",
                签约日期="2024-05-01",
                签约金额="12.5",
                到位资金=3,
                到位日期="2024-06-01",
            ),
            project_row("电池材料基地", "甲公司", "签约落地", 到位资金=2.25, 到位日期="2024-07-01"),
        ],
    )
    first = import_sheet(ws.store, "项目", path)
    assert first.committed
    assert (first.count("项目").created, first.count("到位资金").created, first.count("企业").created) == (
        1,
        2,
        1,
    )
    ops = outbox(ws)
    tables = {t: count(ws, t) for t in ("enterprise", "project", "funding", "stage_change")}
    second = import_sheet(ws.store, "项目", path)
    assert second.committed and second.ok
    assert second.count("项目").created == 0 and second.count("项目").unchanged == 2
    assert second.count("到位资金").unchanged == 2
    assert outbox(ws) == ops
    assert {t: count(ws, t) for t in tables} == tables
    assert ws.store.rows("SELECT signed_wan FROM project")[0]["signed_wan"] == 125000


def test_two_files_filling_different_columns_keep_both(ws: Workspace, tmp_path: Path) -> None:
    cc = code("MA1FL0002")
    a = write_xlsx(
        tmp_path / "a.xlsx",
        ENTERPRISES.headers,
        [
            enterprise_row(
                "成都某某电子有限公司", 统一社会信用代码=cc, 所属行业="电子信息", 标签="上市公司、专精特新"
            )
        ],
    )
    b = write_xlsx(
        tmp_path / "b.xlsx",
        ENTERPRISES.headers,
        [enterprise_row("成都某某电子有限公司", 企业性质="外资", 联系人="王经理", 联系电话="13800138000")],
    )
    assert import_sheet(ws.store, "企业", a).committed
    report = import_sheet(ws.store, "企业", b)
    assert report.count("企业").updated == 1 and report.count("联系人").created == 1
    row = ws.store.rows("SELECT * FROM enterprise")[0]
    assert (row["credit_code"], row["industry"], row["ownership"]) == (cc, "电子信息", "外资")
    assert row["tags"] == '["上市公司", "专精特新"]'
    contact = ws.store.rows("SELECT name, phone FROM contact")[0]
    assert contact == {"name": "王经理", "phone": "13800138000"}
    # A third file matched by credit code renames the enterprise and leaves everything else alone.
    c = write_xlsx(
        tmp_path / "c.xlsx", ENTERPRISES.headers, [enterprise_row("某某电子", 统一社会信用代码=cc)]
    )
    assert import_sheet(ws.store, "企业", c).count("企业").updated == 1
    row = ws.store.rows("SELECT * FROM enterprise")[0]
    assert (row["name"], row["industry"], row["ownership"]) == ("某某电子", "电子信息", "外资")
    assert count(ws, "enterprise") == 1


def test_excel_dates_and_text_dates_mean_the_same_day(ws: Workspace, tmp_path: Path) -> None:
    wb = Workbook()
    sheet = wb.active
    sheet.append(VISITS.headers)
    for n, value in enumerate((dt.date(2024, 6, 26), "2024-06-26", "2024/6/26", "2024年6月26日", 45469)):
        sheet.append(visit_row(value, f"甲公司{n}"))
    sheet["B2"].number_format = "yyyy-mm-dd"
    wb.save(tmp_path / "d.xlsx")
    report = import_sheet(ws.store, "走访", tmp_path / "d.xlsx")
    assert report.ok, report.summary()
    assert report.count("走访").created == 5
    assert ws.store.rows("SELECT DISTINCT date FROM visit") == [{"date": "2024-06-26"}]


def test_bad_amounts_dates_and_missing_cells_are_row_errors(ws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "p.xlsx",
        PROJECTS.headers,
        [
            project_row("甲项目", "甲公司", "签约落地", 签约金额=-1),
            project_row("乙项目", "乙公司", "签约落地", 计划投资="十亿"),
            project_row("丙项目", "丙公司", "起飞"),
            project_row("丁项目", "", "签约落地"),
            project_row("戊项目", "戊公司", "签约落地", 到位资金=1),
            project_row("己项目", "己公司", "签约落地", 签约日期="去年"),
        ],
    )
    report = import_sheet(ws.store, "项目", path)
    assert report.error_rows == [2, 3, 4, 5, 6, 7]
    messages = {e.row: e.message for e in report.errors}
    assert "不能为负数" in messages[2]
    assert "不是有效数字" in messages[3]
    assert "不在可选范围" in messages[4]
    assert "企业名称为必填项" in messages[5]
    assert "同时填写" in messages[6]
    assert "无法识别" in messages[7]
    assert count(ws, "project") == 0


def test_stage_change_recorded_and_same_day_funding_updated(ws: Workspace, tmp_path: Path) -> None:
    first = write_xlsx(
        tmp_path / "1.xlsx",
        PROJECTS.headers,
        [project_row("新材料项目", "甲公司", "会谈洽谈", 到位资金="1.5", 到位日期="2024-03-01")],
    )
    second = write_xlsx(
        tmp_path / "2.xlsx",
        PROJECTS.headers,
        [
            project_row(
                "新材料项目",
                "甲公司",
                "签约落地",
                签约日期="2024-04-02",
                签约金额="3",
                到位资金="2",
                到位日期="2024-03-01",
            )
        ],
    )
    import_sheet(ws.store, "项目", first)
    report = import_sheet(ws.store, "项目", second, today=dt.date(2024, 5, 1))
    assert report.count("阶段变更").created == 1 and report.count("到位资金").updated == 1
    change = ws.store.rows("SELECT from_stage, to_stage, date FROM stage_change")
    assert change == [{"from_stage": "会谈洽谈", "to_stage": "签约落地", "date": "2024-04-02"}]
    assert ws.store.rows("SELECT amount_wan FROM funding") == [{"amount_wan": 20000}]


def test_events_match_on_date_name_and_office(ws: Workspace, tmp_path: Path) -> None:
    rows = [
        [None, "2024-06-26", "川沪新能源推介会", "推介会", "上海", OFFICE],
        [None, "2024-06-27", "川沪新能源推介会", "推介会", None, OFFICE],
    ]
    report = import_sheet(ws.store, "推介会", write_xlsx(tmp_path / "e.xlsx", EVENTS.headers, rows))
    assert report.count("推介会").created == 2
    again = [[None, "2024-06-26", "川沪新能源推介会", None, "上海中心", OFFICE]]
    report = import_sheet(ws.store, "推介会", write_xlsx(tmp_path / "e2.xlsx", EVENTS.headers, again))
    assert report.count("推介会").updated == 1
    assert ws.store.rows("SELECT place, kind FROM event ORDER BY date")[0] == {
        "place": "上海中心",
        "kind": "推介会",
    }


def test_extra_columns_are_ignored_with_a_warning(ws: Workspace, tmp_path: Path) -> None:
    headers = [*VISITS.headers, "备注（内部）"]
    path = write_xlsx(tmp_path / "v.xlsx", headers, [[*visit_row("2024-06-26", "甲公司"), "不要导入"]])
    report = import_sheet(ws.store, "走访", path)
    assert report.ok and report.count("走访").created == 1
    assert "第1行：忽略无法识别的列 备注（内部）" in report.summary()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,date\n甲公司,2024-06-26\n".encode(), "不是有效的 Excel .xlsx 文件"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "旧版 .xls"),
        (b"PK\x03\x04 this is not really a zip", "已损坏"),
    ],
)
def test_broken_files_give_a_chinese_error(
    ws: Workspace, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    with pytest.raises(ExcelError, match=message):
        import_sheet(ws.store, "走访", path)


def test_wrong_headers_and_wrong_kind_are_refused(ws: Workspace, tmp_path: Path) -> None:
    other = write_xlsx(tmp_path / "x.xlsx", ["姓名", "年龄"], [["张三", 30]])
    with pytest.raises(ExcelError, match="找不到走访表的表头"):
        import_sheet(ws.store, "走访", other)
    missing = write_xlsx(tmp_path / "m.xlsx", ["走访日期", "企业名称", "所属办事处"], [])
    with pytest.raises(ExcelError, match="缺少必填列：走访形式"):
        import_sheet(ws.store, "走访", missing)
    visits = write_xlsx(tmp_path / "v.xlsx", VISITS.headers, [visit_row("2024-06-26", "甲公司")])
    with pytest.raises(ExcelError, match="看起来是走访表"):
        import_sheet(ws.store, "企业", visits)
    with pytest.raises(ExcelError, match="不存在"):
        import_sheet(ws.store, "走访", tmp_path / "nope.xlsx")
    with pytest.raises(ExcelError, match="未知的表类型"):
        import_sheet(ws.store, "客户", visits)
    assert count(ws, "visit") == 0


def test_headers_tolerate_fullwidth_brackets_and_stars(ws: Workspace, tmp_path: Path) -> None:
    headers = [h.replace("(", "（").replace(")", "）").replace("*", " ＊") for h in PROJECTS.headers]
    path = write_xlsx(
        tmp_path / "p.xlsx", headers, [project_row("甲项目", "甲公司", "信息获取", 计划投资="0.5")]
    )
    report = import_sheet(ws.store, "项目", path)
    assert report.ok and not report.warnings
    assert ws.store.rows("SELECT planned_wan FROM project") == [{"planned_wan": 5000}]


def test_cancel_rolls_back_everything(ws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "v.xlsx", VISITS.headers, [visit_row("2024-06-26", "甲公司")])
    with pytest.raises(Cancelled):
        import_sheet(ws.store, "走访", path, cancel=lambda: True)
    assert count(ws, "visit") == 0 and count(ws, "enterprise") == 0


def test_bulk_create_writes_the_same_outbox_and_history_as_create(ws: Workspace) -> None:
    """Store.create_many (used by buffered imports) must log each record exactly like Store.create."""
    s = ws.store
    enterprise = s.create("enterprise", {"name": "甲公司"})
    values = {"date": "2024-06-26", "enterprise_id": enterprise, "form": "上门拜访", "participants": ["张三"]}
    one = s.create("visit", values, source="import")
    many = s.create_many("visit", [dict(values), {**values, "date": "2024/6/27"}], source="import")
    ops = {
        r["row_id"]: r
        for r in s.rows(
            "SELECT row_id, kind, fields, base_version, state FROM outbox WHERE table_name = 'visit'"
        )
    }
    assert set(ops) == {one, *many}
    assert ops[many[0]]["fields"] == ops[one]["fields"]
    assert json.loads(ops[many[1]]["fields"])["date"] == "2024-06-27"
    assert {(r["kind"], r["base_version"], r["state"]) for r in ops.values()} == {("create", 0, "pending")}
    assert [h["action"] for h in s.history(many[1])] == ["create"]
    assert s.get("visit", many[1])["date"] == "2024-06-27"
    before = outbox(ws)
    with pytest.raises(ValidationError):
        s.create_many("visit", [dict(values), {**values, "enterprise_id": "no-such-id"}])
    with pytest.raises(ValidationError):
        s.create_many("visit", [dict(values), {**values, "form": "飞行"}])
    assert outbox(ws) == before and count(ws, "visit") == 3


def test_existing_records_keep_their_office_with_a_warning(ws: Workspace, tmp_path: Path) -> None:
    other = ws.store.create("office", {"name": "省政府驻北京办事处"})
    ws.store.create("enterprise", {"name": "甲公司"}, office_id=other)
    path = write_xlsx(
        tmp_path / "e.xlsx",
        ENTERPRISES.headers,
        [
            enterprise_row("甲公司", 所属行业="电子信息", 联系人="王经理", 职务="经理"),
            enterprise_row("甲公司", 联系人="王经理", 电子邮箱="wang@example.com"),
            enterprise_row("甲公司", 联系电话="13800138000"),
        ],
    )
    report = import_sheet(ws.store, "企业", path)
    assert report.ok
    assert report.count("联系人").created == 1 and report.count("联系人").updated == 1
    text = report.summary()
    assert "第2行：企业“甲公司”属于办事处“省政府驻北京办事处”，未改变其所属办事处" in text
    assert "第4行：未填写联系人姓名" in text
    assert ws.store.rows("SELECT office_id FROM enterprise")[0]["office_id"] == other
    contact = ws.store.rows("SELECT title, email, phone, office_id FROM contact")[0]
    assert contact == {"title": "经理", "email": "wang@example.com", "phone": None, "office_id": other}


def test_a_wrong_stored_dimension_does_not_hide_rows(ws: Workspace, tmp_path: Path) -> None:
    """Some generators write <dimension ref="A1"/>; every row must still be read."""
    good = write_xlsx(
        tmp_path / "good.xlsx",
        VISITS.headers,
        [visit_row("2024-06-26", "甲公司"), visit_row("2024-06-27", "乙公司")],
    )
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', data)
            dst.writestr(item, data)
    report = import_sheet(ws.store, "走访", bad)
    assert report.rows == 2 and report.count("走访").created == 2


def test_an_extra_shared_column_does_not_make_it_another_kind(ws: Workspace, tmp_path: Path) -> None:
    headers = [*EVENTS.headers, "企业名称"]
    rows = [[None, "2024-06-26", "川沪新能源推介会", "推介会", "上海", OFFICE, "甲公司"]]
    report = import_sheet(ws.store, "推介会", write_xlsx(tmp_path / "e.xlsx", headers, rows))
    assert report.ok and report.count("推介会").created == 1
    assert "忽略无法识别的列 企业名称" in report.summary()


def test_a_new_enterprise_named_like_an_existing_one_is_flagged(ws: Workspace, tmp_path: Path) -> None:
    ws.store.create("enterprise", {"name": "上海创明新能源科技有限公司"})
    path = write_xlsx(tmp_path / "v.xlsx", VISITS.headers, [visit_row("2024-06-26", "创明新能源科技")])
    report = import_sheet(ws.store, "走访", path, dry_run=True)
    assert report.count("企业").created == 1
    assert "第2行：新建企业“创明新能源科技”与已有企业“上海创明新能源科技有限公司”名称相近" in report.summary()
