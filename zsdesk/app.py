"""Composition root: builds the object graph, opens the database and shows the main window."""

from __future__ import annotations


def run_gui(*, db: str | None = None, demo: bool = False, smoke: bool = False) -> int:
    """Start the Qt application (replaced by the full GUI wiring in zsdesk.ui)."""
    from .ui.main import run

    return run(db=db, demo=demo, smoke=smoke)
