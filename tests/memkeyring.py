"""A keyring backend for tests (headless Linux has none): in memory, or in a JSON file.

With `ZSDESK_TEST_KEYRING_FILE` set (tests/conftest.py sets it per test session) the secrets are
kept in that file, so a database created by one `zsdesk` subprocess opens in the next one, as it
would with the OS keyring.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self._secrets: dict[tuple[str, str], str] = {}

    def _file(self) -> Path | None:
        name = os.environ.get("ZSDESK_TEST_KEYRING_FILE")
        return Path(name) if name else None

    def _load(self) -> dict[str, str]:
        f = self._file()
        if f is None or not f.exists():
            return {}
        return json.loads(f.read_text())

    def get_password(self, service: str, username: str) -> str | None:
        if self._file() is not None:
            return self._load().get(f"{service}\x1f{username}")
        return self._secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        f = self._file()
        if f is not None:
            data = self._load()
            data[f"{service}\x1f{username}"] = password
            f.write_text(json.dumps(data))
            return
        self._secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        f = self._file()
        if f is not None:
            data = self._load()
            data.pop(f"{service}\x1f{username}", None)
            f.write_text(json.dumps(data))
            return
        self._secrets.pop((service, username), None)
