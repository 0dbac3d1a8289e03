"""GUI entry: `run(db=, demo=, smoke=)` builds QApplication, font, settings, workspace and the window.

`zsdesk --db PATH --smoke` opens the main window on PATH, waits until it has really painted, and
exits 0. Start-up order is tuned for the first paint: everything not needed to draw the first
screen (the dashboard's queries, logging set-up, the reminder, the integrity check) starts only
after the window has painted; QtCharts, QtPdf, openpyxl, reportlab and httpx load on first use.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from ..domain.errors import DomainError
from ..services.context import Workspace, default_db_path, open_workspace
from .context import Changes, UiContext
from .jobs import JobRunner, describe_error
from .resources import install_translator, load_cjk_font
from .settings import Settings

# --smoke gives up (exit 3) when the window has not painted within this time.
SMOKE_PAINT_TIMEOUT_S = 20.0


def demo_db_path() -> Path:
    return default_db_path().with_name("demo.db")


def ensure_demo(path: Path, parent=None) -> bool:
    """Build the small demo database when missing (services.demo), with a progress dialog."""
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    if path.exists():
        return True
    try:
        from ..services.demo import build_demo
    except ImportError:
        QMessageBox.warning(parent, "演示数据", "演示数据模块尚未安装，无法生成演示数据库。")
        return False
    from ..services.context import open_workspace as _open

    dialog = QProgressDialog("正在生成演示数据…", "", 0, 100, parent)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(500)

    def progress(fraction: float, text: str) -> None:
        dialog.setValue(int(fraction * 100))
        dialog.setLabelText(text)
        QCoreApplication.processEvents()  # first run only: keep the dialog painting while we build

    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    try:
        with _open(tmp, create=True) as ws:
            build_demo(ws, scale="small", progress=progress)
        from ..services.security import move_database

        move_database(tmp, path)  # with its key file
    except (DomainError, OSError) as exc:
        QMessageBox.warning(parent, "演示数据", describe_error(exc))
        return False
    finally:
        dialog.close()
    return True


def choose_database(settings: Settings, *, db: str | None, demo: bool) -> Path | None:
    """Which database to open: --demo, --db, the remembered one, the default, else ask (first run)."""
    if demo:
        path = demo_db_path()
        return path if ensure_demo(path) else None
    if db:
        return Path(db)
    for candidate in (settings.db_path, str(default_db_path())):
        if candidate and Path(candidate).exists():
            return Path(candidate)
    from .first_run import FirstRunDialog

    dialog = FirstRunDialog()
    if not dialog.exec():
        return None
    if dialog.choice == "demo":
        path = demo_db_path()
        return path if ensure_demo(path) else None
    if dialog.officer:
        settings.officer = dialog.officer
    return Path(dialog.db_path)


def build_window(ws: Workspace, settings: Settings, *, load_data: bool = True):
    from .main_window import MainWindow

    jobs = JobRunner()
    jobs.db_path = ws.path
    jobs.author = ws.store.author
    if settings.officer and not ws.store.author:
        ws.store.author = settings.officer
    ctx = UiContext(ws=ws, settings=settings, jobs=jobs, changes=Changes())
    window = MainWindow(ctx, load_data=load_data)
    jobs.setParent(window)
    return window


def check_integrity(window) -> None:
    """PRAGMA quick_check in the background: a damaged file is reported without delaying start-up."""
    from ..services.lists import integrity_problem

    def job(ws: Workspace, progress, cancel) -> str:
        return integrity_problem(ws)

    def done(problem: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        if problem:
            QMessageBox.critical(
                window,
                "数据库已损坏",
                f"数据库文件“{window.ctx.ws.path}”校验失败（{problem}），请从备份恢复。",
            )

    window.ctx.jobs.run(job, done)


def wait_for_first_paint(app: QCoreApplication, window, timeout_s: float = SMOKE_PAINT_TIMEOUT_S) -> bool:
    """Process events until the window has painted for the first time (True), or time runs out.

    One event-loop pass at a time, so the loop stops right after the paint: the work the window
    queues for after its first paint (dashboard queries, shortcuts, logging) is not started.
    """
    deadline = time.monotonic() + timeout_s
    wake = QTimer()
    wake.start(50)  # WaitForMoreEvents returns at least this often, so the deadline is honoured
    try:
        while not window.first_painted and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()
    return bool(window.first_painted)


def dispose(app: QCoreApplication, window) -> None:
    """Delete the window before the interpreter tears Qt down (a live window then crashed at exit)."""
    shiboken6.delete(window)


def _ask_passphrase(path: Path, creating: bool) -> str | None:
    from .security_dialogs import ask_passphrase

    return ask_passphrase(None, path, creating)


def run(
    *,
    db: str | None = None,
    demo: bool = False,
    smoke: bool = False,
    settings: Settings | None = None,
    lang: str | None = None,
    after_paint: Callable[[], object] | None = None,
) -> int:
    """Start the GUI. `lang` ("en", "zh_CN"; default `ZSDESK_LANG` or the system locale) picks the
    translation; `after_paint` runs once the window has painted (app.py sets up logging there)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("zsdesk")
    app.setOrganizationName("zsdesk")
    install_translator(app, lang)
    if not smoke:
        # Qt's own 是/否/确定/取消 in Chinese, before any dialog (the database passphrase prompt comes
        # before the window); `--smoke` measures the bare first paint and opens no dialog.
        from .resources import install_qt_translations

        install_qt_translations(app, lang)
    app.setApplicationDisplayName(QCoreApplication.translate("main", "招商外勤"))
    load_cjk_font(app)
    settings = settings or Settings()
    from ..services import security

    # The dialogs module loads only when needed (its widgets cost ≈0.1 s before the first paint):
    # a passphrase is asked only where this machine has no keyring.
    if not security.has_passphrase_provider():  # `--passphrase-stdin` installs one first
        security.set_passphrase_provider(_ask_passphrase)
    path = choose_database(settings, db=db, demo=demo)
    if path is None:
        return 1
    if not smoke and security.needs_conversion(path):
        from .security_dialogs import convert_if_plain

        if not convert_if_plain(None, path):
            return 2
    try:
        ws = open_workspace(path, create=False, author=settings.officer, check=False)
    except DomainError as exc:
        if smoke:
            print(f"错误：{exc}", file=sys.stderr)
        else:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, "无法打开数据库", str(exc))
        return 2
    if not smoke:
        settings.db_path = str(path)
        recovery = security.take_new_recovery_key(path)  # a database created just now (first run, demo)
        if recovery:
            from .security_dialogs import RecoveryKeyDialog

            RecoveryKeyDialog(path, recovery).exec()
    window = build_window(ws, settings, load_data=not smoke)
    window.showMaximized() if window.start_maximized and not smoke else window.show()
    if smoke:
        # A packaging/benchmark check: the real window on the real database, left once it has
        # painted its first screen (what the user sees at start). Work that starts after the
        # first paint (dashboard lists, reminder, integrity check, logging) is not started.
        painted = wait_for_first_paint(app, window)
        window.remember_layout = False
        window.close()
        dispose(app, window)
        ws.close()
        if not painted:
            print("错误：主窗口未能在规定时间内显示", file=sys.stderr)
            return 3
        return 0

    def started() -> None:
        window.show_reminder()
        check_integrity(window)
        if after_paint is not None:
            after_paint()

    window.when_painted(started)
    code = app.exec()
    dispose(app, window)
    ws.close()
    return code
