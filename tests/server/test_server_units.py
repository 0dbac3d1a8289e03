"""Server pieces without HTTP: the merge rules, auth (rate limit, revocation), and the CLI."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from zsdesk.server.auth import (
    AuthError,
    Principal,
    RateLimited,
    add_user,
    authenticate,
    cached_principal,
    login,
    principal_for,
    revoke,
)
from zsdesk.server.cli import main as server_main
from zsdesk.server.db import init_db, make_engine, users
from zsdesk.server.merge import Row, check_scope, merge_op

ME = Principal("a1", "officer", frozenset({"A"}))


def _op(kind: str = "update", base: int = 0, **fields: object) -> SimpleNamespace:
    return SimpleNamespace(
        op_id="o",
        table="project",
        row_id="p",
        office_id="A",
        kind=kind,
        fields=fields,
        base_version=base,
        author="甲",
        hlc="h2",
    )


def _row(**meta: int) -> Row:
    data = {"name": "项目", "stage": "会谈洽谈", "signed_wan": 100, "note": "旧"}
    return Row(
        "project",
        "p",
        "A",
        data,
        {k: [v, "other", "乙", "h1"] for k, v in meta.items()},
        max(meta.values(), default=1),
    )


def test_unchanged_field_since_base_is_applied() -> None:
    row = _row(note=5)
    result = merge_op(row, _op(base=5, note="新"), device="me", seq=6)
    assert (result.outcome, row.data["note"], result.conflicts) == ("applied", "新", [])


def test_concurrent_text_edit_keeps_later_received_and_records_loser() -> None:
    row = _row(note=7)
    result = merge_op(row, _op(base=5, note="新"), device="me", seq=8)
    assert result.outcome == "conflict" and row.data["note"] == "新"
    assert (result.conflicts[0].lost_value, result.conflicts[0].lost_author) == ("旧", "乙")


def test_own_earlier_change_is_not_a_conflict() -> None:
    row = _row(note=7)
    row.meta["note"][1] = "me"
    assert merge_op(row, _op(base=5, note="新"), device="me", seq=8).outcome == "applied"


def test_money_conflict_keeps_server_value() -> None:
    row = _row(signed_wan=7)
    result = merge_op(row, _op(base=5, signed_wan=300), device="me", seq=8)
    assert result.outcome == "conflict" and row.data["signed_wan"] == 100
    assert result.conflicts[0].lost_value == 300


def test_stage_only_moves_forward_when_edits_meet_but_deliberate_revert_applies() -> None:
    row = _row(stage=7)
    assert merge_op(row, _op(base=5, stage="信息获取"), device="me", seq=8).outcome == "conflict"
    assert row.data["stage"] == "会谈洽谈"
    assert merge_op(row, _op(base=7, stage="信息获取"), device="me", seq=9).outcome == "applied"
    assert row.data["stage"] == "信息获取"


def test_equal_value_is_noop_and_delete_beats_edit() -> None:
    row = _row(note=3)
    assert merge_op(row, _op(base=1, note="旧"), device="me", seq=4).outcome == "noop"
    merge_op(row, _op(kind="delete", base=3), device="other", seq=5)
    result = merge_op(row, _op(base=3, note="删除后编辑"), device="me", seq=6)
    assert result.outcome == "conflict" and row.deleted and row.data["note"] == "旧"


def test_scope_comes_from_principal() -> None:
    assert check_scope(ME, _op(kind="create", office_id="B", office_id_field=None), None)
    assert (
        check_scope(
            ME, SimpleNamespace(table="project", kind="create", row_id="x", office_id="A", fields={}), None
        )
        == ""
    )
    assert "办事处" in check_scope(
        ME, SimpleNamespace(table="office", kind="create", row_id="x", office_id="x", fields={}), None
    )
    foreign = Row("project", "p", "B", {}, {})
    assert "无权" in check_scope(ME, _op(note="x"), foreign)
    mine = Row("project", "p", "A", {}, {})
    assert "无权" in check_scope(ME, _op(office_id="B"), mine)


def test_login_rate_limit_and_revocation(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 's.db'}")
    init_db(engine)
    add_user(engine, username="u", password="password-1", role="officer", offices=["A"])
    with engine.connect() as conn:
        stored = conn.execute(select(users.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and "password-1" not in stored
    for _ in range(5):
        with pytest.raises(AuthError, match="用户名或密码错误"):
            login(engine, username="u", password="wrong-pass", client_ip="1.2.3.4")
    with pytest.raises(RateLimited, match="15 分钟"):
        login(engine, username="u", password="password-1", client_ip="1.2.3.4")
    token, who, _ = login(engine, username="u", password="password-1", client_ip="5.6.7.8")
    with engine.connect() as conn:
        assert authenticate(conn, token) == who
    assert revoke(engine, token=token) == 1
    with engine.connect() as conn, pytest.raises(AuthError, match="吊销"):
        authenticate(conn, token)


def test_cached_token_lookup_still_honours_revocation_and_scope_changes(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 's.db'}")
    init_db(engine)
    add_user(engine, username="u", password="password-1", role="officer", offices=["A"])
    token, _, _ = login(engine, username="u", password="password-1", client_ip="1.2.3.4")
    assert principal_for(engine, token).offices == {"A"}
    assert cached_principal(engine, token) is not None  # the next request needs no database
    add_user(engine, username="u", password="password-1", role="lead", offices=["A", "B"])
    assert cached_principal(engine, token) is None
    assert principal_for(engine, token).offices == {"A", "B"}
    revoke(engine, username="u")
    with pytest.raises(AuthError, match="吊销"):
        principal_for(engine, token)
    other = make_engine(f"sqlite:///{tmp_path / 'other.db'}")  # a cached token is per database
    init_db(other)
    with other.connect() as conn, pytest.raises(AuthError):
        authenticate(conn, token)


def test_server_cli_sets_up_offices_and_users(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert server_main(["init", "--database", url]) == 0
    assert server_main(["add-office", "--database", url, "--name", "驻上海办事处"]) == 0
    office_id = capsys.readouterr().out.strip().splitlines()[-1]
    assert server_main(["add-office", "--database", url, "--name", "驻上海办事处"]) == 0
    assert capsys.readouterr().out.strip() == office_id  # idempotent by name
    monkeypatch.setattr(sys, "stdin", io.StringIO("long-password\n"))
    assert (
        server_main(
            [
                "add-user",
                "--database",
                url,
                "--username",
                "zs",
                "--office",
                "驻上海办事处",
                "--role",
                "officer",
            ]
        )
        == 0
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO("long-password\n"))
    assert (
        server_main(
            ["add-user", "--database", url, "--username", "x", "--office", "不存在", "--role", "officer"]
        )
        == 2
    )
    assert "不存在" in capsys.readouterr().err
    engine = make_engine(url)
    with engine.connect() as conn:
        assert json.loads(conn.execute(select(users.c.offices)).scalar_one()) == [office_id]
