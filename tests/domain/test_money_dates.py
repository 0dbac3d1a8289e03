"""Money stays exact (integer 万元) and dates accept what officers type."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from zsdesk.domain.dates import iso_week_range, parse_date
from zsdesk.domain.errors import ValidationError
from zsdesk.domain.money import format_yi, parse_yi, wan_to_yi


@pytest.mark.parametrize(
    ("raw", "wan"),
    [
        ("1.5", 15000),
        ("0.01", 100),
        (2, 20000),
        (Decimal("3.1234"), 31234),
        (0.1, 1000),
        ("12亿元", 120000),
        ("1,234.5", 12345000),
        ("", None),
        (None, None),
    ],
)
def test_parse_yi_is_exact(raw: object, wan: int | None) -> None:
    assert parse_yi(raw) == wan


def test_float_sums_do_not_drift() -> None:
    # 0.1 + 0.2 != 0.3 in binary floats; in integer 万元 it is exact.
    assert parse_yi(0.1) + parse_yi(0.2) == parse_yi("0.3")  # type: ignore[operator]
    assert format_yi(sum([parse_yi("0.1")] * 10)) == "1.00"  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", ["-1", "abc", "1.2.3", "1e5", "1.00001"])
def test_bad_amounts_raise_chinese_errors(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_yi(raw, field="signed_wan", label="签约金额")
    assert "签约金额" in str(info.value)


def test_display_rounds_half_up_to_two_decimals() -> None:
    assert wan_to_yi(15) == Decimal("0.00")
    assert format_yi(50) == "0.01"
    assert format_yi(8620000) == "862.00"


@pytest.mark.parametrize(
    "raw", ["2024-06-26", "2024/6/26", "2024年6月26日", "2024.06.26", "20240626", dt.datetime(2024, 6, 26, 9)]
)
def test_parse_date_accepts_common_forms(raw: object) -> None:
    assert parse_date(raw) == dt.date(2024, 6, 26)


@pytest.mark.parametrize("raw", ["2024-02-30", "明天", "26/06/2024", "1800-01-01"])
def test_parse_date_rejects_with_chinese_message(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_date(raw, label="走访日期")
    assert "走访日期" in str(info.value)


def test_iso_week_range() -> None:
    assert iso_week_range("2024-W26") == (dt.date(2024, 6, 24), dt.date(2024, 6, 30))
    with pytest.raises(ValidationError):
        iso_week_range("2024-W54")
