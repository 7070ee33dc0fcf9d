"""What every tab of Termine shares: a DeskView of its own (its topics reload it while it is the
tab on show; a hidden tab catches up when shown) that reads the counsellor and the period from
the view's top bar. Compare verwaltung/view.py: each tab is one class with its own file here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desk.ui.views.base import DeskView

if TYPE_CHECKING:
    from desk.ui.views.termine.view import TermineView


def table(name: str) -> QTableView:
    """A read-only table of whole rows, as every tab shows them."""
    view = QTableView()
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    return view


class TermineTab(DeskView):
    """One tab of Termine. `view` is the Termine view: its counsellor (`view.staff_id()`), period
    (`view.first_day()`, `view.span_days()`) and choices (`view.choices`)."""

    def __init__(self, view: TermineView) -> None:
        super().__init__(view.ctx)
        self.view = view

    def title(self) -> str:
        """The tab's title in the current language."""
        raise NotImplementedError
