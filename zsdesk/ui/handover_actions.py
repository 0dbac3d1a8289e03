"""Printing what officers hand over: 出访简报, 一企一档, 督办单 and the 外出招商一表 (built on a worker,
previewed with 打印…/保存PDF…; the 督办单 can also be saved as .xlsx)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .context import UiContext
from .report_actions import show_pdf

MAX_BRIEFING = 60


def _pdf(
    ctx: UiContext,
    parent: QWidget,
    build: Callable[[Any], bytes],
    *,
    busy: str,
    title: str,
    filename: str,
    on_shown: Callable[[Any], None] | None = None,
) -> None:
    def done(data: bytes) -> None:
        preview = show_pdf(parent, data, title, filename)
        if on_shown is not None:
            on_shown(preview)

    ctx.jobs.run(lambda ws, _p, _c: build(ws), done, title=busy, parent=parent, owner=parent)


def briefing_for_trip(ctx: UiContext, parent: QWidget, trip_id: str, on_shown: Any = None) -> None:
    from ..services.handover import briefing_pack

    _pdf(
        ctx,
        parent,
        lambda ws: briefing_pack(ws, trip_id=trip_id),
        busy=QCoreApplication.translate("HandoverActions", "正在生成出访简报"),
        title=QCoreApplication.translate("HandoverActions", "出访简报"),
        filename="出访简报.pdf",
        on_shown=on_shown,
    )


def briefing_for_enterprises(
    ctx: UiContext, parent: QWidget, enterprise_ids: Sequence[str], on_shown: Any = None
) -> None:
    from ..services.handover import briefing_pack

    ids = list(enterprise_ids)
    if not ids:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("HandoverActions", "出访简报"),
            QCoreApplication.translate(
                "HandoverActions", "请先选中要拜访的企业（按住 Ctrl 或 Shift 可多选）。"
            ),
        )
        return
    if len(ids) > MAX_BRIEFING:
        # Selecting the whole list would make thousands of pages nobody reads on a plane.
        text = QCoreApplication.translate(
            "HandoverActions", "已选中 %1 家企业。一份出访简报最多包含 %2 家，请缩小选择。"
        )
        QMessageBox.information(
            parent,
            QCoreApplication.translate("HandoverActions", "出访简报"),
            text.replace("%1", str(len(ids))).replace("%2", str(MAX_BRIEFING)),
        )
        return
    _pdf(
        ctx,
        parent,
        lambda ws: briefing_pack(ws, enterprise_ids=ids),
        busy=QCoreApplication.translate("HandoverActions", "正在生成出访简报"),
        title=QCoreApplication.translate("HandoverActions", "出访简报"),
        filename="出访简报.pdf",
        on_shown=on_shown,
    )


def enterprise_file(ctx: UiContext, parent: QWidget, enterprise_id: str, on_shown: Any = None) -> None:
    from ..services.handover import enterprise_file as build

    if not enterprise_id:
        return
    _pdf(
        ctx,
        parent,
        lambda ws: build(ws, enterprise_id=enterprise_id),
        busy=QCoreApplication.translate("HandoverActions", "正在生成一企一档"),
        title=QCoreApplication.translate("HandoverActions", "一企一档"),
        filename="一企一档.pdf",
        on_shown=on_shown,
    )


def trips_sheet(
    ctx: UiContext, parent: QWidget, date_from: str = "", date_to: str = "", on_shown: Any = None
) -> None:
    from ..services.handover_sheets import trips_sheet as build

    _pdf(
        ctx,
        parent,
        lambda ws: build(ws, date_from=date_from, date_to=date_to),
        busy=QCoreApplication.translate("HandoverActions", "正在生成外出招商一表"),
        title=QCoreApplication.translate("HandoverActions", "外出招商一表"),
        filename="外出招商一表.pdf",
        on_shown=on_shown,
    )


def demands_sheet(
    ctx: UiContext,
    parent: QWidget,
    *,
    department: str = "",
    overdue: bool = False,
    fmt: str = "pdf",
    on_shown: Any = None,
    path: str | None = None,
    today: dt.date | None = None,
) -> None:
    """The 督办单 of the 诉求 screen's department/overdue filters: previewed as PDF, or saved as .xlsx.

    Days overdue are counted to `today` (default: the day it is built)."""
    from ..services.handover_sheets import demands_sheet as build

    name = f"督办单{('-' + department) if department else ''}"
    if fmt == "pdf":
        _pdf(
            ctx,
            parent,
            lambda ws: build(ws, department=department, overdue=overdue, today=today),
            busy=QCoreApplication.translate("HandoverActions", "正在生成督办单"),
            title=QCoreApplication.translate("HandoverActions", "督办单"),
            filename=f"{name}.pdf",
            on_shown=on_shown,
        )
        return
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("HandoverActions", "保存督办单"),
            f"{name}.xlsx",
            "Excel (*.xlsx)",
        )
    if not path:
        return

    def save(data: bytes) -> None:
        try:
            with open(path, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            QMessageBox.warning(
                parent, QCoreApplication.translate("HandoverActions", "保存失败"), f"{path}：{exc.strerror}"
            )
            return
        if on_shown is not None:
            on_shown(path)

    ctx.jobs.run(
        lambda ws, _p, _c: build(ws, department=department, overdue=overdue, fmt="xlsx", today=today),
        save,
        title=QCoreApplication.translate("HandoverActions", "正在生成督办单"),
        parent=parent,
        owner=parent,
    )
