"""The hand-over pieces added to existing screens: 一企一档 / 出访简报 on the enterprise list, and the
诉求 screen's 责任部门 / 类别 / 超期 filters with its 督办单 (each screen calls one function here)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QMenu, QPushButton

from ..domain import enums
from . import handover_actions as actions


def add_enterprise_actions(page: Any) -> None:
    """企业库: 一企一档 of the current enterprise, 出访简报 of the selected ones."""
    page.add_button(
        QCoreApplication.translate("HandoverHooks", "一企一档…"),
        lambda: actions.enterprise_file(page.ctx, page, page.current_id()),
        "enterpriseFileButton",
    )
    page.add_button(
        QCoreApplication.translate("HandoverHooks", "出访简报…"),
        lambda: actions.briefing_for_enterprises(page.ctx, page, selected_ids(page)),
        "briefingButton",
    )


def selected_ids(page: Any) -> list[str]:
    rows = page.selected_rows() or ([page.current_row()] if page.current_row() >= 0 else [])
    return [page.model.record_id(r) for r in rows]


def add_demand_filters(page: Any) -> None:
    """诉求: filter by 责任部门, 类别 and overdue; a 督办单 (PDF or xlsx) of what the filters show."""
    from ..services.handover_sheets import demand_departments

    page.department = page.add_combo_later(
        "department", QCoreApplication.translate("HandoverHooks", "责任部门"), demand_departments
    )
    page.category = page.add_combo(
        "category", QCoreApplication.translate("HandoverHooks", "类别"), list(enums.DEMAND_CATEGORIES)
    )
    page.overdue_only = QCheckBox(QCoreApplication.translate("HandoverHooks", "只看超期"))
    page.overdue_only.setObjectName("overdueOnly")
    page.overdue_only.toggled.connect(lambda _c: page.refresh())
    page.filter_bar.addWidget(page.overdue_only)
    page.add_filter(
        "overdue_before", lambda: date.today().isoformat() if page.overdue_only.isChecked() else None
    )
    button = QPushButton(QCoreApplication.translate("HandoverHooks", "督办单"), page)
    button.setObjectName("demandSheetButton")
    menu = QMenu(button)
    menu.addAction(
        QCoreApplication.translate("HandoverHooks", "按责任部门打印督办单（PDF）…"),
        lambda: demand_sheet(page, "pdf"),
    )
    menu.addAction(
        QCoreApplication.translate("HandoverHooks", "导出督办单（Excel）…"),
        lambda: demand_sheet(page, "xlsx"),
    )
    button.setMenu(menu)
    page.action_bar.addWidget(button)
    page.demand_sheet_menu = menu


def demand_sheet(page: Any, fmt: str, **kwargs: Any) -> None:
    """The 督办单 for the department chosen on the screen (all when 全部) and its overdue switch."""
    department = page.department.currentData() or ""
    actions.demands_sheet(
        page.ctx, page, department=department, overdue=page.overdue_only.isChecked(), fmt=fmt, **kwargs
    )
