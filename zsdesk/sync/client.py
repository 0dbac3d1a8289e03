"""The client sync engine: push the outbox, pull pages until caught up, push again (SYNC.md §5).

`SyncClient(server).sync(replica)` talks HTTP (httpx) to the provincial server and hands every
result to a `ReplicaStore` (implemented by `zsdesk.storage.replica.Replica`), which commits each step
in one local transaction. Every step is idempotent, so an interrupted sync is simply run again.
"""

from __future__ import annotations

import errno
import functools
import gzip
import hashlib
import json
import ssl
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import certifi
import httpx

from ..domain.errors import DomainError
from .protocol import (
    BLOB_CHUNK_BYTES,
    CLOCK_AHEAD_LIMIT_MS,
    DEVICE_HEADER,
    MAX_BLOB_BYTES,
    RESNAPSHOT_STATUS,
    SERVER_TIME_HEADER,
    UPGRADE_MESSAGE,
    UPLOAD_LENGTH_HEADER,
    UPLOAD_OFFSET_HEADER,
    version_headers,
)

PUSH_BATCH = 1000
PULL_LIMIT = 2000
GZIP_MIN_BYTES = 1024


class ReplicaStore(Protocol):
    """What the engine needs from the local database (one transaction per call)."""

    def device_id(self) -> str: ...
    def cursor(self) -> int: ...
    def pending_ops(self, limit: int = ...) -> list[dict[str, Any]]: ...
    def pending_count(self) -> int: ...
    def record_results(self, results: list[dict[str, Any]]) -> None: ...
    def apply_page(self, page: dict[str, Any]) -> int: ...
    def reset_scope(self, scope_key: str, office_ids: set[str] | None) -> bool: ...
    def pending_blobs(self) -> list[str]: ...
    def read_blob(self, sha256: str) -> bytes: ...
    def mark_blob_uploaded(self, sha256: str) -> None: ...
    def resnapshot_active(self) -> bool: ...
    def begin_resnapshot(self) -> None: ...
    def finish_resnapshot(self) -> int: ...


class SyncError(DomainError):
    """A sync step failed; `kind` is network|auth|upgrade|server|disk|cancelled, the text is Chinese."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class SyncCancelled(SyncError):
    def __init__(self) -> None:
        super().__init__("cancelled", "同步已取消（已完成的部分已保存，下次同步会继续）")


@dataclass
class SyncReport:
    outcomes: Counter[str] = field(default_factory=Counter)
    pulled: int = 0
    conflicts: int = 0
    uploaded_blobs: int = 0
    uploaded_bytes: int = 0  # attachment bytes sent in this sync (a resumed upload sends only the rest)
    server_seq: int = 0
    clock_ahead_ms: int = 0
    resnapshot: bool = False  # the whole scope was pulled again after a tombstone purge
    dropped: int = 0  # local rows removed by that re-snapshot (the server no longer has them)
    warnings: list[str] = field(default_factory=list)


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One verified TLS context per process: building it reads the CA bundle (~25 ms each time)."""
    return ssl.create_default_context(cafile=certifi.where())


def _no_fault(point: str) -> None:
    """Default fault hook (tests use one that kills the process at a named point)."""


def _is_disk_full(exc: BaseException) -> bool:
    return (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "disk is full" in str(exc).lower()


class SyncClient:
    """HTTP side of sync. `token` comes from `login()` or the OS keyring (services decide)."""

    def __init__(
        self,
        server: str,
        *,
        token: str | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 60.0,
        fault: Callable[[str], None] = _no_fault,
        clock_ms: Callable[[], int] | None = None,
        push_batch: int = PUSH_BATCH,
        pull_limit: int = PULL_LIMIT,
        blob_chunk: int = BLOB_CHUNK_BYTES,
    ) -> None:
        self.server = server.rstrip("/")
        self.token = token
        self.fault = fault
        self.push_batch = push_batch
        self.pull_limit = pull_limit
        self.blob_chunk = max(1, blob_chunk)
        self._clock_ms = clock_ms or (lambda: time.time_ns() // 1_000_000)
        self.clock_ahead_ms = 0
        self.device_id = ""
        self.http = httpx.Client(
            base_url=self.server,
            transport=transport,
            timeout=timeout,
            headers=version_headers(),
            verify=_tls_context(),
        )

    def close(self) -> None:
        self.http.close()

    # -- HTTP plumbing ---------------------------------------------------------------------------
    def _request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
        allow: tuple[int, ...] = (),
        **kw: Any,
    ) -> httpx.Response:
        headers = dict(headers or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if self.device_id:
            headers[DEVICE_HEADER] = self.device_id
        content = raw
        if body is not None:
            content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
            if len(content) >= GZIP_MIN_BYTES:
                content = gzip.compress(content, 5)
                headers["Content-Encoding"] = "gzip"
        sent_at = self._clock_ms()
        try:
            response = self.http.request(method, path, content=content, headers=headers, **kw)
        except httpx.TimeoutException as exc:
            raise SyncError(
                "network", "连接服务器超时，请检查网络后重试（未同步的修改已保留在本机）"
            ) from exc
        except httpx.TransportError as exc:
            raise SyncError(
                "network", f"无法连接服务器 {self.server}，请检查网络后重试（未同步的修改已保留在本机）"
            ) from exc
        self._check_clock(response, sent_at)
        if response.status_code >= 400 and not (
            (method == "HEAD" and response.status_code == 404) or response.status_code in allow
        ):
            raise self._error(response)
        return response

    def _check_clock(self, response: httpx.Response, sent_at: int) -> None:
        stamp = response.headers.get(SERVER_TIME_HEADER)
        if stamp and stamp.isdigit():
            # The server stamped its clock somewhere between send and receive: compare with the midpoint.
            local = (sent_at + self._clock_ms()) // 2
            self.clock_ahead_ms = local - int(stamp)

    @staticmethod
    def _detail(response: httpx.Response) -> str:
        try:
            detail = response.json().get("detail")
        except (ValueError, AttributeError):
            return ""
        return detail if isinstance(detail, str) else ""

    def _error(self, response: httpx.Response) -> SyncError:
        code = response.status_code
        detail = self._detail(response)
        if code == 401:
            return SyncError("auth", detail or "登录已失效，请重新登录")
        if code == 426:
            return SyncError("upgrade", detail or UPGRADE_MESSAGE)
        if code == 429:
            return SyncError("auth", detail or "登录尝试过于频繁，请稍后再试")
        if code >= 500:
            return SyncError("server", f"服务器出错（HTTP {code}），请稍后重试；如持续出现请联系管理员")
        return SyncError("server", f"服务器拒绝了请求（HTTP {code}）：{detail or response.reason_phrase}")

    # -- auth ------------------------------------------------------------------------------------
    def login(self, username: str, password: str) -> dict[str, Any]:
        info: dict[str, Any] = self._request(
            "POST", "/auth/login", body={"username": username, "password": password}
        ).json()
        self.token = info["token"]
        return info

    def me(self) -> dict[str, Any]:
        result: dict[str, Any] = self._request("GET", "/auth/me").json()
        return result

    def logout(self) -> None:
        self._request("POST", "/auth/logout")

    # -- one sync --------------------------------------------------------------------------------
    def sync(
        self,
        replica: ReplicaStore,
        *,
        progress: Callable[[float, str], None] = lambda f, t: None,
        cancel: Callable[[], bool] = lambda: False,
    ) -> SyncReport:
        """Blobs, push, pull until caught up, push again if the user edited meanwhile."""
        report = SyncReport()
        self.device_id = self._local(replica.device_id)
        self._upload_blobs(replica, report, progress, cancel)
        for round_no in range(3):
            self._push(replica, report, progress, cancel)
            self._pull(replica, report, progress, cancel)
            if round_no == 2 or self._local(replica.pending_count) == 0:
                break
        report.clock_ahead_ms = self.clock_ahead_ms
        if self.clock_ahead_ms > CLOCK_AHEAD_LIMIT_MS:
            minutes = self.clock_ahead_ms // 60000
            report.warnings.append(f"本机时钟比服务器快约 {minutes} 分钟，请校准系统时间（同步结果不受影响）")
        progress(1.0, "同步完成")
        return report

    @staticmethod
    def _local(call: Callable[..., Any], *args: Any) -> Any:
        """Run a replica step, turning a full disk into a plain-Chinese error."""
        try:
            return call(*args)
        except Exception as exc:
            if _is_disk_full(exc):
                raise SyncError(
                    "disk", "磁盘空间不足，同步已停止（已同步的部分已保存）。请清理磁盘后重试"
                ) from exc
            raise

    @staticmethod
    def _check(cancel: Callable[[], bool]) -> None:
        if cancel():
            raise SyncCancelled()

    def _upload_blobs(self, replica: ReplicaStore, report: SyncReport, progress: Any, cancel: Any) -> None:
        # Resumable (SYNC.md §7): HEAD says whether the server has the blob (200: another laptop or an
        # earlier sync uploaded it) or how many bytes of our unfinished upload it holds (404 +
        # Upload-Offset); the rest goes up in 1 MB PATCH chunks, so a connection cut during a 20 MB
        # scan costs at most one chunk again, not the whole file. The server verifies the SHA-256 of
        # the whole before the blob becomes visible, and the blob stays `uploaded = 0` here until the
        # server confirmed it. A server without resumable uploads sends no Upload-Offset: one whole PUT.
        pending = self._local(replica.pending_blobs)
        for index, sha in enumerate(pending):
            self._check(cancel)
            progress(0.05 * index / max(1, len(pending)), f"正在上传附件 {index + 1}/{len(pending)}")
            head = self._request("HEAD", f"/blobs/{sha}")
            if head.status_code == 404:
                data = self._local(replica.read_blob, sha)
                if hashlib.sha256(data).hexdigest() != sha or len(data) > MAX_BLOB_BYTES:
                    # Sending it would only be refused; the data part of the sync must still go ahead.
                    report.warnings.append(
                        f"附件 {sha[:12]}… 超过 50 MB，服务器不接收，未上传"
                        if len(data) > MAX_BLOB_BYTES
                        else f"附件 {sha[:12]}… 在本机已损坏（内容与 SHA-256 不符），未上传：请重新添加该附件"
                    )
                    continue
                held = head.headers.get(UPLOAD_OFFSET_HEADER, "")
                if held.isdigit():
                    report.uploaded_bytes += self._upload_chunks(sha, data, int(held), cancel)
                else:
                    self.fault("mid-blob-upload")
                    self._request(
                        "PUT", f"/blobs/{sha}", raw=data, headers={"Content-Type": "application/octet-stream"}
                    )
                    report.uploaded_bytes += len(data)
                report.uploaded_blobs += 1
            self._local(replica.mark_blob_uploaded, sha)

    def _upload_chunks(self, sha: str, data: bytes, offset: int, cancel: Callable[[], bool]) -> int:
        """Send `data` from `offset` on in chunks until the server has verified and stored the whole;
        returns the bytes sent."""
        total, sent, realigned = len(data), 0, 0
        offset = offset if offset <= total else 0  # a partial of another length is replaced from 0
        while True:
            self._check(cancel)
            chunk = data[offset : offset + self.blob_chunk]
            if offset + len(chunk) >= total:
                self.fault("mid-blob-upload")  # kill tests: all but the last chunk are on the server
            response = self._request(
                "PATCH",
                f"/blobs/{sha}",
                raw=chunk,
                headers={
                    "Content-Type": "application/offset+octet-stream",
                    UPLOAD_OFFSET_HEADER: str(offset),
                    UPLOAD_LENGTH_HEADER: str(total),
                },
                allow=(409,),
            )
            sent += len(chunk)
            if response.status_code == 409:
                # The server holds a different amount than we thought (an earlier response of ours was
                # lost, or a partial was swept): continue where it stands, a few times at most.
                held = response.headers.get(UPLOAD_OFFSET_HEADER, "")
                realigned += 1
                if not held.isdigit() or realigned > 3:
                    raise self._error(response)
                offset = int(held) if int(held) <= total else 0
                continue
            status = response.json()
            if status.get("complete"):
                return sent
            if int(status["offset"]) <= offset:  # never loop on a server that does not move on
                raise SyncError("server", "服务器未能接收附件分段，请稍后重试；如持续出现请联系管理员")
            offset = int(status["offset"])

    # -- attachments -----------------------------------------------------------------------------
    def download_blob(self, sha256: str) -> bytes:
        """The bytes of one attachment, verified against its SHA-256 (a truncated or altered download
        is never handed on). SyncError kind "missing" when the server does not have it (yet)."""
        response = self._request("GET", f"/blobs/{sha256}", allow=(404,))
        if response.status_code == 404:
            raise SyncError("missing", "服务器上还没有该附件（上传它的电脑可能尚未同步），请稍后再试")
        data = response.content
        if hashlib.sha256(data).hexdigest() != sha256:
            raise SyncError("server", "下载的附件内容与 SHA-256 不符，已丢弃，请重试")
        return data

    def _push(self, replica: ReplicaStore, report: SyncReport, progress: Any, cancel: Any) -> None:
        total = self._local(replica.pending_count)
        sent = 0
        while True:
            self._check(cancel)
            ops = self._local(replica.pending_ops, self.push_batch)
            if not ops:
                return
            progress(0.05 + 0.45 * sent / max(1, total), f"正在上传修改 {sent}/{total}")
            self.fault("before-push")
            answer = self._request(
                "POST", "/sync/push", body={"device_id": self.device_id, "ops": ops}
            ).json()
            self.fault("after-push-response")
            results = answer["results"]
            self._local(replica.record_results, results)
            for result in results:
                report.outcomes[result["outcome"]] += 1
                report.conflicts += len(result.get("conflicts") or [])
            report.server_seq = max(report.server_seq, int(answer.get("server_seq", 0)))
            sent += len(ops)
            if len(ops) < self.push_batch:
                return

    def _pull(self, replica: ReplicaStore, report: SyncReport, progress: Any, cancel: Any) -> None:
        start = self._local(replica.cursor)
        while True:
            self._check(cancel)
            since = self._local(replica.cursor)
            params: dict[str, Any] = {"since": since, "limit": self.pull_limit}
            # (getattr: a ReplicaStore written before protocol 2 simply never re-snapshots)
            resnapshot = self._local(getattr(replica, "resnapshot_active", lambda: False))
            if resnapshot:
                params["resnapshot"] = "true"
            response = self._request("GET", "/sync/pull", params=params, allow=(RESNAPSHOT_STATUS,))
            if response.status_code == RESNAPSHOT_STATUS:
                if resnapshot or since == 0:
                    raise self._error(response)  # cannot happen with a sane server: do not loop
                # Tombstones newer than our cursor were purged (SYNC.md §6). The outbox was pushed
                # just before this pull; now pull everything from 0 and drop what the server lost.
                self._local(replica.begin_resnapshot)
                report.resnapshot = True
                start = 0
                continue
            page = response.json()
            self.fault("after-pull-response")
            scope = page.get("scope")
            if scope is not None:
                offices = None if scope == "*" else {o for o in scope.split(",") if o}
                if self._local(replica.reset_scope, scope, offices) and since != 0:
                    start = 0
                    continue  # the scope changed: start again from seq 0
            report.pulled += self._local(replica.apply_page, page)
            report.server_seq = max(report.server_seq, int(page["server_seq"]))
            done = (int(page["cursor"]) - start) / max(1, int(page["server_seq"]) - start)
            progress(0.5 + 0.5 * min(1.0, done), f"正在下载更新（{report.pulled} 条）")
            if not page["has_more"]:
                if resnapshot:  # also when resuming one an earlier sync started
                    report.resnapshot = True
                    report.dropped += self._local(replica.finish_resnapshot)
                return
