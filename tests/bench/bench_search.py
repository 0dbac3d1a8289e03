"""Search benchmark on the province-scale DB: `search_ids` vs raw FTS5 via sqlite3 and vs a LIKE scan.

Targets (issue 2): our API ≤ 1.5× the raw FTS5 query; ≥ 10× faster than a LIKE scan (3+ chars).
Run: `.venv/bin/python tests/bench/bench_search.py [--quick]`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.common import best_of, print_table, province_db, row
from zsdesk.storage import engine
from zsdesk.storage.database import connect
from zsdesk.storage.search import FTS_TABLES, search_ids

LIMIT = 50
# (table, query, what it stands for): a company name (the usual lookup), then ever more common words.
QUERIES: tuple[tuple[str, str, str], ...] = (
    ("enterprise", "华创半导体", "name"),
    ("enterprise", "新能源", "word"),
    ("enterprise", "科技有限公司", "common"),
    ("visit", "凯迈智能装备", "name"),
    ("visit", "宜宾三江新区", "common"),
    ("visit", "西南区域总部", "common"),
)
# A LIKE ... LIMIT 50 over rows in rowid order stops after the first 50 hits, so for a word in
# more than ~1% of rows it is not a scan at all and no index can beat it by 10×. The ≥10× target
# is checked where LIKE really scans: queries matching under 1% of the rows.
SCAN_SHARE = 0.01


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _raw_same_sql(table: str) -> str:
    """The statement search_ids issues for a 3+ character query, written out by hand."""
    return (
        f"SELECT t.id FROM [{table}_fts] f JOIN [{table}] t ON t.rowid = f.rowid"
        f" WHERE [{table}_fts] MATCH ? AND t.deleted = 0 ORDER BY f.rowid DESC LIMIT ?"
    )


def _raw_minimal_sql(table: str) -> str:
    """The least a raw FTS5 lookup can do: live ids of matches, any order."""
    return (
        f"SELECT t.id FROM [{table}_fts] f JOIN [{table}] t ON t.rowid = f.rowid"
        f" WHERE [{table}_fts] MATCH ? AND t.deleted = 0 LIMIT ?"
    )


def _updated_order_sql(table: str) -> str:
    """What search_ids issued before: newest-updated first, which must read every match to sort."""
    return (
        f"SELECT t.id FROM [{table}_fts] f JOIN [{table}] t ON t.rowid = f.rowid"
        f" WHERE [{table}_fts] MATCH ? AND t.deleted = 0 ORDER BY t.updated_at DESC LIMIT ?"
    )


def _like_sql(table: str) -> str:
    """The same search without the index: a LIKE scan with the same filter, order and limit."""
    like = " OR ".join(f"[{c}] LIKE ?" for c in FTS_TABLES[table])
    return f"SELECT id FROM [{table}] WHERE deleted = 0 AND ({like}) ORDER BY rowid DESC LIMIT ?"


def run(quick: bool = False) -> list[dict[str, Any]]:
    path = province_db()
    ours_db = connect(path)
    raw = engine.connect(str(path))
    repeat = 3 if quick else 7
    rows = []
    for table, query, kind in QUERIES:
        hits = raw.execute(
            f"SELECT count(*) FROM [{table}_fts] WHERE [{table}_fts] MATCH ?", [_phrase(query)]
        ).fetchone()[0]
        total = raw.execute(f"SELECT max(rowid) FROM [{table}]").fetchone()[0]
        label = f"{table} “{query}” ({kind}, {hits:,} hits)"
        ours = best_of(lambda t=table, q=query: search_ids(ours_db, t, q, limit=LIMIT), repeat=repeat)
        same = best_of(
            lambda t=table, q=query: raw.execute(_raw_same_sql(t), [_phrase(q), LIMIT]).fetchall(),
            repeat=repeat,
        )
        minimal = best_of(
            lambda t=table, q=query: raw.execute(_raw_minimal_sql(t), [_phrase(q), LIMIT]).fetchall(),
            repeat=repeat,
        )
        like_args = [f"%{query}%"] * len(FTS_TABLES[table]) + [LIMIT]
        like = best_of(
            lambda t=table, a=like_args: raw.execute(_like_sql(t), a).fetchall(), repeat=1 if quick else 3
        )
        # Sanity: the API returns what the hand-written statement returns.
        assert search_ids(ours_db, table, query, limit=LIMIT) == [
            r[0] for r in raw.execute(_raw_same_sql(table), [_phrase(query), LIMIT])
        ]
        rows.append(row(f"{label} vs raw FTS5, same SQL", ours, same, "≤ 1.5×"))
        # Informational: what the newest-first order costs over any-order, and what the old order cost.
        rows.append(row(f"{label} vs raw FTS5, any order", ours, minimal, "info: newest-first cost"))
        updated = best_of(
            lambda t=table, q=query: raw.execute(_updated_order_sql(t), [_phrase(q), LIMIT]).fetchall(),
            repeat=1 if quick else 3,
        )
        rows.append(row(f"{label} vs old ORDER BY updated_at", ours, updated, "info: why rowid order"))
        like_target = (
            "≤ 0.1× (≥ 10× faster)" if hits < SCAN_SHARE * total else "info: LIKE stops after 50 hits"
        )
        rows.append(row(f"{label} vs LIKE scan", ours, like, like_target))
    ours_db.close()
    raw.close()
    return rows


if __name__ == "__main__":
    print_table(run(quick="--quick" in sys.argv))
