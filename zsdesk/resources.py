"""Locate bundled data files (fonts, icons, translations, forms) from source and from a PyInstaller build.

Pure stdlib and no Qt, so the GUI, the report renderer and the CLI can all share it.

    >>> resource_path("fonts", "wqy-microhei.ttc")  # doctest: +SKIP
    PosixPath('/…/resources/fonts/wqy-microhei.ttc')
"""

from __future__ import annotations

import sys
from pathlib import Path

# Source checkout: <root>/zsdesk/resources.py -> <root>/resources.
_SOURCE_ROOT = Path(__file__).resolve().parent.parent / "resources"


def resources_root() -> Path:
    """The folder holding fonts/, icons/, translations/.

    A PyInstaller one-folder build unpacks data under `sys._MEIPASS` (the `_internal` folder);
    build.spec copies the source `resources/` tree there under the same name.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return _SOURCE_ROOT


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. `resource_path("icons", "app.svg")` (may not exist)."""
    return resources_root().joinpath(*parts)


def is_frozen() -> bool:
    """True when running from a PyInstaller bundle (no Python installed on the machine)."""
    return bool(getattr(sys, "frozen", False))
