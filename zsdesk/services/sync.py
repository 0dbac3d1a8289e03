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
from typing import Any

import keyring
from keyring.errors import KeyringError

from ..domain.errors import NotFoundError
from ..storage.replica import Replica
from ..sync.client import SyncClient, SyncError, plain_http_host
from .context import Workspace
from .progress import NEVER, NO_PROGRESS, CancelCheck, Progress

# The local side (status, conflicts and the choices on them, rejected ops) lives in sync_local.py,
# which loads no network code; re-exported here for the commands and tests that import it from here.
from .sync_local import CHOICES, ConflictView, list_conflicts, rejected_ops, resolve_conflict, sync_status
from .workflow import fulfil_triggers

__all__ = ["CHOICES", "ConflictView", "list_conflicts", "rejected_ops", "resolve_conflict", "sync_status"]

KEYRING_SERVICE = "zsdesk"
NO_KEYRING = "本机没有可用的系统密钥环，无法安全保存登录令牌：本次同步使用输入的密码，令牌不会保存，下次同步需再次输入密码"
PREFETCH_MAX_BYTES = 2 * 1024 * 1024  # attachments below this are downloaded right after a sync
PLAIN_HTTP = (
    "服务器地址 {server} 使用未加密的 http://，密码、令牌和数据在网络上以明文传输，可能被他人截取。"
    "请使用 https:// 地址"
)


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
    insecure: bool | None = None,
) -> SyncResult:
    """One full sync of this workspace; raises SyncError (Chinese message) when it cannot finish.

    The token lives in the OS keyring; the password is only used to log in and is never stored.
    Attachments smaller than `prefetch_under` bytes (0: none) are downloaded after the pull; larger
    ones are fetched when opened (`fetch_attachment`).

    `http://` to a host other than this computer: `insecure` None (the GUI) syncs with a warning,
    False (the command line without `--insecure`) refuses before anything is sent, True is silent."""
    warnings: list[str] = []
    replica = Replica(ws.db, fault=env_fault)
    plain = plain_http_host(server)
    if plain and insecure is False:
        message = PLAIN_HTTP.format(server=server) + "；确需使用请加 --insecure"
        replica.set_state("last_error", message)
        raise SyncError("insecure", message)
    if plain and insecure is None:
        warnings.append(PLAIN_HTTP.format(server=server))
    key = keyring_key(server, username)
    token, keyring_ok = _stored_token(key)
    if not keyring_ok:
        warnings.append(NO_KEYRING)
    client = SyncClient(server, token=token, transport=transport, fault=env_fault, clock_ms=clock_ms)
    kept = token is not None  # a token this sync made and could not keep is revoked at its end
    try:
        info = None
        if token is None:
            info, kept = _login(client, username, password, keyring_ok, key, warnings)
        try:
            report = _sync(ws, client, replica, info, progress, cancel)
        except SyncError as exc:
            if exc.kind != "auth" or info is not None or password is None:
                raise
            # The stored token was revoked or expired: log in again once with the given password.
            _forget(key)
            info, kept = _login(client, username, password, keyring_ok, key, warnings)
            report = _sync(ws, client, replica, info, progress, cancel)
        downloaded = _prefetch(client, replica, prefetch_under, cancel, warnings)
    except SyncError as exc:
        replica.set_state("last_error", str(exc))
        raise
    finally:
        if not kept:
            _log_out_quietly(client)
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
            *([_resnapshot_note(report)] if report.resnapshot else []),
        ],
    )


def _resnapshot_note(report: Any) -> str:
    if report.restored:
        return (
            "服务器数据库已从备份恢复：本机已重新下载全部数据"
            + (f"，并把服务器丢失的 {report.dropped} 条记录重新上传" if report.dropped else "")
            + "；请提醒同事也尽快同步"
        )
    return f"服务器已清理过期的删除记录，本机已重新下载全部数据，移除了 {report.dropped} 条已删除的记录"


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
    kept = token is not None
    try:
        info = None
        if not token:
            info, kept = _login(client, username, password, keyring_ok, key, warnings)
        try:
            data = client.download_blob(sha)
        except SyncError as exc:
            if exc.kind != "auth" or info is not None or password is None:
                raise
            _forget(key)  # revoked or expired token: log in once more with the given password
            _, kept = _login(client, username, password, keyring_ok, key, warnings)
            data = client.download_blob(sha)
    finally:
        if not kept:
            _log_out_quietly(client)
        client.close()
    replica.store_downloaded_blob(sha, data)
    return data


def _login(
    client: SyncClient, username: str, password: str | None, keyring_ok: bool, key: str, warnings: list[str]
) -> tuple[dict[str, Any], bool]:
    """Log in; returns the login answer and whether the new token was kept in the keyring."""
    if password is None:
        if not keyring_ok:
            raise SyncError("auth", NO_KEYRING.split("：")[0] + "，请输入密码后同步")
        raise SyncError("auth", "尚未登录或登录已失效，请输入密码")
    info = client.login(username, password)
    if keyring_ok:
        try:
            keyring.set_password(KEYRING_SERVICE, key, info["token"])
            return info, True
        except KeyringError:
            warnings.append(NO_KEYRING)
    return info, False


def _log_out_quietly(client: SyncClient) -> None:
    """Revoke a token nobody will use again (no keyring to keep it): without this every sync on such
    a computer left a live 30-day token on the server. Best effort: the sync itself is done."""
    if not client.token:
        return
    client.retries = 0  # one attempt: a network down has already been reported by the sync
    try:
        client.logout()
    except SyncError:
        pass
    client.token = None


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
    # A changed scope is noticed on each pull page (client.sync -> replica.reset_scope). A pulled visit
    # fulfils 六必访 triggers as one saved here does (why on the laptop: workflow.fulfil_triggers).
    return client.sync(
        replica, progress=progress, cancel=cancel, after_pull=lambda: fulfil_triggers(ws.store)
    )


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
