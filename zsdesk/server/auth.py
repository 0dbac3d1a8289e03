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

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, delete, insert, select, update

from ..domain.errors import DomainError
from .db import login_failures, records, tokens, users, write_transaction

ROLES = ("officer", "lead", "admin")
TOKEN_LIFETIME_MS = 30 * 24 * 3600 * 1000
MAX_FAILURES = 5
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
        exists = conn.execute(select(users.c.username).where(users.c.username == username)).first()
        if exists:
            conn.execute(update(users).where(users.c.username == username).values(**values))
        else:
            conn.execute(insert(users).values(username=username, **values))
    forget_cached_tokens()  # a changed role or office list applies to the user's next request


def login(engine: Engine, *, username: str, password: str, client_ip: str) -> tuple[str, Principal, int]:
    """Check the password; return (token, principal, expires_ms). Failed attempts are counted."""
    key = f"{username}|{client_ip}"[:200]
    now = now_ms()
    with write_transaction(engine) as conn:
        fail = conn.execute(select(login_failures).where(login_failures.c.key == key)).first()
        if fail and fail._mapping["count"] >= MAX_FAILURES and now - fail.window_start_ms < FAILURE_WINDOW_MS:
            raise RateLimited("登录失败次数过多，请 15 分钟后再试")
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
        if not ok:
            if fail is None or now - fail.window_start_ms >= FAILURE_WINDOW_MS:
                conn.execute(delete(login_failures).where(login_failures.c.key == key))
                conn.execute(insert(login_failures).values(key=key, count=1, window_start_ms=now))
            else:
                conn.execute(
                    update(login_failures)
                    .where(login_failures.c.key == key)
                    .values(count=fail._mapping["count"] + 1)
                )
    if not ok or user is None:
        raise AuthError("用户名或密码错误")
    token = secrets.token_urlsafe(32)
    expires = now + TOKEN_LIFETIME_MS
    with write_transaction(engine) as conn:
        conn.execute(delete(login_failures).where(login_failures.c.key == key))
        conn.execute(
            insert(tokens).values(
                token_hash=_token_hash(token),
                username=username,
                created_ms=now,
                expires_ms=expires,
                revoked=False,
            )
        )
    principal = Principal(user.username, user.role, frozenset(json.loads(user.offices)))
    return token, principal, expires


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
    row = conn.execute(
        select(
            tokens.c.expires_ms,
            tokens.c.revoked,
            users.c.username,
            users.c.role,
            users.c.offices,
            users.c.disabled,
        )
        .join(users, users.c.username == tokens.c.username)
        .where(tokens.c.token_hash == _token_hash(token))
    ).first()
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
        stmt = stmt.where(tokens.c.token_hash == _token_hash(token))
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
