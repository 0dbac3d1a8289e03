"""Sentences the domain and services build in Chinese, shown in the UI language.

Validation messages ("企业为必填项"), period names ("2026年第4季度"), target lines, the enterprise
timeline and the start-up reminder are composed below the UI layer in Chinese (the CLI and the
reports print them as they are). The UI passes them through the functions here: each recognises the
Chinese pattern, translates the template (context "Messages", "Periods", "Targets", "Timeline")
and the pieces inside it (field labels, vocabulary values). Without a translator every function
gives back exactly the Chinese it was given; text no pattern knows is shown unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from .column_labels import column_label
from .value_labels import display

Arg = Callable[[str], str]


def _same(text: str) -> str:
    return text


def _choices(text: str) -> str:
    """Choices such as 上门拜访、驻点招商 -> each value translated, joined by the UI language's separator."""
    return QCoreApplication.translate("Values", "、").join(display(v) for v in text.split("、"))


def _money_label(text: str) -> str:
    """签约金额 / 计划投资 as the rule names them: the column heading without its (亿元) unit."""
    if text in ("签约金额", "计划投资"):
        shown = column_label(f"{text}(亿元)")
        return text if shown == f"{text}(亿元)" else shown  # no translator: the Chinese as given
    return column_label(text)


def _money_labels(text: str) -> str:
    """签约日期、签约金额 ... (the rule lists what a stage lacks) with each label translated."""
    return QCoreApplication.translate("Values", "、").join(_money_label(t) for t in text.split("、"))


def _fill(template: str, args: Sequence[str]) -> str:
    """Put args into %1, %2 ... in one pass (an argument that contains "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: args[int(m.group(1)) - 1], template)


def _apply(context: str, patterns: Sequence[tuple[re.Pattern[str], str, Sequence[Arg]]], text: str) -> str:
    for regex, template, converters in patterns:
        match = regex.match(text)
        if match:
            args = [convert(arg or "") for arg, convert in zip(match.groups(), converters, strict=True)]
            return _fill(QCoreApplication.translate(context, template), args)
    return text


# -- validation and workflow messages (domain/messages.py codes) ---------------------------------
MESSAGES = "Messages"


def _message(text: str) -> str:
    return error_text(text)


# code -> the Qt template (the Chinese sentence with %1, %2 …) and how each parameter is shown.
_BY_CODE: dict[str, tuple[str, Sequence[tuple[str, Arg]]]] = {
    "field.required": (QT_TRANSLATE_NOOP("Messages", "%1为必填项"), (("label", column_label),)),
    "field.empty": (QT_TRANSLATE_NOOP("Messages", "%1不能为空"), (("label", column_label),)),
    "field.integer": (QT_TRANSLATE_NOOP("Messages", "%1应为整数"), (("label", column_label),)),
    "field.too_long": (
        QT_TRANSLATE_NOOP("Messages", "%1过长（最多%2字，当前%3字）"),
        (("label", column_label), ("max", _same), ("length", _same)),
    ),
    "field.choice": (
        QT_TRANSLATE_NOOP("Messages", "%1“%2”不在可选范围：%3"),
        (("label", column_label), ("value", _same), ("choices", _choices)),
    ),
    "field.format": (
        QT_TRANSLATE_NOOP("Messages", "%1“%2”格式不正确"),
        (("label", column_label), ("value", _same)),
    ),
    "field.unknown_ref": (QT_TRANSLATE_NOOP("Messages", "%1不存在，请重新选择"), (("label", column_label),)),
    "money.not_number_yi": (
        QT_TRANSLATE_NOOP("Messages", "%1“%2”不是有效数字（单位：亿元）"),
        (("label", column_label), ("value", _same)),
    ),
    "money.not_number": (
        QT_TRANSLATE_NOOP("Messages", "%1“%2”不是有效数字"),
        (("label", column_label), ("value", _same)),
    ),
    "money.negative": (QT_TRANSLATE_NOOP("Messages", "%1不能为负数"), (("label", column_label),)),
    "money.precision": (
        QT_TRANSLATE_NOOP("Messages", "%1最多精确到万元（亿元小数点后4位）"),
        (("label", column_label),),
    ),
    "money.too_large": (
        QT_TRANSLATE_NOOP("Messages", "%1过大，请核对单位是否为亿元"),
        (("label", column_label),),
    ),
    "date.year_range": (
        QT_TRANSLATE_NOOP("Messages", "%1“%2”年份超出合理范围"),
        (("label", column_label), ("value", _same)),
    ),
    "date.unrecognised": (
        QT_TRANSLATE_NOOP("Messages", "%1“%2”无法识别，请写成 2024-06-26 或 2024年6月26日"),
        (("label", column_label), ("value", _same)),
    ),
    "period.reversed": (
        QT_TRANSLATE_NOOP("Messages", "起始日期 %1 晚于截止日期 %2"),
        (("start", _same), ("end", _same)),
    ),
    "credit_code.length": (
        QT_TRANSLATE_NOOP("Messages", "统一社会信用代码应为18位，当前为%1位"),
        (("length", _same),),
    ),
    "credit_code.charset": (
        QT_TRANSLATE_NOOP("Messages", "统一社会信用代码含非法字符“%1”（不得含 I、O、S、V、Z 及汉字、符号）"),
        (("char", _same),),
    ),
    "credit_code.region": (
        QT_TRANSLATE_NOOP("Messages", "统一社会信用代码第3至8位应为登记管理机关行政区划码（数字）"),
        (),
    ),
    "credit_code.check_char": (
        QT_TRANSLATE_NOOP("Messages", "统一社会信用代码校验位错误（应为“%1”），请核对是否录入有误"),
        (("expected", _same),),
    ),
    "visit.demand_item": (
        QT_TRANSLATE_NOOP("Messages", "第%1条诉求：%2"),
        (("index", _same), ("message", _message)),
    ),
    "visit.next_step_item": (
        QT_TRANSLATE_NOOP("Messages", "第%1条下一步工作：%2"),
        (("index", _same), ("message", _message)),
    ),
    "visit.attachment_unreadable": (
        QT_TRANSLATE_NOOP("Messages", "无法读取附件“%1”：%2"),
        (("name", _same), ("reason", _same)),
    ),
    "demand.reason_required": (QT_TRANSLATE_NOOP("Messages", "选择“无法解决”时请填写原因"), ()),
    "store.no_office": (QT_TRANSLATE_NOOP("Messages", "未设置所属办事处"), ()),
    "merge.same_enterprise": (QT_TRANSLATE_NOOP("Messages", "不能把企业合并到它自己"), ()),
    "merge.not_found": (QT_TRANSLATE_NOOP("Messages", "该合并记录不存在或已撤销"), ()),
}

# Messages still composed as plain text (the project stage/date rule of domain/lifecycle.py, the
# duplicate credit code): recognised by pattern until they become domain.messages codes too.
_MESSAGE_PATTERNS: list[tuple[re.Pattern[str], str, Sequence[Arg]]] = [
    # domain/lifecycle.py: the stage/date rule
    (
        re.compile(r"^项目阶段为“(.+?)”，须填写(.+)$"),
        QT_TRANSLATE_NOOP("Messages", "项目阶段为“%1”，须填写%2"),
        (display, _money_labels),
    ),
    (
        re.compile(r"^(.+?)（(.+?)）不能晚于(.+?)（(.+?)）$"),
        QT_TRANSLATE_NOOP("Messages", "%1（%2）不能晚于%3（%4）"),
        (column_label, _same, column_label, _same),
    ),
    (
        re.compile(r"^已填写(.+?)，须先填写(.+?)（.+）$"),
        QT_TRANSLATE_NOOP("Messages", "已填写%1，须先填写%2"),
        (column_label, column_label),
    ),
    (
        re.compile(r"^项目阶段由“(.+?)”退回到“(.+?)”，须填写退回原因$"),
        QT_TRANSLATE_NOOP("Messages", "项目阶段由“%1”退回到“%2”，须填写退回原因"),
        (display, display),
    ),
    (
        re.compile(r"^(.+?)(\d[\d.]*)亿元超过1000亿元，常见原因是按万元填写；请确认单位为亿元$"),
        QT_TRANSLATE_NOOP("Messages", "%1%2亿元超过1000亿元，常见原因是按万元填写；请确认单位为亿元"),
        (_money_label, _same),
    ),
    (
        re.compile(
            r"^统一社会信用代码(\S+?)已登记为企业“(.+)”，同一代码不能再登记第二家企业（请打开该企业，或与之合并）$"
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "统一社会信用代码%1已登记为企业“%2”，同一代码不能再登记第二家企业（请打开该企业，或与之合并）",
        ),
        (_same, _same),
    ),
]


def error_text(message: str) -> str:
    """A message in the UI language: a `domain.messages.Message` from its code and parameters;
    any other text unchanged."""
    entry = _BY_CODE.get(getattr(message, "code", ""))
    if entry is None:
        return _apply(MESSAGES, _MESSAGE_PATTERNS, message)
    template, params = entry
    values = message.params  # type: ignore[attr-defined]
    args = [
        convert(values[name] if isinstance(values[name], str) else str(values[name]))
        for name, convert in params
    ]
    return _fill(QCoreApplication.translate(MESSAGES, template), args)


def exception_text(exc: BaseException) -> str:
    """An error for a message box: a ValidationError's messages translated, anything else as it reads."""
    errors = getattr(exc, "errors", None)
    return errors_text(list(errors.values())) if isinstance(errors, dict) and errors else error_text(str(exc))


def errors_text(messages: Sequence[str]) -> str:
    """Several messages on one line, each translated ("；" between them in Chinese)."""
    return QCoreApplication.translate("Messages", "；").join(error_text(m) for m in messages)


# -- periods (domain/periods.py) ------------------------------------------------------------------
PERIODS = "Periods"

PRESET_NAMES = frozenset(
    (
        QT_TRANSLATE_NOOP("Periods", "本报送期"),
        QT_TRANSLATE_NOOP("Periods", "本月"),
        QT_TRANSLATE_NOOP("Periods", "上月"),
        QT_TRANSLATE_NOOP("Periods", "本季度"),
        QT_TRANSLATE_NOOP("Periods", "本半年"),
        QT_TRANSLATE_NOOP("Periods", "本年"),
        QT_TRANSLATE_NOOP("Periods", "年初至今"),
    )
)

_PERIOD_PATTERNS: list[tuple[re.Pattern[str], str, Sequence[Arg]]] = [
    (
        re.compile(r"^(\d{4})年第(\d)季度$"),
        QT_TRANSLATE_NOOP("Periods", "%1年第%2季度"),
        (_same, _same),
    ),
    (
        re.compile(r"^(\d{4})年1月1日至(\d{1,2})月(\d{1,2})日$"),
        QT_TRANSLATE_NOOP("Periods", "%1年1月1日至%2月%3日"),
        (_same, _same, _same),
    ),
    (
        re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日报送期$"),
        QT_TRANSLATE_NOOP("Periods", "%1年%2月%3日报送期"),
        (_same, _same, _same),
    ),
    (re.compile(r"^(\d{4})年(\d{1,2})月$"), QT_TRANSLATE_NOOP("Periods", "%1年%2月"), (_same, _same)),
    (re.compile(r"^(\d{4})年上半年$"), QT_TRANSLATE_NOOP("Periods", "%1年上半年"), (_same,)),
    (re.compile(r"^(\d{4})年下半年$"), QT_TRANSLATE_NOOP("Periods", "%1年下半年"), (_same,)),
    (re.compile(r"^(\d{4})年$"), QT_TRANSLATE_NOOP("Periods", "%1年"), (_same,)),
    (re.compile(r"^百日攻坚$"), QT_TRANSLATE_NOOP("Periods", "百日攻坚"), ()),
]


def preset_name(label: str) -> str:
    """A preset's menu name (domain.periods.PRESET_LABELS, e.g. 本季度) in the UI language."""
    return QCoreApplication.translate(PERIODS, label)


def period_label(label: str) -> str:
    """A Period's label (2026年第4季度, 2026年上半年 ...) in the UI language."""
    return _apply(PERIODS, _PERIOD_PATTERNS, label)


def period_span(period: Any) -> str:
    """A Period as 2026年第4季度（2026-10-01 至 2026-12-31）, in the UI language."""
    return _fill(
        QCoreApplication.translate("Periods", "%1（%2 至 %3）"),
        [period_label(period.label), str(period.start), str(period.end)],
    )


# -- targets (services.stats.TARGETS, seed 002) --------------------------------------------------
TARGETS = "Targets"

TARGET_LABELS = frozenset(
    (
        QT_TRANSLATE_NOOP("Targets", "走访目标企业"),
        QT_TRANSLATE_NOOP("Targets", "召开推介会"),
        QT_TRANSLATE_NOOP("Targets", "党政负责同志带队招商"),
    )
)


def target_title(target: Any) -> str:
    """A chart title: "走访目标企业（家）"; English drops the Chinese measure word."""
    label = QCoreApplication.translate(TARGETS, target.label)
    return _fill(QCoreApplication.translate("Targets", "%1（%2）"), [label, target.measure])


def target_text(result: Any) -> str:
    """services.stats.TargetResult.text in the UI language."""
    target = result.target
    if result.met:
        state = QCoreApplication.translate("Targets", "已完成")
    else:
        state = _fill(
            QCoreApplication.translate("Targets", "差%1%2"),
            [str(target.minimum - result.actual), target.measure],
        )
    return _fill(
        QCoreApplication.translate("Targets", "%1不少于%2%3：实际%4%3，%5"),
        [
            QCoreApplication.translate(TARGETS, target.label),
            str(target.minimum),
            target.measure,
            str(result.actual),
            state,
        ],
    )


def unit_line(unit: str, text: str) -> str:
    """A reporting unit and a sentence about it: 成都市：…"""
    return _fill(QCoreApplication.translate("Targets", "%1：%2"), [display(unit), text])


# -- the enterprise timeline (storage/worklists.timeline) -----------------------------------------
TIMELINE = "Timeline"

TIMELINE_KINDS = frozenset(
    (
        QT_TRANSLATE_NOOP("Timeline", "走访"),
        QT_TRANSLATE_NOOP("Timeline", "项目"),
        QT_TRANSLATE_NOOP("Timeline", "诉求"),
        QT_TRANSLATE_NOOP("Timeline", "服务专员"),
        QT_TRANSLATE_NOOP("Timeline", "任务"),
        QT_TRANSLATE_NOOP("Timeline", "六必访"),
    )
)

_TIMELINE_PATTERNS: dict[str, list[tuple[re.Pattern[str], str, Sequence[Arg]]]] = {
    # form：purpose / kind：note
    "visit": [
        (re.compile(r"^([^：]*)：(.*)$", re.S), QT_TRANSLATE_NOOP("Timeline", "%1：%2"), (display, _same))
    ],
    "trigger": [
        (re.compile(r"^([^：]*)：(.*)$", re.S), QT_TRANSLATE_NOOP("Timeline", "%1：%2"), (display, _same))
    ],
    # name（stage，status）
    "project": [
        (
            re.compile(r"^(.*)（([^（），]*)，([^（），]*)）$", re.S),
            QT_TRANSLATE_NOOP("Timeline", "%1（%2，%3）"),
            (_same, display, display),
        )
    ],
    # content（status）
    "demand": [
        (
            re.compile(r"^(.*)（([^（）]*)）$", re.S),
            QT_TRANSLATE_NOOP("Timeline", "%1（%2）"),
            (_same, display),
        )
    ],
    # officer，至 end / officer，至今
    "commissioner": [
        (re.compile(r"^(.*)，至今$", re.S), QT_TRANSLATE_NOOP("Timeline", "%1，至今"), (_same,)),
        (re.compile(r"^(.*)，至 (.*)$", re.S), QT_TRANSLATE_NOOP("Timeline", "%1，至 %2"), (_same, _same)),
    ],
    # title（已完成）
    "task": [
        (re.compile(r"^(.*)（已完成）$", re.S), QT_TRANSLATE_NOOP("Timeline", "%1（已完成）"), (_same,))
    ],
}


def timeline_row(item: dict[str, Any]) -> tuple[str, str]:
    """(kind, text) of one workflow.timeline() row in the UI language."""
    kind = QCoreApplication.translate(TIMELINE, item.get("kind") or "")
    text = item.get("text") or ""
    return kind, _apply(TIMELINE, _TIMELINE_PATTERNS.get(item.get("tbl") or "", []), text)


# -- the start-up reminder (services.dashboard.due_today_summary) ---------------------------------
_REMINDER_PATTERNS: list[tuple[re.Pattern[str], str, Sequence[Arg]]] = [
    (
        re.compile(r"^今天到期或已逾期的任务 (\d+) 项（其中逾期 (\d+) 项）：$"),
        QT_TRANSLATE_NOOP("Messages", "今天到期或已逾期的任务 %1 项（其中逾期 %2 项）："),
        (_same, _same),
    ),
    (re.compile(r"^……共 (\d+) 项$"), QT_TRANSLATE_NOOP("Messages", "……共 %1 项"), (_same,)),
    (re.compile(r"^……$"), QT_TRANSLATE_NOOP("Messages", "……"), ()),  # the banner's "more" line
]


def reminder_text(text: str) -> str:
    """The "due today" banner text, line by line (task lines are data and stay as they are)."""
    return "\n".join(_apply(MESSAGES, _REMINDER_PATTERNS, line) for line in text.split("\n"))
