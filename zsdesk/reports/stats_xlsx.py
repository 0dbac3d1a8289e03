"""情况统计表 as .xlsx: the PDF's layout in openpyxl, with number formats and print setup, for offices
that exchange Excel."""

from __future__ import annotations

import io
import math
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.money import wan_to_yi
from ..domain.stats import COLUMNS, MONEY_COLUMNS, NOTE_HEADER, StatsRow, StatsSheet
from .layout import cn_date
from .stats_sheet import DEFAULT_ATTACHMENT, DEFAULT_TITLE, header_label, period_text, yoy_rows

# Rows of the layout (1-based, as Excel counts).
ATTACHMENT_ROW = 1
TITLE_ROW = 2
PERIOD_ROW = 3
FILL_IN_ROW = 4
HEADER_ROW = 5
FIRST_DATA_ROW = 6
_WIDTHS = (20, 12, 12, 12, 13, 13, 13, 15, 22)
_ROW_HEIGHT = 20
_FONT = "宋体"  # what a government office's Excel opens with; the reader substitutes if missing
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def render_stats_xlsx(
    sheet: StatsSheet,
    *,
    title: str | None = None,
    attachment_label: str | None = None,
) -> bytes:
    """`render_stats_xlsx(sheet)` -> .xlsx bytes; figures are real numbers (money in 亿元, 0.00).

    合计 holds the sum of the printed (rounded) amounts, as on the PDF, so the column adds up.
    """
    title = title or sheet.title
    if attachment_label is None:
        attachment_label = DEFAULT_ATTACHMENT if sheet.basis or title == DEFAULT_TITLE else ""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "统计表"
    ncols = len(COLUMNS) + 2
    last = get_column_letter(ncols)

    ws.cell(ATTACHMENT_ROW, 1, attachment_label).font = Font(name=_FONT, size=12)
    ws.merge_cells(f"A{TITLE_ROW}:{last}{TITLE_ROW}")
    cell = ws.cell(TITLE_ROW, 1, title)
    cell.font = Font(name=_FONT, size=18, bold=True)
    cell.alignment = _CENTER
    ws.row_dimensions[TITLE_ROW].height = 32
    ws.merge_cells(f"A{PERIOD_ROW}:{last}{PERIOD_ROW}")
    cell = ws.cell(PERIOD_ROW, 1, period_text(sheet))
    cell.font = Font(name=_FONT, size=11)
    cell.alignment = _CENTER
    _fill_in_row(ws, sheet)

    header = [sheet.unit_header, *(h for _, h in COLUMNS), NOTE_HEADER]
    for col, text in enumerate(header, start=1):
        cell = ws.cell(HEADER_ROW, col, text)
        cell.font = Font(name=_FONT, size=11, bold=True)
        cell.alignment = _CENTER
        cell.border = _BORDER
        cell.fill = PatternFill("solid", fgColor="EDEDED")
    ws.row_dimensions[HEADER_ROW].height = 36

    rows = [*sheet.rows, sheet.total]
    for offset, row in enumerate(rows):
        _write_row(ws, FIRST_DATA_ROW + offset, row, bold=offset == len(rows) - 1)

    after = FIRST_DATA_ROW + len(rows) + 1
    if sheet.previous is not None:
        after = _yoy_block(ws, sheet, after) + 1
    _signatures(ws, after)
    for col, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    _print_setup(ws, last)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _fill_in_row(ws: Worksheet, sheet: StatsSheet) -> None:
    # Three merged blocks across the nine columns, like the printed 填报单位 / 填报人 / 填报时间 line.
    blocks = (
        ("A", "D", f"填报单位：{sheet.unit_text}", "left"),
        ("E", "F", f"填报人：{sheet.filler}", "center"),
        ("G", "I", f"填报时间：{cn_date(sheet.filled_on) if sheet.filled_on else ''}", "right"),
    )
    for first, last, text, align in blocks:
        ws.merge_cells(f"{first}{FILL_IN_ROW}:{last}{FILL_IN_ROW}")
        cell = ws[f"{first}{FILL_IN_ROW}"]
        cell.value = text
        cell.font = Font(name=_FONT, size=11)
        cell.alignment = Alignment(horizontal=align, vertical="center")
    ws.row_dimensions[FILL_IN_ROW].height = 22


def _yoy_block(ws: Worksheet, sheet: StatsSheet, first: int) -> int:
    """去年同期 / 同比 under the main table (same columns); returns the last row used."""
    assert sheet.previous is not None
    prev = sheet.previous
    ws.merge_cells(f"A{first}:I{first}")
    cell = ws.cell(
        first, 1, f"同比：去年同期（{cn_date(prev.date_from)}至{cn_date(prev.date_to)}）数字及增减幅度"
    )
    cell.font = Font(name=_FONT, size=11, bold=True)
    for col, text in enumerate([sheet.unit_header, *(header_label(h) for _, h in COLUMNS)], start=1):
        cell = ws.cell(first + 1, col, text)
        cell.font = Font(name=_FONT, size=10, bold=True)
        cell.alignment = _CENTER
        cell.border = _BORDER
    ws.row_dimensions[first + 1].height = 30
    r = first + 1
    for r, cells in enumerate(yoy_rows(sheet), start=first + 2):
        for col, text in enumerate(cells, start=1):
            cell = ws.cell(r, col, text)
            cell.font = Font(name=_FONT, size=10)
            cell.alignment = _CENTER
            cell.border = _BORDER
        ws.row_dimensions[r].height = 30
    return r


def _signatures(ws: Worksheet, r: int) -> None:
    """审核人 / 单位负责人 / 联系电话 and the seal's place, under the table as on the PDF."""
    line = "_" * 12
    for first, last, text in (
        ("A", "B", f"审核人：{line}"),
        ("C", "E", f"单位负责人：{line}"),
        ("F", "G", f"联系电话：{line}"),
        ("H", "I", "（单位盖章）"),
    ):
        ws.merge_cells(f"{first}{r}:{last}{r}")
        cell = ws[f"{first}{r}"]
        cell.value = text
        cell.font = Font(name=_FONT, size=11)
        cell.alignment = Alignment(horizontal="center" if first == "H" else "left", vertical="bottom")
    ws.row_dimensions[r].height = 45  # room for the seal


def _write_row(ws: Worksheet, r: int, row: StatsRow, *, bold: bool) -> None:
    values: list[Any] = [row.unit]
    formats = ["@"]
    for key, _ in COLUMNS:
        if key in MONEY_COLUMNS:
            # Decimal keeps the two-decimal 亿元 exact; openpyxl writes it as a number.
            values.append(wan_to_yi(row.value(key)))
            formats.append("0.00")
        else:
            values.append(row.value(key))
            formats.append("0")
    values.append(row.note)
    formats.append("@")
    for col, (value, fmt) in enumerate(zip(values, formats, strict=True), start=1):
        cell = ws.cell(r, col, value)
        cell.number_format = fmt
        cell.border = _BORDER
        cell.font = Font(name=_FONT, size=11, bold=bold)
        cell.alignment = (
            Alignment(horizontal="left", vertical="center", wrap_text=True) if col == len(values) else _CENTER
        )
    # Excel does not grow a row for wrapped text on its own: a long office name (a CJK character
    # is two width units) gets the lines it needs.
    lines = max(1, math.ceil(2 * len(row.unit) / (_WIDTHS[0] - 1)))
    ws.row_dimensions[r].height = _ROW_HEIGHT if lines == 1 else 15 * lines + 4


def _print_setup(ws: Worksheet, last_col: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed, one page wide
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]  # made with the sheet
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{last_col}{ws.max_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"  # type: ignore[union-attr]  # made with the sheet
    ws.freeze_panes = f"B{FIRST_DATA_ROW}"
