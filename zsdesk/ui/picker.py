"""Enterprise picker: a line edit with incremental Chinese search (FTS for 3+ chars, LIKE below)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from ..services import lists as listing
from ..services.context import Workspace
from .qtcompat import emit

SEARCH_DELAY_MS = 120  # wait for a pause in typing; an IME commits whole words at once anyway
MAX_HITS = 30


class EnterprisePicker(QLineEdit):
    """`enterprise_id()` is set once a suggestion is chosen; typing again clears it."""

    picked = Signal(str)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._id = ""
        self._by_name: dict[str, str] = {}
        self.setPlaceholderText(self.tr("输入企业名称或简称检索，如“新能源”"))
        self._names = QStringListModel(self)
        self.completer_ = QCompleter(self._names, self)
        # The SQL already filtered; the completer must show every hit (not re-filter by prefix).
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(self.completer_)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_while_shown)
        self.textEdited.connect(self._edited)
        self.completer_.activated.connect(self._choose)

    def _edited(self, _text: str) -> None:
        self._id = ""
        self._timer.start()

    def _search_while_shown(self) -> None:
        # A closed dialog's pending timer must not query a workspace that may be closed by now.
        if self.isVisible():
            self.search_now()

    def search_now(self) -> list[str]:
        text = self.text().strip()
        if not text:
            self._names.setStringList([])
            return []
        ids = listing.search_ids(self.ws, "enterprise", text, limit=MAX_HITS)
        names = listing.names_by_id(self.ws, "enterprise", ids)
        self._by_name = {names[i]: i for i in ids if i in names}
        hits = list(self._by_name)
        self._names.setStringList(hits)
        if hits and self.hasFocus():
            self.completer_.complete()
        exact = self._by_name.get(text)
        if exact:
            self._id = exact
        return hits

    def _choose(self, name: str) -> None:
        self._id = self._by_name.get(name, "")
        if self._id:
            emit(self.picked, self._id)

    def choose(self, name: str) -> None:
        """Pick a suggestion by name (what clicking it in the popup does)."""
        self.setText(name)
        self._choose(name)

    def enterprise_id(self) -> str:
        return self._id

    def set_enterprise(self, enterprise_id: str) -> None:
        names = listing.names_by_id(self.ws, "enterprise", [enterprise_id])
        self.setText(names.get(enterprise_id, ""))
        self._id = enterprise_id if enterprise_id in names else ""


class EnterpriseListEditor(QWidget):
    """Several enterprises (推介会参会企业、外出招商拜访企业): pick one, 添加; double-click removes."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QHBoxLayout, QListWidget, QPushButton, QVBoxLayout

        super().__init__(parent)
        self.ws = ws
        self.picker = EnterprisePicker(ws, self)
        add = QPushButton(self.tr("添加"), self)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(110)
        self.list.setToolTip(self.tr("双击移除"))
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        row.addWidget(add)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(self.list)
        add.clicked.connect(self.add_current)
        self.picker.returnPressed.connect(self.add_current)
        self.list.itemDoubleClicked.connect(lambda item: self.list.takeItem(self.list.row(item)))

    def add_current(self) -> None:
        if not self.picker.enterprise_id():
            self.picker.search_now()
        if self.picker.enterprise_id():
            self.add(self.picker.enterprise_id())
            self.picker.clear()

    def add(self, enterprise_id: str) -> None:
        from PySide6.QtWidgets import QListWidgetItem

        if enterprise_id in self.ids():
            return
        name = listing.names_by_id(self.ws, "enterprise", [enterprise_id]).get(enterprise_id, enterprise_id)
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, enterprise_id)
        self.list.addItem(item)

    def ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def set_ids(self, ids: list[str]) -> None:
        self.list.clear()
        for eid in ids or []:
            self.add(eid)
