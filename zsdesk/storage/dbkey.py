"""The laptop database's encryption key: OS keyring per file, passphrase fallback, recovery key.

Each encrypted database has a *key file* beside it (`office.db.zskey`, 0600) that holds no secret:
the key's id, where the key lives (`keyring` or `passphrase`), the scrypt salt and parameters for a
passphrase, and an 8-byte check value that tells a wrong key from a damaged file. The key itself
is 32 random bytes handed to SQLCipher as a raw key (no per-open PBKDF2: opening stays fast):

- `keyring` mode: the key (hex) is stored in the OS keyring (Secret Service, Windows Credential
  Manager, macOS Keychain) under service `zsdesk-db`, username = key id.
- `passphrase` mode (no keyring on this machine): the key is scrypt(passphrase, salt) — memory-hard,
  so a copied file cannot be brute-forced cheaply.

The *recovery key* is the same 32 bytes written in groups of base32 (`ABCD-EFGH-…`): shown once at
creation, printed and kept by IT, it opens the file when the keyring is lost (`zsdesk unlock`).

Unlocked keys are kept in process memory (`_unlocked`) so that the GUI's worker threads, which
open their own connections, do not ask the keyring or the officer again.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from ..domain.errors import DomainError

KEY_SUFFIX = ".zskey"
KEYRING_SERVICE = "zsdesk-db"
SCRYPT = {"n": 2**15, "r": 8, "p": 1}  # 32 MiB, ≈0.15 s here: memory-hard against GPU guessing
_CHECK_LABEL = b"zsdesk database key check"
PLAIN_HEADER = b"SQLite format 3\x00"


class KeyError_(DomainError):
    """No usable key for an encrypted database: missing keyring entry, wrong passphrase or key."""


class MissingKeyFile(KeyError_):
    """Neither a plain SQLite file nor one with a key file beside it: damaged, or its key file is lost."""


class NeedPassphrase(KeyError_):
    """The database's key comes from a passphrase and none was given (the GUI asks, the CLI reads stdin)."""


PassphraseProvider = Callable[[Path, bool], "str | None"]  # (db path, creating) -> passphrase or None

_lock = threading.Lock()
_unlocked: dict[str, bytes] = {}  # resolved db path -> raw key, for this process only
_provider: list[PassphraseProvider] = []
_new_recovery: dict[str, str] = {}  # resolved db path -> recovery key not shown to anyone yet


def key_file(db_path: str | Path) -> Path:
    return Path(str(db_path) + KEY_SUFFIX)


def set_passphrase_provider(provider: PassphraseProvider | None) -> None:
    """Install how a passphrase is asked (GUI dialog, or `--passphrase-stdin` in the CLI)."""
    _provider.clear()
    if provider is not None:
        _provider.append(provider)


def is_plain(db_path: str | Path) -> bool:
    """True for an unencrypted SQLite file (its first 16 bytes are the SQLite magic)."""
    try:
        with open(db_path, "rb") as f:
            return f.read(16) == PLAIN_HEADER
    except OSError:
        return False


def recovery_text(key: bytes) -> str:
    """The recovery key as officers and IT copy it: 52 base32 characters in groups of four."""
    import base64

    b32 = base64.b32encode(key).decode().rstrip("=")
    return "-".join(b32[i : i + 4] for i in range(0, len(b32), 4))


def parse_recovery(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    try:
        import base64

        key = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError as exc:
        raise KeyError_("恢复密钥格式不正确：应为 52 个字母或数字（可带“-”分隔）。") from exc
    if len(key) != 32:
        raise KeyError_("恢复密钥格式不正确：应为 52 个字母或数字（可带“-”分隔）。")
    return key


def _check_value(key: bytes) -> str:
    import hashlib  # with hmac and secrets: not on the keyring start path (OpenSSL's hashlib ≈2 ms)
    import hmac

    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()[:16]


def _stretch(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    import hashlib

    return hashlib.scrypt(
        passphrase.encode(),
        salt=salt,
        n=params["n"],
        r=params["r"],
        p=params["p"],
        maxmem=128 * 2**20,
        dklen=32,
    )


def _write_private(path: Path, text: str) -> None:
    """Write a file readable by its owner only (0600), replacing atomically."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def read_info(db_path: str | Path) -> dict | None:
    """The key file's `name=value` lines (a format read without json: it is on the start path)."""
    try:
        text = key_file(db_path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KeyError_(
            f"密钥文件“{key_file(db_path)}”无法读取（{exc}）。可用恢复密钥打开：zsdesk unlock。"
        ) from exc
    info: dict = {}
    for line in text.splitlines():
        name, sep, value = line.partition("=")
        if sep and not name.startswith("#"):
            info[name.strip()] = value.strip()
    if "key_id" not in info:
        raise KeyError_(f"密钥文件“{key_file(db_path)}”内容不完整。可用恢复密钥打开：zsdesk unlock。")
    return info


def write_info(db_path: str | Path, info: dict) -> None:
    lines = ["# zsdesk 数据库密钥信息（不含密钥本身）"] + [f"{k}={v}" for k, v in info.items()]
    _write_private(key_file(db_path), "\n".join(lines) + "\n")


# --- the OS keyring, imported only when a key is needed (keyring costs ≈70 ms to import) ---


def _secret_service_get(key_id: str) -> str | None:
    """Linux fast path: the entry keyring's SecretService backend wrote, read over D-Bus directly.

    `import keyring` scans every backend (≈80 ms of CPU, more than the rest of opening the
    database), secretstorage brings cryptography (≈40 ms) and jeepney ≈6 ms; `secret_service`
    reads the one item in ≈1 ms. The session uses the Secret Service's "plain" algorithm: the
    secret crosses only this user's own session bus, which any of the user's processes could ask
    the same question on. Returns None whenever this path cannot answer (no session bus, a locked
    item, a test backend chosen by PYTHON_KEYRING_BACKEND), and the caller then asks keyring
    itself (which can prompt to unlock).
    """
    if not sys.platform.startswith("linux") or os.environ.get("PYTHON_KEYRING_BACKEND"):
        return None
    from . import secret_service

    return secret_service.lookup({"service": KEYRING_SERVICE, "username": key_id})


def _keyring_get(key_id: str) -> str | None:
    fast = _secret_service_get(key_id)
    if fast is not None:
        return fast
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, key_id)
        except (KeyringError, RuntimeError):
            return None
    except Exception:  # a broken backend (no D-Bus, locked collection): behave as "no keyring"
        return None


def _keyring_set(key_id: str, key: bytes) -> bool:
    """Store the key; False when this machine has no usable keyring."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, key_id, key.hex())
    except Exception:  # NoKeyringError, a locked or missing Secret Service, ...
        return False
    return _keyring_get(key_id) == key.hex()


def _ask(db_path: Path, creating: bool) -> str:
    if not _provider:
        raise NeedPassphrase(
            f"数据库“{db_path}”由口令保护，本机没有可用的系统钥匙串：请输入口令"
            "（命令行加 --passphrase-stdin，从标准输入读取）。"
        )
    passphrase = _provider[0](db_path, creating)
    if not passphrase:
        raise NeedPassphrase("没有输入口令，数据库未打开。")
    return passphrase


# --- the public operations ---


def new_key(db_path: str | Path) -> bytes:
    """Make and store the key of a database about to be created; remembers its recovery key."""
    import secrets

    path = Path(db_path)
    key = secrets.token_bytes(32)
    key_id = secrets.token_hex(16)
    info: dict = {"format": 1, "key_id": key_id, "check": _check_value(key)}
    if _keyring_set(key_id, key):
        info["mode"] = "keyring"
    else:
        passphrase = _ask(path, True)
        if len(passphrase) < 8:
            raise KeyError_("口令至少 8 个字符。")
        salt = secrets.token_bytes(16)
        key = _stretch(passphrase, salt, SCRYPT)
        info.update(mode="passphrase", salt=salt.hex(), kdf="scrypt", **SCRYPT, check=_check_value(key))
    write_info(path, info)
    _remember(path, key)
    _new_recovery[str(path.resolve())] = recovery_text(key)
    return key


def take_new_recovery_key(db_path: str | Path) -> str | None:
    """The recovery key of a database created in this process, once (then it is forgotten)."""
    return _new_recovery.pop(str(Path(db_path).resolve()), None)


def _remember(path: Path, key: bytes) -> None:
    with _lock:
        _unlocked[str(path.resolve())] = key


def forget(db_path: str | Path) -> None:
    with _lock:
        _unlocked.pop(str(Path(db_path).resolve()), None)


def key_for(db_path: str | Path) -> bytes:
    """The raw key of an existing encrypted database (keyring, passphrase, or already unlocked)."""
    path = Path(db_path)
    with _lock:
        cached = _unlocked.get(str(path.resolve()))
    if cached is not None:
        return cached
    info = read_info(path)
    if info is None:
        raise MissingKeyFile(
            f"数据库“{path}”不是可读的数据库文件；若它是加密数据库，则旁边缺少它的密钥文件（{key_file(path).name}）。"
            f'请用恢复密钥打开：zsdesk unlock --db "{path}" --recovery-key-stdin'
        )
    if info.get("mode") == "passphrase":
        params = {k: int(info[k]) for k in ("n", "r", "p")}
        key = _stretch(_ask(path, False), bytes.fromhex(info["salt"]), params)
        if _check_value(key) != info.get("check"):
            raise KeyError_(f"口令不正确，无法解密数据库“{path}”。")
    else:
        stored = _keyring_get(info["key_id"])
        if stored is None:
            raise KeyError_(
                f"系统钥匙串中没有数据库“{path}”的密钥（钥匙串被清除或换了电脑）。"
                f'请用 IT 保存的恢复密钥打开：zsdesk unlock --db "{path}" --recovery-key-stdin'
            )
        # Not checked against the key file here (that needs hashlib, ≈2 ms of the start): a wrong
        # key fails on SQLCipher's first read, and `wrong_key_error` then says why.
        key = bytes.fromhex(stored)
    _remember(path, key)
    return key


def wrong_key_error(db_path: str | Path) -> KeyError_ | None:
    """After SQLCipher refused the file: the reason when the key it was given is not the file's
    (that key is forgotten, so the next attempt asks again); None when the key is right."""
    path = Path(db_path)
    with _lock:
        key = _unlocked.get(str(path.resolve()))
    try:
        info = read_info(path) if key is not None else None
    except DomainError:
        return None
    if key is None or not info or not info.get("check") or _check_value(key) == info["check"]:
        return None
    forget(path)
    if info.get("mode") == "passphrase":
        return KeyError_(f"口令不正确，无法解密数据库“{path}”。")
    return KeyError_(f"系统钥匙串中保存的密钥与数据库“{path}”不符。请用恢复密钥打开：zsdesk unlock。")


def unlock_with_recovery(db_path: str | Path, recovery: str) -> None:
    """Open with the recovery key and store it again where this machine keeps keys."""
    import secrets

    path = Path(db_path)
    key = parse_recovery(recovery)
    info = read_info(path) or {"format": 1, "key_id": secrets.token_hex(16)}
    if info.get("check") not in (None, _check_value(key)):
        raise KeyError_(f"恢复密钥不正确，无法解密数据库“{path}”。")
    info.update(check=_check_value(key))
    if _keyring_set(info["key_id"], key):
        info["mode"] = "keyring"
        for name in ("salt", "kdf", "n", "r", "p"):
            info.pop(name, None)
    elif info.get("mode") != "passphrase":
        # No keyring here and the key is not passphrase-derived: it can only be typed as the
        # recovery key each time, which is what `mode = "recovery"` tells the next open.
        info["mode"] = "recovery"
    write_info(path, info)
    _remember(path, key)


def adopt(db_path: str | Path, key: bytes, info_from: str | Path | None = None) -> None:
    """Record that the file at `db_path` uses `key` (a backup, a restored or converted copy)."""
    import secrets

    path = Path(db_path)
    source = read_info(info_from) if info_from is not None else None
    info = dict(source) if source else {"format": 1, "key_id": secrets.token_hex(16), "mode": "keyring"}
    info["check"] = _check_value(key)
    if info.get("mode") == "keyring" and _keyring_get(str(info["key_id"])) != key.hex():
        if not _keyring_set(str(info["key_id"]), key):
            info["mode"] = "recovery"
    write_info(path, info)
    _remember(path, key)


def move_database(src: str | Path, dst: str | Path) -> None:
    """Rename a closed database file together with its key file (a finished build, a restore)."""
    source, target = Path(src), Path(dst)
    if key_file(source).exists():
        os.replace(key_file(source), key_file(target))
    os.replace(source, target)
    with _lock:
        key = _unlocked.pop(str(source.resolve()), None)
    if key is not None:
        _remember(target, key)
    pending = _new_recovery.pop(str(source.resolve()), None)
    if pending is not None:
        _new_recovery[str(target.resolve())] = pending
