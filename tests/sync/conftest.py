"""Fixtures for sync tests: a live server per test, on SQLite and on PostgreSQL when reachable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .harness import LiveServer, server_fixture


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: Any, tmp_path: Path) -> Iterator[LiveServer]:
    yield from server_fixture(request, tmp_path)


@pytest.fixture(autouse=True)
def _fast_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Still argon2id, with test-sized cost: the production parameters take ~0.1 s per hash."""
    from argon2 import PasswordHasher

    import zsdesk.server.auth as auth

    monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
