"""Writing exchange sheets: `export_sheet` (records -> .xlsx that imports back) and `write_template`.

    export_sheet(ws.store, "项目", "projects.xlsx")   # one row per funds-in-place instalment
    write_template("走访", "visit-template.xlsx")     # headers only, dropdowns for closed lists

Headers are exactly the import headers, led by 记录编号; money is written as exact 亿元 numbers (all
four decimals a 万元 needs) and dates as real dates, so the file reads well in Excel and imports back
as a no-op. Sheets carry a print setup (landscape when wide, fit to width, header row repeated).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..domain.money import WAN_PER_YI
from ..storage import lookups
from ..storage.store import Store
from .excel_formats import TASK_DONE, TASK_OPEN, Column, ExcelError, SheetFormat, sheet_format
from .progress import NEVER, NO_PROGRESS, CancelCheck, Progress, Throttled

DATE_FORMAT = "yyyy-mm-dd"
# Two decimals shown as DOMAIN.md asks, up to four kept so 万元 precision survives the round trip.
MONEY_FORMAT = "0.00##"
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center")
_WIDTH_SAMPLE = 500  # rows looked at to size columns; a million-row export must not be read twice
_MAX_WIDTH = 60
_DROPDOWN_ROWS = 5000  # how far down a template's dropdowns reach
_PORTRAIT_WIDTH = 95  # column units that still fit an A4 portrait page readably
# Column units one A4 landscape page takes at ≈50 % (≈150 at 100 %): a wider sheet (the 17-column
# 项目 list) prints two pages wide instead, each starting with the record's name, at ≈90 %.
_ONE_PAGE_WIDTH = 300
_NAME_LISTS = {"enterprises": "enterprise", "projects": "project"}  # list kinds naming records


def _display_width(value: Any) -> int:
    """Excel column units: CJK characters are about two units wide."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _cell_value(col: Column, value: Any) -> Any:
    if value in (None, "", []):
        return None
    if col.kind == "money":
        return Decimal(int(value)) / WAN_PER_YI
    if col.kind == "date":
        return dt.date.fromisoformat(str(value)[:10])
    if col.kind in ("list", "enterprises", "projects"):
        return "、".join(value)
    if col.kind == "bool":
        return "是" if value else "否"
    if col.kind == "done":
        return TASK_DONE if value else TASK_OPEN
    if isinstance(value, str) and value.startswith("="):
        return " " + value  # never a formula; import strips the blank again
    return value


def _new_sheet(fmt: SheetFormat, widths: dict[str, int]) -> tuple[Workbook, Any]:
    # write_only keeps memory flat for province-size exports; styles and widths go in before rows.
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(fmt.kind)
    ws.freeze_panes = "B2"  # header row and 记录编号 stay in view
    total = 0
    for index, col in enumerate(fmt.columns, start=1):
        width = max(col.width, _display_width(col.title) + 2, widths.get(col.key, 0) + 2)
        if col.kind == "id":
            width = col.width  # 36 characters nobody reads; the cell keeps them all
        width = min(width, _MAX_WIDTH)
        total += width
        ws.column_dimensions[get_column_letter(index)].width = width
    _print_setup(ws, landscape=total > _PORTRAIT_WIDTH, pages_wide=1 if total <= _ONE_PAGE_WIDTH else 2)
    header = []
    for title in fmt.headers:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _HEADER_ALIGN
        header.append(cell)
    ws.append(header)
    return wb, ws


def _print_setup(ws: Any, *, landscape: bool, pages_wide: int = 1) -> None:
    """A4, fit to `pages_wide` pages wide (any number of pages tall), header row on every page: a 台账.

    Two pages wide repeat column B (the name or date after 记录编号) on each, so the right-hand page
    still says which record a row is, and print left then right (not all left halves first).
    """
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = pages_wide
    if pages_wide > 1:
        ws.print_title_cols = "B:B"
        ws.page_setup.pageOrder = "overThenDown"  # a row's two halves on facing pages
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    # Narrower than Excel's 0.75" sides: more width for the columns, still inside any printer's margin.
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6


def _styled_row(ws: Any, fmt: SheetFormat, row: dict[str, Any]) -> list[Any]:
    cells: list[Any] = []
    for col in fmt.columns:
        value = _cell_value(col, row.get(col.key))
        if value is not None and col.kind in ("date", "money"):
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = DATE_FORMAT if col.kind == "date" else MONEY_FORMAT
            cells.append(cell)
        else:
            cells.append(value)
    return cells


def write_rows(
    fmt: SheetFormat,
    rows: Iterable[dict[str, Any]],
    path: str | Path,
    *,
    total: int = 0,
    step: Throttled | None = None,
) -> int:
    """Write `rows` ({column key: stored value}) under `fmt`'s headers; returns the data row count."""
    iterator: Iterator[dict[str, Any]] = iter(rows)
    sample: list[dict[str, Any]] = []
    for row in iterator:
        sample.append(row)
        if len(sample) >= _WIDTH_SAMPLE:
            break
    widths: dict[str, int] = {}
    for row in sample:
        for col in fmt.columns:
            value = _cell_value(col, row.get(col.key))
            if value is not None:
                widths[col.key] = max(widths.get(col.key, 0), _display_width(value))
    _check_target(path)
    wb, ws = _new_sheet(fmt, widths)
    count = 0
    for source in (sample, iterator):
        for row in source:
            ws.append(_styled_row(ws, fmt, row))
            count += 1
            if step is not None and count % 500 == 0:
                step(min(count / max(total, 1), 0.99), f"已写出 {count} 行")
    _save(wb, path)
    return count


def _check_target(path: str | Path) -> None:
    """Refuse a destination folder that does not exist before any row is written."""
    folder = Path(path).resolve().parent
    if not folder.is_dir():
        raise ExcelError(f"保存位置“{folder}”不存在，请选择已有的文件夹")


def _save(wb: Workbook, path: str | Path) -> None:
    """Save beside nothing: write to a temporary file, then move it into place.

    A failure (file open in Excel/WPS, no write permission, disk full) then leaves neither a
    half-written file nor openpyxl's own traceback, only a Chinese message.
    """
    target = Path(path)
    with tempfile.TemporaryDirectory(prefix="zsdesk-xlsx-") as tmp:
        part = Path(tmp) / "export.xlsx"
        wb.save(str(part))
        try:
            shutil.move(str(part), str(target))
        except OSError as exc:
            raise ExcelError(
                f"无法写入“{target}”：{exc.strerror or exc}（文件可能正在 Excel/WPS 中打开，或没有写权限）"
            ) from exc


def export_sheet(
    store: Store,
    kind: str,
    path: str | Path,
    *,
    progress: Progress = NO_PROGRESS,
    cancel: CancelCheck = NEVER,
) -> int:
    """Export every live record of one kind to `path`; returns the number of data rows written."""
    fmt = sheet_format(kind)
    step = Throttled(progress, cancel)
    total = lookups.count_export_rows(store.db, fmt.alias)
    rows: Iterable[dict[str, Any]] = lookups.export_rows(store.db, fmt.alias)
    named = [c for c in fmt.columns if c.kind in _NAME_LISTS]
    if named:
        rows = _with_names(store, named, list(rows))
    count = write_rows(fmt, rows, path, total=total, step=step)
    step(1.0, f"已导出 {count} 行")
    return count


def _with_names(store: Store, columns: list[Column], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Id lists (a trip's 走访企业/洽谈项目) -> names, which is what a person reads and types."""
    for col in columns:
        table = _NAME_LISTS[col.kind]
        names = lookups.names_by_id(store.db, table, {i for row in rows for i in row.get(col.key) or ()})
        for row in rows:
            row[col.key] = [names.get(i, i) for i in row.get(col.key) or ()]
    return rows


def write_template(kind: str, path: str | Path) -> None:
    """An empty sheet with the headers; closed lists (行业、走访形式、项目阶段 ...) get dropdowns."""
    fmt = sheet_format(kind)
    _check_target(path)
    wb, ws = _new_sheet(fmt, {})
    for index, col in enumerate(fmt.columns, start=1):
        if not col.choices:
            continue
        strict = col.kind in ("enum", "bool", "done")
        validation = DataValidation(
            type="list",
            formula1='"' + ",".join(col.choices) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop" if strict else "information",
            errorTitle="输入有误",
            error=f"{col.header}请从下拉列表中选择",
        )
        letter = get_column_letter(index)
        validation.add(f"{letter}2:{letter}{_DROPDOWN_ROWS}")
        ws.data_validations.append(validation)  # write-only sheets lack add_data_validation()
    _save(wb, path)


# The name the CLI speaks (`zsdesk template KIND`); same function.
template = write_template
