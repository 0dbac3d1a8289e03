"""Domain values in the UI language: the English build shows English, every record stores Chinese.

value_labels (enum values in lists, boards, combos) and domain_text (sentences the domain builds in
Chinese: validation messages, periods, targets, the timeline, the reminder). Without a translator
everything must read exactly as before.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel

from tests.ui.conftest import accept_and_wait, on_modal, type_chinese
from zsdesk.domain.errors import ValidationError
from zsdesk.domain.validation import validate_fields
from zsdesk.services import workflow
from zsdesk.ui import domain_text
from zsdesk.ui.context import UiContext
from zsdesk.ui.value_labels import add_values, current_value, display, display_list, set_current_value

CJK = re.compile(r"[\u4e00-\u9fff]")


def _texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def _cell(page: Any, row: int, key: str) -> str:
    keys = [c.key for c in page.model.spec.columns]
    return page.model.data(page.model.index(row, keys.index(key)))


def _form_label(dialog: Any, name: str) -> str:
    layout = dialog.widgets[name].parentWidget().layout()
    assert isinstance(layout, QFormLayout)
    return layout.labelForField(dialog.widgets[name]).text()


# -- the seam itself -------------------------------------------------------------------------------
def test_combo_shows_display_text_and_keeps_the_stored_value(english: QTranslator, qtbot: Any) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    add_values(combo, ("上门拜访", "云洽谈"), blank=True)
    assert _texts(combo) == ["", "On-site visit", "Online meeting"]
    set_current_value(combo, "云洽谈")
    assert combo.currentText() == "Online meeting" and current_value(combo) == "云洽谈"
    set_current_value(combo, "旧数据里的形式")  # a value outside the list is added, not lost
    assert current_value(combo) == "旧数据里的形式"
    editable = QComboBox()
    qtbot.addWidget(editable)
    editable.setEditable(True)
    add_values(editable, ("成都市",), blank=True)
    editable.setEditText("Chengdu")  # typing the shown text picks the stored value
    assert current_value(editable) == "成都市"
    editable.setEditText("天府新区")  # free text stays free text
    assert current_value(editable) == "天府新区"
    assert display_list('["专精特新", "上市公司"]') == "Specialised and innovative, Listed company"


def test_without_a_translator_every_text_is_the_chinese_it_was(ctx: UiContext, enterprise: str) -> None:
    """The Chinese UI is unchanged: the seam gives back exactly what the domain built."""
    from zsdesk.domain.periods import PRESETS, preset
    from zsdesk.services.dashboard import due_today_summary
    from zsdesk.services.stats import TARGETS, TargetResult

    assert (
        display("签约落地") == "签约落地" and display_list('["专精特新", "上市公司"]') == "专精特新、上市公司"
    )
    messages = []
    for table, values in (
        ("visit", {"form": "电话", "intention_wan": "很多", "date": "昨天"}),
        ("visit", {"officer": "长" * 60}),
        ("enterprise", {"credit_code": "123"}),
        ("enterprise", {"credit_code": "91310115HMU0TH5F8Z"}),
        ("contact", {"email": "not-an-email", "phone": "abc"}),
        ("funding", {"amount_wan": "-1"}),
    ):
        with pytest.raises(ValidationError) as info:
            validate_fields(table, values, creating=True)
        messages += list(info.value.errors.values())
    assert len(messages) >= 10
    assert [domain_text.error_text(m) for m in messages] == messages
    assert domain_text.errors_text(messages[:2]) == "；".join(messages[:2])
    for key in PRESETS:
        period = preset(key, __import__("datetime").date(2026, 11, 22))
        assert domain_text.period_label(period.label) == period.label
    for target in TARGETS:
        for actual in (0, target.minimum):
            result = TargetResult("成都市", target, actual)
            assert domain_text.target_text(result) == result.text
            assert domain_text.target_title(target) == f"{target.label}（{target.measure}）"
    ctx.ws.store.create(
        "visit", {"date": "2024-06-01", "enterprise_id": enterprise, "form": "上门拜访", "purpose": "回访"}
    )
    ctx.ws.store.create("project", {"name": "电池项目", "enterprise_id": enterprise})
    ctx.ws.store.create("demand", {"enterprise_id": enterprise, "content": "用地"})
    workflow.assign_commissioner(ctx.ws, enterprise, officer="张三", start="2024-01-01")
    workflow.record_trigger(ctx.ws, enterprise, kind="筹备上市", day="2024-06-05")
    items = workflow.timeline(ctx.ws, enterprise)
    assert {i["tbl"] for i in items} == {"visit", "project", "demand", "commissioner", "trigger", "task"}
    assert [domain_text.timeline_row(i) for i in items] == [(i["kind"], i["text"]) for i in items]
    summary = due_today_summary(ctx.ws, officer=None, today=__import__("datetime").date(2030, 1, 1))
    assert summary and domain_text.reminder_text(summary) == summary


def test_domain_sentences_in_english(english: QTranslator, ctx: UiContext, enterprise: str) -> None:
    from zsdesk.domain.periods import preset
    from zsdesk.services.stats import TARGETS, TargetResult

    with pytest.raises(ValidationError) as info:
        validate_fields("visit", {"form": "电话", "intention_wan": "abc"}, creating=True)
    errors = {k: domain_text.error_text(v) for k, v in info.value.errors.items()}
    assert errors["enterprise_id"] == "Enterprise is required"
    assert (
        errors["intention_wan"]
        == 'Intended investment (100M yuan) "abc" is not a valid number (unit: 100M yuan)'
    )
    # The value typed ("电话") is data and stays as typed; the choices are shown in English.
    assert errors["form"].startswith('Form "电话" is not one of: On-site visit, Resident promotion')
    assert not any(CJK.search(m) for k, m in errors.items() if k != "form")
    period = preset("quarter", __import__("datetime").date(2026, 11, 22))
    assert domain_text.period_span(period) == "Q4 2026 (2026-10-01 to 2026-12-31)"
    short = TargetResult("成都市", TARGETS[0], 39)
    assert domain_text.unit_line(short.unit, domain_text.target_text(short)) == (
        "Chengdu: Target enterprises visited: target 100, actual 39, 61 short"
    )
    assert domain_text.target_title(TARGETS[0]) == "Target enterprises visited"
    ctx.ws.store.create("project", {"name": "电池项目", "enterprise_id": enterprise, "stage": "签约落地"})
    workflow.assign_commissioner(ctx.ws, enterprise, officer="张三", start="2024-01-01")
    rows = dict(domain_text.timeline_row(i) for i in workflow.timeline(ctx.ws, enterprise))
    assert rows == {"Project": "电池项目 (Signed, On track)", "Commissioner": "张三, to date"}
    assert domain_text.reminder_text(
        "今天到期或已逾期的任务 3 项（其中逾期 1 项）：\n· 2026-01-01 回访\n……"
    ) == ("Tasks due today or overdue: 3 (overdue: 1)\n· 2026-01-01 回访\n…")


# -- screens in English --------------------------------------------------------------------------
def test_project_list_board_and_dialog_are_english_and_store_chinese(
    english: QTranslator, ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    from zsdesk.ui.pages.projects import ProjectsPage

    ctx.ws.store.create(
        "project",
        {"name": "电池项目", "enterprise_id": enterprise, "stage": "签约落地", "industry": "能源化工",
         "target_city": "成都市", "status": "停滞"},
    )  # fmt: skip
    page = ProjectsPage(ctx)
    qtbot.addWidget(page)
    assert _cell(page, 0, "stage") == "Signed" and _cell(page, 0, "status") == "Stalled"
    assert _cell(page, 0, "industry") == "Energy and chemicals" and _cell(page, 0, "target_city") == "Chengdu"
    assert _cell(page, 0, "name") == "电池项目"  # names are data
    assert page.model.value(0, "stage") == "签约落地"  # what actions and highlighting read
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None  # 停滞

    stage = page.findChild(QComboBox, "filter_stage")
    assert _texts(stage) == ["All", "Lead", "Site inspection", "Negotiation", "Signed", "Under construction",
                             "In production"]  # fmt: skip
    stage.setCurrentIndex(stage.findText("Negotiation"))
    page.refresh()
    assert page.model.rowCount() == 0
    stage.setCurrentIndex(stage.findText("Signed"))
    page.refresh()
    assert page.model.rowCount() == 1 and page.filters()["stage"] == "签约落地"

    page.tabs.setCurrentIndex(1)
    headings = [page.board.findChild(QLabel, f"stageHeading_{s}").text() for s in page.columns]
    assert headings[3] == "<b>Signed</b>" and not any(CJK.search(h) for h in headings)
    card = page.columns["签约落地"].item(0).text()
    assert card.startswith("电池项目") and card.endswith(" [Stalled]")

    def fill(dialog: Any) -> None:
        assert not CJK.search(dialog.windowTitle())
        labels = [_form_label(dialog, name) for name in dialog.widgets]
        assert not [label for label in labels if CJK.search(label)]
        combo = dialog.widgets["stage"]
        assert combo.currentText() == "Lead" and current_value(combo) == "信息获取"
        combo.setCurrentIndex(combo.findText("Negotiation"))
        industry = dialog.widgets["industry"]
        industry.setCurrentIndex(industry.findText("Biomedicine"))
        type_chinese(dialog.widgets["name"], "医药项目")
        dialog.widgets["enterprise_id"].set_enterprise(enterprise)
        dialog.accept()

    on_modal(fill)
    page.create()
    stored = ctx.ws.store.rows("SELECT stage, status, industry FROM project WHERE name = '医药项目'")
    assert stored == [{"stage": "会谈洽谈", "status": "正常", "industry": "生物医药"}]


def test_demand_status_dialog_and_error_in_english(
    english: QTranslator, ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    from zsdesk.ui.pages.followups import DemandsPage

    did = ctx.ws.store.create("demand", {"enterprise_id": enterprise, "content": "用地", "category": "用地"})
    page = DemandsPage(ctx)
    qtbot.addWidget(page)
    assert _cell(page, 0, "status") == "Pending" and _cell(page, 0, "category") == "Land"
    messages: list[str] = []

    def fill(dialog: Any) -> None:
        status = dialog.widgets["status"]
        assert "Cannot be resolved" in _texts(status)
        status.setCurrentIndex(status.findText("Cannot be resolved"))
        accept_and_wait(qtbot, dialog)
        messages.append(dialog.errors.message("reason"))
        type_chinese(dialog.widgets["reason"], "不符合用地政策")
        dialog.accept()

    on_modal(fill)
    page.handle(did)
    assert messages == ['Give the reason when choosing "Cannot be resolved"']
    assert ctx.ws.store.get("demand", did)["status"] == "无法解决"


def test_visit_dialog_in_english_saves_the_chinese_form(
    english: QTranslator, ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    from zsdesk.ui.visit_dialog import VisitDialog

    dialog = VisitDialog(ctx.ws, officer="张三", ctx=ctx)
    qtbot.addWidget(dialog)
    assert _texts(dialog.ui.formCombo)[:2] == ["On-site visit", "Resident promotion"]
    assert "Chengdu" in _texts(dialog.ui.intentionCityCombo)
    accept_and_wait(qtbot, dialog)  # nothing filled in: the errors come in English
    assert dialog.errors.message("enterprise_id") == "Enterprise is required"
    dialog.picker.set_enterprise(enterprise)
    dialog.ui.formCombo.setCurrentIndex(dialog.ui.formCombo.findText("Online meeting"))
    dialog.ui.intentionIndustryCombo.setCurrentIndex(dialog.ui.intentionIndustryCombo.findText("Aerospace"))
    dialog.ui.intentionCityCombo.setCurrentIndex(dialog.ui.intentionCityCombo.findText("Mianyang"))
    accept_and_wait(qtbot, dialog)
    visit = ctx.ws.store.get("visit", dialog.saved_id)
    assert (visit["form"], visit["intention_industry"], visit["intention_city"]) == (
        "云洽谈",
        "航空航天",
        "绵阳市",
    )
    again = VisitDialog(ctx.ws, visit_id=dialog.saved_id)
    qtbot.addWidget(again)
    assert again.ui.formCombo.currentText() == "Online meeting"
    assert again.ui.intentionCityCombo.currentText() == "Mianyang"


def test_dashboard_and_timeline_in_english(
    english: QTranslator, ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    from zsdesk.services.dashboard import load_dashboard
    from zsdesk.ui.pages.dashboard import DashboardPage
    from zsdesk.ui.pages.enterprises import EnterpriseDetail, EnterprisesPage

    ctx.ws.store.create(
        "project",
        {"name": "电池项目", "enterprise_id": enterprise, "stage": "现场考察", "status": "停滞"},
    )
    ctx.ws.store.create("demand", {"enterprise_id": enterprise, "content": "用地", "due_date": "2020-01-01"})
    workflow.record_trigger(ctx.ws, enterprise, kind="筹备上市", day="2024-06-05")
    page = DashboardPage(ctx, autoload=False)
    qtbot.addWidget(page)
    assert page.period.itemText(0) == "This quarter"
    page.show_lists(load_dashboard(ctx.ws), 30)
    assert page.stalled.topLevelItem(0).text(3) == "Site inspection"
    assert page.demands.topLevelItem(0).text(4) == "Pending"
    assert page.triggers.topLevelItem(0).text(1) == "Preparing to list"

    enterprises = EnterprisesPage(ctx)
    qtbot.addWidget(enterprises)
    detail = EnterpriseDetail(enterprises, enterprise)
    qtbot.addWidget(detail)
    kinds = {detail.timeline.topLevelItem(i).text(1) for i in range(detail.timeline.topLevelItemCount())}
    assert kinds == {"Project", "Demand", "Must-visit", "Task"}
    industry = detail.form.widgets["industry"]
    assert industry.currentText() == "Energy and chemicals" and current_value(industry) == "能源化工"


def test_suggested_free_text_fields_store_chinese_and_keep_typed_text(
    english: QTranslator, ctx: UiContext, qtbot: Any
) -> None:
    from zsdesk.ui.enterprise_dialogs import ENTERPRISE_FIELDS
    from zsdesk.ui.record_dialog import RecordDialog

    dialog = RecordDialog(ctx.ws, "enterprise", fields=ENTERPRISE_FIELDS, values={"hq_region": "长三角"})
    qtbot.addWidget(dialog)
    region = dialog.widgets["hq_region"]
    assert region.isEditable() and region.currentText() == "Yangtze River Delta"
    assert dialog.edited_values()["hq_region"] == "长三角"
    region.setEditText("Pearl River Delta")  # typing a shown value picks it
    assert dialog.edited_values()["hq_region"] == "珠三角"
    region.setEditText("美国硅谷")  # anything else is kept as typed
    assert dialog.edited_values()["hq_region"] == "美国硅谷"
