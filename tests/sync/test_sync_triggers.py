"""六必访 over sync: a visit pulled from a colleague's laptop (or an answer bundle) fulfils an open trigger,
and two laptops fulfilling one trigger write the same values, so the server sees no conflict. Loopback HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest

from zsdesk.server.bundles import import_bundle, issue_bundle_key
from zsdesk.services import dashboard, workflow
from zsdesk.services.bundles import export_bundle, import_answer
from zsdesk.services.visits import VisitInput, save_visit
from zsdesk.sync.client import SyncCancelled

from .harness import OFFICE_A as A
from .harness import Laptop, LiveServer, office_pair


def _pair(server: LiveServer, tmp_path: Path) -> tuple[Laptop, Laptop, str]:
    """a1 and a2 of one office, both holding one enterprise."""
    a1, a2 = office_pair(server, tmp_path)
    ent = a1.store.create("enterprise", {"name": "上海创明新能源科技有限公司"})
    a1.sync()
    a2.sync()
    return a1, a2, ent


def _visit(laptop: Laptop, ent: str, day: str) -> str:
    visit, _ = save_visit(laptop.ws, VisitInput({"date": day, "enterprise_id": ent, "form": "上门拜访"}))
    return visit


def _fulfilled(laptop: Laptop, trigger: str) -> tuple[str | None, bool, str | None, str | None]:
    row = laptop.store.get("trigger", trigger)
    task = laptop.store.get("task", row["task_id"])
    return row["visit_id"], bool(task["done"]), task["done_date"], task["visit_id"]


def _ops(laptop: Laptop, table: str) -> list[tuple[str, str]]:
    """(kind, outcome) of this laptop's ops on `table`, oldest first."""
    return [
        (r["kind"], r["state"])
        for r in laptop.store.rows(
            "SELECT kind, state FROM outbox WHERE table_name = ? ORDER BY op_seq", [table]
        )
    ]


def _server_conflicts(server: LiveServer) -> int:
    with server.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM conflicts").scalar_one())


def test_a_colleagues_pulled_visit_fulfils_the_open_trigger(server: LiveServer, tmp_path: Path) -> None:
    a1, a2, ent = _pair(server, tmp_path)
    trigger = workflow.record_trigger(a1.ws, ent, kind="增资扩产", day="2025-04-01")
    _visit(a2, ent, "2025-03-20")  # before the trigger: not the visit it awaits
    visit = _visit(a2, ent, "2025-04-09")  # a2 has no trigger yet: nothing to fulfil there
    a2.sync()
    assert [g["kind"] for g in dashboard.load_dashboard(a1.ws).triggers] == ["增资扩产"]
    result = a1.sync()
    # The pulled visit closed the trigger and its task on a1, and that went up in the same sync.
    assert _fulfilled(a1, trigger) == (visit, True, "2025-04-09", visit)
    assert dashboard.load_dashboard(a1.ws).triggers == []
    assert (result.conflicts, result.pending, result.open_conflicts) == (0, 0, 0)
    assert _ops(a1, "trigger") == [("create", "applied"), ("update", "applied")]
    # a2 pulls the trigger already fulfilled: it writes nothing about it.
    assert a2.sync().conflicts == 0
    assert _fulfilled(a2, trigger) == (visit, True, "2025-04-09", visit)
    assert dashboard.load_dashboard(a2.ws).triggers == []
    assert _ops(a2, "trigger") == [] and a2.store.pending_ops() == 0
    assert _server_conflicts(server) == 0
    # Running the rule again (any later sync or visit) changes nothing.
    assert a1.sync().applied == 0 and a1.store.pending_ops() == 0


def test_two_laptops_fulfilling_one_trigger_agree_without_a_conflict(
    server: LiveServer, tmp_path: Path
) -> None:
    a1, a2, ent = _pair(server, tmp_path)
    trigger = workflow.record_trigger(a1.ws, ent, kind="经营困难", day="2025-04-01")
    visit = _visit(a2, ent, "2025-04-03")
    # a2's sync is cut right after its push: the server has the visit, a2 has not seen the trigger.
    with pytest.raises(SyncCancelled):
        a2.sync(cancel=lambda: a2.store.pending_ops() == 0)
    # a1's sync is cut after the pull fulfilled the trigger, before it pushed that.
    with pytest.raises(SyncCancelled):
        a1.sync(cancel=lambda: a1.store.get("trigger", trigger)["visit_id"] is not None)
    assert a1.store.pending_ops() == 2  # the trigger and its task, still to push
    # So a2 fulfils the same trigger on its own when it pulls it ...
    assert a2.sync().conflicts == 0
    assert _ops(a2, "trigger") == [("update", "applied")]
    # ... and a1's fulfilment, with the very same values, is a no-op on the server: no conflict.
    result = a1.sync()
    assert (result.conflicts, result.open_conflicts, result.pending) == (0, 0, 0)
    assert _ops(a1, "trigger") == [("create", "applied"), ("update", "noop")]
    assert _ops(a1, "task")[-1] == ("update", "noop")
    a2.sync()
    for laptop in (a1, a2):
        assert _fulfilled(laptop, trigger) == (visit, True, "2025-04-03", visit)
        assert dashboard.load_dashboard(laptop.ws).triggers == []
    assert _server_conflicts(server) == 0


def test_an_answer_bundle_brings_the_visit_that_fulfils_a_trigger(server: LiveServer, tmp_path: Path) -> None:
    server.user("a1", "officer", A)
    server.user("gap", "officer", A)
    key = issue_bundle_key(server.engine, "gap")
    online, gap = Laptop(server, tmp_path / "a1.db", "a1", A), Laptop(server, tmp_path / "gap.db", "gap", A)

    def roundtrip(n: int) -> None:
        request, answer = tmp_path / f"req{n}.zsb", tmp_path / f"ans{n}.zsb"
        export_bundle(gap.ws, request, username="gap", token=key)
        answer.write_bytes(import_bundle(server.engine, request.read_bytes()))
        import_answer(gap.ws, answer, username="gap", token=key)

    ent = online.store.create("enterprise", {"name": "上海创明新能源科技有限公司"})
    online.sync()
    roundtrip(0)  # hello: learns the office and pulls the enterprise
    trigger = workflow.record_trigger(gap.ws, ent, kind="筹备上市", day="2025-05-06")
    roundtrip(1)
    visit = _visit(online, ent, "2025-05-20")
    with pytest.raises(SyncCancelled):  # pushed, cut before it pulled the trigger
        online.sync(cancel=lambda: online.store.pending_ops() == 0)
    assert gap.store.pending_ops() == 0
    roundtrip(2)  # the answer's pages bring the visit; the import fulfils, as an online pull does
    assert _fulfilled(gap, trigger) == (visit, True, "2025-05-20", visit)
    assert dashboard.load_dashboard(gap.ws).triggers == []
    assert gap.store.pending_ops() == 2  # they go up in the next bundle
    roundtrip(3)
    assert gap.store.pending_ops() == 0 and _ops(gap, "trigger")[-1] == ("update", "applied")
    online.sync()
    assert _fulfilled(online, trigger) == (visit, True, "2025-05-20", visit)
    assert _server_conflicts(server) == 0
