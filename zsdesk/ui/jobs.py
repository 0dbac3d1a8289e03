"""Background jobs: a thread pool for reads/network and a one-thread lane for DB writes.

runner.run(fn, on_done, title="导入Excel", write=True)
`fn(ws, progress, cancel)` runs on a worker thread with its own Workspace (sqlite connections are
per-thread); results and errors come back on the GUI thread through queued signals.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from ..domain.errors import DomainError
from ..services.context import Workspace, open_workspace
from ..services.progress import Cancelled, Throttled
from .qtcompat import emit

# QProgressDialog, QMessageBox and the Qt namespace are imported where used: building their Python
# enums costs ≈20 ms, which start-up (no job runs before the first paint) should not pay.
JobFn = Callable[[Workspace | None, Callable[[float, str], None], Callable[[], bool]], Any]
# The dialog appears only for jobs slower than this, so quick jobs never flash a window.
PROGRESS_DELAY_MS = 500


def log_failure(title: str, exc: BaseException) -> None:
    """Every failed background job goes to the log file with its traceback (the user sees a sentence)."""
    import logging

    text = getattr(exc, "__traceback_text__", "") or f"{type(exc).__name__}: {exc}"
    level = logging.WARNING if isinstance(exc, DomainError) else logging.ERROR
    logging.getLogger("zsdesk.jobs").log(level, "后台任务失败（%s）：%s", title or "-", text)


def describe_error(exc: BaseException) -> str:
    """Plain words in the UI language; unexpected errors say so without a traceback wall."""
    from PySide6.QtCore import QCoreApplication

    from .domain_text import error_text, errors_text

    if isinstance(exc, DomainError):
        errors = getattr(exc, "errors", None)
        return errors_text(list(errors.values())) if errors else error_text(str(exc))
    if isinstance(exc, OSError):
        return QCoreApplication.translate("JobRunner", "文件操作失败：%1").replace(
            "%1", str(exc.strerror or exc)
        )
    return QCoreApplication.translate("JobRunner", "程序内部错误：%1").replace(
        "%1", f"{type(exc).__name__}: {exc}"
    )


class _Bridge(QObject):
    """Carries a job's progress and end to the GUI thread.

    Only plain C++ types cross the thread: the outcome stays a Python attribute that the GUI
    thread reads when `ended` arrives (queued Signal(object) payloads corrupted refcounts of
    None/True in PySide 6.12 and crashed the interpreter at exit).
    """

    progress = Signal(float, str)
    ended = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.outcome: tuple[str, Any] = ("cancelled", None)


class _Job:
    """The work of one job; a plain callable for QThreadPool.start (no QRunnable subclass whose
    C++ side auto-deletes the Python wrapper)."""

    def __init__(self, fn: JobFn, db_path: Path | None, author: str, bridge: _Bridge, stop: threading.Event):
        self.fn, self.db_path, self.author, self.bridge, self.stop = fn, db_path, author, bridge, stop

    def __call__(self) -> None:
        self.run()

    def run(self) -> None:
        ws = None
        try:
            if self.db_path is not None:
                ws = open_workspace(self.db_path, author=self.author, check=False)  # checked once at start
            sink = Throttled(lambda f, t: self._emit(self.bridge.progress, f, t), self.stop.is_set)
            result = self.fn(ws, sink, self.stop.is_set)
        except Cancelled:
            self.bridge.outcome = ("cancelled", None)
        except BaseException as exc:
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.bridge.outcome = ("failed", exc)
        else:
            self.bridge.outcome = ("finished", result)
        finally:
            if ws is not None:
                ws.close()
        self._emit(self.bridge.ended)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        try:
            emit(signal, *args)
        except RuntimeError:
            pass  # the window went away while we worked (app closing): nobody is left to tell


class JobRunner(QObject):
    """Runs use cases off the GUI thread; one write at a time so sqlite never sees two writers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        # One thread for writes: two writers would only wait on each other's sqlite lock.
        self.write_lane = QThreadPool(self)
        self.write_lane.setMaxThreadCount(1)
        self._live: set[_Bridge] = set()
        self._stops: set[threading.Event] = set()
        self.db_path: Path | None = None
        self.author = ""

    def run(
        self,
        fn: JobFn,
        on_done: Callable[[Any], None] | None = None,
        *,
        title: str = "",
        parent: QWidget | None = None,
        write: bool = False,
        on_error: Callable[[BaseException], None] | None = None,
        needs_db: bool = True,
        owner: QObject | None = None,
    ) -> threading.Event:
        """Start `fn`; returns the cancel flag (set it to cancel).

        With `owner`, results arriving after the owner widget was destroyed are dropped.
        """
        stop = threading.Event()
        self._stops.add(stop)
        bridge = _Bridge()
        self._live.add(bridge)
        dialog: Any = None  # a QProgressDialog for titled jobs with a parent
        ended_flag: list[bool] = []  # non-empty once the job has ended

        if parent is not None and title:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QProgressDialog

            dialog = QProgressDialog(title, self.tr("取消"), 0, 100, parent)
            dialog.setWindowTitle(title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            # QProgressDialog's own show heuristics fire early on fast progress; we decide instead:
            # shown only when the job still runs after PROGRESS_DELAY_MS.
            dialog.setMinimumDuration(2**30)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setValue(0)
            dialog.hide()
            dialog.canceled.connect(stop.set)
            QTimer.singleShot(PROGRESS_DELAY_MS, dialog, lambda: None if ended_flag else dialog.show())

        def close() -> None:
            ended_flag.append(True)
            # Drop our reference only after this queued slot has returned: deleting the sender

            # while Qt is still delivering its signal corrupts PySide's reference counts.
            QTimer.singleShot(0, lambda: self._live.discard(bridge))
            self._stops.discard(stop)
            if dialog is not None:
                dialog.canceled.disconnect(stop.set)
                dialog.close()
                dialog.deleteLater()

        @Slot(float, str)
        def progress(fraction: float, text: str) -> None:
            if dialog is not None:
                dialog.setValue(int(fraction * 100))
                if text:
                    dialog.setLabelText(text)

        def alive() -> bool:
            return owner is None or shiboken6.isValid(owner)

        def finished(result: Any) -> None:
            close()
            if on_done is not None and alive():
                on_done(result)

        def failed(exc: BaseException) -> None:
            close()
            log_failure(title, exc)
            if not alive():
                return
            if on_error is not None:
                on_error(exc)
            else:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(parent, title or self.tr("出错了"), describe_error(exc))

        def ended() -> None:
            kind, value = bridge.outcome
            if kind == "finished":
                finished(value)
            elif kind == "failed":
                failed(value)
            else:
                close()

        bridge.progress.connect(progress)
        bridge.ended.connect(ended)
        job = _Job(fn, self.db_path if needs_db else None, self.author, bridge, stop)
        (self.write_lane if write else self.pool).start(job)
        return stop

    def shutdown(self, msecs: int = 10000) -> bool:
        """On exit: drop queued jobs, ask running ones to cancel, wait for them to stop."""
        self.pool.clear()
        self.write_lane.clear()
        for stop in list(self._stops):
            stop.set()
        return self.wait(msecs)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs) and self.write_lane.waitForDone(msecs)
