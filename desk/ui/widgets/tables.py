"""A table view's header from its model's columns (desk/ui/models.py): no widths in the views.

    table.setModel(model)
    set_up_columns(table)

A column with a width hint is interactive and starts at the hint, grown with the font (at 200 %
names stay recognisable and the table scrolls sideways); `stretch` takes what is left; `fit`
fixes the width to the widest text the column can show in this language; otherwise the column
fits its contents. A last column that stretches is the rest of the width but never narrower than
its header (the table scrolls sideways instead). Whenever the headers change (a new language) no header is left cut and the
`fit` columns are measured again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

# Font height (px) at which the width hints were chosen; larger fonts scale them up.
BASE_FONT_HEIGHT = 17
PADDING = 24


def set_up_columns(table: QTableView) -> None:
    model = table.model()
    header = table.horizontalHeader()
    scale = max(1.0, table.fontMetrics().height() / BASE_FONT_HEIGHT)
    last = len(model.columns) - 1
    for section, column in enumerate(model.columns):
        if column.stretch and section == last:  # the rest of the width, but never less than its header
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
        elif column.stretch:
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
        elif column.fit is not None:
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Fixed)
        elif column.width:
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(section, int(column.width * scale))
        else:
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
    keeper = _HeaderKeeper(table)
    model.headerDataChanged.connect(keeper.headers_changed)
    keeper.headers_changed()


class _HeaderKeeper(QObject):
    """Lives as long as the table (its child), so the connection ends with it."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table

    def headers_changed(self, *_args) -> None:
        table, header = self.table, self.table.horizontalHeader()
        model = table.model()
        metrics = header.fontMetrics()
        bold = QFont(table.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        last = len(model.columns) - 1
        for section, column in enumerate(model.columns):
            title = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
            needed = metrics.horizontalAdvance(title) + PADDING
            if column.fit is not None:
                widest = max((bold_metrics.horizontalAdvance(t) for t in column.fit(model)), default=0)
                header.resizeSection(section, max(needed, widest + 16))
            elif (column.width or section == last) and header.sectionSize(section) < needed:  # never cut
                header.resizeSection(section, needed)
