"""List column headings and record field labels (Chinese, from storage/listing.SPECS and
domain/records.py) marked for Qt's translation tools; record type names (Office.TITLE ...) too.

lupdate cannot see labels defined in the storage and domain layers, so they are listed here; the
table models and record dialogs show `column_label(label)` / `record_title(title)`.
tests/ui/test_translations.py checks that every list column, record field and statistics heading is
listed, so a new one never stays Chinese in the English build.
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
        # The statistics sheet's 备注 and campaign records (domain/records.StatsNote, Campaign).
        QT_TRANSLATE_NOOP("Columns", "单位"),
        QT_TRANSLATE_NOOP("Columns", "行动名称"),
        QT_TRANSLATE_NOOP("Columns", "开始日期"),
        QT_TRANSLATE_NOOP("Columns", "结束日期"),
        QT_TRANSLATE_NOOP("Columns", "走访目标企业(家)"),
        QT_TRANSLATE_NOOP("Columns", "党政负责同志带队招商(次)"),
        QT_TRANSLATE_NOOP("Columns", "同比增长(%)"),
        QT_TRANSLATE_NOOP("Columns", "说明"),
        QT_TRANSLATE_NOOP("Columns", "外出招商"),
        QT_TRANSLATE_NOOP("Columns", "是否党政负责同志"),
        # Record field labels (domain/records.py: form rows of the record dialogs), the statistics
        # sheet's headings (domain/stats.COLUMNS) and drill-down headings (pages/stats.DRILL_LABELS).
        QT_TRANSLATE_NOOP("Columns", "SHA-256"),
        QT_TRANSLATE_NOOP("Columns", "下一步工作"),
        QT_TRANSLATE_NOOP("Columns", "企业诉求"),
        QT_TRANSLATE_NOOP("Columns", "到位日期"),
        QT_TRANSLATE_NOOP("Columns", "到位资金(亿元)"),
        QT_TRANSLATE_NOOP("Columns", "办事处"),
        QT_TRANSLATE_NOOP("Columns", "办事处名称"),
        QT_TRANSLATE_NOOP("Columns", "办结日期"),
        QT_TRANSLATE_NOOP("Columns", "原阶段"),
        QT_TRANSLATE_NOOP("Columns", "参会企业"),
        QT_TRANSLATE_NOOP("Columns", "参加人员"),
        QT_TRANSLATE_NOOP("Columns", "发现日期"),
        QT_TRANSLATE_NOOP("Columns", "召开推介会(次)"),
        QT_TRANSLATE_NOOP("Columns", "名称"),
        QT_TRANSLATE_NOOP("Columns", "回应内容"),
        QT_TRANSLATE_NOOP("Columns", "地址"),
        QT_TRANSLATE_NOOP("Columns", "填报单位"),
        QT_TRANSLATE_NOOP("Columns", "备注"),
        QT_TRANSLATE_NOOP("Columns", "大小"),
        QT_TRANSLATE_NOOP("Columns", "工作班子"),
        QT_TRANSLATE_NOOP("Columns", "已合并到"),
        QT_TRANSLATE_NOOP("Columns", "开工日期"),
        QT_TRANSLATE_NOOP("Columns", "开工项目数(个)"),
        QT_TRANSLATE_NOOP("Columns", "情况说明"),
        QT_TRANSLATE_NOOP("Columns", "意向园区"),
        QT_TRANSLATE_NOOP("Columns", "意向市州"),
        QT_TRANSLATE_NOOP("Columns", "意向投资额(亿元)"),
        QT_TRANSLATE_NOOP("Columns", "意向行业"),
        QT_TRANSLATE_NOOP("Columns", "所属记录"),
        QT_TRANSLATE_NOOP("Columns", "所属记录类型"),
        QT_TRANSLATE_NOOP("Columns", "投产日期"),
        QT_TRANSLATE_NOOP("Columns", "拜访企业"),
        QT_TRANSLATE_NOOP("Columns", "拜访企业(户)"),
        QT_TRANSLATE_NOOP("Columns", "推进措施"),
        QT_TRANSLATE_NOOP("Columns", "文件名"),
        QT_TRANSLATE_NOOP("Columns", "新增到位资金(亿元)"),
        QT_TRANSLATE_NOOP("Columns", "新阶段"),
        QT_TRANSLATE_NOOP("Columns", "无法解决原因"),
        QT_TRANSLATE_NOOP("Columns", "日期"),
        QT_TRANSLATE_NOOP("Columns", "最近走访"),
        QT_TRANSLATE_NOOP("Columns", "最近进展日期"),
        QT_TRANSLATE_NOOP("Columns", "来源走访"),
        QT_TRANSLATE_NOOP("Columns", "洽谈内容"),
        QT_TRANSLATE_NOOP("Columns", "洽谈项目"),
        QT_TRANSLATE_NOOP("Columns", "状态说明"),
        QT_TRANSLATE_NOOP("Columns", "目标园区"),
        QT_TRANSLATE_NOOP("Columns", "签约日期"),
        QT_TRANSLATE_NOOP("Columns", "签约项目"),
        QT_TRANSLATE_NOOP("Columns", "签约项目(个)"),
        QT_TRANSLATE_NOOP("Columns", "类型"),
        QT_TRANSLATE_NOOP("Columns", "联系领导"),
        QT_TRANSLATE_NOOP("Columns", "落地日期"),
        QT_TRANSLATE_NOOP("Columns", "落地项目数(个)"),
        QT_TRANSLATE_NOOP("Columns", "触发情形"),
        QT_TRANSLATE_NOOP("Columns", "诉求"),
        QT_TRANSLATE_NOOP("Columns", "说明"),
        QT_TRANSLATE_NOOP("Columns", "责任单位"),
        QT_TRANSLATE_NOOP("Columns", "走访"),
        QT_TRANSLATE_NOOP("Columns", "走访任务"),
        QT_TRANSLATE_NOOP("Columns", "履行走访"),
        QT_TRANSLATE_NOOP("Columns", "走访次数"),
        QT_TRANSLATE_NOOP("Columns", "附件类别"),
        QT_TRANSLATE_NOOP("Columns", "项目"),
        QT_TRANSLATE_NOOP("Columns", "首次走访"),
        QT_TRANSLATE_NOOP("Columns", "外出招商"),
        QT_TRANSLATE_NOOP("Columns", "是否党政负责同志"),
        QT_TRANSLATE_NOOP("Columns", "本次走访数"),
        QT_TRANSLATE_NOOP("Columns", "签约项目数"),
    )
)


def column_label(label: str) -> str:
    """The heading in the UI language (the Chinese source when no translation is loaded)."""
    return QCoreApplication.translate(CONTEXT, label)


RECORDS = "Records"

TITLES = frozenset(
    (
        QT_TRANSLATE_NOOP("Records", "办事处"),
        QT_TRANSLATE_NOOP("Records", "企业"),
        QT_TRANSLATE_NOOP("Records", "联系人"),
        QT_TRANSLATE_NOOP("Records", "走访"),
        QT_TRANSLATE_NOOP("Records", "附件"),
        QT_TRANSLATE_NOOP("Records", "项目"),
        QT_TRANSLATE_NOOP("Records", "阶段变更"),
        QT_TRANSLATE_NOOP("Records", "到位资金"),
        QT_TRANSLATE_NOOP("Records", "服务专员"),
        QT_TRANSLATE_NOOP("Records", "企业诉求"),
        QT_TRANSLATE_NOOP("Records", "跟进任务"),
        QT_TRANSLATE_NOOP("Records", "推介会"),
        QT_TRANSLATE_NOOP("Records", "外出招商"),
        QT_TRANSLATE_NOOP("Records", "六必访"),
        QT_TRANSLATE_NOOP("Records", "统计表备注"),
        QT_TRANSLATE_NOOP("Records", "专项行动"),
    )
)


def record_title(title: str) -> str:
    """A record type's name (e.g. the `TITLE` of domain.records.Demand) in the UI language."""
    return QCoreApplication.translate(RECORDS, title)
