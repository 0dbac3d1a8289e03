"""Tombstone purge horizon and re-snapshot (SYNC.md §6): no resurrection after a purge."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from zsdesk.server import cli as server_cli
from zsdesk.server.purge import mark_seq, purge_seq, purge_tombstones
from zsdesk.services.sync import rejected_ops
from zsdesk.sync.client import SyncError
from zsdesk.sync.protocol import RESNAPSHOT_STATUS

from .harness import PASSWORD, Laptop, LiveServer

A = "省政府驻上海办事处"
DAY_MS = 24 * 3600 * 1000


def _server_ids(server: LiveServer) -> set[str]:
    with server.engine.connect() as conn:
        return {r[0] for r in conn.exec_driver_sql("SELECT id FROM records WHERE table_name = 'enterprise'")}


def test_old_cursor_re_snapshots_after_purge_without_resurrection(server: LiveServer, tmp_path: Path) -> None:
    server.user("a1", "officer", A)
    server.user("a2", "officer", A)
    a1, a2 = Laptop(server, tmp_path / "a1.db", "a1", A), Laptop(server, tmp_path / "a2.db", "a2", A)
    gone = a1.store.create("enterprise", {"name": "早已注销企业"})
    kept = a1.store.create("enterprise", {"name": "仍在跟踪企业"})
    a1.sync()
    a2.sync()
    # a2 goes offline for a long time, editing the row a1 is about to delete and another one.
    a2.store.update("enterprise", gone, {"note": "离线时补充的备注"})
    a2.store.update("enterprise", kept, {"note": "离线修改"})
    fresh = a2.store.create("enterprise", {"name": "离线新登记企业"})
    a1.store.delete("enterprise", gone)
    a1.sync()

    now = time.time_ns() // 1_000_000
    young = purge_tombstones(server.engine, older_than_days=180, now_ms=now)
    assert young.purged == 0 and gone in _server_ids(server)  # not older than the horizon yet
    mark_seq(server.engine, now)  # the daily purge run's ruler: the delete's seq is now "old"
    report = purge_tombstones(server.engine, older_than_days=180, now_ms=now + 181 * DAY_MS)
    assert report.purged == 1 and report.purge_seq >= 1
    assert gone not in _server_ids(server)
    assert purge_seq(server.engine) == report.purge_seq

    # A client below the purge seq is told to re-snapshot; a v1-style pull without the flag fails safely.
    token = httpx.post(
        f"{server.url}/auth/login",
        json={"username": "a2", "password": PASSWORD},
        headers={"X-Zsdesk-Protocol": "2", "X-Zsdesk-Schema": "2"},
    ).json()["token"]
    stale = httpx.get(
        f"{server.url}/sync/pull",
        params={"since": 1},
        headers={"Authorization": f"Bearer {token}", "X-Zsdesk-Protocol": "2", "X-Zsdesk-Schema": "2"},
    )
    assert stale.status_code == RESNAPSHOT_STATUS and "重新下载" in stale.json()["detail"]

    result = a2.sync()
    assert result.resnapshot and result.dropped == 1
    assert any("重新下载全部数据" in w for w in result.warnings)
    assert result.pending == 0
    (refused,) = rejected_ops(a2.ws)  # the edit to the purged row stays visible, never applied
    assert refused["row_id"] == gone
    assert gone not in a2.rows("enterprise")  # no resurrection
    assert a2.store.get("enterprise", kept)["note"] == "离线修改"  # pushed before the re-snapshot
    assert fresh in a2.rows("enterprise") and fresh in _server_ids(server)
    assert gone not in _server_ids(server)
    again = a2.sync()
    assert not again.resnapshot and again.dropped == 0
    a1.sync()
    assert not a1.sync().resnapshot  # an up-to-date cursor is never sent back to 0
    assert set(a1.rows("enterprise", live_only=True)) == set(a2.rows("enterprise", live_only=True))
    assert {r["note"] for r in a1.rows("enterprise", live_only=True).values()} >= {"离线修改"}


def test_purge_cli_and_pending_rows_survive_re_snapshot(server: LiveServer, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    server.user("a1", "officer", A)
    server.user("a2", "officer", A)
    a1, a2 = Laptop(server, tmp_path / "a1.db", "a1", A), Laptop(server, tmp_path / "a2.db", "a2", A)
    doomed = a1.store.create("enterprise", {"name": "待删企业"})
    a1.sync()
    a2.sync()
    a1.store.delete("enterprise", doomed)
    a1.sync()
    code = server_cli.main(["purge-tombstones", "--database", server.database_url, "--older-than-days", "0"])
    assert code == 0 and "已清理 1 条" in capsys.readouterr().out
    # a2 edited the doomed row while its sync was interrupted right after the push (simulated by a
    # pending op appearing after the push): rows with pending ops are never dropped by a re-snapshot.
    replica_ops_before = a2.store.pending_ops()
    assert replica_ops_before == 0
    from zsdesk.storage.replica import Replica

    replica = Replica(a2.ws.db)
    replica.begin_resnapshot()
    a2.store.update("enterprise", doomed, {"note": "同步中途的修改"})
    page = {"rows": [], "conflicts": [], "cursor": 0, "has_more": False}
    replica.apply_page(page)
    replica.finish_resnapshot()  # this empty page "saw" nothing: every synced row without ops goes
    assert doomed in a2.rows("enterprise")  # pending: kept for the next push to settle
    result = a2.sync()  # push: refused (purged), then re-snapshot drops it
    assert result.rejected == 1 and doomed not in a2.rows("enterprise")
    assert len(a2.rows("office")) == 1  # the rest came back with the next full pull


def test_interrupted_re_snapshot_resumes(server: LiveServer, tmp_path: Path) -> None:
    server.user("a1", "officer", A)
    server.user("a2", "officer", A)
    a1, a2 = Laptop(server, tmp_path / "a1.db", "a1", A), Laptop(server, tmp_path / "a2.db", "a2", A)
    doomed = a1.store.create("enterprise", {"name": "将被清理企业"})
    a1.sync()
    a2.sync()
    a1.store.delete("enterprise", doomed)
    a1.sync()
    assert purge_tombstones(server.engine, older_than_days=0).purged == 1

    class DropResnapshotPage(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            response = super().handle_request(request)
            if "resnapshot=true" in str(request.url):
                response.read()
                raise httpx.ReadError("connection lost during the re-snapshot")
            return response

    with pytest.raises(SyncError):
        a2.sync(transport=DropResnapshotPage())
    assert doomed in a2.rows("enterprise")  # nothing dropped yet: the re-snapshot is not finished
    result = a2.sync()  # resumes the re-snapshot (no second 409 loop) and finishes it
    assert result.resnapshot and result.dropped == 1 and doomed not in a2.rows("enterprise")
    assert not a2.sync().resnapshot
