"""Progress and cancellation for long use cases (Orange3 style: throttled, checked in loops)."""

from __future__ import annotations

from collections.abc import Callable


class Cancelled(Exception):
    """Raised inside a use case when the user pressed Cancel; the transaction rolls back."""


Progress = Callable[[float, str], None]  # (fraction 0..1, Chinese status text)
CancelCheck = Callable[[], bool]


def NO_PROGRESS(fraction: float, text: str) -> None:
    """Default progress sink: ignore."""


def NEVER() -> bool:
    """Default cancel check: never cancelled."""
    return False


class Throttled:
    """Forward progress only when the rounded percentage rises, so UIs are not flooded."""

    def __init__(self, sink: Progress, cancel: CancelCheck = NEVER) -> None:
        self._sink = sink
        self._cancel = cancel
        self._last = -1

    def __call__(self, fraction: float, text: str = "") -> None:
        if self._cancel():
            raise Cancelled("已取消")
        percent = int(fraction * 100)
        if percent > self._last:
            self._last = percent
            self._sink(fraction, text)
