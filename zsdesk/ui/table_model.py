"""A lazy table model: rowids from SQL, a bounded row cache, rows loaded a page at a time.

model = LazyTableModel(ws, "visit"); model.set_filters({"form": "上门拜访"}, text="新能源")
Sorting re-queries in SQL; only visible pages are ever read, so 1,000,000 visits stay smooth.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ..domain.money import format_yi
from ..services import lists as listing
from ..services.context import Workspace
from .column_labels import column_label
from .qtcompat import emit
from .value_labels import VALUE_COLUMNS, display_list, yes
from .value_labels import display as display_value

ASYNC_ROWS = (
    20_000  # above this many rows the id query runs on a worker (52k enterprises: 0.2 s; 1M visits: 1 s)
)
PAGE = 100  # rows read per query, centred on the row asked for
CACHE_ROWS = 3000  # bounded: a long scroll never holds more than this many rows
OVERDUE = QBrush(QColor("#fde2e1"))
Index = QModelIndex | QPersistentModelIndex


def display(kind: str, value: Any, *, vocabulary: bool = False) -> str:
    """A cell as shown; `vocabulary` cells (enum values such as 签约落地) in the UI language."""
    if value is None or value == "":
        return ""
    if kind == "money":
        return format_yi(value)
    if kind == "bool":
        return yes(value)
    if kind == "list":
        if vocabulary:
            return display_list(value)
        text = str(value)
        return text.strip("[]").replace('"', "").replace(",", "、")
    if vocabulary:
        return display_value(value)
    return str(value)


class LazyTableModel(QAbstractTableModel):
    """Rows of one list spec; `record_id(row)` gives the record id for actions."""

    loading = Signal(bool)  # True while a large id query runs in the background

    def __init__(
        self, ws: Workspace, table: str, parent: Any = None, *, jobs: Any = None, load: bool = True
    ) -> None:
        """`load=False`: no query yet (a list page sets its filters first, then loads once)."""
        super().__init__(parent)
        self.ws = ws
        self.jobs = jobs  # a JobRunner: big lists query their ids off the GUI thread
        self._generation = 0
        self.table = table
        self.spec = listing.SPECS[table]
        # Cells of vocabulary columns are shown translated; filters, sorting and edits use the value.
        vocabulary = VALUE_COLUMNS.get(table, frozenset())
        self._vocabulary = tuple(c.key in vocabulary for c in self.spec.columns)
        self.filters: dict[str, Any] = {}
        self.text = ""
        self.sort_key = self.spec.default_sort
        self.descending = True
        self._ids = array("q")
        self._cache: OrderedDict[int, tuple[Any, ...]] = OrderedDict()
        self.highlight: Callable[[tuple[Any, ...]], bool] | None = None
        self.busy = False  # an id query runs on a worker
        self.error = ""  # why the last id query failed ('' when it did not)
        self.loaded = False  # an id query has run (or is running)
        if load:
            self.reload()

    # -- queries ------------------------------------------------------------------------------
    def _query(self, db: Any) -> array:
        return listing.list_rowids(
            db, self.table, self.filters, text=self.text, sort=self.sort_key, descending=self.descending
        )

    def _is_big(self) -> bool:
        return self.jobs is not None and listing.approx_rows(self.ws, self.table) > ASYNC_ROWS

    def reload(self) -> None:
        """Re-run the id query; large tables query on a worker and swap the ids in when done."""
        self._generation += 1
        self.loaded = True
        if self._is_big():
            generation = self._generation
            table, filters, text = self.table, dict(self.filters), self.text
            sort, descending = self.sort_key, self.descending

            def job(ws: Any, _progress: Any, _cancel: Any) -> array:
                return listing.list_rowids(ws, table, filters, text=text, sort=sort, descending=descending)

            def done(ids: array) -> None:
                if generation == self._generation:  # a newer query superseded this one
                    self.busy, self.error = False, ""
                    self._swap(ids)
                    emit(self.loading, False)

            def failed(exc: BaseException) -> None:
                # The old rows stay; the count line says the query failed instead of "正在查询…".
                if generation == self._generation:
                    from .jobs import describe_error

                    self.busy, self.error = False, describe_error(exc)
                    emit(self.loading, False)

            self.busy = True
            emit(self.loading, True)
            self.jobs.run(job, done, on_error=failed, owner=self)
            return
        self.busy, self.error = False, ""
        self._swap(self._query(self.ws))

    def _swap(self, ids: array) -> None:
        self.beginResetModel()
        self._ids = ids
        self._cache.clear()
        self.endResetModel()

    def set_filters(self, filters: dict[str, Any], *, text: str = "") -> None:
        self.filters = dict(filters)
        self.text = text
        self.reload()

    def _row(self, row: int) -> tuple[Any, ...] | None:
        rowid = self._ids[row]
        cached = self._cache.get(rowid)
        if cached is not None:
            self._cache.move_to_end(rowid)
            return cached
        start = max(0, row - PAGE // 2)
        page = self._ids[start : start + PAGE]
        loaded = listing.load_rows(self.ws, self.table, page)
        for rid in page:
            self._cache[rid] = loaded.get(rid, ("",) + ("",) * len(self.spec.columns))
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)
        return self._cache.get(rowid)

    def record_id(self, row: int) -> str:
        data = self._row(row)
        return str(data[0]) if data else ""

    def row_of(self, record_id: str) -> int:
        rowid = listing.rowid_of(self.ws, self.table, record_id)
        if rowid is None:
            return -1
        try:
            return self._ids.index(rowid)
        except ValueError:
            return -1

    def value(self, row: int, key: str) -> Any:
        data = self._row(row)
        keys = [c.key for c in self.spec.columns]
        return data[1 + keys.index(key)] if data else None

    # -- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.spec.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            data = self._row(index.row())
            if data is None:
                return None
            column = self.spec.columns[index.column()]
            return display(column.kind, data[1 + index.column()], vocabulary=self._vocabulary[index.column()])
        if role == Qt.ItemDataRole.BackgroundRole and self.highlight is not None:
            data = self._row(index.row())
            if data is not None and self.highlight(data):
                return OVERDUE
        if role == Qt.ItemDataRole.TextAlignmentRole:
            kind = self.spec.columns[index.column()].kind
            if kind in ("money", "int"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.spec.columns):
            return column_label(self.spec.columns[section].label)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.spec.columns):
            return
        self.sort_key = self.spec.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        if not self.loaded:
            return  # the first load sorts this way (a view enabling sorting calls this at once)
        if self._is_big():
            self.reload()
            return
        emit(self.layoutAboutToBeChanged)
        self._ids = self._query(self.ws)
        self._cache.clear()
        # Persistent indexes cannot follow rows across an SQL re-sort; park them (views re-select).
        self.changePersistentIndexList(
            self.persistentIndexList(), [QModelIndex() for _ in self.persistentIndexList()]
        )
        emit(self.layoutChanged)


def overdue_rule(date_key: str, closed: Callable[[tuple[Any, ...]], bool], spec_keys: list[str]):
    """Row highlighter: the date column lies before today and the record is not closed."""
    pos = 1 + spec_keys.index(date_key)
    today = date.today().isoformat()

    def rule(row: tuple[Any, ...]) -> bool:
        value = row[pos]
        return bool(value) and str(value) < today and not closed(row)

    return rule


class RecordsModel(QAbstractTableModel):
    """Read-only rows already in memory (e.g. a statistics drill-down of 36,000 records): cells
    are formatted on demand, so a big result costs no widget per cell."""

    def __init__(
        self,
        records: list[dict[str, Any]],
        columns: list[tuple[str, str]],
        parent: Any = None,
        *,
        vocabulary: frozenset[str] = frozenset(),
    ):
        super().__init__(parent)
        self.records = records
        self.columns = columns  # (key, header)
        self.vocabulary = vocabulary  # keys whose values are enum labels, shown translated

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        key = self.columns[index.column()][0]
        value = self.records[index.row()].get(key)
        return display("money" if key.endswith("_wan") else "text", value, vocabulary=key in self.vocabulary)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section][1]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
