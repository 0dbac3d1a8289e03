"""Build resources/translations/zsdesk_<lang>.qm from the committed .ts files (pyside6-lrelease).

The .ts files are the translators' source: `--update` first re-extracts the UI strings into them
with pyside6-lupdate (existing translations are kept; new strings arrive unfinished), then a
translator fills them in Qt Linguist or in the XML. The .qm files are generated and git-ignored;
scripts/build_forms.py (run by scripts/test.sh and scripts/build_bundle.sh) calls `build()`.
Usage: .venv/bin/python scripts/build_translations.py [--update] [--no-update]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
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
    """Compile every zsdesk_*.ts whose .qm is missing or older; returns the .qm files written."""
    lrelease = tool("pyside6-lrelease")
    built: list[Path] = []
    for ts in sorted(TS_DIR.glob("zsdesk_*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_size > 0 and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if lrelease is None:
            print("pyside6-lrelease not found; .qm not built (the UI stays Chinese)")
            return built
        subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
        built.append(qm)
        if not quiet:
            print(f"built {qm.relative_to(ROOT)}")
    return built


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
