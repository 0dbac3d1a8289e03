"""About / diagnostics dialog: shows the text from zsdesk.services.diagnostics and copies it for IT.

Wiring (GUI main window):

    text = diagnostics_text(ws, extra=qt_versions())
    DiagnosticsDialog(text, parent=self).exec()
"""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def qt_versions() -> dict[str, str]:
    """Qt and PySide versions for the `extra` argument of diagnostics_text (the service has no Qt)."""
    return {"Qt": qVersion(), "PySide6": PySide6.__version__}


class DiagnosticsDialog(QDialog):
    """Read-only text with 复制 (to clipboard) and 关闭."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于 / 诊断信息"))
        self.resize(640, 480)
        self._text = text
        self.hint = QLabel(self.tr("联系信息化管理员时，请点击“复制”并把以下内容粘贴给对方。"), self)
        self.view = QPlainTextEdit(self)
        self.view.setReadOnly(True)
        self.view.setPlainText(text)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("复制"), self)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view)
        layout.addWidget(self.buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.buttons.rejected.connect(self.reject)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self._text)
        self.copy_button.setText(self.tr("已复制"))
