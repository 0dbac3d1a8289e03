"""UUIDv7 ids sort by creation time; the hybrid clock never goes backwards."""

from __future__ import annotations

import uuid

from zsdesk.domain.hlc import HybridClock, parse_hlc
from zsdesk.domain.ids import uuid7


def test_uuid7_is_version_7_and_monotonic() -> None:
    ids = [uuid7() for _ in range(2000)]
    assert all(uuid.UUID(i).version == 7 for i in ids)
    # The hand-made text is the canonical form, RFC 9562 variant.
    assert all(str(uuid.UUID(i)) == i and uuid.UUID(i).variant == uuid.RFC_4122 for i in ids)
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_hlc_survives_a_clock_that_jumps_back() -> None:
    wall = [1_000_000]
    clock = HybridClock("a", wall_ms=lambda: wall[0])
    first = clock.now()
    wall[0] -= 60_000  # the laptop's clock was set back a minute
    second = clock.now()
    assert second > first
    clock.observe(f"{2_000_000:015d}-00003-b")
    third = clock.now()
    assert third > f"{2_000_000:015d}-00003-b"
    assert parse_hlc(third)[2] == "a"
