"""Field validation driven by record metadata; every message is plain Chinese."""

from __future__ import annotations

import json
import re
from typing import Any

from . import enums
from .creditcode import credit_code_error, normalize_credit_code
from .dates import parse_date
from .errors import ValidationError
from .messages import Message
from .money import MAX_WAN, parse_yi
from .records import field_specs

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+\-()（）\s转]{5,30}$")


def clean_value(table: str, name: str, raw: Any) -> Any:
    """Return the canonical stored value of one field or raise ValidationError."""
    fs = field_specs(table)[name]
    label = fs.label
    if fs.kind == "list":
        if raw is None or raw == "":
            return []
        if not isinstance(raw, str | list | tuple):
            raise ValidationError({name: f"{label}应为文字列表"})
        items = re.split(r"[、,，;；\n]", raw) if isinstance(raw, str) else list(raw)
        return [str(x).strip() for x in items if str(x).strip()]
    if fs.kind == "bool":
        if isinstance(raw, str):
            return raw.strip() in ("1", "是", "true", "True", "Y", "y")
        return bool(raw)
    if fs.kind == "money":
        return parse_yi(raw, field=name, label=label)
    if fs.kind == "int":
        if raw in (None, ""):
            return None
        try:
            return int(raw)
        except (TypeError, ValueError) as exc:
            raise ValidationError({name: Message("field.integer", label=label)}) from exc
    if fs.kind == "date":
        value = parse_date(raw, field=name, label=label)
        return value.isoformat() if value else None
    text = "" if raw is None else str(raw).strip()
    if fs.kind == "credit_code":
        if not text:
            return None
        error = credit_code_error(text)
        if error:
            raise ValidationError({name: error})
        return normalize_credit_code(text)
    if fs.kind == "ref":
        return text or None
    if len(text) > fs.max_len:
        raise ValidationError(
            {name: Message("field.too_long", label=label, max=fs.max_len, length=len(text))}
        )
    if fs.kind == "enum" and text:
        if name == "form":
            text = enums.normalize_visit_form(text)
        elif table == "trigger" and name == "kind":
            text = enums.normalize_trigger_kind(text)
        if text not in fs.choices:
            raise ValidationError(
                {name: Message("field.choice", label=label, value=text, choices="、".join(fs.choices))}
            )
    if fs.kind == "email" and text and not _EMAIL.match(text):
        raise ValidationError({name: Message("field.format", label=label, value=text)})
    if fs.kind == "phone" and text and not _PHONE.match(text):
        raise ValidationError({name: Message("field.format", label=label, value=text)})
    return text


def validate_fields(table: str, values: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    """The laptop's form/import check: `clean_fields`, raising ValidationError with every error."""
    cleaned, errors = clean_fields(table, values, creating=creating)
    if errors:
        raise ValidationError(errors)
    return cleaned


def clean_fields(
    table: str, fields: dict[str, Any], *, creating: bool = False, wire: bool = False
) -> tuple[dict[str, Any], dict[str, str]]:
    """(clean values, {field: Chinese error}) of the given fields: the one check of a record's fields.

    The laptop calls it on what an officer typed (lenient input: "1.5" 亿元, "甲、乙" lists). The server
    calls it with `wire=True` on every pushed value (strict wire types: money as integer 万元, lists as
    lists of text, bools as bools; `check_wire_value`) before any merge, so a value another laptop
    could not store never reaches the change log. Unknown fields (a newer desktop's) are kept but
    bounded; required fields are checked only when `creating` (a partial op carries changed fields only).
    """
    specs = field_specs(table)
    errors: dict[str, str] = {}
    cleaned: dict[str, Any] = {}
    for name, raw in fields.items():
        fs = specs.get(name)
        try:
            if fs is None:
                if wire:
                    cleaned[name] = check_unknown_value(name, raw)
                continue
            cleaned[name] = check_wire_value(table, name, raw) if wire else clean_value(table, name, raw)
        except ValidationError as exc:
            errors.update(exc.errors)
    if creating:
        for name, fs in specs.items():
            if fs.required and name not in errors and cleaned.get(name) in (None, "", []):
                errors[name] = Message("field.required", label=fs.label)
    elif not wire:
        for name, value in cleaned.items():
            if specs[name].required and value in (None, "", []):
                errors[name] = Message("field.empty", label=specs[name].label)
    return cleaned, errors


# Wire limits the specs do not say: ids are UUIDs (64 leaves room), a list holds at most this many
# items, and a field a newer desktop added (unknown here, kept as sent) at most this many JSON bytes.
MAX_ID_LEN = 64
MAX_LIST_ITEMS = 200
MAX_UNKNOWN_JSON = 20_000
MAX_INT = 2**53  # what every JSON reader holds exactly


def has_nul(text: str) -> bool:
    """A NUL character: PostgreSQL refuses it in text, and no officer typed it."""
    return "\x00" in text


def _text(name: str, label: str, raw: Any, limit: int) -> str:
    if not isinstance(raw, str):
        raise ValidationError({name: f"{label}应为文字（收到 {type(raw).__name__}）"})
    if has_nul(raw):
        raise ValidationError({name: f"{label}含有不可见的空字符（NUL）"})
    if len(raw) > limit:
        raise ValidationError({name: Message("field.too_long", label=label, max=limit, length=len(raw))})
    return raw


def check_wire_value(table: str, name: str, raw: Any) -> Any:
    """One pushed value in its wire form, checked strictly, then by the laptop's own rules
    (`clean_value`: enums, dates, credit codes, e-mail and phone formats). Raises ValidationError."""
    fs = field_specs(table)[name]
    label = fs.label
    if raw is None:
        return clean_value(table, name, None) if fs.kind in ("list", "bool") else None
    if fs.kind == "list":
        if not isinstance(raw, list) or len(raw) > MAX_LIST_ITEMS:
            raise ValidationError({name: f"{label}应为不超过{MAX_LIST_ITEMS}项的文字列表"})
        for item in raw:
            _text(name, label, item, fs.max_len)
        return clean_value(table, name, raw)
    if fs.kind == "bool":
        if not isinstance(raw, bool) and raw not in (0, 1):
            raise ValidationError({name: f"{label}应为是/否"})
        return bool(raw)
    if fs.kind in ("money", "int"):
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValidationError({name: Message("field.integer", label=label)})
        low, high = (0, MAX_WAN) if fs.kind == "money" else (-MAX_INT, MAX_INT)
        if not low <= raw <= high:
            raise ValidationError({name: f"{label}超出合理范围（{low}～{high}）"})
        return raw
    limit = MAX_ID_LEN if fs.kind == "ref" else 20 if fs.kind == "date" else fs.max_len
    text = _text(name, label, raw, limit)
    return clean_value(table, name, text)


def check_unknown_value(name: Any, raw: Any) -> Any:
    """A field this version does not know (sent by a newer desktop): kept as sent, within bounds."""
    if not isinstance(name, str) or not name or len(name) > 60 or has_nul(name):
        raise ValidationError({str(name)[:60]: "字段名无效"})
    try:
        text = json.dumps(raw, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise ValidationError({name: "字段值无效"}) from exc
    if len(text) > MAX_UNKNOWN_JSON or "\\u0000" in text:
        raise ValidationError({name: f"字段“{name}”过长或含有空字符（NUL）"})
    return raw
