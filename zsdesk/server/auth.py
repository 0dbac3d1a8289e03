"""Users (argon2id), expiring revocable tokens (only their hash is stored) and login rate limiting.

Token lookups are cached per process for `TOKEN_CACHE_S` seconds: one sync is a push and a pull (and
the GUI polls), and the lookup was a pool checkout plus a query on every request. `revoke` and
`add_user` clear the cache, so a revocation or scope change made through this process applies at
once; one made by another process (the `revoke-token` CLI, another `serve --workers` worker) applies
within `TOKEN_CACHE_S`. Expiry is checked against the clock on every request, cached or not.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, case, delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ..domain.errors import DomainError
from .db import login_failures, records, token_keys, tokens, users, write_transaction
from .keyfile import lookup_hash, server_key, wrap

ROLES = ("officer", "lead", "admin")
TOKEN_LIFETIME_MS = 30 * 24 * 3600 * 1000
MAX_FAILURES = 5  # per username and address, in FAILURE_WINDOW_MS
MAX_FAILURES_PER_ADDRESS = 30  # per address whatever the usernames (a flood of made-up names)
FAILURE_WINDOW_MS = 15 * 60 * 1000
TOKEN_CACHE_S = 3.0
_TOKEN_CACHE_MAX = 10_000
_hasher = PasswordHasher()  # argon2id with the library's recommended parameters
# (database url, token hash) -> (monotonic time looked up, principal, expires_ms)
_token_cache: dict[tuple[str, str], tuple[float, Principal, int]] = {}
_token_cache_lock = threading.Lock()
_token_cache_gen = 0  # bumped by every clear, so a lookup that raced a revocation is not cached


class AuthError(DomainError):
    """Login refused or token invalid; the message is shown to the user."""


class RateLimited(AuthError):
    """Too many failed logins for this username from this address."""


@dataclass(frozen=True)
class Principal:
    """Who is calling, and which offices they may see: from the token, never from the request."""

    username: str
    role: str
    offices: frozenset[str]

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def can_see(self, office_id: str) -> bool:
        return self.is_admin or office_id in self.offices


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def office_id_by_name(conn: Connection, name: str) -> str | None:
    row = conn.execute(
        select(records.c.id, records.c.data).where(
            records.c.table_name == "office", records.c.deleted.is_(False)
        )
    ).all()
    for office_id, data in row:
        if json.loads(data).get("name") == name:
            return str(office_id)
    return None


def add_user(engine: Engine, *, username: str, password: str, role: str, offices: list[str]) -> None:
    if role not in ROLES:
        raise AuthError(f"角色必须是 {'/'.join(ROLES)}")
    if len(password) < 8:
        raise AuthError("密码至少 8 位")
    values = {
        "password_hash": _hasher.hash(password),
        "role": role,
        "offices": json.dumps(sorted(set(offices))),
        "disabled": False,
    }
    with write_transaction(engine) as conn:
        exists = conn.execute(select(users.c.password_hash).where(users.c.username == username)).first()
        if exists:
            conn.execute(update(users).where(users.c.username == username).values(**values))
            if not _same_password(exists.password_hash, password):
                # A new password ends every session of the old one (a leaked password, a lost laptop).
                conn.execute(update(tokens).where(tokens.c.username == username).values(revoked=True))
        else:
            conn.execute(insert(users).values(username=username, **values))
    forget_cached_tokens()  # a changed role or office list applies to the user's next request


def _same_password(stored_hash: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(stored_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def login(engine: Engine, *, username: str, password: str, client_ip: str) -> tuple[str, Principal, int]:
    """Check the password; return (token, principal, expires_ms).

    Every attempt first takes a numbered slot, atomically, in two buckets (this username from this
    address, and this address whatever the username: `limits`-style counters in `login_failures`),
    and only a slot within both limits gets its password checked: parallel guesses cannot all pass a
    check that read the count before any of them wrote it. A success gives the slots back."""
    now = now_ms()
    name = username.replace("\x00", "\\0")  # a NUL byte is refused by PostgreSQL: never a user name
    keys = [
        (f"u:{name}|{client_ip}"[:200], MAX_FAILURES),
        (f"ip:{client_ip}"[:200], MAX_FAILURES_PER_ADDRESS),
    ]
    with write_transaction(engine) as conn:
        _expire_failures(conn, now)
        counts = [_take_slot(conn, key, now) for key, _ in keys]
    if any(count > limit for count, (_, limit) in zip(counts, keys, strict=True)):
        raise RateLimited("登录失败次数过多，请 15 分钟后再试")
    user = None
    if "\x00" not in username:
        with engine.connect() as conn:
            user = conn.execute(select(users).where(users.c.username == username)).first()
    ok = False
    if user is not None and not user.disabled:
        try:
            ok = _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            ok = False
    else:
        # Spend the same time as a real check so usernames cannot be probed by timing.
        _hasher.hash(password)
    if not ok or user is None:
        raise AuthError("用户名或密码错误")
    token = secrets.token_urlsafe(32)
    expires = now + TOKEN_LIFETIME_MS
    with write_transaction(engine) as conn:
        store_token(conn, token, username=username, created_ms=now, expires_ms=expires)
        conn.execute(delete(login_failures).where(login_failures.c.key == keys[0][0]))
        # The address keeps its other failures; this success's slot is given back.
        conn.execute(
            update(login_failures)
            .where(login_failures.c.key == keys[1][0], login_failures.c.count > 0)
            .values(count=login_failures.c.count - 1)
        )
    principal = Principal(user.username, user.role, frozenset(json.loads(user.offices)))
    return token, principal, expires


def store_token(conn: Connection, token: str, *, username: str, created_ms: int, expires_ms: int) -> None:
    """Record a new token: its keyed hash (keyfile.py) and its wrapped bundle-key root, never itself."""
    key = server_key(str(conn.engine.url))
    lookup = lookup_hash(key, token)
    conn.execute(
        insert(tokens).values(
            token_hash=lookup, username=username, created_ms=created_ms, expires_ms=expires_ms, revoked=False
        )
    )
    conn.execute(insert(token_keys).values(token_hash=lookup, wrapped=wrap(key, lookup, _token_hash(token))))


def _token_row(conn: Connection, token: str) -> Any:
    """The token's row joined with its user. A token issued before keyfile.py is stored under its
    plain SHA-256: found that way once, then moved to the keyed form."""
    stmt = select(
        tokens.c.expires_ms,
        tokens.c.revoked,
        users.c.username,
        users.c.role,
        users.c.offices,
        users.c.disabled,
    ).join(users, users.c.username == tokens.c.username)
    key = server_key(str(conn.engine.url))
    lookup = lookup_hash(key, token)
    row = conn.execute(stmt.where(tokens.c.token_hash == lookup)).first()
    if row is None:
        plain = _token_hash(token)
        row = conn.execute(stmt.where(tokens.c.token_hash == plain)).first()
        if row is not None:
            with write_transaction(conn.engine) as tx:
                tx.execute(update(tokens).where(tokens.c.token_hash == plain).values(token_hash=lookup))
                tx.execute(insert(token_keys).values(token_hash=lookup, wrapped=wrap(key, lookup, plain)))
    return row


def _take_slot(conn: Connection, key: str, now: int) -> int:
    """Count one attempt under `key` in one atomic statement (a new window after FAILURE_WINDOW_MS)
    and return the attempt's number in the window."""
    upsert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    table = login_failures
    fresh = table.c.window_start_ms < now - FAILURE_WINDOW_MS
    stmt = (
        upsert(table)
        .values(key=key, count=1, window_start_ms=now)
        .on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                "count": case((fresh, 1), else_=table.c.count + 1),
                "window_start_ms": case((fresh, now), else_=table.c.window_start_ms),
            },
        )
        .returning(table.c.count)
    )
    return int(conn.execute(stmt).scalar_one())


def _expire_failures(conn: Connection, now: int) -> None:
    """Counters whose window ended are of no use: removed (a flood of made-up names leaves nothing)."""
    conn.execute(delete(login_failures).where(login_failures.c.window_start_ms < now - FAILURE_WINDOW_MS))


def purge_login_failures(engine: Engine) -> None:
    with write_transaction(engine) as conn:
        _expire_failures(conn, now_ms())


def forget_cached_tokens() -> None:
    """Drop every cached token lookup (after a revocation or a change of users)."""
    global _token_cache_gen
    with _token_cache_lock:
        _token_cache.clear()
        _token_cache_gen += 1


def _cached(key: tuple[str, str]) -> Principal | None:
    hit = _token_cache.get(key)
    if hit is None or time.monotonic() - hit[0] >= TOKEN_CACHE_S:
        return None
    if hit[2] < now_ms():
        raise AuthError("登录已过期，请重新登录")
    return hit[1]


def cached_principal(engine: Engine, token: str) -> Principal | None:
    """The principal if this token's lookup is cached and fresh (no I/O: safe on the event loop)."""
    return _cached((str(engine.url), _token_hash(token)))


def principal_for(engine: Engine, token: str) -> Principal:
    """`authenticate` that needs no pool connection while the token's lookup is cached."""
    found = _cached((str(engine.url), _token_hash(token)))
    if found is not None:
        return found
    with engine.connect() as conn:
        return authenticate(conn, token)


def authenticate(conn: Connection, token: str) -> Principal:
    """The principal behind a bearer token, or AuthError (expired, revoked, unknown, disabled user)."""
    key = (str(conn.engine.url), _token_hash(token))
    found = _cached(key)
    if found is not None:
        return found
    looked_up, generation = time.monotonic(), _token_cache_gen
    row = _token_row(conn, token)
    if row is None or row.revoked or row.disabled:
        raise AuthError("登录已失效（令牌已被吊销或不存在），请重新登录")
    if row.expires_ms < now_ms():
        raise AuthError("登录已过期，请重新登录")
    principal = Principal(row.username, row.role, frozenset(json.loads(row.offices)))
    with _token_cache_lock:
        if generation == _token_cache_gen:
            if len(_token_cache) >= _TOKEN_CACHE_MAX:
                _token_cache.clear()
            _token_cache[key] = (looked_up, principal, int(row.expires_ms))
    return principal


def revoke(engine: Engine, *, token: str | None = None, username: str | None = None) -> int:
    """Revoke one token, or every token of a user (e.g. a lost laptop). Returns how many."""
    stmt = update(tokens).values(revoked=True)
    if token:
        key = server_key(str(engine.url))
        stmt = stmt.where(tokens.c.token_hash.in_([lookup_hash(key, token), _token_hash(token)]))
    elif username:
        stmt = stmt.where(tokens.c.username == username)
    else:
        return 0
    with write_transaction(engine) as conn:
        count = int(conn.execute(stmt).rowcount or 0)
    forget_cached_tokens()
    return count


def visible_offices(engine: Engine, who: Principal) -> list[dict[str, str]]:
    """The live offices in `who`'s scope as {"id", "name"} (login answers and bundle answers)."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(records.c.id, records.c.data).where(
                records.c.table_name == "office", records.c.deleted.is_(False)
            )
        ).all()
    return [
        {"id": row_id, "name": json.loads(data).get("name") or ""}
        for row_id, data in rows
        if who.can_see(row_id)
    ]
