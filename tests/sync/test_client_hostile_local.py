"""What a laptop leaves behind and lets through: tokens without a keyring, plain http://, file modes."""

from __future__ import annotations

import io
import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from sqlalchemy import select

from zsdesk.cli import main
from zsdesk.logging_setup import configure_logging
from zsdesk.server.db import tokens
from zsdesk.services.context import init_workspace
from zsdesk.services.sync import sync_now
from zsdesk.storage.backup import backup_now
from zsdesk.sync.client import SyncError, plain_http_host

from .harness import OFFICE_A, PASSWORD, Laptop, LiveServer


def _live_tokens(server: LiveServer, username: str) -> int:
    with server.engine.connect() as conn:
        rows = conn.execute(select(tokens.c.revoked).where(tokens.c.username == username)).all()
    return sum(1 for (revoked,) in rows if not revoked)


def test_without_a_keyring_each_sync_revokes_the_token_it_made(server: LiveServer, tmp_path: Path) -> None:
    server.user("a1", "officer", OFFICE_A)
    laptop = Laptop(server, tmp_path / "a1.db", "a1", OFFICE_A)
    keyring.set_keyring(FailKeyring())
    for i in range(3):
        laptop.store.create("enterprise", {"name": f"无钥匙串企业{i}"})
        assert laptop.sync().pending == 0
    assert _live_tokens(server, "a1") == 0  # three syncs, no 30-day token left behind


def test_with_a_keyring_the_stored_token_is_reused(server: LiveServer, tmp_path: Path) -> None:
    server.user("a1", "officer", OFFICE_A)
    laptop = Laptop(server, tmp_path / "a1.db", "a1", OFFICE_A)
    for _ in range(3):
        laptop.sync()
    assert _live_tokens(server, "a1") == 1


class _ToLoopback(httpx.BaseTransport):
    """Sends requests for any host to the live server on 127.0.0.1 (a stand-in for a LAN address)."""

    def __init__(self, url: str) -> None:
        self.port = int(url.rsplit(":", 1)[1])
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(host="127.0.0.1", port=self.port)
        return self.inner.handle_request(request)


def test_plain_http_to_another_host_is_refused_or_warned(server: LiveServer, tmp_path: Path) -> None:
    server.user("a1", "officer", OFFICE_A)
    laptop = Laptop(server, tmp_path / "a1.db", "a1", OFFICE_A)
    laptop.store.create("enterprise", {"name": "明文企业"})
    remote = "http://zs.example.gov.cn:8765"
    assert plain_http_host(remote) == "zs.example.gov.cn"
    assert plain_http_host(server.url) is None and plain_http_host("https://zs.example.gov.cn") is None
    transport = _ToLoopback(server.url)
    with pytest.raises(SyncError) as err:
        sync_now(
            laptop.ws, server=remote, username="a1", password=PASSWORD, transport=transport, insecure=False
        )
    assert "明文" in str(err.value) and "--insecure" in str(err.value)
    assert _live_tokens(server, "a1") == 0  # refused before the password went anywhere
    warned = sync_now(laptop.ws, server=remote, username="a1", password=PASSWORD, transport=transport)
    assert warned.pending == 0 and any("http://" in w and "明文" in w for w in warned.warnings)
    quiet = sync_now(
        laptop.ws, server=remote, username="a1", password=PASSWORD, transport=transport, insecure=True
    )
    assert not any("明文" in w for w in quiet.warnings)


def test_cli_refuses_plain_http_without_insecure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    init_workspace(tmp_path / "a1.db", office=OFFICE_A, officer="a1").close()
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    args = ["sync", "--db", str(tmp_path / "a1.db"), "--server", "http://zs.example.gov.cn"]
    code = main([*args, "--user", "a1", "--password-stdin", "--quiet"])
    err = capsys.readouterr().err
    assert code != 0 and "明文" in err and "Traceback" not in err


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)  # the usual default: without care, new files are world-readable
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_laptop_database_logs_and_backups_are_private(
    tmp_path: Path, loose_umask: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = init_workspace(tmp_path / "office.db", office=OFFICE_A, officer="a1")
    ws.store.create("enterprise", {"name": "私密企业"})
    db = tmp_path / "office.db"
    assert _mode(db) == 0o600
    assert _mode(Path(f"{db}-wal")) == 0o600
    backup = backup_now(db, conn=ws.db.conn)
    assert _mode(backup.path) == 0o600
    ws.close()
    monkeypatch.setenv("ZSDESK_LOG_DIR", str(tmp_path / "log"))
    path = configure_logging()
    assert path is not None
    logging.getLogger("zsdesk").warning("一行日志")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert _mode(path) == 0o600
    for handler in [h for h in logging.getLogger().handlers if getattr(h, "_zsdesk_handler", False)]:
        logging.getLogger().removeHandler(handler)
        handler.close()
