"""一企一档: one enterprise on one or two A4 pages — basics, contacts, 服务专员, recent visits, open
demands, projects, suggested talking points. The 出访简报 prints the same pages after its cover.

Each section is capped (newest visits, minutes cut to a few lines, the first demands and projects
with a "另有 N 条" line) so an enterprise never runs past two pages however much history it has.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from ..domain.money import format_yi
from .fonts import register_fonts
from .handover_models import EnterpriseFile
from .layout import (
    GridTable,
    PageHeader,
    build_pdf,
    cell_text_width,
    cn_date,
    column_widths,
    frame_width,
    grid_style,
    style,
    text_row_heights,
    wrap_text,
)

CELL = 9
OVERDUE = colors.HexColor("#B03A2E")
MAX_CONTACTS = 6
MAX_DEMANDS = 8
MAX_PROJECTS = 8
MAX_POINTS = 6
MINUTES_LINES = 5  # a visit's key points; the 走访纪要 has the minutes in full


def grid_table(
    rows: list[list[str]],
    fractions: Sequence[float],
    width: float,
    *,
    size: float = CELL,
    max_lines: int = 4,
    extra: Sequence[tuple[object, ...]] = (),
) -> Table:
    """A gridded table of plain strings: header row shaded and repeated, body cells wrapped to
    their column (at most `max_lines` lines, cut with an ellipsis)."""
    widths = column_widths(fractions, width)
    text_widths = [cell_text_width(w) for w in widths]
    body = [
        [wrap_text(text, text_widths[i], size, max_lines=max_lines) for i, text in enumerate(row)]
        for row in rows[1:]
    ]
    head = [wrap_text(text, text_widths[i], size, max_lines=2) for i, text in enumerate(rows[0])]
    cells = [head, *body]
    table = GridTable(cells, colWidths=widths, rowHeights=text_row_heights(cells, size), repeatRows=1)
    table.setStyle(grid_style(size=size, extra=extra))
    return table


def yi(wan: int | None) -> str:
    return "" if wan is None else format_yi(wan)


class Lines(Flowable):
    """Plain text in the CJK font, wrapped by `wrap_text` and drawn as one text object.

    Headings, notes and talking points need no markup; a Paragraph would parse, wrap and draw each
    of the ~20 blocks of every enterprise page word by word (a 10-company pack has 200 of them).
    Lines after the first start `indent` points in (a hanging indent for numbered points).
    """

    def __init__(self, text: str, size: float, *, color: str = "#000000", indent: float = 0.0,
                 before: float = 0.0, after: float = 0.0) -> None:  # fmt: skip
        super().__init__()
        self.text, self.size, self.color, self.indent = text, size, colors.HexColor(color), indent
        self.before, self.after, self.leading = before, after, size * 1.45
        self.lines: list[str] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.lines = wrap_text(self.text, availWidth - self.indent, self.size).split("\n")
        self.width, self.height = availWidth, len(self.lines) * self.leading
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return self.before

    def getSpaceAfter(self) -> float:
        return self.after

    def draw(self) -> None:
        canv = self.canv
        canv.setFillColor(self.color)
        text = canv.beginText(0, self.height - self.size)
        text.setFont(register_fonts(), self.size, self.leading)
        text.textLine(self.lines[0])
        if self.indent:
            text.setXPos(self.indent)
        for line in self.lines[1:]:
            text.textLine(line)
        canv.drawText(text)


class Styles:
    """The text blocks of an enterprise file: each method makes one `Lines` flowable."""

    def name(self, text: str) -> Lines:
        return Lines(text, 16, after=1.5 * mm)

    def tags(self, text: str) -> Lines:
        return Lines(text, 10, color="#8E4B10", after=2 * mm)

    def heading(self, text: str) -> Lines:
        return Lines(text, 11.5, before=3.5 * mm, after=1.5 * mm)

    def point(self, text: str) -> Lines:
        return Lines(text, 10, indent=4 * mm, after=0.8 * mm)

    def empty(self, text: str) -> Lines:
        return Lines(text, 9.5, color="#777777")

    def more(self, text: str) -> Lines:
        return Lines(text, 8.5, color="#777777", before=0.8 * mm)


def enterprise_story(f: EnterpriseFile, st: Styles, width: float | None = None) -> list[Flowable]:
    """The flowables of one enterprise file (the caller starts it on a new page)."""
    width = width or frame_width()
    story: list[Flowable] = [st.name(f.name)]
    tags = [*f.tags] + (["重点企业"] if f.is_key and "重点企业" not in f.tags else [])
    if tags:
        story.append(st.tags("　".join(f"【{t}】" for t in tags)))
    story.append(_basics(f, width))

    def section(title: str, body: list[Flowable], empty: str = "（无）") -> None:
        story.append(CondPageBreak(28 * mm))  # a heading never ends a page alone
        story.append(st.heading(title))
        story.extend(body or [st.empty(empty)])

    section("一、联系人", _contacts(f, width, st), "（尚未登记联系人）")
    section(
        "二、近期走访" + (f"（共 {f.visit_total} 次，列最近 {len(f.visits)} 次）" if f.visit_total else ""),
        _visits(f, width),
        "（尚无走访记录）",
    )
    section("三、未办结诉求", _demands(f, width, st), "（无未办结诉求）")
    section("四、项目", _projects(f, width, st), "（尚无项目）")
    points = [st.point(f"{i}. {p}") for i, p in enumerate(f.talking_points[:MAX_POINTS], start=1)]
    # The points are read together: a short list moves to the next page whole rather than split.
    story.append(KeepTogether([st.heading("五、建议谈话要点"), *(points or [st.empty("（暂无）")])]))
    return story


def _basics(f: EnterpriseFile, width: float) -> Table:
    commissioner = f.commissioner + (f"（{cn_date(f.commissioner_since)}起）" if f.commissioner_since else "")
    if f.commissioner and f.commissioner_duties:
        commissioner += f"；{f.commissioner_duties}"
    if f.former_commissioners:
        commissioner += f"（曾任：{'、'.join(f.former_commissioners)}）"
    name = f.name + (f"（简称：{f.short_name}）" if f.short_name else "")
    rows = [
        ["企业名称", name, "", ""],
        ["统一社会信用代码", f.credit_code, "所属行业", f.industry],
        ["总部所在地", f.hq_region, "企业性质", f.ownership],
        ["服务专员", commissioner or "（未指派）", "", ""],
    ]
    if f.address:
        rows.append(["地址", f.address, "", ""])
    if f.note:
        rows.append(["备注", f.note, "", ""])
    fractions = (0.19, 0.36, 0.13, 0.32)
    widths = column_widths(fractions, width)
    wide = cell_text_width(sum(widths[1:]))
    cells = []
    for row in rows:
        if row[2] == "":
            cells.append([row[0], wrap_text(row[1], wide, 9.5, max_lines=4), "", ""])
        else:
            cells.append(
                [
                    row[0],
                    wrap_text(row[1], cell_text_width(widths[1]), 9.5, max_lines=2),
                    row[2],
                    wrap_text(row[3], cell_text_width(widths[3]), 9.5, max_lines=2),
                ]
            )
    spans = [("SPAN", (1, r), (3, r)) for r, row in enumerate(rows) if row[2] == ""]
    shade = [("BACKGROUND", (0, 0), (0, -1), "#EDEDED")]
    shade += [("BACKGROUND", (2, r), (2, r), "#EDEDED") for r, row in enumerate(rows) if row[2] != ""]
    table = GridTable(cells, colWidths=widths, rowHeights=text_row_heights(cells, 9.5))
    table.setStyle(grid_style(size=9.5, header_rows=0, extra=[*spans, *shade]))
    return table


def _more(count: int, shown: int, what: str, st: Styles) -> list[Flowable]:
    return [st.more(f"另有 {count - shown} 条{what}未列出。")] if count > shown else []


def _contacts(f: EnterpriseFile, width: float, st: Styles) -> list[Flowable]:
    if not f.contacts:
        return []
    rows = [["姓名", "职务", "联系电话", "电子邮箱"]]
    rows += [[c.name, c.title, c.phone, c.email] for c in f.contacts[:MAX_CONTACTS]]
    return [
        grid_table(rows, (0.18, 0.3, 0.22, 0.3), width, max_lines=2),
        *_more(len(f.contacts), MAX_CONTACTS, "联系人", st),
    ]


def _visits(f: EnterpriseFile, width: float) -> list[Flowable]:
    if not f.visits:
        return []
    rows = [["日期", "形式 / 带队", "目的与洽谈要点", "下一步工作"]]
    for v in f.visits:
        who = v.form + (f"\n带队：{v.leader}" if v.leader else "")
        if v.participants:
            who += f"\n参加：{'、'.join(v.participants)}"
        points = "\n".join(x for x in (f"目的：{v.purpose}" if v.purpose else "", v.minutes) if x)
        rows.append([v.date, who, points, v.next_steps])
    return [grid_table(rows, (0.13, 0.19, 0.43, 0.25), width, max_lines=MINUTES_LINES + 1)]


def _demands(f: EnterpriseFile, width: float, st: Styles) -> list[Flowable]:
    if not f.demands:
        return []
    rows = [["诉求内容", "类别", "责任部门", "状态", "办理时限", "最新回应"]]
    late: list[tuple[object, ...]] = []
    for i, d in enumerate(f.demands[:MAX_DEMANDS], start=1):
        due = d.due_date + (f"\n超期{d.days_overdue}天" if d.days_overdue > 0 else "")
        if d.days_overdue > 0:
            late.append(("TEXTCOLOR", (4, i), (4, i), OVERDUE))
        rows.append([d.content, d.category, d.department or "（未指定）", d.status, due, d.response])
    table = grid_table(rows, (0.3, 0.09, 0.17, 0.09, 0.13, 0.22), width, max_lines=4, extra=late)
    return [table, *_more(len(f.demands), MAX_DEMANDS, "诉求", st)]


def _projects(f: EnterpriseFile, width: float, st: Styles) -> list[Flowable]:
    if not f.projects:
        return []
    rows = [
        [
            "项目名称",
            "阶段",
            "状态",
            "计划投资\n(亿元)",
            "签约金额\n(亿元)",
            "签约日期",
            "落地 / 开工",
            "目标地",
        ]
    ]
    for p in f.projects[:MAX_PROJECTS]:
        dates = "\n".join(
            x
            for x in (
                f"落地 {p.landed_date}" if p.landed_date else "",
                f"开工 {p.started_date}" if p.started_date else "",
            )
            if x
        )
        rows.append(
            [p.name, p.stage, p.status, yi(p.planned_wan), yi(p.signed_wan), p.signed_date, dates, p.target]
        )
    right = [("ALIGN", (3, 1), (4, -1), "RIGHT")]
    table = grid_table(rows, (0.23, 0.1, 0.07, 0.1, 0.1, 0.12, 0.16, 0.12), width, max_lines=3, extra=right)
    return [table, *_more(len(f.projects), MAX_PROJECTS, "项目", st)]


def generated_note(day: dt.date | None, what: str) -> list[Flowable]:
    if day is None:
        return []
    note = style("ef-generated", 8.5, alignment=TA_RIGHT, textColor="#777777", spaceBefore=5 * mm)
    return [Paragraph(f"本{what}由招商外勤桌面端据本机数据生成于{cn_date(day)}，仅供内部工作参考", note)]


def render_enterprise_file(f: EnterpriseFile, *, office: str, generated_on: dt.date | None = None) -> bytes:
    """`render_enterprise_file(EnterpriseFile(name="..."), office="省政府驻上海办事处")` -> PDF bytes."""
    st = Styles()
    story = [
        Paragraph("一企一档", style("ef-title", 11, textColor="#555555")),
        Spacer(1, 1 * mm),
        *enterprise_story(f, st),
        *generated_note(generated_on, "档案"),
    ]
    header = PageHeader(office, f"一企一档　{f.name}", title=f"一企一档 {f.name}")
    return build_pdf(story, header=header)
