"""Compile forms/*.ui into zsdesk/ui/generated/ui_*.py (pyside6-uic) and the .ts translations into .qm.

The outputs are committed (a wheel or a bundle needs no Qt tools to build): run this after editing a
form or a .ts file and commit what it writes. `--check` changes nothing and exits 1 when a committed
output differs from what its source compiles to (tests/test_generated_files.py runs it).
Usage: .venv/bin/python scripts/build_forms.py [--check]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
OUT = ROOT / "zsdesk" / "ui" / "generated"
INIT_TEXT = '"""Generated from forms/*.ui by scripts/build_forms.py; do not edit."""\n'


def uic_command() -> list[str]:
    exe = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if exe is None:
        raise SystemExit("pyside6-uic not found; install pyside6-essentials")
    return [exe]


def _comparable(text: str) -> str:
    # uic names its own version in the header; a newer Qt compiling the same form is not a change.
    return "\n".join(line for line in text.splitlines() if "User Interface Compiler version" not in line)


def compile_forms(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    (out / "__init__.py").write_text(INIT_TEXT, encoding="utf-8")
    written = []
    for form in sorted(FORMS.glob("*.ui")):
        target = out / f"ui_{form.stem}.py"
        subprocess.run([*uic_command(), str(form), "-o", str(target)], check=True)
        written.append(target)
    return written


def stale_forms() -> list[str]:
    """Committed outputs that differ from a fresh compile, or are missing or left over."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = {p.name: p for p in compile_forms(Path(tmp))}
        fresh["__init__.py"] = Path(tmp) / "__init__.py"
        have = {p.name: p for p in OUT.glob("*.py")}
        stale = sorted(set(fresh) ^ set(have))
        for name in sorted(set(fresh) & set(have)):
            if _comparable(fresh[name].read_text(encoding="utf-8")) != _comparable(
                have[name].read_text(encoding="utf-8")
            ):
                stale.append(name)
    return stale


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import build_translations

    if "--check" in args:
        stale = stale_forms() + build_translations.stale()
        if stale:
            print(f"out of date: {', '.join(stale)}; run scripts/build_forms.py and commit the result")
            return 1
        print("forms and translations are up to date")
        return 0
    written = compile_forms(OUT)
    print(f"forms: {len(written)} compiled into {OUT.relative_to(ROOT)}")
    build_translations.build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
