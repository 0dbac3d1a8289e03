"""Sync use cases: `sync_now` (token in the OS keyring), the 冲突 view and rejected ops.

sync_now(ws, server="https://zs.example.gov.cn", username="zhangsan", password=None,
         progress=panel.on_progress, cancel=panel.cancelled) -> SyncResult
"""

from __future__ import annotations

import json
import os
import signal
import time
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import keyring
from keyring.errors import KeyringError

from ..domain.errors import NotFoundError, ValidationError
from ..domain.money import WAN_PER_YI
from ..domain.records import BY_TABLE, field_specs
from ..domain.validation import clean_fields
from ..storage.columns import wire_value
from ..storage.replica import Replica
from ..sync.client import SyncClient, SyncError
from .context import Workspace
from .progress import NEVER, NO_PROGRESS, CancelCheck, Progress

KEYRING_SERVICE = "zsdesk"
NO_KEYRING = "本机没有可用的系统密钥环，无法安全保存登录令牌：本次同步使用输入的密码，令牌不会保存，下次同步需再次输入密码"
CHOICES = {"local": "另一方的值", "server": "当前值", "base": "原值"}
PREFETCH_MAX_BYTES = 2 * 1024 * 1024  # attachments below this are downloaded right after a sync


def env_fault(point: str) -> None:
    """ZSDESK_FAULT=<point> makes this process die at that point like a power cut (kill tests)."""
    if os.environ.get("ZSDESK_FAULT") == point:
        os.kill(os.getpid(), signal.SIGKILL)


@dataclass
class SyncResult:
    applied: int = 0
    noop: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    pending: int = 0
    open_conflicts: int = 0
    uploaded_blobs: int = 0
    downloaded_blobs: int = 0
    resnapshot: bool = False  # everything was pulled again after the server purged old tombstones
    dropped: int = 0  # rows removed by that re-snapshot (deleted long ago on the server)
    server_seq: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"同步完成：上传 {self.applied} 条修改，下载 {self.pulled} 条记录，"
            f"新冲突 {self.conflicts} 个（待处理 {self.open_conflicts} 个），被拒绝 {self.rejected} 条"
        )
        if self.downloaded_blobs:
            text += f"，下载附件 {self.downloaded_blobs} 个"
        return "\n".join([text, *self.warnings])


def keyring_key(server: str, username: str) -> str:
    return f"{server.rstrip('/')}|{username}"


def _stored_token(key: str) -> tuple[str | None, bool]:
    """(token kept in the OS keyring or None, whether a usable keyring exists at all)."""
    try:
        return keyring.get_password(KEYRING_SERVICE, key), True
    except KeyringError:
        return None, False


def sync_now(
    ws: Workspace,
    *,
    server: str,
    username: str,
    password: str | None = None,
    progress: Progress = NO_PROGRESS,
    cancel: CancelCheck = NEVER,
    transport: Any = None,
    clock_ms: Any = None,
    prefetch_under: int = PREFETCH_MAX_BYTES,
) -> SyncResult:
    """One full sync of this workspace; raises SyncError (Chinese message) when it cannot finish.

    The token lives in the OS keyring; the password is only used to log in and is never stored.
    Attachments smaller than `prefetch_under` bytes (0: none) are downloaded after the pull; larger
    ones are fetched when opened (`fetch_attachment`)."""
    warnings: list[str] = []
    key = keyring_key(server, username)
    token, keyring_ok = _stored_token(key)
    if not keyring_ok:
        warnings.append(NO_KEYRING)
    replica = Replica(ws.db, fault=env_fault)
    client = SyncClient(server, token=token, transport=transport, fault=env_fault, clock_ms=clock_ms)
    try:
        info = None
        if token is None:
            info = _login(client, username, password, keyring_ok, key, warnings)
        try:
            report = _sync(ws, client, replica, info, progress, cancel)
        except SyncError as exc:
            if exc.kind != "auth" or info is not None or password is None:
                raise
            # The stored token was revoked or expired: log in again once with the given password.
            _forget(key)
            info = _login(client, username, password, keyring_ok, key, warnings)
            report = _sync(ws, client, replica, info, progress, cancel)
        downloaded = _prefetch(client, replica, prefetch_under, cancel, warnings)
    except SyncError as exc:
        replica.set_state("last_error", str(exc))
        raise
    finally:
        client.close()
    replica.set_state("last_sync", time.strftime("%Y-%m-%d %H:%M:%S"))
    replica.set_state("last_error", "")
    return SyncResult(
        applied=report.outcomes["applied"],
        noop=report.outcomes["noop"],
        conflicts=report.conflicts,
        rejected=report.outcomes["rejected"],
        pulled=report.pulled,
        pending=replica.pending_count(),
        open_conflicts=len(replica.open_conflicts()),
        uploaded_blobs=report.uploaded_blobs,
        downloaded_blobs=downloaded,
        resnapshot=report.resnapshot,
        dropped=report.dropped,
        server_seq=report.server_seq,
        warnings=[
            *warnings,
            *report.warnings,
            *(
                [
                    f"服务器已清理过期的删除记录，本机已重新下载全部数据，移除了 {report.dropped} 条已删除的记录"
                ]
                if report.resnapshot
                else []
            ),
        ],
    )


def _prefetch(
    client: SyncClient, replica: Replica, limit: int, cancel: CancelCheck, warnings: list[str]
) -> int:
    """Download small attachments now, so they open offline later; a failure here is only a warning
    (the data part of the sync has committed, and the bytes can still be fetched when opened)."""
    count = 0
    for sha in replica.missing_blobs(limit) if limit > 0 else []:
        if cancel():
            break
        try:
            replica.store_downloaded_blob(sha, client.download_blob(sha))
        except SyncError as exc:
            if exc.kind == "missing":
                continue  # its laptop has not uploaded it yet: next sync
            warnings.append(f"部分附件未能下载，打开时将再次尝试：{exc}")
            break
        count += 1
    return count


def fetch_attachment(
    ws: Workspace,
    attachment_id: str,
    *,
    server: str,
    username: str,
    password: str | None = None,
    transport: Any = None,
) -> bytes:
    """The bytes of an attachment: the local copy, else downloaded lazily (verified by SHA-256 and
    kept, so it opens offline next time). Raises NotFoundError or SyncError (Chinese message)."""
    replica = Replica(ws.db)
    sha = replica.attachment_sha(attachment_id)
    if sha is None:
        raise NotFoundError("找不到该附件记录，可能已被删除")
    if replica.has_blob(sha):
        return replica.read_blob(sha)
    key = keyring_key(server, username)
    warnings: list[str] = []
    token, keyring_ok = _stored_token(key)
    client = SyncClient(server, token=token, transport=transport)
    try:
        info = None if token else _login(client, username, password, keyring_ok, key, warnings)
        try:
            data = client.download_blob(sha)
        except SyncError as exc:
            if exc.kind != "auth" or info is not None or password is None:
                raise
            _forget(key)  # revoked or expired token: log in once more with the given password
            _login(client, username, password, keyring_ok, key, warnings)
            data = client.download_blob(sha)
    finally:
        client.close()
    replica.store_downloaded_blob(sha, data)
    return data


def _login(
    client: SyncClient, username: str, password: str | None, keyring_ok: bool, key: str, warnings: list[str]
) -> dict[str, Any]:
    if password is None:
        if not keyring_ok:
            raise SyncError("auth", NO_KEYRING.split("：")[0] + "，请输入密码后同步")
        raise SyncError("auth", "尚未登录或登录已失效，请输入密码")
    info = client.login(username, password)
    if keyring_ok:
        try:
            keyring.set_password(KEYRING_SERVICE, key, info["token"])
        except KeyringError:
            warnings.append(NO_KEYRING)
    return info


def _forget(key: str) -> None:
    try:
        keyring.delete_password(KEYRING_SERVICE, key)
    except KeyringError:
        pass


def _sync(
    ws: Workspace,
    client: SyncClient,
    replica: Replica,
    info: dict[str, Any] | None,
    progress: Progress,
    cancel: CancelCheck,
) -> Any:
    if info is None and replica.get_state("offices") is None:
        info = client.me()
    if info is not None:
        replica.set_state("offices", json.dumps(info["offices"], ensure_ascii=False))
        replica.set_state("role", info["role"])
        adopted = replica.adopt_office(info["offices"])
        if adopted:
            ws.store.office_id = adopted
    # A changed scope is noticed on each pull page (client.sync -> replica.reset_scope).
    return client.sync(replica, progress=progress, cancel=cancel)


def logout(*, server: str, username: str, transport: Any = None) -> None:
    """Revoke the stored token on the server (best effort) and forget it locally."""
    key = keyring_key(server, username)
    try:
        token = keyring.get_password(KEYRING_SERVICE, key)
    except KeyringError:
        return
    if token:
        client = SyncClient(server, token=token, transport=transport)
        try:
            client.logout()
        except SyncError:
            pass
        finally:
            client.close()
        _forget(key)


# -- status, conflicts, rejected ops ---------------------------------------------------------------
def sync_status(ws: Workspace) -> dict[str, Any]:
    """What a sync panel shows: last sync, last error, pending changes, open conflicts, rejected ops."""
    replica = Replica(ws.db)
    rejected = ws.db.execute("SELECT count(*) FROM outbox WHERE state = 'rejected'").fetchone()[0]
    return {
        "last_sync": replica.get_state("last_sync") or "",
        "last_error": replica.get_state("last_error") or "",
        "pending": replica.pending_count(),
        "open_conflicts": len(replica.open_conflicts()),
        "rejected": int(rejected),
        "cursor": replica.cursor(),
    }


@dataclass
class ConflictView:
    """One field where two edits met: Local (the other value) / Server (in force) / Base per field."""

    id: str
    table: str
    table_title: str
    row_id: str
    field: str
    label: str
    local: Any
    server: Any
    base: Any
    local_author: str
    server_author: str


def list_conflicts(ws: Workspace) -> list[ConflictView]:
    out = []
    for c in Replica(ws.db).open_conflicts():
        table = c["table_name"]
        spec = field_specs(table).get(c["field"]) if table in BY_TABLE else None
        out.append(
            ConflictView(
                id=c["id"],
                table=table,
                table_title=BY_TABLE[table].TITLE if table in BY_TABLE else table,
                row_id=c["row_id"],
                field=c["field"],
                label=spec.label
                if spec
                else {"deleted": "删除", "office_id": "所属办事处"}.get(c["field"], c["field"]),
                local=json.loads(c["local_value"]) if c["local_value"] else None,
                server=json.loads(c["server_value"]) if c["server_value"] else None,
                base=json.loads(c["base_value"]) if c["base_value"] else None,
                local_author=c["local_author"] or "",
                server_author=c["server_author"] or "",
            )
        )
    return out


def resolve_conflict(ws: Workspace, conflict_id: str, choice: str) -> None:
    """Keep `choice` (local|server|base) for the field. The choice itself is a synced act (a
    `resolve` op): even choosing the value already in force closes the conflict on the server and,
    after their next sync, on every other laptop in scope; a different value is written too."""
    if choice not in CHOICES:
        raise ValidationError({"choice": f"请选择 {'/'.join(CHOICES)} 之一"})
    replica = Replica(ws.db)
    raw = next((c for c in replica.open_conflicts() if c["id"] == conflict_id), None)
    views = [c for c in list_conflicts(ws) if c.id == conflict_id]
    if raw is None or not views:
        raise NotFoundError("找不到该冲突，可能已处理")
    c = views[0]
    value = {"local": c.local, "server": c.server, "base": c.base}[choice]
    store = ws.store
    with store.transaction():
        row = store.get(c.table, c.row_id, include_deleted=True)
        write, previous = False, None
        if c.field == "deleted":
            # Deletion moves only through delete/undelete ops (tombstones); the resolve op settles it.
            if value and not row["deleted"]:
                store.delete(c.table, c.row_id, source="conflict")
            elif not value and row["deleted"]:
                store.undelete(c.table, c.row_id, source="conflict")
        elif c.field == "office_id":
            if value and value != row["office_id"]:  # a move is scope-checked by its own update op
                store.update(c.table, c.row_id, {"office_id": value}, source="conflict", allow_deleted=True)
        else:
            if row["deleted"] and choice == "local":
                store.undelete(c.table, c.row_id, source="conflict")  # the edit lost to a delete
            spec = field_specs(c.table).get(c.field)
            if spec is not None:
                shown = value
                if spec.kind == "money" and value is not None:
                    shown = Decimal(int(value)) / WAN_PER_YI  # validation takes 亿元; the wire has 万元
                clean_fields(c.table, {c.field: shown}, creating=False)  # e.g. an empty required base
                previous = wire_value(c.table, c.field, row.get(c.field))
                write = previous != value
        row = store.get(c.table, c.row_id, include_deleted=True)
        replica.record_resolution(
            raw,
            choice,
            value,
            write=write,
            previous=previous,
            stamp=store.clock.now(),
            author=store.author,
            office_id=row["office_id"],
            base_version=int(row["version"] or 0),
        )


def rejected_ops(ws: Workspace) -> list[dict[str, Any]]:
    """Changes the server refused (e.g. another office's record), kept visible with the reason."""
    rows = ws.db.execute(
        "SELECT op_id, table_name, row_id, kind, fields, reason, hlc, author FROM outbox"
        " WHERE state = 'rejected' ORDER BY op_seq"
    ).fetchall()
    return [
        {
            "op_id": op_id,
            "table": table,
            "row_id": row_id,
            "kind": kind,
            "fields": json.loads(fields or "{}"),
            "reason": reason or "",
            "hlc": hlc,
            "author": author,
        }
        for op_id, table, row_id, kind, fields, reason, hlc, author in rows
    ]
