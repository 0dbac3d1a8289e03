"""Columns that share a view's visible width by their content: the dashboard's work lists, the list screens."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView, QTreeWidget, QWidget

MIN_COLUMN = 40  # px: below this a column shows nothing useful
MAX_NATURAL = 420  # px: one long value must not claim the whole width


def share_width(natural: list[int], weights: dict[int, int], width: int) -> list[int]:
    """Column widths that fill `width`: an unweighted column (a date, a state) keeps its natural
    width; weighted ones (text, names) get theirs when their share of the rest allows it, else the
    share (elided, the tooltip has it whole); what is left over goes to the heaviest column."""
    widths = list(natural)
    room = width - sum(w for col, w in enumerate(natural) if col not in weights)
    pending = dict(weights)
    while pending:
        share = room / sum(pending.values())
        fitting = [col for col, weight in pending.items() if natural[col] <= share * weight]
        if not fitting:
            for col, weight in pending.items():
                widths[col] = max(MIN_COLUMN, int(share * weight))
            break
        for col in fitting:
            room -= natural[col]
            del pending[col]
    main = max(weights, key=lambda col: weights[col])
    widths[main] = max(MIN_COLUMN, widths[main] + width - sum(widths))
    return widths


class WorkList(QTreeWidget):
    """A flat list of rows. Columns fit their content and never push the text column out of view:
    `weights` names the long columns (column -> share of the room the short ones leave)."""

    def __init__(self, name: str, headers: list[str], weights: dict[int, int], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setHeaderLabels(headers)
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.header().setStretchLastSection(False)
        self.header().setMinimumSectionSize(MIN_COLUMN)
        self.weights = weights
        self.natural: list[int] = []

    def measure(self) -> None:
        """Take the natural widths of the rows just filled in, then fit them to the width."""
        header = self.header()
        self.natural = [
            max(header.sectionSizeHint(col), self.sizeHintForColumn(col)) for col in range(self.columnCount())
        ]
        self.fit()

    def fit(self) -> None:
        if self.natural:
            for col, width in enumerate(share_width(self.natural, self.weights, self.viewport().width())):
                self.setColumnWidth(col, width)

    def resizeEvent(self, event: Any) -> None:
        # Also called when the vertical scroll bar appears and narrows the viewport.
        super().resizeEvent(event)
        self.fit()


class ColumnFitter(QObject):
    """Shares a list screen's width among its columns, refitted as the window resizes, until the
    user drags a column: from then on the user's widths stay (the page saves them). `widths` are
    the guesses until rows are on screen, then each column's content (never under its `floors`);
    `weights` name the long columns."""

    def __init__(
        self, view: QTableView, widths: list[int], floors: list[int], weights: dict[int, int]
    ) -> None:
        super().__init__(view)
        self.view, self.natural, self.floors, self.weights = view, widths, floors, weights
        self.active = True
        self.fitting = False
        self.measured = False
        header = view.horizontalHeader()
        header.setStretchLastSection(False)  # the text column takes the room, not the last one
        # sizeHintForColumn then reads the rows on screen only (a lazy list may have a million).
        header.setResizeContentsPrecision(0)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.active:
            self.fit()
        return False

    def measure(self) -> None:
        """Replace the guesses by the widths of the rows on screen, once (later filters must not make
        columns jump)."""
        if self.measured or not self.active or not self.view.isVisible() or not self.view.model().rowCount():
            return
        self.measured = True
        for col, floor in enumerate(self.floors):
            self.natural[col] = max(floor, min(MAX_NATURAL, self.view.sizeHintForColumn(col)))
        self.fit()

    def fit(self) -> None:
        self.fitting = True
        try:
            for col, width in enumerate(
                share_width(self.natural, self.weights, self.view.viewport().width())
            ):
                self.view.setColumnWidth(col, width)
        finally:
            self.fitting = False

    def resized_by_user(self) -> bool:
        """For sectionResized: True when the user (not the fitter) resized a column; fitting stops."""
        if self.fitting:
            return False
        self.active = False
        return True
