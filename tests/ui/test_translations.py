"""The English build: zsdesk_en.ts is fully translated, and loading it turns the navigation English."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from zsdesk.ui.context import UiContext
from zsdesk.ui.main_window import MainWindow
from zsdesk.ui.resources import install_translator, resource_dir, ui_language

TS = resource_dir() / "translations" / "zsdesk_en.ts"


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


# -- domain values, field labels and sentences built from domain data ---------------------------
def _ts_translations(context: str) -> dict[str, str]:
    out = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        if ctx.findtext("name") == context:
            for message in ctx.iter("message"):
                out[message.findtext("source")] = message.findtext("translation") or ""
    return out


def _vocabularies() -> dict[str, tuple[str, ...]]:
    from zsdesk.domain import enums

    return {
        "INDUSTRIES": enums.INDUSTRIES,
        "HQ_REGIONS": enums.HQ_REGIONS,
        "OWNERSHIPS": enums.OWNERSHIPS,
        "TAGS": enums.TAGS,
        "VISIT_FORMS": enums.VISIT_FORMS,
        "STAGES": enums.STAGES,
        "PROJECT_STATUSES": enums.PROJECT_STATUSES,
        "DEMAND_CATEGORIES": enums.DEMAND_CATEGORIES,
        "DEMAND_STATUSES": enums.DEMAND_STATUSES,
        "EVENT_KINDS": enums.EVENT_KINDS,
        "TRIGGER_KINDS": enums.TRIGGER_KINDS,
        "ROLE_LABELS": tuple(enums.ROLE_LABELS.values()),
        "CITIES": enums.CITIES,
    }


def test_every_enum_value_is_marked_for_translation() -> None:
    from zsdesk.domain.records import BY_TABLE, field_specs
    from zsdesk.domain.stats import TOTAL_LABEL
    from zsdesk.ui.value_labels import VALUES

    missing = {name: sorted(set(values) - VALUES) for name, values in _vocabularies().items()}
    assert {k: v for k, v in missing.items() if v} == {}
    choices = {c for t in BY_TABLE for fs in field_specs(t).values() for c in fs.choices}
    assert sorted(choices - VALUES) == []  # any enum field's choices, present and future
    assert TOTAL_LABEL in VALUES


def test_every_enum_value_has_an_english_translation(english: QTranslator) -> None:
    from zsdesk.ui.value_labels import VALUES, display

    in_ts = _ts_translations("Values")
    assert sorted(v for v in VALUES if not in_ts.get(v, "").strip()) == []
    # ... and the loaded translator shows it (no value stays Chinese in the English build).
    untranslated = sorted(v for v in VALUES if re.search(r"[\u4e00-\u9fff]", display(v)))
    assert untranslated == []
    assert display("签约落地") == "Signed" and display("投产达产") == "In production"
    assert display("办理中") == "In progress" and display("上门拜访") == "On-site visit"
    assert display("不在词表里的值") == "不在词表里的值"  # data outside the vocabularies is shown as stored


def test_every_record_field_and_statistics_heading_is_marked_for_translation() -> None:
    from zsdesk.domain.records import BY_TABLE, field_specs
    from zsdesk.domain.stats import COLUMNS
    from zsdesk.ui.column_labels import LABELS, TITLES
    from zsdesk.ui.pages.stats import DRILL_LABELS

    fields = {fs.label for t in BY_TABLE for fs in field_specs(t).values()}
    assert sorted(fields - LABELS) == []
    assert sorted({h for _, h in COLUMNS} - LABELS) == []
    assert sorted(set(DRILL_LABELS.values()) - LABELS) == []
    assert sorted({cls.TITLE for cls in BY_TABLE.values()} - TITLES) == []


def test_periods_and_targets_are_marked_for_translation() -> None:
    from zsdesk.domain.periods import PRESET_LABELS
    from zsdesk.services.stats import TARGETS
    from zsdesk.ui.domain_text import PRESET_NAMES, TARGET_LABELS

    assert sorted(set(PRESET_LABELS.values()) - PRESET_NAMES) == []
    assert sorted({t.label for t in TARGETS} - TARGET_LABELS) == []


def test_vocabulary_columns_of_every_list_are_translated() -> None:
    """A list column showing an enum field of its table must be in VALUE_COLUMNS."""
    from zsdesk.domain.records import field_specs
    from zsdesk.storage.listing import SPECS
    from zsdesk.ui.value_labels import VALUE_COLUMNS

    enum_columns = {
        (table, c.key)
        for table, spec in SPECS.items()
        for c in spec.columns
        if (fs := field_specs(table).get(c.key)) is not None and fs.kind == "enum"
    }
    listed = {(table, key) for table, keys in VALUE_COLUMNS.items() for key in keys}
    assert sorted(enum_columns - listed) == []
    for table, keys in VALUE_COLUMNS.items():
        assert keys <= {c.key for c in SPECS[table].columns}, table
