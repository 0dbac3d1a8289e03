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


def fill_existing(ws: Workspace, existing_id: str, values: dict[str, Any]) -> None:
    """ "Merge" for a record not yet created: what was typed fills the existing enterprise's empty fields."""
    current = ws.store.get("enterprise", existing_id)
    fill = {k: v for k, v in values.items() if v not in (None, "", [], False) and not current.get(k)}
    fill.pop("credit_code", None)
    if fill:
        ws.store.update("enterprise", existing_id, fill)
