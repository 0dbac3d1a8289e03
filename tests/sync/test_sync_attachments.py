"""Attachments reach other laptops: lazy download, prefetch of small blobs, retry after a cut upload
(resuming from the server's offset is tested in test_sync_resumable.py)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import httpx
import pytest

from zsdesk.services.sync import fetch_attachment
from zsdesk.services.visits import attach_file
from zsdesk.storage.replica import Replica
from zsdesk.sync.client import SyncError

from .harness import PASSWORD, LiveServer, three_laptops

A, B = "省政府驻上海办事处", "省政府驻广州办事处"


def _photo(tmp_path: Path, name: str, size: int) -> tuple[Path, bytes]:
    data = b"\xff\xd8\xff\xe0JFIF" + os.urandom(size)
    path = tmp_path / name
    path.write_bytes(data)
    return path, data


def test_big_photo_is_fetched_lazily_and_verified(server: LiveServer, tmp_path: Path) -> None:
    a1, a2, b1 = three_laptops(server, tmp_path)
    a1.sync()
    eid = a1.store.create("enterprise", {"name": "附件测试企业"})
    path, data = _photo(tmp_path, "现场照片.jpg", 3 * 1024 * 1024)  # above the prefetch limit
    att = attach_file(a1.ws, "enterprise", eid, path)
    assert a1.sync().uploaded_blobs == 1
    result = a2.sync()
    assert result.downloaded_blobs == 0
    sha = a2.store.get("attachment", att)["sha256"]
    assert not Replica(a2.ws.db).has_blob(sha)
    got = fetch_attachment(a2.ws, att, server=server.url, username="a2", password=PASSWORD)
    assert hashlib.sha256(got).hexdigest() == hashlib.sha256(data).hexdigest() == sha
    # Kept locally: opens offline afterwards (an unreachable server is never asked).
    assert fetch_attachment(a2.ws, att, server="http://127.0.0.1:9", username="a2") == data
    assert a2.sync().uploaded_blobs == 0  # a downloaded blob is never uploaded back
    # Another office's laptop cannot read it, even knowing the hash (no scope escape).
    b1.sync()
    with pytest.raises(SyncError) as err:
        from zsdesk.sync.client import SyncClient

        client = SyncClient(server.url)
        client.login("b1", PASSWORD)
        client.download_blob(sha)
    assert err.value.kind == "missing"


def test_small_photo_is_prefetched_after_pull(server: LiveServer, tmp_path: Path) -> None:
    a1, a2, _ = three_laptops(server, tmp_path)
    a1.sync()
    eid = a1.store.create("enterprise", {"name": "名片企业"})
    path, data = _photo(tmp_path, "名片.png", 50_000)
    att = attach_file(a1.ws, "enterprise", eid, path, kind="名片")
    a1.sync()
    assert a2.sync().downloaded_blobs == 1
    sha = a2.store.get("attachment", att)["sha256"]
    assert Replica(a2.ws.db).read_blob(sha) == data
    assert a2.sync().downloaded_blobs == 0


def test_cut_upload_is_retried_on_next_sync(server: LiveServer, tmp_path: Path) -> None:
    a1, a2, _ = three_laptops(server, tmp_path)
    a1.sync()
    eid = a1.store.create("enterprise", {"name": "扫描函件企业"})
    path, data = _photo(tmp_path, "函件.pdf", 1024 * 1024)
    att = attach_file(a1.ws, "enterprise", eid, path)

    class CutUpload(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if request.method in ("PUT", "PATCH"):
                raise httpx.WriteError("connection lost halfway through the upload")
            return super().handle_request(request)

    with pytest.raises(SyncError) as err:
        a1.sync(transport=CutUpload())
    assert err.value.kind == "network"
    assert Replica(a1.ws.db).pending_blobs()  # still owed to the server
    assert a1.sync().uploaded_blobs == 1
    a2.sync(prefetch_under=0)
    got = fetch_attachment(a2.ws, att, server=server.url, username="a2", password=PASSWORD)
    assert got == data
