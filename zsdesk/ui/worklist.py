"""The dashboard's work lists: a tree whose columns share its visible width by their content."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTreeWidget, QWidget

MIN_COLUMN = 40  # px: below this a column shows nothing useful


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
