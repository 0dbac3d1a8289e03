"""Copy bench-data/latest.md (written by tests/bench/run.py) into README.md between the bench markers.

python tests/bench/run.py && python scripts/update_readme_bench.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def main() -> int:
    readme = ROOT / "README.md"
    table = (ROOT / "bench-data" / "latest.md").read_text(encoding="utf-8").strip()
    text = readme.read_text(encoding="utf-8")
    if BEGIN not in text:
        text = text.replace("BENCH_TABLE_PLACEHOLDER", f"{BEGIN}\n{END}")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{BEGIN}\n{table}\n{END}{tail}", encoding="utf-8")
    print("README.md benchmark table updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
