"""Shared fixtures: offscreen Qt, an in-memory keyring, temporary office databases."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.memkeyring.MemoryKeyring")
if "ZSDESK_TEST_KEYRING_FILE" not in os.environ:
    # Encrypted databases keep their keys in the keyring: one file-backed test keyring per run, so
    # a database made by a `zsdesk` subprocess opens in the next one (as with the OS keyring).
    import tempfile

    os.environ["ZSDESK_TEST_KEYRING_FILE"] = os.path.join(
        tempfile.mkdtemp(prefix="zsdesk-keyring-"), "keys.json"
    )

from zsdesk.services.context import Workspace, init_workspace


@pytest.fixture(autouse=True)
def _memory_keyring() -> Iterator[None]:
    import keyring

    from tests.memkeyring import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """A fresh office database on disk (a real SQLite file)."""
    workspace = init_workspace(
        tmp_path / "office.db", office="省政府驻上海办事处", unit="驻上海办事处", officer="张三"
    )
    yield workspace
    workspace.close()
