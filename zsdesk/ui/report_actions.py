"""Printing: the 走访纪要 of one visit and the team lead's 周报, previewed with QtPdf, then printed or saved."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QInputDialog, QMessageBox, QPushButton, QWidget

from ..services import lists
from .context import UiContext
from .pdf_preview import PdfPreview, print_pdf


def show_pdf(parent: QWidget, data: bytes, title: str, filename: str) -> PdfPreview:
    """Preview with 打印… and 保存… buttons under the pages."""
    preview = PdfPreview(data, title, parent)
    row = QHBoxLayout()
    row.addStretch(1)
    for text, slot in (
        (QCoreApplication.translate("ReportActions", "打印…"), lambda: print_pdf(data, preview)),
        (QCoreApplication.translate("ReportActions", "保存PDF…"), lambda: _save(preview, data, filename)),
    ):
        button = QPushButton(text, preview)
        button.clicked.connect(slot)
        row.addWidget(button)
    preview.layout().addLayout(row)
    preview.open()
    return preview


def _save(parent: QWidget, data: bytes, filename: str) -> None:
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ReportActions", "保存PDF"), filename, "PDF (*.pdf)"
    )
    if not path:
        return
    try:
        with open(path, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("ReportActions", "保存失败"), f"{path}：{exc.strerror}"
        )


def visit_report(ctx: UiContext, parent: QWidget, visit_id: str, on_shown: Any = None) -> None:
    from ..services.reports import visit_report as render

    def job(ws: Any, _progress: Any, _cancel: Any) -> bytes:
        return render(ws, visit_id)

    def done(data: bytes) -> None:
        preview = show_pdf(
            parent, data, QCoreApplication.translate("ReportActions", "走访纪要"), "走访纪要.pdf"
        )
        if on_shown is not None:
            on_shown(preview)

    ctx.jobs.run(
        job,
        done,
        title=QCoreApplication.translate("ReportActions", "正在生成走访纪要"),
        parent=parent,
        owner=parent,
    )


def weekly_report(ctx: UiContext, parent: QWidget, week: str | None = None, on_shown: Any = None) -> None:
    """The 周报 of this office for an ISO week (asked for, default this week)."""
    if week is None:
        year, number, _ = dt.date.today().isocalendar()
        week, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("ReportActions", "周报"),
            QCoreApplication.translate("ReportActions", "周次（如 2024-W26）："),
            text=f"{year}-W{number:02d}",
        )
        if not ok:
            return
    office = lists.office_name(ctx.ws)
    from ..services.reports import weekly_report as render

    def job(ws: Any, _progress: Any, _cancel: Any) -> bytes:
        return render(ws, office=office, week=week)

    def done(data: bytes) -> None:
        preview = show_pdf(
            parent,
            data,
            QCoreApplication.translate("ReportActions", "周报 %1").replace("%1", week),
            f"周报{week}.pdf",
        )
        if on_shown is not None:
            on_shown(preview)

    ctx.jobs.run(
        job,
        done,
        title=QCoreApplication.translate("ReportActions", "正在生成周报"),
        parent=parent,
        owner=parent,
    )
