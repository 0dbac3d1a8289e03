"""Logging goes to one rotating file in the log directory, configured once however often main() runs."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import pytest

from zsdesk.cli import main
from zsdesk.logging_setup import BACKUP_COUNT, MAX_BYTES, configure_logging


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ZSDESK_LOG_DIR", str(tmp_path / "logs"))
    yield tmp_path / "logs"
    root = logging.getLogger()
    for h in [h for h in root.handlers if getattr(h, "_zsdesk_handler", False)]:
        root.removeHandler(h)
        h.close()


def _ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, "_zsdesk_handler", False)]


def test_cli_main_logs_to_a_rotating_file_in_the_log_dir(log_dir: Path, tmp_path: Path) -> None:
    assert main(["init", "--db", str(tmp_path / "o.db"), "--office", "驻上海办事处"]) == 0
    assert main(["backups", "--db", str(tmp_path / "o.db")]) == 0
    (handler,) = _ours()  # configured twice, one handler
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert (handler.maxBytes, handler.backupCount) == (MAX_BYTES, BACKUP_COUNT)
    handler.flush()
    text = (log_dir / "zsdesk.log").read_text(encoding="utf-8")
    assert "start (init)" in text and "start (backups)" in text
    assert "驻上海办事处" not in text  # arguments are not logged


def test_unwritable_log_dir_does_not_stop_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("ZSDESK_LOG_DIR", str(blocker / "logs"))  # a file where a folder should be
    assert configure_logging() is None
    assert _ours() == []
