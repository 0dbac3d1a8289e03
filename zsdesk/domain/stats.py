"""The statistics sheet (情况统计表, seed 002 附件2): its columns and computed rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .enums import CITIES
from .money import WAN_PER_YI, format_yi, format_yi_exact, wan_to_yi

# Column keys -> header text, in the order of the official sheet (after 市(州), before 备注).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("events", "召开推介会(次)"),
    ("enterprises_visited", "拜访企业(户)"),
    ("projects_signed", "签约项目(个)"),
    ("signed_wan", "签约金额(亿元)"),
    ("projects_landed", "落地项目数(个)"),
    ("projects_started", "开工项目数(个)"),
    ("funding_wan", "新增到位资金(亿元)"),
)
MONEY_COLUMNS = ("signed_wan", "funding_wan")
UNIT_HEADER = "市(州)"  # the official heading, when every row is a 市(州)
OFFICE_UNIT_HEADER = "单位"  # when some rows are offices (省政府驻上海办事处 is no 市州)
NOTE_HEADER = "备注"
TOTAL_LABEL = "合计"
ALL_UNITS_LABEL = "全部单位汇总"  # 填报单位 of the sheet that lists every unit
PLAIN_TITLE = "招商引资工作情况统计表"  # the title without a campaign


def printed_wan(wan: int) -> int:
    """An amount as printed (亿元 rounded half-up to 0.01), back in 万元: what 合计 adds up."""
    return int(wan_to_yi(wan) * WAN_PER_YI)


@dataclass
class StatsRow:
    """One reporting unit's figures for a period; money in integer 万元."""

    unit: str
    events: int = 0
    enterprises_visited: int = 0
    projects_signed: int = 0
    signed_wan: int = 0
    projects_landed: int = 0
    projects_started: int = 0
    funding_wan: int = 0
    note: str = ""

    def value(self, key: str) -> int:
        return int(getattr(self, key))

    def display(self, key: str) -> str:
        """Figure as printed: money as 亿元 with two decimals, counts as integers."""
        return format_yi(self.value(key)) if key in MONEY_COLUMNS else str(self.value(key))

    def as_json(self) -> dict[str, object]:
        """The `zsdesk stats --json` shape: header names as keys, money as two-decimal strings."""
        out: dict[str, object] = {"unit": self.unit}
        for key, header in COLUMNS:
            out[header] = self.display(key) if key in MONEY_COLUMNS else self.value(key)
        if self.note:
            out[NOTE_HEADER] = self.note
        return out


@dataclass
class StatsSheet:
    """Rows per unit plus the 合计 row, for [date_from, date_to] inclusive."""

    date_from: dt.date
    date_to: dt.date
    rows: list[StatsRow] = field(default_factory=list)
    filler: str = ""  # 填报人
    unit_label: str = ""  # 填报单位 when one unit was asked for ("" = every unit)
    filled_on: dt.date | None = None  # 填报时间
    title: str = PLAIN_TITLE
    basis: str = ""  # how the period was chosen, e.g. "自行动开始（2021年9月10日）累计"
    previous: StatsSheet | None = None  # same period last year, when 同比 is asked for

    @property
    def unit_header(self) -> str:
        """The unit column's heading: 市(州) on a sheet of 市州, else 单位 (it fits offices too)."""
        units = [r.unit for r in self.rows]
        return UNIT_HEADER if units and all(u in CITIES for u in units) else OFFICE_UNIT_HEADER

    @property
    def unit_text(self) -> str:
        """填报单位 as printed: never blank."""
        return self.unit_label or ALL_UNITS_LABEL

    @property
    def total(self) -> StatsRow:
        """合计 of the rows AS PRINTED: each amount rounded to 0.01 亿元 first, so the sheet adds up."""
        total = StatsRow(TOTAL_LABEL)
        for row in self.rows:
            for key, _ in COLUMNS:
                value = printed_wan(row.value(key)) if key in MONEY_COLUMNS else row.value(key)
                setattr(total, key, total.value(key) + value)
        return total

    @property
    def exact_total(self) -> StatsRow:
        """合计 of the unrounded figures (the drill-down's sum)."""
        total = StatsRow(TOTAL_LABEL)
        for row in self.rows:
            for key, _ in COLUMNS:
                setattr(total, key, total.value(key) + row.value(key))
        return total

    def as_json(self) -> dict[str, object]:
        total = self.total.as_json()
        total.pop("unit")
        exact = self.exact_total
        out: dict[str, object] = {
            "title": self.title,
            "unit": self.unit_text,
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "rows": [r.as_json() for r in self.rows],
            "total": total,
            "exact_total": {h: format_yi_exact(exact.value(k)) for k, h in COLUMNS if k in MONEY_COLUMNS},
        }
        if self.basis:
            out["basis"] = self.basis
        return out
