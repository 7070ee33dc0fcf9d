"""Help: the keyboard shortcuts overview (Tastenkürzel) and the first-day guide for reception."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk.ui.i18n import current_language


def collect_shortcuts(root: QWidget) -> list[tuple[str, str]]:
    """(action text, shortcut) of every action with a shortcut in the window, sorted, unique."""
    seen: dict[tuple[str, str], None] = {}
    for action in root.findChildren(QAction):
        if action.shortcut().isEmpty():
            continue
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
        if not text:
            text = action.toolTip()
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        seen[(text, shortcut)] = None
    return sorted(seen, key=lambda pair: pair[0].casefold())


class ShortcutsDialog(QDialog):
    """A table of every shortcut of the window (read from the actions themselves, never stale)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        for text, shortcut in collect_shortcuts(window):
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(shortcut))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)


def guide_html(language: str) -> str:
    folder = resources.files("desk.resources") / "help"
    name = f"first-day.{language}.html"
    if not (folder / name).is_file():
        name = "first-day.de.html"
    return (folder / name).read_text(encoding="utf-8")


class FirstDayGuide(QDialog):
    """The five things a new volunteer at reception needs on the first day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("First day at reception"))
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("First day at reception"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(guide_html(current_language()))  # our own text, not client text
        self.browser.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 620)
