"""Reading an exchange sheet: open the .xlsx safely, find and map the header row, turn cells into values.

Every failure a user can cause (not an .xlsx, an old .xls, a damaged or truncated file, the wrong
sheet, missing required columns) becomes an `ExcelError` with a Chinese message, never a traceback.
The header row may sit under a merged title row (government sheets): the first few rows are searched.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel
from openpyxl.workbook.workbook import Workbook

from ..domain.errors import ValidationError
from ..domain.money import WAN_PER_YI, format_yi_exact
from ..domain.records import field_specs
from ..domain.validation import clean_value
from .excel_formats import FORMATS, TASK_DONE, TASK_OPEN, Column, ExcelError, SheetFormat, normalize_header

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls, and also password-protected .xlsx
HEADER_SEARCH_ROWS = 6  # a title, a subtitle, a 填报单位 line ... then the header row


@dataclass
class SheetReader:
    """An opened sheet: which column index feeds which `Column`, header warnings, and the data rows."""

    fmt: SheetFormat
    title: str
    columns: list[tuple[int, Column]]
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (sheet row, message)
    max_row: int | None = None  # from the sheet's dimension record, if the writer stored one
    header_row: int = 1
    _rows: Iterator[tuple[Any, ...]] | None = None

    def rows(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """(sheet row number, {column key: raw cell value}) for every non-blank data row."""
        assert self._rows is not None
        number = self.header_row
        try:
            for number, values in enumerate(self._rows, start=self.header_row + 1):
                raw = {col.key: values[i] if i < len(values) else None for i, col in self.columns}
                if any(not _blank(v) for v in raw.values()):
                    yield number, raw
        except Exception as exc:
            # The sheet XML can be cut short inside an intact zip (a copy interrupted, a mail client
            # truncating): the XML parser, zip CRC check and openpyxl fail with many exception types.
            raise ExcelError(
                f"工作表“{self.title}”在第{number + 1}行附近内容不完整或已损坏（{type(exc).__name__}），"
                "未导入任何数据。请在 Excel/WPS 中打开并另存为 .xlsx 后重试，或重新获取原文件"
            ) from exc


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _load(path: Path) -> Workbook:
    name = path.name
    if not path.exists():
        raise ExcelError(f"文件“{path}”不存在")
    if path.is_dir():
        raise ExcelError(f"“{path}”是文件夹，请选择一个 .xlsx 文件")
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(_OLE_MAGIC):
        raise ExcelError(
            f"文件“{name}”是旧版 .xls 格式或设置了打开密码，无法读取。请在 Excel 中“另存为”.xlsx（不设密码）后再导入"
        )
    if not head.startswith(_ZIP_MAGIC):
        raise ExcelError(
            f"文件“{name}”不是有效的 Excel .xlsx 文件（可能是文本、CSV 或已损坏的文件）。"
            "请在 Excel 中打开并“另存为”.xlsx 后再导入"
        )
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        if isinstance(exc, zipfile.BadZipFile):
            raise ExcelError(f"文件“{name}”已损坏，无法作为 .xlsx 读取") from exc
        raise ExcelError(f"无法打开文件“{name}”：{exc.strerror or exc}") from exc
    except Exception as exc:
        # openpyxl reports damaged workbooks with many exception types (KeyError for a missing part,
        # ValueError/TypeError from the XML layer ...); all mean the same thing to the user.
        raise ExcelError(f"文件“{name}”已损坏或不是 Excel 工作簿，无法读取（{type(exc).__name__}）") from exc


def _pick_sheet(wb: Workbook, fmt: SheetFormat) -> Any:
    for candidate in (fmt.kind, fmt.alias):
        for title in wb.sheetnames:
            if title.strip().lower() == candidate.lower():
                return wb[title]
    if not wb.sheetnames:
        raise ExcelError("工作簿中没有工作表")
    return wb[wb.sheetnames[0]]


def _find_header(fmt: SheetFormat, head: list[tuple[Any, ...]]) -> int:
    """Index (0-based) of the row among the first few that looks most like a header row of any kind."""
    known = {h for f in FORMATS for h in f.by_header}
    best, best_score = 0, 0
    for index, values in enumerate(head):
        score = sum(1 for v in values if normalize_header(v) in known)
        if score > best_score:
            best, best_score = index, score
    return best


def _map_header(
    fmt: SheetFormat, title: str, header: tuple[Any, ...], number: int = 1
) -> tuple[list[tuple[int, Column]], list[str]]:
    by_header = fmt.by_header
    columns: list[tuple[int, Column]] = []
    seen: set[str] = set()
    unknown: list[str] = []
    warnings: list[str] = []
    for index, raw in enumerate(header):
        text = normalize_header(raw)
        if not text:
            continue
        col = by_header.get(text)
        if col is None:
            unknown.append(str(raw).strip())
        elif col.key in seen:
            warnings.append(f"列“{text}”重复出现，只读取第一列")
        else:
            seen.add(col.key)
            columns.append((index, col))
    expected = "、".join(fmt.headers)
    other = _other_kind(fmt, header)
    if other is not None:
        raise ExcelError(
            f"工作表“{title}”看起来是{other.kind}表，不是{fmt.kind}表，请选择正确的表类型。{fmt.kind}表表头应为：{expected}"
        )
    if not columns:
        raise ExcelError(
            f"工作表“{title}”的前{HEADER_SEARCH_ROWS}行中找不到{fmt.kind}表的表头。表头行应为：{expected}"
        )
    missing = [c.header for c in fmt.columns if c.required and c.key not in seen]
    if missing:
        raise ExcelError(
            f"工作表“{title}”第{number}行（表头）缺少必填列：{'、'.join(missing)}。表头行应为：{expected}"
        )
    absent = [c.header for c in fmt.columns if not c.required and c.key not in seen]
    if absent:
        warnings.append(f"缺少列 {'、'.join(absent)}，按空白处理")
    if unknown:
        warnings.append(f"忽略无法识别的列 {'、'.join(unknown)}")
    return columns, warnings


def _other_kind(fmt: SheetFormat, header: tuple[Any, ...]) -> SheetFormat | None:
    """Another sheet kind this header clearly belongs to: it has all that kind's own required columns.

    Several headers are shared (企业名称, 所属办事处), so a 走访 sheet would otherwise import "fine" as 企业.
    """
    names = {normalize_header(h) for h in header}
    own = set(fmt.by_header)
    # The other kind must also fit better than the requested one: a 推介会 sheet with an extra
    # 企业名称 column is still a 推介会 sheet.
    best: tuple[int, SheetFormat | None] = (len(own & names), None)
    for other in (f for f in FORMATS if f is not fmt):
        distinct = [c.header for c in other.columns if c.required and c.header not in own]
        if distinct and all(h in names for h in distinct):
            overlap = sum(1 for c in other.columns if c.header in names)
            best = max(best, (overlap, other), key=lambda b: b[0])
    return best[1]


@contextmanager
def open_sheet(path: str | Path, fmt: SheetFormat) -> Iterator[SheetReader]:
    """Open `path` and check its header against `fmt`; the workbook is closed on exit."""
    wb = _load(Path(path))
    try:
        ws = _pick_sheet(wb, fmt)
        try:
            max_row = ws.max_row  # only a progress estimate: the stored dimension may be wrong
            # Some writers store a wrong <dimension> (e.g. A1), and openpyxl would stop reading there.
            ws.reset_dimensions()
            rows = ws.iter_rows(values_only=True)
            head = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
        except Exception as exc:  # same zoo of damaged-file exceptions as in _load
            raise ExcelError(
                f"工作表“{ws.title}”内容不完整或已损坏（{type(exc).__name__}），无法读取。"
                "请在 Excel/WPS 中打开并另存为 .xlsx 后重试"
            ) from exc
        if not head or all(_blank(v) for values in head for v in values):
            raise ExcelError(f"工作表“{ws.title}”是空的：第一行应为表头 {'、'.join(fmt.headers)}")
        index = _find_header(fmt, head)
        number = index + 1
        columns, found = _map_header(fmt, ws.title, head[index], number)
        warnings = [(number, w) for w in found]
        if index:
            # Say so: the rows above were skipped, and a real data row there would be lost.
            warnings.insert(0, (number, f"表头在第{number}行，上方的 {index} 行视为标题，未导入"))
        data = itertools.chain(head[index + 1 :], rows)
        yield SheetReader(fmt, ws.title, columns, warnings, max_row, number, data)
    finally:
        wb.close()


# -- cells -> domain values ---------------------------------------------------------------------


def _as_text(raw: Any) -> Any:
    """Numbers typed into text columns (phones, codes) arrive as int/float; make them the digits typed."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, dt.datetime | dt.date):
        return (raw.date() if isinstance(raw, dt.datetime) else raw).isoformat()
    if isinstance(raw, str):
        return raw.strip()
    return raw


def _as_date(raw: Any) -> Any:
    # A date cell without a date number format reaches us as its serial number (45469 = 2024-06-26).
    if isinstance(raw, int | float) and not isinstance(raw, bool) and 1 <= raw < 2958466:
        return from_excel(raw)
    return raw


def _as_money(raw: Any) -> Any:
    """A float cell back at 万元 precision: a re-save may write 1.2345 as 1.2344999999999999."""
    if isinstance(raw, float):
        exact = Decimal(repr(raw))
        rounded = exact.quantize(_WAN_STEP)
        if abs(exact - rounded) <= abs(rounded) * Decimal("1e-12") + Decimal("1e-9"):
            return rounded
    return raw


_WAN_STEP = Decimal(1) / WAN_PER_YI
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE][+]?\d+$")
_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{7,39}$")
_YES = ("是", "1", "TRUE", "Y", "YES", "√")
_NO = ("否", "0", "FALSE", "N", "NO", "×")
_DONE = (TASK_DONE, "完成", "已办结", "是", "√")
_OPEN = (TASK_OPEN, "进行中", "待办", "办理中", "逾期", "否")


def _credit_code(col: Column, raw: Any) -> str:
    """A credit code cell; one that a spreadsheet turned into a number has lost digits for good."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        shown = f"{raw:.15G}" if isinstance(raw, float) else str(raw)
        raise ValidationError({col.key: _lost_digits(shown)})
    text = str(raw).strip()
    if _SCIENTIFIC.match(text):
        raise ValidationError({col.key: _lost_digits(text)})
    try:
        return str(clean_value(col.table, col.field, text))
    except ValidationError:
        # Digits only, trailing zeros: the telltale of a number round trip; never guess a check character.
        if text.isdigit() and len(text) >= 15 and text.endswith("00"):
            raise ValidationError({col.key: _lost_digits(text)}) from None
        raise


def _lost_digits(shown: str) -> str:
    return (
        f"统一社会信用代码“{shown}”被表格软件存成了数字，末尾几位已经丢失，无法从表中恢复。"
        "请把该列设为“文本”格式，再照营业执照重新填写完整的18位代码"
    )


def _choice(col: Column, raw: Any, yes: tuple[str, ...], no: tuple[str, ...]) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(_as_text(raw)).strip().upper()
    if text in yes:
        return True
    if text in no:
        return False
    raise ValidationError({col.key: f"{col.header}“{raw}”应填“{yes[0]}”或“{no[0]}”"})


def _fast(col: Column, raw: Any) -> Any:
    """The common well-formed cell without the full validator (a 10,000-row import is mostly these).

    Returns _SLOW when the general path must decide, so every rejection message still comes from the domain.
    """
    if col.kind == "date":
        if isinstance(raw, dt.datetime):
            return raw.date().isoformat()
        return _SLOW
    if not isinstance(raw, str) or col.kind not in ("text", "enum"):
        return _SLOW
    text = raw.strip()
    spec = field_specs(col.table)[col.field]
    if spec.kind == "text" and 0 < len(text) <= spec.max_len:
        return text
    if spec.kind == "enum" and text in spec.choices:
        return text
    return _SLOW


_SLOW = object()


def clean_cell(col: Column, raw: Any, *, required: bool | None = None) -> Any:
    """The value of one cell as Store takes it (None when blank); ValidationError with a Chinese reason.

    Canonical stored form (ISO dates, lists, normalized codes), except money: exact 亿元 text, and the
    record-naming kinds (enterprise/enterprises/projects): the text as typed, resolved by the importer.
    `required=False` lets a row that names its record by 记录编号 leave a required cell blank.
    """
    must = col.required if required is None else required
    if _blank(raw):
        if must:
            raise ValidationError({col.key: f"{col.header}为必填项"})
        return None
    if col.kind in ("office", "enterprise", "enterprises", "projects"):
        return str(_as_text(raw))
    if col.kind == "id":
        text = str(_as_text(raw))
        if not _ID.match(text):
            raise ValidationError({col.key: f"记录编号“{text}”不是本软件导出的编号（新记录请留空）"})
        return text.lower()
    value = _fast(col, raw)
    if value is not _SLOW:
        return value
    if col.kind == "credit_code":
        return _credit_code(col, raw)
    if col.kind == "bool":
        return _choice(col, raw, _YES, _NO)
    if col.kind == "done":
        return _choice(col, raw, _DONE, _OPEN)
    if col.kind == "date":
        value = clean_value(col.table, col.field, _as_date(raw))
    elif col.kind == "money":
        # Store.create/update take 亿元 as typed and convert to 万元 themselves, so hand them the
        # checked amount as exact 亿元 text rather than the converted integer.
        wan = clean_value(col.table, col.field, _as_money(raw))
        value = None if wan is None else format_yi_exact(wan)
    else:
        value = clean_value(col.table, col.field, _as_text(raw))
    if value in (None, "", []):
        if must:
            raise ValidationError({col.key: f"{col.header}为必填项"})
        return None
    return value
