"""Form widgets built from record field metadata, and field errors shown next to their fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
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
from .domain_text import error_text, errors_text
from .value_labels import add_values, current_value, set_current_value

ERROR_STYLE = "color: #c0392b;"
# Free-text fields with a usual vocabulary: an editable combo offers the values (shown in the UI
# language, stored Chinese) and still takes any text typed.
SUGGESTIONS = {"hq_region": "HQ_REGIONS", "target_city": "CITIES"}
LONG_TEXT = 500  # text fields longer than this get a multi-line editor


def make_editor(fs: FieldSpec, parent: QWidget | None = None) -> QWidget:
    """The editor widget for one field kind; `get_value`/`set_value` read and fill it."""
    if fs.kind == "enum":
        # Items show the value in the UI language and store the (Chinese) value as their data.
        box = QComboBox(parent)
        add_values(box, fs.choices, blank=not fs.required)
        return box
    if fs.kind == "text" and fs.name in SUGGESTIONS:
        from ..domain import enums

        box = QComboBox(parent)
        box.setEditable(True)
        add_values(box, getattr(enums, SUGGESTIONS[fs.name]), blank=True)
        return box
    if fs.kind == "bool":
        return QCheckBox(parent)
    if fs.kind == "date":
        # One date editor everywhere: 20261205, 2026-12-5, 12-5 and the F4 calendar all work.
        from .dates import DateEdit

        return DateEdit(parent)
    if fs.kind == "text" and fs.max_len > LONG_TEXT:
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)  # keyboard-first: Tab leaves the box instead of typing a tab
        edit.setMinimumHeight(60)
        edit.setMaximumHeight(120)
        return edit
    line = QLineEdit(parent)
    hints = {
        "date": QCoreApplication.translate("Fields", "如 2024-06-26"),
        "money": QCoreApplication.translate("Fields", "亿元"),
        "list": QCoreApplication.translate("Fields", "多项用顿号、分隔"),
        "credit_code": QCoreApplication.translate("Fields", "18位"),
    }
    line.setPlaceholderText(hints.get(fs.kind, ""))
    return line


def get_value(widget: QWidget) -> Any:
    if isinstance(widget, QComboBox):
        return current_value(widget)
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        iso = getattr(widget, "iso", None)  # a DateEdit: the ISO date of what was typed
        return iso() if callable(iso) else widget.text()
    raise TypeError(type(widget))


def set_value(widget: QWidget, fs: FieldSpec | None, value: Any) -> None:
    kind = fs.kind if fs else "text"
    if isinstance(widget, QComboBox):
        set_current_value(widget, value)
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
        """Put each message next to its field; messages for fields not on the form go to `general`.

        The domain's Chinese messages are shown in the UI language (`domain_text.error_text`)."""
        self.clear()
        first: QWidget | None = None
        rest: list[str] = []
        for name, message in errors.items():
            label = self.labels.get(name)
            if label is None:
                rest.append(message)
                continue
            label.setText(error_text(message))
            label.show()
            widget = self.widgets[name]
            widget.setStyleSheet("border: 1px solid #c0392b;")
            first = first or widget
        if rest and self.general is not None:
            self.general.setText(errors_text(rest))
            self.general.setStyleSheet(ERROR_STYLE)
            self.general.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def message(self, name: str) -> str:
        label = self.labels.get(name)
        return label.text() if label is not None and not label.isHidden() else ""
