"""Icons: every SVG has its rendered PNGs, up to date, and the GUI loads those (not QtSvg)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSize

from zsdesk.ui.resources import icon

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import build_icons  # noqa: E402


def test_rendered_pngs_are_current() -> None:
    check = subprocess.run([sys.executable, "scripts/build_icons.py", "--check"], cwd=ROOT)
    assert check.returncode == 0


def test_icons_come_from_the_pngs_at_every_size(qapp) -> None:
    for svg in sorted((ROOT / "zsdesk" / "assets" / "icons").glob("*.svg")):
        loaded = icon(svg.stem)
        sizes = {(s.width(), s.height()) for s in loaded.availableSizes()}
        assert sizes == {(px, px) for px in build_icons.sizes_for(svg.stem)}, svg.stem
        image = loaded.pixmap(QSize(20, 20)).toImage()
        assert any(image.pixelColor(x, y).alpha() for x in range(20) for y in range(20)), svg.stem
    assert icon("no-such-icon").isNull()
