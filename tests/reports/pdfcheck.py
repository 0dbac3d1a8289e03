"""Report test helpers: read PDFs back (text, fonts, page size) and build sample data."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from pypdf import PdfReader

from zsdesk.domain.enums import CITIES
from zsdesk.domain.hlc import HybridClock
from zsdesk.domain.stats import StatsRow, StatsSheet

SUBSET_NAME = re.compile(r"^/[A-Z]{6}\+")


def pdf_pages(data: bytes) -> list[str]:
    """Text of each page, whitespace removed (table cells extract with line breaks between them)."""
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in reader.pages]


def pdf_text(data: bytes) -> str:
    return "".join(pdf_pages(data))


def pdf_fonts(data: bytes) -> list[dict[str, Any]]:
    """Every font any page uses: {"name", "subtype", "embedded"} (FontFile2/3 in its descriptor)."""
    reader = PdfReader(io.BytesIO(data))
    fonts: dict[str, dict[str, Any]] = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            descriptor_owner = font
            if font.get("/Subtype") == "/Type0":
                descriptor_owner = font["/DescendantFonts"][0].get_object()
            descriptor = descriptor_owner.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = {
                "name": str(font["/BaseFont"]),
                "subtype": str(font.get("/Subtype")),
                "embedded": embedded,
                "truetype": "/FontFile2" in descriptor,
            }
    return list(fonts.values())


def assert_only_embedded_subset_fonts(data: bytes) -> None:
    fonts = pdf_fonts(data)
    assert fonts, "PDF uses no fonts at all"
    for font in fonts:
        assert font["embedded"] and font["truetype"], f"font not embedded as TrueType: {font}"
        assert SUBSET_NAME.match(font["name"]), f"font not a subset: {font['name']}"
        assert "STSong" not in font["name"] and "Helvetica" not in font["name"]


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(data))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def sample_sheet(units: int = 21) -> StatsSheet:
    rows = [
        StatsRow(
            city,
            events=i % 4,
            enterprises_visited=10 + 3 * i,
            projects_signed=i % 5,
            signed_wan=12_345 * i + 5,  # 5 万元 rounds away in 亿元 display; the sum must not drift
            projects_landed=i % 3,
            projects_started=i % 2,
            funding_wan=5_432 * i,
            note="含驻外办事处数据" if i == 3 else "",
        )
        for i, city in enumerate(CITIES[:units])
    ]
    return StatsSheet(
        dt.date(2024, 6, 11),
        dt.date(2024, 6, 25),
        rows,
        filler="张三",
        unit_label="四川省经济合作局",
        filled_on=dt.date(2024, 6, 25),
    )


def clock_at(day: dt.date, hour: int = 10) -> HybridClock:
    """A clock frozen at `day hour:00` China time, so history/created_at stamps land in a chosen week."""
    moment = dt.datetime.combine(day, dt.time(hour), tzinfo=dt.timezone(dt.timedelta(hours=8)))
    ms = int(moment.timestamp() * 1000)
    return HybridClock("test", wall_ms=lambda: ms)
