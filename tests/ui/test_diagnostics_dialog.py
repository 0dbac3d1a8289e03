"""The about/diagnostics dialog shows the service's text and copies it to the clipboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from zsdesk.services.diagnostics import diagnostics_text
from zsdesk.ui.diagnostics_dialog import DiagnosticsDialog, qt_versions


def test_diagnostics_dialog_copy_button_puts_the_text_on_the_clipboard(qtbot, ws) -> None:
    text = diagnostics_text(ws, extra=qt_versions())
    dialog = DiagnosticsDialog(text)
    qtbot.addWidget(dialog)
    assert dialog.view.toPlainText() == text
    assert "Qt：" in text and "PySide6：" in text
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == text
    assert dialog.copy_button.text() == "已复制"
