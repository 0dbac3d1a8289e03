"""The server's SQLite database can be a SQLCipher file (ZSDESK_SERVER_DB_KEY_FILE)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from zsdesk.server.db import DB_KEY_FILE_ENV, init_db, make_engine, users


def test_server_sqlite_database_is_encrypted_with_the_key_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file = tmp_path / "server.key"
    key_file.write_text(os.urandom(32).hex())
    monkeypatch.setenv(DB_KEY_FILE_ENV, str(key_file))
    db = tmp_path / "server.db"
    engine = make_engine(f"sqlite:///{db}")
    init_db(engine)
    with engine.begin() as conn:
        conn.execute(
            insert(users).values(username="绝密测试办事处", password_hash="x", role="officer", offices="[]")
        )
    engine.dispose()
    raw = db.read_bytes() + (Path(f"{db}-wal").read_bytes() if Path(f"{db}-wal").exists() else b"")
    assert db.read_bytes()[:16] != b"SQLite format 3\x00"
    assert "绝密测试办事处".encode() not in raw
    engine = make_engine(f"sqlite:///{db}")  # reopens with the key
    with engine.connect() as conn:
        assert conn.execute(select(users.c.username)).scalar_one() == "绝密测试办事处"
    engine.dispose()
    key_file.write_text(os.urandom(32).hex())  # a wrong key: refused, never read as garbage
    engine = make_engine(f"sqlite:///{db}")
    with pytest.raises(Exception, match="not a database"), engine.connect() as conn:
        conn.execute(select(users.c.username)).all()
    engine.dispose()


def test_a_malformed_key_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key_file = tmp_path / "server.key"
    key_file.write_text("abc")
    monkeypatch.setenv(DB_KEY_FILE_ENV, str(key_file))
    with pytest.raises(ValueError, match="64 hex digits"):
        make_engine(f"sqlite:///{tmp_path / 'server.db'}")
