"""The table model of the statistics view: one report table (desk.domain.reports.Table).

The columns depend on the table (services of the centre), so they are not an IntEnum here;
the first column is always the row label. `data()` never touches the database; the screen
shows exact numbers (suppression is for exports only).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desk.domain.reports import Table
from desk.services.report_tables import format_cell

RAW_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class ReportTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._table: Table | None = None
        self._language = "de"

    def table(self) -> Table | None:
        return self._table

    def set_table(self, table: Table, language: str) -> None:
        """Replace the table; same shape (a recomputed period): update in place."""
        same_shape = (self._table is not None and self._table.headers == table.headers
                      and len(self._table.rows) == len(table.rows))
        self._language = language
        if same_shape:
            self._table = table
            if table.rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(table.rows) - 1, len(table.headers) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(table.headers) - 1)
            return
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self._table is None else len(self._table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self._table is None else len(self._table.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if self._table is None or not index.isValid():
            return None
        if not (0 <= index.row() < len(self._table.rows) and 0 <= index.column() < len(self._table.headers)):
            return None
        value = self._table.rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return value if index.column() == 0 and isinstance(value, str) else format_cell(value, self._language)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if index.column() == 0:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RAW_ROLE:
            return value
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if self._table is None:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and orientation == Qt.Orientation.Horizontal:
            left = section == 0
            return int((Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag.AlignRight)
                       | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._table.headers[section] if 0 <= section < len(self._table.headers) else None
        return str(section + 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
