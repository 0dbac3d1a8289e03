"""Printing: the 走访纪要 of one visit and the team lead's 周报, previewed with QtPdf, then printed or saved."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QWidget

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


def week_span(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of the week holding `day` (the 周报's 起止日期)."""
    start = day - dt.timedelta(days=day.weekday())
    return start, start + dt.timedelta(days=6)


def span_text(day: dt.date) -> str:
    """ "11月30日至12月6日": how officers name a week."""
    a, b = week_span(day)
    return QCoreApplication.translate("ReportActions", "%1月%2日至%3月%4日").replace("%1", str(a.month)).replace(
        "%2", str(a.day)).replace("%3", str(b.month)).replace("%4", str(b.day))  # fmt: skip


def ask_week(parent: QWidget | None, today: dt.date | None = None) -> dt.date | None:
    """Any date of the wanted week (default today), with the week's 起止日期 shown as it is typed."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel

    from .dates import DateEdit

    dialog = QDialog(parent)
    dialog.setObjectName("weekDialog")
    dialog.setWindowTitle(QCoreApplication.translate("ReportActions", "周报"))
    edit = DateEdit(dialog)
    edit.setObjectName("weekDate")
    start = today or dt.date.today()
    edit.setDate(QDate(start.year, start.month, start.day))
    span = QLabel(dialog)
    span.setObjectName("weekSpan")

    def update() -> None:
        day = edit.date()
        span.setText(
            span_text(day.toPython())
            if day.isValid()
            else QCoreApplication.translate("ReportActions", "日期无效")
        )  # type: ignore[arg-type]

    edit.textChanged.connect(lambda _t: update())
    update()
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
        QCoreApplication.translate("ReportActions", "生成")
    )
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("ReportActions", "取消")
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form = QFormLayout(dialog)
    form.addRow(QCoreApplication.translate("ReportActions", "周内任一日期(&D)："), edit)
    form.addRow(QCoreApplication.translate("ReportActions", "起止日期："), span)
    form.addRow(buttons)
    if not dialog.exec() or not edit.date().isValid():
        return None
    return edit.date().toPython()  # type: ignore[return-value]


def weekly_report(ctx: UiContext, parent: QWidget, week: str | None = None, on_shown: Any = None) -> None:
    """The 周报 of this office for the week holding a date the officer picks (default today)."""
    label = week or ""
    if week is None:
        day = ask_week(parent)
        if day is None:
            return
        year, number, _ = day.isocalendar()
        week, label = f"{year}-W{number:02d}", span_text(day)
    office = lists.office_name(ctx.ws)
    from ..services.reports import weekly_report as render

    def job(ws: Any, _progress: Any, _cancel: Any) -> bytes:
        return render(ws, office=office, week=week)

    def done(data: bytes) -> None:
        preview = show_pdf(
            parent,
            data,
            QCoreApplication.translate("ReportActions", "周报 %1").replace("%1", label),
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
