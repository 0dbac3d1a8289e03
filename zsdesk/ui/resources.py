"""Finding bundled files (fonts, icons, translations, forms) and loading the CJK font and translator."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from ..resources import resources_root

FONT_FILE = "wqy-microhei.ttc"


def resource_dir() -> Path:
    """`resources/` of the checkout, or inside a PyInstaller bundle (sys._MEIPASS)."""
    return resources_root()


def load_cjk_font(app: QApplication) -> str | None:
    """Load the bundled WenQuanYi font so Chinese never shows as boxes; returns its family."""
    path = resource_dir() / "fonts" / FONT_FILE
    if not path.exists():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(families[0])
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    return families[0]


def install_translator(app: QCoreApplication, locale: str | None = None) -> QTranslator | None:
    """Sources are zh_CN; an `zsdesk_<locale>.qm` (e.g. en) replaces them when present."""
    name = locale or QLocale.system().name()
    if name.startswith("zh"):
        return None
    translator = QTranslator(app)
    if translator.load(f"zsdesk_{name}", str(resource_dir() / "translations")):
        app.installTranslator(translator)
        return translator
    return None


def icon(name: str) -> QIcon:
    path = resource_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
