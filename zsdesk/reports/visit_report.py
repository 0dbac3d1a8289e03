"""走访纪要: one visit on one or two A4 pages, ending with the 记录人 / 审核人 signature lines."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..domain.money import format_yi
from .fonts import register_fonts
from .layout import (
    PageHeader,
    build_pdf,
    cn_date,
    column_widths,
    frame_width,
    grid_style,
    para,
    style,
    title_style,
)
from .models import VisitReportData

_BODY = 10.5
_LABEL_FRACTIONS = (0.2, 0.32, 0.14, 0.34)


def render_visit_report(data: VisitReportData) -> bytes:
    """`render_visit_report(VisitReportData(office=..., date="2024-06-26", ...))` -> PDF bytes."""
    body = style("visit-body", _BODY)
    cell = style("visit-cell", 10)
    heading = style("visit-heading", 12, spaceBefore=3 * mm, spaceAfter=1.5 * mm)
    empty = style("visit-empty", _BODY, textColor="#777777")
    width = frame_width()

    story: list[Flowable] = [
        Paragraph("走访纪要", title_style(20)),
        para(f"{data.office}　　　走访日期：{cn_date(data.date)}", style("visit-sub", 10.5, alignment=1)),
        Spacer(1, 4 * mm),
        _info_table(data, cell, width),
    ]

    def section(number: str, title: str, flowables: list[Flowable]) -> None:
        story.append(Paragraph(f"{number}、{title}", heading))
        story.extend(flowables or [Paragraph("（无）", empty)])

    section("一", "洽谈内容", [para(data.minutes, body)] if data.minutes.strip() else [])
    section("二", "投资意向", _intention(data, body))
    demands: list[Flowable] = [para(data.demands_text, body)] if data.demands_text.strip() else []
    if data.demands:
        demands.append(Spacer(1, 1.5 * mm))
        demands.append(_demand_table(data, cell, width))
    section("三", "企业诉求", demands)
    steps: list[Flowable] = [para(data.next_steps, body)] if data.next_steps.strip() else []
    for task in data.tasks:
        due = f"（{task.assignee or '未指定'}，{cn_date(task.due_date) or '无时限'}前" + (
            "，已完成）" if task.done else "）"
        )
        steps.append(para(f"□ {task.title}{due}", body))
    section("四", "下一步工作", steps)
    section(
        "五",
        "附件",
        [
            para(f"{i}. {a.filename}" + (f"（{a.kind}）" if a.kind else ""), body)
            for i, a in enumerate(data.attachments, start=1)
        ],
    )
    story.append(Spacer(1, 10 * mm))
    story.append(KeepTogether([_signatures(width), *_generated(data.generated_on)]))
    header = PageHeader(
        data.office, f"走访日期：{cn_date(data.date)}", title=f"走访纪要 {data.enterprise_name}"
    )
    return build_pdf(story, header=header, author=data.officer)


def _info_table(data: VisitReportData, cell: ParagraphStyle, width: float) -> Table:
    def p(text: str) -> Paragraph:
        return para(text, cell)

    leader = data.leader + (f"（{data.leader_rank}）" if data.leader and data.leader_rank else "")
    contacts = "\n".join(
        "　".join(x for x in (c.name, c.title, c.phone, c.email) if x) for c in data.contacts
    )
    rows: list[list[Any]] = [
        [p("企业名称"), p(data.enterprise_name), "", ""],
        [p("统一社会信用代码"), p(data.credit_code), p("所属行业"), p(data.industry)],
        [p("总部所在地"), p(data.hq_region), p("走访形式"), p(data.form)],
        [p("带队领导"), p(leader), p("记录人"), p(data.officer)],
        [p("参加人员"), p("、".join(data.participants)), "", ""],
        [p("走访目的"), p(data.purpose), "", ""],
        [p("企业联系人"), p(contacts), "", ""],
    ]
    if data.address:
        rows.insert(1, [p("企业地址"), p(data.address), "", ""])
    spans = [("SPAN", (1, r), (3, r)) for r, row in enumerate(rows) if row[2] == ""]
    labels = [("BACKGROUND", (0, 0), (0, -1), "#EDEDED")]
    labels += [("BACKGROUND", (2, r), (2, r), "#EDEDED") for r, row in enumerate(rows) if row[2] != ""]
    table = Table(rows, colWidths=column_widths(_LABEL_FRACTIONS, width))
    table.setStyle(grid_style(size=10, header_rows=0, extra=[*spans, *labels]))
    return table


def _intention(data: VisitReportData, body: ParagraphStyle) -> list[Flowable]:
    parts: list[str] = []
    if data.intention_industry:
        parts.append(f"意向行业：{data.intention_industry}")
    if data.intention_wan is not None:
        parts.append(f"意向投资额：{format_yi(data.intention_wan)}亿元")
    place = "　".join(x for x in (data.intention_city, data.intention_park) if x)
    if place:
        parts.append(f"意向落地：{place}")
    return [para("；".join(parts), body)] if parts else []


def _demand_table(data: VisitReportData, cell: ParagraphStyle, width: float) -> Table:
    rows: list[list[object]] = [["序号", "诉求内容", "类别", "责任部门", "办理状态", "办理时限"]]
    for i, d in enumerate(data.demands, start=1):
        rows.append(
            [str(i), para(d.content, cell), d.category, para(d.department, cell), d.status, d.due_date]
        )
    table = Table(rows, colWidths=column_widths((0.07, 0.43, 0.11, 0.16, 0.11, 0.14), width), repeatRows=1)
    table.setStyle(grid_style(size=9.5, extra=[("ALIGN", (0, 1), (0, -1), "CENTER")]))
    return table


def _generated(day: dt.date | None) -> list[Flowable]:
    if day is None:
        return []
    note = style("visit-generated", 8.5, alignment=TA_RIGHT, textColor="#777777", spaceBefore=6 * mm)
    return [Paragraph(f"本纪要由招商外勤桌面端生成于{cn_date(day)}", note)]


def _signatures(width: float) -> Table:
    line = "________________"
    table = Table(
        [[f"记录人：{line}", f"审核人：{line}", f"日期：{line}"]],
        colWidths=column_widths((1, 1, 1), width),
    )
    # No grid: these are blanks to sign by hand, as on a printed form.
    table.setStyle(
        TableStyle([("FONT", (0, 0), (-1, -1), register_fonts(), 11), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return table
