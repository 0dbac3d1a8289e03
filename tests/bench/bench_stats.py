"""Statistics benchmark on the province-scale DB: a year's `compute_stats` vs one hand-written SQL aggregate.

Target (issue 2): ≤ 1.5× the hand-written aggregate. Two baselines: the statement a developer would
write first (COUNT(DISTINCT) over the visit join), and the same statement using our pair-collapsing
visit query, which isolates the overhead of the API itself (several queries, unit listing, Python).
Run: `.venv/bin/python tests/bench/bench_stats.py [--quick]`.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.common import best_of, print_table, province_db, row
from zsdesk.services.context import open_workspace
from zsdesk.services.stats import compute_stats
from zsdesk.storage import engine

UNIT = "COALESCE(NULLIF(o.unit, ''), o.name)"
PROJECT_JOIN = "project p JOIN enterprise e ON e.id = p.enterprise_id JOIN office o ON o.id = p.office_id"
NAIVE_VISITS = f"""
  SELECT {UNIT} AS unit, 0, COUNT(DISTINCT v.enterprise_id), 0, 0, 0, 0, 0
  FROM visit v JOIN enterprise e ON e.id = v.enterprise_id JOIN office o ON o.id = v.office_id
  WHERE v.deleted = 0 AND e.deleted = 0 AND v.date BETWEEN :f AND :t GROUP BY 1"""
PAIR_VISITS = f"""
  SELECT {UNIT} AS unit, 0, COUNT(DISTINCT v.enterprise_id), 0, 0, 0, 0, 0
  FROM (SELECT DISTINCT office_id, enterprise_id FROM visit WHERE deleted = 0 AND date BETWEEN :f AND :t) v
  JOIN enterprise e ON e.id = v.enterprise_id JOIN office o ON o.id = v.office_id
  WHERE e.deleted = 0 GROUP BY 1"""
TEMPLATE = f"""
SELECT unit, SUM(a), SUM(b), SUM(c), SUM(d), SUM(e), SUM(f), SUM(g) FROM (
  SELECT {UNIT} AS unit, COUNT(*) AS a, 0 AS b, 0 AS c, 0 AS d, 0 AS e, 0 AS f, 0 AS g
  FROM event x JOIN office o ON o.id = x.office_id
  WHERE x.deleted = 0 AND x.kind = '推介会' AND x.date BETWEEN :f AND :t GROUP BY 1
  UNION ALL {{visits}}
  UNION ALL
  SELECT {UNIT}, 0, 0, COUNT(*), COALESCE(SUM(p.signed_wan), 0), 0, 0, 0 FROM {PROJECT_JOIN}
  WHERE p.deleted = 0 AND e.deleted = 0 AND p.signed_date BETWEEN :f AND :t GROUP BY 1
  UNION ALL
  SELECT {UNIT}, 0, 0, 0, 0, COUNT(*), 0, 0 FROM {PROJECT_JOIN}
  WHERE p.deleted = 0 AND e.deleted = 0 AND p.landed_date BETWEEN :f AND :t GROUP BY 1
  UNION ALL
  SELECT {UNIT}, 0, 0, 0, 0, 0, COUNT(*), 0 FROM {PROJECT_JOIN}
  WHERE p.deleted = 0 AND e.deleted = 0 AND p.started_date BETWEEN :f AND :t GROUP BY 1
  UNION ALL
  SELECT {UNIT}, 0, 0, 0, 0, 0, 0, COALESCE(SUM(fu.amount_wan), 0)
  FROM funding fu JOIN project p ON p.id = fu.project_id JOIN enterprise e ON e.id = p.enterprise_id
  JOIN office o ON o.id = p.office_id
  WHERE fu.deleted = 0 AND p.deleted = 0 AND e.deleted = 0 AND fu.date BETWEEN :f AND :t GROUP BY 1
) GROUP BY unit ORDER BY unit
"""


def _year(path: Path) -> tuple[str, str]:
    """The last 365 days of the demo data (it ends on the day the database was built)."""
    conn = engine.connect(str(path))
    last = dt.date.fromisoformat(conn.execute("SELECT max(date) FROM visit").fetchone()[0])
    conn.close()
    return (last - dt.timedelta(days=364)).isoformat(), last.isoformat()


def run(quick: bool = False) -> list[dict[str, Any]]:
    path = province_db()
    date_from, date_to = _year(path)
    repeat = 2 if quick else 5
    ws = open_workspace(path)
    raw = engine.connect(str(path))
    params = {"f": date_from, "t": date_to}
    naive = TEMPLATE.format(visits=NAIVE_VISITS)
    pairs = TEMPLATE.format(visits=PAIR_VISITS)

    def ours() -> list[tuple[Any, ...]]:
        sheet = compute_stats(ws, date_from=date_from, date_to=date_to)
        return [
            (r.unit, r.events, r.enterprises_visited, r.projects_signed, r.signed_wan, r.projects_landed,
             r.projects_started, r.funding_wan)
            for r in sheet.rows
        ]  # fmt: skip

    # Sanity: the API and both hand-written statements agree on every figure.
    # (compute_stats lists 市州 in official order, the SQL by name: compare as sets of rows.)
    assert (
        sorted(ours())
        == sorted(raw.execute(naive, params).fetchall())
        == sorted(raw.execute(pairs, params).fetchall())
    )
    ours_s = best_of(ours, repeat=repeat)
    naive_s = best_of(lambda: raw.execute(naive, params).fetchall(), repeat=repeat)
    pairs_s = best_of(lambda: raw.execute(pairs, params).fetchall(), repeat=repeat)
    span = f"{date_from}..{date_to}"
    rows = [
        row(f"compute_stats {span} vs hand-written SQL", ours_s, naive_s, "≤ 1.5×"),
        row(f"compute_stats {span} vs same SQL, one stmt", ours_s, pairs_s, "≤ 1.5×"),
    ]
    ws.close()
    raw.close()
    return rows


if __name__ == "__main__":
    print_table(run(quick="--quick" in sys.argv))
