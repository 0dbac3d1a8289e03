"""Campaigns defined on the server by the provincial admin (`zsdesk-server add-campaign`): a province-wide
`campaign` record that every office pulls, written with its change-log entry like any pushed create."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Engine, select

from ..domain import campaigns as dc
from ..domain.errors import ValidationError
from ..domain.ids import uuid7
from .db import create_admin_record, records, write_transaction


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
    row_id, office = uuid7(), dc.PROVINCE_OFFICE
    with write_transaction(engine) as conn:
        create_admin_record(conn, "campaign", row_id, office, data, fields={**data, "office_id": office})
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
