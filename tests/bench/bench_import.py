"""Benchmark: importing a 10,000-row 走访 sheet through `import_sheet` vs openpyxl + raw executemany.

Run `python tests/bench/bench_import.py [--quick]`. Both sides start from identical copies of a
database that already holds the 2,000 enterprises the sheet names, read the same file with
openpyxl in read-only mode, and insert the same visits. Ours additionally validates every cell,
matches natural keys, and writes the outbox + history rows through `Store`. Target: ≤ 2× baseline.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from zsdesk.domain.creditcode import CHARSET, check_character  # noqa: E402
from zsdesk.domain.ids import uuid7  # noqa: E402
from zsdesk.services.context import init_workspace, open_workspace  # noqa: E402
from zsdesk.services.excel_formats import VISITS  # noqa: E402
from zsdesk.services.excel_import import import_sheet  # noqa: E402

OFFICE = "省政府驻上海办事处"
TARGET = 2.0
FORMS = ("上门拜访", "驻点招商", "来访接待", "云洽谈", "展会推介")


def _code(n: int) -> str:
    body = "91310000" + "".join(CHARSET[(n // 31**i) % 31] for i in range(9))
    return body + check_character(body)


def _setup(folder: Path, rows: int, enterprises: int) -> tuple[Path, Path]:
    """A database with the enterprises, and a visits sheet naming them (half by credit code)."""
    db_path = folder / "seed.db"
    with init_workspace(db_path, office=OFFICE, officer="基准") as ws, ws.store.transaction():
        for i in range(enterprises):
            values = {"name": f"基准测试企业{i:05d}有限公司", "industry": "电子信息"}
            if i % 2 == 0:
                values["credit_code"] = _code(i)
            ws.store.create("enterprise", values)
    sheet = folder / "visits.xlsx"
    wb = Workbook(write_only=True)
    ws_ = wb.create_sheet("走访")
    ws_.append(VISITS.headers)
    start = dt.date(2024, 1, 1)
    for i in range(rows):
        e = i % enterprises
        ws_.append(
            [
                start + dt.timedelta(days=i % 700),
                f"基准测试企业{e:05d}有限公司",
                _code(e) if e % 2 == 0 else None,
                FORMS[i % len(FORMS)],
                "李局长" if i % 3 == 0 else None,
                "张三、王五",
                f"双方就新能源电池材料项目落地四川进行了深入洽谈，企业表示有投资意向（第{i}次）",
                "用地、融资" if i % 4 == 0 else None,
                "两周内安排赴川考察",
                OFFICE,
            ]
        )
    wb.save(sheet)
    return db_path, sheet


def _baseline(db_path: Path, sheet: Path) -> float:
    """openpyxl read-only load + one SELECT for the name map + sqlite3 executemany of the visits."""
    t0 = time.perf_counter()
    wb = load_workbook(sheet, read_only=True, data_only=True)
    rows = list(wb.worksheets[0].iter_rows(min_row=2, values_only=True))
    wb.close()
    conn = sqlite3.connect(db_path)
    office_id = conn.execute("SELECT id FROM office LIMIT 1").fetchone()[0]
    ids = dict(conn.execute("SELECT name, id FROM enterprise").fetchall())
    params: list[tuple[Any, ...]] = []
    for date, name, _, form, leader, people, minutes, demands, steps, _ in rows:
        participants = json.dumps(people.split("、") if people else [], ensure_ascii=False)
        day = date.date().isoformat()
        params.append(
            (uuid7(), office_id, day, ids[name], form, leader, participants, minutes, demands, steps)
        )
    with conn:
        conn.executemany(
            "INSERT INTO visit (id, office_id, date, enterprise_id, form, leader, participants, minutes,"
            " demands_text, next_steps) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            params,
        )
    conn.close()
    return time.perf_counter() - t0


def _ours(db_path: Path, sheet: Path, expected: int) -> float:
    with open_workspace(db_path) as ws:
        t0 = time.perf_counter()
        report = import_sheet(ws.store, "走访", sheet)
        elapsed = time.perf_counter() - t0
    created = report.count("走访").created
    if not report.committed or created != expected:
        raise RuntimeError(f"import did not create {expected} visits:\n{report.summary()}")
    return elapsed


def run(quick: bool = False) -> list[dict[str, Any]]:
    """Time both sides (best of several fresh runs); one result row for a later runner to collect."""
    rows, enterprises, repeats = (2_000, 400, 1) if quick else (10_000, 2_000, 3)
    with tempfile.TemporaryDirectory(prefix="zsdesk-bench-") as tmp:
        folder = Path(tmp)
        seed, sheet = _setup(folder, rows, enterprises)
        ours: list[float] = []
        base: list[float] = []
        for n in range(repeats):
            # Alternate sides on fresh copies so cache warmth and machine load affect both alike.
            a, b = folder / f"ours{n}.db", folder / f"base{n}.db"
            shutil.copy(seed, a)
            shutil.copy(seed, b)
            base.append(_baseline(b, sheet))
            ours.append(_ours(a, sheet, rows))
    ours_s, baseline_s = min(ours), min(base)
    return [
        {
            "name": f"import {rows:,}-row 走访 sheet vs openpyxl read-only + executemany",
            "ours_s": round(ours_s, 3),
            "baseline_s": round(baseline_s, 3),
            "ratio": round(ours_s / baseline_s, 2),
            "target": f"≤ {TARGET:g}×",
        }
    ]


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    results = run(quick=quick)
    for row in results:
        print(
            f"{row['name']}: ours {row['ours_s']:.3f} s, baseline {row['baseline_s']:.3f} s,"
            f" ratio {row['ratio']:.2f}× (target {row['target']})"
        )
    return 0 if all(r["ratio"] <= TARGET for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
