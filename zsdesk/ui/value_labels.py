"""Domain values (enum labels such as 签约落地, 办理中, 上门拜访) shown in the UI language.

The stored values stay Chinese: they are data (SQLite, sync, the official Excel sheets and PDFs).
Only what the UI shows goes through `display(value)`; combo boxes show `display(value)` and carry
the stored value as item data (`add_values` / `current_value` / `set_current_value`), so saving
always writes the Chinese value. lupdate cannot see the vocabularies in domain/enums.py, so every
value is listed here; tests/ui/test_translations.py checks the lists match and are translated.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox

from ..domain.enums import TRIGGER_KIND_ALIASES

CONTEXT = "Values"

VALUES = frozenset(
    (
        # enums.INDUSTRIES
        QT_TRANSLATE_NOOP("Values", "电子信息"),
        QT_TRANSLATE_NOOP("Values", "装备制造"),
        QT_TRANSLATE_NOOP("Values", "食品饮料"),
        QT_TRANSLATE_NOOP("Values", "先进材料"),
        QT_TRANSLATE_NOOP("Values", "能源化工"),
        QT_TRANSLATE_NOOP("Values", "数字经济"),
        QT_TRANSLATE_NOOP("Values", "现代服务业"),
        QT_TRANSLATE_NOOP("Values", "现代农业"),
        QT_TRANSLATE_NOOP("Values", "生物医药"),
        QT_TRANSLATE_NOOP("Values", "医疗健康"),
        QT_TRANSLATE_NOOP("Values", "新能源汽车"),
        QT_TRANSLATE_NOOP("Values", "航空航天"),
        QT_TRANSLATE_NOOP("Values", "其他"),
        # enums.HQ_REGIONS
        QT_TRANSLATE_NOOP("Values", "长三角"),
        QT_TRANSLATE_NOOP("Values", "珠三角"),
        QT_TRANSLATE_NOOP("Values", "京津冀"),
        QT_TRANSLATE_NOOP("Values", "成渝"),
        QT_TRANSLATE_NOOP("Values", "东北"),
        QT_TRANSLATE_NOOP("Values", "海峡西岸"),
        QT_TRANSLATE_NOOP("Values", "中部"),
        QT_TRANSLATE_NOOP("Values", "西部"),
        QT_TRANSLATE_NOOP("Values", "港澳台"),
        QT_TRANSLATE_NOOP("Values", "境外"),
        # enums.OWNERSHIPS
        QT_TRANSLATE_NOOP("Values", "内资"),
        QT_TRANSLATE_NOOP("Values", "外资"),
        # enums.TAGS
        QT_TRANSLATE_NOOP("Values", "世界500强"),
        QT_TRANSLATE_NOOP("Values", "中国500强"),
        QT_TRANSLATE_NOOP("Values", "中国民营500强"),
        QT_TRANSLATE_NOOP("Values", "上市公司"),
        QT_TRANSLATE_NOOP("Values", "链主企业"),
        QT_TRANSLATE_NOOP("Values", "专精特新"),
        QT_TRANSLATE_NOOP("Values", "重点企业"),
        # enums.VISIT_FORMS
        QT_TRANSLATE_NOOP("Values", "上门拜访"),
        QT_TRANSLATE_NOOP("Values", "驻点招商"),
        QT_TRANSLATE_NOOP("Values", "来访接待"),
        QT_TRANSLATE_NOOP("Values", "云洽谈"),
        QT_TRANSLATE_NOOP("Values", "展会推介"),
        # enums.STAGES
        QT_TRANSLATE_NOOP("Values", "信息获取"),
        QT_TRANSLATE_NOOP("Values", "现场考察"),
        QT_TRANSLATE_NOOP("Values", "会谈洽谈"),
        QT_TRANSLATE_NOOP("Values", "签约落地"),
        QT_TRANSLATE_NOOP("Values", "开工建设"),
        QT_TRANSLATE_NOOP("Values", "投产达产"),
        # enums.PROJECT_STATUSES
        QT_TRANSLATE_NOOP("Values", "正常"),
        QT_TRANSLATE_NOOP("Values", "停滞"),
        QT_TRANSLATE_NOOP("Values", "终止"),
        # enums.DEMAND_CATEGORIES
        QT_TRANSLATE_NOOP("Values", "用地"),
        QT_TRANSLATE_NOOP("Values", "资金/融资"),
        QT_TRANSLATE_NOOP("Values", "税收"),
        QT_TRANSLATE_NOOP("Values", "审批"),
        QT_TRANSLATE_NOOP("Values", "用能"),
        QT_TRANSLATE_NOOP("Values", "人才"),
        QT_TRANSLATE_NOOP("Values", "物流"),
        QT_TRANSLATE_NOOP("Values", "政策兑现"),
        # enums.DEMAND_STATUSES
        QT_TRANSLATE_NOOP("Values", "待办"),
        QT_TRANSLATE_NOOP("Values", "办理中"),
        QT_TRANSLATE_NOOP("Values", "已回应"),
        QT_TRANSLATE_NOOP("Values", "已解决"),
        QT_TRANSLATE_NOOP("Values", "无法解决"),
        # a task's state (services.visits.visit_followups)
        QT_TRANSLATE_NOOP("Values", "已完成"),
        QT_TRANSLATE_NOOP("Values", "未完成"),
        # enums.EVENT_KINDS
        QT_TRANSLATE_NOOP("Values", "推介会"),
        QT_TRANSLATE_NOOP("Values", "项目集中签约"),
        QT_TRANSLATE_NOOP("Values", "客商考察"),
        QT_TRANSLATE_NOOP("Values", "展会"),
        # enums.TRIGGER_KINDS (六必访 occasions)
        QT_TRANSLATE_NOOP("Values", "创新孵化"),
        QT_TRANSLATE_NOOP("Values", "经营困难"),
        QT_TRANSLATE_NOOP("Values", "登记纳统"),
        QT_TRANSLATE_NOOP("Values", "战略调整"),
        QT_TRANSLATE_NOOP("Values", "增资扩产"),
        QT_TRANSLATE_NOOP("Values", "筹备上市"),
        # enums.ROLE_LABELS
        QT_TRANSLATE_NOOP("Values", "招商人员"),
        QT_TRANSLATE_NOOP("Values", "组长"),
        QT_TRANSLATE_NOOP("Values", "省级管理员"),
        # enums.CITIES (Sichuan's 市(州): targets and reporting units)
        QT_TRANSLATE_NOOP("Values", "成都市"),
        QT_TRANSLATE_NOOP("Values", "自贡市"),
        QT_TRANSLATE_NOOP("Values", "攀枝花市"),
        QT_TRANSLATE_NOOP("Values", "泸州市"),
        QT_TRANSLATE_NOOP("Values", "德阳市"),
        QT_TRANSLATE_NOOP("Values", "绵阳市"),
        QT_TRANSLATE_NOOP("Values", "广元市"),
        QT_TRANSLATE_NOOP("Values", "遂宁市"),
        QT_TRANSLATE_NOOP("Values", "内江市"),
        QT_TRANSLATE_NOOP("Values", "乐山市"),
        QT_TRANSLATE_NOOP("Values", "南充市"),
        QT_TRANSLATE_NOOP("Values", "眉山市"),
        QT_TRANSLATE_NOOP("Values", "宜宾市"),
        QT_TRANSLATE_NOOP("Values", "广安市"),
        QT_TRANSLATE_NOOP("Values", "达州市"),
        QT_TRANSLATE_NOOP("Values", "雅安市"),
        QT_TRANSLATE_NOOP("Values", "巴中市"),
        QT_TRANSLATE_NOOP("Values", "资阳市"),
        QT_TRANSLATE_NOOP("Values", "阿坝州"),
        QT_TRANSLATE_NOOP("Values", "甘孜州"),
        QT_TRANSLATE_NOOP("Values", "凉山州"),
        # the 合计 row of the statistics sheet (domain.stats.TOTAL_LABEL)
        QT_TRANSLATE_NOOP("Values", "合计"),
        # yes / no cells of bool columns
        QT_TRANSLATE_NOOP("Values", "是"),
        QT_TRANSLATE_NOOP("Values", "否"),
    )
)

# Between the items of a list value (tags): "、" in Chinese, ", " in English.
SEPARATOR = QT_TRANSLATE_NOOP("Values", "、")

# List columns (storage/listing.SPECS) whose cells are vocabulary values; the model translates
# only these cells (names, free text and dates are data and are shown as stored).
VALUE_COLUMNS: dict[str, frozenset[str]] = {
    "visit": frozenset({"form", "industry"}),
    "enterprise": frozenset({"industry", "hq_region", "ownership", "tags"}),
    "project": frozenset({"stage", "status", "industry", "target_city"}),
    "demand": frozenset({"category", "status"}),
    "event": frozenset({"kind"}),
}

# The vocabulary of list columns that are not an enum field of their own table.
_COLUMN_VOCABULARIES = {
    ("visit", "industry"): "INDUSTRIES",  # the visited enterprise's industry
    ("enterprise", "hq_region"): "HQ_REGIONS",
    ("project", "target_city"): "CITIES",
}


def vocabulary(table: str, key: str) -> tuple[str, ...]:
    """The closed list of values a list column can show (empty for free text and lists)."""
    from ..domain import enums
    from ..domain.records import field_specs

    if (table, key) in _COLUMN_VOCABULARIES:
        return tuple(getattr(enums, _COLUMN_VOCABULARIES[(table, key)]))
    spec = field_specs(table).get(key) if key in VALUE_COLUMNS.get(table, ()) else None
    return spec.choices if spec is not None and spec.kind == "enum" else ()


def display(value: Any) -> str:
    """The value as the UI shows it (the stored Chinese when no translation is loaded)."""
    if value is None or value == "":
        return ""
    text = str(value)
    # A 六必访 label stored by an earlier version is shown as DOMAIN.md writes it today.
    text = TRIGGER_KIND_ALIASES.get(text, text)
    return QCoreApplication.translate(CONTEXT, text)


def display_list(values: Iterable[Any] | str | None) -> str:
    """A list value (tuple, list or its stored JSON text) with each item translated."""
    if values is None or values == "":
        return ""
    if isinstance(values, str):
        try:
            import json  # not at module level: lists are shown after the first paint

            values = json.loads(values)
        except ValueError:
            return display(values)
        if isinstance(values, str):
            return display(values)
    return QCoreApplication.translate(CONTEXT, SEPARATOR).join(display(v) for v in values or ())


def yes(flag: Any) -> str:
    """A bool cell: 是 / empty."""
    return QCoreApplication.translate(CONTEXT, "是") if flag else ""


# -- combo boxes: display text shown, stored value as item data ---------------------------------
def add_values(combo: QComboBox, values: Iterable[str], *, blank: bool = False) -> None:
    """Append one item per stored value: the text is `display(value)`, the data the value itself."""
    if blank:
        combo.addItem("", "")
    for value in values:
        combo.addItem(display(value), value)
    # The list opens as wide as its longest item even when the box is narrow (English runs long).
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)


def current_value(combo: QComboBox) -> str:
    """The stored value of the chosen item; text typed into an editable combo is taken as is
    (typing an item's shown text, e.g. "Chengdu", picks that item's value)."""
    text = combo.currentText()
    index = combo.currentIndex()
    if index < 0 or combo.itemText(index) != text:
        index = combo.findText(text)
    if index >= 0:
        data = combo.itemData(index)
        if data is not None:
            return str(data)
    return text


def set_current_value(combo: QComboBox, value: Any) -> None:
    """Select the item storing `value`; a value outside the list (old data) is added so it shows."""
    text = "" if value is None else str(value)
    index = combo.findData(text)
    if index < 0 and text:
        combo.addItem(display(text), text)
        index = combo.count() - 1
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable():
        combo.setEditText(text)
