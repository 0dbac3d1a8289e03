"""Fuzz every operation of the server's OpenAPI spec (schemathesis) on SQLite and on PostgreSQL: never
a 5xx, never a scope escape, the other office's records untouched."""

from __future__ import annotations

import atexit
import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from tests.sync.harness import drop_postgres, fresh_postgres_url, postgres_available
from zsdesk.server import auth
from zsdesk.server.app import create_app
from zsdesk.server.auth import add_user
from zsdesk.server.cli import add_office
from zsdesk.sync.protocol import version_headers

# Test-sized argon2id cost, set before any user exists (the fuzzed logout needs fresh tokens).
auth._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
EXAMPLES = 40  # per operation and back end (was 20 on SQLite only)


class Target:
    """One fuzzed server: its app, two offices, a token of each, and office B's records before."""

    def __init__(self, url: str) -> None:
        self.app = create_app(url)
        self.engine = self.app.state.engine
        self.office_a = add_office(self.engine, name="甲办事处")
        self.office_b = add_office(self.engine, name="乙办事处")
        add_user(
            self.engine, username="a1", password="fuzz-password", role="officer", offices=[self.office_a]
        )
        add_user(
            self.engine, username="b1", password="fuzz-password", role="officer", offices=[self.office_b]
        )
        token_b = self.token("b1")
        with TestClient(self.app, headers={**version_headers(), "Authorization": f"Bearer {token_b}"}) as b:
            b.post("/sync/push", json={"device_id": "b", "ops": [_seed(self.office_b)]})
        self.headers = {**version_headers(), "Authorization": f"Bearer {self.token('a1')}"}
        self.b_before = self.records_of_b()
        self.status: list[tuple[str, str, int]] = []

    def token(self, username: str) -> str:
        # Another address per login: the fuzzed logins' failures must not lock the test's own logins.
        with TestClient(self.app, headers=version_headers(), client=(f"10.0.0.{len(username)}", 1)) as client:
            answer = client.post("/auth/login", json={"username": username, "password": "fuzz-password"})
            return str(answer.json()["token"])

    def records_of_b(self) -> list[Any]:
        with self.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT * FROM records ORDER BY id").all()
        return [tuple(r) for r in rows if r.office_id == self.office_b]

    def check(self, case: schemathesis.Case) -> None:
        headers = self.headers
        if case.path == "/auth/logout":  # would revoke the token every other case uses
            headers = {**self.headers, "Authorization": f"Bearer {self.token('a1')}"}
        response = case.call_and_validate(headers=headers, checks=[not_a_server_error], excluded_checks=[])
        self.status.append((case.method, case.path, response.status_code))
        if case.path == "/sync/pull" and response.status_code == 200:
            page = json.loads(response.content)
            assert all(row.get("o") in ("", self.office_a) or row.get("gone") for row in page["rows"])
            assert all(c["office_id"] == self.office_a for c in page["conflicts"])


def _seed(office: str) -> dict[str, Any]:
    fields = {"name": "乙的企业", "office_id": office}
    return {
        "op_id": "seed-1",
        "table": "enterprise",
        "row_id": "secret-1",
        "office_id": office,
        "kind": "create",
        "fields": fields,
    }


SQLITE = Target(f"sqlite:///{Path(tempfile.mkdtemp(prefix='zsdesk-fuzz-')) / 'fuzz.db'}")
PG: Target | None = None
if postgres_available():
    _pg_url = fresh_postgres_url()
    atexit.register(drop_postgres, _pg_url)
    PG = Target(_pg_url)
    atexit.register(PG.engine.dispose)
TARGETS = [SQLITE, *([PG] if PG else [])]
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
sqlite_schema = schemathesis.openapi.from_asgi("/openapi.json", SQLITE.app)


@sqlite_schema.parametrize()
@FUZZ
def test_api_never_answers_5xx_or_leaks_other_office_on_sqlite(case: schemathesis.Case) -> None:
    SQLITE.check(case)


if PG is not None:
    pg_schema = schemathesis.openapi.from_asgi("/openapi.json", PG.app)

    @pytest.mark.postgres
    @pg_schema.parametrize()
    @FUZZ
    def test_api_never_answers_5xx_or_leaks_other_office_on_postgres(case: schemathesis.Case) -> None:
        assert PG is not None
        PG.check(case)


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: "postgres" if t is PG else "sqlite")
def test_fuzzing_left_other_office_untouched(target: Target) -> None:
    assert target.records_of_b() == target.b_before


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: "postgres" if t is PG else "sqlite")
def test_fuzzing_reached_past_auth(target: Target) -> None:
    print(Counter(target.status))
    assert any(code == 200 for _, _, code in target.status)
    # The resumable upload (PATCH /blobs) was fuzzed past header validation into the upload logic.
    assert any(
        m == "PATCH" and p.startswith("/blobs") and c in (200, 400, 409, 413) for m, p, c in target.status
    )
