"""Extract UI strings into resources/translations/zsdesk_en.ts (pyside6-lupdate) and build .qm (lrelease).

Sources are Chinese (zh_CN); translators fill the .ts in Qt Linguist; the app loads zsdesk_<locale>.qm.
Usage: .venv/bin/python scripts/build_translations.py [--no-update]
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


def main() -> int:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(p) for p in (ROOT / "zsdesk" / "ui").rglob("*.py") if "generated" not in p.parts)
    sources += sorted(str(p) for p in (ROOT / "forms").glob("*.ui"))
    lupdate, lrelease = tool("pyside6-lupdate"), tool("pyside6-lrelease")
    for locale in LOCALES:
        ts = TS_DIR / f"zsdesk_{locale}.ts"
        if "--no-update" not in sys.argv:
            if lupdate is None:
                print("pyside6-lupdate not found; skipping extraction")
            else:
                subprocess.run([lupdate, *sources, "-source-language", "zh_CN", "-target-language", locale,
                                "-ts", str(ts)], check=True, capture_output=True)  # fmt: skip
        if lrelease is None:
            print("pyside6-lrelease not found; .qm not built")
            continue
        subprocess.run(
            [lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True, capture_output=True
        )
        print(f"built {ts.with_suffix('.qm').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
