"""The bundled font is found (source tree and PyInstaller bundle) and the text helpers wrap correctly."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from zsdesk.reports import fonts
from zsdesk.reports.layout import cn_date, wrap_text


def test_font_is_found_in_the_source_tree_and_registered_once() -> None:
    assert fonts.font_path().name == "wqy-microhei.ttc"
    assert fonts.register_fonts() == fonts.FONT_NAME
    assert fonts.register_fonts() == fonts.FONT_NAME  # second call is a no-op


def test_font_is_found_inside_a_pyinstaller_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = tmp_path / "zsdesk" / "assets" / "fonts"
    bundled.mkdir(parents=True)
    # A symlink stands in for the copied 5 MB file; only the lookup order is under test.
    (bundled / fonts.FONT_FILE).symlink_to(fonts.font_path())
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts.font_path() == bundled / fonts.FONT_FILE


def test_missing_font_is_reported_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "font_dirs", lambda: [tmp_path])
    with pytest.raises(FileNotFoundError, match="找不到报表字体"):
        fonts.font_path()


def test_wrap_text_keeps_every_line_within_the_width_and_cuts_with_an_ellipsis() -> None:
    text = "企业介绍了2024年产能扩张计划，拟在西部地区新建20GWh动力电池生产基地。" * 5
    wrapped = wrap_text(text, 120, 9)
    lines = wrapped.split("\n")
    assert len(lines) > 5
    assert all(stringWidth(line, fonts.register_fonts(), 9) <= 120 for line in lines)
    assert "".join(lines) == text
    cut = wrap_text(text, 120, 9, max_lines=2).split("\n")
    assert len(cut) == 2 and cut[-1].endswith("…")
    assert stringWidth(cut[-1], fonts.register_fonts(), 9) <= 120


def test_wrap_text_keeps_the_writers_line_breaks() -> None:
    assert wrap_text("第一行\n第二行", 500, 9) == "第一行\n第二行"
    assert wrap_text(None, 100, 9) == ""


def test_cn_date_prints_dates_the_chinese_way() -> None:
    assert cn_date("2024-06-05") == "2024年6月5日"
    assert cn_date(dt.date(2024, 12, 25)) == "2024年12月25日"
    assert cn_date("") == "" and cn_date("不详") == "不详"
