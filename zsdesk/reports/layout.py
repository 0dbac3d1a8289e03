"""Shared page furniture for every PDF: A4 templates, running header, "第 N 页 共 M 页", table styles.

Page numbers need the total, which is only known once the story is laid out, so the canvas keeps
each page's state and draws header and footer on all pages at `save()` (the NumberedCanvas recipe)
instead of laying the document out twice.
"""

from __future__ import annotations

import datetime as dt
import io
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from itertools import accumulate
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from .fonts import register_fonts

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN = 18 * mm
FRAME_PAD = 6  # reportlab's default Frame padding: content starts this far inside the margins
HEADER_GAP = 8 * mm  # between the running header rule and the top margin
# Printers cut what lies within a few mm of the paper's edge: no mark of any page comes closer
# than SAFE_EDGE. The header's baseline sits HEADER_MIN below the top edge (its glyphs rise ≈3.5 mm
# above it), the page number's baseline FOOTER_MIN above the bottom edge (glyphs drop ≈1 mm).
SAFE_EDGE = 10 * mm
HEADER_MIN = SAFE_EDGE + 5 * mm
FOOTER_MIN = SAFE_EDGE + 2 * mm
GRID = colors.black
HEADER_FILL = colors.HexColor("#EDEDED")
MUTED = colors.HexColor("#555555")
ELLIPSIS = "…"


@dataclass(frozen=True)
class PageHeader:
    """Running header text: the office on the left, the period (or date) on the right."""

    left: str
    right: str = ""
    title: str = ""  # PDF metadata title
    margin_y: float = 18 * mm  # top/bottom page margin; the landscape sheet needs a tighter one


class NumberedCanvas(canvas.Canvas):
    """Canvas that defers header/footer drawing until the page count is known."""

    def __init__(self, *args: Any, header: PageHeader, **kwargs: Any) -> None:
        # Without this the canvas starts in Helvetica, a font reference that is never embedded
        # (the doc template passes initialFontName=None explicitly, so override None too).
        kwargs["initialFontName"] = kwargs.get("initialFontName") or register_fonts()
        super().__init__(*args, **kwargs)
        self._header = header
        self._saved_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab private, no stub

    def save(self) -> None:
        total = len(self._saved_pages)
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            self._decorate(number, total)
            super().showPage()
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        font = register_fonts()
        width, height = self._pagesize  # type: ignore[attr-defined]  # reportlab private, no stub
        margin_y = self._header.margin_y
        top = height - max(margin_y - HEADER_GAP, HEADER_MIN)
        self.saveState()
        self.setFont(font, 9)
        self.setFillColor(MUTED)
        left, right = MARGIN + FRAME_PAD, width - MARGIN - FRAME_PAD  # aligned with the body text
        self.drawString(left, top + 2, self._header.left)
        if self._header.right:
            self.drawRightString(right, top + 2, self._header.right)
        self.setStrokeColor(MUTED)
        self.setLineWidth(0.5)
        self.line(left, top - 1, right, top - 1)
        self.drawCentredString(width / 2, max(margin_y / 2, FOOTER_MIN), f"第 {number} 页 共 {total} 页")
        self.restoreState()


def build_pdf(
    story: Sequence[Flowable],
    *,
    header: PageHeader,
    pagesize: tuple[float, float] = PORTRAIT,
    author: str = "",
) -> bytes:
    """Lay out `story` on A4 pages with the running header and page numbers; return the PDF."""
    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=header.margin_y + 4 * mm,
        bottomMargin=header.margin_y,
        title=header.title or header.left,
        author=author,
        creator="zsdesk 招商外勤桌面端",
    )
    doc.build(list(story), canvasmaker=partial(NumberedCanvas, header=header))
    return out.getvalue()


def frame_width(pagesize: tuple[float, float] = PORTRAIT) -> float:
    """Width tables may use: the text column between the margins, less the frame padding."""
    return pagesize[0] - 2 * (MARGIN + FRAME_PAD)


# -- text -------------------------------------------------------------------------------------


def style(name: str, size: float = 10.5, *, leading: float | None = None, **extra: Any) -> ParagraphStyle:
    """A paragraph style in the CJK font; wordWrap="CJK" lets lines break between any characters."""
    return ParagraphStyle(
        name,
        fontName=register_fonts(),
        fontSize=size,
        leading=leading or size * 1.45,
        wordWrap="CJK",
        **extra,
    )


def title_style(size: float = 18) -> ParagraphStyle:
    return style("title", size, alignment=TA_CENTER, spaceAfter=4 * mm)


def para(text: str | None, st: ParagraphStyle) -> Paragraph:
    """A paragraph of user text: markup escaped, line breaks kept."""
    body = escape(text or "").replace("\r\n", "\n").replace("\n", "<br/>")
    # Paragraphs collapse runs of whitespace, U+3000 included; a full-width gap the writer typed
    # (or a layout put between two fields) must stay, so it becomes two no-break spaces.
    body = body.replace("\u3000", "&nbsp;&nbsp;")
    return Paragraph(body, st)


_WIDTHS: dict[float, dict[str, float]] = {}


def _width_table(size: float) -> dict[str, float]:
    """Per-size cache of character widths: wrapping looks up every character of every cell."""
    table = _WIDTHS.get(size)
    if table is None:
        table = _WIDTHS[size] = {}
    return table


def _char_width(ch: str, size: float) -> float:
    table = _width_table(size)
    w = table.get(ch)
    if w is None:
        w = table[ch] = stringWidth(ch, register_fonts(), size)
    return w


def wrap_text(text: str | None, width: float, size: float, *, max_lines: int = 0) -> str:
    """Break `text` into lines no wider than `width` points, joined by newlines, for Table cells.

    Table cells of plain strings lay out far faster than Paragraphs (a 300-visit weekly report
    would otherwise spend most of its time wrapping); CJK text can break between any two
    characters, so line breaks are found from running width sums (accumulate + bisect run in C).
    `max_lines` cuts the text with an ellipsis so no single row can outgrow a page.
    """
    widths = _width_table(size)

    def width_of(ch: str) -> float:
        w = widths.get(ch)
        return _char_width(ch, size) if w is None else w

    lines: list[str] = []
    for raw_line in (text or "").replace("\r\n", "\n").split("\n"):
        try:
            running = list(accumulate(map(widths.__getitem__, raw_line)))  # C speed when all cached
        except KeyError:
            running = list(accumulate(map(width_of, raw_line)))
        if not running or running[-1] <= width:
            lines.append(raw_line)  # the common case: a short cell
        else:
            start, base = 0, 0.0
            while start < len(raw_line):
                # First character that would cross the right edge; at least one per line.
                end = max(bisect_right(running, base + width, lo=start), start + 1)
                lines.append(raw_line[start:end])
                if max_lines and len(lines) > max_lines:
                    break
                base, start = running[end - 1], end
        if max_lines and len(lines) > max_lines:
            break
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        room = width - _char_width(ELLIPSIS, size)
        used = sum(map(width_of, last))
        while last and used > room:
            used -= width_of(last[-1])
            last = last[:-1]
        lines[-1] = last + ELLIPSIS
    return "\n".join(lines)


# -- tables -----------------------------------------------------------------------------------

_TOP_PAD, _BOTTOM_PAD = 2.5, 3.5


def grid_style(
    *,
    size: float = 9,
    header_rows: int = 1,
    align_right_from: int | None = None,
    grid_from_row: int = 0,
    extra: Sequence[tuple[Any, ...]] = (),
) -> TableStyle:
    """Black grid, shaded header rows, CJK font, vertically centred cells.

    `grid_from_row=1` leaves the first row without inner rules, so its text reads as a caption
    across the whole table; that looks like a SPAN but keeps reportlab on its fast, span-free
    path for layout and grid drawing.
    """
    font = register_fonts()
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font, size, size * 1.35),
        ("GRID", (0, grid_from_row), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 1.0, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), _TOP_PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), _BOTTOM_PAD),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ]
    if align_right_from is not None:
        commands.append(("ALIGN", (align_right_from, header_rows), (-1, -1), "RIGHT"))
    commands += list(extra)
    return TableStyle(commands)


class GridTable(Table):
    """A Table that draws all its plain-text cells as one PDF text object.

    reportlab's Table issues one drawString (a text object with its own font and position
    setup) per line; a weekly report has thousands of wrapped cell lines, so text objects are a
    measurable share of the build. Here every string cell (left, centred or right aligned) adds
    its lines to one text object per table, drawn after the grid; everything else (flowables,
    decimal alignment, shaping, hyperlinks) goes through the stock drawing.
    """

    _batch: Any = None
    _batch_state: tuple[Any, ...] = ()

    def draw(self) -> None:
        self._batch, self._batch_state = None, ()
        super().draw()
        if self._batch is not None:
            self.canv.drawText(self._batch)
            self._batch = None

    def _drawCell(
        self, cellval: Any, cellstyle: Any, pos: tuple[float, float], size: tuple[float, float]
    ) -> None:
        if cellval == "":
            return  # an empty cell draws nothing; the stock path would still emit a text object
        if (
            not isinstance(cellval, str)
            or cellstyle.alignment not in ("LEFT", "CENTER", "CENTRE", "RIGHT")
            or getattr(cellstyle, "direction", None)  # absent in older reportlab
            or getattr(cellstyle, "shaping", None)
            or cellstyle.href
            or cellstyle.destination
        ):
            super()._drawCell(cellval, cellstyle, pos, size)  # type: ignore[misc]  # reportlab private
            return
        text = self._batch
        if text is None:
            text = self._batch = self.canv.beginText()
        font, fontsize, leading = cellstyle.fontname, cellstyle.fontsize, cellstyle.leading
        state = (font, fontsize, leading, cellstyle.color)
        if state != self._batch_state:
            if not self._batch_state or cellstyle.color != self._batch_state[3]:
                text.setFillColor(cellstyle.color)
            text.setFont(font, fontsize, leading)
            self._batch_state = state
        colpos, rowpos = pos
        colwidth, rowheight = size
        lines = cellval.split("\n")
        # Same baseline arithmetic as Table._drawCell, so the output is placed identically.
        if cellstyle.valign == "TOP":
            y = rowpos + rowheight - cellstyle.topPadding - fontsize
        elif cellstyle.valign == "BOTTOM":
            y = rowpos + cellstyle.bottomPadding + len(lines) * leading - fontsize
        else:
            y = (
                rowpos
                + (cellstyle.bottomPadding + rowheight - cellstyle.topPadding + len(lines) * leading) / 2.0
            )
            y -= fontsize
        just = cellstyle.alignment
        if just == "LEFT":
            text.setTextOrigin(colpos + cellstyle.leftPadding, y)
            for line in lines:
                text.textLine(line)
            return
        for line in lines:
            width = stringWidth(line, font, fontsize)
            if just == "RIGHT":
                x = colpos + colwidth - cellstyle.rightPadding - width
            else:
                x = colpos + (colwidth + cellstyle.leftPadding - cellstyle.rightPadding - width) * 0.5
            text.setTextOrigin(x, y)
            text.textOut(line)
            y -= leading


def text_row_heights(rows: Sequence[Sequence[str]], size: float) -> list[float]:
    """Row heights of a table of plain-string cells styled by `grid_style(size=...)`.

    The same sum reportlab makes (lines x leading + vertical padding), done once up front:
    reportlab's own pass rescans the row list for every row, which shows on long tables.
    """
    leading, padding = size * 1.35, _TOP_PAD + _BOTTOM_PAD
    return [max(cell.count("\n") + 1 for cell in row) * leading + padding for row in rows]


def column_widths(fractions: Sequence[float], total: float) -> list[float]:
    """Split `total` points in proportion to `fractions` (they need not sum to 1)."""
    scale = total / sum(fractions)
    return [f * scale for f in fractions]


def cell_text_width(column_width: float) -> float:
    """Usable text width of a table cell (the padding of `grid_style` taken off)."""
    return column_width - 6.5


def cn_date(value: str | dt.date | None) -> str:
    """`cn_date("2024-06-26")` -> "2024年6月26日"; text that is not an ISO date is returned as-is."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        text = value
        try:
            value = dt.date.fromisoformat(text[:10])
        except ValueError:
            return text
    return f"{value.year}年{value.month}月{value.day}日"
