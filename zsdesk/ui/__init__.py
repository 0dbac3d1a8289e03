"""The desktop GUI (PySide6); the only package that imports Qt besides app.py."""

from . import qtcompat as _qtcompat  # noqa: F401 - must run before any other Qt call (see module)
