"""Benchmark: the 出访简报 of 10 enterprises on the province-scale database.

Run `python tests/bench/bench_briefing.py [--quick]` (also a part of bench_reports.py).

1. Rendering: `render_briefing` vs a raw reportlab canvas drawing the same strings (every cover and
   enterprise-page line, already wrapped, one drawString each, page numbers) in the same embedded
   font. Target: ≤ 2×. The row also reports the whole command's seconds (queries + PDF).
2. Queries: `briefing_data` (the storage module's queries, decoding, the dataclasses and talking
   points) vs one hand-written SQL per section over the same 10 enterprises, rows fetched as
   tuples. Target: ≤ 1.5×.

The 10 enterprises are the ones with the most visits (a leader visits the busiest accounts), so
every section is full. CPU time, best of interleaved runs (see bench_reports._interleaved).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench.bench_reports import _interleaved, raw_canvas  # noqa: E402
from tests.bench.common import print_table, province_db, row  # noqa: E402
from zsdesk.reports.briefing import render_briefing  # noqa: E402
from zsdesk.reports.fonts import register_fonts  # noqa: E402
from zsdesk.reports.handover_models import BriefingData  # noqa: E402
from zsdesk.reports.layout import wrap_text  # noqa: E402

ENTERPRISES = 10
_SECTIONS = (
    "SELECT * FROM enterprise WHERE deleted = 0 AND id IN ({in})",
    "SELECT * FROM contact WHERE deleted = 0 AND enterprise_id IN ({in}) ORDER BY created_at",
    "SELECT * FROM commissioner WHERE deleted = 0 AND enterprise_id IN ({in}) ORDER BY start_date DESC",
    "SELECT * FROM (SELECT v.*, row_number() OVER (PARTITION BY v.enterprise_id ORDER BY v.date DESC,"
    " v.created_at DESC) AS rn FROM visit v WHERE v.deleted = 0 AND v.enterprise_id IN ({in})) WHERE rn <= 3",
    "SELECT enterprise_id, count(*) FROM visit WHERE deleted = 0 AND enterprise_id IN ({in}) GROUP BY enterprise_id",
    "SELECT * FROM demand WHERE deleted = 0 AND status NOT IN ('已解决', '无法解决') AND enterprise_id IN ({in})"
    " ORDER BY due_date",
    "SELECT * FROM project WHERE deleted = 0 AND enterprise_id IN ({in}) ORDER BY last_activity DESC",
)


def busiest(db: Any, n: int = ENTERPRISES) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT enterprise_id FROM visit WHERE deleted = 0 GROUP BY enterprise_id ORDER BY count(*) DESC LIMIT ?",
            [n],
        ).fetchall()
    ]


def hand_written(db: Any, ids: list[str]) -> int:
    marks = ", ".join("?" * len(ids))
    return sum(len(db.execute(sql.replace("{in}", marks), ids).fetchall()) for sql in _SECTIONS)


def briefing_lines(data: BriefingData) -> list[str]:
    """The strings the pack prints, wrapped to the widths of their cells (a strict subset of our work)."""
    lines = [data.title, f"时间：{data.date_from}至{data.date_to}", "一、行程安排"]
    for r in data.itinerary:
        lines += [r.date, r.time or "待定", r.place, *wrap_text(r.enterprise, 110, 9).split("\n"), r.purpose]
    lines.append("三、企业概览")
    for f in data.enterprises:
        lines += [f.name, f.industry, "、".join(f.tags), f.commissioner]
    for f in data.enterprises:
        lines += [f.name, f.credit_code, f.industry, f.hq_region, f.ownership, f.commissioner, f.address]
        lines += [f"{c.name} {c.title} {c.phone} {c.email}" for c in f.contacts[:6]]
        for v in f.visits:
            lines += [v.date, v.form, v.leader, "、".join(v.participants)]
            lines += wrap_text(f"目的：{v.purpose}\n{v.minutes}", 210, 9, max_lines=6).split("\n")
            lines += wrap_text(v.next_steps, 120, 9, max_lines=6).split("\n")
        for d in f.demands[:8]:
            lines += wrap_text(d.content, 145, 9, max_lines=4).split("\n")
            lines += [d.category, d.department, d.status, d.due_date]
            lines += wrap_text(d.response, 105, 9, max_lines=4).split("\n")
        for p in f.projects[:8]:
            lines += [
                p.name,
                p.stage,
                p.status,
                str(p.planned_wan or ""),
                str(p.signed_wan or ""),
                p.signed_date,
            ]
        lines += [wrap_text(t, 480, 10) for t in f.talking_points]
    return lines


def bench_briefing(quick: bool = False) -> list[dict[str, Any]]:
    from zsdesk.services.context import open_workspace
    from zsdesk.services.handover import briefing_data, briefing_pack

    register_fonts()
    with open_workspace(province_db(), create=False) as ws:
        ids = busiest(ws.db)
        span = {"date_from": "2025-06-01", "date_to": "2025-06-03"}
        data = briefing_data(ws, enterprise_ids=ids, **span)
        lines = briefing_lines(data)
        repeat = 3 if quick else 7
        render = _interleaved(
            {"ours": lambda: render_briefing(data), "raw": lambda: raw_canvas(lines)}, repeat
        )
        query = _interleaved(
            {
                "ours": lambda: briefing_data(ws, enterprise_ids=ids, **span),
                "raw": lambda: hand_written(ws.db, ids),
            },
            repeat,
        )
        whole = _interleaved({"all": lambda: briefing_pack(ws, enterprise_ids=ids, **span)}, repeat)["all"]
    return [
        row(
            f"出访简报 {len(ids)} enterprises PDF (whole command {whole:.2f} s, {len(lines)} lines)",
            render["ours"],
            render["raw"],
            "≤ 2×",
        ),
        row(
            f"出访简报 {len(ids)} enterprises, queries vs one SQL per section",
            query["ours"],
            query["raw"],
            "≤ 1.5×",
        ),
    ]


if __name__ == "__main__":
    print_table(bench_briefing(quick="--quick" in sys.argv))
