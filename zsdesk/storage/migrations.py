"""The offline database's schema: numbered migrations with frozen column lists; `PRAGMA user_version` counts them.

A migration is written once and never edited after a release: it names its columns literally, so it
builds the same tables in every later version whatever `domain/records.py` declares by then.
A new field or record is one new migration appended to `MIGRATIONS`, e.g.

    def m006_visit_rating(db):
        add_columns(db, "visit", "rating:int")

tests/storage/test_schema.py fails (and prints that function) while records.py declares a column
no migration creates. This module imports nothing heavy: the start path (storage/database.py)
reads `CURRENT_VERSION` from it; sqlite-utils arrives with the `db` a migration is given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

    from .engine import Connection

# The columns every synced table starts with (storage/columns.py ENVELOPE_COLUMNS).
ENVELOPE = "id office_id deleted:int version:int updated_at updated_by created_at extra"
_TYPES: dict[str, type] = {"text": str, "int": int, "blob": bytes}


def columns(spec: str) -> dict[str, type]:
    """`"name amount:int data:blob"` -> {"name": str, "amount": int, "data": bytes} (text by default)."""
    out: dict[str, type] = {}
    for item in spec.split():
        name, _, kind = item.partition(":")
        out[name] = _TYPES[kind or "text"]
    return out


def create_synced_table(db: sqlite_utils.Database, table: str, spec: str) -> None:
    """A synced record's table: the envelope columns, then `spec`."""
    db.table(table).create(columns(f"{ENVELOPE} {spec}"), pk="id", not_null={"id"}, if_not_exists=True)


def add_columns(db: sqlite_utils.Database, table: str, spec: str) -> None:
    """Add the columns of `spec` to `table`.

    A column already there is skipped: files opened by releases before numbered migrations got
    new fields added automatically, so some of them have a column a later migration adds.
    """
    have = set(db.table(table).columns_dict)
    for name, kind in columns(spec).items():
        if name not in have:
            db.table(table).add_column(name, kind)


# The first released schema (tests/fixtures/schema_v1.db), frozen.
_V1_SYNCED = {
    "office": "name unit",
    "enterprise": "name short_name credit_code industry hq_region ownership tags is_key:int address note"
    " merged_into",
    "contact": "enterprise_id name title phone email",
    "visit": "date enterprise_id form officer participants leader leader_rank purpose minutes"
    " intention_industry intention_wan:int intention_city intention_park demands_text next_steps",
    "attachment": "owner_table owner_id sha256 filename mime size:int kind",
    "project": "name enterprise_id industry planned_wan:int target_city target_park stage status"
    " status_reason signed_date signed_wan:int landed_date started_date production_date liaison_leader"
    " responsible_unit work_team measures last_activity",
    "stage_change": "project_id from_stage to_stage date note",
    "funding": "project_id date amount_wan:int note",
    "commissioner": "enterprise_id officer start_date end_date duties",
    "demand": "enterprise_id visit_id content category department status response reason raised_date"
    " due_date closed_date",
    "task": "title assignee due_date done:int done_date enterprise_id visit_id project_id demand_id",
    "event": "date name kind place enterprise_ids project_ids note",
    "trip": "leader leader_rank start_date end_date places enterprise_ids project_ids note",
    "trigger": "enterprise_id kind date note task_id",
}
# Tables that only live on this laptop (never synced as rows): columns and primary key.
_V1_LOCAL = {
    "outbox": (
        "op_seq:int op_id table_name row_id office_id kind fields base_version:int hlc author"
        " schema_version:int state reason",
        "op_seq",
    ),
    "history": ("id:int hlc author table_name row_id action changes source", "id"),
    "meta": ("key value", "key"),
    "blob": ("sha256 size:int data:blob uploaded:int", "sha256"),
    "merge_log": ("id kept_id merged_id repointed hlc undone:int", "id"),
}


def m001_initial(db: sqlite_utils.Database) -> None:
    for table, spec in _V1_SYNCED.items():
        create_synced_table(db, table, spec)
    for table, (spec, pk) in _V1_LOCAL.items():
        db.table(table).create(columns(spec), pk=pk, if_not_exists=True)
    db.execute("CREATE UNIQUE INDEX IF NOT EXISTS outbox_op ON outbox(op_id)")


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
    for table, fts in {
        "enterprise": ["name", "short_name"],
        "visit": ["minutes"],
        "project": ["name"],
    }.items():
        db.table(table).enable_fts(fts, tokenize="trigram", create_triggers=True, replace=True)
    db.table("sync_state").create(columns("key value"), pk="key", if_not_exists=True)
    db.table("sync_base").create(
        columns("table_name row_id data version:int"), pk=("table_name", "row_id"), if_not_exists=True
    )
    conflict = (
        "id table_name row_id field local_value server_value base_value local_author server_author"
        " local_hlc server_hlc resolved:int resolution"
    )
    db.table("conflict").create(columns(conflict), pk="id", if_not_exists=True)


def m003_visit_stats_index(db: sqlite_utils.Database) -> None:
    # Covers 拜访企业(户): the yearly figure reads only this index (3.1 s -> 1.1 s at province scale).
    db.execute(
        "CREATE INDEX IF NOT EXISTS visit_stats_cover ON visit(date, deleted, office_id, enterprise_id)"
    )


def m004_sync_outbox_state_index(db: sqlite_utils.Database) -> None:
    # The outbox keeps every op with its outcome; sync reads only the pending ones, in order.
    db.execute("CREATE INDEX IF NOT EXISTS outbox_state ON outbox(state, op_seq)")


def m005_trip_links(db: sqlite_utils.Database) -> None:
    # A visit made on a leader's trip; whether the trip's leader is 党政负责同志; projects signed on it.
    # A trip's screen and briefing pack list the visits made on it: indexed.
    add_columns(db, "visit", "trip_id")
    add_columns(db, "trip", "party_leader:int signed_project_ids")
    db.execute("CREATE INDEX IF NOT EXISTS visit_trip_id ON visit(trip_id)")


def m006_stats_notes_campaigns(db: sqlite_utils.Database) -> None:
    # 备注 per unit and period of the statistics sheet; province-wide campaigns with their targets;
    # the visit that fulfilled a 六必访 trigger.
    create_synced_table(db, "stats_note", "unit date_from date_to text")
    create_synced_table(
        db,
        "campaign",
        "name start_date end_date target_visits:int target_events:int target_trips:int"
        " target_growth_pct:int note",
    )
    add_columns(db, "trigger", "visit_id")


Migration = Callable[["sqlite_utils.Database"], None]
# In order; a file's `PRAGMA user_version` is how many of these it has. Append only.
MIGRATIONS: tuple[Migration, ...] = (
    m001_initial,
    m002_indexes_and_search,
    m003_visit_stats_index,
    m004_sync_outbox_state_index,
    m005_trip_links,
    m006_stats_notes_campaigns,
)
CURRENT_VERSION = len(MIGRATIONS)

# Releases before numbered migrations recorded these names (sqlite-utils' `_sqlite_migrations`,
# set "zsdesk") and left user_version at 0; they are the first five migrations above (those releases
# also added every declared column at each open, so a file with m005_visit_trip_index has m005's).
_LEGACY_SET = "zsdesk"
_LEGACY_NAMES = (
    "m001_initial",
    "m002_indexes_and_search",
    "m003_visit_stats_index",
    "m004_sync_outbox_state_index",
    "m005_visit_trip_index",
)


def schema_version(conn: Connection) -> int:
    """How many migrations the file has (0: new, or from a release before numbered migrations)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def legacy_version(conn: Connection) -> int:
    """The version a file from before numbered migrations is at: the recorded names, in order."""
    # Looked up first rather than caught: the driver's OperationalError class is not sqlite3's.
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone():
        return 0  # a new file
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [_LEGACY_SET]
    ).fetchall()
    applied = {name for (name,) in rows}
    version = 0
    for name in _LEGACY_NAMES:
        if name not in applied:
            break
        version += 1
    return version


def pending(conn: Connection) -> list[str]:
    """Names of the migrations `apply` would run."""
    done = schema_version(conn) or legacy_version(conn)
    return [m.__name__ for m in MIGRATIONS[done:]]


def applied_names(conn: Connection) -> list[str]:
    """Names of the migrations the file has (diagnostics)."""
    return [m.__name__ for m in MIGRATIONS[: schema_version(conn)]]


def apply(db: sqlite_utils.Database, *, target: int = CURRENT_VERSION) -> list[str]:
    """Run the pending migrations up to `target`, each in one transaction with its version number.

    A migration that fails rolls back whole and leaves the file at the version before it.
    """
    done = schema_version(db.conn)
    if done == 0 and (done := legacy_version(db.conn)):
        db.execute(f"PRAGMA user_version = {done}")
    ran = []
    for number in range(done + 1, target + 1):
        migration = MIGRATIONS[number - 1]
        with db.atomic():
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
        ran.append(migration.__name__)
    return ran
