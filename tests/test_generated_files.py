"""The committed outputs of scripts/build_forms.py (compiled forms, .qm translations) match their sources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_compiled_forms_and_translations_match_their_sources() -> None:
    # Fails after editing forms/*.ui or a .ts file without re-running scripts/build_forms.py.
    check = subprocess.run(
        [sys.executable, "scripts/build_forms.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_changed_form_is_reported_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_forms
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    out = tmp_path / "generated"
    build_forms.compile_forms(out)
    target = out / "ui_first_run.py"
    target.write_text(target.read_text(encoding="utf-8").replace("setupUi", "setup_ui"), encoding="utf-8")
    monkeypatch.setattr(build_forms, "OUT", out)
    assert build_forms.stale_forms() == ["ui_first_run.py"]
