"""情况统计表 as PDF: the layout of seed 002 附件2 on A4 landscape, ready to sign and send."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ..domain.stats import COLUMNS, NOTE_HEADER, UNIT_HEADER, StatsRow, StatsSheet
from .fonts import register_fonts
from .layout import (
    LANDSCAPE,
    PageHeader,
    build_pdf,
    cn_date,
    column_widths,
    frame_width,
    grid_style,
    para,
    style,
    wrap_text,
)

DEFAULT_TITLE = "制造业招商引资“百日攻坚”行动情况统计表"
DEFAULT_ATTACHMENT = "附件2"
# 市(州), the seven figures, 备注: 备注 gets the room left over.
_FRACTIONS = (1.7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.15, 1.35)
ROLLUP_LABEL = "各填报单位汇总"  # running header of a sheet that lists every unit


def header_label(text: str) -> str:
    """`召开推介会(次)` -> two lines `召开推介会` / `(次)`, as the unit sits under the name on the form."""
    name, sep, unit = text.partition("(")
    return f"{name}\n({unit}" if sep else text


def period_text(sheet: StatsSheet) -> str:
    return f"统计期间：{cn_date(sheet.date_from)}至{cn_date(sheet.date_to)}"


def stats_table(sheet: StatsSheet, width: float, *, size: float = 10) -> Table:
    """The sheet's grid: header row, one row per unit, then 合计 (also used by the weekly report)."""
    widths = column_widths(_FRACTIONS, width)
    unit_width, note_width = widths[0] - 6.5, widths[-1] - 6.5
    header = [UNIT_HEADER, *(header_label(h) for _, h in COLUMNS), NOTE_HEADER]
    rows: list[list[str]] = [header]
    for row in [*sheet.rows, sheet.total]:
        rows.append(_cells(row, unit_width, note_width, size))
    table = Table(rows, colWidths=column_widths(_FRACTIONS, width), repeatRows=1)
    last = len(rows) - 1
    table.setStyle(
        grid_style(
            size=size,
            extra=[
                ("ALIGN", (0, 1), (-2, -1), "CENTER"),
                ("LEADING", (0, 1), (-1, -1), size * 1.2),
                ("TOPPADDING", (0, 1), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 2.5),
                ("BACKGROUND", (0, last), (-1, last), "#F5F5F5"),
                ("LINEABOVE", (0, last), (-1, last), 1.0, "black"),
            ],
        )
    )
    return table


def _cells(row: StatsRow, unit_width: float, note_width: float, size: float) -> list[str]:
    return [
        # Office units can be long (成都市投资促进局驻上海招商分局): wrap rather than overflow.
        wrap_text(row.unit, unit_width, size, max_lines=3),
        *(row.display(key) for key, _ in COLUMNS),
        wrap_text(row.note, note_width, size, max_lines=3),
    ]


def render_stats_pdf(
    sheet: StatsSheet,
    *,
    title: str = DEFAULT_TITLE,
    attachment_label: str = DEFAULT_ATTACHMENT,
) -> bytes:
    """`render_stats_pdf(compute_stats(ws, date_from=..., date_to=...))` -> PDF bytes (A4 landscape)."""
    width = frame_width(LANDSCAPE)
    story: list[Flowable] = []
    if attachment_label:
        story.append(Paragraph(attachment_label, style("stats-attach", 12, alignment=TA_LEFT)))
    story += [
        Paragraph(title, style("stats-title", 18, alignment=TA_CENTER, spaceAfter=1 * mm)),
        para(period_text(sheet), style("stats-period", 10.5, alignment=TA_CENTER, spaceAfter=2.5 * mm)),
        _fill_in_line(sheet, width),
        Spacer(1, 2 * mm),
        stats_table(sheet, width),
    ]
    # 21 市(州) + 合计 must fit one landscape page, hence the tighter vertical margins.
    header = PageHeader(sheet.unit_label or ROLLUP_LABEL, period_text(sheet), title=title, margin_y=12 * mm)
    return build_pdf(story, header=header, pagesize=LANDSCAPE, author=sheet.filler)


def _fill_in_line(sheet: StatsSheet, width: float) -> Table:
    """填报单位 / 填报人 / 填报时间 on one line; blanks stay as underlines to fill in by hand."""
    blank = "　" * 8
    filled = cn_date(sheet.filled_on) if sheet.filled_on else ""
    cells = [
        f"填报单位：{sheet.unit_label or blank}",
        f"填报人：{sheet.filler or blank}",
        f"填报时间：{filled or blank}",
    ]
    table = Table([cells], colWidths=column_widths((1.5, 1, 1), width))
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), register_fonts(), 11.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ("ALIGN", (2, 0), (2, 0), "RIGHT"),
            ]
        )
    )
    return table
