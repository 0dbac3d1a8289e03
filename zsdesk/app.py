"""Composition root: builds the object graph, opens the database and shows the main window."""

from __future__ import annotations


def run_gui(
    *, db: str | None = None, demo: bool = False, smoke: bool = False, lang: str | None = None
) -> int:
    """Start the Qt application; the log file is set up once the window has painted (start-up speed)."""
    from .ui.main import run

    def start_logging() -> None:
        from .logging_setup import configure_logging

        configure_logging(command=None)

    return run(db=db, demo=demo, smoke=smoke, lang=lang, after_paint=start_logging)
