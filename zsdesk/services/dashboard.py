"""The 工作台 figures: what is due today, what is late, stalled projects, 六必访 due."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..storage import worklists
from .context import Workspace

# "Near due" for demands: due within this many days.
DEMAND_WARN_DAYS = 3


@dataclass
class Dashboard:
    today: str
    tasks: list[dict[str, Any]] = field(default_factory=list)
    demands: list[dict[str, Any]] = field(default_factory=list)
    stalled: list[dict[str, Any]] = field(default_factory=list)
    triggers: list[dict[str, Any]] = field(default_factory=list)
    keyless: int = 0

    @property
    def overdue_tasks(self) -> int:
        return sum(1 for t in self.tasks if t["due_date"] < self.today)


def load_dashboard(
    ws: Workspace, *, today: date | None = None, officer: str | None = None, stalled_days: int = 30
) -> Dashboard:
    day = today or date.today()
    iso = day.isoformat()
    return Dashboard(
        today=iso,
        tasks=worklists.open_tasks_due(ws.db, until=iso, assignee=officer or None),
        demands=worklists.demands_due(ws.db, until=(day + timedelta(days=DEMAND_WARN_DAYS)).isoformat()),
        stalled=stalled_projects(ws, today=day, days=stalled_days),
        triggers=worklists.triggers_due(ws.db),
        keyless=worklists.key_enterprises_without_commissioner(ws.db),
    )


def stalled_projects(
    ws: Workspace, *, today: date | None = None, days: int = 30, limit: int | None = 200
) -> list[dict[str, Any]]:
    """The one stalled-project rule (DOMAIN.md) behind the 工作台 list and the project list's highlight:
    no activity (creation, stage change, funds, linked visit/task) for `days`, or marked 停滞 by hand."""
    before = ((today or date.today()) - timedelta(days=days)).isoformat()
    return worklists.stalled_projects(ws.db, before=before, limit=limit)


def due_today_summary(ws: Workspace, *, officer: str | None, today: date | None = None) -> str:
    """The start-up reminder text ('' when nothing is due)."""
    iso = (today or date.today()).isoformat()
    tasks = worklists.open_tasks_due(ws.db, until=iso, assignee=officer or None)
    if not tasks:
        return ""
    overdue = sum(1 for t in tasks if t["due_date"] < iso)
    lines = [f"· {t['due_date']} {t['title']}" for t in tasks[:8]]
    more = f"\n……共 {len(tasks)} 项" if len(tasks) > 8 else ""
    return f"今天到期或已逾期的任务 {len(tasks)} 项（其中逾期 {overdue} 项）：\n" + "\n".join(lines) + more
