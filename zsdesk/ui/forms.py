"""Loads the uic-generated form classes, compiling forms/*.ui first when a fresh clone lacks them."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

FORMS_DIR = Path(__file__).resolve().parents[2] / "forms"
GENERATED = Path(__file__).resolve().parent / "generated"


def _compile(name: str) -> None:
    source = FORMS_DIR / f"{name}.ui"
    uic = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if uic is None or not source.exists():
        raise ImportError(f"form {name} is not built and pyside6-uic is unavailable")
    GENERATED.mkdir(exist_ok=True)
    init = GENERATED / "__init__.py"
    if not init.exists():
        init.write_text('"""Generated from forms/*.ui by scripts/build_forms.py; do not edit."""\n')
    subprocess.run([uic, str(source), "-o", str(GENERATED / f"ui_{name}.py")], check=True)
    importlib.invalidate_caches()


def form_module(name: str) -> ModuleType:
    """`form_module("visit_dialog").Ui_VisitDialog` — builds the module on first use if needed."""
    target = GENERATED / f"ui_{name}.py"
    source = FORMS_DIR / f"{name}.ui"
    # A PyInstaller build carries the compiled module inside its archive (no .py file on disk).
    frozen = bool(getattr(sys, "frozen", False))
    stale = (
        not frozen
        and source.exists()
        and (not target.exists() or target.stat().st_mtime < source.stat().st_mtime)
    )

    if stale:
        _compile(name)
    return importlib.import_module(f"zsdesk.ui.generated.ui_{name}")
