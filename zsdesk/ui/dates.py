"""The one date editor: type 20261205, 2026-12-5, 2026/12/5, 12-5 or 12月5日, or pick from a calendar."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QPoint
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

_FULL = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SHORT = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def parse_date(text: str, *, today: date | None = None) -> str:
    """The ISO date a typed text means ('' when it means none); a month-day is in this year."""
    text = text.strip()
    m = _FULL.match(text) or _COMPACT.match(text)
    if m:
        parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    else:
        m = _SHORT.match(text)
        if not m:
            return ""
        parts = ((today or date.today()).year, int(m.group(1)), int(m.group(2)))
    try:
        return date(*parts).isoformat()
    except ValueError:
        return ""


class DateEdit(QLineEdit):
    """A line edit taking dates as officers type them; F4 or the button opens a calendar.

    `iso()` is the ISO date, or the raw text when it is not a date (validation then says why).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(QCoreApplication.translate("DateEdit", "如 2024-06-26 或 0626"))
        self.setMaximumWidth(170)
        # The app's own calendar icon: QStyle's standard pixmaps would build QStyle's Python enums
        # (≈55 ms) the first time a form with a date opens.
        from .resources import icon

        action = self.addAction(icon("event"), QLineEdit.ActionPosition.TrailingPosition)
        action.setToolTip(QCoreApplication.translate("DateEdit", "选择日期 (F4)"))
        action.triggered.connect(self.pick)
        self.editingFinished.connect(self.normalise)
        self._calendar: QCalendarWidget | None = None

    def iso(self) -> str:
        text = self.text().strip()
        if len(text) == 4 and text.isdigit():  # 0626: month and day
            text = f"{text[:2]}-{text[2:]}"
        return parse_date(text) or text

    def normalise(self) -> None:
        value = self.iso()
        if value != self.text():
            self.setText(value)

    # QDateEdit's API where the visit form used it.
    def date(self) -> QDate:
        return QDate.fromString(self.iso(), "yyyy-MM-dd")

    def setDate(self, value: QDate) -> None:
        self.setText(value.toString("yyyy-MM-dd"))

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import Qt

        if event.key() == Qt.Key.Key_F4:
            self.pick()
            return
        super().keyPressEvent(event)

    def pick(self) -> None:
        from PySide6.QtCore import Qt

        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setGridVisible(True)
        current = self.date()
        calendar.setSelectedDate(current if current.isValid() else QDate.currentDate())

        def chosen(day: QDate) -> None:
            self.setDate(day)
            calendar.close()
            self.setFocus()

        calendar.activated.connect(chosen)
        calendar.clicked.connect(chosen)
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        calendar.setFocus()
        self._calendar = calendar
