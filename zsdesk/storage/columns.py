"""Maps record metadata to SQLite columns and encodes/decodes values."""

from __future__ import annotations

import json
from typing import Any

from ..domain.records import BY_TABLE, field_specs

ENVELOPE_COLUMNS: dict[str, type] = {
    "id": str,
    "office_id": str,
    "deleted": int,
    "version": int,
    "updated_at": str,
    "updated_by": str,
    "created_at": str,
    "extra": str,
}
_SQL_TYPE = {"money": int, "int": int, "bool": int}
SYNCED_TABLES: tuple[str, ...] = tuple(BY_TABLE)


def table_columns(table: str) -> dict[str, type]:
    columns = dict(ENVELOPE_COLUMNS)
    for name, fs in field_specs(table).items():
        columns[name] = _SQL_TYPE.get(fs.kind, str)
    return columns


def encode(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """Domain values -> column values (lists as JSON text, bools as 0/1)."""
    specs = field_specs(table)
    out: dict[str, Any] = {}
    for name, value in values.items():
        fs = specs.get(name)
        if fs is not None and fs.kind == "list":
            value = json.dumps(list(value or []), ensure_ascii=False)
        elif (fs is not None and fs.kind == "bool") or name == "deleted":
            value = 1 if value else 0
        out[name] = value
    return out


def decode(table: str, row: dict[str, Any]) -> dict[str, Any]:
    specs = field_specs(table)
    out = dict(row)
    for name, fs in specs.items():
        if name not in out:
            continue
        if fs.kind == "list":
            out[name] = json.loads(out[name]) if out[name] else []
        elif fs.kind == "bool":
            out[name] = bool(out[name])
    if "deleted" in out:
        out["deleted"] = bool(out["deleted"])
    return out


def wire_value(table: str, name: str, value: Any) -> Any:
    """A decoded value in its JSON-safe wire/outbox form."""
    fs = field_specs(table).get(name)
    if fs is not None and fs.kind == "list":
        return list(value or [])
    if name == "deleted" or (fs is not None and fs.kind == "bool"):
        return bool(value)
    return value
