"""Write tests/fixtures/schema_vN.db: a database as released schema N left it, with sample rows.

Run once per release whose schema changed (the files are committed and never regenerated):
    python scripts/make_schema_fixtures.py v6
N is the `PRAGMA user_version` of that release (zsdesk/storage/migrations.py). v1, v2 and v4 came
from releases before numbered migrations and cannot be remade with this script.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import sqlite_utils

from zsdesk.storage.migrations import apply

ROOT = Path(__file__).resolve().parent.parent


def main(version: str) -> int:
    target = ROOT / "tests" / "fixtures" / f"schema_{version}.db"
    target.unlink(missing_ok=True)
    db = sqlite_utils.Database(target)
    apply(db, target=int(version.removeprefix("v")))
    office = "01900000-0000-7000-8000-000000000001"
    ent = "01900000-0000-7000-8000-000000000002"
    db["office"].insert(
        {
            "id": office,
            "office_id": office,
            "name": "省政府驻上海办事处",
            "unit": "驻上海办事处",
            "deleted": 0,
            "version": 0,
        }
    )
    db["enterprise"].insert(
        {
            "id": ent,
            "office_id": office,
            "name": "上海创明新能源科技有限公司",
            "credit_code": "91440300192317458F",
            "tags": '["专精特新"]',
            "is_key": 1,
            "deleted": 0,
            "version": 0,
        }
    )
    db["visit"].insert(
        {
            "id": "01900000-0000-7000-8000-000000000003",
            "office_id": office,
            "enterprise_id": ent,
            "date": "2024-06-26",
            "form": "上门拜访",
            "participants": '["张三"]',
            "minutes": "洽谈储能电池项目落地宜宾",
            "deleted": 0,
            "version": 0,
        }
    )
    # The pending ops the Store would have written for those two creates (they sync after upgrade).
    for n, (table, row_id, fields) in enumerate(
        [
            (
                "enterprise",
                ent,
                {
                    "name": "上海创明新能源科技有限公司",
                    "credit_code": "91440300192317458F",
                    "tags": ["专精特新"],
                    "is_key": True,
                    "office_id": office,
                },
            ),
            (
                "visit",
                "01900000-0000-7000-8000-000000000003",
                {
                    "date": "2024-06-26",
                    "enterprise_id": ent,
                    "form": "上门拜访",
                    "participants": ["张三"],
                    "minutes": "洽谈储能电池项目落地宜宾",
                    "office_id": office,
                },
            ),
        ]
    ):
        db["outbox"].insert(
            {
                "op_id": f"01900000-0000-7000-8000-0000000000a{n}",
                "table_name": table,
                "row_id": row_id,
                "office_id": office,
                "kind": "create",
                "fields": json.dumps(fields, ensure_ascii=False),
                "base_version": 0,
                "hlc": f"001719372000000-0000{n}-fixture",
                "author": "张三",
                "schema_version": 1,
                "state": "pending",
            }
        )
    db["meta"].insert({"key": "office_id", "value": office})
    db.conn.commit()
    db.close()
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
