"""Chinese search: FTS5 trigram for 3+ characters, LIKE fallback for 1–2 (trigram finds nothing there)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite-utils (≈65 ms) loads on first use, not on the GUI's start path
    import sqlite_utils


# The FTS tables made in migration m002 and the columns they index.
FTS_TABLES = {"enterprise": ("name", "short_name"), "visit": ("minutes",), "project": ("name",)}


def _fts_phrase(query: str) -> str:
    # Quote as one FTS5 string so punctuation in company names cannot break the syntax.
    return '"' + query.replace('"', '""') + '"'


def search_ids(
    db: sqlite_utils.Database,
    table: str,
    query: str,
    *,
    limit: int = 50,
    offices: list[str] | None = None,
    include_deleted: bool = False,
) -> list[str]:
    """Ids of `table` rows whose indexed text contains `query`, newest first (by rowid).

    `search_ids(db, "enterprise", "华为")` uses LIKE (2 chars); `"新能源"` uses the FTS index.

    Order is rowid descending (the order rows arrived in this database), not `updated_at`:
    FTS5 walks its doclists in rowid order, so with `LIMIT` it stops after `limit` hits. Sorting by
    `updated_at` forced reading every match first: 0.5 s instead of 0.6 ms for a common word
    in 1M visit minutes (tests/bench/bench_search.py). A LIKE scan likewise stops early.
    """
    text = query.strip()
    if table not in FTS_TABLES:
        raise ValueError(f"no search index on {table}")
    where = [] if include_deleted else ["t.deleted = 0"]
    params: list[object] = []
    if offices is not None:
        where.append(f"t.office_id IN ({', '.join('?' * len(offices))})")
        params.extend(offices)
    # f.rowid (not t.rowid) on the FTS path lets FTS5 deliver rows already ordered: no sort.
    order = "t.rowid"
    if not text:
        sql = f"SELECT t.id FROM [{table}] t"
    elif len(text) >= 3:
        order = "f.rowid"
        sql = (
            f"SELECT t.id FROM [{table}_fts] f JOIN [{table}] t ON t.rowid = f.rowid"
            f" WHERE [{table}_fts] MATCH ?"
        )
        params.insert(0, _fts_phrase(text))
    else:
        columns = FTS_TABLES[table]
        like = " OR ".join(f"t.[{c}] LIKE ? ESCAPE '\\'" for c in columns)
        escaped = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql = f"SELECT t.id FROM [{table}] t WHERE ({like})"
        params[0:0] = [escaped] * len(columns)
    if where:
        sql += (" AND " if " WHERE " in sql else " WHERE ") + " AND ".join(where)
    sql += f" ORDER BY {order} DESC LIMIT ?"
    params.append(limit)
    return [row[0] for row in db.execute(sql, params).fetchall()]
