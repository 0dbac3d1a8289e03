"""PyInstaller entry point: the frozen `zsdesk` executable runs the same `zsdesk.cli.main` as the console script."""

from __future__ import annotations

import multiprocessing
import sys

from zsdesk.cli import main

if __name__ == "__main__":
    # A frozen app on Windows re-executes itself for worker processes; without this each worker
    # would start another GUI.
    multiprocessing.freeze_support()
    sys.exit(main())
