"""Recorded schema migrations; a database from any released version opens and upgrades."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from .columns import SYNCED_TABLES, table_columns
from .schema import MIGRATION_SET, MIGRATIONS

migrations = Migrations(MIGRATION_SET)

# Tables that only live on this laptop (never synced as rows).
_LOCAL_TABLES = {
    "outbox": (
        {
            "op_seq": int,
            "op_id": str,
            "table_name": str,
            "row_id": str,
            "office_id": str,
            "kind": str,
            "fields": str,
            "base_version": int,
            "hlc": str,
            "author": str,
            "schema_version": int,
            "state": str,
            "reason": str,
        },
        "op_seq",
    ),
    "history": (
        {
            "id": int,
            "hlc": str,
            "author": str,
            "table_name": str,
            "row_id": str,
            "action": str,
            "changes": str,
            "source": str,
        },
        "id",
    ),
    "meta": ({"key": str, "value": str}, "key"),
    "blob": ({"sha256": str, "size": int, "data": bytes, "uploaded": int}, "sha256"),
    "merge_log": (
        {"id": str, "kept_id": str, "merged_id": str, "repointed": str, "hlc": str, "undone": int},
        "id",
    ),
}


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    for table in SYNCED_TABLES:
        db[table].create(table_columns(table), pk="id", not_null={"id"}, if_not_exists=True)
    for name, (columns, pk) in _LOCAL_TABLES.items():
        db[name].create(columns, pk=pk, if_not_exists=True)
    db.execute("CREATE UNIQUE INDEX IF NOT EXISTS outbox_op ON outbox(op_id)")


@migrations()
def m002_indexes_and_search(db: sqlite_utils.Database) -> None:
    for table, cols in {
        "visit": ("date", "enterprise_id", "office_id"),
        "project": ("enterprise_id", "office_id"),
        "enterprise": ("credit_code", "name", "office_id"),
        "demand": ("enterprise_id",),
        "task": ("due_date",),
        "funding": ("project_id", "date"),
        "event": ("date",),
        "contact": ("enterprise_id",),
        "commissioner": ("enterprise_id",),
        "stage_change": ("project_id",),
        "attachment": ("owner_id",),
        "trigger": ("enterprise_id",),
        "history": ("row_id",),
        "outbox": ("row_id",),
    }.items():
        for col in cols:
            db.execute(f"CREATE INDEX IF NOT EXISTS {table}_{col} ON [{table}]([{col}])")
    for col in ("signed_date", "landed_date", "started_date"):
        db.execute(f"CREATE INDEX IF NOT EXISTS project_{col} ON project({col})")
    for table, cols in {
        "enterprise": ["name", "short_name"],
        "visit": ["minutes"],
        "project": ["name"],
    }.items():
        db[table].enable_fts(cols, tokenize="trigram", create_triggers=True, replace=True)
    db["sync_state"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
    db["sync_base"].create(
        {"table_name": str, "row_id": str, "data": str, "version": int},
        pk=("table_name", "row_id"),
        if_not_exists=True,
    )
    db["conflict"].create(
        {
            "id": str,
            "table_name": str,
            "row_id": str,
            "field": str,
            "local_value": str,
            "server_value": str,
            "base_value": str,
            "local_author": str,
            "server_author": str,
            "local_hlc": str,
            "server_hlc": str,
            "resolved": int,
            "resolution": str,
        },
        pk="id",
        if_not_exists=True,
    )


def reconcile_columns(db: sqlite_utils.Database) -> None:
    """Add columns for fields declared since the table was made (additive, idempotent)."""
    for table in SYNCED_TABLES:
        if not db[table].exists():
            db[table].create(table_columns(table), pk="id", not_null={"id"})
            continue
        have = set(db[table].columns_dict)
        for name, kind in table_columns(table).items():
            if name not in have:
                db[table].add_column(name, kind)


def schema_names(db: sqlite_utils.Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]


@migrations()
def m003_visit_stats_index(db: sqlite_utils.Database) -> None:
    # Covers 拜访企业(户): the yearly figure reads only this index (3.1 s -> 1.1 s at province scale).
    db.execute(
        "CREATE INDEX IF NOT EXISTS visit_stats_cover ON visit(date, deleted, office_id, enterprise_id)"
    )


@migrations()
def m004_sync_outbox_state_index(db: sqlite_utils.Database) -> None:
    # The outbox keeps every op with its outcome; sync reads only the pending ones, in order.
    db.execute("CREATE INDEX IF NOT EXISTS outbox_state ON outbox(state, op_seq)")


@migrations()
def m005_visit_trip_index(db: sqlite_utils.Database) -> None:
    # A trip's screen and briefing pack list the visits made on it (Visit.trip_id). Columns are
    # reconciled after the migrations run, so an older file gets this one here first.
    if "trip_id" not in db["visit"].columns_dict:
        db["visit"].add_column("trip_id", str)
    db.execute("CREATE INDEX IF NOT EXISTS visit_trip_id ON visit(trip_id)")


# The fast open path (database.is_current) reads schema.MIGRATIONS; a migration missing there would
# let an old file skip its upgrade.
if tuple(m.name for m in migrations._migrations) != MIGRATIONS:
    raise RuntimeError("storage/schema.py MIGRATIONS must list the migrations of storage/migrations.py")
