"""List column headings (labels from storage/listing.SPECS) marked for Qt's translation tools.

lupdate cannot see labels defined in the storage layer, so they are listed here; the table models
show `QCoreApplication.translate(CONTEXT, label)`. tests/ui/test_translations.py checks that every
list column is listed, so a new column never stays Chinese in the English build.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Columns"

LABELS = frozenset(
    (
        QT_TRANSLATE_NOOP("Columns", "任务内容"),
        QT_TRANSLATE_NOOP("Columns", "企业"),
        QT_TRANSLATE_NOOP("Columns", "企业名称"),
        QT_TRANSLATE_NOOP("Columns", "企业性质"),
        QT_TRANSLATE_NOOP("Columns", "出发日期"),
        QT_TRANSLATE_NOOP("Columns", "办理时限"),
        QT_TRANSLATE_NOOP("Columns", "办理状态"),
        QT_TRANSLATE_NOOP("Columns", "参会企业数"),
        QT_TRANSLATE_NOOP("Columns", "地点"),
        QT_TRANSLATE_NOOP("Columns", "完成日期"),
        QT_TRANSLATE_NOOP("Columns", "已完成"),
        QT_TRANSLATE_NOOP("Columns", "带队领导"),
        QT_TRANSLATE_NOOP("Columns", "总部所在地"),
        QT_TRANSLATE_NOOP("Columns", "意向投资(亿元)"),
        QT_TRANSLATE_NOOP("Columns", "截止日期"),
        QT_TRANSLATE_NOOP("Columns", "所属行业"),
        QT_TRANSLATE_NOOP("Columns", "拜访企业数"),
        QT_TRANSLATE_NOOP("Columns", "提出日期"),
        QT_TRANSLATE_NOOP("Columns", "最近进展"),
        QT_TRANSLATE_NOOP("Columns", "服务专员"),
        QT_TRANSLATE_NOOP("Columns", "服务内容"),
        QT_TRANSLATE_NOOP("Columns", "标签"),
        QT_TRANSLATE_NOOP("Columns", "活动名称"),
        QT_TRANSLATE_NOOP("Columns", "活动日期"),
        QT_TRANSLATE_NOOP("Columns", "活动类型"),
        QT_TRANSLATE_NOOP("Columns", "电子邮箱"),
        QT_TRANSLATE_NOOP("Columns", "目标市州"),
        QT_TRANSLATE_NOOP("Columns", "签约金额(亿元)"),
        QT_TRANSLATE_NOOP("Columns", "简称"),
        QT_TRANSLATE_NOOP("Columns", "结束日期"),
        QT_TRANSLATE_NOOP("Columns", "统一社会信用代码"),
        QT_TRANSLATE_NOOP("Columns", "职务"),
        QT_TRANSLATE_NOOP("Columns", "联系人"),
        QT_TRANSLATE_NOOP("Columns", "联系电话"),
        QT_TRANSLATE_NOOP("Columns", "计划投资(亿元)"),
        QT_TRANSLATE_NOOP("Columns", "记录人"),
        QT_TRANSLATE_NOOP("Columns", "诉求内容"),
        QT_TRANSLATE_NOOP("Columns", "诉求类别"),
        QT_TRANSLATE_NOOP("Columns", "负责人"),
        QT_TRANSLATE_NOOP("Columns", "责任部门"),
        QT_TRANSLATE_NOOP("Columns", "走访形式"),
        QT_TRANSLATE_NOOP("Columns", "走访日期"),
        QT_TRANSLATE_NOOP("Columns", "走访目的"),
        QT_TRANSLATE_NOOP("Columns", "起始日期"),
        QT_TRANSLATE_NOOP("Columns", "返回日期"),
        QT_TRANSLATE_NOOP("Columns", "重点企业"),
        QT_TRANSLATE_NOOP("Columns", "项目名称"),
        QT_TRANSLATE_NOOP("Columns", "项目状态"),
        QT_TRANSLATE_NOOP("Columns", "项目阶段"),
        QT_TRANSLATE_NOOP("Columns", "领导职级"),
    )
)


def column_label(label: str) -> str:
    """The heading in the UI language (the Chinese source when no translation is loaded)."""
    return QCoreApplication.translate(CONTEXT, label)
