"""Signed sync bundles for air-gapped offices (SYNC.md §11): the file format, shared by both sides.

A bundle is `ZSB1\\n` + a one-line JSON header (format, version, kind, username, mac) + the gzipped
JSON body, then (format version 2) the attachment bytes. The MAC is HMAC-SHA256 over everything after
the header line, i.e. the gzipped body and the attachment bytes. Format version 3 encrypts all of that
(AES-256-GCM, a fresh 12-byte nonce first, the cipher key derived from the bundle key) and the MAC
covers the ciphertext: a bundle on a lost USB stick shows nothing but the username.

Version 2 carries attachment bytes: the body lists them (`"blobs": [{"sha256", "size"}, ...]`) and the
header says how long the gzipped body is (`"payload"`); the bytes follow the body raw, in that order
(no base64 and no second gzip over photos that do not compress). Each blob is checked against its
SHA-256 when read (`verify`), on top of the signature. Version 1 bundles (no attachment bytes) still
verify and import; the server answers a version-1 bundle with a version-1 answer, so an older laptop
can read it.

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
import os
from collections.abc import Sequence
from typing import Any

from ..domain.errors import DomainError

MAGIC = b"ZSB1"
FORMAT = "zsdesk-bundle"
VERSION = 3
SUPPORTED_VERSIONS = (1, 2, 3)
_CONTEXT = b"zsdesk-bundle-v1"  # the key derivation, unchanged by format versions 2 and 3
_ENCRYPTION = b"zsdesk-bundle-encryption-v3"  # the cipher key: HMAC(bundle key, this)
MAX_BUNDLE_BYTES = 256 * 1024 * 1024
# Attachment bytes one bundle carries at most (either direction); what does not fit goes in the next
# bundle. Leaves room under MAX_BUNDLE_BYTES for the ops, and keeps the laptop's memory use sane.
BUNDLE_BLOB_BUDGET = 96 * 1024 * 1024
TAMPERED = "同步包签名校验失败：文件已被修改、已损坏，或不是该用户的同步包，已拒绝导入"
BAD_BLOBS = "同步包中的附件内容与 SHA-256 不符或不完整，已拒绝导入"


class BundleError(DomainError):
    """A bundle cannot be used (not a bundle, tampered, wrong user); the message is Chinese."""


def token_hash(token: str) -> str:
    """SHA-256 of a token, as the server stores it."""
    return hashlib.sha256(token.encode()).hexdigest()


def bundle_key(token_sha256_hex: str) -> bytes:
    """The HMAC key of a user's bundles, from the SHA-256 of one of their tokens."""
    return hmac.new(bytes.fromhex(token_sha256_hex), _CONTEXT, hashlib.sha256).digest()


def seal(
    kind: str,
    body: dict[str, Any],
    key: bytes,
    *,
    blobs: Sequence[tuple[str, bytes]] = (),
    version: int = VERSION,
) -> bytes:
    """Serialise and sign a bundle (`kind` request|answer; body must name the username). `blobs` are
    (sha256, bytes) pairs carried after the body (version 2 only)."""
    if blobs and version < 2:
        raise ValueError("attachment bytes need bundle format version 2")
    listed = {"blobs": [{"sha256": sha, "size": len(data)} for sha, data in blobs]} if version >= 2 else {}
    payload = gzip.compress(
        json.dumps({**body, **listed, "kind": kind}, ensure_ascii=False, separators=(",", ":")).encode(),
        6,
        mtime=0,
    )
    signed = payload + b"".join(data for _, data in blobs)
    header: dict[str, Any] = {"format": FORMAT, "v": version, "kind": kind, "username": body["username"]}
    if version >= 3:
        # The file travels on USB sticks: the body and the attachments are encrypted (AES-256-GCM)
        # with a key derived from the bundle key; the MAC over the ciphertext still tells the
        # server which of the user's keys made it.
        nonce = os.urandom(12)
        signed = nonce + _aead(key).encrypt(nonce, signed, MAGIC)
        header["encrypted"] = "aes-256-gcm"
    header["mac"] = hmac.new(key, signed, hashlib.sha256).hexdigest()
    if version >= 2:
        header["payload"] = len(payload)
    return MAGIC + b"\n" + json.dumps(header, ensure_ascii=False).encode() + b"\n" + signed


def _aead(key: bytes) -> Any:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(hmac.new(key, _ENCRYPTION, hashlib.sha256).digest())


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
    if header.get("v") not in SUPPORTED_VERSIONS:
        raise BundleError("同步包版本不受支持，请双方升级 zsdesk 后重新导出")
    if not isinstance(header.get("username"), str) or not isinstance(header.get("mac"), str):
        raise BundleError(TAMPERED)
    return header, parts[2]


def verify(data: bytes, keys: list[bytes], *, kind: str) -> dict[str, Any]:
    """The body of a bundle signed with one of `keys`, else BundleError. Also returns which key
    matched under "_key_index" so the answer can be signed with the same one, the format version
    under "_version", and the attachment bytes, each checked against its SHA-256, under "_blobs" as
    (sha256, bytes) pairs."""
    header, signed = read_header(data)
    matched = [
        i
        for i, key in enumerate(keys)
        if hmac.compare_digest(hmac.new(key, signed, hashlib.sha256).hexdigest(), header["mac"])
    ]
    if not matched:
        raise BundleError(TAMPERED)
    version = header["v"]
    if version >= 3:
        from cryptography.exceptions import InvalidTag

        if len(signed) < 12 + 16:
            raise BundleError(TAMPERED)
        try:
            signed = _aead(keys[matched[0]]).decrypt(signed[:12], signed[12:], MAGIC)
        except InvalidTag as exc:
            raise BundleError(TAMPERED) from exc
    cut = header.get("payload", len(signed)) if version >= 2 else len(signed)
    if not isinstance(cut, int) or not 0 < cut <= len(signed):
        raise BundleError(TAMPERED)
    try:
        body = json.loads(gzip.decompress(signed[:cut]))
    except (OSError, ValueError, EOFError) as exc:
        raise BundleError(TAMPERED) from exc
    if not isinstance(body, dict) or body.get("kind") != kind or header.get("kind") != kind:
        raise BundleError("同步包类型不对：笔记本导出的同步包应在服务器导入，服务器的回执应在笔记本导入")
    if body.get("username") != header["username"]:
        raise BundleError(TAMPERED)
    body["_key_index"] = matched[0]
    body["_version"] = version
    body["_blobs"] = _split_blobs(body.get("blobs") if version >= 2 else [], signed, cut)
    return body


def _split_blobs(listed: Any, signed: bytes, start: int) -> list[tuple[str, bytes]]:
    """The attachment bytes after the body, cut as the body lists them and each verified."""
    if not isinstance(listed, list):
        raise BundleError(BAD_BLOBS)
    out: list[tuple[str, bytes]] = []
    at = start
    for item in listed:
        sha, size = (item.get("sha256"), item.get("size")) if isinstance(item, dict) else (None, None)
        if not isinstance(sha, str) or not isinstance(size, int) or size < 0 or at + size > len(signed):
            raise BundleError(BAD_BLOBS)
        data = signed[at : at + size]
        if hashlib.sha256(data).hexdigest() != sha:
            raise BundleError(BAD_BLOBS)
        out.append((sha, data))
        at += size
    if at != len(signed):
        raise BundleError(BAD_BLOBS)
    return out
