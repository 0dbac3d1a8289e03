"""周报: an office's ISO week — totals and statistics, visits by officer, projects, demands, overdue tasks.

Table cells are pre-wrapped plain strings (`layout.wrap_text`), not Paragraphs: a week of 300 visits
then lays out in a fraction of the time, and every long table repeats its header row on each page.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..domain.money import format_yi
from .fonts import register_fonts
from .layout import (
    GridTable,
    PageHeader,
    build_pdf,
    cell_text_width,
    cn_date,
    column_widths,
    frame_width,
    grid_style,
    para,
    style,
    text_row_heights,
    title_style,
    wrap_text,
)
from .models import WeeklyReportData, WeeklyVisit
from .stats_sheet import header_label, stats_table

_CELL = 9
_SUMMARY_LINES = 3  # a visit's minutes are summarised; the 走访纪要 has them in full


def week_title(data: WeeklyReportData) -> str:
    year, number, _ = data.date_from.isocalendar()
    return f"{year}年第{number}周（{cn_date(data.date_from)}至{cn_date(data.date_to)}）"


def render_weekly_report(data: WeeklyReportData) -> bytes:
    """`render_weekly_report(WeeklyReportData(office=..., week="2024-W26", ...))` -> PDF bytes."""
    width = frame_width()
    heading = style("weekly-heading", 12.5, spaceBefore=4 * mm, spaceAfter=2 * mm)
    sub = style("weekly-sub", 10.5, spaceBefore=2 * mm, spaceAfter=1.2 * mm)
    empty = style("weekly-empty", 10, textColor="#777777")
    story: list[Flowable] = [
        Paragraph("招商工作周报", title_style(20)),
        para(f"{data.office}　　{week_title(data)}", style("weekly-period", 11, alignment=TA_CENTER)),
        Spacer(1, 3 * mm),
    ]

    def section(title: str, body: Sequence[Flowable]) -> None:
        # Not keepWithNext: that glues the heading to a table that may run for pages, and reportlab
        # then pushes the whole table to a fresh page. A heading only needs room for a few rows.
        story.append(CondPageBreak(35 * mm))
        story.append(Paragraph(title, heading))
        story.extend(body or [Paragraph("本周无。", empty)])

    # Both figures are the office's own, and say so: 本周统计 never silently counts its 市州 instead.
    section("一、本周概况", [Paragraph(f"统计范围：{data.office}", sub), *_totals(data, width)])
    if data.stats is not None:
        story.append(Paragraph(f"本周统计（{data.stats.unit_text}，口径同《情况统计表》）", sub))
        story.append(stats_table(data.stats, width, size=8.5))
    elif data.stats_note:
        story.append(Paragraph(data.stats_note, empty))
    section("二、走访情况（按人员）", _visits(data.visits, width))
    section("三、项目进展", _projects(data, width))
    section("四、企业诉求", _demands(data, width))
    section("五、逾期未完成任务", _overdue(data, width))
    story.append(Spacer(1, 10 * mm))
    generated: list[Flowable] = []
    if data.generated_on:
        note = style("weekly-generated", 8.5, alignment=TA_RIGHT, textColor="#777777", spaceBefore=6 * mm)
        generated.append(Paragraph(f"本周报由招商外勤桌面端生成于{cn_date(data.generated_on)}", note))
    story.append(KeepTogether([_signatures(width), *generated]))
    header = PageHeader(data.office, f"周报　{week_title(data)}", title=f"招商工作周报 {data.week}")
    return build_pdf(story, header=header)


def _table(
    rows: list[list[str]],
    fractions: Sequence[float],
    width: float,
    *,
    header_rows: int = 1,
    grid_from_row: int = 0,
    extra: Sequence[tuple[object, ...]] = (),
) -> Table:
    widths = column_widths(fractions, width)
    # A header too wide for its column puts its unit "(亿元)" on a second line, as printed forms do.
    h = header_rows - 1
    rows[h] = [
        header_label(text) if _CELL * len(text) > cell_text_width(w) else text
        for text, w in zip(rows[h], widths, strict=True)
    ]
    table = GridTable(
        rows, colWidths=widths, rowHeights=text_row_heights(rows, _CELL), repeatRows=header_rows
    )
    table.setStyle(grid_style(size=_CELL, header_rows=header_rows, grid_from_row=grid_from_row, extra=extra))
    return table


def _wrapped(
    rows: list[list[str]],
    fractions: Sequence[float],
    width: float,
    max_lines: int = 6,
    *,
    header_rows: int = 1,
) -> None:
    """Wrap every body cell in place to its column width (header rows left alone)."""
    widths = [cell_text_width(w) for w in column_widths(fractions, width)]
    for row in rows[header_rows:]:
        for i, text in enumerate(row):
            row[i] = wrap_text(text, widths[i], _CELL, max_lines=max_lines)


def _totals(data: WeeklyReportData, width: float) -> list[Flowable]:
    events = [e for d in data.demands for e in d.events]
    figures = [
        ("走访(次)", len(data.visits)),
        ("走访企业(户)", len({v.enterprise for v in data.visits})),
        ("新建项目(个)", sum(1 for p in data.projects if p.created_on)),
        ("推进项目(个)", sum(1 for p in data.projects if p.steps)),
        ("新提诉求(个)", events.count("新提出")),
        ("回应诉求(个)", events.count("已回应")),
        ("办结诉求(个)", events.count("已办结")),
        ("逾期任务(项)", len(data.overdue_tasks)),
    ]
    rows = [[label for label, _ in figures], [str(n) for _, n in figures]]
    return [_table(rows, [1] * len(figures), width, extra=[("ALIGN", (0, 1), (-1, -1), "CENTER")])]


_VISIT_FRACTIONS = (0.13, 0.27, 0.1, 0.12, 0.38)


def _visits(visits: list[WeeklyVisit], width: float) -> list[Flowable]:
    out: list[Flowable] = []
    ordered = sorted(visits, key=lambda v: (v.officer or "\uffff", v.date))
    summary_width = cell_text_width(column_widths(_VISIT_FRACTIONS, width)[4])
    for officer, group in groupby(ordered, key=lambda v: v.officer):
        items = list(group)
        # The officer's name is a caption row across the table, repeated with the column headers
        # on every page the table runs onto, so a continued table still says whose visits these are.
        rows = [
            [f"{officer or '未填写记录人'}（{len(items)}次）", "", "", "", ""],
            ["日期", "企业", "形式", "带队领导", "洽谈要点"],
        ]
        rows += [[v.date, v.enterprise, v.form, v.leader] for v in items]
        # The first four columns wrap to their widths; the summary is cut to a few lines (the
        # 走访纪要 has the minutes in full), so it is wrapped once, separately.
        head_width = width * sum(_VISIT_FRACTIONS[:4]) / sum(_VISIT_FRACTIONS)
        _wrapped(rows, _VISIT_FRACTIONS[:4], head_width, header_rows=2)
        for row, visit in zip(rows[2:], items, strict=True):
            summary = visit.summary.replace("\n", " ")
            row.append(wrap_text(summary, summary_width, _CELL, max_lines=_SUMMARY_LINES))
        named = [("ALIGN", (0, 0), (-1, 0), "LEFT"), ("FONTSIZE", (0, 0), (-1, 0), 10)]
        out.append(_table(rows, _VISIT_FRACTIONS, width, header_rows=2, grid_from_row=1, extra=named))
        out.append(Spacer(1, 2.5 * mm))
    return out


def _projects(data: WeeklyReportData, width: float) -> list[Flowable]:
    if not data.projects:
        return []
    fractions = (0.26, 0.22, 0.11, 0.29, 0.12)
    rows = [["项目名称", "企业", "当前阶段", "本周进展", "计划投资(亿元)"]]
    for p in data.projects:
        changes = [f"{cn_date(p.created_on)} 新建项目"] if p.created_on else []
        changes += [
            f"{cn_date(s.date)} {s.from_stage or '—'}→{s.to_stage}" + (f"（{s.note}）" if s.note else "")
            for s in p.steps
        ]
        planned = format_yi(p.planned_wan) if p.planned_wan is not None else ""
        rows.append([p.name, p.enterprise, p.stage, "\n".join(changes), planned])
    _wrapped(rows, fractions, width, max_lines=8)
    return [_table(rows, fractions, width, extra=[("ALIGN", (4, 1), (4, -1), "RIGHT")])]


def _demands(data: WeeklyReportData, width: float) -> list[Flowable]:
    if not data.demands:
        return []
    fractions = (0.2, 0.34, 0.1, 0.1, 0.26)
    rows = [["企业", "诉求内容", "类别", "状态", "本周动态"]]
    for d in data.demands:
        when = {"新提出": d.raised_date, "已回应": d.answered_date, "已办结": d.closed_date}
        happened = "\n".join(f"{cn_date(when.get(e, ''))} {e}".strip() for e in d.events)
        rows.append([d.enterprise, d.content, d.category, d.status, happened])
    _wrapped(rows, fractions, width)
    return [_table(rows, fractions, width)]


def _overdue(data: WeeklyReportData, width: float) -> list[Flowable]:
    if not data.overdue_tasks:
        return []
    fractions = (0.38, 0.12, 0.15, 0.1, 0.25)
    rows = [["任务内容", "负责人", "截止日期", "逾期(天)", "相关企业/项目"]]
    rows += [[t.title, t.assignee, t.due_date, str(t.days_overdue), t.about] for t in data.overdue_tasks]
    _wrapped(rows, fractions, width)
    # Overdue figures in red: they are what the team lead has to chase first.
    return [_table(rows, fractions, width, extra=[("TEXTCOLOR", (3, 1), (3, -1), "#B00000")])]


def _signatures(width: float) -> Table:
    line = "________________"
    table = Table([[f"填报人：{line}", f"审核人（组长）：{line}"]], colWidths=[width / 2] * 2)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), register_fonts(), 11)]))
    return table
