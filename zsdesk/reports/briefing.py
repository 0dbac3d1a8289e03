"""出访简报: what a leader reads on the plane — a cover with the trip and its itinerary, an overview
of the enterprises, then each enterprise's 一企一档 pages (each starting on a new page)."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from .enterprise_file import Styles, enterprise_story, generated_note, grid_table
from .handover_models import BriefingData
from .layout import PageHeader, build_pdf, cn_date, frame_width, para, style, title_style


def period_text(date_from: str, date_to: str) -> str:
    """ "2024年6月1日至2024年6月3日", one date when both are the same, "" when neither is set."""
    a, b = cn_date(date_from), cn_date(date_to)
    if a and b and a != b:
        return f"{a}至{b}"
    return a or b


def short_date(value: str) -> str:
    """ "2024-06-07" -> "6月7日（周五）"; text that is not an ISO date is returned as-is."""
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day.month}月{day.day}日（周{'一二三四五六日'[day.weekday()]}）"


def render_briefing(data: BriefingData) -> bytes:
    """`render_briefing(BriefingData(office=..., title="出访简报", itinerary=[...], enterprises=[...]))`."""
    width = frame_width()
    st = Styles()
    info = style("brief-info", 10.5, alignment=TA_CENTER, spaceAfter=1 * mm)
    story: list[Flowable] = [Spacer(1, 6 * mm), Paragraph(data.title or "出访简报", title_style(20))]
    leader = data.leader
    if leader:
        rank = "，".join(x for x in (data.leader_rank, "党政负责同志" if data.party_leader else "") if x)
        story.append(para(f"带队领导：{leader}" + (f"（{rank}）" if rank else ""), info))
    when = period_text(data.date_from, data.date_to)
    line = "　　".join(
        x for x in (f"时间：{when}" if when else "", f"地点：{data.places}" if data.places else "") if x
    )
    if line:
        story.append(para(line, info))
    story.append(para(f"拜访企业 {len(data.enterprises)} 家", info))
    if data.note:
        story.append(para(data.note, style("brief-note", 10, spaceBefore=2 * mm)))

    story.append(st.heading("一、行程安排"))
    if data.itinerary:
        rows = [["序号", "日期", "时间", "地点", "企业", "参加人员", "目的 / 事项"]]
        for i, r in enumerate(data.itinerary, start=1):
            rows.append(
                [str(i), short_date(r.date), r.time or "待定", r.place, r.enterprise, r.attendees, r.purpose]
            )
        center = [("ALIGN", (0, 1), (0, -1), "CENTER")]
        story.append(
            grid_table(rows, (0.05, 0.17, 0.06, 0.11, 0.23, 0.15, 0.23), width, max_lines=4, extra=center)
        )
    else:
        story.append(st.empty("（尚未安排行程）"))

    if data.negotiated:
        story.append(st.heading("二、拟洽谈项目"))
        story.extend(st.point(f"{i}. {p}") for i, p in enumerate(data.negotiated, start=1))

    story.append(st.heading(("三" if data.negotiated else "二") + "、企业概览"))
    if data.enterprises:
        rows = [["序号", "企业", "行业", "标签", "服务专员", "未办结诉求", "项目"]]
        for i, f in enumerate(data.enterprises, start=1):
            stages = "、".join(f"{p.name}（{p.stage}）" for p in f.projects[:2])
            if len(f.projects) > 2:
                stages += f" 等{len(f.projects)}个"
            rows.append(
                [
                    str(i),
                    f.name,
                    f.industry,
                    "、".join(f.tags),
                    f.commissioner or "—",
                    str(len(f.demands)),
                    stages,
                ]
            )
        center = [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (5, 1), (5, -1), "CENTER")]
        story.append(
            grid_table(rows, (0.06, 0.25, 0.11, 0.14, 0.1, 0.09, 0.25), width, max_lines=3, extra=center)
        )
    else:
        story.append(st.empty("（无）"))
    story.extend(generated_note(data.generated_on, "简报"))

    for f in data.enterprises:
        story.append(PageBreak())
        story.extend(enterprise_story(f, st, width))
    right = "出访简报" + (f"　{period_text(data.date_from, data.date_to)}" if data.date_from else "")
    header = PageHeader(data.office, right, title=data.title or "出访简报")
    return build_pdf(story, header=header, author=data.leader)
