"""Hostile pushes and requests against the real server over loopback HTTP (SQLite and PostgreSQL):
bad values are refused per op while the batch applies, NUL bytes never reach the database, the
author and clock come from the server, bodies are cut off while they stream, pages are capped by
bytes, and the login limit holds under parallel guesses and floods of made-up names."""

from __future__ import annotations

import json
import socket
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from zsdesk.domain.hlc import format_hlc, parse_hlc
from zsdesk.domain.ids import uuid7
from zsdesk.server import auth
from zsdesk.server.limits import MAX_AUTH_BODY_BYTES, PAGE_MAX_BYTES
from zsdesk.sync.protocol import version_headers

from .harness import OFFICE_A, PASSWORD, LiveServer, three_laptops


def _login(server: LiveServer, username: str) -> str:
    answer = httpx.post(
        f"{server.url}/auth/login",
        json={"username": username, "password": PASSWORD},
        headers=version_headers(),
    )
    answer.raise_for_status()
    return str(answer.json()["token"])


def _push(server: LiveServer, token: str, ops: list[dict[str, Any]], device: str = "dev-1") -> httpx.Response:
    return httpx.post(
        f"{server.url}/sync/push",
        json={"device_id": device, "ops": ops},
        headers={**version_headers(), "Authorization": f"Bearer {token}"},
        timeout=120,
    )


def _op(table: str, row_id: str, kind: str, fields: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"op_id": uuid7(), "table": table, "row_id": row_id, "kind": kind, "fields": fields, **extra}


def _db(server: LiveServer, sql: str) -> list[Any]:
    with server.engine.connect() as conn:
        return list(conn.exec_driver_sql(sql).all())


def test_values_no_laptop_could_store_are_rejected_and_the_rest_of_the_batch_applies(
    server: LiveServer, tmp_path: Any
) -> None:
    a1, a2, _ = three_laptops(server, tmp_path)
    eid = a1.store.create("enterprise", {"name": "正常企业"})
    pid = a1.store.create("project", {"name": "正常项目", "enterprise_id": eid})
    a1.sync()
    token = _login(server, "a1")
    bad = [
        ("enterprise", eid, {"tags": 5}),
        ("enterprise", eid, {"name": {"x": 1}}),
        ("enterprise", eid, {"address": [1, 2]}),
        ("enterprise", eid, {"industry": "不存在的行业"}),
        ("enterprise", eid, {"is_key": "yes"}),
        ("project", pid, {"planned_wan": 2**80}),
        ("project", pid, {"signed_date": "2024-13-45"}),
        ("enterprise", eid, {"name": "名" * 201}),
    ]
    ops = [_op(t, r, "update", f) for t, r, f in bad]
    ops.append(_op("enterprise", eid, "update", {"note": "同一批里的正常修改"}))
    answer = _push(server, token, ops)
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert [r["outcome"] for r in results] == ["rejected"] * len(bad) + ["applied"]
    assert all("服务器未接受" in r["reason"] for r in results[:-1])
    assert "过长" in results[-2]["reason"]
    # Every other laptop of the office still syncs, and sees only the good edit.
    a2.sync()
    row = a2.rows("enterprise")[eid]
    assert row["name"] == "正常企业" and row["note"] == "同一批里的正常修改"
    assert a2.rows("project")[pid]["planned_wan"] is None
    # The longest allowed value is taken (the limit is the domain's, not a guess).
    office = server.office(OFFICE_A)
    ok = _push(server, token, [_op("visit", uuid7(), "create", _visit(eid, office, "记" * 20_000))])
    assert ok.json()["results"][0]["outcome"] == "applied"
    over = _push(server, token, [_op("visit", uuid7(), "create", _visit(eid, office, "记" * 20_001))])
    assert over.json()["results"][0]["outcome"] == "rejected"


def _visit(eid: str, office: str, minutes: str) -> dict[str, Any]:
    return {
        "date": "2026-11-02",
        "enterprise_id": eid,
        "form": "上门拜访",
        "minutes": minutes,
        "office_id": office,
    }


def test_nul_bytes_give_a_rejected_op_never_a_server_error(server: LiveServer, tmp_path: Any) -> None:
    three_laptops(server, tmp_path)
    office = server.office(OFFICE_A)
    token = _login(server, "a1")
    good = uuid7()
    ops = [
        _op("enterprise", "bad\x00id", "create", {"name": "空字符编号", "office_id": office}),
        _op("enterprise", uuid7(), "create", {"name": "名\x00称", "office_id": office}),
        _op("enterprise", uuid7(), "create", {"name": "办事处", "office_id": "x\x00"}),
        _op(
            "enterprise", good, "create", {"name": "好企业", "office_id": office}, author="a\x00", hlc="\x00"
        ),
    ]
    answer = _push(server, token, ops, device="dev\x00ice")
    assert answer.status_code == 200
    assert [r["outcome"] for r in answer.json()["results"]] == ["rejected", "rejected", "rejected", "applied"]
    assert "空字符" in answer.json()["results"][0]["reason"]
    assert _db(server, f"SELECT count(*) FROM records WHERE id = '{good}'")[0][0] == 1
    # A replay of the same batch answers the same, still without an error.
    again = _push(server, token, ops, device="dev\x00ice")
    assert [r["outcome"] for r in again.json()["results"]] == ["rejected", "rejected", "rejected", "applied"]
    login = httpx.post(
        f"{server.url}/auth/login",
        json={"username": "a1\x00", "password": PASSWORD},
        headers=version_headers(),
    )
    assert login.status_code == 401 and "错误" in login.json()["detail"]


def test_author_comes_from_the_token_and_a_far_future_clock_is_clamped(
    server: LiveServer, tmp_path: Any
) -> None:
    a1, a2, _ = three_laptops(server, tmp_path)
    eid = a1.store.create("enterprise", {"name": "时钟企业"})
    a1.sync()
    a2.sync()
    base = a2.rows("enterprise")[eid]["version"]
    year_33658 = format_hlc(999_999_999_999_999, 0, "laptop")
    t1, t2 = _login(server, "a1"), _login(server, "a2")
    first = _push(
        server,
        t1,
        [_op("enterprise", eid, "update", {"note": "甲"}, base_version=base, author="局长", hlc=year_33658)],
    )
    result = first.json()["results"][0]
    assert result["outcome"] == "applied" and "时钟" in result["reason"]
    second = _push(
        server,
        t2,
        [_op("enterprise", eid, "update", {"note": "乙"}, base_version=base, author="局长")],
        device="dev-2",
    )
    conflict = second.json()["results"][0]["conflicts"][0]
    assert {conflict["kept_author"], conflict["lost_author"]} == {"a1", "a2"}
    rows = _db(server, f"SELECT author, hlc FROM changes WHERE row_id = '{eid}' ORDER BY seq")
    assert [author for author, _ in rows] == ["a1", "a1", "a2"]
    assert rows[1][1] and all(parse_hlc(h)[0] <= time.time() * 1000 + 5 * 60 * 1000 for _, h in rows if h)


def _chunked_post(url: str, path: str, total: int) -> tuple[int, bytes]:
    """POST `total` bytes with chunked encoding on a raw socket until the server answers; returns
    (bytes sent before the answer, the answer's first bytes)."""
    host, port = url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)))
    head = (
        f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
    )
    for name, value in version_headers().items():
        head += f"{name}: {value}\r\n"
    sock.sendall((head + "\r\n").encode())
    piece = b'{"username": "' + b"a" * (64 * 1024)
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    sent = 0
    sock.settimeout(0.0)
    try:
        while sent < total:
            try:
                if sock.recv(1, socket.MSG_PEEK):
                    break
            except BlockingIOError:
                pass
            sock.settimeout(5)
            sock.sendall(chunk)
            sock.settimeout(0.0)
            sent += len(piece)
    except OSError:
        pass  # the server closed the connection after its answer
    sock.settimeout(10)
    answer = sock.recv(200)
    sock.close()
    return sent, answer


def test_a_chunked_body_is_cut_off_while_it_streams(server: LiveServer) -> None:
    sent, answer = _chunked_post(server.url, "/auth/login", 300 * 1024 * 1024)
    assert answer.startswith(b"HTTP/1.1 413"), answer
    assert sent < 32 * 1024 * 1024  # refused long before the 300 MB were sent, not after reading them
    assert MAX_AUTH_BODY_BYTES < 1024 * 1024
    assert httpx.get(f"{server.url}/health").status_code == 200


def test_pull_pages_are_capped_by_bytes_and_still_bring_everything(server: LiveServer, tmp_path: Any) -> None:
    a1, a2, _ = three_laptops(server, tmp_path)
    eid = a1.store.create("enterprise", {"name": "长纪要企业"})
    a1.sync()
    office = server.office(OFFICE_A)
    token = _login(server, "a1")
    big = {"minutes": "纪" * 20_000, "demands_text": "诉" * 5_000, "next_steps": "下" * 5_000}
    ops = [_op("visit", uuid7(), "create", {**_visit(eid, office, ""), **big}) for _ in range(110)]
    assert all(r["outcome"] == "applied" for r in _push(server, token, ops).json()["results"])
    page = httpx.get(
        f"{server.url}/sync/pull",
        params={"since": 0, "limit": 2000},
        headers={**version_headers(), "Authorization": f"Bearer {token}"},
        timeout=60,
    )
    body = json.loads(page.content)
    assert body["has_more"] is True and 0 < len(body["rows"]) < 110
    assert len(page.content) <= PAGE_MAX_BYTES + 200 * 1024  # one row may cross the line
    a2.sync()
    assert len(a2.rows("visit")) == 110


def test_parallel_guesses_get_no_more_password_checks_than_the_limit(
    server: LiveServer, tmp_path: Any
) -> None:
    three_laptops(server, tmp_path)

    def guess(i: int) -> int:
        return httpx.post(
            f"{server.url}/auth/login",
            json={"username": "a1", "password": f"wrong-{i}"},
            headers=version_headers(),
            timeout=60,
        ).status_code

    with ThreadPoolExecutor(40) as pool:
        codes = list(pool.map(guess, range(60)))
    assert codes.count(401) == auth.MAX_FAILURES and codes.count(429) == 60 - auth.MAX_FAILURES


def test_a_flood_of_made_up_usernames_is_limited_per_address_and_leaves_no_rows(
    server: LiveServer, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    three_laptops(server, tmp_path)
    codes = [
        httpx.post(
            f"{server.url}/auth/login",
            json={"username": uuid.uuid4().hex, "password": "x"},
            headers=version_headers(),
        ).status_code
        for _ in range(auth.MAX_FAILURES_PER_ADDRESS + 5)
    ]
    assert codes[: auth.MAX_FAILURES_PER_ADDRESS] == [401] * auth.MAX_FAILURES_PER_ADDRESS
    assert set(codes[auth.MAX_FAILURES_PER_ADDRESS :]) == {429}
    # A window later the counters are gone (the next attempt sweeps them) and logins work again.
    later = auth.now_ms() + auth.FAILURE_WINDOW_MS + 1000
    monkeypatch.setattr(auth, "now_ms", lambda: later)
    assert _login(server, "a1")
    assert _db(server, "SELECT count(*) FROM login_failures")[0][0] == 1  # this address's own counter
