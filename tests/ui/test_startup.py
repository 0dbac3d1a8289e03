"""Start-up stays light: the first paint comes before any query, and heavy modules load on first use."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

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
    # The database key comes over D-Bus (storage/secret_service.py): keyring, jeepney, secretstorage
    # and cryptography stay unloaded.
    *("keyring", "jeepney", "secretstorage", "cryptography", "socket"),
    # The key from the keyring is checked against the key file only when SQLCipher refuses it.
    *("hashlib", "hmac", "secrets"),
)


# The database is made and opened inside one D-Bus session with a real Secret Service, so the probe
# reads the key as a Linux desktop does (the test keyring backend would import all of keyring).
MAKE_DB = "import sys; from zsdesk.services.context import init_workspace; init_workspace(sys.argv[1], office='驻上海办事处').close()"
IN_SESSION = (
    "echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1;"
    ' "$0" -c "$1" "$3" && exec "$0" -c "$2" "$3"'
)


@pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
    reason="needs dbus-run-session and gnome-keyring (scripts/install-system-deps.sh installs them)",
)
def test_smoke_start_loads_no_charts_pdf_excel_report_or_http_modules(tmp_path: Path) -> None:
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in ("PYTHON_KEYRING_BACKEND", "ZSDESK_TEST_KEYRING_FILE")
        },
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "ZSDESK_LOG_DIR": str(tmp_path),
    }
    db = tmp_path / "office.db"
    out = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", IN_SESSION, sys.executable, MAKE_DB, PROBE, str(db)],
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
