"""`zsdesk campaign add|list|preset|edit|delete`: campaigns (专项行动) with their report dates and targets."""

from __future__ import annotations

import argparse
import datetime as dt

from ..domain import campaigns as dc
from ..domain.dates import parse_date
from ..domain.errors import ValidationError
from ..services.context import open_workspace


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "campaign",
        help="专项行动（如“百日攻坚”）：标题、报送日期与目标",
        description="专项行动由省级管理员制定并同步到各办事处；从未同步的办事处可定义本地专项行动。",
    )
    actions = p.add_subparsers(dest="campaign_action", metavar="操作", required=True)

    ls = actions.add_parser("list", help="列出专项行动及其报送日期", description="列出专项行动及其报送日期")
    ls.add_argument("--db", required=True, help="数据库文件路径")
    ls.set_defaults(func=_list)

    add = actions.add_parser(
        "add", help="新建专项行动", description="新建专项行动（目标为每个填报单位的最低数）"
    )
    add.add_argument("--db", required=True, help="数据库文件路径")
    add.add_argument("--name", required=True, help="行动名称，如 制造业招商引资“百日攻坚”行动")
    add.add_argument("--start", required=True, help="开始日期 YYYY-MM-DD")
    add.add_argument("--end", required=True, help="结束日期 YYYY-MM-DD")
    add.add_argument("--visits", type=int, default=None, help="走访目标企业不少于（家）")
    add.add_argument("--events", type=int, default=None, help="召开推介会不少于（次）")
    add.add_argument("--trips", type=int, default=None, help="党政负责同志带队招商不少于（次）")
    add.add_argument("--growth", type=int, default=None, help="同比增长不低于（%%）")
    add.set_defaults(func=_add)

    pre = actions.add_parser(
        "preset",
        help="按附件2添加“百日攻坚”行动（走访100家、推介会3次、带队招商8次、同比增长10%%）",
        description="添加 2021 年“百日攻坚”行动（9月10日至12月18日），或以 --year / --start 换日期",
    )
    pre.add_argument("--db", required=True, help="数据库文件路径")
    when = pre.add_mutually_exclusive_group()
    when.add_argument("--year", type=int, default=None, help="同样的日期放在另一年")
    when.add_argument("--start", default=None, help="从此日起100天")
    pre.set_defaults(func=_preset)

    ed = actions.add_parser("edit", help="修改专项行动的日期或目标", description="修改专项行动的日期或目标")
    ed.add_argument("--db", required=True, help="数据库文件路径")
    ed.add_argument("--name", required=True, help="行动名称")
    ed.add_argument("--start", default=None, help="开始日期 YYYY-MM-DD")
    ed.add_argument("--end", default=None, help="结束日期 YYYY-MM-DD")
    for flag, label in (("--visits", "走访目标企业不少于（家）"), ("--events", "召开推介会不少于（次）"),
                        ("--trips", "党政负责同志带队招商不少于（次）"), ("--growth", "同比增长不低于（%%）")):  # fmt: skip
        ed.add_argument(flag, type=int, default=None, help=label)
    ed.set_defaults(func=_edit)

    rm = actions.add_parser(
        "delete", help="删除专项行动", description="删除专项行动（省级管理员或本地专项行动）"
    )
    rm.add_argument("--db", required=True, help="数据库文件路径")
    rm.add_argument("--name", required=True, help="行动名称")
    rm.set_defaults(func=_delete)


def _day(raw: str, label: str) -> dt.date:
    day = parse_date(raw, field="campaign", label=label)
    if day is None:
        raise ValidationError({"campaign": f"{label}不能为空"})
    return day


def _list(args: argparse.Namespace) -> int:
    from ..services.campaigns import list_campaigns, next_report_date, reminder

    today = dt.date.today()
    with open_workspace(args.db, create=False) as ws:
        found = list_campaigns(ws)
        due, running = next_report_date(ws, today)
        nudge = reminder(ws, today)
    if not found:
        print("还没有专项行动。可用 zsdesk campaign preset 添加附件2的“百日攻坚”行动。")
        return 0
    for c in found:
        scope = "全省" if c.province_wide else "本地"
        print(f"{c.name}（{scope}）  {c.start.isoformat()} 至 {c.end.isoformat()}")
        goals = [f"{dc.TARGET_LABELS[k][0]}≥{v}{dc.TARGET_LABELS[k][1]}" for k, v in c.targets()]
        if c.growth_pct:
            goals.append(f"同比增长≥{c.growth_pct}%")
        print(f"  目标（每个填报单位）：{'、'.join(goals) or '无'}")
        print(f"  报送日期：{'、'.join(f'{d.month}月{d.day}日' for d in dc.report_dates(c.start, c.end))}")
    if running is not None:
        print(f"进行中：{running.name}，下次报送 {due.isoformat()}（还有{(due - today).days}天）")
    if nudge:
        print(f"提醒：{nudge}")
    return 0


def _add(args: argparse.Namespace) -> int:
    from ..services.campaigns import add_campaign

    start, end = _day(args.start, "开始日期"), _day(args.end, "结束日期")
    with open_workspace(args.db, create=False) as ws:
        add_campaign(
            ws, name=args.name, start=start, end=end, visits=args.visits, events=args.events,
            trips=args.trips, growth_pct=args.growth,
        )  # fmt: skip
    print(f"已新建专项行动：{args.name.strip()}（{start.isoformat()} 至 {end.isoformat()}）")
    return 0


def _preset(args: argparse.Namespace) -> int:
    from ..services.campaigns import add_preset, list_campaigns

    start = _day(args.start, "开始日期") if args.start else None
    with open_workspace(args.db, create=False) as ws:
        new_id = add_preset(ws, year=args.year, start=start)
        c = next(c for c in list_campaigns(ws) if c.id == new_id)
    print(f"已添加专项行动：{c.name}（{c.start.isoformat()} 至 {c.end.isoformat()}）")
    return 0


def _edit(args: argparse.Namespace) -> int:
    from ..services.campaigns import update_campaign

    start = _day(args.start, "开始日期") if args.start else None
    end = _day(args.end, "结束日期") if args.end else None
    with open_workspace(args.db, create=False) as ws:
        update_campaign(
            ws, args.name, start=start, end=end, visits=args.visits, events=args.events,
            trips=args.trips, growth_pct=args.growth,
        )  # fmt: skip
    print(f"已修改专项行动：{args.name.strip()}")
    return 0


def _delete(args: argparse.Namespace) -> int:
    from ..services.campaigns import delete_campaign

    with open_workspace(args.db, create=False) as ws:
        delete_campaign(ws, args.name)
    print(f"已删除专项行动：{args.name.strip()}")
    return 0
