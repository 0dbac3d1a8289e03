"""The migrations build what domain/records.py declares, and the open path needs only `PRAGMA user_version`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from zsdesk.storage import engine
from zsdesk.storage.columns import SYNCED_TABLES, table_columns
from zsdesk.storage.database import connect_raw, is_current, open_connection, open_database
from zsdesk.storage.migrations import CURRENT_VERSION, ENVELOPE, MIGRATIONS, columns

ROOT = Path(__file__).resolve().parents[2]
_SQL = {str: "TEXT", int: "INTEGER"}


def _missing_migration(missing: dict[str, dict[str, type]], tables: set[str]) -> str:
    """The migration to append to storage/migrations.py for what records.py declares beyond it."""
    lines = [f"def m{CURRENT_VERSION + 1:03d}_describe_the_change(db: sqlite_utils.Database) -> None:"]
    for table, cols in missing.items():
        spec = " ".join(name if kind is str else f"{name}:int" for name, kind in cols.items())
        verb = "create_synced_table" if table in tables else "add_columns"
        lines.append(f'    {verb}(db, "{table}", "{spec}")')
    return "\n".join(lines)


def test_the_migrations_create_every_column_the_records_declare(tmp_path: Path) -> None:
    # Fails after a field or record is added to domain/records.py until a migration creates it;
    # the message is the migration to append (then add it to MIGRATIONS).
    db = open_database(tmp_path / "a.db")
    missing: dict[str, dict[str, type]] = {}
    new_tables: set[str] = set()
    wrong_type = []
    for table in SYNCED_TABLES:
        have = {row[1]: row[2] for row in db.execute(f"PRAGMA table_info([{table}])")}
        declared = table_columns(table)
        if not have:  # a new record: create_synced_table adds the envelope itself
            new_tables.add(table)
            missing[table] = {n: k for n, k in declared.items() if n not in columns(ENVELOPE)}
            continue
        for name, kind in declared.items():
            if name not in have:
                missing.setdefault(table, {})[name] = kind
            elif have[name] != _SQL.get(kind, "TEXT"):
                wrong_type.append(f"{table}.{name}: {have[name]}, declared {kind.__name__}")
    db.close()
    assert not missing, "records.py declares columns no migration creates; append:\n\n" + _missing_migration(
        missing, new_tables
    )
    assert not wrong_type


def test_migration_names_are_numbered_in_order() -> None:
    names = [m.__name__ for m in MIGRATIONS]
    assert [n[:5] for n in names] == [f"m{i:03d}_" for i in range(1, len(names) + 1)]
    assert CURRENT_VERSION == len(MIGRATIONS)


def test_the_first_migration_does_not_read_the_record_classes() -> None:
    # Frozen column lists: m001 must build the released schema whatever records.py says later.
    source = (ROOT / "zsdesk" / "storage" / "migrations.py").read_text(encoding="utf-8")
    assert "domain" not in source.split('"""', 2)[2]
    assert "columns import" not in source


def test_a_fresh_database_is_current_and_reopens_without_sqlite_utils(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    open_database(path).close()
    conn = connect_raw(path)
    assert is_current(conn)
    conn.close()
    # A new interpreter: opening a current file imports neither sqlite-utils nor the record classes.
    probe = (
        "import sys; from zsdesk.services.context import open_workspace;"
        f"ws = open_workspace({str(path)!r}, check=False); ws.close();"
        "print(sorted(m for m in ('sqlite_utils', 'zsdesk.domain.records') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_an_older_version_number_runs_the_missing_migrations(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    open_database(path).close()
    raw = engine.connect(path)
    raw.execute("DROP INDEX outbox_state")
    raw.execute("PRAGMA user_version = 3")  # as a file from before m004 would be
    raw.commit()
    assert not is_current(raw)
    raw.close()
    conn = open_connection(path)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'outbox_state'").fetchone()[0] == 1
    assert is_current(conn)
    conn.close()
