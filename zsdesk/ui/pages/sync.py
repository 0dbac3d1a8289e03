"""同步: server and user, sync with progress + cancel, last sync, pending changes, conflicts view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.sync_local import list_conflicts, resolve_conflict, sync_status
from ..column_labels import column_label, record_title
from ..context import UiContext
from ..qtcompat import emit
from ..value_labels import display


class SyncPage(QWidget):
    synced = Signal()  # a sync finished (or failed); the status is up to date

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page_sync")
        heading = QLabel(self.tr("与省级服务器同步"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.server = QLineEdit(ctx.settings.sync_server)
        self.server.setObjectName("server")
        self.server.setPlaceholderText("https://zsdesk.example.gov.cn")
        self.user = QLineEdit(ctx.settings.sync_user or ctx.officer)
        self.user.setObjectName("user")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("留空则使用系统钥匙串中保存的密码"))
        box = QGroupBox(self.tr("连接"))
        box.setMaximumWidth(640)
        form = QFormLayout(box)
        form.addRow(self.tr("服务器地址"), self.server)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        self.sync_button = QPushButton(self.tr("立即同步"))
        self.sync_button.setObjectName("syncButton")
        self.conflicts_button = QPushButton()
        self.conflicts_button.setObjectName("conflictsButton")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.conflicts_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(box)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.sync_button.clicked.connect(self.sync)
        self.conflicts_button.clicked.connect(self.show_conflicts)
        ctx.changes.changed.connect(lambda _t: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        info = sync_status(self.ctx.ws)
        lines = [self.tr("待上传的修改：%1 条").replace("%1", str(info["pending"]))]
        if info["rejected"]:
            lines.append(self.tr("被服务器拒绝：%1 条").replace("%1", str(info["rejected"])))
        lines.append(self.tr("上次同步：%1").replace("%1", info["last_sync"] or self.tr("从未同步")))
        if info["last_error"]:
            lines.append(self.tr("上次错误：%1").replace("%1", info["last_error"]))
        self.status.setText("\n".join(lines))
        self.conflicts_button.setText(self.tr("冲突 (%1)").replace("%1", str(info["open_conflicts"])))
        self.conflicts_button.setEnabled(info["open_conflicts"] > 0)

    def sync(self) -> None:
        server, user, password = self.server.text().strip(), self.user.text().strip(), self.password.text()
        if not server or not user:
            QMessageBox.warning(self, self.tr("同步"), self.tr("请填写服务器地址和用户名。"))
            return
        self.ctx.settings.sync_server = server
        self.ctx.settings.sync_user = user

        def job(ws: Any, progress: Any, cancel: Any) -> Any:
            # Imported here, on the worker: the network code (httpx, keyring, the wire models) takes
            # ≈250 ms to load, which the window must not wait for.
            from ...services import sync as sync_service

            return sync_service.sync_now(
                ws, server=server, username=user, password=password or None, progress=progress, cancel=cancel
            )

        self.sync_button.setEnabled(False)

        def done(result: Any) -> None:
            self.sync_button.setEnabled(True)
            self.password.clear()
            self.result.setText(result.summary())
            emit(self.synced)
            self.ctx.changes.notify("visit", "enterprise", "project", "demand", "task", "event", "trip")

        def failed(exc: BaseException) -> None:
            from ..jobs import describe_error

            self.sync_button.setEnabled(True)
            self.result.setText(self.tr("同步失败：%1").replace("%1", describe_error(exc)))
            self.refresh()
            emit(self.synced)

        self.ctx.jobs.run(job, done, title=self.tr("正在同步"), parent=self, write=True, on_error=failed)

    def show_conflicts(self) -> ConflictsDialog:
        dialog = ConflictsDialog(self.ctx, self)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()
        return dialog


class ConflictsDialog(QDialog):
    """Each conflicting field with its 本机 / 服务器 / 原值; choose which to keep."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("conflicts")
        self.setWindowTitle(self.tr("同步冲突"))
        self.table = QTableWidget(self)
        self.table.setColumnCount(6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("记录"),
                self.tr("字段"),
                self.tr("本机"),
                self.tr("服务器"),
                self.tr("原值"),
                self.tr("修改人"),
            ]
        )
        keep_local = QPushButton(self.tr("保留本机"))
        keep_server = QPushButton(self.tr("采用服务器"))
        keep_local.clicked.connect(lambda: self.resolve("local"))
        keep_server.clicked.connect(lambda: self.resolve("server"))
        keep_base = QPushButton(self.tr("恢复原值"))
        keep_base.clicked.connect(lambda: self.resolve("base"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(keep_local)
        row.addWidget(keep_server)
        row.addWidget(keep_base)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.resize(880, 420)
        self.load()

    def load(self) -> None:
        self.rows = list_conflicts(self.ctx.ws)
        self.table.setRowCount(len(self.rows))
        for r, c in enumerate(self.rows):
            values = [
                f"{record_title(c.table_title)} {c.record}".strip(),
                column_label(c.label),
                # Enum values (a stage, a status) in the UI language; money in 亿元, lists joined.
                *(
                    display(v) if isinstance(v, str) and c.kind != "money" else c.text(w)
                    for w, v in (("local", c.local), ("server", c.server), ("base", c.base))
                ),
                f"{c.local_author} / {c.server_author}",
            ]
            for col, value in enumerate(values):
                self.table.setItem(r, col, QTableWidgetItem("" if value is None else str(value)))
        self.table.resizeColumnsToContents()

    def resolve(self, choice: str) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if not rows:
            return
        ids = [self.rows[r].id for r in rows]

        def resolve(ws: Any) -> None:
            for conflict_id in ids:
                resolve_conflict(ws, conflict_id, choice)

        def failed(exc: BaseException) -> None:
            from ..jobs import describe_error

            QMessageBox.warning(self, self.tr("同步冲突"), describe_error(exc))
            self.load()

        self.ctx.write(resolve, lambda _r: self.load(), owner=self, on_error=failed)
