"""The one table model of desk: a list of frozen rows, shown through columns that are data.

Every list in the views (waiting list, search results, agenda, accounts, audit log, room
bookings, ...) is a `FrozenRowsModel[T]` subclass that says three things:

    class WaitingListModel(FrozenRowsModel[VisitRow]):
        context = "WaitingListModel"          # translation context of the headers
        columns = (
            TableColumn("ticket", QT_TRANSLATE_NOOP("WaitingListModel", "Ticket"), lambda m, r: r.ticket, width=75),
            ...
        )
    Column = column_enum("Column", WaitingListModel.columns)   # Column.TICKET == 0, ...

A column's callables get the model and the row (`m` for lookups the model keeps, such as
service names or the clock). `set_rows` makes the model show new rows with the fewest
changes (removed, moved, inserted, changed in place: never a reset while rows stay), so a live
update keeps selection and scroll position; `data()` never touches the database; every text
is a plain string (client text is never rich text: tooltips that Qt would guess as HTML are
escaped). Views set their header up from the same columns (`desk/ui/widgets/tables.py`).
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtGui import Qt as GuiQt

from desk.ui.widgets.text import plain_tooltip

T = TypeVar("T")
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

# The row's key (`row.id` unless the model says otherwise).
ID_ROLE = Qt.ItemDataRole.UserRole + 1
# The frozen row itself.
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
# The column's sort key for the row (the full text unless the column says otherwise).
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
# The first role a model may define for itself (answered by `own_data`).
OWN_ROLE = Qt.ItemDataRole.UserRole + 16

Cell = Callable[[Any, Any], Any]
"""(model, row) -> value."""


def no_tooltip(_model: Any, _row: Any) -> None:
    """For `TableColumn.tooltip`: this column has none."""
    return None


@dataclass(frozen=True)
class TableColumn:
    """One column of a table: everything a view needs to show it."""

    key: str
    """Stable name (`Column.KEY` in the view's enum, settings, tests)."""
    header: str
    """English header, marked with QT_TRANSLATE_NOOP(<the model's context>, ...)."""
    text: Cell
    """The cell's full text: shown, read by screen readers, the tooltip and the sort key."""
    width: int = 0
    """Width hint in pixels at the normal font size (it grows with the font); 0 fits the contents."""
    stretch: bool = False
    """Takes the width left over (the name column)."""
    fit: Callable[[Any], Iterable[str]] | None = None
    """The texts the column can show (all statuses in this language): fixed to the widest."""
    align: Qt.AlignmentFlag | None = None
    display: Cell | None = None
    """A shorter text for the cell itself (service code); screen readers and tooltip get `text`."""
    tooltip: Cell | None = None
    """The tooltip; None: the full text. `no_tooltip` for none."""
    sort: Cell | None = None
    background: Cell | None = None
    """-> QColor | None (overrides the model's `row_background`)."""
    foreground: Cell | None = None
    bold: Cell | None = None
    """-> bool (or the model's `row_bold`)."""
    check: Cell | None = None
    """-> bool: a check box the user can tick (the model's `check_changed` saves it)."""


def column_enum(name: str, columns: Sequence[TableColumn], module: str | None = None) -> type[enum.IntEnum]:
    """An IntEnum of the columns' positions, named after their keys (`Column.TICKET == 0`)."""
    result = enum.IntEnum(name, [(c.key.upper(), i) for i, c in enumerate(columns)])  # type: ignore[misc]
    if module:
        result.__module__ = module
    return result


def safe_tooltip(text: str | None) -> str | None:
    """The text as it is, or escaped when Qt would take it for rich text (`<b>x</b>`)."""
    if not text:
        return None
    return plain_tooltip(text) if GuiQt.mightBeRichText(text) else text


class FrozenRowsModel(QAbstractTableModel, Generic[T]):
    """A table over frozen rows with a key; subclasses give `columns` (and a `context`)."""

    columns: ClassVar[tuple[TableColumn, ...]] = ()
    context: ClassVar[str] = ""
    """Translation context of the headers (default: the class name)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._index: dict[Hashable, int] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # -- for subclasses --------------------------------------------------------------------------

    def key(self, row: T) -> Hashable:
        return row.id  # type: ignore[attr-defined]

    def row_background(self, row: T) -> QColor | None:
        return None

    def row_foreground(self, row: T) -> QColor | None:
        return None

    def row_bold(self, row: T) -> bool:
        return False

    def own_data(self, row: T, column: int, role: int) -> Any:
        """Roles from OWN_ROLE on."""
        return None

    def check_changed(self, row: T, column: TableColumn, checked: bool) -> bool:
        """The user ticked a `check` column; True when taken (the reload shows the result)."""
        return False

    # -- reading ---------------------------------------------------------------------------------

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: Hashable) -> int | None:
        """The position of the row with this key, None when it is not shown."""
        return self._index.get(key)

    def find(self, key: Hashable) -> T | None:
        """The row with this key, None when it is not shown."""
        position = self._index.get(key)
        return None if position is None else self._rows[position]

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def header_text(self, column: int) -> str:
        context = self.context or type(self).__name__
        return QCoreApplication.translate(context, self.columns[column].header)

    # -- feeding ---------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[T]) -> tuple[list[T], list[Hashable]]:
        """Show `rows` in this order with the fewest changes; returns (new rows, keys gone).

        Rows that stay get `dataChanged` only when they changed; rows whose relative order
        changed are moved (those on a longest increasing subsequence never move); new ones are
        inserted and gone ones removed in contiguous blocks. Nothing is reset while a row stays,
        so selection and scroll position survive a live update."""
        rows = list(rows)
        key = self.key
        wanted = {key(r) for r in rows}
        gone = [key(r) for r in self._rows if key(r) not in wanted]
        if len(gone) == len(self._rows) and rows:
            # nothing stays (the first load, a new search): one reset instead of inserting every row
            # (the header re-lays out too: a stretched last column stretches again)
            self.beginResetModel()
            self._rows = rows
            self._index = {key(r): i for i, r in enumerate(rows)}
            self.endResetModel()
            return list(rows), gone
        # 1. remove vanished rows, bottom up, in contiguous blocks
        position = len(self._rows) - 1
        while position >= 0:
            if key(self._rows[position]) in wanted:
                position -= 1
                continue
            last = position
            while position - 1 >= 0 and key(self._rows[position - 1]) not in wanted:
                position -= 1
            self.beginRemoveRows(_ROOT, position, last)
            del self._rows[position:last + 1]
            self.endRemoveRows()
            position -= 1
        # 2. rows off a longest increasing subsequence of the old positions go to the end first;
        #    then one pass puts every row in place and inserts the new ones
        position_of = {key(r): i for i, r in enumerate(self._rows)}
        kept = [position_of[key(r)] for r in rows if key(r) in position_of]
        stable = {key(self._rows[i]) for i in _longest_increasing(kept)}
        for position in range(len(self._rows) - 1, -1, -1):
            if key(self._rows[position]) not in stable:
                end_row = len(self._rows)
                if position != end_row - 1:
                    self.beginMoveRows(_ROOT, position, position, _ROOT, end_row)
                    self._rows.append(self._rows.pop(position))
                    self.endMoveRows()
        added: list[T] = []
        last_column = max(0, len(self.columns) - 1)
        target = 0
        while target < len(rows):
            row = rows[target]
            row_key = key(row)
            if row_key not in position_of:  # new: insert the whole run of new rows at once
                end = target
                while end < len(rows) and key(rows[end]) not in position_of:
                    end += 1
                self.beginInsertRows(_ROOT, target, end - 1)
                self._rows[target:target] = rows[target:end]
                self.endInsertRows()
                added.extend(rows[target:end])
                target = end
                continue
            if key(self._rows[target]) != row_key:
                source = next(i for i in range(target, len(self._rows)) if key(self._rows[i]) == row_key)
                self.beginMoveRows(_ROOT, source, source, _ROOT, target)
                self._rows.insert(target, self._rows.pop(source))
                self.endMoveRows()
            if self._rows[target] != row:
                self._rows[target] = row
                self.dataChanged.emit(self.index(target, 0), self.index(target, last_column))
            target += 1
        self._index = {key(r): i for i, r in enumerate(self._rows)}
        return added, gone

    def columns_changed(self, *keys: str) -> None:
        """Every cell of these columns may read differently (a lookup or the clock changed)."""
        if not self._rows or not keys:
            return
        positions = [self.column_of(k) for k in keys]  # one signal over the span: views repaint once
        self.dataChanged.emit(self.index(0, min(positions)), self.index(len(self._rows) - 1, max(positions)))

    def all_changed(self) -> None:
        if self._rows and self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))

    def retranslate(self) -> None:
        """Headers and cells in the language just installed."""
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        self.all_changed()

    # -- Qt --------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(section)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].align is not None:
            return self.columns[section].align
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self.columns):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (column.display or column.text)(self, row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return column.text(self, row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return safe_tooltip((column.tooltip or column.text)(self, row))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = column.background(self, row) if column.background else self.row_background(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = column.foreground(self, row) if column.foreground else self.row_foreground(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.FontRole:
            bold = column.bold(self, row) if column.bold else self.row_bold(row)
            return self._bold if bold else None
        if role == Qt.ItemDataRole.CheckStateRole:
            if column.check is None:
                return None
            return Qt.CheckState.Checked if column.check(self, row) else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return self.key(row)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return (column.sort or column.text)(self, row)
        if role >= OWN_ROLE:
            return self.own_data(row, index.column(), role)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and 0 <= index.column() < len(self.columns) and self.columns[index.column()].check:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() \
                or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self.columns):
            return False
        column = self.columns[index.column()]
        if column.check is None:
            return False
        checked = value if isinstance(value, bool) else Qt.CheckState(value) == Qt.CheckState.Checked
        return self.check_changed(self._rows[index.row()], column, checked)


def _longest_increasing(values: list[int]) -> list[int]:
    """A longest strictly increasing subsequence of `values` (patience sorting, O(n log n))."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(values)
    for i, value in enumerate(values):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[k] = value
            tail_index[k] = i
        previous[i] = tail_index[k - 1] if k > 0 else -1
    result = []
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        result.append(values[i])
        i = previous[i]
    return result[::-1]
