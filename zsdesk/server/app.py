"""The provincial sync server as an ASGI app: `create_app("sqlite:///server.db")`.

Endpoints: /auth/login|logout|me, /sync/push, /sync/pull, /blobs/{sha256}; the OpenAPI spec is at
/openapi.json. Every sync request must carry the protocol and schema version headers; every response
carries the server time so clients can warn about a clock running ahead.
"""

import functools
import os
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from .. import PROTOCOL_VERSION, SCHEMA_VERSION, __version__
from ..sync.protocol import (
    RESNAPSHOT_HEADER,
    RESNAPSHOT_MESSAGE,
    RESNAPSHOT_STATUS,
    RESTORED_MESSAGE,
    SERVER_TIME_HEADER,
    UPGRADE_MESSAGE,
    ErrorResponse,
    LoginRequest,
    LoginResponse,
    OfficeInfo,
    PullResponse,
    PushRequest,
    PushResponse,
    accepted,
)
from .auth import (
    AuthError,
    Principal,
    RateLimited,
    cached_principal,
    login,
    now_ms,
    principal_for,
    revoke,
    visible_offices,
)
from .blobs import blob_routes, inflate_bounded, init_blobs
from .db import init_db, make_engine
from .limits import MAX_BODY_BYTES, BodyLimit, login_limiter
from .pull import ResnapshotNeeded, build_page
from .purge import init_purge
from .push import apply_push, server_fault


class _GzipRequest(Request):
    """Accept gzip-compressed request bodies (pushes of 1,000 edits compress ~5x)."""

    async def body(self) -> bytes:
        if not hasattr(self, "_body"):
            declared = self.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
                raise HTTPException(413, "请求体过大")
            raw = await super().body()
            if "gzip" in self.headers.get("content-encoding", ""):
                raw = inflate_bounded(raw, MAX_BODY_BYTES, "请求体过大")
            self._body = raw
        return self._body


class _GzipRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def wrapped(request: Request) -> Response:
            return await handler(_GzipRequest(request.scope, request.receive))

        return wrapped


class _ServerTime:
    """Pure ASGI middleware stamping every response with the server clock (cheaper than
    BaseHTTPMiddleware, which costs ~1 ms per request)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def stamped(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    *message.get("headers", []),
                    (SERVER_TIME_HEADER.lower().encode(), str(now_ms()).encode()),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, stamped)


# Worker threads for the `def` endpoints (anyio's default is 40). Pushes serialise on the counter row,
# and the push holding it needs the GIL between its statements: with 40 runnable request threads it
# waited for them at every step, so every other push waited too. Measured with 50 concurrent clients
# on PostgreSQL (tests/bench/bench_sync.py, 2 cores): 88 syncs/s with 40 threads, 143 with 8.
REQUEST_THREADS = 8


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
    yield


def create_app(database_url: str, *, engine: Engine | None = None) -> FastAPI:
    engine = engine or make_engine(database_url)
    init_db(engine)
    init_purge(engine)  # purge.py: the tombstone horizon's tables and a (seq, time) mark
    init_blobs(engine)  # blobs.py: partial uploads
    app = FastAPI(
        title="zsdesk 省级同步服务器",
        version=__version__,
        description="招商外勤桌面端的同步服务：推送/拉取变更、附件、登录。生产环境请通过 HTTPS 访问。",
        lifespan=_lifespan,
    )
    app.router.route_class = _GzipRoute
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=5)
    app.state.engine = engine

    app.add_middleware(_ServerTime)
    app.add_middleware(BodyLimit)  # limits.py: bodies capped while they stream in (chunked too)

    # The two dependencies of every sync request are `async def`: a plain `def` dependency costs a
    # worker-thread round trip each (futex wake-ups, GIL hand-offs), more than the work itself.
    async def versions(
        x_zsdesk_protocol: Annotated[str | None, Header()] = None,
        x_zsdesk_schema: Annotated[str | None, Header()] = None,
    ) -> None:
        if not (accepted(x_zsdesk_protocol, PROTOCOL_VERSION) and accepted(x_zsdesk_schema, SCHEMA_VERSION)):
            raise HTTPException(
                426, UPGRADE_MESSAGE, headers={"Upgrade": f"zsdesk-protocol/{PROTOCOL_VERSION}"}
            )

    async def principal(authorization: Annotated[str | None, Header()] = None) -> Principal:
        if not authorization or not authorization.lower().startswith("bearer "):
            raise HTTPException(401, "未登录，请先登录", headers={"WWW-Authenticate": "Bearer"})
        token = authorization[7:].strip()
        try:
            # A cached lookup is a dict read; only a miss goes to the database, off the event loop.
            found = cached_principal(engine, token)
            return found if found is not None else await run_in_threadpool(principal_for, engine, token)
        except AuthError as exc:
            raise HTTPException(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from exc

    errors: dict[int | str, dict[str, Any]] = {
        401: {"model": ErrorResponse},
        426: {"model": ErrorResponse},
    }
    checked = [Depends(versions)]

    @app.get("/health")
    def health() -> dict[str, Any]:
        return {
            "ok": True,
            "protocol": PROTOCOL_VERSION,
            "schema": SCHEMA_VERSION,
            "server_time_ms": now_ms(),
        }

    @app.post(
        "/auth/login",
        response_model=LoginResponse,
        dependencies=checked,
        responses={**errors, 429: {"model": ErrorResponse}},
    )
    async def auth_login(body: LoginRequest, request: Request) -> LoginResponse:
        ip = request.client.host if request.client else ""
        try:
            # At most LOGIN_THREADS password hashes at a time (limits.py): a flood of logins queues
            # here, off the worker threads, instead of taking the CPU every push needs.
            token, who, expires = await anyio.to_thread.run_sync(
                functools.partial(
                    login, engine, username=body.username, password=body.password, client_ip=ip
                ),
                limiter=login_limiter(),
            )
        except RateLimited as exc:
            raise HTTPException(429, str(exc)) from exc
        except AuthError as exc:
            raise HTTPException(401, str(exc)) from exc
        return LoginResponse(
            token=token,
            username=who.username,
            role=who.role,
            offices=await run_in_threadpool(_offices, who),
            expires_at_ms=expires,
            server_time_ms=now_ms(),
        )

    @app.post("/auth/logout", dependencies=checked, responses=errors)
    def auth_logout(
        who: Annotated[Principal, Depends(principal)], authorization: Annotated[str, Header()]
    ) -> dict[str, bool]:
        revoke(engine, token=authorization[7:].strip())
        return {"ok": True}

    @app.get("/auth/me", response_model=LoginResponse, dependencies=checked, responses=errors)
    def auth_me(who: Annotated[Principal, Depends(principal)]) -> LoginResponse:
        return LoginResponse(
            token="",
            username=who.username,
            role=who.role,
            offices=_offices(who),
            expires_at_ms=0,
            server_time_ms=now_ms(),
        )

    def _offices(who: Principal) -> list[OfficeInfo]:
        return [OfficeInfo(**office) for office in visible_offices(engine, who)]

    @app.post("/sync/push", response_model=PushResponse, dependencies=checked, responses=errors)
    def sync_push(body: PushRequest, who: Annotated[Principal, Depends(principal)]) -> Response:
        results, seq = apply_push(engine, who, body)
        server_fault("after-push-commit")
        # Serialised once here: returning the model made FastAPI validate it again before dumping.
        answer = PushResponse(results=results, server_seq=seq, server_time_ms=now_ms())
        return Response(answer.model_dump_json(), media_type="application/json")

    @app.get(
        "/sync/pull",
        dependencies=checked,
        responses={**errors, 200: {"model": PullResponse}, RESNAPSHOT_STATUS: {"model": ErrorResponse}},
    )
    def sync_pull(
        who: Annotated[Principal, Depends(principal)],
        since: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=10000)] = 2000,
        resnapshot: Annotated[bool, Query(description="客户端正在清理期限后重新下载全部数据")] = False,
        tag: Annotated[str, Query(max_length=64, description="上次下载进度处的变更标识（cursor_tag）")] = "",
    ) -> Response:
        try:
            text = build_page(
                engine,
                who,
                since=since,
                limit=limit,
                server_time_ms=now_ms(),
                guard_purge=not resnapshot,
                tag=tag,
            )
        except ResnapshotNeeded as exc:  # purge.py: tombstones gone; pull.py: a restored database
            message = RESTORED_MESSAGE if exc.reason == "restored" else RESNAPSHOT_MESSAGE
            raise HTTPException(RESNAPSHOT_STATUS, message, headers={RESNAPSHOT_HEADER: exc.reason}) from None
        return Response(text, media_type="application/json")

    # Attachment bytes: HEAD/PUT/PATCH/GET /blobs/{sha256} (blobs.py: verified, resumable).
    app.include_router(blob_routes(engine, checked=checked, principal=principal, errors=errors))

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    return app


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` / `serve --workers N`: the database URL comes from
    ZSDESK_SERVER_DATABASE, so each worker process builds its own engine."""
    return create_app(os.environ["ZSDESK_SERVER_DATABASE"])
