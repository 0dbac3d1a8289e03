"""Shared benchmark helpers: the cached province-scale demo database, timing, the result table.

Benchmarks are plain scripts (pytest does not collect tests/bench). Each exposes
`run(quick: bool = False) -> list[dict]` with rows {"name", "ours_s", "baseline_s", "ratio", "target"}.
"""

from __future__ import annotations

import os
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from zsdesk.storage import engine

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / "bench-data"  # git-ignored
SEED = 2021

# The benchmark machine has no OS keyring: the cached encrypted databases keep their keys in a
# file-backed test keyring beside them (bench data only; subprocesses such as `zsdesk --smoke`
# inherit it and read the key the way the app reads the OS keyring).
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.memkeyring.MemoryKeyring")
os.environ.setdefault("ZSDESK_TEST_KEYRING_FILE", str(CACHE / "keys.json"))

if str(REPO) not in sys.path:  # run as `python tests/bench/bench_x.py` from anywhere
    sys.path.insert(0, str(REPO))


def _is_complete(path: Path) -> bool:
    try:
        conn = engine.connect_uri_readonly(path, engine.key_of(path))
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'demo_scale'").fetchone()
        finally:
            conn.close()
    except engine.DatabaseError:
        return False
    return bool(row and row[0] == "province")


def province_db(path: Path | None = None) -> Path:
    """The province-scale demo database, built once (≈1–2 min) and reused by every benchmark.

    The build goes to a temporary name and is renamed when complete, so an interrupted build is
    never mistaken for a finished one.
    """
    from zsdesk.services.context import open_workspace
    from zsdesk.services.demo import build_demo

    target = path or CACHE / "province.db"
    if target.exists() and _is_complete(target):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".building")
    for suffix in ("", "-wal", "-shm", ".zskey"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)

    def bar(fraction: float, text: str) -> None:
        sys.stderr.write(f"\r构建省级规模演示库 {fraction * 100:5.1f}% {text}    ")

    started = time.perf_counter()
    with open_workspace(partial, create=True) as ws:
        summary = build_demo(ws, scale="province", seed=SEED, progress=bar)
        ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    sys.stderr.write(f"\n构建完成，用时 {time.perf_counter() - started:.1f} 秒：{summary.counts}\n")
    from zsdesk.services.security import move_database

    move_database(partial, target)  # with its key file
    return target


def child_json(cmd: list[str], env: dict[str, str] | None = None, *, check: bool = True) -> Any:
    """Run a benchmark part in its own interpreter (Qt widgets need a fresh QApplication) and read
    the JSON it prints last; its stderr in the error when it failed (`check`) or printed none."""
    import json
    import subprocess

    env = {**(env or os.environ), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=REPO)
    lines = out.stdout.strip().splitlines()
    if not lines or (check and out.returncode != 0):
        raise RuntimeError(f"{' '.join(cmd[:4])} … failed: {out.stderr[-1500:]}")
    return json.loads(lines[-1])


def best_of(fn: Callable[[], Any], *, repeat: int = 5) -> float:
    """Best wall time of `repeat` runs after one warm-up (warm page cache, as a user's second query)."""
    fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def row(name: str, ours: float, baseline: float, target: str) -> dict[str, Any]:
    return {"name": name, "ours_s": ours, "baseline_s": baseline, "ratio": ours / baseline, "target": target}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def print_table(rows: list[dict[str, Any]]) -> None:
    """Aligned plain-text table; CJK characters count as two columns so the figures line up."""
    width = max([_width("benchmark"), *(_width(r["name"]) for r in rows)])

    def pad(text: str) -> str:
        return text + " " * (width - _width(text))

    print(f"{pad('benchmark')} {'ours (s)':>10} {'baseline (s)':>13} {'ratio':>8}  target")
    for r in rows:
        print(
            f"{pad(r['name'])} {r['ours_s']:>10.4f} {r['baseline_s']:>13.4f} {r['ratio']:>8.3f}  {r['target']}"
        )


if __name__ == "__main__":
    print(province_db())
