"""Application logging: one rotating file in the user's log directory (stdlib logging only).

`configure_logging()` is called once from `zsdesk.cli.main`; modules just use
`logging.getLogger(__name__)`. Officers send the file to provincial IT when something goes wrong,
so it is bounded (1 MB × 5) and never holds passwords or record contents.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs

from . import __version__

APP_NAME = "zsdesk"
LOG_FILE = "zsdesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)-7s %(process)d %(threadName)s %(name)s: %(message)s"
# Marks our handler so calling configure_logging again (tests, repeated main()) replaces it
# instead of stacking a second handler that writes every line twice.
_MARK = "_zsdesk_handler"


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Log files (the current one and each one rotation starts) readable by their owner only."""

    def _open(self) -> Any:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


def log_dir() -> Path:
    """`~/.local/state/zsdesk/log` on Linux, `%LOCALAPPDATA%\\zsdesk\\Logs` on Windows.

    `ZSDESK_LOG_DIR` overrides it (tests, or IT wanting logs on a shared drive).
    """
    override = os.environ.get("ZSDESK_LOG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_FILE


def configure_logging(level: str | int | None = None, *, command: str | None = None) -> Path | None:
    """Send log records of every library to the rotating file; returns its path, or None if unwritable.

    `level` defaults to `ZSDESK_LOG_LEVEL` or INFO. A read-only home or a full disk must never
    stop the app, so failure here only leaves logging unconfigured.
    """
    level = level or os.environ.get("ZSDESK_LOG_LEVEL", "INFO")
    root = logging.getLogger()
    for h in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(h)
        h.close()
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    setattr(handler, _MARK, True)
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    _log_uncaught_exceptions()
    logging.getLogger(APP_NAME).info(
        "zsdesk %s start (%s), Python %s, %s%s",
        __version__,
        command or "gui",  # the subcommand only: arguments can be file names or passwords
        sys.version.split()[0],
        sys.platform,
        ", frozen" if getattr(sys, "frozen", False) else "",
    )
    return path


def _log_uncaught_exceptions() -> None:
    """Write a crash's traceback to the log too, then let the default hook print it as usual."""
    if getattr(sys.excepthook, _MARK, False):
        return
    previous = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(exc_type, KeyboardInterrupt):
            logging.getLogger(APP_NAME).critical("uncaught exception", exc_info=(exc_type, exc, tb))
        previous(exc_type, exc, tb)

    setattr(hook, _MARK, True)
    sys.excepthook = hook
