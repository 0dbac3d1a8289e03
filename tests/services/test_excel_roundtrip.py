"""Export → import of every sheet kind on the demo database changes nothing, also after LibreOffice re-saves it.

Through the real CLI (`zsdesk demo/export/import/stats`) and real .xlsx files. The demo data holds the
hard cases of the issue: visits sharing date+enterprise+office+form, several funds-in-place instalments
on one date, two projects of one name at one enterprise; the fixture adds a 4-decimal 亿元 amount.
Expensive steps (demo build, exports, one soffice run for all files) happen once per module.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dbfiles import copy_db
from zsdesk.cli import main
from zsdesk.services.context import open_workspace
from zsdesk.services.excel_formats import FORMATS
from zsdesk.storage import engine

KINDS = [f.kind for f in FORMATS]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _stats_json(db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["stats", "--db", str(db), "--from", "2020-01-01", "--to", "2030-12-31", "--json"]) == 0
    return capsys.readouterr().out


def _counts(db: Path) -> tuple[int, int, int]:
    conn = engine.connect(db)  # the laptop database is encrypted (SQLCipher); its key is in the keyring
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("outbox", "history", "stage_change")
        )
    finally:
        conn.close()


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """(demo db, folder with one exported .xlsx per kind)."""
    folder = tmp_path_factory.mktemp("roundtrip")
    db = folder / "demo.db"
    assert main(["demo", "--db", str(db), "--scale", "small"]) == 0
    with open_workspace(db) as ws:
        # An amount with four decimals (万元 precision) must survive the float cell and the re-save.
        ent = ws.store.rows("SELECT id FROM enterprise ORDER BY id LIMIT 1")[0]["id"]
        project = ws.store.create(
            "project",
            {
                "name": "精确金额项目",
                "enterprise_id": ent,
                "stage": "签约落地",
                "planned_wan": "12.3456",
                "signed_date": "2024-05-01",
                "signed_wan": "7.0001",
            },
        )
        ws.store.create("funding", {"project_id": project, "date": "2024-06-01", "amount_wan": "0.0003"})
    files = folder / "files"
    files.mkdir()
    for kind in KINDS:
        assert main(["export", kind, "--db", str(db), "--out", str(files / f"{kind}.xlsx")]) == 0
    yield db, files


@pytest.fixture(scope="module")
def resaved(exported: tuple[Path, Path]) -> Path:
    """The same files after LibreOffice opened and saved them (one soffice start for all)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) 未安装：apt-get install -y libreoffice-calc-nogui")
    _, files = exported
    out = files.parent / "libreoffice"
    profile = files.parent / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            *sorted(str(p) for p in files.glob("*.xlsx")),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert sorted(p.name for p in out.glob("*.xlsx")) == sorted(f"{k}.xlsx" for k in KINDS)
    return out


@pytest.fixture(scope="module")
def baseline(exported: tuple[Path, Path]) -> tuple[tuple[int, int, int], str]:
    db, _ = exported
    import io
    from contextlib import redirect_stdout

    buffer = io.StringIO()
    with redirect_stdout(buffer):
        assert main(["stats", "--db", str(db), "--from", "2020-01-01", "--to", "2030-12-31", "--json"]) == 0
    return _counts(db), buffer.getvalue()


def _assert_no_op(
    db: Path,
    path: Path,
    kind: str,
    baseline: tuple[tuple[int, int, int], str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    capsys.readouterr()
    assert main(["import", kind, str(path), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "新增 0，更新 0" in out and "新增 1" not in out, out
    assert "警告" not in out, out
    assert _counts(db) == baseline[0]
    assert _stats_json(db, capsys) == baseline[1]


@pytest.mark.parametrize("kind", KINDS)
def test_export_then_import_changes_nothing(
    kind: str,
    exported: tuple[Path, Path],
    baseline: tuple[tuple[int, int, int], str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, files = exported
    _assert_no_op(db, files / f"{kind}.xlsx", kind, baseline, capsys)


@pytest.mark.parametrize("kind", KINDS)
def test_a_libreoffice_resaved_export_imports_as_a_no_op(
    kind: str,
    exported: tuple[Path, Path],
    resaved: Path,
    baseline: tuple[tuple[int, int, int], str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _ = exported
    _assert_no_op(db, resaved / f"{kind}.xlsx", kind, baseline, capsys)


def test_an_export_imported_into_an_empty_database_keeps_every_id(
    exported: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """记录编号 travels: the other database gets the same records under the same ids."""
    db, files = exported
    other = tmp_path / "other.db"
    copy_db(db, other)  # with its key file: the database is encrypted
    conn = engine.connect(other)
    with conn:
        for table in ("visit", "funding", "stage_change"):
            conn.execute(f"DELETE FROM {table}")
    conn.close()
    capsys.readouterr()
    assert main(["import", "走访", str(files / "走访.xlsx"), "--db", str(other)]) == 0
    source = engine.connect(db)
    visits = source.execute("SELECT count(*) FROM visit WHERE deleted = 0").fetchone()[0]
    source.close()
    # Every visit comes back, those sharing date+enterprise+office+form too (none merged).
    assert f"走访：新增 {visits}，更新 0" in capsys.readouterr().out
    ids = "SELECT id, date, enterprise_id, form, leader FROM visit ORDER BY id"
    mine, theirs = engine.connect(db), engine.connect(other)
    try:
        assert mine.execute(ids).fetchall() == theirs.execute(ids).fetchall()
    finally:
        mine.close()
        theirs.close()
