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


def refuse_overlong(edit, limit: int, field: str, show) -> None:
    """Instead of `QLineEdit.setMaxLength` (which cuts a pasted text without a word): keep what
    was typed or pasted and say at once that it is too long and what the limit is; saving is then
    refused by the service with the same limit. `show(text)` displays the message ("" hides it)."""
    from PySide6.QtCore import QCoreApplication

    from desk.ui.i18n import current_language

    def check(text: str) -> None:
        if len(text) > limit:
            length = f"{len(text):,}"
            show(QCoreApplication.translate(
                "widgets", "{field}: {length} characters – at most {max} are allowed. Please shorten it.").format(
                    field=field, length=length.replace(",", ".") if current_language() == "de" else length,
                    max=limit))
        else:
            show("")

    edit.textChanged.connect(check)
