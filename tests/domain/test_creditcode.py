"""Unified social credit code validation against real published codes and mutations of them."""

from __future__ import annotations

import pytest

from zsdesk.domain.creditcode import (
    CHARSET,
    check_character,
    credit_code_error,
    is_valid_credit_code,
    normalize_credit_code,
    validate_credit_code,
)
from zsdesk.domain.errors import ValidationError

# Codes published on the enterprises' own business licences / annual reports.
REAL_CODES = {
    "华为技术有限公司": "914403001922038216",
    "腾讯科技（深圳）有限公司": "9144030071526726XG",
    "阿里巴巴（中国）有限公司": "91330100799655058B",
    "中国石油化工股份有限公司": "91110000710926094P",
    "小米通讯技术有限公司": "91110108558521630L",
    "比亚迪股份有限公司": "91440300192317458F",
    "宁德时代新能源科技股份有限公司": "91350900587527783P",
}


@pytest.mark.parametrize("code", REAL_CODES.values())
def test_real_published_codes_are_valid(code: str) -> None:
    assert credit_code_error(code) is None
    assert check_character(code[:17]) == code[17]


@pytest.mark.parametrize("code", REAL_CODES.values())
def test_every_single_character_substitution_is_caught(code: str) -> None:
    # GB 32100's mod-31 check catches every single-character error.
    for position in range(18):
        for replacement in CHARSET:
            if replacement == code[position]:
                continue
            mutated = code[:position] + replacement + code[position + 1 :]
            assert not is_valid_credit_code(mutated), mutated


@pytest.mark.parametrize("code", REAL_CODES.values())
def test_adjacent_transpositions_are_caught(code: str) -> None:
    for i in range(17):
        if code[i] == code[i + 1]:
            continue
        swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
        assert not is_valid_credit_code(swapped), swapped


def test_messages_are_chinese_and_specific() -> None:
    assert "18位" in (credit_code_error("91440300192317458") or "")
    assert "非法字符" in (credit_code_error("91440300192317458I") or "")
    assert "校验位" in (credit_code_error("914403001923174580") or "")
    with pytest.raises(ValidationError) as info:
        validate_credit_code("abc")
    assert "credit_code" in info.value.errors


def test_lowercase_spaces_and_fullwidth_input_is_normalized() -> None:
    assert normalize_credit_code(" 9144030071526726xg ") == "9144030071526726XG"
    assert validate_credit_code("９１４４０３００１９２３１７４５８Ｆ") == "91440300192317458F"
