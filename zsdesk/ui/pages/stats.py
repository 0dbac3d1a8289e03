"""统计: the 情况统计表 for a unit and period, 同比 and targets; click a figure to see its records."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.periods import PRESET_LABELS, PRESETS, preset
from ...domain.stats import COLUMNS, MONEY_COLUMNS, TOTAL_LABEL
from ..column_labels import column_label
from ..context import UiContext
from ..domain_text import preset_name, target_text, unit_line
from ..qtcompat import emit
from ..value_labels import display

BEHIND = QBrush(QColor("#fde2e1"))
# Column names of the drill-down rows that the record labels do not cover (or cover ambiguously).
DRILL_LABELS = {
    "name": QT_TRANSLATE_NOOP("Columns", "名称"),
    "date": QT_TRANSLATE_NOOP("Columns", "日期"),
    "kind": QT_TRANSLATE_NOOP("Columns", "类型"),
    "unit": QT_TRANSLATE_NOOP("Columns", "填报单位"),
    "office": QT_TRANSLATE_NOOP("Columns", "办事处"),
    "enterprise": QT_TRANSLATE_NOOP("Columns", "企业"),
    "project": QT_TRANSLATE_NOOP("Columns", "项目"),
    "visits": QT_TRANSLATE_NOOP("Columns", "走访次数"),
    "first_visit": QT_TRANSLATE_NOOP("Columns", "首次走访"),
    "last_visit": QT_TRANSLATE_NOOP("Columns", "最近走访"),
    "note": QT_TRANSLATE_NOOP("Columns", "备注"),
}
# Drill-down columns holding enum values (industry, stage ...) or a 市(州): shown translated.
DRILL_VALUES = frozenset({"industry", "stage", "status", "kind", "unit"})


def drill_label(name: str) -> str:
    """Chinese header for a drill-down column: the table above, else any record field's label."""
    if name in DRILL_LABELS:
        return DRILL_LABELS[name]
    from ...domain.records import BY_TABLE, field_specs

    for table in BY_TABLE:
        spec = field_specs(table).get(name)
        if spec is not None:
            return spec.label
    return name


def drill_heading(name: str) -> str:
    """The drill-down column heading in the UI language."""
    return column_label(drill_label(name))


class StatsPage(QWidget):
    computed = Signal()  # the sheet on screen is up to date
    drilled = Signal()  # a drill-down window opened

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
        self.preset.setCurrentIndex(PRESETS.index("quarter"))
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.compute_button = QPushButton(self.tr("计算"))
        self.compute_button.setObjectName("computeButton")
        self.table = QTableWidget()
        self.table.setObjectName("statsTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.note = QLabel(self.tr("单击任一数字查看其背后的记录。红底表示同比增长未达10%。"))
        self.targets = QLabel()
        self.targets.setObjectName("targets")
        self.targets.setWordWrap(True)
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("填报单位")), self.unit, QLabel(self.tr("周期")), self.preset,
                       self.date_from, QLabel(self.tr("至")), self.date_to, self.compute_button):  # fmt: skip
            bar.addWidget(widget)
        bar.addStretch(1)
        out = QHBoxLayout()
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
        layout.addWidget(heading)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.targets)
        layout.addLayout(out)
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.compute_button.clicked.connect(self.compute)
        self.table.cellClicked.connect(self.drill)
        self._apply_preset()

    def _apply_preset(self) -> None:
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

    def compute(self) -> None:
        from ...services import stats

        start, end = self.period()
        unit = self.unit.currentData()
        last_year, targets_step = self.tr("计算去年同期"), self.tr("核对目标")

        # A province-wide sheet, last year's and the targets take ≈1.5 s: computed on a worker.
        def job(ws: Any, progress: Any, _cancel: Any) -> tuple[Any, Any, Any]:
            sheet = stats.compute_stats(ws, date_from=start, date_to=end, unit=unit)
            progress(0.4, last_year)
            previous = stats.same_period_last_year(ws, date_from=start, date_to=end, unit=unit)
            progress(0.7, targets_step)
            targets = stats.check_targets(ws, date_from=start, date_to=end, unit=unit)
            return sheet, stats.year_on_year(sheet, previous), targets

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

        self.table.clear()
        self.table.setColumnCount(1 + len(COLUMNS))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels([self.tr("市(州)"), *[column_label(h) for _, h in COLUMNS]])
        for r, row in enumerate(rows):
            unit_item = QTableWidgetItem(display(row.unit))  # 市(州) and 合计 translated
            unit_item.setData(Qt.ItemDataRole.UserRole, row.unit)  # the unit as stored, for drilling
            self.table.setItem(r, 0, unit_item)
            for c, (key, _header) in enumerate(COLUMNS, start=1):
                item = QTableWidgetItem(row.display(key))
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
        lines = [unit_line(r.unit, target_text(r)) for r in results[:9]]
        self.targets.setText("\n".join(lines) + ("\n" + self.tr("……") if len(results) > 9 else ""))
        emit(self.computed)

    def drill(self, row: int, column: int) -> None:
        if self.sheet is None or column == 0:
            return
        from ...services import stats

        key, header = COLUMNS[column - 1]
        unit = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        start, end = self.period()
        chosen = None if unit == TOTAL_LABEL else unit

        # A province-wide figure can stand on 36,000 records (0.5 s): fetched on a worker.
        def job(ws: Any, _progress: Any, _cancel: Any) -> list[dict[str, Any]]:
            return stats.drilldown(ws, key=key, unit=chosen, date_from=start, date_to=end)

        self.ctx.jobs.run(
            job, lambda records: self.show_drill(f"{display(unit)} · {column_label(header)}", records), title=self.tr("正在查询"),
            parent=self, owner=self,
        )  # fmt: skip

    def show_drill(self, title: str, records: list[dict[str, Any]]) -> QDialog:
        from ..table_model import RecordsModel

        dialog = QDialog(self)
        dialog.setObjectName("drilldown")
        dialog.setWindowTitle(
            self.tr("%1：%2 条记录").replace("%1", title).replace("%2", f"{len(records):,}")
        )
        names = [n for n in (records[0] if records else {}) if n != "id" and not n.endswith("_id")]
        view = QTableView(dialog)
        view.setObjectName("drillTable")
        view.setModel(
            RecordsModel(records, [(n, drill_heading(n)) for n in names], view, vocabulary=DRILL_VALUES)
        )
        view.verticalHeader().hide()
        view.setAlternatingRowColors(True)
        for c, name in enumerate(names):
            wide = {"name": 250, "enterprise": 250, "project": 250, "credit_code": 180, "unit": 160}
            width = wide.get(name, 110)
            if name in DRILL_VALUES:  # translated values run longer in English
                width = max(width, min(200, view.sizeHintForColumn(c)))
            view.setColumnWidth(c, width)

        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        dialog.resize(900, 480)
        self.last_drill = dialog
        dialog.open()
        emit(self.drilled)
        return dialog

    # -- output -----------------------------------------------------------------------------------
    def _report(self, fmt: str, done: Any) -> None:
        start, end = self.period()
        unit = self.unit.currentData()
        officer = self.ctx.officer
        step = self.tr("正在生成报表")

        def job(ws: Any, progress: Any, cancel: Any) -> bytes:
            from ...services.reports import stats_report

            progress(0.1, step)
            return stats_report(ws, date_from=start, date_to=end, unit=unit, fmt=fmt, filler=officer)

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
