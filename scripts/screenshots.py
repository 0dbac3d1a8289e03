"""Start the app on a demo database and save a PNG of every screen and main dialog into screenshots/.

Run under a virtual display:  xvfb-run -a .venv/bin/python scripts/screenshots.py [--db PATH] [--size 1600x1000]
(or QT_QPA_PLATFORM=offscreen). English build:  ... scripts/screenshots.py --lang en --out screenshots/en
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from zsdesk.services.context import open_workspace  # noqa: E402
from zsdesk.ui.main import build_window, dispose  # noqa: E402
from zsdesk.ui.resources import install_translator, load_cjk_font  # noqa: E402
from zsdesk.ui.settings import Settings  # noqa: E402


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def grab(app: QApplication, widget: QWidget, out: Path, name: str) -> None:
    settle(app)
    widget.grab().save(str(out / f"{name}.png"))
    print(f"saved {name}.png")


def demo_db(path: Path) -> Path:
    if not path.exists():
        from zsdesk.services.demo import build_demo

        with open_workspace(path, create=True) as ws:
            build_demo(ws, scale="small")
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "zsdesk-screens" / "demo.db"))
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    parser.add_argument("--lang", default="zh_CN", help="UI language, e.g. en (default: Chinese sources)")
    parser.add_argument(
        "--size", default="1366x768", help="window size, e.g. 1600x1000 (default: a laptop's)"
    )
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    db = demo_db(Path(args.db))
    app = QApplication(sys.argv[:1])
    install_translator(app, args.lang)
    load_cjk_font(app)
    settings = Settings(Path(tempfile.mkdtemp()) / "settings.ini")
    ws = open_workspace(db)
    settings.officer = ws.store.author
    window = build_window(ws, settings)
    width, height = (int(n) for n in args.size.lower().split("x"))
    window.resize(width, height)
    window.show()
    window.show_reminder()
    window.banner.show()  # demo officers may have nothing due; show the banner's look anyway
    if not window.banner_text.text():
        from zsdesk.ui.domain_text import reminder_text

        window.banner_text.setText(
            reminder_text("今天到期或已逾期的任务 1 项（其中逾期 0 项）：\n· 示例任务")
        )

    grab(app, window, out, "00a_start_reminder")
    if "示例任务" in window.banner_text.text():
        window.banner.hide()  # the sample was only for the look of the banner

    for key in window._keys:
        page = window.show_page(key)
        window.ctx.jobs.wait(20000)  # background queries (ids of big lists, dashboard lists)
        settle(app)
        if key == "dashboard":  # the figures start shortly after the window is up
            for _ in range(100):
                if len(page.charts) == 3:
                    break
                QTest.qWait(50)
                window.ctx.jobs.wait(20000)
            settle(app)

        grab(app, window, out, f"{window._keys.index(key):02d}_{key}")
    window.banner.hide()
    # Pipeline board of projects.
    projects = window.show_page("project")
    projects.tabs.setCurrentIndex(1)
    grab(app, window, out, "03b_project_board")
    # Dialogs: each is opened non-modally, captured, closed.
    from zsdesk.ui.first_run import FirstRunDialog
    from zsdesk.ui.pages.enterprises import EnterpriseDetail
    from zsdesk.ui.visit_dialog import VisitDialog

    dialogs: list[tuple[str, QDialog]] = [
        ("10_first_run", FirstRunDialog()),
        ("11_visit_dialog", VisitDialog(ws, officer=settings.officer, parent=window)),
    ]
    visits = window.show_page("visit")
    # A visit that raised both a demand and a task, so the edit form shows them with their status.
    found = ws.store.rows(
        "SELECT visit_id FROM demand WHERE deleted = 0 AND visit_id IN (SELECT visit_id FROM task)"
        " ORDER BY visit_id DESC LIMIT 1"
    )
    edit_id = found[0]["visit_id"] if found else visits.model.record_id(0)
    dialogs.append(("12_visit_edit", VisitDialog(ws, visit_id=edit_id, parent=window)))
    ents = window.show_page("enterprise")
    detail = EnterpriseDetail(ents, ents.model.record_id(0))
    dialogs.append(("13_enterprise_detail", detail))
    for name, dialog in dialogs:
        dialog.show()

        grab(app, dialog, out, name)
        if name == "13_enterprise_detail":
            tabs = dialog.findChild(QWidget, "timeline").parentWidget().parentWidget()
            tabs.setCurrentIndex(1)
            grab(app, dialog, out, "14_enterprise_timeline")
        dialog.close()
    # Visit dialog showing field errors.
    dialog = VisitDialog(ws, parent=window)
    dialog.show()
    dialog.ui.intentionAmountEdit.setText("abc")
    QTimer.singleShot(0, lambda: None)
    dialog.accept()
    grab(app, dialog, out, "15_visit_errors")
    dialog.close()
    stats = window.show_page("stats")
    if stats.table.rowCount():
        stats.drill(stats.table.rowCount() - 1, 2)
        window.ctx.jobs.wait(20000)
        settle(app)
        grab(app, stats.last_drill, out, "16_stats_drilldown")
        stats.last_drill.close()
    from zsdesk.ui import report_actions

    shown: list[QDialog] = []
    report_actions.visit_report(window.ctx, visits, visits.model.record_id(0), on_shown=shown.append)
    window.ctx.jobs.wait(20000)
    settle(app, 20)
    if shown:
        shown[0].resize(900, 1000)
        grab(app, shown[0], out, "17_visit_report_pdf")
        shown[0].close()
    window.close()
    dispose(app, window)
    ws.close()

    return 0


if __name__ == "__main__":
    sys.exit(main())
