"""SIGKILL a real `zsdesk sync` process at each fault point, restart it, and check nothing is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from zsdesk.services.context import init_workspace, open_workspace
from zsdesk.storage.replica import Replica

from .harness import PASSWORD, Laptop, LiveServer, serve_process

A = "省政府驻上海办事处"
ROOT = Path(__file__).resolve().parents[2]
POINTS = ["before-push", "after-push-response", "mid-record-results", "mid-pull-page", "mid-blob-upload"]


def _run_sync(db: Path, server: LiveServer, fault: str | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "tests.memkeyring.MemoryKeyring", "PYTHONPATH": str(ROOT)}
    env.pop("ZSDESK_FAULT", None)
    if fault:
        env["ZSDESK_FAULT"] = fault
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "zsdesk.cli",
            "sync",
            "--db",
            str(db),
            "--server",
            server.url,
            "--user",
            "a1",
            "--password-stdin",
            "--quiet",
        ],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )


@pytest.mark.parametrize("point", POINTS)
def test_sigkill_at_fault_point_then_restart_loses_nothing(
    server: LiveServer, tmp_path: Path, point: str
) -> None:
    server.user("a1", "officer", A)
    server.user("a2", "officer", A)
    other = Laptop(server, tmp_path / "a2.db", "a2", A)
    for i in range(30):  # something to pull, in more than one page
        other.store.create("enterprise", {"name": f"对方企业{i}"})
    other.sync()
    db = tmp_path / "a1.db"
    ws = init_workspace(db, office=A, officer="a1")
    created = [ws.store.create("enterprise", {"name": f"本机企业{i}", "note": "离线录入"}) for i in range(5)]
    ws.store.update("enterprise", created[0], {"note": "改过"})
    sha = Replica(ws.db).add_blob(b"scanned letter" * 1000)
    ws.close()

    killed = _run_sync(db, server, point)
    assert killed.returncode == -9, (killed.returncode, killed.stderr)
    done = _run_sync(db, server, None)
    assert done.returncode == 0, done.stderr

    with open_workspace(db) as ws:
        assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert ws.store.pending_ops() == 0
        states = [s for (s,) in ws.db.execute("SELECT state FROM outbox").fetchall()]
        assert set(states) <= {"applied", "noop", "conflict"}, states
        local = {r["id"]: r for r in ws.store.rows("SELECT id, name, note, deleted FROM enterprise")}
        assert len(local) == 35
        assert local[created[0]]["note"] == "改过"
        assert Replica(ws.db).pending_blobs() == []
    with server.engine.connect() as conn:
        rows = {
            i: json.loads(d)
            for i, d in conn.exec_driver_sql(
                "SELECT id, data FROM records WHERE table_name = 'enterprise'"
            ).all()
        }
        ops = conn.exec_driver_sql("SELECT count(*) FROM ops").scalar()
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM blobs WHERE sha256 = ?"
                if "sqlite" in server.database_url
                else "SELECT count(*) FROM blobs WHERE sha256 = %s",
                (sha,),
            ).scalar()
            == 1
        )
    assert set(rows) == set(local)  # nothing lost, nothing duplicated
    assert {i: r["name"] for i, r in rows.items()} == {i: r["name"] for i, r in local.items()}
    assert ops == 30 + 6  # every op applied exactly once (the local office op was adopted away)


@pytest.mark.parametrize("point", ["mid-push-transaction", "after-push-commit"])
def test_server_killed_mid_push_then_restarted_applies_each_op_once(tmp_path: Path, point: str) -> None:
    from zsdesk.server.auth import add_user
    from zsdesk.server.cli import add_office
    from zsdesk.server.db import init_db, make_engine
    from zsdesk.services.sync import sync_now
    from zsdesk.sync.client import SyncError

    url = f"sqlite:///{tmp_path / 'server.db'}"
    engine = make_engine(url)
    init_db(engine)
    add_user(engine, username="a1", password=PASSWORD, role="officer", offices=[add_office(engine, name=A)])

    ws = init_workspace(tmp_path / "a1.db", office=A, officer="a1")
    created = [ws.store.create("enterprise", {"name": f"企业{i}"}) for i in range(5)]
    proc, base = serve_process(url, point)
    with pytest.raises(SyncError) as err:
        sync_now(ws, server=base, username="a1", password=PASSWORD)
    assert err.value.kind == "network"
    assert proc.wait(10) == -9
    with engine.connect() as conn:
        seq = conn.exec_driver_sql("SELECT seq FROM counter").scalar()
        stored = conn.exec_driver_sql("SELECT count(*) FROM records WHERE table_name = 'enterprise'").scalar()
    # Killed inside the transaction: nothing of it is visible. Killed after commit: all of it.
    assert (seq, stored) == ((1, 0) if point == "mid-push-transaction" else (6, 5))
    proc, base = serve_process(url, None)
    try:
        result = sync_now(ws, server=base, username="a1", password=PASSWORD)
    finally:
        proc.terminate()
        proc.wait(10)
    assert result.pending == 0
    assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with engine.connect() as conn:
        ids = {r[0] for r in conn.exec_driver_sql("SELECT id FROM records WHERE table_name = 'enterprise'")}
        assert conn.exec_driver_sql("SELECT count(*) FROM ops").scalar() == 5
    assert ids == set(created)
    ws.close()
    engine.dispose()
