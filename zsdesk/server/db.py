"""The server's own storage: SQLAlchemy Core tables and an engine for SQLite or PostgreSQL.

Records are stored generically (one `records` table, data as JSON) so a new client field needs no
server migration and unknown fields are kept, never dropped (SYNC.md rule 10).
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Engine,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    insert,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

metadata = MetaData()

# One row: the server sequence. Updated inside every push transaction (locked FOR UPDATE on
# PostgreSQL, BEGIN IMMEDIATE on SQLite) so commit order equals seq order.
counter = Table(
    "counter",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("seq", BigInteger, nullable=False),
)

records = Table(
    "records",
    metadata,
    Column("table_name", String(40), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("office_id", String(64), nullable=False),
    Column("data", Text, nullable=False),  # JSON of every field's wire value
    Column("meta", Text, nullable=False),  # JSON field -> [seq, device, author, hlc] of its last change
    Column("version", BigInteger, nullable=False),  # seq of the last change
    Column("deleted", Boolean, nullable=False, default=False),
    Column("merged_into", String(64)),
    Index("records_scope", "office_id", "version"),
    Index("records_version", "version"),
    Index("records_id", "id"),
)

# The change log: one entry per committed op, for audit and for the base value of a conflict.
changes = Table(
    "changes",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("table_name", String(40), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("office_id", String(64), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("fields", Text, nullable=False),
    Column("author", String(100), nullable=False),
    Column("device", String(64), nullable=False),
    Column("hlc", String(100), nullable=False),
    Column("op_id", String(64), nullable=False),
    Index("changes_row", "row_id"),
)

# A row that moved from one office to another: clients of the old office must drop it.
exits = Table(
    "exits",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("table_name", String(40), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("office_id", String(64), nullable=False),
    Index("exits_scope", "office_id", "seq"),
)

# Idempotency: the stored result of every op id ever seen.
ops = Table(
    "ops",
    metadata,
    Column("op_id", String(64), primary_key=True),
    Column("username", String(100), nullable=False),
    Column("result", Text, nullable=False),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("seq", BigInteger, nullable=False),
    Column("table_name", String(40), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("office_id", String(64), nullable=False),
    Column("field", String(60), nullable=False),
    Column("body", Text, nullable=False),  # JSON of ConflictInfo
    Column("resolved", Boolean, nullable=False, default=False),  # the field was edited again since
    Index("conflicts_scope", "office_id", "seq"),
    Index("conflicts_row", "row_id"),
)

blobs = Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("uploaded_by", String(100), nullable=False, default=""),
)

users = Table(
    "users",
    metadata,
    Column("username", String(100), primary_key=True),
    Column("password_hash", String(300), nullable=False),
    Column("role", String(20), nullable=False),
    Column("offices", Text, nullable=False),  # JSON list of office ids
    Column("disabled", Boolean, nullable=False, default=False),
)

tokens = Table(
    "tokens",
    metadata,
    Column(
        "token_hash", String(64), primary_key=True
    ),  # sha256 of the token; the token itself is never stored
    Column("username", String(100), nullable=False),
    Column("created_ms", BigInteger, nullable=False),
    Column("expires_ms", BigInteger, nullable=False),
    Column("revoked", Boolean, nullable=False, default=False),
    Index("tokens_user", "username"),
)

# Per token, the SHA-256 a laptop derives its bundle key from, wrapped under the server key
# (keyfile.py): a copy of the database alone derives no bundle key.
token_keys = Table(
    "token_keys",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("wrapped", String(64), nullable=False),
)

# The identity of this server database (one row). A copy restored from a backup carries the epoch it
# had then, so the epoch alone cannot reveal a restore: pull.py also refuses a cursor beyond the counter
# and checks the change at the client's cursor (`tag`). `zsdesk-server new-epoch` (run after a restore,
# or after pointing laptops at a rebuilt server) makes every laptop re-snapshot. See docs/SERVER.md.
server_identity = Table(
    "server_identity",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("epoch", String(64), nullable=False),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("key", String(200), primary_key=True),  # username|ip
    Column("count", Integer, nullable=False),
    Column("window_start_ms", BigInteger, nullable=False),
)


def default_database_url() -> str:
    folder = Path(platformdirs.user_data_dir("zsdesk-server", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return f"sqlite:///{folder / 'server.db'}"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


DB_KEY_FILE_ENV = "ZSDESK_SERVER_DB_KEY_FILE"


def sqlite_key() -> bytes | None:
    """The SQLCipher key of the server's SQLite database, when `ZSDESK_SERVER_DB_KEY_FILE` names one.

    The file holds 64 hex digits (e.g. `openssl rand -hex 32`), readable by the server's user only,
    kept outside the database folder and its backups (docs/SERVER.md, "Encryption at rest").
    """
    name = os.environ.get(DB_KEY_FILE_ENV)
    if not name:
        return None
    text = Path(name).read_text(encoding="ascii").strip()
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise ValueError(f"{DB_KEY_FILE_ENV}: the key file must hold 64 hex digits (32 bytes)")
    return key


def make_engine(url: str) -> Engine:
    """An engine whose transactions serialize writers correctly on both back ends."""
    if url.startswith("sqlite"):
        _create_private(make_url(url).database)
        key = sqlite_key()
        extra: dict[str, Any] = {}
        if key is not None:
            from sqlcipher3 import dbapi2 as sqlcipher  # same DB-API as sqlite3, pages encrypted

            extra["module"] = sqlcipher
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **extra)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            # Let SQLAlchemy's BEGIN below be the only transaction control (pysqlite's own is buggy).
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            if key is not None:
                cursor.execute(f"PRAGMA key = \"x'{key.hex()}'\"")  # must come first
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            # Writers (see write_transaction) take the write lock up front with IMMEDIATE, so two
            # pushes never interleave their seqs; readers use a plain deferred BEGIN (WAL snapshot).
            immediate = conn.get_execution_options().get("immediate")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return create_engine(url, pool_size=20, max_overflow=40, pool_pre_ping=True)


def _create_private(path: str | None) -> None:
    """Create the SQLite file readable by its owner only (0600) before SQLite creates it with the
    umask's 0644: it holds every office's records. SQLite gives its -wal/-shm files the same mode."""
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    except OSError:
        pass  # e.g. a missing folder: SQLite reports it in its own words on connect


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write: on SQLite it holds the write lock from its first statement."""
    with engine.connect() as conn:
        conn.execution_options(immediate=True)
        with conn.begin():
            yield conn


def init_db(engine: Engine) -> None:
    """Create the tables (idempotent) and the counter row."""
    metadata.create_all(engine)
    with engine.begin() as conn:
        if conn.execute(select(counter.c.seq).where(counter.c.id == 1)).first() is None:
            conn.execute(insert(counter).values(id=1, seq=0))
    try:
        with engine.begin() as conn:
            if conn.execute(select(server_identity.c.epoch)).first() is None:
                conn.execute(insert(server_identity).values(id=1, epoch=uuid.uuid4().hex))
    except IntegrityError:
        pass  # another worker made it at the same moment


def new_epoch(engine: Engine) -> str:
    """Give this database a new identity: every laptop re-snapshots at its next sync."""
    epoch = uuid.uuid4().hex
    with write_transaction(engine) as conn:
        conn.execute(server_identity.update().where(server_identity.c.id == 1).values(epoch=epoch))
    return epoch


def create_admin_record(
    conn: Connection, table: str, row_id: str, office_id: str, data: dict[str, Any], *, fields: dict[str, Any]
) -> int:
    """Write a record the server itself creates (an office, a campaign) as the next change; its seq.

    Call inside `write_transaction`: the counter row is locked, so the seq follows commit order.
    """
    from ..domain.hlc import HybridClock
    from ..domain.ids import uuid7

    seq = int(conn.execute(select(counter.c.seq).where(counter.c.id == 1).with_for_update()).scalar_one()) + 1
    hlc = HybridClock("server").now()
    stamp = [seq, "server", "admin", hlc]
    conn.execute(
        insert(records).values(
            table_name=table,
            id=row_id,
            office_id=office_id,
            data=json.dumps(data, ensure_ascii=False),
            meta=json.dumps({k: stamp for k in [*data, "office_id"]}),
            version=seq,
            deleted=False,
        )
    )
    conn.execute(
        insert(changes).values(
            seq=seq, table_name=table, row_id=row_id, office_id=office_id, kind="create",
            fields=json.dumps(fields, ensure_ascii=False), author="admin", device="server", hlc=hlc,
            op_id=uuid7(),
        )
    )  # fmt: skip
    conn.execute(counter.update().where(counter.c.id == 1).values(seq=seq))
    return seq
