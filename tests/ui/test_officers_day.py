"""The officer's day: nothing typed is lost, one write path with one undo, complete demands and
tasks from the visit form, the dashboard of today's work."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from tests.ui.conftest import accept_and_wait, answer, on_modal, type_chinese
from zsdesk.services import drafts
from zsdesk.services.dashboard import load_dashboard, reminders
from zsdesk.ui.context import UiContext
from zsdesk.ui.dates import parse_date
from zsdesk.ui.pages.dashboard import DashboardPage, period_text
from zsdesk.ui.pages.followups import TasksPage
from zsdesk.ui.visit_dialog import VisitDialog

ROOT = Path(__file__).resolve().parents[2]


def test_esc_on_a_visit_with_minutes_asks_and_no_keeps_it_open(ctx: UiContext, qtbot: Any) -> None:
    dialog = VisitDialog(ctx.ws, ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_chinese(dialog.ui.minutesEdit, "洽谈了电池项目的用地需求")
    asked: list[str] = []
    on_modal(answer(asked, "否"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.ui.minutesEdit.toPlainText() == "洽谈了电池项目的用地需求"
    assert "放弃" in asked[0] and "是(Y)/否(N)" in asked[0].replace("&", "")
    on_modal(answer(asked, "是"))
    dialog.close()  # the window's close button goes the same way
    assert not dialog.isVisible() and len(asked) == 2


def test_esc_on_an_empty_visit_closes_without_asking(ctx: UiContext, qtbot: Any) -> None:
    dialog = VisitDialog(ctx.ws, ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_crash_while_typing_keeps_the_draft_and_the_next_open_offers_it(
    ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    # A separate process types a visit and dies without closing anything (as in a power cut).
    script = textwrap.dedent(f"""
        import os, sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from tests.ui.conftest import type_chinese
        from zsdesk.services.context import open_workspace
        from zsdesk.services import drafts
        from zsdesk.ui.context import Changes, UiContext
        from zsdesk.ui.jobs import JobRunner
        from zsdesk.ui.settings import Settings
        from zsdesk.ui.visit_dialog import VisitDialog
        ws = open_workspace({str(ctx.ws.path)!r})
        jobs = JobRunner(); jobs.db_path = ws.path
        ctx = UiContext(ws, Settings({str(ctx.ws.path.parent / "crash.ini")!r}), jobs, Changes())
        dialog = VisitDialog(ws, ctx=ctx); dialog.show()
        dialog.picker.set_enterprise({enterprise!r})
        type_chinese(dialog.ui.minutesEdit, "停电前写下的洽谈内容")
        dialog.ui.demandsEdit.setPlainText("人才公寓")
        while drafts.find(ws, "visit:new") is None or "停电前" not in drafts.find(ws, "visit:new")[0]["minutesEdit"]:
            app.processEvents()
        os._exit(9)
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], env=env, timeout=60, capture_output=True, text=True)
    assert done.returncode == 9, done.stderr[-2000:]
    dialog = VisitDialog(ctx.ws, ctx=ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.guard.banner.isHidden())  # the draft is looked up off the GUI thread
    assert dialog.ui.minutesEdit.toPlainText() == ""
    dialog.guard.banner.findChild(type(dialog.ui.newEnterpriseButton), "restoreDraft").click()
    assert dialog.ui.minutesEdit.toPlainText() == "停电前写下的洽谈内容"
    assert dialog.picker.enterprise_id() == enterprise
    accept_and_wait(qtbot, dialog)
    assert dialog.saved_id
    assert drafts.find(ctx.ws, "visit:new") is None  # saved: the draft went in the same transaction
    visit = ctx.ws.store.get("visit", dialog.saved_id)
    assert visit["minutes"] == "停电前写下的洽谈内容"


def test_a_visits_demand_gets_category_department_and_deadline_and_reaches_the_dashboard(
    ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    dialog = VisitDialog(ctx.ws, ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.picker.set_enterprise(enterprise)
    dialog.ui.demandsEdit.setPlainText("解决新厂房用地指标")
    dialog.ui.nextStepsEdit.setPlainText("约见自然资源局")
    rows = dialog.demand_rows.details()
    today = date.today()
    assert rows == [{"category": "用地", "department": "自然资源厅",
                     "due_date": (today + timedelta(days=30)).isoformat()}]  # fmt: skip
    # The officer changes the task's owner and date in the row (keyboard: the cells are editable).
    dialog.ui.taskTable.item(0, 1).setText("李四")
    dialog.ui.taskTable.item(0, 2).setText("12-31")
    accept_and_wait(qtbot, dialog)
    task = ctx.ws.store.rows("SELECT assignee, due_date FROM task")[0]
    assert task == {"assignee": "李四", "due_date": f"{today.year}-12-31"}
    page = DashboardPage(ctx, autoload=False)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.start_loading()
    top = page.demands.topLevelItem(0)
    assert top.text(1) == "解决新厂房用地指标"
    assert top.text(0) == (today + timedelta(days=30)).isoformat() and top.text(2) == "自然资源厅"


def test_deleting_three_rows_is_one_transaction_and_one_undo(ctx: UiContext, qtbot: Any) -> None:
    for title in ("甲", "乙", "丙"):
        ctx.ws.store.create("task", {"title": title, "assignee": "张三", "due_date": "2026-01-01"})
    page = TasksPage(ctx)
    qtbot.addWidget(page)
    page.view.selectAll()
    page.delete_selected()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert len(ctx.deleted) == 1
    undone: list[str | None] = []
    assert ctx.undo_delete(undone.append) is not None
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)  # one Ctrl+Z: all three back
    assert undone and "3" in (undone[0] or "")
    assert ctx.deleted == []


def test_team_lead_sees_the_teams_overdue_tasks(ctx: UiContext, qtbot: Any) -> None:
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    ctx.ws.store.create("task", {"title": "回访宁德时代", "assignee": "李四", "due_date": yesterday})
    ctx.ws.store.create("task", {"title": "报送周报", "assignee": "张三", "due_date": yesterday})
    ctx.ws.store.create("task", {"title": "下月走访", "assignee": "王五", "due_date": "2099-01-01"})
    officer = load_dashboard(ctx.ws, officer="张三")
    assert officer.team_overdue == [] and [t["title"] for t in officer.tasks] == ["报送周报"]
    ctx.settings.team_lead = True
    page = DashboardPage(ctx, autoload=False)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.start_loading()
    assert not page.boxes["team"].isHidden()
    rows = [(page.team.topLevelItem(i).text(1), page.team.topLevelItem(i).text(2))
            for i in range(page.team.topLevelItemCount())]  # fmt: skip
    assert rows == [("回访宁德时代", "李四")]


def test_reminders_name_what_falls_due_once_each() -> None:
    from zsdesk.services.dashboard import Dashboard

    data = Dashboard(today="2026-12-08", tasks=[{"id": "t1", "title": "回访", "due_date": "2026-12-08"}],
                     demands=[{"id": "d1", "content": "用地", "due_date": "2026-12-09"}], report_date="2026-12-10")  # fmt: skip
    keys = [k for k, _ in reminders(data)]
    assert keys == ["task:t1:2026-12-08", "report:2026-12-10"]
    quiet = Dashboard(today="2026-12-01", report_date="2026-12-10")
    assert reminders(quiet) == []


def test_one_date_editor_reads_what_officers_type() -> None:
    today = date(2026, 3, 1)
    assert parse_date("20261205", today=today) == "2026-12-05"
    assert parse_date("2026-12-5", today=today) == "2026-12-05"
    assert parse_date("12-5", today=today) == "2026-12-05"
    assert parse_date("2026年12月5日", today=today) == "2026-12-05"
    assert parse_date("2026-02-30", today=today) == ""
    assert period_text("2026-11-30", "2026-12-06") == "11月30日至12月6日"


def test_a_demands_category_and_department_are_guessed_from_its_words() -> None:
    from zsdesk.services.demo_vocab import DEMAND_TEXTS
    from zsdesk.services.visits import demand_defaults

    for category, (text, department) in DEMAND_TEXTS.items():
        guessed = demand_defaults(text, "2026-12-06")
        assert (guessed["category"], guessed["department"]) == (category, department), text
    assert demand_defaults("请帮忙联系一下", "2026-12-06") == {
        "category": "其他",
        "department": "",
        "due_date": "2026-12-21",
    }


def test_the_weekly_report_is_picked_by_a_date_and_shows_its_week(qtbot: Any) -> None:
    from zsdesk.ui.report_actions import ask_week

    seen: list[str] = []

    def pick(dialog: Any) -> None:
        seen.append(dialog.findChild(QLabel, "weekSpan").text())
        dialog.findChild(QLineEdit, "weekDate").setText("20261201")
        seen.append(dialog.findChild(QLabel, "weekSpan").text())
        dialog.accept()

    on_modal(pick)
    assert ask_week(None, today=date(2026, 12, 3)) == date(2026, 12, 1)
    assert seen == ["11月30日至12月6日", "11月30日至12月6日"]


def test_handling_a_demand_with_a_bad_date_saves_nothing(ctx: UiContext, enterprise: str) -> None:
    from zsdesk.domain.errors import ValidationError
    from zsdesk.services import records

    did = ctx.ws.store.create("demand", {"enterprise_id": enterprise, "content": "用地", "status": "待办"})
    try:
        records.handle_demand(
            ctx.ws, did, {"status": "办理中", "due_date": "明天", "department": "自然资源厅"}
        )
    except ValidationError as exc:
        assert "due_date" in exc.errors
    else:
        raise AssertionError("a bad date must be refused")
    demand = ctx.ws.store.get("demand", did)
    assert demand["status"] == "待办" and not demand["department"]


def test_saving_a_closed_demand_again_keeps_its_closing_date(ctx: UiContext, enterprise: str) -> None:
    from zsdesk.services import records

    did = ctx.ws.store.create("demand", {"enterprise_id": enterprise, "content": "用地", "status": "待办"})
    records.handle_demand(ctx.ws, did, {"status": "已解决", "response": "已协调"}, today="2026-11-02")
    records.handle_demand(
        ctx.ws, did, {"status": "已解决", "response": "已协调，补充说明"}, today="2026-12-06"
    )
    assert ctx.ws.store.get("demand", did)["closed_date"] == "2026-11-02"
    records.handle_demand(ctx.ws, did, {"status": "办理中"}, today="2026-12-06")
    assert ctx.ws.store.get("demand", did)["closed_date"] is None


def test_background_writes_carry_the_renamed_officer(ctx: UiContext, qtbot: Any) -> None:
    from zsdesk.services import records

    ctx.settings.officer = "李四"  # renamed after the start (设置 → 使用人姓名)
    made: list[str] = []
    ctx.write(lambda ws: records.create(ws, "task", {"title": "回访"}), made.append)
    qtbot.waitUntil(lambda: bool(made))
    assert ctx.ws.store.get("task", made[0])["updated_by"] == "李四"


def test_a_failed_background_job_is_logged_and_a_failed_list_query_says_so(
    ctx: UiContext, qtbot: Any, caplog: Any, monkeypatch: Any
) -> None:
    import logging

    from zsdesk.ui import table_model

    errors: list[BaseException] = []
    with caplog.at_level(logging.WARNING, logger="zsdesk.jobs"):
        ctx.jobs.run(lambda ws, p, c: 1 / 0, on_error=errors.append)
        qtbot.waitUntil(lambda: bool(errors))
    assert "ZeroDivisionError" in caplog.text

    monkeypatch.setattr(table_model, "ASYNC_ROWS", -1)  # every list queries on a worker
    page = TasksPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.model.busy)
    monkeypatch.setattr(table_model.listing, "list_rowids", lambda *a, **k: 1 / 0)
    page.refresh()
    qtbot.waitUntil(lambda: not page.model.busy)
    assert page.count.text().startswith("查询失败")


def test_statistics_say_they_are_stale_after_an_edit(ctx: UiContext, qtbot: Any, enterprise: str) -> None:
    from zsdesk.services import records
    from zsdesk.ui.pages.stats import StatsPage

    page = StatsPage(ctx)
    qtbot.addWidget(page)
    page.compute()
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10000)
    assert page.compute_button.text() == "计算"
    done: list[str] = []
    ctx.write(lambda ws: records.create(ws, "visit", {"date": "2026-12-01", "enterprise_id": enterprise,
                                                      "form": "上门拜访"}), done.append)  # fmt: skip
    qtbot.waitUntil(lambda: bool(done))
    assert "已变更" in page.compute_button.text()
    page.compute()
    assert page.compute_button.text() == "计算"


def test_the_tray_reminds_of_each_due_thing_once(ctx: UiContext, qtbot: Any) -> None:
    from zsdesk.services.dashboard import Dashboard
    from zsdesk.ui.main_window import MainWindow

    window = MainWindow(ctx, load_data=False)
    qtbot.addWidget(window)
    today = date.today().isoformat()
    dashboard = window.pages["dashboard"]
    dashboard.data = Dashboard(today=today, report_date="2099-01-01",  # type: ignore[attr-defined]
                               tasks=[{"id": "t1", "title": "回访宁德时代", "due_date": today}])  # fmt: skip
    assert window._remind() == ["任务今天到期：回访宁德时代"]
    assert window._remind() == []  # once each
    dashboard.data = Dashboard(today=today, report_date="2099-01-01")  # type: ignore[attr-defined]
    assert window._remind() == []  # quiet when nothing is due


def test_every_record_dialog_date_field_is_the_one_date_editor(qtbot: Any) -> None:
    from zsdesk.domain.records import field_specs
    from zsdesk.ui.dates import DateEdit
    from zsdesk.ui.fields import get_value, make_editor

    for table, name in (
        ("task", "due_date"),
        ("demand", "due_date"),
        ("visit", "date"),
        ("project", "signed_date"),
    ):
        editor = make_editor(field_specs(table)[name])
        qtbot.addWidget(editor)
        assert isinstance(editor, DateEdit), (table, name)
        editor.setText("20261205")
        assert get_value(editor) == "2026-12-05"
        editor.setText("2026-12-5")
        assert get_value(editor) == "2026-12-05"
