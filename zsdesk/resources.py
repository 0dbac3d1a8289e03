"""Locate the data files shipped inside the package (fonts, icons, translations) in every install.

Pure stdlib and no Qt, so the GUI, the report renderer and the CLI can all share it. The files
live in `zsdesk/assets/` next to this module: a checkout, an editable install, a wheel and a
PyInstaller bundle (build.spec copies them to `_internal/zsdesk/assets`) all find them there.

    >>> resource_path("fonts", "wqy-microhei.ttc")  # doctest: +SKIP
    PosixPath('/…/zsdesk/assets/fonts/wqy-microhei.ttc')
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_ASSETS = Path(__file__).resolve().parent / "assets"


def resources_root() -> Path:
    """The folder holding fonts/, icons/, translations/.

    A PyInstaller one-folder build unpacks data under `sys._MEIPASS` (the `_internal` folder);
    asking it first keeps the lookup right even where a frozen module's `__file__` is virtual.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "zsdesk" / "assets"
    return _PACKAGE_ASSETS


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. `resource_path("icons", "app.svg")` (may not exist)."""
    return resources_root().joinpath(*parts)


def is_frozen() -> bool:
    """True when running from a PyInstaller bundle (no Python installed on the machine)."""
    return bool(getattr(sys, "frozen", False))
