"""The PySide work-arounds: the faster feature check gives PySide's own answer for every module."""

from __future__ import annotations

import importlib
import sys

from zsdesk.ui import qtcompat


def test_fast_feature_check_agrees_with_pyside_on_every_loaded_module() -> None:
    for name in ("json", "sqlite3", "zsdesk.storage.store", "zsdesk.ui.main", "zsdesk.ui.pages.dashboard"):
        importlib.import_module(name)
    fast = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert qtcompat.FAST_FEATURE_CHECK or getattr(fast, "zsdesk_fast", False)
    original = fast.original
    modules = [m for m in list(sys.modules.values()) if getattr(m, "__name__", None)]
    answers = {m.__name__: fast(m) for m in modules}
    assert answers == {m.__name__: bool(original(m)) for m in modules}
    assert answers["zsdesk.ui.main"] and not answers["zsdesk.storage.store"] and not answers["json"]
    assert not qtcompat.fast_feature_check()  # applied once only
