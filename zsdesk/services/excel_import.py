"""Importing an exchange sheet into the office database: match, create or fill in, all-or-nothing.

    report = import_sheet(ws.store, "走访", "visits.xlsx", dry_run=True)
    print(report.summary())        # counts per record kind, warnings, errors with sheet row numbers

Rules (DOMAIN.md "Exchange formats"): a row names its record by 记录编号 first, else by its natural
keys (enterprises by credit code, else exact name); matched records get only the non-empty cells;
rows that cannot be told apart are reported, never merged; export → import is a no-op; any bad row
means nothing is written unless `allow_partial`; every write goes through `Store`, so it reaches the
outbox.

Two phases: every cell is checked first (so all bad rows are reported at once), then the good rows
are matched and written in one transaction (`excel_sheets.Importer`; a project's stage and dates
are set in `Importer._projects`, its stage history in `Importer._stage_change`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..domain.errors import DomainError
from ..domain.lifecycle import implausible_message, is_implausible_yi
from ..domain.money import parse_yi
from ..storage import lookups
from ..storage.store import Store
from .excel_apply import Row
from .excel_formats import SheetFormat, sheet_format
from .excel_read import SheetReader, clean_cell, open_sheet
from .excel_report import ImportReport, RowProblem
from .excel_sheets import ENTERPRISE_FIELDS, PROJECT_FIELDS, Importer
from .progress import NEVER, NO_PROGRESS, CancelCheck, Progress, Throttled
from .workflow import fulfil_triggers


class _Rollback(Exception):
    """Raised inside the import transaction to undo it (dry run, or bad rows without allow_partial)."""


def import_sheet(
    store: Store,
    kind: str,
    path: str | Path,
    *,
    dry_run: bool = False,
    allow_partial: bool = False,
    today: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
    cancel: CancelCheck = NEVER,
) -> ImportReport:
    """Import one exchange sheet in a single transaction; see the module docstring for the rules.

    Raises ExcelError for an unusable file and Cancelled (after rolling back) when `cancel()` turns true.
    """
    fmt = sheet_format(kind)
    report = ImportReport(fmt.kind, Path(path).name, dry_run=dry_run, allow_partial=allow_partial)
    step = Throttled(progress, cancel)
    offices = lookups.offices_by_name(store.db)
    with open_sheet(path, fmt) as sheet:
        report.sheet = sheet.title
        report.warnings.extend(RowProblem(n, w) for n, w in sheet.warnings)
        rows = _parse_rows(sheet, offices, report, step)
    if not rows and not report.errors:
        report.warnings.append(RowProblem(1, "表中没有数据行"))
    rows = _without_conflicts(fmt, rows, report)
    # allow_partial writes row by row so a failing row can be rolled back alone; otherwise new
    # records are buffered and written with Store.create_many (the whole import is one unit anyway).
    importer = Importer(store, fmt, report, today or dt.date.today(), buffered=not allow_partial)
    try:
        with store.transaction():
            importer.prepare(rows)
            for index, row in enumerate(rows):
                step(0.4 + 0.6 * index / max(len(rows), 1), f"正在导入第 {row.number} 行")
                importer.apply(row, isolate=allow_partial)
            importer.flush()
            visits = report.count("走访")
            if fmt.alias == "visits" and visits.created + visits.updated:
                # 六必访: imported visits fulfil open triggers too (an unchanged file changes nothing).
                fulfil_triggers(store)
            if dry_run or (report.errors and not allow_partial):
                raise _Rollback
        report.committed = True
    except _Rollback:
        report.committed = False
    report.errors.sort(key=lambda p: p.row)
    report.warnings.sort(key=lambda p: p.row)
    step(1.0, "导入完成" if report.committed else "校验完成")
    return report


def _parse_rows(
    sheet: SheetReader, offices: dict[str, str], report: ImportReport, step: Throttled
) -> list[Row]:
    """Phase 1: clean every cell; rows with any bad cell become errors and are left out."""
    parsed: list[Row] = []
    estimate = max(sheet.max_row or 0, 1)
    names = list(offices)
    office_list = "、".join(names[:8]) + (f" 等{len(names)}个" if len(names) > 8 else "") or "（无）"
    money = [c for _, c in sheet.columns if c.kind == "money"]
    id_col = next((c for _, c in sheet.columns if c.kind == "id"), None)
    for number, raw in sheet.rows():
        report.rows += 1
        if report.rows % 256 == 0:
            step(0.4 * min(number / estimate, 1.0), f"正在读取第 {number} 行")
        values: dict[str, Any] = {}
        problems: list[str] = []
        missing: list[str] = []
        by_id = False
        if id_col is not None:
            try:
                values["id"] = clean_cell(id_col, raw["id"])
                by_id = bool(values["id"])
            except DomainError as exc:
                problems.append(str(exc))
        for _, col in sheet.columns:
            if col.kind == "id":
                continue
            try:
                # A row naming its record by 记录编号 may leave required cells blank (nothing to change).
                values[col.key] = clean_cell(col, raw[col.key], required=col.required and not by_id)
            except DomainError as exc:
                problems.append(str(exc))
            if col.required and by_id and values.get(col.key) in (None, "", []):
                missing.append(col.header)
        office_id = ""
        office_name = values.get("office")
        if office_name:
            office_id = offices.get(office_name.strip(), "")
            if not office_id:
                problems.append(f"所属办事处“{office_name}”不存在（本库已有：{office_list}）")
        if sheet.fmt.kind == "项目" and (values.get("funding_wan") is None) != (
            values.get("funding_date") is None
        ):
            problems.append("到位资金(亿元)与到位日期需同时填写")
        if problems:
            report.errors.append(RowProblem(number, "；".join(problems)))
            continue
        for col in money:  # DOMAIN.md money sanity: a warning with its row, the amount is kept
            wan = parse_yi(values.get(col.key))
            if is_implausible_yi(wan):
                label = col.header.removesuffix("(亿元)")
                report.warnings.append(RowProblem(number, implausible_message(label, wan or 0)))
        # The office column is required, so a row without 记录编号 always has its office here.
        parsed.append(Row(number, values, office_id, tuple(missing)))
    return parsed


def _without_conflicts(fmt: SheetFormat, rows: list[Row], report: ImportReport) -> list[Row]:
    """Rows without 记录编号 that name one enterprise/project but disagree on its fields: ambiguous.

    Several rows of one enterprise (one per contact) or one project (one per instalment) are normal;
    they must then agree, or the file does not say which values are meant.
    """
    if fmt.alias == "enterprises":
        fields, name_key = ENTERPRISE_FIELDS, "name"
    elif fmt.alias == "projects":
        fields, name_key = {**PROJECT_FIELDS, "enterprise_name": "enterprise_name"}, "name"
    else:
        return rows
    groups: dict[tuple[Any, ...], list[Row]] = {}
    for row in rows:
        if row.values.get("id"):
            continue
        v = row.values
        if fmt.alias == "enterprises":
            key: tuple[Any, ...] = ("code", v["credit_code"]) if v.get("credit_code") else ("name", v["name"])
        else:
            key = (v[name_key], v.get("credit_code") or v.get("enterprise_name"))
        groups.setdefault(key, []).append(row)
    bad: set[int] = set()
    what = "企业" if fmt.alias == "enterprises" else "项目"
    for group in groups.values():
        # A blank cell agrees with anything (it changes nothing); two different filled cells do not.
        if any(
            len({str(r.values[k]) for r in group if r.values.get(k) not in (None, "", [])}) > 1
            for k in fields
        ):
            numbers = "、".join(str(r.number) for r in group)
            for r in group:
                bad.add(r.number)
                report.errors.append(
                    RowProblem(
                        r.number,
                        f"第{numbers}行是同一{what}（未填记录编号）但同一列填了不同内容，无法确定以哪一行为准，未导入",
                    )
                )
    return [r for r in rows if r.number not in bad]
