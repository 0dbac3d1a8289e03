"""Fixtures for server tests: the same live server and fast argon2 as the sync tests."""

from __future__ import annotations

from tests.sync.conftest import _fast_argon2, server

__all__ = ["_fast_argon2", "server"]
