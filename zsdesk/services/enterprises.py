"""Enterprise look-ups and writes the GUI needs: the duplicate check, merging duplicates and its undo."""

from __future__ import annotations

from typing import Any

from ..storage import enterprises as store_enterprises
from .context import Workspace


def find_duplicates(ws: Workspace, *, name: str, credit_code: str | None = None) -> list[dict[str, Any]]:
    return store_enterprises.find_duplicates(ws.store, name=name, credit_code=credit_code)


def merge(ws: Workspace, *, keep_id: str, merge_id: str) -> str:
    """Merge `merge_id` into `keep_id` (one transaction); returns the merge log id for undo."""
    return store_enterprises.merge_enterprises(ws.store, keep_id=keep_id, merge_id=merge_id)


def undo_merge(ws: Workspace, merge_log_id: str) -> None:
    store_enterprises.undo_merge(ws.store, merge_log_id)
