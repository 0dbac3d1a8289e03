"""Excel import (dry-run report first, then the real import) and export from the 文件 menu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .context import UiContext

# The four sheet kinds (services.excel_formats); the kind stays Chinese, the menu shows the UI language.
KINDS = (
    QT_TRANSLATE_NOOP("ExcelActions", "企业"),
    QT_TRANSLATE_NOOP("ExcelActions", "走访"),
    QT_TRANSLATE_NOOP("ExcelActions", "项目"),
    QT_TRANSLATE_NOOP("ExcelActions", "推介会"),
    # the ledgers (台账) of 004's 一库一表两台账, exchanged like the four sheets
    QT_TRANSLATE_NOOP("ExcelActions", "诉求"),
    QT_TRANSLATE_NOOP("ExcelActions", "任务"),
    QT_TRANSLATE_NOOP("ExcelActions", "外出招商"),
    QT_TRANSLATE_NOOP("ExcelActions", "服务专员"),
)


def _tr(text: str) -> str:
    # Literal context for Qt (lupdate would file `parent.tr(...)` under "parent").
    return QCoreApplication.translate("ExcelActions", text)


def _choose_kind(parent: QWidget, title: str) -> str | None:
    shown = [_tr(kind) for kind in KINDS]
    text, ok = QInputDialog.getItem(
        parent, title, QCoreApplication.translate("ExcelActions", "表类型："), shown, 0, False
    )
    return KINDS[shown.index(text)] if ok and text in shown else None


class ImportReportDialog(QDialog):
    """Shows the dry-run report; 导入 is offered only when it makes sense."""

    def __init__(self, summary: str, *, ok: bool, has_good_rows: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("导入预检结果"))
        self.choice = ""
        text = QPlainTextEdit(summary)
        text.setReadOnly(True)
        buttons = QDialogButtonBox()
        if ok:
            buttons.addButton(self.tr("确认导入"), QDialogButtonBox.ButtonRole.AcceptRole).clicked.connect(
                lambda: self._pick("all")
            )
        elif has_good_rows:
            buttons.addButton(
                self.tr("只导入无误的行"), QDialogButtonBox.ButtonRole.AcceptRole
            ).clicked.connect(lambda: self._pick("partial"))
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(
            self.reject
        )
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _pick(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def import_excel(ctx: UiContext, parent: QWidget, path: str | None = None, kind: str | None = None) -> None:
    kind = kind or _choose_kind(parent, QCoreApplication.translate("ExcelActions", "导入Excel"))
    if not kind:
        return
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("ExcelActions", "选择要导入的Excel文件"), "", "Excel (*.xlsx)"
        )
    if not path:
        return
    from ..services.excel_import import import_sheet

    def dry(ws: Any, progress: Any, cancel: Any) -> Any:
        return import_sheet(ws.store, kind, path, dry_run=True, progress=progress, cancel=cancel)

    def real(partial: bool) -> None:
        def job(ws: Any, progress: Any, cancel: Any) -> tuple[Any, frozenset[str]]:
            # The outer transaction records what the import wrote (its own joins it; a rollback
            # inside still undoes everything), so the screens of exactly those tables refresh.
            with ws.store.transaction() as batch:
                report = import_sheet(
                    ws.store, kind, path, allow_partial=partial, progress=progress, cancel=cancel
                )
            return report, frozenset(batch.tables) if report.committed else frozenset()

        def done(out: tuple[Any, frozenset[str]]) -> None:
            report, tables = out
            if tables and not ctx.closed:
                ctx.changes.broadcast(tables)
            ImportReportDialog(report.summary(), ok=False, has_good_rows=False, parent=parent).exec()

        ctx.jobs.run(
            job, done, title=QCoreApplication.translate("ExcelActions", "正在导入"), parent=parent, write=True
        )

    def checked(report: Any) -> None:
        dialog = ImportReportDialog(
            report.summary(), ok=report.ok, has_good_rows=report.rows > len(report.error_rows), parent=parent
        )
        if dialog.exec() and dialog.choice:
            real(dialog.choice == "partial")

    ctx.jobs.run(
        dry,
        checked,
        title=QCoreApplication.translate("ExcelActions", "正在检查Excel文件"),
        parent=parent,
        write=True,
    )


def export_excel(ctx: UiContext, parent: QWidget, path: str | None = None, kind: str | None = None) -> None:
    kind = kind or _choose_kind(parent, QCoreApplication.translate("ExcelActions", "导出Excel"))
    if not kind:
        return
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("ExcelActions", "导出到"), f"{kind}.xlsx", "Excel (*.xlsx)"
        )
    if not path:
        return
    from ..services.excel_export import export_sheet

    def job(ws: Any, progress: Any, cancel: Any) -> int:
        return export_sheet(ws.store, kind, path, progress=progress, cancel=cancel)

    def done(count: int) -> None:
        parent.window().statusBar().showMessage(
            QCoreApplication.translate("ExcelActions", "已导出 %1 行到 %2")
            .replace("%1", str(count))
            .replace("%2", Path(path).name),
            8000,
        )

    ctx.jobs.run(job, done, title=QCoreApplication.translate("ExcelActions", "正在导出"), parent=parent)
