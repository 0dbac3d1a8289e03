"""Hybrid logical clock (Kulkarni et al.) for audit timestamps; never used for ordering sync."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


def format_hlc(physical_ms: int, counter: int, node: str) -> str:
    # Fixed-width so that string order equals clock order.
    return f"{physical_ms:015d}-{counter:05d}-{node}"


def parse_hlc(stamp: str) -> tuple[int, int, str]:
    physical, counter, node = stamp.split("-", 2)
    return int(physical), int(counter), node


class HybridClock:
    """`HybridClock("laptop-1").now()` -> "001719372000000-00000-laptop-1"."""

    def __init__(self, node: str, wall_ms: Callable[[], int] | None = None) -> None:
        self.node = node
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)
        self._physical = 0
        self._counter = 0
        self._lock = threading.Lock()

    def now(self) -> str:
        with self._lock:
            wall = self._wall_ms()
            if wall > self._physical:
                self._physical, self._counter = wall, 0
            else:
                self._counter += 1
            return format_hlc(self._physical, self._counter, self.node)

    def observe(self, remote: str) -> None:
        """Merge a timestamp received from elsewhere so later stamps sort after it."""
        physical, counter, _ = parse_hlc(remote)
        with self._lock:
            wall = self._wall_ms()
            top = max(wall, self._physical, physical)
            if top == self._physical == physical:
                self._counter = max(self._counter, counter) + 1
            elif top == self._physical:
                self._counter += 1
            elif top == physical:
                self._counter = counter + 1
            else:
                self._counter = 0
            self._physical = top
