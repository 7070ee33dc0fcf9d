"""The table model of the statistics view: one report table (desk.domain.reports.Table).

A `FrozenRowsModel` like every list of desk, but its columns depend on the table (the services
of the centre), so they are made per table (`set_table`), not declared on the class; the first
column is always the row label. The rows are keyed by their position. `data()` never touches
the database; the screen shows exact numbers (suppression is for exports only).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from desk.domain.reports import Cell, Table
from desk.services.report_tables import format_cell
from desk.ui.models import OWN_ROLE, FrozenRowsModel, TableColumn

# The cell's value as the report holds it (an int, a float, a label, None).
RAW_ROLE = OWN_ROLE

_Index = QModelIndex | QPersistentModelIndex
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ReportRow(NamedTuple):
    position: int
    cells: tuple[Cell, ...]


def _cell_text(column: int) -> Callable[[ReportTableModel, ReportRow], str]:
    def text(model: ReportTableModel, row: ReportRow) -> str:
        value = row.cells[column]
        return value if column == 0 and isinstance(value, str) else format_cell(value, model.language)
    return text


class ReportTableModel(FrozenRowsModel[ReportRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: Table | None = None
        self.language = "de"

    def table(self) -> Table | None:
        return self._table

    def set_table(self, table: Table, language: str) -> None:
        """Show `table`; one of the same headers (a recomputed period) is updated in place."""
        rows = [ReportRow(position, tuple(cells)) for position, cells in enumerate(table.rows)]
        same_columns = self._table is not None and self._table.headers == table.headers
        self._table = table
        language_changed, self.language = self.language != language, language
        if same_columns:
            self.set_rows(rows)
            if language_changed:  # the numbers' decimal comma
                self.all_changed()
            if self.columns:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
            return
        self.beginResetModel()
        self.columns = tuple(
            TableColumn(f"column_{i}", header, _cell_text(i), align=_LEFT if i == 0 else _RIGHT)
            for i, header in enumerate(table.headers))
        self._rows = rows
        self._index = {row.position: row.position for row in rows}
        self.endResetModel()

    # -- FrozenRowsModel -------------------------------------------------------------------------

    def key(self, row: ReportRow) -> int:
        return row.position

    def header_text(self, column: int) -> str:
        return self.columns[column].header  # the report's own words, already in its language

    def own_data(self, row: ReportRow, column: int, role: int) -> Any:
        return row.cells[column] if role == RAW_ROLE else None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            role = Qt.ItemDataRole.DisplayRole
        if orientation == Qt.Orientation.Vertical:  # row numbers (the view hides them)
            in_range = 0 <= section < len(self._rows)
            return str(section + 1) if in_range and role == Qt.ItemDataRole.DisplayRole else None
        return super().headerData(section, orientation, role)
