"""Form widgets built from record field metadata, and field errors shown next to their fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..domain.money import format_yi_exact
from ..domain.records import FieldSpec

ERROR_STYLE = "color: #c0392b;"
LONG_TEXT = 500  # text fields longer than this get a multi-line editor


def make_editor(fs: FieldSpec, parent: QWidget | None = None) -> QWidget:
    """The editor widget for one field kind; `get_value`/`set_value` read and fill it."""
    if fs.kind == "enum":
        box = QComboBox(parent)
        if not fs.required:
            box.addItem("")
        box.addItems(list(fs.choices))
        return box
    if fs.kind == "bool":
        return QCheckBox(parent)
    if fs.kind == "text" and fs.max_len > LONG_TEXT:
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)  # keyboard-first: Tab leaves the box instead of typing a tab
        edit.setMinimumHeight(60)
        edit.setMaximumHeight(120)
        return edit
    line = QLineEdit(parent)
    hints = {"date": "如 2024-06-26", "money": "亿元", "list": "多项用顿号、分隔", "credit_code": "18位"}
    line.setPlaceholderText(hints.get(fs.kind, ""))
    return line


def get_value(widget: QWidget) -> Any:
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(type(widget))


def set_value(widget: QWidget, fs: FieldSpec | None, value: Any) -> None:
    kind = fs.kind if fs else "text"
    if isinstance(widget, QComboBox):
        text = "" if value is None else str(value)
        if widget.findText(text) < 0 and text:
            widget.addItem(text)
        widget.setCurrentText(text)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:
        if kind == "money":
            text = format_yi_exact(value) if value is not None else ""
        elif kind == "list":
            text = "、".join(value or [])
        else:
            text = "" if value is None else str(value)
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        elif isinstance(widget, QLineEdit):
            widget.setText(text)


def today_iso() -> str:
    return QDate.currentDate().toString("yyyy-MM-dd")


def _contains(item_layout: Any, widget: QWidget) -> bool:
    if item_layout is None:
        return False
    for i in range(item_layout.count()):
        item = item_layout.itemAt(i)
        if item.widget() is widget or _contains(item.layout(), widget):
            return True
    return False


def _form_row(layout: QFormLayout, widget: QWidget) -> int:
    """The form row holding `widget`, directly or inside a nested row layout."""
    row, _role = layout.getWidgetPosition(widget)
    if row >= 0:
        return row
    for r in range(layout.rowCount()):
        item = layout.itemAt(r, QFormLayout.ItemRole.FieldRole)
        if item is not None and (item.widget() is widget or _contains(item.layout(), widget)):
            return r
    return -1


class FieldErrors:
    """A red message row under each field of a QFormLayout; `show(errors)` fills them."""

    def __init__(self, layout: QFormLayout, widgets: dict[str, QWidget], general: QLabel | None = None):
        self.widgets = widgets
        self.labels: dict[str, QLabel] = {}
        self.general = general
        for name, widget in widgets.items():
            row = _form_row(layout, widget)
            if row < 0:
                continue
            label = QLabel(layout.parentWidget())
            label.setObjectName(f"error_{name}")
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()
            layout.insertRow(row + 1, "", label)
            self.labels[name] = label

    def clear(self) -> None:
        for name, label in self.labels.items():
            label.hide()
            label.clear()
            self.widgets[name].setStyleSheet("")
        if self.general is not None:
            self.general.hide()

    def show(self, errors: dict[str, str]) -> None:
        """Put each message next to its field; messages for fields not on the form go to `general`."""
        self.clear()
        first: QWidget | None = None
        rest: list[str] = []
        for name, message in errors.items():
            label = self.labels.get(name)
            if label is None:
                rest.append(message)
                continue
            label.setText(message)
            label.show()
            widget = self.widgets[name]
            widget.setStyleSheet("border: 1px solid #c0392b;")
            first = first or widget
        if rest and self.general is not None:
            self.general.setText("；".join(rest))
            self.general.setStyleSheet(ERROR_STYLE)
            self.general.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def message(self, name: str) -> str:
        label = self.labels.get(name)
        return label.text() if label is not None and not label.isHidden() else ""
