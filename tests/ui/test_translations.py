"""The English build: zsdesk_en.ts is fully translated, and loading it turns the navigation English."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from zsdesk.ui.context import UiContext
from zsdesk.ui.main_window import MainWindow
from zsdesk.ui.resources import install_translator, resource_dir, ui_language

TS = resource_dir() / "translations" / "zsdesk_en.ts"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QTranslator]:
    translator = install_translator(qapp, "en")
    assert translator is not None, "zsdesk_en.qm could not be built or loaded"
    yield translator
    qapp.removeTranslator(translator)


def test_every_extracted_string_has_an_english_translation() -> None:
    missing = [
        message.findtext("source")
        for message in ET.parse(TS).getroot().iter("message")
        if message.find("translation").get("type") == "unfinished"
        or not (message.findtext("translation") or "").strip()
    ]
    assert missing == []


def test_english_translator_shows_english_navigation(
    english: QTranslator, ctx: UiContext, qtbot: Any
) -> None:
    window = MainWindow(ctx, load_data=False)
    qtbot.addWidget(window)
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels[:3] == ["Dashboard", "Visits", "Enterprises"]
    assert "Statistics" in labels and "Sync" in labels
    assert window.menuBar().actions()[0].text() == "&File"


def test_language_comes_from_option_then_environment(monkeypatch: Any) -> None:
    monkeypatch.setenv("ZSDESK_LANG", "en")
    assert ui_language() == "en"
    assert ui_language("zh_CN") == "zh_CN"


def test_chinese_needs_no_translator(qapp: QApplication) -> None:
    assert install_translator(qapp, "zh_CN") is None


def test_every_list_column_heading_is_marked_for_translation() -> None:
    from zsdesk.storage.listing import SPECS
    from zsdesk.ui.column_labels import LABELS

    missing = sorted({c.label for spec in SPECS.values() for c in spec.columns} - LABELS)
    assert missing == []


def test_english_list_headings(english: QTranslator, ctx: UiContext, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    from zsdesk.ui.table_model import LazyTableModel

    model = LazyTableModel(ctx.ws, "visit")
    headings = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert "Visit date" in headings and "Enterprise" in headings
