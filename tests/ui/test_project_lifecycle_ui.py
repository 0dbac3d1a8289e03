"""The 项目 screen's doors to the stage/date rule: 推进到 dialog, edit dialog, the notice for old data,
the 1,000 亿元 confirmation; and the enterprise form refusing a credit code that exists."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QFormLayout, QInputDialog, QMessageBox, QTreeWidget

from tests.ui.conftest import accept_and_wait, on_modal, type_chinese
from zsdesk.services import workflow
from zsdesk.ui.context import UiContext
from zsdesk.ui.pages.enterprises import EnterprisesPage
from zsdesk.ui.pages.projects import ProjectsPage


def _label(dialog: Any, name: str) -> str:
    widget = dialog.widgets[name]
    layout = widget.parentWidget().layout()
    assert isinstance(layout, QFormLayout)
    return layout.labelForField(widget).text()


def _signed(ctx: UiContext, enterprise: str) -> str:
    return workflow.save_project(
        ctx.ws,
        None,
        {"name": "电池项目", "enterprise_id": enterprise, "stage": "签约落地", "signed_date": "2025-03-10",
         "signed_wan": "6"},
    )  # fmt: skip


def test_advancing_to_construction_asks_its_start_date_and_refuses_one_before_signing(
    ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    pid = _signed(ctx, enterprise)
    page = ProjectsPage(ctx)
    qtbot.addWidget(page)
    seen: dict[str, Any] = {}

    def fill(dialog: Any) -> None:
        seen["title"] = dialog.windowTitle()
        seen["first"] = next(iter(dialog.widgets))
        seen["label"] = _label(dialog, "started_date")
        seen["landed"] = "landed_date" in dialog.widgets
        dialog.widgets["started_date"].setText("2025-02-01")
        accept_and_wait(qtbot, dialog)
        seen["error"] = dialog.errors.message("started_date")
        seen["open"] = dialog.isVisible()
        dialog.widgets["started_date"].setText("2025-04-01")
        dialog.accept()

    on_modal(fill)
    page.advance(pid)
    assert seen["title"] == "推进到“开工建设”" and seen["first"] == "started_date"
    assert seen["label"].startswith("开工日期") and not seen["landed"]
    assert seen["error"] == "签约日期（2025-03-10）不能晚于开工日期（2025-02-01）" and seen["open"]
    project = ctx.ws.store.get("project", pid)
    assert (project["stage"], project["started_date"], project["landed_date"]) == (
        "开工建设",
        "2025-04-01",
        None,
    )
    assert [h["to_stage"] for h in workflow.stage_history(ctx.ws, pid)] == ["开工建设"]


def test_edit_dialog_stage_change_needs_its_date_and_writes_history(
    ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    pid = _signed(ctx, enterprise)
    page = ProjectsPage(ctx)
    qtbot.addWidget(page)
    seen: dict[str, str] = {}

    def fill(dialog: Any) -> None:
        dialog.widgets["stage"].setCurrentIndex(dialog.widgets["stage"].findData("投产达产"))
        accept_and_wait(qtbot, dialog)
        seen["started"] = dialog.errors.message("started_date")
        seen["production"] = dialog.errors.message("production_date")
        dialog.widgets["started_date"].setText("2025-04-01")
        dialog.widgets["production_date"].setText("2025-10-01")
        dialog.accept()

    on_modal(fill)
    page.edit_id(pid)
    assert seen == {
        "started": "项目阶段为“投产达产”，须填写开工日期",
        "production": "项目阶段为“投产达产”，须填写投产日期",
    }
    history = workflow.stage_history(ctx.ws, pid)
    assert [(h["from_stage"], h["to_stage"], h["date"]) for h in history] == [
        ("签约落地", "投产达产", "2025-10-01")
    ]


def test_edit_dialog_moving_back_asks_for_the_reason(ctx: UiContext, qtbot: Any, enterprise: str) -> None:
    pid = _signed(ctx, enterprise)
    page = ProjectsPage(ctx)
    qtbot.addWidget(page)

    def fill(dialog: Any) -> None:
        dialog.widgets["stage"].setCurrentIndex(dialog.widgets["stage"].findData("会谈洽谈"))
        on_modal(give_reason)
        dialog.accept()

    def give_reason(box: Any) -> None:
        assert isinstance(box, QInputDialog) and "退回" in box.labelText()
        box.setTextValue("合同被对方撤回")
        box.accept()

    on_modal(fill)
    page.edit_id(pid)
    (history,) = workflow.stage_history(ctx.ws, pid)
    assert (history["to_stage"], history["note"]) == ("会谈洽谈", "合同被对方撤回")


def test_projects_screen_notices_old_projects_whose_dates_disagree(
    ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    bad = ctx.ws.store.create(
        "project", {"name": "旧数据项目", "enterprise_id": enterprise, "stage": "开工建设"}
    )
    page = ProjectsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.notice.isVisible, timeout=5000)
    assert "1 个项目的阶段与日期不一致" in page.notice.text()
    rows: list[str] = []

    def read(dialog: Any) -> None:
        tree = dialog.findChild(QTreeWidget)
        rows.extend(tree.topLevelItem(i).text(3) for i in range(tree.topLevelItemCount()))
        dialog.accept()

    on_modal(read)
    page.show_inconsistent()
    assert rows == ["项目阶段为“开工建设”，须填写签约日期、签约金额、开工日期"]
    assert ctx.ws.store.get("project", bad)["stage"] == "开工建设"  # listed, not changed


def test_an_amount_over_1000_yi_asks_before_saving(ctx: UiContext, qtbot: Any, enterprise: str) -> None:
    page = ProjectsPage(ctx)
    qtbot.addWidget(page)
    seen: list[str] = []

    def fill(dialog: Any) -> None:
        type_chinese(dialog.widgets["name"], "万元项目")
        dialog.widgets["enterprise_id"].set_enterprise(enterprise)
        dialog.widgets["planned_wan"].setText("3500")
        on_modal(lambda box: answer(box, QMessageBox.StandardButton.No))
        accept_and_wait(qtbot, dialog)
        seen.append(dialog.errors.message("planned_wan"))
        on_modal(lambda box: answer(box, QMessageBox.StandardButton.Yes))
        dialog.accept()

    def answer(box: Any, button: QMessageBox.StandardButton) -> None:
        seen.append(box.text())
        box.button(button).click()

    on_modal(fill)
    page.create()
    assert "计划投资3500亿元超过1000亿元" in seen[0]
    assert "请核对金额单位" in seen[1]
    assert ctx.ws.store.rows("SELECT planned_wan FROM project") == [{"planned_wan": 35_000_000}]


def test_new_enterprise_with_an_existing_code_opens_the_existing_one(
    ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    code = "91350100M000100Y43"
    ctx.ws.store.update("enterprise", enterprise, {"credit_code": code})
    page = EnterprisesPage(ctx)
    qtbot.addWidget(page)
    seen: list[str] = []

    def fill(dialog: Any) -> None:
        type_chinese(dialog.widgets["name"], "福建某某科技")
        dialog.widgets["credit_code"].setText(code)
        dialog.widgets["address"].setText("福州市鼓楼区")
        on_modal(choose)
        dialog.accept()

    def choose(box: Any) -> None:
        seen.append(box.objectName())
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == "把填写的信息并入已有企业").click()

    on_modal(fill)
    page.create()
    assert seen[0] == "codeTaken" and "上海创明新能源科技有限公司" in seen[1]
    assert ctx.ws.db.execute("SELECT count(*) FROM enterprise").fetchone()[0] == 1
    assert ctx.ws.store.get("enterprise", enterprise)["address"] == "福州市鼓楼区"  # merged in


def test_the_rule_speaks_english_in_the_english_build(english: Any) -> None:
    from zsdesk.domain import lifecycle
    from zsdesk.ui.domain_text import error_text

    (listed,) = lifecycle.summary({"stage": "开工建设"})
    assert (
        error_text(listed)
        == "A project at stage “Under construction” needs Signing date, Signed (100M yuan), Construction start"
    )
    order = lifecycle.problems(
        {"stage": "开工建设", "signed_date": "2025-05-01", "signed_wan": 1, "started_date": "2025-03-01"}
    )
    assert (
        error_text(order["started_date"])
        == "Signing date (2025-05-01) cannot be later than Construction start (2025-03-01)"
    )


def test_giving_an_enterprise_another_ones_code_offers_a_merge(
    ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    from zsdesk.ui.pages.enterprises import EnterpriseDetail

    code = "91350100M000100Y43"
    ctx.ws.store.update("enterprise", enterprise, {"credit_code": code})
    other = ctx.ws.store.create("enterprise", {"name": "创明新能源"})
    ctx.ws.store.create("visit", {"date": "2024-06-01", "enterprise_id": other, "form": "上门拜访"})
    page = EnterprisesPage(ctx)
    qtbot.addWidget(page)
    detail = EnterpriseDetail(page, other)
    qtbot.addWidget(detail)
    opened: list[str] = []

    def choose(box: Any) -> None:
        on_modal(lambda shown: (opened.append(shown.windowTitle()), shown.accept()))
        next(b for b in box.buttons() if b.text() == "合并到已有企业").click()

    on_modal(choose)
    detail.form.widgets["credit_code"].setText(code)
    detail.form.accept()  # saved on the write lane: the refusal comes back from there
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened == ["上海创明新能源科技有限公司"]  # taken to the existing enterprise
    # The merge commits on the write lane; its undo entry arrives on the GUI thread just after.
    qtbot.waitUntil(lambda: bool(page.last_merge), timeout=5000)
    assert ctx.ws.store.get("enterprise", other, include_deleted=True)["deleted"]
    assert ctx.ws.store.rows("SELECT enterprise_id FROM visit") == [{"enterprise_id": enterprise}]
    assert page.undo_last_merge()  # the merge is undoable like any other
    qtbot.waitUntil(lambda: not ctx.ws.store.get("enterprise", other, include_deleted=True)["deleted"])


def test_project_list_highlights_stalled_projects_by_the_dashboard_rule(
    ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    from PySide6.QtCore import Qt

    from zsdesk.domain.hlc import HybridClock

    store = ctx.ws.store
    clock, store.clock = store.clock, HybridClock("t", wall_ms=lambda: 1_577_836_800_000)  # 2020-01-01
    old = workflow.save_project(
        ctx.ws, None, {"name": "老项目", "enterprise_id": enterprise}, today="2020-01-01"
    )
    revived = workflow.save_project(
        ctx.ws, None, {"name": "有进展的老项目", "enterprise_id": enterprise}, today="2020-01-01"
    )
    store.clock = clock
    workflow.add_funding(ctx.ws, revived, day=date.today().isoformat(), amount_yi="0.3")
    page = ProjectsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: bool(page.stalled_ids), timeout=5000)
    highlighted = {
        page.model.record_id(r): page.model.data(page.model.index(r, 0), Qt.ItemDataRole.BackgroundRole)
        is not None
        for r in range(page.model.rowCount())
    }
    assert highlighted == {old: True, revived: False}
