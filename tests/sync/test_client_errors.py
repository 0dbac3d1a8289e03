"""The client engine's errors are plain Chinese and leave the outbox alone (no server needed)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from zsdesk.storage import engine
from zsdesk.sync.client import SyncClient, SyncError


class FakeReplica:
    """A minimal ReplicaStore: two pending ops, records what the engine did."""

    def __init__(self, fail_apply: Exception | None = None) -> None:
        self.ops = [{"op_id": "o1", "table": "enterprise", "row_id": "r1", "kind": "create", "fields": {}}]
        self.results: list[dict[str, Any]] = []
        self.fail_apply = fail_apply

    def device_id(self) -> str:
        return "dev"

    def cursor(self) -> int:
        return 0

    def pending_ops(self, limit: int = 1000) -> list[dict[str, Any]]:
        return [] if self.results else self.ops

    def pending_count(self) -> int:
        return 0 if self.results else len(self.ops)

    def record_results(self, results: list[dict[str, Any]]) -> None:
        self.results.extend(results)

    def apply_page(self, page: dict[str, Any]) -> int:
        if self.fail_apply:
            raise self.fail_apply
        return len(page["rows"])

    def reset_scope(self, scope_key: str, office_ids: set[str] | None) -> bool:
        return False

    def pending_blobs(self) -> list[str]:
        return []

    def read_blob(self, sha256: str) -> bytes:
        return b""

    def mark_blob_uploaded(self, sha256: str) -> None:
        pass


def _client(handler: Any) -> SyncClient:
    return SyncClient("http://zs.test", token="t", transport=httpx.MockTransport(handler))


def _ok(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/sync/push":
        return httpx.Response(
            200, json={"results": [{"op_id": "o1", "outcome": "applied", "seq": 1}], "server_seq": 1}
        )
    return httpx.Response(
        200, json={"rows": [], "cursor": 1, "has_more": False, "server_seq": 1, "server_time_ms": 0}
    )


def test_server_error_is_chinese_and_outbox_untouched() -> None:
    replica = FakeReplica()
    with pytest.raises(SyncError) as err:
        _client(lambda r: httpx.Response(500, text="boom")).sync(replica)
    assert err.value.kind == "server" and "服务器出错" in str(err.value)
    assert replica.results == []


def test_network_down_is_chinese() -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route")

    with pytest.raises(SyncError) as err:
        _client(down).sync(FakeReplica())
    assert err.value.kind == "network" and "网络" in str(err.value)


def test_disk_full_is_chinese() -> None:
    replica = FakeReplica(fail_apply=engine.OperationalError("database or disk is full"))
    with pytest.raises(SyncError) as err:
        _client(_ok).sync(replica)
    assert err.value.kind == "disk" and "磁盘空间不足" in str(err.value)


def test_cancel_stops_before_the_next_step_and_progress_is_reported() -> None:
    seen: list[tuple[float, str]] = []
    replica = FakeReplica()
    with pytest.raises(SyncError) as err:
        _client(_ok).sync(
            replica, progress=lambda f, t: seen.append((f, t)), cancel=lambda: bool(replica.results)
        )
    assert err.value.kind == "cancelled" and "取消" in str(err.value)
    assert replica.results and seen and all(0 <= f <= 1 for f, _ in seen)
