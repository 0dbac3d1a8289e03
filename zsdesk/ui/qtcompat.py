"""Work-arounds for Qt binding bugs, in one place so they can be dropped when PySide is fixed.

PySide6 6.12.0 on Python 3.11 returns `None` (every void method: setText, processEvents, ...) and
`True` (every `Signal.emit`) without taking a reference: its wheels assume Python 3.12's immortal
singletons (PEP 683). On 3.11 each call lowers the refcount and, after a few thousand calls, the
interpreter aborts with "none_dealloc: deallocating None" (checked: 1,000 `QLabel.setText` calls
take 1,000 references from None). `make_singletons_immortal()` gives None, True and False the
huge refcount Python 3.12 gives them, which is exactly the assumption the binding makes.
Importing this module applies it; `emit()` also repays the reference each emit takes.

PySide's `__feature__` import hook asks of every module imported after Qt whether its source
mentions "PySide6", with `inspect.getsource` (linecache, encoding detection, splitting into lines):
≈8 ms of the GUI's start-up for the ≈75 modules it imports. `fast_feature_check()` answers the
same question from the file's bytes (≈2 ms); modules without a .py file still go to PySide's own.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

# 3.12+ marks these immortal itself; on 3.11 a 2**40 head start outlasts any session.
_HEAD_START = 1 << 40


def _binding_steals_none() -> bool:
    from PySide6.QtCore import QCoreApplication

    before = sys.getrefcount(None)
    for _ in range(10):
        QCoreApplication.processEvents()  # a void method: returns None
    return sys.getrefcount(None) < before


def make_singletons_immortal() -> bool:
    """Raise the refcount of None/True/False on Pythons without immortal objects; True if done."""
    if sys.version_info >= (3, 12):
        return False
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEAD_START
    return True


class _Probe(QObject):
    ping = Signal()


def _emit_steals_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    return sys.getrefcount(True) < before


def fast_feature_check() -> bool:
    """Swap shibokensupport.feature's source scan for a byte search of the same file; True if done."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "zsdesk_fast", False):
        return False

    def _mod_uses_pyside(module: Any) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    _mod_uses_pyside.zsdesk_fast = True  # type: ignore[attr-defined]
    _mod_uses_pyside.original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = _mod_uses_pyside  # type: ignore[union-attr]
    return True


FAST_FEATURE_CHECK = fast_feature_check()
STEALS_NONE = _binding_steals_none()
_COMPENSATE = _emit_steals_true()
IMMORTAL = make_singletons_immortal() if (STEALS_NONE or _COMPENSATE) else False
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def emit(signal: Any, *args: Any) -> None:
    """`signal.emit(*args)`; repays the reference of True the binding takes (belt and braces)."""
    if signal.emit(*args) is True and _COMPENSATE:
        _incref(True)
