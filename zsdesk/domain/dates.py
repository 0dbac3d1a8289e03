"""Date parsing for the forms and Excel cells officers actually type."""

from __future__ import annotations

import datetime as dt
import re

from .errors import ValidationError
from .messages import Message

_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(raw: object, *, field: str = "date", label: str = "日期") -> dt.date | None:
    """Parse a date cell: a date/datetime, or text 2024-06-26, 2024/6/26, 2024年6月26日.

    Empty -> None; anything else unparseable -> ValidationError with a Chinese message.
    """
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = str(raw).strip()
    if text == "":
        return None
    # Excel sometimes gives "2024-06-26 00:00:00" when a date was typed as text.
    text = text.split(" ")[0].split("T")[0]
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                value = dt.date(year, month, day)
            except ValueError:
                break
            if not 1990 <= value.year <= 2100:
                raise ValidationError({field: Message("date.year_range", label=label, value=raw)})
            return value
    raise ValidationError({field: Message("date.unrecognised", label=label, value=raw)})


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def iso_week_range(week: str) -> tuple[dt.date, dt.date]:
    """`iso_week_range("2024-W26")` -> (Monday, Sunday) of that ISO week."""
    match = re.match(r"^(\d{4})-?W(\d{1,2})$", week.strip(), re.IGNORECASE)
    if not match:
        raise ValidationError({"week": f"周次“{week}”格式应为 2024-W26"})
    year, number = int(match.group(1)), int(match.group(2))
    try:
        monday = dt.date.fromisocalendar(year, number, 1)
    except ValueError as exc:
        raise ValidationError({"week": f"{year}年没有第{number}周"}) from exc
    return monday, monday + dt.timedelta(days=6)
