"""Exact money: stored as integer 万元, shown as 亿元 with two decimals."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import ValidationError
from .messages import Message

WAN_PER_YI = 10_000
MAX_WAN = 10**12  # 1 亿亿元: above any real amount, far below what SQLite and JSON readers hold
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def parse_yi(raw: object, *, field: str = "amount", label: str = "金额") -> int | None:
    """Parse an amount in 亿元 (text, int, Decimal or float cell) into integer 万元.

    `parse_yi("1.5")` -> 15000. Empty -> None. Negative or non-numeric -> ValidationError.
    """
    if raw is None:
        return None
    if isinstance(raw, float):
        # Excel hands us binary floats; repr() gives the shortest exact decimal text.
        raw = repr(raw)
    text = str(raw).strip().replace(",", "").replace("，", "")
    for suffix in ("亿元", "亿"):
        text = text.removesuffix(suffix)
    text = text.strip()
    if text == "":
        return None
    if not _NUMBER.match(text):
        raise ValidationError({field: Message("money.not_number_yi", label=label, value=raw)})
    try:
        value = Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - regex already screens this
        raise ValidationError({field: Message("money.not_number", label=label, value=raw)}) from exc
    if value < 0:
        raise ValidationError({field: Message("money.negative", label=label)})
    wan = value * WAN_PER_YI
    if wan != wan.to_integral_value():
        raise ValidationError({field: Message("money.precision", label=label)})
    if wan > MAX_WAN:
        raise ValidationError({field: Message("money.too_large", label=label)})
    return int(wan)


def wan_to_yi(wan: int | None) -> Decimal:
    """Integer 万元 -> Decimal 亿元 rounded half-up to two decimals."""
    return (Decimal(wan or 0) / WAN_PER_YI).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def format_yi(wan: int | None) -> str:
    """`format_yi(15000)` -> "1.50"."""
    return f"{wan_to_yi(wan):.2f}"


def format_yi_exact(wan: int | None) -> str:
    """Full precision 亿元 without trailing zeros beyond two decimals, for round-trips."""
    if wan is None:
        return ""
    value = Decimal(wan) / WAN_PER_YI
    text = f"{value:.4f}".rstrip("0")
    whole, _, frac = text.partition(".")
    return f"{whole}.{frac.ljust(2, '0')}"
