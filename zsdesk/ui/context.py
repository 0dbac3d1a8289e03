"""What every screen needs, passed down from main.py (no globals): workspace, settings, jobs, undo."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..services.context import Workspace
from .jobs import JobRunner
from .qtcompat import emit
from .settings import Settings


class Changes(QObject):
    """Broadcast of which tables a write touched, so each screen refreshes only what it shows."""

    changed = Signal(object)  # frozenset[str] of table names

    def notify(self, *tables: str) -> None:
        emit(self.changed, frozenset(tables))


class UiContext:
    """A plain class (not a dataclass): it is built before the first paint (see services.context)."""

    def __init__(self, ws: Workspace, settings: Settings, jobs: JobRunner, changes: Changes) -> None:
        self.ws = ws
        self.settings = settings
        self.jobs = jobs
        self.changes = changes
        # (table, id, label) of deletions, newest last: Ctrl+Z brings the last one back.
        self.deleted: list[tuple[str, str, str]] = []
        self.closed = False  # set when the window closes: late timers must not touch the database

    @property
    def officer(self) -> str:
        return self.settings.officer or self.ws.store.author

    def delete(self, table: str, row_id: str, label: str) -> None:
        self.ws.store.delete(table, row_id)
        self.deleted.append((table, row_id, label))
        self.changes.notify(table)

    def undo_delete(self) -> str | None:
        if not self.deleted:
            return None
        table, row_id, label = self.deleted.pop()
        self.ws.store.undelete(table, row_id)
        self.changes.notify(table)
        return label
