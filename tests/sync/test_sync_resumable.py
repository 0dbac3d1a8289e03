"""Resumable attachment uploads (SYNC.md §7) against the real server over loopback HTTP: a cut upload
resumes from the server's offset and sends only the rest; a corrupt resume is refused; old whole PUTs
still work; partials are per user, swept when stale, and survive a server killed mid-upload."""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from zsdesk.server.blobs import blob_uploads, count_uploads, purge_stale_uploads
from zsdesk.server.cli import main as server_main
from zsdesk.services.context import init_workspace, open_workspace
from zsdesk.services.sync import fetch_attachment, sync_now
from zsdesk.services.visits import attach_file
from zsdesk.storage.replica import Replica
from zsdesk.sync.client import SyncClient, SyncError
from zsdesk.sync.protocol import BLOB_CHUNK_BYTES, UPLOAD_LENGTH_HEADER, UPLOAD_OFFSET_HEADER

from .harness import (
    PASSWORD,
    LiveServer,
    drop_postgres,
    fresh_postgres_url,
    postgres_available,
    serve_process,
    three_laptops,
)

A, B = "省政府驻上海办事处", "省政府驻广州办事处"
MB = BLOB_CHUNK_BYTES
ROOT = Path(__file__).resolve().parents[2]


class _CutStream(httpx.SyncByteStream):
    """A request body that delivers `keep` bytes and then loses the connection."""

    def __init__(self, body: bytes, keep: int) -> None:
        self.body, self.keep = body, keep

    def __iter__(self) -> Iterator[bytes]:
        yield self.body[: self.keep]
        raise httpx.WriteError("connection cut in the middle of the upload")


class Wire(httpx.HTTPTransport):
    """Counts the attachment bytes put on the wire (PUT/PATCH bodies) and, optionally, really cuts the
    connection once `cut_after` of them were sent: the server receives half a chunk, then a hang-up."""

    def __init__(self, cut_after: int | None = None, *, hide_offset: bool = False) -> None:
        super().__init__()
        self.cut_after, self.hide_offset = cut_after, hide_offset
        self.sent = 0
        self.methods: Counter[str] = Counter()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method in ("PUT", "PATCH") and "/blobs/" in request.url.path:
            self.methods[request.method] += 1
            body = request.read()
            if self.cut_after is not None and self.sent + len(body) > self.cut_after:
                keep = self.cut_after - self.sent
                self.sent += keep
                self.cut_after = None
                cut = httpx.Request(
                    request.method, request.url, headers=request.headers, stream=_CutStream(body, keep)
                )
                return super().handle_request(cut)
            self.sent += len(body)
        response = super().handle_request(request)
        if self.hide_offset and request.method == "HEAD":
            # What a server from before resumable uploads answers: a bare 404, no Upload-Offset.
            response.headers.pop(UPLOAD_OFFSET_HEADER, None)
        return response


def _scan(tmp_path: Path, size: int) -> tuple[Path, bytes]:
    data = b"%PDF-1.7 " + os.urandom(size - 9)
    path = tmp_path / "招商函扫描件.pdf"
    path.write_bytes(data)
    return path, data


def _client(server: LiveServer, username: str) -> SyncClient:
    client = SyncClient(server.url)
    client.login(username, PASSWORD)
    return client


def _patch(client: SyncClient, sha: str, chunk: bytes, offset: int, length: int) -> httpx.Response:
    return client._request(
        "PATCH",
        f"/blobs/{sha}",
        raw=chunk,
        headers={UPLOAD_OFFSET_HEADER: str(offset), UPLOAD_LENGTH_HEADER: str(length)},
        allow=(400, 409, 413),
    )


def _held(client: SyncClient, sha: str) -> tuple[int, str | None]:
    head = client._request("HEAD", f"/blobs/{sha}")
    return head.status_code, head.headers.get(UPLOAD_OFFSET_HEADER)


def test_cut_upload_resumes_from_the_server_offset(server: LiveServer, tmp_path: Path) -> None:
    a1, a2, b1 = three_laptops(server, tmp_path)
    a1.sync()
    eid = a1.store.create("enterprise", {"name": "断点续传企业"})
    size = 3 * MB + MB // 2
    path, data = _scan(tmp_path, size)
    att = attach_file(a1.ws, "enterprise", eid, path)
    sha = hashlib.sha256(data).hexdigest()

    cut = Wire(cut_after=2 * MB + MB // 2)  # two chunks arrive whole, the third is cut halfway
    with pytest.raises(SyncError) as err:
        a1.sync(transport=cut)
    assert err.value.kind == "network"
    assert Replica(a1.ws.db).pending_blobs() == [sha]
    client = _client(server, "a1")
    assert _held(client, sha) == (404, str(2 * MB))  # the half chunk was not kept, the two whole were
    assert count_uploads(server.engine) == 1

    wire = Wire()
    result = a1.sync(transport=wire)
    assert result.uploaded_blobs == 1 and result.pending == 0
    assert wire.sent == size - 2 * MB  # only the rest went up again
    assert wire.methods == Counter({"PATCH": 2})  # 1 MB, then the last 0.5 MB
    assert cut.sent + wire.sent < 2 * size  # vs. starting again from zero
    assert count_uploads(server.engine) == 0
    assert _held(client, sha) == (200, None)
    client.close()
    # Visible and verified for the office, still invisible to another office (scope unchanged).
    a2.sync(prefetch_under=0)
    assert fetch_attachment(a2.ws, att, server=server.url, username="a2", password=PASSWORD) == data
    b1.sync()
    other = _client(server, "b1")
    with pytest.raises(SyncError) as err:
        other.download_blob(sha)
    assert err.value.kind == "missing"
    other.close()


def test_corrupt_resume_is_refused_and_the_partial_discarded(server: LiveServer, tmp_path: Path) -> None:
    three_laptops(server, tmp_path)
    data = os.urandom(2 * MB + 1000)
    sha = hashlib.sha256(data).hexdigest()
    client = _client(server, "a1")
    first = _patch(client, sha, data[:MB], 0, len(data))
    assert first.status_code == 200 and first.json() == {
        "sha256": sha,
        "offset": MB,
        "length": len(data),
        "complete": False,
    }
    assert first.headers[UPLOAD_OFFSET_HEADER] == str(MB)
    # A resume that does not continue where the server stands is told where it does.
    wrong = _patch(client, sha, data[2 * MB :], 2 * MB, len(data))
    assert wrong.status_code == 409 and wrong.headers[UPLOAD_OFFSET_HEADER] == str(MB)
    assert "服务器已收到" in wrong.json()["detail"]
    # The rest with one byte flipped: the whole does not hash to the name, nothing becomes visible.
    rest = bytearray(data[MB:])
    rest[500] ^= 0xFF
    assert _patch(client, sha, bytes(rest[:MB]), MB, len(data)).status_code == 200
    bad = _patch(client, sha, bytes(rest[MB:]), 2 * MB, len(data))
    assert bad.status_code == 400
    assert "不符" in bad.json()["detail"] and "已丢弃" in bad.json()["detail"]
    assert _held(client, sha) == (404, "0")
    assert count_uploads(server.engine) == 0
    with pytest.raises(SyncError) as err:
        client.download_blob(sha)
    assert err.value.kind == "missing"
    # Refusals in Chinese for a chunk past the declared length and a blob over the limit.
    over = _patch(client, sha, b"x" * 10, 0, 5)
    assert over.status_code == 400 and "总长度" in over.json()["detail"]
    huge = _patch(client, sha, b"x", 0, 51 * 1024 * 1024)
    assert huge.status_code == 413 and "50 MB" in huge.json()["detail"]
    # Good bytes afterwards go through (from 0: the bad partial is gone).
    for offset in range(0, len(data), MB):
        last = _patch(client, sha, data[offset : offset + MB], offset, len(data))
    assert last.json()["complete"] is True
    # Stored and held by its uploader; readable once an attachment record references it (SERVER.md).
    assert _held(client, sha)[0] == 200
    client.close()


def test_whole_put_still_works_and_partials_are_per_user(server: LiveServer, tmp_path: Path) -> None:
    three_laptops(server, tmp_path)
    data = os.urandom(MB + 10)
    sha = hashlib.sha256(data).hexdigest()
    a1, a2 = _client(server, "a1"), _client(server, "a2")
    assert _patch(a1, sha, data[:MB], 0, len(data)).status_code == 200
    # a2 sees nothing of a1's half upload and cannot continue it.
    assert _held(a2, sha) == (404, "0")
    assert _patch(a2, sha, data[MB:], MB, len(data)).status_code == 409
    # An older client's whole-file PUT (a2's) is accepted and verified as before...
    bad = a2._request("PUT", f"/blobs/{sha}", raw=data[:-1] + b"?", allow=(400,))
    assert bad.status_code == 400 and "不符" in bad.json()["detail"]
    put = a2._request("PUT", f"/blobs/{sha}", raw=data)
    assert put.json() == {"sha256": sha, "size": len(data)}
    assert _held(a1, sha) == (200, None)
    # ...and a1's continuation is then simply told the blob is complete (idempotent).
    done = _patch(a1, sha, data[MB:], MB, len(data))
    assert done.status_code == 200 and done.json()["complete"] is True
    assert count_uploads(server.engine) == 0
    a1.close()
    a2.close()


def test_new_client_falls_back_to_put_against_an_old_server(server: LiveServer, tmp_path: Path) -> None:
    a1, a2, _ = three_laptops(server, tmp_path)
    a1.sync()
    path, data = _scan(tmp_path, 2 * MB)
    att = attach_file(a1.ws, "enterprise", a1.store.create("enterprise", {"name": "旧服务器企业"}), path)
    wire = Wire(hide_offset=True)
    assert a1.sync(transport=wire).uploaded_blobs == 1
    assert wire.methods == Counter({"PUT": 1}) and wire.sent == len(data)
    a2.sync(prefetch_under=0)
    assert fetch_attachment(a2.ws, att, server=server.url, username="a2", password=PASSWORD) == data


def test_stale_partials_are_swept(
    server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    three_laptops(server, tmp_path)
    client = _client(server, "a1")
    old, fresh = os.urandom(2 * MB), os.urandom(2 * MB)
    old_sha, fresh_sha = hashlib.sha256(old).hexdigest(), hashlib.sha256(fresh).hexdigest()
    assert _patch(client, old_sha, old[:MB], 0, len(old)).status_code == 200
    assert purge_stale_uploads(server.engine) == 0  # a fresh partial is kept
    eight_days = 8 * 24 * 3600 * 1000
    assert purge_stale_uploads(server.engine, now_ms=time.time_ns() // 1_000_000 + eight_days) == 1
    assert _held(client, old_sha) == (404, "0")
    # Left for 8 days, then swept when any new upload starts...
    assert _patch(client, old_sha, old[:MB], 0, len(old)).status_code == 200
    with server.engine.begin() as conn:
        conn.execute(update(blob_uploads).values(updated_ms=time.time_ns() // 1_000_000 - eight_days))
    assert _patch(client, fresh_sha, fresh[:MB], 0, len(fresh)).status_code == 200
    assert _held(client, old_sha) == (404, "0") and _held(client, fresh_sha) == (404, str(MB))
    # ...or by the daily purge command.
    with server.engine.begin() as conn:
        conn.execute(update(blob_uploads).values(updated_ms=time.time_ns() // 1_000_000 - eight_days))
    assert server_main(["purge-tombstones", "--database", server.database_url]) == 0
    assert "未完成的附件上传 1 个" in capsys.readouterr().out
    assert count_uploads(server.engine) == 0
    client.close()


def test_locally_damaged_blob_is_skipped_with_a_warning(server: LiveServer, tmp_path: Path) -> None:
    a1, _, _ = three_laptops(server, tmp_path)
    a1.sync()
    path, data = _scan(tmp_path, 200_000)
    attach_file(a1.ws, "enterprise", a1.store.create("enterprise", {"name": "损坏附件企业"}), path)
    sha = hashlib.sha256(data).hexdigest()
    with a1.ws.db.atomic():
        a1.ws.db.execute("UPDATE blob SET data = ? WHERE sha256 = ?", [data[:-1] + b"!", sha])
    result = a1.sync()  # the records still sync; the damaged bytes never leave the laptop
    assert result.pending == 0 and result.uploaded_blobs == 0
    assert any("已损坏" in w for w in result.warnings)
    assert Replica(a1.ws.db).pending_blobs() == [sha]


# -- processes killed mid-upload -------------------------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: Any, tmp_path: Path) -> Iterator[str]:
    if request.param == "postgres":
        if not postgres_available():
            pytest.skip("PostgreSQL at 127.0.0.1:5432 is not reachable")
        url = fresh_postgres_url()
        yield url
        drop_postgres(url)
    else:
        yield f"sqlite:///{tmp_path / 'server.db'}"


def test_server_killed_mid_upload_then_restarted_resumes(database_url: str, tmp_path: Path) -> None:
    from zsdesk.server.auth import add_user
    from zsdesk.server.cli import add_office
    from zsdesk.server.db import init_db, make_engine

    engine = make_engine(database_url)
    init_db(engine)
    add_user(engine, username="a1", password=PASSWORD, role="officer", offices=[add_office(engine, name=A)])
    ws = init_workspace(tmp_path / "a1.db", office=A, officer="a1")
    size = 3 * MB
    path, data = _scan(tmp_path, size)
    attach_file(ws, "enterprise", ws.store.create("enterprise", {"name": "服务器断电企业"}), path)
    proc, base = serve_process(database_url, "mid-blob-upload")
    try:
        with pytest.raises(SyncError) as err:
            sync_now(ws, server=base, username="a1", password=PASSWORD)
        assert err.value.kind == "network"
        assert proc.wait(10) == -9  # died right after committing the first chunk
    finally:
        proc.kill()
    proc, base = serve_process(database_url, None)
    try:
        wire = Wire()
        result = sync_now(ws, server=base, username="a1", password=PASSWORD, transport=wire)
    finally:
        proc.terminate()
        proc.wait(10)
    assert result.uploaded_blobs == 1 and result.pending == 0
    assert wire.sent == size - MB
    with engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT data FROM blobs").scalar()
    assert bytes(stored) == data
    ws.close()
    engine.dispose()


def test_client_killed_mid_upload_then_restarted_sends_only_the_rest(
    server: LiveServer, tmp_path: Path
) -> None:
    from .test_sync_kill import _run_sync

    server.user("a1", "officer", A)
    db = tmp_path / "a1.db"
    ws = init_workspace(db, office=A, officer="a1")
    size = 3 * MB + 123
    path, data = _scan(tmp_path, size)
    attach_file(ws, "enterprise", ws.store.create("enterprise", {"name": "本机断电企业"}), path)
    ws.close()
    killed = _run_sync(db, server, "mid-blob-upload")  # SIGKILL before the last chunk
    assert killed.returncode == -9, killed.stderr
    sha = hashlib.sha256(data).hexdigest()
    client = _client(server, "a1")
    assert _held(client, sha) == (404, str(3 * MB))
    assert _run_sync(db, server, None).returncode == 0
    assert _held(client, sha) == (200, None)
    assert client.download_blob(sha) == data
    client.close()
    with open_workspace(db) as ws:
        assert Replica(ws.db).pending_blobs() == []
