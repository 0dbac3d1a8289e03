"""督办单: open enterprise demands chased by 责任部门 — a PDF section per department (each on its
own pages, to hand or fax to that department) and the same rows as one .xlsx sheet."""

from __future__ import annotations

import io
from itertools import groupby

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from .enterprise_file import OVERDUE, grid_table
from .fonts import register_fonts
from .handover_models import DemandSheetData, DemandSheetRow
from .layout import LANDSCAPE, PageHeader, build_pdf, cn_date, frame_width, para, style, title_style

UNASSIGNED = "（未指定）"
HEADERS = (
    "序号",
    "责任部门",
    "企业名称",
    "诉求内容",
    "诉求类别",
    "提出日期",
    "办理时限",
    "超期天数",
    "办理状态",
    "最新回应",
)
_FRACTIONS = (0.04, 0.17, 0.27, 0.07, 0.09, 0.09, 0.06, 0.07, 0.2)  # no 责任部门 column: it heads the page


def scope_text(data: DemandSheetData) -> str:
    parts = [f"截至{cn_date(data.today)}"]
    parts.append(f"责任部门：{data.department}" if data.department else "全部责任部门")
    parts.append("仅列超期诉求" if data.overdue_only else "全部未办结诉求")
    return "　".join(parts)


def by_department(rows: list[DemandSheetRow]) -> list[tuple[str, list[DemandSheetRow]]]:
    return [(dept or UNASSIGNED, list(group)) for dept, group in groupby(rows, key=lambda r: r.department)]


def render_demands_pdf(data: DemandSheetData) -> bytes:
    """`render_demands_pdf(DemandSheetData(office=..., today=date(2024, 7, 1), rows=[...]))` -> PDF."""
    width = frame_width(LANDSCAPE)
    sub = style("dd-sub", 10.5, alignment=TA_CENTER, spaceAfter=3 * mm)
    story: list[Flowable] = []
    groups = by_department(data.rows)
    if not groups:
        story += [
            Paragraph("企业诉求督办单", title_style(18)),
            para(scope_text(data), sub),
            para("没有符合条件的未办结诉求。", style("dd-empty", 11)),
        ]
    for n, (dept, rows) in enumerate(groups):
        if n:
            story.append(PageBreak())
        late = sum(1 for r in rows if r.days_overdue > 0)
        story += [
            Paragraph("企业诉求督办单", title_style(18)),
            para(f"责任部门：{dept}", style("dd-dept", 13, alignment=TA_CENTER, spaceAfter=1.5 * mm)),
            para(f"{scope_text(data)}　共 {len(rows)} 件，其中超期 {late} 件", sub),
        ]
        table_rows = [[h for h in HEADERS if h != "责任部门"]]
        marks: list[tuple[object, ...]] = [
            ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ("ALIGN", (6, 1), (6, -1), "RIGHT"),
        ]
        for i, r in enumerate(rows, start=1):
            table_rows.append(
                [
                    str(i),
                    r.enterprise,
                    r.content,
                    r.category,
                    r.raised_date,
                    r.due_date,
                    str(r.days_overdue) if r.days_overdue > 0 else "",
                    r.status,
                    r.response,
                ]
            )
            if r.days_overdue > 0:
                marks.append(("TEXTCOLOR", (5, i), (6, i), OVERDUE))
        story.append(grid_table(table_rows, _FRACTIONS, width, max_lines=6, extra=marks))
        story.append(Spacer(1, 8 * mm))
        story.append(KeepTogether([_signatures(width)]))
    header = PageHeader(data.office, "企业诉求督办单", title="企业诉求督办单", margin_y=14 * mm)
    return build_pdf(story, header=header, pagesize=LANDSCAPE)


def _signatures(width: float) -> Table:
    line = "________________"
    table = Table(
        [[f"督办人：{line}", f"承办部门签收：{line}", f"反馈时限：{line}"]], colWidths=[width / 3] * 3
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), register_fonts(), 10.5),
                ("TEXTCOLOR", (0, 0), (-1, -1), colors.black),
            ]
        )
    )
    return table


# -- xlsx -------------------------------------------------------------------------------------

_FONT = "宋体"
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WIDTHS = (6, 22, 28, 40, 10, 12, 12, 9, 10, 36)
HEADER_ROW = 3


def render_demands_xlsx(data: DemandSheetData) -> bytes:
    """One sheet, 督办单: title, scope, then one row per demand (days overdue as a number)."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "督办单"
    last = get_column_letter(len(HEADERS))
    ws.merge_cells(f"A1:{last}1")
    ws["A1"] = "企业诉求督办单"
    ws["A1"].font = Font(name=_FONT, size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 28
    ws.merge_cells(f"A2:{last}2")
    ws["A2"] = f"{data.office}　{scope_text(data)}"
    ws["A2"].alignment = Alignment(horizontal="center")
    for col, text in enumerate(HEADERS, start=1):
        cell = ws.cell(HEADER_ROW, col, text)
        cell.font = Font(name=_FONT, size=11, bold=True)
        cell.fill = PatternFill("solid", fgColor="EDEDED")
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    r = HEADER_ROW
    for dept, rows in by_department(data.rows):
        for i, row in enumerate(rows, start=1):
            r += 1
            values = (
                i,
                dept,
                row.enterprise,
                row.content,
                row.category,
                row.raised_date,
                row.due_date,
                row.days_overdue if row.days_overdue > 0 else None,
                row.status,
                row.response,
            )
            for col, value in enumerate(values, start=1):
                cell = ws.cell(r, col, value)
                cell.border = _BORDER
                cell.alignment = wrap
                cell.font = Font(name=_FONT, size=10.5, color="B03A2E" if col == 8 else None)
    for col, w in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = w
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(r, HEADER_ROW)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]  # made with the sheet
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
