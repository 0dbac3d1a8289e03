"""Campaigns defined on the server by the provincial admin (`zsdesk-server add-campaign`): a province-wide
`campaign` record that every office pulls, written with its change-log entry like any pushed create."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Engine, insert, select

from ..domain import campaigns as dc
from ..domain.errors import ValidationError
from ..domain.hlc import HybridClock
from ..domain.ids import uuid7
from .db import changes, counter, records, write_transaction


def campaign_names(engine: Engine) -> list[str]:
    """Names of the live campaigns on the server."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(records.c.data).where(records.c.table_name == "campaign", records.c.deleted.is_(False))
        ).all()
    return [json.loads(data).get("name", "") for (data,) in rows]


def add_campaign(engine: Engine, campaign: dc.Campaign, *, note: str = "") -> str:
    """Store `campaign` as a province-wide record (office_id PROVINCE_OFFICE); returns its id."""
    dc.check_campaign(campaign.name, campaign.start, campaign.end)
    if campaign.name.strip() in campaign_names(engine):
        raise ValidationError({"name": f"已有名为“{campaign.name.strip()}”的专项行动"})
    data: dict[str, Any] = {
        "name": campaign.name.strip(),
        "start_date": campaign.start.isoformat(),
        "end_date": campaign.end.isoformat(),
        "target_visits": campaign.visits,
        "target_events": campaign.events,
        "target_trips": campaign.trips,
        "target_growth_pct": campaign.growth_pct,
        "note": note,
    }
    data = {k: v for k, v in data.items() if v not in (None, "")}
    row_id, hlc, office = uuid7(), HybridClock("server").now(), dc.PROVINCE_OFFICE
    with write_transaction(engine) as conn:
        seq = (
            int(conn.execute(select(counter.c.seq).where(counter.c.id == 1).with_for_update()).scalar_one())
            + 1
        )
        stamp = [seq, "server", "admin", hlc]
        conn.execute(
            insert(records).values(
                table_name="campaign",
                id=row_id,
                office_id=office,
                data=json.dumps(data, ensure_ascii=False),
                meta=json.dumps({k: stamp for k in [*data, "office_id"]}),
                version=seq,
                deleted=False,
            )
        )
        conn.execute(
            insert(changes).values(
                seq=seq, table_name="campaign", row_id=row_id, office_id=office, kind="create",
                fields=json.dumps({**data, "office_id": office}, ensure_ascii=False), author="admin",
                device="server", hlc=hlc, op_id=uuid7(),
            )
        )  # fmt: skip
        conn.execute(counter.update().where(counter.c.id == 1).values(seq=seq))
    return row_id


def campaign_from_args(
    name: str | None,
    start: dt.date | None,
    end: dt.date | None,
    *,
    preset: bool,
    targets: dict[str, int | None],
) -> dc.Campaign:
    """The campaign the command line describes: the 百日攻坚 preset (optionally moved to `start`) or
    a named one; explicit targets override the preset's."""
    if preset:
        base = dc.preset(start=start) if start else dc.hundred_days_2021()
        if name:
            base = dc.Campaign(
                name, base.start, base.end, base.visits, base.events, base.trips, base.growth_pct
            )
        elif start:
            base = dc.Campaign(f"{base.start.year}年{base.name}", base.start, base.end, base.visits, base.events,
                               base.trips, base.growth_pct)  # fmt: skip
    else:
        if not name or start is None or end is None:
            raise ValidationError({"campaign": "请给出 --name、--start 和 --end，或用 --preset"})
        base = dc.Campaign(name, start, end)
    values = {k: getattr(base, k) for k in ("visits", "events", "trips", "growth_pct")}
    values.update({k: v for k, v in targets.items() if v is not None})
    return dc.Campaign(base.name, base.start, end or base.end, **values)
