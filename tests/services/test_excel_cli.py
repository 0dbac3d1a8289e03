"""`zsdesk template|import|export` through `zsdesk.cli.main`: exit codes and Chinese messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from zsdesk.cli import main
from zsdesk.services.context import Workspace
from zsdesk.services.excel_formats import ENTERPRISES, VISITS

OFFICE = "省政府驻上海办事处"


def visits_file(path: Path, *rows: list[object]) -> Path:
    wb = Workbook()
    wb.active.append(VISITS.headers)
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def good(date: str, name: str) -> list[object]:
    return [None, date, name, None, "上门拜访", None, None, None, None, None, OFFICE]


def visit_count(ws: Workspace) -> int:
    return ws.store.rows("SELECT count(*) AS n FROM visit")[0]["n"]


def test_template_writes_the_headers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "企业模板.xlsx"
    assert main(["template", "enterprises", "--out", str(out)]) == 0
    assert "已生成企业表模板" in capsys.readouterr().out
    assert [c.value for c in load_workbook(out).active[1]] == ENTERPRISES.headers


def test_import_dry_run_then_real_then_export(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(ws.path)
    path = visits_file(tmp_path / "v.xlsx", good("2024-06-26", "甲公司"), good("2024/6/27", "乙公司"))
    assert main(["import", "走访", str(path), "--db", db, "--dry-run"]) == 0
    assert "试运行" in capsys.readouterr().out
    assert visit_count(ws) == 0
    assert main(["import", "visits", str(path), "--db", db]) == 0
    assert "走访：新增 2" in capsys.readouterr().out
    assert visit_count(ws) == 2
    out = tmp_path / "export.xlsx"
    assert main(["export", "走访", "--db", db, "--out", str(out)]) == 0
    assert "已导出走访 2 行" in capsys.readouterr().out
    assert load_workbook(out).active.max_row == 3


def test_bad_rows_exit_1_and_import_nothing(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = visits_file(tmp_path / "v.xlsx", good("2024-06-26", "甲公司"), good("2024-02-30", "乙公司"))
    assert main(["import", "走访", str(path), "--db", str(ws.path)]) == 1
    captured = capsys.readouterr()
    assert "第3行：走访日期“2024-02-30”无法识别" in captured.out
    assert "错误：文件中有 1 行数据有误" in captured.err
    assert visit_count(ws) == 0
    assert main(["import", "走访", str(path), "--db", str(ws.path), "--allow-partial"]) == 1
    assert visit_count(ws) == 1


def test_broken_file_and_unknown_kind_are_plain_chinese(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "notes.xlsx"
    broken.write_text("这不是 Excel 文件", encoding="utf-8")
    assert main(["import", "走访", str(broken), "--db", str(ws.path)]) == 2
    err = capsys.readouterr().err
    assert "不是有效的 Excel .xlsx 文件" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as exc:
        main(["export", "客户", "--db", str(ws.path), "--out", str(tmp_path / "x.xlsx")])
    assert exc.value.code == 2
    assert "未知的表类型“客户”" in capsys.readouterr().err
    assert main(["import", "走访", str(broken), "--db", str(tmp_path / "missing.db")]) == 2
    assert "不存在" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["template", "import", "export"])
def test_every_command_has_chinese_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    assert "KIND" in capsys.readouterr().out


def test_console_entry_point_runs_in_a_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "zsdesk.cli", "template", "推介会", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert out.exists()
