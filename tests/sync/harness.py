"""Test harness: a real sync server on a loopback port (SQLite or a fresh PostgreSQL database) and laptops."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy import Engine

from zsdesk.server.app import create_app
from zsdesk.server.auth import add_user
from zsdesk.server.cli import add_office
from zsdesk.server.db import make_engine
from zsdesk.services.context import Workspace, init_workspace
from zsdesk.services.sync import SyncResult, sync_now

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PASSWORD = "secret-pass-1"


def postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, connect_timeout=2):
            return True
    except Exception:
        return False


def fresh_postgres_url() -> str:
    import psycopg

    name = f"zsdesk_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def drop_postgres(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    database_url: str
    engine: Engine
    server: uvicorn.Server
    thread: threading.Thread

    def office(self, name: str) -> str:
        return add_office(self.engine, name=name)

    def user(self, username: str, role: str, *offices: str) -> None:
        ids = [self.office(name) for name in offices]
        add_user(self.engine, username=username, password=PASSWORD, role=role, offices=ids)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.engine.dispose()


def start_server(database_url: str) -> LiveServer:
    engine = make_engine(database_url)
    app = create_app(database_url, engine=engine)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 10
    while not server.started:
        if time.time() > deadline:
            raise RuntimeError("server did not start")
        time.sleep(0.02)
    return LiveServer(f"http://127.0.0.1:{port}", database_url, engine, server, thread)


def database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A fresh server database for one test ("sqlite" file or "postgres" database, dropped after);
    the PostgreSQL half skips where none is reachable."""
    if backend == "postgres":
        if not postgres_available():
            pytest.skip("PostgreSQL at 127.0.0.1:5432 is not reachable")
        url = fresh_postgres_url()
    else:
        url = f"sqlite:///{tmp_path / 'server.db'}"
    try:
        yield url
    finally:
        if backend == "postgres":
            drop_postgres(url)


def server_fixture(request: Any, tmp_path: Path) -> Iterator[LiveServer]:
    """Body of the parametrized `server` fixture: a fresh database per test."""
    for url in database_url(request.param, tmp_path):
        live = start_server(url)
        try:
            yield live
        finally:
            live.stop()


class Laptop:
    """One officer's offline database plus its sync settings."""

    def __init__(self, server: LiveServer, path: Path, username: str, office: str) -> None:
        self.server = server
        self.username = username
        self.path = path
        self.ws: Workspace = init_workspace(path, office=office, officer=username)

    @property
    def store(self):  # type: ignore[no-untyped-def]
        return self.ws.store

    def sync(self, **kw: Any) -> SyncResult:
        return sync_now(self.ws, server=self.server.url, username=self.username, password=PASSWORD, **kw)

    def rows(self, table: str, *, live_only: bool = False) -> dict[str, dict[str, Any]]:
        where = " WHERE deleted = 0" if live_only else ""
        return {r["id"]: r for r in self.store.rows(f"SELECT * FROM [{table}]{where}")}

    def reopen(self) -> None:
        self.ws.close()
        from zsdesk.services.context import open_workspace

        self.ws = open_workspace(self.path, author=self.username)

    def close(self) -> None:
        self.ws.close()


def serve_process(url: str, fault: str | None = None, *extra: str) -> tuple[Any, str]:
    """`zsdesk-server serve` as a real process (it can be SIGKILLed), with an optional fault point
    and extra `serve` arguments (e.g. "--workers", "2")."""
    import os
    import subprocess
    import sys

    import httpx

    root = Path(__file__).resolve().parents[2]
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("ZSDESK_SERVER_FAULT", None)
    if fault:
        env["ZSDESK_SERVER_FAULT"] = fault
    proc = subprocess.Popen(
        [sys.executable, "-m", "zsdesk.server.cli", "serve", "--database", url, "--port", str(port), *extra],
        env=env,
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(150):
        try:
            httpx.get(f"http://127.0.0.1:{port}/health")
            break
        except httpx.TransportError:
            time.sleep(0.1)
    return proc, f"http://127.0.0.1:{port}"


OFFICE_A, OFFICE_B = "省政府驻上海办事处", "省政府驻广州办事处"


def office_pair(server: LiveServer, tmp_path: Path) -> tuple[Laptop, Laptop]:
    """a1 and a2, two officers of office A, each with its own database file."""
    server.user("a1", "officer", OFFICE_A)
    server.user("a2", "officer", OFFICE_A)
    return Laptop(server, tmp_path / "a1.db", "a1", OFFICE_A), Laptop(
        server, tmp_path / "a2.db", "a2", OFFICE_A
    )


def three_laptops(server: LiveServer, tmp_path: Path) -> tuple[Laptop, Laptop, Laptop]:
    """a1 and a2 of office A, b1 of office B, each with its own database file."""
    server.user("a1", "officer", OFFICE_A)
    server.user("a2", "officer", OFFICE_A)
    server.user("b1", "officer", OFFICE_B)
    return (
        Laptop(server, tmp_path / "a1.db", "a1", OFFICE_A),
        Laptop(server, tmp_path / "a2.db", "a2", OFFICE_A),
        Laptop(server, tmp_path / "b1.db", "b1", OFFICE_B),
    )
