"""Enterprise duplicates (same credit code, same or near-same names) and "merge B into A" with undo."""

from __future__ import annotations

import json
import re
from typing import Any

from ..domain.errors import ValidationError
from ..domain.ids import uuid7
from ..domain.messages import Message
from .store import Store

# Tables whose `enterprise_id` points at an enterprise (re-pointed by a merge).
CHILD_TABLES = ("contact", "visit", "project", "demand", "task", "commissioner", "trigger")
LIST_TABLES = ("event", "trip")  # hold enterprise ids in `enterprise_ids`

_SUFFIXES = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团", "公司", "股份")
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
_REGIONS = re.compile(
    r"^(中国|上海|北京|广东|广州|深圳|重庆|四川|成都|江苏|浙江|福建|厦门|辽宁|沈阳|天津|湖北|武汉)(市|省)?"
)


def core_name(name: str) -> str:
    """The distinctive part of a company name: `上海创明新能源科技有限公司` -> `创明新能源科技`."""
    text = _BRACKETS.sub("", name.strip()).replace(" ", "")
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
            break
    text = _REGIONS.sub("", text)
    return text


def find_duplicates(
    store: Store, *, name: str, credit_code: str | None = None, exclude_id: str | None = None
) -> list[dict[str, Any]]:
    """Live enterprises that may be the same as (name, credit_code), each with a Chinese reason."""
    found: dict[str, dict[str, Any]] = {}

    def add(rows: list[dict[str, Any]], reason: str) -> None:
        for row in rows:
            if row["id"] != exclude_id and row["id"] not in found:
                found[row["id"]] = {**row, "reason": reason}

    cols = "id, name, short_name, credit_code, office_id"
    if credit_code:
        add(
            store.rows(f"SELECT {cols} FROM enterprise WHERE deleted = 0 AND credit_code = ?", [credit_code]),
            "统一社会信用代码相同",
        )
    text = name.strip()
    if text:
        add(
            store.rows(
                f"SELECT {cols} FROM enterprise WHERE deleted = 0 AND (name = ? OR short_name = ?)",
                [text, text],
            ),
            "企业名称相同",
        )
        core = core_name(text)
        if len(core) >= 2:
            like = f"%{core}%"
            add(
                store.rows(
                    f"SELECT {cols} FROM enterprise WHERE deleted = 0 AND (name LIKE ? OR short_name LIKE ?)"
                    " LIMIT 20",
                    [like, like],
                ),
                f"名称相近（均含“{core}”）",
            )
            # The typed text may itself be the short name of an existing full name, or vice versa.
            add(
                [
                    r
                    for r in store.rows(
                        f"SELECT {cols} FROM enterprise WHERE deleted = 0 AND short_name IS NOT NULL"
                        " AND short_name != '' AND instr(?, short_name) > 0 LIMIT 20",
                        [text],
                    )
                ],
                "名称包含已有企业简称",
            )
    return list(found.values())


def merge_enterprises(store: Store, *, keep_id: str, merge_id: str) -> str:
    """Merge enterprise `merge_id` into `keep_id`: re-point children, tombstone B. Returns a merge id."""
    if keep_id == merge_id:
        raise ValidationError({"enterprise": Message("merge.same_enterprise")})
    repointed: list[list[str]] = []
    with store.transaction():
        keep = store.get("enterprise", keep_id)
        merged = store.get("enterprise", merge_id)
        for table in CHILD_TABLES:
            for (row_id,) in store.db.execute(
                f"SELECT id FROM [{table}] WHERE enterprise_id = ? AND deleted = 0", [merge_id]
            ).fetchall():
                store.update(table, row_id, {"enterprise_id": keep_id}, source="merge")
                repointed.append([table, row_id, "enterprise_id"])
        for table in LIST_TABLES:
            for row in store.rows(
                f"SELECT id, enterprise_ids FROM [{table}] WHERE deleted = 0 AND enterprise_ids LIKE ?",
                [f'%"{merge_id}"%'],
            ):
                ids = [keep_id if i == merge_id else i for i in json.loads(row["enterprise_ids"])]
                store.update(table, row["id"], {"enterprise_ids": list(dict.fromkeys(ids))}, source="merge")
                repointed.append([table, row["id"], "enterprise_ids", json.loads(row["enterprise_ids"])])
        # Fill the kept record's empty fields from the merged one, so nothing typed is lost.
        fill = {
            k: merged[k]
            for k in ("short_name", "credit_code", "industry", "hq_region", "ownership", "address")
            if not keep.get(k) and merged.get(k)
        }
        tags = list(dict.fromkeys([*keep["tags"], *merged["tags"]]))
        if tags != keep["tags"]:
            fill["tags"] = tags
        if merged["is_key"] and not keep["is_key"]:
            fill["is_key"] = True
        if merged.get("credit_code") and fill.get("credit_code"):
            # The code moves to the kept record; clear it on B first so it stays unique.
            store.update("enterprise", merge_id, {"credit_code": None}, source="merge")
        if fill:
            store.update("enterprise", keep_id, fill, source="merge")
        store.update("enterprise", merge_id, {"merged_into": keep_id}, source="merge")
        store.delete("enterprise", merge_id, source="merge")
        log_id = uuid7()
        store.db.execute(
            "INSERT INTO merge_log (id, kept_id, merged_id, repointed, hlc, undone) VALUES (?, ?, ?, ?, ?, 0)",
            [
                log_id,
                keep_id,
                merge_id,
                json.dumps({"rows": repointed, "filled": list(fill)}),
                store.clock.now(),
            ],
        )
    return log_id


def undo_merge(store: Store, merge_log_id: str) -> None:
    """Reverse a merge: B comes back and the rows that moved return to it."""
    rows = store.rows("SELECT * FROM merge_log WHERE id = ?", [merge_log_id])
    if not rows or rows[0]["undone"]:
        raise ValidationError({"merge": Message("merge.not_found")})
    log = rows[0]
    keep_id, merge_id = log["kept_id"], log["merged_id"]
    moved = json.loads(log["repointed"])
    with store.transaction():
        store.undelete("enterprise", merge_id, source="merge")
        store.update("enterprise", merge_id, {"merged_into": None}, source="merge")
        for table, row_id, column, *original in moved["rows"]:
            row = store.get(table, row_id, include_deleted=True)
            if column == "enterprise_id" and row["enterprise_id"] == keep_id:
                store.update(table, row_id, {"enterprise_id": merge_id}, source="merge", allow_deleted=True)
            elif column == "enterprise_ids" and original:
                store.update(
                    table, row_id, {"enterprise_ids": original[0]}, source="merge", allow_deleted=True
                )
        store.db.execute("UPDATE merge_log SET undone = 1 WHERE id = ?", [merge_log_id])
