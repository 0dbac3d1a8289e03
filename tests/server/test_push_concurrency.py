"""Pushes racing each other on a real database: each op has one outcome, seqs stay gap-free and in
commit order, and a purge never removes a row a concurrent push just brought back."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text

from zsdesk.domain.ids import uuid7
from zsdesk.server.auth import Principal
from zsdesk.server.cli import add_office
from zsdesk.server.db import changes, counter, init_db, make_engine, ops, records
from zsdesk.server.purge import init_purge, mark_seq, purge_tombstones
from zsdesk.server.push import apply_push
from zsdesk.sync.protocol import Op, PushRequest

from ..sync.harness import database_url

THREADS = 6


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: Any, tmp_path: Path) -> Iterator[Engine]:
    for url in database_url(request.param, tmp_path):
        eng = make_engine(url)
        init_db(eng)
        init_purge(eng)
        yield eng
        eng.dispose()


def _op(kind: str, row_id: str, office: str, base: int = 0, **fields: Any) -> Op:
    return Op(
        op_id=uuid7(),
        table="enterprise",
        row_id=row_id,
        office_id=office,
        kind=kind,  # type: ignore[arg-type]
        fields=fields,
        base_version=base,
        hlc=f"{len(fields):015d}-00000-t",
        author="t",
    )


def _race(workers: list[Callable[[], Any]]) -> list[Any]:
    """Run the callables at the same moment on threads; re-raise the first failure."""
    start = threading.Barrier(len(workers))
    out: list[Any] = [None] * len(workers)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        start.wait()
        try:
            out[i] = workers[i]()
        except BaseException as exc:  # reported below, never lost
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(workers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return out


def _check_log(engine: Engine) -> None:
    """Seqs 1..counter, each used once; every row's version is its last change's seq."""
    with engine.connect() as conn:
        seqs = [s for (s,) in conn.execute(select(changes.c.seq).order_by(changes.c.seq))]
        top = conn.execute(select(counter.c.seq)).scalar_one()
        assert seqs == list(range(1, top + 1))
        last = dict(
            conn.execute(select(changes.c.row_id, func.max(changes.c.seq)).group_by(changes.c.row_id)).all()
        )
        versions = dict(conn.execute(select(records.c.id, records.c.version)).all())
        assert versions == {row_id: last[row_id] for row_id in versions}


@pytest.mark.parametrize("with_existing_row", [True, False])
def test_the_same_batch_pushed_six_times_at_once_applies_once(
    engine: Engine, with_existing_row: bool
) -> None:
    # Without an existing row there is nothing to lock: the copies race to INSERT the new row and the
    # losers run again (push._retryable); with one, they queue on its row lock.
    office = add_office(engine, name="省政府驻上海办事处")
    who = Principal("a1", "officer", frozenset({office}))
    existing = uuid7()
    apply_push(engine, who, PushRequest(device_id="d", ops=[_op("create", existing, office, name="甲公司")]))
    new = uuid7()
    batch_ops = [_op("create", new, office, name="乙公司")]
    if with_existing_row:
        batch_ops.append(_op("update", existing, office, base=1, note="回访"))
    batch = PushRequest(device_id="d", ops=batch_ops)
    answers = _race([lambda: apply_push(engine, who, batch) for _ in range(THREADS)])
    results = [[r.model_dump() for r in res] for res, _seq in answers]
    assert all(r == results[0] for r in results)  # every copy gets the stored outcome
    assert {r["outcome"] for r in results[0]} == {"applied"}
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(ops)).scalar_one() == 1 + len(batch_ops)
        assert conn.execute(select(func.count()).select_from(records)).scalar_one() == 3  # office + 2
    _check_log(engine)


def test_officers_editing_the_same_rows_at_once_keep_one_gap_free_log(engine: Engine) -> None:
    office = add_office(engine, name="省政府驻上海办事处")
    rows = [uuid7() for _ in range(5)]
    creator = Principal("a0", "officer", frozenset({office}))
    apply_push(
        engine,
        creator,
        PushRequest(
            device_id="d0", ops=[_op("create", r, office, name=f"企业{i}") for i, r in enumerate(rows)]
        ),
    )

    def officer(k: int) -> Callable[[], Any]:
        who = Principal(f"a{k}", "officer", frozenset({office}))
        # Each officer edits every row, in a different order: crosswise waits must not deadlock.
        order = rows[k % len(rows) :] + rows[: k % len(rows)]
        batch = PushRequest(
            device_id=f"d{k}", ops=[_op("update", r, office, base=1, note=f"第{k}次") for r in order]
        )
        return lambda: apply_push(engine, who, batch)

    answers = _race([officer(k) for k in range(1, THREADS + 1)])
    outcomes = [r.outcome for res, _ in answers for r in res]
    assert len(outcomes) == THREADS * len(rows) and set(outcomes) <= {"applied", "conflict", "noop"}
    _check_log(engine)


def test_purge_racing_an_undelete_never_loses_the_undeleted_row(engine: Engine) -> None:
    office = add_office(engine, name="省政府驻上海办事处")
    who = Principal("a1", "officer", frozenset({office}))
    rows = [uuid7() for _ in range(8)]
    apply_push(
        engine, who, PushRequest(device_id="d", ops=[_op("create", r, office, name="丙") for r in rows])
    )
    apply_push(engine, who, PushRequest(device_id="d", ops=[_op("delete", r, office) for r in rows]))
    mark_seq(engine, at_ms=0)  # everything so far is older than any horizon
    with engine.connect() as conn:
        versions = dict(conn.execute(select(records.c.id, records.c.version)).all())
    undelete = PushRequest(device_id="d", ops=[_op("undelete", r, office, base=versions[r]) for r in rows])
    (results, _), report = _race(
        [lambda: apply_push(engine, who, undelete), lambda: purge_tombstones(engine, older_than_days=0)]
    )
    with engine.connect() as conn:
        alive = {
            row_id for (row_id,) in conn.execute(select(records.c.id).where(records.c.deleted.is_(False)))
        }
        purged_ids = set(rows) - {r for (r,) in conn.execute(select(records.c.id))}
    for op, result in zip(undelete.ops, results, strict=True):
        if result.outcome == "applied":
            # Applied means the row is back on the server, whichever of the two ran first.
            assert op.row_id in alive
        else:
            assert op.row_id in purged_ids
    assert report.purged == len(purged_ids)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar_one() == 1
