"""The open workspace: database + write engine + who is working, built once and passed down."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import ValidationError
from ..storage.database import open_connection, set_meta
from ..storage.store import Store

APP_NAME = "zsdesk"


def default_db_path() -> Path:
    """`~/.local/share/zsdesk/zsdesk.db` on Linux; %LOCALAPPDATA%\\zsdesk on Windows."""
    import platformdirs  # ≈4 ms; `zsdesk --db PATH` (and the GUI with a remembered path) never needs it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "zsdesk.db"


class Workspace:
    """An opened offline database for one officer. Close it when done.

    A plain class, as are the other objects the GUI builds before its first paint: the
    dataclasses module and class generation cost ≈3 ms of start-up there.
    """

    __slots__ = ("path", "store")

    def __init__(self, path: Path, store: Store) -> None:
        self.path = path
        self.store = store

    def __repr__(self) -> str:
        return f"Workspace(path={self.path!r})"

    @property
    def db(self):
        return self.store.db

    @property
    def office_id(self) -> str:
        return self.store.office_id

    def close(self) -> None:
        self.store.conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_workspace(
    path: str | Path | None = None, *, create: bool = False, author: str = "", check: bool = True
) -> Workspace:
    target = Path(path) if path else default_db_path()
    conn = open_connection(target, create=create, check=check)
    return Workspace(target, Store(conn, author=author))


def init_workspace(path: str | Path, *, office: str, unit: str = "", officer: str = "") -> Workspace:
    """Create a new database for `office` (idempotent when the office already exists)."""
    if not office.strip():
        raise ValidationError({"office": "办事处名称不能为空"})
    ws = open_workspace(path, create=True, author=officer)
    store = ws.store
    existing = store.rows("SELECT id FROM office WHERE name = ? AND deleted = 0", [office.strip()])
    with store.transaction():
        if existing:
            office_id = existing[0]["id"]
        else:
            office_id = store.create(
                "office", {"name": office.strip(), "unit": unit.strip() or office.strip()}
            )
        set_meta(store.db, "office_id", office_id)
        if officer:
            set_meta(store.db, "officer", officer)
    store.office_id = office_id
    return ws
