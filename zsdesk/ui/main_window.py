"""The main window: left navigation, lazily built screens, menus, undo of deletes, start-up reminder."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .context import UiContext
from .resources import icon, icon_pixmap

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

# Qt.ItemDataRole.DecorationRole by number: touching the `Qt` namespace builds its ≈100 Python
# enums (≈10 ms), which nothing else on the way to the first paint needs.
DECORATION_ROLE = 1


def _pages() -> list[tuple[str, str, str, Callable[[UiContext], QWidget]]]:
    """(key, label, icon, factory); factories import lazily so start-up only builds the dashboard."""

    def dashboard(ctx: UiContext) -> QWidget:
        from .pages.dashboard import DashboardPage

        return DashboardPage(ctx, autoload=False)  # MainWindow starts it after the first paint

    def make(module: str, cls: str) -> Callable[[UiContext], QWidget]:
        def factory(ctx: UiContext) -> QWidget:
            import importlib

            return getattr(importlib.import_module(f"zsdesk.ui.pages.{module}"), cls)(ctx)

        return factory

    def promotion(ctx: UiContext) -> QWidget:
        from .pages.people import promotion_tabs

        return promotion_tabs(ctx)

    return [
        ("dashboard", QT_TRANSLATE_NOOP("MainWindow", "工作台"), "dashboard", dashboard),
        ("visit", QT_TRANSLATE_NOOP("MainWindow", "走访"), "visit", make("visits", "VisitsPage")),
        (
            "enterprise",
            QT_TRANSLATE_NOOP("MainWindow", "企业"),
            "enterprise",
            make("enterprises", "EnterprisesPage"),
        ),
        ("project", QT_TRANSLATE_NOOP("MainWindow", "项目"), "project", make("projects", "ProjectsPage")),
        (
            "commissioner",
            QT_TRANSLATE_NOOP("MainWindow", "服务专员"),
            "commissioner",
            make("people", "CommissionersPage"),
        ),
        ("demand", QT_TRANSLATE_NOOP("MainWindow", "诉求"), "demand", make("followups", "DemandsPage")),
        ("task", QT_TRANSLATE_NOOP("MainWindow", "任务"), "task", make("followups", "TasksPage")),
        ("promotion", QT_TRANSLATE_NOOP("MainWindow", "推介会/外出招商"), "event", promotion),
        ("stats", QT_TRANSLATE_NOOP("MainWindow", "统计"), "stats", make("stats", "StatsPage")),
        ("sync", QT_TRANSLATE_NOOP("MainWindow", "同步"), "sync", make("sync", "SyncPage")),
    ]


# Modules the other screens need, imported one per idle moment after the start (each takes 5-40 ms,
# the record dataclasses and dialogs included): the first click on 走访 or 服务专员 then only builds
# widgets instead of also importing ≈40 ms of code in front of the user.
PRELOAD_MODULES = (
    "zsdesk.domain.records",
    "zsdesk.ui.record_dialog",
    "zsdesk.ui.pages.visits",
    "zsdesk.ui.pages.enterprises",
    "zsdesk.ui.pages.projects",
    "zsdesk.ui.pages.people",
    "zsdesk.ui.pages.followups",
    "zsdesk.ui.pages.stats",
    "zsdesk.ui.pages.sync",
)
PRELOAD_AFTER_MS = 1500  # after the dashboard's first queries have started
PRELOAD_GAP_MS = 40
REMINDER_INTERVAL_MS = 10 * 60 * 1000


class MainWindow(QMainWindow):
    """`load_data=False` leaves the dashboard empty (zsdesk --smoke measures the first paint only)."""

    def __init__(self, ctx: UiContext, *, load_data: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.first_painted = False
        self.remember_layout = True  # False for `--smoke`: a check leaves the user's settings alone
        self._after_paint: list[Callable[[], object]] = []
        self._shortcuts: list[tuple[QAction, str]] = []
        self.setObjectName("mainWindow")
        # Qt appends the application display name (招商外勤) itself: the title names only the file.
        self.setWindowTitle(ctx.ws.path.name)
        # The window icon is set once painted, and the list shows pixmaps: QIcon is not needed
        # for the first screen (see resources.icon_pixmap).
        self.when_painted(lambda: self.setWindowIcon(icon("app")))
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(176)
        self.nav.setStyleSheet(
            "QListWidget { background: #f3f5f8; border: none; font-size: 11pt; }"
            " QListWidget::item { padding: 8px 6px; }"
            # A light selection with an accent bar: the coloured icons stay visible on it (white
            # text on #2d6cdf hid the blue ones).
            " QListWidget::item:selected { background: #dce8fc; color: #123c8c;"
            " border-left: 3px solid #2d6cdf; }"
        )
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[UiContext], QWidget]] = {}
        self._keys: list[str] = []
        self._labels: list[str] = []
        ratio = self.devicePixelRatioF()
        for key, label, icon_name, factory in _pages():
            self._labels.append(label)
            item = QListWidgetItem(self.tr(label))
            item.setData(DECORATION_ROLE, icon_pixmap(icon_name, 20, ratio))
            self.nav.addItem(item)
            self._factories[key] = factory
            self._keys.append(key)
            placeholder = QWidget()
            self.stack.addWidget(placeholder)
        self.banner = QFrame()
        self.banner.setObjectName("reminder")
        self.banner.setStyleSheet("#reminder { background: #fff4ce; border: 1px solid #e6c200; }")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        open_tasks = QPushButton(self.tr("查看任务"))
        open_tasks.clicked.connect(lambda: (self.show_page("task"), self.banner.hide()))
        dismiss = QPushButton(self.tr("知道了"))
        dismiss.clicked.connect(self.banner.hide)
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(8, 4, 8, 4)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(open_tasks)
        banner_row.addWidget(dismiss)
        self.banner.hide()

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addLayout(right, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.when_painted(self._install_shortcuts)
        self.when_painted(lambda: QTimer.singleShot(PRELOAD_AFTER_MS, self, self._preload_next))
        self.nav.currentRowChanged.connect(self._switch)
        self.nav.setCurrentRow(0)
        geometry = ctx.settings.geometry("main")
        # No remembered geometry: sized to the screen, maximized where the screen is small.
        self.start_maximized = False
        if geometry is None or not self.restoreGeometry(geometry):
            self._fit_screen()
        dashboard = self.pages["dashboard"]
        dashboard.new_visit.connect(self.new_visit)  # type: ignore[attr-defined]
        dashboard.loaded.connect(self._remind)  # type: ignore[attr-defined]
        self.tray: object | None = None
        if load_data:
            # The dashboard's queries start once the window is on screen, never before its first paint.
            self.when_painted(dashboard.start_loading)  # type: ignore[attr-defined]
            # Reminders fire while the app runs, not only at start: the dashboard reloads now and then.
            self.when_painted(self._start_reminder_timer)

    def _fit_screen(self) -> None:
        screen = self.screen() if hasattr(self, "screen") else None
        if screen is None:
            self.resize(1280, 760)
            return
        area = screen.availableGeometry()
        self.resize(min(1600, area.width()), min(1000, area.height()))
        self.start_maximized = area.width() <= 1600 or area.height() <= 1000

    def _start_reminder_timer(self) -> None:
        self._reminder_timer = QTimer(self)
        self._reminder_timer.setInterval(REMINDER_INTERVAL_MS)
        self._reminder_timer.timeout.connect(lambda: self.pages["dashboard"].refresh(figures=False))  # type: ignore[attr-defined]
        self._reminder_timer.start()

    def _remind(self) -> list[str]:
        """Tray notifications for what fell due (a task, a demand's deadline, the report date two
        days away), each once; nothing at all when nothing is due. Returns the texts shown."""
        data = getattr(self.pages["dashboard"], "data", None)
        if data is None or self.ctx.closed:
            return []
        from ..services.dashboard import reminders

        shown = self.ctx.settings.reminded()
        fresh = [(k, t) for k, t in reminders(data) if k not in shown]
        if not fresh:
            return []
        self.ctx.settings.set_reminded(shown | {k for k, _ in fresh})
        texts = [t for _, t in fresh]
        from PySide6.QtWidgets import QSystemTrayIcon

        if self.tray is None:
            self.tray = QSystemTrayIcon(icon("app"), self)
            self.tray.activated.connect(lambda _r: (self.showNormal(), self.raise_(), self.activateWindow()))  # type: ignore[attr-defined]
        tray: QSystemTrayIcon = self.tray  # type: ignore[assignment]
        if QSystemTrayIcon.isSystemTrayAvailable():
            tray.show()
            tray.showMessage(
                self.tr("招商外勤提醒"), "\n".join(texts[:6]), QSystemTrayIcon.MessageIcon.Information, 15000
            )
        self.last_reminders = texts
        return texts

    # -- first paint -------------------------------------------------------------------------------
    def when_painted(self, fn: Callable[[], object]) -> None:
        """Run `fn` from the event loop once the window has painted for the first time."""
        if self.first_painted:
            QTimer.singleShot(0, self, fn)
        else:
            self._after_paint.append(fn)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.first_painted:
            self.first_painted = True
            if self._after_paint:
                QTimer.singleShot(0, self, self._run_after_paint)

    def _run_after_paint(self) -> None:
        work, self._after_paint = self._after_paint, []
        for fn in work:
            if not self.ctx.closed:
                fn()

    def _preload_next(self, index: int = 0) -> None:
        if index >= len(PRELOAD_MODULES) or self.ctx.closed:
            return
        import importlib

        importlib.import_module(PRELOAD_MODULES[index])
        QTimer.singleShot(PRELOAD_GAP_MS, self, lambda: self._preload_next(index + 1))

    # -- navigation ------------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The screen for `key`, built on first use (start-up pays only for the dashboard)."""
        if key not in self.pages:
            widget = self._factories[key](self.ctx)
            index = self._keys.index(key)
            old = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.pages[key] = widget
            message = getattr(widget, "status_message", None)
            if message is not None:
                message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            for child in ("events", "trips"):
                sub = getattr(widget, child, None)
                if sub is not None:
                    sub.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        return self.pages[key]

    def show_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self._keys.index(key))
        return self.pages[key]

    def _switch(self, row: int) -> None:
        if row < 0:
            return
        key = self._keys[row]
        self.page(key)
        self.stack.setCurrentIndex(row)

    # -- menus ------------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut: str | None = None) -> QAction:
        """A menu action; `shortcut` is a key sequence ("Ctrl+N") or a QKeySequence.StandardKey
        name ("Quit"). Shortcuts are set once the window has painted: building QKeySequence's and
        the Qt namespace's Python enums costs ≈15–40 ms that the first paint does not need."""
        # QAction(text, parent) would first try the (QIcon, text, parent) overload, building QIcon's
        # Python type (≈150 enum members) before the first paint; QAction(parent) does not.
        action = QAction(self)
        action.setText(text)
        if shortcut is not None:
            self._shortcuts.append((action, shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _install_shortcuts(self) -> None:
        from PySide6.QtGui import QKeySequence

        for action, shortcut in self._shortcuts:
            standard = getattr(QKeySequence.StandardKey, shortcut, None)
            action.setShortcut(QKeySequence(standard if standard is not None else shortcut))
        self._shortcuts.clear()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("文件(&F)"))
        self._action(file, self.tr("新建走访记录…"), self.new_visit, "Ctrl+N")
        file.addSeparator()
        self._action(file, self.tr("导入Excel…"), self.import_excel)
        self._action(file, self.tr("导出Excel…"), self.export_excel)
        file.addSeparator()
        self._action(file, self.tr("打印周报…"), self.weekly_report, "Ctrl+P")
        file.addSeparator()
        self._action(file, self.tr("退出"), self.close, "Quit")

        edit = bar.addMenu(self.tr("编辑(&E)"))
        self.undo_action = self._action(edit, self.tr("撤销删除"), self.undo_delete, "Undo")
        self._action(edit, self.tr("撤销合并企业"), self.undo_merge)
        go = bar.addMenu(self.tr("转到(&G)"))
        for number, (key, label) in enumerate(zip(self._keys, self._labels, strict=True), start=1):
            # Ctrl+1 … Ctrl+0: every screen one chord away (keyboard-first).
            self._action(go, self.tr(label), lambda _c=False, k=key: self.show_page(k), f"Ctrl+{number % 10}")
        settings = bar.addMenu(self.tr("设置(&S)"))
        self._action(settings, self.tr("使用人姓名…"), self.set_officer)
        self._action(settings, self.tr("停滞项目天数…"), self.set_stalled_days)
        lead = self._action(settings, self.tr("我是组长（工作台显示团队逾期任务）"), self.set_team_lead)
        lead.setCheckable(True)
        lead.setChecked(self.ctx.settings.team_lead)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self._action(help_menu, self.tr("诊断信息…"), self.diagnostics)
        self._action(help_menu, self.tr("关于"), self.about)

    def new_visit(self) -> None:
        page = self.show_page("visit")
        page.create()  # type: ignore[attr-defined]

    def import_excel(self) -> None:
        from . import excel_actions

        excel_actions.import_excel(self.ctx, self)

    def export_excel(self) -> None:
        from . import excel_actions

        excel_actions.export_excel(self.ctx, self)

    def weekly_report(self) -> None:
        from .report_actions import weekly_report

        weekly_report(self.ctx, self)

    def undo_delete(self) -> None:
        def done(label: str | None) -> None:
            self.statusBar().showMessage(self.tr("已恢复：%1").replace("%1", label or ""), 6000)

        if self.ctx.undo_delete(done) is None:
            self.statusBar().showMessage(self.tr("没有可撤销的删除"), 6000)

    def undo_merge(self) -> None:
        page = self.pages.get("enterprise")
        done = page is not None and page.undo_last_merge()  # type: ignore[attr-defined]
        self.statusBar().showMessage(self.tr("已撤销合并") if done else self.tr("没有可撤销的合并"), 6000)

    def set_officer(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(
            self, self.tr("使用人"), self.tr("姓名："), text=self.ctx.settings.officer
        )
        if ok and name.strip():
            self.ctx.settings.officer = name.strip()
            self.ctx.ws.store.author = name.strip()
            self.ctx.jobs.author = name.strip()  # background writes carry the new name too
            self.ctx.changes.notify("task")

    def set_team_lead(self, checked: bool) -> None:
        self.ctx.settings.team_lead = bool(checked)
        self.pages["dashboard"].refresh(figures=False)  # type: ignore[attr-defined]

    def set_stalled_days(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        days, ok = QInputDialog.getInt(
            self,
            self.tr("停滞项目"),
            self.tr("多少天无进展算停滞："),
            self.ctx.settings.stalled_days,
            1,
            3650,
        )
        if ok:
            self.ctx.settings.stalled_days = days
            self.ctx.changes.notify("project")

    def diagnostics(self) -> None:
        """Versions, paths and database facts for IT support (copyable)."""
        from ..services.diagnostics import diagnostics_text
        from .diagnostics_dialog import DiagnosticsDialog, qt_versions

        DiagnosticsDialog(diagnostics_text(self.ctx.ws, extra=qt_versions()), parent=self).open()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self, self.tr("关于招商外勤"),
            self.tr("招商外勤桌面端\n离线记录走访、项目、诉求与任务，打印周报和统计表，与省级服务器同步。\n数据库：%1").replace(
                "%1", str(self.ctx.ws.path)),
        )  # fmt: skip

    def show_reminder(self) -> str:
        """The 'due today' reminder at start, as a banner (never a blocking dialog)."""
        from ..services.dashboard import due_today_summary
        from .domain_text import reminder_text

        text = due_today_summary(self.ctx.ws, officer=self.ctx.officer or None)
        if text:
            lines = text.splitlines()
            # Three items are enough for a nudge; the 任务 page has the full list.
            short = "\n".join(lines[:4]) + ("\n……" if len(lines) > 4 else "")

            self.banner_text.setText(reminder_text(short))
            self.banner.show()

        return text

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_layout:
            self.ctx.settings.set_geometry("main", self.saveGeometry())
            self.ctx.settings.sync()
        self.ctx.closed = True
        self.ctx.jobs.shutdown()

        super().closeEvent(event)
