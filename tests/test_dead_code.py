"""No unused functions, methods or classes in zsdesk (vulture, with the tests and scripts as callers)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Called by a framework, not by our code: FastAPI routes and handlers, SQLAlchemy event listeners.
DECORATORS = "@app.*,@router.*,@event.*"
# Called by name: Qt's event and item-delegate overrides, reportlab's flowable hooks, uvicorn's factory string,
# excel_import's `_<sheet alias>` handlers.
NAMES = "*Event,eventFilter,createEditor,setEditorData,setModelData,getSpaceBefore,getSpaceAfter,app_from_env,_enterprises,_visits,_projects,_events,_demands,_tasks,_trips,_commissioners"


def test_no_unused_functions_methods_or_classes() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "vulture", "zsdesk", "tests", "scripts", "--min-confidence", "60",
         "--exclude", "zsdesk/ui/generated", "--ignore-decorators", DECORATORS, "--ignore-names", NAMES],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    unused = [
        line
        for line in proc.stdout.splitlines()
        if line.startswith("zsdesk/")
        and any(f"unused {kind}" in line for kind in ("function", "method", "class"))
    ]
    assert not unused, "remove (or call) these:\n" + "\n".join(unused)
