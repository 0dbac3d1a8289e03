"""`zsdesk stats`: the statistics sheet (情况统计表) per unit plus 合计, as a table or JSON."""

from __future__ import annotations

import argparse
import json
import unicodedata

from ..domain.dates import parse_date
from ..domain.errors import ValidationError
from ..domain.money import format_yi
from ..domain.stats import COLUMNS, NOTE_HEADER, UNIT_HEADER, StatsRow, StatsSheet
from ..services.context import open_workspace
from ..services.stats import DRILL_KEYS, compute_stats, drilldown


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "stats",
        help="按填报单位和统计期间输出情况统计表",
        description="按 DOMAIN.md 口径统计：召开推介会、拜访企业、签约、落地、开工、新增到位资金（起止日期均含）。",
    )
    p.add_argument("--db", required=True, help="数据库文件路径")
    p.add_argument("--unit", default=None, help="填报单位（市州或办事处名称）；默认列出全部单位")
    p.add_argument("--from", dest="date_from", required=True, help="起始日期 YYYY-MM-DD（含）")
    p.add_argument("--to", dest="date_to", required=True, help="截止日期 YYYY-MM-DD（含）")
    p.add_argument("--json", action="store_true", help="输出 JSON（金额为两位小数的亿元字符串）")
    p.add_argument(
        "--detail",
        choices=tuple(DRILL_KEYS),
        help="改为列出某项数字背后的记录（如 enterprises_visited、signed_wan、trips）",
    )
    p.set_defaults(func=_stats)


def _date(raw: str, label: str) -> str:
    day = parse_date(raw, field="period", label=label)
    if day is None:
        raise ValidationError({"period": f"{label}不能为空"})
    return day.isoformat()


def _stats(args: argparse.Namespace) -> int:
    # Validate the dates before touching the file, so a typo never creates or migrates a database.
    date_from, date_to = _date(args.date_from, "起始日期"), _date(args.date_to, "截止日期")
    with open_workspace(args.db, create=False) as ws:
        if args.detail:
            records = drilldown(ws, key=args.detail, unit=args.unit, date_from=date_from, date_to=date_to)
            if args.json:
                print(json.dumps(records, ensure_ascii=False, indent=2))
            else:
                print(render_records(records))
            return 0
        sheet = compute_stats(ws, date_from=date_from, date_to=date_to, unit=args.unit)
    if args.json:
        print(json.dumps(sheet.as_json(), ensure_ascii=False, indent=2))
    else:
        print(render_table(sheet))
    return 0


def display_width(text: str) -> int:
    """Terminal columns: CJK (wide/full-width) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int, *, right: bool) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if right else text + gap


def render_table(sheet: StatsSheet) -> str:
    """The nine columns as an aligned plain-text table: unit left, figures right-aligned."""
    headers = [UNIT_HEADER, *(h for _, h in COLUMNS), NOTE_HEADER]

    def cells(row: StatsRow) -> list[str]:
        return [row.unit, *(row.display(k) for k, _ in COLUMNS), row.note]

    body = [cells(r) for r in sheet.rows] + [cells(sheet.total)]
    widths = [max(display_width(line[i]) for line in [headers, *body]) for i in range(len(headers))]
    last = len(headers) - 1

    def line(values: list[str]) -> str:
        parts = [_pad(v, widths[i], right=0 < i < last) for i, v in enumerate(values)]
        return "  ".join(parts).rstrip()

    rule = "-" * (sum(widths) + 2 * last)
    title = f"情况统计表  统计期间：{sheet.date_from.isoformat()} 至 {sheet.date_to.isoformat()}"
    if sheet.unit_label:
        title += f"  填报单位：{sheet.unit_label}"
    return "\n".join([title, line(headers), rule, *(line(b) for b in body[:-1]), rule, line(body[-1])])


def render_records(records: list[dict[str, object]]) -> str:
    """Drill-down rows as an aligned table (ids left out: they mean nothing on a terminal)."""
    if not records:
        return "（该期间没有记录）"
    names = [n for n in records[0] if n != "id" and not n.endswith("_id")]

    def cell(name: str, value: object) -> str:
        if value is None:
            return ""
        # Money is stored in integer 万元; print it the way the sheet does (亿元, two decimals).
        return format_yi(int(value)) if name.endswith("_wan") else str(value)  # type: ignore[call-overload]

    body = [[cell(n, r[n]) for n in names] for r in records]
    headers = [f"{n[:-4]}(亿元)" if n.endswith("_wan") else n for n in names]
    widths = [max(display_width(line[i]) for line in [headers, *body]) for i in range(len(names))]
    lines = [
        "  ".join(_pad(v, widths[i], right=False) for i, v in enumerate(line)).rstrip()
        for line in [headers, *body]
    ]
    return "\n".join([*lines, f"共 {len(records)} 条"])
