"""The statistics screen's drill-down: the records behind one figure, in a table dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QTableView, QVBoxLayout, QWidget

from ..column_labels import column_label

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


def drill_dialog(parent: QWidget, title: str, records: list[dict[str, Any]]) -> QDialog:
    """Open (non-modal) a dialog listing `records`; ids are left out, enum values translated."""
    from ..table_model import RecordsModel

    dialog = QDialog(parent)
    dialog.setObjectName("drilldown")
    heading = QCoreApplication.translate("StatsPage", "%1：%2 条记录")
    dialog.setWindowTitle(heading.replace("%1", title).replace("%2", f"{len(records):,}"))
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
    dialog.open()
    return dialog
