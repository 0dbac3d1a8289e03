"""The bundled CJK TrueType font: located among the package's assets, registered once.

reportlab embeds TrueType outlines as subsets (PLATFORM.md); its built-in STSong-Light is never
embedded, so every report uses this font and nothing else.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resources import resource_path

FONT_NAME = "WQYMicroHei"
FONT_FILE = "wqy-microhei.ttc"

_lock = threading.Lock()


def font_dirs() -> list[Path]:
    """Where the bundled font may be: the package's assets (checkout, wheel or PyInstaller bundle)."""
    return [resource_path("fonts")]


def font_path() -> Path:
    for folder in font_dirs():
        candidate = folder / FONT_FILE
        if candidate.is_file():
            return candidate
    searched = "、".join(str(d) for d in font_dirs())
    raise FileNotFoundError(f"找不到报表字体 {FONT_FILE}（已查找：{searched}），安装可能不完整")


def register_fonts() -> str:
    """Register the CJK font with reportlab (idempotent, thread-safe); returns its name.

    Loading the 5 MB .ttc costs 0.1–0.2 s, so it happens once per process, not per report.
    """
    if FONT_NAME in pdfmetrics.getRegisteredFontNames():
        return FONT_NAME
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            # subfontIndex=0 is WenQuanYi Micro Hei (1 is its monospaced sibling).
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=0))
    return FONT_NAME
