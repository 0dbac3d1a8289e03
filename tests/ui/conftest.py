"""UI fixtures: a UiContext on a fresh office database, Chinese typed the way an input method does."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from zsdesk.services.context import Workspace
from zsdesk.ui.context import Changes, UiContext
from zsdesk.ui.jobs import JobRunner
from zsdesk.ui.settings import Settings


def type_chinese(widget: QWidget, text: str) -> None:
    """Commit `text` like an IME (qtbot.keyClicks with Chinese aborts pytest; see PLATFORM.md)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def on_modal(callback: Callable[[QWidget], Any], *, delay: int = 0) -> None:
    """Run `callback(active modal widget)` once the next exec() has started its event loop."""

    def fire() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, fire)
            return
        callback(widget)

    QTimer.singleShot(delay, fire)


def answer(texts: list[str], word: str) -> Callable[[Any], None]:
    """For `on_modal`: note a message box's text and buttons, then click the button starting with `word`."""

    def click(box: Any) -> None:
        texts.append(box.text() + "|" + "/".join(b.text() for b in box.buttons()))
        next(b for b in box.buttons() if b.text().startswith(word)).click()

    return click


@contextmanager
def gui_never_writes(ws: Workspace) -> Iterator[None]:
    """The GUI thread's connection refuses every write (SQLite's query_only) while the block runs:
    a screen that wrote outside the write lane fails with "attempt to write a readonly database"."""
    ws.db.execute("PRAGMA query_only = ON")
    try:
        yield
    finally:
        ws.db.execute("PRAGMA query_only = OFF")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QTranslator]:
    """The English build's translator, installed for one test."""
    from zsdesk.ui.resources import install_translator

    translator = install_translator(qapp, "en")
    assert translator is not None, "zsdesk_en.qm could not be built or loaded"
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    s = Settings(tmp_path / "settings.ini")
    s.officer = "张三"
    return s


@pytest.fixture
def ctx(ws: Workspace, settings: Settings, qtbot: Any) -> Iterator[UiContext]:
    jobs = JobRunner()
    jobs.db_path = ws.path
    jobs.author = ws.store.author
    ui = UiContext(ws=ws, settings=settings, jobs=jobs, changes=Changes())
    yield ui
    ui.closed = True
    jobs.shutdown(5000)


@pytest.fixture
def enterprise(ws: Workspace) -> str:
    return ws.store.create(
        "enterprise",
        {"name": "上海创明新能源科技有限公司", "short_name": "创明新能源", "industry": "能源化工"},
    )


def accept_and_wait(qtbot: Any, dialog: QWidget, timeout: int = 5000) -> None:
    """Press save and wait for the write lane: saving is a write op off the GUI thread."""
    dialog.accept()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not getattr(dialog, "_saving", False), timeout=timeout)
