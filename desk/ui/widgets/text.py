"""Showing people's text safely: Qt guesses rich text in tooltips and some labels, so a name
like `<b>x</b>` or `A & B` would be rendered as HTML. These helpers make it show literally."""

from __future__ import annotations

import html


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip that always shows `text` exactly as written (escaped inside a rich-text wrapper,
    because Qt's tooltip has no plain-text mode and guesses from the content)."""
    if not text:
        return None
    return f"<qt>{html.escape(text, quote=False).replace(chr(10), '<br>')}</qt>"
