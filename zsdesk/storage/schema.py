"""What a current database holds, readable without sqlite-utils: migration names and declared columns."""

from __future__ import annotations

from .declared_columns import COLUMNS

# migrations.py registers exactly these, in this order, and checks it at import: a new migration
# is added in both places (the fast open path of database.py compares the file against this list).
MIGRATION_SET = "zsdesk"
MIGRATIONS: tuple[str, ...] = (
    "m001_initial",
    "m002_indexes_and_search",
    "m003_visit_stats_index",
    "m004_sync_outbox_state_index",
    "m005_visit_trip_index",
)


def expected_columns() -> dict[str, set[str]]:
    """Column names every synced table must have: the envelope plus the record's declared fields.

    Read from declared_columns.py (generated from domain/records.py by scripts/build_schema.py;
    tests/storage/test_schema.py fails when it is stale), so the start path needs no dataclasses.
    """
    return {table: set(names) for table, names in COLUMNS.items()}
