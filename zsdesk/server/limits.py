"""The server's size limits: request bodies capped while they stream in, pull pages capped by bytes.

A declared Content-Length is not enough: a chunked body declares nothing, and reading it whole before
looking let 400 MB posted to /auth/login take 800 MB of memory. `BodyLimit` counts the bytes as they
arrive and answers 413 the moment a body passes its path's cap (a login is a few hundred bytes; a
push or a blob upload up to 64 MB), so no request holds more than its cap in memory.
"""

from __future__ import annotations

import json
from typing import Any

import anyio
import anyio.lowlevel
from fastapi import HTTPException

MAX_BODY_BYTES = 64 * 1024 * 1024  # a push of 5,000 ops, a whole-file blob PUT (50 MB + slack)
MAX_AUTH_BODY_BYTES = 64 * 1024  # /auth/*: a username and a password
PAGE_MAX_BYTES = 8 * 1024 * 1024  # one pull page: at most this many bytes of rows (and 2,000 rows)
TOO_LARGE = "请求体过大"
LOGIN_THREADS = 2  # password hashes (argon2id, ~0.1 s of CPU each) computed at the same time
_login_limiters: dict[int, anyio.CapacityLimiter] = {}


def login_limiter() -> anyio.CapacityLimiter:
    """The per-event-loop limiter of concurrent password checks (created inside the loop)."""
    key = id(anyio.lowlevel.current_token())
    if key not in _login_limiters:
        _login_limiters[key] = anyio.CapacityLimiter(LOGIN_THREADS)
    return _login_limiters[key]


class BodyTooLarge(HTTPException):
    """Raised from `receive` when a streaming body passes its cap (FastAPI answers it as a 413)."""

    def __init__(self) -> None:
        super().__init__(413, TOO_LARGE)


def body_cap(path: str) -> int:
    return MAX_AUTH_BODY_BYTES if path.startswith("/auth/") else MAX_BODY_BYTES


class BodyLimit:
    """Pure ASGI middleware: 413 as soon as a request body (declared or chunked) passes its cap."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap = body_cap(scope.get("path", ""))
        for name, value in scope.get("headers", []):
            if name == b"content-length" and (not value.isdigit() or int(value) > cap):
                await _refuse(send)
                return
        seen = 0
        started = False

        async def counted() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:
                    raise BodyTooLarge
            return message

        async def tracked(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except BodyTooLarge:
            if not started:  # a handler that read the body outside FastAPI's own handling
                await _refuse(send)


async def _refuse(send: Any) -> None:
    body = json.dumps({"detail": TOO_LARGE}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def cut_by_bytes(items: list[tuple[int, str]], limit: int, max_bytes: int = PAGE_MAX_BYTES) -> int:
    """How many of `items` (seq, row JSON) one page carries: at most `limit`, and no more than
    `max_bytes` of JSON, but always at least one (a single row is bounded by the field limits)."""
    total = 0
    for i, (_, text) in enumerate(items[:limit]):
        total += len(text.encode())
        if total > max_bytes and i > 0:
            return i
    return min(len(items), limit)
