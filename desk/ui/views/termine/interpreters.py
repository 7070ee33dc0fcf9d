"""Termine's third tab: the interpreters the centre books (name, languages, phone, active)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout

from desk.domain.permissions import Permission, allowed
from desk.domain.topics import Topic
from desk.ui.views.termine.dialogs import InterpreterDialog
from desk.ui.views.termine.models import ROW_ROLE, InterpreterModel
from desk.ui.views.termine.tab import TermineTab, table
from desk.ui.widgets.languages import language_name
from desk.ui.widgets.tables import set_up_columns

if TYPE_CHECKING:
    from desk.ui.views.termine.view import TermineView


class InterpretersTab(TermineTab):
    topics = frozenset({Topic.APPOINTMENTS})

    def __init__(self, view: TermineView) -> None:
        super().__init__(view)
        self.setObjectName("interpretersTab")
        self.may_edit = allowed(self.ctx.actor.role, Permission.INTERPRETER_MANAGE)
        self.model = InterpreterModel(self)
        self.model.language_name = language_name
        self.table = table("interpreters")
        self.table.setModel(self.model)
        set_up_columns(self.table)
        self.table.activated.connect(lambda _i: self.edit())
        self.add_button, self.edit_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(lambda: self.edit(new=True))
        self.edit_button.clicked.connect(lambda: self.edit())
        for button in (self.add_button, self.edit_button):
            button.setEnabled(self.may_edit)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Interpreters")

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Interpreters"))
        self.add_button.setText(self.tr("&Add interpreter…"))
        self.add_button.setAccessibleName(self.tr("Add interpreter"))
        self.edit_button.setText(self.tr("&Edit interpreter…"))
        self.edit_button.setAccessibleName(self.tr("Edit interpreter"))
        self.model.retranslate()

    def reload(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.appointments.interpreters(actor), self.model.set_rows)

    def edit(self, new: bool = False) -> None:
        if not self.may_edit:
            return
        current = None
        if not new:
            rows = self.table.selectionModel().selectedRows()
            if not rows:
                return
            current = rows[0].data(ROW_ROLE)
        dialog = InterpreterDialog(current, self)
        services, actor = self.ctx.services, self.ctx.actor
        interpreter_id, key = (current.id if current else None), dialog.request_key

        def work():
            values = {"name": dialog.name.text(), "languages": dialog.languages.text(),
                      "phone": dialog.phone.text(), "active": dialog.active.isChecked()}
            return lambda: services.appointments.save_interpreter(actor, interpreter_id, **values, request_key=key)

        # saved in the dialog, which stays open after a fault (Save again: the same key, one entry)
        dialog.run_on_accept(self.ctx, work)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.view.load_choices()  # the booking dialog offers the interpreters too
