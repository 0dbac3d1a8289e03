"""A normal install works: the wheel built from the repository, installed into a fresh venv (no checkout on
the path), starts the GUI, shows the first-run dialog, prints a statistics PDF, and brings no server stack.

The dependency wheels are collected once into a wheelhouse (~/.cache/zsdesk-wheelhouse, or
$ZSDESK_WHEELHOUSE) keyed by the dependency list, so later runs only build zsdesk itself and
install offline (`--no-index`).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = [
    pytest.mark.install,
    pytest.mark.timeout(900),
    pytest.mark.skipif(sys.platform != "linux", reason="the venv layout below is the POSIX one"),
]

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Distributions only the provincial server needs: none may reach an officer's laptop.
SERVER_DISTRIBUTIONS = {
    "fastapi",
    "starlette",
    "uvicorn",
    "httptools",
    "uvloop",
    "sqlalchemy",
    "psycopg",
    "psycopg-binary",
    "argon2-cffi",
    "argon2-cffi-bindings",
}
ENGLISH_ARGPARSE = ("usage:", "positional arguments", "show this help message and exit", "options:")


def _name(requirement: str) -> str:
    """`psycopg[binary]>=3.1; extra == 'x'` -> "psycopg"."""
    for stop in "[<>=!~; ":
        requirement = requirement.split(stop, 1)[0]
    return requirement.strip().lower().replace("_", "-")


def _run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]
    assert proc.returncode == 0, f"{cmd} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    return proc  # type: ignore[no-any-return]


def _source_copy(dest: Path) -> Path:
    """The files git tracks or would track: an ignored artefact of this checkout cannot rescue the wheel."""
    listed = _run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT).stdout
    for rel in filter(None, listed.split("\0")):
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    return dest


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    src = _source_copy(work / "src")
    out = work / "dist"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(src),
        ]
    )
    (built,) = out.glob("zsdesk-*.whl")
    return built


@pytest.fixture(scope="module")
def wheelhouse() -> Path:
    """Wheels of every desktop dependency, collected once per dependency list."""
    deps = sorted(PYPROJECT["project"]["dependencies"])
    key = hashlib.sha256("\n".join([sys.version, *deps]).encode()).hexdigest()[:16]
    base = Path(os.environ.get("ZSDESK_WHEELHOUSE", Path.home() / ".cache" / "zsdesk-wheelhouse"))
    base.mkdir(parents=True, exist_ok=True)
    house = base / key
    with open(base / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # parallel test runs share the cache
        if not (house / ".complete").exists():
            shutil.rmtree(house, ignore_errors=True)
            _run([sys.executable, "-m", "pip", "wheel", "-q", "-w", str(house), *deps], timeout=600)
            (house / ".complete").write_text("\n".join(deps), encoding="utf-8")
    return house


@pytest.fixture(scope="module")
def installed(wheel: Path, wheelhouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh venv holding only the wheel and its dependencies; yields its bin/ folder."""
    venv = tmp_path_factory.mktemp("venv") / "v"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    py = venv / "bin" / "python"
    _run(
        [sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-index",
         "--find-links", str(wheelhouse), str(wheel)],
        timeout=600,
    )  # fmt: skip
    yield venv / "bin"


def _env(home: Path) -> dict[str, str]:
    """No PYTHONPATH, no checkout: the app must find everything inside the installed package."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "ZSDESK_LOG_DIR": str(home / "logs"),
    }


def test_the_wheel_carries_fonts_icons_translations_and_compiled_forms(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "zsdesk/assets/fonts/wqy-microhei.ttc" in names
    assert "zsdesk/assets/icons/png/dashboard-20.png" in names
    assert "zsdesk/assets/icons/app.svg" in names
    assert "zsdesk/assets/translations/zsdesk_en.qm" in names
    assert {f"zsdesk/ui/generated/ui_{f.stem}.py" for f in (ROOT / "forms").glob("*.ui")} <= names
    assert not [n for n in names if n.startswith(("tests/", "forms/", "scripts/"))]


def test_the_desktop_wheel_requires_no_server_package(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        meta = next(zf.read(n).decode() for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
    requires = [
        line.split(":", 1)[1].strip() for line in meta.splitlines() if line.startswith("Requires-Dist:")
    ]
    desktop = {_name(r) for r in requires if "extra ==" not in r}
    server = {_name(r) for r in requires if 'extra == "server"' in r or "extra == 'server'" in r}
    assert desktop and not desktop & SERVER_DISTRIBUTIONS
    assert {"fastapi", "uvicorn", "sqlalchemy", "psycopg", "argon2-cffi"} <= server
    assert "License-Expression: LicenseRef-Proprietary" in meta


def test_a_desktop_install_has_no_server_stack(installed: Path, tmp_path: Path) -> None:
    listed = _run([str(installed / "python"), "-m", "pip", "list", "--format=json"], env=_env(tmp_path))
    packages = {p["name"].lower().replace("_", "-") for p in json.loads(listed.stdout)}
    assert "zsdesk" in packages
    assert not packages & SERVER_DISTRIBUTIONS, packages & SERVER_DISTRIBUTIONS
    print(f"desktop install: {len(packages)} distributions")  # reported with -s
    server = subprocess.run(
        [str(installed / "zsdesk-server"), "--help"], capture_output=True, text=True, env=_env(tmp_path)
    )
    assert server.returncode == 2 and "zsdesk[server]" in server.stderr and "Traceback" not in server.stderr


# A real Secret Service per run (gnome-keyring in its own D-Bus session, its keyring in the throwaway
# HOME): the database key lives there, as on an officer's desktop.
SECRET_SERVICE = bool(shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon"))
_WITH_KEYRING = (
    'echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$0" "$@"'
)


def _app(bindir: Path, home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The installed `zsdesk` with a bare environment, run from a folder outside the checkout."""
    cmd = [str(bindir / "zsdesk"), *args]
    stdin = ""
    if SECRET_SERVICE:
        cmd = ["dbus-run-session", "--", "sh", "-c", _WITH_KEYRING, *cmd]
    elif args and not args[0].startswith("--"):  # no keyring: the passphrase path
        cmd = [cmd[0], "--passphrase-stdin", *cmd[1:]]
        stdin = "install test passphrase\n"
    return _run(cmd, env=_env(home), cwd=home, timeout=timeout, input=stdin)


def test_installed_app_prints_chinese_help_and_a_statistics_pdf(installed: Path, tmp_path: Path) -> None:
    help_text = _app(installed, tmp_path, "--help").stdout
    assert "用法" in help_text and not [w for w in ENGLISH_ARGPARSE if w in help_text]
    db = tmp_path / "office.db"
    _app(installed, tmp_path, "init", "--db", str(db), "--office", "省政府驻上海办事处")
    pdf = tmp_path / "stats.pdf"
    _app(installed, tmp_path, "report", "stats", "--db", str(db), "--from", "2026-01-01", "--to", "2026-12-31",
         "--out", str(pdf))  # fmt: skip
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "情况统计表" in text and "驻上海办事处" in text


@pytest.mark.skipif(
    not SECRET_SERVICE, reason="no Secret Service: the GUI would ask for a passphrase in a dialog"
)
def test_installed_app_opens_its_main_window(installed: Path, tmp_path: Path) -> None:
    db = tmp_path / "office.db"
    # init and --smoke in one D-Bus session: the key init stores is the one the window reads
    script = f"{installed / 'zsdesk'} init --db {db} --office 测试办事处 && {installed / 'zsdesk'} --db {db} --smoke"
    _run(["dbus-run-session", "--", "sh", "-c", _WITH_KEYRING, "sh", "-c", script], env=_env(tmp_path),
         cwd=tmp_path, timeout=180)  # fmt: skip


def test_installed_first_run_dialog_opens_from_the_compiled_form(installed: Path, tmp_path: Path) -> None:
    probe = (
        "import zsdesk, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from zsdesk.ui.resources import load_cjk_font\n"
        "from zsdesk.ui.first_run import FirstRunDialog\n"
        "app = QApplication([])\n"
        "family = load_cjk_font(app)\n"
        "d = FirstRunDialog(); d.show(); app.processEvents()\n"
        "print(zsdesk.__file__); print(family); print(d.ui.createButton.text())\n"
    )
    out = _run([str(installed / "python"), "-c", probe], env=_env(tmp_path), cwd=tmp_path, timeout=120)
    module_file, family, button = out.stdout.strip().splitlines()[-3:]
    assert Path(module_file).is_relative_to(installed.parent), "imported from the checkout, not the wheel"
    assert family.startswith("WenQuanYi") and button
