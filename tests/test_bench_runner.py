"""tests/bench/run.py: runs every bench_*.py once, tolerates a failing one, writes one Markdown table."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

RUN_PY = Path(__file__).resolve().parent / "bench" / "run.py"


@pytest.fixture
def runner():
    spec = importlib.util.spec_from_file_location("bench_runner_under_test", RUN_PY)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def bench_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "fakebench"
    folder.mkdir()
    (folder / "common.py").write_text(
        "CALLS = []\ndef province_db():\n    CALLS.append(1)\n    return 'province.db'\n", encoding="utf-8"
    )
    (folder / "bench_fast.py").write_text(
        "import common\n"
        "def run(quick=False):\n"
        "    assert common.CALLS == [1]  # built once, before the benchmarks\n"
        "    return [{'name': 'fast', 'ours_s': 0.01, 'baseline_s': 0.02, 'ratio': 0.5, 'target': '≤ 1.5×'},\n"
        "            {'name': 'slow', 'ours_s': 0.3, 'baseline_s': 0.1, 'ratio': 3.0, 'target': '≤ 2×'},\n"
        "            {'name': 'note', 'ours_s': 0.3, 'baseline_s': 0.1, 'ratio': 3.0, 'target': 'info: x'}]\n",
        encoding="utf-8",
    )
    (folder / "bench_broken.py").write_text("def run(quick=False):\n    raise RuntimeError('boom')\n")
    (folder / "bench_quick.py").write_text(
        "def run(quick=False):\n"
        "    return [{'name': f'quick={quick}', 'ours_s': 1, 'baseline_s': 1, 'ratio': 1.0, 'target': 1.0}]\n"
    )
    monkeypatch.setattr(sys, "path", list(sys.path))
    for name in ("common", "bench_fast", "bench_broken", "bench_quick"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    return folder


def test_runner_prints_one_table_and_keeps_going_after_a_failing_benchmark(
    runner, bench_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "latest.md"
    code = runner.main(["--quick", "--out", str(out)], bench_dir=bench_dir)
    assert code == 1  # a module failed
    table = out.read_text(encoding="utf-8")
    assert table in capsys.readouterr().out  # printed and written: the same table
    lines = {line.split("|")[2].strip(): line for line in table.splitlines() if line.startswith("| bench_")}
    assert _verdict_cell(lines["fast"]) == "✓"
    assert _verdict_cell(lines["slow"]) == "✗"
    assert _verdict_cell(lines["note"]) == "—"
    assert "quick=True" in lines
    broken = next(line for line in table.splitlines() if line.startswith("| bench_broken"))
    assert "RuntimeError: boom" in broken and _verdict_cell(broken) == "ERROR"
    assert "province.db" in table


def test_runner_only_filter_and_missing_common(runner, bench_dir: Path, tmp_path: Path) -> None:
    (bench_dir / "common.py").unlink()
    (bench_dir / "bench_fast.py").unlink()
    out = tmp_path / "latest.md"
    assert runner.main(["--only", "quick", "--out", str(out)], bench_dir=bench_dir) == 0
    table = out.read_text(encoding="utf-8")
    assert "common.py 不可用" in table and "quick=False" in table and "bench_broken" not in table


def _verdict_cell(line: str) -> str:
    """The 结果 column of a table row (the 7th cell)."""
    return [c.strip() for c in line.split("|")][7]


def test_verdicts_for_byte_and_throughput_share_targets() -> None:
    from tests.bench.run import verdict

    assert verdict({"target": "≤ 200 B", "bytes_per_edit": 84.6}) == "✓"
    assert verdict({"target": "≤ 200 B", "bytes_per_edit": 201}) == "✗"
    assert verdict({"target": "all succeed; throughput ≥ 30% of raw", "ratio": 0.32}) == "✓"
    assert verdict({"target": "all succeed; throughput ≥ 30% of raw", "ratio": 0.27}) == "✗"
