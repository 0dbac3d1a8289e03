"""Validation errors are a code plus parameters that read as Chinese; the GUI translates them by code."""

from __future__ import annotations

import pickle

import pytest

from zsdesk.domain.creditcode import check_character, credit_code_error
from zsdesk.domain.errors import ValidationError
from zsdesk.domain.messages import TEMPLATES, Message
from zsdesk.domain.validation import validate_fields
from zsdesk.ui import domain_text


def test_a_wrong_check_character_is_a_code_with_the_expected_character() -> None:
    code = "91310115MA1H7GXX" + "1" + "0"
    expected = check_character(code[:17])
    error = credit_code_error(code[:17] + ("0" if expected != "0" else "1"))
    assert isinstance(error, Message)
    assert (error.code, error.params) == ("credit_code.check_char", {"expected": expected})
    assert error == f"统一社会信用代码校验位错误（应为“{expected}”），请核对是否录入有误"


def test_field_errors_carry_codes_and_still_read_as_chinese() -> None:
    with pytest.raises(ValidationError) as info:
        validate_fields(
            "visit", {"form": "电话", "intention_wan": "很多", "officer": "长" * 60}, creating=True
        )
    errors = info.value.errors
    codes = {name: getattr(message, "code", None) for name, message in errors.items()}
    assert codes["form"] == "field.choice" and codes["intention_wan"] == "money.not_number_yi"
    assert codes["officer"] == "field.too_long" and codes["enterprise_id"] == "field.required"
    assert errors["enterprise_id"] == "企业为必填项"
    assert str(info.value) == "；".join(errors.values())  # the CLI prints this


def test_a_message_survives_pickling_and_nesting() -> None:
    inner = Message("field.required", label="诉求内容")
    outer = Message("visit.demand_item", index=2, message=inner)
    assert outer == "第2条诉求：诉求内容为必填项"
    again = pickle.loads(pickle.dumps(outer))
    assert again == outer and again.code == outer.code and again.params["message"].code == "field.required"


def test_every_code_has_its_gui_translation() -> None:
    # A code without an entry in ui/domain_text.py would show in Chinese in the English UI.
    assert set(TEMPLATES) == set(domain_text._BY_CODE)
    for code, (template, params) in domain_text._BY_CODE.items():
        chinese = TEMPLATES[code]
        for index, (name, _convert) in enumerate(params, start=1):
            chinese = chinese.replace("{" + name + "}", f"%{index}")
        assert chinese == template, code
