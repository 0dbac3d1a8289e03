"""The 工作台's 本期工作量 on a real file: the period's figures with last year's, and a campaign's targets."""

from __future__ import annotations

import datetime as dt

from zsdesk.services.campaigns import add_preset
from zsdesk.services.context import Workspace
from zsdesk.services.dashboard import workload

TODAY = dt.date(2026, 12, 7)
UNIT = "省政府驻上海办事处"  # the office name stands for its unit


def _visits(ws: Workspace, *days: dt.date) -> None:
    for i, day in enumerate(days):
        enterprise = ws.store.create("enterprise", {"name": f"上海第{i}号科技有限公司"})
        ws.store.create("visit", {"date": day.isoformat(), "enterprise_id": enterprise, "form": "上门拜访"})


def test_without_a_campaign_the_period_is_counted_against_last_year_and_nothing_is_judged(
    ws: Workspace,
) -> None:
    _visits(ws, dt.date(2026, 11, 2), dt.date(2026, 12, 1), dt.date(2025, 11, 20), dt.date(2026, 9, 30))
    ws.store.create("trip", {"start_date": "2026-10-15", "party_leader": True, "leader": "李明"})
    work = workload(ws, date_from=dt.date(2026, 10, 1), date_to=TODAY, unit=UNIT)
    assert (work.start, work.end, work.campaign) == (dt.date(2026, 10, 1), TODAY, "")
    counts = {f.target.key: (f.actual, f.last_year, f.result) for f in work.figures}
    assert counts == {"enterprises_visited": (2, 1, None), "events": (0, 0, None), "trips": (1, 0, None)}


def test_a_running_campaign_counts_from_its_start_and_judges_its_targets(ws: Workspace) -> None:
    start = TODAY - dt.timedelta(days=40)
    add_preset(ws, start=start)
    # Before the campaign (not counted), in it, and the same span one year earlier.
    _visits(ws, start - dt.timedelta(days=3), TODAY - dt.timedelta(days=2), dt.date(2025, 11, 30))
    work = workload(ws, date_from=dt.date(2026, 12, 1), date_to=TODAY, unit=UNIT)
    assert (work.start, work.end) == (start, TODAY) and "百日攻坚" in work.campaign
    visits = work.figures[0]
    assert (visits.target.key, visits.actual, visits.last_year) == ("enterprises_visited", 1, 1)
    assert visits.result.target.minimum == 100 and not visits.result.met and not visits.result.finished
