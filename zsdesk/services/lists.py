"""The list queries the GUI's screens run: ids of a filtered, sorted list, rows by page, look-ups.

Thin on purpose: the SQL lives in storage.listing / storage.search; the GUI reaches it only here,
with a Workspace, so the screens never hold a database handle of their own.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Any

from ..storage import listing
from ..storage.listing import SPECS, ListSpec
from .context import Workspace

__all__ = ["SPECS", "ListSpec"]


def list_rowids(
    ws: Workspace,
    table: str,
    filters: dict[str, Any],
    *,
    text: str = "",
    sort: str = "",
    descending: bool = True,
) -> array:
    return listing.list_rowids(ws.db, table, filters, text=text, sort=sort, descending=descending)


def load_rows(ws: Workspace, table: str, rowids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    return listing.load_rows(ws.db, table, rowids)


def approx_rows(ws: Workspace, table: str) -> int:
    return listing.approx_rows(ws.db, table)


def rowid_of(ws: Workspace, table: str, row_id: str) -> int | None:
    return listing.rowid_of(ws.db, table, row_id)


def recent_values(ws: Workspace, table: str, column: str) -> list[str]:
    return listing.recent_values(ws.db, table, column)


def offices(ws: Workspace) -> list[tuple[str, str]]:
    """(id, name) of every office, by name."""
    return listing.offices(ws.db)


def office_name(ws: Workspace) -> str:
    return dict(listing.offices(ws.db)).get(ws.office_id, "")


def names_by_id(ws: Workspace, table: str, ids: Sequence[str]) -> dict[str, str]:
    return listing.names_by_id(ws.db, table, ids)


def search_ids(ws: Workspace, table: str, query: str, *, limit: int = 50) -> list[str]:
    from ..storage.search import search_ids as _search

    return _search(ws.db, table, query, limit=limit)


def integrity_problem(ws: Workspace) -> str:
    """'' when PRAGMA quick_check passes, else its first complaint."""
    from ..storage.worklists import integrity_problem as _check

    return _check(ws.db)


def key_enterprises_without_commissioner(ws: Workspace) -> int:
    from ..storage.worklists import key_enterprises_without_commissioner as _count

    return _count(ws.db)


def units(ws: Workspace) -> list[str]:
    """The reporting units (offices' units) the statistics screen can be narrowed to."""
    from ..storage.stats_queries import units as _units

    return _units(ws.db)
