"""Compile forms/*.ui into zsdesk/ui/generated/ui_*.py (pyside6-uic) and the .ts translations into .qm.

Generated files are never edited; both are git-ignored and rebuilt when older than their source.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
OUT = ROOT / "zsdesk" / "ui" / "generated"


def uic_command() -> list[str]:
    exe = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if exe is None:
        raise SystemExit("pyside6-uic not found; install pyside6-essentials")
    return [exe]


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "__init__.py").write_text(
        '"""Generated from forms/*.ui by scripts/build_forms.py; do not edit."""\n'
    )
    forms = sorted(FORMS.glob("*.ui"))
    for form in forms:
        target = OUT / f"ui_{form.stem}.py"
        if target.exists() and target.stat().st_mtime >= form.stat().st_mtime:
            continue
        subprocess.run([*uic_command(), str(form), "-o", str(target)], check=True)
    print(f"forms: {len(forms)} compiled into {OUT.relative_to(ROOT)}")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import build_translations

    build_translations.build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
