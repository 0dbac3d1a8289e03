"""The visit form's demand and task rows: one row per typed line, with editable defaults.

Each line typed in 企业诉求 gets 类别 (guessed from its words), 责任部门 and 办理时限 (per category);
each line of 下一步工作 gets 负责人 and 截止日期. A cell the officer edited keeps its value while
the lines are retyped; the others follow the defaults.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ..domain import enums
from ..services.visits import demand_defaults, split_lines, task_defaults
from .dates import parse_date
from .value_labels import add_values, current_value, display, set_current_value

EDITED = Qt.ItemDataRole.UserRole + 1  # the officer changed this cell: defaults leave it alone


class _ChoiceDelegate(QStyledItemDelegate):
    """A combo of the demand categories for the 类别 column (stored value as item data)."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        box = QComboBox(parent)
        add_values(box, enums.DEMAND_CATEGORIES)
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        set_current_value(editor, index.data(Qt.ItemDataRole.UserRole) or "")  # type: ignore[arg-type]

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex) -> None:
        value = current_value(editor)  # type: ignore[arg-type]
        model.setData(index, value, Qt.ItemDataRole.UserRole)
        model.setData(index, display(value), Qt.ItemDataRole.DisplayRole)


class FollowupRows:
    """Keeps `table` in step with the lines of `source`; `details()` gives one dict per line."""

    def __init__(
        self,
        source: QPlainTextEdit,
        table: QTableWidget,
        kind: str,
        day: Callable[[], str],
        officer: Callable[[], str],
    ) -> None:
        self.source, self.table, self.kind, self.day, self.officer = source, table, kind, day, officer
        if kind == "demand":
            self.keys = ("content", "category", "department", "due_date")
            headers = [
                QCoreApplication.translate("FollowupRows", "诉求"),
                QCoreApplication.translate("FollowupRows", "类别"),
                QCoreApplication.translate("FollowupRows", "责任部门"),
                QCoreApplication.translate("FollowupRows", "办理时限"),
            ]
            table.setItemDelegateForColumn(1, _ChoiceDelegate(table))
        else:
            self.keys = ("title", "assignee", "due_date")
            headers = [
                QCoreApplication.translate("FollowupRows", "任务"),
                QCoreApplication.translate("FollowupRows", "负责人"),
                QCoreApplication.translate("FollowupRows", "截止日期"),
            ]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(22)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self._syncing = False
        source.textChanged.connect(self.sync)
        table.itemChanged.connect(self._edited)
        self.sync()

    def _defaults(self, text: str, category: str | None = None) -> dict[str, str]:
        day = self.day()
        if self.kind == "demand":
            return demand_defaults(text, day, category)
        return task_defaults(day, self.officer())

    def sync(self) -> None:
        """One row per line; unedited cells take the defaults of the (re)typed text."""
        lines = split_lines(self.source.toPlainText())
        self._syncing = True
        try:
            self.table.setRowCount(len(lines))
            for row, text in enumerate(lines):
                self._set(row, 0, text, text, edited=False, editable=False)
                category = self._cell(row, 1) if self.kind == "demand" and self._was_edited(row, 1) else None
                defaults = self._defaults(text, category)
                for col, key in enumerate(self.keys[1:], start=1):
                    if not self._was_edited(row, col):
                        value = defaults[key]
                        self._set(
                            row, col, value, display(value) if key == "category" else value, edited=False
                        )
        finally:
            self._syncing = False
        self.table.setVisible(bool(lines))

    def _set(self, row: int, col: int, value: str, text: str, *, edited: bool, editable: bool = True) -> None:
        item = self.table.item(row, col)
        if item is None:
            item = QTableWidgetItem()
            if not editable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, col, item)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setText(text)
        item.setData(EDITED, edited)
        item.setToolTip(text)

    def _cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return "" if item is None else str(item.data(Qt.ItemDataRole.UserRole) or "")

    def _was_edited(self, row: int, col: int) -> bool:
        item = self.table.item(row, col)
        return bool(item is not None and item.data(EDITED))

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._syncing or item.column() == 0:
            return
        self._syncing = True
        try:
            key = self.keys[item.column()]
            if key == "category":
                value = str(item.data(Qt.ItemDataRole.UserRole) or "")
            elif key == "due_date":
                value = parse_date(item.text()) or item.text().strip()  # a bad date is reported on save
                item.setText(value)
            else:
                value = item.text().strip()
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setData(EDITED, True)
        finally:
            self._syncing = False
        if self.kind == "demand" and key == "category":
            self.sync()  # a new category brings its department and time limit, unless edited

    def details(self) -> list[dict[str, str]]:
        return [
            {key: self._cell(row, col) for col, key in enumerate(self.keys) if col > 0}
            for row in range(self.table.rowCount())
        ]

    def state(self) -> list[dict[str, Any]]:
        """Edited cells only, for a draft: defaults are recomputed when it comes back."""
        return [
            {
                key: self._cell(row, col)
                for col, key in enumerate(self.keys)
                if col > 0 and self._was_edited(row, col)
            }
            for row in range(self.table.rowCount())
        ]

    def restore(self, state: list[dict[str, Any]]) -> None:
        self.sync()
        self._syncing = True
        try:
            for row, cells in enumerate(state[: self.table.rowCount()]):
                for col, key in enumerate(self.keys):
                    if key in cells:
                        value = cells[key]
                        self._set(
                            row, col, value, display(value) if key == "category" else value, edited=True
                        )
        finally:
            self._syncing = False
        self.sync()
