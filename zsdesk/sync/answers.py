"""Checks on what the server (or whatever answers in its place) sent back, before anything is stored.

A captive portal answers with an HTML page and status 200, a broken proxy cuts a body short, a
faulty server leaves out keys or sends a row of another office: each becomes a `BadAnswer` with a
Chinese message (the engine retries a few times, then reports it), never a KeyError or TypeError
from deep inside the apply step, and never a row stored outside the page's scope.
"""

from __future__ import annotations

import json
from typing import Any

from ..domain.campaigns import PROVINCE_OFFICE
from ..domain.records import BY_TABLE, field_specs

OUTCOMES = frozenset({"applied", "noop", "conflict", "rejected"})
_KEEP = "（未同步的修改已保留在本机）"


class BadAnswer(Exception):
    """The answer cannot be used; the text is Chinese and says what to do."""


def parse_json(content: bytes, content_type: str) -> Any:
    """The JSON body of an answer; an HTML page (captive portal, proxy error page) or broken JSON
    (a body cut short) is a BadAnswer."""
    head = content[:512].lstrip().lower()
    if "html" in content_type.lower() or head.startswith((b"<!doctype", b"<html", b"<")):
        raise BadAnswer(
            "服务器地址返回了一个网页而不是同步数据：可能需要先在浏览器中登录网络（如酒店、机场的 Wi-Fi 认证页），"
            "或服务器地址填写有误。请检查后重试" + _KEEP
        )
    try:
        return json.loads(content)
    except (ValueError, UnicodeDecodeError):
        raise BadAnswer(
            "服务器的回答不完整或无法识别（可能网络中断或被代理截断），请稍后重试" + _KEEP
        ) from None


def _missing(what: str) -> BadAnswer:
    return BadAnswer(
        f"服务器的回答缺少必要内容（{what}），可能服务器版本不匹配或网络被代理篡改，请稍后重试" + _KEEP
    )


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**63


def _dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _missing(what)
    return value


def check_login(answer: Any) -> dict[str, Any]:
    info = _dict(answer, "登录信息")
    if not isinstance(info.get("token", ""), str) or not isinstance(info.get("role"), str):
        raise _missing("登录令牌或角色")
    offices = info.get("offices")
    if not isinstance(offices, list) or not all(
        isinstance(o, dict) and isinstance(o.get("id"), str) and isinstance(o.get("name"), str)
        for o in offices
    ):
        raise _missing("办事处列表")
    return info


def check_push(answer: Any, sent: list[dict[str, Any]]) -> dict[str, Any]:
    """A push answer: a well-formed result for every op we sent (results for ops we never sent are dropped)."""
    body = _dict(answer, "上传结果")
    results = body.get("results")
    if not isinstance(results, list) or not _int(body.get("server_seq")):
        raise _missing("上传结果或服务器序号")
    ids = {op["op_id"] for op in sent}
    kept = []
    for result in results:
        if not isinstance(result, dict) or result.get("outcome") not in OUTCOMES:
            raise _missing("上传结果")
        if not isinstance(result.get("op_id"), str) or result["op_id"] not in ids:
            continue
        conflicts = result.get("conflicts") or []
        if not isinstance(conflicts, list) or not all(_conflict_ok(c) for c in conflicts):
            raise _missing("冲突信息")
        if not isinstance(result.get("reason", ""), str):
            raise _missing("拒绝原因")
        kept.append(result)
    if {r["op_id"] for r in kept} != ids:
        # Ops without an outcome would stay pending and be sent again and again in this very sync.
        raise _missing("部分修改的上传结果")
    return {**body, "results": kept}


def _conflict_ok(c: Any) -> bool:
    return isinstance(c, dict) and all(isinstance(c.get(k), str) for k in ("id", "table", "row_id", "field"))


def _row_ok(row: Any) -> bool:
    if not isinstance(row, dict) or not isinstance(row.get("t"), str) or not isinstance(row.get("id"), str):
        return False
    if not _int(row.get("v")) or not isinstance(row.get("o", ""), str):
        return False
    return bool(row.get("gone")) or isinstance(row.get("data", {}), dict)


def check_page(answer: Any) -> dict[str, Any]:
    """A pull page with every key the apply step reads, of the right type."""
    page = _dict(answer, "下载数据")
    if not (
        _int(page.get("cursor")) and _int(page.get("server_seq")) and isinstance(page.get("has_more"), bool)
    ):
        raise _missing("同步进度")
    rows, conflicts = page.get("rows"), page.get("conflicts") or []
    if not isinstance(rows, list) or not all(_row_ok(r) for r in rows):
        raise _missing("记录")
    if not isinstance(conflicts, list) or not all(_conflict_ok(c) for c in conflicts):
        raise _missing("冲突信息")
    for key in ("scope", "epoch", "cursor_tag"):
        if not isinstance(page.get(key, ""), str):
            raise _missing(key)
    page["bad_fields"] = sum(fit_values(r["t"], r["data"]) for r in rows if not r.get("gone") and "data" in r)
    return page


_SCALAR = (str, int, float)


def _fits(kind: str, value: Any) -> bool:
    if value is None:
        return True
    if kind == "list":
        return isinstance(value, list) and all(
            isinstance(v, _SCALAR) and not isinstance(v, bool) for v in value
        )
    if kind == "bool":
        return isinstance(value, bool) or value in (0, 1)
    if kind in ("int", "money"):
        return isinstance(value, int) and not isinstance(value, bool) and -(2**63) < value < 2**63
    return isinstance(value, str)


def fit_values(table: str, data: dict[str, Any]) -> int:
    """Blank the known fields whose value has the wrong type for its column (a dict for a name, a
    number too large for SQLite): stored as they are, they made the apply step fail with a raw
    TypeError/OverflowError on every laptop of the office until someone fixed the value. Returns how
    many were blanked (the sync warns); unknown fields are kept as JSON, as always."""
    if table not in BY_TABLE:
        return 0
    bad = [
        name for name, spec in field_specs(table).items() if name in data and not _fits(spec.kind, data[name])
    ]
    for name in bad:
        data[name] = None
    return len(bad)


def scope_offices(scope: str) -> set[str] | None:
    """The office ids a page was cut for (None: all offices, an admin's scope), with the province's
    own rows (campaigns), which reach every scope."""
    return None if scope == "*" else {o for o in scope.split(",") if o} | {PROVINCE_OFFICE}


def drop_out_of_scope(page: dict[str, Any], offices: set[str] | None) -> int:
    """Remove rows and conflicts of offices outside the page's scope (a server bug or a tampering proxy
    must not plant them here); returns how many rows were removed. `gone` rows only delete locally."""
    if offices is None:
        return 0
    rows = page["rows"]
    keep = [r for r in rows if r.get("gone") or r.get("o", "") in offices]
    page["rows"] = keep
    conflicts = page.get("conflicts") or []
    page["conflicts"] = [c for c in conflicts if c.get("office_id", "") in offices]
    return len(rows) - len(keep)
