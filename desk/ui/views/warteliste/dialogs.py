"""Small dialogs of the waiting list: hand over, refer to a partner organisation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desk.domain.model import ServiceRow, StaffRow, VisitRow
from desk.domain.waitlist import can_take_over
from desk.ui.i18n import current_language
from desk.ui.widgets.dialog import LockAwareDialog


class HandOverDialog(LockAwareDialog):
    """Choose another service and/or a counsellor; the person keeps the arrival time.

    `absent`: the ids of the counsellors not here today (an absence covering today, or their
    account deactivated). A hand-over to one of them reserves the person for nobody who is here
    (call next treats it as free: docs/WAITING.md, the call-time rule), so they are marked, listed
    after those present, and choosing one says so - never why they are away."""

    def __init__(self, visit: VisitRow, services: list[ServiceRow], staff: list[StaffRow],
                 parent: QWidget | None = None, *, absent: frozenset[int] = frozenset()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand over {ticket}").format(ticket=visit.ticket))
        self._staff = staff
        self._absent = absent
        info = QLabel(self.tr("{ticket} keeps the original arrival time.").format(ticket=visit.ticket))
        info.setTextFormat(Qt.TextFormat.PlainText)
        self.service_combo = QComboBox()
        self.service_combo.setAccessibleName(self.tr("Service"))
        for service in services:
            if service.active:
                self.service_combo.addItem(service.name(current_language()), service.id)
        index = self.service_combo.findData(visit.service_id)
        if index >= 0:
            self.service_combo.setCurrentIndex(index)
        self.staff_combo = QComboBox()
        self.staff_combo.setAccessibleName(self.tr("Counsellor"))
        self.absent_hint = QLabel()
        self.absent_hint.setObjectName("absent_hint")
        self.absent_hint.setTextFormat(Qt.TextFormat.PlainText)  # a name typed by a person
        self.absent_hint.setWordWrap(True)
        self.absent_hint.setVisible(False)
        self.service_combo.currentIndexChanged.connect(self._fill_staff)
        self.staff_combo.currentIndexChanged.connect(self._show_absent_hint)
        self._fill_staff()
        form = QFormLayout()
        form.addRow(self.tr("&Service:"), self.service_combo)
        form.addRow(self.tr("&Counsellor:"), self.staff_combo)
        form.addRow("", self.absent_hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Hand over"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _fill_staff(self) -> None:
        service_id = self.service_combo.currentData()
        self.staff_combo.clear()
        self.staff_combo.addItem(self.tr("anyone of the service"), None)
        # only those who work in that service and may call people; those here today first
        offered = [p for p in self._staff if can_take_over(p, service_id)]
        for person in sorted(offered, key=lambda p: p.id in self._absent):
            if person.id in self._absent:
                self.staff_combo.addItem(self.tr("{name} (absent today)").format(name=person.display_name),
                                         person.id)
            else:
                self.staff_combo.addItem(person.display_name, person.id)
        self._show_absent_hint()

    def _show_absent_hint(self) -> None:
        staff_id = self.staff_combo.currentData()
        person = next((p for p in self._staff if p.id == staff_id), None)
        if person is None or person.id not in self._absent:
            self.absent_hint.setVisible(False)
            self.absent_hint.clear()
            return
        self.absent_hint.setText(self.tr("{name} is not here today: any colleague can call the person.")
                                 .format(name=person.display_name))
        self.absent_hint.setVisible(True)

    @property
    def service_id(self) -> int:
        return int(self.service_combo.currentData())

    @property
    def staff_id(self) -> int | None:
        return self.staff_combo.currentData()


class ReferDialog(LockAwareDialog):
    def __init__(self, visit: VisitRow, partners: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refer {ticket} to a partner organisation").format(ticket=visit.ticket))
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Partner organisation"))
        self.combo.addItems(partners)
        form = QFormLayout()
        form.addRow(self.tr("&Partner organisation:"), self.combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Refer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @property
    def organisation(self) -> str:
        return self.combo.currentText()
