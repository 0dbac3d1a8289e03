"""Copying a test's database file: an encrypted database travels with its key file (`.zskey`)."""

from __future__ import annotations

import shutil
from pathlib import Path


def copy_db(src: Path, dst: Path) -> Path:
    """Copy the database at `src` (closed or checkpointed) and its key file to `dst`."""
    shutil.copyfile(src, dst)
    key = Path(f"{src}.zskey")
    if key.exists():
        shutil.copyfile(key, f"{dst}.zskey")
    return dst
