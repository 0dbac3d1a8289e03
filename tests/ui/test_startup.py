"""Start-up stays light: the first paint comes before any query, and heavy modules load on first use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from zsdesk.services.context import Workspace
from zsdesk.ui.context import UiContext
from zsdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
# Runs `zsdesk --db PATH --smoke` in a fresh interpreter and reports what it imported.
PROBE = (
    "import sys\n"
    "from zsdesk.cli import main\n"
    "rc = main(['--db', sys.argv[1], '--smoke'])\n"
    "modules = sorted(sys.modules)\n"  # before the probe itself imports json
    "import json\n"
    "print(json.dumps({'rc': rc, 'modules': modules}))\n"
)
HEAVY = (
    *(
        "PySide6.QtCharts",
        "PySide6.QtPdf",
        "PySide6.QtSvg",
        "openpyxl",
        "reportlab",
        "httpx",
        "logging.handlers",
    ),
    # Loaded on first use since the start-up work of issue 3 (each cost 2-65 ms before the paint):
    *("sqlite_utils", "zsdesk.domain.records", "zsdesk.ui.domain_text", "dataclasses", "json", "uuid"),
    *("calendar", "locale"),
)


def test_smoke_start_loads_no_charts_pdf_excel_report_or_http_modules(ws: Workspace, tmp_path: Path) -> None:
    ws.close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "ZSDESK_LOG_DIR": str(tmp_path),
    }
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(ws.path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["rc"] == 0
    loaded = [m for m in result["modules"] if m.startswith(HEAVY)]
    assert loaded == []


def test_dashboard_queries_and_shortcuts_wait_for_the_first_paint(ctx: UiContext, qtbot: Any) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    dashboard = window.pages["dashboard"]
    new_visit = window.menuBar().actions()[0].menu().actions()[0]
    assert not window.first_painted and not dashboard.started  # type: ignore[attr-defined]
    assert new_visit.shortcut().isEmpty()
    window.show()
    qtbot.waitUntil(lambda: window.first_painted, timeout=5000)
    qtbot.waitUntil(lambda: dashboard.started, timeout=5000)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "正在加载" not in dashboard.summary.text(), timeout=10000)  # type: ignore[attr-defined]
    assert new_visit.shortcut().toString() == "Ctrl+N"


def test_smoke_window_does_not_start_the_dashboard(ctx: UiContext, qtbot: Any) -> None:
    window = MainWindow(ctx, load_data=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.first_painted, timeout=5000)
    qtbot.wait(50)
    assert not window.pages["dashboard"].started  # type: ignore[attr-defined]
    assert window.pages["dashboard"].summary.text() == "正在加载…"  # type: ignore[attr-defined]
