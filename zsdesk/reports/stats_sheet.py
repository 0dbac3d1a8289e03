"""情况统计表 as PDF: the layout of seed 002 附件2 on A4 landscape, ready to sign, seal and send."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..domain.stats import COLUMNS, MONEY_COLUMNS, NOTE_HEADER, TOTAL_LABEL, StatsRow, StatsSheet
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
# 单位, the seven figures, 备注: 备注 gets the room left over.
_FRACTIONS = (1.7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.15, 1.35)
_SIZE = 9.5  # 21 市(州) + 合计 + the signature lines fit one landscape page at this size
_BLANK = "　" * 8
_LINE = "＿" * 7


def header_label(text: str) -> str:
    """`召开推介会(次)` -> two lines `召开推介会` / `(次)`, as the unit sits under the name on the form."""
    name, sep, unit = text.partition("(")
    return f"{name}\n({unit}" if sep else text


def period_text(sheet: StatsSheet) -> str:
    text = f"统计期间：{cn_date(sheet.date_from)}至{cn_date(sheet.date_to)}"
    return f"{text}（{sheet.basis}）" if sheet.basis else text


def printed_cells(row: StatsRow) -> list[str]:
    """The seven figures of a row exactly as printed (PDF, xlsx, screen and CLI share this)."""
    return [row.display(key) for key, _ in COLUMNS]


def stats_table(sheet: StatsSheet, width: float, *, size: float = _SIZE, notes: bool = True) -> Table:
    """The sheet's grid: header row, one row per unit, then 合计 (also used by the weekly report)."""
    widths = column_widths(_FRACTIONS, width)
    unit_width, note_width = widths[0] - 6.5, widths[-1] - 6.5
    header = [sheet.unit_header, *(header_label(h) for _, h in COLUMNS), NOTE_HEADER]
    rows: list[list[str]] = [header]
    for row in [*sheet.rows, sheet.total]:
        rows.append(
            [
                # Office units can be long (成都市投资促进局驻上海招商分局): wrap rather than overflow.
                wrap_text(row.unit, unit_width, size, max_lines=3),
                *printed_cells(row),
                wrap_text(row.note if notes else "", note_width, size, max_lines=3),
            ]
        )
    return _grid(rows, widths, size)


def _grid(rows: list[list[str]], widths: list[float], size: float, *, note_column: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    last = len(rows) - 1
    table.setStyle(
        grid_style(
            size=size,
            extra=[
                ("ALIGN", (0, 1), (-2 if note_column else -1, -1), "CENTER"),
                ("LEADING", (0, 1), (-1, -1), size * 1.2),
                ("TOPPADDING", (0, 1), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 2),
                ("BACKGROUND", (0, last), (-1, last), "#F5F5F5"),
                ("LINEABOVE", (0, last), (-1, last), 1.0, "black"),
            ],
        )
    )
    return table


def growth_text(current: int, previous: int, money: bool) -> str:
    """去年同期 and 同比: "2.50\n+20.0%"; growth from zero is undefined ("—")."""
    from ..domain.money import format_yi

    last = format_yi(previous) if money else str(previous)
    if previous == 0:
        return f"{last}\n—"
    pct = (current - previous) * 100 / previous
    return f"{last}\n{pct:+.1f}%"


def yoy_rows(sheet: StatsSheet) -> list[list[str]]:
    """Rows of the 同比 table: unit, then 去年同期 / growth per figure (printed amounts compared)."""
    assert sheet.previous is not None
    before = {r.unit: r for r in sheet.previous.rows}
    out = []
    for row in [*sheet.rows, sheet.total]:
        old = sheet.previous.total if row.unit == TOTAL_LABEL else before.get(row.unit, StatsRow(row.unit))
        out.append(
            [
                row.unit,
                *(growth_text(row.value(k), old.value(k), k in MONEY_COLUMNS) for k, _ in COLUMNS),
            ]
        )
    return out


def render_stats_pdf(
    sheet: StatsSheet,
    *,
    title: str | None = None,
    attachment_label: str | None = None,
) -> bytes:
    """`render_stats_pdf(sheet_for(ws, ...))` -> PDF bytes (A4 landscape); title from the sheet."""
    title = title or sheet.title
    if attachment_label is None:  # 附件2 is the campaign document's attachment number
        attachment_label = DEFAULT_ATTACHMENT if sheet.basis or title == DEFAULT_TITLE else ""
    width = frame_width(LANDSCAPE)
    story: list[Flowable] = []
    if attachment_label:
        story.append(Paragraph(attachment_label, style("stats-attach", 12, alignment=TA_LEFT)))
    story += [
        Paragraph(title, style("stats-title", 17, alignment=TA_CENTER, spaceAfter=0.5 * mm)),
        para(period_text(sheet), style("stats-period", 10.5, alignment=TA_CENTER, spaceAfter=2 * mm)),
        _fill_in_line(sheet, width),
        Spacer(1, 1.5 * mm),
        stats_table(sheet, width),
    ]
    if sheet.previous is not None:
        story += _yoy_block(sheet, width)
    story.append(KeepTogether([Spacer(1, 2 * mm), _signatures(width)]))
    # 21 市(州) + 合计 must fit one landscape page, hence the tighter vertical margins.
    header = PageHeader(sheet.unit_text, period_text(sheet), title=title, margin_y=13 * mm)
    return build_pdf(story, header=header, pagesize=LANDSCAPE, author=sheet.filler)


def _yoy_block(sheet: StatsSheet, width: float) -> list[Flowable]:
    assert sheet.previous is not None
    prev = sheet.previous
    caption = (
        f"同比：去年同期（{cn_date(prev.date_from)}至{cn_date(prev.date_to)}）数字及增减幅度"
        "（签约、落地、开工、新增到位资金目标为同比增长不低于10%）"
    )
    widths = column_widths(_FRACTIONS[:-1], width)
    header = [sheet.unit_header, *(header_label(h) for _, h in COLUMNS)]
    rows = [header] + [
        [wrap_text(r[0], widths[0] - 6.5, _SIZE, max_lines=2), *r[1:]] for r in yoy_rows(sheet)
    ]
    return [
        Spacer(1, 3 * mm),
        Paragraph(caption, style("stats-yoy", 10.5, spaceAfter=1.5 * mm)),
        _grid(rows, widths, _SIZE, note_column=False),
    ]


def _fill_in_line(sheet: StatsSheet, width: float) -> Table:
    """填报单位 / 填报人 / 填报时间 on one line: 填报单位 always filled, the others blank to write by hand."""
    filled = cn_date(sheet.filled_on) if sheet.filled_on else ""
    cells = [
        f"填报单位：{sheet.unit_text}",
        f"填报人：{sheet.filler or _BLANK}",
        f"填报时间：{filled or _BLANK}",
    ]
    return _line_table([cells], column_widths((1.5, 1, 1), width), 11.5)


def _signatures(width: float) -> Table:
    """审核人 / 单位负责人 / 联系电话, and room on the right for the unit's seal."""
    cells = [[f"审核人：{_LINE}", f"单位负责人：{_LINE}", f"联系电话：{_LINE}", "（单位盖章）"]]
    # A seal is about 40 mm across and is stamped over the line: the row keeps 13 mm clear below the table for it.
    table = _line_table(cells, column_widths((1, 1, 1.1, 0.9), width), 11, height=13 * mm)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (3, 0), (3, 0), "CENTER"),
                ("VALIGN", (3, 0), (3, 0), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _line_table(
    cells: list[list[str]], widths: list[float], size: float, height: float | None = None
) -> Table:
    table = Table(cells, colWidths=widths, rowHeights=[height] * len(cells) if height else None)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), register_fonts(), size),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ("ALIGN", (-1, 0), (-1, 0), "RIGHT"),
            ]
        )
    )
    return table
