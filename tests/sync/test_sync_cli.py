"""The sync command line and the no-keyring path (headless Linux)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from zsdesk.cli import main
from zsdesk.services.sync import NO_KEYRING, sync_now
from zsdesk.sync.client import SyncError

from .harness import PASSWORD, Laptop, LiveServer

A = "省政府驻上海办事处"


def test_without_keyring_the_password_is_used_for_this_sync_only(server: LiveServer, tmp_path: Path) -> None:
    server.user("a1", "officer", A)
    laptop = Laptop(server, tmp_path / "a1.db", "a1", A)
    laptop.store.create("enterprise", {"name": "无钥匙串企业"})
    keyring.set_keyring(FailKeyring())
    result = laptop.sync()
    assert result.pending == 0 and NO_KEYRING in result.warnings
    with pytest.raises(SyncError) as err:
        sync_now(laptop.ws, server=server.url, username="a1", password=None)
    assert "密钥环" in str(err.value) and "密码" in str(err.value)
    assert PASSWORD.encode() not in (tmp_path / "a1.db").read_bytes()


def test_cli_sync_and_conflicts(
    server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    server.user("a1", "officer", A)
    server.user("a2", "officer", A)
    a1 = Laptop(server, tmp_path / "a1.db", "a1", A)
    a2 = Laptop(server, tmp_path / "a2.db", "a2", A)
    eid = a1.store.create("enterprise", {"name": "命令行企业"})
    a1.sync()
    a2.sync()
    a1.store.update("enterprise", eid, {"note": "甲"})
    a2.store.update("enterprise", eid, {"note": "乙"})
    a1.sync()
    a2.close()
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    args = [
        "sync",
        "--db",
        str(tmp_path / "a2.db"),
        "--server",
        server.url,
        "--user",
        "a2",
        "--password-stdin",
    ]
    assert main([*args, "--quiet"]) == 0
    assert "新冲突 1 个" in capsys.readouterr().out
    assert main(["conflicts", "--db", str(tmp_path / "a2.db")]) == 0
    out = capsys.readouterr().out
    assert "冲突（1）" in out and "当前值=乙" in out and "另一方的值=甲" in out and "企业“命令行企业”" in out
    conflict_id = out.splitlines()[1].split()[0]
    assert (
        main(["conflicts", "--db", str(tmp_path / "a2.db"), "--resolve", conflict_id, "--choice", "local"])
        == 0
    )
    assert main(["conflicts", "--db", str(tmp_path / "a2.db")]) == 0
    assert "冲突（0）" in capsys.readouterr().out
