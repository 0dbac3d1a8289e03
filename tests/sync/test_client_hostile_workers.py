"""`zsdesk-server serve --workers 2` on PostgreSQL: two processes behind one port hold no state that
matters. Pushes racing through both workers apply once with a gap-free log, hostile-proxy cases end
as with one worker, and a token revoked through one worker is refused by every worker within
`TOKEN_CACHE_S` (the documented delay, docs/SERVER.md)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from zsdesk.domain.ids import uuid7
from zsdesk.server.auth import TOKEN_CACHE_S
from zsdesk.server.db import init_db, make_engine, ops, records
from zsdesk.server.purge import init_purge
from zsdesk.sync.protocol import version_headers

from ..server.test_push_concurrency import _check_log
from .harness import (
    OFFICE_A,
    PASSWORD,
    LiveServer,
    drop_postgres,
    fresh_postgres_url,
    postgres_available,
    serve_process,
)
from .hostile_proxy import HostileProxy
from .test_client_hostile import run_case

pytestmark = pytest.mark.postgres
WORKERS = 2


class WorkersServer(LiveServer):
    """A LiveServer whose serving side is a real `serve --workers 2` process."""

    proc: Any = None

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(15)
        self.engine.dispose()


@pytest.fixture
def server() -> Iterator[WorkersServer]:
    if not postgres_available():
        pytest.skip("PostgreSQL at 127.0.0.1:5432 is not reachable")
    url = fresh_postgres_url()
    engine = make_engine(url)
    init_db(engine)
    init_purge(engine)
    proc, base = serve_process(url, None, "--workers", str(WORKERS))
    live = WorkersServer(base, url, engine, None, None)  # type: ignore[arg-type]
    live.proc = proc
    try:
        assert len(_children(proc.pid)) >= WORKERS, "serve --workers did not start its workers"
        yield live
    finally:
        live.stop()
        drop_postgres(url)


def _children(pid: int) -> list[str]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return path.read_text().split() if path.exists() else []


@pytest.fixture(autouse=True)
def _quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("zsdesk.sync.transport.RETRY_DELAY_S", 0.01)


def _login(base: str, username: str) -> str:
    answer = httpx.post(
        f"{base}/auth/login", json={"username": username, "password": PASSWORD}, headers=version_headers()
    )
    answer.raise_for_status()
    return str(answer.json()["token"])


async def _at_once(requests: list[tuple[str, str, Any]], token: str) -> list[httpx.Response]:
    """Send the requests at the same moment, each on its own connection (so both workers take some)."""
    headers = {**version_headers(), "Authorization": f"Bearer {token}"}

    async def one(method: str, url: str, body: Any) -> httpx.Response:
        async with httpx.AsyncClient(timeout=60) as client:
            return await client.request(method, url, json=body, headers=headers)

    return await asyncio.gather(*(one(*r) for r in requests))


def _op(kind: str, row_id: str, office: str, base: int = 0, **fields: Any) -> dict[str, Any]:
    return {
        "op_id": uuid7(),
        "table": "enterprise",
        "row_id": row_id,
        "office_id": office,
        "kind": kind,
        "fields": fields,
        "base_version": base,
        "hlc": f"{len(fields):015d}-00000-t",
        "author": "t",
    }


def test_the_same_batch_pushed_six_times_through_two_workers_applies_once(server: WorkersServer) -> None:
    server.user("a1", "officer", OFFICE_A)
    office = server.office(OFFICE_A)
    token = _login(server.url, "a1")
    batch = {"device_id": "d", "ops": [_op("create", uuid7(), office, name=f"企业{i}") for i in range(5)]}
    answers = asyncio.run(_at_once([("POST", f"{server.url}/sync/push", batch)] * 6, token))
    assert all(a.status_code == 200 for a in answers)
    results = [a.json()["results"] for a in answers]
    assert all(r == results[0] for r in results) and {r["outcome"] for r in results[0]} == {"applied"}
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(ops)).scalar_one() == 5
    _check_log(server.engine)


def test_officers_editing_the_same_rows_through_two_workers_keep_one_gap_free_log(
    server: WorkersServer,
) -> None:
    server.user("a1", "officer", OFFICE_A)
    office = server.office(OFFICE_A)
    token = _login(server.url, "a1")
    rows = [uuid7() for _ in range(5)]
    create = {
        "device_id": "d0",
        "ops": [_op("create", r, office, name=f"企业{i}") for i, r in enumerate(rows)],
    }
    assert httpx.post(
        f"{server.url}/sync/push",
        json=create,
        headers={**version_headers(), "Authorization": f"Bearer {token}"},
    ).is_success
    with server.engine.connect() as conn:
        base = dict(conn.execute(select(records.c.id, records.c.version).where(records.c.id.in_(rows))).all())
    pushes = []
    for k in range(1, 7):
        order = rows[k % len(rows) :] + rows[: k % len(rows)]  # crosswise: must not deadlock
        ops_k = [_op("update", r, office, base=base[r], note=f"第{k}次") for r in order]
        pushes.append(("POST", f"{server.url}/sync/push", {"device_id": f"d{k}", "ops": ops_k}))
    answers = asyncio.run(_at_once(pushes, token))
    outcomes = [r["outcome"] for a in answers for r in a.json()["results"]]
    assert len(outcomes) == 30 and set(outcomes) <= {"applied", "conflict", "noop"}
    _check_log(server.engine)


def test_a_token_revoked_through_one_worker_is_refused_by_all_within_the_cache_delay(
    server: WorkersServer,
) -> None:
    server.user("a1", "officer", OFFICE_A)
    token = _login(server.url, "a1")
    me = [("GET", f"{server.url}/auth/me", None)] * 16
    assert all(a.status_code == 200 for a in asyncio.run(_at_once(me, token)))  # cached in both workers
    revoked_at = time.monotonic()
    logout = httpx.post(
        f"{server.url}/auth/logout", headers={**version_headers(), "Authorization": f"Bearer {token}"}
    )
    assert logout.status_code == 200
    # One batch answered 401 proves little: the kernel may hand all of it to one worker while the
    # other still holds the token in its cache. Once the cache delay has passed, every worker refuses.
    time.sleep(max(0.0, revoked_at + TOKEN_CACHE_S + 0.3 - time.monotonic()))
    for _ in range(3):
        answers = asyncio.run(_at_once(me * 2, token))
        assert [a.status_code for a in answers] == [401] * len(answers), "a worker still accepts the token"


@pytest.mark.parametrize(
    ("path", "action", "times", "expected"),
    [
        ("/sync/push", "drop", 1, "done"),  # the retried push may reach the other worker
        ("/sync/pull", "stuck", -1, "不再前进"),
        ("/sync/pull", "html", -1, "网页"),
        ("/sync/push", "truncated", 1, "done"),
    ],
)
def test_hostile_proxy_cases_hold_with_two_workers(
    server: WorkersServer, tmp_path: Path, path: str, action: str, times: int, expected: str
) -> None:
    proxy = HostileProxy(server.url)
    try:
        run_case(server, proxy, tmp_path, path, action, times, expected)
    finally:
        proxy.stop()
