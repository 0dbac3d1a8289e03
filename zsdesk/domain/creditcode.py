"""Unified social credit code (统一社会信用代码) checks per GB 32100-2015."""

from __future__ import annotations

from .errors import ValidationError
from .messages import Message

# GB 32100-2015 character set: digits and capital letters except I, O, S, V, Z.
CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(CHARSET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def check_character(first17: str) -> str:
    """Return the 18th (check) character for the first 17 characters."""
    total = sum(_VALUE[c] * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def normalize_credit_code(raw: str) -> str:
    """Strip blanks and full-width forms and upper-case; no validation."""
    text = raw.strip().upper()
    # Full-width digits/letters appear when codes are typed with a Chinese IME.
    return "".join(chr(ord(c) - 0xFEE0) if "！" <= c <= "～" else c for c in text).replace(" ", "")


def credit_code_error(raw: str) -> Message | None:
    """Return a Chinese explanation of what is wrong with the code, or None if valid."""
    code = normalize_credit_code(raw)
    if len(code) != 18:
        return Message("credit_code.length", length=len(code))
    bad = [c for c in code if c not in _VALUE]
    if bad:
        return Message("credit_code.charset", char=bad[0])
    if code[2:8] and not code[2:8].isdigit():
        return Message("credit_code.region")
    expected = check_character(code[:17])
    if code[17] != expected:
        return Message("credit_code.check_char", expected=expected)
    return None


def validate_credit_code(raw: str) -> str:
    """Return the normalized code or raise ValidationError with a Chinese message."""
    error = credit_code_error(raw)
    if error:
        raise ValidationError({"credit_code": error})
    return normalize_credit_code(raw)


def is_valid_credit_code(raw: str) -> bool:
    return credit_code_error(raw) is None
