"""Attachment bytes in signed sync bundles (SYNC.md §11), end to end with real files: an air-gapped
laptop's photos reach the server through `zsdesk-server import-bundle` and other laptops through
normal sync; the answer brings small attachments back; older bundles still import."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from zsdesk.server import cli as server_cli
from zsdesk.server.bundles import import_bundle, issue_bundle_key
from zsdesk.services.bundles import _key, export_bundle, import_answer
from zsdesk.services.sync import fetch_attachment
from zsdesk.services.visits import attach_file
from zsdesk.storage.replica import Replica
from zsdesk.sync.bundle import BundleError, read_header, seal
from zsdesk.sync.client import SyncClient, SyncError

from .harness import PASSWORD, Laptop, LiveServer

A, B = "省政府驻上海办事处", "省政府驻广州办事处"
KB = 1024


def _photo(tmp_path: Path, name: str, size: int) -> tuple[Path, bytes]:
    data = b"\xff\xd8\xff\xe0JFIF" + os.urandom(size - 8)
    path = tmp_path / name
    path.write_bytes(data)
    return path, data


def _server_blob(server: LiveServer, sha: str) -> bytes | None:
    with server.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT sha256, data FROM blobs").all()
    return next((bytes(data) for s, data in rows if s == sha), None)


def _import_at_server(server: LiveServer, request: Path, answer: Path) -> None:
    """What the server's admin runs: `zsdesk-server import-bundle`."""
    argv = ["import-bundle", str(request), "--out", str(answer), "--database", server.database_url]
    assert server_cli.main(argv) == 0


def test_air_gapped_photo_reaches_the_office_and_small_photos_come_back(
    server: LiveServer, tmp_path: Path
) -> None:
    server.user("a2", "officer", A)
    server.user("gap", "officer", A)
    server.user("b1", "officer", B)
    key = issue_bundle_key(server.engine, "gap")
    online, gap = Laptop(server, tmp_path / "a2.db", "a2", A), Laptop(server, tmp_path / "gap.db", "gap", A)
    # The online colleague has a business card (small) and a site photo (above the 2 MB prefetch).
    eid = online.store.create("enterprise", {"name": "联网办事处企业"})
    _, card = _photo(tmp_path, "名片.jpg", 60 * KB)
    _, site = _photo(tmp_path, "厂房全景.jpg", 3 * 1024 * KB)
    card_att = attach_file(online.ws, "enterprise", eid, tmp_path / "名片.jpg", kind="名片")
    site_att = attach_file(online.ws, "enterprise", eid, tmp_path / "厂房全景.jpg")
    online.sync()

    # Hello (the laptop learns its office) without prefetching: no attachment bytes come back yet.
    export_bundle(gap.ws, tmp_path / "hello.zsb", username="gap", token=key, prefetch_under=0)
    _import_at_server(server, tmp_path / "hello.zsb", tmp_path / "hello-ans.zsb")
    hello = import_answer(gap.ws, tmp_path / "hello-ans.zsb", username="gap", token=key)
    assert hello.blobs_received == 0 and card_att in gap.rows("attachment")

    # Offline work with a real photo, exported in the next bundle together with its record.
    visit_photo, photo = _photo(tmp_path, "现场照片.jpg", 1536 * KB)
    mine = gap.store.create("enterprise", {"name": "内网企业"})
    gap_att = attach_file(gap.ws, "enterprise", mine, visit_photo)
    sha = hashlib.sha256(photo).hexdigest()
    request, answer = tmp_path / "req.zsb", tmp_path / "ans.zsb"
    exported = export_bundle(gap.ws, request, username="gap", token=key)
    assert (exported.blobs, exported.blob_bytes) == (1, len(photo))
    assert "1 个附件" in exported.summary()
    assert read_header(request.read_bytes())[0]["v"] == 3  # attachment bytes inside, encrypted
    assert _server_blob(server, sha) is None
    _import_at_server(server, request, answer)
    assert _server_blob(server, sha) == photo  # verified and stored at import
    got = import_answer(gap.ws, answer, username="gap", token=key)
    assert got.blobs_stored == 1 and Replica(gap.ws.db).pending_blobs() == []
    # The answer brought what the laptop asked for (the card: small, missing) and nothing too big.
    assert got.blobs_received == 1 and "本机收到 1 个" in got.summary()
    card_sha = hashlib.sha256(card).hexdigest()
    assert Replica(gap.ws.db).read_blob(card_sha) == card
    assert not Replica(gap.ws.db).has_blob(hashlib.sha256(site).hexdigest())
    assert gap.store.pending_ops() == 0

    # The colleague's laptop gets the photo through a normal online sync (prefetched: < 2 MB).
    result = online.sync()
    assert result.downloaded_blobs == 1
    assert fetch_attachment(online.ws, gap_att, server="http://127.0.0.1:9", username="a2") == photo
    # Nobody outside the office can read it, bundle or not (scope unchanged).
    other = SyncClient(server.url)
    other.login("b1", PASSWORD)
    with pytest.raises(SyncError) as err:
        other.download_blob(sha)
    assert err.value.kind == "missing"
    other.close()
    # The laptop does not send the photo again; the big site photo still waits for an online moment.
    again = export_bundle(gap.ws, tmp_path / "req2.zsb", username="gap", token=key)
    assert again.blobs == 0
    assert site_att in gap.rows("attachment")


def test_blobs_over_the_bundle_budget_go_in_the_next_bundle(server: LiveServer, tmp_path: Path) -> None:
    server.user("gap", "officer", A)
    key = issue_bundle_key(server.engine, "gap")
    gap = Laptop(server, tmp_path / "gap.db", "gap", A)
    shas = []
    for i in range(3):
        path, data = _photo(tmp_path, f"照片{i}.jpg", 400 * KB)
        attach_file(gap.ws, "enterprise", gap.store.create("enterprise", {"name": f"企业{i}"}), path)
        shas.append(hashlib.sha256(data).hexdigest())
    # The hello may already carry blobs (content-addressed, no office needed).
    first = export_bundle(gap.ws, tmp_path / "r1.zsb", username="gap", token=key, blob_budget=900 * KB)
    assert first.first and (first.blobs, first.blobs_left) == (2, 1)
    assert "下一个同步包" in first.summary()
    (tmp_path / "a1.zsb").write_bytes(import_bundle(server.engine, (tmp_path / "r1.zsb").read_bytes()))
    assert import_answer(gap.ws, tmp_path / "a1.zsb", username="gap", token=key).blobs_stored == 2
    second = export_bundle(gap.ws, tmp_path / "r2.zsb", username="gap", token=key, blob_budget=900 * KB)
    assert (second.blobs, second.blobs_left, second.ops) == (1, 0, 6)
    (tmp_path / "a2.zsb").write_bytes(import_bundle(server.engine, (tmp_path / "r2.zsb").read_bytes()))
    import_answer(gap.ws, tmp_path / "a2.zsb", username="gap", token=key)
    assert Replica(gap.ws.db).pending_blobs() == [] and gap.store.pending_ops() == 0
    assert all(_server_blob(server, sha) is not None for sha in shas)


def test_altered_blob_bytes_are_refused(server: LiveServer, tmp_path: Path) -> None:
    server.user("gap", "officer", A)
    token = issue_bundle_key(server.engine, "gap")
    gap = Laptop(server, tmp_path / "gap.db", "gap", A)
    path, data = _photo(tmp_path, "函件.jpg", 100 * KB)
    attach_file(gap.ws, "enterprise", gap.store.create("enterprise", {"name": "篡改测试"}), path)
    request = tmp_path / "req.zsb"
    export_bundle(gap.ws, request, username="gap", token=token)
    raw = bytearray(request.read_bytes())
    raw[-100] ^= 1  # inside the photo bytes: the signature covers them
    with pytest.raises(BundleError) as err:
        import_bundle(server.engine, bytes(raw))
    assert "签名校验失败" in str(err.value)
    # Correctly signed, but the bytes do not match the name they are listed under.
    body = {"username": "gap", "device_id": "x", "cursor": 0, "ops": []}
    forged = seal("request", body, _key(token), blobs=[("0" * 64, data)])
    with pytest.raises(BundleError) as err:
        import_bundle(server.engine, forged)
    assert "不符" in str(err.value)
    with server.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM blobs").scalar() == 0


def test_a_format_1_bundle_still_imports_and_gets_a_format_1_answer(
    server: LiveServer, tmp_path: Path
) -> None:
    server.user("gap", "officer", A)
    token = issue_bundle_key(server.engine, "gap")
    gap = Laptop(server, tmp_path / "gap.db", "gap", A)
    export_bundle(gap.ws, tmp_path / "hello.zsb", username="gap", token=token)
    (tmp_path / "hello-ans.zsb").write_bytes(
        import_bundle(server.engine, (tmp_path / "hello.zsb").read_bytes())
    )
    import_answer(gap.ws, tmp_path / "hello-ans.zsb", username="gap", token=token)
    eid = gap.store.create("enterprise", {"name": "旧版同步包企业"})
    replica = Replica(gap.ws.db)
    # Exactly what zsdesk before attachment bundles wrote: format 1, no blobs, no want list.
    body = {
        "username": "gap",
        "device_id": replica.device_id(),
        "bundle_id": "old-1",
        "cursor": replica.cursor(),
        "ops": replica.pending_ops(limit=1000),
        "created_ms": 0,
    }
    old = seal("request", body, _key(token), version=1)
    assert read_header(old)[0]["v"] == 1 and "payload" not in read_header(old)[0]
    answer = import_bundle(server.engine, old)
    header, _ = read_header(answer)
    assert header["v"] == 1 and "payload" not in header  # readable by the old laptop
    (tmp_path / "old-ans.zsb").write_bytes(answer)
    result = import_answer(gap.ws, tmp_path / "old-ans.zsb", username="gap", token=token)
    assert result.applied >= 1 and gap.store.pending_ops() == 0
    with server.engine.connect() as conn:
        names = [
            json.loads(d)["name"]
            for (d,) in conn.exec_driver_sql("SELECT data FROM records WHERE id = '" + eid + "'")
        ]
    assert names == ["旧版同步包企业"]
