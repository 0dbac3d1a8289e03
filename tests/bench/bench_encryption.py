"""Encryption cost: the same operations on the encrypted province database and on a plain copy of it.

Targets: search, 100 random jumps in the visit list, a year's statistics and a 10,000-row import each
≤ 1.3× of plain (`zsdesk --smoke` on the encrypted database is bench_gui's row vs a bare window).
Run: `.venv/bin/python tests/bench/bench_encryption.py [--quick]`.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.bench_import import _fresh_seed, _ours_in, _write_sheet
from tests.bench.bench_stats import _year
from tests.bench.common import CACHE, best_of, print_table, province_db, row
from zsdesk.services.context import Workspace, open_workspace
from zsdesk.services.security import decrypt_database
from zsdesk.services.stats import compute_stats
from zsdesk.storage.database import connect_raw
from zsdesk.storage.search import search_ids
from zsdesk.storage.store import Store

TARGET = "≤ 1.3×"
QUERIES = (
    ("enterprise", "华创半导体"),
    ("enterprise", "新能源"),
    ("visit", "凯迈智能装备"),
    ("project", "储能"),
)


def plain_copy(encrypted: Path) -> Path:
    """A plain copy of the province database, made once (the baseline of every row here)."""
    target = CACHE / "province-plain.db"
    if not target.exists() or target.stat().st_mtime < encrypted.stat().st_mtime:
        target.unlink(missing_ok=True)
        decrypt_database(encrypted, target)
    return target


def plain_workspace(path: Path) -> Workspace:
    """The app's own code over a plain file (the normal open would encrypt it first)."""
    return Workspace(path, Store(connect_raw(path)))


def _jumps(ws: Workspace, jumps: int) -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from zsdesk.ui.table_model import LazyTableModel

    _app = QCoreApplication.instance() or QCoreApplication([])
    model = LazyTableModel(ws, "visit")
    rng = random.Random(7)
    positions = [rng.randrange(model.rowCount()) for _ in range(jumps)]
    columns = model.columnCount()

    def run() -> None:
        model._cache.clear()
        for pos in positions:
            for col in range(columns):
                model.data(model.index(pos, col))

    return run


def _import_rows(quick: bool) -> dict[str, Any]:
    rows, enterprises, repeats = (2_000, 400, 2) if quick else (10_000, 2_000, 3)
    with tempfile.TemporaryDirectory(prefix="zsdesk-bench-enc-") as tmp:
        folder = Path(tmp)
        seed, targets = _fresh_seed(folder, enterprises)
        plain_seed = decrypt_database(seed, folder / "seed-plain.db")
        sheet = _write_sheet(folder / "visits.xlsx", targets, rows)
        enc_times, plain_times = [], []
        for n in range(repeats):  # alternate sides so machine load affects both alike
            copy = Path(shutil.copy(plain_seed, folder / f"plain{n}.db"))
            ws = plain_workspace(copy)
            plain_times.append(_ours_in(ws, sheet, rows, commit=True)[0])
            ws.close()
            copy = Path(shutil.copy(seed, folder / f"enc{n}.db"))
            shutil.copy(f"{seed}.zskey", f"{copy}.zskey")
            with open_workspace(copy) as ws:
                enc_times.append(_ours_in(ws, sheet, rows, commit=True)[0])
    return row(f"import {rows:,} visits: encrypted vs plain", min(enc_times), min(plain_times), TARGET)


def run(quick: bool = False) -> list[dict[str, Any]]:
    encrypted = province_db()
    plain = plain_copy(encrypted)
    repeat = 3 if quick else 5
    enc_ws, plain_ws = open_workspace(encrypted, check=False), plain_workspace(plain)
    rows = []
    for table, query in QUERIES:
        assert search_ids(enc_ws.db, table, query) == search_ids(plain_ws.db, table, query)
        rows.append(
            row(
                f"search {table} “{query}”: encrypted vs plain",
                best_of(lambda t=table, q=query: search_ids(enc_ws.db, t, q), repeat=repeat),
                best_of(lambda t=table, q=query: search_ids(plain_ws.db, t, q), repeat=repeat),
                TARGET,
            )
        )
    jumps = 100
    rows.append(
        row(
            f"visit list: {jumps} random jumps, encrypted vs plain",
            best_of(_jumps(enc_ws, jumps), repeat=repeat),
            best_of(_jumps(plain_ws, jumps), repeat=repeat),
            TARGET,
        )
    )
    date_from, date_to = _year(encrypted)
    rows.append(
        row(
            f"compute_stats {date_from}..{date_to}: encrypted vs plain",
            best_of(lambda: compute_stats(enc_ws, date_from=date_from, date_to=date_to), repeat=repeat),
            best_of(lambda: compute_stats(plain_ws, date_from=date_from, date_to=date_to), repeat=repeat),
            TARGET,
        )
    )
    enc_ws.close()
    plain_ws.close()
    rows.append(_import_rows(quick))
    return rows


if __name__ == "__main__":
    print_table(run(quick="--quick" in sys.argv))
