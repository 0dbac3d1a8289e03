"""Unsaved form contents kept as the officer types, offered back when the form opens again."""

from __future__ import annotations

from typing import Any

from ..storage import drafts
from .context import Workspace


def keep(ws: Workspace, key: str, data: dict[str, Any]) -> None:
    drafts.save_draft(ws.store.conn, key, data)


def find(ws: Workspace, key: str) -> tuple[dict[str, Any], str] | None:
    """(form contents, when kept) of the draft under `key`, or None."""
    return drafts.load_draft(ws.store.conn, key)


def discard(ws: Workspace, key: str) -> None:
    drafts.discard_draft(ws.store.conn, key)
