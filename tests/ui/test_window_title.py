"""The main window's title names the open file; Qt adds the application's name to it once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from zsdesk.ui.context import UiContext
from zsdesk.ui.main_window import MainWindow


def test_the_window_title_does_not_repeat_the_app_name(ctx: UiContext, qtbot: Any) -> None:
    app = QApplication.instance()
    assert app is not None
    app.setApplicationDisplayName(QCoreApplication.translate("main", "招商外勤"))
    window = MainWindow(ctx, load_data=False)
    qtbot.addWidget(window)
    assert window.windowTitle() == ctx.ws.path.name
    assert app.applicationDisplayName() not in window.windowTitle()
