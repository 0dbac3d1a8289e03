"""统计: the 情况统计表 for a unit and period, 同比 and targets; click a figure to see its records."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.periods import PRESET_LABELS, PRESETS, preset
from ...domain.stats import COLUMNS, MONEY_COLUMNS, NOTE_HEADER, TOTAL_LABEL
from ..column_labels import column_label
from ..context import UiContext
from ..domain_text import preset_name, target_text, target_title, unit_line
from ..qtcompat import emit
from ..value_labels import display
from .stats_drill import DRILL_LABELS, DRILL_VALUES, drill_dialog, drill_heading, drill_label

__all__ = ["DRILL_LABELS", "DRILL_VALUES", "StatsPage", "drill_heading", "drill_label"]

BEHIND = QBrush(QColor("#fde2e1"))


class StatsPage(QWidget):
    computed = Signal()  # the sheet on screen is up to date
    drilled = Signal()  # a drill-down window opened
    note_saved = Signal()  # a 备注 typed in the table is kept

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page_stats")
        self.sheet: Any = None
        self.growth: dict[str, Any] = {}
        heading = QLabel(self.tr("情况统计表"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        self.unit.addItem(self.tr("全部单位"), None)
        from ...services.lists import units

        for name in units(ctx.ws):
            self.unit.addItem(display(name), name)  # a 市(州) shows translated; office names are data
        self.preset = QComboBox()
        self.preset.setObjectName("preset")
        for key in PRESETS:
            self.preset.addItem(preset_name(PRESET_LABELS[key]), key)
        self.preset.addItem(self.tr("自定义"), "")
        self.preset.setCurrentIndex(PRESETS.index("report"))  # 本报送期: what the 10th/25th sheet covers
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.campaign = QComboBox()
        self.campaign.setObjectName("campaign")
        self.campaign.addItem(self.tr("（无专项行动）"), None)
        from ...services.campaigns import current_campaign, list_campaigns

        self.campaigns = {c.id: c for c in list_campaigns(ctx.ws)}
        for c in self.campaigns.values():
            self.campaign.addItem(c.name, c.id)
        self.period_only = QCheckBox(self.tr("仅本报送期"))
        self.period_only.setObjectName("periodOnly")
        self.period_only.setToolTip(self.tr("默认自行动开始累计；勾选后只统计截止日所在的半月报送期"))
        self.filler = QLineEdit(ctx.officer)
        self.filler.setObjectName("filler")
        self.filler.setPlaceholderText(self.tr("填报人"))
        self.filler.setMaximumWidth(140)
        self.filled_on = QDateEdit(QDate.currentDate())
        self.filled_on.setObjectName("filledOn")
        self.filled_on.setCalendarPopup(True)
        self.filled_on.setDisplayFormat("yyyy-MM-dd")
        self.yoy = QCheckBox(self.tr("附同比"))
        self.yoy.setObjectName("yoy")
        self.compute_button = QPushButton(self.tr("计算"))
        self.compute_button.setObjectName("computeButton")
        self.table = QTableWidget()
        self.table.setObjectName("statsTable")
        # Only 备注 is editable (double-click or F2); figures come from the records.
        self.table.setEditTriggers(
            QTableWidget.EditTrigger.DoubleClicked | QTableWidget.EditTrigger.EditKeyPressed
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.note = QLabel(
            self.tr("单击任一数字查看其背后的记录；双击“备注”填写本期备注。红底表示同比增长未达10%。")
        )
        self.targets = QLabel()
        self.targets.setObjectName("targets")
        self.targets.setWordWrap(True)
        # Two rows, so the page fits 1366 px in English too: what to count, then the period.
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        for widget in (QLabel(self.tr("填报单位")), self.unit, QLabel(self.tr("专项行动")), self.campaign,
                       self.period_only):  # fmt: skip
            top.addWidget(widget)
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("周期")), self.preset, self.date_from, QLabel(self.tr("至")), self.date_to,
                       self.compute_button):  # fmt: skip
            bar.addWidget(widget)
        bar.addStretch(1)
        self.title = QLabel()
        self.title.setObjectName("sheetTitle")
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("sheetPeriod")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        out = QHBoxLayout()
        for widget in (
            QLabel(self.tr("填报人")),
            self.filler,
            QLabel(self.tr("填报时间")),
            self.filled_on,
            self.yoy,
        ):
            out.addWidget(widget)
        for text, slot, name in (
            (self.tr("预览PDF"), self.preview, "previewButton"),
            (self.tr("打印…"), self.print_, "printButton"),
            (self.tr("保存PDF…"), lambda: self.save("pdf"), "savePdfButton"),
            (self.tr("保存Excel…"), lambda: self.save("xlsx"), "saveXlsxButton"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            out.addWidget(button)
        out.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.targets)
        layout.addLayout(out)
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.campaign.currentIndexChanged.connect(self._apply_campaign)
        self.period_only.toggled.connect(self.compute)
        self.compute_button.clicked.connect(self.compute)
        # Figures computed before an edit are stale: the 计算 button says so until pressed again.
        ctx.changes.changed.connect(lambda _tables: self._mark_stale())
        self.table.cellClicked.connect(self.drill)
        self.table.itemChanged.connect(self._note_edited)
        running = current_campaign(ctx.ws, dt.date.today())
        if running is not None:  # during a campaign its sheet is the one to send
            self.campaign.setCurrentIndex(self.campaign.findData(running.id))
        else:
            self._apply_campaign()

    def chosen_campaign(self) -> Any:
        return self.campaigns.get(self.campaign.currentData())

    def _apply_campaign(self) -> None:
        """A campaign fixes the start (its first day) and reports up to a date; no campaign: presets."""
        c = self.chosen_campaign()
        self.period_only.setEnabled(c is not None)
        self.preset.setEnabled(c is None)
        if c is None:
            self._apply_preset()
            return
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(True)
        until = min(max(dt.date.today(), c.start), c.end)
        self.date_to.setDate(QDate(until.year, until.month, until.day))
        self.compute()

    def _apply_preset(self) -> None:
        if self.chosen_campaign() is not None:
            return
        key = self.preset.currentData()
        custom = not key
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if key:
            period = preset(key, dt.date.today())
            self.date_from.setDate(QDate(period.start.year, period.start.month, period.start.day))
            self.date_to.setDate(QDate(period.end.year, period.end.month, period.end.day))
            self.compute()

    def period(self) -> tuple[str, str]:
        return self.date_from.date().toString("yyyy-MM-dd"), self.date_to.date().toString("yyyy-MM-dd")

    def _mark_stale(self) -> None:
        if self.table.rowCount() > 0:
            self.compute_button.setText(self.tr("重新计算（数据已变更）"))
            self.compute_button.setStyleSheet("color: #c0392b; font-weight: bold;")

    def compute(self) -> None:
        from ...services import stats

        self.compute_button.setText(self.tr("计算"))
        self.compute_button.setStyleSheet("")

        start, end = self.period()
        unit = self.unit.currentData()
        campaign, period_only = self.chosen_campaign(), self.period_only.isChecked()
        if campaign is not None:
            start = None  # the campaign decides: its start, or the half-month with 仅本报送期
        last_year, targets_step = self.tr("计算去年同期"), self.tr("核对目标")

        # A province-wide sheet, last year's and the targets take ≈1.5 s: computed on a worker.
        def job(ws: Any, progress: Any, _cancel: Any) -> tuple[Any, Any, Any]:
            sheet = stats.sheet_for(
                ws,
                date_from=start,
                date_to=end,
                unit=unit,
                campaign=campaign,
                period_only=period_only,
                yoy=True,
            )
            progress(0.7, targets_step)
            targets = (
                stats.check_targets(
                    ws, date_from=sheet.date_from, date_to=sheet.date_to, unit=unit, campaign=campaign
                )
                if campaign is not None
                else []
            )
            progress(0.9, last_year)
            return sheet, stats.year_on_year(sheet, sheet.previous), targets

        self.compute_button.setEnabled(False)
        self.ctx.jobs.run(
            job, lambda r: self.show_sheet(*r), title=self.tr("正在计算统计表"), parent=self, owner=self,
            on_error=self._failed,
        )  # fmt: skip

    def _failed(self, exc: BaseException) -> None:
        from ..jobs import describe_error

        self.compute_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("统计"), describe_error(exc))

    def show_sheet(self, sheet: Any, growth: dict[str, Any], results: list[Any]) -> None:
        from ...services import stats

        self.compute_button.setEnabled(True)
        self.sheet, self.growth = sheet, growth
        rows = [*self.sheet.rows, self.sheet.total]

        self.table.blockSignals(True)  # filling the table is not the user editing 备注
        self.table.clear()
        self.table.setColumnCount(2 + len(COLUMNS))
        self.table.setRowCount(len(rows))
        # Same headings as the printed sheet: 市(州) when every row is a 市州, else 单位.
        self.table.setHorizontalHeaderLabels(
            [
                column_label(sheet.unit_header),
                *[column_label(h) for _, h in COLUMNS],
                column_label(NOTE_HEADER),
            ]
        )
        self.title.setText(sheet.title)
        if self.chosen_campaign() is not None:  # the start the campaign chose, shown in the greyed field
            self.date_from.setDate(QDate(sheet.date_from.year, sheet.date_from.month, sheet.date_from.day))
        span = f"{sheet.date_from.isoformat()} 至 {sheet.date_to.isoformat()}"
        self.subtitle.setText(
            self.tr("统计期间：%1").replace("%1", span + (f"（{sheet.basis}）" if sheet.basis else ""))
            + "　　" + self.tr("填报单位：%1").replace("%1", display(sheet.unit_text))
        )  # fmt: skip
        fixed = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        for r, row in enumerate(rows):
            unit_item = QTableWidgetItem(display(row.unit))  # 市(州) and 合计 translated
            unit_item.setData(Qt.ItemDataRole.UserRole, row.unit)  # the unit as stored, for drilling
            unit_item.setFlags(fixed)
            self.table.setItem(r, 0, unit_item)
            note = QTableWidgetItem(row.note)
            note.setFlags(fixed if row.unit == TOTAL_LABEL else fixed | Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 1 + len(COLUMNS), note)
            for c, (key, _header) in enumerate(COLUMNS, start=1):
                item = QTableWidgetItem(row.display(key))  # as printed: 合计 adds these up
                item.setFlags(fixed)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                growth = self.growth.get(row.unit, {}).get(key)
                if growth is not None:
                    pct = growth.percent
                    last = growth.previous / 10000 if key in MONEY_COLUMNS else growth.previous
                    item.setToolTip(self.tr("去年同期：%1；同比：%2").replace("%1", f"{last:g}").replace(
                        "%2", "—" if pct is None else f"{pct}%"))  # fmt: skip
                    if growth.meets_target is False and key in stats.GROWTH_KEYS:
                        item.setBackground(BEHIND)
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.blockSignals(False)
        if results:
            first = results[0]
            head = (
                self.tr("目标进度（%1，自行动开始累计至%2）")
                .replace("%1", first.campaign)
                .replace("%2", first.counted_to.isoformat() if first.counted_to else "")
            )
            lines = [head]
            # One line per unit: actual/minimum of each target, so 21 市(州) still fit the screen.
            for unit, group in groupby(results, key=lambda r: r.unit):
                mine = list(group)
                parts = [f"{target_title(r.target)} {r.actual}/{r.target.minimum}" for r in mine]
                if all(r.met for r in mine):
                    state = self.tr("已完成")
                else:
                    state = self.tr("未完成") if first.finished else self.tr("进行中")
                lines.append(unit_line(unit, "　".join(parts) + f"（{state}）"))
            shown = lines[:10]
            self.targets.setText("\n".join(shown) + ("\n" + self.tr("……") if len(lines) > 10 else ""))
            self.targets.setToolTip(
                "\n".join(unit_line(r.unit, target_text(r) if r.finished else r.text) for r in results)
            )
        else:
            self.targets.setText(
                self.tr("未选择专项行动：不显示目标。") if self.chosen_campaign() is None else ""
            )
        emit(self.computed)

    def _note_edited(self, item: QTableWidgetItem) -> None:
        """Keep the typed 备注 for this unit and exactly the period on screen (a synced record)."""
        if self.sheet is None or item.column() != 1 + len(COLUMNS):
            return
        from ...services import stats

        unit = self.table.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)
        start, end, text = self.sheet.date_from, self.sheet.date_to, item.text()
        for row in self.sheet.rows:
            if row.unit == unit:
                row.note = text.strip()

        def job(ws: Any, _progress: Any, _cancel: Any) -> None:
            stats.set_note(ws, unit=unit, date_from=start, date_to=end, text=text)

        self.ctx.jobs.run(job, lambda _r: emit(self.note_saved), title=self.tr("保存备注"), parent=self,
                          write=True, owner=self, on_error=self._failed)  # fmt: skip

    def drill(self, row: int, column: int) -> None:
        if self.sheet is None or column == 0 or column > len(COLUMNS):
            return
        from ...services import stats

        key, header = COLUMNS[column - 1]
        unit = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        start, end = self.sheet.date_from, self.sheet.date_to  # the period on screen
        chosen = None if unit == TOTAL_LABEL else unit

        # A province-wide figure can stand on 36,000 records (0.5 s): fetched on a worker.
        def job(ws: Any, _progress: Any, _cancel: Any) -> list[dict[str, Any]]:
            return stats.drilldown(ws, key=key, unit=chosen, date_from=start, date_to=end)

        self.ctx.jobs.run(
            job, lambda records: self.show_drill(f"{display(unit)} · {column_label(header)}", records), title=self.tr("正在查询"),
            parent=self, owner=self,
        )  # fmt: skip

    def show_drill(self, title: str, records: list[dict[str, Any]]) -> QDialog:
        self.last_drill = drill_dialog(self, title, records)
        emit(self.drilled)
        return self.last_drill

    # -- output -----------------------------------------------------------------------------------
    def _report(self, fmt: str, done: Any) -> None:
        """Print exactly the sheet on screen (its period, notes, title), with the fill-in fields."""
        if self.sheet is None:
            return
        import copy

        sheet = copy.copy(self.sheet)
        if not self.yoy.isChecked():
            sheet.previous = None
        filler = self.filler.text().strip() or self.ctx.officer
        filled = self.filled_on.date()
        filled_on = dt.date(filled.year(), filled.month(), filled.day())
        step = self.tr("正在生成报表")

        def job(ws: Any, progress: Any, cancel: Any) -> bytes:
            from ...services.reports import stats_report

            progress(0.1, step)
            return stats_report(ws, sheet=sheet, fmt=fmt, filler=filler, filled_on=filled_on)

        self.ctx.jobs.run(job, done, title=self.tr("生成统计表"), parent=self)

    def preview(self) -> None:
        from ..report_actions import show_pdf

        self._report("pdf", lambda data: show_pdf(self, data, self.tr("情况统计表"), "情况统计表.pdf"))

    def print_(self) -> None:
        from ..pdf_preview import print_pdf

        self._report("pdf", lambda data: print_pdf(data, self))

    def save(self, fmt: str) -> None:
        suffix = "PDF (*.pdf)" if fmt == "pdf" else "Excel (*.xlsx)"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存统计表"), f"情况统计表.{fmt}", suffix)
        if path:
            self._report(fmt, lambda data: _write(self, path, data))


def _write(parent: QWidget, path: str, data: bytes) -> None:
    try:
        with open(path, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("StatsPage", "保存失败"), f"{path}：{exc.strerror}"
        )
