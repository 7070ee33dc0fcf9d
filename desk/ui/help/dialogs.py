"""Help: the keyboard shortcuts overview (Tastenkürzel) and the first-day guide for reception."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk.ui.i18n import current_language
from desk.ui.widgets.dialog import LockAwareDialog


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


def shortcut_rows(root: QWidget) -> list[tuple[str, str, str]]:
    """(where, action text, shortcut): window-wide ones first, then per view in navigation order
    (the same key may mean different things in two views, e.g. F4)."""
    from desk.ui.views.registry import VIEWS

    order = {spec.key: number + 1 for number, spec in enumerate(VIEWS)}
    titles = {spec.key: QCoreApplication.translate("views", spec.title) for spec in VIEWS}
    seen: dict[tuple[int, str, str, str], None] = {}
    for action in root.findChildren(QAction):
        if action.shortcut().isEmpty():
            continue
        key = ""
        parent = action.parent()
        while parent is not None and not key:
            name = parent.objectName() if isinstance(parent, QObject) else ""
            key = name[5:] if name.startswith("view-") else ""
            parent = parent.parent()
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").strip() or action.toolTip()
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        where = titles.get(key, "") or QCoreApplication.translate("ShortcutsDialog", "Everywhere")
        seen[(order.get(key, 0), where, text, shortcut)] = None
    rows = sorted(seen, key=lambda row: (row[0], row[2].casefold()))
    return [(where, text, shortcut) for _order, where, text, shortcut in rows]


class ShortcutsDialog(LockAwareDialog):
    """A table of every shortcut of the window (read from the actions themselves, never stale)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Action"), self.tr("Shortcut")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        for where, text, shortcut in shortcut_rows(window):
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, value in enumerate((where, text, shortcut)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 560)


def guide_html(language: str) -> str:
    folder = resources.files("desk.resources") / "help"
    name = f"first-day.{language}.html"
    if not (folder / name).is_file():
        name = "first-day.de.html"
    return (folder / name).read_text(encoding="utf-8")


class FirstDayGuide(LockAwareDialog):
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
