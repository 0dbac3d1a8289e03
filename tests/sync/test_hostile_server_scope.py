"""Hostile use of attachments, accounts and the server's files, against the real server over loopback
HTTP (SQLite and PostgreSQL): a planted hash reads nothing, uploads have a quota and orphans are
purged, `init` creates every table, a new password ends old sessions, a moved row's conflicts follow
it, and neither the database's file mode nor its contents give away a bundle key."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import inspect

from zsdesk.domain.ids import uuid7
from zsdesk.server import blob_scope
from zsdesk.server import cli as server_cli
from zsdesk.server.auth import add_user
from zsdesk.server.blob_scope import purge_orphan_blobs
from zsdesk.server.bundles import import_bundle, issue_bundle_key
from zsdesk.server.db import make_engine
from zsdesk.server.keyfile import key_path
from zsdesk.services.bundles import _key
from zsdesk.services.visits import attach_file
from zsdesk.sync.bundle import BundleError, bundle_key, seal, token_hash, verify
from zsdesk.sync.protocol import version_headers

from .harness import OFFICE_A, OFFICE_B, PASSWORD, Laptop, LiveServer, three_laptops


def _login(server: LiveServer, username: str, password: str = PASSWORD) -> str:
    answer = httpx.post(
        f"{server.url}/auth/login",
        json={"username": username, "password": password},
        headers=version_headers(),
    )
    answer.raise_for_status()
    return str(answer.json()["token"])


def _auth(token: str) -> dict[str, str]:
    return {**version_headers(), "Authorization": f"Bearer {token}"}


def _push(server: LiveServer, token: str, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    answer = httpx.post(f"{server.url}/sync/push", json={"device_id": "d", "ops": ops}, headers=_auth(token))
    answer.raise_for_status()
    return list(answer.json()["results"])


def _attachment_op(row_id: str, office: str, owner: str, sha: str) -> dict[str, Any]:
    fields = {"owner_table": "enterprise", "owner_id": owner, "sha256": sha, "filename": "函件.jpg"}
    return {
        "op_id": uuid7(),
        "table": "attachment",
        "row_id": row_id,
        "kind": "create",
        "fields": {**fields, "office_id": office},
    }


def _b_photo(b1: Laptop, tmp_path: Path) -> tuple[str, bytes]:
    """Office B's attachment, uploaded by its own laptop."""
    data = b"\xff\xd8\xff\xe0JFIF" + os.urandom(3000)
    path = tmp_path / "乙的函件.jpg"
    path.write_bytes(data)
    attach_file(b1.ws, "enterprise", b1.store.create("enterprise", {"name": "乙企业"}), path)
    b1.sync()
    return hashlib.sha256(data).hexdigest(), data


def test_a_planted_hash_reads_nothing_and_head_tells_nothing(server: LiveServer, tmp_path: Path) -> None:
    a1, _, b1 = three_laptops(server, tmp_path)
    sha, data = _b_photo(b1, tmp_path)
    office_a = server.office(OFFICE_A)
    ta, tb = _login(server, "a1"), _login(server, "b1")
    assert httpx.get(f"{server.url}/blobs/{sha}", headers=_auth(tb)).content == data  # its own office
    eid = a1.store.create("enterprise", {"name": "甲企业"})
    a1.sync()
    planted = uuid7()
    assert _push(server, ta, [_attachment_op(planted, office_a, eid, sha)])[0]["outcome"] == "applied"
    assert httpx.get(f"{server.url}/blobs/{sha}", headers=_auth(ta)).status_code == 404
    head = httpx.head(f"{server.url}/blobs/{sha}", headers=_auth(ta))
    assert head.status_code == 404 and head.headers["Upload-Offset"] == "0"  # as for an unknown hash
    unknown = httpx.head(f"{server.url}/blobs/{'0' * 64}", headers=_auth(ta))
    assert dict(head.headers).keys() - {"date", "x-zsdesk-server-time"} == dict(unknown.headers).keys() - {
        "date",
        "x-zsdesk-server-time",
    }
    # A PATCH claiming the blob is done proves nothing: it is told to send the bytes.
    claim = httpx.patch(
        f"{server.url}/blobs/{sha}",
        content=b"",
        headers={**_auth(ta), "Upload-Offset": "0", "Upload-Length": str(len(data))},
    )
    assert claim.status_code == 200 and claim.json()["complete"] is False
    # Through a bundle's want list: nothing either.
    token = issue_bundle_key(server.engine, "a1")
    body = {"username": "a1", "device_id": "x", "cursor": 0, "ops": [], "want_blobs": [sha]}
    answer = verify(
        import_bundle(server.engine, seal("request", body, _key(token))), [_key(token)], kind="answer"
    )
    assert answer["_blobs"] == []
    # Deleting the planted record leaves nothing behind.
    _push(server, ta, [{"op_id": uuid7(), "table": "attachment", "row_id": planted, "kind": "delete"}])
    assert httpx.get(f"{server.url}/blobs/{sha}", headers=_auth(ta)).status_code == 404
    # Its own office still reads it; proving possession (the bytes) opens it to office A too.
    assert httpx.get(f"{server.url}/blobs/{sha}", headers=_auth(_login(server, "b1"))).content == data
    httpx.put(f"{server.url}/blobs/{sha}", content=data, headers=_auth(ta)).raise_for_status()
    _push(server, ta, [{"op_id": uuid7(), "table": "attachment", "row_id": planted, "kind": "undelete"}])
    assert httpx.get(f"{server.url}/blobs/{sha}", headers=_auth(ta)).content == data


def test_uploads_have_a_quota_and_orphan_blobs_are_purged(
    server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    three_laptops(server, tmp_path)
    monkeypatch.setattr(blob_scope, "USER_QUOTA_BYTES", 100_000)
    token = _login(server, "a1")
    first, second = os.urandom(60_000), os.urandom(60_000)
    put = lambda data: httpx.put(  # noqa: E731
        f"{server.url}/blobs/{hashlib.sha256(data).hexdigest()}", content=data, headers=_auth(token)
    )
    assert put(first).status_code == 200
    refused = put(second)
    assert refused.status_code == 413 and "上限" in refused.json()["detail"]
    assert put(first).status_code == 200  # the same bytes again cost nothing
    # The same quota holds for bytes carried in a sync bundle.
    key = _key(issue_bundle_key(server.engine, "a1"))
    body = {"username": "a1", "device_id": "x", "cursor": 0, "ops": []}
    with pytest.raises(BundleError, match="上限"):
        import_bundle(
            server.engine, seal("request", body, key, blobs=[(hashlib.sha256(second).hexdigest(), second)])
        )
    # Nothing references `first`: kept during the grace period, purged after it, and the quota frees.
    now = blob_scope._now_ms()
    assert purge_orphan_blobs(server.engine, now_ms=now) == 0
    assert purge_orphan_blobs(server.engine, now_ms=now + 8 * 24 * 3600 * 1000) == 1
    assert put(second).status_code == 200


def test_a_referenced_blob_survives_the_orphan_purge(server: LiveServer, tmp_path: Path) -> None:
    _, _, b1 = three_laptops(server, tmp_path)
    sha, data = _b_photo(b1, tmp_path)
    assert purge_orphan_blobs(server.engine, now_ms=blob_scope._now_ms() + 30 * 24 * 3600 * 1000) == 0
    assert httpx.get(f"{server.url}/blobs/{sha}", headers=_auth(_login(server, "b1"))).content == data


def test_a_new_password_revokes_old_tokens(server: LiveServer, tmp_path: Path) -> None:
    three_laptops(server, tmp_path)
    old = _login(server, "a1")
    office = server.office(OFFICE_A)
    add_user(server.engine, username="a1", password=PASSWORD, role="officer", offices=[office])
    assert httpx.get(f"{server.url}/auth/me", headers=_auth(old)).status_code == 200  # same password
    add_user(server.engine, username="a1", password="a-new-pass-2", role="officer", offices=[office])
    assert httpx.get(f"{server.url}/auth/me", headers=_auth(old)).status_code == 401
    assert (
        httpx.get(f"{server.url}/auth/me", headers=_auth(_login(server, "a1", "a-new-pass-2"))).status_code
        == 200
    )


def test_a_conflict_follows_its_row_to_the_new_office(server: LiveServer, tmp_path: Path) -> None:
    a1, a2, b1 = three_laptops(server, tmp_path)
    server.user("lead", "lead", OFFICE_A, OFFICE_B)
    eid = a1.store.create("enterprise", {"name": "迁移企业"})
    a1.sync()
    a2.sync()
    a1.store.update("enterprise", eid, {"note": "甲的备注"})
    a2.store.update("enterprise", eid, {"note": "乙的备注"})
    a1.sync()
    a2.sync()  # a conflict on `note`, in office A
    lead = Laptop(server, tmp_path / "lead.db", "lead", OFFICE_A)
    lead.sync()
    lead.store.update("enterprise", eid, {"office_id": server.office(OFFICE_B)})
    lead.sync()
    b1.sync()
    with server.engine.connect() as conn:
        offices = (
            conn.exec_driver_sql(f"SELECT office_id FROM conflicts WHERE row_id = '{eid}'").scalars().all()
        )
    assert offices == [server.office(OFFICE_B)]
    pulled = httpx.get(
        f"{server.url}/sync/pull", params={"since": 0}, headers=_auth(_login(server, "b1"))
    ).json()
    assert [c["row_id"] for c in pulled["conflicts"]] == [eid]


def test_init_creates_every_table_and_a_private_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ZSDESK_SERVER_KEY_FILE", raising=False)
    url = f"sqlite:///{tmp_path / 'never-served.db'}"
    assert server_cli.main(["init", "--database", url]) == 0
    engine = make_engine(url)
    served = make_engine(f"sqlite:///{tmp_path / 'served.db'}")
    from zsdesk.server.app import create_app

    create_app(str(served.url), engine=served)
    assert set(inspect(engine).get_table_names()) == set(inspect(served).get_table_names())
    assert stat.S_IMODE((tmp_path / "never-served.db").stat().st_mode) == 0o600
    # A second bundle import on a never-served database works (the upload tables exist).
    office = server_cli.add_office(engine, name=OFFICE_A)
    add_user(engine, username="gap", password=PASSWORD, role="officer", offices=[office])
    token = issue_bundle_key(engine, "gap")
    for _ in range(2):
        body = {"username": "gap", "device_id": "x", "cursor": 0, "ops": []}
        import_bundle(engine, seal("request", body, _key(token)))
    assert stat.S_IMODE(key_path(url).stat().st_mode) == 0o600


def test_a_copy_of_the_database_derives_no_bundle_key(server: LiveServer, tmp_path: Path) -> None:
    three_laptops(server, tmp_path)
    token = _login(server, "a1")
    with server.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT token_hash FROM tokens").scalars().all()
        wrapped = conn.exec_driver_sql("SELECT wrapped FROM token_keys").scalars().all()
    assert token_hash(token) not in stored and token_hash(token) not in wrapped
    assert _key(token) not in {bundle_key(h) for h in [*stored, *wrapped]}
    # The server itself (holding the key file) still verifies the laptop's bundle.
    body = {"username": "a1", "device_id": "x", "cursor": 0, "ops": []}
    verify(import_bundle(server.engine, seal("request", body, _key(token))), [_key(token)], kind="answer")
