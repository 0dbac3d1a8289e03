"""外出招商一表 (004's 一表): every leader trip of a period on A4 landscape — leader, 党政负责同志,
dates, places, enterprises visited, projects negotiated and signed — with the totals the targets
count (trips, of which led by 党政负责同志)."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..domain.money import format_yi
from .briefing import period_text
from .enterprise_file import generated_note, grid_table
from .handover_models import TripSheetData
from .layout import LANDSCAPE, PageHeader, build_pdf, frame_width, para, style, title_style

HEADERS = (
    "序号",
    "带队领导",
    "职务",
    "党政负责\n同志",
    "出发日期",
    "返回日期",
    "地点",
    "走访企业",
    "洽谈项目",
    "签约项目",
    "备注",
)
_FRACTIONS = (0.04, 0.08, 0.08, 0.06, 0.08, 0.08, 0.09, 0.17, 0.13, 0.13, 0.08)


def render_trips_sheet(data: TripSheetData) -> bytes:
    """`render_trips_sheet(TripSheetData(office=..., rows=[TripSheetRow(...)]))` -> PDF bytes."""
    width = frame_width(LANDSCAPE)
    party = sum(1 for r in data.rows if r.party_leader)
    signed = sum(len(r.signed) for r in data.rows)
    when = period_text(data.date_from, data.date_to) or "全部时间"
    story: list[Flowable] = [
        Paragraph("外出招商情况一览表", title_style(18)),
        para(f"{data.office}　{when}", style("ts-sub", 10.5, alignment=TA_CENTER, spaceAfter=1 * mm)),
        para(
            f"外出招商 {len(data.rows)} 次，其中党政负责同志带队 {party} 次；签约项目 {signed} 个",
            style("ts-total", 10.5, alignment=TA_CENTER, spaceAfter=3 * mm),
        ),
    ]
    rows = [list(HEADERS)]
    for i, r in enumerate(data.rows, start=1):
        visited = "、".join(r.enterprises) + (f"（走访记录 {r.visits} 条）" if r.visits else "")
        signed_text = "、".join(r.signed) + (
            f"（签约 {format_yi(r.signed_wan)} 亿元）" if r.signed_wan else ""
        )
        rows.append(
            [
                str(i),
                r.leader,
                r.leader_rank,
                "是" if r.party_leader else "否",
                r.start_date,
                r.end_date,
                r.places,
                visited,
                "、".join(r.negotiated),
                signed_text,
                r.note,
            ]
        )
    if not data.rows:
        story.append(para("所选期间没有外出招商记录。", style("ts-empty", 11)))
    else:
        center = [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (3, 1), (3, -1), "CENTER")]
        story.append(grid_table(rows, _FRACTIONS, width, size=8.5, max_lines=8, extra=center))
    story.append(Spacer(1, 6 * mm))
    story.extend(generated_note(data.generated_on, "表"))
    header = PageHeader(data.office, f"外出招商一表　{when}", title="外出招商情况一览表", margin_y=14 * mm)
    return build_pdf(story, header=header, pagesize=LANDSCAPE)
