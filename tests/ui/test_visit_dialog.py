"""The visit entry form: Chinese search in the enterprise picker, inline demands/tasks, field errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import accept_and_wait, on_modal, type_chinese
from zsdesk.services.context import Workspace
from zsdesk.ui.visit_dialog import VisitDialog


def test_visit_dialog_saves_visit_with_demands_and_tasks(
    ws: Workspace, ctx: Any, qtbot: Any, enterprise: str
) -> None:
    dialog = VisitDialog(ws, ctx=ctx, officer="张三")
    qtbot.addWidget(dialog)
    type_chinese(dialog.picker, "新能源")
    assert dialog.picker.text() == "新能源"
    hits = dialog.picker.search_now()
    assert hits == ["上海创明新能源科技有限公司"]
    dialog.picker.choose(hits[0])
    assert dialog.picker.enterprise_id() == enterprise
    dialog.ui.formCombo.setCurrentText("云洽谈")
    type_chinese(dialog.ui.minutesEdit, "洽谈电池项目落地")
    type_chinese(dialog.ui.participantsEdit, "张三、李四")
    dialog.ui.intentionAmountEdit.setText("2.5")
    dialog.ui.demandsEdit.setPlainText("1. 用地指标\n2. 人才公寓")
    dialog.ui.nextStepsEdit.setPlainText("报送项目建议书")
    accept_and_wait(qtbot, dialog)
    assert dialog.result() == VisitDialog.DialogCode.Accepted
    visit = ws.store.get("visit", dialog.saved_id)
    assert visit["form"] == "云洽谈" and visit["intention_wan"] == 25000
    assert visit["participants"] == ["张三", "李四"]
    demands = ws.store.rows("SELECT content, visit_id FROM demand")
    assert sorted(d["content"] for d in demands) == ["人才公寓", "用地指标"]
    tasks = ws.store.rows("SELECT title, due_date, assignee FROM task")
    assert tasks == [{"title": "报送项目建议书", "due_date": tasks[0]["due_date"], "assignee": "张三"}]


def test_picker_finds_short_chinese_queries_by_like(
    ws: Workspace, ctx: Any, qtbot: Any, enterprise: str
) -> None:
    dialog = VisitDialog(ws, ctx=ctx)
    qtbot.addWidget(dialog)
    type_chinese(dialog.picker, "创明")
    assert dialog.picker.search_now() == ["上海创明新能源科技有限公司"]


def test_visit_dialog_shows_field_errors_next_to_fields(ws: Workspace, ctx: Any, qtbot: Any) -> None:
    dialog = VisitDialog(ws, ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.ui.intentionAmountEdit.setText("很多")
    accept_and_wait(qtbot, dialog)
    assert dialog.result() != VisitDialog.DialogCode.Accepted
    assert dialog.errors.message("enterprise_id") == "企业为必填项"
    assert "不是有效数字" in dialog.errors.message("intention_wan")
    assert ws.store.rows("SELECT count(*) AS n FROM visit")[0]["n"] == 0


def test_unknown_enterprise_warns_about_duplicate_before_creating(
    ws: Workspace, ctx: Any, qtbot: Any, enterprise: str, monkeypatch: Any
) -> None:
    dialog = VisitDialog(ws, ctx=ctx)
    qtbot.addWidget(dialog)
    type_chinese(dialog.picker, "创明新能源科技")  # not an exact name: a new enterprise is proposed
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    seen: list[str] = []

    def use_existing(box: Any) -> None:
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == "使用已有企业").click()

    on_modal(use_existing)
    assert dialog._resolve_enterprise()
    assert "上海创明新能源科技有限公司" in seen[0]
    assert dialog.picker.enterprise_id() == enterprise
    assert ws.store.rows("SELECT count(*) AS n FROM enterprise")[0]["n"] == 1


def test_attachments_are_stored_by_sha256_with_thumbnails(
    ws: Workspace, ctx: Any, qtbot: Any, enterprise: str, tmp_path: Path
) -> None:
    photo = tmp_path / "名片.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x3366CC)
    image.save(str(photo))
    dialog = VisitDialog(ws, ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.picker.set_enterprise(enterprise)
    dialog.add_files([photo, photo])
    assert dialog.ui.attachList.count() == 1
    assert not dialog.ui.attachList.item(0).icon().isNull()
    accept_and_wait(qtbot, dialog)
    rows = ws.store.rows("SELECT filename, sha256, owner_id FROM attachment")
    assert rows[0]["filename"] == "名片.png" and rows[0]["owner_id"] == dialog.saved_id
    blob = ws.store.rows("SELECT size FROM blob WHERE sha256 = ?", [rows[0]["sha256"]])
    assert blob[0]["size"] == photo.stat().st_size
    again = VisitDialog(ws, ctx=ctx, visit_id=dialog.saved_id)
    qtbot.addWidget(again)
    assert again.ui.attachList.count() == 1


def test_visit_edit_form_lists_the_visits_demands_and_tasks_with_status(
    ws: Workspace, ctx: Any, qtbot: Any, enterprise: str
) -> None:
    first = VisitDialog(ws, ctx=ctx, officer="张三")
    qtbot.addWidget(first)
    first.picker.set_enterprise(enterprise)
    first.ui.demandsEdit.setPlainText("用地指标\n人才公寓")
    first.ui.nextStepsEdit.setPlainText("报送项目建议书")
    accept_and_wait(qtbot, first)
    demand = ws.store.rows("SELECT id FROM demand WHERE content = '用地指标'")[0]["id"]
    ws.store.update("demand", demand, {"status": "办理中"})
    task = ws.store.rows("SELECT id FROM task")[0]["id"]
    ws.store.update("task", task, {"done": True})

    new = VisitDialog(ws, ctx=ctx)
    qtbot.addWidget(new)
    assert new.ui.existingTree.isHidden()  # a new visit has none yet

    edit = VisitDialog(ws, ctx=ctx, visit_id=first.saved_id)
    qtbot.addWidget(edit)
    tree = edit.ui.existingTree
    assert not tree.isHidden()
    rows = [[tree.topLevelItem(i).text(c) for c in range(3)] for i in range(tree.topLevelItemCount())]
    assert ["诉求", "用地指标", "办理中"] in rows
    assert ["诉求", "人才公寓", "待办"] in rows
    assert ["任务", "报送项目建议书", "已完成"] in rows
    accept_and_wait(qtbot, edit)  # saving the edit creates no duplicates of the existing ones
    assert ws.store.rows("SELECT count(*) AS n FROM demand")[0]["n"] == 2


def _visit_with_photo(
    ws: Workspace, ctx: Any, qtbot: Any, enterprise: str, tmp_path: Path
) -> tuple[str, Path]:
    photo = tmp_path / "名片.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x3366CC)
    image.save(str(photo))
    dialog = VisitDialog(ws, ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.picker.set_enterprise(enterprise)
    dialog.add_files([photo])
    accept_and_wait(qtbot, dialog)
    assert dialog.saved_id
    return dialog.saved_id, photo


def test_removing_an_attachment_tombstones_the_record_and_keeps_the_blob(
    ws: Workspace, ctx: Any, qtbot: Any, enterprise: str, tmp_path: Path
) -> None:
    visit_id, _photo = _visit_with_photo(ws, ctx, qtbot, enterprise, tmp_path)
    edit = VisitDialog(ws, ctx=ctx, visit_id=visit_id)
    qtbot.addWidget(edit)
    edit.ui.attachList.item(0).setSelected(True)
    assert edit.ui.removeAttachButton.isEnabled()
    edit.ui.removeAttachButton.click()
    assert edit.ui.attachList.count() == 0
    assert ws.store.rows("SELECT deleted FROM attachment")[0]["deleted"] == 0  # not until saved
    accept_and_wait(qtbot, edit)
    (att,) = ws.store.rows("SELECT id, sha256, deleted FROM attachment")
    assert att["deleted"] == 1
    assert ws.store.rows("SELECT count(*) AS n FROM blob WHERE sha256 = ?", [att["sha256"]])[0]["n"] == 1
    again = VisitDialog(ws, ctx=ctx, visit_id=visit_id)
    qtbot.addWidget(again)
    assert again.ui.attachList.count() == 0


def test_removing_an_attachment_then_cancelling_keeps_it(
    ws: Workspace, ctx: Any, qtbot: Any, enterprise: str, tmp_path: Path
) -> None:
    visit_id, _photo = _visit_with_photo(ws, ctx, qtbot, enterprise, tmp_path)
    edit = VisitDialog(ws, ctx=ctx, visit_id=visit_id)
    qtbot.addWidget(edit)
    edit.ui.attachList.item(0).setSelected(True)
    edit.remove_selected()
    asked: list[str] = []

    def discard(box: Any) -> None:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text().startswith("是")).click()

    on_modal(discard)  # a removed attachment is an unsaved change: closing asks first
    edit.reject()
    assert asked and not edit.isVisible()
    assert ws.store.rows("SELECT deleted FROM attachment")[0]["deleted"] == 0


def test_opening_a_saved_attachment_writes_its_bytes_to_a_temp_file(
    ws: Workspace, ctx: Any, qtbot: Any, enterprise: str, tmp_path: Path, monkeypatch: Any
) -> None:
    from zsdesk.ui import visit_dialog

    opened: list[str] = []
    monkeypatch.setattr(visit_dialog, "open_url", lambda url: opened.append(url.toLocalFile()) or True)
    visit_id, photo = _visit_with_photo(ws, ctx, qtbot, enterprise, tmp_path)
    edit = VisitDialog(ws, ctx=ctx, visit_id=visit_id)
    qtbot.addWidget(edit)
    edit.ui.attachList.item(0).setSelected(True)
    edit.ui.openAttachButton.click()
    assert len(opened) == 1
    written = Path(opened[0])
    assert written.name.endswith("名片.png") and written != photo
    assert written.read_bytes() == photo.read_bytes()
