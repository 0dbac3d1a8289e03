"""User-facing messages as a code plus parameters; the message itself reads as the Chinese sentence.

`Message("credit_code.check_char", expected="P")` is a `str` (统一社会信用代码校验位错误（应为“P”）…),
so the CLI, the logs and every existing `dict[str, str]` of errors keep working, while the GUI
translates it from `code` and `params` (ui/domain_text.py) instead of parsing the sentence back.
A parameter may itself be a Message (an item's error inside a list's error).
"""

from __future__ import annotations

from typing import Any

TEMPLATES: dict[str, str] = {
    "field.required": "{label}为必填项",
    "field.empty": "{label}不能为空",
    "field.integer": "{label}应为整数",
    "field.too_long": "{label}过长（最多{max}字，当前{length}字）",
    "field.choice": "{label}“{value}”不在可选范围：{choices}",
    "field.format": "{label}“{value}”格式不正确",
    "field.unknown_ref": "{label}不存在，请重新选择",
    "money.not_number_yi": "{label}“{value}”不是有效数字（单位：亿元）",
    "money.not_number": "{label}“{value}”不是有效数字",
    "money.negative": "{label}不能为负数",
    "money.precision": "{label}最多精确到万元（亿元小数点后4位）",
    "money.too_large": "{label}过大，请核对单位是否为亿元",
    "date.year_range": "{label}“{value}”年份超出合理范围",
    "date.unrecognised": "{label}“{value}”无法识别，请写成 2024-06-26 或 2024年6月26日",
    "period.reversed": "起始日期 {start} 晚于截止日期 {end}",
    "credit_code.length": "统一社会信用代码应为18位，当前为{length}位",
    "credit_code.charset": "统一社会信用代码含非法字符“{char}”（不得含 I、O、S、V、Z 及汉字、符号）",
    "credit_code.region": "统一社会信用代码第3至8位应为登记管理机关行政区划码（数字）",
    "credit_code.check_char": "统一社会信用代码校验位错误（应为“{expected}”），请核对是否录入有误",
    "visit.demand_item": "第{index}条诉求：{message}",
    "visit.next_step_item": "第{index}条下一步工作：{message}",
    "visit.attachment_unreadable": "无法读取附件“{name}”：{reason}",
    "demand.reason_required": "选择“无法解决”时请填写原因",
    "store.no_office": "未设置所属办事处",
    "merge.same_enterprise": "不能把企业合并到它自己",
    "merge.not_found": "该合并记录不存在或已撤销",
}


class Message(str):
    """A message in Chinese that also carries `code` and `params` (see TEMPLATES)."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, **params: Any) -> Message:
        self = super().__new__(cls, TEMPLATES[code].format(**params))
        self.code = code
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.code, self.params))


def _rebuild(code: str, params: dict[str, Any]) -> Message:
    return Message(code, **params)
