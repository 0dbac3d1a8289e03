"""Signed sync bundles for air-gapped offices (SYNC.md §11): the file format, shared by both sides.

A bundle is `ZSB1\\n` + a one-line JSON header (format, version, kind, username, mac) + the gzipped
JSON body. The MAC is HMAC-SHA256 over the gzipped body.

Key choice: the key is derived from one of the user's server tokens, as
`HMAC-SHA256(key=SHA-256(token), msg="zsdesk-bundle-v1")`. The server stores only SHA-256(token)
(never the token), which is exactly what it needs to derive the key, so no new secret table is
needed; revoking the token (`zsdesk-server revoke-token`) invalidates every bundle signed with it;
a laptop that never reaches the server gets a long-lived token from the admin
(`zsdesk-server issue-bundle-key`) over a trusted channel, kept like any token (OS keyring). The
server tries each live token of the named user, so the bundle names no token. Anyone able to read the
server's `tokens` table could forge bundles for that user: protect the server database accordingly.
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import json
from typing import Any

from ..domain.errors import DomainError

MAGIC = b"ZSB1"
FORMAT = "zsdesk-bundle"
VERSION = 1
_CONTEXT = b"zsdesk-bundle-v1"
MAX_BUNDLE_BYTES = 256 * 1024 * 1024
TAMPERED = "同步包签名校验失败：文件已被修改、已损坏，或不是该用户的同步包，已拒绝导入"


class BundleError(DomainError):
    """A bundle cannot be used (not a bundle, tampered, wrong user); the message is Chinese."""


def token_hash(token: str) -> str:
    """SHA-256 of a token, as the server stores it."""
    return hashlib.sha256(token.encode()).hexdigest()


def bundle_key(token_sha256_hex: str) -> bytes:
    """The HMAC key of a user's bundles, from the SHA-256 of one of their tokens."""
    return hmac.new(bytes.fromhex(token_sha256_hex), _CONTEXT, hashlib.sha256).digest()


def seal(kind: str, body: dict[str, Any], key: bytes) -> bytes:
    """Serialise and sign a bundle (`kind` request|answer; body must name the username)."""
    payload = gzip.compress(
        json.dumps({**body, "kind": kind}, ensure_ascii=False, separators=(",", ":")).encode(), 6, mtime=0
    )
    header = {
        "format": FORMAT,
        "v": VERSION,
        "kind": kind,
        "username": body["username"],
        "mac": hmac.new(key, payload, hashlib.sha256).hexdigest(),
    }
    return MAGIC + b"\n" + json.dumps(header, ensure_ascii=False).encode() + b"\n" + payload


def read_header(data: bytes) -> tuple[dict[str, Any], bytes]:
    """The unverified header (to find whose key to try) and the signed payload."""
    parts = data.split(b"\n", 2)
    if len(data) > MAX_BUNDLE_BYTES or len(parts) != 3 or parts[0] != MAGIC:
        raise BundleError("这不是 zsdesk 同步包文件（.zsb），或文件已损坏")
    try:
        header = json.loads(parts[1])
    except ValueError as exc:
        raise BundleError("同步包文件头已损坏，已拒绝导入") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BundleError("这不是 zsdesk 同步包文件（.zsb），或文件已损坏")
    if header.get("v") != VERSION:
        raise BundleError("同步包版本不受支持，请双方升级 zsdesk 后重新导出")
    if not isinstance(header.get("username"), str) or not isinstance(header.get("mac"), str):
        raise BundleError(TAMPERED)
    return header, parts[2]


def verify(data: bytes, keys: list[bytes], *, kind: str) -> dict[str, Any]:
    """The body of a bundle signed with one of `keys`, else BundleError. Also returns which key
    matched under "_key_index" so the answer can be signed with the same one."""
    header, payload = read_header(data)
    matched = [
        i
        for i, key in enumerate(keys)
        if hmac.compare_digest(hmac.new(key, payload, hashlib.sha256).hexdigest(), header["mac"])
    ]
    if not matched:
        raise BundleError(TAMPERED)
    try:
        body = json.loads(gzip.decompress(payload))
    except (OSError, ValueError, EOFError) as exc:
        raise BundleError(TAMPERED) from exc
    if not isinstance(body, dict) or body.get("kind") != kind or header.get("kind") != kind:
        raise BundleError("同步包类型不对：笔记本导出的同步包应在服务器导入，服务器的回执应在笔记本导入")
    if body.get("username") != header["username"]:
        raise BundleError(TAMPERED)
    body["_key_index"] = matched[0]
    return body
