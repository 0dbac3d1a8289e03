"""Finding bundled files (fonts, icons, translations, forms) and loading the CJK font and translator."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QPixmap
from PySide6.QtWidgets import QApplication

from ..resources import resources_root

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

FONT_FILE = "wqy-microhei.ttc"


def resource_dir() -> Path:
    """`zsdesk/assets/` of the installed package (or inside a PyInstaller bundle)."""
    return resources_root()


def load_cjk_font(app: QApplication) -> str | None:
    """Load the bundled WenQuanYi font so Chinese never shows as boxes; returns its family.

    Once per application: a second addApplicationFont would parse the 5 MB file and rebuild the
    font database again (scripts and tests call this next to `run()`).
    """
    loaded = app.property("zsdeskFontFamily")
    if loaded:
        return str(loaded)
    path = resource_dir() / "fonts" / FONT_FILE
    if not path.exists():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(families[0])
    font.setPointSize(max(app.font().pointSize(), 10))
    if sys.platform.startswith("linux"):
        # The font has no hinting instructions, so FreeType ran its auto-hinter on every glyph the
        # first screen draws: the largest part of painting its text (≈2% of start-up CPU). Without
        # it the glyphs look the same at 1:1 (compared by screenshot); Windows keeps ClearType's.
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    app.setProperty("zsdeskFontFamily", families[0])
    return families[0]


def ui_language(lang: str | None = None) -> str:
    """The UI language: `--lang`, else `ZSDESK_LANG`, else the system locale (e.g. "en_US")."""
    return lang or os.environ.get("ZSDESK_LANG") or QLocale.system().name()


def install_translator(app: QCoreApplication, locale: str | None = None) -> QTranslator | None:
    """Sources are zh_CN; `zsdesk_<locale>.qm` (e.g. zsdesk_en.qm for en_US) replaces them when present.

    `locale` defaults to `ui_language()`. Returns the installed translator, None for Chinese or
    when no translation exists for that language (the Chinese sources are shown then).
    """
    name = ui_language(locale)
    if name.lower().startswith("zh") or name in ("C", "POSIX"):
        return None
    translator = QTranslator(app)
    # QTranslator.load tries zsdesk_en_US.qm, then zsdesk_en.qm.
    if translator.load(f"zsdesk_{name}", str(resource_dir() / "translations")):
        app.installTranslator(translator)
        return translator
    return None


def install_qt_translations(app: QCoreApplication, locale: str | None = None) -> QTranslator | None:
    """Qt's own strings (Yes/No/OK/Cancel, file and colour dialogs) in Chinese for a Chinese UI:
    `qtbase_zh_CN.qm` from the Qt that PySide6 ships (a frozen build carries it in the bundle)."""
    from PySide6.QtCore import QLibraryInfo

    name = ui_language(locale)
    if not (name.lower().startswith("zh") or name in ("C", "POSIX")):
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for candidate in (folder, str(resource_dir() / "translations")):
        if translator.load("qtbase_zh_CN", candidate):
            app.installTranslator(translator)
            return translator
    return None


@functools.cache
def _rendered_icons() -> dict[str, list[str]]:
    """name -> its PNG files (`<name>-<px>.png`), read once: the window asks for a dozen icons."""
    index: dict[str, list[str]] = {}
    for png in sorted((resource_dir() / "icons" / "png").glob("*.png")):
        index.setdefault(png.stem.rsplit("-", 1)[0], []).append(str(png))
    return index


def icon_pixmap(name: str, size: int, ratio: float) -> QPixmap:
    """The icon `name` as one pixmap drawn `size` logical pixels wide on a screen of `ratio`.

    For the first screen (the navigation list): QIcon's Python type is built with its enums
    (≈150 theme-icon names), ≈1–2 ms the first paint does not need.
    """
    pngs = _rendered_icons().get(name) or []
    sized = [(int(p.rsplit("-", 1)[1].removesuffix(".png")), p) for p in pngs]
    sized.sort()
    if not sized:
        return QPixmap()
    px, path = next(((px, p) for px, p in sized if px >= size * ratio), sized[-1])
    pixmap = QPixmap(path)
    pixmap.setDevicePixelRatio(px / size)
    return pixmap


def icon(name: str) -> QIcon:
    """The icon `name`, from the PNGs scripts/build_icons.py renders (an SVG would load QtSvg and
    its plugin at start-up); the SVG itself where no PNG was rendered."""
    from PySide6.QtGui import QIcon

    pngs = _rendered_icons().get(name)
    if pngs:
        result = QIcon()
        for png in pngs:
            result.addFile(png)
        return result
    path = resource_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
