"""GUI entry: `run(db=, demo=, smoke=)` builds QApplication, font, settings, workspace and the window.

`zsdesk --db PATH --smoke` opens the main window on PATH, lets it paint once and exits 0.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from ..domain.errors import DomainError
from ..services.context import Workspace, default_db_path, open_workspace
from .context import Changes, UiContext
from .jobs import JobRunner, describe_error
from .resources import install_translator, load_cjk_font
from .settings import Settings


def demo_db_path() -> Path:
    return default_db_path().with_name("demo.db")


def ensure_demo(path: Path, parent=None) -> bool:
    """Build the small demo database when missing (services.demo), with a progress dialog."""
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
        tmp.replace(path)
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


def build_window(ws: Workspace, settings: Settings):
    from .main_window import MainWindow

    jobs = JobRunner()
    jobs.db_path = ws.path
    jobs.author = ws.store.author
    if settings.officer and not ws.store.author:
        ws.store.author = settings.officer
    ctx = UiContext(ws=ws, settings=settings, jobs=jobs, changes=Changes())
    window = MainWindow(ctx)
    jobs.setParent(window)
    return window


def check_integrity(window) -> None:
    """PRAGMA quick_check in the background: a damaged file is reported without delaying start-up."""
    from ..storage.worklists import integrity_problem

    def job(ws: Workspace, progress, cancel) -> str:
        return integrity_problem(ws.db)

    def done(problem: str) -> None:
        if problem:
            QMessageBox.critical(
                window,
                "数据库已损坏",
                f"数据库文件“{window.ctx.ws.path}”校验失败（{problem}），请从备份恢复。",
            )

    window.ctx.jobs.run(job, done)


def run(
    *, db: str | None = None, demo: bool = False, smoke: bool = False, settings: Settings | None = None
) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("zsdesk")
    app.setApplicationDisplayName("招商外勤")
    app.setOrganizationName("zsdesk")
    load_cjk_font(app)
    install_translator(app)
    settings = settings or Settings()
    path = choose_database(settings, db=db, demo=demo)
    if path is None:
        return 1
    try:
        ws = open_workspace(path, create=False, author=settings.officer, check=False)
    except DomainError as exc:
        if smoke:
            print(f"错误：{exc}", file=sys.stderr)
        else:
            QMessageBox.critical(None, "无法打开数据库", str(exc))
        return 2
    if not smoke:
        settings.db_path = str(path)
    window = build_window(ws, settings)
    window.show()
    if smoke:
        # Let the window map and paint once, then leave: a packaging/benchmark check.
        app.processEvents()
        window.repaint()
        app.processEvents()
        window.close()
        ws.close()
        return 0
    QTimer.singleShot(0, window.show_reminder)
    QTimer.singleShot(0, lambda: check_integrity(window))
    code = app.exec()
    ws.close()
    return code
