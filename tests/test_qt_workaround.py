"""The PySide6 6.12.0 work-around (zsdesk/ui/qtcompat.py) stays exactly as long as a binding needs it.

6.12.0 is the newest PySide6 release and the one a fresh install gets, so it cannot be pinned out yet.
When a later release stops taking references to None/True on Python 3.11, this test fails and says
so: then require that release in pyproject.toml (`pyside6-essentials>=6.12.1`, or `!=6.12.0`) and
delete the make-immortal part of qtcompat.py.
"""

from __future__ import annotations

import sys
from importlib.metadata import version

import pytest

from zsdesk.ui import qtcompat

pytestmark = pytest.mark.skipif(sys.version_info >= (3, 12), reason="None and True are immortal on 3.12+")
BROKEN = (6, 12, 0)


def _installed() -> tuple[int, ...]:
    return tuple(int(part) for part in version("PySide6_Essentials").split(".")[:3])


def test_the_work_around_is_active_while_the_binding_steals_references() -> None:
    if qtcompat.STEALS_NONE:
        assert qtcompat.IMMORTAL, "the binding takes references from None: make_singletons_immortal must run"


def test_a_fixed_pyside_release_retires_the_work_around() -> None:
    installed = _installed()
    if installed <= BROKEN:
        assert installed < BROKEN or qtcompat.STEALS_NONE, "6.12.0 was expected to steal references"
        return
    assert qtcompat.STEALS_NONE, (
        f"PySide6 {'.'.join(map(str, installed))} no longer steals references to None: pin "
        f"pyside6-essentials>={'.'.join(map(str, installed))} in pyproject.toml and remove "
        "make_singletons_immortal from zsdesk/ui/qtcompat.py (and this test)"
    )
