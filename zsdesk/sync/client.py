"""The client sync engine: push the outbox, pull pages until caught up, push again (SYNC.md §5).

`SyncClient(server).sync(replica)` talks HTTP (httpx) to the provincial server and hands every
result to a `ReplicaStore` (implemented by `zsdesk.storage.replica.Replica`), which commits each step
in one local transaction. Every step is idempotent, so an interrupted sync is simply run again.
"""

from __future__ import annotations

import errno
import functools
import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx

from .answers import BadAnswer, check_page, check_push, drop_out_of_scope, parse_json, scope_offices
from .protocol import (
    BLOB_CHUNK_BYTES,
    CLOCK_AHEAD_LIMIT_MS,
    MAX_BLOB_BYTES,
    RESNAPSHOT_HEADER,
    RESNAPSHOT_STATUS,
    UPLOAD_LENGTH_HEADER,
    UPLOAD_OFFSET_HEADER,
)
from .transport import HttpClient, SyncCancelled, SyncError, plain_http_host

__all__ = [
    "HttpClient",
    "ReplicaStore",
    "SyncCancelled",
    "SyncClient",
    "SyncError",
    "SyncReport",
    "plain_http_host",
]

PUSH_BATCH = 1000
PULL_LIMIT = 2000
MAX_RESTARTS = 3  # pulls started again from 0 (scope change, re-snapshot) within one pull loop


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
    def begin_resnapshot(self, reason: str = ...) -> None: ...
    def finish_resnapshot(self) -> int: ...


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
    restored: bool = False  # the re-snapshot was for a server restored from a backup (or replaced)
    foreign: int = 0  # rows of offices outside the page's scope, not stored
    bad_fields: int = 0  # pulled field values of the wrong type, stored blank
    warnings: list[str] = field(default_factory=list)


def _no_fault(point: str) -> None:
    """Default fault hook (tests use one that kills the process at a named point)."""


def _is_disk_full(exc: BaseException) -> bool:
    return (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "disk is full" in str(exc).lower()


class SyncClient(HttpClient):
    """The sync engine over `HttpClient`. `token` comes from `login()` or the OS keyring (services decide)."""

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
        retries: int | None = None,
        retry_delay: float | None = None,
    ) -> None:
        super().__init__(
            server,
            token=token,
            transport=transport,
            timeout=timeout,
            clock_ms=clock_ms,
            retries=retries,
            retry_delay=retry_delay,
        )
        self.fault = fault
        self.push_batch = push_batch
        self.pull_limit = pull_limit
        self.blob_chunk = max(1, blob_chunk)

    # -- one sync --------------------------------------------------------------------------------
    def sync(
        self,
        replica: ReplicaStore,
        *,
        progress: Callable[[float, str], None] = lambda f, t: None,
        cancel: Callable[[], bool] = lambda: False,
        after_pull: Callable[[], object] = lambda: None,
    ) -> SyncReport:
        """Blobs, push, pull until caught up, push again if the user edited meanwhile (after a server
        restore with edits waiting: pull everything first, see `_restore_first`).

        `after_pull` runs once the laptop has caught up in each round (the services' rules that
        pulled rows set off, e.g. 六必访 fulfilment); what it writes goes up in the next round."""
        report = SyncReport()
        self.device_id = self._local(replica.device_id)
        self._upload_blobs(replica, report, progress, cancel)
        if self._restore_first(replica, report):
            self._pull(replica, report, progress, cancel)
        for round_no in range(3):
            self._push(replica, report, progress, cancel)
            self._pull(replica, report, progress, cancel)
            self._local(after_pull)
            if round_no == 2 or self._local(replica.pending_count) == 0:
                break
        report.clock_ahead_ms = self.clock_ahead_ms
        if report.bad_fields:
            report.warnings.append(
                f"服务器发来的记录中有 {report.bad_fields} 个字段的值格式不对，已按空值保存；请联系管理员检查服务器数据"
            )
        if report.foreign:
            report.warnings.append(
                f"服务器发来 {report.foreign} 条不属于您办事处范围的记录，已忽略未保存；如持续出现请联系管理员"
            )
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
                        "PUT",
                        f"/blobs/{sha}",
                        raw=data,
                        headers={"Content-Type": "application/octet-stream"},
                        retry=False,  # a cut upload resumes from the server's offset at the next sync
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
                retry=False,  # (as the PUT above: HEAD tells the next sync where to go on)
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
            try:
                status = parse_json(response.content, response.headers.get("content-type", ""))
                complete, held_now = bool(status.get("complete")), int(status["offset"])
            except (BadAnswer, AttributeError, KeyError, TypeError, ValueError):
                raise SyncError("server", "服务器对附件上传的回答无法识别，请稍后重试") from None
            if complete:
                return sent
            if held_now <= offset:  # never loop on a server that does not move on
                raise SyncError("server", "服务器未能接收附件分段，请稍后重试；如持续出现请联系管理员")
            offset = held_now

    # -- attachments -----------------------------------------------------------------------------
    def download_blob(self, sha256: str) -> bytes:
        """The bytes of one attachment, verified against its SHA-256 (a truncated or altered download
        is never handed on). SyncError kind "missing" when the server does not have it (yet)."""
        response = self._request("GET", f"/blobs/{sha256}", allow=(404,))
        if response.status_code == 404:
            raise SyncError("missing", "服务器上还没有该附件（上传它的电脑可能尚未同步），请稍后再试")
        data: bytes = response.content
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
                "POST",
                "/sync/push",
                body={"device_id": self.device_id, "ops": ops},
                check=functools.partial(check_push, sent=ops),
            )
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

    def _restore_first(self, replica: ReplicaStore, report: SyncReport) -> bool:
        """With edits waiting and a cursor, ask (one row) whether the server still knows our cursor.
        A restored server lost rows this laptop holds: an edit of one pushed now would make the
        server a row of the edited fields alone, which the re-snapshot would then bring back here
        over the whole row. So a lost cursor re-snapshots first; rows the server lacks are queued
        again as creates, their edits after them, and only then pushed. True: pull before pushing."""
        if self._local(getattr(replica, "resnapshot_active", lambda: False)):  # an interrupted one
            reason = self._local(getattr(replica, "resnapshot_reason", lambda: ""))
            return bool(reason == "restored" and self._local(replica.pending_count) > 0)
        since = self._local(replica.cursor)
        if not since or not self._local(replica.pending_count):
            return False
        epoch, tag = self._local(getattr(replica, "server_marks", lambda: ("", "")))
        params: dict[str, Any] = {"since": since, "limit": 1, **({"tag": tag} if tag else {})}
        answer = self._request(
            "GET", "/sync/pull", params=params, allow=(RESNAPSHOT_STATUS,), check=check_page
        )
        if isinstance(answer, httpx.Response):
            if answer.headers.get(RESNAPSHOT_HEADER) != "restored":
                return False  # a purge: push first as always, the pull then re-snapshots (SYNC.md §6)
            self._restart(replica, report, "restored")
            return True
        if _lost_track(answer, since, epoch):
            self._restart(replica, report, "restored")
            return True
        return False

    def _pull(self, replica: ReplicaStore, report: SyncReport, progress: Any, cancel: Any) -> None:
        start = self._local(replica.cursor)
        # (getattr: a ReplicaStore written before protocol 2 simply never re-snapshots)
        marks = getattr(replica, "server_marks", lambda: ("", ""))
        restarts = 0
        while True:
            self._check(cancel)
            if restarts > MAX_RESTARTS:  # scope or identity flapping from page to page: never loop
                raise SyncError(
                    "server",
                    "服务器的同步范围或标识反复变化，已停止同步（未同步的修改保留在本机），请联系管理员",
                )
            since = self._local(replica.cursor)
            epoch, tag = self._local(marks)
            params: dict[str, Any] = {"since": since, "limit": self.pull_limit}
            if since and tag:
                params["tag"] = tag  # the server checks it still has the change we stopped at
            resnapshot = self._local(getattr(replica, "resnapshot_active", lambda: False))
            if resnapshot:
                params["resnapshot"] = "true"
            answer = self._request(
                "GET", "/sync/pull", params=params, allow=(RESNAPSHOT_STATUS,), check=check_page
            )
            if isinstance(answer, httpx.Response):
                if resnapshot or since == 0:
                    raise self._error(answer)  # cannot happen with a sane server: do not loop
                # Tombstones newer than our cursor were purged (SYNC.md §6), or the server's database
                # was restored from a backup and no longer has the change we stopped at. The outbox was
                # pushed just before this pull; now pull everything from 0 and settle what the server lacks.
                self._restart(replica, report, answer.headers.get(RESNAPSHOT_HEADER, "purged"))
                start, restarts = 0, restarts + 1
                continue
            page = answer
            self.fault("after-pull-response")
            cursor, server_seq = page["cursor"], page["server_seq"]
            if since and not resnapshot and _lost_track(page, since, epoch):
                self._restart(replica, report, "restored")
                start, restarts = 0, restarts + 1
                continue
            if page["has_more"] and cursor <= since:
                raise SyncError(
                    "server",
                    f"服务器返回的下载进度停在 {since} 不再前进，为避免无限循环已停止同步（已下载的部分已保存，"
                    "未同步的修改保留在本机）。请稍后重试，如持续出现请联系管理员",
                )
            scope = page.get("scope")
            offices = None
            if scope:
                offices = scope_offices(scope)
                if self._local(replica.reset_scope, scope, offices) and since != 0:
                    start, restarts = 0, restarts + 1
                    continue  # the scope changed: start again from seq 0
            report.foreign += drop_out_of_scope(page, offices)
            report.bad_fields += int(page.pop("bad_fields", 0))
            report.pulled += self._local(replica.apply_page, page)
            report.server_seq = max(report.server_seq, server_seq)
            done = (cursor - start) / max(1, server_seq - start)
            progress(0.5 + 0.5 * min(1.0, done), f"正在下载更新（{report.pulled} 条）")
            if not page["has_more"]:
                if resnapshot:  # also when resuming one an earlier sync started
                    report.resnapshot = True
                    report.dropped += self._local(replica.finish_resnapshot)
                return

    def _restart(self, replica: ReplicaStore, report: SyncReport, reason: str) -> None:
        """Begin a re-snapshot: `reason` "restored" (the server lost changes we saw) or "purged"."""
        restored = reason == "restored"
        if restored:
            self._local(replica.begin_resnapshot, "restored")
        else:
            self._local(replica.begin_resnapshot)
        report.resnapshot = True
        report.restored = report.restored or restored


def _lost_track(page: dict[str, Any], since: int, epoch: str) -> bool:
    """The page comes from a server that is not the one we synced with (another epoch), or that has
    not reached our cursor (restored from a backup older than our last sync; an older server does not
    refuse such a cursor itself): what it numbers after its seq is not what we saw."""
    other = bool(epoch and page.get("epoch") and page["epoch"] != epoch)
    return other or page["server_seq"] < since or page["cursor"] < since
