"""Pull pages: the current state of rows changed since a seq, in the caller's scope, tombstones included.

The page is built as JSON text straight from the stored row JSON (no parse/re-serialize), which keeps
a first sync of a large office close to a raw copy.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, and_, select

from .auth import Principal
from .db import conflicts, counter, exits, records


def _q(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def build_page(engine: Engine, principal: Principal, *, since: int, limit: int, server_time_ms: int) -> str:
    """One page of the pull feed as a JSON document (shape: sync.protocol.PullResponse)."""
    scope = sorted(principal.offices)
    with engine.connect() as conn:
        server_seq = int(conn.execute(select(counter.c.seq).where(counter.c.id == 1)).scalar_one())
        stmt = select(
            records.c.version,
            records.c.table_name,
            records.c.id,
            records.c.office_id,
            records.c.deleted,
            records.c.data,
        ).where(records.c.version > since)
        if not principal.is_admin:
            stmt = stmt.where(records.c.office_id.in_(scope))
        items: list[tuple[int, str]] = []
        for version, table, row_id, office, deleted, data in conn.execute(
            stmt.order_by(records.c.version).limit(limit + 1)
        ):
            items.append(
                (
                    int(version),
                    f'{{"t":{_q(table)},"id":{_q(row_id)},"o":{_q(office)},"v":{int(version)},'
                    f'"d":{"true" if deleted else "false"},"data":{data}}}',
                )
            )
        if not principal.is_admin and scope:
            # Rows that moved to an office outside the scope: tell the client to drop them.
            gone = (
                select(exits.c.seq, exits.c.table_name, exits.c.row_id)
                .join(
                    records, and_(records.c.table_name == exits.c.table_name, records.c.id == exits.c.row_id)
                )
                .where(exits.c.seq > since, exits.c.office_id.in_(scope), records.c.office_id.not_in(scope))
                .order_by(exits.c.seq)
                .limit(limit + 1)
            )
            for seq, table, row_id in conn.execute(gone):
                items.append((int(seq), f'{{"t":{_q(table)},"id":{_q(row_id)},"v":{int(seq)},"gone":true}}'))
            items.sort(key=lambda item: item[0])
        has_more = len(items) > limit
        page = items[:limit]
        cursor = page[-1][0] if has_more else max(server_seq, page[-1][0] if page else since, since)
        cstmt = select(conflicts.c.body).where(conflicts.c.seq > since, conflicts.c.seq <= cursor)
        if not principal.is_admin:
            cstmt = cstmt.where(conflicts.c.office_id.in_(scope))
        found = [body for (body,) in conn.execute(cstmt.order_by(conflicts.c.seq))]
    # The scope the page was cut for: a client whose scope changed re-pulls from 0 (older rows of a
    # newly visible office lie behind its cursor) and drops rows it may no longer see.
    scope_key = "*" if principal.is_admin else ",".join(scope)
    return (
        f'{{"scope":{_q(scope_key)},"rows":[{",".join(text for _, text in page)}],"conflicts":[{",".join(found)}],'
        f'"cursor":{cursor},"has_more":{"true" if has_more else "false"},'
        f'"server_seq":{server_seq},"server_time_ms":{server_time_ms}}}'
    )
