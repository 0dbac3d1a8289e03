"""A list screen: search + filters on top, a lazy SQL-backed table, and 新建/编辑/删除 actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .context import UiContext
from .qtcompat import emit
from .table_model import LazyTableModel
from .value_labels import display, vocabulary
from .worklist import ColumnFitter

FILTER_DELAY_MS = 200
# Filter combos stay this narrow (their lists open as wide as the longest item): English values
# ("Equipment manufacturing") would otherwise push the visit list past a 1366-pixel screen.
FILTER_COMBO_WIDTH = 130
# Columns of free text and names: they share the room the dates, states and amounts leave.
LONG_COLUMNS = ("enterprise", "name", "content", "title", "purpose", "places", "duties")
# The column of each list that takes what is left of the window (the longest free text).
STRETCH = {
    "visit": "purpose",
    "enterprise": "name",
    "project": "name",
    "demand": "content",
    "task": "title",
    "event": "name",
    "trip": "places",
    "commissioner": "duties",
}


class ListPage(QWidget):
    """Subclasses set `table`, add filters with `add_combo`/`add_date_range`, and override `edit`/`create`."""

    table = ""
    title = ""
    watches: tuple[str, ...] = ()  # other tables whose changes alter this list's rows
    ascending = False  # default order of the default sort column (dates: newest first)

    status_message = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"page_{self.table}")
        # Loaded once, after `setup` has put up its filters (a first query without them, then the
        # sort the view asks for, then the filtered one ran three queries per screen opened).
        self.model = LazyTableModel(ctx.ws, self.table, self, jobs=ctx.jobs, load=False)
        self._filters: dict[str, Callable[[], Any]] = {}
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("搜索…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.filter_bar = QHBoxLayout()
        self.filter_bar.addWidget(self.search)
        self.action_bar = QHBoxLayout()
        self.count = QLabel(self)
        self.view = QTableView(self)
        self.view.setObjectName("table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        keys = [c.key for c in self.model.spec.columns]
        order = Qt.SortOrder.AscendingOrder if self.ascending else Qt.SortOrder.DescendingOrder
        header.setSortIndicator(keys.index(self.model.sort_key), order)

        self.view.setSortingEnabled(True)
        floors = self._apply_column_widths()
        self.fitter: ColumnFitter | None = None
        state = ctx.settings.columns(self.table)
        if state is None or not header.restoreState(state):
            # Long columns (names, the free text) share what the short ones leave; at 1366 px fixed
            # widths pushed the last columns (项目's 最近进展) behind a sideways scroll bar.
            weights = {i: 3 if c.key == STRETCH.get(self.table) else 1
                       for i, c in enumerate(self.model.spec.columns) if c.key in LONG_COLUMNS}  # fmt: skip
            widths = [self.view.columnWidth(i) for i in range(len(keys))]
            self.fitter = ColumnFitter(self.view, widths, floors, weights) if weights else None
        header.sectionResized.connect(self._save_columns)
        header.sectionMoved.connect(self._save_columns)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.view.doubleClicked.connect(lambda index: self.edit(index.row()))
        self.model.modelReset.connect(self._update_count)
        self.model.layoutChanged.connect(self._update_count)
        self.model.loading.connect(self._loading)
        self.model.modelReset.connect(lambda: QTimer.singleShot(0, self, self._select_pending))
        if self.fitter is not None:
            # Measured on the first rows on screen, once they are loaded (each reset).
            fitter = self.fitter
            self.model.modelReset.connect(lambda: QTimer.singleShot(0, self, fitter.measure))
        self._pending_select = ""
        self.add_button(self.tr("新建"), self.create, "newButton")
        self.add_button(self.tr("编辑"), lambda: self.edit(self.current_row()), "editButton")
        self.add_button(self.tr("删除"), self.delete_selected, "deleteButton")
        layout = QVBoxLayout(self)
        heading = QLabel(self.title)
        heading.setObjectName("heading")
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addLayout(self.action_bar)
        layout.addLayout(top)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        ctx.changes.changed.connect(self._on_changes)
        if self.ascending:
            self.model.descending = False
        self.setup()
        heading.setText(self.title)
        self.filter_bar.addStretch(1)
        if not self.model.loaded:  # the one query: with the filters setup put up
            self.refresh()
        self._update_count()

    # -- building blocks for subclasses ---------------------------------------------------------
    def setup(self) -> None:
        """Add filters and extra actions."""

    def _apply_column_widths(self) -> list[int]:
        """Set the starting widths; return each column's floor (its heading, its longest vocabulary
        value: both run longer in English than in Chinese)."""
        header = self.view.horizontalHeader()
        metrics = header.fontMetrics()
        floors = []
        for i, column in enumerate(self.model.spec.columns):
            width = {"date": 100, "money": 110, "bool": 70, "int": 90}.get(column.kind, 130)
            if column.key in LONG_COLUMNS:
                width = 250  # company names run to 15-20 characters
            elif column.key == "credit_code":
                width = 180  # 18 characters
            heading = str(self.model.headerData(i, Qt.Orientation.Horizontal) or "")
            floor = metrics.horizontalAdvance(heading) + 28  # + margins and sort arrow
            values = [display(v) for v in vocabulary(self.table, column.key)]
            if values:
                floor = max(floor, min(190, max(metrics.horizontalAdvance(v) for v in values) + 16))
            floors.append(floor)
            self.view.setColumnWidth(i, max(width, floor))
        return floors

    def add_button(self, text: str, slot: Callable[[], Any], name: str = "") -> QPushButton:
        button = QPushButton(text, self)
        if name:
            button.setObjectName(name)
        button.clicked.connect(slot)
        self.action_bar.addWidget(button)
        return button

    def add_combo(self, name: str, label: str, items: list[str] | list[tuple[str, Any]]) -> QComboBox:
        """A filter combo; items are values (shown in the UI language: enum labels such as 签约落地
        are translated, other values shown as stored) or (shown text, value) pairs; the first
        entry means 全部. The filter always uses the stored value."""
        combo = QComboBox(self)
        combo.setObjectName(f"filter_{name}")
        combo.addItem(self.tr("全部"), "")
        for item in items:
            text, value = item if isinstance(item, tuple) else (display(item), item)
            combo.addItem(text, value)
        combo.setMaximumWidth(FILTER_COMBO_WIDTH)
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        self.filter_bar.addWidget(QLabel(label))
        self.filter_bar.addWidget(combo)
        combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self._filters[name] = combo.currentData
        return combo

    def add_combo_later(self, name: str, label: str, load: Callable[[Any], list[str]]) -> QComboBox:
        """`add_combo` whose values come from a query run on a worker (`load(ws)`): on a province
        database even a bounded DISTINCT takes tens of ms, which opening a screen must not wait for.
        The combo offers 全部 at once and its values when they arrive."""
        combo = self.add_combo(name, label, [])

        def fill(values: list[str]) -> None:
            for value in values:
                combo.addItem(display(value), value)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)

        self.ctx.jobs.run(lambda ws, _progress, _cancel: load(ws), fill, owner=self)
        return combo

    def add_date_range(self) -> tuple[QDateEdit, QDateEdit]:
        edits = []
        for name, label in (("date_from", self.tr("从")), ("date_to", self.tr("至"))):
            edit = QDateEdit(self)
            edit.setObjectName(f"filter_{name}")
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setSpecialValueText(self.tr("不限"))
            edit.setMinimumDate(QDate(2000, 1, 1))
            edit.setDate(edit.minimumDate())  # the special value: no limit
            edit.dateChanged.connect(lambda _d: self.refresh())
            self.filter_bar.addWidget(QLabel(label))
            self.filter_bar.addWidget(edit)
            self._filters[name] = lambda e=edit: (
                "" if e.date() == e.minimumDate() else e.date().toString("yyyy-MM-dd")
            )
            edits.append(edit)
        return edits[0], edits[1]

    def add_filter(self, name: str, getter: Callable[[], Any]) -> None:
        self._filters[name] = getter

    # -- behaviour ----------------------------------------------------------------------------
    def filters(self) -> dict[str, Any]:
        return {name: getter() for name, getter in self._filters.items()}

    def refresh(self) -> None:
        self.model.set_filters(self.filters(), text=self.search.text())

    def _on_changes(self, tables: frozenset[str]) -> None:
        if self.table in tables or "enterprise" in tables or tables & set(self.watches):
            self.refresh()

    def _update_count(self) -> None:
        if self.model.error:
            self.count.setText(self.tr("查询失败：%1").replace("%1", self.model.error))
            return
        self.count.setText(self.tr("共 %1 条").replace("%1", f"{self.model.rowCount():,}"))

    def _loading(self, busy: bool) -> None:
        if busy:
            self.count.setText(self.tr("正在查询…"))
        else:
            self._update_count()

    def _save_columns(self, *_args: Any) -> None:
        if self.fitter is not None and not self.fitter.resized_by_user():
            return  # fitted to the window, not chosen: nothing to remember
        self.ctx.settings.set_columns(self.table, self.view.horizontalHeader().saveState())

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.view.selectionModel().selectedRows()})

    def current_id(self) -> str:
        row = self.current_row()
        return self.model.record_id(row) if row >= 0 else ""

    def select_id_when_loaded(self, record_id: Any) -> None:
        """Select a record just written, once the list has re-run its query (big lists query on a
        worker: selecting at once would look in the old rows)."""
        if not record_id:
            return
        self._pending_select = str(record_id)
        if not self.model.busy:
            self._select_pending()

    def _select_pending(self) -> None:
        record_id, self._pending_select = getattr(self, "_pending_select", ""), ""
        if record_id:
            self.select_id(record_id)

    def select_id(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def create(self) -> None:
        """Open the new-record dialog."""

    def edit(self, row: int) -> None:
        """Open the record at `row` for editing."""

    def describe(self, row: int) -> str:
        return str(
            self.model.data(self.model.index(row, 1)) or self.model.data(self.model.index(row, 0)) or ""
        )

    def delete_selected(self) -> None:
        """Delete the selected rows in one transaction; one Ctrl+Z restores all of them."""
        rows = self.selected_rows() or ([self.current_row()] if self.current_row() >= 0 else [])
        if not rows:
            return
        ids = [self.model.record_id(r) for r in rows]
        label = self.describe(rows[0]) + (
            self.tr(" 等 %1 条").replace("%1", str(len(ids))) if len(ids) > 1 else ""
        )

        def failed(exc: BaseException) -> None:
            from .jobs import describe_error

            QMessageBox.warning(self, self.tr("删除失败"), describe_error(exc))

        def done(deleted: list[str]) -> None:
            emit(
                self.status_message, self.tr("已删除 %1 条。按 Ctrl+Z 撤销").replace("%1", str(len(deleted)))
            )

        self.ctx.delete(self.table, ids, label, done, on_error=failed, owner=self)
