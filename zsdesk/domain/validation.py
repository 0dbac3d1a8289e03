"""Field validation driven by record metadata; every message is plain Chinese."""

from __future__ import annotations

import re
from typing import Any

from . import enums
from .creditcode import credit_code_error, normalize_credit_code
from .dates import parse_date
from .errors import ValidationError
from .money import parse_yi
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
            raise ValidationError({name: f"{label}应为整数"}) from exc
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
        raise ValidationError({name: f"{label}过长（最多{fs.max_len}字，当前{len(text)}字）"})
    if fs.kind == "enum" and text:
        if name == "form":
            text = enums.normalize_visit_form(text)
        elif table == "trigger" and name == "kind":
            text = enums.normalize_trigger_kind(text)
        if text not in fs.choices:
            raise ValidationError({name: f"{label}“{text}”不在可选范围：{'、'.join(fs.choices)}"})
    if fs.kind == "email" and text and not _EMAIL.match(text):
        raise ValidationError({name: f"{label}“{text}”格式不正确"})
    if fs.kind == "phone" and text and not _PHONE.match(text):
        raise ValidationError({name: f"{label}“{text}”格式不正确"})
    return text


def clean_fields(table: str, values: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    """Validate all given fields; on create also check required ones. Collects every error."""
    specs = field_specs(table)
    errors: dict[str, str] = {}
    cleaned: dict[str, Any] = {}
    for name, raw in values.items():
        if name not in specs:
            continue
        try:
            cleaned[name] = clean_value(table, name, raw)
        except ValidationError as exc:
            errors.update(exc.errors)
    if creating:
        for name, fs in specs.items():
            if fs.required and name not in errors and cleaned.get(name) in (None, "", []):
                errors[name] = f"{fs.label}为必填项"
    else:
        for name, value in cleaned.items():
            if specs[name].required and value in (None, "", []):
                errors[name] = f"{specs[name].label}不能为空"
    if errors:
        raise ValidationError(errors)
    return cleaned
