"""What every screen needs, passed down from main.py (no globals): workspace, settings, jobs, undo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..services.context import Workspace
from .jobs import JobRunner
from .qtcompat import emit
from .settings import Settings


class Changes(QObject):
    """Broadcast of which tables a write touched, so each screen refreshes only what it shows.

    Writes broadcast from their transaction (ui/ops.py); `notify` remains for changes that are not
    writes of this laptop's store (a setting that changes what a list shows, a sync).
    """

    changed = Signal(object)  # frozenset[str] of table names

    def broadcast(self, tables: frozenset[str]) -> None:
        emit(self.changed, frozenset(tables))

    def notify(self, *tables: str) -> None:
        emit(self.changed, frozenset(tables))


class UiContext:
    """A plain class (not a dataclass): it is built before the first paint (see services.context)."""

    def __init__(self, ws: Workspace, settings: Settings, jobs: JobRunner, changes: Changes) -> None:
        self.ws = ws
        self.settings = settings
        self.jobs = jobs
        self.changes = changes
        # (table, ids, label) of deletions, newest last: Ctrl+Z brings the last group back at once.
        self.deleted: list[tuple[str, list[str], str]] = []
        self.closed = False  # set when the window closes: late timers must not touch the database

    @property
    def officer(self) -> str:
        return self.settings.officer or self.ws.store.author

    def write(
        self, fn: Callable[[Workspace], Any], on_done: Callable[[Any], None] | None = None, **kw: Any
    ) -> None:
        from .ops import write_op

        write_op(self, fn, on_done, **kw)

    def delete(
        self,
        table: str,
        ids: list[str],
        label: str,
        on_done: Callable[[Any], None] | None = None,
        **kw: Any,
    ) -> None:
        """Delete `ids` in one transaction; one Ctrl+Z brings all of them back."""
        from ..services import records

        def done(deleted: list[str]) -> None:
            self.deleted.append((table, deleted, label))
            if on_done is not None:
                on_done(deleted)

        self.write(lambda ws: records.delete_many(ws, table, list(ids)), done, **kw)

    def undo_delete(self, on_done: Callable[[str | None], None] | None = None) -> str | None:
        """Start restoring the newest deleted group; returns its label (None: nothing to undo)."""
        from ..services import records

        if not self.deleted:
            return None
        table, ids, label = self.deleted.pop()
        self.write(
            lambda ws: records.undelete_many(ws, table, ids),
            (lambda _r: on_done(label)) if on_done is not None else None,
        )
        return label
