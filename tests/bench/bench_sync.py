"""Sync benchmarks, each against a baseline measured in the same run (not collected by pytest).

    .venv/bin/python tests/bench/bench_sync.py [--quick]

Rows: first sync of a large office vs a raw copy, no-op sync vs a bare HTTP GET, bytes on the wire per
single-field edit, and 50 concurrent clients against PostgreSQL vs raw psycopg single-row updates
(with `serve --workers 1` and `--workers 2`, side by side).

The concurrency row measures the server, not 50 Python laptops: the server runs alone in its own
process (`zsdesk-server serve`), and one asyncio process speaks the real wire protocol for the 50
laptops without their local SQLite work (see `bench_concurrency`). Earlier versions ran 50 full
`sync_now` laptops as threads next to the server, and the clients' ~15 ms of CPU per sync on the
shared 2 cores capped what the server could show.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import ssl
import statistics
import sys
import tempfile
import threading
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.memkeyring.MemoryKeyring")

from tests.sync.harness import (  # noqa: E402
    PASSWORD,
    drop_postgres,
    fresh_postgres_url,
    postgres_available,
    serve_process,
    start_server,
)
from zsdesk import SCHEMA_VERSION  # noqa: E402
from zsdesk.domain.ids import uuid7  # noqa: E402
from zsdesk.server.auth import add_user  # noqa: E402
from zsdesk.server.cli import add_office  # noqa: E402
from zsdesk.server.db import counter, init_db, make_engine, records  # noqa: E402
from zsdesk.services.context import init_workspace  # noqa: E402
from zsdesk.services.sync import sync_now  # noqa: E402
from zsdesk.storage.columns import encode  # noqa: E402
from zsdesk.sync.protocol import DEVICE_HEADER, version_headers  # noqa: E402


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


def _tree_cpu_s(pid: int) -> float:
    """User+system CPU seconds of a process and its live children (uvicorn workers), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    family = {pid}
    stats: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # fields[1] = ppid, fields[11] = utime, fields[12] = stime (after the command name)
        stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    grew = True
    while grew:
        grew = False
        for child, (ppid, _) in stats.items():
            if ppid in family and child not in family:
                family.add(child)
                grew = True
    for member in family:
        if member in stats:
            total += stats[member][1]
    return total


@dataclass
class _Laptop:
    """What one simulated laptop keeps between syncs (the parts of its replica the protocol needs)."""

    name: str
    token: str
    office: str
    ids: list[str] = field(default_factory=list)
    versions: dict[str, int] = field(default_factory=dict)
    cursor: int = 0


async def _http(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    method: str,
    target: str,
    headers: dict[str, str],
    body: bytes = b"",
) -> Any:
    """One HTTP/1.1 exchange on an open connection; returns the decoded JSON body. Hand-rolled so the
    load generator spends well under a millisecond per request (httpx.AsyncClient spent ~2 ms per
    sync of the same 2 cores the server runs on). Speaks what httpx sends: keep-alive, gzip."""
    head = [f"{method} {target} HTTP/1.1", *(f"{k}: {v}" for k, v in headers.items())]
    if method == "POST":
        head.append(f"Content-Length: {len(body)}")
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
    raw = await reader.readuntil(b"\r\n\r\n")
    status = int(raw[9:12])
    fields = dict(line.split(": ", 1) for line in raw.decode("latin-1").split("\r\n")[1:] if line)
    fields = {k.lower(): v for k, v in fields.items()}
    if "content-length" in fields:
        data = await reader.readexactly(int(fields["content-length"]))
    else:  # chunked
        parts = []
        while size := int((await reader.readuntil(b"\r\n"))[:-2], 16):
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)
        await reader.readexactly(2)
        data = b"".join(parts)
    if fields.get("content-encoding") == "gzip":
        data = zlib.decompress(data, 16 + zlib.MAX_WBITS)
    if status != 200:
        raise RuntimeError(f"HTTP {status} for {method} {target}: {data[:200]!r}")
    return json.loads(data)


async def _sync_once(laptop: _Laptop, ops: list[dict[str, Any]], host: str, port: int) -> None:
    """One sync as `SyncClient.sync` does it on the wire: a new connection, POST /sync/push (gzip
    over 1 KiB, like the client), then GET /sync/pull pages until caught up; the headers are the
    ones SyncClient sends through httpx. The laptop's local SQLite work (reading the outbox,
    applying results and pages) is not done: only the server is being measured."""
    headers = {
        "Host": f"{host}:{port}",
        "Accept": "*/*",
        "Accept-Encoding": "gzip, deflate",
        "Connection": "keep-alive",
        "User-Agent": "python-httpx/0.28.1",
        **version_headers(),
        "Authorization": f"Bearer {laptop.token}",
        DEVICE_HEADER: laptop.name,
    }
    reader, writer = await asyncio.open_connection(host, port)
    try:
        if ops:
            body = json.dumps(
                {"device_id": laptop.name, "ops": ops}, ensure_ascii=False, separators=(",", ":")
            ).encode()
            extra = {"Content-Type": "application/json"}
            if len(body) >= 1024:
                body = gzip.compress(body, 5)
                extra["Content-Encoding"] = "gzip"
            answer = await _http(reader, writer, "POST", "/sync/push", {**headers, **extra}, body)
            rows = {op["op_id"]: op["row_id"] for op in ops}
            for result in answer["results"]:
                if result["outcome"] != "applied":
                    raise RuntimeError(f"op not applied: {result}")
                laptop.versions[rows[result["op_id"]]] = int(result["seq"])
        while True:
            target = f"/sync/pull?since={laptop.cursor}&limit=2000"
            page = await _http(reader, writer, "GET", target, headers)
            laptop.cursor = int(page["cursor"])
            if not page["has_more"]:
                return
    finally:
        writer.close()
        await writer.wait_closed()


def _ops(laptop: _Laptop, kind: str, fields_for: Any) -> list[dict[str, Any]]:
    """Outbox entries in wire form (`Replica.pending_ops`), one per row of the laptop."""
    return [
        {
            "op_id": uuid7(),
            "table": "enterprise",
            "row_id": row_id,
            "office_id": laptop.office,
            "kind": kind,
            "fields": fields_for(j),
            "base_version": laptop.versions.get(row_id, 0),
            "hlc": f"{time.time_ns() // 1_000_000:015d}-00000-{laptop.name}",
            "author": laptop.name,
            "schema_version": SCHEMA_VERSION,
        }
        for j, row_id in enumerate(laptop.ids)
    ]


async def _drive(
    base: str, laptops: list[_Laptop], rounds: int, server_pid: int, *, setup: bool, first_round: int = 0
) -> tuple[float, list[float], list[str], float, float]:
    """With `setup`, first the creates (not timed); then `rounds` bursts in which every laptop syncs
    at once. Returns (timed wall, sync latencies, errors, server CPU s, load-generator CPU s)."""
    host, port = base.removeprefix("http://").rsplit(":", 1)
    for laptop in laptops if setup else []:
        await _sync_once(
            laptop,
            _ops(laptop, "create", lambda j, name=laptop.name: {"name": f"{name}-企业{j}"}),
            host,
            int(port),
        )
    for laptop in laptops if setup else []:
        await _sync_once(laptop, [], host, int(port))
    wall = server_cpu = client_cpu = 0.0
    latencies: list[float] = []
    errors: list[str] = []

    async def timed(laptop: _Laptop, ops: list[dict[str, Any]]) -> None:
        t0 = time.perf_counter()
        try:
            await _sync_once(laptop, ops, host, int(port))
        except Exception as exc:  # reported, never hidden
            errors.append(repr(exc))
        latencies.append(time.perf_counter() - t0)

    for r in range(first_round, first_round + rounds):
        # The edits are made before the burst (the laptops' outboxes), outside the timed window.
        batches = [_ops(laptop, "update", lambda j, r=r: {"note": f"第{r}轮回访"}) for laptop in laptops]
        cpu0, own0, t0 = _tree_cpu_s(server_pid), time.process_time(), time.perf_counter()
        await asyncio.gather(*(timed(laptop, ops) for laptop, ops in zip(laptops, batches, strict=True)))
        wall += time.perf_counter() - t0
        server_cpu += _tree_cpu_s(server_pid) - cpu0
        client_cpu += time.process_time() - own0
    return wall, latencies, errors, server_cpu, client_cpu


def bench_concurrency(
    tmp: Path, clients: int, rounds: int, edits: int, offices: int = 10, workers: int = 1, reps: int = 3
) -> dict[str, Any]:
    """50 laptops spread over 10 offices (5 officers each, as on the provincial server), PostgreSQL.

    What is measured: the server process (uvicorn, `workers` processes) serving bursts in which all
    laptops sync at once — each sync is the real wire protocol (new connection, push of `edits`
    single-field updates, pull until caught up, every op checked `applied`). The laptops are one
    asyncio process (minimal HTTP/1.1 over asyncio streams, see `_http`) without their local SQLite work, so the 2-core machine's CPU
    goes to the server and PostgreSQL rather than to 50 Python clients; the CPU each side used is
    reported. Throughput = edits committed per second of burst wall time. Baseline in the same run on
    the same database: raw psycopg single-row autocommit UPDATEs from `clients` threads.
    """
    url = fresh_postgres_url()
    engine = make_engine(url)
    init_db(engine)
    office_ids = []
    for k in range(offices):
        office = add_office(engine, name=f"并发办事处{k}")
        office_ids.append(office)
        add_user(engine, username=f"u{k}", password=PASSWORD, role="officer", offices=[office])
    engine.dispose()
    proc, base = serve_process(url, None, "--workers", str(workers))
    try:
        tokens = {}
        for k in range(offices):
            answer = httpx.post(
                f"{base}/auth/login",
                json={"username": f"u{k}", "password": PASSWORD},
                headers=version_headers(),
            )
            answer.raise_for_status()
            tokens[k] = answer.json()["token"]
        laptops = []
        for i in range(clients):
            laptop = _Laptop(f"c{i}", tokens[i % offices], office_ids[i % offices])
            laptop.ids = [uuid7() for _ in range(edits)]
            laptops.append(laptop)
        import psycopg

        dsn = url.replace("postgresql+psycopg://", "postgresql://")

        def checkpoint() -> None:
            # Writes left by the setup (or by an earlier benchmark's 100,000 rows) are flushed now,
            # not by a checkpoint in the middle of one side's timed window.
            with psycopg.connect(dsn, autocommit=True) as conn:
                conn.execute("CHECKPOINT")

        def raw_updates(ids_all: list[str], rep: int) -> float:
            """The baseline: the same number of single-row updates through psycopg, `clients` threads."""
            chunks = [ids_all[i::clients] for i in range(clients)]

            def raw(chunk: list[str]) -> None:
                with psycopg.connect(dsn, autocommit=True) as conn:
                    for r in range(rounds):
                        for row_id in chunk:
                            conn.execute(
                                "UPDATE records SET data = %s WHERE id = %s",
                                (json.dumps({"note": f"raw{rep}-{r}"}), row_id),
                            )

            threads = [threading.Thread(target=raw, args=(c,)) for c in chunks]
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            return time.perf_counter() - t0

        # Both sides `reps` times, alternating, each after a CHECKPOINT: the ratio is taken per pair
        # and the median pair reported, so a burst of background work on this shared 2-core machine
        # (autovacuum, another process) spoils one pair rather than the figure.
        pairs: list[tuple[float, float]] = []
        latencies: list[float] = []
        errors: list[str] = []
        server_cpu = client_cpu = 0.0
        for rep in range(reps):
            checkpoint()
            wall, lat, errs, s_cpu, c_cpu = asyncio.run(
                _drive(base, laptops, rounds, proc.pid, setup=rep == 0, first_round=rep * rounds)
            )
            latencies += lat
            errors += errs
            server_cpu += s_cpu
            client_cpu += c_cpu
            if rep == 0:
                with psycopg.connect(dsn) as conn:
                    ids_all = [
                        r[0]
                        for r in conn.execute(
                            "SELECT id FROM records WHERE table_name = 'enterprise'"
                        ).fetchall()
                    ]
            checkpoint()
            pairs.append((wall, raw_updates(ids_all, rep)))
        ops = clients * rounds * edits
        ratios = sorted(((ops / w) / (len(ids_all) * rounds / rw), w, rw) for w, rw in pairs)
        ratio, wall, raw_wall = ratios[len(ratios) // 2]
        ours_tput = ops / wall
        raw_tput = len(ids_all) * rounds / raw_wall
    finally:
        proc.terminate()
        proc.wait(10)
        drop_postgres(url)
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan")
    syncs = clients * rounds
    all_syncs = syncs * reps
    return {
        "name": f"{clients} concurrent clients in {offices} offices × {rounds} syncs × {edits} edits"
        f" (PostgreSQL, {workers} server worker{'s' if workers > 1 else ''})",
        "ours_s": round(wall, 3),
        "baseline_s": round(raw_wall, 3),
        "ratio": round(ratio, 2),
        # The target is the 1-worker row's; 2 workers are shown beside it (on this 2-core machine
        # they share the cores with PostgreSQL and the load generator, so more processes mostly add
        # contention; on a bigger server they spread the request work).
        "target": "all succeed; throughput ≥ 30% of raw"
        if workers == 1
        else "all succeed; info: beside 1 worker",
        "errors": len(errors),
        "syncs": all_syncs,
        "ratio_per_pair": "/".join(f"{r:.2f}" for r, _, _ in ratios),
        "p95_latency_s": round(p95, 3),
        "median_latency_s": round(statistics.median(latencies), 3) if latencies else None,
        "syncs_per_s": round(syncs / wall, 1),
        "ops_per_s": round(ours_tput, 1),
        "raw_updates_per_s": round(raw_tput, 1),
        "server_cpu_ms_per_sync": round(1000 * server_cpu / all_syncs, 2),
        "loadgen_cpu_ms_per_sync": round(1000 * client_cpu / all_syncs, 2),
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
            for workers in (1, 2):  # `serve --workers N`: one process and two behind one port
                out.append(
                    bench_concurrency(
                        tmp,
                        5 if quick else 50,
                        2 if quick else 10,
                        5 if quick else 20,
                        workers=workers,
                        reps=1 if quick else 3,
                    )
                )
    return out


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(json.dumps(row, ensure_ascii=False))
