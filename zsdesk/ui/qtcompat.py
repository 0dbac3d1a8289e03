"""Work-arounds for Qt binding bugs, in one place so they can be dropped when PySide is fixed.

PySide6 6.12.0: `SignalInstance.emit()` returns `True` without taking a reference, so every emit
from Python lowers the refcount of `True` by one; after a few hundred emits the interpreter aborts
with "bool_dealloc: deallocating True or False". `emit(signal, *args)` gives that reference back,
only when a probe at import shows the binding has the bug.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def _emit_steals_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    return sys.getrefcount(True) < before


_COMPENSATE = _emit_steals_true()
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


if _COMPENSATE:
    _incref(True)  # the probe's own emit above took one


def emit(signal: Any, *args: Any) -> None:
    """`signal.emit(*args)` without the refcount leak of the binding."""
    if signal.emit(*args) is True and _COMPENSATE:
        _incref(True)
