"""`zsdesk stats`: the statistics sheet (情况统计表) per unit plus 合计, as a table or JSON."""

from __future__ import annotations

import argparse
import json
import unicodedata

from ..domain.campaigns import Campaign
from ..domain.dates import parse_date
from ..domain.errors import ValidationError
from ..domain.money import format_yi, format_yi_exact
from ..domain.stats import COLUMNS, NOTE_HEADER, TOTAL_LABEL, StatsRow, StatsSheet
from ..services.context import Workspace, open_workspace
from ..services.stats import (
    DRILL_KEYS,
    HEADERS,
    check_targets,
    drilldown,
    growth_progress,
    growth_text,
    set_note,
    sheet_for,
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "stats",
        help="按填报单位和统计期间输出情况统计表",
        description="按 DOMAIN.md 口径统计：召开推介会、拜访企业、签约、落地、开工、新增到位资金（起止日期均含）。",
    )
    p.add_argument("--db", required=True, help="数据库文件路径")
    p.add_argument("--unit", default=None, help="填报单位（市州或办事处名称）；默认列出全部单位")
    add_period_arguments(p)
    p.add_argument("--json", action="store_true", help="输出 JSON（金额为两位小数的亿元字符串）")
    p.add_argument("--yoy", action="store_true", help="同时列出去年同期及同比增减")
    p.add_argument(
        "--detail",
        choices=tuple(DRILL_KEYS),
        help="改为列出某项数字背后的记录（如 enterprises_visited、signed_wan、trips）",
    )
    p.set_defaults(func=_stats)


def add_period_arguments(p: argparse.ArgumentParser) -> None:
    """--from/--to, --campaign/--period-only and --note: shared by `stats` and `report stats`."""
    p.add_argument(
        "--from",
        dest="date_from",
        default=None,
        help="起始日期 YYYY-MM-DD（含）；有专项行动时默认为行动开始日",
    )
    p.add_argument(
        "--to", dest="date_to", default=None, help="截止日期 YYYY-MM-DD（含）；有专项行动时为报送日，默认今天"
    )
    p.add_argument("--campaign", default=None, help="专项行动名称（标题、自行动开始累计的数字与目标进度）")
    p.add_argument("--period-only", action="store_true", help="与 --campaign 同用：只统计本报送期（半月）")
    p.add_argument(
        "--note",
        action="append",
        default=[],
        metavar="单位=备注",
        help="保存某单位本统计期间的备注（可多次）",
    )


def _date(raw: str | None, label: str) -> str | None:
    if raw is None:
        return None
    day = parse_date(raw, field="period", label=label)
    if day is None:
        raise ValidationError({"period": f"{label}不能为空"})
    return day.isoformat()


def parse_notes(raw: list[str]) -> list[tuple[str, str]]:
    """`["成都市=含驻外办事处数据"]` -> [("成都市", "含驻外办事处数据")]; a missing "=" is an error."""
    out = []
    for item in raw:
        unit, sep, text = item.partition("=")
        if not sep or not unit.strip():
            raise ValidationError({"note": f"备注“{item}”应写成 单位=备注内容（如 成都市=含驻外办事处数据）"})
        out.append((unit.strip(), text))
    return out


def period_sheet(
    ws: Workspace, args: argparse.Namespace, *, yoy: bool = False
) -> tuple[StatsSheet, Campaign | None]:
    """The sheet the period arguments ask for, after saving any --note for exactly that period."""
    from ..services.campaigns import find_campaign

    campaign = find_campaign(ws, args.campaign) if args.campaign else None
    if args.period_only and campaign is None:
        raise ValidationError({"period": "--period-only 需与 --campaign 一起使用"})
    kwargs = {
        "date_from": _date(args.date_from, "起始日期"),
        "date_to": _date(args.date_to, "截止日期"),
        "unit": args.unit,
        "campaign": campaign,
        "period_only": args.period_only,
    }
    notes = parse_notes(args.note)
    if notes:
        sheet = sheet_for(ws, **kwargs)  # type: ignore[arg-type]
        with ws.store.transaction():  # all notes or none
            for unit, text in notes:
                set_note(ws, unit=unit, date_from=sheet.date_from, date_to=sheet.date_to, text=text)
    return sheet_for(ws, **kwargs, yoy=yoy), campaign  # type: ignore[arg-type]


def check_period_arguments(args: argparse.Namespace) -> None:
    """Dates, notes and the period choice checked before the database is opened."""
    _date(args.date_from, "起始日期"), _date(args.date_to, "截止日期")
    parse_notes(args.note)
    if not args.campaign and not (args.date_from and args.date_to):
        raise ValidationError({"period": "请用 --from 和 --to 给出统计期间，或用 --campaign 选择专项行动"})


def _stats(args: argparse.Namespace) -> int:
    # Validate the dates before touching the file, so a typo never creates or migrates a database.
    check_period_arguments(args)
    with open_workspace(args.db, create=False) as ws:
        if args.detail:
            sheet, _ = period_sheet(ws, args)
            records = drilldown(
                ws, key=args.detail, unit=args.unit, date_from=sheet.date_from, date_to=sheet.date_to
            )
            if args.json:
                print(json.dumps(records, ensure_ascii=False, indent=2))
            else:
                print(render_records(records))
                amount = {"signed_wan": "signed_wan", "funding_wan": "amount_wan"}.get(args.detail)
                if amount:  # the sheet prints each unit rounded; this is the exact sum behind it
                    exact = sum(int(r[amount] or 0) for r in records)
                    print(f"合计（精确值）：{format_yi_exact(exact)} 亿元")
            return 0
        sheet, campaign = period_sheet(ws, args, yoy=args.yoy)
        targets = (
            check_targets(
                ws, date_from=sheet.date_from, date_to=sheet.date_to, unit=args.unit, campaign=campaign
            )
            if campaign is not None
            else []
        )
        growth = (
            growth_progress(ws, campaign, as_of=sheet.date_to, unit=args.unit)
            if campaign is not None and sheet.date_to >= campaign.start
            else {}
        )
    if args.json:
        data = sheet.as_json()
        if campaign is not None:
            data["campaign"] = campaign.name
            data["targets"] = [
                {"unit": t.unit, "target": t.target.label, "minimum": t.target.minimum, "actual": t.actual,
                 "met": t.met, "finished": t.finished, "counted_to": t.counted_to.isoformat() if t.counted_to else None,
                 "text": t.text}
                for t in targets
            ]  # fmt: skip
        if growth:
            data["growth"] = {
                u: {HEADERS[k]: (None if g.percent is None else str(g.percent)) for k, g in row.items()}
                for u, row in growth.items()
            }
        if sheet.previous is not None:
            data["last_year"] = sheet.previous.as_json()
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_table(sheet))
        if sheet.previous is not None:
            print(render_yoy(sheet))
        if targets:
            end = targets[0].counted_to
            print(
                f"目标进度（{campaign.name}，自{campaign.start.isoformat()}累计至{end.isoformat() if end else ''}）："
            )
            for t in targets:
                print(f"  {t.unit}：{t.text}")
        if growth and campaign is not None and campaign.growth_pct:
            for unit, row in growth.items():
                if not (args.unit and unit == TOTAL_LABEL):  # one unit: its 合计 says the same
                    print(f"  {unit}：{growth_text(row, campaign.growth_pct)}")
    return 0


def display_width(text: str) -> int:
    """Terminal columns: CJK (wide/full-width) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int, *, right: bool) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if right else text + gap


def render_table(sheet: StatsSheet) -> str:
    """The nine columns as an aligned plain-text table: unit left, figures right-aligned."""
    headers = [sheet.unit_header, *(h for _, h in COLUMNS), NOTE_HEADER]

    def cells(row: StatsRow) -> list[str]:
        return [row.unit, *(row.display(k) for k, _ in COLUMNS), row.note]

    body = [cells(r) for r in sheet.rows] + [cells(sheet.total)]
    widths = [max(display_width(line[i]) for line in [headers, *body]) for i in range(len(headers))]
    last = len(headers) - 1

    def line(values: list[str]) -> str:
        parts = [_pad(v, widths[i], right=0 < i < last) for i, v in enumerate(values)]
        return "  ".join(parts).rstrip()

    rule = "-" * (sum(widths) + 2 * last)
    title = f"{sheet.title}  统计期间：{sheet.date_from.isoformat()} 至 {sheet.date_to.isoformat()}"
    if sheet.basis:
        title += f"（{sheet.basis}）"
    title += f"  填报单位：{sheet.unit_text}"
    return "\n".join([title, line(headers), rule, *(line(b) for b in body[:-1]), rule, line(body[-1])])


def render_yoy(sheet: StatsSheet) -> str:
    """去年同期 and 同比 per unit, one line each (the PDF/xlsx 同比 table as text)."""
    from ..reports.stats_sheet import yoy_rows

    assert sheet.previous is not None
    prev = sheet.previous
    lines = [f"去年同期（{prev.date_from.isoformat()} 至 {prev.date_to.isoformat()}）及同比："]
    for cells in yoy_rows(sheet):
        parts = [f"{h}{c.replace(chr(10), '，')}" for (_, h), c in zip(COLUMNS, cells[1:], strict=True)]
        lines.append(f"  {cells[0]}：" + "；".join(parts))
    return "\n".join(lines)


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
