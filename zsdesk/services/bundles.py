"""Air-gapped sync by file (SYNC.md §11): export the outbox as a signed bundle, import the answer.

export_bundle(ws, Path("上海办-0612.zsb"), username="zhangsan", token=key)  -> ExportResult
import_answer(ws, Path("回执.zsb"), username="zhangsan", token=key)          -> ImportResult

The key is a server token of the user (normally one issued by `zsdesk-server issue-bundle-key` and
kept in the OS keyring); see `zsdesk.sync.bundle` for why the HMAC key is derived from it. Importing
an answer is one local transaction: op outcomes, the office adoption, the pulled pages and the cursor
commit together, exactly as an online sync's steps do, and an answer already imported is ignored.

Attachment bytes travel too (bundle format 2): the export carries every blob this laptop has not
uploaded yet (the laptop cannot ask the server what it has; a blob stays "not uploaded" until an
answer names it stored), up to `BUNDLE_BLOB_BUDGET` per bundle, the rest in the next bundle; it also lists the small attachments it lacks. The answer brings those and the small
attachments of newly pulled records (below `prefetch_under`, 2 MB as online sync); larger ones are
fetched when opened, once the laptop is online (`services.sync.fetch_attachment`).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

import keyring
from keyring.errors import KeyringError

from ..domain.ids import uuid7
from ..storage.replica import Replica
from ..sync.bundle import BUNDLE_BLOB_BUDGET, BundleError, bundle_key, seal, token_hash, verify
from ..sync.protocol import MAX_BLOB_BYTES
from .context import Workspace
from .sync import KEYRING_SERVICE, PREFETCH_MAX_BYTES
from .workflow import fulfil_triggers

FIRST_BUNDLE = "首次导出：本同步包只用于从服务器取得办事处信息，本机的修改将在下一个同步包中上传"


@dataclass
class ExportResult:
    ops: int
    first: bool  # a "hello" bundle: the laptop does not know its server office yet
    blobs: int = 0  # attachments whose bytes are in the bundle
    blob_bytes: int = 0
    blobs_left: int = 0  # not uploaded yet and did not fit: they go in the next bundle
    blobs_bad: int = 0  # damaged here (bytes do not match the SHA-256) or over 50 MB: never sent

    def summary(self) -> str:
        lines = [FIRST_BUNDLE] if self.first else []
        if not self.first or self.blobs:
            text = f"已导出 {self.ops} 条待上传的修改"
            if self.blobs:
                text += f"和 {self.blobs} 个附件（{self.blob_bytes / 1024 / 1024:.1f} MB）"
            lines.append(text + "，请将同步包交给服务器管理员导入")
        if self.blobs_left:
            lines.append(f"另有 {self.blobs_left} 个附件超出单个同步包的容量，将随下一个同步包导出")
        if self.blobs_bad:
            lines.append(f"{self.blobs_bad} 个附件在本机已损坏或超过 50 MB，未导出：请重新添加")
        return "\n".join(lines)


@dataclass
class ImportResult:
    already: bool = False
    applied: int = 0
    noop: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    pages_skipped: bool = False
    pending: int = 0
    blobs_stored: int = 0  # our attachments the server now has
    blobs_received: int = 0  # attachments of others whose bytes came with the answer

    def summary(self) -> str:
        if self.already:
            return "该回执已导入过，本次未做任何修改"
        text = (
            f"回执导入完成：上传结果 {self.applied} 条成功、{self.noop} 条无变化、新冲突 {self.conflicts} 个、"
            f"被拒绝 {self.rejected} 条；下载 {self.pulled} 条记录；仍待上传 {self.pending} 条"
        )
        if self.blobs_stored or self.blobs_received:
            text += f"\n附件：服务器已收到 {self.blobs_stored} 个，本机收到 {self.blobs_received} 个"
        if self.pages_skipped:
            text += "\n本机在导出后已同步过（或办事处范围有变），回执中的下载内容已跳过，请再导出一次同步包"
        return text


def bundle_token(username: str, typed: str | None = None) -> str:
    """The user's bundle key: `typed` (then kept in the OS keyring when there is one), else the
    keyring's copy. Raises BundleError (Chinese) when there is neither."""
    name = f"bundle|{username}"
    if typed:
        try:
            keyring.set_password(KEYRING_SERVICE, name, typed)
        except KeyringError:
            pass  # no keyring (headless): the key is typed again next time
        return typed
    try:
        stored = keyring.get_password(KEYRING_SERVICE, name)
    except KeyringError:
        stored = None
    if not stored:
        raise BundleError("没有同步包密钥：请用 --key-stdin 输入服务器管理员发放的密钥")
    return stored


def _key(token: str) -> bytes:
    return bundle_key(token_hash(token))


def export_bundle(
    ws: Workspace,
    out: Path,
    *,
    username: str,
    token: str,
    prefetch_under: int = PREFETCH_MAX_BYTES,
    blob_budget: int = BUNDLE_BLOB_BUDGET,
) -> ExportResult:
    """Write the pending outbox ops, the attachment bytes not uploaded yet and the pull cursor as a
    signed bundle file. The answer will carry attachments below `prefetch_under` bytes this laptop
    lacks (0: none)."""
    replica = Replica(ws.db)
    # Until the server has told this laptop its office (first answer), its ops would carry a local
    # office id the server refuses: send a hello first, as an online sync logs in first. Blobs may go
    # in the hello already: they are content-addressed and need no office.
    first = replica.get_state("offices") is None
    ops = [] if first else replica.pending_ops(limit=1_000_000)
    result = ExportResult(ops=len(ops), first=first)
    blobs: list[tuple[str, bytes]] = []
    budget = blob_budget
    for sha in replica.pending_blobs():
        data = replica.read_blob(sha)
        if len(data) > MAX_BLOB_BYTES or hashlib.sha256(data).hexdigest() != sha:
            result.blobs_bad += 1  # the server would refuse it: sending it would block nothing but waste
            continue
        if len(data) > budget:
            result.blobs_left += 1
            continue
        blobs.append((sha, data))
        budget -= len(data)
    body = {
        "username": username,
        "device_id": replica.device_id(),
        "bundle_id": uuid7(),
        "cursor": replica.cursor(),
        "ops": ops,
        "want_blobs": replica.missing_blobs(prefetch_under) if prefetch_under > 0 else [],
        "prefetch_under": prefetch_under,
        "created_ms": time.time_ns() // 1_000_000,
    }
    data = seal("request", body, _key(token), blobs=blobs)
    partial = Path(f"{out}.partial")
    partial.write_bytes(data)
    os.replace(partial, out)  # never a half-written bundle under the final name
    result.blobs = len(blobs)
    result.blob_bytes = sum(len(b) for _, b in blobs)
    return result


def import_answer(ws: Workspace, path: Path, *, username: str, token: str) -> ImportResult:
    """Verify the server's answer bundle and apply it like an online sync, in one transaction."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BundleError(f"无法读取回执文件“{Path(path).name}”：{exc.strerror}") from exc
    body = verify(data, [_key(token)], kind="answer")
    replica = Replica(ws.db)
    if body.get("username") != username:
        raise BundleError(f"该回执属于用户 {body.get('username')}，不是 {username}")
    if body.get("device_id") != replica.device_id():
        raise BundleError("该回执不是本机导出的同步包的回执，已拒绝导入")
    done_key = f"bundle:{body['request_id']}"
    if replica.get_state(done_key):
        return ImportResult(already=True, pending=replica.pending_count())
    result = ImportResult()
    with ws.db.atomic():
        offices = body.get("offices") or []
        replica.set_state("offices", json.dumps(offices, ensure_ascii=False))
        replica.set_state("role", str(body.get("role") or ""))
        adopted = replica.adopt_office(offices)
        if adopted:
            ws.store.office_id = adopted
        results = body.get("results") or []
        replica.record_results(results)
        for r in results:
            outcome = r.get("outcome")
            if outcome in ("applied", "noop", "rejected"):
                setattr(result, outcome, getattr(result, outcome) + 1)
            result.conflicts += len(r.get("conflicts") or [])
        pages = body.get("pages") or []
        since = int(body.get("since") or 0)
        # Pages continue from the exported cursor; if this laptop moved on since (another answer, an
        # online sync), they are older than what it has: skip them rather than step back.
        usable = bool(pages) and replica.cursor() == since
        if usable:
            scope = pages[0].get("scope")
            if scope is not None:
                scope_ids = None if scope == "*" else {o for o in scope.split(",") if o}
                if replica.reset_scope(scope, scope_ids) and since != 0 and not body.get("resnapshot"):
                    usable = False  # new scope: older rows of a new office are not in these pages
        if usable:
            if body.get("resnapshot"):
                replica.begin_resnapshot()
            for page in pages:
                result.pulled += replica.apply_page(page)
            if body.get("resnapshot"):
                replica.finish_resnapshot()
            # 六必访: pulled visits fulfil open triggers, as online (the ops go in the next bundle).
            fulfil_triggers(ws.store)
        result.pages_skipped = not usable
        # Attachment bytes (format 2): ours the server stored are uploaded now; others' are kept as
        # downloaded (verified against their SHA-256 when the answer was read, and again on storing).
        for sha in body.get("blobs_stored") or []:
            if isinstance(sha, str) and replica.has_blob(sha):
                replica.mark_blob_uploaded(sha)
                result.blobs_stored += 1
        for sha, data in body["_blobs"]:
            if not replica.has_blob(sha):
                replica.store_downloaded_blob(sha, data)
                result.blobs_received += 1
        replica.set_state(done_key, "1")
        replica.set_state("last_sync", time.strftime("%Y-%m-%d %H:%M:%S") + "（同步包）")
    result.pending = replica.pending_count()
    return result
