"""Exchange-format rules through the CLI: ambiguous rows, title rows, lost credit-code digits, damaged
files, implausible amounts, 记录编号 of unknown and deleted records, and the ledgers' name lists."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from zsdesk.cli import main
from zsdesk.domain.creditcode import check_character
from zsdesk.services.context import Workspace
from zsdesk.services.excel_formats import FORMATS, PROJECTS, TRIPS, VISITS, ExcelError, SheetFormat
from zsdesk.services.excel_import import import_sheet

OFFICE = "省政府驻上海办事处"


def code(org: str) -> str:
    body = "91310000" + org
    return body + check_character(body)


def row(fmt: SheetFormat, **cells: Any) -> list[Any]:
    return [cells.get(c.header) for c in fmt.columns]


def xlsx(path: Path, fmt: SheetFormat, rows: list[list[Any]], *, title: str | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(fmt.headers))
    ws.append(fmt.headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def visit(date: str, name: str, **cells: Any) -> list[Any]:
    return row(VISITS, 走访日期=date, 企业名称=name, 走访形式="上门拜访", 所属办事处=OFFICE, **cells)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code_ = main(args)
    out = capsys.readouterr()
    return code_, out.out, out.err


def count(ws: Workspace, table: str) -> int:
    return ws.store.rows(f"SELECT count(*) AS n FROM [{table}] WHERE deleted = 0")[0]["n"]


def test_rows_sharing_a_natural_key_without_id_are_reported_not_merged(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = xlsx(
        tmp_path / "v.xlsx",
        VISITS,
        [
            visit("2024-06-26", "甲公司", 带队领导="李局长"),
            visit("2024-06-27", "乙公司"),
            visit("2024-06-26", "甲公司", 带队领导="王处长"),
        ],
    )
    status, out, _ = run(["import", "走访", str(path), "--db", str(ws.path)], capsys)
    assert status == 1
    assert (
        "第4行：与第2行是同一条走访（走访日期、企业、办事处和走访形式相同，本行未填记录编号），无法区分，未合并"
        in out
    )
    assert count(ws, "visit") == 0
    # With --allow-partial the clear rows go in and the ambiguous one stays out: no leader is overwritten.
    status, out, _ = run(["import", "走访", str(path), "--db", str(ws.path), "--allow-partial"], capsys)
    assert count(ws, "visit") == 2
    assert ws.store.rows("SELECT leader FROM visit WHERE date = '2024-06-26'") == [{"leader": "李局长"}]


def test_a_row_matching_two_stored_records_is_ambiguous(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ent = ws.store.create("enterprise", {"name": "甲公司"})
    for leader in ("李局长", "王处长"):  # two visits on one day: same natural key
        ws.store.create(
            "visit", {"date": "2024-06-26", "enterprise_id": ent, "form": "上门拜访", "leader": leader}
        )
    path = xlsx(tmp_path / "v.xlsx", VISITS, [visit("2024-06-26", "甲公司", 带队领导="赵主任")])
    status, out, _ = run(["import", "走访", str(path), "--db", str(ws.path)], capsys)
    assert (
        status == 1
        and "第2行：库中有 2 条走访的走访日期、企业、办事处和走访形式与本行相同，无法确定更新哪一条" in out
    )
    assert sorted(r["leader"] for r in ws.store.rows("SELECT leader FROM visit")) == ["李局长", "王处长"]


def test_project_rows_of_one_project_must_agree(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = {"项目名称": "基地", "企业名称": "甲公司", "项目阶段": "会谈洽谈", "所属办事处": OFFICE}
    path = xlsx(
        tmp_path / "p.xlsx",
        PROJECTS,
        [row(PROJECTS, **base, **{"计划投资(亿元)": 5}), row(PROJECTS, **base, **{"计划投资(亿元)": 6})],
    )
    status, out, _ = run(["import", "项目", str(path), "--db", str(ws.path)], capsys)
    assert status == 1 and "第2、3行是同一项目（未填记录编号）但同一列填了不同内容" in out


def test_header_row_under_a_merged_title_is_found_and_said(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = xlsx(
        tmp_path / "v.xlsx",
        VISITS,
        [visit("2024-06-26", "甲公司"), visit("2024-02-30", "乙公司")],
        title="2024年上半年走访企业台账",
    )
    status, out, _ = run(["import", "走访", str(path), "--db", str(ws.path), "--allow-partial"], capsys)
    assert status == 1
    assert "第2行：表头在第2行，上方的 1 行视为标题，未导入" in out
    assert "第4行：走访日期“2024-02-30”无法识别" in out  # row numbers are the sheet's own
    assert count(ws, "visit") == 1


@pytest.mark.parametrize(
    "cell", [915101071318609000, 9.15101071318609e17, "9.15101071318609E+17", "915101071318609000"]
)
def test_a_credit_code_stored_as_a_number_says_digits_were_lost(
    cell: object, ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = xlsx(tmp_path / "v.xlsx", VISITS, [visit("2024-06-26", "甲公司", 统一社会信用代码=cell)])
    status, out, _ = run(["import", "走访", str(path), "--db", str(ws.path)], capsys)
    assert status == 1
    assert "被表格软件存成了数字，末尾几位已经丢失" in out
    assert "校验位" not in out and "应为“" not in out  # never a "correct" check character to copy


def test_a_sheet_cut_short_inside_a_valid_zip_is_a_chinese_message(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = xlsx(tmp_path / "good.xlsx", VISITS, [visit(f"2024-06-{d:02d}", "甲公司") for d in range(1, 29)])
    bad = tmp_path / "cut.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) * 2 // 3]  # the XML stops mid-element; the zip itself is fine
            dst.writestr(item, data)
    status, out, err = run(["import", "走访", str(bad), "--db", str(ws.path)], capsys)
    assert status == 2
    assert "内容不完整或已损坏" in err and "Traceback" not in err + out
    with pytest.raises(ExcelError, match="内容不完整或已损坏"):
        import_sheet(ws.store, "走访", bad)
    assert count(ws, "visit") == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "不是有效的 Excel .xlsx 文件"), (b"PK\x03\x04garbage", "已损坏")],
)
def test_other_damaged_files_are_chinese_messages(
    content: bytes, message: str, ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    status, _, err = run(["import", "项目", str(path), "--db", str(ws.path)], capsys)
    assert status == 2 and message in err and "Traceback" not in err


def test_an_amount_above_1000_yi_is_a_warning_with_its_row(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = {"企业名称": "甲公司", "项目阶段": "会谈洽谈", "所属办事处": OFFICE}
    path = xlsx(
        tmp_path / "p.xlsx",
        PROJECTS,
        [
            row(PROJECTS, 项目名称="小项目", **base, **{"计划投资(亿元)": 35}),
            row(PROJECTS, 项目名称="大项目", **base, **{"计划投资(亿元)": 3500}),
        ],
    )
    status, out, _ = run(["import", "项目", str(path), "--db", str(ws.path)], capsys)
    assert status == 0
    assert "第3行：计划投资3500亿元超过1000亿元" in out and "第2行：计划" not in out


def test_unknown_id_creates_that_record_and_a_deleted_one_is_skipped(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ent = ws.store.create("enterprise", {"name": "甲公司"})
    gone = ws.store.create("visit", {"date": "2024-06-01", "enterprise_id": ent, "form": "上门拜访"})
    ws.store.delete("visit", gone)
    new_id = "01900000-0000-7000-8000-000000000001"
    path = xlsx(
        tmp_path / "v.xlsx",
        VISITS,
        [visit("2024-06-26", "甲公司", 记录编号=new_id), visit("2024-06-01", "甲公司", 记录编号=gone)],
    )
    status, out, _ = run(["import", "走访", str(path), "--db", str(ws.path)], capsys)
    assert status == 0, out
    assert f"第3行：记录编号 {gone} 的走访已被删除，本行未导入" in out
    assert ws.store.get("visit", new_id)["date"] == "2024-06-26"
    assert ws.store.get("visit", gone, include_deleted=True)["deleted"]


def test_ledger_templates_have_the_domain_headers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = {
        "诉求": "记录编号 提出日期* 企业名称* 统一社会信用代码 诉求内容* 诉求类别 责任部门 办理时限 状态* 办理情况 办结日期 所属办事处*",
        "tasks": "记录编号 任务内容* 负责人* 截止日期* 关联企业 状态 完成日期 所属办事处*",
        "外出招商": "记录编号 带队领导* 职务 是否党政负责同志 出发日期* 返回日期 地点 走访企业 洽谈项目 签约项目 所属办事处*",
        "commissioners": "记录编号 企业名称* 统一社会信用代码 服务专员* 开始日期* 结束日期 职责 所属办事处*",
    }
    for kind, headers in expected.items():
        out = tmp_path / f"{kind}.xlsx"
        assert main(["template", kind, "--out", str(out)]) == 0
        assert " ".join(c.value for c in load_workbook(out).active[1]) == headers
    assert all(f.headers[0] == "记录编号" for f in FORMATS)


def test_trip_lists_name_enterprises_and_projects_and_unknown_names_are_errors(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = ws.store.create("enterprise", {"name": "甲公司", "credit_code": code("MA1FL0003")})
    b = ws.store.create("enterprise", {"name": "乙、丙联合公司"})  # a name containing the separator
    p = ws.store.create("project", {"name": "电池基地", "enterprise_id": a, "stage": "会谈洽谈"})
    cells = {
        "带队领导": "李副市长",
        "职务": "副市长",
        "是否党政负责同志": "是",
        "出发日期": dt.date(2024, 6, 25),
        "地点": "上海",
        "走访企业": "甲公司、乙、丙联合公司",
        "洽谈项目": "电池基地",
        "所属办事处": OFFICE,
    }
    path = xlsx(tmp_path / "t.xlsx", TRIPS, [row(TRIPS, **cells)])
    status, out, _ = run(["import", "外出招商", str(path), "--db", str(ws.path)], capsys)
    assert status == 0, out
    trip = ws.store.rows("SELECT * FROM trip")[0]
    assert trip["enterprise_ids"] == f'["{a}", "{b}"]' and trip["project_ids"] == f'["{p}"]'
    assert trip["party_leader"] == 1
    bad = xlsx(
        tmp_path / "t2.xlsx",
        TRIPS,
        [row(TRIPS, **{**cells, "出发日期": "2024-07-01", "走访企业": "甲公司、丁公司"})],
    )
    status, out, _ = run(["import", "trips", str(bad), "--db", str(ws.path)], capsys)
    assert status == 1 and "第2行：走访企业中的企业“丁公司”在库中不存在" in out


def test_a_credit_code_of_another_enterprise_is_refused_on_an_id_row(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from zsdesk.services.excel_formats import ENTERPRISES

    cc = code("MA1FL0003")
    ws.store.create("enterprise", {"name": "甲公司", "credit_code": cc})
    other = ws.store.create("enterprise", {"name": "乙公司"})
    path = xlsx(
        tmp_path / "e.xlsx",
        ENTERPRISES,
        [row(ENTERPRISES, 记录编号=other, 企业名称="乙公司", 统一社会信用代码=cc, 所属办事处=OFFICE)],
    )
    status, out, _ = run(["import", "企业", str(path), "--db", str(ws.path)], capsys)
    assert status == 1 and f"统一社会信用代码 {cc} 已属于企业“甲公司”" in out
    assert ws.store.get("enterprise", other)["credit_code"] is None


def test_export_to_a_missing_folder_is_a_chinese_message(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws.store.create("event", {"date": "2024-06-20", "name": "推介会", "kind": "推介会"})
    target = tmp_path / "没有的文件夹" / "e.xlsx"
    status, out, err = run(["export", "推介会", "--db", str(ws.path), "--out", str(target)], capsys)
    assert status == 2 and "保存位置" in err and "不存在" in err
    assert "Traceback" not in out + err and not target.exists()


def test_an_id_row_may_leave_required_cells_blank_but_a_new_record_may_not(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ent = ws.store.create("enterprise", {"name": "甲公司"})
    vid = ws.store.create("visit", {"date": "2024-06-26", "enterprise_id": ent, "form": "上门拜访"})
    fresh = "01900000-0000-7000-8000-0000000000aa"
    path = xlsx(
        tmp_path / "v.xlsx",
        VISITS,
        [row(VISITS, 记录编号=vid, 洽谈内容="补充纪要"), row(VISITS, 记录编号=fresh, 洽谈内容="新的一条")],
    )
    status, out, _ = run(["import", "走访", str(path), "--db", str(ws.path), "--allow-partial"], capsys)
    assert status == 1
    assert "第3行：走访日期为必填项；企业名称为必填项；走访形式为必填项；所属办事处为必填项" in out
    assert "第2行" not in out
    assert ws.store.get("visit", vid)["minutes"] == "补充纪要"


def test_a_trip_row_keeps_the_one_table_rules(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = ws.store.create("enterprise", {"name": "甲公司"})
    p = ws.store.create("project", {"name": "电池基地", "enterprise_id": a, "stage": "会谈洽谈"})
    cells = {"带队领导": "李副市长", "出发日期": "2024-06-25", "签约项目": "电池基地", "所属办事处": OFFICE}
    late = {**cells, "带队领导": "王副市长", "返回日期": "2024-06-20"}
    path = xlsx(tmp_path / "t.xlsx", TRIPS, [row(TRIPS, **cells), row(TRIPS, **late)])
    status, out, _ = run(["import", "外出招商", str(path), "--db", str(ws.path), "--allow-partial"], capsys)
    assert status == 1 and "第3行：返回日期（2024-06-20）不能早于出发日期（2024-06-25）" in out
    trip = ws.store.rows("SELECT project_ids, signed_project_ids FROM trip")
    assert trip == [{"project_ids": f'["{p}"]', "signed_project_ids": f'["{p}"]'}]  # signed ⊆ negotiated
