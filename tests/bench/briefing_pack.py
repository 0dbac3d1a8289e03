"""Benchmark: the 出访简报 of 10 enterprises on the province-scale database.

Run `python tests/bench/briefing_pack.py [--quick]`; bench_reports.py (and so tests/bench/run.py) includes
its rows. Not named bench_*.py so the runner does not run it twice.

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
    """Every string the pack prints (headings, labels, table headers, cells wrapped to their
    columns), one per line; the raw canvas then does strictly less than we do: no tables, no
    grid, no layout."""
    lines = [data.title, f"时间：{data.date_from}至{data.date_to}", f"拜访企业 {len(data.enterprises)} 家"]
    lines += ["一、行程安排", "序号 日期 时间 地点 企业 参加人员 目的 / 事项"]
    for i, r in enumerate(data.itinerary, start=1):
        lines += [
            str(i),
            r.date,
            r.time or "待定",
            r.place,
            *wrap_text(r.enterprise, 110, 9).split("\n"),
            r.purpose,
        ]
    lines += ["二、企业概览", "序号 企业 行业 标签 服务专员 未办结诉求 项目"]
    for i, f in enumerate(data.enterprises, start=1):
        lines += [str(i), f.name, f.industry, "、".join(f.tags), f.commissioner, str(len(f.demands))]
        lines += [f"{p.name}（{p.stage}）" for p in f.projects[:2]]
    for f in data.enterprises:
        lines += [f.name, "　".join(f"【{t}】" for t in f.tags)]
        lines += ["企业名称", f.name, "统一社会信用代码", f.credit_code, "所属行业", f.industry, "总部所在地"]
        lines += [f.hq_region, "企业性质", f.ownership, "服务专员", f.commissioner, "地址", f.address]
        lines += ["一、联系人", "姓名 职务 联系电话 电子邮箱"]
        lines += [f"{c.name} {c.title} {c.phone} {c.email}" for c in f.contacts[:6]]
        lines += [f"二、近期走访（共 {f.visit_total} 次）", "日期 形式 / 带队 目的与洽谈要点 下一步工作"]
        for v in f.visits:
            lines += [v.date, v.form, f"带队：{v.leader}", f"参加：{'、'.join(v.participants)}"]
            lines += wrap_text(f"目的：{v.purpose}\n{v.minutes}", 210, 9, max_lines=6).split("\n")
            lines += wrap_text(v.next_steps, 120, 9, max_lines=6).split("\n")
        lines += ["三、未办结诉求", "诉求内容 类别 责任部门 状态 办理时限 最新回应"]
        for d in f.demands[:8]:
            lines += wrap_text(d.content, 145, 9, max_lines=4).split("\n")
            lines += [d.category, d.department, d.status, d.due_date]
            lines += wrap_text(d.response, 105, 9, max_lines=4).split("\n")
        lines += ["四、项目", "项目名称 阶段 状态 计划投资(亿元) 签约金额(亿元) 签约日期 落地 / 开工 目标地"]
        for p in f.projects[:8]:
            lines += [
                p.name,
                p.stage,
                p.status,
                str(p.planned_wan or ""),
                str(p.signed_wan or ""),
                p.signed_date,
            ]
        lines.append("五、建议谈话要点")
        for t in f.talking_points:
            lines += wrap_text(t, 480, 10).split("\n")
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
