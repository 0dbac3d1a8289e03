"""The one write path of the GUI (after Anki's CollectionOp): a write is one store transaction on
the write lane, and the tables it touched are broadcast to the screens from that transaction.

    write_op(ctx, lambda ws: records.create(ws, "task", values), done, parent=self)

`fn(ws)` runs on the write-lane thread with the lane's own Workspace; it must not touch widgets.
The GUI thread never writes: drafts, saves, deletes and undo all queue here, in order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QWidget

    from ..services.context import Workspace
    from .context import UiContext


def write_op(
    ctx: UiContext,
    fn: Callable[[Workspace], Any],
    on_done: Callable[[Any], None] | None = None,
    *,
    parent: QWidget | None = None,
    title: str = "",
    on_error: Callable[[BaseException], None] | None = None,
    owner: QObject | None = None,
    quiet: bool = False,
) -> None:
    """Run `fn(ws)` in one transaction on the write lane, then broadcast what it touched.

    `on_done(result)` / `on_error(exc)` run on the GUI thread, skipped when `owner` is gone; the
    broadcast happens regardless (the other screens still need to know). `quiet` (drafts) writes
    without a broadcast and logs instead of showing a failure.
    """
    officer = ctx.officer

    def job(ws: Workspace | None, _progress: Any, _cancel: Any) -> tuple[Any, frozenset[str]]:
        assert ws is not None
        if officer:
            ws.store.author = officer  # renamed since the start: writes carry today's name
        with ws.store.transaction() as batch:
            result = fn(ws)
        return result, frozenset(batch.tables)

    def alive() -> bool:
        return owner is None or shiboken6.isValid(owner)

    def done(out: tuple[Any, frozenset[str]]) -> None:
        result, tables = out
        if tables and not quiet and not ctx.closed:  # closing: nobody may query any more
            ctx.changes.broadcast(tables)
        if on_done is not None and alive():
            on_done(result)

    def failed(exc: BaseException) -> None:
        if not alive():
            return
        if on_error is not None:
            on_error(exc)
        elif not quiet:
            from PySide6.QtCore import QCoreApplication
            from PySide6.QtWidgets import QMessageBox

            from .jobs import describe_error

            QMessageBox.warning(
                parent, title or QCoreApplication.translate("WriteOp", "保存失败"), describe_error(exc)
            )

    ctx.jobs.run(job, done, write=True, parent=parent if title else None, title=title, on_error=failed)
