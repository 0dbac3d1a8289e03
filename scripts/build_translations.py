"""Build zsdesk/assets/translations/zsdesk_<lang>.qm from the .ts files (pyside6-lrelease).

The .ts files are the translators' source: `--update` first re-extracts the UI strings into them
with pyside6-lupdate (existing translations are kept; new strings arrive unfinished), then a
translator fills them in Qt Linguist or in the XML. The .qm files are generated and committed (the
wheel carries them); scripts/build_forms.py calls `build()`, and `stale()` for its --check.
Usage: .venv/bin/python scripts/build_translations.py [--update] [--no-update]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "zsdesk" / "assets" / "translations"
LOCALES = ("en",)


def tool(name: str) -> str | None:
    return shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)


def update(locale: str) -> None:
    """Re-extract the strings of zsdesk/ui and forms/ into zsdesk_<locale>.ts (lupdate)."""
    lupdate = tool("pyside6-lupdate")
    if lupdate is None:
        raise SystemExit("pyside6-lupdate not found; install pyside6-essentials")
    sources = sorted(str(p) for p in (ROOT / "zsdesk" / "ui").rglob("*.py") if "generated" not in p.parts)
    sources += sorted(str(p) for p in (ROOT / "forms").glob("*.ui"))
    ts = TS_DIR / f"zsdesk_{locale}.ts"
    subprocess.run([lupdate, *sources, "-source-language", "zh_CN", "-target-language", locale,
                    "-ts", str(ts)], check=True, capture_output=True)  # fmt: skip


def build(*, quiet: bool = False) -> list[Path]:
    """Compile every zsdesk_*.ts into its .qm; returns the .qm files written."""
    lrelease = tool("pyside6-lrelease")
    built: list[Path] = []
    for ts in sorted(TS_DIR.glob("zsdesk_*.ts")):
        qm = ts.with_suffix(".qm")
        if lrelease is None:
            print("pyside6-lrelease not found; .qm not built (the UI stays Chinese)")
            return built
        subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
        built.append(qm)
        if not quiet:
            print(f"built {qm.relative_to(ROOT)}")
    return built


def stale() -> list[str]:
    """The committed .qm files that differ from what their .ts compiles to now (or are missing)."""
    lrelease = tool("pyside6-lrelease")
    if lrelease is None:
        raise SystemExit("pyside6-lrelease not found; install pyside6-essentials")
    out: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in sorted(TS_DIR.glob("zsdesk_*.ts")):
            fresh = Path(tmp) / ts.with_suffix(".qm").name
            subprocess.run([lrelease, str(ts), "-qm", str(fresh)], check=True, capture_output=True)
            committed = ts.with_suffix(".qm")
            if not committed.exists() or committed.read_bytes() != fresh.read_bytes():
                out.append(committed.name)
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    TS_DIR.mkdir(parents=True, exist_ok=True)
    if "--update" in args and "--no-update" not in args:
        for locale in LOCALES:
            update(locale)
            # lupdate rewrote the .ts: rebuild its .qm even if the clock says otherwise.
            (TS_DIR / f"zsdesk_{locale}.qm").unlink(missing_ok=True)
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
