"""All user settings in one typed place (a QSettings wrapper): db path, officer, geometry, columns."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


class Settings:
    """Typed accessors with defaults; `Settings(path)` uses an ini file (tests), else the platform store."""

    def __init__(self, path: str | Path | None = None) -> None:
        if path is not None:
            self._q = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self._q = QSettings("zsdesk", "zsdesk")

    def _str(self, key: str, default: str = "") -> str:
        value = self._q.value(key, default)
        return str(value) if value is not None else default

    @property
    def db_path(self) -> str:
        return self._str("db/path")

    @db_path.setter
    def db_path(self, value: str) -> None:
        self._q.setValue("db/path", value)

    @property
    def officer(self) -> str:
        return self._str("user/officer")

    @officer.setter
    def officer(self, value: str) -> None:
        self._q.setValue("user/officer", value)

    @property
    def team_lead(self) -> bool:
        """组长 / 办事处主任: the dashboard also lists the team's overdue tasks."""
        return self._str("user/team_lead", "false").lower() in ("true", "1")

    @team_lead.setter
    def team_lead(self, value: bool) -> None:
        self._q.setValue("user/team_lead", "true" if value else "false")

    def reminded(self) -> set[str]:
        """Keys of the tray reminders already shown (each is shown once)."""
        return {k for k in self._str("reminders/shown").split("|") if k}

    def set_reminded(self, keys: set[str]) -> None:
        self._q.setValue("reminders/shown", "|".join(sorted(keys)[-300:]))

    @property
    def stalled_days(self) -> int:
        try:
            return max(1, int(self._q.value("dashboard/stalled_days", 30)))
        except (TypeError, ValueError):
            return 30

    @stalled_days.setter
    def stalled_days(self, value: int) -> None:
        self._q.setValue("dashboard/stalled_days", int(value))

    @property
    def sync_server(self) -> str:
        return self._str("sync/server")

    @sync_server.setter
    def sync_server(self, value: str) -> None:
        self._q.setValue("sync/server", value)

    @property
    def sync_user(self) -> str:
        return self._str("sync/user")

    @sync_user.setter
    def sync_user(self, value: str) -> None:
        self._q.setValue("sync/user", value)

    def geometry(self, name: str) -> QByteArray | None:
        value = self._q.value(f"geometry/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, name: str, value: QByteArray) -> None:
        self._q.setValue(f"geometry/{name}", value)

    # A list's column widths as the user dragged them. Not "columns/…": that key also holds widths
    # saved whenever the window resized (the stretched last column), which would keep every
    # existing user's lists from fitting the window.
    def columns(self, name: str) -> QByteArray | None:
        value = self._q.value(f"list_columns/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_columns(self, name: str, value: QByteArray) -> None:
        self._q.setValue(f"list_columns/{name}", value)

    def sync(self) -> None:
        self._q.sync()
