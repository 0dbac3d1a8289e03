"""Sync benchmarks, each against a baseline measured in the same run (not collected by pytest).

    .venv/bin/python tests/bench/bench_sync.py [--quick]

Rows: first sync of a large office vs a raw copy, no-op sync vs a bare HTTP GET, bytes on the wire per
single-field edit, and 50 concurrent clients against PostgreSQL vs raw psycopg single-row updates.
"""

from __future__ import annotations

import json
import os
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.memkeyring.MemoryKeyring")

from tests.sync.harness import (  # noqa: E402
    PASSWORD,
    drop_postgres,
    free_port,
    fresh_postgres_url,
    postgres_available,
    start_server,
)
from zsdesk.domain.ids import uuid7  # noqa: E402
from zsdesk.server.auth import add_user  # noqa: E402
from zsdesk.server.cli import add_office  # noqa: E402
from zsdesk.server.db import counter, init_db, make_engine, records  # noqa: E402
from zsdesk.services.context import init_workspace  # noqa: E402
from zsdesk.services.sync import sync_now  # noqa: E402
from zsdesk.storage.columns import encode  # noqa: E402
from zsdesk.sync.protocol import version_headers  # noqa: E402


def _row(name: str, value: float, baseline: float, target: str, **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "ours_s": round(value, 4),
        "baseline_s": round(baseline, 4),
        "ratio": round(value / baseline, 2) if baseline else None,
        "target": target,
        **extra,
    }


def _seed(engine: Any, office: str, n: int) -> None:
    """Put n enterprise records of one office straight into the server store."""
    start = 1000
    batch = []
    for i in range(n):
        data = {
            "name": f"基准企业{i:06d}有限公司",
            "industry": "先进材料",
            "hq_region": "长三角",
            "tags": ["专精特新"],
            "note": "基准数据",
        }
        batch.append(
            {
                "table_name": "enterprise",
                "id": uuid7(),
                "office_id": office,
                "data": json.dumps(data, ensure_ascii=False),
                "meta": "{}",
                "version": start + i,
                "deleted": False,
                "merged_into": None,
            }
        )
        if len(batch) == 5000:
            with engine.begin() as conn:
                conn.execute(records.insert(), batch)
            batch = []
    with engine.begin() as conn:
        if batch:
            conn.execute(records.insert(), batch)
        conn.execute(counter.update().values(seq=start + n))


def bench_first_sync(url: str, tmp: Path, n: int) -> dict[str, Any]:
    server = start_server(url)
    office = add_office(server.engine, name="基准办事处")
    add_user(server.engine, username="u", password=PASSWORD, role="officer", offices=[office])
    _seed(server.engine, office, n)
    ws = init_workspace(tmp / "first.db", office="基准办事处", officer="u")
    t0 = time.perf_counter()
    result = sync_now(ws, server=server.url, username="u", password=PASSWORD)
    ours = time.perf_counter() - t0
    assert ws.db.execute("SELECT count(*) FROM enterprise").fetchone()[0] == n, result
    ws.close()
    # Baseline: the same rows copied with a server SELECT and a client executemany, no HTTP.
    raw = init_workspace(tmp / "raw.db", office="基准办事处", officer="u")
    t0 = time.perf_counter()
    with server.engine.connect() as conn:
        rows = conn.execute(
            records.select()
            .with_only_columns(
                records.c.id, records.c.office_id, records.c.version, records.c.deleted, records.c.data
            )
            .where(records.c.office_id == office, records.c.table_name == "enterprise")
        ).all()
    columns = ["id", "office_id", "version", "deleted", "name", "industry", "hq_region", "tags", "note"]
    values = []
    for row_id, office_id, version, deleted, data in rows:
        d = encode("enterprise", json.loads(data))
        values.append(
            [
                row_id,
                office_id,
                version,
                int(deleted),
                d["name"],
                d["industry"],
                d["hq_region"],
                d["tags"],
                d["note"],
            ]
        )
    with raw.db.atomic():
        raw.db.conn.executemany(
            f"INSERT INTO enterprise ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", values
        )
    baseline = time.perf_counter() - t0
    raw.close()
    server.stop()
    return _row(f"first sync of {n:,} records", ours, baseline, "≤ 4×")


def bench_noop(url: str, tmp: Path, rounds: int) -> dict[str, Any]:
    server = start_server(url)
    office = add_office(server.engine, name="空办事处")
    add_user(server.engine, username="u", password=PASSWORD, role="officer", offices=[office])
    ws = init_workspace(tmp / "noop.db", office="空办事处", officer="u")
    sync_now(ws, server=server.url, username="u", password=PASSWORD)  # token now in the keyring
    ours, bare = [], []
    tls = ssl.create_default_context()
    for _ in range(rounds):
        t0 = time.perf_counter()
        sync_now(ws, server=server.url, username="u")
        ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        # Same footing as our client: a new connection each time, the TLS context built once.
        httpx.get(f"{server.url}/health", headers=version_headers(), verify=tls).raise_for_status()
        bare.append(time.perf_counter() - t0)
    ws.close()
    server.stop()
    return _row(
        "no-op sync vs bare HTTP GET (median)", statistics.median(ours), statistics.median(bare), "≤ 3×"
    )


class CountingTransport(httpx.HTTPTransport):
    """Counts bytes as they cross the wire (compressed bodies, request line and headers)."""

    def __init__(self) -> None:
        super().__init__()
        self.sent = 0
        self.received = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.sent += (
            len(request.content)
            + sum(len(k) + len(v) + 4 for k, v in request.headers.raw)
            + len(str(request.url))
            + 12
        )
        response = super().handle_request(request)
        raw = b"".join(response.stream)  # still compressed: httpx decodes only when .content is read
        self.received += len(raw) + sum(len(k) + len(v) + 4 for k, v in response.headers.raw) + 17
        return httpx.Response(response.status_code, headers=response.headers, content=raw, request=request)


def bench_bytes(url: str, tmp: Path, n: int) -> dict[str, Any]:
    server = start_server(url)
    office = add_office(server.engine, name="字节办事处")
    add_user(server.engine, username="u", password=PASSWORD, role="officer", offices=[office])
    ws = init_workspace(tmp / "bytes.db", office="字节办事处", officer="u")
    sync_now(ws, server=server.url, username="u", password=PASSWORD)
    with ws.store.transaction():
        ids = [
            ws.store.create("enterprise", {"name": f"字节企业{i}", "industry": "先进材料", "note": "原备注"})
            for i in range(n)
        ]
    sync_now(ws, server=server.url, username="u")
    with ws.store.transaction():
        for i, row_id in enumerate(ids):
            ws.store.update("enterprise", row_id, {"note": f"第{i}次回访：对方同意下月考察"})
    counting = CountingTransport()
    sync_now(ws, server=server.url, username="u", transport=counting)
    ws.close()
    server.stop()
    per_edit = (counting.sent + counting.received) / n
    return {
        "name": f"bytes on the wire per single-field edit (batch of {n:,})",
        "ours_s": None,
        "baseline_s": None,
        "ratio": None,
        "target": "≤ 200 B",
        "bytes_per_edit": round(per_edit, 1),
        "sent": counting.sent,
        "received": counting.received,
    }


def bench_concurrency(
    tmp: Path, clients: int, rounds: int, edits: int, offices: int = 10, workers: int = 1
) -> dict[str, Any]:
    """50 laptops spread over 10 offices (5 officers each, as on the provincial server)."""
    url = fresh_postgres_url()
    engine = make_engine(url)
    init_db(engine)
    for k in range(offices):
        office = add_office(engine, name=f"并发办事处{k}")
        add_user(engine, username=f"u{k}", password=PASSWORD, role="officer", offices=[office])
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "zsdesk.server.cli",
            "serve",
            "--database",
            url,
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(f"{base}/health")
            break
        except httpx.TransportError:
            time.sleep(0.1)
    try:
        laptops = []
        for i in range(clients):
            user = f"u{i % offices}"
            ws = init_workspace(tmp / f"c{i}.db", office=f"并发办事处{i % offices}", officer=f"c{i}")
            sync_now(ws, server=base, username=user, password=PASSWORD)
            with ws.store.transaction():
                ids = [ws.store.create("enterprise", {"name": f"并发企业{i}-{j}"}) for j in range(edits)]
            sync_now(ws, server=base, username=user)
            ws.close()
            laptops.append((tmp / f"c{i}.db", ids, user))
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        # Each round: every laptop makes its edits (not timed), then all sync at once; the timed
        # window is from the common start to the last sync finishing.
        ready = threading.Barrier(clients + 1)
        finished = threading.Barrier(clients + 1)

        def client(path: Path, ids: list[str], user: str) -> None:
            from zsdesk.services.context import open_workspace

            ws = open_workspace(path, author="c")
            try:
                for r in range(rounds):
                    with ws.store.transaction():
                        for row_id in ids:
                            ws.store.update("enterprise", row_id, {"note": f"第{r}轮"})
                    ready.wait()
                    t0 = time.perf_counter()
                    try:
                        sync_now(ws, server=base, username=user)
                    except Exception as exc:  # reported, never hidden
                        with lock:
                            errors.append(repr(exc))
                    with lock:
                        latencies.append(time.perf_counter() - t0)
                    finished.wait()
            finally:
                ws.close()

        threads = [threading.Thread(target=client, args=item) for item in laptops]
        for t in threads:
            t.start()
        wall = 0.0
        for _ in range(rounds):
            ready.wait()
            t0 = time.perf_counter()
            finished.wait()
            wall += time.perf_counter() - t0
        for t in threads:
            t.join()
        ops = clients * rounds * edits
        ours_tput = ops / wall
        # Baseline: the same number of single-row updates straight through psycopg, 50 threads.
        import psycopg

        dsn = url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(dsn) as conn:
            ids_all = [
                r[0]
                for r in conn.execute("SELECT id FROM records WHERE table_name = 'enterprise'").fetchall()
            ]
        chunks = [ids_all[i::clients] for i in range(clients)]

        def raw(chunk: list[str]) -> None:
            with psycopg.connect(dsn, autocommit=True) as conn:
                for r in range(rounds):
                    for row_id in chunk:
                        conn.execute(
                            "UPDATE records SET data = %s WHERE id = %s",
                            (json.dumps({"note": f"raw{r}"}), row_id),
                        )

        threads = [threading.Thread(target=raw, args=(c,)) for c in chunks]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        raw_wall = time.perf_counter() - t0
        raw_tput = len(ids_all) * rounds / raw_wall
    finally:
        proc.terminate()
        proc.wait(10)
        engine.dispose()
        drop_postgres(url)
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan")
    return {
        "name": f"{clients} concurrent clients in {offices} offices × {rounds} syncs × {edits} edits (PostgreSQL)",
        "ours_s": round(wall, 3),
        "baseline_s": round(raw_wall, 3),
        "ratio": round(ours_tput / raw_tput, 2),
        "target": "all succeed; throughput ≥ 30% of raw",
        "errors": len(errors),
        "p95_latency_s": round(p95, 3),
        "ops_per_s": round(ours_tput, 1),
        "raw_updates_per_s": round(raw_tput, 1),
        "server_workers": workers,
    }


def run(quick: bool = False) -> list[dict[str, Any]]:
    """Run every benchmark; `quick` uses small sizes (a smoke run for CI)."""
    out = []
    pg = postgres_available()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        url = fresh_postgres_url() if pg else f"sqlite:///{tmp / 'bench.db'}"
        try:
            out.append(
                bench_first_sync(url, tmp, 2_000 if quick else 100_000)
                | {"backend": "postgresql" if pg else "sqlite"}
            )
        finally:
            if pg:
                drop_postgres(url)
        out.append(bench_noop(f"sqlite:///{tmp / 'noop.db'}", tmp, 5 if quick else 30))
        out.append(bench_bytes(f"sqlite:///{tmp / 'bytes.db'}", tmp, 100 if quick else 1000))
        if pg:
            out.append(bench_concurrency(tmp, 5 if quick else 50, 2 if quick else 3, 5 if quick else 20))
    return out


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(json.dumps(row, ensure_ascii=False))
