"""Signed sync bundles: an air-gapped laptop converges through files exactly like an online one."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from zsdesk.cli import main as desk_main
from zsdesk.server import cli as server_cli
from zsdesk.server.bundles import import_bundle, issue_bundle_key
from zsdesk.services.bundles import export_bundle, import_answer
from zsdesk.sync.bundle import BundleError, bundle_key, read_header, seal, token_hash, verify

from .harness import Laptop, LiveServer

A = "省政府驻上海办事处"
FIELDS = ("name", "note", "address", "office_id", "deleted", "version")


def _snapshot(server: LiveServer) -> list[tuple]:
    with server.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("SELECT * FROM records ORDER BY id").all()] + [
            tuple(r) for r in conn.exec_driver_sql("SELECT seq FROM counter").all()
        ]


def _roundtrip(server: LiveServer, gap: Laptop, key: str, tmp_path: Path, n: int) -> tuple[Path, Path]:
    request, answer = tmp_path / f"req{n}.zsb", tmp_path / f"ans{n}.zsb"
    export_bundle(gap.ws, request, username="gap", token=key)
    answer.write_bytes(import_bundle(server.engine, request.read_bytes()))
    import_answer(gap.ws, answer, username="gap", token=key)
    return request, answer


def _view(laptop: Laptop) -> dict[str, tuple]:
    return {
        rid: tuple(row[f] for f in FIELDS) for rid, row in laptop.rows("enterprise", live_only=True).items()
    }


def test_air_gapped_laptop_converges_like_an_online_one(server: LiveServer, tmp_path: Path) -> None:
    server.user("a1", "officer", A)
    server.user("gap", "officer", A)
    key = issue_bundle_key(server.engine, "gap")
    online, gap = Laptop(server, tmp_path / "a1.db", "a1", A), Laptop(server, tmp_path / "gap.db", "gap", A)
    shared = online.store.create("enterprise", {"name": "线上登记企业"})
    online.sync()
    mine = gap.store.create("enterprise", {"name": "内网登记企业"})  # made before the first bundle
    first = export_bundle(gap.ws, tmp_path / "hello.zsb", username="gap", token=key)
    assert first.first and first.ops == 0  # learns its server office before sending ops
    answer = tmp_path / "hello-answer.zsb"
    answer.write_bytes(import_bundle(server.engine, (tmp_path / "hello.zsb").read_bytes()))
    import_answer(gap.ws, answer, username="gap", token=key)
    assert shared in gap.rows("enterprise")
    assert gap.store.pending_ops() >= 1
    _roundtrip(server, gap, key, tmp_path, 1)
    assert gap.store.pending_ops() == 0
    # Concurrent edits to different fields of one enterprise: both survive, as online.
    online.sync()
    online.store.update("enterprise", shared, {"note": "线上补充"})
    gap.store.update("enterprise", shared, {"address": "上海市徐汇区"})
    online.sync()
    _roundtrip(server, gap, key, tmp_path, 2)
    online.sync()
    assert _view(gap) == _view(online)
    assert mine in _view(online)
    row = gap.store.get("enterprise", shared)
    assert (row["note"], row["address"]) == ("线上补充", "上海市徐汇区")
    assert {r["name"] for r in gap.rows("office").values()} == {A}


def test_tampered_bundle_is_refused_and_replays_change_nothing(
    server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    server.user("gap", "officer", A)
    server.user("other", "officer", A)
    key = issue_bundle_key(server.engine, "gap")
    gap = Laptop(server, tmp_path / "gap.db", "gap", A)
    _roundtrip(server, gap, key, tmp_path, 0)  # hello
    gap.store.create("enterprise", {"name": "重复导入测试企业"})
    # The laptop side through the CLI: the key is typed once, then kept in the keyring.
    request = tmp_path / "req.zsb"
    monkeypatch.setattr(sys, "stdin", io.StringIO(key + "\n"))
    assert (
        desk_main(
            ["sync-export", "--db", str(gap.path), "--user", "gap", "--key-stdin", "--out", str(request)]
        )
        == 0
    )
    gap.reopen()
    data = request.read_bytes()
    tampered = tmp_path / "tampered.zsb"
    tampered.write_bytes(data[:-40] + bytes([data[-40] ^ 1]) + data[-39:])
    with pytest.raises(BundleError) as err:
        import_bundle(server.engine, tampered.read_bytes())
    assert "签名校验失败" in str(err.value)
    code = server_cli.main(
        ["import-bundle", str(tampered), "--out", str(tmp_path / "x.zsb"), "--database", server.database_url]
    )
    assert code == 2 and "签名校验失败" in capsys.readouterr().err
    forged = issue_bundle_key(server.engine, "other")  # another user's key cannot sign for "gap"
    with pytest.raises(BundleError):
        export_bundle(gap.ws, tmp_path / "forged.zsb", username="gap", token=forged)
        import_bundle(server.engine, (tmp_path / "forged.zsb").read_bytes())
    before = _snapshot(server)
    # Server side: importing the same bundle twice applies its ops once.
    answer = tmp_path / "ans.zsb"
    assert (
        server_cli.main(
            ["import-bundle", str(request), "--out", str(answer), "--database", server.database_url]
        )
        == 0
    )
    after_first = _snapshot(server)
    assert after_first != before
    again = import_bundle(server.engine, request.read_bytes())
    assert _snapshot(server) == after_first
    # Laptop side: the answer (either copy) is applied once; a second import changes nothing.
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert desk_main(["sync-import", "--db", str(gap.path), "--user", "gap", str(answer)]) == 0
    assert "回执导入完成" in capsys.readouterr().out
    gap.reopen()
    state = gap.ws.db.execute("SELECT * FROM sync_state WHERE key != 'last_sync' ORDER BY key").fetchall()
    rows = gap.rows("enterprise")
    (tmp_path / "again.zsb").write_bytes(again)
    result = import_answer(gap.ws, tmp_path / "again.zsb", username="gap", token=key)
    assert result.already and "未做任何修改" in result.summary()
    assert (
        gap.ws.db.execute("SELECT * FROM sync_state WHERE key != 'last_sync' ORDER BY key").fetchall()
        == state
    )
    assert gap.rows("enterprise") == rows and gap.store.pending_ops() == 0
    # A tampered answer is refused on the laptop too.
    bad = bytearray(answer.read_bytes())
    bad[-10] ^= 1
    (tmp_path / "bad.zsb").write_bytes(bytes(bad))
    with pytest.raises(BundleError) as err:
        import_answer(gap.ws, tmp_path / "bad.zsb", username="gap", token=key)
    assert "签名校验失败" in str(err.value)


def test_bundles_on_a_usb_stick_show_no_record_text_and_old_format_still_reads(
    server: LiveServer, tmp_path: Path
) -> None:
    server.user("gap", "officer", A)
    key = issue_bundle_key(server.engine, "gap")
    gap = Laptop(server, tmp_path / "gap.db", "gap", A)
    gap.store.create("enterprise", {"name": "绝密测试半导体有限公司", "note": "洽谈内容：拟投资四十亿元"})
    request = tmp_path / "req.zsb"
    export_bundle(gap.ws, request, username="gap", token=key)
    data = request.read_bytes()
    header, _ = read_header(data)
    assert header["v"] == 3 and header["encrypted"] == "aes-256-gcm"
    answer = import_bundle(server.engine, data)
    for blob in (data, answer):
        assert "绝密测试半导体".encode() not in blob and "四十亿元".encode() not in blob
        assert b"enterprise" not in blob  # not even the table names: the body is ciphertext
    (tmp_path / "ans.zsb").write_bytes(answer)
    result = import_answer(gap.ws, tmp_path / "ans.zsb", username="gap", token=key)
    assert not result.already
    # A laptop of the previous release writes format 2 (signed, not encrypted): still accepted.
    body = verify(data, [bundle_key(token_hash(key))], kind="request")
    plain_v2 = seal(
        "request",
        {k: v for k, v in body.items() if not k.startswith("_")},
        bundle_key(token_hash(key)),
        version=2,
    )
    assert verify(plain_v2, [bundle_key(token_hash(key))], kind="request")["_version"] == 2
