"""Encryption at rest: the database, its WAL, backups and attachments hold no readable record text."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from tests.memkeyring import MemoryKeyring
from zsdesk.services import security
from zsdesk.services.context import init_workspace, open_workspace
from zsdesk.services.visits import attach_file
from zsdesk.storage import backup as bk
from zsdesk.storage import dbkey
from zsdesk.storage.database import DatabaseError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SECRET_NAME = "绝密测试新能源科技有限公司"
SECRET_MINUTES = "洽谈内容：拟投资四十亿元建设固态电池基地"
SECRET_PHOTO = b"PHOTO-BYTES-" + "名片上的电话13800001111".encode() * 50


class NoKeyring(MemoryKeyring):
    """A machine without a usable keyring (what keyring's `fail` backend does)."""

    def get_password(self, service: str, username: str) -> str | None:
        from keyring.errors import NoKeyringError

        raise NoKeyringError("no keyring")

    def set_password(self, service: str, username: str, password: str) -> None:
        from keyring.errors import NoKeyringError

        raise NoKeyringError("no keyring")


@pytest.fixture(autouse=True)
def _fresh_process_keys():
    """Each test starts with nothing unlocked and no passphrase prompt, as a new process would."""
    dbkey._unlocked.clear()
    dbkey.set_passphrase_provider(None)
    yield
    dbkey._unlocked.clear()
    dbkey.set_passphrase_provider(None)


def _fill(path: Path, tmp_path: Path) -> None:
    with init_workspace(path, office="省政府驻上海办事处", officer="张三") as ws:
        eid = ws.store.create("enterprise", {"name": SECRET_NAME})
        vid = ws.store.create(
            "visit",
            {"date": "2026-11-30", "enterprise_id": eid, "form": "上门拜访", "minutes": SECRET_MINUTES},
        )
        photo = tmp_path / "card.jpg"
        photo.write_bytes(SECRET_PHOTO)
        attach_file(ws, "visit", vid, photo, kind="名片")
        bk.backup_now(path)


def _strings(path: Path) -> bytes:
    return subprocess.run(["strings", "-n", "4", str(path)], capture_output=True, check=True).stdout


def test_a_new_database_its_wal_backups_and_blobs_show_no_record_text(tmp_path: Path) -> None:
    db = tmp_path / "office.db"
    _fill(db, tmp_path)
    assert db.read_bytes()[:16] != b"SQLite format 3\x00"
    files = [db, *tmp_path.joinpath("backups").glob("*.db")]
    wal = Path(f"{db}-wal")
    if wal.exists():
        files.append(wal)
    assert len(files) >= 2
    for f in files:
        text = f.read_bytes()
        out = _strings(f)
        for secret in (SECRET_NAME, SECRET_MINUTES, "13800001111", "PHOTO-BYTES"):
            assert secret.encode() not in text and secret.encode() not in out, (f, secret)
        assert oct(f.stat().st_mode & 0o777) == "0o600", f
    assert oct(dbkey.key_file(db).stat().st_mode & 0o777) == "0o600"
    with open_workspace(db) as ws:  # and it reads back with the key from the keyring
        assert ws.store.rows("SELECT name FROM enterprise")[0]["name"] == SECRET_NAME


def test_without_the_key_sqlite_cannot_read_it(tmp_path: Path) -> None:
    db = tmp_path / "office.db"
    init_workspace(db, office="驻上海办事处").close()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_a_lost_keyring_entry_says_so_in_chinese_and_the_recovery_key_opens_it(tmp_path: Path) -> None:
    db = tmp_path / "office.db"
    init_workspace(db, office="驻上海办事处").close()
    recovery = security.take_new_recovery_key(db)
    assert recovery and len(recovery.replace("-", "")) == 52
    keyring.set_keyring(MemoryKeyring())  # the keyring was wiped (new laptop, reinstalled system)
    if "ZSDESK_TEST_KEYRING_FILE" in os.environ:
        Path(os.environ["ZSDESK_TEST_KEYRING_FILE"]).unlink(missing_ok=True)
    dbkey._unlocked.clear()
    with pytest.raises(DatabaseError) as info:
        open_workspace(db)
    message = str(info.value)
    assert "钥匙串中没有" in message and "恢复密钥" in message and "not a database" not in message
    with pytest.raises(dbkey.KeyError_, match="恢复密钥不正确"):
        security.unlock(db, dbkey.recovery_text(os.urandom(32)))
    assert security.unlock(db, recovery.lower()) == "keyring"
    dbkey._unlocked.clear()
    open_workspace(db).close()  # the key is back in the keyring


def test_a_keyring_holding_another_key_is_named_not_called_damage_and_the_right_key_opens_it(
    tmp_path: Path,
) -> None:
    """The keyring's key is checked only when SQLCipher refuses it (not on the start path)."""
    db = tmp_path / "office.db"
    init_workspace(db, office="驻上海办事处").close()
    info = dbkey.read_info(db)
    assert info is not None
    right = keyring.get_password(dbkey.KEYRING_SERVICE, info["key_id"])
    keyring.set_password(dbkey.KEYRING_SERVICE, info["key_id"], os.urandom(32).hex())
    dbkey._unlocked.clear()
    with pytest.raises(DatabaseError) as wrong:
        open_workspace(db)
    message = str(wrong.value)
    assert "钥匙串中保存的密钥" in message and "不符" in message and "恢复密钥" in message
    assert "损坏" not in message and "not a database" not in message
    assert not dbkey._unlocked  # the wrong key is not kept for the next attempt
    keyring.set_password(dbkey.KEYRING_SERVICE, info["key_id"], right)
    with open_workspace(db) as ws:
        assert ws.store.rows("SELECT count(*) AS n FROM office")[0]["n"] == 1


def test_without_a_keyring_a_passphrase_protects_it_and_a_wrong_one_is_refused(tmp_path: Path) -> None:
    keyring.set_keyring(NoKeyring())
    db = tmp_path / "office.db"
    with pytest.raises(dbkey.NeedPassphrase, match="--passphrase-stdin"):
        init_workspace(db, office="驻上海办事处")
    security.set_passphrase_provider(lambda _p, _c: "correct horse battery")
    init_workspace(db, office="驻上海办事处").close()
    assert security.key_mode(db) == "passphrase"
    info = dbkey.read_info(db)
    assert info and info["kdf"] == "scrypt" and int(info["n"]) >= 2**15  # memory-hard stretching
    dbkey._unlocked.clear()
    security.set_passphrase_provider(lambda _p, _c: "wrong horse battery")
    with pytest.raises(DatabaseError, match="口令不正确") as info_wrong:
        open_workspace(db)
    assert "not a database" not in str(info_wrong.value)
    security.set_passphrase_provider(lambda _p, _c: "correct horse battery")
    open_workspace(db).close()


def test_a_damaged_key_file_or_a_missing_one_is_a_chinese_message(tmp_path: Path) -> None:
    db = tmp_path / "office.db"
    init_workspace(db, office="驻上海办事处").close()
    dbkey._unlocked.clear()
    dbkey.key_file(db).unlink()
    with pytest.raises(DatabaseError, match="缺少密钥文件"):
        open_workspace(db)


@pytest.mark.parametrize("version", ["v1", "v2", "v4"])
def test_a_plain_database_of_every_schema_is_encrypted_on_first_open(tmp_path: Path, version: str) -> None:
    db = tmp_path / f"{version}.db"
    shutil.copy(FIXTURES / f"schema_{version}.db", db)
    plain = sqlite3.connect(db)
    tables = [r[0] for r in plain.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    before = {t: plain.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    plain.close()
    with open_workspace(db) as ws:  # converts, then upgrades
        for table, n in before.items():
            if not table.startswith(("sqlite_", "_sqlite", "enterprise_fts", "visit_fts", "project_fts")):
                assert ws.store.rows(f'SELECT count(*) AS n FROM "{table}"')[0]["n"] >= n, table
        assert ws.store.rows("SELECT minutes FROM visit")[0]["minutes"] == "洽谈储能电池项目落地宜宾"
    assert not dbkey.is_plain(db)
    assert b"\xe6\xb4\xbd\xe8\xb0\x88" not in db.read_bytes()  # "洽谈" in UTF-8
    kinds = {b.kind for b in bk.list_backups(db)}
    assert "pre-encryption" in kinds
    for b in bk.list_backups(db):
        assert not dbkey.is_plain(b.path) and bk.check_file(b.path) is None


def _zsdesk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zsdesk.cli", *args], input=stdin, capture_output=True, text=True, timeout=120
    )


def test_cli_encrypt_decrypt_and_recovery_key(tmp_path: Path) -> None:
    db = tmp_path / "plain.db"
    shutil.copy(FIXTURES / "schema_v4.db", db)
    done = _zsdesk("encrypt", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "已加密" in done.stdout and "恢复密钥" in done.stdout
    assert not dbkey.is_plain(db)
    again = _zsdesk("encrypt", "--db", str(db))
    assert again.returncode == 2 and "已经加密" in again.stderr
    out = tmp_path / "copy.db"
    done = _zsdesk("decrypt", "--db", str(db), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:16] == b"SQLite format 3\x00"
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert (
        sqlite3.connect(out).execute("SELECT minutes FROM visit").fetchone()[0] == "洽谈储能电池项目落地宜宾"
    )
    shown = _zsdesk("recovery-key", "--db", str(db))
    assert shown.returncode == 0 and dbkey.parse_recovery(shown.stdout.strip())


def test_cli_passphrase_from_stdin_without_a_keyring(tmp_path: Path) -> None:
    env_backend = os.environ.get("PYTHON_KEYRING_BACKEND")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    try:
        db = tmp_path / "office.db"
        made = _zsdesk(
            "--passphrase-stdin",
            "init",
            "--db",
            str(db),
            "--office",
            "驻上海办事处",
            stdin="long passphrase\n",
        )
        assert made.returncode == 0, made.stderr
        assert "恢复密钥" in made.stdout
        wrong = _zsdesk("--passphrase-stdin", "diagnostics", "--db", str(db), stdin="not the passphrase\n")
        assert "口令不正确" in wrong.stdout + wrong.stderr
        assert "Traceback" not in wrong.stderr and "not a database" not in wrong.stdout + wrong.stderr
        none = _zsdesk("stats", "--db", str(db), "--from", "2026-01-01", "--to", "2026-12-31")
        assert none.returncode == 2 and "--passphrase-stdin" in none.stderr
        right = _zsdesk(
            "--passphrase-stdin", "stats", "--db", str(db), "--from", "2026-01-01", "--to", "2026-12-31",
            stdin="long passphrase\n",
        )  # fmt: skip
        assert right.returncode == 0, right.stderr
    finally:
        if env_backend is None:
            os.environ.pop("PYTHON_KEYRING_BACKEND", None)
        else:
            os.environ["PYTHON_KEYRING_BACKEND"] = env_backend


SECRET_SERVICE_SCRIPT = """
import keyring, sys
from keyring.backends.SecretService import Keyring
keyring.set_keyring(Keyring())
from zsdesk.services.context import init_workspace, open_workspace
from zsdesk.storage import dbkey
init_workspace(sys.argv[1], office="驻上海办事处").close()
dbkey._unlocked.clear()
with open_workspace(sys.argv[1]) as ws:
    print("mode", dbkey.read_info(sys.argv[1])["mode"], ws.store.rows("SELECT name FROM office")[0]["name"])
info = dbkey.read_info(sys.argv[1])
# the start path's fast read (storage/secret_service.py, no keyring import) finds the entry keyring wrote
print("fast", dbkey._secret_service_get(info["key_id"]) == keyring.get_password("zsdesk-db", info["key_id"]))
print("missing", dbkey._secret_service_get("no-such-key-id") is None)
import os
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "tcp:host=127.0.0.1,port=1"  # a transport it does not speak
print("other transport", dbkey._secret_service_get(info["key_id"]) is None)
"""


@pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
    reason="gnome-keyring / dbus-run-session not installed (scripts/install-system-deps.sh installs them)",
)
def test_real_secret_service_keeps_the_key(tmp_path: Path) -> None:
    db = tmp_path / "office.db"
    script = tmp_path / "run.py"
    script.write_text(SECRET_SERVICE_SCRIPT)
    shell = (
        "echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; "
        f'"{sys.executable}" "{script}" "{db}"'
    )
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHON_KEYRING_BACKEND", "ZSDESK_TEST_KEYRING_FILE")
    }
    env["HOME"] = str(tmp_path)  # a fresh login keyring
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", shell], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "mode keyring 驻上海办事处" in done.stdout
    assert "fast True" in done.stdout
    assert "missing True" in done.stdout and "other transport True" in done.stdout
