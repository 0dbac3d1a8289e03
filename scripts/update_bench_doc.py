"""Copy bench-data/latest.md (written by tests/bench/run.py) into docs/BENCHMARKS.md between the bench markers.

python tests/bench/run.py && python scripts/update_bench_doc.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "BENCHMARKS.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def main() -> int:
    table = (ROOT / "bench-data" / "latest.md").read_text(encoding="utf-8").strip()
    # The runner names the data file by its absolute path; the document names it from the checkout.
    table = re.sub(r"\S*/bench-data/", "bench-data/", table)
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(f"{head}{BEGIN}\n{table}\n{END}{tail}", encoding="utf-8")
    print(f"{DOC.relative_to(ROOT)}: benchmark table updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
