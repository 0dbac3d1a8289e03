"""Nothing typed is lost: a form with content asks before closing, and keeps a draft as you type.

`FormGuard(dialog, ctx, key, collect, apply)` polls the form once a second; when its contents
differ from what was kept, it writes them to the local `draft` table on the write lane (so a crash
or power cut keeps them). A draft found when the form opens is offered back in a banner at its top.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from ..services import drafts

if TYPE_CHECKING:
    from .context import UiContext

DRAFT_INTERVAL_MS = 1000


def ask_yes_no(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """A question with 是/否 buttons (named in Chinese even where Qt's own translation is missing)."""
    box = QMessageBox(parent)
    box.setObjectName("askYesNo")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton(QCoreApplication.translate("FormGuard", "是(&Y)"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(QCoreApplication.translate("FormGuard", "否(&N)"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes if default_yes else no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def _blank(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_blank(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(_blank(v) for v in value)
    return value in (None, "", False)


class FormGuard(QObject):
    """Draft keeping and the close question for one form (a QDialog calls `may_close()` in reject)."""

    def __init__(
        self,
        dialog: QDialog,
        ctx: UiContext | None,
        key: str,
        collect: Callable[[], dict[str, Any]],
        apply: Callable[[dict[str, Any]], None],
    ) -> None:
        super().__init__(dialog)
        self.dialog, self.ctx, self.key = dialog, ctx, key
        self.collect, self.apply = collect, apply
        self.initial = collect()  # what the form held when it opened: unchanged means nothing to lose
        self.kept = self.initial
        self.stopped = False
        self.has_draft = False  # a draft of this session is in the table
        self.banner = self._banner()
        self.offered: dict[str, Any] | None = None
        if ctx is not None:
            # Looked up on a worker: opening a form never waits on the database.
            ctx.jobs.run(lambda ws, _p, _c: drafts.find(ws, key), self._offer, owner=self)
        self.timer = QTimer(self)
        self.timer.setInterval(DRAFT_INTERVAL_MS)
        self.timer.timeout.connect(self.keep_now)
        if ctx is not None:
            self.timer.start()

    def _offer(self, found: tuple[dict[str, Any], str] | None) -> None:
        """A draft kept by an earlier session (a crash, a power cut): offer it in the banner."""
        if found is None or self.stopped or found[0] == self.initial or _blank(found[0]):
            return
        self.offered = found[0]
        self.banner_text.setText(
            QCoreApplication.translate("FormGuard", "有一份 %1 未保存的草稿。").replace(
                "%1", found[1].replace("T", " ")
            )
        )
        self.banner.show()

    def _banner(self) -> QFrame:
        banner = QFrame(self.dialog)
        banner.setObjectName("draftBanner")
        banner.setStyleSheet("#draftBanner { background: #fff4ce; border: 1px solid #e6c200; }")
        self.banner_text = QLabel(banner)
        restore = QPushButton(QCoreApplication.translate("FormGuard", "恢复草稿(&R)"), banner)
        restore.setObjectName("restoreDraft")
        drop = QPushButton(QCoreApplication.translate("FormGuard", "丢弃草稿"), banner)
        drop.setObjectName("dropDraft")
        restore.clicked.connect(self.restore)
        drop.clicked.connect(self.drop)
        row = QHBoxLayout(banner)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.banner_text, 1)
        row.addWidget(restore)
        row.addWidget(drop)
        layout = self.dialog.layout()
        if layout is not None:
            layout.insertWidget(0, banner)  # type: ignore[attr-defined]
        banner.hide()
        return banner

    def restore(self) -> None:
        if self.offered is not None:
            self.apply(self.offered)
            self.kept = self.offered
        self.offered = None
        self.banner.hide()

    def drop(self) -> None:
        self.offered = None
        self.banner.hide()
        self._write(lambda ws: drafts.discard(ws, self.key))

    def dirty(self) -> bool:
        return self.collect() != self.initial

    def keep_now(self) -> None:
        """Write the form's contents when they changed since the last draft (or clear it when blank)."""
        if self.stopped or self.ctx is None or self.ctx.closed:
            return
        data = self.collect()
        if data == self.kept:
            return
        self.kept = data
        key = self.key
        if data == self.initial:
            self._write(lambda ws: drafts.discard(ws, key))
        else:
            self.has_draft = True
            self._write(lambda ws: drafts.keep(ws, key, data))

    def _write(self, fn: Callable[[Any], Any]) -> None:
        if self.ctx is not None and not self.ctx.closed:
            self.ctx.write(fn, quiet=True)

    def stop(self) -> None:
        """The form was saved (its save removed the draft in the same transaction)."""
        self.stopped = True
        self.timer.stop()

    def may_close(self) -> bool:
        """Esc or the window's close button: ask first when something was typed; 是 discards it."""
        if self.stopped or not self.dirty():
            self.stop()
            if self.has_draft:
                self._write(lambda ws: drafts.discard(ws, self.key))
            return True
        if not ask_yes_no(
            self.dialog,
            QCoreApplication.translate("FormGuard", "放弃填写的内容"),
            QCoreApplication.translate("FormGuard", "已填写的内容尚未保存，确定放弃吗？"),
        ):
            return False
        self.stop()
        self._write(lambda ws: drafts.discard(ws, self.key))
        return True
