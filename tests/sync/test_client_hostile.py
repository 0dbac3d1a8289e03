"""A laptop syncing through a misbehaving proxy in front of the real server (SQLite and PostgreSQL).

Every case ends either with a completed sync (a transient fault healed by the bounded retry) or with
a SyncError in Chinese; never another exception, never an endless loop, and the local edit is never
lost: it is still pending in the outbox or it is on the server, and a clean sync afterwards delivers
it to the other laptop exactly once.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from zsdesk.cli import main
from zsdesk.server.db import changes
from zsdesk.services.sync import SyncResult, sync_now
from zsdesk.storage.replica import Replica
from zsdesk.sync.client import SyncClient, SyncError

from .harness import OFFICE_B, PASSWORD, Laptop, LiveServer, three_laptops
from .hostile_proxy import LOOP_GUARD, HostileProxy

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def _quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("zsdesk.sync.transport.RETRY_DELAY_S", 0.01, raising=False)


@pytest.fixture
def proxy(server: LiveServer) -> Iterator[HostileProxy]:
    p = HostileProxy(server.url)
    yield p
    p.stop()


def _via(laptop: Laptop, proxy: HostileProxy, **kw: object) -> SyncResult:
    return sync_now(laptop.ws, server=proxy.url, username=laptop.username, password=PASSWORD, **kw)  # type: ignore[arg-type]


def _pending_names(laptop: Laptop) -> list[str]:
    return [
        r["name"]
        for r in laptop.store.rows(
            "SELECT e.name FROM outbox o JOIN enterprise e ON e.id = o.row_id WHERE o.state = 'pending'"
        )
    ]


# (path, action, times, expected: "done" or a phrase of the Chinese error)
CASES = [
    ("/sync/pull", "html", -1, "网页"),
    ("/sync/pull", "html", 1, "done"),
    ("/sync/pull", "badjson", -1, "无法识别"),
    ("/sync/pull", "truncated", -1, "断开"),
    ("/sync/pull", "halfbody", 1, "done"),
    ("/sync/pull", "missing", -1, "缺少必要内容"),
    ("/sync/pull", "stuck", -1, "不再前进"),
    ("/sync/pull", "drop", -1, "断开"),
    ("/sync/pull", "drop", 2, "done"),
    ("/sync/push", "drop", 1, "done"),
    ("/sync/push", "drop", -1, "断开"),
    ("/sync/push", "html", -1, "网页"),
    ("/sync/push", "missing", -1, "缺少必要内容"),
    ("/sync/push", "truncated", 1, "done"),
]


@pytest.mark.parametrize(
    ("path", "action", "times", "expected"), CASES, ids=[f"{c[1]}-{c[0][6:]}-{c[2]}" for c in CASES]
)
def test_a_misbehaving_proxy_ends_in_a_chinese_error_or_a_sync_and_loses_no_edit(
    server: LiveServer, proxy: HostileProxy, tmp_path: Path, path: str, action: str, times: int, expected: str
) -> None:
    run_case(server, proxy, tmp_path, path, action, times, expected)


def run_case(
    server: LiveServer, proxy: HostileProxy, tmp_path: Path, path: str, action: str, times: int, expected: str
) -> None:
    """One CASES entry (also run against two server workers by test_client_hostile_workers.py)."""
    a1, a2, _ = three_laptops(server, tmp_path)
    _via(a1, proxy)
    a2.sync()
    a2.store.create("enterprise", {"name": "乙的企业"})  # something for a1 to pull
    a2.sync()
    eid = a1.store.create("enterprise", {"name": "甲的新企业"})
    proxy.spoil(path, action, times=times)
    try:
        result = _via(a1, proxy)
        outcome = "done"
    except SyncError as exc:  # any other exception is a failure of the test
        outcome = str(exc)
        assert CJK.search(outcome), outcome
        assert expected in outcome, outcome
    assert expected == "done" or outcome != "done", "the sync should have failed"
    # Bounded: the retries stop after a few attempts; nothing loops until the proxy's guard.
    assert proxy.spoiled[path] <= 3 < LOOP_GUARD and proxy.seen[path] <= 6
    # No lost edit: pending here, or already on the server.
    on_server = server_has(server, eid)
    assert "甲的新企业" in _pending_names(a1) or on_server
    if outcome == "done":
        assert result.pending == 0 and on_server
        assert "乙的企业" in {r["name"] for r in a1.rows("enterprise").values()}
    proxy.clear()
    _via(a1, proxy)
    a2.sync()
    assert [r["name"] for r in a2.rows("enterprise").values()].count("甲的新企业") == 1
    assert "乙的企业" in {r["name"] for r in a1.rows("enterprise").values()}
    with server.engine.connect() as conn:  # a push retried after a dropped answer applied once
        assert conn.execute(select(func.count()).where(changes.c.row_id == eid)).scalar_one() == 1


def server_has(server: LiveServer, row_id: str) -> bool:
    with server.engine.connect() as conn:
        return bool(conn.execute(select(func.count()).where(changes.c.row_id == row_id)).scalar_one())


def test_a_login_answered_by_a_captive_portal_is_a_chinese_error(
    server: LiveServer, proxy: HostileProxy, tmp_path: Path
) -> None:
    a1, _, _ = three_laptops(server, tmp_path)
    a1.store.create("enterprise", {"name": "门户后的企业"})
    proxy.spoil("/auth/login", "html")
    with pytest.raises(SyncError) as err:
        _via(a1, proxy)
    assert "网页" in str(err.value) and "Wi-Fi" in str(err.value)
    assert _pending_names(a1) == ["门户后的企业"]


def test_rows_of_another_office_in_a_page_are_not_stored(
    server: LiveServer, proxy: HostileProxy, tmp_path: Path
) -> None:
    a1, _, b1 = three_laptops(server, tmp_path)
    b1.sync()
    proxy.spoil("/sync/pull", "foreign", foreign_office=server.office(OFFICE_B))
    result = _via(a1, proxy)
    names = {r["name"] for r in a1.rows("enterprise").values()}
    assert "外办植入企业" not in names
    assert any("不属于您办事处" in w for w in result.warnings)


def test_cli_through_a_captive_portal_prints_chinese_and_keeps_the_edit(
    server: LiveServer,
    proxy: HostileProxy,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a1, _, _ = three_laptops(server, tmp_path)
    a1.store.create("enterprise", {"name": "命令行企业"})
    a1.close()
    proxy.spoil("/", "html")
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code = main(
        [
            "sync",
            "--db",
            str(tmp_path / "a1.db"),
            "--server",
            proxy.url,
            "--user",
            "a1",
            "--password-stdin",
            "--quiet",
        ]
    )
    err = capsys.readouterr().err
    assert code != 0 and "网页" in err and "Traceback" not in err
    a1.reopen()
    assert _pending_names(a1) == ["命令行企业"]


def test_a_scope_that_changes_on_every_page_stops_the_sync(
    server: LiveServer, proxy: HostileProxy, tmp_path: Path
) -> None:
    a1, a2, _ = three_laptops(server, tmp_path)
    for i in range(8):
        a2.store.create("enterprise", {"name": f"分页企业{i}"})
    a2.sync()
    a1.sync()  # adopts the server's office (services do that; this test drives the engine directly)
    a2.store.create("enterprise", {"name": "新分页企业"})
    a2.sync()
    eid = a1.store.create("enterprise", {"name": "范围企业"})
    proxy.spoil("/sync/pull", "flap")
    for i in range(8):
        a2.store.create("enterprise", {"name": f"更多企业{i}"})
    a2.sync()
    client = SyncClient(proxy.url, pull_limit=2)  # several pages: a new scope past page one restarts
    try:
        client.login("a1", PASSWORD)
        with pytest.raises(SyncError) as err:
            client.sync(Replica(a1.ws.db))
    finally:
        client.close()
    assert "反复变化" in str(err.value)
    assert proxy.seen["/sync/pull"] <= 10
    assert server_has(server, eid) or "范围企业" in _pending_names(a1)


def test_values_of_the_wrong_type_in_a_page_are_stored_blank_with_a_warning(
    server: LiveServer, proxy: HostileProxy, tmp_path: Path
) -> None:
    a1, a2, _ = three_laptops(server, tmp_path)
    eid = a2.store.create("enterprise", {"name": "类型错误企业", "address": "成都", "tags": ["重点"]})
    a2.sync()
    proxy.spoil("/sync/pull", "badvalues")
    result = _via(a1, proxy)  # no TypeError / OverflowError / ProgrammingError
    row = a1.rows("enterprise")[eid]
    assert (row["name"], row["address"], row["is_key"]) == (None, None, 0)
    assert any("格式不对" in w for w in result.warnings)
    proxy.clear()
    a1.store.create("enterprise", {"name": "之后的企业"})
    assert _via(a1, proxy).pending == 0  # the laptop keeps syncing
