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
from zsdesk.server.merge import Row, append_minutes, check_scope, merge_op, minutes_separator

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


def _visit(minutes: str, seq: int = 7) -> Row:
    return Row("visit", "v", "A", {"minutes": minutes}, {"minutes": [seq, "other", "乙", "h1"]}, seq)


def _minutes_op(text: str, base: int = 5) -> SimpleNamespace:
    return SimpleNamespace(
        **{**vars(_op(base=base)), "table": "visit", "row_id": "v", "fields": {"minutes": text}}
    )


def test_concurrent_minutes_append_keeps_both_notes_without_a_conflict() -> None:
    base = "1. 企业介绍了扩产计划。\n"
    row = _visit(base + "2. 乙：对方希望年内签约。")
    result = merge_op(row, _minutes_op(base + "2. 甲：需协调用地指标。"), device="me", seq=8)
    assert result.outcome == "applied" and not result.conflicts
    assert row.data["minutes"] == (
        base + "2. 乙：对方希望年内签约。\n" + minutes_separator("甲") + "\n2. 甲：需协调用地指标。"
    )
    assert result.changed == {"minutes": row.data["minutes"]}
    # The same laptop's next offline edit (based on its own text, pushed in the same batch) continues
    # its note instead of overwriting the colleague's: the merged value counts as unseen.
    more = base + "2. 甲：需协调用地指标。\n3. 甲：下周回访。"
    assert merge_op(row, _minutes_op(more), device="me", seq=9).outcome == "applied"
    assert row.data["minutes"].count("甲：需协调用地指标") == 1
    assert row.data["minutes"].endswith("2. 甲：需协调用地指标。\n3. 甲：下周回访。")
    assert "乙：对方希望年内签约" in row.data["minutes"]
    # After pulling the merged text, an edit based on it is an ordinary edit.
    assert merge_op(row, _minutes_op("重写", base=9), device="me", seq=10).outcome == "applied"
    assert row.data["minutes"] == "重写"


def test_minutes_extension_clear_and_shortening() -> None:
    row = _visit("会谈纪要")
    # One text extends the other: the longer one, no separator, no duplication.
    assert merge_op(row, _minutes_op("会谈纪要：对方同意"), device="me", seq=8).outcome == "applied"
    assert row.data["minutes"] == "会谈纪要：对方同意"
    # Already contained (the same note already ends the server text): nothing to do.
    row = _visit("底稿\n乙补充\n" + minutes_separator("甲") + "\n甲补充")
    assert merge_op(row, _minutes_op("底稿\n甲补充"), device="me", seq=8).outcome == "noop"
    # A clear or a shortening never wipes a concurrent addition: server text stays, conflict recorded.
    for text in ("", "会谈"):
        row = _visit("会谈纪要：对方同意")
        result = merge_op(row, _minutes_op(text), device="me", seq=8)
        assert result.outcome == "conflict" and row.data["minutes"] == "会谈纪要：对方同意"
        assert result.conflicts[0].lost_value == text
    # Over the length limit: the server text stays and the other is recorded, as for money.
    long = "甲" * 19_990
    row = _visit(long + "\n乙方补充")
    result = merge_op(row, _minutes_op(long + "\n甲方补充"), device="me", seq=8)
    assert result.outcome == "conflict" and row.data["minutes"] == long + "\n乙方补充"


def test_append_minutes_cuts_the_shared_start_at_a_clause_and_uses_a_known_base() -> None:
    merged = append_minutes("对方有意向，需要跟进。", "对方有意向，下周回访。", author="")
    assert merged == "对方有意向，需要跟进。\n" + minutes_separator("") + "\n下周回访。"
    assert "另一位同事" in minutes_separator("")
    # With the base known, the incoming part is exactly what was added to it...
    assert append_minutes("底稿甲", "底稿乙", author="丙", base="底稿").endswith("\n乙")  # type: ignore[union-attr]
    # ...and a rewritten text is kept whole rather than dropped.
    assert append_minutes("底稿甲", "全新内容", author="丙", base="底稿").endswith("\n全新内容")  # type: ignore[union-attr]


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
