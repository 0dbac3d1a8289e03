"""Render zsdesk/assets/icons/*.svg to PNG files in zsdesk/assets/icons/png/ (<name>-<px>.png).

The GUI loads the PNGs: an SVG icon makes Qt load its SVG icon-engine plugin and QtSvg (≈3.5 ms of
start-up for the navigation icons). The SVGs stay the source; re-run after changing one:
    .venv/bin/python scripts/build_icons.py          (--check: fail when a PNG is missing or stale)
tests/ui/test_icons.py runs the check.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG_DIR = ROOT / "zsdesk" / "assets" / "icons"
PNG_DIR = SVG_DIR / "png"
# Navigation icons are 20 px (40 on a 2x screen); the app icon also serves taskbars and docks.
SIZES = (16, 20, 24, 32, 40, 48)
APP_SIZES = (*SIZES, 64, 128, 256)


def sizes_for(name: str) -> tuple[int, ...]:
    return APP_SIZES if name == "app" else SIZES


def render(out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QIcon

    _app = QGuiApplication.instance() or QGuiApplication([])
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for svg in sorted(SVG_DIR.glob("*.svg")):
        source = QIcon(str(svg))
        for px in sizes_for(svg.stem):
            target = out_dir / f"{svg.stem}-{px}.png"
            if not source.pixmap(QSize(px, px)).save(str(target), "PNG"):
                raise SystemExit(f"could not write {target}")
            written.append(target)
    return written


def check() -> list[str]:
    """Names of PNGs that are missing or differ from a fresh rendering of their SVG."""
    from PySide6.QtGui import QImage

    with tempfile.TemporaryDirectory() as tmp:
        problems = []
        for fresh in render(Path(tmp)):
            kept = PNG_DIR / fresh.name
            if not kept.exists() or not same_pixels(QImage(str(kept)), QImage(str(fresh))):
                problems.append(fresh.name)
        return problems


def same_pixels(a, b, tolerance: int = 2) -> bool:
    """Equal size and every channel within `tolerance`: the rasteriser's rounding differs by one
    level on a few anti-aliased pixels from one machine (or library build) to the next."""
    from PySide6.QtGui import QImage

    fmt = QImage.Format.Format_ARGB32
    a, b = a.convertToFormat(fmt), b.convertToFormat(fmt)
    if a.size() != b.size():
        return False
    return all(
        abs(x - y) <= tolerance for x, y in zip(bytes(a.constBits()), bytes(b.constBits()), strict=True)
    )


def main() -> int:
    if "--check" in sys.argv:
        problems = check()
        if problems:
            print(f"stale or missing icons ({', '.join(problems)}): run scripts/build_icons.py")
            return 1
        return 0
    for path in render(PNG_DIR):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
