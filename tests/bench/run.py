"""One benchmark runner: builds the province-scale data once, runs every tests/bench/bench_*.py, prints one table.

Usage: `.venv/bin/python tests/bench/run.py [--quick] [--only search,import]`

Each `bench_*.py` exposing `run(quick: bool) -> list[dict]` (rows {"name", "ours_s", "baseline_s",
"ratio", "target"}; see common.py) is imported and run in this process, so the province database
is built (or found in bench-data/) once for all of them. A module that fails gets an error row and
the rest still run. The Markdown table is printed and written to bench-data/latest.md, which
docs/BENCHMARKS.md quotes (scripts/update_bench_doc.py). Exit status: 0 when every module ran (a
missed target is shown, not fatal), 1 when a module failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import inspect
import os
import platform
import re
import subprocess
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parents[1]
OUT = REPO / "bench-data" / "latest.md"

if str(REPO) not in sys.path:  # `python tests/bench/run.py` from anywhere
    sys.path.insert(0, str(REPO))

# "≤ 1.5×", "<= 2", "≤ 0.1× (≥ 10× faster)": ratio (ours / baseline) must not exceed the number.
_MAX_RATIO = re.compile(r"^\s*(?:≤|<=)\s*([0-9]*\.?[0-9]+)")
# "throughput ≥ 30% of raw": ratio (ours / baseline throughput) must reach the share.
_MIN_SHARE = re.compile(r"(?:≥|>=)\s*([0-9]*\.?[0-9]+)\s*%")
# "≤ 200 B": the row's bytes_per_edit must not exceed it.
_MAX_BYTES = re.compile(r"^\s*(?:≤|<=)\s*([0-9]*\.?[0-9]+)\s*B\b")
_STANDARD_KEYS = {"module", "name", "ours_s", "baseline_s", "ratio", "target", "error"}


def discover(bench_dir: Path = BENCH_DIR, only: Sequence[str] = ()) -> list[str]:
    """Names of the benchmark modules (`bench_search`, …), sorted; `only` filters by substring."""
    names = sorted(p.stem for p in bench_dir.glob("bench_*.py"))
    if only:
        names = [n for n in names if any(o in n for o in only)]
    return names


def _import(name: str, bench_dir: Path) -> ModuleType:
    # The benchmarks import each other as `tests.bench.common`; import them the same way so the
    # province database helper (and its cache) is one module, not two copies.
    if bench_dir == BENCH_DIR:
        return importlib.import_module(f"tests.bench.{name}")
    if str(bench_dir) not in sys.path:
        sys.path.insert(0, str(bench_dir))
    return importlib.import_module(name)


def prepare_province(bench_dir: Path = BENCH_DIR) -> tuple[str, float]:
    """Build (or find) the shared province database before any benchmark; returns (note, seconds)."""
    started = time.perf_counter()
    try:
        common = _import("common", bench_dir)
    except ModuleNotFoundError as exc:
        return f"tests/bench/common.py 不可用（{exc}）：各基准自行准备数据", 0.0
    build = getattr(common, "province_db", None)
    if build is None:
        return "common.py 没有 province_db()：各基准自行准备数据", 0.0
    try:
        path = build()
    except Exception as exc:  # a broken builder must not hide the benchmarks that need no data
        return f"省级规模数据构建失败：{type(exc).__name__}: {exc}", time.perf_counter() - started
    return f"省级规模数据：{path}", time.perf_counter() - started


def run_module(name: str, quick: bool, bench_dir: Path = BENCH_DIR) -> tuple[list[dict[str, Any]], float]:
    """Rows of one benchmark module, or a single error row; plus its wall time."""
    # The previous module may have left gigabytes of dirty pages (bench_encryption copies the
    # province database): written back while the next one measures, they doubled bench_gui's
    # stalls. Flush them first, and let the machine settle.
    if hasattr(os, "sync"):
        os.sync()
        time.sleep(2)
    started = time.perf_counter()
    try:
        module = _import(name, bench_dir)
        runner = getattr(module, "run", None)
        if runner is None:
            rows = [_error_row(name, "没有 run(quick) 函数")]
        else:
            takes_quick = "quick" in inspect.signature(runner).parameters
            rows = list(runner(quick=quick) if takes_quick else runner())
            for r in rows:
                r.setdefault("module", name)
    except Exception as exc:  # one broken benchmark must not lose the others' numbers
        traceback.print_exc(file=sys.stderr)
        where = traceback.extract_tb(exc.__traceback__)[-1]
        # A bare `assert` has no message: the file and line are what the table reader needs.
        rows = [_error_row(name, f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})")]
    return rows, time.perf_counter() - started


def _error_row(module: str, error: str) -> dict[str, Any]:
    return {"module": module, "name": "(运行失败)", "error": error}


def verdict(r: dict[str, Any]) -> str:
    if r.get("error"):
        return "ERROR"
    if r.get("errors"):  # "all succeed" targets: any failed request fails the row
        return "✗"
    target, ratio = r.get("target"), r.get("ratio")
    if isinstance(ratio, int | float) and isinstance(target, int | float):
        return "✓" if ratio <= target else "✗"
    size = _MAX_BYTES.match(str(target or ""))
    if size is not None and isinstance(r.get("bytes_per_edit"), int | float):
        return "✓" if r["bytes_per_edit"] <= float(size.group(1)) else "✗"
    share = _MIN_SHARE.search(str(target or ""))
    if share is not None and isinstance(ratio, int | float):
        return "✓" if ratio >= float(share.group(1)) / 100 else "✗"
    m = _MAX_RATIO.match(str(target or ""))
    if m is None or not isinstance(ratio, int | float):
        return "—"  # informational row
    return "✓" if ratio <= float(m.group(1)) else "✗"


def _num(value: Any, fmt: str) -> str:
    if not isinstance(value, int | float):
        return ""
    if fmt == "s":  # seconds: sub-millisecond search timings would all print as 0.0000
        return f"{value:.6f}" if abs(value) < 0.001 else f"{value:.4f}"
    return format(value, fmt)


def _extras(r: dict[str, Any]) -> str:
    """Figures a benchmark reports beyond the ratio (bytes per edit, p95, throughput ...)."""
    items = []
    for key, value in r.items():
        if key in _STANDARD_KEYS or value is None or isinstance(value, dict | list):
            continue
        shown = f"{value:.4g}" if isinstance(value, float) else str(value)
        items.append(f"{key}={shown}")
    return ", ".join(items).replace("|", "\\|")


def markdown(rows: list[dict[str, Any]], *, header: Sequence[str] = ()) -> str:
    """The result table (GitHub Markdown), error rows included with their message."""
    lines = [*header, ""] if header else []
    lines += [
        "| 模块 | 基准 | ours (s) | baseline (s) | ratio | target | 结果 | 其他数据 |",
        "|---|---|---:|---:|---:|---|:-:|---|",
    ]
    for r in rows:
        name = str(r.get("name", "")).replace("|", "\\|")
        if r.get("error"):
            name = f"{name} {r['error']}".replace("|", "\\|").replace("\n", " ")
        ratio = r.get("ratio")
        if ratio is None and isinstance(r.get("ours_s"), int | float) and r.get("baseline_s"):
            ratio = r["ours_s"] / r["baseline_s"]
        lines.append(
            f"| {r.get('module', '')} | {name} | {_num(r.get('ours_s'), 's')} | "
            f"{_num(r.get('baseline_s'), 's')} | {_num(ratio, '.3f')} | {r.get('target', '')} | {verdict(r)} | "
            f"{_extras(r)} |"
        )
    return "\n".join(lines) + "\n"


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return "?"
    return out.stdout.strip() or "?"


def main(argv: Sequence[str] | None = None, *, bench_dir: Path = BENCH_DIR, out: Path | None = None) -> int:
    parser = argparse.ArgumentParser(description="运行 tests/bench 下全部基准，输出一张比值表")
    parser.add_argument("--quick", action="store_true", help="小规模、少重复（几分钟内跑完）")
    parser.add_argument("--only", default="", help="只跑名字含这些词的模块，逗号分隔，如 search,import")
    parser.add_argument("--out", type=Path, default=out or OUT, help="Markdown 输出文件")
    args = parser.parse_args(argv)

    names = discover(bench_dir, [o for o in args.only.split(",") if o])
    started = time.perf_counter()
    note, prep_s = prepare_province(bench_dir)
    print(f"{note}（{prep_s:.1f} 秒）", file=sys.stderr)
    rows: list[dict[str, Any]] = []
    timings = []
    for name in names:
        print(f"运行 {name} …", file=sys.stderr)
        module_rows, seconds = run_module(name, args.quick, bench_dir)
        rows += module_rows
        timings.append(f"{name} {seconds:.0f} s")
    header = [
        f"基准结果 {dt.datetime.now():%Y-%m-%d %H:%M}，提交 {_commit()}，{'--quick' if args.quick else '完整'}，"
        f"Python {platform.python_version()}，{os.cpu_count()} 核，{platform.system()}",
        "",
        f"{note}（准备 {prep_s:.0f} 秒）；各模块用时：{', '.join(timings) or '无'}；"
        f"总计 {time.perf_counter() - started:.0f} 秒。ratio = ours / baseline，target 为上限。",
    ]
    table = markdown(rows, header=header)
    print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(table, encoding="utf-8")
    print(f"已写入 {args.out}", file=sys.stderr)
    return 1 if any(r.get("error") for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
