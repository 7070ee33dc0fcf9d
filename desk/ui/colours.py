"""Colours that work in the light and the dark scheme and with high contrast.

The default style follows the system scheme as long as nothing hard-codes a text colour on the
window's own background. Rules used in desk:
- text colours come from the palette (`muted_text()` for secondary text);
- a coloured box (message, banner, highlighted row) sets background AND text colour together, so
  its contrast never depends on the scheme (`message_style()`);
- status is always also said in words or symbols ("✓ arrived", "⚠ 45 min"), never by colour alone.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

# (background, text) pairs with a contrast ratio above 7:1 in both schemes
_MESSAGE = {
    "error": (("#ffd9d6", "#8a1c12"), ("#5c1a14", "#ffe3e0")),
    "warning": (("#fff4c2", "#5c4400"), ("#4d3d00", "#fff4c2")),
    "notice": (("#dcecff", "#0b3d75"), ("#0b2f57", "#dcecff")),
}


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < palette.color(QPalette.ColorRole.WindowText).lightness()


def muted_text(palette: QPalette | None = None) -> QColor:
    """Secondary text (a closed appointment): between text and base, still readable (~4.5:1)."""
    palette = palette or QGuiApplication.palette()
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    mix = 0.68
    return QColor.fromRgbF(text.redF() * mix + base.redF() * (1 - mix), text.greenF() * mix + base.greenF() * (1 - mix),
                           text.blueF() * mix + base.blueF() * (1 - mix))


def message_style(kind: str = "error", selector: str = "QLabel") -> str:
    """A style sheet for a message box/banner: its own background and text colour, padding."""
    background, text = _MESSAGE[kind][1 if is_dark() else 0]
    return f"{selector} {{ background: {background}; color: {text}; padding: 4px 6px; border-radius: 3px; }}"
