"""The stdlib-only open path: it recognises a current database and sends every other one to the upgrade."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from zsdesk.storage import engine
from zsdesk.storage.columns import SYNCED_TABLES, table_columns
from zsdesk.storage.database import connect_raw, is_current, open_connection, open_database
from zsdesk.storage.migrations import migrations
from zsdesk.storage.schema import MIGRATIONS, expected_columns

ROOT = Path(__file__).resolve().parents[2]


def test_declared_columns_are_generated_from_the_records() -> None:
    # Stale after a field is added to domain/records.py: run scripts/build_schema.py.
    assert expected_columns() == {t: set(table_columns(t)) for t in SYNCED_TABLES}
    check = subprocess.run([sys.executable, "scripts/build_schema.py", "--check"], cwd=ROOT)
    assert check.returncode == 0


def test_migration_names_match_the_registered_migrations() -> None:
    assert MIGRATIONS == tuple(m.name for m in migrations._migrations)


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


def test_a_missing_column_sends_the_file_through_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    open_database(path).close()
    raw = engine.connect(path)
    raw.execute("DROP INDEX IF EXISTS visit_stats_cover")  # the index covers columns we keep
    raw.execute("ALTER TABLE visit DROP COLUMN intention_wan")
    raw.commit()
    assert not is_current(raw)
    raw.close()
    conn = open_connection(path)
    assert "intention_wan" in {row[1] for row in conn.execute("PRAGMA table_info(visit)")}
    assert is_current(conn)
    conn.close()


def test_a_missing_migration_record_runs_the_migrations_again(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    open_database(path).close()
    raw = engine.connect(path)
    raw.execute("DELETE FROM _sqlite_migrations WHERE name = ?", ["m004_sync_outbox_state_index"])
    raw.execute("DROP INDEX outbox_state")
    raw.commit()
    assert not is_current(raw)
    raw.close()
    conn = open_connection(path)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'outbox_state'").fetchone()[0] == 1
    assert is_current(conn)
    conn.close()
