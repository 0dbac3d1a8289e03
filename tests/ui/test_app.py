"""Start-up, first run, settings, the job runner, dashboard, statistics, sync and Excel menus."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.sync import harness
from tests.ui.conftest import accept_and_wait, gui_never_writes, on_modal, type_chinese
from zsdesk.domain.errors import ValidationError
from zsdesk.domain.hlc import HybridClock
from zsdesk.services.context import Workspace, init_workspace
from zsdesk.services.progress import Cancelled
from zsdesk.ui import main as ui_main
from zsdesk.ui.context import UiContext
from zsdesk.ui.first_run import FirstRunDialog
from zsdesk.ui.jobs import describe_error
from zsdesk.ui.list_page import ListPage
from zsdesk.ui.main_window import MainWindow
from zsdesk.ui.pages.dashboard import DashboardPage
from zsdesk.ui.settings import Settings


def test_smoke_opens_the_window_and_exits_zero(ws: Workspace, settings: Settings, qtbot: Any) -> None:
    path = ws.path
    ws.close()
    assert ui_main.run(db=str(path), smoke=True, settings=settings) == 0


def test_smoke_on_missing_database_fails_with_chinese_message(
    tmp_path: Path, settings: Settings, qtbot: Any, capsys: Any
) -> None:
    assert ui_main.run(db=str(tmp_path / "nope.db"), smoke=True, settings=settings) == 2
    assert "不存在" in capsys.readouterr().err


def test_first_run_creates_office_database(tmp_path: Path, qtbot: Any) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.ui.pathEdit.setText(str(tmp_path / "new.db"))
    dialog.create()
    assert not dialog.ui.errorLabel.isHidden() and "办事处" in dialog.ui.errorLabel.text()
    type_chinese(dialog.ui.officeEdit, "省政府驻广州办事处")
    type_chinese(dialog.ui.officerEdit, "王五")
    dialog.create()
    assert dialog.choice == "create" and dialog.officer == "王五"
    with init_workspace(tmp_path / "new.db", office="省政府驻广州办事处") as ws:
        assert ws.store.rows("SELECT name FROM office")[0]["name"] == "省政府驻广州办事处"


def test_settings_restore_geometry_and_columns(ctx: UiContext, qtbot: Any, settings: Settings) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(700, 500)
    page: ListPage = window.show_page("visit")  # type: ignore[assignment]
    page.view.horizontalHeader().resizeSection(1, 333)
    window.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.size().width() == 700
    page2: ListPage = again.show_page("visit")  # type: ignore[assignment]
    assert page2.view.horizontalHeader().sectionSize(1) == 333
    reread = Settings(Path(settings._q.fileName()))
    assert reread.officer == "张三" and reread.stalled_days == 30


def test_job_runner_reports_progress_result_and_plain_chinese_errors(ctx: UiContext, qtbot: Any) -> None:
    results: list[Any] = []
    seen: list[float] = []

    def job(ws: Workspace, progress: Any, cancel: Any) -> str:
        assert threading.current_thread() is not threading.main_thread()
        for i in range(5):
            progress(i / 5, "处理中")
        return ws.store.rows("SELECT name FROM office")[0]["name"]  # its own connection

    ctx.jobs.run(job, results.append)
    ctx.jobs.pool.waitForDone(5000)
    qtbot.waitUntil(lambda: bool(results))
    assert results == ["省政府驻上海办事处"]
    errors: list[BaseException] = []
    ctx.jobs.run(
        lambda ws, p, c: (_ for _ in ()).throw(ValidationError({"x": "日期格式不正确"})),
        on_error=errors.append,
    )
    qtbot.waitUntil(lambda: bool(errors))
    assert describe_error(errors[0]) == "日期格式不正确"
    _ = seen


def test_job_runner_cancel_stops_the_job(ctx: UiContext, qtbot: Any) -> None:
    finished: list[Any] = []
    started = threading.Event()

    def slow(ws: Workspace, progress: Any, cancel: Any) -> str:
        started.set()
        for i in range(200):
            progress(i / 200, "")
            time.sleep(0.01)
        return "done"

    stop = ctx.jobs.run(slow, finished.append, write=True)
    assert started.wait(5)
    stop.set()
    ctx.jobs.wait(5000)
    qtbot.wait(50)
    assert finished == []
    with pytest.raises(Cancelled):
        from zsdesk.services.progress import Throttled

        Throttled(lambda f, t: None, lambda: True)(0.5)


def test_dashboard_lists_overdue_tasks_demands_stalled_projects(
    ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    s = ctx.ws.store
    s.create(
        "task",
        {"title": "报送材料", "assignee": "张三", "due_date": "2020-01-01", "enterprise_id": enterprise},
    )
    s.create("demand", {"enterprise_id": enterprise, "content": "用地指标", "due_date": "2020-01-01"})
    # Created (and last active) in 2020: creation is activity too, so the record is made by a 2020 clock.
    clock = s.clock
    s.clock = HybridClock("t", wall_ms=lambda: 1_577_836_800_000)
    s.create("project", {"name": "停滞的项目", "enterprise_id": enterprise, "last_activity": "2020-01-01"})
    s.clock = clock
    # Targets belong to a campaign (DOMAIN.md): one runs from before today to after the period.
    import datetime as dt

    from zsdesk.services.campaigns import add_preset

    add_preset(ctx.ws, start=dt.date.today() - dt.timedelta(days=40))
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitSignal(page.loaded, timeout=10000).wait()
    assert page.tasks.topLevelItem(0).text(1) == "报送材料"
    assert page.demands.topLevelItem(0).text(1) == "用地指标"
    assert page.stalled.topLevelItem(0).text(1) == "停滞的项目"
    assert "逾期 1" in page.summary.text()
    qtbot.waitUntil(lambda: len(page.charts) == 3, timeout=10000)  # figures arrive from a worker
    assert "走访目标企业不少于100家" in page.targets.text()

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert "报送材料" in window.show_reminder()


def test_stats_page_computes_and_drills_down(
    ctx: UiContext, qtbot: Any, enterprise: str, qtmodeltester: Any
) -> None:
    import datetime as dt

    from zsdesk.ui.pages.stats import StatsPage

    today = dt.date.today().isoformat()
    ctx.ws.store.create("visit", {"date": today, "enterprise_id": enterprise, "form": "上门拜访"})
    page = StatsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitSignal(page.computed, timeout=10000).wait()
    with qtbot.waitSignal(page.computed, timeout=10000):
        page.preset.setCurrentIndex(page.preset.findData("month"))
    total_row = page.table.rowCount() - 1
    assert page.table.item(total_row, 0).text() == "合计"
    assert page.table.item(total_row, 2).text() == "1"  # 拜访企业(户)
    with qtbot.waitSignal(page.drilled, timeout=10000):
        page.drill(total_row, 2)
    from PySide6.QtWidgets import QTableView

    model = page.last_drill.findChild(QTableView, "drillTable").model()
    assert model.rowCount() == 1
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "名称"
    page.last_drill.close()


def test_sync_page_shows_pending_and_conflicts(ctx: UiContext, qtbot: Any, enterprise: str) -> None:
    from zsdesk.ui.pages.sync import SyncPage

    ctx.ws.db.execute(
        "INSERT INTO conflict (id, table_name, row_id, field, local_value, server_value, base_value, resolved)"
        " VALUES ('c1', 'enterprise', ?, 'name', '\"本机名\"', '\"服务器名\"', '\"原名\"', 0)",
        [enterprise],
    )
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    assert f"待上传的修改：{ctx.ws.store.pending_ops()} 条" in page.status.text()
    assert page.conflicts_button.text() == "冲突 (1)"
    dialog = page.show_conflicts()
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 1).text() == "企业名称"
    assert "本机名" in dialog.table.item(0, 2).text() and "服务器名" in dialog.table.item(0, 3).text()
    dialog.close()


def test_excel_export_then_dry_run_import_report(
    ctx: UiContext, qtbot: Any, enterprise: str, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from zsdesk.ui import excel_actions

    window = QMainWindow()
    qtbot.addWidget(window)
    target = tmp_path / "企业.xlsx"
    excel_actions.export_excel(ctx, window, path=str(target), kind="企业")
    ctx.jobs.wait(10000)
    qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage(), timeout=5000)
    assert target.exists()
    summaries: list[str] = []

    def read(dialog: Any) -> None:
        from PySide6.QtWidgets import QPlainTextEdit

        summaries.append(dialog.findChild(QPlainTextEdit).toPlainText())
        dialog.reject()

    on_modal(read)
    excel_actions.import_excel(ctx, window, path=str(target), kind="企业")
    qtbot.waitUntil(lambda: bool(summaries), timeout=10000)
    assert "未写入" in summaries[0] or "试运行" in summaries[0]


def test_sync_page_syncs_with_a_live_server(
    ctx: UiContext, qtbot: Any, enterprise: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argon2 import PasswordHasher

    import zsdesk.server.auth as auth
    from zsdesk.ui.pages.sync import SyncPage

    monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))

    live = harness.start_server(f"sqlite:///{tmp_path / 'server.db'}")
    try:
        live.user("zhangsan", "officer", "省政府驻上海办事处")
        page = SyncPage(ctx)
        qtbot.addWidget(page)
        page.server.setText(live.url)
        page.user.setText("zhangsan")
        page.password.setText(harness.PASSWORD)
        with qtbot.waitSignal(page.synced, timeout=30000):
            page.sync()
        assert page.result.text().startswith("同步完成"), page.result.text()
        assert "待上传的修改：0 条" in page.status.text()
        assert ctx.settings.sync_server == live.url
    finally:
        live.stop()


def test_visit_report_and_weekly_report_preview_as_pdf(ctx: UiContext, qtbot: Any, enterprise: str) -> None:
    from zsdesk.ui import report_actions
    from zsdesk.ui.pages.visits import VisitsPage

    ctx.ws.store.create("visit", {"date": "2024-06-26", "enterprise_id": enterprise, "form": "上门拜访"})
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    shown: list[Any] = []
    report_actions.visit_report(ctx, page, page.current_id(), on_shown=shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert shown[0].doc.pageCount() >= 1
    shown[0].close()
    report_actions.weekly_report(ctx, page, "2024-W26", on_shown=shown.append)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20000)
    assert shown[1].doc.pageCount() >= 1
    shown[1].close()


def test_demo_flag_builds_the_demo_database_once(
    tmp_path: Path, settings: Settings, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "demo.db"
    monkeypatch.setattr(ui_main, "demo_db_path", lambda: target)
    assert ui_main.run(demo=True, smoke=True, settings=settings) == 0
    assert target.exists()
    assert ui_main.run(demo=True, smoke=True, settings=settings) == 0  # reused, not rebuilt


def test_first_start_without_database_asks_and_remembers(
    tmp_path: Path, settings: Settings, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ui_main, "default_db_path", lambda: tmp_path / "none.db")
    settings.db_path = ""

    def fill(dialog: Any) -> None:
        dialog.ui.pathEdit.setText(str(tmp_path / "office.db"))
        type_chinese(dialog.ui.officeEdit, "省政府驻厦门办事处")
        type_chinese(dialog.ui.officerEdit, "李四")
        dialog.create()

    on_modal(fill)
    path = ui_main.choose_database(settings, db=None, demo=False)
    assert path == tmp_path / "office.db" and path.exists()
    assert settings.officer == "李四"


def test_excel_import_confirmed_after_dry_run_writes_rows(ctx: UiContext, qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMainWindow, QPlainTextEdit, QPushButton

    from zsdesk.services.context import init_workspace
    from zsdesk.services.excel_export import export_sheet
    from zsdesk.ui import excel_actions

    source = tmp_path / "other.db"
    with init_workspace(source, office="省政府驻上海办事处", officer="王五") as other:
        other.store.create("enterprise", {"name": "成都新芯半导体有限公司", "industry": "电子信息"})
        export_sheet(other.store, "企业", tmp_path / "in.xlsx")
    window = QMainWindow()
    qtbot.addWidget(window)
    reports: list[str] = []

    def confirm(dialog: Any) -> None:
        reports.append(dialog.findChild(QPlainTextEdit).toPlainText())
        on_modal(close_result, delay=50)
        next(b for b in dialog.findChildren(QPushButton) if b.text() == "确认导入").click()

    def close_result(dialog: Any) -> None:
        reports.append(dialog.findChild(QPlainTextEdit).toPlainText())
        dialog.reject()

    on_modal(confirm)
    excel_actions.import_excel(ctx, window, path=str(tmp_path / "in.xlsx"), kind="企业")
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=20000)
    assert "未写入" in reports[0] or "试运行" in reports[0]
    assert "导入完成" in reports[1]
    assert ctx.ws.store.rows("SELECT name FROM enterprise")[0]["name"] == "成都新芯半导体有限公司"


def test_conflict_resolution_keeps_the_chosen_value(ctx: UiContext, qtbot: Any, enterprise: str) -> None:
    from zsdesk.ui.pages.sync import ConflictsDialog

    ctx.ws.db.execute(
        "INSERT INTO conflict (id, table_name, row_id, field, local_value, server_value, base_value, resolved)"
        " VALUES ('c1', 'enterprise', ?, 'short_name', '\"本机简称\"', '\"服务器简称\"', '\"原简称\"', 0)",
        [enterprise],
    )
    with gui_never_writes(ctx.ws):
        dialog = ConflictsDialog(ctx)
        qtbot.addWidget(dialog)
        assert dialog.table.rowCount() == 1
        dialog.table.selectRow(0)
        # A write op on the lane; the enterprise screens hear of the value it wrote (with its own SQL).
        with qtbot.waitSignal(ctx.changes.changed, check_params_cb=lambda t: {"enterprise", "conflict"} <= t):
            dialog.resolve("server")
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
    assert ctx.ws.store.get("enterprise", enterprise)["short_name"] == "服务器简称"


def test_progress_dialog_appears_after_delay_and_cancel_works(ctx: UiContext, qtbot: Any) -> None:
    from PySide6.QtWidgets import QProgressDialog, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    finished: list[Any] = []

    def slow(ws: Workspace, progress: Any, cancel: Any) -> str:
        for i in range(400):
            progress(i / 400, f"第 {i} 步")
            time.sleep(0.01)
        return "done"

    ctx.jobs.run(slow, finished.append, title="长任务", parent=parent, write=True)
    dialog = parent.findChild(QProgressDialog)
    qtbot.wait(200)
    assert not dialog.isVisible()  # quick jobs never flash a dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    from PySide6.QtWidgets import QPushButton

    next(b for b in dialog.findChildren(QPushButton) if b.text() == "取消").click()
    ctx.jobs.wait(5000)

    qtbot.wait(50)
    assert finished == []


def test_help_menu_opens_diagnostics(ctx: UiContext, qtbot: Any) -> None:
    from zsdesk.ui.diagnostics_dialog import DiagnosticsDialog

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.diagnostics()
    dialog = window.findChild(DiagnosticsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_attachment_synced_from_elsewhere_is_downloaded_when_opened(
    ctx: UiContext, qtbot: Any, enterprise: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argon2 import PasswordHasher
    from PySide6.QtGui import QImage

    import zsdesk.server.auth as auth
    from zsdesk.services.sync import sync_now
    from zsdesk.ui import visit_dialog
    from zsdesk.ui.visit_dialog import VisitDialog

    monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    opened: list[str] = []
    monkeypatch.setattr(visit_dialog, "open_url", lambda url: opened.append(url.toLocalFile()) or True)
    live = harness.start_server(f"sqlite:///{tmp_path / 'server.db'}")
    try:
        live.user("zhangsan", "officer", "省政府驻上海办事处")
        photo = tmp_path / "名片.png"
        image = QImage(40, 30, QImage.Format.Format_RGB32)
        image.fill(0x3366CC)
        image.save(str(photo))
        dialog = VisitDialog(ctx.ws, ctx=ctx)
        qtbot.addWidget(dialog)
        dialog.picker.set_enterprise(enterprise)
        dialog.add_files([photo])
        accept_and_wait(qtbot, dialog)
        sync_now(ctx.ws, server=live.url, username="zhangsan", password=harness.PASSWORD)
        ctx.settings.sync_server, ctx.settings.sync_user = live.url, "zhangsan"
        with ctx.ws.db.atomic():  # as on a laptop that pulled the record but not yet the bytes
            ctx.ws.db.execute("DELETE FROM blob")
        edit = VisitDialog(ctx.ws, visit_id=dialog.saved_id, ctx=ctx)
        qtbot.addWidget(edit)
        edit.open_attachment(edit.ui.attachList.item(0))
        qtbot.waitUntil(lambda: bool(opened), timeout=20000)
        assert Path(opened[0]).read_bytes() == photo.read_bytes()
        assert ctx.ws.store.rows("SELECT count(*) AS n FROM blob")[0]["n"] == 1  # kept for offline use
    finally:
        live.stop()


def test_stats_page_keeps_a_typed_note_and_follows_the_campaign(
    ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    import datetime as dt

    from zsdesk.services.campaigns import add_campaign
    from zsdesk.services.stats import sheet_for
    from zsdesk.ui.pages.stats import StatsPage

    today = dt.date.today()
    ctx.ws.store.create("visit", {"date": today.isoformat(), "enterprise_id": enterprise, "form": "上门拜访"})
    add_campaign(
        ctx.ws,
        name="冬季攻坚",
        start=today - dt.timedelta(days=20),
        end=today + dt.timedelta(days=30),
        visits=50,
    )
    page = StatsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitSignal(page.computed, timeout=10000).wait()
    # The running campaign is chosen: its title, figures from its start, its targets.
    assert page.campaign.currentText() == "冬季攻坚" and page.title.text() == "冬季攻坚情况统计表"
    assert page.sheet.date_from == today - dt.timedelta(days=20)
    assert "走访目标企业（家） 1/50（进行中）" in page.targets.text()
    headers = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    assert headers[0] == "单位" and headers[-1] == "备注"  # the fixture's unit is an office, not a 市州
    with qtbot.waitSignal(page.note_saved, timeout=10000):
        page.table.item(0, page.table.columnCount() - 1).setText("含走访外省企业")
    kept = sheet_for(ctx.ws, date_from=page.sheet.date_from, date_to=page.sheet.date_to)
    assert kept.rows[0].note == "含走访外省企业"
    # Without a campaign: the plain title and no targets.
    with qtbot.waitSignal(page.computed, timeout=10000):
        page.campaign.setCurrentIndex(0)
    assert page.title.text() == "招商引资工作情况统计表" and "目标进度" not in page.targets.text()


def test_the_ledgers_are_offered_and_exported_from_the_gui(
    ctx: UiContext, qtbot: Any, enterprise: str, tmp_path: Path
) -> None:
    import openpyxl
    from PySide6.QtWidgets import QMainWindow

    from zsdesk.ui import excel_actions

    assert {"诉求", "任务", "外出招商", "服务专员"} <= set(excel_actions.KINDS)
    ctx.ws.store.create(
        "demand", {"enterprise_id": enterprise, "content": "用地指标", "raised_date": "2026-11-30"}
    )
    window = QMainWindow()
    qtbot.addWidget(window)
    target = tmp_path / "诉求台账.xlsx"
    excel_actions.export_excel(ctx, window, path=str(target), kind="诉求")
    ctx.jobs.wait(10000)
    qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage(), timeout=5000)
    sheet = openpyxl.load_workbook(target).worksheets[0]
    rows = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    header = next(r for r in rows if "记录编号" in r)
    assert header[:3] == ["记录编号", "提出日期*", "企业名称*"]
    assert any("用地指标" in r for r in rows)
