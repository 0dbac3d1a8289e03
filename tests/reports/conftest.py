"""Fixtures for report tests (helpers live in pdfcheck.py)."""

from __future__ import annotations

import pytest

from zsdesk.domain.stats import StatsSheet

from .pdfcheck import sample_sheet


@pytest.fixture
def sheet() -> StatsSheet:
    return sample_sheet()
